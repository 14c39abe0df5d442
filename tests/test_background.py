"""The run's helper process (pipeline.batch.background): the checks there find what they would in
the run's process, their errors are raised in the run, a dead helper leaves its work to the run,
and the staged tables and the report it writes hold every finding."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pandas as pd
import pytest
from papers import DESCRIPTIONS, september_update

from pipeline import checks, files, staging
from pipeline.batch.background import Background
from pipeline.checks.suites import SUITES_DIR, validate
from pipeline.config import Settings
from pipeline.consolidate import consolidate
from pipeline.errors import SuiteError
from pipeline.findings import collect, finding
from pipeline.interpret import read_paper_file
from pipeline.run import prepare_staged_and_report, run
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("papers")
    return consolidate([read_paper_file(september_update(folder / "update.docx"), Settings())], Settings()).tables


def test_the_helper_finds_what_the_run_would(tables: dict[str, pd.DataFrame]) -> None:
    here = validate(tables, Settings())
    with Background(preload=checks.PRELOAD) as helper:
        there = helper.submit(validate, tables, Settings()).result()
    assert len(here) > 0
    pd.testing.assert_frame_equal(there, here)


def test_a_broken_suite_is_raised_in_the_run_naming_its_file(tables: dict[str, pd.DataFrame],
                                                             tmp_path: Path) -> None:
    suites = tmp_path / "expectations"
    shutil.copytree(SUITES_DIR, suites)
    path = suites / "actions.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    suite["expectations"][0]["meta"]["severity"] = "fatal"
    path.write_text(json.dumps(suite), encoding="utf-8")
    with Background() as helper:
        broken = helper.submit(validate, tables, Settings(), suites)
        fine = helper.submit(validate, tables, Settings())
        with pytest.raises(SuiteError, match=r"actions\.json.*severity"):
            broken.result()
        assert len(fine.result()) > 0  # what came after it is not lost


def test_each_answer_goes_to_its_own_submission() -> None:
    """Submitted quickly one after another, large and small, the calls reach the helper in order
    (one sender), so each answer is matched to its own call."""
    batches = [[finding("check", "info", f"message {i}", value="x" * (20_000 * (i % 3)))] for i in range(30)]
    with Background() as helper:
        pending = [helper.submit(collect, batch) for batch in batches]
        assert [p.result()[0]["message"] for p in pending] == [f"message {i}" for i in range(30)]


def test_a_dead_helper_leaves_its_work_to_the_run(tables: dict[str, pd.DataFrame],
                                                 caplog: pytest.LogCaptureFixture) -> None:
    with Background() as helper:
        helper.starter.join()
        assert helper.process is not None
        helper.process.kill()
        helper.process.join()
        pending = helper.submit(validate, tables, Settings())
        with caplog.at_level(logging.WARNING, logger="bvtrack"):
            found = pending.result()
    pd.testing.assert_frame_equal(found, validate(tables, Settings()))
    assert "its work is done in the main process" in caplog.text


def published(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {**tables, "findings": validate(tables, Settings())}


def test_a_table_kept_once_serves_every_call(tables: dict[str, pd.DataFrame]) -> None:
    with Background() as helper:
        shared = helper.keep("tables", tables)
        first = helper.submit(validate, shared, Settings())
        again = helper.submit(validate, shared, Settings())
        pd.testing.assert_frame_equal(first.result(), again.result())
    with Background() as gone:  # without a helper the run resolves what it kept itself
        gone.starter.join()
        assert gone.process is not None
        gone.process.kill()
        gone.process.join()
        shared = gone.keep("tables", tables)
        pd.testing.assert_frame_equal(gone.submit(validate, shared, Settings()).result(), first.result())


def test_the_helper_writes_the_staged_tables_and_the_report(tables: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    final = published(tables)
    with Background() as helper:
        prepared = helper.submit(prepare_staged_and_report, tables, final["findings"], Workspace(tmp_path),
                                 [("notes.txt", "not a paper")], dt.datetime(2021, 10, 1, 9, 0)).result()
    report = tmp_path / "outputs" / "data_quality.html"
    assert not report.exists()  # written beside, put in place with the workbook
    files.commit(prepared)
    html = report.read_text(encoding="utf-8")
    said = final["findings"][final["findings"]["current"].fillna(True).astype(bool)]["message"]
    assert "notes.txt" in html and len(said) and all(escape(str(m)) in html for m in said)  # to chase, or to fix
    pd.testing.assert_frame_equal(staging.read_table(tmp_path / "staged", "findings"), final["findings"],
                                  check_dtype=False)
    pd.testing.assert_frame_equal(staging.read_table(tmp_path / "staged", "actions"), tables["actions"],
                                  check_dtype=False)


def test_without_the_helper_the_run_writes_them_itself(tables: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    with Background() as helper:
        helper.starter.join()
        assert helper.process is not None
        helper.process.kill()
        files.commit(helper.submit(prepare_staged_and_report, tables, published(tables)["findings"],
                                   Workspace(tmp_path), [], dt.datetime(2021, 10, 1)).result())
        assert (tmp_path / "outputs" / "data_quality.html").exists()
    assert set(p.name for p in (tmp_path / "staged").iterdir()) >= {f"{t}.parquet" for t in staging.STAGED_TABLES}


def test_ending_the_helper_leaks_nothing(tmp_path: Path) -> None:
    """The run kills the helper once it has what it needs; here while it still has work queued.
    Python's resource tracker would say so at exit if the process left a semaphore behind."""
    september_update(tmp_path / "update.docx")
    code = f"""
from pathlib import Path
from pipeline import checks
from pipeline.config import Settings
from pipeline.consolidate import consolidate
from pipeline.interpret import read_paper_file
from pipeline.batch.background import Background
if __name__ == "__main__":
    tables = consolidate([read_paper_file(Path({str(tmp_path / 'update.docx')!r}), Settings())], Settings()).tables
    with Background(preload=checks.PRELOAD) as helper:
        found = helper.submit(checks.validate, tables, Settings())
        helper.submit(checks.validate, tables, Settings())
        print(len(found.result()))
"""
    script = tmp_path / "end_early.py"
    script.write_text(code, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, check=True)
    assert int(out.stdout) > 0
    assert "leaked" not in out.stderr, out.stderr


