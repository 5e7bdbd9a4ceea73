"""Round 24 (issue 18): a statistics text reads as a report, whatever plan it names and whatever date it lacks.

A statistics communiqué (统计公报, 国民经济运行情况) writes a series of sector figures, each a level followed by its
growth over last year: 2024年平昌县地区生产总值(GDP)201.20亿元,按不变价格计算,比上年增长6.5%。其中,第一产业增加值
45.89亿元,增长1.8%;第二产业增加值42.61亿元,增长9.5%…. Round 23's rules proposed seven of 平昌's growth rates as
2024 targets at 0.80: the page shows no date, so the year the text names (2024年平昌县…) and its 全年 had nothing
to be compared with and read as deadlines in scope; the sector items carry no status word of their own (only the
total's 比上年增长 does); and its opening names the 十四五 规划 (深入实施“十四五”规划承上启下的重要一年), which
kept the text-level report test (`rules.PLAN_TITLE` in the opening) from firing.

What tells such a text from a plan is not its date or its title but its grammar throughout: several levels each
followed by a growth rate (`GROWTH_PAIR`), at least one of them measured against last year or the same period
(比上年, 同比, 较上年), and nothing anywhere that looks ahead: no word of intent (`rules.INTENT`: 力争, 确保, 目标, 将,
要 …; a target met, 完成年度目标, is none), no deadline (到2025年, 2025年前), no 预期. A plan's indicators are written
年均增长7%, 增长6%左右 after a word of intent or under 主要目标; a work report's review of the year is followed by its
goals, which carry intent. `statistics_text` says whether the text is such a release; `evidence.weigh` then reads it as
a report and takes the years it names and its 全年 for the year reported, not a deadline, so its figures without a word
of intent in their own sentence (all of them, as the text has none) lose `report_document`.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, intends

# A level, then its growth rate in the next clause or the same one: 增加值45.89亿元,增长1.8%; 201.20亿元,按不变价格计算,
# 比上年增长6.5%; 122.64亿元,比上年增长5.8%; 1.2万人,同比下降3.4%. A unit of up to six characters stands after the
# level (亿元, 万人, 万千瓦时); one clause may stand between them (按不变价格计算).
GROWTH_PAIR: Final = re.compile(
    r"\d+(?:\.\d+)? {0,2}[^\d\s,，。;；:：%]{0,6} {0,2}[,，] {0,2}(?:[^\d,，。;；]{1,12}[,，] {0,2})?"
    r"(?:比上年(?:同期)?|较上年(?:同期)?|同比)?(?:增长|下降|上涨|增加|减少|回落|提高)了? {0,2}\d+(?:\.\d+)? {0,2}%")
# Growth measured against last year or the same period last year.
LAST_YEAR: Final = re.compile(r"比上年|较上年|同比")
# A deadline ahead (到2025年, 2025年前, not 2025年前三季度) or a forecast of the year ahead.
AHEAD: Final = re.compile(
    r"(?:到|至) {0,2}(?:19|20)\d{2} {0,2}年(?!的)|(?:19|20)\d{2} {0,2}年(?:底|末)?(?:以前|之前|前)(?![后一二三四两]|\d)"
    r"|预期")
GROWTH_PAIRS_MIN: Final = 4  # levels with their growth: a series, not a figure or two quoted in a story


def growth_pairs(view: str) -> int:
    """How many levels followed by their growth rate the folded view holds (a mirror's reading blanks read through)."""
    return len(GROWTH_PAIR.findall(rules.READING_BLANK.sub("", view)))


def statistics_text(view: str) -> bool:
    """True for a statistics release: a series of levels with their growth, growth against last year, and no word of
    intent, deadline or forecast anywhere (a plan named in passing, 深入实施“十四五”规划, is no intent)."""
    text = rules.READING_BLANK.sub("", view)
    if growth_pairs(text) < GROWTH_PAIRS_MIN or not LAST_YEAR.search(text):
        return False
    return not intends(text) and not AHEAD.search(text)


# The items of a total (其中,第一产业增加值45.89亿元,增长1.8%), a sentence that opens with 其中 / 分别 / 分产业看.
ITEMS_OPENING: Final = re.compile(r"[ \u3000]*(?:其中|分别|分产业看|分行业看|分领域看)")
CARRIED_RULE: Final = "status_last_year_items"


def carry_last_year(doc: Document, cands: list[Candidate]) -> None:
    """Growth rates in the items of a total whose own growth is measured against last year (…比上年增长6.5%。其中,…
    增长1.8%) are the same kind of figure: results, unless a word of intent or a goals heading stands over them.
    Round 23's rules read the total as status (比上年) and its items, with no status word of their own, as targets."""
    view = doc.view
    for c in cands:
        if c.comparator != "growth_rate" or {CARRIED_RULE, "status_last_year", "status_report", "goals_section",
                                             "goals_lead", "last_year_in_a_plan"}.intersection(c.rules_fired):
            continue
        if intends(view[c.sentence.start : c.sentence.end]):
            continue
        # the list runs back over items ended by ; to the one that opens it (其中,…增长1.8%;第二产业…增长9.5%;…)
        before = [s for s in c.paragraph.sentences if s.end <= c.sentence.start]
        first = len(before)
        while first > 0 and view[before[first - 1].start : before[first - 1].end].rstrip().endswith((";", "；")):
            first -= 1
        opening = before[first] if first < len(before) else c.sentence
        if not ITEMS_OPENING.match(view, opening.start) or first == 0:
            continue
        if any(intends(view[s.start : s.end]) for s in before[first:]):
            continue
        total = view[before[first - 1].start : before[first - 1].end]
        if LAST_YEAR.search(total) and GROWTH_PAIR.search(total) \
                and not intends(total):
            c.score += rules.CONFIDENCE["status"]
            c.rules_fired.append(CARRIED_RULE)
