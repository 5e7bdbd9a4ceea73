"""What a figure after an indicator's name is about, when it is not the place's level for one year (round 8, dev).

    中国连续4年城镇新增就业人数超1200万人            several years (连续N年), not one year's level
    2012年人社部原定的城镇新增就业目标为900万人      a target (目标) written after the name
    2家国家级高新区和10家省级高新区…技术市场合同交易额达55.69亿元   the zones' figure, not the province's
    属于战略性新兴产业的有效发明专利达到95.2万件     a kind described by a clause before 的: a subset

(u13_nat_2015_jobs_rights_report, u13_nat_2012_jobs_xtzrc, u6_gs_2022_hitechzones_trad,
u13_nat_2022_highvalue_patents: dev.) Works on a sentence's folded text; returns the reason a figure is refused.
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import number_in
from targetwatch.reports.zone_subject import zone_subject

_SEVERAL_YEARS = re.compile(r"连续(?:\d+|[两三四五六七八九十]+)年")
_TARGET = re.compile(r"目标")
_COMING = re.compile(r"明年|今年|将|到(?:19|20)\d{2}年")
# a clause that describes a kind before 的 and the name: …属于战略性新兴产业的, 维持年限超过10年的
_UNITS_OF_A_KIND = re.compile(r"[\u4e00-\u9fff]{2,12}(?:企业)?法人单位$")
# …and the listed ones: 上市的国家级高新技术企业4家 (u37_cz_2013_hitech_tech, dev since round 28; refused for 国家级
# until round 35 read 国家级 as all of them)
_OF_A_KIND = re.compile(r"(?:属于|超过|以上|以下|涉及|拥有|获得|取得|来自|开展|上市)[^,;。]{0,16}的$")


# a figure that is itself a share of the province's or city's whole is a part of it:
# 现有高新技术企业436家(兰州高新区365家、白银高新区71家),占全省35.48% (gs_2021_lbzcq, dev); the whole may be named:
# 全年技术合同成交额达到776.4亿元,占全省技术合同成交额的77.32% (sc_2019_techcontracts, dev: the 5+1 industries' part);
# or left implicit, 占比 and the share: 技术合同成交金额为200.95亿元 , 占比95.5% (u6_ln_2019_dalian, dev: enterprises'
# part). Both were read as their place's level once round 19's any-place measure let Sichuan and Dalian be read.
_PART_OF_OWN = re.compile(
    r"(?:\([^()]{0,40}\))?\s*[,，]?\s*占(?:(?:全省|全市|全区)[^,;。\d%]{0,12}?的?|比(?:达|为)?)\d"
)


def part_of_own(folded: str, unit_end: int, name: str) -> str | None:
    """The reason a figure followed by 占全省…% or 占比…% is not the place's level, else None."""
    if _PART_OF_OWN.match(folded, unit_end) is None:
        return None
    return f"a part of the place's whole (占全省/占全市 follows), not the level of {name}"


# a breakdown: 分执行部门看,各类企业投入R&D经费5185.5亿元; 分产业部门*看,R&D经费投入强度(与主营业务收入之比)最高的
# 行业…为2.04% (u15_nat_2010_rd_bulletin_trad and _lab168, dev since round 10): the sentence's figures are parts
_BREAKDOWN = re.compile(r"^[^,;。:]{0,4}?分[\u4e00-\u9fff*]{1,8}看[,:]")
# two kinds counted together: 大学科技园和科技企业孵化器197家 (u15_gs_2022_platforms_trad), 科技企业孵化器和众创空间
# 一共4875家 (u15_nat_2015_platforms_dvklzi_trad): dev since round 10; the count is of both, never the name's alone
_TOGETHER = re.compile(r"[\u4e00-\u9fff]{2,}(?:和|及|以及)$")


