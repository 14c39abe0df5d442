"""What a rerun may skip: fingerprints of code and settings, the reading cache, the run state.

Everything here lives in ``<workspace>/staged/cache/`` and only saves time: delete the folder
and the next run reads every paper again and gives the same outputs.

- :func:`reading_keys` names one paper's reading by the bytes' sha256, its path, the fingerprint of
  the code that reads its format (the import closure of ``extractors.<format>``, the sniffer and
  the interpretation, plus the parsing libraries' versions) and the settings that change a
  reading. A new version of the xlsx extractor changes the key of xlsx papers only.
- :class:`ReadingCache` keeps one :class:`~pipeline.interpret.reading.PaperReading` per key, as
  JSON with the sha256 of its reading (data only: a damaged, foreign or tampered entry is a miss,
  never code run, never rows a run would fail on).
- :func:`run_fingerprint` is the fingerprint of a whole run (papers, all code, all settings); a
  rerun with the last run's fingerprint and files (:mod:`pipeline.batch.state`) does nothing.
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline.checks.suites import SUITES_DIR
from pipeline.config import Settings
from pipeline.interpret.reading import PaperReading

log = logging.getLogger("bvtrack")

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("pipeline", "extractors")
# (where, folder): the packages, and the validation suites, which decide outputs as much as code does
CODE_FOLDERS = (*((ROOT, package) for package in PACKAGES), (SUITES_DIR.parent, SUITES_DIR.name))
FORMAT_MODULES = {"docx": "extractors.docx", "xlsx": "extractors.xlsx", "pdf": "extractors.pdf"}
READING_ROOTS = ("pipeline.interpret", "extractors.sniff")
LIBRARIES = ("python-docx", "openpyxl", "pdfplumber", "pdfminer.six", "msoffcrypto-tool", "lxml", "defusedxml")
# settings that never change what a paper yields (resource limits only decide failures, which
# are not cached)
NOT_READING_SETTINGS = ("email", "workers", "source", "timeout_seconds", "memory_mb", "log_keep", "max_input_mb",
                        "papers", "organisations", "leads", "match_threshold", "published_location")
NOT_RUN_SETTINGS = ("workers", "source")
CACHE_DIR = "cache"
READINGS_DIR = "readings"


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def _module_file(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def _imports(name: str, source: bytes) -> frozenset[str]:
    """Our modules that ``name`` imports anywhere in its body (function-level imports too).
    Remembered by the source: the formats' readers share most of their modules."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(n for n in found if n.split(".")[0] in PACKAGES and _module_file(n) is not None)


