"""bvtrack's own state damaged behind its back (issue 16): rebuilt with a warning, never a permanent exit 1.

- **Damaged state**: after a good run, one file of state is damaged (the hash list, the run record,
  raw/manifest.json, a reading-cache entry, a staged table) and the run is started again: it ends as
  the first did, a warning names the damaged file, and the staged tables are the first run's.
- **Code in the cache**: a reading-cache entry in the old pickle format whose loading would run code
  is never loaded.
- **Publishing as one set**: a disk that fills up while the staged tables, the workbook and the
  report are written leaves the previous set whole, exit 1 naming the disk; once there is room, the
  next run publishes.

Every run is ``bvtrack run`` as a scheduler starts it, on the code ``pipeline`` is imported from.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from paper_factory import good_paper

import pipeline

# the code under test: the tests also run against an older commit's worktree (PYTHONPATH)
CODE = Path(pipeline.__file__).resolve().parents[1]
TABLES = ("documents", "actions", "snapshots", "items", "findings")
HASHES, RUN_RECORD, MANIFEST = "staged/cache/hashes.json", "staged/cache/run.json", "raw/manifest.json"
READINGS = "staged/cache/readings"
PAGE = 4096
FORCE_DISK = "BVTRACK_TEST_FULL_DISK"  # 'rlimit': the file-size limit even where a tmpfs can be mounted


@dataclass
class Run:
    """One ``bvtrack run`` as a scheduler starts it, and what it left."""

    code: int
    stdout: str
    stderr: str
    ws: Path

    @property
    def log(self) -> str:
        logs = sorted((self.ws / "outputs" / "logs").glob("*.log"))
        return logs[-1].read_text(encoding="utf-8") if logs else ""

    def warned(self, path: Path) -> bool:
        """A warning naming ``path`` in the run's log or on its stderr."""
        return any("WARNING" in line and str(path) in line for line in (self.log + self.stderr).splitlines())

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: pd.read_parquet(self.ws / "staged" / f"{name}.parquet") for name in TABLES}

    def explain(self) -> str:
        return f"exit {self.code}\nstdout:\n{self.stdout}\nstderr (tail):\n{self.stderr[-3000:]}"


def bvtrack(share: Path, ws: Path, preexec: Callable[[], None] | None = None) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "--input", str(share), "--workspace", str(ws), "--no-email",
         "--workers", "1"],
        capture_output=True, text=True, timeout=240, preexec_fn=preexec,
        env={**os.environ, "PYTHONPATH": str(CODE)})
    return Run(proc.returncode, proc.stdout, proc.stderr, ws)


