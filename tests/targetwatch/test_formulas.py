"""The formula lines made for many targets at once (targetwatch.formulas): hand-written lines, and the same lines as
the one-target form (`lineage.formula_lines`) gives for each target."""

from __future__ import annotations

import pandas as pd

from targetwatch import messages
from targetwatch.formulas import FORMULA_COLUMNS, _texts, formula_columns
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


# SYNTHETIC: a target relative to a reference (its deadline passed with a figure, tracked on its gap), an at-most
# target with a compound trend (its deadline passed without a figure), and a per-year target
BRANCHES = {
    "status": ["off_track", "off_track", "at_risk"],
    "comparator": ["relative_to_reference", "at_most", "at_least"],
    "n_points": [2, 5, 4],
    "latest_year": [2023, 2023, 2024],
    "latest_value": [5.5, 160.0, 3.0],
    "latest_goal": [None, 150.0, 3.5],
    "latest_reference_value": [6.0, None, None],
    "latest_gap": [-0.5, 10.0, -0.5],
    "latest_observation_id": ["syn:a", "syn:b", "syn:c"],
    "latest_release_date": ["2024-02-28 00:00:00", None, None],
    "latest_attainment": [None, 0.8, None],
    "deadline": [2022, 2020, 2025],
    "deadline_passed": [True, True, True],
    "deadline_value": [-0.25, None, None],
    "deadline_met": [False, None, None],
    "first_met_after_deadline": [None, 2024, None],
    "plan_years_met": [None, None, 3],
    "plan_years_with_data": [None, None, 4],
    "plan_cumulative": [None, None, 12.5],
    "base_year": [2020, 2015, None],
    "base_value": [-1.0, 200.0, None],
    "base_basis": ["first observed year", "stated in the document", None],
    "base_observation_id": ["syn:a0", None, None],
    "actual_rate": [0.25, -0.05, None],
    "required_rate": [0.5, -0.1, None],
    "goal_at_deadline": [0.0, 150.0, None],
    "latest_metric": [-0.5, 160.0, None],
    "trend_from_year": [None, 2018, None],
    "trend_from_value": [None, 180.0, None],
    "growth_model": ["linear", "compound", None],
    "monotone_contradicted": [False, True, False],
    "reason_zh": ["落后", "未按期达到", "偏慢"],
    "reason_en": ["behind", "late", "slow"],
    "reference_jurisdiction": ["national", None, None],
    "per_year": [False, False, True],
}


def test_the_other_branches_by_hand() -> None:
    lines = formula_columns(BRANCHES, 3)
    assert [e for _, e in lines[0]] == [
        "latest figure: 5.5 in 2023 (observation syn:a, released 2024-02-28 00:00:00)",
        "target that year = reference (national) = 6",
        "gap = 5.5 - 6 = -0.5 percentage points",
        "deadline 2022 has passed: value then -0.25; comparator held: False",
        "baseline gap: -1 percentage points in 2020 (first observed year; observation syn:a0)",
        "actual gap rate (linear) = (-0.5 - -1) / (2023 - 2020) = 0.25 percentage points per year",
        "required gap rate = (0 - -1) / (2022 - 2020) = 0.5 percentage points per year",
        "status = off_track: behind",
    ]
    assert [z for z, _ in lines[0]][3:6] == [
        "截止年 2022 已过：当年数值 -0.25；是否达到：否",
        "基期差距：2020年 -1 个百分点（最早有数据的年份；数据 syn:a0）",
        "实际差距年均变化（线性）= (-0.5 - -1) / (2023 - 2020) = 0.25 个百分点 / 年",
    ]
    assert [e for _, e in lines[1]][:7] == [
        "latest figure: 160 in 2023 (observation syn:b, released —)",
        "target value (at_most) = 150; gap = 160 - 150 = 10",
        "attainment = target / value = 0.8",
        "deadline 2020 has passed but has no figure; first year after it in which the comparator held: 2024",
        "baseline: 200 in 2015 (stated in the document; observation stated in the document)",
        "actual rate (compound) = (160 / 180)^(1/(2023 - 2018)) - 1 = -0.05",
        "required rate = (150 / 200)^(1/(2020 - 2015)) - 1 = -0.1",
    ]
    assert lines[1][7] == (messages.sentence("contradicted", "zh"), messages.sentence("contradicted", "en"))
    assert lines[1][8:] == [("状态 = 进展缓慢：未按期达到", "status = off_track: late")]
    assert [e for _, e in lines[2]] == [
        "latest figure: 3 in 2024 (observation syn:c, released —)",
        "target value (at_least) = 3.5; gap = 3 - 3.5 = -0.5",
        "per-year target over the plan years: met in 3 of 4 years with data (cumulative 12.5)",
        "status = at_risk: slow",
    ]
    assert lines[2][2][0] == "每年目标：规划期内有数据的 4 年中有 3 年达到（累计 12.5）"


def test_every_column_read_is_one_the_lineage_site_selects() -> None:
    """targetwatch.render.lineage_site passes formula_columns the FORMULA_COLUMNS of each assessment: a column read
    but not listed there would read as None on the site (and its line would silently change)."""
    read: set[str] = set()

    class Recording(dict):
        def get(self, key, default=None):  # type: ignore[override]
            read.add(key)
            return super().get(key, default)

    formula_columns(Recording(COLUMNS), 3)
    assert read == {*FORMULA_COLUMNS, "reference_jurisdiction", "per_year"}


def test_every_baseline_basis_the_assessment_states_has_its_chinese_words() -> None:
    """The assessment's SQL writes base_basis as English text (targetwatch/assessment.py); a basis missing from
    formulas.BASE_BASIS_ZH would be shown in English on the Chinese formula line."""
    import re
    from pathlib import Path

    from targetwatch import assessment
    from targetwatch.formulas import BASE_BASIS_ZH

    sql = Path(assessment.__file__).read_text(encoding="utf-8")
    case = sql[sql.index("THEN 'stated in the document'"):sql.index("END AS base_basis")]
    assert set(re.findall(r"THEN '([^']+)'", case)) == set(BASE_BASIS_ZH)
