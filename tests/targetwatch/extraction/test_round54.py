"""Round 54 of issue 18: rules written against the development side with unseen-64, unseen-65 and unseen-66 in it
(all three scored once at their frozen commits before this round; the test half, the holdouts and the fresh sets
unseen-67 and unseen-68 not read while writing).

- rule 1, `goalsline.py`: a line that is nothing but a goals heading (主要目标) leads the prose under it.

Expected values are worked out by hand from each sentence. Real sentences name their corpus text (development side);
controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets
from targetwatch.extraction.goalsline import cues
from tests.targetwatch.extraction.proposals import variants


def _scored(text: str, issued: str) -> list[tuple]:
    """Every quantified proposal at any confidence, as (value, unit, comparator, confidence, deadline)."""
    return [(p.value, p.unit, p.entry["comparator"], round(p.confidence, 2), p.entry.get("deadline"))
            for p in extract_targets(text, "t", min_confidence=0.0, issued=issued)
            if p.entry["comparator"] != "qualitative"]


# --- rule 1: a goals heading alone on its line (`goalsline.py`) --------------------------------------------------

# zhenan-2015-work-report-targets-news (development, first unseen-65; 2015-04): the editor's note and the report's
# praise, then the heading 主要目标 on its own line and the year's targets as prose (five of its fourteen kept here).
ZHENAN = ("商洛日报 - 商洛之窗讯 编者按:教育、就业、医疗、养老、精准扶贫、生态建设等一系列关乎民计民生的大事,"
          "都在2015年4月27日的镇安县政府工作报告中做了掷地有声的部署。\n"
          "县长璩泽涛在镇安县十七届人大四次会议上所作的政府工作报告,总结成绩客观实在、直观形象,谋划工作求真务实、催人奋进,"
          "得到与会代表和委员们的一致赞许。\n"
          "{head}\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右,非公经济占GDP比重达到53%,城镇化率提高2个百分点左右,"
          "万元GDP能耗下降3.5%。\n")
LEAD = [(11.5, "percent", "growth_rate", 0.9, None), (23, "percent", "growth_rate", 0.9, None),
        (53, "percent", "at_least", 0.9, None), (2, "percentage_points", "approx", 0.9, None),
        (3.5, "percent", "exact", 0.7, None)]
REPORT = [(11.5, "percent", "growth_rate", 0.3, None), (23, "percent", "growth_rate", 0.3, None),
          (53, "percent", "at_least", 0.3, None), (2, "percentage_points", "approx", 0.3, None),
          (3.5, "percent", "exact", 0.1, None)]


@pytest.mark.parametrize("text", variants(ZHENAN.format(head="主要目标")))
def test_a_goals_heading_alone_on_its_line_leads_the_prose_under_it(text):
    """The text reads as a report (two paragraphs of praise, one figure-free); the heading line 主要目标 now opens an
    ahead section and its paragraph's figures take goals_lead: 0.90 (0.30 and 0.10 before, report_document). The
    heading names no year, so no deadline is given (the gold's 2015 stays a deadline disagreement). 能耗下降3.5% keeps
    its policy-floor weight (0.70)."""
    assert _scored(text, "2015-04") == LEAD


@pytest.mark.parametrize("text", variants(ZHENAN.format(head="主要目标完成情况")))
def test_a_longer_heading_line_opens_nothing(text):
    """SYNTHETIC: 主要目标完成情况 (how the targets went) is a review's heading: the figures stay a report's."""
    assert _scored(text, "2015-04") == REPORT


@pytest.mark.parametrize("text", variants(ZHENAN.format(head="2014年主要目标")))
def test_a_goals_heading_of_a_year_before_the_texts_opens_nothing(text):
    """SYNTHETIC: last year's targets (2014年主要目标 in a 2015 text) are not ahead, as for every ahead cue."""
    assert _scored(text, "2015-04") == REPORT


@pytest.mark.parametrize("head", ["主要目标", "  预期目标 ", "发展目标", "\u3000工作目标", "2015年主要预期目标"])
def test_the_heading_line_forms(head):
    """The heading with blanks or a year, a line of its own with text under it: one cue, at the line's end."""
    view = f"前言。\n{head}\n生产总值增长8%。"
    assert cues(view, 0, 2015) == [(len("前言。\n") + len(head), "ahead", len(view))]


@pytest.mark.parametrize("view", ["主要目标是:\n增长8%。", "全年主要目标\n增长8%。", "主要目标\n",
                                  "主要目标任务\n增长8%。", "1.总体目标\n增长8%。", "(一)发展目标\n增长8%。"])
def test_what_is_no_heading_line(view):
    """SYNTHETIC: a colon (AHEAD_CUE's own form), other words on the line, nothing under it, 目标任务, an item
    number (the walk's headings, and round 22's choice for 1.总体目标): no cue here."""
    assert cues(view, 0, 2015) == []
