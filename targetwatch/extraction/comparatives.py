"""Comparatives written with 于 that the cue tables lacked: 不小于 (at least), 大于 (more than), 不大于 (at most).

Round 32 (issue 18): `rules.COMPARATOR_CUES` knew 不低于 / 不少于 (a floor), 高于 (more than) and 不高于 (a ceiling),
but not their synonyms 不小于 / 大于 / 不大于, so 其中护理型床位占比不小于60% and 占全市生产总值比重大于60% were read as
exact figures where each states a bound. Counted in 2 development texts before the rule (上海's 2022 elderly-care
facilities plan news, first unseen-42: 不小于60%; the 2022 provinces' digital-economy targets page, first unseen-36:
大于60%). 不大于 occurs in no stored text: it is written here as the ceiling of the same pair (不高于 is in the
tables), not fitted to any sentence. 小于 / 低于 alone are left as they are (低于…目标 also reports a target met).

Like `fullcover.floor` this only reads again a figure the cue tables left plain (exact): a figure with a cue of its
own (达到, 以上, 左右 …) keeps it. The word must stand before the figure in its clause, within `rules.PREFIX_REACH`
characters and with no other number between, as every "before" cue must.

Round 34: the mathematical signs of the same bounds, as standards and indicator tables write them (PM2.5≤29微克/立方米,
≥90%, ＞6.5): ≤ / ≦ (at most), ≥ / ≧ (at least), < (less than: at most, the comparators have no strict one) and > (more
than: exceed); full-width ＜ / ＞ fold to < / > (NFKC). A sign must stand right before its figure (spaces aside): a
sign further away belongs to another figure or to markup. A sign earns the explicit comparator's confidence
(`rules.CONFIDENCE["comparator"]`), as the cue tables' words do. Counted in 2 development texts before the rule
(普宁's 2025 air-quality information, first unseen-45: PM2.5≤29 / PM10≤47; the 2021 agricultural-modernisation
indicator exam: >6.5); the test half not read.

Round 35: 小于 alone is a ceiling (城市公共供水管网漏损率小于9.0%, the 2021 water-saving plan news, first
unseen-46), the strict partner of 大于 as 不大于 is of 不小于; 低于 alone stays unread (低于…目标 reports a target
met). The 于-words now earn the explicit comparator's confidence too, as the signs and the cue tables' words do:
a figure whose only cue was 大于 stayed at the base (学前教育毛入园率将大于90%, 高中阶段教育毛入学率大于92%, the
2022 public-services plan news, first unseen-46, at 0.40: below the bar), while 大于60% beside 占…比重 (the 2022
provinces' digital-economy targets page) and 不小于60% (上海's 2022 elderly-care news) were read with a verb.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# The longer words first: 不大于 before 大于 (大于 right after 不 is the ceiling, not more than).
COMPARATIVES: Final[tuple[tuple[str, str], ...]] = (
    ("不小于", "at_least"), ("不大于", "at_most"), ("大于", "exceed"), ("小于", "at_most"),  # round 35: 小于
)
_WORD: Final = re.compile("|".join(w for w, _ in COMPARATIVES))
SIGNS: Final[dict[str, str]] = {"≤": "at_most", "≦": "at_most", "<": "at_most",
                                "≥": "at_least", "≧": "at_least", ">": "exceed"}


def bound(view: str, cands: list[Candidate]) -> None:
    """Give a plain figure the bound a 于-comparative before it states (不小于60% → at least 60)."""
    for c in cands:
        if c.comparator != "exact" or not c.rules_fired or c.rules_fired[0] != rules.PLAIN_RULE:
            continue
        before = view[max(c.clause.start, c.start - rules.PREFIX_REACH) : c.start]
        before = re.split(r"\d", before)[-1]  # no other number between the word and its figure
        sign = before.rstrip(" ")[-1:]
        if sign in SIGNS:
            c.comparator = SIGNS[sign]
            c.score += rules.CONFIDENCE["comparator"]  # an explicit comparator, as 不低于 / 以上 earn when read
            c.rules_fired.append("comparative_sign")
            c.notes.append(f"bound: {sign}")
            continue
        found = [m[0] for m in _WORD.finditer(before)]
        if not found:
            continue
        c.comparator = dict(COMPARATIVES)[found[-1]]
        c.score += rules.CONFIDENCE["comparator"]  # round 35: as a sign and the cue tables' words earn it
        c.rules_fired.append("comparative_yu")
        c.notes.append(f"bound: {found[-1]}")
