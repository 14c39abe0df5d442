"""Reading and writing the staged Parquet tables, atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.files import atomic_write_bytes

STAGED_TABLES = tuple(schema.TABLES)  # documents, actions, snapshots, items, findings


def table_bytes(name: str, frame: pd.DataFrame) -> bytes:
    """Staged table ``name`` as Parquet with the contract's schema."""
    frame = schema.conform(name, frame)
    table = pa.Table.from_pandas(frame, schema=schema.arrow_schema(name), preserve_index=False)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def table_path(staged_dir: Path, name: str) -> Path:
    return staged_dir / f"{name}.parquet"


def write_table(staged_dir: Path, name: str, frame: pd.DataFrame) -> Path:
    """Write staged table ``name`` with the contract's schema; returns its path."""
    path = table_path(staged_dir, name)
    atomic_write_bytes(path, table_bytes(name, frame))
    return path


def read_table(staged_dir: Path, name: str) -> pd.DataFrame:
    """Staged table ``name`` as the contract types it (empty where it has not been written); a file
    that is not Parquet raises OSError or ValueError."""
    path = table_path(staged_dir, name)
    if not path.exists():
        return schema.empty(name)
    table = pq.read_table(path)
    if table.schema.equals(schema.arrow_schema(name)):  # as written here: its columns typed already
        return schema.from_arrow(name, table)
    return schema.conform(name, pd.read_parquet(path))

