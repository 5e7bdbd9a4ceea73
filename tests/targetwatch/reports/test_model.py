"""A reader's frames are conformed to the raw columns (targetwatch.reports.model._conform): exactly those columns, in
order, on a fresh index, a missing column all None; the same frame the column-at-a-time build gave."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from targetwatch.reports.model import RAW_COLUMNS, REJECT_COLUMNS, _conform, alias_map


def _one_at_a_time(df, columns):
    """The previous build: each missing column inserted as None, then selected and re-indexed."""
    df = pd.DataFrame(df) if not isinstance(df, pd.DataFrame) else df.copy()
    for col in columns:
        if col not in df.columns:
            df[col] = None
    return df[list(columns)].reset_index(drop=True)


@pytest.mark.parametrize("columns", [RAW_COLUMNS, REJECT_COLUMNS], ids=["rows", "rejected"])
@pytest.mark.parametrize("given", [
    pd.DataFrame({"jurisdiction_raw": ["山西", None], "value_raw": ["1.5", "2"], "row_number": [3, 4]}, index=[7, 2]),
    [{"indicator_raw": "x", "sheet": "s", "reason": "r", "extra": 1}, {"indicator_raw": None, "row_number": 2}],
    pd.DataFrame(columns=list(REJECT_COLUMNS)),
    pd.DataFrame(),
    pd.DataFrame({c: [f"{c}-1"] for c in RAW_COLUMNS + REJECT_COLUMNS}),
    pd.DataFrame({"row_number": pd.array([5, None], dtype="Int64"), "sheet": pd.array(["a", None], dtype="string")}),
], ids=["frame on another index", "records", "empty with columns", "empty", "every column", "extension dtypes"])
def test_conform_gives_the_frame_built_a_column_at_a_time(given, columns):
    expected = _one_at_a_time(given, columns)
    got = _conform(given.copy() if isinstance(given, pd.DataFrame) else given, columns)
    assert list(got.columns) == list(columns)
    assert_frame_equal(got, expected, check_exact=True)
    for c in columns:  # None, not NaN, in a missing column
        assert [type(v) for v in got[c]] == [type(v) for v in expected[c]]


def test_conform_copies_what_it_keeps():
    """The conformed frame holds its own data: a reader changing its frame afterwards changes nothing in it."""
    given = pd.DataFrame({"row_number": [3, 4], "sheet": ["a", "b"]})
    got = _conform(given, REJECT_COLUMNS)
    given.loc[0, "row_number"], given.loc[0, "sheet"] = 99, "z"
    assert got["row_number"].tolist() == [3, 4] and got["sheet"].tolist() == ["a", "b"]


def test_alias_map_is_built_once_per_content_and_each_caller_gets_its_own_copies(catalogue):
    jur, ind = alias_map(catalogue)
    again_jur, again_ind = alias_map(catalogue)
    assert (jur, ind) == (again_jur, again_ind) and jur is not again_jur and ind is not again_ind
    jur["synthetic-key"] = "synthetic-code"  # a caller's change stays its own
    assert "synthetic-key" not in alias_map(catalogue)[0]
    changed = catalogue.model_copy(deep=True)
    changed.indicators[0].aliases.append("合成别名")  # SYNTHETIC: a new alias is a new content, read afresh
    assert alias_map(changed)[1]["合成别名"] == changed.indicators[0].code
    assert "合成别名" not in alias_map(catalogue)[1]
