"""Checks shared by the layout classes that describe tables cell by cell: where each cell sits,
that no word is wider than its column in any producer (a rotated header: that its lines fit side
by side), and that a spec's expected result is consistent with what it prints, read as the
contract reads it (an action's number printed at the start of its text, text carried on in the
rows below). (A module whose name starts with '_' holds no variants.)"""

from __future__ import annotations

import datetime as dt
import re

from ..spec import Block, C, P, PaperSpec, T

_BULLET = re.compile(r"^\s*[•▪●◦\-–]\s+")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)[.)]\s+(\S.*)$")  # '1. Agree ...', '2.3) Publish ...'


def flat(text: str) -> str:
    """A cell's text as the contract normalises it: paragraphs joined by one space, bullets removed."""
    return " ".join(" ".join(_BULLET.sub("", line) for line in text.split("\n")).split())


def placed(t: T) -> list[tuple[int, int, C]]:
    """Each cell with its row and column; every row covers every column exactly once, counting
    cells merged from above."""
    taken: dict[int, set[int]] = {}
    out: list[tuple[int, int, C]] = []
    width = 0
    for i, row in enumerate(t.rows):
        col = 0
        for c in row:
            cell = c if isinstance(c, C) else C(c)
            while col in taken.get(i, set()):
                col += 1
            out.append((i, col, cell))
            for r in range(i, i + cell.rowspan):
                for k in range(col, col + cell.colspan):
                    assert k not in taken.setdefault(r, set()), f"cell over another at row {r} col {k}"
                    taken[r].add(k)
            col += cell.colspan
        width = width or len(taken[i])
        assert taken[i] == set(range(width)), f"row {i} covers {sorted(taken[i])}, not {width} columns"
    assert max(taken) < len(t.rows), "a rowspan runs past the table"
    assert t.widths is None or len(t.widths) == width, "a width per column"
    return out


def fits(spec: PaperSpec) -> None:
    """No word is wider than its column in any producer (a word broken inside is not what councils
    print): Arial/Helvetica metrics, the renderer's A4 page margins and cell paddings."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # only for the measure

    mm = 72 / 25.4
    page = (297 if spec.landscape else 210) * mm
    forms: list[tuple[str, float, float]] = []  # (form, usable width in points, cell padding both sides)
    if {"docx", "lo-docx"} & set(spec.producers):
        forms.append(("docx", page - 40 * mm, 3.8 * mm))
    if "pdf" in spec.producers:
        forms.append(("pdf", page - 36 * mm, 8.0))
    if {"xlsx", "lo-xlsx"} & set(spec.producers):
        forms.append(("xlsx", (135 if spec.landscape else 95) * 5.25, 4.0))
    wide: list[tuple[str, str, int]] = []
    for b in list(spec.blocks) + [b for s in spec.sheets or [] for b in s.blocks]:
        if not isinstance(b, T):
            continue
        cells = placed(b)
        n = max(col + c.colspan for _, col, c in cells)
        widths = b.widths or [1.0] * n
        for form, usable, pad in forms:
            size = b.font_size if form == "pdf" else 10.0
            for _, col, cell in cells:
                room = usable * sum(widths[col:col + cell.colspan]) / sum(widths) - pad
                font = "Helvetica-Bold" if cell.bold else "Helvetica"
                if cell.rotated:  # its lines side by side, each a line's height wide
                    if len(cell.text.split("\n")) * size * 1.2 > room:
                        wide.append((form, cell.text, round(room)))
                    continue
                wide += [(form, w, round(room)) for w in cell.text.split() if stringWidth(w, font, size) > room]
    assert not wide, f"{spec.name}: words wider than their columns: {sorted(set(wide))}"


def carried_on(t: T) -> set[str]:
    """Text carried on in the rows below: for a row whose first cell holds text, followed by rows
    whose first cell is blank, each column's text over those rows, joined (its paragraphs one per
    row), as the contract reads an action whose update or description continues in the rows under it."""
    rows: dict[int, dict[int, str]] = {}
    for r, col, cell in placed(t):
        rows.setdefault(r, {})[col] = cell.text
    runs: list[list[int]] = []
    for r in sorted(rows):
        first = rows[r].get(0)
        if first is not None and not first.strip() and runs:
            runs[-1].append(r)
        else:
            runs.append([r])
    out: set[str] = set()
    for run in (run for run in runs if len(run) > 1):
        for col in {c for r in run for c in rows[r]}:
            out.add(flat("\n".join(rows[r].get(col, "") for r in run)))
    return out


def check(spec: PaperSpec) -> None:
    """The expected result is consistent with what is printed."""
    blocks: list[Block] = list(spec.blocks) + [b for s in spec.sheets or [] for b in s.blocks]
    texts: set[str] = set()
    for b in blocks:
        if isinstance(b, P):
            texts.add(flat(b.text))
            continue
        placed(b)
        texts.update(flat(c if isinstance(c, str) else c.text) for row in b.rows for c in row)
        texts.update(carried_on(b))
    for text in list(texts):  # a number printed at the start of an action's text is its ref
        numbered = _NUMBERED.match(text)
        if numbered:
            texts.update(numbered.groups())
    fits(spec)
    e = spec.expected
    assert e.title is None or e.title in texts, e.title
    assert e.report_date is None or dt.date.fromisoformat(e.report_date)
    assert len({a.description for a in e.actions}) == len(e.actions), "an action twice"
    for a in e.actions:
        for v in (a.description, a.ref, a.lead, a.service_lead, a.due_raw, a.report_refs):
            assert v is None or v in texts, (spec.name, v)
        assert a.theme is None or any(t.endswith(a.theme) for t in texts), a.theme
        assert a.due_date is None or dt.date.fromisoformat(a.due_date)
        assert a.original_due_date is None or a.original_due_date != a.due_date
        dates = [s.as_of for s in a.snapshots]
        assert dates == sorted(set(dates)), (spec.name, a.description, dates)
        for s in a.snapshots:
            dt.date.fromisoformat(s.as_of)
            assert s.rag in (None, "red", "amber", "green", "complete", "not_started"), s.rag
            for v in (s.status_text, s.decisions, s.percent_raw):
                assert v is None or v in texts, (spec.name, v)
            if s.percent_raw is not None:  # the number it starts with ('75%', '75 %', '75% complete')
                number = re.match(r"\s*(\d+(?:\.\d+)?)", s.percent_raw)
                assert number and float(number.group(1)) == s.percent_complete, s.percent_raw
            if s.as_of != e.report_date:
                assert s.rag is s.status_text is s.decisions is None, "a dated column carries % only"
