"""Round 50 (issue 18): a count written N余 / N多 with no forward evidence is a count of what there is.

`rules.COMPARATOR_CUES` reads 多 and 余 after a number as 以上 (at least), and so 3000多家 or 70余家 becomes a
floor, with the comparator's weight. A plan states what it wants as a floor (以上, 不少于) or a figure; 余 / 多
says the writer rounded a figure that exists: 共建省级以上重点实验室70余家, 孵化器60余家, 全国3000多所高校,
规划面积1万多亩, 2400余家中试平台纳入储备库, 30多个重点领域.

On the development side (741 texts, 3,165 targets) one annotated target is written so (乌鲁木齐 2017:
预计…举办创新创业活动200余次, 预计 and a project year before it), while the false proposals with 余 / 多 stand
in at least eight texts (江苏's status mirror ×4, the 2022 wetland blog, the 2025 pilot-platform press news ×2,
香港 2024's 十多间, 泰州's parks, 千校万企's 3000多所, 温州's 30多个, 武汉's 10万多个).

So a figure read at_least from 多 / 余 right after its number, with no forward evidence (`evidence.forward`: no
deadline in scope, no goals heading, no word of intent in its sentence or its lead) and no forecast (预计…200余次
is an estimate of what a project will bring, and the round-18 test holds it), loses the status weight
(`rules.CONFIDENCE["status"]`) and says why. Its comparator stays at_least (more than N is still true of it).
Measured on the development side it takes away six of those false proposals (江苏 ×4, the wetland blog, the 2024
employment news: 带动200多万人就业); the others have forward evidence by `evidence.forward` (a lead's word of
intent, a carried deadline) and stay, and no target is lost.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.evidence as evidence
import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

RULE: Final = "rough_count"
FORECASTS: Final = frozenset({"forecast", "forecast_weak"})  # the walk's rules for 预计 / 有望 … before a figure
# The number (digits, a decimal, or Chinese numerals) and then 多 / 余, perhaps before a scale (1万多亩, 320多万).
ROUGH: Final = re.compile(r"[\d.零〇一二两三四五六七八九十百千万亿]+ {0,2}[多余]")


def demote(doc: Document, cands: list[Candidate]) -> None:
    """Weigh down each N余 / N多 figure that has no forward evidence (see the module's docstring)."""
    for c in cands:
        if c.comparator != "at_least" or "suffix_yishang" not in c.rules_fired or RULE in c.rules_fired:
            continue
        if ROUGH.match(doc.view, c.start, c.end) is None or FORECASTS.intersection(c.rules_fired) \
                or evidence.forward(doc, c):
            continue
        c.score += rules.CONFIDENCE["status"]
        c.rules_fired.append(RULE)
        c.notes.append("N余 / N多 with no deadline or word of intent: a rounded count of what there is")
