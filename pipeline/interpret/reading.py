"""What one paper yields: the per-paper rows the pipeline consolidates across papers.

:func:`read_paper_file` is the unit of work a worker process runs for each file in ``raw/``:
sniff, extract, interpret. It never raises for a bad paper: the reading says it is quarantined
and why.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import Settings


@dataclass
class PaperReading:
    """Rows read from one paper, before consolidation assigns action ids.

    ``actions`` rows carry ``local_id`` (the action's position in the paper) and the contract's
    action columns; ``snapshots`` and ``items`` refer to actions by ``local_id``.
    """

    document: dict[str, Any]
    actions: list[dict[str, Any]] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.document["status"])


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def document_row(path: Path, doc_id: str, fmt: str | None) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "file_name": path.name, "source_path": str(path), "format": fmt,
        "title": None, "report_ref": None, "report_date": None, "committee_date": None,
        "status": "no_actions", "error": None, "n_actions": 0,
    }


def quarantined(path: Path, doc_id: str, fmt: str | None, reason: str) -> PaperReading:
    row = document_row(path, doc_id, fmt)
    row.update(status="quarantined", error=reason)
    return PaperReading(document=row)


def read_paper_file(path: Path, settings: Settings, doc_id: str | None = None) -> PaperReading:
    """Sniff, extract and interpret one file; a bad file comes back quarantined with a reason."""
    from extractors import extract
    from extractors.model import ExtractionError
    from extractors.sniff import SniffError, sniff
    from pipeline.interpret.tables import interpret

    doc_id = doc_id or sha256_file(path)
    try:
        fmt = sniff(path, settings)
    except SniffError as exc:
        return quarantined(path, doc_id, None, exc.reason)
    try:
        paper = extract(path, fmt)
    except ExtractionError as exc:
        return quarantined(path, doc_id, fmt, exc.reason)
    except (MemoryError, RecursionError):
        raise  # the worker that runs this reports these as resource limits
    except Exception as exc:  # a parser failing on a malformed file: quarantine, keep going
        return quarantined(path, doc_id, fmt, f"cannot be read as {fmt}: {type(exc).__name__}: {exc}")
    return interpret(paper, doc_id, settings)
