"""The contract's ``changes`` table: what moved between the two latest papers of each plan.

Each series of tests/series (``build.py``) is three committee papers of one council's plan in one
producer's form (Word, a workbook with RAG only as cell colour, a reportlab PDF, LibreOffice's PDF
of a Word paper), with new, dropped and completed actions, RAG better, worse and the same, target
dates moved later and earlier. ``expected/<series>.json`` holds the changes rows between the
second and the third paper, keyed by the action's ref. The first paper differs from the second
and holds an action of its own: comparing it by mistake changes the rows.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.config import Settings
from pipeline.run import RunResult, run
from pipeline.staging import read_table

SERIES_DIR = Path(__file__).resolve().parent / "series"
PAPERS, EXPECTED = SERIES_DIR / "papers", SERIES_DIR / "expected"
SERIES = sorted(p.stem for p in EXPECTED.glob("*.json") if "changes" in json.loads(p.read_text(encoding="utf-8")))
COLUMNS = ("status", "previous_percent", "percent_complete", "percent_change", "previous_rag", "rag", "rag_change",
           "completed", "previous_due_date", "due_date", "days_moved")


def plain(value: Any) -> Any:
    """A table cell as the expected JSON writes it: null, ISO dates, floats, ints, bools, text."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value


def run_over(files: list[Path], tmp: Path) -> RunResult:
    """One run over these papers only, copied into a fresh shared folder."""
    shared = tmp / "shared"
    shared.mkdir(parents=True)
    for path in files:
        shutil.copy2(path, shared / path.name)
    return run(tmp / "ws", Settings(), input_dir=shared, email=False, workers=2)


def doc_ids(result: RunResult) -> dict[str, str]:
    docs = result.tables["documents"]
    return dict(zip(docs["file_name"], docs["doc_id"], strict=True))


def refs(result: RunResult) -> dict[str, str]:
    """action_id -> ref."""
    actions = result.tables["actions"]
    return dict(zip(actions["action_id"], actions["ref"], strict=True))


def changes_by_ref(result: RunResult, organisation: str | None = None) -> dict[str, dict[str, Any]]:
    """The changes rows keyed by their action's ref (of one organisation's plan, where given)."""
    assert "changes" in result.tables, "the run has no changes table"
    changes = result.tables["changes"]
    if organisation is not None:
        changes = changes[changes["organisation"] == organisation]
    ref_of = refs(result)
    rows: dict[str, dict[str, Any]] = {}
    for record in changes.to_dict("records"):
        ref = ref_of[record["action_id"]]
        assert ref not in rows, f"two changes rows for ref {ref}"
        rows[ref] = {str(k): plain(v) for k, v in record.items()}
    return rows


@pytest.fixture(scope="module", params=SERIES)
def series(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[dict[str, Any], RunResult, Path]:
    name = request.param
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    tmp = tmp_path_factory.mktemp(name)
    result = run_over(sorted((PAPERS / name).iterdir()), tmp)
    return expected, result, tmp / "ws"


def test_there_are_series_in_each_producer_s_form() -> None:
    forms = {json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))["producer"] for name in SERIES}
    assert len(SERIES) >= 4 and forms >= {"docx", "xlsx", "pdf", "lo-docx"}


def test_every_paper_of_the_series_is_read(series: tuple[dict[str, Any], RunResult, Path]) -> None:
    """The papers themselves: each extracted, on its report date, with its refs, percentages and RAG
    (what the changes are worked out from)."""
    expected, result, _ = series
    docs = result.tables["documents"].set_index("file_name")
    ids = doc_ids(result)
    ref_of = refs(result)
    snaps = result.tables["snapshots"]
    for paper in expected["papers"]:
        doc = docs.loc[paper["file"]]
        assert doc["status"] == "extracted", (paper["file"], doc["status"], doc["error"])
        assert plain(doc["report_date"]) == paper["report_date"], paper["file"]
        mine = snaps[snaps["doc_id"] == ids[paper["file"]]]
        got = {ref_of[r["action_id"]]: {"percent_complete": plain(r["percent_complete"]), "rag": plain(r["rag"])}
               for r in mine.to_dict("records")}
        assert got == paper["actions"], paper["file"]
    actions = result.tables["actions"]
    assert set(actions["organisation"]) == {expected["organisation"]}
    assert actions["plan"].nunique() == 1, "one plan across the series"


def test_the_changes_are_those_between_the_two_latest_papers(
        series: tuple[dict[str, Any], RunResult, Path]) -> None:
    expected, result, _ = series
    got = changes_by_ref(result)
    assert {ref: {c: row[c] for c in COLUMNS} for ref, row in got.items()} == expected["changes"]


def test_each_row_names_the_two_latest_papers_and_their_dates(
        series: tuple[dict[str, Any], RunResult, Path]) -> None:
    expected, result, _ = series
    ids = doc_ids(result)
    dates = {p["file"]: p["report_date"] for p in expected["papers"]}
    previous, latest = expected["previous"], expected["latest"]
    for ref, row in changes_by_ref(result).items():
        assert (row["previous_doc_id"], row["doc_id"]) == (ids[previous], ids[latest]), ref
        was, now = row["status"] in ("continuing", "dropped"), row["status"] in ("continuing", "new")
        assert row["previous_as_of"] == (dates[previous] if was else None), ref
        assert row["as_of"] == (dates[latest] if now else None), ref
        assert row["organisation"] == expected["organisation"], ref
    plans = {row["plan"] for row in changes_by_ref(result).values()}
    assert len(plans) == 1 and None not in plans


def test_the_first_paper_is_not_compared(series: tuple[dict[str, Any], RunResult, Path]) -> None:
    """An action only the first paper reports is no row, and the first paper is no side of a row."""
    expected, result, _ = series
    got = changes_by_ref(result)
    first = doc_ids(result)[expected["papers"][0]["file"]]
    assert expected["only_in_first"] and not set(expected["only_in_first"]) & set(got)
    assert first not in {row["previous_doc_id"] for row in got.values()} | {row["doc_id"] for row in got.values()}


def test_the_changes_are_staged(series: tuple[dict[str, Any], RunResult, Path]) -> None:
    _, result, ws = series
    path = ws / "staged" / "changes.parquet"
    assert path.exists()
    staged = read_table(ws / "staged", "changes")
    in_run = result.tables["changes"]
    assert list(staged.columns) == list(in_run.columns)

    def rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
        return sorted(({str(k): plain(v) for k, v in r.items()} for r in frame.to_dict("records")),
                      key=lambda r: str(r["action_id"]))

    assert rows(staged) == rows(in_run)


def test_each_series_s_changes_are_the_same_in_one_run_of_all_of_them(tmp_path: Path) -> None:
    """Plans are compared apart: the four councils' papers in one folder give each plan its own rows."""
    result = run_over(sorted(p for name in SERIES for p in (PAPERS / name).iterdir()), tmp_path)
    for name in SERIES:
        expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
        got = changes_by_ref(result, expected["organisation"])
        assert {ref: {c: row[c] for c in COLUMNS} for ref, row in got.items()} == expected["changes"], name
