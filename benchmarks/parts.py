"""The parts of the data path, each alone, on a SYNTHETIC workload: `uv run python -m benchmarks.parts
[--scale full|small]` (the whole refresh against its two floors is benchmarks/run.py).

Every measurement runs in its own fresh Python process (benchmarks/measure.py), so one step's memory cannot
hide in another's peak. Prints the counts, a table and the goals; writes benchmarks/results/latest.json
(`--scale small` writes latest-small.json). See docs/scaling.md for what the numbers mean.

(a) `targetwatch.assessment.assess` over the whole workload, given the observations as the pipeline gives them
    (every column read from the warehouse into pandas);
(b) the floor: one DuckDB scan-and-aggregate of the same observations (latest year and value per series);
(c) the naive pandas loop over targets, timed on a sample and extrapolated linearly (the output says so);
plus the same assessment in "warehouse mode" (benchmarks/assess_fast.py: data kept in DuckDB), an incremental refresh
after one new report file against a full ingest + assess (benchmarks/incremental.py), and the dashboards: the
per-target layout extrapolated from two samples (what the large layout replaces), and the site `refresh` builds
(the large layout above targetwatch.render.dashboards.LARGE_SITE_TARGETS targets) measured for the whole workload
and, at full scale, for 100,000 targets.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"

GOALS = {
    "a_over_b_max": 3.0,
    "c_over_a_min": 20.0,
    "peak_rss_mb_max": 2048,
    "incremental_over_full_max": 0.10,
}


def _child(step: str, work: Path, **options: object) -> dict:
    """Run one measurement in a fresh process; return its JSON (the last line of its output)."""
    cmd = [sys.executable, "-m", "benchmarks.measure", step, str(work)]
    for key, value in options.items():
        cmd += [f"--{key}", str(value)]
    started = time.perf_counter()
    print(f"  {step} …", end="", flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=os.environ | {"PYTHONHASHSEED": "0"})
    if proc.returncode != 0:
        print(" failed")
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-6000:])
        raise SystemExit(f"benchmark step {step} failed")
    print(f" {time.perf_counter() - started:.0f} s", flush=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _machine() -> dict:
    mem = ""
    with contextlib.suppress(OSError, StopIteration):
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    import duckdb
    import pandas

    return {
        "cpus": os.cpu_count(),
        "memory": mem.split(":", 1)[-1].strip(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "note": "shared machine: other processes may have been running (see each run's loadavg_1min_before); "
        "CPU seconds are less sensitive to that than wall seconds",
    }


def _ratio(x: float, y: float) -> float | None:
    return round(x / y, 2) if y else None


def summarise(r: dict) -> dict:
    a, b = r["assess"]["assess"], r["floor"]["floor_frame"]
    c = r["naive"]["naive"]
    wh = r["assess_warehouse"]["assess_warehouse"]
    floor_table = r["assess_warehouse"]["floor_table"]
    inc, full = r["incremental"]["incremental"], r["full_refresh"]["full_refresh"]
    s = {
        "a_assess": {k: a[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "rss_before_mb")},
        "b_floor": {k: b[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "rss_before_mb")},
        "c_naive": {k: c[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "extrapolated", "how")},
        "a_over_b": {"wall": _ratio(a["wall_s"], b["wall_s"]), "cpu": _ratio(a["cpu_s"], b["cpu_s"])},
        "c_over_a": {"wall": _ratio(c["wall_s"], a["wall_s"]), "cpu": _ratio(c["cpu_s"], a["cpu_s"])},
        "assess_breakdown_s": r["assess"].get("breakdown"),
        "prototype_warehouse": {k: wh[k] for k in ("wall_s", "cpu_s", "peak_rss_mb", "rss_before_mb")}
        | {"floor_on_same_table_wall_s": floor_table["wall_s"], "floor_on_same_table_cpu_s": floor_table["cpu_s"],
           "over_floor_wall": _ratio(wh["wall_s"], floor_table["wall_s"]),
           "over_floor_cpu": _ratio(wh["cpu_s"], floor_table["cpu_s"]),
           "equal_to_assess": all(v.get("equal") for v in r["assess_warehouse"]["equal_to_assess"].values())},
        "incremental": {"incremental_wall_s": inc["wall_s"], "full_wall_s": full["wall_s"],
                        "ratio": _ratio(inc["wall_s"], full["wall_s"]),
                        "incremental_cpu_s": inc["cpu_s"], "full_cpu_s": full["cpu_s"],
                        "ratio_cpu": _ratio(inc["cpu_s"], full["cpu_s"]),
                        "incremental_peak_rss_mb": inc["peak_rss_mb"], "full_peak_rss_mb": full["peak_rss_mb"],
                        "equal_to_full": all(v.get("equal") for v in
                                             r["verify_incremental"]["incremental_equals_full"].values())},
        "dashboards": {
            "per_target_layout_extrapolated": r["dashboards"]["extrapolated"],
            **{label: _site_summary(r[step]) for label, step in (("workload", "site_workload"), ("100k", "site_100k"))
               if step in r},
        },
    }
    ab, ca = s["a_over_b"]["wall"], s["c_over_a"]["wall"]
    s["goals"] = {
        "a_over_b <= 3": {"met": (ab or 1e9) <= GOALS["a_over_b_max"], "value": ab,
                          "prototype_warehouse": s["prototype_warehouse"]["over_floor_wall"]},
        "c_over_a >= 20": {"met": (ca or 0) >= GOALS["c_over_a_min"], "value": ca},
        "peak memory < 2 GB (assess)": {"met": a["peak_rss_mb"] < GOALS["peak_rss_mb_max"],
                                        "value_mb": a["peak_rss_mb"],
                                        "inputs_resident_before_mb": a["rss_before_mb"],
                                        "assess_own_increase_mb": a["peak_rss_mb"] - a["rss_before_mb"],
                                        "prototype_warehouse_mb": wh["peak_rss_mb"]},
        "incremental < 10% of full": {"met": (s["incremental"]["ratio"] or 1) < GOALS["incremental_over_full_max"],
                                      "value": s["incremental"]["ratio"]},
    }
    return s


def _site_summary(site: dict) -> dict:
    b = site["bytes"]
    return {"targets": site["targets"], "layout": site["layout"], "build_wall_s": site["build"]["wall_s"],
            "build_cpu_s": site["build"]["cpu_s"], "build_peak_rss_mb": site["build"]["peak_rss_mb"],
            "read_warehouse_wall_s": site["read_warehouse"]["wall_s"],
            "read_warehouse_peak_rss_mb": site["read_warehouse"]["peak_rss_mb"],
            "size_mb": round(b["total"] / 1e6, 1), "index_kb": round(b["index"] / 1e3, 1), "pages": b["pages"],
            "files": b["files"], "bytes_per_target": site["bytes_per_target"],
            "parts_mb": {k: round(b[k] / 1e6, 1) for k in ("index", "jurisdiction_pages", "list_pages", "target_pages",
                                                            "other_pages", "data_files", "static")}}


def _row(label: str, rec: dict, note: str = "") -> str:
    def f(v, fmt="{:.2f}"):
        return "" if v is None else fmt.format(v)

    return (f"{label:44s} {f(rec.get('wall_s')):>10s} {f(rec.get('cpu_s')):>10s} "
            f"{f(rec.get('peak_rss_mb'), '{:.0f}'):>9s} {f(rec.get('rss_before_mb'), '{:.0f}'):>9s}  {note}")


def print_report(results: dict) -> None:
    r, s, c = results["steps"], results["summary"], results["counts"]
    print()
    print(f"SYNTHETIC workload ({c['scale']}, seed {c['seed']}, as of {c['as_of']}): "
          f"{c['observations']:,} observations, {c['targets']:,} targets")
    print(f"  {c['jurisdictions']:,} jurisdictions (1 national, {c['provinces']} provinces, {c['prefectures']} "
          f"prefectures, {c['counties']:,} counties), {c['indicators']} indicators, {c['years']} years, "
          f"{c['series']:,} series, {c['report_files']} report files ({c['report_bytes'] / 1e6:.0f} MB)")
    m = results["machine"]
    print(f"  machine: {m['cpus']} CPUs, {m['memory']}, load average at start {m['loadavg_at_start']}")
    print()
    print(f"{'measurement':44s} {'wall s':>10s} {'cpu s':>10s} {'peak MB':>9s} {'inputs MB':>9s}")
    print(_row("(a) assess (project)", s["a_assess"]))
    print(_row("(b) floor: DuckDB scan+aggregate, same frame", s["b_floor"]))
    print(_row("(c) naive pandas loop" + (" [EXTRAPOLATED]" if s["c_naive"]["extrapolated"] else ""), s["c_naive"],
               s["c_naive"]["how"]))
    print(_row("    floor on the Parquet file", r["floor"]["floor_parquet"]))
    print(_row("prototype assess_fast (warehouse mode)", s["prototype_warehouse"],
               f"equal to assess: {s['prototype_warehouse']['equal_to_assess']}"))
    print(_row("    floor on the same DuckDB table", r["assess_warehouse"]["floor_table"]))
    print(_row("full refresh (ingest all + assess + store)", r["full_refresh"]["full_refresh"]))
    inc = r["incremental"]["incremental"]
    print(_row("incremental refresh (1 new file)", inc,
               f"{inc.get('files_read')} file read, {inc.get('targets_assessed'):,} of {inc.get('targets_total'):,} "
               f"targets re-assessed, equal to full: {s['incremental']['equal_to_full']}"))
    print(_row("loading inputs (catalogue + all columns)", r["assess"]["load_inputs"]))
    print()
    print(f"a/b = {s['a_over_b']['wall']} (wall), {s['a_over_b']['cpu']} (cpu);  "
          f"c/a = {s['c_over_a']['wall']} (wall), {s['c_over_a']['cpu']} (cpu)")
    if s.get("assess_breakdown_s"):
        print("assess, stage by stage (s): " + ", ".join(f"{k} {v}" for k, v in s["assess_breakdown_s"].items()))
    pw = s["prototype_warehouse"]
    print(f"prototype (warehouse mode) / floor on the same table = {pw['over_floor_wall']} (wall), "
          f"{pw['over_floor_cpu']} (cpu)")
    print(f"incremental / full = {s['incremental']['ratio']} (wall), {s['incremental']['ratio_cpu']} (cpu)")
    d = r["dashboards"]
    ex = d["extrapolated"]["100k"]
    print(f"dashboards, per-target layout (timed on {d['targets']} targets, extrapolated): "
          f"100k targets ≈ {ex['build_hours']} h, "
          f"{ex['target_pages_gb']} GB of target pages, index.html ≈ {ex['index_html_mb']} MB")
    for label in ("workload", "100k"):
        x = s["dashboards"].get(label)
        if x:
            print(f"dashboards, {x['layout']} layout, {x['targets']:,} targets (measured): "
                  f"build {x['build_wall_s']:.0f} s "
                  f"(peak {x['build_peak_rss_mb']} MB; reading the warehouse {x['read_warehouse_wall_s']:.0f} s), "
                  f"{x['size_mb']} MB in {x['files']:,} files ({x['bytes_per_target']} B/target), "
                  f"index.html {x['index_kb']} kB")
    print()
    for goal, v in s["goals"].items():
        detail = json.dumps({k: x for k, x in v.items() if k != "met"})
        print(f"  goal {goal:30s} {'MET' if v['met'] else 'MISSED':7s} {detail}")


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", choices=["full", "small", "tiny"], default="full")
    p.add_argument("--workdir", type=Path, help="where the SYNTHETIC inputs go (default: a temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the working folder")
    p.add_argument("--repeat", type=int, default=2, help="timed runs of (a), (b) and the prototypes (minimum kept)")
    p.add_argument("--naive-sample", type=int, default=60, help="targets timed for (c); 0 = all")
    p.add_argument("--site-sample", type=int, default=200,
                   help="targets of the per-target layout's timed sample (extrapolated to the workload and 100k)")
    p.add_argument("--output", type=Path, help="results JSON (default benchmarks/results/latest[-SCALE].json)")
    args = p.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="SYNTHETIC-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now()
    print(f"SYNTHETIC scale benchmark ({args.scale}) in {work}")
    machine = _machine()
    steps: dict[str, dict] = {}
    try:
        steps["prepare"] = _child("prepare", work, scale=args.scale)
        for step in ("floor", "assess", "assess_warehouse"):
            steps[step] = _child(step, work, repeat=args.repeat)
        steps["naive"] = _child("naive", work, sample=args.naive_sample)
        steps["init_state"] = _child("init_state", work)
        for f in (work / "arriving").rglob("*.csv"):  # the new report file arrives
            dest = work / "reports" / f.relative_to(work / "arriving")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, dest)
        steps["incremental"] = _child("incremental", work)
        steps["full_refresh"] = _child("full_refresh", work)
        steps["verify_incremental"] = _child("verify_incremental", work)
        steps["dashboards"] = _child("dashboards", work, sample=args.site_sample)
        steps["site_workload"] = _child("site", work, sample=0)
        if args.scale == "full":
            steps["site_100k"] = _child("site", work, sample=100_000)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    machine["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results = {
        "data": "SYNTHETIC benchmark data (targetwatch.synthetic): not real figures",
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
        "command": "uv run python -m benchmarks.parts " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine,
        "memory_method": "peak RSS of a fresh child process while the measured code ran: Linux VmHWM, reset "
        "through /proc/self/clear_refs just before; includes the inputs already resident (see rss_before_mb), "
        "Python, pandas and DuckDB allocations",
        "counts": steps["prepare"]["counts"],
        "goals": GOALS,
        "summary": summarise(steps),
        "steps": steps,
    }
    out = args.output or RESULTS / ("latest.json" if args.scale == "full" else f"latest-{args.scale}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, default=str, ensure_ascii=False) + "\n", encoding="utf-8")
    print_report(results)
    print(f"\nresults: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return results


if __name__ == "__main__":
    main()
