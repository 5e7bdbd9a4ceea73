"""Rank targets and growth above a reference as catalogue comparators, and how they are judged (issue 18 item 2).

Every figure below is SYNTHETIC, written for this test; expected values are worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from targetwatch.assessment import assess
from targetwatch.catalogue import Catalogue, Indicator, Jurisdiction
from targetwatch.extraction import extract_targets
from tests.conftest import SYNTHETIC_JURISDICTIONS, observations, target

AFTER = dt.date(2026, 6, 30)


def _catalogue(*targets) -> Catalogue:
    return Catalogue(
        version=1,
        jurisdictions=list(SYNTHETIC_JURISDICTIONS),
        indicators=[
            Indicator(code="things", name_zh="事物", name_en="Things", unit="count", measure="stock",
                      definition_en="synthetic stock"),
            Indicator(code="place", name_zh="综合评价位次", name_en="Rank", unit="rank", measure="rate",
                      direction="decrease", definition_en="synthetic rank (1 = first)"),
        ],
        targets=list(targets),
    )


def _run(t, rows):
    a, years = assess(_catalogue(t), observations(rows), AFTER)
    return a.iloc[0], years


def test_the_schema_asks_each_new_comparator_for_what_it_needs():
    with pytest.raises(ValidationError, match="rank_at_most needs scope"):
        target(comparator="rank_at_most", indicator="place", value=40)
    with pytest.raises(ValidationError, match="rank_at_most needs a value"):
        target(comparator="rank_at_most", indicator="place", scope="province")
    with pytest.raises(ValidationError, match="growth_above_reference needs reference_jurisdiction"):
        target(comparator="growth_above_reference")
    assert target(comparator="rank_at_most", indicator="place", value=40, scope="province").scope == "province"


@pytest.mark.parametrize(("rank_2020", "status", "gap", "attainment"), [
    (38, "achieved", -2, 40 / 38),  # 跃居全省前40位: 38th is within the first 40; attainment 40 / 38
    (40, "achieved", 0, 1.0),  # 40th is "前40位"
    (45, "missed", 5, 40 / 45),  # 45th is not
])
def test_a_rank_is_met_at_or_above_its_place(rank_2020, status, gap, attainment):
    t = target(comparator="rank_at_most", indicator="place", value=40, scope="province")
    a, _ = _run(t, [("xx", "place", 2019, 55), ("xx", "place", 2020, rank_2020)])
    assert a["status"] == status
    assert a["latest_gap"] == pytest.approx(gap)
    assert a["latest_attainment"] == pytest.approx(attainment)


def test_a_rank_moving_up_is_on_track_before_its_deadline():
    # from 60th (2021) to 50th (2023), aiming at 40th by 2025: rate -5 a year, required (40-60)/4 = -5: ratio 1.0
    t = target(comparator="rank_at_most", indicator="place", value=40, scope="province", deadline=2025,
               plan_start=2021)
    # (a figure with no release date counts from the end of the next year: the 2023 rank from 2024-12-31)
    a, _ = assess(_catalogue(t), observations([("xx", "place", 2021, 60), ("xx", "place", 2023, 50)]),
                  dt.date(2025, 6, 30))
    assert a.iloc[0]["status"] == "on_track"
    assert a.iloc[0]["pace_ratio"] == pytest.approx(1.0)


def _growth(xx_2020):
    t = target(comparator="growth_above_reference", reference_jurisdiction="nat", plan_start=2019)
    return _run(t, [("xx", "things", 2018, 100), ("xx", "things", 2019, 110), ("xx", "things", 2020, xx_2020),
                    ("nat", "things", 2018, 100), ("nat", "things", 2019, 108), ("nat", "things", 2020, 117)])


def test_growth_above_a_reference_is_judged_year_by_year():
    # nat grew 8% in 2019 and 117/108 - 1 = 8.33% in 2020. xx grew 10% in 2019 (goal 100 * 1.08 = 108, value 110)
    # and 10% in 2020 (goal 110 * 117 / 108 = 119.1667, value 121): both years met.
    a, years = _growth(121)
    assert a["status"] == "achieved"
    assert years.sort_values("year")["goal"].tolist() == pytest.approx([108, 110 * 117 / 108])
    assert years.sort_values("year")["met"].tolist() == [True, True]
    # 2018 has no year before it: no growth to compare, so no row


def test_growth_below_the_reference_in_one_year_misses():
    # 118 in 2020 is 7.27% growth, below nat's 8.33%: goal 119.1667, gap 118 - 119.1667
    a, years = _growth(118)
    assert a["status"] == "missed"
    assert a["latest_gap"] == pytest.approx(118 - 110 * 117 / 108)
    assert years.sort_values("year")["met"].tolist() == [True, False]


def test_extracted_proposals_fit_the_schema():
    # (dev: dongtou-2023-science) the rank proposal now validates except for its proposed indicator code
    rank = next(p for p in extract_targets("到2027年，科技进步综合评价位次跃居全省前40位。", "x")
                if p.entry["comparator"] == "rank_at_most")
    assert (rank.entry["scope"], rank.entry["value"], rank.unit) == ("province", 40, "rank")
    assert [p for p in rank.problems if not p.startswith("indicator:")] == []


def test_an_extracted_reference_is_named_through_the_catalogue():
    # a city's plan comparing with 全省 names the city's parent province; 全国 names the national jurisdiction
    catalogue = Catalogue(
        version=1,
        jurisdictions=[
            Jurisdiction(code="nat", admin_code="100000", name_zh="全国", name_en="Nation", level="national"),
            Jurisdiction(code="prov", admin_code="990000", name_zh="测试省", name_en="Test Province", level="province",
                         parent="nat"),
            Jurisdiction(code="city", admin_code="990100", name_zh="测试市", name_en="Test City", level="prefecture",
                         parent="prov"),
        ],
        indicators=[], targets=[],
    )
    text = "测试市人民政府\n到2020年，全市研发经费增幅明显高于全省平均增幅，技术合同成交额增幅高于全国平均增幅。"
    got = [p.entry.get("reference_jurisdiction") for p in extract_targets(text, "x", catalogue)
           if p.entry["comparator"] == "growth_above_reference"]
    assert got == ["prov", "nat"]
