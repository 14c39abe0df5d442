"""Rows and tables without rulings, found from the text: unruled rows joining a ruled table above
or below them, and tables whose column gutters no word crosses (running text in columns is not one)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from extractors.pdf.columns import fits_columns
from extractors.pdf.label_value import label_value_table
from extractors.pdf.parts import Box, Part
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Line

MIN_GUTTER = 0.5  # points: a gutter between columns is clear of every word's box by this much
RIGHT_ALIGNED = 2.0  # points: a word ending this close before the next column's text is right-aligned in its own

# --- unruled rows joining ruled tables ---------------------------------------------------------


def attach_rows(parts: list[Part], free: list[Line], cfg: PdfSettings) -> list[Line]:
    """Unruled rows above and below ruled tables join them; return the lines left."""
    floor = 0.0
    for i, part in enumerate(parts):
        ceiling = parts[i + 1].top if i + 1 < len(parts) else float("inf")
        taken = absorb_above(part, free, floor, cfg) + absorb_below(part, free, ceiling, cfg)
        gone = {id(ln) for ln in taken}
        free = [ln for ln in free if id(ln) not in gone]
        floor = part.bottom
    return free


def absorb_above(part: Part, lines: list[Line], floor: float, cfg: PdfSettings) -> list[Line]:
    """Unruled rows just above a ruled table, in its columns, become its first rows."""
    above = [ln for ln in lines if floor <= ln.top and ln.bottom <= part.top + 1]
    edge = part.top
    taken: list[Line] = []
    for line in reversed(above):
        placed = fits_columns(line, part.xs, cfg)
        if placed is None or edge - line.bottom > cfg.row_gap_sizes * line.size:
            break
        row = [Box(c, 1, 1, (part.xs[c], line.top - 1, part.xs[c + 1], edge), list(seg)) for c, seg in placed]
        part.rows.insert(0, row)
        taken.append(line)
        edge = line.top - 1
    return taken


def absorb_below(part: Part, lines: list[Line], ceiling: float, cfg: PdfSettings) -> list[Line]:
    """Unruled rows under a table that is one ruled or shaded row (a header over a borderless body),
    in its columns, become its rows."""
    if len(part.rows) != 1 or len(part.xs) < 4:
        return []
    taken: list[Line] = []
    for line in (ln for ln in lines if part.bottom - 1 <= ln.top < ceiling):
        edge = taken[-1].bottom if taken else part.bottom
        if line.top - edge > cfg.row_gap_sizes * line.size or not fits_columns(line, part.xs, cfg, 2 - bool(taken)):
            break
        taken.append(line)
    if taken:
        part.rows.extend(unruled_rows(taken, part.xs, header=False))
    return taken


# --- tables without rulings --------------------------------------------------------------------


def unruled_tables(free: list[Line], page: int, cfg: PdfSettings) -> tuple[list[Part], list[Line]]:
    """Tables without rulings among the lines, and the lines left."""
    parts: list[Part] = []
    remaining: list[Line] = []
    i = 0
    while i < len(free):
        found, n = unruled_table(free, i, page, cfg)
        if found is None and n == 1:
            found, n = label_value_table(free, i, page, cfg)
        if found is None:
            remaining.extend(free[i:i + n])
        else:
            parts.append(found)
        i += n
    return parts, remaining


def unruled_table(lines: list[Line], start: int, page: int, cfg: PdfSettings) -> tuple[Part | None, int]:
    """A table without rulings whose header is ``lines[start]`` and the number of lines it takes; or
    None and the number of lines that are not a table (running text in columns is not one).

    The header's segments give the column gutters; each following line narrows them, so no word
    crosses one. A line across the columns (a theme row: 'Theme 2: Financial sustainability') is a
    row of the table when the table goes on after it; otherwise it ends the table."""
    segments = lines[start].segments(cfg)
    if len(segments) < cfg.min_columns:
        return None, 1
    gutters = [[a[-1].x1, b[0].x0] for a, b in pairwise(segments)]
    taken = [lines[start]]
    across: set[int] = set()  # positions in ``taken`` of lines across the columns
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.top - taken[-1].bottom > cfg.table_gap_sizes * taken[-1].size:
            break
        if len(line.segments(cfg)) == 1 and crosses(gutters, line):
            n = headings_within(lines, i, gutters, cfg)
            if not n:
                break
            across.update(range(len(taken), len(taken) + n))
            taken.extend(lines[i:i + n])
            i += n
            continue
        if not narrow_gutters(gutters, line):
            break
        taken.append(line)
        i += 1
    body = [ln for k, ln in enumerate(taken) if k not in across]
    if len(body) < 3:
        return None, 1
    xs = [min(ln.x0 for ln in taken) - 1, *((a + b) / 2 for a, b in gutters), max(ln.x1 for ln in taken) + 1]
    if is_prose(body, xs, cfg):
        return None, len(taken)
    return Part(xs=xs, rows=unruled_rows(taken, xs, across=across), page=page, last_page=page), len(taken)


def headings_within(lines: list[Line], i: int, gutters: list[list[float]], cfg: PdfSettings) -> int:
    """How many lines from ``lines[i]`` are a heading across the table's columns (one or two lines of
    one run of words each), the table going on after them; 0 where they are not."""
    for n in (1, 2):
        if i + n >= len(lines):
            return 0
        heading, after = lines[i:i + n], lines[i + n]
        if any(len(ln.segments(cfg)) != 1 or not crosses(gutters, ln) for ln in heading):
            return 0
        if after.top - heading[-1].bottom > cfg.table_gap_sizes * heading[-1].size:
            return 0
        if len(after.segments(cfg)) >= 2 and narrow_gutters([list(g) for g in gutters], after):
            return n
    return 0


def crosses(gutters: list[list[float]], line: Line) -> bool:
    """The line's text runs on across a gutter, from one column into the next."""
    return any(line.x0 < g[0] and line.x1 > g[1] for g in gutters)


