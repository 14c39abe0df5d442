"""Helpers shared by the layout classes that describe each action once, as :class:`Act` (what is
printed and what it means), and print it in a variant's own columns: quarter_columns,
rag_as_text_symbols, theme_rows, offset_workbook, dates_in_words, landscape_many_columns,
unusual_header_wording, merged_down_cells, numbering_styles, rotated_or_narrow_headers,
several_tables_differing, continuation_rows, status_sections, hidden_and_grouped_xlsx,
commentary_with_dated_entries and dates_with_weekdays_ordinals. (A module whose name starts with
'_' holds no variants.)

The expected reading follows the data contract: description and status_text flattened
(paragraphs joined by one space, bullets removed), percentages as numbers with the printed text
in percent_raw, dates day-first (a month is its last day, 'Qn yyyy/yy' the last day of that
quarter of an April-March year), earlier dated progress columns carry their percentage only, and
the report-date snapshot carries the current %, RAG, commentary and decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..spec import Action, C, Expected, PaperSpec, Snapshot, T
from ._spec_checks import check, placed
from ._spec_checks import flat as _flat

HEAD = "D9E2F3"  # header fill
THEME_FILL = "DDEBF7"  # theme row fill
RAG_FILL = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "5B9BD5", "not_started": "BFBFBF"}
RAG_WORD = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete", "not_started": "Not Started"}


def flat(text: str | None) -> str | None:
    """A cell's text as the contract normalises it (:func:`._spec_checks.flat`); None where empty."""
    return None if text is None else (_flat(text) or None)


def h(*names: str, fill: str | None = HEAD) -> list[C | str]:
    """A header row: bold cells, filled (``fill=None``: not filled)."""
    return [C(n, bold=True, fill=fill) for n in names]


def pct_cell(p: int | None, *, sign: bool = True, typed: bool = False, **kw: Any) -> C:
    """A percentage as printed ('45%', or '45' without ``sign``); ``typed``: a workbook's 0.45
    shown as 45%. None: an empty cell."""
    if p is None:
        return C("", **kw)
    text = f"{p}%" if sign else str(p)
    if typed:
        return C(text, value=p / 100, number_format="0%", **kw)
    return C(text, **kw)


def date_cell(text: str, iso: str | None = None, fmt: str = "dd/mm/yyyy", **kw: Any) -> C:
    """A date cell printed as ``text``; in a workbook a real date where ``iso`` is given."""
    if iso is None:
        return C(text, **kw)
    d = dt.date.fromisoformat(iso)
    return C(text, value=dt.datetime(d.year, d.month, d.day), number_format=fmt, **kw)


@dataclass
class Act:
    """One action: as printed, and as the contract reads it."""

    ref: str  # as printed
    desc: str  # as printed
    lead: str
    due_raw: str  # as printed in the target cell
    due: str | None  # ISO, as the contract reads it
    pct: int | None  # current % (None: no current column, or blank)
    rag: str  # red, amber, green, complete, not_started
    update: str  # as printed
    theme: str | None = None  # expected theme (without its label)
    original: str | None = None  # ISO original due date, where revised and different
    service: str | None = None
    priority: str | None = None
    report_refs: str | None = None
    decisions: str | None = None
    earlier: dict[str, int | None] = field(default_factory=dict)  # as_of ISO -> % printed in a dated column
    sign: bool = True  # percentages printed with '%'
    x: dict[str, Any] = field(default_factory=dict)  # anything else the variant prints


def expected_action(a: Act, report_date: str) -> Action:
    """What the contract reads from one action's row: a snapshot per dated column (its % only)
    and the report-date snapshot with the current %, RAG, commentary and decisions."""
    def raw(p: int) -> str:
        return f"{p}%" if a.sign else str(p)

    snaps = {d: Snapshot(d, float(p), raw(p)) for d, p in a.earlier.items() if p is not None}
    now = snaps.get(report_date) or Snapshot(report_date)
    if a.pct is not None:
        now.percent_complete, now.percent_raw = float(a.pct), raw(a.pct)
    now.rag = a.rag
    now.status_text = flat(a.update)
    now.decisions = flat(a.decisions)
    snaps[report_date] = now
    service = None if a.service in (None, "", "-") else a.service
    return Action(description=flat(a.desc) or "", ref=a.ref, theme=a.theme, lead=a.lead, service_lead=service,
                  priority=a.priority, due_date=a.due, original_due_date=a.original, due_raw=flat(a.due_raw),
                  report_refs=a.report_refs, snapshots=[snaps[d] for d in sorted(snaps)])


