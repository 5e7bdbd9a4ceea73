"""The whole `targetwatch refresh` on a SYNTHETIC workload, beside its two floors, in one run:
`uv run python -m benchmarks.run [--scale tiny|small|full] [--workdir DIR] [--timeout-min 40] [--max-rss-mb 8000]`.

Three measurements, each in its own process under `/usr/bin/time -v` (wall clock, maximum resident set size):

- refresh: the Dagster `refresh` job as the CLI runs it (`pipelines.run.run_refresh_job`: catalogue, ingestion, both
  Great Expectations suites, assessment, data call, dashboards, quality report, publication) on a project folder
  holding the workload's catalogue as targets.yaml and one SYNTHETIC policy document. While it runs, its peak
  resident memory (VmHWM) and the step it is in (its Dagster event log) are sampled; past `--timeout-min` or
  `--max-rss-mb` it is stopped, and the result says so and names the step it was in;
- the ingest floor: DuckDB reading the same report files into one table (the template CSVs with DuckDB's CSV
  reader, the template workbooks through python-calamine, the yearbook tables' cells as a second table);
- the assessment floor: the assessment's SQL stages alone (`benchmarks/assess_fast.py`) on the refresh's warehouse
  (the build's, when the refresh did not publish), writing both output tables (the catalogue, read from
  targets.yaml first, is not timed).

The floors' own work is timed inside their processes (`work_s`, imports and reading the catalogue JSON excluded);
the ratio the issue sets as a goal is refresh wall / (ingest floor + assessment floor). The load average is
sampled before, during (mean and maximum of the 1-minute figure) and after: this machine's two cores are shared.

Prints one JSON document and writes it to `<workdir>/whole-refresh.json` and, with `--output`, there too.
Every input is SYNTHETIC (targetwatch.synthetic): names, files and the catalogue say so.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.peak import proc_kb, tree_kb

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"refresh_over_floors_max": 3.0, "peak_rss_mb_max": 2048}
WORKLOAD_FILE = "SYNTHETIC-workload.json"  # the prepared workload's counts and as-of date (--reuse-workload)

RESULT_ENV = "BENCHMARK_RESULT"  # the file a child writes its result to (`report`), named by `timed`
CHILD_PRELUDE = f"""
import json as _json, os as _os
def report(result):
    \"\"\"This child's result, written as JSON to the file the runner names: never a line of its stdout, where
    DuckDB's progress bar (or any other output) can leave a line unfinished in front of it.\"\"\"
    path = _os.environ[{RESULT_ENV!r}]
    with open(path + ".part", "w", encoding="utf-8") as fh:
        _json.dump(result, fh, default=int)
    _os.replace(path + ".part", path)  # whole or absent, even if the child is stopped while writing
"""

PREPARE = """
import json, sys
from pathlib import Path
from benchmarks.run import prepare
report(prepare(Path(sys.argv[1]), sys.argv[2]))
"""

REFRESH = """
import json, os, sys, datetime as dt
from pathlib import Path
from targetwatch.config import Settings
work = Path(sys.argv[1])
s = Settings(project_dir=work / "project", reports_dir=work / "reports", out_dir=work / "out",
             as_of=dt.date.fromisoformat(sys.argv[2]), dagster_home=work / "dagster-home")
os.environ["DAGSTER_HOME"] = str(s.dagster_home_dir)
s.dagster_home_dir.mkdir(parents=True, exist_ok=True)
from pipelines.run import run_refresh_job
outcome = run_refresh_job(s, trigger="cli")
report({"success": outcome.success, "message": outcome.message[:2000]})
"""

INGEST_FLOOR = """
import json, sys, time
from pathlib import Path
import duckdb, pandas as pd
from python_calamine import CalamineWorkbook
work = Path(sys.argv[1])
files = sorted((work / "reports").rglob("*"))
template_csv = [str(p) for p in files if p.name.endswith(("first-release.csv", "revision.csv"))]
yearbook_csv = [str(p) for p in files if p.name.endswith("yearbook.csv")]
xlsx = [p for p in files if p.suffix == ".xlsx"]
started = time.perf_counter()
con = duckdb.connect(str(work / "floor-ingest.duckdb"))
con.execute("CREATE OR REPLACE TABLE raw_rows AS SELECT * FROM read_csv($files, comment = '#', header = true, "
            "all_varchar = true, union_by_name = true, filename = true)", {"files": template_csv})
for path in xlsx:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header, body = [str(c) for c in rows[0]], rows[1:]
    table = pd.DataFrame(body, columns=header, dtype=str).assign(filename=str(path))
    con.register("_sheet", table)
    con.execute("INSERT INTO raw_rows BY NAME SELECT * FROM _sheet")
    con.unregister("_sheet")
