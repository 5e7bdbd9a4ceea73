"""Where a bundled refresh's CPU goes, against its fixed floor: `uv run python benchmarks/refresh.py [--repeat N]`.

Three kinds of fresh Python process, each measured by the CPU seconds (user + system) the kernel charged it, from
start to exit (interpreter start-up and shut-down included), in the same run so the machine's load is the same:

- **refresh**: the bundled refresh as `targetwatch refresh` runs it (pipelines.run.run_refresh_job, in process,
  Dagster run history in a temporary DAGSTER_HOME with the project's dagster.yaml), with its phases: start-up and
  imports, opening Dagster's instance up to the first step, each step (as the CLI names it), the end of the run, the
  summary, and interpreter shut-down;
- **empty**: an in-process Dagster job of the same shape (the same multi-assets with the same keys and
  dependencies, the same two checks, the same executor and instance) whose steps do nothing;
- **ge import**: `import great_expectations`, less a bare interpreter's start and exit.

The goal (issue 21): refresh <= 2 x (empty + GE import). Prints a table; `--json` prints the numbers as JSON.

`--ui` measures the Dagster UI instead (`targetwatch dev` on a free port, a temporary out/ and DAGSTER_HOME): the
seconds until the webserver answers and until the code location has loaded, the memory of every process of it
(RSS and PSS, which shares libraries fairly), when each process started, and the seconds SIGTERM takes to stop it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"
GOAL = 2.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- children: each prints one JSON line of phases (CPU seconds at each mark, since the process started) -------


def child_refresh(work: Path) -> dict:
    marks = [("start-up (interpreter)", _cpu())]
    from pipelines.dev import ensure_dagster_home
    from pipelines.run import run_refresh_job
    from targetwatch.cli import settings

    marks.append(("imports (Dagster, pandas, DuckDB, targetwatch)", _cpu()))
    s = settings(None, work / "out", dt.date.fromisoformat(AS_OF))
    ensure_dagster_home(s)
    current = ["Dagster instance, run storage, job set-up"]

    def on_event(kind: str, text: str) -> None:
        if kind == "start":
            marks.append((current[0], _cpu()))
            current[0] = f"step {text}"
        elif kind in ("success", "failure", "check"):  # a check step ends with its result (no success line)
            marks.append((current[0], _cpu()))
            current[0] = "between steps, and the run's end"

    outcome = run_refresh_job(s, None, trigger="cli", on_event=on_event)
    marks.append((current[0], _cpu()))
    assert outcome.success, outcome.message
    return {"marks": marks}


def child_empty(work: Path, shape: dict) -> dict:
    marks = [("start-up (interpreter)", _cpu())]
    import dagster as dg

    marks.append(("import dagster", _cpu()))

    def make_asset(node: dict):
        specs = [dg.AssetSpec(key, deps=deps) for key, deps in node["specs"].items()]

        @dg.multi_asset(name=node["name"], specs=specs)
        def _noop():
            for key in node["specs"]:
                yield dg.MaterializeResult(asset_key=key)

        return _noop

    def make_check(check: dict):
        @dg.asset_check(asset=check["asset"], name=check["name"], blocking=check["blocking"])
        def _check():
            return dg.AssetCheckResult(passed=True)

        return _check

    defs = dg.Definitions(
        assets=[make_asset(n) for n in shape["assets"]],
        asset_checks=[make_check(c) for c in shape["checks"]],
        jobs=[dg.define_asset_job("refresh", selection=dg.AssetSelection.all())],
        executor=dg.in_process_executor,
    )
    marks.append(("definitions", _cpu()))
    home = work / "dagster_home"
    home.mkdir()
    shutil.copyfile(ROOT / "dagster.yaml", home / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(home)
    with dg.DagsterInstance.get() as instance:
        marks.append(("Dagster instance", _cpu()))
        result = defs.resolve_job_def("refresh").execute_in_process(instance=instance)
        assert result.success
        marks.append((f"run ({len(shape['assets'])} no-op steps, {len(shape['checks'])} checks)", _cpu()))
    return {"marks": marks}


def child_import(module: str) -> dict:
    marks = [("start-up (interpreter)", _cpu())]
    if module:
        __import__(module)
        marks.append((f"import {module}", _cpu()))
    return {"marks": marks}


# --- the Dagster UI -----------------------------------------------------------------------------------------------


def _tree(root: int) -> list[int]:
    """`root` and every process descended from it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _memory(pid: int) -> tuple[str, float, float, float]:
    """(command, RSS MB, PSS MB, CPU s) of one process."""
    proc = Path(f"/proc/{pid}")
    try:
        cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        rollup = dict(line.split(":", 1) for line in (proc / "smaps_rollup").read_text().splitlines()[1:])
        fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return "", 0.0, 0.0, 0.0
    kb = lambda key: float(rollup.get(key, "0 kB").split()[0])  # noqa: E731
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return cmd, kb("Rss") / 1024, kb("Pss") / 1024, cpu


