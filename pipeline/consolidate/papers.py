"""Each paper's details settled before papers are put in order: its report date (the paper's own,
else the contract's fallbacks, a configured override over all) and the snapshots dated by it, and
the organisation and plan a ``[papers."<name>"]`` override gives it.

A paper that states no report date takes its committee date, else a date in its file name, else
the last-modified date in the file's own properties: ``report_date_source`` says which, and a
``report_date_inferred`` finding (info) says so. A paper with none of them is a
``report_date_missing`` finding (error): its current progress has no as-of date.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pipeline.config import Settings, override_for
from pipeline.findings import Finding, finding
from pipeline.interpret import PaperReading
from pipeline.interpret.metadata import settle_report_date

SOURCES = {"committee_date": "its committee date", "file_name": "its file name",
           "file_properties": "the file's own last-modified date"}


def settle(reading: PaperReading, settings: Settings) -> tuple[PaperReading, list[Finding]]:
    """The reading with its report date settled and its report-date snapshots dated by it."""
    doc = reading.document
    if doc.get("status") == "quarantined":
        return reading, []
    override = override_for(doc.get("file_name"), settings.papers)
    stated = doc.get("report_date") if doc.get("report_date_source") in (None, "paper") else None
    committee = (override.committee_date if override and override.committee_date else None) or doc.get("committee_date")
    date, source = settle_report_date(stated, committee, doc.get("file_name"), doc.get("file_modified"),
                                      override.report_date if override else None)
    document = {**doc, "report_date": date, "report_date_source": source, "committee_date": committee,
                "organisation": override.organisation if override else None,  # over what folders and titles say
                "plan": override.plan if override else None}
    snapshots = [{**s, "as_of": date} if s.get("at_report_date") else s for s in reading.snapshots]
    # a paper without actions dates nothing, unless it looks like a progress report read badly
    said = _findings(document) if reading.actions or doc.get("looks_like_report") else []
    return dataclasses.replace(reading, document=document, snapshots=snapshots), said


def _findings(document: dict[str, Any]) -> list[Finding]:
    name, source, date = document.get("file_name") or "The paper", document["report_date_source"], \
        document["report_date"]
    if source is None:
        return [finding("report_date_missing", "error",
                        f"{name}: no report date in the paper, its committee date, its file name or its properties: "
                        "its progress has no as-of date (set one under [papers] in bvtrack.toml)",
                        doc_id=document["doc_id"], column="report_date")]
    if source in ("paper", "config"):  # stated, or set by the programme office: nothing to say
        return []
    return [finding("report_date_inferred", "info",
                    f"{name}: the paper states no report date; {date:%d/%m/%Y} is taken from {SOURCES[source]}",
                    doc_id=document["doc_id"], column="report_date", value=date.isoformat())]
