"""A minimum for each unit of a jurisdiction is a coverage target: every unit reaches it (at least 100 percent).

Round 32 (issue 18). The corpus annotates 每个…不少于N / 各…至少N as coverage since round 30
(`policies/README.md`: a minimum for each unit, the count per unit in the note), and `rules.COVERAGE` read it
so only when a build verb follows the unit (每个开发区建立1家, 各县至少建设2家). With a minimum word and no such
verb the figure stayed a count of the whole jurisdiction (选择1个以上 read at least 1, 培训不少于3000人次 at
least 3000) or fell below the bar under the per-unit penalty (每个市州不少于2个, 每个村至少培训1名). Counted in
3 development texts before the rule, each development since its first score: the 2018 rural e-commerce
demonstration notice (各示范县的农村电商培训不少于3000人次), 甘肃 2016's rural e-commerce targets
(每个市州不少于2个…, 每个村至少培训1名…) and 浙江 2020's 互联网+农产品出村进城 news (每个设区市选择1个以上县…).

The unit must open the figure's own clause part (每个 / 每一个 / 每所 / 每家 / 各个, or 各 with a place or
school noun within four characters: 各示范县, 各市州, not 各类 / 各级), with no other number and no bracket
between it and the figure, and the minimum must be written (不少于 / 不低于 / 至少 / 不小于 before it, 以上
after it). Money is left alone: a sum for each unit (每家企业给予不少于50万元) is a grant, not a target, as the
README says; so are shares (每个乡镇覆盖率不低于80% is a share each must reach, not a count of units covered).
A per-unit norm without a minimum (每個園區帶動10萬戶) keeps its penalty, as before.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

UNIT_NOUN: Final = r"(?:县|市|区|乡|镇|街道|村|社区|州|高校|学校|园区|开发区)"
# The unit, then no number, no clause mark, up to the figure.
# Not 各类 / 各级 / 各种 / 各项 (all kinds of: 全国各类返乡入乡创业人员, whose 乡 is no unit), and not a figure in
# brackets after the unit (每个行政村(500人以上)建设1个: the bracket says which villages, a condition). Round 33: a
# bracket without a figure is part of the unit's name (各区、县(市)至少办1所, 各市(州), a reading 各國(guó)家級): the
# guard of round 32 stopped at it too; counted in 3 development texts naming 县(市) with a minimum (长春 2016's
# 各县(市)区至少建设2家, 河北 2014's 每个示范县(市)将至少建设1个, read by rules.COVERAGE's build verb; 杭州 2005's
# 各区、县(市)至少办1所, first unseen-43, which has none and was read at least 1).
EACH: Final = re.compile(
    rf"(?:每个|每一个|每所|每家|各个|各(?![类级种项界方部])(?=[^\d,，;；。、]{{0,3}}?{UNIT_NOUN}))"
    r"(?:[^\d,，;；。(（]|[(（][^\d,，;；。()（）]{1,6}[)）]){1,20}$")
FLOOR_RULES: Final = frozenset({"prefix_floor", "suffix_yishang"})
FLOOR_WORDS: Final = re.compile(r"不少于|不低于|至少|不小于|以上")


def cover(view: str, cands: list[Candidate]) -> None:
    """Read a written minimum for each unit (每个市州不少于2个) as coverage: at least 100 percent, the count noted."""
    for c in cands:
        if c.value is None or c.kind == "coverage" or c.comparator != "at_least" or c.unit in ("yuan", "percent"):
            continue
        if not (FLOOR_RULES.intersection(c.rules_fired[:1]) or "comparative_yu" in c.rules_fired):
            continue
        m = EACH.search(view, c.clause.start, c.start)
        if m is None or not FLOOR_WORDS.search(view, m.start(), min(c.clause.end, c.end + 3)):
            continue
        per_unit = f"{c.value:g} {c.unit_as_written} per unit (at_least)"
        c.kind, c.value, c.value_high, c.unit = "coverage", 100.0, None, "percent"
        c.rules_fired.append("per_unit_minimum")
        c.notes.append(f"coverage: {per_unit}")
        if "per_unit_norm" in c.rules_fired:  # a minimum for every unit is the target, not a norm beside it
            c.rules_fired.remove("per_unit_norm")
            c.score -= rules.CONFIDENCE["per_unit_norm"]
