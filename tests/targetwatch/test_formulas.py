"""The formula lines made for many targets at once (targetwatch.formulas): hand-written lines, and the same lines as
the one-target form (`lineage.formula_lines`) gives for each target."""

from __future__ import annotations

import pandas as pd

from targetwatch.formulas import _texts, formula_columns
from targetwatch.lineage import formula_lines


def test_texts_of_a_column() -> None:
    # floats through numpy: each distinct value by its bits, so -0.0 keeps its sign as f"{-0.0:.6g}" does
    assert _texts([1.5, None, -0.0, 0.0, 1.5, 1234567.0]) == (
        ["1.5", "—", "-0", "0", "1.5", "1.23457e+06"], [False, True, False, False, False, False])
    assert _texts([float("nan")]) == (["—"], [True])
    assert _texts([2020, None]) == (["2020", "—"], [False, True])
    assert _texts(["2025-06-30", None]) == (["2025-06-30", "—"], [False, True])
    assert _texts([None, None]) == (["—", "—"], [True, True])
    # anything else a value at a time: an int beside a float, a Timestamp, pandas' NA
    assert _texts([1, 2.5, pd.Timestamp("2025-03-11"), pd.NA]) == (
        ["1", "2.5", "2025-03-11 00:00:00", "—"], [False, False, False, True])


# SYNTHETIC: one target met before its deadline (linear trend), one qualitative, one without figures
COLUMNS = {
    "status": ["on_track", "qualitative", None],
    "comparator": ["at_least", "qualitative", "at_least"],
    "n_points": [3, None, None],
    "latest_year": [2024, None, None],
    "latest_value": [110.0, None, None],
    "latest_goal": [120.0, None, None],
    "latest_gap": [-10.0, None, None],
    "latest_observation_id": ["syn:1", None, None],
    "latest_release_date": ["2025-03-01 00:00:00", None, None],
    "latest_attainment": [110.0 / 120.0, None, None],
    "deadline": [2025, None, 2025],
    "deadline_passed": [False, None, None],
    "as_of": ["2025-06-30 00:00:00", None, None],
    "base_year": [2020, None, None],
    "base_value": [100.0, None, None],
    "base_basis": ["first observed year", None, None],
    "base_observation_id": ["syn:0", None, None],
    "actual_rate": [2.5, None, None],
    "required_rate": [4.0, None, None],
    "goal_at_deadline": [120.0, None, None],
    "latest_metric": [110.0, None, None],
    "growth_model": ["linear", None, None],
    "pace_ratio": [0.625, None, None],
    "reason_zh": ["进度符合预期", None, None],
    "reason_en": ["on track", None, None],
    "reference_jurisdiction": [None, None, None],
    "per_year": [False, False, False],
}


def test_lines_by_hand() -> None:
    lines = formula_columns(COLUMNS, 3)
    assert lines[1] == [("定性目标：没有数值，因此不计算（状态“定性目标”）",
                         "qualitative goal: no number, so no calculation (status 'qualitative')")]
    assert lines[2] == [("本地区该指标没有可用数据：状态“无数据”",
                         "no usable figure for the indicator in this jurisdiction: status 'no_data'")]
    en = [e for _, e in lines[0]]
    assert en[:5] == [
        "latest figure: 110 in 2024 (observation syn:1, released 2025-03-01 00:00:00)",
        "target value (at_least) = 120; gap = 110 - 120 = -10",
        "attainment = value / target = 0.916667",
        "deadline 2025 not yet passed on the as-of date 2025-06-30",
        "baseline: 100 in 2020 (first observed year; observation syn:0)",
    ]
    assert en[5:7] == ["actual rate (linear) = (110 - 100) / (2024 - 2020) = 2.5 per year",
                       "required rate = (120 - 100) / (2025 - 2020) = 4 per year"]
    assert en[7].startswith("pace ratio = 0.625 (on track >= ")
    assert en[-1] == "status = on_track: on track"
    assert lines[0][4][0] == "基期：2020年 100（最早有数据的年份；数据 syn:0）"


def test_a_column_left_out_reads_as_none_in_every_row() -> None:
    """As a key left out of the one-target dict did (formula_lines, which explain uses, is formula_columns of one
    row; its lines against the per-target function of main 6675486: all 115,524 national targets equal)."""
    assert formula_lines({c: v[0] for c, v in COLUMNS.items() if c != "pace_ratio"}) == [
        line for line in formula_columns(COLUMNS, 3)[0] if not line[1].startswith("pace ratio")]
    fewer = {c: v for c, v in COLUMNS.items() if c != "pace_ratio"}
    assert not any(e.startswith("pace ratio") for _, e in formula_columns(fewer, 3)[0])
