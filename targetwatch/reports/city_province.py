"""全省/我省 in a city's text is the city's province (issue 17, round 32).

    2023年洛阳研发经费投入再创新高 (title: the document is 洛阳市's)
    …河南省统计局最新发布统计公报显示,2023年,全省共投入研究与试验发展(R&D)经费1211.66亿元    <- 全省: Henan
    2020年,我省技术交易额实现267.8亿元 (a Heilongjiang story that names 大庆 in its head)       <- 我省: Heilongjiang

A city's news often quotes its province's figures with the province's own word. The reader refused them ("'全省'
means a province's own figures, but the document names '洛阳' (prefecture) and no province"), though the place is
known: a prefecture has one province. Development texts: u36_ly_2023_rd_dgghz (洛阳市: Henan's 2023 R&D
expenditure 1211.66亿元), u37_hlj_2020_st_cnr (大庆 in the head: Heilongjiang's 2020 technology-contract turnover
267.8亿元 and registered tech SMEs 3435, each written twice, once with the word in its own sentence).

The province comes from the place list (targets.yaml's jurisdictions and the evaluation's places.csv: each
prefecture's `parent`), only for a prefecture whose parent is a province; the observation's notes say the place was
inferred. Only a word written in the figure's own sentence before it, and not the scope of a rank or a comparison
(`scope_word`: 稳居全省第一, 超全国、全省平均水平), names the province: a word carried from an earlier sentence
(own_words.py) is still refused as before, because a rank's 全省 is carried too (跃居全省第三 before 上饶市's own
2024 turnover 193亿元, u39_sr_2025_st_srxww; 稳居全省第一 before 保定市's 378.3亿元, u40_bd_2023_gwr_wx1213: dev
since round 31), and the province's intensity carried in u36_ly_2023_rd_dgghz (2.05%) stays unread with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from targetwatch.reports.model import Aliases
from targetwatch.reports.places import OWN_WORD
from targetwatch.units import fold_with_offsets

# an own word that only scopes a rank or a comparison: 跃居全省第三, 稳居全省第一, 全省领先, 超全国、全省平均水平,
# 占全省的…, 全省首个 (u39_sr_2025_st_srxww, u40_bd_2023_gwr_wx1213: dev since round 31)
# Session 19's review: also a place (在全省率先…, 走在全省前列, 于全省…), a role (作为全省创新高地, 成为全省…) or a
# reach (带动全省…, 引领全省…): the word scopes what the subject did, it is not the subject (SYNTHETIC tests,
# test_communique_review19.py)
_SCOPE_BEFORE = re.compile(r"(?:居|列|排|排名|位列|超|超过|高于|低于|领先|占|、|在|于|走在|作为|成为|带动|引领|辐射)$")
_SCOPE_AFTER = re.compile(
    r"的?(?:平均|第[\d一二三四五六七八九十]|前列|首位|首个|首家|领先|唯一|排名|前\d|之首|最高|最低|总量|比重|占比"
    r"|率先|范围内|上下|前茅|之最)"
)


def scope_word(folded: str, m: re.Match) -> bool:
    """True when the own word `m` of `folded` scopes a rank or comparison rather than naming the subject."""
    return bool(_SCOPE_BEFORE.search(folded, 0, m.start()) or _SCOPE_AFTER.match(folded, m.end()))


def own_province(
    before: str, jurisdiction: str | None, aliases: Aliases, places: Iterable = (), outside: Iterable = ()
) -> tuple[str | None, str | None]:
    """(the figure's place, a note): the province of a prefecture document where the last own word written in the
    sentence before the figure (`before`, folded) is a province's and names the subject, not a rank's scope; else
    `jurisdiction` unchanged and no note. A word carried from an earlier sentence is left to own_level_problem.

    Session 19's review: not when a place is named between the word and the figure (`places`: the sentence's
    catalogue and generic places, `.start`; `outside`: places outside the catalogue, `.start()`): in
    全省科技工作会议在郑州召开,西安市高新技术企业达到1000家 (SYNTHETIC) the figure is not the province's, whichever
    province 西安 has."""
    words = [m for m in OWN_WORD.finditer(before) if not scope_word(before, m)][-1:]
    if not words or "省" not in words[0].group() or jurisdiction is None:
        return jurisdiction, None
    starts = [p.start for p in places] + [m.start() for m in outside]
    if any(words[0].end() <= s < len(before) for s in starts):
        return jurisdiction, None
    code = aliases.jurisdictions.get(fold_with_offsets(jurisdiction)[0])
    parent = aliases.parents.get(code or "")
    if aliases.levels.get(code or "") != "prefecture" or parent is None or aliases.levels.get(parent[0]) != "province":
        return jurisdiction, None
    word = words[0].group()
    return parent[1], f"{word} in a text of {jurisdiction} (a prefecture) read as its province {parent[1]}"
