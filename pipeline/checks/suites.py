"""Validation: the suites in ``expectations/`` run by Great Expectations over the derived frames.

Each suite (``expectations/<frame>.json``, one per frame :mod:`pipeline.checks.derive` builds) is a GX
1.x expectation suite whose every expectation names its finding in ``meta``::

    {"type": "expect_column_values_to_be_between",
     "kwargs": {"column": "overdue_days", "max_value": 0},
     "meta": {"check": "overdue", "severity": "warning"}}

A programme office changes a threshold by editing ``kwargs``, a severity by editing ``meta``, and
switches a check off by deleting its expectation. Each value an expectation rejects becomes one
findings row (result format COMPLETE, rows found again by their ``_row`` number), worded for a
person by :func:`describe` when the check is one the data contract names.

``great_expectations`` takes seconds to import: it is imported inside :func:`run_suites` only.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.checks import derive
from pipeline.config import ConfigError, Settings
from pipeline.interpret.normalise import LOOKALIKES

log = logging.getLogger("bvtrack")

SUITES_DIR = Path(__file__).resolve().parents[2] / "expectations"
ROW_KEY = "_row"
COLUMN_KEYS = ("column", "column_A", "column_B")


class SuiteError(ConfigError):
    """A suite in expectations/ cannot be used; the message names the file and the expectation."""


@dataclass(frozen=True)
class Outcome:
    """One expectation's result, as plain data."""

    frame: str
    check: str
    severity: str
    column: str | None
    failed_rows: list[int]  # positions in the frame; empty for a table-level expectation
    observed: Any = None
    error: str | None = None  # GX could not evaluate the expectation


# --- suites ---------------------------------------------------------------------------------


def load_suites(folder: Path = SUITES_DIR) -> dict[str, dict[str, Any]]:
    """Every ``<frame>.json`` in ``folder``, checked: known frame, each expectation with a type,
    kwargs and meta naming a check and a severity."""
    if not folder.is_dir():  # an install without the suites would otherwise check nothing, silently
        raise SuiteError(f"{folder}: no such folder of expectation suites")
    suites: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        where = str(path)
        if path.stem not in derive.FRAMES:
            raise SuiteError(f"{where}: no frame named {path.stem!r} (known: {', '.join(derive.FRAMES)})")
        try:
            suite = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise SuiteError(f"{where}: not valid JSON: {exc}") from exc
        if not isinstance(suite, dict) or not isinstance(suite.get("expectations"), list):
            raise SuiteError(f"{where}: a suite is an object with a list of 'expectations'")
        for i, exp in enumerate(suite["expectations"]):
            _check_expectation(exp, f"{where}: expectation {i + 1}")
        suites[path.stem] = suite
    return suites


def _check_expectation(exp: Any, where: str) -> None:
    if not isinstance(exp, dict) or not isinstance(exp.get("type"), str) or not isinstance(exp.get("kwargs"), dict):
        raise SuiteError(f"{where}: needs 'type' and 'kwargs'")
    meta = exp.get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("check"), str) or not meta["check"]:
        raise SuiteError(f"{where} ({exp['type']}): meta must name its 'check'")
    if meta.get("severity") not in schema.SEVERITIES:
        raise SuiteError(f"{where} ({meta['check']}): meta 'severity' must be one of "
                         f"{', '.join(schema.SEVERITIES)}, not {meta.get('severity')!r}")


def check_columns(suites: Mapping[str, dict[str, Any]], frames: Mapping[str, pd.DataFrame]) -> None:
    """Every column an expectation names exists in its frame (GX would only say so per row)."""
    for name, suite in suites.items():
        columns = set(frames[name].columns)
        for exp in suite["expectations"]:
            named = [exp["kwargs"][k] for k in COLUMN_KEYS if k in exp["kwargs"]]
            named += list(exp["kwargs"].get("column_list") or [])
            for col in named:
                if col not in columns:
                    raise SuiteError(f"expectations/{name}.json ({exp['meta']['check']}): no column {col!r} in "
                                     f"the {name} frame (columns: {', '.join(sorted(map(str, columns)))})")


# --- running GX -----------------------------------------------------------------------------


def _context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                               progress_bars=ProgressBarsConfig(globally=False), analytics_enabled=False)
    return gx.get_context(mode="ephemeral", project_config=config)


def run_suites(suites: Mapping[str, dict[str, Any]], frames: Mapping[str, pd.DataFrame]) -> list[Outcome]:
    """Validate each frame with its suite in a GX ephemeral context; one Outcome per expectation."""
    started = time.monotonic()
    import great_expectations as gx

    log.debug("great_expectations imported in %.2f s", time.monotonic() - started)
    context = _context()
    source = context.data_sources.add_pandas("bvtrack")
    outcomes: list[Outcome] = []
    for name, suite_json in suites.items():
        frame = frames[name].reset_index(drop=True).copy()
        frame[ROW_KEY] = range(len(frame))
        batch_def = source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe(name)
        suite = gx.ExpectationSuite(name=name, expectations=[dict(e) for e in suite_json["expectations"]])
        result = batch_def.get_batch(batch_parameters={"dataframe": frame}).validate(
            suite, result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_KEY]})
        outcomes.extend(_outcome(name, r) for r in result.to_json_dict()["results"])
    log.info("validated %d frame(s) with %d expectation(s) in %.2f s", len(suites), len(outcomes),
             time.monotonic() - started)
    return outcomes


