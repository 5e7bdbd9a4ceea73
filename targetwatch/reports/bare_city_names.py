"""A city the document names with 市 is that city when it is named again without 市 (issue 17, round 27).

named_places.py (round 23) knows a city outside the catalogue only where its name is written with 市 (白银市). Stories
about such a city often write 市 once and the bare name after (绵阳市委、市政府…; 2020年,绵阳高新技术企业达到446家).
The bare name was no place to the reader, so in the catalogue (where 绵阳 is unknown) the figure after it went to the
document's default place, the nation. Development texts of the class (unseen-36, dev since round 27):

* u36_my_2020_hitech_scol (川报): 绵阳市委、市政府印发… and 2020年,绵阳高新技术企业达到446家,科技型中小企业达到1375家:
  both read as the nation's 2020 levels;
* u36_my_2021_rd_adibba_trad (綿陽日報): 其中,成都位列第6,綿陽市 … 綿陽2021年研究與試驗發展(R&D)經費占GDP的比重
  (R&D投入強度)達7.15%: read as the nation's 2021 intensity.

The rule: the two-character names of the cities outside the catalogue that the document writes with 市 somewhere
(named_places.unknown_cities, over its whole text, before or after the figure) are learned once per document; in a
sentence, such a name written bare, where a name starts (after a clause's start, a time, a province or a preposition,
as named_places' own cities) and not followed by 市, is that city (the figure after it is quarantined as about a place
not in targets.yaml, never the document's). A name the catalogue knows (绵阳 in the evaluation's widened catalogue) is
found by the catalogue itself and is never learned here. A name inside a dateline, a zone's or an outlet's name is
not a mention (places.place_is_mentioned).
"""

from __future__ import annotations

import re

from targetwatch.reports.matching import strip_deletions
from targetwatch.reports.model import Aliases
from targetwatch.reports.named_places import BEFORE_NAME, unknown_cities
from targetwatch.reports.places import place_is_mentioned
from targetwatch.units import fold_with_offsets

# a time or a share before a word that starts with 市 is no city's name: 全年市民参与文化活动人数…
# (u30_sh_2018_communique_st_xiaze: 市民, citizens), 四川省半数市州 (u36_my_2020_hitech_scol: 市州, cities and
# prefectures); learned names do not end in a time's character or 数, and their 市 starts no such word
_TIME_END = re.compile(r"[年月日度底末初数]$")
_SHI_WORD = re.compile(r"[民州县区]")
# a county or district named by its city (湘潭縣完成技術合同成交額…, u33_hn_2021_xiangtan_techcontracts_trad) is the
# county's, not the city's: a bare name before 县/区/州/镇/乡 is no mention of the city
_NOT_THE_CITY_AFTER = r"(?![市县区州镇乡])"


def document_cities(text: str, aliases: Aliases) -> frozenset[str]:
    """The two-character names of the cities outside the catalogue the (plain) text writes with 市 (绵阳市 -> 绵阳)."""
    return folded_cities(strip_deletions(*fold_with_offsets(text))[0], aliases)


def folded_cities(folded: str, aliases: Aliases) -> frozenset[str]:
    """`document_cities` of the text already folded (documents.document folds the whole text once for its rules)."""
    return frozenset(
        m.group(1)
        for m in unknown_cities(folded, aliases)
        if not _TIME_END.search(m.group(1)) and not _SHI_WORD.match(folded, m.end())
    )


def bare_mentions(folded: str, names: frozenset[str]) -> list[re.Match[str]]:
    """The places in a (folded) sentence where one of the document's own cities (`names`) is written without 市."""
    if not names:
        return []
    alternatives = "|".join(map(re.escape, sorted(names)))
    bare = re.compile(rf"(?<![^{BEFORE_NAME}])(?:{alternatives}){_NOT_THE_CITY_AFTER}")
    return [m for m in bare.finditer(folded) if place_is_mentioned(folded, m.start(), m.end())]
