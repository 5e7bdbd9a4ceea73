"""What every materialisation shows in the Dagster UI: the table's row count and a Markdown preview of its first
rows, read from the build warehouse (the data stays there: only the preview rows leave DuckDB)."""

from __future__ import annotations

import dagster as dg
import duckdb

from targetwatch.db_schema import columns_of

PREVIEW_ROWS = 10


def table_metadata(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...] = (),
                   where: str = "") -> dict:
    """`dagster/row_count` (shown by the UI), `rows` and `preview` (the first PREVIEW_ROWS rows of `columns`, or
    of every column) for one warehouse table; `where` narrows the preview only."""
    n = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    present = columns_of(con, table)
    shown = [c for c in columns if c in present]  # a column another branch renamed leaves the preview, not the run
    cols = ", ".join(f'"{c}"' for c in shown) if shown else "*"
    head = con.sql(f'SELECT {cols} FROM "{table}" {f"WHERE {where}" if where else ""} LIMIT {PREVIEW_ROWS}').df()
    return {"dagster/row_count": dg.MetadataValue.int(n), "rows": dg.MetadataValue.int(n),
            "preview": dg.MetadataValue.md(head.to_markdown(index=False) if len(head) else "(no rows)")}
