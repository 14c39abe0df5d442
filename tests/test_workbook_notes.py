"""Notes that survive the rebuild: typed into the Dashboard and Changes (with openpyxl, as an analyst
would in Excel), carried by action id into the next run's workbook; kept on 'Notes kept' where
their action has gone; a previous workbook that cannot be read stops nothing."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from workbook_read import NOW, cell, copy_papers, load, rows, run_over, series, table_cells
from xlsxwriter import Workbook

from extractors.errors import ExtractionError
from extractors.workbook_notes import read_rows
from pipeline.config import Settings
from pipeline.publish.workbook.notes import Note, carry
from pipeline.run import RunResult

HOSTILE = '=HYPERLINK("http://example.com","click")'


def _ids(result: RunResult) -> dict[str, str]:
    """Action id by ref (one plan)."""
    actions = result.tables["actions"]
    return dict(zip(actions["ref"], actions["action_id"], strict=True))


def type_notes(path: Path, notes: dict[str, dict[str, Any]], stray: str | None = None) -> None:
    """Type ``notes`` (sheet -> action id -> text) into the workbook's Notes cells, and ``stray``
    under the Dashboard's table (a row with no action id), then save it, as Excel would."""
    wb = load(path)
    for sheet, by_action in notes.items():
        ws = wb[sheet]
        headers, body = table_cells(ws, next(iter(ws.tables)))
        for row in body:
            aid = row[headers.index("Action id")].value
            if aid in by_action:
                target = row[headers.index("Notes")]
                target.value = by_action[aid]
                target.data_type = "s"  # typed as text (openpyxl would take '=...' for a formula)
    if stray:
        ws = wb["Dashboard"]
        headers, _ = table_cells(ws, "tblActions")
        ws.cell(row=ws.max_row + 2, column=headers.index("Notes") + 1, value=stray)
    wb.save(path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunResult, RunResult, RunResult, dict[str, str]]:
    """Run 1 over two papers; notes typed; run 2 with the plan's next paper; run 3 after a setting changed."""
    tmp = tmp_path_factory.mktemp("notes")
    shared, ws = tmp / "shared", tmp / "ws"
    copy_papers(shared, *series("strathbeg_docx", "2022-02", "2022-05"))
    first = run_over(ws, shared)
    assert first.workbook is not None
    ids = _ids(first)
    dropped_before = first.tables["changes"].set_index("action_id")["status"][ids["9"]]
    assert dropped_before == "dropped"  # on Changes now; the next paper's changes will not show it
    type_notes(first.workbook, {
        "Dashboard": {ids["2"]: "Ask the CFO about the pay award", ids["3"]: HOSTILE},
        "Changes": {ids["1"]: "Nearly there", ids["9"]: "Board set up: check the minutes"},
    }, stray="A note on no action's row")
    copy_papers(shared, *series("strathbeg_docx", "2022-08"))
    second = run_over(ws, shared)
    third = run_over(ws, shared, Settings(published_location="https://intranet.example/bv"))
    assert not second.unchanged and not third.unchanged
    return first, second, third, ids


def test_notes_go_back_on_their_actions_rows(runs: tuple[RunResult, RunResult, RunResult, dict[str, str]]) -> None:
    _, second, third, ids = runs
    for result in (second, third):
        assert result.workbook is not None
        wb = load(result.workbook)
        dash, changes = wb["Dashboard"], wb["Changes"]
        assert cell(dash, "tblActions", "Notes", ids["2"]).value == "Ask the CFO about the pay award"
        assert cell(changes, "tblChanges", "Notes", ids["1"]).value == "Nearly there"
        assert cell(dash, "tblActions", "Ref", ids["2"]).value == 2  # the same action's row
        noted = {r["Action id"]: r["Notes"] for r in rows(dash, "tblActions") if r["Notes"]}
        assert noted == {ids["2"]: "Ask the CFO about the pay award", ids["3"]: HOSTILE}
        assert [r["Notes"] for r in rows(changes, "tblChanges") if r["Notes"]] == ["Nearly there"]


def test_a_note_is_text_never_a_formula(runs: tuple[RunResult, RunResult, RunResult, dict[str, str]]) -> None:
    _, second, _, ids = runs
    assert second.workbook is not None
    note = cell(load(second.workbook)["Dashboard"], "tblActions", "Notes", ids["3"])
    assert (note.value, note.data_type, note.quotePrefix) == (HOSTILE, "s", True)
    with zipfile.ZipFile(second.workbook) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert not [f for f in re.findall(r"<f>(.*?)</f>", xml) if "HYPERLINK" in f]


