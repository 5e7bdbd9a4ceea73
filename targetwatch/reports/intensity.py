"""R&D intensity where a text does not write its name: the expenditure's share of GDP, or the name's head left out.

    研究与试验发展(R&D)经费支出10240亿元,比上年增长17.9%,占国内生产总值的1.97%     <- 占国内生产总值的: intensity
    研究與試驗發展(以下簡稱R&D)經費投入7062.6億元,投入強度(與國內生產總值GDP之比)為1.76%  <- 投入强度: intensity

Either is read only right after the expenditure's own name and figure (its changes may stand between), never after a
subset of the expenditure (企业R&D经费, 装备制造业研究与试验发展(R&D)经费).
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import QUALIFIER, split_clauses
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import AliasMatch
from targetwatch.reports.zone_subject import ZONES

# R&D expenditure's share of GDP is R&D intensity: 研究与试验发展(R&D)经费支出10240亿元,比上年增长17.9%,占国内生产总值的
# 1.97% and its headline 研发经费占GDP的1.97% (u7_nat_2012_caixin), 全社会研发投入达到49.3亿元,占GDP的1.45%
# (u6_xx_2020_kjj_summary; 研发投入 is not a catalogue name): dev since round 4. Read only right after the expenditure's
# name (no other name between), never after a subset of it (企业R&D经费)
# …and in its own clause: 研发经费在总GDP中的占比为2.23% (u10_nat_2019_rd_mydrivers, dev since round 6)
_SHARE_OF_GDP = re.compile(
    r"占(?:全国|全省|全市|本省|该省|我省|本市|该市|我市)?(?:当年)?(?:国内|地区)?(?:生产总值|gdp)的?(?:比重|比例|比值)?"
    r"|在(?:全国|全省|全市)?总?(?:国内|地区)?(?:生产总值|gdp)中的?(?:占比|比重|比例)"
    # R&D經費與GDP之比達到2.44% (u11_nat_2021_rd_prelim_trad, dev since round 7); R&D经费与当年国内生产总值(GDP)之比为
    # 1.70% (u18_nat_2009_rd_census_ixiawen, dev since round 12)
    r"|与(?:当年)?(?:国内|地区)?(?:生产总值|gdp)(?:之比|的比值|比值)"
)
# between the name and the share: its own figure, then only clauses of its changes (比上年增长17.9%)
# Round 35: …and a multiple of an earlier year's (是2010年的2倍): 2015年,江苏全社会研发投入达1800亿元,是2010年的2倍;
# 占地区生产总值比重达2.55% (u43_js_2015_hitech_czgov, unseen-43, dev since round 34: share_openings.py)
_CHANGE_CLAUSE = re.compile(
    r"^(?:比|较|同比|增长|增加|提高|上升|下降|减少|增幅|增速|是[^,;。\d]{0,8}?(?:19|20)\d{2}年的?[\d.]+倍)"
)
_NAME_TAIL = re.compile(r"^(?:支出|投入|内部支出|投入总量|总量)?$")
# …and the intensity written without its name's head right after the expenditure's figure: 研究與試驗發展(以下簡稱R&D)
# 經費投入7062.6億元,投入強度(與國內生產總值GDP之比)為1.76% (u15_nat_2010_rd_polymer_trad, dev since round 10)
_BARE_INTENSITY = re.compile(r"(?:经费)?投入强度")
# 科研投入 is a news word for R&D: 中國2014年科研投入占國內生產總值比重達到2.05% (u14_nat_2014_rd_oecd_trad, dev since
# round 9); so is 研发投入 (round 27): 2018年,绵阳市的…研发投入占GDP比重达6.54% (u36_my_2018_kjrb) and
# 赣州市全社会研发投入占GDP比重由2011年的0.32%增加到2020年1.58% (u36_gz_2011_2021_tenyears_jxnews), both dev since
# round 27; a qualified 研发投入 (企业研发投入占…) is a part's, not the place's (grammar.QUALIFIER)
_RESEARCH_INPUT = re.compile(r"(?:科研|研发)投入$")
# …but a share whose figure is broken down into zones in brackets is the zones' total, not the place's:
# 全社会研发投入占GDP比值预计为4.05%(兰州高新区3.45%、白银高新区5.46%) (gs_2021_lbzcq, dev: the 兰白 zone's, named a
# sentence before)
_ZONES_AFTER = re.compile(rf"[^,;。()]{{0,12}}?\d[\d.]*%?\s*\([^()]*(?:{ZONES.pattern})")
# …and its intensity: 中国科研投入强度达历史最高水平 占GDP1.42% (u17_nat_2006_rd_chinagate_dizaynex, dev since round 11)
_RESEARCH_INTENSITY = re.compile(r"科研投入强度")
# the intensity named after the expenditure with 支出 (or 投入) and 强度: R&D經費支出強度從2016年的2.1%
# (u23_nat_2020_rd_askci_bwgclm_trad, unseen-23, dev since round 15) names the expenditure (经费支出) and then 强度,
# so the key finder stops at the expenditure's name; 强度 right after it makes the whole name the intensity's
_STRENGTH_AFTER = re.compile(r"(?:支出|投入)?强度")
_EXPENDITURE_NAME = "研究与试验发展经费"
_INTENSITY_NAME = "研究与试验发展经费投入强度"


def share_follows(folded: str, name_end: int, share_start: int) -> bool:
    """True when nothing but the expenditure's own figure and its changes stands between its name and 占…: a share
    after another noun (高新技术产业增加值占地区生产总值的4.3%) is that noun's."""
    clauses = split_clauses(folded, name_end, share_start)
    if len(clauses) == 1:
        return bool(_NAME_TAIL.match(folded[name_end:share_start]))
    *middle, last = clauses[1:]
    return last[0] == last[1] and all(_CHANGE_CLAUSE.match(folded[a:b]) for a, b in middle)