def published(ws: Path) -> dict[str, bytes]:
    """The set a run publishes, byte for byte."""
    paths = [ws / "staged" / f"{name}.parquet" for name in TABLES]
    paths += [ws / "outputs" / "tracker.xlsx", ws / "outputs" / "data_quality.html"]
    return {str(p.relative_to(ws)): p.read_bytes() for p in paths}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def zero_tail(path: Path) -> None:
    """The second half zeroed, size and modification time kept: as a crash can leave a file."""
    st, data = path.stat(), path.read_bytes()
    path.write_bytes(data[: len(data) // 2] + bytes(len(data) - len(data) // 2))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def entry(ws: Path) -> Path:
    """One reading-cache entry (whatever its format), and the run record removed so that the next
    run looks its papers up in the cache."""
    (ws / RUN_RECORD).unlink()
    return sorted((ws / READINGS).iterdir())[0]


class Touch:
    """Unpickled, creates ``path``: a cache entry that would run code."""

    def __init__(self, path: Path):
        self.path = str(path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.path, "w"))


# ---- a workspace after one good run, put back before each test -------------------------------------


@dataclass
class Golden:
    share: Path
    ws: Path  # where each test's workspace is: the same path as the first run's (cache keys name it)
    saved: Path
    first: Run
    tables: dict[str, pd.DataFrame]

    def restore(self) -> Path:
        shutil.rmtree(self.ws, ignore_errors=True)
        shutil.copytree(self.saved, self.ws, symlinks=True)  # times kept: the run record still holds
        return self.ws


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Golden:
    base = tmp_path_factory.mktemp("damaged")
    share = base / "share"
    for i in range(3):
        good_paper(share, i)
    first = bvtrack(share, base / "ws")
    assert first.code == 0, first.explain()
    shutil.copytree(first.ws, base / "saved", symlinks=True)
    return Golden(share, first.ws, base / "saved", first, first.tables())


def assert_rebuilt(golden: Golden, run: Run, damaged: Path) -> None:
    """The run ended as the first did, said which file was damaged, and staged what the first staged."""
    assert run.code == golden.first.code, run.explain()
    assert run.warned(damaged), f"no warning names {damaged}\nlog:\n{run.log}\n{run.explain()}"
    for name, frame in run.tables().items():
        pd.testing.assert_frame_equal(frame, golden.tables[name], obj=name)


def json_of(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# ---- 3. damaged state -----------------------------------------------------------------------------


class TestDamagedState:
    @pytest.mark.parametrize("text", ["[]", "null", '{"x": [1]}'])
    def test_a_damaged_hash_list_is_started_afresh(self, golden: Golden, text: str) -> None:
        """staged/cache/hashes.json that is not a list of file stamps (the old code failed on
        every run with `[]` or `null`, exit 1)."""
        ws = golden.restore()
        (ws / HASHES).write_text(text, encoding="utf-8")
        run = bvtrack(golden.share, ws)
        assert_rebuilt(golden, run, ws / HASHES)
        repaired = json_of(ws / HASHES)
        assert isinstance(repaired, dict) and "x" not in repaired and repaired

    def test_an_earlier_bvtracks_hash_list_is_an_upgrade_not_damage(self, golden: Golden) -> None:
        """Entries without inode and change time ([size, mtime_ns, sha256], as bvtrack wrote them
        before) are hashed again without a warning: under cron a warning is a mail to the IT team."""
        ws = golden.restore()
        entries = json_of(ws / HASHES)
        (ws / HASHES).write_text(json.dumps({k: [v[0], v[1], v[4]] for k, v in entries.items()}), encoding="utf-8")
        run = bvtrack(golden.share, ws)
        assert run.code == golden.first.code, run.explain()
        assert "WARNING" not in run.log + run.stderr, run.log
        assert f"{len(entries)} entries of an earlier bvtrack" in run.log
        assert all(len(v) == 5 for v in json_of(ws / HASHES).values())

    @pytest.mark.parametrize("damage", ["[]", '{"fingerprint": 3}', "files-not-a-mapping"])
    def test_a_damaged_run_record_means_the_run_is_done_again(self, golden: Golden, damage: str) -> None:
        """staged/cache/run.json of the wrong shape; with the right fingerprint and files that are not
        a mapping the old code failed on every run (exit 1)."""
        ws = golden.restore()
        record = ws / RUN_RECORD
        if damage == "files-not-a-mapping":
            damage = json.dumps({"fingerprint": json_of(record)["fingerprint"], "files": [], "finished": ""})
        record.write_text(damage, encoding="utf-8")
        run = bvtrack(golden.share, ws)
        assert_rebuilt(golden, run, record)
        assert set(json_of(record)) == {"fingerprint", "files", "finished"} and json_of(record)["files"]

    @pytest.mark.parametrize("damage", [truncate, lambda path: path.write_text("{}", encoding="utf-8")],
                             ids=["truncated", "an-object"])
    def test_a_damaged_manifest_is_rebuilt_from_raw(self, golden: Golden, damage: Callable[[Path], None]) -> None:
        """raw/manifest.json cut in half (the old code failed on every run, exit 1) or an object:
        rebuilt from the copies in raw/, which stay as they were."""
        ws = golden.restore()
        copies = {p.name: sha(p) for p in (ws / "raw").iterdir() if p.name != "manifest.json"}
        damage(ws / MANIFEST)
        run = bvtrack(golden.share, ws)
        assert_rebuilt(golden, run, ws / MANIFEST)
        manifest = json_of(ws / MANIFEST)
        assert sorted((e["raw_name"], e["sha256"]) for e in manifest) == sorted(copies.items())
        assert {p.name: sha(p) for p in (ws / "raw").iterdir() if p.name != "manifest.json"} == copies

    @pytest.mark.parametrize("data", [
        b"\x00\xffnot json at all",
        b"[1, 2]",
        json.dumps({"document": {"doc_id": "x", "status": "extracted"}, "actions": [{"bogus": 1}],
                    "snapshots": [{"bogus": 2}], "items": [], "findings": []}).encode(),
    ], ids=["garbage", "a-list", "rows-of-another-shape"])
    def test_a_damaged_reading_cache_entry_is_a_miss(self, golden: Golden, data: bytes) -> None:
        """A reading-cache entry replaced by garbage or by JSON of another shape: its paper is read
        again and the entry written anew."""
        ws = golden.restore()
        damaged = entry(ws)
        damaged.write_bytes(data)
        run = bvtrack(golden.share, ws)
        assert_rebuilt(golden, run, damaged)
        assert damaged.read_bytes() != data and isinstance(json.loads(damaged.read_bytes()), dict)

    @pytest.mark.parametrize("damage", [truncate, zero_tail], ids=["truncated", "tail-zeroed-stamp-kept"])
    def test_a_damaged_staged_table_is_rebuilt(self, golden: Golden, damage: Callable[[Path], None]) -> None:
        """staged/actions.parquet cut in half, or its tail zeroed with its size and time kept (the old
        code took the run as unchanged, read the table back and failed on every run, exit 1)."""
        ws = golden.restore()
        table = ws / "staged" / "actions.parquet"
        damage(table)
        run = bvtrack(golden.share, ws)
        assert_rebuilt(golden, run, table)

    def test_a_cache_entry_that_would_run_code_is_never_loaded(self, golden: Golden, tmp_path: Path) -> None:
        """A pickle whose loading creates a file, put as every reading-cache entry under the old
        format's name (.pickle) and the current one's (.json): the file never appears (the old code
        unpickled it), the papers are read again, the .pickle files are dropped."""
        ws = golden.restore()
        marker = tmp_path / "code-was-run"
        payload = pickle.dumps(Touch(marker))
        (ws / RUN_RECORD).unlink()
        stems = {p.stem for p in (ws / READINGS).iterdir()}
        for stem in stems:
            (ws / READINGS / f"{stem}.pickle").write_bytes(payload)
            (ws / READINGS / f"{stem}.json").write_bytes(payload)
        run = bvtrack(golden.share, ws)
        assert not marker.exists(), "loading a cache entry ran code"
        assert run.code == golden.first.code, run.explain()
        for name, frame in run.tables().items():
            pd.testing.assert_frame_equal(frame, golden.tables[name], obj=name)
        assert not list((ws / READINGS).glob("*.pickle"))


# ---- 4. publishing as one set ---------------------------------------------------------------------


@dataclass
class SmallDisk:
    """Where the workspace goes and how it is made to run out of room."""

    how: str  # 'tmpfs': a small file system of its own, filled up; 'rlimit': a limit on file size
    root: Path  # the mount point (tmpfs) or the folder (rlimit)
    limit: int = 0  # rlimit: the largest file a run may write

    @property
    def errno_text(self) -> str:
        return "No space left on device" if self.how == "tmpfs" else "File too large"

    def preexec(self) -> Callable[[], None] | None:
        if self.how != "rlimit":
            return None
        limit = self.limit

        def apply() -> None:  # Python ignores SIGXFSZ: a write over the limit is EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        return apply

    def fill(self, free_pages: int) -> Path:
        """A filler file leaving ``free_pages`` pages free (tmpfs only)."""
        filler = self.root / "filler"
        st = os.statvfs(self.root)
        size = st.f_bavail * st.f_frsize - free_pages * PAGE
        with filler.open("wb") as fh:
            for _ in range(size // (1 << 20)):
                fh.write(bytes(1 << 20))
            fh.write(bytes(size % (1 << 20)))
        return filler


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A tmpfs of its own where it can be mounted (root), else a file-size limit (EFBIG, not ENOSPC)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.environ.get(FORCE_DISK) != "rlimit" and shutil.which("mount") and os.geteuid() == 0:
        made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs", str(mount)],
                              capture_output=True, text=True, timeout=60)
        if made.returncode == 0:
            try:
                yield SmallDisk("tmpfs", mount)
            finally:
                if subprocess.run(["umount", str(mount)], capture_output=True, timeout=60).returncode:
                    subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=60)
            return
    yield SmallDisk("rlimit", mount)


def mount_point(path: Path) -> str:
    here = path.resolve()
    while not os.path.ismount(here):
        here = here.parent
    return str(here)


def _pages(path: Path) -> int:
    return -(-path.stat().st_size // PAGE)


class TestPublishingAsOneSet:
    def test_a_full_disk_while_publishing_keeps_the_previous_set_whole(self, small_disk: SmallDisk,
                                                                       tmp_path: Path) -> None:
        """Run 1 publishes; two papers are added; the disk is filled so that run 2 can take them in
        and read them but not write its new set beside the old: exit 1, the message names the
        disk, and the staged tables, the workbook and the report are run 1's byte for byte (the old
        code had replaced some). With room again, the next run publishes the new set."""
        share, ws = tmp_path / "share", small_disk.root / "ws"
        for i in range(3):
            good_paper(share, i)
        first = bvtrack(share, ws)
        assert first.code == 0, first.explain()
        before = published(ws)
        added = [good_paper(share, i, "pdf") for i in (3, 4)]
        filler = None
        if small_disk.how == "tmpfs":
            # room for run 2's copies, cache entries, log and rewritten lists, a few pages to spare;
            # not for a second set of tables, workbook and report beside the first
            entry_pages = max(_pages(p) for p in (ws / READINGS).iterdir())
            need = sum(_pages(p) for p in added) + len(added) * entry_pages + 4
            assert need + 3 < sum(-(-len(b) // PAGE) for b in before.values())
            filler = small_disk.fill(need + 3)
        else:
            small_disk.limit = (ws / "outputs" / "tracker.xlsx").stat().st_size // 2
            assert max(p.stat().st_size for p in added) < small_disk.limit
        second = bvtrack(share, ws, small_disk.preexec())
        print(f"\n--- full disk ({small_disk.how}) ---\nexit {second.code}\n{second.stderr[-800:]}")
        assert second.code == 1, second.explain()
        assert {sha(p) for p in added} <= {sha(p) for p in (ws / "raw").iterdir()}  # it failed publishing
        after = published(ws)
        assert [name for name in before if after[name] != before[name]] == [], "the previous set was not kept"
        failed = [line for line in second.stderr.splitlines() if line.startswith("bvtrack: failed")]
        assert failed and small_disk.errno_text in failed[-1], second.explain()
        disk = mount_point(ws)  # named on its own, not as the start of a path under it
        assert re.search(rf"(?<!\S){re.escape(disk)}(?=[\s:;,)]|$)", failed[-1]), \
            f"the message does not name the disk {disk}: {failed[-1]}"
        assert not [p for p in (*ws.glob("staged/.*.tmp"), *ws.glob("outputs/.*.tmp"))]
        if filler is not None:
            filler.unlink()
        third = bvtrack(share, ws)
        assert third.code == 0, third.explain()
        docs = third.tables()["documents"]
        assert {sha(p) for p in added} <= set(docs["doc_id"]) and len(docs) == 5
        assert published(ws) != before
