"""The command line as a scheduler or an analyst uses it: real processes, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd

from pipeline.cli import build_parser

BVTRACK = [sys.executable, "-m", "pipeline.cli"]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BVTRACK, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def _odd_paper(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Task", "Accountable Executive", "Delivery Date", "Delivery %"])
    ws.append(["Recruit a new head of service", "Director of People", "30/09/2022", "60%"])
    wb.save(path)
    return path


def test_headers_added_in_the_config_file_are_used(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _odd_paper(tmp_path / "in" / "odd.xlsx")
    ws = tmp_path / "ws"
    ws.mkdir()
    without = _run("run", "--input", str(tmp_path / "in"), "--workspace", str(ws), "--no-email")
    assert without.returncode == 0
    assert pd.read_parquet(ws / "staged" / "documents.parquet")["status"].tolist() == ["no_actions"]

    (ws / "bvtrack.toml").write_text('[headers]\nlead = ["Accountable Executive"]\nprogress = ["Delivery %"]\n'
                                     'due_date = ["Delivery Date"]\n')
    again = _run("run", "--workspace", str(ws), "--no-email")
    assert again.returncode == 0, again.stderr
    actions = pd.read_parquet(ws / "staged" / "actions.parquet")
    assert actions[["description", "lead"]].values.tolist() == [["Recruit a new head of service",
                                                                  "Director of People"]]
    snapshots = pd.read_parquet(ws / "staged" / "snapshots.parquet")
    assert snapshots["percent_complete"].tolist() == [60.0]
    assert "papers read: 1 (1 extracted" in again.stdout


def test_a_quarantined_paper_exits_3_and_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _odd_paper(tmp_path / "in" / "fine.xlsx")
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    result = _run("run", "--input", str(tmp_path / "in"), "--workspace", str(tmp_path / "ws"), "--no-email")
    assert result.returncode == 3
    assert "broken.docx" in result.stdout and "quarantined" in result.stdout
    docs = pd.read_parquet(tmp_path / "ws" / "staged" / "documents.parquet").set_index("file_name")
    assert docs.loc["broken.docx", "status"] == "quarantined"
    assert "zip" in docs.loc["broken.docx", "error"]
    assert docs.loc["fine.xlsx", "status"] == "no_actions"


def test_a_bad_config_is_a_usage_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "bvtrack.toml").write_text("timeout_secs = 5\n")
    result = _run("run", "--workspace", str(tmp_path), "--no-email")
    assert result.returncode == 2
    assert "timeout_secs" in result.stderr and "bvtrack.toml" in result.stderr


def test_a_password_in_the_config_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bvtrack.toml").write_text('[email]\npassword = "hunter2"\n')
    result = _run("run", "--workspace", str(tmp_path), "--no-email")
    assert result.returncode == 2
    assert "BVTRACK_SMTP_PASSWORD" in result.stderr and "hunter2" not in result.stderr + result.stdout


def test_missing_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("run", "--input", str(tmp_path / "nope"), "--workspace", str(tmp_path), "--no-email")
    assert result.returncode == 2 and "nope" in result.stderr


def test_every_command_has_an_example_in_its_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        assert "example:" in (command.epilog or ""), name
        help_text = command.format_help()
        assert f"bvtrack {name}" in help_text


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert readme.index("make run") < 200 and readme.index("make test") < 200
    for command in ("bvtrack run", "bvtrack inspect", "--input", "--workspace", "--config", "--no-email",
                    "--workers"):
        assert command in readme, command


def test_inspect_shows_the_column_map(tmp_path: Path) -> None:
    result = _run("inspect", str(_odd_paper(tmp_path / "odd.xlsx")))
    assert result.returncode == 0
    assert "no header row of actions found" in result.stdout


def test_a_changed_paper_keeps_its_shared_folder_name(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    paper = _odd_paper(tmp_path / "in" / "update.xlsx")
    ws = tmp_path / "ws"
    assert _run("run", "--input", str(tmp_path / "in"), "--workspace", str(ws), "--no-email").returncode == 0
    wb = openpyxl.load_workbook(paper)
    wb.active["A3"] = "A second action"  # type: ignore[index]
    wb.save(paper)
    result = _run("run", "--input", str(tmp_path / "in"), "--workspace", str(ws), "--no-email")
    assert result.returncode == 0, result.stderr
    copies = sorted(p.name for p in (ws / "raw").glob("update*.xlsx"))
    assert len(copies) == 2 and "update.xlsx" in copies  # the first copy is kept as received
    docs = pd.read_parquet(ws / "staged" / "documents.parquet")
    assert docs["file_name"].tolist() == ["update.xlsx"]
    assert Path(docs["source_path"][0]).name != "update.xlsx"  # it points at the new copy


def test_files_that_are_not_papers_are_listed_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _odd_paper(tmp_path / "in" / "paper.xlsx")
    (tmp_path / "in" / "notes.txt").write_text("call back the chief executive")
    (tmp_path / "in" / "~$paper.xlsx").write_bytes(b"\x00" * 162)  # an Office owner file: ignored
    result = _run("run", "--input", str(tmp_path / "in"), "--workspace", str(tmp_path / "ws"), "--no-email")
    assert result.returncode == 0
    assert "skipped: notes.txt" in result.stdout
    assert "~$paper.xlsx" not in result.stdout
