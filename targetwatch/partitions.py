"""Province partitions (issue 16 item 7): the warehouse's observations as Parquet files per province in a folder
that stands in for object storage, and each province's targets judged from them by DuckDB.

Layout (hive partitioning, as DuckDB, Spark or an object store's query engine read it):

    <store>/observations/province=<key>/data.parquet
    <store>/assessments/province=<key>/data.parquet
    <store>/assessment_years/province=<key>/data.parquet

A partition key is a province's jurisdiction code; the national level (a jurisdiction without a parent, or whose
children are the provinces) is its own partition. A target's verdict reads only its own series, its reference
jurisdiction's series and its proxy series (same jurisdiction), so a province's partition plus the partitions of
its targets' reference jurisdictions (the national one) give the same verdicts as the whole warehouse:
tests/pipelines/test_partitions.py checks it. The rules are `assessment.assess_warehouse`, unchanged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from targetwatch.assessment import assess_warehouse
from targetwatch.sql_text import sql_list, sql_text

NATIONAL_LEVEL = "national"
OUTPUTS = ("assessments", "assessment_years")


def province_keys(con: duckdb.DuckDBPyConnection, jurisdictions: str = "jurisdictions") -> dict[str, str]:
    """Each jurisdiction's partition key: the ancestor (or itself) right below the national level, or with no
    parent; the national level is its own key."""
    rows = con.execute(f"SELECT code, parent, level FROM {jurisdictions}").fetchall()
    parent = {code: p for code, p, _ in rows}
    level = {code: lvl for code, _, lvl in rows}

    def key(code: str) -> str:
        seen = set()
        while parent.get(code) is not None and level.get(parent[code]) != NATIONAL_LEVEL and code not in seen:
            seen.add(code)
            code = parent[code]
        return code

    return {code: key(code) for code in parent}


def _folder(store: Path, table: str, key: str) -> Path:
    return store / table / f"province={key}"


def export_observations(warehouse: Path, store: Path, key: str) -> int:
    """Write the observations of partition `key`'s jurisdictions from the (published) warehouse, opened read-only,
    to `<store>/observations/province=<key>/data.parquet`; return the row count."""
    folder = _folder(store, "observations", key)
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {sql_text(warehouse)} AS wh (READ_ONLY)")
        members = [j for j, k in province_keys(con, "wh.jurisdictions").items() if k == key]
        con.execute(f"COPY (SELECT * FROM wh.observations WHERE jurisdiction IN (SELECT unnest($members))) "
                    f"TO {sql_text(folder / 'data.parquet')} (FORMAT parquet, COMPRESSION zstd)",
                    {"members": members})
        written = sql_text(folder / "data.parquet")
        return con.execute(f"SELECT count(*) FROM read_parquet({written})").fetchall()[0][0]
    finally:
        con.close()


def observations_view(con: duckdb.DuckDBPyConnection, store: Path, keys: list[str], name: str = "observations") -> None:
    """A view `name` of the observations of the partitions `keys`, read by DuckDB from the hive-partitioned files."""
    pattern = sql_text(store / "observations" / "*" / "*.parquet")
    listed = sql_list(keys) or "NULL"
    con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * EXCLUDE (province) FROM read_parquet({pattern}, "
                f"hive_partitioning = true, hive_types = {{'province': VARCHAR}}, union_by_name = true) "
                f"WHERE province IN ({listed})")


def assess_province(warehouse: Path, store: Path, key: str, as_of: dt.date) -> dict[str, int]:
    """Judge partition `key`'s targets (from the warehouse's `targets`, read-only) against the observations in the
    Parquet partitions they read, and write both outputs as that partition's Parquet files; return row counts."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {sql_text(warehouse)} AS wh (READ_ONLY)")
        keys = province_keys(con, "wh.jurisdictions")
        members = [j for j, k in keys.items() if k == key]
        con.execute("CREATE TABLE targets AS SELECT * FROM wh.targets WHERE jurisdiction IN (SELECT unnest($m))",
                    {"m": members})
        con.execute("CREATE TABLE indicators AS SELECT * FROM wh.indicators")
        references = [r for (r,) in con.execute("SELECT DISTINCT reference_jurisdiction FROM targets "
                                                "WHERE reference_jurisdiction IS NOT NULL").fetchall()]
        needed = sorted({key} | {keys[r] for r in references if r in keys})
        con.execute("DETACH wh")
        observations_view(con, store, needed)
        counts = assess_warehouse(con, as_of)
        for table in OUTPUTS:
            folder = _folder(store, table, key)
            folder.mkdir(parents=True, exist_ok=True)
            con.execute(f"COPY {table} TO {sql_text(folder / 'data.parquet')} (FORMAT parquet, COMPRESSION zstd)")
        return counts | {"partitions_read": len(needed)}
    finally:
        con.close()


def read_partitions(con: duckdb.DuckDBPyConnection, store: Path, table: str) -> duckdb.DuckDBPyRelation:
    """Every partition of `table` in the store, as DuckDB reads a hive-partitioned folder (column `province`).
    Partitions are written one at a time, so a store can hold some written before a column was added (the
    assessment's previous_observation_id, session 16) and some after: they are read by column name, a partition
    without a column reading NULL there (DuckDB's default takes the first file's columns, and then drops a later
    file's extra column or refuses a file that lacks one, depending on which comes first)."""
    pattern = sql_text(store / table / "*" / "*.parquet")
    return con.sql(f"SELECT * FROM read_parquet({pattern}, hive_partitioning = true, "
                   "hive_types = {'province': VARCHAR}, union_by_name = true)")
