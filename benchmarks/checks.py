"""The two Great Expectations checks on the SYNTHETIC national observations (2.0 M figures): time and peak RSS.

    uv run python benchmarks/checks.py prepare WORKDIR            # generate('full'): catalogue + observations table
    uv run python benchmarks/checks.py check WORKDIR --suite S    # one suite in a fresh process, as the asset runs it
    uv run python benchmarks/checks.py all WORKDIR [--scale full] [--old SUITES_PY]
                                   # prepare (if needed), both suites (and the old way, compared), one JSON

Each measurement runs in its own fresh process (benchmarks.measure.probe: wall and CPU seconds, peak RSS as VmHWM
reset just before the measured code, the 1-minute load average before it). `check` does what the asset check does
(targetwatch.quality.suites.check_warehouse on a copy of the warehouse: read, validate, store the three tables,
decide holds) and keeps the stored tables in WORKDIR for comparison. The data is SYNTHETIC (targetwatch.synthetic)
and the files say so. Only the observations table is built (no report files, no ingestion).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from benchmarks.measure import probe
from targetwatch import synthetic

CATALOGUE = "SYNTHETIC-checks-catalogue.json"
WAREHOUSE = "SYNTHETIC-checks-warehouse.duckdb"
META = "SYNTHETIC-checks-workload.json"


def prepare(work: Path, scale: str) -> dict:
    """The SYNTHETIC catalogue (JSON) and a DuckDB file holding only `observations`, as ingestion leaves it."""
    out: dict = {}
    rec: dict = {}
    with probe(rec):
        w = synthetic.generate(scale)
    out["generate"] = rec
    parquet = work / "SYNTHETIC-checks-observations.parquet"
    w.write_catalogue(work / CATALOGUE)
    w.write_observations(parquet)
    with duckdb.connect(str(work / WAREHOUSE)) as con:
        con.execute(f"CREATE OR REPLACE TABLE observations AS SELECT * FROM read_parquet('{parquet}')")
        con.execute("CREATE OR REPLACE TABLE report_files AS SELECT source_file, count(*) AS rows_read, "
                    "count(*) AS rows_accepted, 0::BIGINT AS rows_rejected, NULL::VARCHAR AS warning "
                    "FROM observations GROUP BY 1")
        con.execute("CREATE OR REPLACE TABLE rejected_rows (source_file VARCHAR, sha256 VARCHAR, sheet VARCHAR, "
                    "row_number BIGINT, location VARCHAR, raw_content VARCHAR, reason VARCHAR)")
    parquet.unlink()
    meta = {"data": "synthetic", **synthetic.describe(w)}
    (work / META).write_text(json.dumps(meta, default=int, indent=1))
    out["counts"] = {k: meta[k] for k in ("scale", "observations", "targets", "report_files", "as_of")}
    return out


def _old_check(suites_file: Path):
    """The check as an earlier commit ran it: every SUITE_COLUMNS column into pandas, then that commit's run_suite
    (`suites_file`: its targetwatch/quality/suites.py, e.g. `git show 2c92633:targetwatch/quality/suites.py`)."""
    import importlib.util

    from targetwatch.quality.results import store_check_results
    from targetwatch.warehouse import connect, read_table

    spec = importlib.util.spec_from_file_location("old_suites", suites_file)
    old = importlib.util.module_from_spec(spec)
    sys.modules["old_suites"] = old  # dataclasses look their module up there
    spec.loader.exec_module(old)

    def run(db: Path, suite: str, cat, as_of):
        with connect(db) as con:
            observations = read_table(con, "observations", old.SUITE_COLUMNS)
        outcome = old.run_suite(suite, observations, cat, as_of)
        store_check_results(db, outcome)
        return outcome

    return run


def check(work: Path, suite: str, old: Path | None = None) -> dict:
    """One suite as the asset check runs it, on a private copy of the warehouse; the copy is kept for comparison.
    With `old`, as an earlier commit ran it (`_old_check`)."""
    import great_expectations  # noqa: F401  (imported before the probe: both ways pay it once per process)

    from targetwatch.quality.checks import check_warehouse

    run = _old_check(old) if old else check_warehouse
    meta = json.loads((work / META).read_text())
    cat = synthetic.load_catalogue_json(work / CATALOGUE)
    db = work / f"SYNTHETIC-checks-{suite}{'-old' if old else ''}.duckdb"
    shutil.copyfile(work / WAREHOUSE, db)
    rec: dict = {"impl": f"old ({old})" if old else "new"}
    with probe(rec):
        outcome = run(db, suite, cat, dt.date.fromisoformat(meta["as_of"]))
    rec["expectations"] = len(outcome.results)
    rec["failed_expectations"] = int((~outcome.results["success"].astype(bool)).sum())
    rec["failing_rows"] = len(outcome.failures)
    rec["observations"] = meta["observations"]
    return rec


def compare(work: Path) -> dict:
    """Whether each suite's stored tables are equal between the new and the old way (after `check` both ways):
    check_results (all but checked_at), check_failures (every row, in order) and the validation statistics."""
    from targetwatch.quality.results import TABLES

    out = {}
    for suite in ("observations_valid", "observations_plausible"):
        frames = {}
        for impl in ("", "-old"):
            with duckdb.connect(str(work / f"SYNTHETIC-checks-{suite}{impl}.duckdb"), read_only=True) as con:
                frames[impl] = {t: con.execute(f"SELECT * EXCLUDE (checked_at) FROM {t}").df() if t != "check_failures"
                                else con.execute(f"SELECT * FROM {t}").df() for t in TABLES}
        new, old = frames[""], frames["-old"]
        stats = ["check_name", "suite", "severity", "success", "evaluated", "successful", "unsuccessful"]
        out[suite] = {
            "check_results_equal": new["check_results"].equals(old["check_results"]),
            "check_failures_equal": new["check_failures"].equals(old["check_failures"]),
            "failing_rows": len(new["check_failures"]),
            "validation_statistics_equal": new["check_validations"][stats].equals(old["check_validations"][stats]),
        }
    return out


def _child(*args: str) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.checks", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("step", choices=["prepare", "check", "compare", "all"])
    p.add_argument("workdir", type=Path)
    p.add_argument("--scale", default="full")
    p.add_argument("--suite", default="observations_valid")
    p.add_argument("--old", type=Path, help="an earlier commit's targetwatch/quality/suites.py, to measure that way")
    args = p.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.step == "prepare":
        result = prepare(args.workdir, args.scale)
    elif args.step == "check":
        result = check(args.workdir, args.suite, args.old)
    elif args.step == "compare":
        result = compare(args.workdir)
    else:
        result = {"data": "SYNTHETIC (targetwatch.synthetic): not real figures", "uptime_before": os.getloadavg()}
        if not (args.workdir / WAREHOUSE).exists():
            result["prepare"] = _child("prepare", str(args.workdir), "--scale", args.scale)
        for suite in ("observations_valid", "observations_plausible"):
            result[suite] = _child("check", str(args.workdir), "--suite", suite)
            if args.old:
                result[f"{suite} (old)"] = _child("check", str(args.workdir), "--suite", suite, "--old", str(args.old))
        if args.old:
            result["equal"] = compare(args.workdir)
        result["uptime_after"] = os.getloadavg()
    sys.stdout.write("\n" + json.dumps(result, default=str) + "\n")


if __name__ == "__main__":
    main()