def import_closure(roots: tuple[str, ...], exclude: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """Source of every module of ours that ``roots`` import, transitively, minus ``exclude``."""
    sources: dict[str, bytes] = {}
    todo = [r for r in roots if _module_file(r) is not None]
    while todo:
        name = todo.pop()
        if name in sources or name in exclude:
            continue
        path = _module_file(name)
        assert path is not None
        sources[name] = path.read_bytes()
        for parent in _parents(name):
            todo.append(parent)
        todo.extend(_imports(name, sources[name]))
    return sources


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def library_versions() -> str:
    versions = []
    for lib in LIBRARIES:
        try:
            versions.append(f"{lib}=={metadata.version(lib)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{lib}==absent")
    return f"python {sys.version_info[:3]} " + " ".join(versions)


@cache
def reading_code_fingerprint(fmt: str | None) -> str:
    """The code that reads a paper of format ``fmt`` (None: a file no extractor takes)."""
    others = frozenset(m for f, m in FORMAT_MODULES.items() if f != fmt) | {"extractors.pdf.debug"}
    roots = READING_ROOTS + ((FORMAT_MODULES[fmt],) if fmt in FORMAT_MODULES else ())
    sources = import_closure(roots, others)
    return _digest(library_versions(), *(f"{n}\n" for n in sorted(sources)), *(sources[n] for n in sorted(sources)))


@cache
def code_fingerprint() -> str:
    """Every file of the two packages (templates too), the expectation suites and the libraries' versions."""
    files = sorted(
        (p.relative_to(base).as_posix(), p) for base, folder in CODE_FOLDERS for p in (base / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    return _digest(library_versions(), *(f"{name}\n".encode() + p.read_bytes() for name, p in files))


def settings_fingerprint(settings: Settings, leave_out: tuple[str, ...]) -> str:
    data = {k: v for k, v in asdict(settings).items() if k not in leave_out}
    return _digest(json.dumps(data, sort_keys=True, default=str))


def reading_keys(settings: Settings) -> Callable[[str, Path, str | None], str]:
    """The key of a paper's reading, given its sha256, path and format, for papers read with
    ``settings`` (fingerprinted once)."""
    settings_fp = settings_fingerprint(settings, NOT_READING_SETTINGS)

    def key(doc_id: str, path: Path, fmt: str | None) -> str:
        return _digest(doc_id, str(path), reading_code_fingerprint(fmt), settings_fp, ENTRY_FORMAT)

    return key


def _quick_write(path: Path, data: bytes) -> None:
    """Temporary file and rename, without fsync: a cache entry lost to a power cut is a miss."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _plain(value: Any) -> Any:
    """JSON for the values a reading holds besides JSON's own: dates and times, tagged."""
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"a reading holds a {type(value).__name__}")


def _dated(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    if len(obj) == 1 and "$datetime" in obj:
        return dt.datetime.fromisoformat(obj["$datetime"])
    return obj


READING_PARTS = {"document": dict, "actions": list, "snapshots": list, "items": list, "findings": list}
# an entry: '{"sha256": "<sha256 of the reading's JSON>", "reading": <the reading's JSON>}'
ENTRY_HEAD, ENTRY_MIDDLE, ENTRY_TAIL = b'{"sha256": "', b'", "reading": ', b"}"
ENTRY_FORMAT = "json+sha256"  # in the keys: entries of another format are never looked up, only pruned


def reading_json(reading: PaperReading) -> bytes:
    body = json.dumps({name: getattr(reading, name) for name in READING_PARTS}, default=_plain,
                      ensure_ascii=True).encode("ascii")
    return ENTRY_HEAD + hashlib.sha256(body).hexdigest().encode("ascii") + ENTRY_MIDDLE + body + ENTRY_TAIL


def reading_from_json(data: bytes) -> PaperReading:
    """A reading as :func:`reading_json` wrote it; ValueError where the data is not one (a damaged
    or foreign entry): data only, its checksum checked (JSON of the right shape whose rows are not
    a reader's would fail the run's consolidation), then part by part, never code."""
    start = len(ENTRY_HEAD) + 64
    body = data[start + len(ENTRY_MIDDLE): -len(ENTRY_TAIL)]
    if not (data.startswith(ENTRY_HEAD) and data[start:].startswith(ENTRY_MIDDLE) and data.endswith(ENTRY_TAIL)
            and data[len(ENTRY_HEAD): start] == hashlib.sha256(body).hexdigest().encode("ascii")):
        raise ValueError("not a reading bvtrack wrote, or not as it wrote it: its sha256 does not match")
    obj = json.loads(body, object_hook=_dated)
    if not isinstance(obj, dict) or set(obj) != set(READING_PARTS):
        raise ValueError("not a reading")
    for name, kind in READING_PARTS.items():
        part = obj[name]
        if not isinstance(part, kind) or (kind is list and not all(isinstance(row, dict) for row in part)):
            raise ValueError(f"a reading's {name} is not a {kind.__name__}")
    document = obj["document"]
    if not isinstance(document.get("doc_id"), str) or not isinstance(document.get("status"), str):
        raise ValueError("a reading's document has no doc_id or status")
    return PaperReading(**obj)


class ReadingCache:
    """Readings as JSON under ``staged/cache/readings/<key>.json``; a bad entry is a miss (and is
    replaced by the next reading of its paper)."""

    def __init__(self, staged: Path):
        self.folder = staged / CACHE_DIR / READINGS_DIR
        self.used: set[str] = set()

    def get(self, key: str) -> PaperReading | None:
        self.used.add(key)
        path = self.folder / f"{key}.json"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return reading_from_json(data)
        except (ValueError, TypeError, UnicodeDecodeError) as exc:  # truncated, tampered, foreign: read again
            log.warning("%s is damaged (%s): its paper is read again", path, exc)
            return None

    def put(self, key: str, reading: PaperReading) -> None:
        self.used.add(key)
        try:
            _quick_write(self.folder / f"{key}.json", reading_json(reading))
        except (OSError, TypeError, ValueError) as exc:  # costs the next run time, not this run
            log.warning("cannot keep the reading of %s for the next run: %s", reading.document.get("file_name"), exc)

    def prune(self) -> int:
        """Drop entries this run did not use (papers gone, code or settings changed), and any
        file that is not an entry (an older cache's)."""
        if not self.folder.exists():
            return 0
        stale = [p for p in self.folder.iterdir() if p.suffix != ".json" or p.stem not in self.used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)


def run_fingerprint(papers: list[tuple[str, str]], settings: Settings, extra: str = "") -> str:
    """Papers as (path relative to raw/, sha256), all code, all settings but the worker count, and
    ``extra`` (what else decides the outputs: whether the report is e-mailed)."""
    return _digest(json.dumps(sorted(papers)), code_fingerprint(), settings_fingerprint(settings, NOT_RUN_SETTINGS),
                   extra)
