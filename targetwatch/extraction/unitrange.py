"""Round 52 (issue 18): a range whose two ends each carry the unit (3100亿元至3400亿元) is one range.

`rules.FIGURE` reads a range with the unit written once, after its high end (3100至3400亿元, 3—5个); a scale word
may stand at both ends (1亿到2亿吨). With the unit at both ends each end was read as a figure of its own: the low end
took the cue before it (达到: at least) and the high end was proposed alone, a false proposal. Three development texts:

- 成都's 十四五 world-creative-city plan, two copies (chengdu-2022-world-creative-city-plan-news-trad and chengdu-2022-
  creative-parks-plan-news, first unseen-62): 成都文创产业增加值将达到3100亿元至3400亿元 (annotated a range; proposed
  at least 3100亿元, the comparator wrong, and exactly 3400亿元 at 0.70);
- 绵阳's 2012 pig plan (mianyang-2012-pig-12th-plan-news, first unseen-50): 年出栏生猪…10万头~20万头的达50个 (a size
  class; 10万头 proposed at 0.70, 20万头 held as a class).

So two figures in the same unit, the first lower, with only a range separator (`rules.RANGE_SEPARATOR`, blanks
allowed) between them, are one figure: a range from the first to the second, with the first's cues and weight (the
second's are dropped with it). Its range is then read as any other (`rangeclass`: 10万头~20万头的 qualifies a noun).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

BETWEEN: Final = re.compile(rf" {{0,2}}{rules.RANGE_SEPARATOR} {{0,2}}")
RULE: Final = "unit_range"


def join(view: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates with each pair written 3100亿元至3400亿元 joined into one range (see the module docstring)."""
    by_start = {c.start: c for c in cands}
    dropped: set[int] = set()
    for low in sorted(cands, key=lambda c: c.start):
        if id(low) in dropped or low.value is None or low.comparator == "range" or low.unit is None:
            continue
        m = BETWEEN.match(view, low.end)
        high = by_start.get(m.end()) if m else None
        if high is None or high.unit != low.unit or high.value is None or high.value <= low.value \
                or high.comparator == "range" or high.sentence is not low.sentence:
            continue
        low.comparator, low.value_high, low.end = "range", high.value, high.end
        low.sub_clauses.extend(high.sub_clauses)
        low.rules_fired.append(RULE)
        low.notes.append(f"a range written with its unit at both ends, up to {high.value:g} {high.unit}")
        dropped.add(id(high))
    return [c for c in cands if id(c) not in dropped]
