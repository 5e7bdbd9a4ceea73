"""Round 24 of issue 18: the false proposals of unseen-30 (scored once unseen with round 23's rules,
first-score-unseen-30.md, then moved to the development side): an undated statistics communiqué whose opening names a
plan and whose sector items carry no status word of their own. Round 24's rules have not been measured on fresh text
when these tests were written.

Every text is real, copied from the corpus text named beside it (tests/fixtures/real/policies/), with simplified or
traditional, full-width and spaced variants (OpenCC for the script). Where a test joins two real texts into one (a
control), the comment says so: no page holds that joined text.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import releases
from targetwatch.extraction.text import fold
from tests.targetwatch.extraction.proposals import quantified, variants


def _variants(text: str) -> list[str]:
    return variants(text, "%亿億")


def _props(text: str, issued: str | None) -> list[tuple[str, float | None]]:
    return [(p.entry["comparator"], p.value) for p in quantified(text, issued)]


# pingchang-2024-statistics (the page shows no date): the opening names the 十四五 规划; the sector items have no
# status word of their own
PINGCHANG = (
    "2024 年是全面贯彻落实党的二十大精神的关键之年,也是深入实施 “十四五” 规划承上启下的重要一年。全县上下在县委、"
    "县政府的坚强领导下,以习近平新时代中国特色社会主义思想为指引,全面贯彻党的二十大及二十届二中、三中全会精神,"
    "坚持稳中求进工作总基调,完整、准确、全面贯彻新发展理念,加快构建新发展格局,着力推动高质量发展,全县经济社会呈现"
    "稳中有进、进中向好的良好态势。\n"
    "一、综 合\n"
    "根据县(区)地区生产总值统一核算初步结果,2024年平昌县地区生产总值(GDP)201.20亿元,按不变价格计算,比上年增长6.5%。"
    "其中,第一产业增加值45.89亿元,增长1.8%;第二产业增加值42.61亿元,增长9.5%;第三产业增加值112.71亿元,增长7.1%。"
    "三次产业对经济增长的贡献率分别为6.3%、32.8%和60.9%。三次产业结构调整为22.8:21.2:56.0。(图1)\n"
    "二、民营经济\n"
    "全年民营经济增加值122.64亿元,比上年增长5.8%,占GDP的比重为61.0%,对GDP增长的贡献率为56.5%。其中,第一产业增加值"
    "44.56亿元,增长2.6%;第二产业增加值29.73亿元,增长9.4%;第三产业增加值48.35亿元,增长7.8%。\n"
    "三、农 业\n"
    "全年实现农林牧渔业增加值47.27亿元,增长1.8%。\n"
)
# jiangkou-2024-statistics: the same series written 同比
JIANGKOU = (
    "2024年实现地区生产总值94.96亿元,按可比价计算,同比增长5.1%。其中:第一产业实现增加值22.42亿元,同比增长4.3%;"
    "第二产业实现增加值21.11亿元,同比增长3.1%;第三产业实现增加值51.43亿元,同比增长6.2%。\n"
)
# china-2025-work-report-points-news: a list of the year's goals under its heading
GOALS_2025 = "二、今年主要预期目标\n国内生产总值增长5%左右\n城镇新增就业1200万人以上\n"


@pytest.mark.parametrize("text", _variants(PINGCHANG))
def test_an_undated_statistics_text_naming_a_plan_proposes_nothing(text):
    assert _props(text, None) == []


@pytest.mark.parametrize("text", _variants(PINGCHANG) + _variants(JIANGKOU))
def test_levels_with_their_growth_over_last_year_and_no_intent_are_a_statistics_text(text):
    assert releases.statistics_text(fold(text))
    assert releases.growth_pairs(fold(text)) >= releases.GROWTH_PAIRS_MIN


@pytest.mark.parametrize("text", _variants(PINGCHANG))
def test_a_statistics_text_followed_by_goals_is_no_statistics_text(text):
    # control, two real texts joined (no page holds them together): the goals' 目标 is a word of intent
    assert not releases.statistics_text(fold(text + GOALS_2025))


@pytest.mark.parametrize("text", _variants(PINGCHANG))
def test_the_items_of_a_total_grown_over_last_year_are_results_beside_goals(text):
    # control, two real texts joined (no page holds them together): the text is no statistics release, so what keeps
    # the sector items out is that their total's growth is 比上年 (the items carry it); the goals stay
    # the control stops before 三、农业: its line (全年实现农林牧渔业增加值47.27亿元,增长1.8%) is a level with
    # growth and no 比上年 over it, which only the statistics-text rule reads as a result (here it would be proposed)
    head = text[: fold(text).index("三、农")]
    props = _props(head + GOALS_2025, None)
    assert ("growth_rate", 5.0) in props
    assert ("at_least", 12_000_000.0) in props
    for item in (1.8, 9.5, 7.1, 2.6, 9.4, 7.8, 6.5, 5.8):
        assert ("growth_rate", item) not in props


# shangyu-2024-development-zone-work-plan: 其中 inside a goals list with 力争 keeps its figure
SHANGYU = (
    "综合考虑各方面因素,建议2024年经开区经济社会发展主要预期目标为:力争实现经济总量2600亿元,提前两年超额完成区第二次"
    "党代会提出的目标任务;规上工业增加值增长10%以上;固定资产投资增长15%以上,其中制造业投资增长20%以上;税收收入增长5%以上。"
)


@pytest.mark.parametrize("text", _variants(SHANGYU))
def test_items_under_a_goal_stay_targets(text):
    props = _props(text, None)
    assert not releases.statistics_text(fold(text))
    for value in (10.0, 15.0, 20.0, 5.0):
        assert ("growth_rate", value) in props
