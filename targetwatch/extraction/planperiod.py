"""A five-year plan period still ahead, named in a figure's sentence, gives the figure its deadline: the period's
last year (“十四五”时期,江苏要实现人均体育场地面积达到3.6平方米 → 2025).

Round 32 (issue 18). `rules.DEADLINES` read the period's end only when it is said as an end (到“十四五”末, 至十三五
期末); a sentence that sets its targets for the period (“十四五”时期 / 期间, …) gave none, and where no other figure
of the text states a year every target went without a deadline. Counted in 2 development texts before the rule:
江苏's 十四五 sports plan news (first unseen-42: ten targets under 《規劃》提出,“十四五”時期) and 云南's 2017 十三五
science plan news (first unseen-8: 十三五時期 before its goals).

Only a period that has not ended by the text's own date: “十三五”期间,…新增就业6564万人 in a 2021 page reviews
the period (`yearref.period_reviews`), it sets nothing. A text without a date of its own is left as it is (a
period named there may be reviewed or planned: nothing tells which), and so is a figure whose sentence names a year
or 今年 before it (鄂城's 2023年,…预期目标是:锚定“十四五”期间…的目标,…实现GDP增速高于全市平均水平: the year's
own target, seen on the development side when the rule was first run).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.yearref import YEAR_OR_OWN

PERIOD: Final = re.compile(rules.QUOTED_PERIOD + r"(?:时期|期间)(?!以来)")


def ahead(doc: Document, c: Candidate) -> bool:
    """Round 36: a period named in the figure's sentence that ends after the text's own year is forward evidence
    of the figure (evidence.forward), as 到2015年 is. 宁波's 2011 《规划》提出:“十二五”期间,全市…死亡率下降40%,
    …下降32%以上 (nine reductions, first unseen-47) were read as a report's figures (report_document, 0.10-0.30):
    the period's end counted only as a deadline. Not a period ending in the text's own year (“十四五”期间…从不足
    4万家增至14万家以上 in a 2025 text reviews it), and only for the figure itself: one such figure does not make a
    text of status figures a plan (evidence's `_future_deadline` still ignores it: a 2022 status report's single
    “十四五”时期目标数量10000家 turned seven of its status figures into proposals when it did)."""
    own = doc.issue_year
    return ("deadline_plan_period" in c.rules_fired and own is not None and c.deadline is not None
            and c.deadline > own)


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a figure without a deadline the last year of the plan period its sentence names before it, if ahead."""
    own = doc.issue_year
    if own is None:
        return
    for c in cands:
        if c.deadline is not None or c.comparator == "qualitative":
            continue
        named = list(PERIOD.finditer(doc.view, c.sentence.start, c.start))
        if not named or YEAR_OR_OWN.search(doc.view, c.sentence.start, c.start):
            continue  # 2023年,…预期目标是:锚定“十四五”期间…的目标,…: the year named is the figure's
        end = rules.PLAN_PERIODS[named[-1]["period"]]
        if end < own:
            continue
        c.deadline = end
        c.rules_fired.append("deadline_plan_period")
