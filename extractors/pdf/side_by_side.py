"""Tables printed side by side on a page, read left to right, each after the heading printed over it.

A sheet of two tables next to each other ('Workstream 1' in columns A–G, 'Workstream 2' in I–O)
prints as two ruled tables at the same height, with their headings on one line above them. Read
by height alone, both headings come first and the second table would follow the first one's
heading. Here the line is cut where its words stand over different tables, and each table comes
after the words over it: the first heading, the first table, the second heading, the second table.
"""

from __future__ import annotations

from extractors.model import Paragraph
from extractors.pdf.paragraphs import paragraphs
from extractors.pdf.parts import Part
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Line, Word

Headings = dict[int, list[Line]]  # id of a table's part -> the lines over it, top down


def groups(parts: list[Part]) -> list[list[Part]]:
    """Parts of two or more tables side by side, left to right: apart across the page, each
    overlapping the first in height by half the shorter one at least."""
    out: list[list[Part]] = []
    taken: set[int] = set()
    for part in sorted(parts, key=lambda p: (p.top, p.xs[0])):
        if id(part) in taken:
            continue
        group = [part]
        for other in parts:
            if id(other) in taken or any(other is g for g in group):
                continue
            shared = min(part.bottom, other.bottom) - max(part.top, other.top)
            shorter = min(part.bottom - part.top, other.bottom - other.top)
            if shared >= 0.5 * shorter and all(_apart(other, g) for g in group):
                group.append(other)
        if len(group) > 1:
            taken.update(id(g) for g in group)
            out.append(sorted(group, key=lambda p: p.xs[0]))
    return out


def _apart(one: Part, other: Part) -> bool:
    return one.xs[-1] <= other.xs[0] or other.xs[-1] <= one.xs[0]


def headings_over(group: list[Part], lines: list[Line], cfg: PdfSettings) -> tuple[Headings, list[Line]]:
    """The lines right above the group (within two lines' height of its top, nothing between) with
    words over two of its tables or more, cut into the words over each; and the lines left."""
    top = min(p.top for p in group)
    above = sorted((ln for ln in lines if ln.bottom <= top + 1), key=lambda ln: ln.top, reverse=True)
    headings: Headings = {}
    edge, used = top, set()
    for line in above:
        if edge - line.bottom > 2 * line.size:
            break
        cut = _cut(line, group, cfg)
        if cut is None or len(cut) < 2:
            break
        for part, words in cut:
            headings.setdefault(id(part), []).insert(0, Line(words))
        used.add(id(line))
        edge = line.top
    return headings, [ln for ln in lines if id(ln) not in used]


def _cut(line: Line, group: list[Part], cfg: PdfSettings) -> list[tuple[Part, list[Word]]] | None:
    """The line's runs of words, each with the table it starts over (running on into the gap
    after it, as a spreadsheet's text does, but not over the next table); None where a run starts
    over no table of the group or reaches the next."""
    out: list[tuple[Part, list[Word]]] = []
    for words in line.segments(cfg):
        x0, x1 = words[0].x0, max(w.x1 for w in words)
        at = next((i for i, p in enumerate(group) if p.xs[0] - cfg.snap <= x0 < p.xs[-1]), None)
        if at is None or (at + 1 < len(group) and x1 > group[at + 1].xs[0]):
            return None
        if out and out[-1][0] is group[at]:
            out[-1][1].extend(words)
        else:
            out.append((group[at], list(words)))
    return out


Blocks = list[tuple[float, Part | Paragraph]]  # a page's blocks with their tops


def headed_runs(parts: list[Part], lines: list[Line], page: int, cfg: PdfSettings) -> tuple[list[Blocks], list[Line]]:
    """Each group of tables side by side as blocks in reading order (a table's heading, the
    table, the next one's heading, the next table); and the lines left for paragraphs."""
    runs: list[Blocks] = []
    for group in groups(parts):
        over, lines = headings_over(group, lines, cfg)
        run: Blocks = []
        for part in group:
            run += paragraphs(over.get(id(part), []), page, cfg)
            run.append((part.top, part))
        runs.append(run)
    return runs, lines


def in_reading_order(blocks: Blocks, runs: list[Blocks]) -> Blocks:
    """``blocks`` (in order from the top) with each group of tables side by side read as its run,
    where its first table was."""
    for run in runs:
        members = {id(block) for _, block in run}
        at = next(i for i, (_, block) in enumerate(blocks) if id(block) in members)
        blocks = [b for b in blocks if id(b[1]) not in members]
        blocks[at:at] = run
    return blocks