# what the name is compared with, named right before the number: 研發投入強度與發達國家3%-4%的水平相比
# (u13_nat_2014_rd_chinacb_trad, dev; read once 研发投入强度 became a name in round 12): the other's level
_COMPARED_WITH = re.compile(r"(?:与|同|跟)[^,;。\d()比]{1,12}$")
# a kind of firm before the name with 的, 各类 or a year between, which grammar.QUALIFIER (right before the name) does
# not see: 東莞各類企業的R&D經費支出415.23億元 and 規模以上工業企業2021年R&D經費支出405.61億元
# (u43_dg_2021_rd_luyoun_trad), 其中企业各类研发投入经费464.58亿 (u43_jx_2023_techsmes_hanle): unseen-43, dev since
# round 34; the firms' part of the place's R&D expenditure, read as the whole (round 34)
_KIND_BEFORE = re.compile(r"(?:企业|工业|制造业|规模以上|产业|行业)\s*(?:的|各类|(?:19|20)\d{2}\s*年)\s*$")


def scope_problem(folded: str, clause_start: int, name_start: int, gap: str, name: str) -> str | None:
    """The reason the figure after the name at `name_start` is not the place's level for one year, else None."""
    clause = folded[clause_start:name_start]
    if (m := _COMPARED_WITH.search(gap)) is not None:
        return f"the level of what {name} is compared with ({m.group()}), not its own"
    if (m := _BREAKDOWN.search(folded)) is not None and m.end() <= name_start:
        return f"a part in a breakdown ({m.group()[:-1]}), not the total of {name}"
    if (m := _TOGETHER.search(clause)) is not None:
        return f"a count of {m.group()[:-1].rstrip('以')[-8:]} and {name} together, not of {name} alone"
    if (m := _SEVERAL_YEARS.search(clause + gap)) is not None:
        return f"a statement over several years ({m.group()}), not one year's level of {name}"
    if _TARGET.search(gap) and not _COMING.search(clause + gap):  # 明年…目标: a forecast (grammar.FORECAST)
        return f"a target (目标) written after the name, not a level of {name}"
    # development zones and parks as the subject of the sentence: their figures are the zones', never the place's
    if (zone := zone_subject(folded, name_start)) is not None:  # (zone_subject.py: not an item, an area or the place's)
        return f"the figure of the zones or parks named before ({zone}), not a level of {name} for the place"
    if "在孵" in gap:  # 科技企业孵化器总在孵企业数超过17万家 (u14_nat_2017_incubation_luxkon_trad)
        return f"a count of the firms in them (在孵), not of {name}"
    # 规模以上高技术制造业企业法人单位R&D经费 (u14_nat_2023_census_hitech)
    if (m := _UNITS_OF_A_KIND.search(clause)) is not None:
        return f"the figure of {m.group()} (units of a kind): a subset of {name}, not its total"
    if (m := _OF_A_KIND.search(clause)) is not None:
        return f"a kind described before the name ({m.group()}): a subset of {name}, not its total"
    if (m := _KIND_BEFORE.search(clause)) is not None:  # (after the kinds above: their reasons are more precise)
        return f"the figure of a kind of firm ({m.group().strip()}): a subset of {name}, not its total"
    return None


# a total of patents held in China beside its domestic part: 我国发明专利有效量为421.2万件。
# 其中,国内(不含港澳台)发明专利有效量为328万件 (u10_nat_2022_patents, u11_nat_2021_patents_spam: dev):
# the catalogue's indicator is the domestic one
_DOMESTIC = re.compile(r"国内|境内|國內")
_CLAUSE_SEPARATORS = (",", "，", ";", "；", "。", ":", "：")
DOMESTIC_ONLY = ("valid_invention_patents",)