cells = 0
if yearbook_csv:
    con.execute("CREATE OR REPLACE TABLE yearbook_rows AS SELECT * FROM read_csv($files, comment = '#', skip = 2, "
                "header = true, all_varchar = true, union_by_name = true, filename = true, null_padding = true)",
                {"files": yearbook_csv})
    cells = con.execute("SELECT count(*) FROM yearbook_rows").fetchall()[0][0]
con.execute("CHECKPOINT")
work_s = time.perf_counter() - started
rows = con.execute("SELECT count(*) FROM raw_rows").fetchall()[0][0]
report({"work_s": round(work_s, 2), "template_rows": rows, "yearbook_rows": cells,
        "files": {"template_csv": len(template_csv), "xlsx": len(xlsx), "yearbook_csv": len(yearbook_csv)}})
"""

ASSESS_FLOOR = """
import json, shutil, sys, time, datetime as dt
from pathlib import Path
import duckdb
from benchmarks.assess_fast import assess_fast
from targetwatch.catalogue import load_catalogue
work = Path(sys.argv[1])
published = work / "out" / "warehouse.duckdb"
build = work / "out" / ".build"
shutil.copyfile(published if published.exists() else build / "warehouse.duckdb", work / "floor-assess.duckdb")
catalogue = load_catalogue(work / "project" / "targets.yaml")  # not timed: the floor is the SQL stages
con = duckdb.connect(str(work / "floor-assess.duckdb"))
started = time.perf_counter()
a = assess_fast(catalogue, "observations", dt.date.fromisoformat(sys.argv[2]), con, years_table="floor_years")
con.register("_a", a)
con.execute("CREATE OR REPLACE TABLE floor_assessments AS SELECT * FROM _a")
con.unregister("_a")
con.execute("CHECKPOINT")
work_s = time.perf_counter() - started
report({"work_s": round(work_s, 2), "assessments": len(a),
        "years": con.execute("SELECT count(*) FROM floor_years").fetchall()[0][0]})
"""


def prepare(work: Path, scale: str) -> dict:
    """Write the workload: reports/ (with the sidecars), project/targets.yaml, project/policies/ (one SYNTHETIC
    document). Runs in its own process (the generator's frames are large at national scale)."""
    import yaml

    from targetwatch import synthetic

    w = synthetic.generate(scale)
    w.write_reports(work / "reports")
    project = work / "project"
    (project / "policies").mkdir(parents=True, exist_ok=True)
    doc = "SYNTHETIC-benchmark-document.txt"
    (project / "policies" / doc).write_text(synthetic.SOURCE_QUOTE + "\n", encoding="utf-8")
    (project / "policies" / "documents.yaml").write_text(yaml.safe_dump({"documents": [{
        "id": synthetic.DOCUMENT_ID, "file": doc, "original_file": "SYNTHETIC (generated, not a real document)",
        "jurisdiction": synthetic.NATIONAL_CODE, "issuer_zh": "合成基准测试", "issuer_en": "SYNTHETIC benchmark",
        "date": "2020-01-01", "title_zh": "合成基准测试文件（非真实文件）", "title_en": "SYNTHETIC benchmark document",
        "script": "simplified"}]}, allow_unicode=True), encoding="utf-8")
    catalogue = w.catalogue.model_dump(mode="json", exclude_defaults=True)
    with (project / "targets.yaml").open("w", encoding="utf-8") as fh:
        fh.write("# SYNTHETIC benchmark catalogue (targetwatch.synthetic): no real targets\n")
        yaml.dump(catalogue, fh, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                  sort_keys=False)
    return synthetic.describe(w) | {"as_of": w.as_of.isoformat()}


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def current_step(dagster_home: Path) -> str | None:
    """The step the latest run is in (its last STEP_START without an end), read from the run's SQLite event log."""
    runs = sorted((dagster_home / "history" / "runs").glob("*.db"), key=lambda p: p.stat().st_mtime)
    if not runs:
        return None
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(f"file:{runs[-1]}?mode=ro",
                                                                                uri=True, timeout=1)) as db:
        rows = db.execute("SELECT dagster_event_type, step_key FROM event_logs WHERE dagster_event_type IN "
                          "('STEP_START', 'STEP_SUCCESS', 'STEP_FAILURE') ORDER BY id").fetchall()
        open_steps: dict[str, None] = {}
        for kind, step in rows:
            if kind == "STEP_START":
                open_steps[step] = None
            else:
                open_steps.pop(step, None)
        return next(reversed(open_steps), None) if open_steps else None
    return None


