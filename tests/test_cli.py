"""The command line as a scheduler or an analyst uses it: real processes, real files.

A scheduler gives the run no terminal (``_run``: pipes); an analyst does (``_at_terminal``:
stdout on a pseudo-terminal).
"""

from __future__ import annotations

import contextlib
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd

from pipeline.cli import build_parser

BVTRACK = [sys.executable, "-m", "pipeline.cli"]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BVTRACK, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def _at_terminal(*args: str) -> subprocess.CompletedProcess[str]:
    """bvtrack with its stdout on a terminal, as an analyst runs it; stderr piped."""
    ours, theirs = pty.openpty()
    with subprocess.Popen([*BVTRACK, *args], stdout=theirs, stderr=subprocess.PIPE) as proc:
        os.close(theirs)
        out = b""
        while True:
            try:
                chunk = os.read(ours, 65536)
            except OSError:  # EIO: the other end is closed
                break
            if not chunk:
                break
            out += chunk
        os.close(ours)
        assert proc.stderr is not None
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    return subprocess.CompletedProcess(args, code, text, err.decode("utf-8", "replace"))


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
    again = _at_terminal("run", "--workspace", str(ws), "--no-email")
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
    assert "broken.docx" in result.stderr and "quarantined" in result.stderr  # where a scheduler sees it
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
    result = _at_terminal("run", "--input", str(tmp_path / "in"), "--workspace", str(tmp_path / "ws"), "--no-email")
    assert result.returncode == 0
    assert "skipped: notes.txt" in result.stdout
    assert "~$paper.xlsx" not in result.stdout + result.stderr
    quiet = _run("run", "--input", str(tmp_path / "in"), "--workspace", str(tmp_path / "ws2"), "--no-email")
    assert quiet.stdout == "" and "notes.txt" in quiet.stderr and "~$paper.xlsx" not in quiet.stderr


def test_under_a_scheduler_a_run_that_goes_well_says_nothing(tmp_path: Path) -> None:
    """cron mails whatever a job prints: a good run prints nothing, the log has it all."""
    (tmp_path / "in").mkdir()
    _odd_paper(tmp_path / "in" / "fine.xlsx")
    ws = tmp_path / "ws"
    for _ in range(2):  # the first run reads, the second finds nothing changed
        result = _run("run", "--input", str(tmp_path / "in"), "--workspace", str(ws), "--no-email")
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    log = "".join(p.read_text() for p in (ws / "outputs" / "logs").glob("*.log"))
    assert "papers read" in log or "read 1 paper" in log or "fine.xlsx" in log
    assert "nothing changed" in log


