"""Round 51 (issue 18): a rise over a baseline restating a level named before it is a multiple of the baseline.

`rules.GROWTH_OVER_BASELINE` reads 比2015年增长30% (the per cent right after the year and the verb) as a multiple of
the baseline (x1.3). Two development texts restate a level so with words between, and the per cent was proposed as a
target of its own (a false proposal) while the multiple was missed:

- the 2022 renewable-energy plan news (china-2022-renewable-energy-14th-plan-news-trad, first unseen-46):
  3.3萬億千瓦時左右的可再生能源年發電量,比2020年增長了約50% (annotated x1.5; proposed approx 50 percent at 0.90);
- the 2015 productivity 4.0 news (taiwan-2015-productivity-40-plan-news-trad, first unseen-61): 人均產值要提升至
  1,000萬元,較2014年的611萬元提升60% (x1.6), 達到1,000萬元,較目前水準提升60% (x1.6) and 商業人均產值目標是230萬元,
  較去年提升40% (x1.4) twice.

So a per cent (exact, approx or at least; not per year) whose clause reads 比 / 较 (not 同比) and a baseline (a year,
去年, 目前 / 现在 / 当前), up to twelve characters, and a verb of rising (增长, 提升, 提高, 增加, 上升; 了 and 约 / 近
allowed) right before it, and whose sentence names a level (a figure with a unit other than per cent) in an earlier
clause, is that level's multiple: 1 + N/100 over the baseline (its year, where one is written). 比上年 is left out:
a year's plan writes 地区生产总值达到5000亿元,比上年增长8% as the year's growth rate (`releases`, `annualplan`).
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate

OVER_BASELINE: Final = re.compile(
    r"(?:(?<!同)比|较)(?:(?P<year>(?:19|20)\d{2})年(?:底|末)?|去年|目前|现在|当前)[^,;。]{0,12}?"
    r"(?:增长|提升|提高|增加|上升)了? {0,2}(?:约|近)? {0,2}$")
RULE: Final = "level_multiple"


def lift(view: str, cands: list[Candidate]) -> None:
    """Read each per cent restating an earlier level over a baseline as the level's multiple (see the docstring)."""
    for c in cands:
        if c.unit != "percent" or c.value is None or c.comparator not in ("exact", "approx", "at_least") \
                or c.per_year:
            continue
        m = OVER_BASELINE.search(view, c.clause.start, c.start)
        if m is None or not any(d.sentence is c.sentence and d.start < c.clause.start and d.value is not None
                                and d.unit not in (None, "percent") for d in cands):
            continue
        c.comparator, c.multiple = "multiple_of_baseline", round(1 + c.value / 100, 6)
        c.baseline_year = int(m["year"]) if m["year"] else None
        c.value, c.unit, c.unit_as_written = None, None, None
        c.rules_fired.append(RULE)
        c.notes.append("a rise over a baseline restating the level named before it: a multiple of the baseline")
