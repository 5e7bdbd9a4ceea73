"""The benchmark runner end to end on the tiny SYNTHETIC workload (slow: about a minute; `pytest -m slow`)."""

from __future__ import annotations

import json

import pytest

from benchmarks import run


@pytest.mark.slow
def test_benchmark_runs_and_every_variant_equals_the_assessment(tmp_path):
    out = tmp_path / "SYNTHETIC-results.json"
    results = run.main(["--scale", "tiny", "--repeat", "1", "--naive-sample", "20", "--site-sample", "20",
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


def test_whole_refresh_times_a_process_with_time_v():
    from benchmarks.whole_refresh import timed

    out = timed("import json; x = bytearray(50 * 1024 * 1024); print(json.dumps({'n': len(x)}))")
    assert out["result"] == {"n": 50 * 1024 * 1024}
    assert out["peak_rss_mb"] >= 50 and out["wall_s"] >= 0
