"""The shared folder as an IT team leaves it (issue 16): whatever it holds, the run goes on.

Every test runs ``bvtrack run`` as a scheduler does (a real process, real papers, real parsers) on
the code that ``pipeline`` is imported from, and proves one thing:

- **Odd entries**: a name that is not UTF-8, folders that cannot be entered, a folder and papers
  named like raw/'s own files, links to a file and to a folder, a 250-character name and its next
  version, a named pipe. None stops the run; a paper among them is read, anything else is skipped
  with its reason, named in the summary, the log, the report and the workbook's Sources sheet.
- **Change detection**: a paper replaced by another of the same size and modification time is read
  again.
- **Permissions**: outputs, staged tables and raw/ honour the umask.
- **Secrets**: the processes that parse papers never hold the SMTP password.

Folders that cannot be entered need permissions enforced: as root (where they are not) the run is
started without the capabilities that bypass them (``setpriv --bounding-set``), as uid 0 still.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from paper_factory import good_paper

import pipeline

# the code under test: the tests also run against an older commit's worktree (PYTHONPATH)
CODE = Path(pipeline.__file__).resolve().parents[1]
PASSWORD_ENV = "BVTRACK_SMTP_PASSWORD"
DROP_OVERRIDES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
LONG_NAME = "L" * 246 + ".pdf"  # 250 characters
NOT_UTF8 = b"caf\xe9.docx"  # Latin-1, as a file copied from an old system


def sha(path: str | bytes | Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def paper_as(target: str | bytes | Path, i: int, fmt: str, scratch: Path) -> str:
    """Good paper ``i`` put at ``target`` (any name, bytes too); returns its sha256 (its doc_id)."""
    made = good_paper(scratch, i, fmt)
    os.rename(made, target)
    return sha(target)


@dataclass
class Run:
    """One ``bvtrack run`` as a scheduler starts it, and what it left."""

    code: int
    stdout: str
    stderr: str
    ws: Path

    @property
    def skipped(self) -> dict[str, str]:
        """The summary's skipped entries: name -> reason."""
        found = {}
        for line in self.stdout.splitlines():
            if line.startswith("  skipped: "):
                name, _, reason = line.removeprefix("  skipped: ").partition(": ")
                found[name] = reason
        return found

    @property
    def log(self) -> str:
        logs = sorted((self.ws / "outputs" / "logs").glob("*.log"))
        return logs[-1].read_text(encoding="utf-8") if logs else ""

    @property
    def report(self) -> str:
        return (self.ws / "outputs" / "data_quality.html").read_text(encoding="utf-8")

    @property
    def documents(self) -> pd.DataFrame:
        return pd.read_parquet(self.ws / "staged" / "documents.parquet")

    @property
    def doc_ids(self) -> set[str]:
        return set(self.documents["doc_id"])

    def explain(self) -> str:
        return f"exit {self.code}\nstdout:\n{self.stdout}\nstderr (tail):\n{self.stderr[-3000:]}"


def bvtrack(share: Path, ws: Path, prefix: list[str] | None = None, umask: int = -1,
            env: dict[str, str] | None = None, workers: int = 1) -> Run:
    """``bvtrack -v run`` (-v: the summary is printed by every version) over ``share`` into ``ws``."""
    proc = subprocess.run(
        [*(prefix or []), sys.executable, "-m", "pipeline.cli", "-v", "run", "--input", str(share),
         "--workspace", str(ws), "--no-email", "--workers", str(workers)],
        capture_output=True, text=True, timeout=240, umask=umask,
        env={**os.environ, "PYTHONPATH": str(CODE), **(env or {})})
    return Run(proc.returncode, proc.stdout, proc.stderr, ws)


def assert_named(run: Run, name: str, *words: str) -> None:
    """``name`` skipped, its reason holding ``words``, in the summary, the log and the report."""
    assert name in run.skipped, f"{name!r} is not among the skipped entries\n{run.explain()}"
    reason = run.skipped[name].lower()
    assert all(w in reason for w in words), f"{name!r}: {reason!r} does not say {words}"
    assert any("skipped" in line and name in line for line in run.log.splitlines()), f"{name!r} not in the log"
    assert html.escape(name) in run.report, f"{name!r} not in the report"


def raw_files(ws: Path) -> list[Path]:
    return sorted(p for p in (ws / "raw").rglob("*") if p.is_file())


