"""A reader's records become its frame in one construction (model._from_records), the frame the two-step
`_conform(pd.DataFrame(records), columns)` made: values, NaN for a key some records lack, None for a column none
has, and pandas' dtypes."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from targetwatch.reports.model import RAW_COLUMNS, REJECT_COLUMNS, ReadResult, _conform


def _two_steps(records: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    return _conform(pd.DataFrame(records), columns)


def test_records_of_a_yearbook_table_by_hand():
    records = [
        {"sheet": "表1", "row_number": 3, "location": "表1!C3", "jurisdiction_raw": "山西省", "year_raw": "2019",
         "value_raw": "1523", "unit_raw": "家", "extra": "not a raw column"},
        {"sheet": "表1", "row_number": 4, "location": "表1!C4", "jurisdiction_raw": "山西省", "year_raw": "2020",
         "value_raw": "2405"},  # no unit_raw: NaN, as pandas fills a key another record has
    ]
    frame = _conform(records, RAW_COLUMNS)
    assert list(frame.columns) == list(RAW_COLUMNS) and list(frame.index) == [0, 1]
    assert frame["row_number"].tolist() == [3, 4] and frame["row_number"].dtype == np.int64
    assert frame["unit_raw"].iloc[0] == "家" and math.isnan(frame["unit_raw"].iloc[1])
    assert frame["notes"].tolist() == [None, None] and frame["notes"].dtype == object  # no record has it
    pd.testing.assert_frame_equal(frame, _two_steps(records, RAW_COLUMNS), check_exact=True)


def test_mixed_values_and_rejects_infer_the_same_dtypes():
    records = [{"row_number": None, "location": "sheet 2", "raw_content": "", "reason": "no header"},
               {"row_number": 7, "location": "line 7", "raw_content": "a,b", "reason": "7 cells", "sheet": None}]
    frame = _conform(records, REJECT_COLUMNS)
    assert frame["row_number"].dtype == np.float64 and math.isnan(frame["row_number"].iloc[0])
    assert frame["sheet"].dtype == np.float64 and frame["sheet"].isna().all()  # a lacking key and None: all missing
    pd.testing.assert_frame_equal(frame, _two_steps(records, REJECT_COLUMNS), check_exact=True)
    dated = [{"release_date_raw": dt.date(2021, 1, 2), "char_start": 5, "char_end": 9.0}, {"char_start": 6}]
    pd.testing.assert_frame_equal(_conform(dated, RAW_COLUMNS), _two_steps(dated, RAW_COLUMNS), check_exact=True)


def test_no_records_and_frames_keep_the_old_path():
    assert _conform([], REJECT_COLUMNS).shape == (0, len(REJECT_COLUMNS))
    result = ReadResult("yearbook_csv", rows=[{"row_number": 1, "value_raw": "2"}])  # type: ignore[arg-type]
    assert result.rows.shape == (1, len(RAW_COLUMNS)) and result.rejected.shape == (0, len(REJECT_COLUMNS))
    given = pd.DataFrame({"value_raw": ["1"], "row_number": [2]})
    pd.testing.assert_frame_equal(_conform(given, RAW_COLUMNS), _two_steps(given.to_dict("records"), RAW_COLUMNS))
