"""Which targets' charts the page builds (render.chart_inputs): a target whose chart fields, per-year values or drawn
reference and proxy figures hold a nonzero number outside chart_client.SAFE keeps its charts built in Python. Values
worked by hand; all SYNTHETIC."""

from __future__ import annotations

import numpy as np

from targetwatch.render.chart_inputs import BrowserCharts, _any_in, unsafe


def test_unsafe_numbers():
    values = [0.0, -0.0, None, float("nan"), 1e-4, 5e-5, 1e12, 1.5e12, -2e13, float("inf"), 450000.0, "x"]
    assert unsafe(values).tolist() == [False, False, False, False, False, True, False, True, True, True, False,
                                       False]
    assert unsafe(np.array([3, 0, -7])).tolist() == [False, False, False]


def test_any_in_spans():
    mask = np.array([False, True, False, False, True])
    assert _any_in(mask, [(0, 1), (0, 2), (2, 4), (4, 5), (3, 3)]).tolist() == [False, True, False, True, False]


def _job(**over) -> dict:
    """Three targets: a, b (relative, reference series r) and c (a proxy series p)."""
    job = {
        "target_ids": ["a", "b", "c"],
        "chart_part": {"status": ["achieved", "missed", None], "goal_at_deadline": [100.0, None, 2.5],
                       "latest_gap": [-3.0, 0.5, None]},
        "chart_years": {"ranges": {"a": (0, 2), "b": (2, 3), "c": (3, 3)},
                        "cols": {"year": [2020, 2021, 2021], "value": [1.0, 2.0, 3.0], "metric": [1.0, 2.0, 3.0],
                                 "reference_value": [None, None, 4.0]}},
        "figures": {"series": {("r", "i"): (0, 2), ("p", "i"): (2, 3)}, "fig_cols": {"value": [4.0, 5.0, 6.0]}},
        "ref": [None, ("r", "i"), None], "proxy": [None, None, [("p", "i")]],
    }
    for key, value in over.items():
        job[key] = value
    return job


def test_every_target_within_range_is_drawn_in_the_page():
    b = BrowserCharts(_job())
    assert [b.ok(k) for k in range(3)] == [True, True, True]


def test_a_number_out_of_range_keeps_only_its_targets_charts_in_python():
    job = _job()
    job["chart_part"]["goal_at_deadline"] = [100.0, None, 2e13]  # c's goal
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [True, True, False]
    job = _job()
    job["chart_years"]["cols"]["metric"] = [1.0, 2.0, 3e-7]  # b's only year (row 2)
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [True, False, True]
    job = _job()
    job["figures"]["fig_cols"]["value"] = [4.0, 5.0, 6e14]  # the proxy series c draws
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [True, True, False]
    job = _job()
    job["figures"]["fig_cols"]["value"] = [4.0, -9e12, 6.0]  # the reference series b draws
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [True, False, True]
    job = _job()
    job["chart_part"]["status"] = ["achieved", "missed", 1e20]  # not a number field: not read
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [True, True, True]


def test_a_path_through_or_near_zero_and_totals_of_both_signs_keep_their_charts_in_python():
    """Review s21a F0: a straight path from -0.1 (2020) to 0.2 (2023) has a 2021 point of 1.3877787807814457e-17,
    which the page's builder does not write; so do running totals of values of both signs (0.1 + 0.2 - 0.3)."""
    job = _job()
    job["chart_part"] |= {"base_value": [-0.1, 0.0, 5.0], "base_year": [2020, 2020, 2020],
                          "deadline": [2023, 2023, 2023], "goal_at_deadline": [0.2, None, 2.5],
                          "target_value_stated": [0.2, 1e-5, 2.5]}
    # a: crosses 0; b: from 0 to 1e-5 in 3 steps of 3.3e-6 (under 1e-5); c: 5 -> 2.5, same sign
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [False, False, True]
    job["chart_part"]["target_value_stated"] = [0.2, 3e-4, 2.5]  # b: steps of 1e-4 from 0
    job["chart_part"]["base_value"] = [0.1, 0.0, 5.0]  # a: 0.1 -> 0.2, same sign
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [True, True, True]
    job = _job()
    job["chart_years"]["cols"]["value"] = [0.3, -0.1, 3.0]  # a's values of both signs
    assert [BrowserCharts(job).ok(k) for k in range(3)] == [False, True, True]
