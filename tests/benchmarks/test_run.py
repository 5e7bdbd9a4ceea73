"""The benchmark runner end to end on the tiny SYNTHETIC workload (slow: about a minute; `pytest -m slow`)."""

from __future__ import annotations

import json

import pytest

from benchmarks import parts, run


@pytest.mark.slow
def test_benchmark_runs_and_every_variant_equals_the_assessment(tmp_path):
    """benchmarks/parts.py (the assessment's parts against their floors; was run.py before run.py became the whole
    refresh)."""
    out = tmp_path / "SYNTHETIC-results.json"
    results = parts.main(["--scale", "tiny", "--repeat", "1", "--naive-sample", "20", "--site-sample", "20",
                        "--workdir", str(tmp_path / "work"), "--output", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))["summary"] == json.loads(json.dumps(results["summary"]))
    s = results["summary"]
    assert results["data"].startswith("SYNTHETIC")
    assert s["prototype_warehouse"]["equal_to_assess"] and s["incremental"]["equal_to_full"]
    assert set(s["goals"]) == {"a_over_b <= 3", "c_over_a >= 20", "peak memory < 2 GB (assess)",
                               "incremental < 10% of full"}
    assert s["a_assess"]["wall_s"] > 0 and s["b_floor"]["wall_s"] > 0
    assert set(s["assess_breakdown_s"]) >= {"best_sql", "years_to_pandas", "floor_read_rule_columns"}
    site = s["dashboards"]["workload"]
    assert site["targets"] == results["counts"]["targets"] and site["size_mb"] > 0 and site["pages"] > 0
    assert s["dashboards"]["per_target_layout_extrapolated"]["100k"]["build_wall_s"] > 0


def test_run_times_a_process_with_time_v():
    from benchmarks.run import timed

    out = timed("x = bytearray(50 * 1024 * 1024); report({'n': len(x)}); sum(range(3_000_000))")
    assert out["result"] == {"n": 50 * 1024 * 1024} and 0 < out["cpu_s"] <= out["wall_s"] * 2 + 0.1
    assert out["peak_rss_mb"] >= 50 and out["wall_s"] >= 0 and "stopped" not in out


def test_a_child_result_survives_an_unfinished_progress_line_on_stdout():
    """The sixth session's national run: both children exited 0, yet no result was found, because a DuckDB progress
    bar left unfinished on stdout (no newline) glued the JSON line to its text. The result is a file now."""
    from benchmarks.run import timed

    bar = "\r 45% \u2595\u2588\u2588\u2588\u258f (~4 seconds remaining)     "
    out = timed(f"import sys; sys.stdout.write({bar!r}); report({{'work_s': 8.9, 'argv': sys.argv[1:]}})", "a b")
    assert out["result"] == {"work_s": 8.9, "argv": ["a b"]} and out["returncode"] == 0 and "error" not in out


def test_a_child_is_a_script_to_duckdb_so_it_draws_no_progress_bar():
    """As `python -c`, DuckDB took the child for an interactive session and drew its progress bar on stdout for
    every query past 2 s (the CLI, a script, draws none): the runner measured something the CLI does not do."""
    from benchmarks.run import timed

    out = timed("import duckdb; report(duckdb.connect().execute(\"SELECT current_setting('enable_progress_bar')\")"
                ".fetchall()[0][0])")
    assert out["result"] is False


def test_a_child_that_exits_0_without_a_result_says_so():
    from benchmarks.run import timed

    out = timed("print('no result here')")
    assert out["result"] is None and out["returncode"] == 0
    assert out["error"].startswith("exited 0 without reporting a result") and "no result here" in out["error"]


def test_run_stops_a_refresh_past_its_timeout_and_says_so():
    from benchmarks.run import timed

    out = timed("import time; time.sleep(60)", timeout_s=3)
    assert out["stopped"] == "timeout after 0 min" and 3 <= out["wall_s"] < 30 and out["cpu_s"] is None
    assert out["result"] is None and out["returncode"] != 0


def test_run_stops_a_refresh_past_its_memory_limit():
    from benchmarks.run import timed

    out = timed("import time; x = bytearray(300 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096]); time.sleep(60)",
                max_rss_mb=100, timeout_s=50)
    assert out["stopped"] == "peak memory over 100 MB" and out["peak_rss_mb"] > 100 and out["wall_s"] < 45


def test_the_peak_summed_over_the_process_tree_counts_a_child_process():
    """A refresh whose step starts a worker process (the dashboards' data files): `peak_tree_rss_mb` holds both
    processes' memory at once, which /usr/bin/time's one-process peak does not."""
    from benchmarks.run import timed

    code = ("import subprocess, sys, time; x = bytearray(120 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096]); "
            "subprocess.run([sys.executable, '-c', 'import time; y = bytearray(120 * 1024 * 1024); "
            "y[::4096] = bytes(len(y[::4096])); y[::4096] = b\"1\" * len(y[::4096]); time.sleep(5)']); "
            "report({'ok': True})")
    out = timed(code, timeout_s=60)
    assert out["result"] == {"ok": True}
    assert out["peak_tree_rss_mb"] >= 240 > out["peak_rss_mb"] >= 120


def test_current_step_is_the_last_started_and_unfinished(tmp_path):
    import sqlite3

    from benchmarks.run import current_step

    runs = tmp_path / "history" / "runs"
    runs.mkdir(parents=True)
    assert current_step(tmp_path) is None
    with sqlite3.connect(runs / "run1.db") as db:
        db.execute("CREATE TABLE event_logs (id INTEGER PRIMARY KEY, dagster_event_type TEXT, step_key TEXT)")
        db.executemany("INSERT INTO event_logs (dagster_event_type, step_key) VALUES (?, ?)", [
            ("STEP_START", "catalogue"), ("STEP_SUCCESS", "catalogue"), ("STEP_START", "reports"),
            ("ASSET_MATERIALIZATION", "reports"), ("STEP_SUCCESS", "reports"),
            ("STEP_START", "observations_observations_valid")])
    assert current_step(tmp_path) == "observations_observations_valid"


@pytest.mark.slow
def test_whole_refresh_and_its_floors_on_the_tiny_workload(tmp_path):
    out = run.main(["--scale", "tiny", "--workdir", str(tmp_path / "work"), "--timeout-min", "10"])
    assert out["data"].startswith("SYNTHETIC")
    assert out["refresh"]["result"]["success"] is True and "stopped" not in out["refresh"]
    steps = out["refresh"]["steps_s"]
    assert {"catalogue", "reports", "assessment", "dashboards"} <= set(steps) and "unfinished" not in steps
    assert out["ingest_floor"]["result"]["template_rows"] == out["counts"]["observations"]
    assert out["assess_floor"]["result"]["assessments"] == out["counts"]["targets"]
    g = out["goals"]
    assert g["refresh_finished"]
    assert g["refresh_over_floors"] == round(out["refresh"]["wall_s"] / g["floors_work_s"]["sum"], 1)
