"""Notes that survive the rebuild: what analysts type into the Notes columns of the Dashboard and
Changes sheets is carried, by action id, from the workbook a run replaces into the one it writes.

- Before the new workbook is written, the one it replaces is read (:func:`previous_notes`, through
  :func:`extractors.workbook_notes.read_rows`): on each of those sheets, the row of headers holding
  'Action id' and 'Notes', and every non-empty note under it with its action id.
- Each note goes back on the same sheet, on its action's row (:func:`carry`). A note whose action
  is not on that sheet any more (a change a later paper no longer shows), or that sits on a row
  with no action id, is kept: listed on the ``Notes kept`` sheet with where it came from, what it
  was about and since when it is kept; that sheet is read back too, so it is carried again by the
  next run, and put back on its row if the action returns. A note is never dropped silently.
- A previous workbook that cannot be read (damaged, not a workbook) stops nothing: a warning in the
  log names it and why, a copy is kept beside it (``tracker.unreadable-YYYYmmdd-HHMMSS.xlsx``) so
  its notes can still be recovered by hand, and the Notes kept sheet says so.
- Note text is the analysts' and untrusted: made storable like paper text, and written as text
  (a quote prefix where it could be taken for a formula), never as a formula.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from xlsxwriter.workbook import Workbook

from extractors.errors import ExtractionError
from extractors.workbook_notes import header_key, read_rows
from pipeline.publish.workbook.inputs import Inputs, frame, val
from pipeline.publish.workbook.sheets import HEADER_ROW, new_sheet
from pipeline.publish.workbook.text import clean_text
from pipeline.publish.workbook.views import ACTION_ID, NOTES
from pipeline.publish.workbook.xl import Col, Formats, page_setup, write_table
from pipeline.schema import as_date, missing

log = logging.getLogger("bvtrack")

NOTED_SHEETS = ("Dashboard", "Changes")  # the sheets with a Notes column, in the order they are carried
KEPT_SHEET = "Notes kept"
ABOUT = ("Organisation", "Plan", "Ref", "Description")  # what a kept note was about, as its row showed it
KEPT_COLS = [Col("Kept since", "date"), Col("From sheet", width=12), Col("Organisation"),
             Col("Plan", width=30, wrap=True), Col("Ref", "ref", width=7), Col("Description", width=50, wrap=True),
             NOTES, ACTION_ID]


@dataclass(frozen=True)
class Note:
    sheet: str  # where it was typed: Dashboard or Changes
    action_id: str | None
    text: str
    about: tuple[str | None, ...] = (None,) * len(ABOUT)  # organisation, plan, ref, description
    kept_since: dt.date | None = None  # None: it was on its sheet's row in the previous workbook


@dataclass
class Carried:
    """The notes to put on each sheet's rows (sheet -> action id -> text) and the notes kept aside."""

    rows: dict[str, dict[str, str]] = field(default_factory=lambda: {s: {} for s in NOTED_SHEETS})
    kept: list[Note] = field(default_factory=list)
    problem: str | None = None  # why the previous workbook's notes could not be read

    def on(self, sheet: str) -> dict[str, str]:
        return self.rows.get(sheet, {})


def _text(value: Any) -> str | None:
    """A cell's value as note text: numbers as typed, dates dd/mm/yyyy; None where it is empty."""
    if value is None or missing(value):
        return None
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.strftime("%d/%m/%Y" if value.time() == dt.time() else "%d/%m/%Y %H:%M")
    elif isinstance(value, dt.date):
        text = value.strftime("%d/%m/%Y")
    else:
        text = str(value)
    text = clean_text(text.strip())[0]
    return text or None


def _date(value: Any) -> dt.date | None:
    try:
        return as_date(value)
    except (ValueError, TypeError, OverflowError):
        return None


def _note(sheet: str, row: Mapping[str, Any], kept_since: dt.date | None = None) -> Note | None:
    text = _text(row.get(header_key(NOTES.header)))
    if text is None:
        return None
    return Note(sheet=sheet, action_id=_text(row.get(header_key(ACTION_ID.header))), text=text,
                about=tuple(_text(row.get(header_key(h))) for h in ABOUT), kept_since=kept_since)


