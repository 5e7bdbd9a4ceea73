"""Round 17 (issue 18): progress and status statements that read like targets.

A plan commits to a figure (到2025年…达到100家, 力争…超过50%); a progress note, a work report or a news story states
what has been reached so far, often with the same verbs (培育, 认定, 完成, 超过). The earlier rounds read the plain
status words (截至, 目前, 已, 同比, a past year, a span that has passed). The development side's false proposals after
round 16 show more ways of saying "so far", each of which a plan does not use for its own goals unless a deadline
or a word of intent stands in the same sentence:

- a running total: 累计 earlier in the sentence (累计培训经营管理领军人才超2万人, 三年累计申报项目351个,…
  扶持创业青年351人次, 累计完成投资160亿元); a plan writes 累计 too, but then with its deadline or intent in the
  sentence (到2025年累计培育…);
- progress against a target: the figure is a share of a target (完成年度目标的112%, 占年度目标的116%), a target
  met (远超…2020年3900万人的目标), or a rate in a paragraph about how far the work has got (从入库目标任务完成率看,
  …等市超过70%);
- a selection or recognition reported (387家企业入选, 新认定6家领军企业 with no intent in its sentence);
- a span already passed (十年间增幅超60%; 五年来 and 近两年 were read since round 5).
- what was done: 了 earlier in the clause (贡献了5%的收入和近10%的利润; not 为了, 了解, nor 提出了 / 明确了 …, which set
  out goals), and a target whose year lies before the text's own (到2025年底的目标是…超过10% in a text of 2026).

Calibration (round 17): a rule pattern that gave a wrong answer at 0.9 or above at a first, unseen score is held
below 0.9 (`rules.UNDATED_CAP`). A running total leaning on a verb carried from an earlier clause
(仅…计划就累计遴选支持6000余名人才, 0.90 at unseen-8's first score) is held here (`cumulative_carried`); growth above
a reference by a margin with a carried verb (增速高于全区GDP增速1个百分点, 1.00 at unseen-12's) joins
`rules.CARRIED_CONSTRUCTS`.

Each such figure loses `rules.CONFIDENCE["status"]` (rule `progress`) unless its own sentence looks forward
(a deadline in scope, a goals heading or lead, a word of intent: `_looks_forward`). Figures the earlier rules
already mark as status are left alone.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

# Earlier in the figure's sentence: a running total; earlier in its paragraph: how far the work has got against its
# target (从入库目标任务完成率看,…。…等市超过70%).
# Round 18: through a mirror's reading (累計(jì) -> 累 + blank + 计: a reading of the second character splits it).
RUNNING_TOTAL: Final = re.compile(r"累 {0,8}计")
PROGRESS_OF_WORK: Final = re.compile(r"完成率|完成情况|进展情况|工作进度")
# What makes the figure's own sentence look forward: a deadline stated in scope (not the document's fallback), a goals
# heading, or a word of intent. Stricter than `evidence.forward`: 拟 (拟入库: proposed for a list) and a bare 目标
# (占年度目标的116%, …规划…的目标) are no intent here.
# Round 46: 冲刺 (a stretch goal: 冲刺230万户, 冲刺63.3亿元, 沖刺3000億元的奮斗目標) is intent, as in rules.INTENT.
FORWARD_WORDS: Final = re.compile(r"力争|争取|确保|将|冲刺|计划(?:到|在|用)|预期目标|目标(?:是|为|:|：)|努力")
_IN_SCOPE: Final = frozenset({rule for rule, _ in rules.DEADLINES} | {"deadline_carried", "distributive_year",
                                                                     "goals_section", "goals_lead"})
# Right before the figure in its clause: the figure is a share of a target (完成年度目标的112%, 占年度目标的116%).
# Round 19: also with the target's own figure between (为全年目标任务500万人的82%).
TARGET_SHARE_BEFORE: Final = re.compile(r"目标(?:任务)?(?:[\d.]+ {0,2}[万亿]?[^\d,，;；。]{0,3})?的 {0,2}$")
# Right after the figure: it names a target that is met (…3900万人的目标, 1250亿元的目标), or things selected /
# recognised (387家企业入选).
TARGET_NAMED_AFTER: Final = re.compile(r"[^,，;；。]{0,4}?的(?:预期|年度)?目标")
# Round 19: …or the target named right after the figure is reached (全年新增1000万人就业目标提前实现, …目标超额完成).
TARGET_REACHED_AFTER: Final = re.compile(r"[^,，;；。\d]{0,8}?目标(?:任务)?(?:已经|已)?(?:提前|超额)?(?:实现|完成)")
SELECTED_AFTER: Final = re.compile(r"[^,，;；。\d]{0,8}?(?:入选|获评|获批|上榜)")
# Round 20: a sentence that reports how much of its target was done (…新增就业50801人,…完成省民生工程目标任务的
# 130.26%) reports its other figures too.
SHARE_OF_TARGET_IN_SENTENCE: Final = re.compile(r"完成[^。;；]{0,20}?目标(?:任务)?的 {0,2}\d")
# 新认定N家 / 新入选 with no intent in its sentence: a year's recognitions reported.
RECOGNISED_BEFORE: Final = re.compile(r"新(?:认定|入选|评定|获批)[^,，;；。]{0,24}$")  # …6家领军企业和17家
# A span already passed, earlier in the sentence (十年间, 五年间); 未来五年间 / 今后三年间 look ahead.
SPAN_PASSED: Final = re.compile(r"(?<!未来)(?<!今后)(?<![\d.])(?:[一二两三四五六七八九十]|\d{1,2})年间")

# 了 earlier in the figure's clause (贡献了5%的收入和近10%的利润): what was done; round 7 read 了 right before the
# figure only. 为了 (in order to) and 了解 are no such 了, nor a verb of setting out goals (提出了2020年…达450家的
# 主要目标, 明确了, 部署了).
DONE_IN_CLAUSE: Final = re.compile(
    r"(?<!为)(?<!提出)(?<!明确)(?<!确定)(?<!制定)(?<!设定)(?<!部署)(?<!印发)(?<!出台)(?<!发布)了(?!解)")

# 到2023年 / 至 2025 年: a year some goal is set by (here a past deadline restated; in walk, a goals sentence's year)
BY_YEAR: Final = re.compile(r"(?:到|至) {0,2}(?P<year>20\d{2}) {0,2}年")

# Rules that already mark a figure as status: the progress penalty does not pile onto them.
_ALREADY: Final = frozenset({"status_report", "status_last_year", "news_report", "done", "report_document",
                             "review_section", "past_year"})


def progress_cue(doc: Document, c: Candidate) -> str | None:
    """Which of the progress cues above the figure shows, if any."""
    view = doc.view
    before_clause = view[c.clause.start : c.start]
    if TARGET_SHARE_BEFORE.search(before_clause):
        return "target_share"
    if _whole_past_year(doc, c):
        return "whole_past_year"
    named_met = TARGET_NAMED_AFTER.match(view, c.end, c.clause.end) and rules.TARGET_MET.search(
        view, c.sentence.start, c.end)
    if named_met or TARGET_REACHED_AFTER.match(rules.READING_BLANK.sub("", view[c.end : c.clause.end])):
        return "target_met"
    if SELECTED_AFTER.match(view, c.end, c.clause.end):
        return "selected"
    if RECOGNISED_BEFORE.search(before_clause) and c.comparator == "exact":  # 新认定…3家以上 is a floor set
        return "recognised"
    if RUNNING_TOTAL.search(view, c.sentence.start, c.start):
        return "running_total"
    if SHARE_OF_TARGET_IN_SENTENCE.search(rules.READING_BLANK.sub("", view[c.sentence.start : c.sentence.end])):
        return "results_against_target"
    if PROGRESS_OF_WORK.search(view, c.paragraph.start, c.start):
        return "progress_of_work"
    if SPAN_PASSED.search(view, c.sentence.start, c.start):
        return "span_passed"
    if DONE_IN_CLAUSE.search(before_clause):
        return "done_in_clause"
    # a deadline in the sentence before the text's own year (到2025年底的目标是… in a text of 2026): a past target
    # restated, not a new one
    years = [int(m["year"]) for m in BY_YEAR.finditer(view, c.sentence.start, c.start)]
    if years and doc.issue_year is not None and years[-1] < doc.issue_year:
        return "past_deadline"
    return None


# Round 18: where a sentence ends, whatever the line breaks (a mirror that breaks lines inside sentences: 。到2025年\n,
# 累計(jì)培育…5萬家以上 is one sentence with its deadline).
SENTENCE_END: Final = re.compile(r"[。；;！!？?]")


# Round 21: 全年 (the whole year) after a year before the text's own named earlier in its paragraph is that year
# (坪山区2021年实现了经济发展稳中提质。全年地区生产总值达910.6亿元, in a text of 2022), not the text's year.
WHOLE_YEAR: Final = re.compile(r"全年")
PAST_YEAR_NAMED: Final = re.compile(r"(?<!\d)(?P<year>20\d{2}) {0,2}年(?![底末前以之度]| {0,2}[-—至到])")


def _whole_past_year(doc: Document, c: Candidate) -> bool:
    if doc.issue_year is None:
        return False
    whole = [m.start() for m in WHOLE_YEAR.finditer(doc.view, c.paragraph.start, c.start)]
    if not whole:
        return False
    years = [int(m["year"]) for m in PAST_YEAR_NAMED.finditer(doc.view, c.paragraph.start, whole[-1])]
    return bool(years) and years[-1] < doc.issue_year


def _looks_forward(doc: Document, c: Candidate) -> bool:
    if _IN_SCOPE.intersection(c.rules_fired):
        return True
    start = max((m.end() for m in SENTENCE_END.finditer(doc.view, 0, c.start)), default=0)
    own = rules.TARGET_MET.sub("", rules.READING_BLANK.sub("", doc.view[min(start, c.sentence.start) : c.sentence.end]))
    return bool(FORWARD_WORDS.search(own)) or any(
        doc.issue_year is None or int(m["year"]) >= doc.issue_year for m in BY_YEAR.finditer(own))


def mark_progress(doc: Document, cands: list[Candidate]) -> None:
    """Lower each figure that states progress so far and whose own sentence does not look forward."""
    for c in cands:
        if {"cumulative", "verb_carried"} <= set(c.rules_fired) and c.score >= 0.9:
            c.score = min(c.score, rules.UNDATED_CAP)
            c.rules_fired.append("cumulative_carried")
        if c.comparator == "qualitative" or _ALREADY.intersection(c.rules_fired):
            continue
        cue = progress_cue(doc, c)
        if cue is None:
            continue
        # a share of a target or a target met is progress whatever the sentence says around it; round 18: but a share
        # below the whole in a sentence that looks forward is a goal of its own (2009年…主要预期目标:…完成灾后重建主要
        # 目标任务的72%)
        if cue not in ("target_share", "target_met", "past_deadline", "whole_past_year") and _looks_forward(doc, c):
            continue
        if cue == "target_share" and c.value is not None and c.value < 100 and _looks_forward(doc, c):
            continue
        c.score += rules.CONFIDENCE["status"]
        c.rules_fired.append(f"progress_{cue}")