def expected(title: str, report_date: str, acts: list[Act], report_ref: str | None = None,
             committee_date: str | None = None) -> Expected:
    return Expected(title, report_date, [expected_action(a, report_date) for a in acts], report_ref=report_ref,
                    committee_date=committee_date)


def rag_fill(rag: str | None, text: str = "") -> C:
    """A RAG cell shown by its fill (with ``text`` in it, where given)."""
    return C(text, fill=RAG_FILL[rag]) if rag else C(text)


def rag_word(rag: str | None) -> C:
    """A RAG cell with the word in it, filled."""
    return C(RAG_WORD[rag], fill=RAG_FILL[rag]) if rag else C("")


def theme_row(text: str, n: int, fill: str | None = THEME_FILL) -> list[C | str]:
    """A theme heading merged across a table of ``n`` columns."""
    return [C(text, colspan=n, bold=True, fill=fill)]


def themed(acts: list[Act], themes: list[str], label: str, n: int,
           row: Callable[[Act], list[C | str]], fill: str | None = THEME_FILL) -> list[list[C | str]]:
    """The action rows ``row`` makes, each theme's row ('{label} {k}: {theme}', across ``n``
    columns) before its first action."""
    out: list[list[C | str]] = []
    last = None
    for a in acts:
        if a.theme != last:
            out.append(theme_row(f"{label} {themes.index(a.theme or '') + 1}: {a.theme}", n, fill))
            last = a.theme
        out.append(row(a))
    return out


def autofit(spec: PaperSpec) -> PaperSpec:
    """Widen the columns whose words would be broken in a producer (the measure of
    :func:`._spec_checks.fits`), taking room from the others in proportion; in place."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    mm = 72 / 25.4
    page = (297 if spec.landscape else 210) * mm
    forms: list[tuple[float, float, bool]] = []  # (usable width in points, padding both sides, pdf)
    if {"docx", "lo-docx"} & set(spec.producers):
        forms.append((page - 40 * mm, 3.8 * mm, False))
    if "pdf" in spec.producers:
        forms.append((page - 36 * mm, 8.0, True))
    if {"xlsx", "lo-xlsx"} & set(spec.producers):
        forms.append(((135 if spec.landscape else 95) * 5.25, 4.0, False))
    tables = [b for b in [*spec.blocks, *(b for s in spec.sheets or [] for b in s.blocks)] if isinstance(b, T)]
    for t in tables:
        cells = placed(t)
        n = max(col + c.colspan for _, col, c in cells)
        asked = list(t.widths or [1.0] * n)
        need = [0.0] * n
        for usable, pad, pdf in forms:
            size = t.font_size if pdf else 10.0
            for _, col, cell in cells:
                if cell.colspan > 1:
                    continue
                if cell.rotated:  # its lines side by side, each a line's height wide
                    line = len(cell.text.split("\n")) * size * 1.2
                    need[col] = max(need[col], (line + pad + 0.5) / usable)
                    continue
                font = "Helvetica-Bold" if cell.bold else "Helvetica"
                for word in cell.text.split():
                    need[col] = max(need[col], (stringWidth(word, font, size) + pad + 0.5) / usable)
        total = sum(need)
        assert total <= 1.0, (spec.name, round(total, 3), [round(x, 3) for x in need])
        slack = 1.0 - total
        t.widths = [round((need[c] + slack * asked[c] / sum(asked)) * 10, 4) for c in range(n)]
    return spec


def finished(specs: Iterable[PaperSpec]) -> list[PaperSpec]:
    """The specs with their columns fitted (:func:`autofit`), each checked against what it prints
    (:func:`._spec_checks.check`), with names unique."""
    out = [autofit(s) for s in specs]
    for s in out:
        check(s)
    assert len({s.name for s in out}) == len(out), "two specs with one name"
    return out