def intensity_hits(folded: str, hits: list[AliasMatch], codes: dict, completed: dict[int, tuple[str, str]]) -> None:
    """Add to `hits` (and `completed`: the name each stands for, and why) the intensity written as the expenditure's
    share of GDP or as 投入强度 after its figure."""
    expenditure = codes.get(normalised_key(_EXPENDITURE_NAME))
    intensity = codes.get(normalised_key(_INTENSITY_NAME))
    for m in _SHARE_OF_GDP.finditer(folded) if expenditure and intensity else ():
        r = _RESEARCH_INPUT.search(folded, 0, m.start())
        if r and not any(h.end == m.start() for h in hits) and not QUALIFIER.search(folded[: r.start()]):
            if _ZONES_AFTER.match(folded, m.end()):
                continue  # the zones' total (left unread: quarantined as not recognised, as before)
            hits.append(AliasMatch(m.start(), m.end(), intensity, m.group()))
            why = f"{r.group()} (research input, a news word for R&D)'s share of GDP"
            completed[m.start()] = (_INTENSITY_NAME, why)
            continue
        before = [h for h in hits if h.end <= m.start()]
        if not before or before[-1].code != expenditure or any(h.start < m.end() and m.start() < h.end for h in hits):
            continue
        if not share_follows(folded, before[-1].end, m.start()):
            continue
        q = QUALIFIER.search(folded[: before[-1].start])
        if q and codes.get(normalised_key(q.group() + before[-1].key)) != expenditure:
            continue
        hits.append(AliasMatch(m.start(), m.end(), intensity, m.group()))
        completed[m.start()] = (_INTENSITY_NAME, "as the R&D expenditure's share of GDP")
    for m in _RESEARCH_INTENSITY.finditer(folded) if intensity else ():
        if not any(h.start < m.end() and m.start() < h.end for h in hits):
            hits.append(AliasMatch(m.start(), m.end(), intensity, m.group()))
            completed[m.start()] = (_INTENSITY_NAME, "科研投入 (research input, a news word for R&D) 强度")
    for m in _BARE_INTENSITY.finditer(folded) if expenditure and intensity else ():
        before = [h for h in hits if h.end <= m.start()]
        overlaps = any(h.start < m.end() and m.start() < h.end for h in hits)
        q = QUALIFIER.search(folded[: before[-1].start]) if before else None
        if q and codes.get(normalised_key(q.group() + before[-1].key)) != expenditure:
            continue  # 装备制造业研究与试验发展(R&D)经费9130.3亿元,投入强度为2.22% (u9_nat_2020_rd_bulletin_hbgrl)
        follows = before and share_follows(folded, before[-1].end, m.start())
        if before and before[-1].code == expenditure and not overlaps and follows:
            hits.append(AliasMatch(m.start(), m.end(), intensity, m.group()))
            completed[m.start()] = (_INTENSITY_NAME, "after the R&D expenditure's figure, its name's head left out")


def strength_named_hits(
    folded: str, hits: list[AliasMatch], codes: dict, completed: dict[int, tuple[str, str]]
) -> None:
    """Turn an R&D expenditure hit followed at once by (支出|投入)强度 into the intensity's hit over the whole name.

    The ambiguity guard: the name as written, with its 支出 read as 投入 (经费支出强度 -> 经费投入强度), must key to the
    intensity indicator and to nothing else; otherwise the hit is left as it was (and its % is quarantined for its
    unit, as before). A qualified expenditure (企业R&D经费支出强度) stays a subset: its qualified key is not the
    intensity's."""
    expenditure = codes.get(normalised_key(_EXPENDITURE_NAME))
    intensity = codes.get(normalised_key(_INTENSITY_NAME))
    if not (expenditure and intensity):
        return
    for k, h in enumerate(hits):
        m = _STRENGTH_AFTER.match(folded, h.end) if h.code == expenditure else None
        if m is None or any(o.start < m.end() and m.start() < o.end for o in hits if o is not h):
            continue
        written = folded[h.start : m.end()]
        name = re.sub(r"(?:支出|投入)?强度$", "投入强度", written)
        q = QUALIFIER.search(folded[: h.start])
        qualified = codes.get(normalised_key(q.group() + name)) if q else intensity
        if codes.get(normalised_key(name)) != intensity or qualified != intensity:
            continue
        hits[k] = AliasMatch(h.start, m.end(), intensity, written)
        completed[h.start] = (_INTENSITY_NAME, f"{written}: the expenditure's name then 强度 names the intensity")
