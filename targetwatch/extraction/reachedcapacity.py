"""A capacity a plan says will be reached (茶油产能达到200万吨, 年加工能力达到150万吨) is a target, not a plant's size.

Round 38 (issue 18). Round 10 read a measure after 年产 / 产能 / 年加工 (`measures.CAPACITY_BEFORE`) or before /年
(`measures.CAPACITY_AFTER`) as the size of a plant or product (年产10万吨…生产线, 10万吨/年水性树脂: −0.60); round 37
(`outputlevel.py`) took that back from a figure ending in 以上 / 左右 / 以内 that closes its clause. Three development
texts (first unseen-49; the test half not read) state an economy's or a sector's capacity as the level to reach, with
no such suffix: the 2023 national oil-tea plan news (茶油产能达到200万吨。 at 0.30), 山西's 2022 dairy plan news
(乳制品年加工能力达到150万吨, run on without a stop, at 0.30) and 湖北's 2020 machine-sand plan news
(平均产能规模超过150万吨/年, at 0.30). In each a verb of reach (达到, 超过, 突破, 提高到, 稳定在 …) stands between the
capacity word and the figure: a plant is built at a rating (年产10万吨), an economy's capacity is brought to a level.

`lift` takes the capacity penalty back from such a figure when no 的 follows it (or its /年): 建设产能达到10万吨的生产线
sizes a plant and keeps the penalty, as does any capacity without a verb of reach (项目年产10万吨, 年加工茶油10万吨).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# The capacity word (as `measures.CAPACITY_BEFORE` reads it), then up to 4 characters of its noun (能力, 规模), then a
# verb of reach ending right before the figure (blanks of a mirror's reading allowed). The view is folded (simplified,
# half-width: `text.fold`), so traditional and full-width texts read alike.
REACHED: Final = re.compile(
    r"(?:年产(?![值量])|产能|年加工|年处理|日产(?![值量])|年吞吐|年出栏)[^,;。、\s]{0,4}?"
    r"(?:达到|达|超过|突破|提高到|提升到|提升至|提高至|增加到|稳定在|保持在) {0,2}$")  # r. 39: 达
# A figure sizing what follows it: 的 after the figure or its /年 (产能达到10万吨的生产线).
OF_AFTER: Final = re.compile(r"(?: {0,2}/ {0,2}年)? {0,2}的")


def lift(view: str, cands: list[Candidate]) -> None:
    """Undo `capacity` for a figure a verb of reach brings after a capacity word (see the docstring)."""
    for c in cands:
        if "capacity" not in c.rules_fired:
            continue
        if REACHED.search(view[max(0, c.start - 16) : c.start]) is None or OF_AFTER.match(view, c.end):
            continue
        c.score -= rules.CONFIDENCE["category_threshold"]
        c.rules_fired.remove("capacity")
        c.rules_fired.append("capacity_reached")
        c.notes.append("a capacity brought to a level by a verb of reach: a target, not a plant's size")
