"""A reports folder holding one 1,000,000-row template CSV, refreshed as a user refreshes it (issue 15 item 3,
issue 16's goal for a large template file).

    uv run python -m benchmarks.million_rows WORKDIR [--rows 1000000] [--keep-csv] [--json]

Writes WORKDIR/reports (the bundled reports plus SYNTHETIC-million.csv), then runs `targetwatch refresh` twice
under `/usr/bin/time -v`, each in its own process: once on the bundled reports alone, once on the folder with the
big file, in the same run so the machine's load is the same. For each it prints wall time, CPU time (user +
system), peak resident memory (the kernel's maximum resident set size of the refresh and its children), the load
average before and after, and a per-step breakdown taken from Dagster's event stream inside the refresh process:
each step's wall and CPU seconds, the resident memory at its end and its own peak (VmHWM, reset at each step's
start through /proc/self/clear_refs). Resetting VmHWM also resets the high-water mark the kernel reports at exit
(`/usr/bin/time`'s maximum resident set size then covers only the time since the last reset), so the child keeps
the highest VmHWM it read before each reset (benchmarks/peak.py) and the run's peak is the larger of that and the
kernel's figure. Then the ratio of the wall times and the row accounting of the big file:
every row must end as an observation, a quarantined row with a reason, or a row not yet released at the as-of
date (rows_read = accepted + rejected + not yet released = --rows), with the quarantine reasons counted.

The big file is SYNTHETIC: half its rows are for places the catalogue does not know (quarantined as unknown
jurisdictions); the other half are figures for the catalogue's jurisdictions and indicators, years 1990-2025,
each (place, indicator, year) released in many vintages (release dates spread over the following years).
Goals: wall <= 3x the bundled refresh, peak < 1.5 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.peak import process_peak_kb, reset_step_peak, status_kb

AS_OF = "2026-11-23"
BIG_FILE = "SYNTHETIC-million.csv"
UNIT_WRITTEN = {"count": "个", "persons": "人", "households": "户", "items": "件", "yuan": "万元", "percent": "%"}
PEAK_GOAL_MB = 1536
RATIO_GOAL = 3.0


def write_big_csv(path: Path, rows: int) -> None:
    """Stream the SYNTHETIC file: row i is a known place when i is even, an unknown one when odd."""
    from targetwatch.catalogue import load_catalogue
    from targetwatch.config import PROJECT_DIR
    from targetwatch.documents import load_documents

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


# --- the child: `targetwatch refresh` in this process, with a mark at every step's start and end ---------------


def child(steps_file: Path, argv: list[str]) -> None:
    """Run the CLI's refresh here; write one mark per step (wall, CPU, RSS at its end, its own peak) as JSON."""
    t0 = time.monotonic()

    def cpu() -> float:
        u = resource.getrusage(resource.RUSAGE_SELF)
        return u.ru_utime + u.ru_stime

    from pipelines import loggers

    open_steps: dict[str, tuple[float, float]] = {}
    marks: list[dict] = []
    imported = {"wall_s": round(time.monotonic() - t0, 2), "cpu_s": round(cpu(), 2)}

    def listen(record) -> None:
        event = (getattr(record, "dagster_meta", None) or {}).get("dagster_event")
        if event is None or not event.step_key:
            return
        kind = event.event_type_value
        if kind == "STEP_START":
            reset_step_peak()
            open_steps[event.step_key] = (time.monotonic(), cpu())
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in open_steps:
            w0, c0 = open_steps.pop(event.step_key)
            marks.append({"step": event.step_key, "ok": kind == "STEP_SUCCESS",
                          "wall_s": round(time.monotonic() - w0, 2), "cpu_s": round(cpu() - c0, 2),
                          "rss_end_mb": round(status_kb("VmRSS") / 1024), "peak_mb": round(status_kb("VmHWM") / 1024)})

    loggers.listeners.append(listen)
    from pipelines.cli import main as cli_main

    code = 0
    try:
        cli_main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        process_peak_mb = round(process_peak_kb() / 1024)
        steps_file.write_text(json.dumps({"startup": imported, "steps": marks, "process_peak_mb": process_peak_mb,
                                          "total_wall_s": round(time.monotonic() - t0, 2)}))
    raise SystemExit(code)


# --- the parent ------------------------------------------------------------------------------------------------


def timed_refresh(reports: Path, out: Path, steps_file: Path) -> dict:
    """`targetwatch refresh` under /usr/bin/time -v: wall and CPU seconds, peak MB, load, exit code, steps."""
    from targetwatch.config import PROJECT_DIR

    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "benchmarks.million_rows", "--child", str(steps_file),
           "--", "refresh", "--reports", str(reports), "--out", str(out), "--as-of", AS_OF]
    steps_file.unlink(missing_ok=True)  # never an earlier run's steps
    load_before = os.getloadavg()[0]
    proc = subprocess.run(cmd, cwd=PROJECT_DIR, capture_output=True, text=True)
    load_after = os.getloadavg()[0]
    err = proc.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", err).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", err).group(1))
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    steps = json.loads(steps_file.read_text()) if steps_file.exists() else {}
    kernel_peak_mb = round(int(peak.group(1)) / 1024)
    return {"exit": proc.returncode, "wall_s": round(seconds, 1), "cpu_s": round(user + system, 1),
            "peak_mb": max(kernel_peak_mb, steps.get("process_peak_mb", 0)), "kernel_peak_mb": kernel_peak_mb,
            "load_1min": [round(load_before, 2), round(load_after, 2)],
            "steps": steps, "tail": (proc.stdout[-800:] + err[-1500:]) if proc.returncode else ""}


