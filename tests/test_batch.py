"""The batch job against a shared folder as it really is: hundreds of papers, many of them damaged,
clutter beside them, runs killed half way, two runs at once, reruns over an unchanged folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from paper_factory import clutter, encrypted_pdf, good_paper, mutants, zip_bomb

from pipeline.batch import cache, workers
from pipeline.batch.lock import LOCK_NAME, workspace_lock
from pipeline.config import Settings
from pipeline.errors import WorkspaceBusy
from pipeline.run import STAGED_TABLES, RunResult, run
from pipeline.staging import read_table

BVTRACK = [sys.executable, "-m", "pipeline.cli"]
STATUSES = {"extracted", "no_actions", "quarantined", "duplicate"}
SETTINGS = {"max_unzipped_mb": 20, "timeout_seconds": 60}


def tree(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` by its relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Shared:
    folder: Path
    expect: dict[str, tuple[str, str]]  # file name -> (how it was made, what must become of it)
    ignored: list[str]
    skipped: list[str]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    folder = tmp_path_factory.mktemp("shared")
    goods = [good_paper(folder / "good", i) for i in range(45)]
    expect = {p.name: ("good", "extracted") for p in goods}
    expect.update({p.name: made for p, made in mutants(goods, folder / "damaged").items()})
    for i in range(2):
        expect[zip_bomb(folder / "damaged", i).name] = ("zip_bomb", "quarantined")
        expect[encrypted_pdf(folder / "damaged", i).name] = ("encrypted_pdf", "quarantined")
    good_paper(folder, 99, "docx").rename(folder / "paper_saved_as.txt")  # a Word paper under a wrong extension
    expect["paper_saved_as.txt"] = ("renamed", "extracted")
    ignored, skipped = clutter(folder / "clutter")
    return Shared(folder, expect, ignored, skipped)


@dataclass
class Batch:
    workspace: Path
    result: RunResult
    input_before: dict[str, str]
    input_after: dict[str, str]
    seconds: float


@pytest.fixture(scope="module")
def batch(shared: Shared, tmp_path_factory: pytest.TempPathFactory) -> Batch:
    ws = tmp_path_factory.mktemp("ws")
    before = tree(shared.folder)
    started = time.monotonic()
    result = run(ws, Settings(**SETTINGS), input_dir=shared.folder, email=False, workers=2)  # type: ignore[arg-type]
    return Batch(ws, result, before, tree(shared.folder), time.monotonic() - started)


def test_the_folder_holds_several_hundred_papers(shared: Shared) -> None:
    assert len(shared.expect) >= 300
    assert {made for made, _ in shared.expect.values()} >= {
        "good", "truncated", "flipped", "damaged_entry", "missing_part", "encrypted", "empty", "renamed",
        "text_as_paper", "zip_bomb", "encrypted_pdf"}


def test_every_paper_ends_as_the_contract_says(shared: Shared, batch: Batch) -> None:
    docs = batch.result.tables["documents"].set_index("file_name")
    twins = {Path(name).name for name, reason in batch.result.skipped if reason.startswith("the same bytes as")}
    assert sorted([*docs.index, *twins]) == sorted(shared.expect)  # every paper, or its twin, read once
    assert twins == {n for n, (made, _) in shared.expect.items() if made == "empty"} - set(docs.index)
    assert set(docs["status"]) <= STATUSES
    wrong = {}
    for name, (made, expect) in shared.expect.items():
        if name in twins:
            continue
        status, error = docs.at[name, "status"], docs.at[name, "error"]
        if status == "quarantined" and not (isinstance(error, str) and error.strip()):
            wrong[name] = "quarantined without a reason"
        elif status == "duplicate" and expect in ("extracted", "any"):
            # a damaged copy that still reads whole is the paper it copies: read once
            original = docs[docs["doc_id"] == docs.at[name, "duplicate_of"]]
            if list(original["status"]) != ["extracted"]:
                wrong[name] = f"{made}: a duplicate of {docs.at[name, 'duplicate_of']}, which is not an extracted paper"
        elif expect != "any" and status != expect:
            wrong[name] = f"{made}: {status!s} ({error!s}), expected {expect}"
    assert wrong == {}


def test_reasons_name_the_damage(shared: Shared, batch: Batch) -> None:
    docs = batch.result.tables["documents"].set_index("file_name")
    reasons: dict[str, set[str]] = {made: set() for made, _ in shared.expect.values()}
    for name, (made, _) in shared.expect.items():
        if name in docs.index:  # one empty file is read, the rest are its twins
            reasons[made].add(str(docs.at[name, "error"]))
    assert all("encrypted" in r for r in reasons["encrypted"] | reasons["encrypted_pdf"])
    assert all("zip bomb" in r for r in reasons["zip_bomb"])
    assert reasons["empty"] == {"empty file"}
    assert all("unrecognised content" in r for r in reasons["text_as_paper"])


def test_clutter_is_ignored_or_skipped_and_never_read(shared: Shared, batch: Batch) -> None:
    docs = set(batch.result.tables["documents"]["file_name"])
    skipped = {n: r for n, r in batch.result.skipped if not r.startswith("the same bytes")}
    assert sorted(Path(name).name for name in skipped) == shared.skipped
    assert all("not a paper" in reason for reason in skipped.values())
    assert not docs & (set(shared.ignored) | set(shared.skipped))
    assert not {Path(n).name for n in tree(batch.workspace / "raw")} & (set(shared.ignored) | set(shared.skipped))


def test_the_shared_folder_is_untouched_and_raw_holds_exact_copies(shared: Shared, batch: Batch) -> None:
    assert batch.input_after == batch.input_before
    raw = tree(batch.workspace / "raw")
    assert raw.pop("manifest.json")
    assert {sha for sha in raw.values()} <= set(batch.input_before.values())
    assert len(raw) == len(set(raw.values()))  # one copy of each content


def test_a_run_with_quarantined_papers_exits_3(batch: Batch) -> None:
    assert batch.result.n_quarantined > 0
    assert batch.result.exit_code == 3


def test_the_run_is_logged_to_its_own_file(batch: Batch) -> None:
    logs = sorted((batch.workspace / "outputs" / "logs").glob("bvtrack-*.log"))
    assert logs
    text = logs[-1].read_text(encoding="utf-8")
    assert "step read" in text and "quarantined" in text
    assert "read kelvindale_0000.docx: extracted" in text  # a line per paper, in the file only


def test_an_unchanged_rerun_reads_validates_and_publishes_nothing(
        shared: Shared, batch: Batch, monkeypatch: pytest.MonkeyPatch) -> None:
    raw_before = tree(batch.workspace / "raw")
    written = {p: p.stat().st_mtime_ns for p in batch.workspace.glob("*/*") if p.is_file()}

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged rerun read a paper")

    monkeypatch.setattr(workers.Pool, "read", no_reading)
    started = time.monotonic()
    again = run(batch.workspace, Settings(**SETTINGS), input_dir=shared.folder, email=False, workers=2)  # type: ignore[arg-type]
    assert again.unchanged
    assert time.monotonic() - started < 2.0
    assert any("nothing changed" in m for m in again.messages)
    assert again.exit_code == batch.result.exit_code
    pd.testing.assert_frame_equal(again.tables["documents"], batch.result.tables["documents"])
    assert tree(batch.workspace / "raw") == raw_before
    assert {p: p.stat().st_mtime_ns for p in written} == written


# ---- incremental: only what changed is read ---------------------------------------------------------

class Counting:
    """Wraps Pool.read to count the papers actually handed to workers."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.names: list[str] = []
        real = workers.Pool.read

        def read(pool: workers.Pool, jobs: list[workers.Job], done: workers.Done | None = None) -> object:
            self.names += [job.path.name for job in jobs]
            return real(pool, jobs, done)

        monkeypatch.setattr(workers.Pool, "read", read)


