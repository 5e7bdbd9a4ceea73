"""A heading that names a five-year plan period's goals gives the figures below it the period's last year.

Round 42 (issue 18). `planperiod.carry` gives a figure the period's end when its own sentence names the period
(“十四五”时期,江苏要实现…). A page may name it once, in a heading line above the goals, and state every goal
below with no year: 福州's 2021 十四五 aims (traditional with readings, first unseen-53: a line "十四五"主要目標,
then 高新技術企業增加到4000家以上, 海洋生產總值達4250億元 and six more, all without a deadline at the first
score) and the 2016 national science plan's goals (development since the first split: a line
“十三五”科技創新的總體目標, then 研究與試驗發展經費投入強度達到2.5%, 科技進步貢獻率達到60% and nine more, none
with a deadline). Counted in 2 development texts before the rule, the test half not read.

The heading is a line of its own that names the period and ends with 目标 (“十三五”科技创新的总体目标,
"十四五"主要目标, “十三五”中国旅游业发展确定四大目标); a line that reports the goals met
(“十四五”5G建设目标提前完成, 完成“十三五”目标) is none. Its period's end is carried down the page to the next such
heading, to a figure the other rules left without a deadline and whose sentence names no year of its own before
it (a baseline year, 比2015年翻一番, is no deadline), and only when the period has not ended before the text's own
date; a text without a date is left as it is, as `planperiod` leaves it. The rule gives a deadline only: it is
no forward evidence (`evidence._IN_SCOPE` does not hold it), so no figure's confidence moves with it.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.carrydown import REVIEW_WORDS, carry_down

HEADING: Final = re.compile(
    r"^[ \u3000]*(?P<before>[^\n。;；,，!！?？]{0,14}?)" + rules.QUOTED_PERIOD
    + r"(?P<after>[^\n。;；,，!！?？]{0,14}?)目 {0,2}标[ \u3000:：]*$", re.M)
# A heading that reports the goals met or reviews them is no goal of the page.
REPORTED: Final = re.compile(REVIEW_WORDS + r"|实现|达成")
RULE: Final = "deadline_period_heading"


def headings(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, period's last year) of each heading line naming a plan period's goals, in order."""
    return [(m.start(), m.end(), rules.PLAN_PERIODS[m["period"]]) for m in HEADING.finditer(doc.view)
            if not REPORTED.search(m["before"] + m["after"])]


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a figure without a deadline the last year of the period the heading above it names (module docstring).
    The walk is carrydown.carry_down's, shared with the other heading rule."""
    carry_down(doc, cands, headings(doc), RULE)
