"""One year's growth as a growth rate, and the document as evidence (targetwatch/extraction/evidence.py).

Real sentences come from the development half (tests/fixtures/real/policies/, split development); sentences marked
SYNTHETIC were written for these tests. Every expected value is read off the sentence by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import targetwatch.extraction.rules as rules
from targetwatch.catalogue import load_catalogue
from targetwatch.extraction import extract_targets

FIXTURES = Path(__file__).parents[2] / "fixtures"


def _props(text: str, **kw) -> list[dict]:
    return [p.entry | {"confidence": p.confidence, "rule": p.rule}
            for p in extract_targets(text, "t", **kw) if p.entry["comparator"] != "qualitative"]


# --- one year's growth -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "comparator", "value"), [
    # chengdu-2018-work-report (traditional) and shanghai-2024-work-report
    ("報告提出了成都今年發展的主要預期目標——地區生產總值增長7.5%,全社會固定資產投資增長8%。", "growth_rate", 7.5),
    ("建议今年全市经济社会发展的主要预期目标是:全市生产总值增长5%左右,地方一般公共预算收入增长5%。",
     "growth_rate", 5),
    ("今年全社會研發投入增長12%。", "growth_rate", 12),  # full width in the original: 增長１２％ folds the same
    ("今年全社會研發投入增長１２％。", "growth_rate", 12),
    ("今年全社会研发投入增长 12 %以上。", "growth_rate", 12),  # SYNTHETIC spacing variant
    # a price rise is a level of its own (shanghai-2024-work-report): 左右 as before
    ("建议今年全市的主要预期目标是:居民消费价格涨幅3%左右。", "approx", 3),
    # 年均增长 unchanged (fuzhou-style wording, SYNTHETIC)
    ("到2025年,全市技术合同成交额年均增长18%以上。", "growth_rate", 18),
])
def test_one_years_growth_is_a_growth_rate(text, comparator, value):
    props = _props(text)
    assert (props[0]["comparator"], props[0]["value"]) == (comparator, value)
    assert all(p["comparator"] == comparator for p in props)  # the second rate of a sentence reads the same


def test_growth_over_a_baseline_year_stays_a_multiple():
    # SYNTHETIC, the wording docs/extraction.md §4 gives: 比2015年增长50% -> ×1.5 over 2015
    (p,) = _props("到2020年,全省高新技术企业数量比2015年增长50%。")
    assert (p["comparator"], p["multiple"], p["baseline_year"]) == ("multiple_of_baseline", 1.5, 2015)


def test_a_fenbie_list_of_growth_rates_gives_each_the_rate():
    # chengdu-2018-work-report
    props = _props("今年主要預期目標:城鄉居民人均可支配收入分別增長8%、9%,全社會研發投入增長12%。")
    assert [(p["comparator"], p["value"]) for p in props] == [
        ("growth_rate", 8), ("growth_rate", 9), ("growth_rate", 12)]


# --- the document as evidence -------------------------------------------------------------------------------------

# hunan-city-2020-science-summary-status, its first lines
REVIEW = (
    "科技局2020年工作总结和2020年工作计划精选\n"
    "一、2020年工作情况\n"
    "大力培育高新技术产业,全市高企数量达到209家,2020年净增67家。7个省重大科技创新项目,全年完成研发投入1.1亿元。"
    "省级科普基地达13家。建成国家级科技企业孵化器1家、省级科技企业孵化器9家。\n"
)


def test_a_titled_review_proposes_nothing():
    assert _props(REVIEW) == []
    below = _props(REVIEW, min_confidence=0.0)
    assert below and all("report_document" in p["rule"] or "status" in p["rule"] for p in below)
    assert max(p["confidence"] for p in below) < rules.MIN_CONFIDENCE


def test_the_same_figures_in_a_plan_with_a_deadline_are_proposed():
    # SYNTHETIC: the review's sentences turned into a plan (a plan word in the title, a deadline ahead)
    plan = ("科技创新三年行动方案\n到2022年,全市高企数量达到209家,省级科普基地达13家,"
            "建成国家级科技企业孵化器1家、省级科技企业孵化器9家。\n")
    assert sorted(p["value"] for p in _props(plan)) == [1, 9, 13, 209]


# fujian-2017-maker-spaces-status: no title word, figures with no forward evidence
UNTITLED_STATUS = (
    "福建“双创”支撑平台快速发展 各类众创空间达500多家\n"
    "2017年,我省持续推进大众创业万众创新,加快创新要素集聚,“双创”支撑平台快速发展,量增质升。"
    "全省科技企业孵化器备案总数达165家,其中在孵企业4549家,创造岗位7.86万个。"
    "同时,新增互联网孵化器7家、累计全省互联网孵化器达44家。\n"
)


def test_a_text_with_few_forward_figures_and_no_plan_title_is_a_report():
    assert _props(UNTITLED_STATUS) == []


def test_a_plan_title_keeps_undated_indicators():
    # china-2016-st-plan-goals: the goals list has no date of its own; the title names the goals
    text = ("“十三五”科技創新的總體目標\n"
            "國家綜合創新能力世界排名進入前15位。\n"
            "研究與試驗發展經費投入強度達到2.5%。\n每萬人口發明專利擁有量達到12件。\n"
            "科技進步貢獻率達到60%。\n全國技術合同成交金額達到2萬億元。\n每萬名就業人員中研發人員達到60人年。\n")
    assert sorted(p["value"] for p in _props(text)) == [2.5, 12, 15, 60, 60, 2e12]


def test_a_past_year_with_a_verb_of_doing_is_a_statistic():
    # SYNTHETIC: a text of 2020 (its date) reporting 2019 mid-sentence, then a goal for the year
    text = ("发布时间: 2020-01-14\n经审定,全市2019年认定通过国家高新技术企业13家。"
            "今年力争新增国家高新技术企业20家以上。\n")
    (p,) = _props(text)
    assert p["value"] == 20
    (low,) = [q for q in _props(text, min_confidence=0.0) if q["value"] == 13]
    assert "past_year" in low["rule"] and low["confidence"] < rules.MIN_CONFIDENCE


def test_without_forward_evidence_confidence_stays_below_point_nine():
    catalogue = load_catalogue(FIXTURES / "extraction" / "catalogue.yaml")
    # SYNTHETIC: explicit comparator, target verb and a catalogue indicator, but no deadline, intent or goals
    (p,) = _props("建成众创空间50家以上。", catalogue=catalogue)
    assert p["confidence"] == rules.UNDATED_CAP
    # the same with a deadline, in a text of a known date: the bonuses count in full
    (q,) = _props("2018年3月1日\n到2020年,建成众创空间50家以上。", catalogue=catalogue)
    assert q["confidence"] == 1.0
    # round 9: in a text with no date of its own, that 2020 is ahead is an inference: held at the cap
    (r,) = _props("到2020年,建成众创空间50家以上。", catalogue=catalogue)
    assert r["confidence"] == rules.UNDATED_CAP and "deadline_undated_text" in r["rule"]