def timed(code: str, *args: str, timeout_s: float | None = None, max_rss_mb: int | None = None,
          dagster_home: Path | None = None) -> dict:
    """Run `code` (after CHILD_PRELUDE, which gives it `report`) as a script with `args` under /usr/bin/time -v in
    its own process group; its wall seconds, peak RSS (MB), the load average during it and the result it
    `report`ed (None if it reported none). Past `timeout_s` or `max_rss_mb` the group is stopped (SIGTERM, then
    SIGKILL): `stopped` says why and `step` (with `dagster_home`) where it was.

    The result travels in a file, not on stdout: as `python -c`, a child looked interactive to DuckDB (no
    `__main__.__file__`), which then drew its progress bar on stdout for every query past 2 s, and a bar left
    unfinished (no newline) glued the child's JSON line to its text, so no result was found (issue 16). Run as a
    script file the child is what the CLI is: no progress bar."""
    with tempfile.TemporaryDirectory(prefix="benchmark-child-") as tmp, \
            tempfile.TemporaryFile("w+", errors="replace") as out, \
            tempfile.TemporaryFile("w+", errors="replace") as err:
        script, result_file, report = Path(tmp) / "child.py", Path(tmp) / "result.json", Path(tmp) / "time.txt"
        script.write_text(CHILD_PRELUDE + code + "\n", encoding="utf-8")
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
        started = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", str(report), sys.executable, str(script), *args],
                                cwd=ROOT, stdout=out, stderr=err, start_new_session=True,
                                env=os.environ | {"PYTHONHASHSEED": "0", "PYTHONPATH": path,
                                                  RESULT_ENV: str(result_file)})
        samples: dict = {"loads": [], "hwm_kb": 0, "tree_kb": 0, "step": None, "stopped": None, "rss_mb_by_step": {}}
        done = threading.Event()

        def watch() -> None:
            child = None
            while not done.wait(2.0):
                if child is None:
                    with contextlib.suppress(OSError, ValueError, IndexError):
                        child = int(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()[0])
                hwm = proc_kb(child, "status", ("VmHWM",)) if child else None
                samples["hwm_kb"] = max(samples["hwm_kb"], hwm or 0)
                if child:
                    # the tree's memory held at once, which /usr/bin/time (one process's peak) does not give
                    samples["tree_kb"] = max(samples["tree_kb"], tree_kb(child))
                samples["loads"].append(_load())
                if dagster_home is not None:
                    samples["step"] = current_step(dagster_home) or samples["step"]
                    rss = proc_kb(child, "status", ("VmRSS",)) if child else None
                    if rss and samples["step"]:  # the largest resident size seen in each step (sampled every 2 s)
                        by_step = samples["rss_mb_by_step"]
                        by_step[samples["step"]] = max(by_step.get(samples["step"], 0), round(rss / 1024))
                if max_rss_mb and samples["hwm_kb"] > max_rss_mb * 1024 and samples["stopped"] is None:
                    samples["stopped"] = f"peak memory over {max_rss_mb} MB"
                    _stop(proc)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            samples["stopped"] = f"timeout after {timeout_s / 60:.0f} min"
            _stop(proc)
        done.set()
        watcher.join()
        wall = time.perf_counter() - started
        text = report.read_text(errors="replace") if report.exists() else ""
        reported = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else None
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = [float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text)]
    loads = samples["loads"] or [_load()]
    result = {
        "wall_s": round(wall, 2),
        # user + system seconds of the child and its children (/usr/bin/time -v): the figure that a shared machine's
        # load inflates least; None when the process was stopped before /usr/bin/time could report
        "cpu_s": round(sum(cpu), 2) if len(cpu) == 2 else None,
        "peak_rss_mb": round(max(int(rss.group(1)) if rss else 0, samples["hwm_kb"]) / 1024),
        "peak_rss_method": "/usr/bin/time -v maximum resident set size" if rss else
        "VmHWM sampled every 2 s (the process was stopped before /usr/bin/time could report)",
        # the resident size summed over the process and the processes it started, sampled every 2 s
        "peak_tree_rss_mb": round(samples["tree_kb"] / 1024),
        "load_during": {"mean": round(sum(loads) / len(loads), 2), "max": max(loads)},
        "returncode": proc.returncode,
        "result": reported,
    }
    if samples["rss_mb_by_step"]:
        result["rss_mb_by_step"] = samples["rss_mb_by_step"]
    if samples["stopped"]:
        result |= {"stopped": samples["stopped"], "step_when_stopped": samples["step"]}
    elif proc.returncode != 0 or reported is None:
        said = "" if proc.returncode != 0 else "exited 0 without reporting a result; its output ends: "
        result["error"] = (said + stdout[-2000:] + stderr[-4000:]).strip()
    return result


