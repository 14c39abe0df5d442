"""One batch run, top to bottom: ingest, read each paper, consolidate, validate, publish.

The steps are plain functions from data to data; this module is the one place that wires them
to the workspace's folders.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import ingest, staging
from pipeline.config import Settings
from pipeline.reading import PaperReading, read_paper_file

log = logging.getLogger("bvtrack")

STAGED_TABLES = ("documents", "actions", "snapshots", "items", "findings")


@dataclass
class Workspace:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def staged(self) -> Path:
        return self.root / "staged"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"


@dataclass
class RunResult:
    tables: dict[str, pd.DataFrame]
    workbook: Path | None = None
    report: Path | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def n_quarantined(self) -> int:
        docs = self.tables["documents"]
        return int((docs["status"] == "quarantined").sum()) if len(docs) else 0

    @property
    def exit_code(self) -> int:
        return 3 if self.n_quarantined else 0


def read_papers(paths: list[Path], settings: Settings, workers: int | None) -> list[PaperReading]:
    """Read every paper (serially for now); a bad paper comes back quarantined."""
    readings = []
    for path in paths:
        log.info("reading %s", path.name)
        readings.append(read_paper_file(path, settings))
    return readings


def run(
    workspace: Path,
    settings: Settings,
    input_dir: Path | None = None,
    email: bool | None = None,
    workers: int | None = None,
    now: dt.datetime | None = None,
) -> RunResult:
    from pipeline.consolidate import consolidate

    ws = Workspace(workspace)
    if input_dir is not None:
        added = ingest.sync_input(input_dir, ws.raw, now=now)
        log.info("%d new or changed file(s) copied into %s", len(added), ws.raw)
    paths = ingest.list_papers(ws.raw)
    readings = read_papers(paths, settings, workers)
    tables = consolidate(readings, settings)
    for name in STAGED_TABLES:
        staging.write_table(ws.staged, name, tables[name])
    result = RunResult(tables=tables)
    result.workbook = publish_workbook(ws, tables, settings, now)
    return result


def publish_workbook(ws: Workspace, tables: dict[str, pd.DataFrame], settings: Settings,
                     now: dt.datetime | None) -> Path:
    """Write outputs/tracker.xlsx; findings raised writing it (text Excel cannot hold) join the findings table."""
    from pipeline import schema
    from pipeline.workbook import RunInfo, write_workbook
    from pipeline.workbook_inputs import records

    path = ws.outputs / "tracker.xlsx"
    info = RunInfo(started=now or dt.datetime.now(), workspace=str(ws.root.resolve()))
    extra = write_workbook(tables, path, run_info=info)
    if len(extra):
        tables["findings"] = schema.conform("findings", records(tables["findings"]) + records(extra))
        staging.write_table(ws.staged, "findings", tables["findings"])
    return path
