"""Place words in running text: which mentions name the place a figure belongs to (communique.py).

A place in a dateline (中新网西宁2月24日电), in a development zone's name (兰州高新区), in a ranking
(居全国第22位) or in an outlet's name (每日甘肃网) is not the figure's place; a province the catalogue lacks
is a place too (the figure is not the document's own); a release that names no place but a central government body
(国新办, 人社部) is the nation's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from targetwatch.units import fold_with_offsets

if TYPE_CHECKING:
    from targetwatch.reports.model import Aliases

_DATELINE_AFTER = re.compile(r"^(?:\d{1,2}月\d{1,2}日)?(?:电|讯)")
_ZONE_AFTER = re.compile(
    r"^(?:白银|兰白)?(?:国家)?(?:高新区|高新技术产业开发区|自创区|自主创新示范区|科技创新改革试验区|新区|经济技术开发区|开发区)"
)
# provinces (short names) the catalogue may not know: a figure of one of them is not the document's own
_PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|"
    "重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆"
)
# regions of several provinces are places too, never the nation's or a province's: 长江经济带 (yreb_2019_rd_trad, dev)
_REGIONS = "长江经济带|京津冀|长三角|珠三角|粤港澳大湾区|成渝地区"
# provincial capitals: 太原市2014年有效发明专利为4030件 (u15_sx_2014_patents_taiyuan, dev since round 10) is the
# city's, and a text naming no province but its capital (太原市; 兰州白银国家自主创新示范区 in gs_2020_kjhy_tjyc,
# dev) is that province's
CAPITALS = {
    "石家庄": "河北", "太原": "山西", "呼和浩特": "内蒙古", "沈阳": "辽宁", "长春": "吉林", "哈尔滨": "黑龙江",
    "南京": "江苏", "杭州": "浙江", "合肥": "安徽", "福州": "福建", "南昌": "江西", "济南": "山东", "郑州": "河南",
    "武汉": "湖北", "长沙": "湖南", "广州": "广东", "南宁": "广西", "海口": "海南", "成都": "四川", "贵阳": "贵州",
    "昆明": "云南", "拉萨": "西藏", "西安": "陕西", "兰州": "甘肃", "西宁": "青海", "银川": "宁夏", "乌鲁木齐": "新疆",
}  # fmt: skip
_CAPITAL = "|".join(CAPITALS)
PROVINCE = re.compile(rf"{_REGIONS}|(?:{_PROVINCES})(?:省|市|自治区)?")
# in a sentence (not a document's head, where 我省 may still mean the capital's province) a capital city is a place
PLACE_IN_SENTENCE = re.compile(rf"{PROVINCE.pattern}|(?:{_CAPITAL})市")
_CAPITAL_NAMED = re.compile(rf"({_CAPITAL})(?=市)|({_CAPITAL})(?=(?:{_ZONE_AFTER.pattern[1:]}))")


def province_of_capital(folded: str) -> str | None:
    """The province whose capital the text names as a city (太原市) or in a zone's name (兰州白银国家自主创新示范区):
    what 我省 means in a text that names no province."""
    m = _CAPITAL_NAMED.search(folded)
    return CAPITALS[m.group(1) or m.group(2)] if m else None


# …第22位 is a ranking; 兰州市第十六届人民代表大会 (u10_lz_2018_gzbg_news, dev since round 6) is the city's congress
# (the whole ordinal before 届/次: 长治市第十五届人民代表大会, u32_sx_2022_changzhi_gzbg, dev since round 23, is
# not 第十 + 五)
_ORDINAL = r"第[\d一二三四五六七八九十]+(?![\d一二三四五六七八九十]|届|次)"
_RANK_AFTER = re.compile(rf"^(?:的)?(?:{_ORDINAL}|排名|平均|前列|首位)")
# a place in an outlet's name is the outlet's, not the figure's: 来源:每日甘肃网 in a Lanzhou story
# (u10_lz_2018_gzbg_news), 中国甘肃网, 兰州晚报 (u7_gs_2018_makerspaces_eval): dev since round 6
_OUTLET_AFTER = re.compile(r"^(?:省|市)?(?:日报|晚报|新闻网|网|电视台|广播电视台)")
# 中国 in an outlet's or organisation's name: 中国甘肃网, 中国新闻网, 中国日报网 (u10_nat_2019_rd_mydrivers' kind of
# page), 中国产业经济信息网 (u10_nat_2017_jobs_cinic_trad), 中国科学院: dev since round 7
_CHINA_NAME_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:网|日报|新闻|电视台|广播)|^(?:科学院|工程院|科协|人民银行|共产党|特色|式)"
)

# 全国 opening the name of a national system or platform (round 19): 通过"全國技術合同網上登記系統"認定登記的
# 技術合同7093項 (u6_ah_2014_techmarket_trad), 根據全國技術合同交易網的數據 (u6_ah_2017_hefei_trad): dev since round 4;
# the figures are the province's and the city's, read once the any-place measure made Anhui and Hefei readable
_SYSTEM_NAME_AFTER = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:网上登记系统|登记系统|交易网|信息系统|服务平台)")


# A place that is ranked, not the ranking's scope (round 14, dev): 天津排名第三,研究與試驗發展(R&D)經費投入強度3.28%
# (u21_nat_2019_rd_provinces_my67778_trad, unseen-21, dev since round 14) is Tianjin's figure. The place opens its
# clause and 排名 follows it; a scope stands after 在/居/位居/列/于 (在全省排名第5, 居全国第22位) or is the whole
# (全国排名第3, 全省排名第5).
_SCOPE_BEFORE = re.compile(r"(?:在|居|位居|列|位列|于|排)$")
_WHOLE = re.compile(r"全国|中国|我国|全省|全市|全区|世界|全球|国内|省内|市内")


def ranked_subject(folded: str, start: int, end: int) -> bool:
    """True when the place at folded[start:end] is the subject of a ranking (天津排名第三), not its scope."""
    return (
        folded.startswith("排名", end)
        and not _WHOLE.fullmatch(folded[start:end])
        and not _SCOPE_BEFORE.search(folded[max(0, start - 2) : start])
    )


def place_is_mentioned(folded: str, start: int, end: int, outlets: bool = False) -> bool:
    """False for a place in a dateline (中新网西宁2月24日电, 本报兰州讯), in a development zone's name (兰州高新区),
    in a ranking (居全国第22位), in a national system's name (全国技术合同网上登记系统) or, unless `outlets`, in an
    outlet's name (每日甘肃网)."""
    after = folded[end:]
    if folded[start:end] == "中国" and _CHINA_NAME_AFTER.match(after):
        return False
    if folded[start:end] in ("全国", "中国") and _SYSTEM_NAME_AFTER.match(after):
        return False
    return not (
        _DATELINE_AFTER.match(after)
        or _ZONE_AFTER.match(after)
        or (_RANK_AFTER.match(after) and not ranked_subject(folded, start, end))
        or (not outlets and _OUTLET_AFTER.match(after))
    )