@pytest.fixture()
def small(tmp_path: Path) -> tuple[Path, Path]:
    shared, ws = tmp_path / "shared", tmp_path / "ws"
    for i in range(9):
        good_paper(shared, i)
    return shared, ws


def test_a_new_or_changed_paper_is_read_alone_and_everything_is_rebuilt(
        small: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    shared, ws = small
    first = run(ws, Settings(), input_dir=shared, email=False, workers=2)
    counting = Counting(monkeypatch)
    (shared / "glenbrae_0002.pdf").unlink()
    good_paper(shared, 20, "pdf").rename(shared / "glenbrae_0002.pdf")  # changed under the same name
    good_paper(shared, 30)  # new
    second = run(ws, Settings(), input_dir=shared, email=False, workers=2)
    changed = next(name for name in counting.names if name.startswith("glenbrae_0002."))
    assert sorted(counting.names) == sorted([changed, "dunmere_0030.docx"])  # raw/ keeps the old version too
    assert not second.unchanged
    docs = second.tables["documents"]
    assert len(docs) == len(first.tables["documents"]) + 1  # the old version is superseded, not read
    assert set(docs["status"]) == {"extracted"}
    # the document keeps its shared-folder name, and its source_path is the new copy in raw/
    assert list(docs["file_name"]).count("glenbrae_0002.pdf") == 1
    assert changed in {Path(p).name for p in docs["source_path"]}
    assert (ws / "raw" / "glenbrae_0002.pdf").exists()


def test_a_new_extractor_version_rereads_only_its_format(
        small: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    shared, ws = small
    run(ws, Settings(), input_dir=shared, email=False, workers=2)
    real = cache.reading_code_fingerprint
    monkeypatch.setattr(cache, "reading_code_fingerprint", lambda fmt: real(fmt) + ("v2" if fmt == "xlsx" else ""))
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "a new version")
    counting = Counting(monkeypatch)
    again = run(ws, Settings(), input_dir=shared, email=False, workers=2)
    assert not again.unchanged
    assert counting.names and all(name.endswith(".xlsx") for name in counting.names)
    assert len(counting.names) == 3


def test_each_format_s_fingerprint_covers_the_code_that_reads_it_and_no_other() -> None:
    closure = {fmt: set(cache.import_closure((*cache.READING_ROOTS, module), frozenset(
        m for f, m in cache.FORMAT_MODULES.items() if f != fmt) | {"extractors.pdf.debug"}))
        for fmt, module in cache.FORMAT_MODULES.items()}
    assert {"extractors.docx", "pipeline.interpret.tables", "extractors.sniff",
            "pipeline.interpret.normalise"} <= closure["docx"]
    assert not any(m.startswith("extractors.pdf") for m in closure["docx"] | closure["xlsx"])
    assert "extractors.xlsx" not in closure["docx"] | closure["pdf"]
    assert "pipeline.publish.workbook.book" not in closure["pdf"]  # publishing code is not reading code
    assert len({cache.reading_code_fingerprint(f) for f in (*cache.FORMAT_MODULES, None)}) == 4


def test_a_changed_setting_reruns_and_deleting_the_cache_costs_only_time(
        small: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    shared, ws = small
    first = run(ws, Settings(), input_dir=shared, email=False, workers=2)
    shutil.rmtree(ws / "staged" / "cache")
    counting = Counting(monkeypatch)
    again = run(ws, Settings(match_threshold=90.0), input_dir=shared, email=False, workers=2)
    assert len(counting.names) == 9
    pd.testing.assert_frame_equal(again.tables["documents"], first.tables["documents"])


def test_asking_for_the_e_mail_after_a_run_without_it_redoes_the_run(small: tuple[Path, Path]) -> None:
    import socket

    from pipeline.config import EmailSettings

    shared, ws = small
    with socket.socket() as probe:  # a port nothing listens on: the send fails at once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(email=EmailSettings(smtp_host="127.0.0.1", smtp_port=port, retries=0,
                                            recipients=["office@example.org"]))
    run(ws, settings, input_dir=shared, email=False, workers=2)
    assert run(ws, settings, input_dir=shared, email=False, workers=2).unchanged
    assert not run(ws, settings, input_dir=shared, email=True, workers=2).unchanged


