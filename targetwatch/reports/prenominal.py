"""A count written before an indicator's name that is the place's whole stock (round 13, dev).

Counts before a name are usually new, listed or subset counts (新增149家高新技术企业, 共申报9家高新技术企业,
建立了15家专业化众创空间), and the reader refuses them. One form is the place's stock all the same: the place that
owns them, then the count, then the name, with no figure after the name:

    2016年,火炬中心对我国4298家众创空间进行了调查          我国 + 4298家 + 众创空间: the nation's maker spaces
    同时全省布局的49个中试基地和97家产业技术创新战略联盟       全省布局的 + (49个中试基地和) + 97家 + 联盟

(u15_nat_2016_makerspaces_fgagri_trad, u15_sx_2025_transfer_presser: dev since round 10, listed as misses in rounds 10
to 12.) The place word must stand right before the count, or before a list of other counts joined by 和/、/及, with at
most 现有/共有/拥有/布局的/的 between: any verb of making or choosing (新增, 认定, 申报, 建立, 入选) breaks it, and a
qualifier after the count (56家省级众创空间) still makes a subset (grammar.QUALIFIER).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from targetwatch.reports.grammar import number_in

# the place as a whole (the nation, or the document's own province or city), then what may stand before its count
_OWNER = r"(?:我国|全国|全省|全市|我省|我市|本省|本市)(?:现有|共有|拥有|布局的?|的)?"
# other counts of the same place listed before this one: 49个中试基地和
_LISTED = r"(?:\d[\d,.]*(?:家|个|项|所|座|户)[\u4e00-\u9fff]{1,12}?(?:和|、|及))*"
_PLACE_THEN_COUNT = re.compile(_OWNER + _LISTED + r"$")
# the name must end its noun phrase: a clause end, a conjunction or a verb follows it. 全市37家科技企业孵化器
# 代表…参加会议 (lz_2015_incubators, unseen-2: a regression this guard was written for after round 13's full score)
# counts the incubators' representatives at a meeting, not the city's incubators
_PHRASE_ENDS = re.compile(r"[,;。、:(]|$|和|及|与|进行|开展|均|都|全部|已|共|基本|实现|覆盖|形成|参与|纳入")
# Round 35: a place named (not only the generic words above) owns the count when a verb of having stands between it
# and the count: 东莞有755家国家级高新技术企业(以下简称“高新企业”) and 截至2014年12月,东莞共有755家国家级高新技术企业
# (u43_dg_2014_hte_308101616, unseen-43, dev since round 34: 东莞市's stock at the end of 2014); a bracket that names
# the short form (以下简称…) after the name ends the noun phrase
_HAVING = re.compile(r"(?:共有|现有|拥有|有)$")


def place_count(
    folded: str, clause_start: int, count: re.Match[str], name_start: int, name_end: int, places: Sequence = ()
) -> tuple[int, int, int, str] | None:
    """The count before the name (number start, end, unit end, kind; relative to the count's start) when the place as
    a whole stands right before it in its clause (a generic word, or one of `places`, spans with .start and .end,
    then a verb of having) and the name ends its noun phrase, else None."""
    count_start = count.start()
    having = _HAVING.search(folded, clause_start, count_start)
    named = having is not None and any(clause_start <= p.start and p.end == having.start() for p in places)
    if _PLACE_THEN_COUNT.search(folded, clause_start, count_start) is None and not named:
        return None
    if _PHRASE_ENDS.match(folded, name_end) is None:
        return None
    found = number_in(folded[count_start:name_start])
    if found is None or found[0] != 0 or found[3] != "level" or count_start + found[2] != name_start:
        return None
    return found
