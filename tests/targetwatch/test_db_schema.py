"""targetwatch.db_schema: the tables and columns a connection has, on a warehouse made by hand."""

from __future__ import annotations

import duckdb

from targetwatch.db_schema import columns_by_table, columns_of, table_names


def test_tables_and_columns_of_a_small_warehouse():
    with duckdb.connect() as con:
        con.execute("CREATE TABLE observations (observation_id VARCHAR, value DOUBLE)")
        con.execute("CREATE TABLE runs (run_id VARCHAR)")
        con.execute("CREATE VIEW latest AS SELECT value FROM observations")
        assert table_names(con) == {"observations", "runs", "latest"}
        assert columns_of(con, "observations") == {"observation_id", "value"}
        assert columns_of(con, "assessment_years") == set()  # a table an earlier version did not write
        assert columns_by_table(con) == {"observations": {"observation_id", "value"}, "runs": {"run_id"},
                                         "latest": {"value"}}
        con.execute("ALTER TABLE runs ADD COLUMN finished_at TIMESTAMP")
        assert columns_of(con, "runs") == {"run_id", "finished_at"}
