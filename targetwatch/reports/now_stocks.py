"""A stock stated as "now" is the stock on the day of the statement, not a year's level.

    央广网银川7月3日消息…宁夏现有高新技术企业94家,…
        现有 (now has), a story of 2018-07-04: mid-2018, part of a year
    截至目前,晋城市2023年国家科技型中小企业入评价库数量已达196家

When a figure's sentence states no year and its year would come from the release date (or from the year its story's
lead states, periods.lead_year), a 现有/目前/截至目前 before it in its sentence says when the stock holds: on the
statement's date. Read so, it is that year's stock part-way through the year (period partial), never the whole year
before's level, which the lead gave u33_nx_2018_hte_chinacom's 94 (round 24; the story's lead states 2017 for its
other figures). The year is inferred from the release date, and the row's notes say so. Development texts that show
the class (round 24): u33_nx_2018_hte_chinacom (现有, 7月3日), u32_sx_2023_jincheng_techsmes_tech (截至目前,
今年目前), xx_2020_htefirms_noplace (目前, a January release), gs_2021_lbzcq (现有).
"""

from __future__ import annotations

import re

from targetwatch.reports.periods import YearBasis

# the words of "now": 现有 (now has), 目前/当前 (at present), 截至目前/截止目前 (up to now), 现已 (already now)
NOW = re.compile(r"截[至止]目前|目前|当前|现有|现已")
# the bases of a year that come from the release date alone (periods.YEAR_BASIS_WORDS)
_FROM_RELEASE = frozenset({YearBasis.RELEASE_DATE, YearBasis.LEAD})
NOW_BASIS = YearBasis.STOCK_NOW  # its words: periods.YEAR_BASIS_WORDS


def now_word(before: str) -> str | None:
    """The word of "now" in the words before a figure in its sentence (`before`, folded), if any."""
    found = None
    for m in NOW.finditer(before):
        found = m.group()
    return found


def stock_now(before: str, basis: str, release_year: int | None) -> tuple[int, str] | None:
    """(year, basis) for a figure stated as now whose year would come from the release date, else None."""
    if basis not in _FROM_RELEASE or release_year is None or now_word(before) is None:
        return None
    return release_year, NOW_BASIS
