"""What one paper yields: the rows the pipeline consolidates across papers, and its findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.storable import storable_text
from pipeline.findings import Finding


@dataclass
class PaperReading:
    """Rows read from one paper, before consolidation assigns action ids.

    ``actions`` rows carry ``local_id`` (the action's position in the paper) and the contract's
    action columns; ``snapshots`` and ``items`` refer to actions by ``local_id``; ``findings`` are
    what reading the paper noticed (the parsers' warnings among them).
    """

    document: dict[str, Any]
    actions: list[dict[str, Any]] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.document["status"])


def document_row(path: Path, doc_id: str, fmt: str | None) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "file_name": path.name, "source_path": str(path), "format": fmt,
        "title": None, "report_ref": None, "report_date": None, "committee_date": None,
        "status": "no_actions", "error": None, "n_actions": 0,
    }


def quarantined(path: Path, doc_id: str, fmt: str | None, reason: str) -> PaperReading:
    row = document_row(path, doc_id, fmt)
    row.update(status="quarantined", error=storable_text(reason))  # a parser's message may quote the file
    return PaperReading(document=row)
