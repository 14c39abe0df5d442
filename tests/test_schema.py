"""schema.records: rows as plain dicts, missing values as None, the same values and types whether
Arrow or pandas converts them."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from pipeline import schema


def by_pandas(frame: pd.DataFrame) -> list[dict[str, object]]:
    clean = frame.astype(object).where(frame.notna(), None)
    return clean.to_dict("records")  # type: ignore[return-value]


def test_contract_tables_come_back_as_pandas_gives_them() -> None:
    snapshots = schema.conform("snapshots", [
        {"action_id": "a1", "doc_id": "d1", "as_of": dt.date(2021, 9, 20), "percent_complete": 45.0,
         "percent_raw": "45%", "rag": "green", "page": 1, "table_index": 0, "row_index": 3},
        {"action_id": "a2", "doc_id": "d1", "as_of": None, "percent_complete": None, "percent_raw": "",
         "rag": None, "page": None, "table_index": 0, "row_index": 4},
    ])
    got = schema.records(snapshots)
    assert got == by_pandas(snapshots)
    assert [type(v) for v in got[0].values()] == [type(v) for v in by_pandas(snapshots)[0].values()]
    assert got[1]["as_of"] is None and got[1]["percent_complete"] is None and got[1]["percent_raw"] is None
    assert type(got[0]["as_of"]) is dt.date and type(got[0]["page"]) is int


def test_values_arrow_would_change_are_left_to_pandas() -> None:
    frame = pd.DataFrame({"when": pd.to_datetime(["2021-09-20 10:30", None]), "mixed": ["5", 5],
                          "score": [np.nan, 0.5]})
    got = schema.records(frame)
    assert type(got[0]["when"]) is pd.Timestamp and got[1]["when"] is None
    assert got[0]["mixed"] == "5" and got[1]["mixed"] == 5
    assert got[0]["score"] is None and got[1]["score"] == 0.5


def test_an_empty_table_has_no_records() -> None:
    assert schema.records(schema.empty("findings")) == [] and schema.records(None) == []
