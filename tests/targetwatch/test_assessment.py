"""The assessment engine, case by case. Every expected number is worked out by hand in the comment beside it."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from targetwatch.assessment import assess
from targetwatch.config import PROJECT_DIR
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY, observations, target, tiny_catalogue

AFTER = dt.date(2026, 6, 30)  # every synthetic deadline (2020) has passed


def run(t, rows, as_of=AFTER):
    a, years = assess(tiny_catalogue(t), observations(rows), as_of)
    return a.iloc[0], years


# (case, target fields, observations, as_of, status, latest value, gap, attainment)
CASES = [
    ("at_least met at deadline", {"value": 100}, [("xx", "things", 2018, 80), ("xx", "things", 2020, 120)],
     AFTER, "achieved", 120, 20, 1.2),
    ("at_least met only later", {"value": 100}, [("xx", "things", 2020, 90), ("xx", "things", 2021, 105)],
     AFTER, "achieved_late", 105, 5, 1.05),
    ("at_least missed", {"value": 100}, [("xx", "things", 2019, 50), ("xx", "things", 2020, 60)],
     AFTER, "missed", 60, -40, 0.6),
    ("at_least is not strict", {"value": 100}, [("xx", "things", 2020, 100)], AFTER, "achieved", 100, 0, 1.0),
    ("exceed is strict", {"comparator": "exceed", "value": 100}, [("xx", "things", 2020, 100)],
     AFTER, "missed", 100, 0, 1.0),
    ("exact reads as a level to reach", {"comparator": "exact", "value": 100}, [("xx", "things", 2020, 101)],
     AFTER, "achieved", 101, 1, 1.01),
    # at_most: attainment is target / value = 5 / 4.5 = 1.1111
    ("at_most held", {"comparator": "at_most", "value": 5, "indicator": "share"}, [("xx", "share", 2020, 4.5)],
     AFTER, "achieved", 4.5, -0.5, 5 / 4.5),
    # approx 13000 ±5% = ±650: 12500 is inside the band
    ("approx inside tolerance", {"comparator": "approx", "value": 13000}, [("xx", "things", 2020, 12500)],
     AFTER, "achieved", 12500, -500, 12500 / 13000),
    ("approx outside tolerance", {"comparator": "approx", "value": 13000}, [("xx", "things", 2020, 12000)],
     AFTER, "missed", 12000, -1000, 12000 / 13000),
    # 达到1.3万件左右 and 16471 came in: overshooting a goal to reach is not a failure
    ("approx overshoot of an increase goal", {"comparator": "approx", "value": 13000}, [("xx", "things", 2020, 16471)],
     AFTER, "achieved", 16471, 3471, 16471 / 13000),
    ("range low bound met", {"comparator": "range", "value": 1, "value_high": 2}, [("xx", "things", 2020, 1)],
     AFTER, "achieved", 1, 0, 1.0),
    ("range missed", {"comparator": "range", "value": 1, "value_high": 2},
     [("xx", "things", 2019, 0), ("xx", "things", 2020, 0)], AFTER, "missed", 0, -1, 0.0),
    # 翻一番 from 50000 in 2017: goal 100000
    ("multiple of baseline met", {"comparator": "multiple_of_baseline", "multiple": 2, "baseline_year": 2017,
                                  "deadline": 2018, "indicator": "jobs"},
     [("xx", "jobs", 2017, 50000), ("xx", "jobs", 2018, 100000)], AFTER, "achieved", 100000, 0, 1.0),
    ("multiple of an unobserved baseline", {"comparator": "multiple_of_baseline", "multiple": 2,
                                            "baseline_year": 2017, "deadline": 2018, "indicator": "jobs"},
     [("xx", "jobs", 2018, 100000)], AFTER, "no_data", 100000, None, None),
    # growth 10%/yr from 100 in 2015: 170 in 2020 is a CAGR of 1.7**0.2 - 1 = 11.20% >= 10%
    ("growth rate met", {"comparator": "growth_rate", "value": 10},
     [("xx", "things", 2015, 100), ("xx", "things", 2020, 170)], AFTER, "achieved", 170, 170 - 100 * 1.1**5,
     170 / (100 * 1.1**5)),
    # 150 in 2020 is 1.5**0.2 - 1 = 8.45% < 10%
    ("growth rate missed", {"comparator": "growth_rate", "value": 10},
     [("xx", "things", 2015, 100), ("xx", "things", 2020, 150)], AFTER, "missed", 150, 150 - 100 * 1.1**5,
     150 / (100 * 1.1**5)),
    # reach the national level: 2.0 vs 2.4 in 2020 -> gap -0.4 pp, attainment 2.0/2.4
    ("relative to reference missed", {"comparator": "relative_to_reference", "reference_jurisdiction": "nat",
                                      "indicator": "share"},
     [("xx", "share", 2020, 2.0), ("nat", "share", 2020, 2.4)], AFTER, "missed", 2.0, -0.4, 2.0 / 2.4),
    ("relative to reference achieved", {"comparator": "relative_to_reference", "reference_jurisdiction": "nat",
                                        "indicator": "share"},
     [("xx", "share", 2020, 2.5), ("nat", "share", 2020, 2.4)], AFTER, "achieved", 2.5, 0.1, 2.5 / 2.4),
    ("no figure at all", {"value": 100}, [("xx", "jobs", 2020, 1)], AFTER, "no_data", None, None, None),
    ("a partial year is never compared with an annual target", {"value": 100},
     [("xx", "things", 2020, 500, None, "partial")], AFTER, "no_data", None, None, None),
]


@pytest.mark.parametrize(("case", "fields", "rows", "as_of", "status", "latest", "gap", "attainment"), CASES,
                         ids=[c[0] for c in CASES])
def test_comparators(case, fields, rows, as_of, status, latest, gap, attainment):
    a, _ = run(target(**fields), rows, as_of)
    assert a["status"] == status
    if latest is None:
        assert math.isnan(a["latest_value"])
    else:
        assert a["latest_value"] == pytest.approx(latest)
    if gap is not None:
        assert a["latest_gap"] == pytest.approx(gap)
    if attainment is not None:
        assert a["latest_attainment"] == pytest.approx(attainment)
    assert a["reason_zh"] and a["reason_en"]


def test_achieved_reason_names_this_targets_figures_only():
    # 120 in 2020 against at least 100: the sentence quotes exactly those numbers (no other target's column)
    a, _ = run(target(value=100), [("xx", "things", 2018, 80), ("xx", "things", 2020, 120)])
    assert a["reason_zh"] == "截止年2020实际120，达到目标100"
    assert a["reason_en"] == "120 in deadline year 2020 meets the target 100"


def test_approx_gap_to_band():
    # 12000 vs 13000 ±650: outside the band by 1000 - 650 = 350, below it
    a, _ = run(target(comparator="approx", value=13000), [("xx", "things", 2020, 12000)])
    assert a["latest_gap_to_band"] == pytest.approx(-350)


PACE = [
    # target 300 by 2020 from 100 in 2015 (plan start), judged at end-2018 on the 2017 figure:
    # required compound rate 3**(1/5) - 1 = 0.245731; actual (v/100)**(1/2) - 1
    ("on track", 160, "on_track", (1.6**0.5 - 1) / (3**0.2 - 1)),  # 0.264911 / 0.245731 = 1.0781
    ("at risk", 140, "at_risk", (1.4**0.5 - 1) / (3**0.2 - 1)),  # 0.183216 / 0.245731 = 0.7456
    ("off track", 120, "off_track", (1.2**0.5 - 1) / (3**0.2 - 1)),  # 0.095445 / 0.245731 = 0.3884
    ("regressing", 90, "regressing", (0.9**0.5 - 1) / (3**0.2 - 1)),  # -0.051317 / 0.245731 = -0.2088
]


@pytest.mark.parametrize(("case", "v2017", "status", "ratio"), PACE, ids=[p[0] for p in PACE])
def test_pace_before_deadline(case, v2017, status, ratio):
    a, _ = run(target(value=300), [("xx", "things", 2015, 100), ("xx", "things", 2017, v2017)],
               as_of=dt.date(2018, 12, 31))
    assert a["status"] == status
    assert a["growth_model"] == "compound"
    assert a["pace_ratio"] == pytest.approx(ratio, rel=1e-6)
    # position: share of the distance covered vs share of the time elapsed (3 of 5 years at end-2018)
    assert a["covered_share"] == pytest.approx((v2017 - 100) / 200)
    assert a["elapsed_share"] == pytest.approx(3 / 5)


def test_zero_baseline_uses_linear_growth_not_a_fudge():
    # 0 in 2015, 3 in 2017, target 10 by 2020: actual 1.5/yr, required 2/yr -> ratio 0.75 -> at risk
    a, _ = run(target(value=10), [("xx", "things", 2015, 0), ("xx", "things", 2017, 3)], as_of=dt.date(2018, 12, 31))
    assert a["growth_model"] == "linear"
    assert a["pace_ratio"] == pytest.approx(0.75)
    assert a["status"] == "at_risk"
    # linear projection to 2020: 3 + 1.5 * 3 = 7.5
    assert a["projection_linear"] == pytest.approx(7.5)


def test_single_point_reports_gap_but_no_trend():
    a, _ = run(target(value=300, plan_start=2017), [("xx", "things", 2017, 103)], as_of=dt.date(2019, 1, 1))
    assert a["status"] == "no_data"
    assert a["latest_gap"] == pytest.approx(-197)
    assert "trend unknown" in a["reason_en"]


def test_a_single_point_before_a_passed_deadline_gives_no_verdict_and_says_why():
    # Gansu's maker spaces: 103 in 2017, 300 by 2020, nothing since; judged in 2026: gap 103 - 300 = -197
    a, _ = run(target(value=300, plan_start=2017), [("xx", "things", 2017, 103)])
    assert a["status"] == "no_data" and a["latest_gap"] == pytest.approx(-197)
    assert a["reason_en"] == ("no figure for the deadline year 2020 or later, so no verdict; "
                              "latest 103 in 2017 against 300")
    assert a["reason_zh"] == "截止年2020年及以后没有数据，无法判定是否实现；最新为2017年103（目标300）"


def test_revision_latest_vintage_wins_and_as_of_replays_the_first_release():
    rows = [("xx", "things", 2020, 95, "2021-02-01"), ("xx", "things", 2020, 102, "2021-09-01")]
    now, _ = run(target(value=100), rows)
    assert (now["status"], now["latest_value"], bool(now["has_revisions"])) == ("achieved", 102, True)
    then, _ = run(target(value=100), rows, as_of=dt.date(2021, 6, 30))
    assert (then["status"], then["latest_value"]) == ("missed", 95)


PER_YEAR = [
    # 450000 a year over 2016-2020; years with data: 2016 met, 2017 not, 2018 met
    (AFTER, "missed", 2, 3),
    # replay at mid-2019: only 2016 and 2017 were released (end of following year) -> 1 of 2 met -> 0.5 -> off track
    (dt.date(2019, 6, 30), "off_track", 1, 2),
]


@pytest.mark.parametrize(("as_of", "status", "met", "years"), PER_YEAR)
def test_per_year_flow(as_of, status, met, years):
    t = target(indicator="jobs", value=450000, per_year=True, plan_start=2016)
    rows = [("xx", "jobs", 2016, 460000), ("xx", "jobs", 2017, 440000), ("xx", "jobs", 2018, 470000)]
    a, y = run(t, rows, as_of)
    assert a["status"] == status
    assert (a["plan_years_met"], a["plan_years_with_data"]) == (met, years)
    assert a["plan_cumulative"] == pytest.approx(sum(r[3] for r in rows[:years]))
    assert list(y.sort_values("year")["met"]) == [True, False, True][:years]


def test_qualitative_target_is_a_status_not_an_omission():
    t = target(comparator="qualitative", value=None, indicator=None, kind="qualitative")
    a = assess(tiny_catalogue(t), observations([("xx", "things", 2020, 1)]), AFTER)[0].iloc[0]
    assert a["status"] == "qualitative"
    assert a["reason_en"] == "qualitative goal with no number to measure"


# ---- the four headline targets on the bundled real figures, as of 2026-11-23 ----

@pytest.fixture(scope="module")
def bundled(catalogue):
    obs = ingest_folder(PROJECT_DIR / "reports", catalogue, as_of=TODAY).observations
    return catalogue, obs


def _headline(bundled, target_id, as_of=TODAY):
    catalogue, obs = bundled
    a, years = assess(catalogue, obs, as_of)
    return a.set_index("target_id").loc[target_id], years[years["target_id"] == target_id]


def test_gansu_maker_spaces(bundled):
    # only the Nov-2017 progress report (103 of all kinds); no figure for 2020 -> no verdict, gap 103 - 300
    a, _ = _headline(bundled, "gansu-2015-maker-spaces")
    assert (a["status"], a["latest_year"], a["latest_value"]) == ("no_data", 2017, 103)
    assert a["latest_gap"] == pytest.approx(-197)
    assert a["latest_attainment"] == pytest.approx(103 / 300)


def test_gansu_jobs_per_year_has_only_a_proxy(bundled):
    # new urban jobs is a proxy (never judged on); jobs via entrepreneurship has no series -> no_data
    a, _ = _headline(bundled, "gansu-2015-jobs-per-year")
    assert a["status"] == "no_data"
    assert a["n_points"] == 0


def test_shanxi_high_tech_enterprises(bundled):
    # stock: no 2020 figure; 3188 (2021) >= 1500 is the first figure after the deadline; latest 4155 (2023)
    a, _ = _headline(bundled, "shanxi-2017-high-tech-enterprises")
    assert a["status"] == "achieved_late"
    assert a["first_met_after_deadline"] == 2021
    assert (a["latest_year"], a["latest_value"]) == (2023, 4155)
    assert a["latest_gap"] == pytest.approx(2655)
    assert a["latest_attainment"] == pytest.approx(4155 / 1500)  # 2.77


def test_shanxi_rd_intensity_against_national(bundled):
    # 2020: Shanxi 1.20% vs national 2.40% -> missed; latest 2023: 1.16 vs 2.65 -> gap -1.49 pp
    a, years = _headline(bundled, "shanxi-2017-rd-intensity")
    assert a["status"] == "missed"
    assert a["deadline_value"] == pytest.approx(1.20)
    y2020 = years.set_index("year").loc[2020]
    assert (y2020["value"], y2020["reference_value"]) == (pytest.approx(1.20), pytest.approx(2.40))
    assert a["latest_gap"] == pytest.approx(1.16 - 2.65)
    assert a["latest_attainment"] == pytest.approx(1.16 / 2.65)
    assert a["latest_reference_value"] == pytest.approx(2.65)


def test_shanxi_rd_intensity_replayed_mid_2021(bundled):
    # as of 2021-06-30 only figures to 2019 count (no stated release date -> end of the following year).
    # gap 2017 (baseline, plan start): 0.95 - 2.13 = -1.18; 2019: 1.12 - 2.23 = -1.11
    # linear: actual (−1.11 + 1.18) / 2 = 0.035 pp/yr; required 1.18 / 3 = 0.39333 -> ratio 0.08898 -> off track
    a, _ = _headline(bundled, "shanxi-2017-rd-intensity", as_of=dt.date(2021, 6, 30))
    assert a["latest_year"] == 2019
    assert a["pace_ratio"] == pytest.approx(0.035 / (1.18 / 3), rel=1e-6)
    assert a["status"] == "off_track"


def test_on_track_then_missed_replay():
    # 300 by 2020 from 100 (2015); 2017 = 160 was on pace (ratio 1.078, see PACE) when judged at end-2018,
    # but 2020 came in at 250: missed when judged today. Same data, two as-of dates.
    rows = [("xx", "things", 2015, 100), ("xx", "things", 2017, 160), ("xx", "things", 2020, 250)]
    then, _ = run(target(value=300), rows, as_of=dt.date(2018, 12, 31))
    now, _ = run(target(value=300), rows)
    assert (then["status"], now["status"]) == ("on_track", "missed")
    assert now["verdict"] == "missed"
    assert then["verdict"] is None or (isinstance(then["verdict"], float) and math.isnan(then["verdict"]))


def test_position_expected_now_and_evidence():
    # compound path 100 -> 300 over 2015-2020; at end-2018, 3/5 of the time: 100 * 3**(3/5) = 193.318
    a, _ = run(target(value=300), [("xx", "things", 2015, 100), ("xx", "things", 2017, 160)],
               as_of=dt.date(2018, 12, 31))
    assert a["expected_now"] == pytest.approx(100 * 3 ** 0.6)
    assert a["evidence"] == "trend"
    assert a["base_observation_id"] == "syn:0"
    assert a["projection_used"] == "compound"
    # compound projection to 2020: 160 * 1.6**(3/2) = 323.82; linear: 160 + 30 * 3 = 250
    assert a["projection_compound"] == pytest.approx(160 * 1.6**1.5)
    assert a["projection_linear"] == pytest.approx(250)


@pytest.mark.parametrize(("x2019", "trend"), [(2.3, "closing"), (1.9, "widening"), (2.11, "flat")])
def test_relative_gap_trend(x2019, trend):
    # gap at plan start 2015: 2.0 - 2.4 = -0.4; in 2019: x - 2.5
    # (2.3: -0.2 closing; 1.9: -0.6 widening; 2.11: -0.39 flat)
    rows = [("xx", "share", 2015, 2.0), ("nat", "share", 2015, 2.4), ("xx", "share", 2019, x2019),
            ("nat", "share", 2019, 2.5)]
    t = target(comparator="relative_to_reference", reference_jurisdiction="nat", indicator="share")
    a, _ = run(t, rows, as_of=dt.date(2021, 1, 15))  # 2019 figures count from end-2020
    assert a["gap_trend"] == trend
    assert a["latest_gap"] == pytest.approx(x2019 - 2.5)


def test_proxy_flag_on_bundled_jobs_target(bundled):
    a, _ = _headline(bundled, "gansu-2015-jobs-per-year")
    assert bool(a["has_proxy_data"]) is True  # new urban jobs (proxy) exists for Gansu, shown but never judged
    b, _ = _headline(bundled, "shanxi-2017-rd-intensity")
    assert bool(b["has_proxy_data"]) is False
