"""Taking papers in: raw/ gets exact copies and never changes; clutter is ignored or skipped."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from paper_factory import OLE, PNG, clutter, good_paper

from pipeline.batch import ingest, share
from pipeline.batch.hashes import HashCache
from pipeline.batch.ingest import scan_raw, skip_reason, sync
from pipeline.batch.manifest import load_manifest


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    good_paper(folder, 0)
    good_paper(folder / "Strathmore", 1)
    good_paper(folder, 2)
    return folder


def test_new_papers_are_copied_once_and_recorded(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "ws" / "raw"
    first = sync(shared, raw)
    assert sorted(e.source for e in first.added) == ["Strathmore/strathmore_0001.xlsx", "glenbrae_0002.pdf",
                                                      "kelvindale_0000.docx"]
    assert sync(shared, raw).added == []
    copied = tree(raw)
    manifest = copied.pop("manifest.json")
    assert manifest and copied == tree(shared)
    entry = next(e for e in load_manifest(raw) if e.raw_name == "kelvindale_0000.docx")
    assert entry.sha256 == copied["kelvindale_0000.docx"] and entry.current
    assert not (raw.parent / ingest.INCOMING).exists()


def test_the_run_hears_of_work_once_before_the_first_copy_and_never_when_nothing_is_new(
        shared: Path, tmp_path: Path) -> None:
    """``on_first_copy`` (the run starts its fork server there, so the parsers are imported while
    the other papers are copied): once, before anything is in raw/; not for a folder already taken
    in, nor for a file raw/ has the bytes of."""
    raw = tmp_path / "ws" / "raw"
    calls: list[list[str]] = []

    def heard() -> None:
        calls.append(sorted(p.name for p in raw.rglob("*") if p.is_file()))

    assert len(sync(shared, raw, on_first_copy=heard).added) == 3
    assert calls == [[]]
    assert sync(shared, raw, on_first_copy=heard).added == [] and calls == [[]]
    (shared / "copy of kelvindale.docx").write_bytes((shared / "kelvindale_0000.docx").read_bytes())
    assert sync(shared, raw, on_first_copy=heard).added == [] and calls == [[]]
    good_paper(shared, 7, "xlsx")
    assert len(sync(shared, raw, on_first_copy=heard).added) == 1
    assert len(calls) == 2 and "manifest.json" in calls[1] and len(calls[1]) == 4


def test_a_changed_paper_gets_a_new_name_and_the_old_copy_stays(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    sync(shared, raw)
    before = tree(raw)
    good_paper(shared, 12, "docx").replace(shared / "kelvindale_0000.docx")
    added = sync(shared, raw).added
    assert len(added) == 1 and added[0].raw_name.startswith("kelvindale_0000.") and added[0].raw_name != (
        "kelvindale_0000.docx")
    after = tree(raw)
    assert {k: v for k, v in after.items() if k in before and k != "manifest.json"} == {
        k: v for k, v in before.items() if k != "manifest.json"}  # nothing in raw/ was modified
    papers, _ = scan_raw(raw)
    assert sorted(p.path.name for p in papers) == sorted(["glenbrae_0002.pdf", "strathmore_0001.xlsx",
                                                          added[0].raw_name])


def test_a_paper_edited_back_to_an_earlier_version_is_that_version_again(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    original = (shared / "glenbrae_0002.pdf").read_bytes()
    sync(shared, raw)
    good_paper(shared, 14, "pdf").replace(shared / "glenbrae_0002.pdf")
    sync(shared, raw)
    (shared / "glenbrae_0002.pdf").write_bytes(original)
    assert sync(shared, raw).added == []
    names = {p.path.name for p in scan_raw(raw)[0]}
    assert "glenbrae_0002.pdf" in names and not any(n.startswith("glenbrae_0002.") and n != "glenbrae_0002.pdf"
                                                    for n in names)


def test_clutter_is_ignored_and_other_files_skipped_by_extension_and_content(tmp_path: Path) -> None:
    shared, raw = tmp_path / "shared", tmp_path / "raw"
    ignored, skipped = clutter(shared)
    good_paper(shared, 0).rename(shared / "update saved as.txt")
    intake = sync(shared, raw)
    assert sorted(Path(s.name).name for s in intake.skipped) == skipped
    reasons = {s.name: s.reason for s in intake.skipped}
    assert reasons["notes.txt"] == "a text file, not a paper (.docx, .xlsx or .pdf)"
    assert reasons["minutes.msg"].startswith("an Outlook message")
    assert reasons["readme"].startswith("a file without an extension")
    assert [e.raw_name for e in intake.added] == ["update saved as.txt"]  # the content decides
    assert not set(tree(raw)) & (set(ignored) | set(skipped))


@pytest.mark.parametrize(("name", "data", "skipped"), [
    ("a.txt", b"text", True), ("a.csv", b"a,b\n", True), ("a.png", PNG, True), ("a.msg", OLE, True),
    ("a.docx", b"text", False),  # a paper by its name: read, and quarantined for its content
    ("a.doc", OLE, False),  # a legacy paper: quarantined with 'save it as .docx'
    ("a.dat", b"%PDF-1.4\n", False),  # a paper by its content
])
def test_skip_reason(tmp_path: Path, name: str, data: bytes, skipped: bool) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert (skip_reason(path) is not None) == skipped


@pytest.mark.parametrize("name", ["~$update.docx", ".DS_Store", "Thumbs.db", "x.tmp", "~WRL0001.tmp", "a.docx.part",
                                  "desktop.ini", ".hidden.pdf"])
def test_lock_temporary_hidden_and_system_files_are_ignored(name: str) -> None:
    assert share.is_ignored(name)


def test_files_under_hidden_folders_are_ignored(tmp_path: Path) -> None:
    good_paper(tmp_path / ".git", 0)
    good_paper(tmp_path / "visible", 1)
    assert [p.name for p in share.walk(tmp_path)[0]] == ["strathmore_0001.xlsx"]


def test_identical_bytes_under_two_names_are_read_once(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (shared / "copy of kelvindale.docx").write_bytes((shared / "kelvindale_0000.docx").read_bytes())
    intake = sync(shared, raw)
    assert len(intake.added) == 3
    assert [(s.name, s.reason) for s in intake.skipped] == [
        ("kelvindale_0000.docx", "the same bytes as copy of kelvindale.docx, read once")]


def test_a_file_that_changes_while_read_is_left_for_the_next_run(
        shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    real = ingest.sha256_file
    growing = shared / "glenbrae_0002.pdf"

    def still_copying(path: Path) -> str:
        digest = real(path)
        if path == growing:
            with path.open("ab") as fh:
                fh.write(b"more bytes arrive")
        return digest

    monkeypatch.setattr(ingest, "sha256_file", still_copying)
    intake = sync(shared, raw)
    assert [(s.name, s.reason) for s in intake.skipped] == [("glenbrae_0002.pdf", ingest.CHANGING)]
    assert "glenbrae_0002.pdf" not in tree(raw)
    monkeypatch.setattr(ingest, "sha256_file", real)
    assert [e.raw_name for e in sync(shared, raw).added] == ["glenbrae_0002.pdf"]


def test_a_copy_a_killed_run_left_unrecorded_is_adopted_not_duplicated(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "kelvindale_0000.docx").write_bytes((shared / "kelvindale_0000.docx").read_bytes())  # no manifest
    (tmp_path / ingest.INCOMING).mkdir()
    (tmp_path / ingest.INCOMING / "copy").write_bytes(b"half a pap")  # a copy cut short
    added = sync(shared, raw).added
    assert sorted(e.raw_name for e in added) == ["Strathmore/strathmore_0001.xlsx", "glenbrae_0002.pdf",
                                                 "kelvindale_0000.docx"]
    assert sorted(tree(raw)) == ["Strathmore/strathmore_0001.xlsx", "glenbrae_0002.pdf", "kelvindale_0000.docx",
                                 "manifest.json"]
    assert not (tmp_path / ingest.INCOMING).exists()


def test_a_name_taken_in_raw_by_other_bytes_gets_a_new_name(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "kelvindale_0000.docx").write_bytes(b"a paper put here by hand")
    added = {e.source: e.raw_name for e in sync(shared, raw).added}
    assert added["kelvindale_0000.docx"].startswith("kelvindale_0000.") and (raw / "kelvindale_0000.docx").read_bytes(
    ) == b"a paper put here by hand"


def test_unchanged_files_are_not_read_again_with_a_hash_cache(
        shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, store = tmp_path / "raw", tmp_path / "hashes.json"
    hashes = HashCache(store)
    sync(shared, raw, hashes=hashes)
    scan_raw(raw, hashes)
    hashes.save()
    reads: list[Path] = []
    real = ingest.sha256_file

    def counting(path: Path) -> str:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(ingest, "sha256_file", counting)
    again = HashCache(store)
    assert sync(shared, raw, hashes=again).added == []
    papers, _ = scan_raw(raw, again)
    assert reads == [] and len(papers) == 3
    os.utime(shared / "glenbrae_0002.pdf", ns=(1, 1))  # touched: read again to be sure
    sync(shared, raw, hashes=again)
    assert reads == [shared / "glenbrae_0002.pdf"]


def test_the_hash_cache_forgets_files_that_are_gone(tmp_path: Path) -> None:
    store = tmp_path / "hashes.json"
    a = good_paper(tmp_path, 0)
    b = good_paper(tmp_path, 1)
    first = HashCache(store)
    first.sha(a)
    first.sha(b)
    first.save()
    second = HashCache(store)
    second.sha(a)
    second.save()
    assert list(json.loads(store.read_text())) == [str(a)]


def test_scan_raw_leaves_out_superseded_copies_and_housekeeping(shared: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    sync(shared, raw)
    (raw / "README.md").write_text("raw: papers as received, never modified\n")
    (raw / "notes.txt").write_text("put here by hand\n")
    papers, skipped = scan_raw(raw)
    assert len(papers) == 3
    assert [s.name for s in skipped] == ["notes.txt"]
    assert all(p.sha256 == hashlib.sha256(p.path.read_bytes()).hexdigest() for p in papers)


def test_an_unreadable_file_is_skipped_with_the_reason(
        shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ingest.sha256_file

    def locked(path: Path) -> str:
        if path.name == "kelvindale_0000.docx":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(ingest, "sha256_file", locked)
    intake = sync(shared, tmp_path / "raw")
    assert [(s.name, s.reason) for s in intake.skipped] == [
        ("kelvindale_0000.docx", "cannot be read: Permission denied")]
    assert len(intake.added) == 2


def test_a_file_that_vanishes_while_the_folder_is_read_is_skipped(
        shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ingest.sha256_file

    def moved_away(path: Path) -> str:
        if path.name == "glenbrae_0002.pdf":
            path.unlink()
        return real(path)

    monkeypatch.setattr(ingest, "sha256_file", moved_away)
    intake = sync(shared, tmp_path / "raw")
    assert [(s.name, s.reason) for s in intake.skipped] == [
        ("glenbrae_0002.pdf", "cannot be read: No such file or directory")]
    assert len(intake.added) == 2


def test_a_workspace_inside_the_shared_folder_never_takes_in_its_own_files(shared: Path) -> None:
    raw = shared / "raw"
    assert len(sync(shared, raw).added) == 3
    (shared / "outputs").mkdir()
    good_paper(shared / "outputs", 5)  # say, a paper an analyst saved next to the tracker
    assert sync(shared, raw).added == []
    assert sorted(tree(raw)) == ["Strathmore/strathmore_0001.xlsx", "glenbrae_0002.pdf", "kelvindale_0000.docx",
                                 "manifest.json"]