def _outcome(frame: str, result: dict[str, Any]) -> Outcome:
    config = result["expectation_config"]
    meta, kwargs = config.get("meta") or {}, config.get("kwargs") or {}
    details = result.get("result") or {}
    info = result.get("exception_info") or {}
    errors = [info] if "raised_exception" in info else list(info.values())
    error = next((e.get("exception_message") for e in errors if isinstance(e, dict) and e.get("raised_exception")),
                 None)
    rows = sorted({int(entry[ROW_KEY]) for entry in details.get("unexpected_index_list") or []})
    observed = None if rows or result.get("success") else details.get("observed_value")
    return Outcome(frame, str(meta.get("check")), str(meta.get("severity")), kwargs.get("column"),
                   rows, observed, error)


# --- wording --------------------------------------------------------------------------------

Row = dict[str, Any]


def day(value: Any) -> str:
    d = derive.as_date(value)
    return d.strftime("%d/%m/%Y") if d else "an unknown date"


def pct(value: Any) -> str:
    return "unknown" if value is None else f"{float(value):g}%"


def iso(value: Any) -> str | None:
    d = derive.as_date(value)
    return d.isoformat() if d else None


def label(row: Row) -> str:
    """'Action 5', or the start of its description where the paper numbers nothing."""
    if row.get("ref"):
        return f"Action {row['ref']}"
    text = str(row.get("description") or "").strip()
    if not text:
        return "An action"
    return f"Action '{text[:57]}...'" if len(text) > 60 else f"Action '{text}'"


def where(row: Row) -> str:
    parts = [f"{k} {int(row[c]) + (0 if c == 'page' else 1)}" for k, c in
             (("page", "page"), ("table", "table_index"), ("row", "row_index")) if row.get(c) is not None]
    return f" ({', '.join(parts)})" if parts else ""


Wording = tuple[str | None, Any, str]  # the contract column, the value as found, the message


def _percent_range(row: Row, column: str | None) -> Wording:
    raw = row.get("percent_raw") if row.get("percent_raw") is not None else row.get("percent_complete")
    what = "cannot be read as a percentage" if column == "percent_readable" else "is not a percentage from 0 to 100"
    return "percent_complete", raw, f"{label(row)}: progress '{raw}' on {day(row.get('as_of'))} {what}"


def _mixed(row: Row, column: str | None) -> Wording:
    without, with_ = row.get("percent_example_without"), row.get("percent_example_with")
    return "percent_raw", f"'{without}' and '{with_}'", (
        f"{row.get('file_name') or 'This paper'} writes percentages both without '%' "
        f"({row.get('percent_without')}, e.g. '{without}') and with it ({row.get('percent_with')}, e.g. '{with_}')")


def _due_date(row: Row, column: str | None) -> Wording:
    return "due_date", row.get("due_raw"), (
        f"{label(row)}: target date '{row.get('due_raw')}' cannot be read as a date{where(row)}")


def _overdue(row: Row, column: str | None) -> Wording:
    return "due_date", iso(row.get("latest_due_date")), (
        f"{label(row)}: due {day(row.get('latest_due_date'))}, progress {pct(row.get('latest_percent'))} "
        f"on {day(row.get('latest_as_of'))} ({row.get('overdue_days')} days overdue)")


def _regressed(row: Row, column: str | None) -> Wording:
    return "percent_complete", f"{row.get('percent_complete'):g}", (
        f"{label(row)}: progress fell from {pct(row.get('previous_percent'))} on {day(row.get('previous_as_of'))} "
        f"to {pct(row.get('percent_complete'))} on {day(row.get('as_of'))}")


def _stalled(row: Row, column: str | None) -> Wording:
    gain = row.get("progress_gain_open") or 0
    since = (f"unchanged since {day(row.get('previous_as_of'))}" if not gain else
             f"up only {gain:g} points since {day(row.get('previous_as_of'))}")
    return "percent_complete", f"{row.get('percent_complete'):g}", (
        f"{label(row)}: progress {pct(row.get('percent_complete'))} on {day(row.get('as_of'))}, {since}")


def _revised(row: Row, column: str | None) -> Wording:
    how = ("the paper prints the original in brackets" if row.get("source") == "bracket"
           else "a later paper moves it")
    days = row.get("days_moved")
    moved = f"{abs(days)} days {'later' if days > 0 else 'earlier'}" if days else "moved"
    return "due_date", iso(row.get("new_due_date")), (
        f"{label(row)}: target date revised from {day(row.get('old_due_date'))} to {day(row.get('new_due_date'))} "
        f"({moved}; {how}, report of {day(row.get('as_of'))})")


