"""Words by which a text names its own area below a city: 全县/全区/全州/全旗/全盟 (and 本/我/该…).

A communiqué speaks of its own area without naming it: a province says 全省, a city 全市 (places.own_level_problem
checks those against the document's place). A county, a district or an autonomous prefecture says 全县, 全区, 全州. Its
head may still name a catalogue province, as the province it lies in or in a formula of its introduction:

    2022年山西省陽泉市郊區國民經濟和社會發展統計公報 … 全年全區城鎮新增就業2007人
        (u27_sx_2022_yangquan_jiaoqu_trad: a district of Yangquan, not Shanxi)
    临夏回族自治州2020年国民经济和社会发展统计公报 … 对甘肃重要讲话 … 全州经济稳定恢复 … 全年城镇新增就业2.35万人
        (u27_gs_2020_linxia_communique: an autonomous prefecture of Gansu, not Gansu)

(unseen-27, dev since round 18.) Both figures were read as the province's. No catalogue place is such a unit (its
levels are the nation, provinces and prefecture-level cities), so a figure the text gives as its own county's,
district's or prefecture's cannot be a catalogue place's level: it is quarantined with the word that says so.

Which word speaks for a figure: the last own-area word (any level: 全省, 全市, 全县…) before it in its sentence; else
the text's first own-area word, which is how it names itself (a paragraph of the province's communiqué that opens
with a county's 全县 is about that county, and says so in its sentence). A place named in the sentence speaks for
itself (`named`), unless an own-area word follows it (兰州市某区全区…: the district, not Lanzhou).

区 is also a province-level autonomous region's own word (内蒙古 全区); a catalogue place whose name ends in 自治区
keeps it, and a place whose name ends in 自治州 (a prefecture-level autonomous prefecture of the place list) keeps 全州.
"""

from __future__ import annotations

import re

from targetwatch.reports.model import Aliases
from targetwatch.units import fold_with_offsets

# an own-area word of any level; 全区域 (the whole area) is not a district
OWN_AREA = re.compile(r"(?:全|本|我|该)(?:省|市|县|州|旗|盟)|(?:全|本|我|该)区(?!域)")
_BELOW_CITY = {"县": "county", "区": "district", "州": "autonomous prefecture", "旗": "banner", "盟": "league"}
# the own word a place keeps when its name says it is that unit: 全区 of an autonomous region (内蒙古自治区), and
# (round 32) 全州 of an autonomous prefecture the place list holds as a prefecture-level place: 2022年全州科技工作会议 …
# 有效期内高新技术企业共计52家 (黔东南苗族侗族自治州's conference on 2021, u41_qdn_2021_kjhy_gov, dev since round 32)
_AUTONOMOUS = {"区": "自治区", "州": "自治州"}


def first_own_area(folded_text: str) -> str | None:
    """The first own-area word of a (folded) text: the level at which it speaks of itself."""
    m = OWN_AREA.search(folded_text)
    return m.group() if m else None


def below_city_problem(
    before: str, document_word: str | None, named: bool, jurisdiction: str | None, aliases: Aliases
) -> str | None:
    """Why a figure cannot be `jurisdiction`'s: the word that gives it as a county's, district's or prefecture's own;
    None when no such word speaks for it. `before` is the sentence's folded text before the figure's name; `named`
    says the sentence names a catalogue place before it."""
    own = [m.group() for m in OWN_AREA.finditer(before)]
    word = own[-1] if own else (None if named else document_word)
    if word is None or jurisdiction is None or word[1] not in _BELOW_CITY:
        return None
    folded = fold_with_offsets(jurisdiction)[0]
    code = aliases.jurisdictions.get(folded)
    if code is None:
        return None
    if word[1] in _AUTONOMOUS and any(
        c == code and name.endswith(_AUTONOMOUS[word[1]]) for name, c in aliases.jurisdictions.items()
    ):
        return None  # an autonomous region's own 全区, an autonomous prefecture's own 全州 (round 32)
    kind = _BELOW_CITY[word[1]]
    return (
        f"{word!r} gives the figure as {'an' if kind[0] in 'aeiou' else 'a'} {kind}'s own, and the catalogue place "
        f"{jurisdiction!r} is none: the place cannot be read (add `jurisdiction:` to a sidecar)"
    )
