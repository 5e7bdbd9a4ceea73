"""The document as evidence: is a figure a commitment, or a report of what was done?

Plans and statistics reports write numbers the same way (建成…平台101个, 总数达1630家). What tells them apart is
around the figure, not in it: a deadline, a word of intent, a goals heading, this year's targets — *forward
evidence*. `weigh` runs once over a document's candidates, after the walk has placed their deadlines:

- a text that sets no deadline after its own year and either names itself a review or a statistics release in its
  first line (工作总结, 公报, 情况通报), or has fewer than half of its figures with forward evidence and no plan
  word in its opening (目标, 规划, 方案), is a report: its figures without forward evidence lose
  `report_document`;
- a figure after a year before the text's own, with a verb of doing (2019年我市认定通过…13家), loses `past_year`;
- a figure with no forward evidence at all is capped at `UNDATED_CAP` (0.85), so that a confidence of 0.9 or
  more always rests on a deadline, a word of intent or a goals heading.

The tables are in `rules.py` (section 3b); docs/extraction.md reports the calibration this gives, per set.
"""

from __future__ import annotations

import re

import targetwatch.extraction.aspect as aspect
import targetwatch.extraction.budgets as budgets
import targetwatch.extraction.goalsline as goalsline
import targetwatch.extraction.indicatorlead as indicatorlead
import targetwatch.extraction.listlead as listlead
import targetwatch.extraction.planperiod as planperiod
import targetwatch.extraction.releases as releases
import targetwatch.extraction.rules as rules
import targetwatch.extraction.targetsmet as targetsmet
import targetwatch.extraction.yearahead as yearahead
import targetwatch.extraction.yearref as yearref
from targetwatch.extraction.candidates import Candidate, Document, intends
from targetwatch.extraction.naming import HEADING_L1, HEADING_L2, HEADING_PART

# Rules that already mark a figure as status; the document-level penalty does not pile onto them.
_ALREADY_STATUS = frozenset({"status_report", "status_last_year", "done"})
# Round 17: a text that says it is the plan (为…,制定本行动计划 / 特制定本实施方案 in its opening) is not a report,
# even when its goals stand in a paragraph of their own after the one naming their year (海南's “六个倍增”——… after
# 到2023年). Its review sections (一、发展基础) are still read as reviews.
PLAN_SELF = re.compile(r"制定本(?:行动)?(?:规划|计划|方案|实施方案|意见|实施意见|措施|纲要|办法)")
PLAN_SELF_REACH = 500  # characters from the start: the preamble
# Deadline rules that the walk records on a candidate when a deadline is in scope (not the document's fallback).
_IN_SCOPE = frozenset({rule for rule, _ in rules.DEADLINES} | {"deadline_carried", "distributive_year",
                                                                  "deadline_plan_name"})


def forward(doc: Document, c: Candidate, this_year: bool = True, lead: bool = True, review: bool = False) -> bool:
    """A deadline in scope, a goals heading, or a word of intent or of this year's targets in the figure's
    sentence (or earlier in its paragraph, for a list that a lead sentence introduces; not in a review section, where
    完成…确定的目标任务 reports). In a review (`this_year` false) 今年 / 全年 is the year reviewed, not one ahead."""
    if "goals_section" in c.rules_fired or budgets.sets_budget(doc, c):  # round 23: 安排…预算667亿元
        return True
    view = doc.view
    # 截至2019年底 in a text without a date of its own; carried from an earlier sentence (截止到2020年底，共认定
    # …。国家级大学科技园3家) the paragraph says where things stood
    # round 15: a plan's name lends its period to the whole text, not to a review section of it (二、发展基础)
    in_scope = _IN_SCOPE - {"deadline_plan_name"} if review else _IN_SCOPE
    if not review and planperiod.ahead(doc, c):  # round 36: 《规划》提出:“十二五”期间,全市…下降40% (a 2011 text)
        return True
    if in_scope.intersection(c.rules_fired) and not rules.STATUS_DATE.search(_dated_at(doc, c)):
        return True
    spans = [view[c.sentence.start : c.sentence.end]] + ([view[_lead_start(c, view) : c.start]] if lead else [])
    # 完成年度目标的112%: a target met, not intent; round 15: a reading's blank inside a word is read through
    # round 22: 低于5.5%控制目标 (a target held to) is none either (aspect.MET_TARGET)
    spans = [rules.READING_BLANK.sub("", aspect.MET_TARGET.sub("", rules.TARGET_MET.sub("", span))) for span in spans]
    # round 23: 全年 of a year the text reports (a county's 2023 statistics on a page of 2024) is no year ahead
    starts = [c.sentence.start] + ([_lead_start(c, view)] if lead else [])
    ends = [c.sentence.end] + ([c.start] if lead else [])
    return any(rules.INTENT.search(span) or (this_year and rules.THIS_YEAR_AHEAD.search(span)
                                             and not yearref.only_past_whole_year(doc, a, b))
               for span, a, b in zip(spans, starts, ends, strict=True))


