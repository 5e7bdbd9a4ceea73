"""Check results in the warehouse, and what they say about each report file.

Three tables, replaced suite by suite on each run (targetwatch.quality.suites describes the columns):

    check_results      one row per expectation per suite
    check_failures     one row per failing row per expectation (observation id and source file, as GE named it)
    check_validations  one row per suite: GE's validation result JSON, rendered offline by the auditors' report

`file_check_results` and `file_check_counts` say which checks each report file passed, warned on or failed:
set-based joins of the expectations with their failing rows, no loop over rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from targetwatch.db_schema import columns_of, table_names
from targetwatch.quality.suites import (
    CHECK_FAILURE_COLUMNS,
    CHECK_RESULT_COLUMNS,
    CHECK_VALIDATION_COLUMNS,
    SuiteOutcome,
)
from targetwatch.warehouse import connect

# Column types of the three tables; their column order is the suites' (CHECK_*_COLUMNS).
COLUMN_TYPES: dict[str, str] = {
    "check_name": "VARCHAR", "suite": "VARCHAR", "severity": "VARCHAR", "expectation": "VARCHAR",
    "column_name": "VARCHAR", "success": "BOOLEAN", "element_count": "BIGINT", "unexpected_count": "BIGINT",
    "unexpected_percent": "DOUBLE", "unexpected_sample": "VARCHAR", "observed_value": "VARCHAR",
    "description": "VARCHAR", "checked_at": "TIMESTAMP", "expectation_id": "VARCHAR", "scope": "VARCHAR",
    "kwargs": "VARCHAR", "observation_id": "VARCHAR", "source_file": "VARCHAR", "unexpected_value": "VARCHAR",
    "evaluated": "BIGINT", "successful": "BIGINT", "unsuccessful": "BIGINT", "ge_version": "VARCHAR",
    "validation_json": "VARCHAR",
}
TABLES: dict[str, tuple[str, ...]] = {
    "check_results": CHECK_RESULT_COLUMNS,
    "check_failures": CHECK_FAILURE_COLUMNS,
    "check_validations": CHECK_VALIDATION_COLUMNS,
}


def ddl(name: str) -> str:
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({", ".join(f"{c} {COLUMN_TYPES[c]}" for c in TABLES[name])})'


RESULTS = ("passed", "warned", "failed")  # a check's result for one file, in the report's column order


def validation_row(outcome: SuiteOutcome) -> pd.DataFrame:
    """The suite's `check_validations` row: GE's statistics and its validation result JSON."""
    doc = outcome.validation
    stats = doc.get("statistics", {})
    checked_at = outcome.results["checked_at"].iloc[0] if len(outcome.results) else pd.NaT
    return pd.DataFrame([{
        "check_name": outcome.name, "suite": doc.get("suite_name", outcome.name), "severity": outcome.severity,
        "success": outcome.success, "evaluated": stats.get("evaluated_expectations"),
        "successful": stats.get("successful_expectations"), "unsuccessful": stats.get("unsuccessful_expectations"),
        "ge_version": doc.get("meta", {}).get("great_expectations_version"),
        "validation_json": json.dumps(doc, ensure_ascii=False, default=str, sort_keys=True),
        "checked_at": checked_at,
    }], columns=list(CHECK_VALIDATION_COLUMNS))


def _ensure(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Create the table, and add the columns a build area made by an earlier version lacks."""
    con.execute(ddl(name))
    have = columns_of(con, name)
    for col in TABLES[name]:
        if col not in have:
            con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{col}" {COLUMN_TYPES[col]}')


def store_check_results(warehouse: Path, outcome: SuiteOutcome) -> None:
    """Replace this suite's rows in the three tables, keep the other suites' rows (each check runs on its own)."""
    frames = {"check_results": outcome.results, "check_failures": outcome.failures,
              "check_validations": validation_row(outcome)}
    with connect(warehouse) as con:
        con.execute("BEGIN")
        for name, frame in frames.items():
            _ensure(con, name)
            columns = TABLES[name]
            con.execute(f'DELETE FROM "{name}" WHERE check_name = ?', [outcome.name])
            frame = frame.reindex(columns=list(columns))
            if len(frame):
                con.register("_rows", frame)
                con.execute(f'INSERT INTO "{name}" ({", ".join(columns)}) SELECT {", ".join(columns)} FROM _rows')
                con.unregister("_rows")
        con.execute("COMMIT")


