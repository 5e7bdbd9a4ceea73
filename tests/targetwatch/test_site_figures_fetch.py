"""WarehouseFigures.fetch: the figures of a batch's series read from the warehouse in the data files' order, each
with n_values, the distinct values stated for its (jurisdiction, indicator, year, period) as observation_revisions
counts them (NaN and NULL not counted, a missing period a group of its own). SYNTHETIC rows, counts by hand."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from targetwatch.render.site_figures import WarehouseFigures


def test_each_figure_counts_the_distinct_values_of_its_year_and_period():
    nan = float("nan")
    d = dt.date
    obs = pd.DataFrame({
        "observation_id": [f"o{k}" for k in range(1, 10)],
        "jurisdiction": ["syn-a"] * 7 + ["syn-b", "syn-c"],
        "indicator": ["i"] * 9,
        "year": [2020, 2020, 2020, 2021, 2021, 2022, 2022, 2020, 2020],
        "value": [1.0, 2.0, 2.0, 5.0, nan, 7.0, 8.0, 3.0, 4.0],
        "period_type": ["annual", "annual", "annual", "annual", "annual", None, "annual", "annual", "annual"],
        "source_file": ["f1", "f2", "f3", "f1", "f2", "f1", "f1", "f1", "f1"],
        "location": [f"line {k}" for k in range(1, 10)],
        "release_date": [d(2021, 1, 1), d(2021, 6, 1), d(2021, 3, 1), d(2022, 1, 1), d(2022, 2, 1), d(2023, 1, 1),
                         d(2023, 1, 1), d(2021, 1, 1), d(2021, 1, 1)],
    })
    con = duckdb.connect()
    con.register("_obs", obs)
    con.execute("CREATE TABLE observations AS SELECT * FROM _obs")
    got = WarehouseFigures(con, tuple(obs.columns)).fetch({("syn-a", "i"), ("syn-b", "i")}).table
    # syn-a 2020: 1, 2, 2 -> two distinct values each, in release-date order (o1, o3, o2); 2021: 5 and NaN -> one;
    # 2022: a missing period is a group of its own -> one each; syn-b's o8 alone; syn-c is not asked for
    assert got["observation_id"].to_pylist() == ["o1", "o3", "o2", "o4", "o5", "o6", "o7", "o8"]
    assert got["n_values"].to_pylist() == [2, 2, 2, 1, 1, 1, 1, 1]


def test_figures_without_a_year_are_kept_and_read_by_the_frame_path():
    """A figure with no year keeps its row in the query (the count joined back on the year with IS NOT DISTINCT FROM:
    a plain = would drop it and the batch would be read without it), so fetch sees the missing year and reads the
    batch as a frame (arrow_frame's types). SYNTHETIC rows: the two figures without a year come first (missing first)
    in release order, their values 5 and 6 two distinct values of one (missing) year; 2020 and 2021 one each."""
    d = dt.date
    obs = pd.DataFrame({
        "observation_id": ["o1", "o2", "o3", "o4"], "jurisdiction": ["syn-a"] * 4, "indicator": ["i"] * 4,
        "year": pd.array([2020, None, 2021, None], dtype="Int64"), "value": [1.0, 5.0, 2.0, 6.0],
        "period_type": ["annual"] * 4, "source_file": ["f1", "f2", "f1", "f1"], "location": ["l"] * 4,
        "release_date": [d(2021, 1, 1), d(2021, 2, 1), d(2022, 1, 1), d(2021, 3, 1)],
    })
    con = duckdb.connect()
    con.register("_obs", obs)
    con.execute("CREATE TABLE observations AS SELECT * FROM _obs")
    got = WarehouseFigures(con, tuple(obs.columns)).fetch({("syn-a", "i")})
    assert got.table is None
    assert got.frame["observation_id"].tolist() == ["o2", "o4", "o1", "o3"]
    assert got.frame["n_values"].tolist() == [2, 2, 1, 1]
