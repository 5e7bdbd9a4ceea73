"""Round 26 of issue 18: unseen-32's false proposals and missed deadlines (scored once unseen with round 25's rules,
first-score-unseen-32.md, then moved to the development side):

- a multiple already reached (由…增长到…,增长6倍多; 已/实现了 before it) is a result, never a growth target
  (ownresults.reached_multiple), unless a word of intent stands before it;
- a count of the text's own parts or actions (十四个方面, 推出25项“免申即享”政策) is no target (ownresults.own_count),
  unless a word of intent stands before it;
- a plan period's last years (到“十二五”后3年) give the period's last year as deadline, held below 0.9 like every
  plan-period deadline (rules.UNPROVEN_RULES).

Every text is real, copied from the corpus text named beside it (tests/fixtures/real/policies/), with simplified or
traditional, full-width and spaced variants (OpenCC for the script). Controls with intent are marked as written for
the test (no page holds them).
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets, ownresults
from targetwatch.extraction.candidates import Document
from targetwatch.extraction.text import fold
from targetwatch.extraction.walk import walk
from tests.targetwatch.extraction.proposals import S2T, quantified, variants


def _variants(text: str) -> list[str]:
    return variants(text, "%万萬倍项項")


# xinjian-county-loans-status: a county's loans over five years, the multiple they reached
XINJIAN = ("5年来,该县小额贷款快速增长,发放量由当年630万元增长到今年的4022万元,增长6倍多。")


@pytest.mark.parametrize("text", _variants(XINJIAN))
def test_a_multiple_reached_after_a_level_reached_is_no_target(text):
    assert [p for p in quantified(text, "2010") if p.entry["comparator"] == "multiple_of_baseline"] == []


@pytest.mark.parametrize(("text", "kept"), [
    (XINJIAN, False),  # xinjian-county-loans-status
    (S2T.convert(XINJIAN), False),
    ("该县小额贷款发放量已增长6倍。", False),  # written for the test: 已 before the multiple
    # written for the test: intent before the span, a goal
    ("力争到2015年,发放量由630万元增长到4000万元,增长6倍。", True),
    # hunan-2017-hitech-zones-plan-news (simplified): a multiple against a base year is a target
    ("高新技术企业数量和科技型中小微企业数量比2016年翻一番。", True),
])
def test_reached_multiple_reads_the_span_and_intent(text, kept):
    doc = Document(text, fold(text), "t", None, issued="2015")
    multiples = [c for c in walk(doc) if {"growth_multiple", "doubling"}.intersection(c.rules_fired)]
    assert multiples
    assert [not ownresults.reached_multiple(doc, c) for c in multiples] == [kept] * len(multiples)


# ordos-2022-zhuanjingtexin-news: the opinion's fourteen parts, then its targets
ORDOS = ("从构建企业培育体系、实施“五企”培育工程、促进“专精特新”中小企业高端化智能化绿色化发展、加大信贷支持力度等"
         "十四个方面部署重点任务,充分释放“专精特新”助力经济发展“新动能”。按照培育目标,到2025年,全市创新型中小企业"
         "突破300家。")
# dalian-2023-work-report-review: the city's own 25 measures in a review of 2022
DALIAN = ("全面贯彻落实国务院稳经济一揽子政策和接续措施,制定出台“47+32+20”稳经济政策体系。推出25项“免申即享”政策,"
          "确保惠企政策精准滴灌、直达快享。")


@pytest.mark.parametrize("text", _variants(ORDOS))
def test_a_count_of_the_texts_own_parts_is_no_target_and_its_targets_stay(text):
    props = quantified(text, "2022")
    assert [p.value for p in props] == [300]
    assert props[0].entry["deadline"] == 2025


@pytest.mark.parametrize("text", _variants(DALIAN))
def test_a_count_of_measures_put_out_is_no_target(text):
    assert [p for p in quantified(text, "2023") if p.value == 25] == []


@pytest.mark.parametrize(("text", "own"), [
    ("推出25项“免申即享”政策", True),  # dalian-2023-work-report-review
    ("推出25項「免申即享」政策", True),  # the same, traditional with corner quotes
    ("从…等十四个方面部署重点任务", True),  # ordos-2022-zhuanjingtexin-news
    ("從…等十四個方面部署重點任務", True),  # the same, traditional
    ("计划推出25项惠企政策", False),  # written for the test: intent governs the count
    ("到2025年,全市创新型中小企业突破300家", False),  # ordos-2022-zhuanjingtexin-news: a target
])
def test_own_count_reads_parts_and_measures_without_intent(text, own):
    doc = Document(text, fold(text), "t", None, issued="2022")
    figures = [c for c in walk(doc) if c.comparator != "qualitative"]
    assert figures
    assert any(ownresults.own_count(doc, c) for c in figures) == own


# gansu-2011-guarantee-loans-news: the targets for the 十二五's last three years (annotated 2015)
GANSU = ("根据目标,到“十二五”后3年,甘肃小额担保贷款担保基金将达到20亿元以上,贷款余额保持在160亿元以上,"
         "还款率保持在95%以上。")


@pytest.mark.parametrize("text", [*_variants(GANSU), GANSU.replace("“", "「").replace("”", "」")])
def test_a_plan_periods_last_years_give_its_last_year_as_an_inferred_deadline(text):
    props = quantified(text, "2011")
    assert [p.value for p in props] == [2_000_000_000, 16_000_000_000, 95]
    assert [p.entry["deadline"] for p in props] == [2015, 2015, 2015]
    assert all(p.confidence < 0.9 for p in props)  # a plan-period deadline is held below the top band


def test_a_plan_period_already_over_gives_no_deadline():
    # written for the test: 到“十二五”后3年 in a text of 2016 (the period is over) sets nothing ahead
    props = quantified(GANSU, "2016")
    assert all(p.entry.get("deadline") != 2015 for p in props)


def test_the_reached_multiple_is_still_read_below_the_cut_off():
    # xinjian-county-loans-status: dropped as a result, not merely scored down
    assert [p for p in extract_targets(XINJIAN, "t", issued="2010", min_confidence=0.0)
            if p.entry["comparator"] == "multiple_of_baseline"] == []
