"""A province store whose partitions were written before and after a column was added (targetwatch/partitions.py):
the columns are read by name, whichever partition the glob lists first."""

from __future__ import annotations

import duckdb
import pytest

from targetwatch.partitions import observations_view, read_partitions


def _write(con: duckdb.DuckDBPyConnection, folder, select: str) -> None:
    folder.mkdir(parents=True)
    con.execute(f"COPY ({select}) TO '{folder / 'data.parquet'}' (FORMAT parquet)")


OLD = "SELECT 't-1' AS target_id, 2021 AS year, 'o-1' AS observation_id"  # before site21: no year before's id
NEW = "SELECT 't-2' AS target_id, 2021 AS year, 'o-2' AS observation_id, 'o-0' AS previous_observation_id"


@pytest.mark.parametrize("old_first", [True, False])
def test_partitions_written_before_and_after_a_new_column_read_together(tmp_path, old_first):
    first, second = "p1", "p2"
    con = duckdb.connect()
    _write(con, tmp_path / "assessment_years" / f"province={first}", OLD if old_first else NEW)
    _write(con, tmp_path / "assessment_years" / f"province={second}", NEW if old_first else OLD)
    rows = read_partitions(con, tmp_path, "assessment_years").order("target_id").fetchall()
    columns = read_partitions(con, tmp_path, "assessment_years").columns
    got = [dict(zip(columns, r, strict=True)) for r in rows]
    # the older partition reads NULL in the column it lacks; the newer keeps its value (was dropped, or refused)
    assert [(r["target_id"], r["observation_id"], r["previous_observation_id"], r["province"]) for r in got] == [
        ("t-1", "o-1", None, first if old_first else second), ("t-2", "o-2", "o-0", second if old_first else first)]


def test_observation_partitions_of_two_vintages_make_one_view(tmp_path):
    con = duckdb.connect()
    _write(con, tmp_path / "observations" / "province=a", "SELECT 'o-1' AS observation_id, 5.0 AS value")
    _write(con, tmp_path / "observations" / "province=b",
           "SELECT 'o-2' AS observation_id, 7.0 AS value, 'x' AS figure_type")
    observations_view(con, tmp_path, ["a", "b"])
    assert con.execute("SELECT * FROM observations ORDER BY observation_id").fetchall() == [
        ("o-1", 5.0, None), ("o-2", 7.0, "x")]