def set_aside(path: Path, when: dt.datetime) -> Path:
    """A copy of ``path`` beside it, named for ``when``: ``tracker.unreadable-20220815-093000.xlsx``."""
    stem = f"{path.stem}.unreadable-{when:%Y%m%d-%H%M%S}"
    copy, n = path.with_name(stem + path.suffix), 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{stem}-{n}{path.suffix}")
    shutil.copy2(path, copy)
    return copy


def previous_notes(path: Path | None, when: dt.datetime) -> tuple[list[Note], str | None]:
    """Every note in the workbook at ``path`` (the Dashboard's and the Changes sheet's rows, then the
    Notes kept sheet), and None; or no notes and why, where it cannot be read (logged, and a copy
    kept beside it). No workbook there: no notes."""
    if path is None or not path.exists():
        return [], None
    wanted = {name: (ACTION_ID.header, NOTES.header) for name in (*NOTED_SHEETS, KEPT_SHEET)}
    try:
        found = read_rows(path, wanted)
    except ExtractionError as exc:
        try:
            kept = f"a copy is kept as {set_aside(path, when).name}"
        except OSError as copy_failed:
            kept = f"no copy could be kept ({copy_failed.strerror or copy_failed})"
        problem = f"{path.name} could not be read ({exc.reason}): its notes are not carried over; {kept}"
        log.warning("the previous workbook %s could not be read (%s): its notes are not carried over; %s",
                    path, exc.reason, kept)
        return [], problem
    notes = [n for sheet in NOTED_SHEETS for row in found.get(sheet, []) if (n := _note(sheet, row))]
    for row in found.get(KEPT_SHEET, []):
        sheet = _text(row.get(header_key("From sheet"))) or KEPT_SHEET
        since = _date(row.get(header_key("Kept since"))) or when.date()
        if (note := _note(sheet, row, kept_since=since)) is not None:
            notes.append(note)
    return notes, None


def carry(notes: list[Note], present: Mapping[str, set[str]], today: dt.date) -> Carried:
    """Each note on its sheet's row for its action where that row is there (``present``: the action
    ids of each sheet's rows); the rest kept, since ``today`` where they were on a row before."""
    carried = Carried()
    kept: dict[tuple[str, str | None, str], Note] = {}
    for note in notes:  # the sheets' own notes first, then those kept before
        here = carried.rows.get(note.sheet)
        aid = note.action_id
        if here is not None and aid is not None and aid in present.get(note.sheet, set()):
            if aid not in here:
                here[aid] = note.text
                continue
            if note.text == here[aid] or note.text in here[aid].split("\n"):
                continue
            if note.kept_since is None:  # the same action twice on the previous sheet: both notes
                here[aid] = f"{here[aid]}\n{note.text}"
                continue
        key = (note.sheet, aid, note.text)
        since = note.kept_since or today
        if key not in kept or since < (kept[key].kept_since or today):
            kept[key] = Note(note.sheet, aid, note.text, note.about, since)
    carried.kept = sorted(kept.values(), key=lambda n: (n.kept_since or today, n.sheet, n.action_id or "", n.text))
    return carried


def kept_frame(carried: Carried, inp: Inputs) -> pd.DataFrame:
    rows = []
    for note in carried.kept:
        action = inp.actions.get(note.action_id) if note.action_id else None
        shown = dict(zip(ABOUT, note.about, strict=True))
        rows.append({
            "Kept since": note.kept_since, "From sheet": note.sheet, "Notes": note.text, "Action id": note.action_id,
            **{h: shown[h] if shown[h] is not None else val(action, h.lower()) for h in ABOUT},
        })
    return frame(rows, KEPT_COLS)


def kept_sheet(book: Workbook, formats: Formats, inp: Inputs, carried: Carried) -> None:
    table = kept_frame(carried, inp)
    note = ("Notes typed on the Dashboard or Changes whose action is no longer on that sheet (or whose row had no "
            "action id). They are carried to every new workbook, and go back on the row if the action returns; "
            "delete a row here to drop its note.")
    if carried.problem:
        note = f"The previous workbook's notes were not carried: {carried.problem}. {note}"
    w = new_sheet(book, formats, KEPT_SHEET, f"Notes kept: {len(table)} note{'s' if len(table) != 1 else ''} "
                  "whose row has gone", note, tab="#BF8F00")
    write_table(w, HEADER_ROW, 0, "tblNotesKept", table, KEPT_COLS)
    page_setup(w.sheet, HEADER_ROW)
