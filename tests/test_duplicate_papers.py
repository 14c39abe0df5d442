"""A paper in two formats is read once: the .docx and the PDF LibreOffice prints from it.

tests/series/papers/duplicate_pair holds one committee paper as a .docx and as the PDF printed
from that very file (one file stem), and an unrelated paper of another council;
tests/series/papers/later_paper holds the same plan's next paper (a later report date, the very
same actions, percentages and RAG) as a .docx and its PDF. The contract: one of the pair is
``duplicate`` with ``duplicate_of`` the other's doc_id, one ``duplicate_paper`` finding (info),
its actions and snapshots not counted twice; a later paper of the plan repeats nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_changes import run_over

from pipeline.config import Settings
from pipeline.interpret import read_paper_file
from pipeline.run import RunResult

SERIES_DIR = Path(__file__).resolve().parent / "series"
PAIR, LATER = SERIES_DIR / "papers" / "duplicate_pair", SERIES_DIR / "papers" / "later_paper"
EXPECTED = json.loads((SERIES_DIR / "expected" / "duplicate_pair.json").read_text(encoding="utf-8"))
DOCX, PDF, UNRELATED = EXPECTED["docx"], EXPECTED["pdf"], EXPECTED["unrelated"]
ORGANISATION = "Strathbeg Council"


def documents(result: RunResult) -> dict[str, dict[str, Any]]:
    """file name -> its documents row (nulls as None)."""
    docs = result.tables["documents"]
    return {str(r["file_name"]): {str(k): None if v is None or v is pd.NA else v for k, v in r.items()}
            for r in docs.astype(object).where(docs.notna(), None).to_dict("records")}


def strathbeg(result: RunResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Strathbeg plan's actions and their snapshots."""
    actions = result.tables["actions"]
    actions = actions[actions["organisation"] == ORGANISATION]
    snaps = result.tables["snapshots"]
    return actions, snaps[snaps["action_id"].isin(actions["action_id"])]


def readings(actions: pd.DataFrame, snaps: pd.DataFrame) -> list[tuple[Any, ...]]:
    """What the plan's snapshots say, by ref: (ref, as_of, percent, rag), sorted."""
    ref_of = dict(zip(actions["action_id"], actions["ref"], strict=True))
    return sorted((ref_of[s["action_id"]], str(s["as_of"]), float(s["percent_complete"]), s["rag"])
                  for s in snaps.to_dict("records"))


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    return run_over(sorted(PAIR.iterdir()), tmp_path_factory.mktemp("pair"))


