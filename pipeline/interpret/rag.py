"""RAG status from words or from a cell's colour, through the paper's own colour key.

A paper's key ('Key: Not Started | Concern | Caution | On Target | Complete', each cell
coloured) maps its colours to values. Without a key, a fill is classified by hue.
"""

from __future__ import annotations

import colorsys
import re

from extractors.model import Paper

RAG_WORDS: dict[str, list[str]] = {
    "red": ["red", "r", "concern", "off target", "off track", "not on track", "behind", "behind schedule",
            "significant delay", "major issues", "overdue", "critical"],
    "amber": ["amber", "a", "caution", "some slippage", "slippage", "at risk", "minor issues",
              "minor delay", "on watch", "yellow", "amber/green"],
    "green": ["green", "g", "on target", "on track", "good progress", "on schedule"],
    "complete": ["complete", "completed", "blue", "b", "done", "achieved", "closed", "delivered"],
    "not_started": ["not started", "not yet started", "grey", "gray", "pending", "not due to start"],
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z/ ]+", " ", text.lower())).strip()


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


def colour_key(paper: Paper, words: dict[str, str]) -> dict[str, str]:
    """Fills of cells that carry a RAG label: the paper's own key, colour -> value."""
    key: dict[str, str] = {}
    for table in paper.tables:
        for row in table.rows:
            for cell in row:
                if cell.fill and cell.text.strip():
                    value = rag_from_text(cell.text, words)
                    if value and len(_norm(cell.text)) > 1:
                        key.setdefault(cell.fill, value)
    return key


def rag_from_fill(fill: str | None, key: dict[str, str]) -> str | None:
    if not fill:
        return None
    if fill in key:
        return key[fill]
    return rag_from_hue(fill)
