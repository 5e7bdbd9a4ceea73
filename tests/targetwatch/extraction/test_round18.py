"""Round 18 of issue 18: the misses and false proposals of unseen-23 (scored once unseen with round 17's rules,
first-score-unseen-23.md, then moved to the development side) and the classes the earlier sets left open.

Every text is real, copied from a corpus text named beside it (tests/fixtures/real/policies/), with traditional,
full-width and spaced variants; the issue dates given are the pages' dates (None where the page shows none).
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets
from targetwatch.extraction.text import fold


def _props(text: str, issued: str | None) -> list[tuple[str, float | None, str | None]]:
    return [(p.entry["comparator"], p.value, p.unit)
            for p in extract_targets(text, "t", issued=issued) if p.entry["comparator"] != "qualitative"]


@pytest.mark.parametrize(("text", "value"), [
    # shandong-2013-work-report-news (2013-01-25): a rate per thousand
    ("今年全省经济社会发展的主要预期目标是,城镇登记失业率控制在4%以内,人口自然增长率控制在6‰以内。", 6),
    ("今年全省經濟社會發展的主要預期目標是,城鎮登記失業率控制在4%以內,人口自然增長率控制在6‰以內。", 6),
    ("今年全省经济社会发展的主要预期目标是，城镇登记失业率控制在４％以内，人口自然增长率控制在６‰以内。", 6),
    ("今年全省经济社会发展的主要预期目标是,城镇登记失业率控制在 4% 以内,人口自然增长率控制在 6 ‰ 以内。", 6),
    # sichuan-2009-work-report-news (2009-01-15): written out in words
    ("今年全省经济社会发展的主要预期目标是,城镇登记失业率控制在4%以内,人口自然增长率控制在千分之四点五以内。", 4.5),
    ("今年全省經濟社會發展的主要預期目標是,城鎮登記失業率控制在4%以內,人口自然增長率控制在千分之四點五以內。", 4.5),
])
def test_a_rate_per_thousand_is_read_in_its_own_unit(text, value):
    assert ("at_most", value, "permille") in _props(text, "2013-01")


def test_a_rate_written_in_words_folds_in_place():
    text = "人口自然增长率控制在千分之四点五以内，比重达到百分之十五"
    assert fold(text) == "人口自然增长率控制在  4.5‰以内,比重达到  15%"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    # urumqi-2017-incubation-chains-news: events (次), 人次 stays persons
    ("预计新增孵化企业400家,举办创新创业活动200余次。", ("at_least", 200, "times")),
    ("預計新增孵化企業400家,舉辦創新創業活動200餘次。", ("at_least", 200, "times")),
    ("预计新增孵化企业４００家，举办创新创业活动２００余次。", ("at_least", 200, "times")),
    ("预计新增孵化企业 400 家,举办创新创业活动 200 余次。", ("at_least", 200, "times")),
    # china-2025-digital-china-action-plan-news: computing power
    ("到2025年,数据产业规模年均增速超过15%,算力规模超过300EFLOPS。", ("exceed", 300, "EFLOPS")),
    ("到2025年，數據產業規模年均增速超過15%，算力規模超過３００ＥＦＬＯＰＳ。", ("exceed", 300, "EFLOPS")),
    ("到2025年,数据产业规模年均增速超过15%,算力规模 超过 300 EFLOPS。", ("exceed", 300, "EFLOPS")),
])
def test_events_and_computing_power_are_units_of_their_own(text, expected):
    assert expected in _props(text, "2025")


@pytest.mark.parametrize("text", [
    # anhui-2022-chuangye, guangdong-2023-graduates-plan, pingdingshan-2025-work-report-targets-news,
    # china-2016-returnee-training: 次 that counts no events
    "是推进三次产业高质量协同发展、持续优化经济结构的重要支撑。",
    "深入贯彻党的二十大精神和省委十三届二次全会部署。",
    "落實省委十一屆八次全會暨省委經濟工作會議精神。",
    "对登记失业的高校毕业生自主创业的,可申请一次性创业补贴。",
])
def test_ci_that_counts_no_events_is_no_figure(text):
    assert all(u != "times" for _, _, u in _props(text, "2023"))
