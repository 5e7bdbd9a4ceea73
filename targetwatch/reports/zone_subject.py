"""Whether a development zone or park named before a figure is the figure's subject (scope.py's zones guard).

    2家国家级高新区和10家省级高新区以占全省0.2%的土地面积,…,技术市场合同交易额达55.69亿元
        the zones are the sentence's subject: the 55.69 is theirs, never the province's (u6_gs_2022_hitechzones_trad)

The guard refused any figure with a zone word anywhere before its name in its sentence. Three development texts show
the zone word in other roles, each refusing the place's own level (round 26):

    2018年,中国在研发投入、论文数、专利数、高新区等方面的指标均有不俗表现,…,科技进步贡献率已达到58.5%
        an area in a list (高新区等方面): u35_nat_2018_contribution_cri, the nation's 2018 contribution
    全市有…国家农业科技园区 1 家,国家可持续发展实验区1个,…,入库科技型中小企业52家
        a zone counted as an item of its own (园区 1 家): u31_gs_2020_tianshui_st_plan, 天水市's 2020 tech SMEs
    3、规划、园区规划、招商规划、项目包装策划2 全年全省城镇新增就业 46.2 万人
        the place named right before the name (全年全省…): u29_jx_2020_communique_taowenge (an advert's words before
        the communique's sentence), 江西's 2020 new urban jobs

A zone word followed by its own count (`\\d+家/个`) or by 等方面/等领域 is not the subject; and a figure whose name has
the place's own word right before it (全省, 全市, 全国, 我国, 我省, 我市, after 全年 or not) is the place's, whatever
zone was named earlier. Any other zone word before the name keeps the guard's refusal.
"""

from __future__ import annotations

import re

# development zones and parks (scope.py's guard)
# (经开区, the short name of a 经济技术开发区, and 保税区: session 20's review; 经开区高新技术企业 was the city's; so
# were 自贸区/自贸片区, short for 自由贸易试验区, and 综保区, short for 综合保税区: rv20d)
ZONES = re.compile(r"高新区|经开区|园区|开发区|自创区|示范区|试验区|产业园|新区|保税区|自贸片?区|综保区")
# the zone as an item counted on its own (园区 1 家, 实验区1个) or as one of a list of areas (高新区等方面)
_NOT_SUBJECT = re.compile(r"\s*(?:\d+(?:\.\d+)?\s*[家个]|等(?:方面|领域))")
# the place's own word right before the name: 全年全省城镇新增就业
_OWN_PLACE = re.compile(r"(?:全省|全市|全国|我国|我省|我市)\s*$")
_FULL_YEAR = re.compile(r"全年\s*$")


def zone_subject(folded: str, name_start: int) -> str | None:
    """The zone word named before the name at `name_start` (folded sentence) that is the figure's subject, else None."""
    before = folded[:name_start]
    head = before[: m.start()] if (m := _FULL_YEAR.search(before)) else before
    if _OWN_PLACE.search(head) or _OWN_PLACE.search(before):
        return None
    for m in ZONES.finditer(folded, 0, name_start):
        if not _NOT_SUBJECT.match(folded, m.end()):
            return m.group()
    return None
