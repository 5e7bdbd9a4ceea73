"""A year's recognitions of high-tech enterprises, counted by the place or as the year's total, are the catalogue's
recognitions indicator, not the stock (issue 17, round 34).

    2016年,全市认定高新技术企业62家,新建院士工作站1家…          安庆市, 2016 (u39_aq_2016_hitech_aq365)
    2023年吉林省认定高新技术企业1486户,…同比增长24.87%             Jilin, 2023 (u39_jl_2023_hitech_gzshihua)
    年内共认定高新技术企业3653家,全市…总数达到9206家               Shanghai, 2018 (u30_sh_2018_communique_st_xiaze)
    全年共认定高新技术企业88家(含6家更名)                         Heilongjiang, 2007 (u36_hlj_2007_hitech_yearbook)

(all dev since their rounds; each annotated as `high_tech_enterprises_recognised`, the firms in that year's
recognition lists.) The first three were read as the year's stock of high-tech enterprises (the 9206 after the 3653 is
the stock); the fourth is refused before and after (the stored entry names no place), and with a place named it is
read as the first three are. The verb 认定 right after the place (全市, 吉林省: the place certifies) or after the
year's total (年内共, 全年共: 共 alone reads a stock, recognitions.py) makes the count the year's recognitions: the hit
is widened over 认定 and given to `high_tech_enterprises_recognised`, whose alias is the other word order
(高新技术企业认定); the row quotes 认定高新技术企业 and the matcher keys it by `recognition_key`, so `matched_by` is
`normalised` and the inference shows. Other forms keep recognitions.py's reading: 全年认定…23家 (the period word alone)
and 新认定 stay refused as a flow of the stock, 累计认定/已认定 stay the stock, and a zone before the verb (高新区认定)
is not a place. Nor is a count that states its own stock after the name (fix17b's review of c69c0ef, SYNTHETIC:
全市认定高新技术企业总数达到1486家, 累计达到…: the whole, list_heads.OWN_TOTAL) a year's recognitions, nor one dated
by a year's end in its sentence (rv20d, SYNTHETIC: 截至2023年底 / 2023年末,安庆市认定高新技术企业1486家: a stock),
nor one certified by a place (经省认定, 通过省认定, 由…认定: the place certifies; the certified firms are a stock).
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import CLAUSE_END
from targetwatch.reports.list_heads import OWN_TOTAL
from targetwatch.reports.model import AliasMatch
from targetwatch.reports.zone_subject import ZONES

# the catalogue keys (folded aliases): the stock high_tech_enterprises and the flow high_tech_enterprises_recognised
_STOCK_KEY = "高新技术企业"
_FLOW_KEY = "高新技术企业认定"
# the year's total (年内共, 全年共…) or a place (全市, 吉林省, 南宁市) right before 认定 (了 may follow it)
_COUNTED_BY = re.compile(
    r"(?:(?:全年|当年|年内|本年)(?:共计|合计|共)|全省|全市|全区|全州|全县|[\u4e00-\u9fff]{1,6}[省市州县区])\s*(认定)了?\s*$"
)
_ZONE_BEFORE = re.compile(rf"(?:{ZONES.pattern})$")
# the place as the certifier, not the counter (经安徽省认定高新技术企业达到1486家 in a city's text: the city's stock)
_CERTIFIED_BY = re.compile(r"(?:经过?|通过|由)\s*[\u4e00-\u9fff]{0,6}[省市州县区]\s*$")
# a year's end the count holds at (截至2023年底,安庆市认定…1486家, 2023年末全市认定…: the stock as of then, not the
# year's recognitions); not the year before's (比上年末) nor one compared with (比2022年底)
_AS_OF = re.compile(
    r"(?:截至|截止|到)\s*(?:\d{4}\s*年\s*)?(?:年底|年末|底|末)|(?<![比较\d])\d{4}\s*年\s*[底末]|(?<![上去前\d\s])年[底末]"
)
_SENTENCE_START = re.compile(r"[。;!?\n][^。;!?\n]*$")
# in a row's name: the verb before the name (认定国家高新技术企业) keys as the alias's order (高新技术企业认定)
_VERB_FIRST = re.compile(r"^认定了?(?:国家级|国家)?(?=高新技术企业$)")


def recognition_key(key: str) -> str:
    """A name's key with a leading 认定 moved after 高新技术企业 (认定高新技术企业 keys as 高新技术企业认定)."""
    return f"{key[m.end() :]}认定" if (m := _VERB_FIRST.match(key)) else key


def recognition_hits(folded: str, hits: list[AliasMatch], codes: dict) -> None:
    """Widen each high-tech-enterprise hit of `hits` counted by a place or as the year's total over its 认定 and give
    it to the recognitions indicator, in place."""
    stock, flow = codes.get(_STOCK_KEY), codes.get(_FLOW_KEY)
    if stock is None or flow is None:
        return
    for k, h in enumerate(hits):
        if h.code != stock:
            continue
        m = _COUNTED_BY.search(folded, 0, h.start)
        end = e.start() if (e := CLAUSE_END.search(folded, h.end)) else len(folded)
        own_total = OWN_TOTAL.search(folded, h.start, end) is not None  # 认定高新技术企业总数达到…: the stock
        if m is None or own_total or any(p.search(folded, 0, m.start(1)) for p in (_ZONE_BEFORE, _CERTIFIED_BY)):
            continue
        start = s.start() if (s := _SENTENCE_START.search(folded, 0, m.start(1))) else 0
        if not _AS_OF.search(folded, start, m.start(1)):
            hits[k] = AliasMatch(m.start(1), h.end, flow, _FLOW_KEY)
