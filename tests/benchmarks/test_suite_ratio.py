"""benchmarks/suite.py (issue 21 (a) in one run): every process a command leaves behind is counted, and the ratios
are taken against the refreshes on both sides."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest

from benchmarks.suite import Measure, ratios
from targetwatch.config import PROJECT_DIR

# The stand-in "suite" starts a grandchild that outlives it (as Chromium's renderers outlive the browser nobody waits
# for) and burns at least BURN seconds of CPU after its parent has exited: only a subreaper counts it.
BURN = 0.3
_ORPHANING = f"""
import os, resource, time
if os.fork() == 0:
    if os.fork() == 0:
        while resource.getrusage(resource.RUSAGE_SELF).ru_utime < {BURN}:
            pass
    os._exit(0)
os.wait()
"""


def test_an_orphans_cpu_is_counted_and_the_exit_code_kept():
    refresh = shlex.join([sys.executable, "-c", "pass"])
    suite = shlex.join([sys.executable, "-c", _ORPHANING + "raise SystemExit(3)"])
    out = subprocess.run([sys.executable, "-m", "benchmarks.suite", "--json", "--gauge-repeat", "1", "--refresh",
                          refresh, "--suite", suite], cwd=PROJECT_DIR, capture_output=True, text=True)
    assert out.returncode == 3, out.stderr  # the worst exit code of the three commands
    report = json.loads(out.stdout)
    before, run, after = report["runs"]
    assert [m["name"] for m in report["runs"]] == ["refresh, before", "default set", "refresh, after"]
    assert [m["exit_code"] for m in report["runs"]] == [0, 3, 0]
    assert run["user"] >= BURN  # the grandchild's CPU, after its parent ended unwaited-for
    assert all(0 < m["gauge"] < 5 for m in report["runs"])  # the fixed work, timed before each command
    assert report["ratios"]["cpu_vs_mean"] == pytest.approx(run["cpu"] / ((before["cpu"] + after["cpu"]) / 2))


def test_ratios_are_against_each_refresh_and_their_mean():
    def m(name: str, wall: float, cpu: float) -> Measure:
        return Measure(name, 0, wall, cpu * 0.75, cpu * 0.25, 0.0, 0.0, 0.0, 0.1)

    got = ratios(m("before", 10.0, 12.0), m("suite", 120.0, 200.0), m("after", 14.0, 8.0))
    assert got == pytest.approx({"wall_vs_before": 12.0, "wall_vs_after": 120 / 14, "wall_vs_mean": 10.0,
                                 "cpu_vs_mean": 20.0})
