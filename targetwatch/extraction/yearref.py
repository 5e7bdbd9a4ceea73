"""Round 23 (issue 18): which year 全年 (the whole year) refers to, and a plan period reviewed in a paragraph.

全年 is no date of its own: it is the whole of the year the text is talking about. In a work report or a year's
work points that year is the text's own, still ahead, and 全年 there is forward evidence (`rules.THIS_YEAR_AHEAD`).
In a statistics release published the year after (a county's 2023 figures on a page of 2024-04: 2023年是…开局之年
…初步测算,全年完成地区生产总值221.23亿元…其中:第一产业实现增加值47.24亿元,增长2.8%) it is the year reported,
and round 22's rules read it as the page's year, so three results passed as 2024's growth targets. The year 全年
refers to is the last year the text names before it (a year, or 今年 / 明年 / 未来一年, which are the text's own);
when that is a year before the text's date and no word of intent stands before 全年 in its paragraph, 全年 looks
back (`whole_year_past`). Round 21 read the same within a paragraph as a
progress cue (`progress.WHOLE_YEAR`); this reads it across the text, for the evidence a figure's sentence gives.

A plan's review of the period before it need not stand under a heading that says so: the stored part of the
十四五 employment plan opens its 一、发展环境 with “十三五”期间,…全国城镇新增就业6564万人,城镇调查失业率均值控制在5.2%
…, the period over by the page's date (and by the plan's). `period_reviews` reads a paragraph that opens with a plan
period that has ended (“十三五”期间 / 时期 / 以来) as a review section to the paragraph's end (`evidence.sections`),
so its figures need forward evidence of their own sentence (a word of intent, a deadline) to stay targets. The
paragraph-wide check of `figures._past_period` did not fire there, because the disposal 将 (将就业摆在…优先位置)
between the period's name and the figures reads as a word of intent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, intends

# A year named (2023年, not 2023年底 / 2023年前 / a period 2021—2025年), or the text's own year or the next one.
YEAR_OR_OWN: Final = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2}) {0,2}年(?![底末前以之度]| {0,2}[-—–~～至到])|今年|本年|明年|今明两年"
    r"|(?:未来|今后|新的)一年")
WHOLE_YEAR: Final = "全年"
# A plan period summed up (“十三五”期间, 十三五时期, “十三五”以来): a pattern piece, also `namedtarget`'s; the
# period's name is rules.QUOTED_PERIOD, the one piece of every rule that reads a period (from rules.PLAN_PERIODS).
PERIOD_SPAN: Final = rules.QUOTED_PERIOD + r"(?:期间|时期|以来)"
# A paragraph that opens with a plan period summed up, perhaps after 在.
PERIOD_OPENING: Final = re.compile(r"[ \u3000\t]*在?" + PERIOD_SPAN)
# A year right after 比 / 较 / 由 / 从 / 在 / 以 is a baseline (比2015年翻一番), not the figure's own year.
BASELINE_BEFORE: Final = "比较由从在以"


def own_year_between(view: str, start: int, at: int) -> bool:
    """Whether a year of the figure's own (not a baseline year) or 今年 stands in view[start:at]: a figure with a
    year of its own keeps to it, so the rules that lend a year from farther away (a heading, an opening, a period's
    end) stop there."""
    return any(m.start() == 0 or view[m.start() - 1] not in BASELINE_BEFORE
               for m in YEAR_OR_OWN.finditer(view, start, at))


def sentence_end(view: str, at: int) -> int:
    """Where the sentence going on at `at` ends (its full stop or its line's end), for a year that holds to it."""
    stops = [i for i in (view.find("。", at), view.find("\n", at)) if i >= 0]
    return min(stops, default=len(view))


def lend(doc: Document, cands: list[Candidate], spans: Iterable[tuple[int, int, int]], rule: str,
         *, from_sentence: bool = False) -> None:
    """Give each figure without a deadline in a span (start, end, year; in order, the first span to reach a figure
    wins) that year, unless a year of its own stands between the span's start (with `from_sentence`, its own
    sentence's start: a carry reaching down several sentences, `carrydown`) and it: the spans' rule is named in the
    figure's rules (a deadline only)."""
    for start, end, year in spans:
        for c in cands:
            if c.deadline is None and c.comparator != "qualitative" and start <= c.start < end \
                    and not own_year_between(doc.view, c.sentence.start if from_sentence else start, c.start):
                c.deadline = year
                c.rules_fired.append(rule)


def whole_year_past(doc: Document, at: int) -> bool:
    """True when 全年 at `at` is a year before the text's date: the last year the text names before it is past."""
    if doc.issue_year is None:
        return False
    # a word of intent before it in its paragraph (报告指出,未来一年里,天津将…全年新增就业48万人): the year ahead
    para_start = doc.view.rfind("\n", 0, at) + 1
    if intends(doc.view[para_start:at]):
        return False
    named = list(YEAR_OR_OWN.finditer(doc.view, 0, at))
    return bool(named) and named[-1]["year"] is not None and int(named[-1]["year"]) < doc.issue_year


def only_past_whole_year(doc: Document, start: int, end: int) -> bool:
    """True when every word of this year's targets in view[start:end] (今年, 全年, 年内 …) is a 全年 that refers
    to a past year: then that span gives no forward evidence of the text's own year."""
    said = list(rules.THIS_YEAR_AHEAD.finditer(doc.view, start, end))
    return bool(said) and all(m[0] == WHOLE_YEAR and whole_year_past(doc, m.start()) for m in said)


def period_reviews(doc: Document) -> list[tuple[int, str, int]]:
    """(where the opening ends, "review", where its paragraph ends) for each paragraph that opens with a plan period
    over by the text's date (undated: over when the text names a later period)."""
    out = []
    at = 0
    for line in doc.view.split("\n"):
        if (m := PERIOD_OPENING.match(line)) is not None:
            end = rules.PLAN_PERIODS[m["period"]]
            over = end < doc.issue_year if doc.issue_year is not None else any(
                later > end and name in doc.view for name, later in rules.PLAN_PERIODS.items())
            if over:
                out.append((at + m.end(), "review", at + len(line)))
        at += len(line) + 1
    return out