def beside_domestic_part(rows: list[dict], code_of, place_of) -> tuple[list[dict], list[dict]]:
    """The rows kept, and the rows refused: of an indicator counted domestically (DOMESTIC_ONLY), a figure whose
    clause says nothing of 国内 when the same file gives the domestic figure for that place and year, in the same
    sentence or at most two sentences later."""

    def domestic(row: dict) -> bool:
        # in the figure's own clause: a headline repeated at the sentence's start says 国内 before the total, but
        # not of it (博冠体育app我国国内有效发明专利数量突破400万件从国务院新闻办…获悉,截至2023年底,我国发明专利
        # 有效量为499.1万件,其中,国内(不含港澳台)发明专利有效量为401.5万件: u20_nat_2023_patents_spam, dev since
        # round 13)
        text = str(row["raw_content"])
        at = max(0, text.find(str(row["value_raw"])))
        start = max(text.rfind(sep, 0, at) for sep in _CLAUSE_SEPARATORS) + 1
        return bool(_DOMESTIC.search(text[start:at]))

    of_kind = [r for r in rows if code_of(str(r["indicator_raw"])) in DOMESTIC_ONLY]
    refused = [
        r
        for r in of_kind
        if not domestic(r)
        and any(
            domestic(d)
            and d["year_raw"] == r["year_raw"]
            and place_of(str(d["jurisdiction_raw"])) == place_of(str(r["jurisdiction_raw"]))
            and 0 <= d["row_number"] - r["row_number"] <= 2
            for d in of_kind
        )
    ]
    reason = "a total with holders from abroad beside its domestic part (国内): the catalogue's indicator is domestic"
    out = [
        {k: r[k] for k in ("row_number", "raw_content", "location", "char_start", "char_end")}
        | {"reason": f"sentence {r['row_number']}: {r['value_raw']}{r['unit_raw']} is {reason}"}
        for r in refused
    ]
    return [r for r in rows if not any(r is x for x in refused)], out


# the year before's level, as the base of a comparison: 投入强度…为2.08%,比上年的1.98%提高0.1个百分点
# (u13_nat_2013_rd_cnas, u13_nat_2013_rd_163: dev since round 8)
PREVIOUS_YEAR = "上年"
_PREVIOUS_LEVEL = re.compile(r"比上年的?$")


def previous_year_levels(folded: str, clauses: list[tuple[int, int]], unit: str) -> list[tuple[int, int, int, str]]:
    """(number start, end, unit end, PREVIOUS_YEAR) of each later clause that opens 比上年的 and gives a level in the
    first figure's unit."""
    out = []
    for a, b in clauses:
        f = number_in(folded[a:b])
        same_unit = f is not None and folded[a + f[1] : a + f[2]] == unit
        if same_unit and f[3] == "level" and _PREVIOUS_LEVEL.search(folded[a : a + f[0]]):  # type: ignore[index]
            out.append((a + f[0], a + f[1], a + f[2], PREVIOUS_YEAR))
    return out


# sentences with no place of their own go on about the subject a sentence before them named: 山西省属企业创新平台体系
# 基本形成…。已建成国家级各类研发创新平台27个,其中2个成功重组;省级各类研发创新平台194个,其中省实验室3个,省重点实验室
# 18个 (u15_sx_2023_soe_m2qu, dev since round 10): the provincial state enterprises' laboratories, a subset of the
# province's. The subject is a kind of owner named before the sentence's first number; a place named ends it.
_SUBSET_SUBJECT = re.compile(r"(?:省属|市属|国有|央属|中央)(?:工业)?(?:企业|国企)|国企|央企")


def subject_of(folded: str) -> str | None:
    """The kind of owner (省属企业, 国企) a sentence is about, named before its first number, else None."""
    digit = next((i for i, ch in enumerate(folded) if ch.isdigit()), len(folded))
    m = _SUBSET_SUBJECT.search(folded, 0, digit)
    return m.group() if m else None


def carried_subject(subject: str | None, names_place: bool, name: str) -> str | None:
    """The reason a figure in a sentence that names no place is the `subject` sentences before it spoke of."""
    if subject is None or names_place:
        return None
    return f"the count of {subject} (the subject of the sentences before), a subset of {name}"