def row_accounting(warehouse: Path) -> dict:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        read, accepted, rejected, hidden = con.execute(
            "SELECT rows_read, rows_accepted, rows_rejected, rows_not_yet_released FROM report_files "
            "WHERE source_file = ?", [BIG_FILE]).fetchall()[0]
        observations = con.execute("SELECT count(*) FROM observations WHERE source_file = ?", [BIG_FILE]).fetchall()
        reasons = con.execute(
            "SELECT regexp_replace(reason, '[0-9][0-9.,]*', 'N', 'g') AS reason, count(*) FROM rejected_rows "
            "WHERE source_file = ? GROUP BY ALL ORDER BY 2 DESC LIMIT 8", [BIG_FILE]).fetchall()
        quarantined = con.execute("SELECT count(*), count(*) FILTER (WHERE coalesce(reason, '') = '') "
                                  "FROM rejected_rows WHERE source_file = ?", [BIG_FILE]).fetchall()[0]
    return {"rows_read": read, "observations": accepted, "observations_in_table": observations[0][0],
            "quarantined": rejected, "quarantined_in_table": quarantined[0], "quarantined_without_reason":
            quarantined[1], "not_yet_released": hidden, "reasons": {r: n for r, n in reasons}}


def _print_run(name: str, r: dict) -> None:
    print(f"\n{name}: exit {r['exit']}, wall {r['wall_s']} s, CPU {r['cpu_s']} s, peak {r['peak_mb']} MB "
          f"(kernel's maximum resident set size {r['kernel_peak_mb']} MB, lowered by the steps' resets), "
          f"load {r['load_1min'][0]} -> {r['load_1min'][1]}")
    steps = r.get("steps") or {}
    if steps:
        s = steps["startup"]
        print(f"  {'imports (before the CLI starts)':<44} {s['wall_s']:>7} s wall {s['cpu_s']:>7} s CPU")
        for m in steps["steps"]:
            print(f"  {m['step']:<44} {m['wall_s']:>7} s wall {m['cpu_s']:>7} s CPU  "
                  f"peak {m['peak_mb']:>5} MB  RSS after {m['rss_end_mb']:>5} MB")
        in_steps = sum(m["wall_s"] for m in steps["steps"])
        print(f"  {'(outside steps: instance, summary, exit)':<44} "
              f"{round(steps['total_wall_s'] - in_steps - s['wall_s'], 2):>7} s wall")
    if r["tail"]:
        print(r["tail"])


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), sys.argv[sys.argv.index("--") + 1:])
        return
    from targetwatch.config import PROJECT_DIR

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep-csv", action="store_true", help="reuse WORKDIR's big CSV if it has --rows rows")
    parser.add_argument("--json", action="store_true", help="print the result as JSON only")
    args = parser.parse_args()
    work = args.workdir.resolve()
    bundled, big = work / "bundled", work / "reports"
    stamp = work / f"rows-{args.rows}"
    kept = args.keep_csv and stamp.exists() and (big / BIG_FILE).exists()
    for d in (bundled, work / "out-bundled", work / "out-big") + (() if kept else (big,)):
        shutil.rmtree(d, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    shutil.copytree(PROJECT_DIR / "reports", bundled)
    if not kept:
        shutil.copytree(PROJECT_DIR / "reports", big)
        write_big_csv(big / BIG_FILE, args.rows)
        stamp.touch()
    base = timed_refresh(bundled, work / "out-bundled", work / "steps-bundled.json")
    large = timed_refresh(big, work / "out-big", work / "steps-big.json")
    result = {"rows": args.rows, "bundled": base, "big": large,
              "time_ratio": round(large["wall_s"] / base["wall_s"], 2)}
    if large["exit"] == 0:
        acc = row_accounting(work / "out-big" / "warehouse.duckdb")
        result["big_file"] = acc
        result["every_row_accounted"] = (acc["rows_read"] == args.rows
                                         == acc["observations"] + acc["quarantined"] + acc["not_yet_released"]
                                         and acc["observations"] == acc["observations_in_table"]
                                         and acc["quarantined"] == acc["quarantined_in_table"]
                                         and acc["quarantined_without_reason"] == 0)
    result["goals_met"] = {f"time <= {RATIO_GOAL:g}x bundled": large["exit"] == 0 and
                           large["wall_s"] <= RATIO_GOAL * base["wall_s"],
                           f"peak < {PEAK_GOAL_MB} MB": large["exit"] == 0 and large["peak_mb"] < PEAK_GOAL_MB,
                           "every row accounted": bool(result.get("every_row_accounted"))}
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        _print_run("bundled refresh", base)
        _print_run(f"bundled + {args.rows:,}-row CSV", large)
        print(f"\nratio of wall times: {result['time_ratio']} (goal <= {RATIO_GOAL:g})")
        if "big_file" in result:
            print("row accounting:", json.dumps(result["big_file"], ensure_ascii=False))
        print("goals met:", json.dumps(result["goals_met"]))
    if large["exit"] != 0:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
