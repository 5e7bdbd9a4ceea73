"""The Python readers' gathered frames go into their chunk as one Arrow table when every value casts the same that way
(targetwatch.reports.gathered.arrow_chunk), else frame by frame: the chunk's rows are the same either way."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from targetwatch.reports import gathered
from targetwatch.reports.model import RAW_COLUMNS, REJECT_COLUMNS
from targetwatch.reports.normalise import RAW_TYPES

_SHOWN = "SELECT file, part, jurisdiction_raw, indicator_raw, value_raw, year_raw, row_number, _seq FROM t"


def _chunk(frames, columns=RAW_COLUMNS, *, arrow: bool, monkeypatch) -> tuple[list[tuple], list[tuple]]:
    """(the shown columns, every column) of the chunk table `Gathered._insert` fills, in table order."""
    if not arrow:
        monkeypatch.setattr(gathered, "arrow_chunk", lambda columns, frames: None)
    con = duckdb.connect()
    types = RAW_TYPES if columns == RAW_COLUMNS else {c: RAW_TYPES.get(c, "VARCHAR") for c in columns}
    cols = ", ".join(f'"{c}" {t}' for c, t in types.items())
    con.execute(f"CREATE TABLE t (file BIGINT, part INTEGER, {cols}, _seq BIGINT)")
    gathered.Gathered(con, max_rows=100)._insert("t", columns, frames)
    shown = con.execute(_SHOWN).fetchall() if columns == RAW_COLUMNS else []
    every = con.execute("SELECT * FROM t").fetchall()
    monkeypatch.undo()
    return shown, every


def test_text_and_integer_frames_go_in_as_one_arrow_table_with_the_rows_frame_by_frame_gives(monkeypatch):
    first = pd.DataFrame({"jurisdiction_raw": ["山西", None], "value_raw": ["1,523", np.nan],
                          "year_raw": ["2019", "2018年"], "row_number": np.array([2, 5], dtype="int64")})
    second = pd.DataFrame({"indicator_raw": ["高新技术企业"], "row_number": [9]})  # a column of Python ints
    frames = [(3, first), (7, second)]
    assert gathered.arrow_chunk(RAW_COLUMNS, frames) is not None
    shown, every = _chunk(frames, arrow=True, monkeypatch=monkeypatch)
    # file = the batch's key, part 0, NaN and None are NULL, a missing column NULL, _seq counts from 1 in each frame
    assert shown == [(3, 0, "山西", None, "1,523", "2019", 2, 1),
                     (3, 0, None, None, None, "2018年", 5, 2),
                     (7, 0, None, "高新技术企业", None, None, 9, 1)]
    assert (shown, every) == _chunk(frames, arrow=False, monkeypatch=monkeypatch)


def test_reader_rejects_go_in_the_same_way():
    rejects = pd.DataFrame({"sheet": ["表1"], "row_number": [4], "location": ["表1!A4"], "raw_content": ["x,y"],
                            "reason": ["row 4 has 2 cells"]})
    table = gathered.arrow_chunk(REJECT_COLUMNS, [(11, rejects)])
    assert table.column_names == ["file", "part", *REJECT_COLUMNS, "_seq"]
    assert table.to_pylist() == [{"file": 11, "part": 0, "sheet": "表1", "row_number": 4, "location": "表1!A4",
                                  "raw_content": "x,y", "reason": "row 4 has 2 cells", "_seq": 1}]


@pytest.mark.parametrize(("column", "values", "expected"), [
    ("year_raw", [2019], "2019"),  # an integer in a text column: DuckDB's cast of the object column makes the text
    ("value_raw", [1.5], "1.5"),  # a float in a text column
    ("value_raw", ["12", 7], "12"),  # text and a number in one column
])
def test_a_frame_with_other_values_keeps_the_frame_by_frame_cast(monkeypatch, column, values, expected):
    plain = pd.DataFrame({"jurisdiction_raw": ["山西"], "row_number": [1]})
    odd = pd.DataFrame({column: pd.Series(values, dtype=object), "row_number": list(range(1, len(values) + 1))})
    frames = [(0, plain), (1, odd)]
    assert gathered.arrow_chunk(RAW_COLUMNS, frames) is None  # one such frame: the whole chunk frame by frame
    shown, _ = _chunk(frames, arrow=True, monkeypatch=monkeypatch)
    position = {"year_raw": 5, "value_raw": 4}[column]
    assert shown[0][2] == "山西" and shown[1][position] == expected


def test_text_that_is_not_utf8_or_an_integer_past_int64_is_not_converted():
    assert gathered.arrow_chunk(RAW_COLUMNS, [(0, pd.DataFrame({"notes": ["\ud800"]}))]) is None
    assert gathered.arrow_chunk(RAW_COLUMNS, [(0, pd.DataFrame({"row_number": pd.Series([2**64 - 1],
                                                                                        dtype="uint64")}))]) is None
    assert gathered.arrow_chunk(RAW_COLUMNS, [(0, pd.DataFrame({"row_number": [1.0]}))]) is None  # a float


def test_a_python_integer_past_int64_in_an_integer_column_keeps_the_frame_by_frame_cast(monkeypatch):
    """pyarrow cannot hold 2**63 in an object column's int64 (OverflowError, not an ArrowException): the chunk goes in
    frame by frame, so the ingest meets the error the old path gave (DuckDB's, 2**63 = 9,223,372,036,854,775,808 is
    one past BIGINT's largest), not pyarrow's escaping `_insert`."""
    frame = pd.DataFrame({"row_number": pd.Series([1, 2**63], dtype=object)})
    assert gathered.arrow_chunk(RAW_COLUMNS, [(0, frame)]) is None
    con = duckdb.connect()
    cols = ", ".join(f'"{c}" {t}' for c, t in RAW_TYPES.items())
    con.execute(f"CREATE TABLE t (file BIGINT, part INTEGER, {cols}, _seq BIGINT)")
    with pytest.raises(duckdb.ConversionException, match="9223372036854775808"):
        gathered.Gathered(con, max_rows=100)._insert("t", RAW_COLUMNS, [(0, frame)])