def read_check_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The three tables (empty frames for those a warehouse lacks; missing columns read as null)."""
    present = table_names(con)
    out = {}
    for name, columns in TABLES.items():
        df = con.execute(f'SELECT * FROM "{name}"').df() if name in present else pd.DataFrame()
        out[name] = df.reindex(columns=list(dict.fromkeys([*columns, *df.columns])))
    return out


def file_check_results(report_files: pd.DataFrame, check_results: pd.DataFrame,
                       check_failures: pd.DataFrame) -> pd.DataFrame:
    """One row per report file with accepted rows and per row-level expectation: how many of the file's rows
    failed it (`n_failing`) and the file's `result`: `passed` (none), else `failed` (severity error) or
    `warned` (severity warning).

    Expectations on the whole table (scope `table`, e.g. "every target's indicator has a figure") belong to
    no file and are left out; so are files without accepted rows (nothing was checked).
    """
    exp = check_results.loc[check_results["scope"] == "rows",
                            ["check_name", "expectation_id", "severity", "expectation", "column_name"]]
    exp = exp.drop_duplicates("expectation_id")
    accepted = pd.to_numeric(report_files["rows_accepted"], errors="coerce").fillna(0)
    files = report_files.loc[accepted > 0, ["source_file"]].drop_duplicates()
    grid = files.merge(exp, how="cross")
    failing = (check_failures.dropna(subset=["source_file"])
               .groupby(["source_file", "expectation_id"]).size().rename("n_failing").reset_index())
    grid = grid.merge(failing, on=["source_file", "expectation_id"], how="left")
    grid["n_failing"] = grid["n_failing"].fillna(0).astype("int64")
    grid["result"] = np.select([grid["n_failing"] == 0, grid["severity"] == "error"], ["passed", "failed"],
                               default="warned")
    return grid.sort_values(["source_file", "expectation_id"], ignore_index=True)


def file_check_counts(report_files: pd.DataFrame, check_results: pd.DataFrame,
                      check_failures: pd.DataFrame) -> pd.DataFrame:
    """Per report file: `checks_passed`, `checks_warned`, `checks_failed` (row-level expectations, see
    `file_check_results`) and `rows_flagged` (its observations failing at least one check).

    Every file of `report_files` gets a row, in its order; a file without accepted rows has null counts.
    """
    grid = file_check_results(report_files, check_results, check_failures)
    counts = (pd.crosstab(grid["source_file"], grid["result"]).reindex(columns=list(RESULTS), fill_value=0)
              .add_prefix("checks_").reset_index())
    flagged = (check_failures.dropna(subset=["source_file"]).groupby("source_file")["observation_id"]
               .nunique().rename("rows_flagged").reset_index())
    out = report_files[["source_file"]].merge(counts, on="source_file", how="left")
    out = out.merge(flagged, on="source_file", how="left")
    checked = out["source_file"].isin(grid["source_file"])
    out["rows_flagged"] = out["rows_flagged"].fillna(0).where(checked)
    columns = [f"checks_{r}" for r in RESULTS] + ["rows_flagged"]
    out[columns] = out[columns].astype("Int64")
    return out


def failure_summary(results: pd.DataFrame, failures: pd.DataFrame, most_files: int = 5) -> str:
    """One line for an operator: which expectations failed and in which report files, with row counts.

    A failed blocking check stops publication; the message must say where to look without opening the warehouse.
    """
    failed = results.loc[~results["success"].astype(bool), "description"].fillna("").tolist()
    text = f"{len(failed)} expectation(s) failed ({'; '.join(failed)})"
    if len(failures):
        per_file = failures.groupby("source_file", dropna=False)["observation_id"].nunique()
        per_file = per_file.sort_values(ascending=False, kind="stable")
        shown = [f"{name} ({n} row{'s' if n != 1 else ''})" for name, n in per_file.head(most_files).items()]
        more = f" and {len(per_file) - most_files} more file(s)" if len(per_file) > most_files else ""
        text += f" in {', '.join(shown)}{more}; every failing row is in check_failures and the quality report"
    return text