def test_a_run_leaves_great_expectations_to_the_helper(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    september_update(inp / "update.docx")
    code = ("import sys; from pathlib import Path; from pipeline.run import run; from pipeline.config import Settings; "
            f"r = run(Path({str(tmp_path / 'ws')!r}), Settings(), input_dir=Path({str(inp)!r}), email=False); "
            "print(len(r.tables['findings']), 'great_expectations' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    n, imported = out.stdout.split()
    assert int(n) > 0 and imported == "False"


def test_the_workbook_s_findings_reach_the_staged_table(tmp_path: Path) -> None:
    """A description longer than an Excel cell holds is cut in the workbook, and said so."""
    inp = tmp_path / "in"
    inp.mkdir()
    long = "Bring services together " * 1500  # 36,000 characters
    september_update(inp / "update.docx", descriptions={**DESCRIPTIONS, "1.1": long})
    result = run(tmp_path / "ws", Settings(), input_dir=inp, email=False, now=dt.datetime(2022, 1, 5))
    staged = staging.read_table(tmp_path / "ws" / "staged", "findings")
    assert "text_truncated" in set(result.tables["findings"]["check"])
    pd.testing.assert_frame_equal(staged.reset_index(drop=True), result.tables["findings"].reset_index(drop=True),
                                  check_dtype=False)
    assert "text_truncated" in (tmp_path / "ws" / "outputs" / "data_quality.html").read_text(encoding="utf-8")