def _stop(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def step_seconds(dagster_home: Path) -> dict:
    """Each finished step's wall seconds from the latest run's Dagster event log, and the step left unfinished."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        records = instance.get_run_records(limit=1)
        if not records:
            return {}
        stats = instance.get_run_step_stats(records[0].dagster_run.run_id)
    out = {s.step_key: round(s.end_time - s.start_time, 1) for s in stats if s.start_time and s.end_time}
    unfinished = [s.step_key for s in stats if s.start_time and not s.end_time]
    return out | ({"unfinished": unfinished} if unfinished else {})


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="small", help="tiny, small or full (national)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--timeout-min", type=float, default=40.0, help="stop the refresh after this long")
    parser.add_argument("--max-rss-mb", type=int, default=8000, help="stop the refresh past this peak memory")
    parser.add_argument("--output", type=Path, default=None, help="also write the JSON here")
    parser.add_argument("--reuse-workload", action="store_true",
                        help=f"use the workload already in --workdir (reports/, project/ and {WORKLOAD_FILE}, as an "
                             "earlier run prepared it) instead of generating it again; out/ and dagster-home/ are "
                             "removed first, so the refresh starts from nothing")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix=f"SYNTHETIC-benchmark-{args.scale}-"))
    work.mkdir(parents=True, exist_ok=True)
    out: dict = {"data": "SYNTHETIC benchmark data (targetwatch.synthetic): not real figures", "scale": args.scale,
                 "workdir": str(work), "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 "load_before": Path("/proc/loadavg").read_text().strip()}
    if args.reuse_workload:
        counts = json.loads((work / WORKLOAD_FILE).read_text(encoding="utf-8"))
        if counts.get("scale") != args.scale:
            raise SystemExit(f"{work / WORKLOAD_FILE} is a {counts.get('scale')} workload, not {args.scale}")
        for name in ("out", "dagster-home"):
            shutil.rmtree(work / name, ignore_errors=True)
        out |= {"counts": counts, "prepare": "reused (prepared by an earlier run)"}
    else:
        prepared = timed(PREPARE, str(work), args.scale)
        if prepared["result"] is None:
            raise SystemExit(f"preparing the workload failed: {prepared.get('error')}")
        counts = prepared.pop("result")
        (work / WORKLOAD_FILE).write_text(json.dumps(counts, default=int), encoding="utf-8")
        out |= {"counts": counts, "prepare": prepared}
    home = work / "dagster-home"
    print(f"refresh of the SYNTHETIC {args.scale} workload in {work} …", file=sys.stderr, flush=True)
    out["refresh"] = timed(REFRESH, str(work), counts["as_of"], timeout_s=args.timeout_min * 60,
                           max_rss_mb=args.max_rss_mb, dagster_home=home)
    out["refresh"]["steps_s"] = step_seconds(home)
    print("floors …", file=sys.stderr, flush=True)
    out["ingest_floor"] = timed(INGEST_FLOOR, str(work))
    out["assess_floor"] = timed(ASSESS_FLOOR, str(work), counts["as_of"])
    out["load_after"] = Path("/proc/loadavg").read_text().strip()
    out["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out["goals"] = goals(out)
    text = json.dumps(out, indent=1, default=str, ensure_ascii=False)
    (work / "whole-refresh.json").write_text(text + "\n", encoding="utf-8")
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    print(text)
    return out


def _work(floor: dict) -> float | None:
    return (floor.get("result") or {}).get("work_s")


def goals(out: dict) -> dict:
    """The ratio and the peak against the issue's goals; a refresh that was stopped meets neither."""
    refresh = out["refresh"]
    ingest, assess = _work(out["ingest_floor"]), _work(out["assess_floor"])
    floors = (ingest or 0) + (assess or 0) if ingest and assess else None  # both floors, or no ratio
    finished = refresh["returncode"] == 0 and (refresh.get("result") or {}).get("success") is True
    ratio = round(refresh["wall_s"] / floors, 1) if floors and finished else None
    return {
        "refresh_finished": finished,
        "floors_work_s": {"ingest": ingest, "assessment": assess, "sum": round(floors, 2) if floors else None},
        "refresh_over_floors": ratio,
        "refresh_over_floors_at_least": None if finished or not floors else round(refresh["wall_s"] / floors, 1),
        "refresh_over_floors_max": GOALS["refresh_over_floors_max"],
        "ratio_met": ratio is not None and ratio <= GOALS["refresh_over_floors_max"],
        "peak_rss_mb": refresh["peak_rss_mb"],
        "peak_tree_rss_mb": refresh.get("peak_tree_rss_mb"),
        "peak_rss_mb_max": GOALS["peak_rss_mb_max"],
        # the larger of one process's peak and the sampled sum over the process tree
        "peak_met": finished and max(refresh["peak_rss_mb"], refresh.get("peak_tree_rss_mb") or 0)
        < GOALS["peak_rss_mb_max"],
    }


if __name__ == "__main__":
    main()