def test_deleted_outputs_are_rebuilt_on_the_next_run(small: tuple[Path, Path]) -> None:
    shared, ws = small
    run(ws, Settings(), input_dir=shared, email=False, workers=2)
    (ws / "outputs" / "tracker.xlsx").unlink()
    again = run(ws, Settings(), input_dir=shared, email=False, workers=2)
    assert not again.unchanged
    assert (ws / "outputs" / "tracker.xlsx").exists()
    assert run(ws, Settings(), input_dir=shared, email=False, workers=2).unchanged


# ---- one run at a time ---------------------------------------------------------------------------

def test_a_second_run_is_refused_at_once_with_exit_2(small: tuple[Path, Path]) -> None:
    shared, ws = small
    with workspace_lock(ws):
        started = time.monotonic()
        refused = subprocess.run([*BVTRACK, "run", "--input", str(shared), "--workspace", str(ws), "--no-email"],
                                 capture_output=True, text=True, timeout=60)
        assert time.monotonic() - started < 10
    assert refused.returncode == 2
    assert "another bvtrack run is using" in refused.stderr and f"pid {os.getpid()}" in refused.stderr
    assert sorted(p.name for p in ws.iterdir()) == [LOCK_NAME]  # nothing read, nothing written


def test_the_lock_is_exclusive_within_a_process_too(tmp_path: Path) -> None:
    with workspace_lock(tmp_path), pytest.raises(WorkspaceBusy), workspace_lock(tmp_path):
        pass
    with workspace_lock(tmp_path):  # released
        pass


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    code = ("import time; from pathlib import Path; from pipeline.batch.lock import workspace_lock\n"
            f"with workspace_lock(Path({str(tmp_path)!r})):\n    print('held', flush=True); time.sleep(60)")
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(WorkspaceBusy, match=f"pid {holder.pid}"), workspace_lock(tmp_path):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with workspace_lock(tmp_path):
        pass


