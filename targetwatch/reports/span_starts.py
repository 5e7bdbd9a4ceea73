"""The start of a from-to whose years stand before it, as a span (issue 17, round 28).

A span of years opens the sentence and the figure after it runs 从 (or 由) its first year's value to its last year's:

    2017年至2021年,科技创新投入持续增加,全社会研发(R&D)经费投入从38.94亿元增长到70.44亿元 ;
    R&D投入强度从1.22%增长到1.56%。             (u37_nx_2017_2021_rd_bobobk, unseen-37, dev since round 28)
    2005—2018年,广东省技术合同成交额从234.27亿元上升到3212.52亿元   (u37_gd_hi_2005_2018_techcontracts_mtoou)

The end points were read (2021, 2018: the span's last year); the start points were quarantined as "a start point with
no year stated", though the span states it: its first year. The span counts only when no other year is stated between
it and the name (a year written there is the start point's own, and earlier rules read it), and it carries to the
next sentence of the same from-to, as 从 start points already do (communique.py's ctx.start).
"""

from __future__ import annotations

import re

from targetwatch.reports.lists import SPAN

_ANY_YEAR = re.compile(r"(?:19|20)\d{2}年")


def span_start_year(before: str) -> int | None:
    """The first year of the last span of years (2017年至2021年, 2005—2018年) in `before` (folded text up to a
    from-to's name), when no other year is stated after the span; None otherwise."""
    spans = list(SPAN.finditer(before))
    if not spans or _ANY_YEAR.search(before, spans[-1].end()):
        return None
    first, last = int(spans[-1].group(1)), int(spans[-1].group(2))
    return first if first < last else None
