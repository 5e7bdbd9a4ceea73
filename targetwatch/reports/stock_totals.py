"""The whole after the new ones: a count of new ones, then, in the next clause, the total they bring the stock to.

    新增国家高新技术企业40户,总数达到264户     <- 40 are new (not the stock); 264 is the stock of high-tech enterprises
    新增認定高新技術企業25家,總數達146家       <- 新增认定: 25 recognised in 2014, 146 the stock (Hainan, round 28)

(长治市's 2022 work report, u32_sx_2022_changzhi_gzbg, dev since round 23.) The second clause names no indicator, only
总数 (or 总量): the total of what the clause before counted. It is read as that indicator's level, with a note saying
it was named by 总数; everything else about it (its year, place, bounds, thresholds) is judged as for any figure.
Only a stock can have new ones added to it: a name that holds 新增 itself (新增就业: a flow) is left alone, so is a
count of new ones that is itself a bound or a change (新增40余家), and a clause whose number is not right after 总数.
Works on folded text (communique.py folds each sentence) and returns offsets into it.
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import CLAUSE_END, number_in
from targetwatch.reports.model import AliasMatch

# 新增149家高新技术企业 (sx_2014_hte, dev): new ones, not the stock; the verb carries over a list of such counts
# (培育 alone is not enough: 兰州市培育科技企业孵化器43家 in lz_2021_gscn is the city's stock)
# 新增認定高新技術企業25家,總數達146家 (u37_hi_2014_hitech_szokow_trad, unseen-37, dev since round 28): 新增 before
# 认定 makes the count a flow as well (the 25 was read as Hainan's 2014 level, a change taken for a level)
FLOW_BEFORE = re.compile(r"(?:新增|新培育|新引进|新建)(?:认定)?了?$")
# Round 32: new recognitions (新认定, 新获认定) count new ones too, a grade word may follow the verb, and the total
# may be the cumulative one (累计达到) after them, the province's own word before it:
#     新认定国家备案高新技术企业123家,总数达到461家      <- 461 (潍坊市, 2014; u41_wf_2014_hitech_yybnet)
#     新获认定国家高新技术企业656家,全省累计达到1644家   <- 1644 (Guizhou, 2019; u38_gzh_2019_st_tech)
# (both dev since rounds 32 and 29; recognitions.py already reads a recognised count before 累计 as a flow)
# Session 19's review: a provincial list (新认定省级科技型中小企业656家) opens no total: its count is refused as the
# list's subset (sme_registry.py: provincial lists are never touched), and so is the total it brings the list to; the
# province's own word before 累计 stays outside the hit (全省累计达到1644家 after 潍坊市's new ones), so that the
# own-word and province checks see it (SYNTHETIC tests, test_communique_review19.py)
_RECOGNISED_BEFORE = re.compile(r"新获?认定了?(?:国家级|国家)?(?:备案)?$")
_CUMULATIVE_OPENS = re.compile(r"[,;](?:全省|全市|全区)?(累计)(?=达到|达|为)")
# the next clause opens with the whole: 总数达到264户, 总量为…
_TOTAL_OPENS = re.compile(r"[,;](总数|总量)")
# Round 35: …or with the verb of reaching and the number, the name not repeated: the stock all the same
#     新认定高新技术企业110家,达到280家          <- 280: 包头市's high-tech enterprises at the end of 2022
#     新培育科技型中小企业97家,达到243家          <- 243: its technology-based SMEs
# (u44_hhht_bt_2022_st_fensifuwu, unseen-44, dev since round 35: both "not recognised"). Only right after a count of
# new ones (新增, 新培育, 新认定… before the name, or 新增 after it), the number right after the verb
_REACHED_OPENS = re.compile(r"[,;](达到|达|增至|增加到|增长到|提高到|上升到)(?=\s*\d)")


# Round 31: the verb after the name (高新技术企业新增1079家), and the total one clause of comparison later:
#     2017年,河北省高新技术企业新增1079家,是2016年增幅的2.5倍多,总数达3174家。     <- 3174: the stock
#     科技型中小企业新增1.34万家,总数达5.5万家。                                   <- 5.5万: the stock
# (u38_he_2017_st_tech, Hebei's 2017 science work meeting, dev since round 29: both totals were "not recognised")
FLOW_AFTER = re.compile(r"新增了?(?=\d)")
# a clause between the new ones and the total that holds no level: a multiple, a comparison or a growth rate
# (是2016年增幅的2.5倍多, 同比增长2.5倍, 增长25%). Session 20's review (fix17b, deciding 9eff6bb): a total stated after
# a growth clause is a level all the same (总数达3174家), and 比/较/同比 before the growth word changed nothing about
# that, so 增长/增幅 are back, and a rate (25%: number_in's "level") in such a clause is a change, not a level
_COMPARISON = re.compile(r"(?:是|为|相当于|比|较|同比|增长|增幅)")  # matched at a clause start
_RATE = re.compile(r"\s*%")


def _holds_no_level(clause: str) -> bool:
    """True if the comparison or growth clause `clause` holds no figure, or only a multiple, a bound or a rate."""
    between = number_in(clause)
    return between is None or between[3] != "level" or _RATE.match(clause, between[1]) is not None


def _total_after(folded: str, clause_end: int, verb_after: bool, recognised: bool = False) -> re.Match | None:
    """The 总数/总量 opening the clause after the count of new ones (after new recognitions also 累计), or (the verb
    after the name) the clause after one clause of comparison."""
    total = (
        _TOTAL_OPENS.match(folded, clause_end)
        or (_CUMULATIVE_OPENS.match(folded, clause_end) if recognised else None)
        or _REACHED_OPENS.match(folded, clause_end)
    )
    if total is not None or not verb_after or not _COMPARISON.match(folded, clause_end + 1):
        return total
    nxt = m.start() if (m := CLAUSE_END.search(folded, clause_end + 1)) else len(folded)
    return _TOTAL_OPENS.match(folded, nxt) if _holds_no_level(folded[clause_end + 1 : nxt]) else None


def stock_after_flow(folded: str, hits: list[AliasMatch], completed: dict[int, tuple[str, str]]) -> set[int]:
    """Add to `hits` (and `completed`: the name each stands for, and why) a hit over 总数/总量 where it opens the clause
    after a count of new ones of an indicator; returns the starts of the hits added."""
    added: set[int] = set()
    for k, hit in enumerate(list(hits)):
        verb_after = FLOW_AFTER.match(folded, hit.end) is not None
        recognised = _RECOGNISED_BEFORE.search(folded, 0, hit.start) is not None
        if (
            hit.code is None
            or "新增" in hit.key
            or not (FLOW_BEFORE.search(folded, 0, hit.start) or verb_after or recognised)
        ):
            continue
        clause_end = m.start() if (m := CLAUSE_END.search(folded, hit.end)) else len(folded)
        new = number_in(folded[hit.end : clause_end])
        if new is None or new[3] != "level" or hit.end + new[2] != clause_end:
            continue  # the count of new ones must end its clause
        total = _total_after(folded, clause_end, verb_after, recognised)
        following = hits[k + 1].start if k + 1 < len(hits) else len(folded)
        if total is None or total.end() > following or number_in(folded[total.end() : following]) is None:
            continue
        hits.append(AliasMatch(total.start(1), total.end(1), hit.code, hit.key))
        name = folded[hit.start : hit.end]
        said = total.group(1) if total.re is not _REACHED_OPENS else "(the name not repeated)"
        completed[total.start(1)] = (name, f"{said} after the count of new {name}: their stock")
        added.add(total.start(1))
    return added
