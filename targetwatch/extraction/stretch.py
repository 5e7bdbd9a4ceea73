"""Round 23 (issue 18): a stretch figure after 力争 that names no indicator of its own is the indicator before it.

Work points write a year's growth target and its stretch side by side: 农林牧渔业增加值增长2.5%,力争3% (杭州's 2023 三农
work points). The second clause has only 力争 and a percent; round 22's rules read it as an exact level of 3%. Its
indicator and its kind are those of the clause before it, a growth rate, so it is a growth target too (comparator
`growth_rate`, rule `stretch_of_growth`). A clause that names something of its own (力争达到48000元, 力争新增20家) is
left as it is.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from targetwatch.extraction.candidates import Candidate

# The clause before the figure holds only the word of stretch (力争, 争取, perhaps 达到 / 实现); after it only 左右 /
# 以上 and the clause's end.
STRETCH_BEFORE: Final = re.compile(r"^[ \u3000,，、]*(?:力争|争取|力爭|爭取)(?:达到|实现|達到|實現)? {0,2}$")
STRETCH_AFTER: Final = re.compile(r"^ {0,2}%? {0,2}(?:左右|以上)? {0,2}[,，;；。]? {0,2}$")


def carry_growth(view: str, cands: list[Candidate]) -> None:
    """Give a bare stretch percent after 力争 the growth-rate comparator of the figure right before it."""
    ordered = sorted((c for c in cands if c.comparator != "qualitative"), key=lambda c: c.start)
    for prev, c in itertools.pairwise(ordered):
        if c.unit != "percent" or c.comparator not in ("exact", "at_least", "approx") \
                or prev.comparator != "growth_rate" or prev.sentence.start != c.sentence.start \
                or prev.clause.start == c.clause.start:
            continue
        if STRETCH_BEFORE.match(view[c.clause.start : c.start]) and STRETCH_AFTER.match(view[c.end : c.clause.end]):
            c.comparator = "growth_rate"
            c.rules_fired.append("stretch_of_growth")
