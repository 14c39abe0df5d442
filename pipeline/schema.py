"""The staged tables' columns and types, exactly as docs/data-contract.md names them.

Every DataFrame that leaves a pipeline step for ``staged/`` goes through :func:`conform`, so
the Parquet files always carry these columns in this order with these types: dates are dates
(no time part), percentages floats, missing is null.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

STRING = "string"
DATE = "date"
FLOAT = "float"
INT = "int"
BOOL = "bool"
_PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.float64(): pd.Float64Dtype(), pa.int64(): pd.Int64Dtype(),
                 pa.bool_(): pd.BooleanDtype()}  # an Arrow column's type as conform types it (dates: objects)

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STRING, "file_name": STRING, "source_path": STRING, "format": STRING,
        "title": STRING, "report_ref": STRING, "report_date": DATE, "report_date_source": STRING,
        "committee_date": DATE, "status": STRING, "error": STRING, "duplicate_of": STRING, "n_actions": INT,
    },
    "actions": {
        "action_id": STRING, "organisation": STRING, "plan": STRING, "theme": STRING,
        "ref": STRING, "description": STRING, "lead": STRING, "lead_raw": STRING,
        "service_lead": STRING, "priority": STRING, "due_date": DATE,
        "original_due_date": DATE, "due_date_precision": STRING, "report_refs": STRING,
        "first_seen": DATE, "last_seen": DATE,
    },
    "snapshots": {
        "action_id": STRING, "doc_id": STRING, "as_of": DATE, "percent_complete": FLOAT,
        "percent_raw": STRING, "rag": STRING, "status_text": STRING, "decisions": STRING,
        "due_date": DATE, "source_file": STRING, "page": INT, "table_index": INT,
        "row_index": INT,
    },
    "items": {"doc_id": STRING, "kind": STRING, "text": STRING, "action_id": STRING},
    "findings": {
        "check": STRING, "severity": STRING, "doc_id": STRING, "action_id": STRING,
        "column": STRING, "value": STRING, "message": STRING, "current": BOOL,
    },
    "changes": {
        "action_id": STRING, "organisation": STRING, "plan": STRING, "previous_doc_id": STRING,
        "doc_id": STRING, "previous_as_of": DATE, "as_of": DATE, "status": STRING,
        "previous_percent": FLOAT, "percent_complete": FLOAT, "percent_change": FLOAT,
        "previous_rag": STRING, "rag": STRING, "rag_change": STRING, "completed": BOOL,
        "previous_due_date": DATE, "due_date": DATE, "days_moved": INT,
    },
}

DOCUMENT_STATUSES = ("extracted", "no_actions", "quarantined", "duplicate")
RAG_VALUES = ("red", "amber", "green", "complete", "not_started")
# what a column of an action table can hold: the fields `[headers]` may add spellings for
HEADER_FIELDS = ("ref", "description", "theme", "lead", "service_lead", "member", "priority", "due_date",
                 "original_due_date", "progress", "status_text", "decisions", "rag", "report_refs")
ITEM_KINDS = ("issue", "risk", "change_request", "target")
CHANGE_STATUSES = ("new", "dropped", "continuing")
RAG_CHANGES = ("better", "worse", "same")


def missing(value: Any) -> bool:
    """None, pandas' NA and NaT, and float NaN: the ways a table says 'no value'."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def ref_key(ref: Any) -> tuple[Any, ...]:
    """'1.3' < '2' < '10' < '10a'; missing last."""
    if missing(ref):
        return ((2, 0, ""),)
    parts = [p for p in str(ref).replace(")", ".").split(".") if p]
    out = []
    for part in parts:
        digits = "".join(ch for ch in part if ch.isdigit())
        out.append((0, int(digits), part.casefold()) if digits and part.startswith(digits)
                   else (1, 0, part.casefold()))
    return tuple(out)


def number(value: Any) -> float | None:
    """A value as a float; None where it is missing."""
    return None if value is None or missing(value) else float(value)


def records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """A table's rows as plain dicts, every kind of missing value as None.

    Through Arrow where the values allow (ten times faster than pandas' own on Arrow-backed
    columns); by pandas where Arrow would change a value's type (times) or cannot hold the column.
    """
    if frame is None or frame.empty:
        return []
    fast = _arrow_records(frame)
    if fast is not None:
        return fast
    clean = frame.astype(object).where(frame.notna(), None)
    clean.columns = [str(c) for c in clean.columns]
    return clean.to_dict("records")  # type: ignore[return-value]