def _lead_start(c: Candidate, view: str) -> int:
    """Where a lead for the figure's sentence may stand: the few sentences of its paragraph right before it
    (rules.LEAD_SENTENCES). A word of intent further up a long paragraph (提出了…主要目标 at the head of a one-line page
    that then reviews the past five years) does not reach it. Round 11: a list whose items end with ; after a colon
    (主要预期目标建议为:地区生产总值增长8%以上;…;农村居民人均可支配收入增长9%以上) is one list, and the lead before its
    colon reaches every item."""
    before = [s for s in c.paragraph.sentences if s.end <= c.sentence.start]
    i = len(before)
    while i > 0 and view[before[i - 1].start : before[i - 1].end].rstrip().endswith((";", "；")):
        i -= 1
    if i < len(before) and listlead.opens_list(view, before[i].start, before[i].end):  # r. 45: 今年的目标,
        return before[max(i - rules.LEAD_SENTENCES + 1, 0)].start
    return before[-rules.LEAD_SENTENCES].start if len(before) >= rules.LEAD_SENTENCES else c.paragraph.start


def _dated_at(doc: Document, c: Candidate) -> str:
    """Where the figure's deadline was stated: its sentence, or its paragraph up to it for a carried one."""
    return doc.view[(c.paragraph if "deadline_carried" in c.rules_fired else c.sentence).start : c.end]


def _previous_paragraph(doc: Document, c: Candidate) -> int:
    """Where the paragraph before the figure's begins: a lead (主要预期目标是：, 部署…2018年工作) there or in the
    figure's own paragraph introduces a list of goals."""
    before = doc.view[: c.paragraph.start].rstrip()
    return before.rfind("\n") + 1


def _first_line(doc: Document) -> str:
    return doc.view.lstrip()[: rules.REPORT_TITLE_REACH].split("\n", 1)[0]


def _future_deadline(cands: list[Candidate], doc: Document) -> bool:
    """A deadline after the text's own year (or, without a date, any deadline not opened by 截至)."""
    for c in cands:
        if c.deadline is None or not _IN_SCOPE.intersection(c.rules_fired):
            continue
        if doc.issue_year is not None and c.deadline > doc.issue_year:
            return True
        if doc.issue_year is None and not rules.STATUS_DATE.search(_dated_at(doc, c)):
            return True
    return False


def _past_year(doc: Document, c: Candidate) -> bool:
    if doc.issue_year is None:
        return False
    before = doc.view[c.sentence.start : c.start]
    return any(int(m["year"]) < doc.issue_year for m in rules.PAST_YEAR_DONE.finditer(before))


def sections(doc: Document) -> list[tuple[int, str, int]]:
    """The cues that open a review or an ahead section, in order: (where the cue ends, "review" / "ahead", where the
    section ends at the latest: the text's end, or the next heading for a background heading). A cue whose year
    contradicts it (a 回顾 of a year after the text's own, a 工作安排 of a year before it) opens nothing."""
    out = []
    # a title line names the text, not a section of it (a text on one line has none)
    head = doc.view.lstrip()[: rules.REPORT_TITLE_REACH]
    body = len(doc.view) - len(doc.view.lstrip()) + len(_first_line(doc)) if "\n" in head else 0
    for kind, pattern in (("review", rules.REVIEW_CUE), ("ahead", rules.AHEAD_CUE)):
        for m in pattern.finditer(doc.view, body):
            year = m["year"] or m["year2"] or m.groupdict().get("year3")
            if year and doc.issue_year is not None and (
                    (kind == "review" and int(year) > doc.issue_year)
                    or (kind == "ahead" and int(year) < doc.issue_year)):
                continue
            if kind == "ahead" and targetsmet.reported_met(doc.view, m):
                continue  # round 28: 2023年…主要目标任务圆满完成 reports the targets met
            out.append((m.end(), kind, len(doc.view)))
    out += [(end, "review", len(doc.view)) for end in targetsmet.review_leads(doc.view, body)]
    out += goalsline.cues(doc.view, body, doc.issue_year)  # round 54: 主要目标 alone on a line above the goals
    out += indicatorlead.cues(doc.view, body, doc.issue_year)  # round 54: 2014年主要预期发展指标是:
    out += yearahead.cues(doc.view, body)  # round 54: 今年,鸿山镇将… opening a paragraph
    return sorted(out + _background(doc) + yearref.period_reviews(doc))  # round 23: “十三五”期间,… opening


def _background(doc: Document) -> list[tuple[int, str, int]]:
    """一、发展基础 / （一）主要成效 / 第一章 发展基础与趋势 (round 44): a review section from the heading to the next
    heading of its level or above."""
    heads = []
    at = 0
    for line in doc.view.split("\n"):
        for level, pattern in enumerate((HEADING_PART, HEADING_L1, HEADING_L2)):
            if m := pattern.match(line):
                heads.append((at, at + len(line), level, line[m.end() : m.end() + rules.BACKGROUND_HEADING_REACH]))
                break
        at += len(line) + 1
    out = []
    for i, (_, end, level, title) in enumerate(heads):
        if rules.BACKGROUND_HEADING.search(title):
            until = next((h[0] for h in heads[i + 1 :] if h[2] <= level), len(doc.view))
            out.append((end, "review", until))
    return out