def measure_ui() -> dict:
    import signal
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    query = json.dumps({"query": "{ workspaceOrError { ... on Workspace { locationEntries { loadStatus } } } }"})
    with tempfile.TemporaryDirectory(prefix="targetwatch-ui-") as tmp:
        env = os.environ.copy()
        env.pop("DAGSTER_HOME", None)
        env["TARGETWATCH_OUT"] = str(Path(tmp) / "out")
        log = Path(tmp) / "dev.log"
        started = time.perf_counter()
        with log.open("w") as sink:
            proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "dev", "--port", str(port)], cwd=ROOT,
                                    env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        answered = loaded = None
        try:
            while time.perf_counter() - started < 300 and loaded is None:
                time.sleep(0.5)
                try:
                    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=query.encode(),
                                                     headers={"Content-Type": "application/json"})
                    with urllib.request.urlopen(request, timeout=5) as response:
                        data = json.loads(response.read())["data"]
                except OSError:
                    continue
                answered = answered or time.perf_counter() - started
                entries = data["workspaceOrError"]["locationEntries"]
                if entries and entries[0]["loadStatus"] == "LOADED":
                    loaded = time.perf_counter() - started
            time.sleep(10)  # let the daemon start its threads and first sensor ticks
            processes = [(pid, *_memory(pid)) for pid in _tree(proc.pid)]
        finally:
            stop = time.perf_counter()
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            stopped = time.perf_counter() - stop
        text = log.read_text(errors="replace")
        scratch = sorted(p.name for p in ROOT.glob(".tmp_dagster_home_*"))
    return {
        "load_average": os.getloadavg(), "answered_s": answered, "loaded_s": loaded, "stopped_s": stopped,
        "processes": [{"pid": p, "command": c[:150], "rss_mb": r, "pss_mb": s, "cpu_s": u}
                      for p, c, r, s, u in processes if c],
        "warnings": [line for line in text.splitlines() if "warning" in line.lower()],
        "scratch_homes_left": scratch,
    }


def report_ui(r: dict) -> str:
    lines = [f"Dagster UI (targetwatch dev), load average {', '.join(f'{x:.2f}' for x in r['load_average'])}",
             f"  webserver answers after {r['answered_s']:.1f} s; code location loaded after {r['loaded_s']:.1f} s; "
             f"SIGTERM stopped it in {r['stopped_s']:.1f} s",
             f"  {len(r['processes'])} processes, RSS {sum(p['rss_mb'] for p in r['processes']):.0f} MB, "
             f"PSS {sum(p['pss_mb'] for p in r['processes']):.0f} MB, "
             f"CPU {sum(p['cpu_s'] for p in r['processes']):.1f} s"]
    lines += [f"    RSS {p['rss_mb']:5.0f} MB  PSS {p['pss_mb']:5.0f} MB  CPU {p['cpu_s']:5.1f} s  {p['command']}"
              for p in r["processes"]]
    lines.append(f"  warnings in its log: {r['warnings'] or 'none'}")
    lines.append(f"  .tmp_dagster_home_* left in the project: {r['scratch_homes_left'] or 'none'}")
    return "\n".join(lines)


# --- the parent ---------------------------------------------------------------------------------------------------


def refresh_shape() -> dict:
    """The refresh job's steps: each multi-asset with its keys and their dependencies, and each check."""
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    assets, checks = [], []
    for ad in graph.assets_defs:
        specs = {spec.key.to_user_string(): [d.asset_key.to_user_string() for d in spec.deps] for spec in ad.specs}
        if specs:
            assets.append({"name": ad.node_def.name, "specs": specs})
        checks += [{"asset": c.asset_key.to_user_string(), "name": c.name, "blocking": c.blocking}
                   for c in ad.check_specs]
    return {"assets": assets, "checks": checks}


