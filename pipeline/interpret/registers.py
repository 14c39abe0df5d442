"""Registers of issues, risks, change requests and next-period targets.

A register is a cell headed by its name ('Issues / Major Risks / Change Requests',
'Targets for Next Period'); its items are the non-blank cells below it in the same columns,
up to the next blank row. An item prefixed '(I)', '(R)' or '(C)' says its own kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.interpret.layout import Grid, is_ref
from pipeline.interpret.normalise import clean_text

KIND_WORDS = [
    ("change_request", r"change\s+requests?"),
    ("risk", r"(?:major\s+|key\s+)?risks?"),
    ("issue", r"(?:key\s+|major\s+)?issues?"),
]
_PART = "|".join(p for _, p in KIND_WORDS)
REGISTER_RE = re.compile(rf"^(?:{_PART})(?:\s*(?:/|,|&|and)\s*(?:{_PART}))*$", re.I)
TARGET_RE = re.compile(
    r"^(?:(?:key\s+)?targets?|planned\s+(?:activity|activities|actions)|priorities|milestones)\s+for\s+"
    r"(?:the\s+)?next\s+(?:period|quarter|reporting\s+period|month)s?$|^next\s+period\s+targets?$", re.I)
PREFIX_RE = re.compile(r"^\s*\((?P<k>[IRC])\)\s*", re.I)
PREFIX_KIND = {"i": "issue", "r": "risk", "c": "change_request"}


@lru_cache(maxsize=65_536)  # every cell of every row under a table is asked
def register_kind(text: str) -> str | None:
    t = re.sub(r"\s+", " ", (clean_text(text) or "").strip(" :")).strip()
    if TARGET_RE.match(t):
        return "target"
    if REGISTER_RE.match(t):
        for kind, pattern in KIND_WORDS:
            if re.search(pattern, t, re.I):
                return kind if "/" not in t and "," not in t and " and " not in t else "mixed"
    return None


def _item(text: str, kind: str) -> tuple[str, str] | None:
    cleaned = clean_text(text)
    if not cleaned or is_ref(cleaned):
        return None
    m = PREFIX_RE.match(cleaned)
    if m:
        return PREFIX_KIND[m.group("k").lower()], cleaned[m.end():].strip()
    return ("issue" if kind == "mixed" else kind), cleaned


def read_registers(grid: Grid, skip_rows: set[int]) -> list[dict[str, str]]:
    """Items of every register in the table, in reading order."""
    items: list[tuple[int, int, str, str]] = []
    for r in range(grid.n_rows):
        if r in skip_rows:
            continue
        for head in grid.own_cells(r):
            kind = register_kind(head.text)
            if kind is None:
                continue
            cols = range(head.col, head.col + head.colspan)
            for rr in range(r + head.rowspan, grid.n_rows):
                if grid.is_blank_row(rr) or rr in skip_rows:
                    break
                for cell in grid.own_cells(rr):
                    if cell.col in cols and register_kind(cell.text) is None:
                        found = _item(cell.text, kind)
                        if found:
                            items.append((rr, cell.col, *found))
    items.sort(key=lambda t: (t[1], t[0]))
    return [{"kind": k, "text": t} for _, _, k, t in items]


BULLET_START = re.compile(r"^\s*[•▪●◦‣∙·○■□➢➤►▶✓✔\-–—*]\s+")


def _is_list_item(text: str, style: str | None) -> bool:
    return bool(BULLET_START.match(text)) or bool(style and "list" in style.lower())


def paragraph_items(paragraphs: list[tuple[str, str | None]]) -> list[dict[str, str]]:
    """Registers written as a heading paragraph ('Key Risks') then a bulleted list.

    ``paragraphs`` are one run of consecutive paragraphs (text, style) between tables.
    """
    items: list[dict[str, str]] = []
    kind: str | None = None
    for text, style in paragraphs:
        if not text.strip():
            continue
        heading_kind = register_kind(text)
        if heading_kind is not None:
            kind = heading_kind
            continue
        if kind is not None and _is_list_item(text, style):
            found = _item(text, kind)
            if found:
                items.append({"kind": found[0], "text": found[1]})
        else:
            kind = None
    return items