# the central government's bodies: a release whose head names no place, only one of them, is about the nation:
# 国新办…人力资源社会保障部部长尹蔚民介绍…2015年城镇新增就业是1312万人 (u13_nat_2015_jobs_xinyao, dev since round 8)
_NATIONAL_BODY = re.compile(
    r"国务院|国新办|国家统计局(?![\u4e00-\u9fff]{1,6}调查)|国家知识产权局|国家发展改革委|国家发改委|科学技术部|科技部(?!门)|人力资源(?:和)?社会保障部|人社部"
    r"|财政部|工业和信息化部|工信部|教育部|商务部"
)
# (国家统计局定西调查队 is a prefecture's survey team: u11_gs_2021_dingxi_communique_trad)
# …and the republic's full name: 中华人民共和国2016年国民经济和社会发展统计公报 (u13_nat_2016_communique_81cn)
_REPUBLIC = re.compile(r"中华人民共和国")


def national_body(lines: list[str]) -> str | None:
    """The body or name in the (folded) head lines that makes a release the nation's, else None."""
    for line in lines:
        if (m := _REPUBLIC.search(line) or _NATIONAL_BODY.search(line)) is not None:
            return m.group()
    return None


# the level a word for "the document's own jurisdiction" implies: 全市/我市 is a city, 全省/我省 a province
# (patterns; communique.py takes them too)
OWN_WORDS = ("全省域?", "本省", "我省", "该省", "全市域?", "本市", "我市", "该市")
OWN_WORD = re.compile("|".join(OWN_WORDS))
_OWN_LEVELS = {"省": ("province",), "市": ("prefecture",)}


def own_level_problem(generic: str | None, before: str, jurisdiction: str | None, aliases: Aliases) -> str | None:
    """全市/我市 name a city's own figures and 全省/我省 a province's: when the document's jurisdiction is of
    another level (a city's 全市 in a text whose head names 全国), the figure has no place the reader can name."""
    words = [generic] if generic else [m.group() for m in OWN_WORD.finditer(before)][-1:]
    if not words or jurisdiction is None or not aliases.levels:
        return None
    code = aliases.jurisdictions.get(fold_with_offsets(jurisdiction)[0])
    level = aliases.levels.get(code or "")
    wanted = next((levels for ch, levels in _OWN_LEVELS.items() if ch in words[0]), None)
    if level is None or wanted is None or level in wanted:
        return None
    if level == "province" and "市" in words[0] and _municipality(code, aliases):
        return None  # 全市 of 上海市, 天津市 (round 33: u30_sh_2018_communique_st_xiaze, u42_tj_2014_techmarket_…_trad)
    return (
        f"{words[0]!r} means a {wanted[0]}'s own figures, but the document names {jurisdiction!r} ({level}) "
        f"and no {wanted[0]}: the place cannot be read (add `jurisdiction:` to a sidecar)"
    )


def _municipality(code: str | None, aliases: Aliases) -> bool:
    """A province-level municipality (北京市, 天津市, 上海市, 重庆市): level province, named …市. It calls itself 全市,
    我市, 本市, as a prefecture does (round 33: Shanghai's 2018 communiqué, u30_sh_2018_communique_st_xiaze,
    `全市有效发明专利达114966件`; 天津's 2014 technology market, u42_tj_2014_techmarket_victorzhang_trad,
    `全市共登記技術合同15,087項,成交總額418.11億元`: both refused as a prefecture's word in a province's text)."""
    return code is not None and any(key.endswith("市") for key, c in aliases.jurisdictions.items() if c == code)
