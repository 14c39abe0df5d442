"""The sample papers' staged tables, field by field, against ../shared/corpus/expected."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline import config, staging
from pipeline.run import run

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

PAPERS = sorted(p.name for p in (CORPUS / "papers").glob("*") if p.suffix in (".xlsx", ".docx", ".pdf"))
ACTION_FIELDS = ["ref", "theme", "description", "lead", "lead_raw", "service_lead", "priority",
                 "due_date", "original_due_date", "report_refs"]
SNAPSHOT_FIELDS = ["percent_complete", "percent_raw", "rag", "status_text", "decisions"]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _want(field: str, value: Any) -> Any:
    if field == "priority" and value is not None:
        return str(value)
    return value


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, pd.DataFrame]]:
    out = {}
    for name in PAPERS:
        root = tmp_path_factory.mktemp(name.replace(".", "_"))
        (root / "in").mkdir()
        shutil.copy(CORPUS / "papers" / name, root / "in" / name)
        run(root / "ws", config.load(None), input_dir=root / "in", email=False)
        out[name] = {t: staging.read_table(root / "ws" / "staged", t)
                     for t in ("documents", "actions", "snapshots", "items")}
    return out


@pytest.mark.parametrize("name", PAPERS)
def test_document_fields(staged: dict[str, dict[str, pd.DataFrame]], name: str) -> None:
    expected = json.loads((CORPUS / "expected" / f"{name}.json").read_text())
    doc = staged[name]["documents"].iloc[0]
    got = {k: _plain(doc[k]) for k in ("title", "report_ref", "report_date", "committee_date")}
    assert got == {k: expected[k] for k in got}
    assert doc["status"] == "extracted"
    assert doc["n_actions"] == len(expected["actions"])


@pytest.mark.parametrize("name", PAPERS)
def test_actions_and_snapshots(staged: dict[str, dict[str, pd.DataFrame]], name: str) -> None:
    expected = json.loads((CORPUS / "expected" / f"{name}.json").read_text())
    actions, snapshots = staged[name]["actions"], staged[name]["snapshots"]
    assert len(actions) == len(expected["actions"])
    by_description = {row["description"]: row for row in actions.to_dict("records")}
    for want in expected["actions"]:
        got = by_description[want["description"]]
        assert {f: _plain(got[f]) for f in ACTION_FIELDS} == {f: _want(f, want[f]) for f in ACTION_FIELDS}
        series = snapshots[snapshots["action_id"] == got["action_id"]].sort_values("as_of")
        got_snaps = [{"as_of": _plain(s["as_of"]), **{f: _plain(s[f]) for f in SNAPSHOT_FIELDS}}
                     for s in series.to_dict("records")]
        want_snaps = [{f: s[f] for f in ["as_of", *SNAPSHOT_FIELDS]} for s in want["snapshots"]]
        assert got_snaps == want_snaps, want["description"]


@pytest.mark.parametrize("name", PAPERS)
def test_register_items(staged: dict[str, dict[str, pd.DataFrame]], name: str) -> None:
    expected = json.loads((CORPUS / "expected" / f"{name}.json").read_text())
    items = staged[name]["items"]
    assert [(r["kind"], r["text"]) for r in items.to_dict("records")] == \
        [(i["kind"], i["text"]) for i in expected["items"]]


def test_snapshot_positions_point_at_the_row(staged: dict[str, dict[str, pd.DataFrame]]) -> None:
    docx = next(n for n in PAPERS if n.endswith(".docx"))
    snaps = staged[docx]["snapshots"]
    assert snaps["table_index"].notna().all() and snaps["row_index"].notna().all()
    assert set(snaps["source_file"]) == {docx}
    # every table of the update has its header in row 0, so actions sit in rows 1 and below
    assert snaps["row_index"].min() == 1


def test_staged_columns_follow_the_contract(staged: dict[str, dict[str, pd.DataFrame]]) -> None:
    from pipeline.schema import TABLES

    for tables in staged.values():
        for name, frame in tables.items():
            assert list(frame.columns) == list(TABLES[name])