# ---- killed at any point, the rerun gives the undisturbed run's tables ---------------------------

def _staged(ws: Path) -> dict[str, pd.DataFrame]:
    tables = {}
    for name in STAGED_TABLES:
        frame = read_table(ws / "staged", name)
        tables[name] = frame.replace(str(ws.resolve()), "<ws>", regex=True) if len(frame) else frame
    return tables


def _readers(session: int) -> list[int]:
    """Reader workers in ``session`` (a run started in its own session, its workers are in it too)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (proc / "comm").read_text().strip() == workers.WORKER_NAME and os.getsid(int(proc.name)) == session:
                found.append(int(proc.name))
        except (OSError, ProcessLookupError):
            continue
    return found


@pytest.fixture(scope="module")
def kill_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, pd.DataFrame]]:
    shared = tmp_path_factory.mktemp("kill_shared")
    goods = [good_paper(shared, i) for i in range(60)]
    mutants(goods[:6], shared / "damaged")
    ws = tmp_path_factory.mktemp("kill_reference")
    done = subprocess.run([*BVTRACK, "run", "--input", str(shared), "--workspace", str(ws), "--no-email",
                           "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 3, done.stderr
    return shared, _staged(ws)


KILL_WHEN = {  # the moment to kill a run: a condition on its workspace
    "copying": lambda ws: any(p.name != "manifest.json" for p in (ws / "raw").rglob("*") if p.is_file()),
    "reading": lambda ws: len(list((ws / "staged" / "cache" / "readings").glob("*.json"))) >= 5,
    "staging": lambda ws: (ws / "staged" / "documents.parquet").exists(),
    "publishing": lambda ws: (ws / "outputs" / "tracker.xlsx").exists(),
}


@pytest.mark.parametrize("moment", sorted(KILL_WHEN))
def test_a_run_killed_at_any_point_reruns_to_the_same_tables(
        kill_folder: tuple[Path, dict[str, pd.DataFrame]], tmp_path: Path, moment: str) -> None:
    shared, reference = kill_folder
    ws = tmp_path / "ws"
    args = [*BVTRACK, "run", "--input", str(shared), "--workspace", str(ws), "--no-email", "--workers", "2"]
    victim = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while victim.poll() is None and not KILL_WHEN[moment](ws):
        time.sleep(0.005)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait() == -signal.SIGKILL  # killed, not finished
    deadline = time.monotonic() + 5
    while _readers(victim.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _readers(victim.pid) == []  # no parser outlives a killed run
    rerun = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 3, rerun.stderr
    again = _staged(ws)
    for name in STAGED_TABLES:
        pd.testing.assert_frame_equal(again[name], reference[name], obj=name)
    raw = tree(ws / "raw")
    raw.pop("manifest.json")
    assert sorted(raw.values()) == sorted(set(tree(shared).values()))  # each content once, no partial copy
    assert [p for p in ws.rglob(".*.tmp")] == []  # nothing half-written is left


# ---- the real, messy corpus -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def wild_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, RunResult]]:
    wild = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild"
    if not wild.is_dir():
        pytest.skip("../shared/corpus/wild is not beside the repository")
    ws = tmp_path_factory.mktemp("wild_ws")
    yield wild, run(ws, Settings(), input_dir=wild, email=False, workers=2)


def test_every_wild_file_is_read_or_quarantined_with_a_reason(wild_run: tuple[Path, RunResult]) -> None:
    wild, result = wild_run
    papers = sorted(p.name for p in wild.iterdir() if p.suffix in {".docx", ".xlsx", ".pdf"})
    assert len(papers) == 55
    docs = result.tables["documents"]
    assert sorted(docs["file_name"]) == papers
    assert set(docs["status"]) <= STATUSES
    quarantined = docs[docs["status"] == "quarantined"]
    assert quarantined["error"].map(lambda e: isinstance(e, str) and bool(e.strip())).all()
    assert result.exit_code in (0, 3)
    assert dict(result.skipped) == {"SOURCES.md": "a .md file, not a paper (.docx, .xlsx or .pdf)"}


def test_the_wild_encrypted_files_are_quarantined_as_encrypted(wild_run: tuple[Path, RunResult]) -> None:
    docs = wild_run[1].tables["documents"].set_index("file_name")
    for name in ("calamine-pass-protected.xlsx", "pdfplumber-password-example.pdf"):
        assert docs.at[name, "status"] == "quarantined"
        assert str(docs.at[name, "error"]).startswith("encrypted")


# ---- the documentation of settings --------------------------------------------------------------

def test_every_setting_is_documented_and_the_example_loads(tmp_path: Path) -> None:
    import re
    from dataclasses import fields

    from pipeline import config

    doc = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    names = [f.name for f in fields(config.Settings) if f.name not in ("source", "email")]  # [email]: its keys
    names += [f.name for f in fields(config.EmailSettings)]
    assert [n for n in names if f"| `{n}` |" not in doc] == []
    assert "## E-mail: `[email]`" in doc
    example = re.search(r"```toml\n(.*?)```", doc, re.S)
    assert example is not None
    (tmp_path / "bvtrack.toml").write_text(example.group(1), encoding="utf-8")
    loaded = config.load(tmp_path / "bvtrack.toml")
    assert loaded.email.enabled and loaded.headers["lead"] == ["Accountable Executive"]


def test_the_benchmark_papers_are_distinct_and_all_read(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        from make_bench_papers import papers, write
    finally:
        sys.path.pop(0)
    from pipeline.interpret import read_paper_file

    made = papers(tmp_path, 12, seed=3)
    for paper in made:
        write(paper)
    paths = [p.path for p in made]
    assert {p.suffix for p in paths} == {".docx", ".xlsx", ".pdf"}
    assert len({hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}) == 12
    assert {read_paper_file(p, Settings()).status for p in paths} == {"extracted"}
