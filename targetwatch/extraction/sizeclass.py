"""A population size class names which places are meant; it is no target of its own.

Round 36 (issue 18). 20万人口以上城市实现铁路覆盖 sets a coverage target for the cities of 200 000 people or more;
每个行政村(500人以上)建设1个电子商务网点 one for the villages of 500 people or more. The persons figure only says which
places count, as 300人以上的企业 does (`figures.category_thresholds`), but that rule looks for a second figure in the
clause and a noun right after the first, and 人口 splits as 人 + 口 here. Counted in 2 development texts before the
rule, the test half not read: the 2020 railway outline news (first unseen-47: 20萬人口以上城市, 50萬人口以上城市, both
proposed at 0.50) and 河北's 2014 rural e-commerce demonstration counties news (first unseen-40: 行政村(500人以上),
proposed at 0.80). The corpus annotates such size classes as conditions, not targets (`policies/README.md`).

`mark` holds a persons figure below the default threshold, with the category penalty, when a place noun follows it
(人口 / 以上 / 以下 / 的 between) or when it stands alone in a bracket right after a place noun.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

PLACES: Final = r"(?:大中城市|城市|城镇|县城|行政村|自然村|乡镇|社区)"
# 20万人|口以上城市, 50万人口及以上的城市: the places the figure sizes follow it
PLACE_AFTER: Final = re.compile(rf"口? {{0,2}}(?:及以上|以上|以下)? {{0,2}}的?{PLACES}")
# 每个行政村(500人以上): the figure alone in a bracket glossing the place before it
PLACE_BEFORE: Final = re.compile(rf"{PLACES} {{0,2}}[(（] {{0,2}}$")
BRACKET_CLOSE: Final = re.compile(r" {0,2}[)）]")


def mark(view: str, cands: list[Candidate]) -> None:
    """Hold a population figure that sizes the places it names (see the module's docstring)."""
    for c in cands:
        if c.unit != "persons" or "size_class" in c.rules_fired:
            continue
        after = PLACE_AFTER.match(view, c.end)
        glossed = PLACE_BEFORE.search(view, max(0, c.start - 12), c.start) and BRACKET_CLOSE.match(view, c.end)
        if not after and not glossed:
            continue
        c.score += rules.CONFIDENCE["category_threshold"]
        c.rules_fired.append("size_class")
        c.notes.append("a population size class of the places named, not a target")
