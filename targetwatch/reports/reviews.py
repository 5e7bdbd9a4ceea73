"""The year a review names in a document's head (round 14, dev).

A government work report (or a work meeting) of year N reviews year N−1, so a head that names the report's year
dates its figures N−1 (periods.REVIEW). Some heads name the reviewed year itself: a transcript of the session's
opening lists the reports heard, `审查国务院关于2018年国民经济和社会发展计划执行情况与2019年…计划草案的报告`
(u21_nat_2018_gzbg_jiejinghe_trad, unseen-21, dev since round 14), and a section head says `一、2018年工作回顾`. The
year before 执行情况 or 工作回顾 is the year under review: it is not moved back again.
"""

from __future__ import annotations

import re

from targetwatch.reports.periods import YEAR_TOKEN
from targetwatch.units import parse_year

# the year followed, within its phrase, by what reviews it: …计划执行情况, …预算执行情况, 工作回顾, 工作总结
_REVIEWED = re.compile(r"[^,;。与]{0,20}?(?:执行情况|工作回顾|工作总结)")


def review_years(line: str, found: int) -> tuple[int, int]:
    """(the figures' year, the year of the report) for a head line that names year `found` and a review."""
    for m in YEAR_TOKEN.finditer(line):
        if parse_year(m.group(1)) == found and _REVIEWED.match(line, m.end()) is not None:
            return found, found + 1
    return found - 1, found
