"""Validation: the suites in ``expectations/`` run by Great Expectations over the derived frames.

Each suite (``expectations/<frame>.json``, one per frame :mod:`pipeline.checks.derive` builds) is a GX
1.x expectation suite whose every expectation names its finding in ``meta``::

    {"type": "expect_column_values_to_be_between",
     "kwargs": {"column": "overdue_days", "max_value": 0},
     "meta": {"check": "overdue", "severity": "warning"}}

A programme office changes a threshold by editing ``kwargs``, a severity by editing ``meta``, and
switches a check off by deleting its expectation. Each value an expectation rejects becomes one
findings row (result format COMPLETE, rows found again by their ``_row`` number), worded for a
person by :func:`pipeline.checks.wording.describe`.

``great_expectations`` takes seconds to import: it is imported inside :func:`run_suites` only.
"""

from __future__ import annotations

import json
import logging
import sysconfig
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.checks import derive
from pipeline.checks.wording import describe
from pipeline.config import Settings
from pipeline.errors import SuiteError
from pipeline.findings import SEVERITIES, Finding, finding

log = logging.getLogger("bvtrack")

INSTALLED_SUITES = Path("share", "bvtrack", "expectations")  # under the installation's prefix (pyproject.toml)


def _suites_dir() -> Path:
    """``expectations/`` beside the code (a clone, an editable install), else where an installed
    bvtrack put it (``<prefix>/share/bvtrack/expectations``, for the environment or the user)."""
    beside = Path(__file__).resolve().parents[2] / "expectations"
    if (beside / "actions.json").is_file():
        return beside
    for scheme in (sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user")):
        installed = Path(sysconfig.get_path("data", scheme)) / INSTALLED_SUITES
        if (installed / "actions.json").is_file():
            return installed
    return beside


SUITES_DIR = _suites_dir()
ROW_KEY = "_row"
COLUMN_KEYS = ("column", "column_A", "column_B")


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
    if meta.get("severity") not in SEVERITIES:
        raise SuiteError(f"{where} ({meta['check']}): meta 'severity' must be one of "
                         f"{', '.join(SEVERITIES)}, not {meta.get('severity')!r}")


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
    import great_expectations as gx  # two seconds to import: only when validating
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
    import great_expectations as gx  # two seconds to import: only when validating

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


# --- findings -------------------------------------------------------------------------------


def to_findings(outcomes: list[Outcome], frames: Mapping[str, pd.DataFrame]) -> list[Finding]:
    """One finding per rejected value; an expectation GX could not evaluate, or a table-level one
    that failed, is one finding of its own."""
    out: list[Finding] = []
    for o in outcomes:
        if o.error is not None:
            out.append(finding(o.check, "error", f"the {o.check} check could not run on the {o.frame} frame: {o.error}",
                               column=o.column))
            continue
        if not o.failed_rows and o.observed is not None:
            out.append(finding(o.check, o.severity,
                               f"{o.check}: the {o.frame} frame fails as a whole (observed {o.observed})",
                               column=o.column, value=o.observed))
        records = frames[o.frame].reset_index(drop=True)
        for pos in o.failed_rows:
            row = {str(k): (None if derive.missing(v) else v) for k, v in records.iloc[pos].to_dict().items()}
            out.append(finding(o.check, o.severity, **describe(o.check, o.column, row)))
    return out


def validate(tables: Mapping[str, pd.DataFrame], settings: Settings, suites_dir: Path = SUITES_DIR) -> pd.DataFrame:
    """The findings table of every expectation in ``suites_dir`` that the consolidated ``tables`` fail."""
    suites = load_suites(suites_dir)
    frames = derive.derive(tables, settings.leads)
    check_columns(suites, frames)
    wanted = {name: suite for name, suite in suites.items() if len(frames[name])}  # no rows: nothing to find
    return schema.conform("findings", to_findings(run_suites(wanted, frames), frames) if wanted else [])
