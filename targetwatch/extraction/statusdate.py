"""A status date (截至2019年底,…) dates every figure after it up to the full stop, across semicolons.

Round 45 (issue 18). `rules.STATUS_WORDS` holds 截至 / 截止, and `figures` looks for them in the figure's own sentence,
which a semicolon ends: the figures after the first semicolon of a sentence dated by 截至 were read as targets. Two
development texts show it, every such proposal false (the test half not read): 上海's 2020 opinion on university
science parks (first unseen-56: 截至2019年底,上海共有13个国家级大学科技园,占全国总数的11%;共培育“科技小巨人”
企业100家,高新技术企业539家,上市企业66家。, the three after the semicolon proposed at 0.70-0.80, a deadline of
2025 carried onto them) and the 2023 garbage-sorting news (first unseen-44: 截至2022年底,…覆盖率达到82.5%;
生活垃圾日处理能力达到53万吨,焚烧处理能力占比77.6%。, two proposed at 0.80 and 0.60). No development text has a
target after such a semicolon: every proposal whose full sentence holds a dated 截至 before it was one of these five.

`demote` lowers such a figure as `figures` lowers a status figure (`rules.CONFIDENCE["status"]`, −0.60), when: the
full sentence (from the last 。 ! ? or line break) holds 截至 / 截止 (到) and a year before the figure; nothing between
that date and the figure says what will be done (a word of intent, `candidates.intends`, 目标, or a year after 到 /
至: 截至2022年底,…达到82.5%;到2025年,…达到90% keeps its 90%); and the date's year is not after the text's own (a text
without a date is read as it is). A figure its own sentence already marks as status is left as it is.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, intends

# 截至2019年底 / 截止到2022年末 / 截至2023年6月 in the folded view (simplified, half-width), blanks allowed (a PDF's);
# the words are rules.STATUS_DATE's.
STATUS_DATE: Final = re.compile(
    "(?:" + rules.STATUS_DATE.pattern + r") {0,2}(?:到 {0,2})?(?P<year>(?:19|20)\d{2}) {0,2}年")
# Where a full sentence starts: after a full stop, an exclamation or question mark, or a line break.
FULL_STOP: Final = re.compile(r"[。!?\n]")
# What will be done between the date and the figure: a year after 到 / 至 (到2025年), or 目标.
AHEAD: Final = re.compile(r"(?:到|至) {0,2}(?:19|20)\d{2} {0,2}年|目标")
RULE: Final = "status_date_sentence"


def _sentence_starts(view: str) -> list[int]:
    """Where each full sentence of the view starts (semicolons do not end one), in order: found once per text."""
    return [0] + [m.end() for m in FULL_STOP.finditer(view)]


def demote(view: str, cands: list[Candidate], own_year: int | None) -> None:
    """Lower a figure after a semicolon of a sentence opened by a status date (see the module's docstring)."""
    starts = _sentence_starts(view)
    for c in cands:
        if c.comparator == "qualitative" or {"status_report", "status_last_year", RULE} & set(c.rules_fired):
            continue
        start = starts[bisect.bisect_right(starts, c.start) - 1]  # the full sentence holding the figure
        date = next(STATUS_DATE.finditer(view, start, c.start), None)
        if date is None or (own_year is not None and int(date["year"]) > own_year):
            continue
        between = view[date.end() : c.start]
        if intends(between) or AHEAD.search(between):
            continue
        c.score += rules.CONFIDENCE["status"]
        c.rules_fired.append(RULE)
        c.notes.append(f"dated {date.group()}: where things stood, not a target")