def test_a_note_whose_action_has_gone_is_kept_and_carried_again(
        runs: tuple[RunResult, RunResult, RunResult, dict[str, str]]) -> None:
    _, second, third, ids = runs
    expected = [
        {"Kept since": dt.datetime(2022, 9, 30), "From sheet": "Changes", "Organisation": "Strathbeg Council",
         "Plan": "Best Value Action Plan", "Ref": 9,
         "Description": "Set up a Transformation Board with a savings target for each workstream",
         "Notes": "Board set up: check the minutes", "Action id": ids["9"]},
        {"Kept since": dt.datetime(2022, 9, 30), "From sheet": "Dashboard", "Organisation": None, "Plan": None,
         "Ref": None, "Description": None, "Notes": "A note on no action's row", "Action id": None},
    ]
    for result in (second, third):
        assert result.workbook is not None
        wb = load(result.workbook)
        assert rows(wb["Notes kept"], "tblNotesKept") == expected
        assert wb["Notes kept"]["A1"].value == "Notes kept: 2 notes whose row has gone"
        assert ids["9"] not in {r["Action id"] for r in rows(wb["Changes"], "tblChanges")}
        summary = [c.value for c in wb["Summary"]["A"] if c.value]
        assert "Notes kept whose row has gone: 2" in summary


def test_a_kept_note_returns_to_its_row_when_the_action_returns() -> None:
    today = dt.date(2022, 10, 1)
    notes = [Note("Changes", "a1", "back again", kept_since=dt.date(2022, 9, 30)),
             Note("Changes", "a2", "still gone", kept_since=dt.date(2022, 9, 30)),
             Note("Dashboard", "a3", "first"), Note("Dashboard", "a3", "second"),
             Note("Dashboard", "a4", "typed on the row"), Note("Dashboard", "a4", "kept before", kept_since=today),
             Note("Dashboard", "a4", "typed on the row", kept_since=today)]
    carried = carry(notes, {"Changes": {"a1"}, "Dashboard": {"a3", "a4"}}, today)
    assert carried.rows == {"Dashboard": {"a3": "first\nsecond", "a4": "typed on the row"},
                            "Changes": {"a1": "back again"}}
    assert [(n.sheet, n.action_id, n.text, n.kept_since) for n in carried.kept] == [
        ("Changes", "a2", "still gone", dt.date(2022, 9, 30)), ("Dashboard", "a4", "kept before", today)]


def _damaged(path: Path, how: str) -> bytes:
    good = path.read_bytes()
    if how == "not a workbook":
        return b"This is not a workbook at all.\n"
    if how == "cut short":
        return good[: len(good) // 2]
    out = io.BytesIO()  # a whole zip, one sheet's XML broken
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "xl/worksheets/sheet2.xml" else data)
    return out.getvalue()


@pytest.mark.parametrize("how", ["not a workbook", "cut short", "a sheet's XML broken"])
def test_a_damaged_previous_workbook_stops_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                    how: str) -> None:
    shared, ws = tmp_path / "shared", tmp_path / "ws"
    copy_papers(shared, *series("strathbeg_docx", "2022-05", "2022-08"))
    first = run_over(ws, shared)
    assert first.workbook is not None
    broken = _damaged(first.workbook, how)
    first.workbook.write_bytes(broken)
    with caplog.at_level(logging.WARNING, logger="bvtrack"):
        second = run_over(ws, shared)
    assert second.exit_code == 0 and second.workbook is not None and not second.unchanged
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and "could not be read" in r.getMessage()]
    assert len(warned) == 1 and str(first.workbook) in warned[0].getMessage()
    copies = sorted(second.workbook.parent.glob("tracker.unreadable-*.xlsx"))
    assert [c.name for c in copies] == [f"tracker.unreadable-{NOW:%Y%m%d-%H%M%S}.xlsx"]
    assert copies[0].read_bytes() == broken
    wb = load(second.workbook)
    assert "could not be read" in wb["Notes kept"]["A2"].value and copies[0].name in wb["Notes kept"]["A2"].value
    assert len(rows(wb["Dashboard"], "tblActions")) == len(second.tables["actions"])


def test_the_reader_refuses_entity_expansion(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    book = Workbook(str(path))
    sheet = book.add_worksheet("Dashboard")
    sheet.write_row(0, 0, ["Action id", "Notes"])
    sheet.write_row(1, 0, ["a1", "note"])
    book.close()
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = bomb.encode() + data.split(b"?>", 1)[1].replace(b"<v>", b"<v>&c;", 1)
            dst.writestr(item, data)
    path.write_bytes(out.getvalue())
    with pytest.raises(ExtractionError, match="cannot be read as a workbook"):
        read_rows(path, {"Dashboard": ("Action id", "Notes")})


def test_the_reader_finds_the_header_row_and_types(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Changes"
    ws.append(["Changes: a title"])
    ws.append(["a note line"])
    ws.append(["Ref", "ACTION  ID", "Notes"])
    ws.append([2, "a2", 42])
    ws.append([3, "a3", dt.datetime(2022, 10, 3)])
    ws.append([None, None, None])
    wb.save(path)
    got = read_rows(path, {"Changes": ("Action id", "Notes"), "Dashboard": ("Action id", "Notes")})
    assert got == {"Changes": [{"ref": 2, "action id": "a2", "notes": 42},
                               {"ref": 3, "action id": "a3", "notes": dt.datetime(2022, 10, 3)}]}
