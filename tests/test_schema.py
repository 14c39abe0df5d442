"""schema.records: rows as plain dicts, missing values as None, the same values and types whether
Arrow or pandas converts them; staged tables read back as conform types them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema, staging


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


def _all_kinds() -> pd.DataFrame:
    """A findings and a snapshots-like table with every kind of column, values and nulls."""
    return schema.conform("snapshots", [
        {"action_id": "a1", "doc_id": "d1", "as_of": dt.date(2021, 9, 20), "percent_complete": 45.0,
         "percent_raw": "45%", "rag": "green", "page": 1, "table_index": 0, "row_index": 3},
        {"action_id": "a2", "doc_id": "d1", "as_of": None, "percent_complete": None, "percent_raw": None,
         "rag": None, "page": None, "table_index": 0, "row_index": 4},
    ])


def test_a_staged_table_reads_back_as_conform_types_it(tmp_path: Path) -> None:
    for name, frame in (("snapshots", _all_kinds()), ("findings", schema.conform("findings", [
            {"check": "c", "severity": "error", "current": True}, {"check": "d", "current": None}])),
            ("documents", schema.empty("documents"))):
        staging.write_table(tmp_path, name, frame)
        read = staging.read_table(tmp_path, name)
        pd.testing.assert_frame_equal(read, schema.conform(name, pd.read_parquet(tmp_path / f"{name}.parquet")))
        pd.testing.assert_frame_equal(read, frame)


def test_a_staged_table_written_by_another_program_is_conformed(tmp_path: Path) -> None:
    # empty texts, an integer where a text belongs, a column too many and one missing
    odd = pa.table({"check": ["c", ""], "severity": [1, 2], "extra": [1.0, 2.0], "doc_id": ["d", None]})
    pq.write_table(odd, tmp_path / "findings.parquet")
    read = staging.read_table(tmp_path, "findings")
    assert list(read.columns) == list(schema.TABLES["findings"])
    assert read["check"].tolist() == ["c", pd.NA] and read["severity"].tolist() == ["1", "2"]
    assert read["current"].isna().all()


def test_empty_texts_in_a_typed_staged_table_read_as_null(tmp_path: Path) -> None:
    table = pa.table({col: pa.array(["", "x"] if col == "check" else [None, None], type=kind)
                      for col, kind in zip(schema.arrow_schema("findings").names, schema.arrow_schema("findings").types,
                                           strict=True)})
    pq.write_table(table, tmp_path / "findings.parquet")
    assert staging.read_table(tmp_path, "findings")["check"].tolist() == [pd.NA, "x"]


def _slow_conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """What conform makes of ``frame`` value by value (as rows, so no shortcut applies)."""
    return schema.conform(name, frame.astype(object).to_dict("records"))


def test_a_conformed_table_conforms_to_itself_and_a_copy() -> None:
    snapshots = _all_kinds()
    again = schema.conform("snapshots", snapshots)
    pd.testing.assert_frame_equal(again, snapshots)
    pd.testing.assert_frame_equal(again, _slow_conform("snapshots", snapshots))
    again.loc[0, "rag"] = "red"  # the caller's to change: not the table it came from
    assert snapshots.loc[0, "rag"] == "green"


def test_a_table_almost_conformed_is_conformed_value_by_value() -> None:
    # each of these looks conformed by its columns' types but one value is not what conform makes
    blank = _all_kinds()
    blank.loc[1, "percent_raw"] = ""
    timed = _all_kinds()
    timed["as_of"] = pd.Series([dt.datetime(2021, 9, 20, 10, 30), None], dtype=object)
    shifted = _all_kinds()
    shifted.index = pd.RangeIndex(5, 7)
    reordered = _all_kinds()[list(reversed(schema.TABLES["snapshots"]))]
    for frame in (blank, timed, shifted, reordered):
        got = schema.conform("snapshots", frame)
        pd.testing.assert_frame_equal(got, _slow_conform("snapshots", frame.reset_index(drop=True)))
        assert list(got.columns) == list(schema.TABLES["snapshots"]) and list(got.index) == [0, 1]
    assert schema.conform("snapshots", blank).loc[1, "percent_raw"] is pd.NA
    assert schema.conform("snapshots", timed).loc[0, "as_of"] == dt.date(2021, 9, 20)
