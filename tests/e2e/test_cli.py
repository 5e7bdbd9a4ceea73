"""The README's main command, run as a user runs it: a subprocess writing into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from targetwatch.config import PROJECT_DIR

CLI = [sys.executable, "-c", "from pipelines.cli import main; main()"]


def _run(args, tmp_path, **env):
    full_env = os.environ | {"DAGSTER_HOME": "", "TARGETWATCH_AS_OF": "2026-11-23", "COLUMNS": "120"} | env
    full_env.pop("DAGSTER_HOME")
    return subprocess.run(CLI + args, cwd=PROJECT_DIR, env=full_env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow  # the whole job in its own process, as a user runs it: `pytest -m slow` (.ci/run runs it)
def test_refresh_prints_progress_and_a_summary(cli_refreshed):
    """The session's refresh run as a user runs it (tests/conftest.py), also the kill and race tests' baseline."""
    out, proc = cli_refreshed.out, cli_refreshed.proc
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "✓ assessment" in proc.stdout
    assert "files read: 7 (145 rows, 0 failed) · rows rejected: 1" in proc.stdout
    assert str(out / "dashboards" / "index.html") in proc.stdout
    assert (out / ".dagster" / "dagster.yaml").is_file()  # DAGSTER_HOME defaults inside out/
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM runs WHERE outcome = 'success'").fetchall()[0][0] == 1
    # a default refresh prints no warnings: no Python warning, no check that can never pass, no doubled step names
    assert proc.stderr == ""
    assert "warn" not in proc.stdout.lower() and "observations_observations" not in proc.stdout
    assert "  • check observations_valid: passed" in proc.stdout
    # `explain` on a published out/: tests/pipelines/test_cli.py (in process, on the session's shared refresh)


def test_refresh_with_a_missing_reports_folder_says_so(tmp_path):
    proc = _run(["refresh", "--out", str(tmp_path / "out"), "--reports", str(tmp_path / "nope")], tmp_path)
    assert proc.returncode == 1
    assert "reports folder" in proc.stderr and "does not exist" in proc.stderr
    assert not (tmp_path / "out" / "warehouse.duckdb").exists()


def test_check_targets_passes_on_the_repo_catalogue(tmp_path):
    proc = _run(["check-targets"], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "every quote found verbatim" in proc.stdout


def test_check_targets_names_the_line_of_a_bad_quote(tmp_path):
    bad = tmp_path / "targets.yaml"
    text = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")
    wrong = text.replace("每年通过创业创新带动就业45万人。", "每年通过创业创新带动就业46万人。")
    bad.write_text(wrong, encoding="utf-8")
    line = next(i + 1 for i, s in enumerate(bad.read_text(encoding="utf-8").splitlines()) if "46万人。" in s)
    proc = _run(["check-targets", str(bad)], tmp_path)
    assert proc.returncode == 1
    assert f"{bad}:{line}: gansu-2015-jobs-per-year: quote: not found verbatim" in proc.stdout