def _section(cues: list[tuple[int, str, int]], at: int) -> tuple[int, str, int] | None:
    """The last cue before `at` whose section has not ended there."""
    before = [c for c in cues if c[0] <= at < c[2]]
    return before[-1] if before else None


def weigh(doc: Document, cands: list[Candidate]) -> None:
    """Adjust each candidate's score by what the document around it says (see the module's docstring)."""
    figures = [c for c in cands if c.comparator != "qualitative"]
    if not figures:
        return
    cues = sections(doc)
    where = {id(c): _section(cues, c.start) for c in figures}
    titled = bool(rules.REPORT_TITLE.search(_first_line(doc))) and not _future_deadline(figures, doc)
    # round 22: in a text that looks back, a plan's name lends no deadline (出台《…行动方案(2024—2026年)》 reported)
    back = aspect.looks_back(doc.view)
    ahead = {}
    for c in figures:
        section = where[id(c)]
        in_review = section is not None and section[1] == "review"
        ahead[id(c)] = (section is not None and section[1] == "ahead") or forward(
            doc, c, this_year=not titled and not in_review, lead=not in_review, review=in_review or back) \
            or "deadline_table_column" in c.rules_fired  # round 35: a table's target-year column looks ahead
        if section is not None and section[1] == "ahead" and section[0] >= _previous_paragraph(doc, c) \
                and "goals_section" not in c.rules_fired:
            c.score += rules.CONFIDENCE["goals_lead"]
            c.rules_fired.append("goals_lead")
    # round 24: a statistics release (levels with their growth over last year, no intent, deadline or forecast
    # anywhere) names the year it reports: neither that year nor its 全年 is a deadline, whatever plan it names
    stats = releases.statistics_text(doc.view)
    if stats:
        ahead = {id(c): "goals_section" in c.rules_fired for c in figures}
    for c in figures:  # 主要目标：…比上年增长15%: growth over last year, as a year's plan states it
        if "status_last_year" in c.rules_fired and (
                {"goals_section", "goals_lead"}.intersection(c.rules_fired)
                or intends(doc.view[c.sentence.start : c.sentence.end])):
            c.score -= rules.CONFIDENCE["status"]
            c.rules_fired.append("last_year_in_a_plan")
    # Round 10: whether a text plans or reports is judged on the figures the earlier rounds read; the measure words
    # read since (亩, 吨, 台: a plant's capacity, a county's farmland) do not tip it either way.
    voting = [c for c in figures if "measure_word" not in c.rules_fired] or figures
    # Round 12: a baseline (从2015年的约4500万人跃升至…, 由50家增加到…) is a figure of the text too, one that says where
    # things stood: it counts among the figures, never as one ahead.
    counted = len(voting) + sum(1 for _ in rules.BASELINE_VALUE.finditer(doc.view))
    share = sum(ahead[id(c)] for c in voting) / counted
    opening = rules.READING_BLANK.sub("", doc.view.lstrip()[: rules.REPORT_TITLE_REACH])  # round 15: 目      标
    first = _first_line(doc).strip()
    plan_line = len(first) <= rules.PLAN_TITLE_LINE_MAX and bool(rules.PLAN_TITLE.search(first))
    plan_self = bool(PLAN_SELF.search(rules.READING_BLANK.sub("", doc.view[:PLAN_SELF_REACH])))
    # Round 22: a text whose grammar looks back (aspect.looks_back: 从…提升到, 较2020年增长, 首次, 跃居 … several
    # times as
    # often as 到2025年, 力争, 目标, 将 …) reports, whatever deadline its figures were lent or its opening names.
    is_report = titled or stats or (not plan_self and (back or (not _future_deadline(figures, doc) and (
        (counted >= rules.REPORT_MIN_FIGURES and share < rules.REPORT_EVIDENCE_SHARE
         and not rules.PLAN_TITLE.search(opening))
        or (counted >= rules.REPORT_MIN_FIGURES_NO_EVIDENCE and share == 0 and not plan_line)))))
    for c in figures:
        if ahead[id(c)]:
            continue
        c.score = min(c.score, rules.UNDATED_CAP)
        in_review = where[id(c)] is not None and where[id(c)][1] == "review"
        if (is_report or in_review) and not _ALREADY_STATUS.intersection(c.rules_fired):
            rule = "report_document" if is_report else "review_section"
            c.score += rules.CONFIDENCE[rule]
            c.rules_fired.append(rule)
        if _past_year(doc, c) and "done" not in c.rules_fired:
            c.score += rules.CONFIDENCE["past_year"]
            c.rules_fired.append("past_year")
