"""Round 25 (issue 18): a deadline year that opens a list item under a goals heading.

成安's 创新型县 plan (an undated page; 一、《实施方案》的目标) lists 1. 2019年地方财政科技支出不低于4090万元;2. 2019年
规上工业企业R&D经费…不低于0.69%;2020年…不低于0.82%. `rules.DEADLINES` read 到2019年 / 2019年前 / 力争2019年, not
a plain year: in running text a plain year is a date (2020年研究生毕业人数达72.9万人 reports), and on an undated page
the document's fallback year is only an inference. At the head of a list item under a heading with 目标 (the walk's
`goals_section`), though, the plain year is the year the item is set for. `carry` runs after the walk, only on
figures it left without a deadline, before the document's fallback year; a year before the text's own date is none.

A lead paragraph above the figure's (部署了科工局2018年工作。 / 主要目标是:) was tried as a second source and left
out: it fired on no development text (docs/extraction.md, round 25).
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document

# The head of a list item: after a clause or item end (;。: or a line break), an optional item number (1. / 2、 /
# (3)), then the year plainly written (2019年, not 2019年前 / 2019年底 / 2019年以来 / 2019年度).
ITEM_YEAR: Final = re.compile(
    r"[ \u3000]*(?:\d{1,2} {0,2}[.、．]|[(（]\d{1,2}[)）])? {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年"
    r"(?![前底末内以之度\d]|以来|[\-—–~至到])")
ITEM_END: Final = re.compile(r"[;；。:：\n]")
CARRIED_ITEM: Final = "deadline_item_year"


def item_year(doc: Document, c: Candidate) -> int | None:
    """The year that opens the figure's list item, when the figure stands under a goals heading."""
    if "goals_section" not in c.rules_fired:
        return None
    view = doc.view
    head = max((m.end() for m in ITEM_END.finditer(view, c.paragraph.start, c.start)), default=c.paragraph.start)
    m = ITEM_YEAR.match(view, head, c.start)
    if m is None:
        return None
    year = int(m["year"])
    return None if doc.issue_year is not None and year < doc.issue_year else year


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give each figure the walk left without a deadline the year its list item opens with, under a goals heading."""
    for c in cands:
        if c.deadline is None and c.comparator != "qualitative" and (year := item_year(doc, c)) is not None:
            c.deadline = year
            c.rules_fired.append(CARRIED_ITEM)
