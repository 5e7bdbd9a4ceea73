"""Round 20 of issue 18: the false proposals and misses of unseen-25 (scored once unseen with round 19's rules,
first-score-unseen-25.md, then moved to the development side). Round 20's rules have not been measured on fresh text.

Every text is real, copied from a corpus text named beside it (tests/fixtures/real/policies/), with traditional,
full-width and spaced variants; the issue dates given are the pages' dates (None where the page shows none).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.extraction.proposals import quantified


def _props(text: str, issued: str | None) -> list[tuple[str, float | None]]:
    return [(p.entry["comparator"], p.value) for p in quantified(text, issued)]


@pytest.mark.parametrize("text", [
    # china-2016-work-report-growth-target-news (2016-03-05): last year reviewed inside the report's news
    "李克強在回顧2015年工作時提到,中國經濟運行保持在合理區間。國內生產總值達到67.7萬億元,增長6.9%,在世界主要經濟體中"
    "位居前列。"
    "城鎮新增就業1312萬人,超過全年預期目標。",
    "李克强在回顾2015年工作时提到,中国经济运行保持在合理区间。国内生产总值达到67.7万亿元,增长6.9%,在世界主要经济体中"
    "位居前列。"
    "城镇新增就业1312万人,超过全年预期目标。",
    "李克强在回顾2015年工作时提到，中国经济运行保持在合理区间。国内生产总值达到６７.７万亿元，增长６.９％，在世界主要"
    "经济体中位居前列。"
    "城镇新增就业１３１２万人，超过全年预期目标。",
])
def test_a_review_of_last_year_reports(text):
    assert _props(text, "2016-03") == []


@pytest.mark.parametrize("text", [
    # deyang-2021-employment-status-news: results with their shares of the year's targets
    "2021年,全市城镇新增就业50801人,与去年同期相比增长20.61%,完成省民生工程目标任务的130.26%;失业人员再就业12089人,"
    "完成目标任务的157%。",
    "2021年,全市城鎮新增就業50801人,與去年同期相比增長20.61%,完成省民生工程目標任務的130.26%;失業人員再就業12089人,"
    "完成目標任務的157%。",
    # china-2026-ai-industry-target-news (2026-03-08): an estimate, a session's number behind a mirror's reading
    "鄭柵潔在十四屆全國(guó)人大四次會(huì)議經(jīng)濟(jì)主題記者會(huì)上說:“今年初步估算這些方面的投資將超過(guò)"
    "7萬(wàn)億元。”",
    "郑栅洁在十四届全国人大四次会议经济主题记者会上说:“今年初步估算这些方面的投资将超过7万亿元。”",
])
def test_results_against_a_target_an_estimate_and_a_session_number_are_no_targets(text):
    assert _props(text, None) == []


@pytest.mark.parametrize("text", [
    # china-2022-head-geese-plan-news (2022-04-03): a count for each county each year is coverage
    "《鄉村產業振興帶頭人培育“頭雁”項目實施方案》,自2022年起每年為每個縣培育10名左右“頭雁”,用5年時間培育一支…隊伍。",
    "《乡村产业振兴带头人培育“头雁”项目实施方案》,自2022年起每年为每个县培育10名左右“头雁”,用5年时间培育一支…队伍。",
    "《乡村产业振兴带头人培育“头雁”项目实施方案》，自2022年起每年为每个县培育１０名左右“头雁”，用5年时间培育一支…队伍"
    "。",
])
def test_a_count_for_each_county_is_coverage(text):
    assert _props(text, "2022-04") == [("at_least", 100)]


@pytest.mark.parametrize("text", [
    # pingshan-2022-work-report-news (2022-04-22), round 21: 全年 after a past year named in its paragraph is that year
    "報告指出,坪山區2021年實現了經濟發展穩中提質。全年地區生產總值達910.6億元、增長11.7%,固定資產投資總額達481.5億元"
    "、增長15.9%。",
    "报告指出,坪山区2021年实现了经济发展稳中提质。全年地区生产总值达910.6亿元、增长11.7%,固定资产投资总额达481.5亿元"
    "、增长15.9%。",
    "报告指出，坪山区2021年实现了经济发展稳中提质。全年地区生产总值达９１０.６亿元、增长１１.７％，固定资产投资总额达"
    "４８１.５亿元、增长１５.９％。",
    # china-2015-jobs-2014-results-news (2015-01-26)
    "李忠表示,2014年中國就業形勢保持總體穩定,全年城鎮新增就業1,322萬人,年末城鎮登記失業率為4.09%。",
])
def test_the_whole_of_a_past_year_is_status(text):
    assert _props(text, "2022-04" if "坪山" in text else "2015-01") == []


def test_the_whole_of_the_texts_own_year_stays_a_target():
    # lishui-2023-work-report-tasks style: 全年 with no past year before it is the text's year
    text = "2023年主要预期目标:全年地区生产总值增长6%以上。"
    assert _props(text, "2023-02") == [("growth_rate", 6)]
