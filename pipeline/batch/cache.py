"""What a rerun may skip: fingerprints of code and settings, the reading cache, the run state.

Everything here lives in ``<workspace>/staged/cache/`` and only saves time: delete the folder
and the next run reads every paper again and gives the same outputs.

- :func:`reading_keys` names one paper's reading by the bytes' sha256, its path, the fingerprint of
  the code that reads its format (the import closure of ``extractors.<format>``, the sniffer and
  the interpretation, plus the parsing libraries' versions) and the settings that change a
  reading. A new version of the xlsx extractor changes the key of xlsx papers only.
- :class:`ReadingCache` keeps one pickled :class:`~pipeline.interpret.reading.PaperReading` per key.
- :func:`run_fingerprint` is the fingerprint of a whole run (papers, all code, all settings); a
  rerun with the last run's fingerprint and files (:mod:`pipeline.batch.state`) does nothing.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path

from pipeline.config import Settings
from pipeline.interpret.reading import PaperReading

log = logging.getLogger("bvtrack")

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("pipeline", "extractors")
CODE_FOLDERS = (*PACKAGES, "expectations")  # the validation suites decide outputs as much as code does
FORMAT_MODULES = {"docx": "extractors.docx", "xlsx": "extractors.xlsx", "pdf": "extractors.pdf"}
READING_ROOTS = ("pipeline.interpret", "extractors.sniff")
LIBRARIES = ("python-docx", "openpyxl", "pdfplumber", "pdfminer.six", "msoffcrypto-tool", "lxml", "defusedxml")
# settings that never change what a paper yields (resource limits only decide failures, which
# are not cached)
NOT_READING_SETTINGS = ("email", "workers", "source", "timeout_seconds", "memory_mb", "log_keep", "papers",
                        "organisations", "leads", "match_threshold")
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


def _imports(name: str, source: bytes) -> set[str]:
    """Our modules that ``name`` imports anywhere in its body (function-level imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in found if n.split(".")[0] in PACKAGES and _module_file(n) is not None}


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
        p for folder in CODE_FOLDERS for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    return _digest(library_versions(), *(f"{p.relative_to(ROOT)}\n".encode() + p.read_bytes() for p in files))


def settings_fingerprint(settings: Settings, leave_out: tuple[str, ...]) -> str:
    data = {k: v for k, v in asdict(settings).items() if k not in leave_out}
    return _digest(json.dumps(data, sort_keys=True, default=str))


def reading_keys(settings: Settings) -> Callable[[str, Path, str | None], str]:
    """The key of a paper's reading, given its sha256, path and format, for papers read with
    ``settings`` (fingerprinted once)."""
    settings_fp = settings_fingerprint(settings, NOT_READING_SETTINGS)

    def key(doc_id: str, path: Path, fmt: str | None) -> str:
        return _digest(doc_id, str(path), reading_code_fingerprint(fmt), settings_fp)

    return key


def _quick_write(path: Path, data: bytes) -> None:
    """Temporary file and rename, without fsync: a cache entry lost to a power cut is a miss."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class ReadingCache:
    """Pickled readings under ``staged/cache/readings/<key>.pickle``; a bad entry is a miss."""

    def __init__(self, staged: Path):
        self.folder = staged / CACHE_DIR / READINGS_DIR
        self.used: set[str] = set()

    def get(self, key: str) -> PaperReading | None:
        self.used.add(key)
        try:
            data = (self.folder / f"{key}.pickle").read_bytes()
        except FileNotFoundError:
            return None
        try:
            reading = pickle.loads(data)
        except Exception:  # a truncated or foreign entry: read the paper again
            return None
        return reading if isinstance(reading, PaperReading) else None

    def put(self, key: str, reading: PaperReading) -> None:
        self.used.add(key)
        try:
            _quick_write(self.folder / f"{key}.pickle", pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:  # a cache that cannot be written costs the next run time, not this run
            log.warning("cannot keep the reading of %s for the next run: %s", reading.document.get("file_name"), exc)

    def prune(self) -> int:
        """Drop entries this run did not use (papers gone, code or settings changed)."""
        if not self.folder.exists():
            return 0
        stale = [p for p in self.folder.iterdir() if p.suffix == ".pickle" and p.stem not in self.used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)


def run_fingerprint(papers: list[tuple[str, str]], settings: Settings, extra: str = "") -> str:
    """Papers as (path relative to raw/, sha256), all code, all settings but the worker count, and
    ``extra`` (what else decides the outputs: whether the report is e-mailed)."""
    return _digest(json.dumps(sorted(papers)), code_fingerprint(), settings_fingerprint(settings, NOT_RUN_SETTINGS),
                   extra)
