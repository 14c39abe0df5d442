"""The rows of a workbook's header-keyed tables, for carrying analysts' notes from the tracking
workbook a run is about to replace (``outputs/tracker.xlsx``) into the one it writes.

That workbook was written by the pipeline and then edited by people: everything in it is
untrusted. It is read with openpyxl read-only (the sheets streamed), with formulas' cached values
only (``data_only``: nothing is evaluated), its XML through defusedxml (openpyxl uses it when it
is installed), and only after the sniffer has inflated every part against its declared size. A
file that cannot be read, for any reason, is an :class:`~extractors.errors.ExtractionError` naming it and why.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.errors import ExtractionError
from extractors.sniff import sniff

MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # a tracker of ours is a few MB unzipped
MAX_HEADER_ROW = 50  # the header row is near the top (ours: row 3)
MAX_ROWS = 200_000  # rows read under a header (ours: one per action)


def header_key(value: Any) -> str:
    """A header as it is matched: case and spacing ignored ('Action ID' is 'action id')."""
    return " ".join(str(value).split()).casefold() if value is not None else ""


def read_rows(path: str | Path, sheets: Mapping[str, Sequence[str]]) -> dict[str, list[dict[str, Any]]]:
    """For each sheet named in ``sheets`` that the workbook at ``path`` has: the rows under the first
    row that holds all of that sheet's headers, as {header key: value} for every header in that row
    (keys by :func:`header_key`; values as stored: text, number, datetime, bool, or None). Rows with
    no value under any header are left out. A sheet that is missing, or has no such header row,
    gives no entry."""
    data = _checked_bytes(Path(path))
    try:
        with warnings.catch_warnings():  # openpyxl warns about the parts it skips (chart extensions)
            warnings.simplefilter("ignore")
            return _read(data, sheets)
    except ExtractionError:
        raise
    except Exception as exc:  # a damaged file fails anywhere in the parser: say why, stop nothing
        raise ExtractionError(str(path), f"cannot be read as a workbook: {type(exc).__name__}: {exc}") from exc


def _checked_bytes(path: Path) -> bytes:
    """The workbook's bytes, once the sniffer has found it a workbook whose every part inflates to
    what it declares, within :data:`MAX_UNZIPPED_BYTES` (as for a paper)."""
    kind = sniff(path, Limits(max_unzipped_mb=MAX_UNZIPPED_BYTES / 2**20))
    if kind != "xlsx":
        raise ExtractionError(str(path), f"not a workbook (a {kind} file)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExtractionError(str(path), f"cannot be opened: {exc.strerror or exc}") from exc


@dataclass(frozen=True)
class Limits:
    max_unzipped_mb: float


def _read(data: bytes, sheets: Mapping[str, Sequence[str]]) -> dict[str, list[dict[str, Any]]]:
    import openpyxl  # loads in 0.13 s: only where there is a previous workbook to read

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        out: dict[str, list[dict[str, Any]]] = {}
        for name, headers in sheets.items():
            if name in book.sheetnames and hasattr(book[name], "iter_rows"):  # not a chart sheet
                rows = _table_rows(book[name], [header_key(h) for h in headers])
                if rows is not None:
                    out[name] = rows
        return out
    finally:
        book.close()


def _table_rows(sheet: Any, wanted: list[str]) -> list[dict[str, Any]] | None:
    columns: dict[int, str] | None = None
    out: list[dict[str, Any]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True)):
        if columns is None:
            keys = [header_key(v) for v in values]
            if all(w in keys for w in wanted):
                columns = {i: k for i, k in enumerate(keys) if k}
            elif number >= MAX_HEADER_ROW:
                return None
            continue
        if len(out) >= MAX_ROWS:
            break
        row = {key: values[i] if i < len(values) else None for i, key in columns.items()}
        if any(v is not None and str(v).strip() for v in row.values()):
            out.append(row)
    return out if columns is not None else None