def run_child(kind: str, arg: str = "") -> dict:
    """Run one measurement in a fresh interpreter; its phases and the total CPU the kernel charged it."""
    with tempfile.TemporaryDirectory(prefix="targetwatch-bench-") as tmp:
        env = os.environ.copy()
        for var in ("TARGETWATCH_OUT", "TARGETWATCH_REPORTS", "TARGETWATCH_AS_OF", "DAGSTER_HOME"):
            env.pop(var, None)
        env["DAGSTER_HOME"] = str(Path(tmp) / "home") if kind == "refresh" else ""
        if not env["DAGSTER_HOME"]:
            env.pop("DAGSTER_HOME")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--child", kind, "--work", tmp, "--arg", arg],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stdout}\n{proc.stderr}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    phases: dict[str, float] = {}  # in order of first appearance; a phase met twice (between steps) is summed
    last = 0.0
    for name, at in data["marks"]:
        phases[name] = phases.get(name, 0.0) + at - last
        last = at
    phases["exit (interpreter shut-down)"] = total - last
    return {"phases": list(phases.items()), "cpu": total, "wall": wall}


def measure(repeat: int) -> dict:
    shape = json.dumps(refresh_shape())
    runs: dict[str, list[dict]] = {"bare": [], "ge": [], "empty": [], "refresh": []}
    for _ in range(repeat):  # interleaved, so a change in the machine's load touches every kind alike
        runs["bare"].append(run_child("import", ""))
        runs["ge"].append(run_child("import", "great_expectations"))
        runs["empty"].append(run_child("empty", shape))
        runs["refresh"].append(run_child("refresh"))
    med = {k: statistics.median(r["cpu"] for r in v) for k, v in runs.items()}
    ge_import = med["ge"] - med["bare"]
    floor = med["empty"] + ge_import
    # the run closest to the median, for its phase breakdown
    pick = {k: min(v, key=lambda r, m=med[k]: abs(r["cpu"] - m)) for k, v in runs.items()}
    return {
        "repeat": repeat,
        "load_average": os.getloadavg(),
        "cpu": med,
        "wall": {k: statistics.median(r["wall"] for r in v) for k, v in runs.items()},
        "ge_import": ge_import,
        "floor": floor,
        "ratio": med["refresh"] / floor,
        "goal": GOAL,
        "phases": {k: pick[k]["phases"] for k in ("refresh", "empty")},
    }


def report(r: dict) -> str:
    lines = [f"CPU seconds (user + system), median of {r['repeat']} fresh processes each; load average "
             f"{', '.join(f'{x:.2f}' for x in r['load_average'])} (1, 5, 15 min)", ""]
    for kind in ("refresh", "empty"):
        title = {"refresh": "bundled refresh (targetwatch refresh, in process)",
                 "empty": "empty in-process Dagster job of the same shape"}[kind]
        lines.append(f"{title}: {r['cpu'][kind]:.2f} s CPU, {r['wall'][kind]:.2f} s wall")
        lines += [f"  {sec:6.2f}  {name}" for name, sec in r["phases"][kind]]
        lines.append("")
    lines.append(f"import great_expectations: {r['ge_import']:.2f} s CPU ({r['cpu']['ge']:.2f} s with the "
                 f"interpreter's {r['cpu']['bare']:.2f} s start and exit)")
    lines.append(f"floor = empty job + GE import = {r['floor']:.2f} s CPU")
    verdict = "met" if r["ratio"] <= r["goal"] else "NOT met"
    lines.append(f"refresh / floor = {r['ratio']:.2f} (goal <= {r['goal']:g}: {verdict})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per kind (default 3; the median)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--ui", action="store_true", help="measure the Dagster UI (targetwatch dev) instead")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--arg", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        work = Path(args.work)
        if args.child == "refresh":
            data = child_refresh(work)
        elif args.child == "empty":
            data = child_empty(work, json.loads(args.arg))
        else:
            data = child_import(args.arg)
        print(json.dumps(data))  # then a normal exit: its shut-down is part of the measure
        return
    if args.ui:
        result = measure_ui()
        print(json.dumps(result, indent=2) if args.json else report_ui(result))
        return
    result = measure(args.repeat)
    print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
