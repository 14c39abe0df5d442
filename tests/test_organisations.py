"""``[organisations]`` by file-name glob: papers of two councils in one flat folder.

tests/series/papers/flat_folder holds papers of Strathbeg (``sbc_*``) and Kildarroch (``kdc_*``)
whose titles name no council (both 'Best Value Action Plan Progress Report', numbered 1 to 5 and
1 to 6), and ``misc_update_2022-04.docx``, which neither a prefix nor its title places. With
``[organisations] "sbc_*" = ...`` in bvtrack.toml each paper's actions have its council, the two
plans are kept apart, and the misc paper has no organisation and is named once in the run's
messages (the contract: reported once in the run's summary).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.config import load
from pipeline.run import RunResult, run

SERIES_DIR = Path(__file__).resolve().parent / "series"
FLAT = SERIES_DIR / "papers" / "flat_folder"
EXPECTED = json.loads((SERIES_DIR / "expected" / "flat_folder.json").read_text(encoding="utf-8"))
PAPERS: list[dict[str, Any]] = EXPECTED["papers"]
UNPLACED = [p["file"] for p in PAPERS if p["organisation"] is None]
TOML = """\
[organisations]
"sbc_*" = "Strathbeg Council"
"kdc_*" = "Kildarroch Council"
"""


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    tmp = tmp_path_factory.mktemp("flat")
    shared = tmp / "shared"
    shutil.copytree(FLAT, shared)
    config = tmp / "bvtrack.toml"
    config.write_text(TOML, encoding="utf-8")
    settings = load(config)
    assert settings.organisations == EXPECTED["organisations"]
    return run(tmp / "ws", settings, input_dir=shared, email=False, workers=2)


def actions_of(result: RunResult, file_name: str) -> pd.DataFrame:
    """The actions a paper reports (through its snapshots)."""
    docs = result.tables["documents"]
    doc_id = docs.loc[docs["file_name"] == file_name, "doc_id"].item()
    snaps = result.tables["snapshots"]
    ids = set(snaps.loc[snaps["doc_id"] == doc_id, "action_id"])
    actions = result.tables["actions"]
    return actions[actions["action_id"].isin(ids)]


def test_the_folder_is_flat_and_no_title_names_a_council(flat: RunResult) -> None:
    """The fixture: every paper extracted with its refs, none in a sub-folder, no council in a title."""
    assert sorted(p.name for p in FLAT.iterdir()) == sorted(p["file"] for p in PAPERS)
    assert all(p.is_file() for p in FLAT.iterdir())
    docs = flat.tables["documents"].set_index("file_name")
    for paper in PAPERS:
        doc = docs.loc[paper["file"]]
        assert doc["status"] == "extracted", paper["file"]
        assert "council" not in str(doc["title"]).lower()
        assert sorted(actions_of(flat, paper["file"])["ref"]) == sorted(paper["actions"]), paper["file"]
    assert len(UNPLACED) == 1


@pytest.mark.parametrize("paper", [p for p in PAPERS if p["organisation"]], ids=lambda p: p["file"])
def test_each_paper_s_actions_have_the_organisation_its_file_name_gives(flat: RunResult,
                                                                          paper: dict[str, Any]) -> None:
    actions = actions_of(flat, paper["file"])
    assert len(actions) == len(paper["actions"])
    assert set(actions["organisation"]) == {paper["organisation"]}


def test_the_two_councils_plans_are_kept_apart(flat: RunResult) -> None:
    """Same title, same numbers: the organisations keep them two plans of their own actions."""
    by_org: dict[str, set[str]] = {}
    for paper in PAPERS:
        if paper["organisation"]:
            by_org.setdefault(paper["organisation"], set()).update(actions_of(flat, paper["file"])["action_id"])
    sbc, kdc = by_org["Strathbeg Council"], by_org["Kildarroch Council"]
    assert not sbc & kdc
    assert (len(sbc), len(kdc)) == (5, 6)  # each council's actions matched across its own two papers
    findings = flat.tables["findings"]
    assert not (findings["check"] == "plan_match_uncertain").any()


def test_a_paper_no_organisation_matches_has_none(flat: RunResult) -> None:
    [misc] = UNPLACED
    actions = actions_of(flat, misc)
    assert len(actions) == 4
    assert actions["organisation"].isna().all()


def test_the_paper_no_organisation_matches_is_named_once_in_the_run_s_messages(flat: RunResult) -> None:
    """The run's messages (printed in its summary) name the unplaced paper once, and only it.
    (The wording is the pipeline's: this asserts only a single message naming the file.)"""
    [misc] = UNPLACED
    naming = [m for m in flat.messages if misc in m]
    assert len(naming) == 1, flat.messages
    assert sum(m.count(misc) for m in flat.messages) == 1, flat.messages
    placed = [p["file"] for p in PAPERS if p["organisation"]]
    assert not [m for m in flat.messages for name in placed if name in m], flat.messages
