"""What running the refresh's independent steps at once would give on this 2-core machine (issue 16, session 15):
`uv run python -m benchmarks.concurrency sites WAREHOUSE WORK [seq|par ...]` and
`uv run python -m benchmarks.concurrency executor DAGSTER_HOME [inproc|mp ...]`.

The refresh job runs on Dagster's in-process executor, one step after another. In its asset graph the one pair of
independent steps worth running side by side is the two site steps: the quality report (assessments, report files,
rejected rows, the check tables) and the dashboards (assessments, data owed, changes) read only the warehouse and
each writes its own folder; `runs` waits for both. (The catalogue feeds the reports step; the two GE suites are 2-7 s
each, less than a fresh process importing Great Expectations costs; data owed is under 2 s.)

- `sites`: the two site steps as the assets run them (`build_quality_report` with lineage, then `read_site_data` and
  `build_dashboards`), each in a fresh process of its own on the same warehouse opened read-only (DuckDB lets
  several processes read one file), either one after the other (`seq`) or both at once (`par`). Per mode: wall,
  CPU seconds of both processes (user + system), each process's peak (VmHWM) and its step's seconds, the resident
  size summed over both sampled every 0.25 s (the figure issue 16's < 2 GB goal is about) with a time series, and
  the load before and after. The sites go to WORK/<mode>/quality and WORK/<mode>/dashboards.
- `executor`: four chained no-op assets, each importing the code location (`pipelines.definitions`, what each step
  process of a multiprocess run loads), on the in-process executor (`inproc`) or Dagster's multiprocess executor
  (`mp`, a process per step): wall and CPU seconds of this process and of its children, i.e. the executor's own
  cost per step.

One JSON line per mode on stdout. Run on a SYNTHETIC workload's warehouse (benchmarks/run.py): never real figures.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg

RUN_ID = "SYNTHETIC-concurrency"
STEPS = ("quality_report", "dashboards")  # the order the in-process executor runs them in (session 15's runs)
SAMPLE_S = 0.25


def build_step(step: str, warehouse: Path, site: Path, lang: str = "zh") -> dict:
    """One site step as its asset runs it, on `warehouse` opened read-only; its seconds, files and peak."""
    import datetime as dt

    from targetwatch import runlog
    from targetwatch.warehouse import connect

    started = time.perf_counter()
    with connect(warehouse, read_only=True) as con:
        if step == "quality_report":
            from targetwatch.render.quality_report import build_quality_report

            files = con.execute("SELECT count(*) FROM report_files").fetchall()[0][0]
            as_of = con.execute("SELECT max(as_of) FROM assessments").fetchall()[0][0]
            record = runlog.RunRecord(run_id=RUN_ID, as_of=dt.date.fromisoformat(str(as_of)[:10]),
                                      trigger="benchmark", started_at=dt.datetime(2026, 12, 4),
                                      code_version="benchmark", message=json.dumps({"files": files}))
            pages = build_quality_report(con, site, lang, run_id=RUN_ID, code_version="benchmark",
                                         this_run=record.row(), lineage=True)
        else:
            from targetwatch.render.dashboards import build_dashboards, read_site_data

            data = read_site_data(con, run_id=RUN_ID, code_version="benchmark")
            pages = build_dashboards(data, site, lang)
    return {"step": step, "s": round(time.perf_counter() - started, 2), "files": len(pages),
            "peak_mb": _status_kb(os.getpid(), "VmHWM") // 1024}


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _worker(step: str, warehouse: Path, site: Path) -> subprocess.Popen:
    code = ("import json, sys; from pathlib import Path; from benchmarks.concurrency import build_step; "
            "print(json.dumps(build_step(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))))")
    return subprocess.Popen([sys.executable, "-c", code, step, str(warehouse), str(site)], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parents[1])


def sites(warehouse: Path, work: Path, mode: str) -> dict:
    """Both site steps in fresh processes, one after the other (`seq`) or at once (`par`)."""
    out = work / mode
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    series: list[list] = []  # [seconds, quality report MB, dashboards MB]
    peak_kb, results = 0, []
    batches = [STEPS] if mode == "par" else [(s,) for s in STEPS]
    for batch in batches:
        procs = {step: _worker(step, warehouse, out / ("quality" if step == "quality_report" else step))
                 for step in batch}
        while any(p.poll() is None for p in procs.values()):
            rss = {step: _status_kb(p.pid, "VmRSS") for step, p in procs.items()}
            peak_kb = max(peak_kb, sum(rss.values()))
            series.append([round(time.perf_counter() - started, 1)] + [rss.get(s, 0) // 1024 for s in STEPS])
            time.sleep(SAMPLE_S)
        for step, p in procs.items():
            text = p.stdout.read()
            if p.returncode != 0:
                raise RuntimeError(f"{step} exited {p.returncode}")
            results.append(json.loads(text.strip().splitlines()[-1]))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"mode": mode, "wall_s": round(time.perf_counter() - started, 2),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "peak_summed_mb_sampled": peak_kb // 1024, "steps": results,
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
            "series_mb": series[:: max(1, round(1 / SAMPLE_S))]}  # one sample a second


# --- the executor's own cost per step --------------------------------------------------------------------


def _load_code_location() -> None:
    import pipelines.definitions  # noqa: F401  what a multiprocess run's step process imports before its step


@dg.asset
def probe_1() -> int:
    _load_code_location()
    return 1


@dg.asset
def probe_2(probe_1: int) -> int:
    _load_code_location()
    return probe_1 + 1


@dg.asset
def probe_3(probe_2: int) -> int:
    _load_code_location()
    return probe_2 + 1


@dg.asset
def probe_4(probe_3: int) -> int:
    _load_code_location()
    return probe_3 + 1


PROBE_DEFS = dg.Definitions(assets=[probe_1, probe_2, probe_3, probe_4],
                            jobs=[dg.define_asset_job("probe", executor_def=dg.multiprocess_executor)])


def probe_job() -> dg.JobDefinition:
    return PROBE_DEFS.resolve_job_def("probe")


def executor(home: Path, mode: str) -> dict:
    """The four no-op steps on the in-process (`inproc`) or the multiprocess executor (`mp`)."""
    os.environ["DAGSTER_HOME"] = str(home)
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").touch()
    load_before = os.getloadavg()[0]
    me0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with dg.DagsterInstance.get() as instance:
        if mode == "mp":
            success = dg.execute_job(dg.reconstructable(probe_job), instance=instance).success
        else:
            success = probe_job().execute_in_process(instance=instance).success
    me1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"mode": mode, "success": success, "steps": 4, "wall_s": round(time.perf_counter() - started, 2),
            "cpu_self_s": round(me1.ru_utime + me1.ru_stime - me0.ru_utime - me0.ru_stime, 2),
            "cpu_children_s": round(kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime, 2),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}


def main(argv: list[str]) -> None:
    what, *args = argv
    if what == "sites":
        warehouse, work, *modes = args
        for mode in modes or ["seq", "par"]:
            print(json.dumps(sites(Path(warehouse), Path(work), mode)), flush=True)
    elif what == "executor":
        home, *modes = args
        for mode in modes or ["inproc", "mp"]:
            print(json.dumps(executor(Path(home), mode)), flush=True)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
