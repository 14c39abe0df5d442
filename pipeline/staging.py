"""Reading and writing the staged Parquet tables, atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.files import atomic_write_bytes

STAGED_TABLES = tuple(schema.TABLES)  # documents, actions, snapshots, items, findings


def write_table(staged_dir: Path, name: str, frame: pd.DataFrame) -> Path:
    """Write staged table ``name`` with the contract's schema; returns its path."""
    frame = schema.conform(name, frame)
    table = pa.Table.from_pandas(frame, schema=schema.arrow_schema(name), preserve_index=False)
    path = staged_dir / f"{name}.parquet"
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    atomic_write_bytes(path, sink.getvalue().to_pybytes())
    return path


def read_table(staged_dir: Path, name: str) -> pd.DataFrame:
    path = staged_dir / f"{name}.parquet"
    if not path.exists():
        return schema.empty(name)
    return schema.conform(name, pd.read_parquet(path))

