"""The checks in a process of their own (pipeline.batch.background): the same findings as in the run's
process, suite errors raised in the run, a dead process replaced by the run doing the checks, and
the findings the workbook raises reaching the staged table."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from papers import DESCRIPTIONS, september_update

from pipeline import staging
from pipeline.config import Settings
from pipeline.consolidate.tables import consolidate
from pipeline.interpret.reading import read_paper_file
from pipeline.run import run
from pipeline.checks.suites import SUITES_DIR, SuiteError, validate
from pipeline.batch.background import BackgroundValidator, Publication

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("papers")
    return consolidate([read_paper_file(september_update(folder / "update.docx"), Settings())], Settings())


def test_the_checks_process_finds_what_the_run_would(tables: dict[str, pd.DataFrame]) -> None:
    here = validate(tables, Settings())
    with BackgroundValidator(Settings()) as checks:
        checks.submit(tables)
        there = checks.findings()
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
    with BackgroundValidator(Settings(), suites) as checks:
        checks.submit(tables)
        with pytest.raises(SuiteError, match=r"actions\.json.*severity"):
            checks.findings()


def test_a_dead_checks_process_leaves_the_checks_to_the_run(tables: dict[str, pd.DataFrame],
                                                            caplog: pytest.LogCaptureFixture) -> None:
    with BackgroundValidator(Settings()) as checks:
        checks.starter.join()
        assert checks.process is not None
        checks.process.kill()
        checks.process.join()
        checks.submit(tables)
        with caplog.at_level(logging.WARNING, logger="bvtrack"):
            found = checks.findings()
    pd.testing.assert_frame_equal(found, validate(tables, Settings()))
    assert "its work is done in the main process" in caplog.text


def test_the_checks_process_writes_the_staged_tables_and_the_report(tables: dict[str, pd.DataFrame],
                                                                    tmp_path: Path) -> None:
    where = Publication(tmp_path / "staged", tmp_path / "outputs", tmp_path / "raw", [("notes.txt", "not a paper")],
                        dt.datetime(2021, 10, 1, 9, 0))
    with BackgroundValidator(Settings()) as checks:
        checks.submit(tables, where)
        found = checks.findings()
        report = checks.published()
    assert report == tmp_path / "outputs" / "data_quality.html"
    html = report.read_text(encoding="utf-8")
    assert "notes.txt" in html and all(str(m) in html for m in found["check"].unique())
    pd.testing.assert_frame_equal(staging.read_table(tmp_path / "staged", "findings"), found, check_dtype=False)
    pd.testing.assert_frame_equal(staging.read_table(tmp_path / "staged", "actions"), tables["actions"],
                                  check_dtype=False)


def test_without_the_process_the_run_publishes_itself(tables: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    where = Publication(tmp_path / "staged", tmp_path / "outputs", tmp_path / "raw", [], dt.datetime(2021, 10, 1))
    with BackgroundValidator(Settings()) as checks:
        checks.starter.join()
        assert checks.process is not None
        checks.process.kill()
        checks.submit(tables, where)
        checks.findings()
        assert checks.published().exists()
    assert set(p.name for p in (tmp_path / "staged").iterdir()) >= {f"{t}.parquet" for t in staging.STAGED_TABLES}


def test_ending_the_checks_process_leaks_nothing(tmp_path: Path) -> None:
    """The run kills the process once it has what it needs; here while it is still publishing.
    Python's resource tracker would say so at exit if the process left a semaphore behind."""
    september_update(tmp_path / "update.docx")
    code = f"""
import datetime as dt
from pathlib import Path
from pipeline.config import Settings
from pipeline.consolidate.tables import consolidate
from pipeline.interpret.reading import read_paper_file
from pipeline.batch.background import BackgroundValidator, Publication
if __name__ == "__main__":
    tables = consolidate([read_paper_file(Path({str(tmp_path / 'update.docx')!r}), Settings())], Settings())
    out = Path({str(tmp_path)!r})
    with BackgroundValidator(Settings()) as checks:
        checks.submit(tables, Publication(out / "staged", out / "outputs", out / "raw", [], dt.datetime(2021, 10, 1)))
        print(len(checks.findings()))
"""
    script = tmp_path / "end_early.py"
    script.write_text(code, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, check=True)
    assert int(out.stdout) > 0
    assert "leaked" not in out.stderr, out.stderr


def test_a_run_leaves_great_expectations_to_the_checks_process(tmp_path: Path) -> None:
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