def _lead_missing(row: Row, column: str | None) -> Wording:
    return "lead", None, f"{label(row)}: no lead officer"


def _nonlatin(row: Row, column: str | None) -> Wording:
    raw = str(row.get("lead_raw"))
    letters = ", ".join(dict.fromkeys(ch for ch in raw if ch in LOOKALIKES))
    return "lead_raw", raw, (f"{label(row)}: lead '{raw}' is typed with look-alike non-Latin letters ({letters}); "
                             f"read as '{row.get('lead')}'")


def _lead_unknown(row: Row, column: str | None) -> Wording:
    return "lead", row.get("lead"), (
        f"{label(row)}: lead '{row.get('lead')}' is not in the register of leads for {row.get('organisation')}")


def _priority(row: Row, column: str | None) -> Wording:
    return "priority", None, f"{label(row)}: no priority, though the paper gives priorities{where(row)}"


def _rag(row: Row, column: str | None) -> Wording:
    return "rag", row.get("rag"), (f"{label(row)}: RAG '{row.get('rag')}' with progress "
                                   f"{pct(row.get('percent_complete'))} on {day(row.get('as_of'))}")


def _not_reported(row: Row, column: str | None) -> Wording:
    return "action_id", iso(row.get("last_reported_on")), (
        f"{label(row)}: reported on {day(row.get('last_reported_on'))} but missing from the paper of "
        f"{day(row.get('latest_report_date'))}")


def _duplicate(row: Row, column: str | None) -> Wording:
    col = "ref" if row.get("ref") else "description"
    return col, row.get(col), (f"{label(row)} appears more than once in {row.get('source_file') or 'the paper'}; "
                               f"again at{where(row) or ' a later row'}")


WORDING = {
    "percent_in_range": _percent_range, "percent_format_mixed": _mixed, "due_date_parsed": _due_date,
    "overdue": _overdue, "progress_regressed": _regressed, "progress_stalled": _stalled,
    "target_date_revised": _revised, "lead_missing": _lead_missing, "lead_nonlatin": _nonlatin,
    "lead_unknown": _lead_unknown, "priority_missing": _priority, "rag_inconsistent": _rag,
    "action_not_reported": _not_reported, "duplicate_action": _duplicate,
}
DOC_COLUMN = {"action_not_reported": "not_reported_doc_id"}  # the paper a finding is about, where not doc_id


def describe(check: str, column: str | None, row: Row) -> Row:
    """doc_id, action_id, column, value and message of a finding on ``row`` of a frame."""
    doc = row.get(DOC_COLUMN.get(check, "doc_id")) or row.get("doc_id")
    col: str | None
    if check in WORDING:
        col, value, message = WORDING[check](row, column)
    else:  # a check a programme office added: say what was rejected
        col, value = column, row.get(column) if column else None
        message = f"{label(row) if row.get('action_id') else 'Paper'}: {column} = {value!r} fails the {check} check"
    return {"doc_id": doc, "action_id": row.get("action_id"), "column": col,
            "value": None if value is None else str(value), "message": message}


# --- findings -------------------------------------------------------------------------------


def to_findings(outcomes: list[Outcome], frames: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """One findings row per rejected value; an expectation GX could not evaluate, or a table-level
    one that failed, is one row of its own."""
    out: list[dict[str, Any]] = []
    for o in outcomes:
        if o.error is not None:
            out.append({"check": o.check, "severity": "error", "doc_id": None, "action_id": None,
                        "column": o.column, "value": None,
                        "message": f"the {o.check} check could not run on the {o.frame} frame: {o.error}"})
            continue
        if not o.failed_rows and o.observed is not None:
            out.append({"check": o.check, "severity": o.severity, "doc_id": None, "action_id": None,
                        "column": o.column, "value": str(o.observed),
                        "message": f"{o.check}: the {o.frame} frame fails as a whole (observed {o.observed})"})
        records = frames[o.frame].reset_index(drop=True)
        for pos in o.failed_rows:
            row = {str(k): (None if derive.missing(v) else v) for k, v in records.iloc[pos].to_dict().items()}
            out.append({"check": o.check, "severity": o.severity, **describe(o.check, o.column, row)})
    return out


def validate(tables: Mapping[str, pd.DataFrame], settings: Settings,
             suites_dir: Path = SUITES_DIR) -> pd.DataFrame:
    """The findings table: the findings already in ``tables['findings']`` (the papers' and
    consolidation's own) followed by every failed expectation's."""
    suites = load_suites(suites_dir)
    frames = derive.derive(tables, settings.leads)
    check_columns(suites, frames)
    wanted = {name: suite for name, suite in suites.items() if len(frames[name])}  # no rows: nothing to find
    found = to_findings(run_suites(wanted, frames), frames) if wanted else []
    earlier = tables.get("findings")
    before = [] if earlier is None or earlier.empty else derive.blank_to_null(earlier).to_dict("records")
    rows = [{str(k): (None if derive.missing(v) else v) for k, v in r.items()} for r in before] + found
    return schema.conform("findings", rows) if rows else schema.empty("findings")
