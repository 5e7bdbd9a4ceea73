"""A level a reduction is to reach is a ceiling: 分别降低到120立方米、65立方米, 压缩至…50%.

Round 35 (issue 18). A figure after 降低到 / 降至 / 下降到 / 压缩至 … is where a quantity is to come down to: the plan
is met at that level or below it, as 控制在…以内 is. The cue tables read 控制在 and 不超过 as ceilings but had no word
of a reduction's end point, so these figures stayed exact. Counted in 2 development texts before the rule (the 2010
national water-resources plan news, first unseen-46: 万元国内生产总值用水量、万元工业增加值用水量分别降低到120立方米、
65立方米, twice, four rows annotated at most; 晋江's 2022 IP news: 将办案周期压缩至法定办案时限的50%, annotated at
most); the test half not read. A reduction *by* a rate (下降16%, 降低3%左右) is the size of the cut, not an end
point: it is not touched (no 到 / 至 after the verb).

Like `comparatives.bound` it only reads again a plain figure (exact, no cue of its own): 降至25左右 keeps 左右.
The verb stands before the figure in its sentence, with only the earlier items of the same list between
(分别降低到120立方米、65立方米: the 65 is the verb's too) or the whole a share is of (压缩至法定办案时限的50%).
It earns the explicit comparator's confidence, as 控制在 does.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate
from targetwatch.extraction.ratios import LOWER_TO

# The verb of a reduction with 到 / 至 (its end point: `ratios.LOWER_TO`, the one list), then the earlier items of a
# list (120立方米、) if any.
REDUCE_TO: Final = re.compile(
    rf"(?:{'|'.join(LOWER_TO)}) {{0,2}}(?:[^\d,，;；。、]{{1,12}}的)?"
    r"(?:\d+(?:\.\d+)?[^\d,，;；。、]{0,6}[、和及与] {0,2})*$")
REACH: Final = 40


def ceiling(view: str, cands: list[Candidate]) -> None:
    """Give a plain figure after a reduction's end-point verb the ceiling it states (降低到120立方米 → at most)."""
    for c in cands:
        if c.comparator != "exact" or not c.rules_fired or c.rules_fired[0] != rules.PLAIN_RULE:
            continue
        if REDUCE_TO.search(view, max(c.sentence.start, c.start - REACH), c.start) is None:
            continue
        c.comparator = "at_most"
        c.score += rules.CONFIDENCE["comparator"]
        c.rules_fired.append("reduction_end_point")
        c.notes.append("ceiling: a reduction's end point")
