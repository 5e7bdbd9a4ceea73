"""Issue 21 (a) in one run: the default test set against the bundled refresh measured just before and just after it.

`uv run python -m benchmarks.suite` runs, one after the other: `targetwatch refresh`, `pytest` (the default set, as
`uv run pytest` runs it), `targetwatch refresh`, each as a fresh process under this process as a child subreaper, so
every descendant (Chromium's renderers, which nobody waits for) is reaped here and its CPU counted. Prints each
command's wall seconds, CPU seconds (user, system), the load average before and after, and the host's steal time;
then the set's ratio to each refresh and to their mean, in wall and in CPU seconds.

Why against the mean of the two refreshes (docs/testing.md, session 13): on this machine the same work costs a
different number of CPU seconds from one quarter of an hour to the next (a bundled refresh alone, the guest quiet,
took 11.2 to 16.8 CPU s within 30 minutes), and the default set's CPU follows it (three quiet runs, 209 to 276 CPU s,
were 17.3 to 18.7 times the mean of the refreshes beside them). A ratio against one refresh picks up that drift; the
mean of one before and one after halves it. Before each command it times a fixed piece of pure-Python work in this
process (`gauge`, median of five): when that moves, the machine's speed moved (in session 13 it fell from 0.14-0.20
to 0.10 CPU s within five minutes at the same load, and a refresh from 11-16 to 7-10 CPU s). `--json` prints the
numbers as JSON.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 8.0  # issue 21 (a): the default set takes at most 8 times one bundled refresh
REFRESH = ["uv", "run", "targetwatch", "refresh"]
SUITE = ["uv", "run", "pytest", "-q"]
PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class Measure:
    """One command, run to its end with every process below it."""

    name: str
    exit_code: int
    wall: float
    user: float
    system: float
    load_before: float
    load_after: float
    steal: float  # the host's steal time over the command, both cores (seconds)
    gauge: float  # `gauge()` just before the command: CPU seconds of a fixed piece of work

    @property
    def cpu(self) -> float:
        return self.user + self.system


def _steal_seconds() -> float:
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    return int(fields[8]) / os.sysconf("SC_CLK_TCK") if len(fields) > 8 else 0.0


def _reap_orphans() -> None:
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _work() -> int:
    total = 0
    for i in range(1_500_000):
        total += i * i % 7
    return total + sum(list(range(2_000_000))[::3])


def gauge(repeat: int = 5) -> float:
    """The machine's speed as this process sees it: the median CPU seconds of one fixed piece of pure-Python work
    (about 0.1 s on this machine when the host is fast). Identical work: only the machine can move it."""
    times = []
    for _ in range(repeat):
        start = resource.getrusage(resource.RUSAGE_SELF)
        _work()
        end = resource.getrusage(resource.RUSAGE_SELF)
        times.append(end.ru_utime + end.ru_stime - start.ru_utime - start.ru_stime)
    return statistics.median(times)


def measure(name: str, command: list[str], cwd: Path = ROOT, gauge_repeat: int = 5) -> Measure:
    """Run `command` and every process it leaves behind to their end; this process must be a child subreaper."""
    speed = gauge(gauge_repeat)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load, steal, start = os.getloadavg()[0], _steal_seconds(), time.perf_counter()
    code = subprocess.call(command, cwd=cwd, stdout=sys.stderr)  # stdout stays the report's
    _reap_orphans()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Measure(name, code, wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime, load,
                   os.getloadavg()[0], _steal_seconds() - steal, speed)


def ratios(before: Measure, suite: Measure, after: Measure) -> dict[str, float]:
    """The set against each refresh and against their mean, in wall and in CPU seconds."""
    return {
        "wall_vs_before": suite.wall / before.wall,
        "wall_vs_after": suite.wall / after.wall,
        "wall_vs_mean": suite.wall / ((before.wall + after.wall) / 2),
        "cpu_vs_mean": suite.cpu / ((before.cpu + after.cpu) / 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", default=shlex.join(REFRESH), help="the refresh command (default: %(default)s)")
    parser.add_argument("--suite", default=shlex.join(SUITE), help="the test command (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--gauge-repeat", type=int, default=5, metavar="N",
                        help="time the gauge's work N times before each command, the median kept (default: "
                             "%(default)s; the test of this script takes 1: five cost ~1.5-2 CPU s a run of it)")
    args = parser.parse_args(argv)
    if ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        parser.error("cannot become a child subreaper (Linux only): the browser's CPU would be missed")
    runs = [measure(name, shlex.split(command), gauge_repeat=args.gauge_repeat)
            for name, command in (("refresh, before", args.refresh), ("default set", args.suite),
                                  ("refresh, after", args.refresh))]
    got = ratios(*runs)
    if args.json:
        print(json.dumps({"runs": [asdict(m) | {"cpu": m.cpu} for m in runs], "ratios": got, "goal": GOAL}))
    else:
        print(f"{'':17} {'exit':>4} {'wall s':>8} {'CPU s':>8} {'user':>8} {'system':>7} {'steal':>6} "
              f"{'gauge':>6}  load")
        for m in runs:
            print(f"{m.name:17} {m.exit_code:4} {m.wall:8.1f} {m.cpu:8.1f} {m.user:8.1f} {m.system:7.1f} "
                  f"{m.steal:6.1f} {m.gauge:6.3f}  {m.load_before:.2f} -> {m.load_after:.2f}")
        print(f"wall: {got['wall_vs_before']:.1f}x the refresh before, {got['wall_vs_after']:.1f}x the one after, "
              f"{got['wall_vs_mean']:.1f}x their mean (goal <= {GOAL:g}x: "
              f"{'met' if got['wall_vs_mean'] <= GOAL else 'not met'}); CPU: {got['cpu_vs_mean']:.1f}x their mean")
    return max(m.exit_code for m in runs)


if __name__ == "__main__":
    raise SystemExit(main())
