"""Round 22 (issue 18): a text's aspect — does it look back at results, or ahead at targets?

A results digest (a research aggregator's bullet summary of five years, a bureau's review, news of an evaluation)
writes its figures with the verbs a plan uses (建成国家级创业孵化基地7家, 研发投入强度达到2.68%), and it may name years
late in a plan period or a plan of its own (出台《…行动方案(2024—2026年)》, 2024年、2025年分别发行…), so neither a
deadline
found nor a plan's name tells it from a plan: round 21's rules proposed 25 of such figures in two digests of unseen-27,
none of which a plan states. Its grammar does. Chinese marks aspect with words, not with verb forms, and a text that
reports is full of the marks of a change completed or measured against a past year — 从2020年的5.4%提升到2024年的40.9%,
由5项增至11项, 较2020年增长48%, 同比, 首次, 跃居, 稳居, 连续…年, 以来, 了 after a verb, 已 — while a plan is full of the
marks of intent and of a deadline ahead — 到2025年, 2025年前, 力争, 确保, 目标, 将, 拟, 今年 / 全年. A plan's review of
its
ground (发展基础) has the first kind too, but then the second kind follows.

`looks_back(view)` counts both kinds over the whole text: a text with at least `LOOK_BACK_MIN` look-back marks and at
least `LOOK_BACK_RATIO` times as many as look-ahead marks is read as a report (`evidence.weigh`: its figures without
forward evidence of their own lose `report_document`), whatever deadline its figures were lent. A figure whose own
sentence looks forward (a deadline in scope, a word of intent, a goals heading or lead) is not touched, so a work
report's targets after its review keep their confidence.

A target met (完成年度目标的112%, 低于5.5%控制目标) is no intent: `rules.TARGET_MET` and `MET_TARGET` are taken out
before intent is counted.

Round 22 also reads a heading line that ends on …预期目标 / 主要目标 with bullets (●, •, ■ …) on the lines under it
as a lead of goals (`rules.AHEAD_CUE`, `text._BULLET`: 山东's 2023 targets, one bullet a paragraph, under 建议全年经济
社会发展预期目标); a numbered heading followed by prose (1.总体目标\n到2023年,…) is not such a lead.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules

# Marks of a change completed, or measured against a past point, and of results reported.
LOOK_BACK: Final = re.compile(
    # a change from a baseline to an end point (从2020年的5.4%提升到…, 由5项增至11项)
    r"(?:从|由)[^,，。;；]{1,24}?(?:增加|增长|提升|提高|上升|跃升|扩大|下降|减少|降低|增)(?:到|至)"
    # a comparison with a named past year or with last year (较2020年增长48%, 比2020年上升4位, 同比, 比上年)
    r"|(?:较|比)(?:19|20)\d{2} {0,2}年(?:底|末)?(?:同期)?(?:增长|提高|上升|增加|下降|减少|提升)"
    r"|同比|(?:比|较)上年"
    # firsts, ranks held or reached, runs of years, spans up to now
    r"|首次|首创|跃居|跃升至|稳居|稳坐|连续[^,，。;；]{0,3}?(?:年|届|跨越)|以来"
    # what was done: 了 after a verb of doing, 已 before one (rules.STATUS_DONE), a status date, an award
    r"|(?:实现|完成|取得|达到|建成|增长|提高|突破|培育|认定|举办|发放|扶持)了"
    r"|截至|截止|荣获|获批|入选|成功|达成"
)
# Marks of intent and of a deadline ahead.
LOOK_AHEAD: Final = re.compile(
    rules.INTENT.pattern
    # a deadline (到2025年, 2025年前), not an end point reached (增加到2024年的43.8万亿元) nor the first months of a
    # year
    # (2025年前三季度)
    + r"|(?:到|至)(?:19|20)\d{2} {0,2}年(?!的)|(?:19|20)\d{2} {0,2}年(?:底|末)?(?:以前|之前|前)(?![后一二三四两]|\d)"
    + r"|" + rules.THIS_YEAR_AHEAD.pattern
    + r"|预期"
)
# A target met or held to (均值低于5.5%控制目标, 完成全年目标任务1200人的114%): no intent.
MET_TARGET: Final = re.compile(r"(?:低于|高于|好于|优于|控制在)[^,，;；。]{0,12}?(?:控制)?目标")
LOOK_BACK_MIN: Final = 5
LOOK_BACK_RATIO: Final = 3


def marks(view: str) -> tuple[int, int]:
    """(look-back marks, look-ahead marks) in a folded view; a mirror's reading blanks are read through."""
    text = rules.READING_BLANK.sub("", view)
    ahead_text = MET_TARGET.sub("", rules.TARGET_MET.sub("", text))
    return len(LOOK_BACK.findall(text)), len(LOOK_AHEAD.findall(ahead_text))


def looks_back(view: str) -> bool:
    """True for a text that reports results: many look-back marks, and several times as many as look-ahead ones."""
    back, ahead = marks(view)
    return back >= LOOK_BACK_MIN and back >= LOOK_BACK_RATIO * ahead
