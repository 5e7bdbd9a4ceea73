"""我省/全省 carried through the paragraph: a later sentence naming no place is still the province's (issue 17,
round 28).

    2020年,我省技术交易额实现267.8亿元,同比增长13.2%;通过科技部科技型中小企业评价的企业3435家,同比增长65%;…
                                                (u37_hlj_2020_st_cnr, unseen-37, dev since round 28)

The text is Heilongjiang's (its page address says so; the text names only 我省 and, further down, 大庆). The reader
split the sentence at ；: the first piece's 267.8 was rightly refused ("'我省' means a province's own figures, but the
document names '大庆' (prefecture) and no province"), but the second piece names no place, so its 3435 went to the
document's place: 大庆 in the widened catalogue, the nation in the catalogue. The province's figure was given to a
city (and to the nation).

The province's own word (places.OWN_WORD: 我省, 全省, 本省, 该省) that opens a sentence stands for the sentences
after it in the paragraph that name no place, until a sentence names one (a catalogue place or a province or capital
city, places.PLACE_IN_SENTENCE) or opens with another own word. Only the first own word of a sentence is its subject
(2021年,全市高新技术企业达771家,全省占比约65%;科技型中小企业评价入库407家 is 海口市's: u37_hk_2021_rd_10100), and a
city's own word is not carried: 全市 in a text of 上海市, a province-level city, is already refused where it is
written, and carrying it lost 上海's 2018 合同金额1303.20亿元 (u30_sh_2018_communique_st_xiaze) in a first version of
this rule. communique.py asks places.own_level_problem with the carried word, exactly as if the sentence had written
it, so a province's word in a city's document refuses the figure and the same word in the province's keeps it.
"""

from __future__ import annotations

from targetwatch.reports.model import Aliases
from targetwatch.reports.places import OWN_WORD, PLACE_IN_SENTENCE


def carried_own_word(folded: str, before: str | None, aliases: Aliases) -> str | None:
    """The own word the sentences after this (folded) one inherit: its first own word when that is a province's
    (我省, 全省…), none when its first is a city's (全市) or it names a place, else the one it inherited (`before`)."""
    words = [m.group() for m in OWN_WORD.finditer(folded)]
    if words:  # the sentence's subject: its first own word, carried when it is a province's
        return words[0] if "省" in words[0] else None
    if aliases.find_folded(folded, "jurisdiction") or PLACE_IN_SENTENCE.search(folded):
        return None
    return before
