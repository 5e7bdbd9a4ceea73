"""Round 47 (issue 18): a target named inside a progress report.

A progress report states what was done and, beside it, the target it was done against: 完成年目标任务12500人的98.5%,
为全年目标任务1000万人的94%, 完成省定2亿元目标任务的81.11%, or “目标任务责任状”规定的新建众创空间5个,已完成3个. The
figure done is status; the target's own figure is a target of the jurisdiction for the period the report runs in, and
the corpus annotates it so (the convention of round 47 in `tests/fixtures/real/policies/README.md`: unseen-57's 新城区
and unseen-58's 包河区 were annotated so at collection; the older development texts 2008 jobs Q3, 同心 2018 and 兰州
2023 were changed to follow it). The earlier rules read every figure of such a sentence as status (`progress`,
`status_report`, the share's figure as a category threshold); this step lifts the target's figure back.

Which figure is the target:
- right after 目标任务 (为) and right before 的 + a share (…目标任务12500人的98.5%), or right before 目标任务的 + a
  share (省定2亿元目标任务的81.11%); round 54: after 年任务 / 年度任务 too (a county park's first quarter,
  county-park-2016-q1-tasks-news, first unseen-65: 完成年任务75亿元的23.7%, four such targets annotated, none read);
- followed by a comma and what was done (N个,已完成M个; N人,实际新增M人).

Not lifted: last year's target (去年目标任务为900万人), and a period summed up (“十四五”期间,…;…完成目标任务15万人的
112% in the background of the next plan: a finished period's target, as last year's target beside this year's is not
annotated). The deadline is the year of the text (全年 / 年目标任务: the year's target), or the end of a period the
paragraph names before the figure (在2015~2017年3年示范期内) when it is not before the text's year.
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.yearref import PERIOD_SPAN

# Right before the figure: the target named (全年目标任务, 年目标任务为); its figure follows.
# Round 54: 年任务 / 年度任务 (the year's task, 完成年任务75亿元的23.7%) names the year's target as 年目标任务 does.
NAMED_BEFORE: Final = re.compile(r"(?:目标任务|年度?任务) {0,2}(?:为|是)? {0,2}$")
# Right after the figure: the share done of it (12500人的98.5%); or 目标任务的 + a share (2亿元目标任务的81.11%).
SHARE_AFTER: Final = re.compile(r" {0,2}的 {0,2}\d+(?:\.\d+)? {0,2}%")
TARGET_SHARE_AFTER: Final = re.compile(r" {0,2}目标任务的 {0,2}\d+(?:\.\d+)? {0,2}%")
# Right after the figure: what was done beside it (,已完成3个 / ,实际新增24805人).
DONE_AFTER: Final = re.compile(r" {0,2}[,，] {0,2}(?:已经?|实际)(?:完成|新增|认定|建成|达到) {0,2}\d")
# Last year's target (去年目标任务为900万人) names no target ahead.
LAST_YEAR: Final = re.compile(r"(?:去年|上年|上一年)[^,，;；。]{0,4}$")
# A period summed up in the figure's paragraph before it (“十四五”期间 / 以来): a finished period's targets.
PERIOD_SUMMED: Final = re.compile(PERIOD_SPAN)  # yearref's piece
# A period the paragraph names before the figure (在2015~2017年3年示范期内): its end is the target's year.
PERIOD: Final = re.compile(r"(?:19|20)\d{2} {0,2}年? {0,2}(?:-|—{1,2}|–|~|～|至) {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年")
LIFTED_SCORE: Final = 0.7  # a rule first measured here: below the top band
DONE_SCORE: Final = 0.3  # below rules.MIN_CONFIDENCE: what was done is status


def _named(view: str, c: Candidate) -> bool:
    """The figure is a target named beside what was done (see the module's docstring)."""
    before = view[c.sentence.start : c.start]
    if LAST_YEAR.search(before.removesuffix("目标任务为").removesuffix("目标任务")) or PERIOD_SUMMED.search(
            view, c.paragraph.start, c.start):
        return False
    if NAMED_BEFORE.search(before) and SHARE_AFTER.match(view, c.end):
        return True
    clause = view[c.clause.start : c.start]
    return bool(TARGET_SHARE_AFTER.match(view, c.end) or ("已" not in clause and "实际" not in clause
                                                          and DONE_AFTER.match(view, c.end)))


def _year(doc: Document, c: Candidate) -> int | None:
    """The period the paragraph names before the figure, else the year of the text."""
    now = doc.issue_year
    ends = [int(m["year"]) for m in PERIOD.finditer(doc.view, c.paragraph.start, c.start)]
    if ends and (now is None or ends[-1] >= now):
        return ends[-1]
    return now


def lift(doc: Document, cands: list[Candidate]) -> None:
    """Give a target named in a progress report the score of a target and its year (rule `named_target`); the
    figure done right after it (,已完成3个) is status (rule `done_beside_target`), below the default bar."""
    done_at = set()
    for c in cands:
        if c.comparator == "qualitative" or c.value is None or not _named(doc.view, c):
            continue
        c.score = max(c.score, LIFTED_SCORE)
        c.rules_fired.append("named_target")
        if (year := _year(doc, c)) is not None:
            c.deadline = year
        if m := DONE_AFTER.match(doc.view, c.end):
            done_at.add(m.end() - 1)
    for c in cands:
        if c.start in done_at:
            c.score = min(c.score, DONE_SCORE)
            c.rules_fired.append("done_beside_target")
