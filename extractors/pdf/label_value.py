"""Two columns without rulings, a short label and its value on each line ('Responsible officer' |
'Chief Executive'): a record printed as a borderless two-column table (a card per action, a
worksheet of label/value blocks printed to PDF). Its lines have two runs of words, the labels all
starting at one edge; a value that wraps goes on alone in the value column."""

from __future__ import annotations

from extractors.pdf.columns import rows_in_columns
from extractors.pdf.parts import Part
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import UNMAPPED_RE, Line, Word

MIN_PAIRS = 3  # lines of a label and its value: fewer are not a table (the foot of a page aside)
LABEL_WORDS = 5  # a label is a few words; a line of running text is more


def label_value_table(lines: list[Line], start: int, page: int, cfg: PdfSettings) -> tuple[Part | None, int]:
    """A borderless table of labels and values starting at ``lines[start]``, and the number of lines
    it takes; or None and 1."""
    first = lines[start].segments(cfg)
    if len(first) != 2 or not _is_label(first[0]):
        return None, 1
    left, gutter = first[0][0].x0, [first[0][-1].x1, first[1][0].x0]
    taken, pairs = [lines[start]], 1
    for line in lines[start + 1:]:
        if line.top - taken[-1].bottom > cfg.table_gap_sizes * taken[-1].size:
            break
        segments = line.segments(cfg)
        if len(segments) == 2 and abs(segments[0][0].x0 - left) <= cfg.snap and _is_label(segments[0]) \
                and segments[0][-1].x1 < gutter[1] and segments[1][0].x0 > gutter[0]:
            gutter = [max(gutter[0], segments[0][-1].x1), min(gutter[1], segments[1][0].x0)]
            pairs += 1
        elif len(segments) == 1 and line.x0 > gutter[0]:  # a value wrapped onto the next line
            gutter[1] = min(gutter[1], line.x0)
        else:
            break
        taken.append(line)
    if pairs < MIN_PAIRS:
        return None, 1
    xs = [min(ln.x0 for ln in taken) - 1, (gutter[0] + gutter[1]) / 2, max(ln.x1 for ln in taken) + 1]
    rows = rows_in_columns(taken, xs, cfg)
    if rows is None:
        return None, 1
    return Part(xs=xs, rows=rows, page=page, last_page=page, gutters=[(gutter[0], gutter[1])]), len(taken)


def _is_label(words: list[Word]) -> bool:
    """A few words, not the end of a sentence nor a list's number ('1.', '2') or bullet (a glyph
    without text: '(cid:127)')."""
    return len(words) <= LABEL_WORDS and not words[-1].text.endswith((".", ";", ",")) \
        and any(ch.isalpha() for w in words if not UNMAPPED_RE.match(w.text) for ch in w.text)
