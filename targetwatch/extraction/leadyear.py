"""A lead line that ends with a colon and names one year (到2017年:, 2024年,我们将…努力实现以下目标:, 《规划》提出…目标
2020年…实现,并明确11项主要指标:) gives that year to the list lines below it.

Round 46 (issue 18). `yearheading` reads a heading line that starts with a year and ends with 目标 / 重点工作; a lead
that introduces a list with a colon was read only where its sentence reached the figures (one list line at most), so
the lines below it took the document's deadline or none. Class from unseen-57's first score (内蒙古's 十三五 science
plan news, an undated page: the ten indicators below 创新型内蒙古建设目标2020年与全国同步实现,并明确11项主要指标: given
none). Counted in the development texts before the rule (deadline disagreements with none proposed whose list lies
below a colon lead naming the gold year; the test half, the holdouts and unseen-58 not read): three texts, 内蒙古
(first unseen-57, 10 rows), 镇远's 2024 work report (first unseen-30: 2024年,我们将…努力实现以下目标:, 3 rows) and
长春's 2016 maker-space opinion (first unseen-6: 到2017年: on a line of its own, 1 row).

The lead is one line ending with : or ：that names exactly one year (19xx / 20xx followed by 年); a line that reviews or
dates status (回顾, 完成, 成效, 成就, 进展, 截至, 截止, 以来) is none. Its year is carried down the lines below, up to
the next lead line ending with a colon, a numbered heading ((三), 三、) or `REACH_LINES` non-blank lines, to a figure
the other rules left without a deadline and whose sentence names no year of its own before it, and only when the
year is not before the text's own date (an undated text takes it: a colon lead introduces what it names). The rule
gives a deadline only (no confidence moves with it), after every other deadline rule.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.carrydown import REVIEW_WORDS, carry_into

LEAD: Final = re.compile(r"^[^\n]*[:：][ \u3000]*$", re.M)
YEAR: Final = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2}) {0,2}年")
NOT_AHEAD: Final = re.compile(REVIEW_WORDS + "|" + rules.STATUS_DATE.pattern + "|以来")  # 截至 / 截止: rules'
# A numbered heading opens another part: (三)主要任务, 三、, （二）.
HEADING: Final = re.compile(r"^[ \u3000]*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")
REACH_LINES: Final = 12
RULE: Final = "deadline_lead_year"


def leads(view: str) -> list[tuple[int, int]]:
    """(end of the lead line, year) of each colon lead that names exactly one year and looks ahead."""
    out = []
    for m in LEAD.finditer(view):
        years = {int(y["year"]) for y in YEAR.finditer(m[0])}
        if len(years) == 1 and not NOT_AHEAD.search(m[0]):
            out.append((m.end(), years.pop()))
    return out


def _reach(view: str, end: int) -> int:
    """Where the lead's list stops: the next colon lead, a numbered heading, or `REACH_LINES` non-blank lines."""
    at, seen = end, 0
    while at < len(view) and seen < REACH_LINES:
        nxt = view.find("\n", at + 1)
        nxt = len(view) if nxt < 0 else nxt
        line = view[at + 1 : nxt] if view[at : at + 1] == "\n" else view[at:nxt]
        if line.strip():
            if HEADING.match(line) or LEAD.fullmatch(line):
                return at
            seen += 1
        at = nxt
    return at


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a figure without a deadline the year of the colon lead above it (see the module's docstring)."""
    own = doc.issue_year
    carry_into(doc, cands, ((end, _reach(doc.view, end), year) for end, year in leads(doc.view)
                            if own is None or year >= own), RULE)  # the walk: carrydown.carry_into
