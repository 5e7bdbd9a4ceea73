"""A reports folder holding one 1,000,000-row template CSV, refreshed as a user refreshes it (issue 15 item 3,
issue 16's goal for a large template file).

    uv run python -m benchmarks.million_rows WORKDIR [--rows 1000000]

Writes WORKDIR/reports (the bundled reports plus SYNTHETIC-million.csv), then runs `targetwatch refresh` twice
under `/usr/bin/time -v`, each in its own process: once on the bundled reports alone, once on the folder with the
big file. Prints wall time and peak resident memory (the kernel's maximum resident set size of the refresh and
its children) of both, the ratio of the times, and checks that every row of the big file ended as an
observation or a quarantined row (rows_read = accepted + rejected + not yet released, and rows_read = --rows).

The big file is SYNTHETIC: half its rows are for places the catalogue does not know (quarantined as unknown
jurisdictions); the other half are figures for the catalogue's jurisdictions and indicators, years 1990-2025,
each (place, indicator, year) released in many vintages (release dates spread over the following years).
Goals: wall <= 3x the bundled refresh, peak < 1.5 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from targetwatch.catalogue import load_catalogue
from targetwatch.config import PROJECT_DIR
from targetwatch.documents import load_documents

AS_OF = "2026-11-23"
BIG_FILE = "SYNTHETIC-million.csv"
UNIT_WRITTEN = {"count": "个", "persons": "人", "households": "户", "items": "件", "yuan": "万元", "percent": "%"}


def write_big_csv(path: Path, rows: int) -> None:
    """Stream the SYNTHETIC file: row i is a known place when i is even, an unknown one when odd."""
    cat = load_catalogue(PROJECT_DIR / "targets.yaml", load_documents(PROJECT_DIR / "policies"))
    places = [j.code for j in cat.jurisdictions]
    indicators = [(i.code, i.unit) for i in cat.indicators]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("# data: synthetic\n# SYNTHETIC benchmark file: 1,000,000 rows, half of them for unknown places.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["jurisdiction", "indicator", "year", "value", "unit", "release_date", "confidence"])
        for i in range(rows):
            k = i // 2
            code, unit = indicators[k % len(indicators)]
            year = 1990 + (k // len(indicators)) % 36
            vintage = k // (len(indicators) * 36)
            place = places[vintage % len(places)] if i % 2 == 0 else f"unknown-place-{k % 5000}"
            value = f"{(k % 97) + 1}.{k % 10}" if unit in ("percent", "yuan") else str(1000 + k % 9000)
            release = f"{year + 1 + vintage // 365 % 3}-{1 + vintage % 12:02d}-{1 + vintage % 28:02d}"
            w.writerow([place, code, year, value, UNIT_WRITTEN[unit], release, "high"])


def timed_refresh(reports: Path, out: Path) -> dict:
    """`targetwatch refresh` under /usr/bin/time -v: wall seconds, peak MB, exit code."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-c", "from pipelines.cli import main; main()", "refresh",
           "--reports", str(reports), "--out", str(out), "--as-of", AS_OF]
    proc = subprocess.run(cmd, cwd=PROJECT_DIR, capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return {"exit": proc.returncode, "wall_s": round(seconds, 1), "peak_mb": round(int(peak.group(1)) / 1024),
            "tail": proc.stdout[-600:] if proc.returncode else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    work = args.workdir
    shutil.rmtree(work, ignore_errors=True)
    bundled, big = work / "bundled", work / "reports"
    shutil.copytree(PROJECT_DIR / "reports", bundled)
    shutil.copytree(PROJECT_DIR / "reports", big)
    write_big_csv(big / BIG_FILE, args.rows)
    base = timed_refresh(bundled, work / "out-bundled")
    large = timed_refresh(big, work / "out-big")
    if large["exit"] != 0:
        print(json.dumps({"rows": args.rows, "bundled": base, "big": large}, indent=1))
        raise SystemExit(1)
    with duckdb.connect(str(work / "out-big" / "warehouse.duckdb"), read_only=True) as con:
        read, accepted, rejected, hidden = con.execute(
            "SELECT rows_read, rows_accepted, rows_rejected, rows_not_yet_released FROM report_files "
            "WHERE source_file = ?", [BIG_FILE]).fetchall()[0]
    result = {
        "rows": args.rows,
        "bundled": base,
        "big": large,
        "time_ratio": round(large["wall_s"] / base["wall_s"], 2),
        "big_file": {"rows_read": read, "observations": accepted, "quarantined": rejected,
                     "not_yet_released": hidden},
        "every_row_accounted": read == args.rows == accepted + rejected + hidden,
        "goals_met": {"time <= 3x bundled": large["wall_s"] <= 3 * base["wall_s"],
                      "peak < 1.5 GB": large["peak_mb"] < 1536},
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