def test_at_a_terminal_the_summary_gives_absolute_paths(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _odd_paper(tmp_path / "in" / "fine.xlsx")
    (tmp_path / "ws").mkdir()
    result = subprocess.run([*BVTRACK, "run", "--input", "../in", "--workspace", ".", "--no-email"],
                            capture_output=True, text=True, cwd=tmp_path / "ws", timeout=120)
    assert result.returncode == 0
    shown = _at_terminal("run", "--workspace", str(tmp_path / "ws" / ".." / "ws"), "--no-email", "-v").stdout
    assert f"workbook: {tmp_path.resolve() / 'ws' / 'outputs' / 'tracker.xlsx'}" in shown


def test_verbose_goes_before_or_after_the_command_and_version_is_shown(tmp_path: Path) -> None:
    for args in (["-v", "run"], ["run", "-v"]):
        parsed = build_parser().parse_args([*args, "--workspace", str(tmp_path)])
        assert parsed.verbose is True
    assert build_parser().parse_args(["run"]).verbose is False
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.startswith("bvtrack ") and "unknown" not in version.stdout


def test_a_run_in_a_folder_that_is_not_a_workspace_is_a_usage_error_with_a_hint(tmp_path: Path) -> None:
    result = _run("run", "--no-email", cwd=tmp_path)
    assert result.returncode == 2
    assert "not a bvtrack workspace" in result.stderr and "bvtrack init" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no empty tracker published


def test_inspect_image_of_a_paper_that_is_not_a_pdf_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("inspect", str(_odd_paper(tmp_path / "odd.xlsx")), "--image", str(tmp_path / "p.png"))
    assert result.returncode == 2 and "PDF pages only" in result.stderr
    assert not (tmp_path / "p.png").exists()


def test_init_makes_a_workspace_a_run_can_use(tmp_path: Path) -> None:
    ws = tmp_path / "srv" / "bvtrack"
    made = _run("init", str(ws))
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in ws.iterdir()) == ["bvtrack.toml", "outputs", "raw", "staged"]
    text = (ws / "bvtrack.toml").read_text()
    assert "# match_threshold = 85.0" in text and "BVTRACK_SMTP_PASSWORD" in text
    assert _run("init", str(ws)).stdout.startswith(f"{ws} is a workspace already")
    assert (ws / "bvtrack.toml").read_text() == text  # never overwritten
    (tmp_path / "in").mkdir()
    _odd_paper(tmp_path / "in" / "fine.xlsx")
    assert _run("run", "--input", str(tmp_path / "in"), "--workspace", str(ws)).returncode == 0
    assert _run("run", "--workspace", str(ws)).returncode == 0  # a workspace now, without --input


def _interrupted_run(share: Path, ws: Path, *, after: float) -> tuple[int, str]:
    """Start a run, wait until it has begun (its workspace exists: Python has loaded it), then
    ``after`` seconds, and press Ctrl-C: SIGINT to every process of the group, as a terminal does."""
    with subprocess.Popen([*BVTRACK, "run", "--input", str(share), "--workspace", str(ws), "--no-email",
                           "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as proc:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline and not ws.is_dir():
            time.sleep(0.005)
        time.sleep(after)
        with contextlib.suppress(ProcessLookupError):  # the run had ended
            os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    return proc.returncode, err


def test_ctrl_c_at_any_moment_of_a_run_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """While the fork server imports the parsers, while papers are read, while the tracker is
    published, as Python shuts down: one line and 130 (or 0 where the run had already ended), never
    a trace, never a kill by the signal (-2), which cron and systemd report as a crash."""
    share = tmp_path / "in"
    share.mkdir()
    for i in range(40):
        _odd_paper(share / f"paper{i:02}.xlsx")
    started = time.monotonic()  # a run never interrupted: how long one takes
    assert _run("run", "--input", str(share), "--workspace", str(tmp_path / "whole"), "--no-email").returncode == 0
    length = time.monotonic() - started
    moments = [length * k / 8 for k in range(9)]
    for n, after in enumerate(moments):
        code, err = _interrupted_run(share, tmp_path / f"ws{n}", after=after)
        assert code in (0, 130), (after, code, err)
        assert "Traceback" not in err, (after, err)
        if code == 130:
            assert err.strip().splitlines()[-1] == "bvtrack: interrupted", (after, err)


def test_ctrl_c_while_the_command_imports_the_program_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """The installed ``bvtrack`` command, interrupted while Python still imports the program (half a
    second): Python reports each import as it completes (PYTHONPROFILEIMPORTTIME), so Ctrl-C comes
    right after the program's first module and before the rest."""
    command = Path(sys.executable).parent / "bvtrack"
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    with subprocess.Popen([str(command), "run", "--workspace", str(tmp_path / "ws"), "--no-email"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:
            seen.append(line.rsplit("|", 1)[-1].strip())
            if seen[-1] == "extractors.errors":  # pipeline.cli's first import: the others still to come
                proc.send_signal(signal.SIGINT)
                break
        err = proc.stderr.read()
        proc.wait(timeout=60)
    assert "extractors.errors" in seen and "pipeline.run" not in seen
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "bvtrack: interrupted", err
