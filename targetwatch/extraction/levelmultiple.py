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
clause, is that level's multiple: 1 + N/100 over the baseline (its year, where one is written).

去年 and 上年 are read by one convention (round 52; round 51 took 去年 always and 上年 never): each names the year
before a year, 上年 the year before the figure's own (as a year's plan and a statistics release write 比上年增长8%),
去年 the year before the text's. A rise over that baseline is a multiple only when the figure's deadline lies more
than a year past it: so 比上年 is always one year's growth rate (left to `releases` / `annualplan`), and 较去年 is a
multiple when the deadline is after the text's own year (a 2015 text's 2024 aims over 2014: x1.4 over 2014) and a
year's growth rate when there is no deadline or it is the text's year. One year's rise and one year's growth rate are
the same figure; the corpus annotates it as a rate. Since 上年 lies one year before its figure's deadline by its
meaning, it is never a multiple's baseline and `OVER_BASELINE` does not read it (review of round 52: the branch that
took the deadline's year before and asked whether the deadline lay more than a year past it could never pass).
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate

OVER_BASELINE: Final = re.compile(
    r"(?:(?<!同)比|较)(?:(?P<year>(?:19|20)\d{2})年(?:底|末)?|(?P<last>去年)|目前|现在|当前)[^,;。]{0,12}?"
    r"(?:增长|提升|提高|增加|上升)了? {0,2}(?:约|近)? {0,2}$")
RULE: Final = "level_multiple"


def _last_year(issue_year: int | None, deadline: int | None) -> int | None:
    """The year 去年 names (the year before the text's) when the deadline lies more than a year past it, else None (a
    year's growth rate)."""
    if deadline is None or issue_year is None:
        return None
    return issue_year - 1 if deadline - (issue_year - 1) > 1 else None


def lift(view: str, cands: list[Candidate], issue_year: int | None = None) -> None:
    """Read each per cent restating an earlier level over a baseline as the level's multiple (see the docstring)."""
    for c in cands:
        if c.unit != "percent" or c.value is None or c.comparator not in ("exact", "approx", "at_least") \
                or c.per_year:
            continue
        m = OVER_BASELINE.search(view, c.clause.start, c.start)
        if m is None or not any(d.sentence is c.sentence and d.start < c.clause.start and d.value is not None
                                and d.unit not in (None, "percent") for d in cands):
            continue
        last = _last_year(issue_year, c.deadline) if m["last"] else None
        if m["last"] and last is None:
            continue
        c.comparator, c.multiple = "multiple_of_baseline", round(1 + c.value / 100, 6)
        c.baseline_year = int(m["year"]) if m["year"] else last
        c.value, c.unit, c.unit_as_written = None, None, None
        c.rules_fired.append(RULE)
        c.notes.append("a rise over a baseline restating the level named before it: a multiple of the baseline")
