"""A line that is nothing but a goals heading (主要目标, 预期目标, 2015年主要目标) leads the prose under it.

Round 54 (issue 18). `rules.AHEAD_CUE` reads 主要目标 as a lead when a colon follows it (主要目标是：) or bullets stand
on the lines under it (round 22), and `walk` reads a numbered heading with 目标 (一、主要目标, (二)发展目标) as a goals
section. A heading line with neither a number nor a colon, followed by the goals as prose, was read as nothing: in
a newspaper's item on a county's 2015 work report (镇安, first unseen-65: 主要目标\n生产总值增长11.5%左右,…,
万元GDP能耗下降3.5%。) the item's review paragraphs made the text a report and all fourteen targets of the list fell
to 0.00-0.30 (`report_document`). The development side has the same heading line in 河南's 2024 work-report
brief (2024年主要目标 on its own line, already a lead through its year) and the 2025 digital-China action plan's
news (主要目标 on its own line above 《行动方案》提出,到2025年底…). Numbered headings are left as they were: the walk
reads 一、主要目标 and (二)发展目标 as goals sections, and round 22 chose not to read 1.总体目标 above prose as a lead
(海南's 2021 catch-up plan is lifted by its preamble's 制定本行动计划, which test_round17 checks is what lifts it).

The line is the heading only: an optional year, then 主要 / 预期 / 发展 / 工作 / 总体 (主要预期) 目标 and the line's
end, with no item number. A longer line (主要目标完成情况, 目标任务圆满完成) opens nothing; a year
before the text's own opens nothing (as `evidence.sections` treats every ahead cue). Like every ahead cue, it opens
a section to the text's end, and its figures take `goals_lead` when it stands in their paragraph or the one before.

Rule 15 of the same round: a table's row label 2022 年 目 标 值 | (the year's target values, characters spaced) above a
row of values is the same heading for that row: the 2018 rural-revitalisation plan's indicator table
(china-2018-rural-revitalisation-indicators-table, development since the test half was drawn: five blocks of 主 要 指 标
| names | / 2022 年 目 标 值 | / values | / 属 性 |, twenty annotated values, none proposed: the undated table read as a
report).
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate

_BLANK: Final = r"[ \t\u3000]*"
GOALS_LINE: Final = re.compile(
    rf"^{_BLANK}(?:(?P<year>(?:19|20)\d{{2}}) {{0,2}}年(?:的)?)?(?:主要|预期|发展|工作|总体)(?:预期)?目标"
    rf"{_BLANK}$\n(?=\s*\S)",
    re.M,
)


# Rule 15 of round 54: a table's row label naming the year's target values (2022 年 目 标 值 |), its characters spaced
# as a PDF's table prints them, heads the row of values under it.
TARGET_VALUES_ROW: Final = re.compile(
    rf"^{_BLANK}(?P<year>(?:19|20)\d{{2}}) {{0,2}}年 {{0,2}}目 {{0,2}}标 {{0,2}}值{_BLANK}\|?{_BLANK}$\n(?=\s*\S)",
    re.M)


def cues(view: str, start: int, issue_year: int | None) -> list[tuple[int, str, int]]:
    """Each goals heading line (or target-values row label) from `start` on as an ahead cue: (where the line ends,
    "ahead", the text's end)."""
    found = [*GOALS_LINE.finditer(view, start), *TARGET_VALUES_ROW.finditer(view, start)]
    return sorted((m.end() - 1, "ahead", len(view)) for m in found
                  if not (m["year"] and issue_year is not None and int(m["year"]) < issue_year))


def floor_values(view: str, cands: list[Candidate]) -> None:
    """Rule 15: a plain value (no sign, no word) in the row right under a target-values label is the level to reach,
    at least: the corpus annotates the table's values as floors (policies/README.md, unseen-52's paragraph; its two
    ceilings, 恩格尔系数 and 城乡居民收入比, are an annotator's reading the table does not give)."""
    for c in cands:
        if c.comparator != "exact" or not c.rules_fired or c.rules_fired[0] != "plain":
            continue
        line_start = view.rfind("\n", 0, c.start) + 1
        label_start = view.rfind("\n", 0, max(line_start - 1, 0)) + 1
        if line_start and TARGET_VALUES_ROW.match(view, label_start):
            c.comparator = "at_least"
            c.rules_fired.append("target_value_row")
