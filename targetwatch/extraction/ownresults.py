"""Round 26 (issue 18): figures that are a text's own results or its own parts, never targets.

Two classes read wrongly on unseen-32 (docs/extraction.md, round 26):

- **A multiple already reached.** 新建县's 发放量由当年630万元增长到今年的4022万元,增长6倍多 states where things
  went (由…增长到…) and then the multiple that makes; `figures` read 增长6倍 as a growth target at 1.00. A multiple in
  a sentence that has already said 由/从 … 增长到 / 提高到 … before it, or with 已 / 已经 / 实现了 in its clause before
  it, is a result, unless a word of intent (`rules.INTENT`) stands before it in the sentence (力争由…增长到…,增长1倍
  is a goal).
- **A count of the text's own parts or actions.** 从…等十四个方面部署重点任务 (the opinion's sections),
  推出25项“免申即享”政策, 出台20条措施: the number counts what the text (or its government) lays out, not a level
  to reach. Such a count is dropped unless a word of intent stands before it in its sentence (计划推出10项措施 is left
  to the other rules).

Both are dropped after the walk (`drop`), so they neither become proposals nor lend a deadline or a subject.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

_NUM: Final = r"(?:\d+|[一二两三四五六七八九十百]+)"
# 由当年630万元增长到今年的4022万元 / 从2015年的12家提高到: a span that reaches a level, before the multiple
REACHED_SPAN: Final = re.compile(r"(?:由|从)[^,，;；。!！?？]{0,40}?(?:增长|增加|提高|提升|上升|扩大|发展)(?:到|至)")
REACHED_WORD: Final = re.compile(r"已经?|实现了|达到了")
# Round 29: 较“十三五”初期实现翻番, 提前一年实现比2010年翻一番: a doubling over a named base, written 实现 without 了
# (a mirror's 實現), in a sentence with no deadline (到2025年, 2020年前) and no intent: reached, not aimed at.
REACHED_OVER_BASE: Final = re.compile(r"(?:较|比)[^,，;；。]{0,20}?实现 {0,2}(?:比[^,，;；。]{0,12}?)?翻")
# a year that opens a clause (2021年,全省…): not the base year after 较 / 比
YEAR_CLAUSE: Final = re.compile(r"(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末|度)?[,，]")
REACHED_OVER_BASE_AFTER: Final = re.compile(r"提前[^,，;；。]{0,6}?实现 {0,2}(?:比|较)[^,，;；。]{0,12}?翻")
# 十四个方面, 5大方面: the parts a text is laid out in
OWN_PARTS: Final = re.compile(rf"{_NUM} {{0,2}}(?:个|大)?方面")
# 推出25项“免申即享”政策, 出台20条措施, 制定了10条意见: the text's (or its government's) own measures, counted
OWN_ACTIONS: Final = re.compile(
    rf"(?:推出|出台|制定|提出|印发|发布|部署)了? {{0,2}}{_NUM} {{0,2}}(?:项|条|个)[^,，;；。]{{0,10}}?"
    r"(?:政策|措施|举措|意见|任务|条款|细则|规定)")


# 计划 before a verb of putting out (计划推出10项措施) is intent too; rules.INTENT reads 计划 only before 到/新建/….
_PLANNED: Final = re.compile(r"计划(?=推出|出台|制定|提出|印发|发布|部署)")


def _intent_before(doc: Document, c: Candidate) -> bool:
    """A word of intent before the figure in its sentence: then the count or multiple is left to the other rules."""
    return any(p.search(doc.view, c.sentence.start, c.start) is not None for p in (rules.INTENT, _PLANNED))


def reached_multiple(doc: Document, c: Candidate) -> bool:
    """A growth multiple or doubling whose sentence already says the level reached, or whose clause says 已."""
    if not {"growth_multiple", "doubling"}.intersection(c.rules_fired) or _intent_before(doc, c):
        return False
    return bool(REACHED_SPAN.search(doc.view, c.sentence.start, c.start)
                or REACHED_WORD.search(doc.view, c.clause.start, c.start)
                or _reached_over_base(doc, c))


def _reached_over_base(doc: Document, c: Candidate) -> bool:
    """Round 29: 较“十三五”初期实现翻番 in a sentence opened by a past year (2021年,…达到3.57万亿元,…) reports a
    doubling reached. 2 development texts write it so (浙江's 2022 white-paper news, the 2020 rural-revitalisation
    report's 提前一年实现比2010年翻一番); the 3 development texts whose 实现翻番 is a target carry a deadline or intent
    in the sentence (到2024年底…实现翻番, 争取到2020年…实现翻一番, 山东's list under 到2025年), which this leaves
    to the other rules."""
    view = doc.view
    end = min(c.clause.end, c.end + 2)
    if rules.DEADLINE_WORDS.search(view, c.sentence.start, end) is not None:
        return False
    if REACHED_OVER_BASE_AFTER.search(view, c.clause.start, end):  # 提前…实现: done ahead of time
        return True
    # …and 较…实现翻番 only where the sentence reports (数据显示, 去年) or names a year before the text's own: a goals
    # list writes the same words under a deadline stated a sentence up (主要目标:…。…较2020年实现翻番。)
    before = view[c.sentence.start : c.start]
    year = doc.issue_year or doc.stated_year
    past = year is not None and any(int(m["year"]) < year for m in YEAR_CLAUSE.finditer(before))
    return bool(REACHED_OVER_BASE.search(view, c.clause.start, end)) and (
        past or any(w in before for w in rules.REPORT_WORDS))


def own_count(doc: Document, c: Candidate) -> bool:
    """A figure that counts the text's own parts (十四个方面) or, with no intent before it, its actions (推出25项…政策).

    Round 28: the parts are counted whatever intent stands before them (要实现三个方面的目标, 围绕…的任务目标,
    对9个方面的重点任务作出了部署): a plan is laid out in so many 方面, it never commits to that many. 17 development
    texts count their parts in 个方面 / 大方面; none of them states such a count as a target."""
    if c.comparator == "qualitative":
        return False
    view = doc.view
    if (m := OWN_PARTS.match(view, c.start)) is not None and m.start() == c.start:
        return True
    if _intent_before(doc, c):
        return False
    lead = max(c.sentence.start, c.start - 6)
    return any(m.start() < c.start < m.end() for m in OWN_ACTIONS.finditer(view, lead, min(c.sentence.end,
                                                                                          c.start + 24)))


def drop(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """The candidates that are neither a multiple already reached nor a count of the text's own parts."""
    return [c for c in cands if not (reached_multiple(doc, c) or own_count(doc, c))]
