"""A heading line that names a year's targets or work (2024年主要目标, 2024年重点工作安排) gives the figures below it
that year.

Round 45 (issue 18). `periodheading` reads a heading line naming a plan period's goals ("十四五"主要目标); a year's
own heading line was read only where 今年 or a lead's year reached the figures. In a digest of a work report whose
lines have no year of their own, one figure further down with a year ahead (力争到2025年产业规模突破7万亿元) became
the document's deadline and was lent to every line: 河南's 2024 work report digest (first unseen-56: the ten figures
below 2024年主要目标 and 2024年重点工作安排 given 2025). Counted in the development texts before the rule, the test half
not read: three texts have such heading lines, 河南 2024, 金华's 2024 development-zone targets (2024年目标任务, its
figures already given 2024 by 今年's rule) and 正定's 2025 work report (2025年发展目标和重点工作; the page shows no
date, so it is left as it is). Only 河南 disagreed.

The heading is a line of its own (at most 20 characters) that starts with a year and ends with 目标, 目标任务,
重点工作, 工作安排, 重点工作安排 or 主要任务; a heading that reviews (2023年工作回顾) is none. Its year is carried down
to the next such heading, to a figure the other rules left without a deadline and whose sentence names no year of
its own before it, and only when the year is not before the text's own date; a text without a date is left as it
is, as `periodheading` leaves it. The rule gives a deadline only (no confidence moves with it).
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.carrydown import REVIEW_WORDS, carry_down

HEADING: Final = re.compile(
    r"^[ \u3000]*(?P<year>(?:19|20)\d{2}) {0,2}年(?P<body>[^\n。;；,，!！?？:：]{0,12}?)"
    r"(?:目标任务|目标|重点工作安排|工作安排|重点工作|主要任务)[ \u3000]*$", re.M)
REVIEW: Final = re.compile(REVIEW_WORDS)
RULE: Final = "deadline_year_heading"


def headings(view: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each heading line naming a year's targets or work, in order."""
    return [(m.start(), m.end(), int(m["year"])) for m in HEADING.finditer(view) if not REVIEW.search(m["body"])]


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a figure without a deadline the year of the heading line above it (see the module's docstring). The walk is
    carrydown.carry_down's, shared with the other heading rule."""
    carry_down(doc, cands, headings(doc.view), RULE)
