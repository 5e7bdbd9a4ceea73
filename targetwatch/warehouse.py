"""The DuckDB warehouse: table writes in the build area, the run log, and atomic publication.

A run builds everything under out/.build/ and only `publish` touches what leaders and auditors
see (out/warehouse.duckdb, out/dashboards/, out/quality/). A run that fails before publishing
leaves the previous outputs exactly as they were.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd

WAREHOUSE_FILE = "warehouse.duckdb"
SITE_DIRS = ("dashboards", "quality")

RUNS_DDL = """
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    as_of DATE,
    outcome VARCHAR,          -- success | failed
    trigger VARCHAR,          -- cli | dagster
    code_version VARCHAR,
    input_hashes VARCHAR,     -- JSON: {file: sha256} of every report, the catalogue and the policies
    message VARCHAR
)
"""


@contextlib.contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open briefly and close: DuckDB allows one writer process per file (the Dagster UI may be another)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        yield con
    finally:
        con.close()


def write_tables(path: Path, tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Replace each table in one transaction; return the row counts written."""
    counts = {}
    with connect(path) as con:
        con.execute("BEGIN")
        for name, df in tables.items():
            con.register("_frame", df)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _frame')
            con.unregister("_frame")
            counts[name] = len(df)
        con.execute("COMMIT")
    return counts


def read_table(path: Path, name: str) -> pd.DataFrame:
    with connect(path) as con:
        return con.execute(f'SELECT * FROM "{name}"').df()


def record_run(path: Path, row: dict) -> None:
    with connect(path) as con:
        con.execute(RUNS_DDL)
        con.execute("DELETE FROM runs WHERE run_id = ?", [row["run_id"]])
        cols = [
            "run_id",
            "started_at",
            "finished_at",
            "as_of",
            "outcome",
            "trigger",
            "code_version",
            "input_hashes",
            "message",
        ]
        con.execute(
            f"INSERT INTO runs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [row.get(c) for c in cols]
        )


def publish(build_dir: Path, out_dir: Path) -> list[Path]:
    """Swap the built warehouse and sites into place; each swap is a rename, so readers never see half a file."""
    published = []
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S%f")
    src = build_dir / WAREHOUSE_FILE
    tmp = out_dir / f".{WAREHOUSE_FILE}.{stamp}.tmp"
    shutil.copy2(src, tmp)
    os.replace(tmp, out_dir / WAREHOUSE_FILE)
    published.append(out_dir / WAREHOUSE_FILE)
    for name in SITE_DIRS:
        built = build_dir / "site" / name
        if not built.exists():
            continue
        staged = out_dir / f".{name}.{stamp}.new"
        shutil.copytree(built, staged)
        target = out_dir / name
        old = out_dir / f".{name}.{stamp}.old"
        if target.exists():
            os.replace(target, old)
        os.replace(staged, target)
        shutil.rmtree(old, ignore_errors=True)
        published.append(target)
    return published