@pytest.fixture(scope="module")
def docx_alone(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    return run_over([PAIR / DOCX], tmp_path_factory.mktemp("docx_alone"))


def test_the_pdf_is_printed_from_that_very_docx_and_reads_the_same() -> None:
    """The fixture itself: one stem, and both forms give the same title, date and actions."""
    assert Path(DOCX).stem == Path(PDF).stem
    producer = re.search(rb"/Producer\s*<([0-9A-Fa-f]+)>", (PAIR / PDF).read_bytes())
    assert producer and bytes.fromhex(producer.group(1).decode()).decode("utf-16").startswith("LibreOffice")
    read = {name: read_paper_file(PAIR / name, Settings()) for name in (DOCX, PDF)}
    for name, reading in read.items():
        assert reading.status == "extracted", name
    seen = []
    for reading in read.values():
        pct = {s["local_id"]: (s["percent_complete"], s["rag"], s["status_text"]) for s in reading.snapshots}
        seen.append((reading.document["title"], str(reading.document["report_date"]),
                     sorted((a["ref"], a["description"], a["lead"], str(a["due_date"]), *pct[a["local_id"]])
                            for a in reading.actions)))
    assert seen[0] == seen[1]
    want = {p["file"]: p for p in EXPECTED["papers"]}[DOCX]
    assert {a[0]: {"percent_complete": a[4], "rag": a[5]} for a in seen[0][2]} == want["actions"]


def test_one_of_the_pair_is_a_duplicate_of_the_other(pair: RunResult) -> None:
    docs = documents(pair)
    both = [docs[DOCX], docs[PDF]]
    statuses = sorted(d["status"] for d in both)
    assert statuses == ["duplicate", "extracted"], [(d["file_name"], d["status"]) for d in both]
    kept, repeat = sorted(both, key=lambda d: d["status"] != "extracted")
    assert repeat["duplicate_of"] == kept["doc_id"]
    assert kept["duplicate_of"] is None


def test_the_duplicate_is_one_info_finding(pair: RunResult) -> None:
    docs = documents(pair)
    repeat = next(d for d in (docs[DOCX], docs[PDF]) if d["status"] == "duplicate")
    findings = pair.tables["findings"]
    found = findings[findings["check"] == "duplicate_paper"]
    assert len(found) == 1, found.to_dict("records")
    assert found.iloc[0]["severity"] == "info"
    assert found.iloc[0]["doc_id"] == repeat["doc_id"]


def test_the_duplicate_s_actions_and_snapshots_are_not_counted_twice(pair: RunResult, docx_alone: RunResult) -> None:
    actions, snaps = strathbeg(pair)
    alone_actions, alone_snaps = strathbeg(docx_alone)
    assert len(alone_actions) == 6 and len(alone_snaps) == 6  # the docx by itself: six actions, one reading each
    assert len(actions) == len(alone_actions)
    assert len(snaps) == len(alone_snaps)
    assert readings(actions, snaps) == readings(alone_actions, alone_snaps)
    kept = next(d for d in (documents(pair)[DOCX], documents(pair)[PDF]) if d["status"] == "extracted")
    assert set(snaps["doc_id"]) == {kept["doc_id"]}
    # and no finding twice: the Strathbeg paper's findings are the .docx's alone, bar duplicate_paper
    def said(result: RunResult) -> list[tuple[str, str, Any]]:
        findings = result.tables["findings"]
        plan_actions, _ = strathbeg(result)
        ref_of = dict(zip(plan_actions["action_id"], plan_actions["ref"], strict=True))
        mine = findings[findings["doc_id"].isin(strathbeg_docs(result)) | findings["action_id"].isin(ref_of)]
        return sorted((str(f["check"]), str(f["severity"]), ref_of.get(f["action_id"]))
                      for f in mine.to_dict("records") if f["check"] != "duplicate_paper")

    assert said(pair) == said(docx_alone)


def strathbeg_docs(result: RunResult) -> set[str]:
    docs = result.tables["documents"]
    return set(docs.loc[docs["file_name"].str.startswith("sbc_"), "doc_id"])


def test_the_unrelated_paper_is_not_a_duplicate(pair: RunResult) -> None:
    docs = documents(pair)
    other = docs[UNRELATED]
    assert other["status"] == "extracted" and other["duplicate_of"] is None
    assert other["n_actions"] == 4
    actions = pair.tables["actions"]
    assert (actions["organisation"] == "Glenarden Council").sum() == 4


@pytest.mark.parametrize("later", [EXPECTED["later_docx"], EXPECTED["later_pdf"]])
def test_a_later_paper_of_the_plan_with_the_same_actions_is_no_duplicate(later: str, tmp_path: Path) -> None:
    """The same title and the same actions and values, but a later report date: a paper of its own
    (in the same format or in another)."""
    result = run_over([PAIR / DOCX, LATER / later], tmp_path)
    docs = documents(result)
    for name in (DOCX, later):
        assert docs[name]["status"] == "extracted" and docs[name]["duplicate_of"] is None, docs[name]
    findings = result.tables["findings"]
    assert not (findings["check"] == "duplicate_paper").any()
    actions, snaps = strathbeg(result)
    assert len(actions) == 6
    assert sorted(str(d) for d in snaps["as_of"].unique()) == ["2022-05-16", "2022-08-15"]
    assert len(snaps) == 12
