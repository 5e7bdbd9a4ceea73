"""Check results in the warehouse: one row per expectation per suite, replaced on each run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from targetwatch.quality.suites import CHECK_RESULT_COLUMNS
from targetwatch.warehouse import connect

CHECK_RESULTS_DDL = """
CREATE TABLE IF NOT EXISTS check_results (
    check_name VARCHAR, suite VARCHAR, severity VARCHAR, expectation VARCHAR, column_name VARCHAR,
    success BOOLEAN, element_count BIGINT, unexpected_count BIGINT, unexpected_percent DOUBLE,
    unexpected_sample VARCHAR, observed_value VARCHAR, description VARCHAR, checked_at TIMESTAMP
)
"""


def store_check_results(warehouse: Path, results: pd.DataFrame) -> None:
    """Replace this suite's rows, keep the other suites' rows (each check runs on its own)."""
    with connect(warehouse) as con:
        con.execute(CHECK_RESULTS_DDL)
        names = results["check_name"].unique().tolist()
        if names:
            con.execute(f"DELETE FROM check_results WHERE check_name IN ({', '.join('?' * len(names))})", names)
        con.register("_results", results[list(CHECK_RESULT_COLUMNS)])
        con.execute(f"INSERT INTO check_results SELECT {', '.join(CHECK_RESULT_COLUMNS)} FROM _results")
        con.unregister("_results")
