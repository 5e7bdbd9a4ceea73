"""The reports step alone: `ingest_folder` on a prepared SYNTHETIC workload, as the `reports` asset calls it.

    uv run python -m benchmarks.reports_step WORKDIR OUT            # cold: fresh archive, parse cache and warehouse
    uv run python -m benchmarks.reports_step WORKDIR OUT --warm     # the parse cache OUT kept from an earlier run
    uv run python -m benchmarks.reports_step WORKDIR OUT --dump D   # and the three tables as pickles in D (to compare)

WORKDIR is a workload `benchmarks.run` prepared (reports/, project/targets.yaml, SYNTHETIC-workload.json; use a copy).
The catalogue's places and indicators are parsed once into OUT/ref (not timed), as the catalogue step leaves them;
the clock covers `ingest_folder` only. Prints one JSON line: wall and CPU seconds of the step (this process's
getrusage, DuckDB's threads included), how each file was read (parsed or cached), the 1-minute load before and
after, and the process's peak resident size. For a speed claim run old and new code A B B A (docs/scaling.md §0).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import resource
import shutil
import time
from pathlib import Path


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--warm", action="store_true", help="keep OUT's parse cache (the archive and tables are new)")
    parser.add_argument("--dump", type=Path, help="write observations, rejected_rows, report_files here (pickles)")
    args = parser.parse_args()

    from targetwatch.limits import from_env
    from targetwatch.reports.ingest import ingest_folder
    from targetwatch.warehouse import REFERENCE_FILE, save_catalogue, saved_catalogue

    ref = args.out / "ref"
    if not (ref / REFERENCE_FILE).exists():
        from targetwatch.catalogue import load_catalogue

        save_catalogue(ref, load_catalogue(args.workdir / "project" / "targets.yaml"))
    catalogue = saved_catalogue(ref, targets=False)
    for stale in ("archive", "w.duckdb", *(() if args.warm else ("cache",))):
        path = args.out / stale
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    as_of = dt.date.fromisoformat(json.loads((args.workdir / "SYNTHETIC-workload.json").read_text())["as_of"])
    load_before = os.getloadavg()[0]
    c0, t0 = _cpu(), time.perf_counter()
    result = ingest_folder(args.workdir / "reports", catalogue, as_of=as_of, archive_dir=args.out / "archive",
                           cache_dir=args.out / "cache", warehouse=args.out / "w.duckdb", limits=from_env())
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    hwm = next(line.split()[1] for line in Path("/proc/self/status").read_text().splitlines()
               if line.startswith("VmHWM"))
    print(json.dumps({"data": "SYNTHETIC", "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                      "read": dict(collections.Counter(result.parsed.values())),
                      "load": [load_before, os.getloadavg()[0]], "peak_rss_mb": int(hwm) // 1024}))
    if args.dump is not None:
        import duckdb

        args.dump.mkdir(parents=True, exist_ok=True)
        with duckdb.connect(str(args.out / "w.duckdb"), read_only=True) as con:
            for table in ("observations", "rejected_rows", "report_files"):
                con.execute(f"SELECT * FROM {table}").df().to_pickle(args.dump / f"{table}.pkl")


if __name__ == "__main__":
    main()
