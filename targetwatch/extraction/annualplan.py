"""Round 27 (issue 18): a year's expected targets (预期目标) under their heading or lead.

A year's plan, work report or work points states its 预期目标 as a list under a heading or a lead
(二、经济社会发展预期目标 / 主要预期目标是: / 今年预期目标 / 建议全年经济社会发展预期目标) and writes each as growth
over last year, often with 同比 and with no word of intent and no year of its own: 紫阳's 2025 plan
(地区生产总值同比增长 6.5%以上, …), 平利's (生产总值增长6%, …), 咸阳's, 上海's and 山东's
work-report targets. Two readings follow from the heading:

- `expected_cue`: the heading or lead is the intent of the list below it, so 同比 there is a year's target, not a
  statistic (`figures` lifts 同比's status penalty, as `rules.SAME_PERIOD_TARGET` does after 力争 / 确保).
- `expected_year`: the list is the year's, so a figure with no year of its own is due at the end of that year: the
  year its lead names (2023年…预期目标; 今年 / 全年 the text's own year), else the year the text names as its own before
  the heading (2025年,是“十四五”规划收官之年; 《…2025年国民经济和社会发展计划》; …与2025年计划草案的报告; 今年是…之年
  in a dated text), when not before the text's own date.

The cue is a heading or lead only: 预期目标 ending its line or followed by 是 / 为 / 如下 and a colon; round 54: or
followed by 是 / 为 and the list itself (青海's 2018 tourism targets, qinghai-2018-tourism-targets-news, first
unseen-65: 2018年青海省的旅游预期目标为接待国内外游客4100万人次,同比增长17%;实现旅游收入460亿元,同比增长21%: the two
rises annotated, read as statistics at 0.40).
预期目标完成情况, 完成了…预期目标。 and 提出…预期目标, are no cue. A figure takes it in the cue's paragraph, or in the
lines right below it while they read as the list's items (blank, bulleted, or without a full stop), up to the next
section heading.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

REACH: Final = 800  # characters from a cue to a figure (as rules.YEAR_LEAD_REACH)
# Round 54: 预期目标为 / 是 with the list right after it (旅游预期目标为接待国内外游客4100万人次,同比增长17%) is a lead
# too, without a colon.
EXPECTED: Final = re.compile(
    r"预 {0,8}期 {0,8}目 {0,8}标(?:(?: {0,2}(?:是|为|如下))? {0,4}(?=[:\n]|$)| {0,2}(?:是|为))")
_NUMERAL: Final = "[一二三四五六七八九十]{1,3}"
SECTION_HEAD: Final = re.compile(rf"\n[ \u3000]*(?:{_NUMERAL} {{0,2}}[、.]|[(]{_NUMERAL}[)]|第{_NUMERAL}[部章节])")
ITEM_MARK: Final = re.compile(r"[ \u3000]*(?:[●•■◆▲★▪·\-—]|\d{1,2} {0,2}[.、]|[(]\d{1,2}[)])")
LEAD_YEAR: Final = re.compile(r"(?P<year>(?:19|20)\d{2}) {0,2}年")
THIS_YEAR: Final = re.compile(r"今年|全年|年内")
# The year a text names as its own: 2025年,是…之年 / …2024年国民经济和社会发展计划 (not …计划执行情况) /
# 2025年计划草案 / 2019年政府工作报告 / 2022年工作要点.
OWN_YEAR: Final = re.compile(
    r"(?P<year>(?:19|20)\d{2}) {0,2}年 {0,2}(?:[,]? {0,2}是(?![指否])|(?:国民经济和社会发展)?计划(?!执行)"
    r"|(?:政府)?工作报告|(?:度)?工作要点)|今年 {0,2}[,]? {0,2}是(?![指否])")  # 今年是…之年: the text's own date


def expected_cue(view: str, para_start: int, at: int) -> re.Match[str] | None:
    """The 预期目标 heading or lead the figure at `at` stands under, if any (see the module's docstring)."""
    cues = list(EXPECTED.finditer(view, max(0, para_start - REACH), at))
    if not cues:
        return None
    m = cues[-1]
    if SECTION_HEAD.search(view, m.end(), at):
        return None
    if m.end() >= para_start:  # in the figure's own paragraph
        return m
    lines = view[m.end() : para_start].split("\n")[1:]  # the lines between the cue's line and the figure's paragraph
    return m if all(not s.strip() or ITEM_MARK.match(s) or "。" not in s for s in lines) else None


def same_period_target(view: str, sent_start: int, para_start: int, at: int) -> bool:
    """同比 before the figure at `at` writes a year's target, not a statistic: after a word of intent in its sentence
    (`rules.SAME_PERIOD_TARGET`: 力争…同比增长8%) or under a 预期目标 heading or lead (round 27)."""
    return bool(rules.SAME_PERIOD_TARGET.search(view, sent_start, at) or expected_cue(view, para_start, at))


def expected_year(doc: Document, c: Candidate) -> int | None:
    """The year of the expected targets the figure stands under, when the text gives one (see the docstring)."""
    view = doc.view
    m = expected_cue(view, c.paragraph.start, c.start)
    if m is None:
        return None
    now = doc.issue_year if doc.issue_year is not None else doc.stated_year
    lead = view[max(view.rfind(e, 0, m.start()) for e in "\n。;!?") + 1 : m.start()]  # the cue's sentence
    if (named := LEAD_YEAR.findall(lead)) and (now is None or int(named[-1]) >= now):
        return int(named[-1])
    if THIS_YEAR.search(lead) and doc.issue_year is not None:
        return doc.issue_year
    own = [int(y["year"]) if y["year"] else doc.issue_year for y in OWN_YEAR.finditer(view, 0, m.start())]
    return own[-1] if own and own[-1] is not None and (now is None or own[-1] >= now) else None
