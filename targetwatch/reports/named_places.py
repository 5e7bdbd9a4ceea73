"""A city the text names wins over the document's default place (round 23 of issue 17).

A story's head may name one place and its body another. 白银市's figures for the first half of 2024 ran under the
headline 联袂兰州共筑强科技 (u32_gs_2024h1_baiyin_ltxcw, dev since round 23):

    2024年上半年,白银市聚力科技突破,登记省市科技成果50项,技术合同成交额达到17亿元。有效发明专利拥有量达698件,增长19.52%。

Both figures were read as Lanzhou's, the document's place, because the catalogue does not know 白银 and the reader
saw no place in either sentence. Two rules, both about a city named in running text:

* a city written as its two-character name and 市 (白银市) is a place even when the catalogue does not know it, so a
  figure after it in its sentence is that city's (quarantined: a place not in targets.yaml), never the document's;
* the last city a paragraph named stands for a sentence after it that names no place of its own (有效发明专利…698件
  above is 白银市's), and for the city's own word (我市, 全市) where the document's place is a province: 晋城市科技局
  …; …我市入库企业数量… (u32_sx_2023_jincheng_techsmes_tech, whose head names 山西省科学技术厅) is 晋城市's.

A name is a city's only when its two characters are not one of the words that stand before 市 in other senses (上市,
城市, 超市, 入市, 县级市, 两市, 各市, 全市…). A sentence that names a province or the nation, or a province's own
word (全省, 我省), ends the carried city. Works on folded text (communique.py folds each sentence).
"""

from __future__ import annotations

import re

from targetwatch.reports.model import Aliases
from targetwatch.reports.places import PROVINCE
from targetwatch.reports.places import place_is_mentioned as _place_is_mentioned

# …after a clause's start, a time (2024年上半年,白银市), a province (甘肃省白银市) or a preposition (在, 据, 对…):
# a name is where a sentence's subject or object starts, not inside a phrase
# (率领市重点工作组, 知识产权强市, 楚天都市报); bare_city_names.py reads it too
BEFORE_NAME = r"\s,;。:、!?()\"“”'·—年月日底末度省在据对与和及至到由从向是为"
_CITY = re.compile(rf"(?<![^{BEFORE_NAME}])([\u4e00-\u9fff]{{2}})市(?!场)")
# the second character of words that put 市 after them without naming a city: 上市 (listed), 城市, 超市, 股市,
# 楼市, 入市, 开市, 夜市, 门市, 县级市, 直辖市, 设市, 建市, 强市, 都市, 两市, 各市, 全市, 我市, 本市, 该市, 在市,
# 省市 (province and city), 县市, 地市, 州市, 区市, 示范市, 试点市, 等市, 和市, and verbs before 市 (…了市, …从市)
_NOT_A_NAME = re.compile(
    r"[上城超股楼债汇房车入开闭集菜花早夜门互级辖设建撤强都了从到两三四五六七八九十几个各全我本该在省县地州区范点等和与及或的、]$"
)
# a province's or the nation's own word ends a carried city
_WIDER = re.compile(r"全省|我省|本省|该省|全国|我国|全区")
# Round 35: …but not a province's name that opens an institution's name: 2022年,包头市…,获批建设内蒙古稀土新材料技术
# 创新中心,… (u44_hhht_bt_2022_st_fensifuwu, unseen-44, dev since round 35): the centre is the city's, and 包头市 still
# stands for the next sentence (截至2022年底,新认定高新技术企业110家,达到280家). The name runs from the province's name
# to the institution's word with no verb, count or clause mark between
_INSTITUTION = re.compile(
    r"(?:(?!建设|建成|组建|获批|拥有|新增|认定|达到|共有|已有|现有)[\u4e00-\u9fff]){1,10}?"
    r"(?:技术创新中心|创新中心|工程技术研究中心|研究中心|重点实验室|实验室|研究院|研究所|大学|学院)"
)


