"""Figures listed with 分别 (respectively) over a span of years stated in the sentence: one figure per year, in order.

    2013年到2017年,我国城镇新增就业人数分别为1310万人、1322万人、1312万人、1314万人、1351万人
    -> 2013: 1310万人, 2014: 1322万人, 2015: 1312万人, 2016: 1314万人, 2017: 1351万人

(u10_nat_2017_hrss_communique, dev since round 6.) Read only when the span is stated before the name and the list
after it holds exactly one figure per year of the span, all levels in one unit; any other list with 分别 (shares of
parts, two indicators, provinces) stays rejected, because nothing says which figure is whose.
Works on folded text (communique.py folds each sentence) and returns offsets into it.
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import number_in

# 2013年到2017年, 2013—2017年, 2013年至2022年: a span of years (never more than twelve)
SPAN = re.compile(r"((?:19|20)\d{2})年?(?:到|至|—|–|-|~)((?:19|20)\d{2})年")
# 2012年、2013年、2014年、2015年,中国城镇新增就业人数分别为… (u13_nat_2015_jobs_rights_report, dev since round 8): the
# years enumerated
ENUMERATED = re.compile(r"(?:19|20)\d{2}年(?:(?:、|和|及)(?:19|20)\d{2}年)+")
_LIST_END = re.compile(r"[;。!?]|(?<!\d),|,(?!\d{3}(?!\d))")  # the list runs to the clause's end; 、 和 及 join it
_JOINS = re.compile(r"^(?:、|和|及|与|,)?$")


def year_list(folded: str, name_start: int, name_end: int) -> list[tuple[int, int, int, str]] | None:
    """(number start, number end, unit end, year) of each figure of a list over the span of years stated before the
    name, or None when the sentence is not such a list."""
    spans = list(SPAN.finditer(folded, 0, name_start))
    enumerated = list(ENUMERATED.finditer(folded, 0, name_start))
    if spans:
        first, last = int(spans[-1].group(1)), int(spans[-1].group(2))
        years = list(range(first, last + 1))
    elif enumerated:
        years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", enumerated[-1].group())]
    else:
        return None
    if not 2 <= len(years) <= 12:
        return None
    end = _LIST_END.search(folded, name_end)
    stop = end.start() if end else len(folded)
    items: list[tuple[int, int, int]] = []
    pos = name_end
    while (found := number_in(folded[pos:stop])) is not None:
        if found[3] != "level" or (items and not _JOINS.match(folded[pos : pos + found[0]])):
            return None
        items.append((pos + found[0], pos + found[1], pos + found[2]))
        pos += found[2]
    if len(items) != len(years) or len({folded[b:u] for _, b, u in items}) != 1:
        return None
    return [(a, b, u, str(year)) for year, (a, b, u) in zip(years, items, strict=True)]
