"""Round 11 of issue 18: the classes unseen-13 showed (development material since its first score).

Real sentences from the corpus (the document id is named in each case), with traditional, full-width and spaced
variants; a dateline added to a sentence is marked SYNTHETIC. Expected values are read off the sentences by hand.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets


def _props(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(p.entry["comparator"], p.value if p.value is not None else p.entry.get("multiple"), p.unit)
            for p in extract_targets(text, "t") if p.entry["comparator"] != "qualitative"]


# yangbi-2023-work-report-targets: a lead with a colon, then items ending with ;
YANGBI = ("2023年经济社会发展的主要预期目标建议为:地区生产总值增长8%以上;一般公共预算收入增长20%以上;"
          "规模以上固定资产投资增长6%以上;规模以上工业增加值增长15%以上;社会消费品零售总额增长5%以上;"
          "城镇居民人均可支配收入增长7%以上;农村居民人均可支配收入增长9%以上。\n围绕上述目标,我们将着重抓好以下六个方面的工作。")


@pytest.mark.parametrize("text", [
    YANGBI,
    YANGBI.replace("经济社会发展的主要预期目标建议为", "經濟社會發展的主要預期目標建議為").replace("增长", "增長"),
    YANGBI.replace(":", "：").replace(";", "；").replace("8%", "８％"),  # full width
    YANGBI.replace("增长15%以上", "增长 15% 以上"),  # spaced
])
def test_a_colon_lead_reaches_every_item_of_its_list(text):
    assert [v for _, v, _ in _props(text)] == [8, 20, 6, 15, 5, 7, 9]


@pytest.mark.parametrize(("text", "multiple"), [
    ("到2024年底,实现数字经济核心产业增加值翻番。", 2),  # hubei-2022-digital-economy-plan-news
    ("到2024年底,實現數字經濟核心產業增加值翻番。", 2),
    ("到2025年,高新技术企业数量翻一番。", 2),  # the counted form still reads
])
def test_doubling_without_a_count(text, multiple):
    assert _props("2022年9月13日\n" + text) == [("multiple_of_baseline", multiple, None)]


@pytest.mark.parametrize("text", [
    # beibei-2023-double-doubling-tasks: a level above the city's average
    "到2027年,全社会研发经费投入强度超过全市平均水平。",
    "到2027年,全社會研發經費投入強度超過全市平均水平。",
])
def test_above_a_local_average(text):
    assert _props("2023年5月30日\n" + text) == [("relative_to_reference", None, "percent")]  # a rate, compared


def test_growth_above_an_average_stays_growth():
    # hefei-2025-work-report: 增速高于全国平均水平 is growth above a reference, not a level
    assert _props("2025年1月20日\n今年,进出口总额增速高于全国平均水平。") == [
        ("growth_above_reference", None, None)]


@pytest.mark.parametrize("text", [
    "固定资产投资、工业投资、服务业投资均增长12%左右。",  # jinhua-2024-development-zone-targets
    "固定資產投資、工業投資、服務業投資均增長12%左右。",
])
def test_each_of_several_names_gets_the_rate(text):
    assert _props("2024年3月1日\n2024年目标任务\n今年," + text) == [("growth_rate", 12, "percent")] * 3


def test_an_annual_average_is_no_each():
    # SYNTHETIC: 年均增长 over one name is one target
    assert _props("2024年3月1日\n到2027年,研发经费投入年均增长10%以上。") == [("growth_rate", 10, "percent")]


@pytest.mark.parametrize("text", [
    "今年主要预期目标:粮食产量保持在1.3万亿斤以上……",  # china-2023-work-report-targets-abstract
    "今年主要預期目標:糧食產量保持在1.3萬億斤以上……",
])
def test_two_scale_words_and_a_lists_ellipsis(text):
    assert _props("2023年3月5日\n" + text) == [("at_least", 1.3e12, "jin")]


def test_a_cut_figure_is_still_not_read():
    # zhejiang-2022-zhuanjingtexin form (round 5): the copy stops inside the figure
    assert _props("2022年1月1日\n到2025年,省级专精特新中小企业1万家以 ……") == []


def test_a_plans_parts_before_a_dash():
    # hubei-2022-digital-economy-plan-news: 十项工程 is what the plan contains
    text = "2022年9月13日\n湖北实施六大行动、十项工程——“数字湖北”核心产业增加值3年翻番"
    assert ("exact", 10, "count") not in _props(text)
