"""What a DuckDB connection's tables and columns are, from `information_schema`: one place for the queries.

Readers of the warehouse ask which tables and columns it has, so that a warehouse written by an earlier version (a
table or column it lacks) is read as it is rather than failing: the quality checks' tables, the assets' previews,
`explain`, the lineage data and the site pages. Every such question goes through these functions. As the queries
they replace, they look at every database of the connection (an attached one's and temporary tables too), by table
name alone; so the one question about a single attached database (changes.py: the previous publication's tables,
`table_catalog = 'prev'`) keeps its own query.
"""

from __future__ import annotations

import duckdb


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The names of the connection's tables and views."""
    return {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """The columns of `table` (none when there is no such table)."""
    return {column for (column,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}


def columns_by_table(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Every table's (and view's) columns, by table name, in one query."""
    out: dict[str, set[str]] = {}
    for table, column in con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall():
        out.setdefault(table, set()).add(column)
    return out
