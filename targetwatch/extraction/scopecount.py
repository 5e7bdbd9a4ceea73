"""A count of the places a plan covers (包括…8个省区的近600个县, 聚焦720个…重点县, 在阳曲等11个县建设…) names its
scope, not a target.

Round 38 (issue 18). A count of provinces or counties after a verb of a plan's scope was read as a count to reach, the
plan's deadline carried onto it. Three development texts (the test half not read) show it: the 2023 national oil-tea
plan news (first unseen-49: 统筹考虑15个适宜种植油茶省 at 0.50, 核心发展区包括…8个省区的近600个县 at 0.90, 重点拓展区
包括…7个省市的近200个县 at 0.70), the 2024 grain-capacity action plan news (first unseen-48: 将聚焦720个粮食产能提升
重点县 at 0.60) and 山西's 2017 益农信息社 meeting news (first unseen-41: 安排资金2000万元在阳曲等11个县建设1100个… at
0.70). In each the places are where the work is done; the targets are what is planted, built or improved there.

`demote` lowers such a count below the default threshold (`rules.CONFIDENCE["category_threshold"]`, −0.60): a count
of places (个 + their name ending in 省 / 县 / 市 / 区 / 州) after 包括 / 聚焦 / 统筹考虑 / 涉及 in its clause, or right
after a list closed by 等 under 在. A count of places to create (培育10个示范县, 在全省建成20个示范县) has none of these
and is read as before.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# A scope word, then the rest of its clause up to the figure (a list in 、 allowed, no verb of making in between);
# or 在 + a named place + 等 right before the figure. The view is folded (simplified, half-width: `text.fold`).
SCOPE_BEFORE: Final = re.compile(
    r"(?:(?:包括|聚焦|统筹考虑|涉及)[^,;。:!?]{0,40}?|在[\u4e00-\u9fff]{1,8}等)(?:近|约|共)? {0,2}$")
# The figure's measure word 个 (inside the figure's span or after it) and the places it counts: a name of up to 10
# characters ending in a kind of place.
PLACES_AFTER: Final = re.compile(r" {0,2}个?[\u4e00-\u9fff]{0,10}?(?:省区|省市|省|县|市|区|州)")
MAKING: Final = re.compile(r"建成|建设|培育|创建|新建|打造|认定")


def demote(view: str, cands: list[Candidate]) -> None:
    """Lower a count of the places a plan covers below the threshold (see the docstring)."""
    for c in cands:
        if c.unit != "count" or "scope_count" in c.rules_fired:
            continue
        if "个" not in view[c.start : c.end + 3]:
            continue
        start = max(c.clause.start, c.start - 48)
        before = view[start : c.start]
        m = SCOPE_BEFORE.search(before)
        if m is None or MAKING.search(m.group()) or PLACES_AFTER.match(view, c.end) is None:
            continue
        c.score += rules.CONFIDENCE["category_threshold"]
        c.rules_fired.append("scope_count")
        c.notes.append("a count of the places a plan covers: its scope, not a target")
