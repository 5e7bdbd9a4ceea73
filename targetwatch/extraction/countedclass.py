"""An amount that sizes the things a count counts: 形成4个产值规模超100亿元的…产业集聚区, 培育50家超十亿元生物企业.

Round 40 (issue 18). `figures.category_thresholds` reads a threshold written *before* its count (总收入超过100亿元的
企业达到10家以上: the amount says what is counted, the count is the target) and leaves a count followed by its
threshold (培育10家以上年营业收入超10亿元的科技领军企业) to the count. The amount after the count stayed a proposal
of its own, a false one:

- 形成4个产值规模超100亿元的智能制造产业集聚区 (广东's 2015 industry-upgrading plan news, first unseen-17: 0.85);
- 2015 年培育 50 家超十億元生物企業 (深圳's 2009 biological-industry plan news, traditional, first unseen-50: 0.80).

Counted in 2 development texts before the rule (the counts, 4 and 50, are annotated and were matched); the test
half not read. So: in one clause, a count (unit count) and right after it, with no clause mark, list mark or
figure between, an amount (yuan) with a floor or an exceed cue (超, 超过, 以上 …), followed by perhaps 的 and
then, within ten characters with no figure, a noun of the things counted (企业, 集聚区, 集群, 园区, 基地, 项目,
产业, 地级市, 县, 镇, 村; a mirror's reading blanks left out: 企    业): the amount takes the category-threshold
penalty (`rules.CONFIDENCE["category_threshold"]`, rule `category_threshold`), as a threshold before its count does.

Measured on the development side: false proposals 88 -> 86 (both above), matched 2193 -> 2193.

Round 49 (issue 18's first named class, a size class read as a target at >= 0.9): 城市 joins the nouns. The 工信部
十二五 software news (first unseen-60, now development) reads 到2015年,形成10个以上产业收入超过千亿元的城市 and
proposed the amount, exceed 10^11 yuan, at 0.90: the one wrong proposal of the top band on that set; its count (10, at
least) is the annotated target. Its twin in the same sentence (2到3个…超过5000亿元的产业集聚区) was already held.
One development text shows 城市 in this place; the rule is the round-40 rule's, with a place noun beside 地级市 / 县.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

CLASS_NOUN: Final = re.compile(
    r"的?[^\d,，。;；:：、]{0,10}?(?:企业|集聚区|集群|园区|基地|项目|产业|地级市|城市|县|镇|村)")
_FLOOR: Final = ("at_least", "exceed")
RULE: Final = "category_threshold"


def mark(view: str, found: list[Candidate]) -> None:
    """Penalise each amount that sizes the things the count right before it counts (see the module's docstring)."""
    for a, b in itertools.pairwise(found):
        if a.clause is not b.clause or a.unit != "count" or b.unit != "yuan" or b.comparator not in _FLOOR:
            continue
        if RULE in b.rules_fired or any(ch in view[a.end : b.start] for ch in "、,，;；。0123456789"):
            continue
        if CLASS_NOUN.match(view[b.end : b.clause.end].replace(" ", "")):  # a mirror's reading blanks (企    业)
            b.score += rules.CONFIDENCE["category_threshold"]
            b.rules_fired.append(RULE)