def unprivileged() -> list[str]:
    """A command prefix under which file permissions hold for the run; skip where there is none."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, where permissions are not enforced, and setpriv is not installed")
    probe = subprocess.run([*DROP_OVERRIDES, sys.executable, "-c", "import os; os.listdir('/proc/1/root')"],
                           capture_output=True, text=True, timeout=60)
    if probe.returncode == 0 or "Permission denied" not in probe.stderr:
        pytest.skip(f"setpriv cannot drop the capabilities that bypass permissions here: {probe.stderr[-300:]}")
    return DROP_OVERRIDES


@pytest.fixture()
def share(tmp_path: Path) -> Iterator[Path]:
    """A shared folder holding one good paper; folders locked by a test are unlocked afterwards."""
    folder = tmp_path / "share"
    good_paper(folder, 0, "docx")
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


@pytest.fixture()
def scratch(tmp_path: Path) -> Path:
    return tmp_path / "scratch"


# ---- 1. odd entries, one at a time ----------------------------------------------------------------


class TestOddEntries:
    def test_a_paper_whose_name_is_not_utf8_is_read_and_read_once(self, share: Path, scratch: Path,
                                                                   tmp_path: Path) -> None:
        """A name that is not valid UTF-8 neither stops the run (the old code failed writing the
        manifest: exit 1) nor goes unread; the next run finds nothing new."""
        doc_id = paper_as(os.path.join(os.fsencode(share), NOT_UTF8), 3, "docx", scratch)
        first = bvtrack(share, tmp_path / "ws")
        assert first.code == 0, first.explain()
        assert doc_id in first.doc_ids
        assert isinstance(json.loads((first.ws / "raw" / "manifest.json").read_text(encoding="utf-8")), list)
        raw_before = {p: sha(p) for p in raw_files(first.ws)}
        second = bvtrack(share, first.ws)
        assert second.code == 0, second.explain()
        assert {p: sha(p) for p in raw_files(second.ws)} == raw_before
        assert second.doc_ids == first.doc_ids

    @pytest.mark.parametrize("mode", [0o600, 0o000], ids=["no-execute-bit", "mode-000"])
    def test_a_folder_that_cannot_be_entered_is_skipped_with_the_reason(self, share: Path, scratch: Path,
                                                                        tmp_path: Path, mode: int) -> None:
        """A sub-folder without the execute bit (listed, but its files cannot be opened: the old code
        failed, exit 1) or with no permission at all (silently passed over by the old code) is
        skipped, 'Permission denied', and the rest is read."""
        prefix = unprivileged()
        locked = share / "locked"
        locked.mkdir()
        hidden = paper_as(locked / "strathmore_0001.xlsx", 1, "xlsx", scratch)
        locked.chmod(mode)
        run = bvtrack(share, tmp_path / "ws", prefix)
        assert run.code == 0, run.explain()
        assert hidden not in run.doc_ids and len(run.doc_ids) == 1
        names = [n for n in run.skipped if n.startswith("locked/")]
        assert names, run.explain()
        for name in names:
            assert_named(run, name, "permission denied")

    def test_a_folder_named_manifest_json_is_read_and_the_manifest_stays(self, share: Path, scratch: Path,
                                                                         tmp_path: Path) -> None:
        """A folder named manifest.json (the old code made raw/manifest.json a folder and failed,
        exit 1): its paper is read, raw/manifest.json is still the manifest."""
        (share / "manifest.json").mkdir()
        inside = paper_as(share / "manifest.json" / "dunmere_0006.docx", 6, "docx", scratch)
        run = bvtrack(share, tmp_path / "ws")
        assert run.code == 0, run.explain()
        assert inside in run.doc_ids
        manifest = json.loads((run.ws / "raw" / "manifest.json").read_text(encoding="utf-8"))
        assert isinstance(manifest, list) and inside in {e["sha256"] for e in manifest}

    def test_papers_named_readme_md_and_manifest_json_are_read(self, share: Path, scratch: Path,
                                                              tmp_path: Path) -> None:
        """Papers named as raw/'s own files (the old code left README.md unread and wrote the
        manifest over the paper named manifest.json) are read, and raw/manifest.json stays the
        manifest, naming both."""
        readme = paper_as(share / "README.md", 7, "docx", scratch)
        manifest_paper = paper_as(share / "manifest.json", 8, "xlsx", scratch)
        run = bvtrack(share, tmp_path / "ws")
        assert run.code == 0, run.explain()
        assert {readme, manifest_paper} <= run.doc_ids, run.explain()
        manifest = json.loads((run.ws / "raw" / "manifest.json").read_text(encoding="utf-8"))
        assert isinstance(manifest, list)
        assert {"README.md", "manifest.json"} <= {e["source"] for e in manifest}
        assert {readme, manifest_paper} <= {e["sha256"] for e in manifest}

    def test_a_link_to_a_file_outside_is_skipped_never_copied(self, share: Path, tmp_path: Path) -> None:
        """x.docx -> /etc/passwd: the old code copied the system's password file into raw/; it is
        skipped as a link, and nothing in raw/ holds its bytes."""
        target = Path("/etc/passwd")
        (share / "x.docx").symlink_to(target)
        run = bvtrack(share, tmp_path / "ws")
        assert run.code == 0, run.explain()
        assert not (run.ws / "raw" / "x.docx").exists()
        assert sha(target) not in {sha(p) for p in raw_files(run.ws)}
        assert_named(run, "x.docx", "link")

    def test_a_link_to_a_folder_is_skipped_with_the_reason(self, share: Path, scratch: Path, tmp_path: Path) -> None:
        """A link to a folder outside the share: its papers are not taken in, and the link is named
        (the old code passed over it without a word)."""
        outside = tmp_path / "outside"
        outside.mkdir()
        behind = paper_as(outside / "glenbrae_0002.pdf", 2, "pdf", scratch)
        (share / "linked").symlink_to(outside, target_is_directory=True)
        run = bvtrack(share, tmp_path / "ws")
        assert run.code == 0, run.explain()
        assert behind not in run.doc_ids and not (run.ws / "raw" / "linked").exists()
        assert_named(run, "linked", "link")

    def test_a_250_character_name_and_its_next_version_are_taken_in(self, share: Path, scratch: Path,
                                                                     tmp_path: Path) -> None:
        """A 250-character name is read; a new version of it (same name, other bytes) is read on the
        next run (the old code named the copy 'name.<sha8>.pdf', too long for the file system, and
        skipped it)."""
        first_id = paper_as(share / LONG_NAME, 9, "pdf", scratch)
        first = bvtrack(share, tmp_path / "ws")
        assert first.code == 0 and first_id in first.doc_ids, first.explain()
        second_id = paper_as(share / LONG_NAME, 10, "pdf", scratch)
        assert second_id != first_id
        second = bvtrack(share, first.ws)
        assert second.code == 0, second.explain()
        assert second_id in second.doc_ids and first_id not in second.doc_ids, second.explain()
        assert not second.skipped

    def test_a_named_pipe_is_skipped_with_the_reason(self, share: Path, tmp_path: Path) -> None:
        """A FIFO named like a paper is never opened (a reader would wait for ever) and is named as
        skipped (the old code passed over it without a word)."""
        os.mkfifo(share / "pipe.docx")
        run = bvtrack(share, tmp_path / "ws")
        assert run.code == 0, run.explain()
        assert_named(run, "pipe.docx", "pipe")


# ---- 1. every odd entry at once -------------------------------------------------------------------


@dataclass
class OddShare:
    share: Path
    read: dict[str, str]  # doc_id -> how the paper is named in the share
    skipped: dict[str, str]  # a name the skipped entry starts with -> a word its reason holds
    not_read: set[str]  # doc_ids of papers behind a link or a locked folder
    first: Run
    second: Run


@pytest.fixture(scope="module")
def odd_share(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OddShare]:
    """A share holding every odd entry at once, run twice (the second run over the same share)."""
    prefix = unprivileged()
    base = tmp_path_factory.mktemp("odd")
    share, scratch = base / "share", base / "scratch"
    read = {sha(good_paper(share, 0, "docx")): "kelvindale_0000.docx",
            sha(good_paper(share / "sub", 1, "xlsx")): "sub/strathmore_0001.xlsx"}
    read[paper_as(os.path.join(os.fsencode(share), NOT_UTF8), 3, "docx", scratch)] = "caf\\xe9.docx"
    (share / "manifest.json").mkdir()
    read[paper_as(share / "manifest.json" / "manifest.json", 6, "xlsx", scratch)] = "manifest.json/manifest.json"
    read[paper_as(share / "README.md", 7, "docx", scratch)] = "README.md"
    read[paper_as(share / LONG_NAME, 9, "pdf", scratch)] = f"{LONG_NAME[:12]}... (250 characters)"
    not_read = set()
    for folder, mode, i in (("noexec", 0o600, 4), ("locked", 0o000, 5)):
        (share / folder).mkdir()
        not_read.add(paper_as(share / folder / f"paper_{i}.pdf", i, "pdf", scratch))
        (share / folder).chmod(mode)
    (share / "x.docx").symlink_to("/etc/passwd")
    (base / "outside").mkdir()
    not_read.add(paper_as(base / "outside" / "behind_link.pdf", 8, "pdf", scratch))
    (share / "linked").symlink_to(base / "outside", target_is_directory=True)
    os.mkfifo(share / "pipe.docx")
    skipped = {"noexec/": "permission denied", "locked/": "permission denied", "x.docx": "link",
               "linked": "link", "pipe.docx": "pipe"}
    first = bvtrack(share, base / "ws", prefix)
    second = bvtrack(share, base / "ws", prefix)
    yield OddShare(share, read, skipped, not_read, first, second)
    for folder in ("noexec", "locked"):
        (share / folder).chmod(0o755)


def _outcome(odd: OddShare) -> str:
    run = odd.first
    lines = [f"first run: exit {run.code}; second run: exit {odd.second.code}"]
    try:
        docs = run.documents
        lines.append(f"read ({len(docs)}):")
        for doc_id, file_name, status in zip(docs["doc_id"], docs["file_name"], docs["status"], strict=True):
            lines.append(f"  {odd.read.get(str(doc_id), str(file_name))} -> {file_name!r}: {status}")
    except OSError as exc:
        lines.append(f"no staged documents: {exc}")
    lines.append(f"skipped ({len(run.skipped)}):")
    lines += [f"  {name}: {reason}" for name, reason in run.skipped.items()]
    lines.append("raw/: " + ", ".join(os.fsdecode(p.relative_to(run.ws / "raw"))[:40] for p in raw_files(run.ws)))
    if run.code:
        lines.append(run.stderr[-1500:])
    return "\n".join(lines)


class TestEveryOddEntryAtOnce:
    def test_the_run_reads_every_paper_and_skips_every_other_entry_with_its_reason(self, odd_share: OddShare) -> None:
        """All of them at once: exit 0; every paper read (whatever its name), nothing behind a link or
        a locked folder; each other entry skipped with its reason; the second run the same."""
        print("\n--- every odd entry at once ---\n" + _outcome(odd_share))
        run = odd_share.first
        assert run.code == 0, run.explain()
        assert set(odd_share.read) <= run.doc_ids, _outcome(odd_share)
        assert not odd_share.not_read & run.doc_ids
        assert len(run.doc_ids) == len(odd_share.read)
        for start, word in odd_share.skipped.items():
            names = [n for n in run.skipped if n.startswith(start)]
            assert names, f"nothing skipped under {start!r}\n{_outcome(odd_share)}"
            for name in names:
                assert_named(run, name, word)
        passwd = sha("/etc/passwd")
        assert passwd not in {sha(p) for p in raw_files(run.ws)}
        assert isinstance(json.loads((run.ws / "raw" / "manifest.json").read_text(encoding="utf-8")), list)
        again = odd_share.second
        assert again.code == 0, again.explain()
        assert again.doc_ids == run.doc_ids and again.skipped == run.skipped

    def test_the_workbook_sources_sheet_names_the_skipped_entries(self, odd_share: OddShare) -> None:
        """The workbook's Sources sheet lists every skipped entry beside the papers read (built in
        76e06ca, after issue 16: this test fails on 79b54ea itself)."""
        run = odd_share.first
        assert run.code == 0 and run.skipped, run.explain()
        book = openpyxl.load_workbook(run.ws / "outputs" / "tracker.xlsx", read_only=True)
        cells = " ".join(str(v) for row in book["Sources"].iter_rows(values_only=True) for v in row if v is not None)
        missing = [name for name in run.skipped if name not in cells]
        assert not missing, f"not in the Sources sheet: {missing}"


# ---- 2. change detection --------------------------------------------------------------------------


class TestChangeDetection:
    def test_a_paper_replaced_by_one_of_the_same_size_and_mtime_is_read_again(self, share: Path, scratch: Path,
                                                                              tmp_path: Path) -> None:
        """Other bytes written over a paper, its size and modification time (to the nanosecond) kept
        as they were: the next run reads the new bytes (the old code knew a file by size and mtime
        only and kept the old reading)."""
        paper = share / "glenbrae_0002.pdf"
        old_id = paper_as(paper, 2, "pdf", scratch)
        first = bvtrack(share, tmp_path / "ws")
        assert first.code == 0 and old_id in first.doc_ids, first.explain()
        before = paper.stat()
        data = paper.read_bytes()
        assert data.count(b"(opensource)") >= 1
        with paper.open("r+b") as fh:  # the same file (inode), other bytes of the same length
            fh.write(data.replace(b"(opensource)", b"(OPENSOURCE)", 1))
        os.utime(paper, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = paper.stat()
        assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
        new_id = sha(paper)
        assert new_id != old_id
        second = bvtrack(share, first.ws)
        assert second.code == 0, second.explain()
        assert new_id in second.doc_ids and old_id not in second.doc_ids, second.explain()


# ---- 9. permissions -------------------------------------------------------------------------------


class TestUmask:
    @pytest.mark.parametrize("umask", [0o022, 0o027])
    def test_outputs_staged_tables_and_raw_copies_honour_the_umask(self, share: Path, scratch: Path,
                                                                  tmp_path: Path, umask: int) -> None:
        """Files a run writes get the mode the umask gives a new file (0644 under 022, 0640 under
        027); the old code wrote the workbook, the report, the tables and the manifest 0600."""
        good_paper(share, 1, "xlsx")
        good_paper(share / "sub", 2, "pdf")
        run = bvtrack(share, tmp_path / "ws", umask=umask)
        assert run.code == 0, run.explain()
        written = [run.ws / "outputs" / "tracker.xlsx", run.ws / "outputs" / "data_quality.html",
                   *sorted((run.ws / "staged").glob("*.parquet")), *raw_files(run.ws)]
        assert len(written) == 2 + 6 + 4  # staged: documents, actions, snapshots, items, findings, changes
        modes = {str(p.relative_to(run.ws)): oct(stat.S_IMODE(p.stat().st_mode)) for p in written}
        assert modes == dict.fromkeys(modes, oct(0o666 & ~umask))


# ---- 6. secrets -----------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    return children


def _descendants(pid: int) -> list[int]:
    children, found, todo = _children(), [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:  # gone meanwhile
        return None


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc (Linux)")
class TestSecrets:
    def test_the_processes_that_parse_papers_never_hold_the_smtp_password(self, tmp_path: Path) -> None:
        """While a run reads 30 papers with BVTRACK_SMTP_PASSWORD in its environment, the environment
        of every process under it (fork server, readers, helper, resource tracker) is read from
        /proc: none holds the password (the old code's readers did); the run itself may."""
        share = tmp_path / "share"
        for i in range(30):
            good_paper(share, i)
        secret = f"pw-{uuid.uuid4().hex}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run", "--input", str(share), "--workspace", str(tmp_path / "ws"),
             "--no-email", "--workers", "2"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(CODE), PASSWORD_ENV: secret})
        environ: dict[int, bytes] = {}
        names: dict[int, str] = {}
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline:
            for pid in _descendants(proc.pid):
                # read again while it lives: between fork and exec a child shows its parent's environment
                if (env := _read(f"/proc/{pid}/environ")) is not None:
                    environ[pid] = env
                if not names.get(pid, "").startswith("bvtrack") and (comm := _read(f"/proc/{pid}/comm")):
                    names[pid] = comm.decode(errors="replace").strip()  # a reader names itself once started
            time.sleep(0.01)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode(errors="replace")[-3000:]
        readers = [pid for pid, name in names.items() if name == "bvtrack-reader"]
        assert readers and set(readers) <= set(environ), f"no reader process was seen: {names}"
        holding = {pid: names.get(pid, "?") for pid, env in environ.items() if secret.encode() in env}
        assert not holding, f"processes under the run holding the password: {holding} (of {names})"
