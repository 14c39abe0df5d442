"""RAG status from words or from a cell's colour, through the paper's own colour key.

A paper's key maps its colours and its labels to values: coloured label cells ('Key: Not Started
| Concern | Caution | On Target | Complete'), swatches with a label beside them (in a row, or down
a column), or a key written as text ('R = Red, A = Amber, G = Green, B = Blue (complete)'). A
label the built-in words do not know takes its colour's hue ('Off Plan' on dark red is red).
Without a key, a fill is classified by hue.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.model import Paper, Table

RAG_WORDS: dict[str, list[str]] = {
    "red": ["red", "r", "concern", "off target", "off track", "not on track", "behind", "behind schedule",
            "significant delay", "major issues", "overdue", "critical"],
    "amber": ["amber", "a", "caution", "some slippage", "slippage", "at risk", "minor issues",
              "minor delay", "on watch", "yellow", "amber/green"],
    "green": ["green", "g", "on target", "on track", "good progress", "on schedule"],
    "complete": ["complete", "completed", "blue", "b", "done", "achieved", "closed", "delivered"],
    "not_started": ["not started", "not yet started", "grey", "gray", "pending", "not due to start"],
}


@lru_cache(maxsize=65_536)  # every cell is asked whether it is a RAG word, often more than once
def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9/ ]+", " ", text.lower())).strip()


def word_table(extra: dict[str, list[str]] | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    for value, words in RAG_WORDS.items():
        for w in [*words, *((extra or {}).get(value, []))]:
            table[_norm(w)] = value
    return table


def rag_from_text(text: str | None, words: dict[str, str]) -> str | None:
    if not text:
        return None
    norm = _norm(text)
    if norm in words:
        return words[norm]
    first = re.split(r"[/\-(,]", norm)[0].strip()  # 'Amber/Green', 'Green (on track)'
    return words.get(first)


def rag_from_hue(hex6: str) -> str | None:
    """Classify a fill colour by hue when the paper gives no key."""
    r, g, b = (int(hex6[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    degrees = h * 360
    if s < 0.15:
        return "not_started" if 0.45 <= lum <= 0.85 else None
    if lum > 0.93:
        return None
    if degrees < 18 or degrees >= 340:
        return "red"
    if degrees < 60:
        return "amber"
    if degrees < 170:
        return "green"
    if degrees < 250:
        return "complete"
    return None


KEY_WORD = re.compile(r"\b(?:key|legend|rag|brag|status)\b", re.I)  # a key written as text names itself
INTRODUCES = re.compile(r"^\s*(?:rag\s+|colour\s+|status\s+)?(?:key|legend)\b", re.I)  # 'Key', 'RAG key:', 'Legend
# 'R = Red', 'Slipping - amber': a meaning ends at a separator or where the next label starts
# ('R = Red A = Amber', a key's row printed as one line)
PAIR = re.compile(r"(?P<label>[^=:,;/()]{1,30}?)\s*(?:=|:|-|–)\s*(?P<meaning>[^=,;/]{1,40}?)"
                  r"(?=\s*(?:[,;/]|$)|\s+[^\s=:,;/()]+\s*=)")
MAX_LABEL_WORDS = 4


@dataclass
class Key:
    """A paper's own key: colour -> value, and label -> value for the labels it defines."""

    colours: dict[str, str] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)


