"""Warehouse query results as pandas frames, read through Arrow: the one reader for every edge where a library needs
a frame (the sites' tables, the Great Expectations suites' frames, the lineage figures).

Its own module rather than a function of targetwatch.warehouse: the quality suites read their frames with it, and
the warehouse module imports the quality holds, which import the suites (an import circle).
"""

from __future__ import annotations

import pandas as pd


def arrow_frame(con, sql: str, params: dict | None = None) -> pd.DataFrame:
    """The result of `sql` as pandas reads it from DuckDB (`.df()`: the same values and dtypes), but through Arrow:
    each distinct text of a column becomes one Python string shared by its rows (pyarrow's `deduplicate_objects`),
    where `.df()` makes a string per row. At national scale that halves the figures' resident size (1,083 ->
    542 MB); GE's frame copies, null checks and hashing go through shared strings faster (the validity suite on
    498,835 rows: 5.4 -> 4.0 CPU s).

    DuckDB's own conversion gives a DATE as datetime64 and an integer or boolean column holding NULLs as a nullable
    pandas dtype; those columns are converted so here too."""
    import pyarrow as pa

    table = con.sql(sql, params=params).arrow().read_all()
    table = table.cast(pa.schema([pa.field(f.name, pa.timestamp("us")) if pa.types.is_date(f.type) else f
                                  for f in table.schema]))
    frame = table.to_pandas()
    for f in table.schema:
        column = table.column(f.name)
        if column.null_count and (pa.types.is_integer(f.type) or pa.types.is_boolean(f.type)):
            nullable = pd.BooleanDtype() if pa.types.is_boolean(f.type) else \
                pd.api.types.pandas_dtype(str(f.type).replace("int", "Int").replace("uInt", "UInt"))
            frame[f.name] = pd.array(column.to_pylist(), dtype=nullable)
    return frame
