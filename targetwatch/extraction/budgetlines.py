"""A budget compiled (编列, Taiwan's word for 安排…预算) is a budget set, and so are the lines listed after it.

Round 54 (issue 18). Round 23's `budgets.sets_budget` reads 安排…预算 / 预算安排 right before an amount as the
amount's own forward evidence. Pages from Taiwan write a budget with 编列 (to compile into the budget), often with
预算 after the amount (已编列 116 亿元预算), and list the lines of one budget after the first, one amount a noun
(軌道建設共編列122.76億元、通勤月票票價補貼11億元及幸福巴士計畫1.36億元). Development texts showing the class, every
编列 amount of the development side annotated as a budget setting: 高雄's 2025 (114年) budget report
(kaohsiung-2025-budget-report-news-trad, first unseen-66: eleven lines, four after 编列 and seven listed after one;
the text read as a report, all at 0.10 or not proposed), the premier's 2024 speech (taiwan-2024-premier-5-50-500-cnyes
-trad, first unseen-64: 明(2025)年度政府已編列 116 億元預算), the 2016 Asia Silicon Valley repost
(taiwan-2016-asia-silicon-valley-plan-ptt-repost-trad, first unseen-61: 106 年度,各部會已經編列 113 億元預算).

`compiled(doc, c)`, for an amount in yuan: 编列 and at most sixteen characters that are no digit and no clause's end
right before it, or such a 编列 followed by amounts in 元 each ending a list item (、 / 及 / 和 / 与 between them and
this amount's noun), all in its sentence. As in `budgets.sets_budget`: no year before the text's own in the sentence
before it, no 累计 / 以来 / 截至 / 截止 in its paragraph (共计 is the sum of the lines here, not a span up to now), and
no 已 / 了 before it — unless the sentence names a year after the text's own (明年, 明(2025)年度, 2025年度, or a ROC
fiscal year N年度, N + 1911): a budget already compiled for the coming year is still the coming year's budget.
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document

_GAP: Final = r"[^,，。;；\d]{0,16}?"
COMPILED: Final = re.compile(
    rf"编 {{0,2}}列{_GAP}(?:(?<![\d.])\d+(?:\.\d+)? {{0,2}}[万亿]? {{0,2}}元{_GAP}[、及和与]{_GAP})*$")
DONE: Final = re.compile(r"已|了")
SPAN: Final = re.compile(r"累计|以来|截至|截止")
WESTERN_YEAR: Final = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2}) {0,2}年")
ROC_FISCAL_YEAR: Final = re.compile(r"(?<![\d.])(?P<year>1[0-4]\d) {0,2}年度")
NEXT_YEAR: Final = re.compile(r"明 {0,2}(?:[(（] {0,2}(?:19|20)\d{2} {0,2}[)）])? {0,2}年")


def compiled(doc: Document, c: Candidate) -> bool:
    """True when the amount is a line of a budget the text compiles (see the module's docstring)."""
    if c.unit != "yuan" or doc.issue_year is None:
        return False
    view = doc.view
    before = view[c.sentence.start : c.start]
    if not COMPILED.search(before) or SPAN.search(view, c.paragraph.start, c.start):
        return False
    if any(int(m["year"]) < doc.issue_year for m in WESTERN_YEAR.finditer(before)):
        return False
    return not DONE.search(before) or _year_ahead(view[c.sentence.start : c.sentence.end], doc.issue_year)


def _year_ahead(sentence: str, issue_year: int) -> bool:
    return bool(NEXT_YEAR.search(sentence)) \
        or any(int(m["year"]) > issue_year for m in WESTERN_YEAR.finditer(sentence)) \
        or any(int(m["year"]) + 1911 > issue_year for m in ROC_FISCAL_YEAR.finditer(sentence))