def names_a_city(name: str) -> bool:
    """True when the characters before a 市 can be a city's name (银川, 石嘴山), not a word such as 全, 各, 城, 上."""
    return _NOT_A_NAME.search(name) is None


def unknown_cities(folded: str, aliases: Aliases, before_body: bool = False) -> list[re.Match[str]]:
    """The cities a (folded) sentence names that the catalogue does not know (白银市), as matches of the name and 市.
    `before_body`: a name ending in 城 is a city's too when one of the city's own bodies follows (晋城市统计局)."""
    # inside a longer name the catalogue knows no other city starts: 呼和浩特市 is not 浩特市 after 和
    # (u37_nm_2022_rd_bulletin_yfsoft, dev since round 28)
    known = [(k.start, k.end) for k in aliases.find_folded(folded, "jurisdiction")]
    return [
        m
        for m in _CITY.finditer(folded)
        if not any(a < m.start() < b for a, b in known)
        and (names_a_city(m.group(1)) or (before_body and _CITY_NAMED_CHENG.match(folded, m.start())))
        and not aliases.find_folded(m.group(), "jurisdiction")
        and not PROVINCE.match(m.group())
        and _place_is_mentioned(folded, m.start(), m.end())
    ]


# a city's own bodies: a head line naming one is that city's document (2023年3月29日在长治市第十五届人民代表大会
# 第三次会议上, u32_sx_2022_changzhi_gzbg), unlike an outlet there (太原市融媒體中心 over Shanxi's bulletin,
# u10_sx_2020_hrss_trad)
_OWN_BODY_AFTER = re.compile(
    r"(?:第[一二三四五六七八九十]+届)?(?:人民代表大会|人大|人民政府|政府|统计局|科学技术局|科技局|人力资源和社会保障局)"
)


# 城 ends 城市 (the word for a city: 大城市) and the names of cities (晋城, 运城, 盐城, 聊城): before one of a
# city's own bodies the name is a city's, as no body is the word's (晋城市统计局 heads
# u34_sx_2020_jincheng_communique_trad, 晋城市科技局 u32_sx_2023_jincheng_techsmes_tech: both dev since round 25;
# 晋城 was taken for the word and the document for Shanxi's)
_CITY_NAMED_CHENG = re.compile(rf"[\u4e00-\u9fff]城市{_OWN_BODY_AFTER.pattern}")


def head_cities(line: str, aliases: Aliases) -> list[re.Match[str]]:
    """The cities outside the catalogue a (folded) head line names with one of their own bodies after them."""
    return [m for m in unknown_cities(line, aliases, before_body=True) if _OWN_BODY_AFTER.match(line, m.end())]


def carried_city(folded: str, aliases: Aliases, before: str | None) -> str | None:
    """The city a paragraph has spoken of after this (folded) sentence: the last city it names (known to the catalogue
    at the prefecture level, or not known to it), else `before` unless it names a province or the nation."""
    known = [
        (m.start, folded[m.start : m.end])
        for m in aliases.find_folded(folded, "jurisdiction")
        if _place_is_mentioned(folded, m.start, m.end) and not _INSTITUTION.match(folded, m.end)
    ]
    cities = [(p, name) for p, name in known if aliases.levels.get(aliases.jurisdictions.get(name, "")) == "prefecture"]
    cities += [(m.start(), m.group()) for m in unknown_cities(folded, aliases)]
    wider = [p for p, name in known if (p, name) not in cities] + [m.start() for m in _WIDER.finditer(folded)]
    if cities and (not wider or max(cities)[0] > max(wider)):
        return max(cities)[1]
    return None if wider else before


def is_city(name: str | None, aliases: Aliases) -> bool:
    """True when `name` (as written) is a catalogue place at the prefecture level."""
    from targetwatch.units import fold_with_offsets

    code = aliases.jurisdictions.get(fold_with_offsets(name)[0]) if name else None
    return code is not None and aliases.levels.get(code) == "prefecture"