def narrow_gutters(gutters: list[list[float]], line: Line) -> bool:
    """Shrink each gutter so no word of ``line`` crosses it; False if one closes (a right-aligned
    number printed almost against the next column's text leaves a gutter narrower than a space)."""
    trial = [list(g) for g in gutters]
    least = MIN_GUTTER
    for w in line.words:
        for g in trial:
            if w.x1 > g[0] and w.x0 < g[1]:
                # a number set right against the next column's text ends its own column
                if (w.x0 + w.x1) / 2 < (g[0] + g[1]) / 2 or g[1] - RIGHT_ALIGNED <= w.x1 < g[1]:
                    g[0] = w.x1
                else:
                    g[1] = w.x0
                if g[1] - g[0] < least:
                    return False
    gutters[:] = trial
    return True


def is_prose(lines: list[Line], xs: list[float], cfg: PdfSettings) -> bool:
    """Columns of running text (a two- or three-column page), not a table. A table's first line labels
    its columns briefly; its rows wrap in some columns only, or hold values shorter than their column."""
    head = [len(seg) for seg in lines[0].segments(cfg)]
    if max(head) >= 7 or sum(head) >= 4.5 * len(head):
        return True
    counts = [fullness(ln, xs) for ln in lines[1:]]
    full, used = sum(f for f, _ in counts), sum(u for _, u in counts)
    complete = sum(1 for _, u in counts if u == len(xs) - 1)
    return full >= 0.5 * used and complete >= 0.6 * len(counts)


def fullness(line: Line, xs: list[float]) -> tuple[int, int]:
    """How many of the line's columns it fills to at least three quarters of their width, of how many it uses."""
    spans: dict[int, list[float]] = {}
    for w in line.words:
        c = min(max(bisect_right(xs, (w.x0 + w.x1) / 2) - 1, 0), len(xs) - 2)
        span = spans.setdefault(c, [w.x0, w.x1])
        span[0], span[1] = min(span[0], w.x0), max(span[1], w.x1)
    full = sum(1 for c, (a, b) in spans.items() if b - a >= 0.75 * (xs[c + 1] - xs[c]))
    return full, len(spans)


def unruled_rows(lines: list[Line], xs: list[float], header: bool = True,
                 across: set[int] | None = None) -> list[list[Box]]:
    """Lines grouped into rows. With a short key column (the action's number: one line a row) a row
    starts at its text; else at a line after a gap wider than the lines of a cell that starts text
    in at least half the columns. The first line starts the header row when there is one; a line
    across the columns (``across``) is a row of one cell."""
    across = across or set()
    inner = xs[1:-1]
    n_cols = len(xs) - 1
    cols = [[bisect_right(inner, (w.x0 + w.x1) / 2) for w in ln.words] for ln in lines]
    body = [i for i in range(int(header), len(lines)) if i not in across]
    key = min((c for i in body for c in cols[i]), default=0)
    short_key = _short_key(lines, cols, body, key)
    gaps = sorted(b.top - a.bottom for a, b in pairwise(lines[i] for i in body))
    tight = gaps[len(gaps) // 4] if gaps else 0.0  # the gap between the lines of one cell
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if i in across or (i - 1) in across or not groups:
            groups.append([i])
            continue
        gap = line.top - lines[i - 1].bottom
        if short_key:
            starts = key in cols[i]
        else:
            starts = gap > tight + 0.5 * lines[i - 1].size and len(set(cols[i])) * 2 >= n_cols
        if starts:
            groups.append([])
        groups[-1].append(i)
    rows = []
    for group in groups:
        top, bottom = lines[group[0]].top - 1, lines[group[-1]].bottom + 1
        if group[0] in across:
            rows.append([Box(0, n_cols, 1, (xs[0], top, xs[-1], bottom), list(lines[group[0]].words))])
            continue
        boxes = [Box(c, 1, 1, (xs[c], top, xs[c + 1], bottom)) for c in range(n_cols)]
        for i in group:
            for word, c in zip(lines[i].words, cols[i], strict=True):
                boxes[c].words.append(word)
        rows.append(boxes)
    return rows


def _short_key(lines: list[Line], cols: list[list[int]], body: list[int], key: int) -> bool:
    """The key column holds one short line per row (an action's number), not wrapped text."""
    texts = [" ".join(w.text for w, c in zip(lines[i].words, cols[i], strict=True) if c == key) for i in body]
    used = [t for t in texts if t]
    return bool(used) and len(used) < 0.8 * len(body) and all(len(t) <= 12 for t in used)
