"""What a column of an action table holds, from its values alone.

Where a header's words are not in the dictionary ('Who is responsible', 'Percentage delivered',
'How are we doing'), the column's values say what it is: percentages are progress, RAG words or
colours are the RAG, dates are the target date, short names of posts or people are the lead, and
sentences are the action (the first such column) or its commentary (the others).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.interpret.normalise import clean_text, parse_due_date, parse_percent

# words a post's title has ('Head of Finance', 'Community Planning Manager', 'Chief Executive')
POST_RE = re.compile(r"\b(?:head|manager|director|chief|officer|executive|lead|leader|team|service|services|"
                     r"coordinator|co-ordinator|depute|deputy|assistant|principal|senior|clerk|monitoring|"
                     r"partnership|board|group)\b", re.I)
NAME_RE = re.compile(r"^(?:[A-Z]\.?\s*)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}$")  # 'J. Smith', 'Jane Smith'
MOSTLY = 0.6


def _share(values: Sequence[str], test: Callable[[str], bool]) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _is_percent(text: str) -> bool:
    """'45%', '100 %': with its sign (a bare number under an unknown header may be a score, a
    priority or a sum of money)."""
    p = parse_percent(text)
    return p.value is not None and p.readable and "%" in text and any(ch.isdigit() for ch in text)


def _is_date(text: str) -> bool:
    due = parse_due_date(text)
    return due.date is not None


def _is_post(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 8 or any(ch.isdigit() for ch in text):
        return False
    return bool(POST_RE.search(text) or NAME_RE.match(text.strip()))


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 5


def is_kind(text: str, kind: str | None, is_rag: Callable[[str], bool]) -> bool:
    """Whether ``text`` is a value of ``kind`` (a header over a column of that kind is none)."""
    tests: dict[str, Callable[[str], bool]] = {"percent": _is_percent, "rag": is_rag, "date": _is_date,
                                               "post": lambda _: False, "text": lambda _: False}
    return kind is not None and tests[kind](text)


def column_kind(values: Sequence[str], is_rag: Callable[[str], bool], fill_only: bool = False) -> str | None:
    """'percent', 'rag', 'date', 'post' or 'text' for a column whose values (its non-blank data
    cells' texts) are mostly of that kind; None for anything else (numbers, codes, a mixture)."""
    texts = [t for v in values if (t := clean_text(v))]
    if fill_only:
        return "rag"
    if len(texts) < 2:
        return None
    for kind, test in (("percent", _is_percent), ("rag", is_rag), ("date", _is_date), ("post", _is_post),
                       ("text", _is_sentence)):
        if _share(texts, test) >= MOSTLY:
            return kind
    return None
