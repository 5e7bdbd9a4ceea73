"""The steps after the assessment, each alone, as the refresh's assets run them, on a copy of a refreshed warehouse:
`uv run python -m benchmarks.site_steps WAREHOUSE [--steps dashboards,quality_report,publication] [--work DIR]`.

WAREHOUSE is a warehouse a refresh wrote (`<workdir>/out/warehouse.duckdb` of `benchmarks/run.py`, SYNTHETIC). It is
copied into a fresh build area (`<work>/out/.build/warehouse.duckdb`) and the steps run there in this process, one
after the other as the in-process executor runs them:

- assessment: `assess_warehouse` on the build warehouse (the `assessment` asset; off by default: it rewrites
  `assessments` and `assessment_years`, with the same rows);
- dashboards: `read_site_data` (SiteData.from_warehouse, pages_only) and `build_dashboards` (the `dashboards` asset);
- quality_report: `build_quality_report(con, …)` with lineage (the `quality_report` asset);
- publication: the run's final row, the quality report's run history again (`rewrite_runs`, else the whole index)
  and `publish` (the `runs` asset);
- explain: `targetwatch explain` of one target in a fresh process (the terminal's lineage).

Per step: wall and CPU seconds of this process (all threads) and of the processes it started and waited for (the
dashboards' forked process with TARGETWATCH_SITE_WORKERS=1), this process's peak resident memory during the step
(VmHWM, reset before it through /proc/self/clear_refs) beside the resident memory it started with, the peak of the
process tree (peak_tree_mb, benchmarks.peak.tree_kb, sampled by a process of its own), and the load average
before and after. Prints one JSON line. Every input is SYNTHETIC when WAREHOUSE came from benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.peak import process_peak_kb, reset_step_peak

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("assessment", "dashboards", "quality_report", "publication", "explain")
DEFAULT_STEPS = ("dashboards", "quality_report", "publication")


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _cpu() -> float:
    """User + system seconds of this process and of its ended children (the dashboards' forked process)."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


@contextlib.contextmanager
def probe(record: dict) -> Iterator[None]:
    """wall_s, cpu_s, rss_before_mb, peak_rss_mb (VmHWM reset before), peak_tree_mb (benchmarks.peak.tree_kb of
    this process and the processes below it, such as the dashboards' forked second process, sampled twice a second
    by a process of its own, whose CPU is not the step's), load before and after."""
    reset_step_peak()
    record["rss_before_mb"] = round(_status_kb("VmRSS") / 1024)
    record["load_before"] = round(os.getloadavg()[0], 2)
    watcher = subprocess.Popen([sys.executable, "-m", "benchmarks.peak", str(os.getpid())], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    t, c = time.perf_counter(), _cpu()
    try:
        yield
    finally:
        record["wall_s"] = round(time.perf_counter() - t, 2)
        record["cpu_s"] = round(_cpu() - c, 2)  # before the watcher is waited for: its CPU is not counted
        out, _ = watcher.communicate("stop\n")
    record["peak_rss_mb"] = round(_status_kb("VmHWM") / 1024)
    record["peak_tree_mb"] = round(max(int(out.strip() or 0), _status_kb("VmHWM")) / 1024)
    record["load_after"] = round(os.getloadavg()[0], 2)


def _tree(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "mb": round(sum(p.stat().st_size for p in files) / 1e6, 1)}


def run(warehouse: Path, work: Path, steps: tuple[str, ...], lang: str = "zh", target: str | None = None,
        started: dt.datetime | None = None) -> dict:
    from targetwatch import runlog
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    out_dir, build = work / "out", work / "out" / ".build"
    shutil.rmtree(work / "out", ignore_errors=True)
    build.mkdir(parents=True)
    shutil.copyfile(warehouse, build / WAREHOUSE_FILE)
    with connect(build / WAREHOUSE_FILE, read_only=True) as con:
        as_of = con.execute("SELECT max(as_of) FROM assessments").fetchall()[0][0]
        targets = con.execute("SELECT count(*) FROM targets").fetchall()[0][0]
        observations = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
        first = con.execute("SELECT min(target_id) FROM targets WHERE comparator <> 'qualitative'").fetchall()[0][0]
    as_of = as_of.date() if hasattr(as_of, "date") else dt.date.fromisoformat(str(as_of)[:10])
    started = started or dt.datetime.now(dt.UTC)
    record = runlog.RunRecord(run_id="SYNTHETIC-site-steps", as_of=as_of, trigger="benchmark",
                              started_at=started.replace(tzinfo=None), code_version="benchmark")
    result: dict = {"warehouse": str(warehouse), "targets": targets, "observations": observations,
                    "as_of": str(as_of), "steps": {}}
    for step in steps:
        rec: dict = {}
        with probe(rec):
            rec |= STEP_FUNCTIONS[step](build, out_dir, record, lang, target or first)
        result["steps"][step] = rec
        print(json.dumps({step: rec}), file=sys.stderr, flush=True)
    return result


def _assessment(build: Path, out_dir: Path, record, lang: str, target: str) -> dict:
    from targetwatch.assessment import assess_warehouse
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    with connect(build / WAREHOUSE_FILE) as con:
        assess_warehouse(con, record.as_of)
        return {"statuses": dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY ALL").fetchall())}


def _dashboards(build: Path, out_dir: Path, record, lang: str, target: str) -> dict:
    from targetwatch.render.dashboards import build_dashboards, read_site_data
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    site = build / "site" / "dashboards"
    shutil.rmtree(site, ignore_errors=True)
    t = time.perf_counter()
    with connect(build / WAREHOUSE_FILE) as con:  # open while they build, as the asset keeps it
        data = read_site_data(con, run_id=record.run_id, code_version="benchmark")
        read_s = time.perf_counter() - t
        read_rss = round(_status_kb("VmHWM") / 1024)
        pages = build_dashboards(data, site, lang)
    return {"read_s": round(read_s, 2), "peak_rss_after_read_mb": read_rss, "pages": len(pages), "site": _tree(site)}


def _this_run(build: Path, record):
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    with connect(build / WAREHOUSE_FILE, read_only=True) as con:
        n = con.execute("SELECT count(*) FROM report_files").fetchall()[0][0]
    return dataclasses.replace(record, message=json.dumps({"files": n}))


def _quality_report(build: Path, out_dir: Path, record, lang: str, target: str) -> dict:
    from targetwatch.render.quality_report import build_quality_report
    from targetwatch.warehouse import WAREHOUSE_FILE, connect

    site = build / "site" / "quality"
    shutil.rmtree(site, ignore_errors=True)
    this = _this_run(build, record)
    with connect(build / WAREHOUSE_FILE) as con:
        pages = build_quality_report(con, site, lang, run_id=this.run_id, code_version="benchmark",
                                     this_run=this.row(), lineage=True)
    return {"pages": len(pages), "site": _tree(site)}


def _publication(build: Path, out_dir: Path, record, lang: str, target: str) -> dict:
    from targetwatch import runlog
    from targetwatch.render.quality_report import build_quality_report, rewrite_runs
    from targetwatch.warehouse import WAREHOUSE_FILE, connect, publish

    done = _this_run(build, record).finished("success")
    runlog.write(build / WAREHOUSE_FILE, done)
    t = time.perf_counter()
    with connect(build / WAREHOUSE_FILE) as con:  # as the `runs` asset: the run history alone, else the whole index
        rewritten = rewrite_runs(con, build / "site" / "quality", done.row())
        if not rewritten:
            build_quality_report(con, build / "site" / "quality", lang, run_id=done.run_id,
                                 code_version="benchmark", this_run=done.row(), lineage=False)
    index_s = time.perf_counter() - t
    t = time.perf_counter()
    published = publish(build, out_dir)
    return {"runs_rewritten_alone": rewritten, "quality_index_s": round(index_s, 2),
            "publish_s": round(time.perf_counter() - t, 2), "published": [p.name for p in published]}


def _explain(build: Path, out_dir: Path, record, lang: str, target: str) -> dict:
    """`targetwatch explain` of one target, in a fresh process (its own peak), on the published warehouse if there
    is one, else the build's."""
    from targetwatch.warehouse import WAREHOUSE_FILE

    wh = out_dir if (out_dir / WAREHOUSE_FILE).exists() else build  # the folder holding warehouse.duckdb
    command = ["/usr/bin/time", "-f", "%e %U %S %M", str(Path(sys.executable).parent / "targetwatch"), "explain",
               target, "--out", str(wh)]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall, user, system, kb = (proc.stderr.strip().splitlines() or ["0 0 0 0"])[-1].split()[-4:]
    return {"target": target, "exit_code": proc.returncode, "lines": len(proc.stdout.splitlines()),
            "explain_wall_s": float(wall), "explain_cpu_s": round(float(user) + float(system), 2),
            "process_peak_rss_mb": round(int(kb) / 1024)}


STEP_FUNCTIONS = {"assessment": _assessment, "dashboards": _dashboards, "quality_report": _quality_report,
                  "publication": _publication, "explain": _explain}


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("warehouse", type=Path)
    p.add_argument("--steps", default=",".join(DEFAULT_STEPS), help=f"comma-separated, of {', '.join(STEPS)}")
    p.add_argument("--work", type=Path, default=None)
    p.add_argument("--target", default=None, help="the target `explain` prints (default: the first quantitative)")
    p.add_argument("--started", type=dt.datetime.fromisoformat, default=None,
                   help="the run's start time (ISO, UTC) instead of now: sites of two runs compare with `diff -r`")
    args = p.parse_args(argv)
    steps = tuple(s for s in args.steps.split(",") if s)
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        p.error(f"unknown step(s) {unknown}")
    work = args.work or Path(f"/tmp/SYNTHETIC-site-steps-{os.getpid()}")
    started = args.started.replace(tzinfo=dt.UTC) if args.started else None
    result = run(args.warehouse.resolve(), work, steps, target=args.target, started=started)
    result["process_peak_rss_mb"] = round(process_peak_kb() / 1024)  # ru_maxrss alone forgets what resets wiped
    print(json.dumps(result, default=str))
    return result


if __name__ == "__main__":
    main()
