"""Issue 18, round 8: classes of unseen-9, moved to the development side after its first score (text.py, figures.py,
rules.py). Real sentences come from unseen-9's texts (now development); sentences marked SYNTHETIC were written for
these tests. Every expected value is read off the sentence by hand.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets


def _props(text: str) -> list[tuple[str, float | None, int | None]]:
    return [(p.entry["comparator"], p.value, p.entry.get("deadline"))
            for p in extract_targets(text, "t") if p.entry["comparator"] != "qualitative"]


@pytest.mark.parametrize("text", [
    # hunan-2017-hitech-zones-plan-news: a reading inside the two-character cue 達到
    "力爭(zhēng)到2019年全省高新區(qū)高新技術(shù)產(chǎn)業(yè)增加值達(dá)到5000億元。",
    "力爭到2019年全省高新區高新技術產業增加值達到5000億元。",  # the same without the readings
])
def test_a_two_character_cue_split_by_a_reading_still_reads(text):
    assert _props(text) == [("at_least", 500_000_000_000, 2019)]


@pytest.mark.parametrize("text", [
    # hunan-2025-work-report-news (undated: 1月14日): the year's targets, then the past year's results
    "1月14日,工作报告提出,今年主要预期目标为地区生产总值增长5.5%左右,粮食产量616亿斤。\n"
    "2024年,湖南预计全年经济增速5%左右,总量为5.3万亿元左右。\n2025年湖南将力争高新技术产业增加值增长8%。",
])
def test_an_undated_text_reads_a_past_year_opening_from_its_latest_plain_year(text):
    assert [(c, v) for c, v, _ in _props(text)] == [("growth_rate", 5.5), ("exact", 61_600_000_000), ("growth_rate", 8)]


@pytest.mark.parametrize("text", [
    # hunan-2025-innovative-province-article and sichuan-2021-st-work-conference-news: counts of a plan's parts
    "2025年7月19日\n到2027年,配套政策涵盖金融支持、知识产权保护等20余项专项措施。",
    "2021年1月12日\n今年四川将谋定推动10个方面重点工作。",
    "2021年1月12日\n今年四川將謀定推動10個方面重點工作。",  # traditional
])
def test_counts_of_a_plans_parts_with_words_between(text):
    assert _props(text) == []


def test_a_year_of_targets_ends_a_news_cue():
    # SYNTHETIC, after hunan-2017-hitech-zones-plan-news: 目前… status, then a plan's indicators for a year ahead
    text = ("2017年8月1日\n目前,湖南省共有高新区21家。省科技厅印发的方案设定了2019年高新区发展指标。"
            "主要包括:每万人口发明专利拥有量达到30件。")
    assert [(c, v) for c, v, _ in _props(text)] == [("at_least", 30)]
