"""Round 36 of issue 18: after unseen-47 joined the development side, two classes its first score missed are read:

- a five-year plan period still ahead, named in a figure's own sentence, is forward evidence of that figure
  (`planperiod.ahead`, used by `evidence.forward`): 宁波's 2011 work-safety plan news (first unseen-47) stated its
  nine reductions under 《规划》提出:“十二五”期间 and they were read as a report's figures; the period gives a deadline
  in 13 development texts' figures (round 32 read it as a deadline from 江苏's 十四五 sports and 云南's 十三五 science
  news), and only 宁波's had no other forward word;
- 在现有…基础上 frames a target on what exists, it is no status word (`existingbase.py`; the 2017 civil airports
  layout plan news, first unseen-47, and 河北's 2014 rural e-commerce demonstration counties news, first unseen-40).

Expected values are worked out by hand from each sentence: the figure in base units, the comparator its words give,
the deadline its year or period gives. Real sentences name their corpus text (development side); controls written
for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from tests.targetwatch.extraction.proposals import fields, quantified, variants


def _read(props):
    return fields(props, "value", "unit", "comparator", "deadline")


# ningbo-2011-work-safety-12th-plan-news (development, first unseen-47): the first two of its nine reductions
NINGBO = ("《规划》提出:“十二五”期间,全市亿元国内生产总值生产安全事故死亡率下降40%,"
          "工贸商贸10万就业人员生产安全事故死亡率下降32%以上,道路交通万车死亡率下降35%以上。")


@pytest.mark.parametrize("text", variants(NINGBO))
def test_a_period_ahead_in_the_sentence_is_forward_evidence(text):
    # 十二五 ends in 2015, after the page's 2011: 下降40% exact, 下降32%以上 / 35%以上 at least (a rate of reduction
    # in per cent), each with the period's last year
    props = quantified(text, issued="2011")
    assert _read(props) == [(40, "percent", "exact", 2015), (32, "percent", "at_least", 2015),
                            (35, "percent", "at_least", 2015)]
    assert all("deadline_plan_period" in p.rule for p in props)


def test_the_whole_ningbo_text_proposes_its_nine_reductions():
    from targetwatch.extraction.corpus import issued, load_corpus
    docs, _ = load_corpus()
    doc = docs["ningbo-2011-work-safety-12th-plan-news"]
    props = quantified(doc.text, issued=issued(doc))
    # 40, 32, 35, 14, 10, 12.5 ×3, 10 in per cent, all by 2015 (before round 36: none at 0.5 or above)
    assert [p.value for p in props] == [40, 32, 35, 14, 10, 12.5, 12.5, 12.5, 10]
    assert {p.entry["deadline"] for p in props} == {2015}
    assert all(p.confidence < 0.9 for p in props)  # the period is a deadline by inference from a name: held below


def test_a_period_ending_in_the_texts_own_year_is_not_forward_evidence():
    # SYNTHETIC control: the same sentence on a 2015 page reviews the period it ends; nothing marks it ahead
    assert quantified(NINGBO, issued="2015") == []


def test_a_period_already_over_gives_nothing():
    # SYNTHETIC control: on a 2016 page “十二五”期间 is over (planperiod.carry leaves it): no deadline, nothing ahead
    assert quantified(NINGBO, issued="2016") == []


# china-2017-civil-airports-layout-plan-news-trad (development, first unseen-47): the third paragraph
AIRPORTS = ("根據規劃,我國將完善華北、東北、華東、中南、西南、西北六大機場群,到2025年,在現有(含在建)機場基礎上,"
            "新增布局機場136個,全國民用運輸機場規劃布局370個(規劃建成約320個)。")


@pytest.mark.parametrize("text", variants(AIRPORTS))
def test_in_existing_base_is_no_status_word(text):
    # 136 and 370 airports exact, 約320 approx, all by 2025 (before round 36: 0.10-0.30, status_report)
    props = quantified(text, issued="2017-03")
    assert _read(props) == [(136, "count", "exact", 2025), (370, "count", "exact", 2025),
                            (320, "count", "approx", 2025)]
    assert all("existing_base" in p.rule for p in props)


def test_a_growth_rate_over_the_existing_base():
    # hebei-2014-rural-ecommerce-demo-counties-news (development, first unseen-40): 年均增长30%以上, a growth rate of
    # at least 30 per cent a year (before round 36: 0.20, status_report)
    props = quantified("力争示范县(市)电子商务交易额在现有基础上年均增长30%以上。", issued="2014")
    assert _read(props) == [(30, "percent", "growth_rate", None)]
    assert "existing_base" in props[0].rule


@pytest.mark.parametrize("text", [
    "截至2016年底,在现有基础上新增布局机场136个。",  # SYNTHETIC: 截至 is status whatever the frame
    "在现有基础上,已建成机场136个。",  # SYNTHETIC: 已建成 in the clause is done
    "目前,在现有基础上新增布局机场136个。",  # SYNTHETIC: 目前 is status whatever the frame
])
def test_status_cues_beside_the_frame_stay_status(text):
    from targetwatch.extraction import extract_targets
    assert quantified(text, issued="2017") == []
    every = extract_targets(text, "t", issued="2017", min_confidence=0.0)
    assert [p.rule.split("+")[-1] for p in every] == ["status_report"]  # read, and held as status


def test_the_frame_alone_lifts_the_status_penalty():
    # SYNTHETIC: the frame with no other cue: 136 airports exact, no deadline, proposed (0.6)
    props = quantified("在现有基础上新增布局机场136个。", issued="2017")
    assert _read(props) == [(136, "count", "exact", None)]
