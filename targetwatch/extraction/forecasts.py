"""Round 18 (issue 18): a forecast is not a target, even in a text that names a plan.

Round 10 dropped a figure after 预测 / 测算 / 估计 outside a plan's own words and held one after 预计 / 有望
below 0.9, because plans write 预计 before their own goals (项目完成后,预计新增孵化企业400家; 预计全年数字经济
增加值超2.9万亿元 in a year's work points). The annotation guide (tests/fixtures/real/policies/README.md) reads a
funded project's expected results as its goals and someone's estimate as none: every figure after 有望 (is
expected to) or 可达 (could reach) in the corpus is left out as a forecast (技术合同成交额有望突破2800亿元 in a
plan's news, R&D…比重有望达到1.43%左右, 科技进步贡献率可达56%), and no annotated target is written with them.
So 有望 / 可达 earlier in the figure's sentence mark it as a forecast (`rules.CONFIDENCE["forecast"]`, rule
`forecast_hope`) whatever the text names; 预计 stays a weak cue.

Round 22: 预计 next to a year before the text's own (预计2022年武汉地区生产总值增长4.5%左右, 长沙2022年预计…增长4.8%
in a
story of 2023's targets) estimates the year past: a statistic not yet final, not a goal (`rules.CONFIDENCE["status"]`,
rule `estimate_of_past_year`), as 初步预计 is (rules.REPORT_WORDS). The text's own year is its date, or without one
the latest year it names.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

# 有望 (is expected to), 可达 / 可达到 (could reach); read through a mirror's reading blanks.
HOPE: Final = re.compile(r"有 {0,8}望|可 {0,8}达")
# 预计 and a year in one clause, either order (预计2022年…, 2022年预计…; a mirror's scattered words in between).
PAST_ESTIMATE: Final = re.compile(
    r"预 {0,8}计[^。;；,，]{0,6}?(?P<y1>(?:19|20)\d{2}) {0,2}年"
    r"|(?P<y2>(?:19|20)\d{2}) {0,2}年[^。;；,，]{0,12}?预 {0,8}计")


def mark_forecasts(doc: Document, cands: list[Candidate]) -> None:
    """Lower each figure whose own sentence, before it, says it is expected or could be reached."""
    for c in cands:
        if c.comparator == "qualitative" or "forecast" in c.rules_fired:
            continue
        if HOPE.search(doc.view, c.sentence.start, c.start):
            c.score += rules.CONFIDENCE["forecast"]
            c.rules_fired.append("forecast_hope")
        if "done" not in c.rules_fired and _estimates_past_year(doc, c):
            c.score += rules.CONFIDENCE["status"]
            c.rules_fired.append("estimate_of_past_year")


def _estimates_past_year(doc: Document, c: Candidate) -> bool:
    """预计 with a year before the text's own earlier in the figure's sentence, and no other year nor a word of intent
    between it and the figure (…预计总量达到1.9万亿元左右 carries it; …同时武汉将2023年GDP增长目标定在6.5%以上
    does not)."""
    now = doc.issue_year or doc.stated_year
    if now is None:
        return False
    for m in PAST_ESTIMATE.finditer(doc.view, c.sentence.start, c.start):
        between = doc.view[m.end() : c.start]
        if int(m["y1"] or m["y2"]) < now and not rules.YEAR.search(between) and not rules.INTENT.search(between):
            return True
    return False
