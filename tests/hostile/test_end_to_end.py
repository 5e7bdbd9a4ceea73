"""Issue 15's "done when", as a user runs it: `targetwatch refresh` in a subprocess, measured by the kernel.

1. The bundled reports plus a hostile set (a symlink to a file outside the folder, an .xlsx that inflates to
   800 MB, a row of 1e308 亿元, an exact duplicate of a bundled report under another name) publish with exit 0
   and give the same verdicts as the bundled reports alone.
2. Peak memory stays under 2 GB, and nothing of the outside file is anywhere under out/.
3. The huge value is quarantined with its reason; the outside link, the bomb and the duplicate are recorded.
4. An empty reports folder publishes: every target shows no data (or is qualitative).

Slow (two whole refreshes of its own, and the session's `targetwatch refresh` of the bundled reports,
tests/conftest.py `cli_refreshed`, for the bundled verdicts): run by .ci/run (`pytest -m slow`).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from targetwatch.config import PROJECT_DIR
from tests.hostile import corpus

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from pipelines.cli import main; main()"]
AS_OF = "2026-11-23"
PEAK_BOUND_MB = 2_000


def _refresh(reports: Path, out: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Run a refresh in a child process; return it and the child's peak resident memory (MB)."""
    env = os.environ | {"TARGETWATCH_AS_OF": AS_OF, "COLUMNS": "200"}
    env.pop("DAGSTER_HOME", None)
    proc = subprocess.run([*CLI, "refresh", "--reports", str(reports), "--out", str(out)], cwd=PROJECT_DIR,
                          env=env, capture_output=True, text=True, timeout=900)
    # The largest waited-for descendant so far: an upper bound of this refresh's own peak.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return proc, peak / 1024


def _verdicts(out: Path) -> dict[str, str]:
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        return dict(con.execute("SELECT target_id, status FROM assessments").fetchall())


@pytest.fixture(scope="module")
def runs(tmp_path_factory, cli_refreshed):
    """The hostile and the empty folder refreshed here; the bundled reports alone are the session's CLI refresh (the
    same command on the same reports and as-of date, also with no DAGSTER_HOME: read-only)."""
    tmp = tmp_path_factory.mktemp("hostile-e2e")
    hostile, empty, outside = tmp / "hostile", tmp / "empty", tmp / "outside"
    shutil.copytree(PROJECT_DIR / "reports", hostile)
    empty.mkdir()
    outside.mkdir()
    expect = corpus.outside_symlink(hostile, outside) | corpus.zip_bomb(hostile, 800 * 2**20)
    (hostile / "huge.csv").write_text(corpus.HEADER + "shanxi,技术合同成交额,2019,1e308,亿元\n", encoding="utf-8")
    shutil.copy(PROJECT_DIR / "reports" / "shanxi-bulletins-and-news.csv", hostile / "zz-copy-of-shanxi.csv")
    return {
        "expect": expect,
        "bundled": (cli_refreshed.proc, None, cli_refreshed.out),
        "hostile": (*_refresh(hostile, tmp / "out-hostile"), tmp / "out-hostile"),
        "empty": (*_refresh(empty, tmp / "out-empty"), tmp / "out-empty"),
    }


def test_the_hostile_set_publishes_with_the_bundled_verdicts(runs):
    (bundled, _, out_b), (hostile, _, out_h) = runs["bundled"], runs["hostile"]
    assert bundled.returncode == 0, bundled.stdout + bundled.stderr
    assert hostile.returncode == 0, hostile.stdout + hostile.stderr
    assert _verdicts(out_h) == _verdicts(out_b)


def test_peak_memory_stays_under_the_bound(runs):
    assert runs["hostile"][1] < PEAK_BOUND_MB, runs["hostile"][1]


def test_nothing_of_the_outside_file_is_under_out(runs):
    out = runs["hostile"][2]
    for path in out.rglob("*"):
        if path.is_file():
            assert b"SYNTHETIC-OUTSIDE-SECRET" not in path.read_bytes(), path


def test_each_hostile_file_is_recorded_and_the_huge_value_quarantined_with_its_reason(runs):
    out = runs["hostile"][2]
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        files = {r[0]: r[1:] for r in con.execute("SELECT source_file, status, error, warning FROM report_files")
                 .fetchall()}
        reasons = [r[0] for r in con.execute("SELECT reason FROM rejected_rows WHERE source_file = 'huge.csv'")
                   .fetchall()]
    assert files["passwd.txt"][0] == "refused" and "outside the reports folder" in files["passwd.txt"][1]
    assert files["bomb.xlsx"][0] == "refused" and "TARGETWATCH_MAX_UNZIPPED_BYTES" in files["bomb.xlsx"][1]
    assert files["zz-copy-of-shanxi.csv"][0] == "duplicate"
    assert files["zz-copy-of-shanxi.csv"][2].startswith("duplicate of shanxi-bulletins-and-news.csv")
    assert reasons == ["value '1e308' 亿元 is not a finite number in base units"]


def test_an_empty_reports_folder_publishes_every_target_without_data(runs):
    proc, _, out = runs["empty"]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert set(_verdicts(out).values()) == {"no_data", "qualitative"}
    assert (out / "dashboards" / "index.html").is_file()