def _short(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_LABEL_WORDS


def _entries(table: Table) -> list[list[tuple[str, str]]]:
    """Groups of (label, colour) a table shows, row by row: a coloured cell with a short label on
    it, or a coloured empty cell (a swatch) with a short label beside it."""
    groups = []
    for row in table.rows:
        if any(len(c.text.split()) > 6 for c in row):
            continue  # a row with prose in it is an action's, not a key's
        cells = sorted(row, key=lambda c: c.col)
        found = []
        for i, cell in enumerate(cells):
            if not cell.fill:
                continue
            if _short(cell.text):
                found.append((cell.text, cell.fill))
            elif cell.is_blank:
                beside = [c for c in (cells[i + 1] if i + 1 < len(cells) else None,
                                      cells[i - 1] if i else None) if c is not None and not c.fill and _short(c.text)]
                if beside and (beside[0].col - (cell.col + cell.colspan) <= 1 or beside[0].col < cell.col):
                    found.append((beside[0].text, cell.fill))
        groups.append(found)
    return groups


def _column_groups(table: Table) -> list[list[tuple[str, str]]]:
    """A key laid out down a column (one entry a row): the rows' single entries together."""
    runs, run = [], []
    for found in _entries(table):
        if len(found) == 1:
            run.append(found[0])
        else:
            if len(run) >= 2:
                runs.append(run)
            run = []
    if len(run) >= 2:
        runs.append(run)
    return runs


def _is_key(group: list[tuple[str, str]], words: dict[str, str], introduced: bool) -> bool:
    """Distinct colours with labels, most of them RAG words, or introduced as a key."""
    colours = {fill for _, fill in group}
    known = sum(1 for label, _ in group if rag_from_text(label, words))
    return len(colours) >= 2 and (introduced or known * 2 >= len(group))


def _meaning(label: str, fill: str | None, words: dict[str, str]) -> str | None:
    return rag_from_text(label, words) or (rag_from_hue(fill) if fill else None)


def _text_keys(texts: list[str], words: dict[str, str]) -> dict[str, str]:
    """Labels a key written as text defines: 'R = Red, A = Amber', or 'RAG: On track / Slipping /
    Off track' (where one label is unknown and the others name two of red, amber and green, it
    names the third)."""
    out: dict[str, str] = {}
    for text in texts:
        if not KEY_WORD.search(text):
            continue
        body = text.split(":", 1)[1] if ":" in text else text
        for m in PAIR.finditer(body):
            meaning = m.group("meaning")
            value = (rag_from_text(meaning, words) or rag_from_text(meaning.split("(")[0], words)
                     or rag_from_text(next(iter(meaning.split()), ""), words))
            label = _norm(m.group("label"))
            if value and label and not KEY_WORD.fullmatch(label):
                out.setdefault(label, value)
        items = [i.strip() for i in re.split(r"\s*/\s*|\s*,\s*|\s*;\s*", body) if i.strip()]
        if 2 <= len(items) <= 5 and not PAIR.search(body):
            values = [rag_from_text(i, words) for i in items]
            unknown = [i for i, v in zip(items, values, strict=True) if v is None]
            left = {"red", "amber", "green"} - {v for v in values if v}
            if len(unknown) == 1 and len(left) == 1 and len(items) == 3:
                out.setdefault(_norm(unknown[0]), left.pop())
    return out


def _key_rows(table: Table) -> list[str]:
    """A key laid out along a row ('RAG key | R = Red | A = Amber | C = Complete') as one text."""
    out = []
    for row in table.rows:
        cells = [c.text.strip() for c in sorted(row, key=lambda c: c.col) if c.text.strip()]
        if len(cells) >= 3 and INTRODUCES.match(cells[0]) and len(cells[0].split()) <= 3:
            out.append(f"{cells[0]}: " + ", ".join(cells[1:]))
    return out


MEANING = re.compile(r"^\s*(?P<word>[a-z]+(?:[ /][a-z]+)?)\s*(?:[-–—:,(]|$)", re.I)


def _label_meanings(table: Table, words: dict[str, str]) -> dict[str, str]:
    """A key table of labels and their meanings ('Slipping | Amber – some delay'): a short
    label, then a meaning that opens with a RAG colour. Introduced as a key, or two such rows."""
    out: dict[str, str] = {}
    for row in table.rows:
        cells = [c for c in sorted(row, key=lambda c: c.col) if c.text.strip()]
        if len(cells) != 2 or not _short(cells[0].text):
            continue
        m = MEANING.match(cells[1].text)
        value = rag_from_text(m.group("word"), words) if m else None
        if value:
            out[_norm(cells[0].text)] = value
    return out


def read_key(paper: Paper, words: dict[str, str]) -> Key:
    """The paper's own key: coloured labels and swatches beside labels in its tables, and keys
    written as text in its paragraphs or cells. A label the words do not know takes its colour's
    hue (a key's 'Off Plan' in dark red is red)."""
    key = Key()
    texts = [b.text for b in paper.paragraphs if len(b.text) <= 200]
    before = ""  # the paragraph right before a table
    for block in paper.blocks:
        if not isinstance(block, Table):
            before = block.text
            continue
        table = block
        texts += [c.text for row in table.rows for c in row if len(c.text) <= 200 and KEY_WORD.search(c.text)]
        texts += _key_rows(table)
        introduced = bool(INTRODUCES.match(before)) or any(
            INTRODUCES.match(c.text) and len(c.text.split()) <= 3 for row in table.rows for c in row)
        meanings = _label_meanings(table, words)
        if introduced or len(meanings) >= 2:
            key.words.update({k: v for k, v in meanings.items() if k not in words and k not in key.words})
        before = ""
        for group in [*_entries(table), *_column_groups(table)]:
            if not _is_key(group, words, introduced):
                continue
            for label, fill in group:
                value = _meaning(label, fill, words)
                if value is None:
                    continue
                key.colours.setdefault(fill, value)
                if len(_norm(label)) > 1:
                    key.words.setdefault(_norm(label), value)
    # coloured cells carrying a RAG word, wherever they are (an action table's RAG column too)
    for table in paper.tables:
        for row in table.rows:
            for cell in row:
                if cell.fill and cell.text.strip() and len(_norm(cell.text)) > 1:
                    value = rag_from_text(cell.text, words)
                    if value:
                        key.colours.setdefault(cell.fill, value)
    for label, value in _text_keys(texts, words).items():
        key.words.setdefault(label, value)
    return key


def rag_from_fill(fill: str | None, key: dict[str, str]) -> str | None:
    if not fill:
        return None
    if fill in key:
        return key[fill]
    return rag_from_hue(fill)
