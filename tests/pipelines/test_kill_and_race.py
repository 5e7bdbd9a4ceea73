"""The bureau's worst days, with real processes: two refreshes started at once, and a refresh killed with SIGKILL.

Each refresh here is the real CLI (`targetwatch refresh`) in its own process on the bundled reports, so the
lock, the build area, the publication and the runs table are exercised exactly as an operator meets them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from targetwatch.config import PROJECT_DIR

pytestmark = pytest.mark.slow  # CLI refreshes in their own processes: `pytest -m slow` (.ci/run runs it)

PUBLISHED = ("warehouse.duckdb", "dashboards", "quality")  # what leaders and auditors see
# Tables whose every row and column must be the same after any refresh of the same inputs on the same day.
CONTENT_TABLES = ("targets", "measures", "observations", "rejected_rows", "assessments", "assessment_years")


def cli(out: Path, home: Path) -> subprocess.Popen:
    env = os.environ | {"DAGSTER_HOME": str(home), "COLUMNS": "200", "TARGETWATCH_AS_OF": "2026-11-23"}
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-c", "from pipelines.cli import main; main()", "refresh", "--out", str(out)],
        cwd=PROJECT_DIR, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def refresh(out: Path, home: Path) -> subprocess.CompletedProcess:
    proc = cli(out, home)
    stdout, stderr = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def fingerprint(out: Path) -> dict[str, str]:
    """sha256 of every published file, by path relative to out/."""
    files = [out / "warehouse.duckdb", *[p for d in PUBLISHED[1:] for p in (out / d).rglob("*") if p.is_file()]]
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def tables(out: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t}").df() for t in CONTENT_TABLES}


def assert_same_content(left: Path, right: Path) -> None:
    a, b = tables(left), tables(right)
    for name in CONTENT_TABLES:
        x = a[name].sort_values(list(a[name].columns)).reset_index(drop=True)
        y = b[name].sort_values(list(b[name].columns)).reset_index(drop=True)
        assert len(x) > 0, name
        pd.testing.assert_frame_equal(x, y, obj=name)


@pytest.fixture(scope="module")
def single(cli_refreshed) -> Path:
    """One refresh on its own: what every other outcome is compared with (the session's CLI refresh, read-only)."""
    done = cli_refreshed.proc
    assert done.returncode == 0, done.stdout + done.stderr
    return cli_refreshed.out


def test_two_refreshes_started_at_once_end_with_one_warehouse_like_a_single_run(single, tmp_path):
    out = tmp_path / "out"
    first, second = cli(out, tmp_path / "home-a"), cli(out, tmp_path / "home-b")
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in (first, second)]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 3], results  # one publishes, the other is refused (exit 3), never interleaved
    refused = next(err for code, _, err in results if code == 3)
    assert "another refresh is running (pid" in refused.replace("\n", "") and "nothing was written" in refused
    assert_same_content(out, single)
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT outcome, trigger FROM runs").fetchall() == [("success", "cli")]


def test_a_refresh_killed_midway_leaves_the_outputs_byte_identical_and_the_next_one_succeeds(single, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(single, out, ignore=shutil.ignore_patterns(".dagster", ".build", ".refresh.lock"))
    before = fingerprint(out)
    assert "dashboards/index.html" in before and "quality/index.html" in before

    proc = cli(out, tmp_path / "home")
    seen = []
    for line in proc.stdout:  # the CLI reports each finished step; kill once the assessment is built
        seen.append(line)
        if "✓ assessment" in line:
            os.killpg(proc.pid, signal.SIGKILL)
            break
    assert proc.wait(timeout=60) == -signal.SIGKILL, "".join(seen) + proc.stderr.read()
    assert (out / ".build").exists()  # it had started writing its build aside
    assert fingerprint(out) == before  # and nothing that is published changed

    done = refresh(out, tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert_same_content(out, single)
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT outcome, trigger, message FROM runs ORDER BY started_at").fetchall()
    assert [(o, t) for o, t, _ in rows] == [("success", "cli"), ("failed", "cli"), ("success", "cli")]
    assert rows[1][2].startswith("refresh interrupted: the process was killed while it held the refresh lock (pid ")
    assert "published outputs were left as they were" in rows[1][2]