def _arrow_records(frame: pd.DataFrame) -> list[dict[str, Any]] | None:
    if not all(isinstance(c, str) for c in frame.columns) or frame.columns.has_duplicates:
        return None
    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):  # mixed types in a column, and the like
        return None
    if not all(_plain_type(t) for t in table.schema.types):  # times would come back as datetime, not Timestamp
        return None
    return table.to_pylist()


def _plain_type(kind: pa.DataType) -> bool:
    """An Arrow type whose values come back as the Python values pandas gives."""
    return (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind)
            or pa.types.is_floating(kind) or pa.types.is_boolean(kind) or pa.types.is_date32(kind)
            or pa.types.is_null(kind))


def as_date(value: Any) -> dt.date | None:
    """A date (no time part) from a date, datetime, Timestamp or ISO text; None when missing."""
    if missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def _as_string(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value)
    return text if text != "" else None


def conform(name: str, rows: pd.DataFrame | list[dict[str, Any]]) -> pd.DataFrame:
    """Return table ``name`` with exactly the contract's columns, in order, typed.

    Extra columns are dropped, missing ones are null, '' becomes null.
    """
    columns = TABLES[name]
    frame = pd.DataFrame(rows) if not isinstance(rows, pd.DataFrame) else rows
    if isinstance(rows, pd.DataFrame) and _conformed(frame, columns):
        return frame.copy()  # a table conformed before (the run passes its tables on): as it is
    out: dict[str, pd.Series] = {}
    n = len(frame)
    for col, kind in columns.items():
        src = frame[col] if col in frame.columns else pd.Series([None] * n, index=frame.index)
        values = list(src)
        if kind == STRING:
            out[col] = pd.Series([_as_string(v) for v in values], dtype="string", index=frame.index)
        elif kind == FLOAT:
            out[col] = pd.to_numeric(pd.Series(values, index=frame.index, dtype="object"),
                                     errors="coerce").astype("Float64")
        elif kind == BOOL:
            out[col] = pd.Series([None if missing(v) else bool(v) for v in values], dtype="boolean", index=frame.index)
        elif kind == INT:
            out[col] = pd.to_numeric(pd.Series(values, index=frame.index, dtype="object"),
                                     errors="coerce").astype("Int64")
        else:
            out[col] = pd.Series([as_date(v) for v in values], dtype="object", index=frame.index)
    return pd.DataFrame(out, columns=list(columns)).reset_index(drop=True)


_CONFORMED_TYPES = {STRING: pd.StringDtype(), FLOAT: pd.Float64Dtype(), INT: pd.Int64Dtype(),
                    BOOL: pd.BooleanDtype(), DATE: np.dtype(object)}


def _conformed(frame: pd.DataFrame, columns: dict[str, str]) -> bool:
    """Whether ``frame`` is already what :func:`conform` makes of it: the columns in order, each
    of its type, no '' text, no NaN among the numbers, dates as dates, and a plain index."""
    index = frame.index
    if list(frame.columns) != list(columns) or not (isinstance(index, pd.RangeIndex) and index.start == 0
                                                    and index.step == 1):
        return False
    for col, kind in columns.items():
        series = frame[col]
        if series.dtype != _CONFORMED_TYPES[kind]:
            return False
        if kind == STRING and bool((series == "").any()):
            return False
        if kind == FLOAT and bool(np.isnan(series.to_numpy(dtype="float64", na_value=0.0)).any()):
            return False
        if kind == DATE and not all(v is None or type(v) is dt.date for v in series.array):
            return False
    return True


def empty(name: str) -> pd.DataFrame:
    return conform(name, [])


def from_arrow(name: str, table: Any) -> pd.DataFrame:
    """Table ``name`` from an Arrow table of its :func:`arrow_schema`: what :func:`conform` makes of it,
    without going through its values one by one."""
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get, date_as_object=True)
    for col, kind in TABLES[name].items():
        if kind == STRING and (frame[col] == "").any():
            frame[col] = frame[col].mask(frame[col] == "")  # '' is null
    return frame


def arrow_schema(name: str) -> Any:
    """The Parquet schema of table ``name`` (dates as date32, so an all-null column keeps its type)."""
    kinds = {STRING: pa.string(), DATE: pa.date32(), FLOAT: pa.float64(), INT: pa.int64(), BOOL: pa.bool_()}
    return pa.schema([(col, kinds[kind]) for col, kind in TABLES[name].items()])
