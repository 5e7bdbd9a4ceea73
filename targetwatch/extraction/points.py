"""A deadline stated inside one numbered point of a paragraph does not carry into the next (一是…。二是…).

Round 44 (issue 18). A work summary often writes its points in one paragraph: 一是…, 二是…, 三是…. The walk carries
the deadline in force from sentence to sentence through a paragraph (`walk._place`, `deadline_carried`), which is right
for a lead naming the year of the points after it (到2025年,…。一是…100家。二是…200家), but not for a period named
inside one point: 泉州's note on graduates' start-ups (first unseen-24) names 计划2014-2017年 in its first point
(健全完善鼓励高校毕业生创业政策), then reports in its second what was built (建成…孵化基地14个, 累计孵化创业项目638个,
带动7500人就业) and a subsidy's ceiling (不超过100万元); with 2017 carried into them they read as 2017's goals. The
text's readings (計(jì)劃) had hidden the period until round 44 read such texts without them (`readings.py`).

So where a sentence opens a point (一是 / 二是 … 十是, 其一 / 其二 …, after blanks), the deadline carried into it is
the one in force where the point before it opened: a deadline a point states itself ends with that point.
"""

from __future__ import annotations

import re
from typing import Final

# A point's number opening a sentence: 二是…, 其二,…, (after an item's blanks or a bracket) 三是….
POINT: Final = re.compile(r"[\s“\"]*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十](?=[,，:：是]))")


def opens_point(view: str, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) of the view opens a numbered point."""
    return POINT.match(view, start, end) is not None
