"""fetch.frame gives what DuckDB's `.df()` gives: the dtypes and missing values written out by hand, and `.df()`'s own
frame beside it for every type the assessment's results hold."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from targetwatch.fetch import frame

# (DuckDB type, a value, the dtype `.df()` gives a column of it with a NULL, and without one)
TYPES = [
    ("BIGINT", "7", "Int64", "int64"),
    ("INTEGER", "7", "Int32", "int32"),
    ("UBIGINT", "7", "UInt64", "uint64"),
    ("DOUBLE", "1.5", "float64", "float64"),
    ("FLOAT", "1.5", "float32", "float32"),
    ("BOOLEAN", "true", "boolean", "bool"),
    ("VARCHAR", "'达到'", "object", "object"),
    ("DATE", "DATE '2020-01-02'", "datetime64[us]", "datetime64[us]"),
    ("TIMESTAMP", "TIMESTAMP '2020-01-02 03:04:05'", "datetime64[us]", "datetime64[us]"),
    ("INTERVAL", "INTERVAL 1 DAY", "timedelta64[us]", "timedelta64[us]"),
]


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


@pytest.mark.parametrize("duckdb_type, value, with_null, without_null", TYPES)
def test_a_column_as_df_gives_it(con, duckdb_type, value, with_null, without_null):
    q = f"SELECT * FROM (VALUES ({value}::{duckdb_type}, {value}::{duckdb_type}), (NULL, {value})) t(x, y)"
    got = frame(con.execute(q))
    assert [str(t) for t in got.dtypes] == [with_null, without_null]
    assert pd.isna(got["x"].iloc[1]) and not pd.isna(got["x"].iloc[0]) and got["y"].notna().all()
    pd.testing.assert_frame_equal(got, con.execute(q).df(), check_exact=True)


def test_missing_values_by_hand(con):
    got = frame(con.execute("SELECT * FROM (VALUES (1::BIGINT, 'a', 2.5, true, NULL), (NULL, NULL, NULL, NULL, NULL))"
                            " t(n, s, d, b, z)"))
    assert got["n"].tolist() == [1, pd.NA]
    assert got["s"].tolist() == ["a", None]
    assert got["d"].iloc[0] == 2.5 and np.isnan(got["d"].iloc[1])
    assert got["b"].tolist() == [True, pd.NA]
    assert got["z"].tolist() == [None, None] and got["z"].dtype == object
    assert list(got.columns) == ["n", "s", "d", "b", "z"] and got.index.equals(pd.RangeIndex(2))


def test_no_rows(con):
    q = "SELECT 1::BIGINT AS n, 'a' AS s WHERE false"
    got = frame(con.execute(q))
    assert len(got) == 0 and list(got.columns) == ["n", "s"]
    pd.testing.assert_frame_equal(got, con.execute(q).df(), check_exact=True)


def test_a_list_with_null_is_refused(con):
    # `.df()` gives a list's NULL as pd.NA, not None: frame() does not guess
    with pytest.raises(TypeError, match="NULLs"):
        frame(con.execute("SELECT * FROM (VALUES ([1]), (NULL)) t(l)"))


def test_repeated_names_are_refused(con):
    with pytest.raises(ValueError, match="distinct column names"):
        frame(con.execute("SELECT 1 AS a, 2 AS a"))


@pytest.mark.parametrize("sql", [
    "SELECT TIMESTAMPTZ '2024-01-02 03:04:05+00' AS d",  # .df(): datetime64[us, <TimeZone>]; fetchnumpy: naive
    "SELECT * FROM (VALUES (TIMESTAMPTZ '2024-01-02 03:04:05+00'), (NULL)) t(d)",
    "SELECT 'a'::ENUM('a', 'b') AS e",  # .df(): category; fetchnumpy: object
    "SELECT * FROM (VALUES ('a'::ENUM('a', 'b')), (NULL)) t(e)",
])
def test_a_type_whose_df_column_is_not_the_fetched_array_is_refused_not_guessed(con, sql):
    """Before rv20e these four gave a frame unlike `.df()`'s (a naive datetime64[us], an object column)."""
    dtype = str(con.execute(sql).df().dtypes.iloc[0])
    assert dtype == "category" or dtype.startswith("datetime64[us, ")  # what .df() gives: not a plain array
    with pytest.raises(TypeError, match=r"no \.df\(\) equivalent"):
        frame(con.execute(sql))
