"""Ranges of a level over time (由A到B, 从A增加到B) and the clause after a name that goes on with its level.

    高新技术企业，数量增加到520家                                    the level in the next clause
    技术合同交易额从2011年的20.52亿,增长到2015年的40.8亿元           a range's end point in the next clause
    眾創空間的數量呈爆發式增長,由2014年不足50家到2020年8 507家         a range in the next clause; 不足50家 is a bound

Split out of communique.py (which decides what each figure is) to keep it under the project's module size; the
patterns that were there (`LEVEL_CONTINUES`, `FROM`, `TO`) moved here unchanged.
"""

from __future__ import annotations

import re

# 高新技术企业，数量增加到520家: the level is in the next clause
_LEVEL_VERB = re.compile(r"^(?:数量|总数|总量|数)?(?:达到|达|增加到|增至|增长到|上升到|为)")
# …or a range that opens with its first year: 眾創空間的數量呈爆發式增長,由2014年不足50家到2020年8 507家
# (u24_nat_2020_makerspaces_victorzhang_trad, unseen-24, dev since round 15): the name's clause holds no number (呈…增长
# says how it grew, not by how much), the next clause gives the range's two ends with their years
_RANGE_OPENS = re.compile(r"^(?:从|由)(?:19|20)\d{2}年(?:底|末)?的?[^,;。\d]{0,4}\d[^,;。]*?(?:到|至)(?:19|20)\d{2}年")
FROM = re.compile(r"(?:从|由)")
# the verbs of growth before a range's 到, and the 到 with its year: one reading for TO and _TO_NEXT (below)
_GROWTH = r"(?:增加|增长|上升|提高|提升|发展|跃升)"
_TO_YEAR = r"(?:到|至)((?:19|20)\d{2})?年?(?:底|末)?的?"
TO = re.compile(r"^[^0-9]{0,6}?" + _GROWTH + "?" + _TO_YEAR)
# a threshold passed is never a level: 总数突破600家，达到612家 (gs_2017_techmarket, dev); 破 alone, as headlines
# write it (named in round 3's brief), and the other verbs of passing a mark (moved from communique.py in round 35)
THRESHOLD = re.compile(r"(?:突破|破|跨越|迈上|迈过|站上|跃上)$")
# "more than" any number is a bound, not a measurement: 经费投入超千亿元 (nat_2023_rd_provinces, dev), 超1200萬人 above
# 1269萬人 (u14_nat_2021_jobs_nbs_trad); round 33: a precise number too (高新技術企業超過1.57萬家, 超2.45萬件:
# u41_sz_2023_gwr_dingqianjf_trad; 超214亿元: u29_fj_2021_techcontracts_fznews), as every development annotation has it
# (round 3 read it as a level written as approximate; docs/report-formats.md §3b: bounds). Moved from communique.py's
# _BOUND in round 35, unchanged.
ABOVE = re.compile(r"(?:首次)?(?:超过|超出|超|逾|高于)$")
# "less than" is a bound, never a level: 由2014年不足50家到2020年8 507家 (u24_nat_2020_makerspaces_victorzhang_trad)
# Round 35: "nearly" (近, 将近, 接近) is a bound below the number too, as every development annotation of such a figure
# has it: 交易额近5亿元 (u40_yl_2020_st_yybnet), 技术合同成交额近百亿 (u6_hn_2014_techcontracts), 规上工业企业近4000家
# (u42_nb_2020_st_gkzhan), 各類資金近20000萬元 (u42_hd_2013_centres_bmsj_trad), 增加近1倍 (u43_jx_2016_review_yzyba);
# 约 (about) stays a level written as approximate; 最近 (recent) is no bound
BELOW = re.compile(r"(?:不足|不到|低于|少于|未满|未达|将近|接近|(?<!最)近)$")


def level_continues(clause: str) -> bool:
    """True when the clause after a name with no number of its own goes on with that name's level (a verb of
    reaching a level, or a dated range 由2014年…到2020年…)."""
    return bool(_LEVEL_VERB.match(clause) or _RANGE_OPENS.match(clause))


# …or, when the start point ends its clause, at the opening of the next one with a verb of growth:
# 技术合同交易额从2011年的20.52亿,增长到2015年的40.8亿元 (u33_lz_2015_techmarket_baogaosu),
# 研发(R&D)经费投入从2005年的249.60亿元,增加到2009年的65298亿元 (xx_rd_noplace_nodate, its start refused as a subset
# (其中), so its end point is not reached): dev since round 24
_TO_NEXT = re.compile("^" + _GROWTH + _TO_YEAR)


def end_point(folded: str, unit_end: int, clauses: list[tuple[int, int]]) -> tuple[int, int, re.Match[str]] | None:
    """(start, stop, match of its 到) of the window holding a 从A到B span's end point B, A's unit ending at `unit_end`:
    the rest of A's clause (`clauses[0]`), or the next clause when A ends its own and that one opens with 增长到."""
    stop = clauses[0][1]
    if (to := TO.match(folded[unit_end:stop])) is not None:
        return unit_end + to.end(), stop, to
    rest = folded[unit_end:stop]
    if rest == "" and len(clauses) > 1 and (to := _TO_NEXT.match(folded[clauses[1][0] : clauses[1][1]])):
        return clauses[1][0] + to.end(), clauses[1][1], to
    return None
