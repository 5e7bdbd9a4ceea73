"""A lead naming a year's expected indicators (2014年主要预期发展指标是:) is a lead of goals, as 主要预期目标是: is.

Round 54 (issue 18). A work report names its year's targets 预期目标 or, as often, 预期指标 (the expected
indicators); `rules.AHEAD_CUE` reads only the first. Development texts showing the class: 长春高新区's 2014 meeting
news (changchun-hitech-zone-2014-meeting-news, first unseen-66: 部署2014年主要预期发展指标是:营业总收入实现4900亿元,
…, five levels and a 分别 pair, below a paragraph of 2013's results: no proposal at any confidence, news_report),
黑龙江's 2013 county-economy meeting (first unseen-64: 2013年的主要预期指标是:力争…, matched through 力争) and 渝中区's
2023 task breakdown (a heading line 一、主要预期指标, already a goals section).

The lead is 预期 and at most two characters (发展, 经济) before 指标, with 主要 and a year before it if written, then
是 / 为 / 如下 and a colon, or the line's end. 预期 is what makes it a lead: 主要经济指标增速高于省市平均水平 (the same
长春 text's results) names indicators without expecting them. A year before the text's own opens nothing, as for
every ahead cue (`evidence.sections`).
"""

from __future__ import annotations

import re
from typing import Final

INDICATOR_LEAD: Final = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2}) {0,2}年(?:的)?)?(?:主要)?预 {0,2}期[^\d,，。;；:：\n]{0,2}?指 {0,2}标"
    r"(?:是|为|如下)? {0,2}(?::|(?=[ \t\u3000]*\n))")


def cues(view: str, start: int, issue_year: int | None) -> list[tuple[int, str, int]]:
    """Each expected-indicators lead from `start` on as an ahead cue: (where it ends, "ahead", the text's end)."""
    return [(m.end(), "ahead", len(view)) for m in INDICATOR_LEAD.finditer(view, start)
            if not (m["year"] and issue_year is not None and int(m["year"]) < issue_year)]
