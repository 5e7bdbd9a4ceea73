"""Everyday misspellings of an indicator's name, read as the name (issue 17, round 27).

The R&D statistic's name is 研究与试验发展 (research and experimental development, the national statistics
bulletins' word 试验). Local reports often write 实验 (laboratory experiment) for 试验; the name was then not
recognised and the figure quarantined as next to no indicator name. Development texts writing 研究与实验发展:

* u33_gs_2005_jiuquan_communique_xiaze (酒泉市's 2005 communique): 研究与实验发展(R&D)经费1719万元;
* u36_fz_2015_kjj_summary (福州市 science bureau's 2015 summary, dev since round 27):
  全社会研究与实验发展(R&D)经费支出89.36亿元,占GDP的比重为1.73%.

The variant is replaced by the name in the folded sentence the readers match against, one character for one, so the
offsets into the sentence (and the raw text a row quotes, which keeps 实验) do not move. Only the whole phrase
研究与实验发展 (or 研究和实验发展) is a variant: 实验 alone names laboratories (重点实验室, 实验区) and is never
touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from targetwatch.reports.model import AliasMatch

# the R&D name with 实验 for 试验 (folded text is simplified: 研究與實驗發展 folds to 研究与实验发展)
_RD_WITH_SHIYAN = re.compile(r"(?<=研究[与和])实(?=验发展)")


def with_name_variants(folded: str) -> str:
    """`folded` with 研究与实验发展 written as the R&D name 研究与试验发展, and 全社会研发投入 as
    全社会研发经费 (`with_input_names`), character for character (offsets kept)."""
    return with_input_names(_RD_WITH_SHIYAN.sub("试", folded))


# Round 29. 全社会 (the whole of society) names the R&D expenditure of a place, all performers together, and texts
# write its 经费 (funds) as 投入 (input): 2021年,全社会研发投入为47亿元 (u37_hi_2021_st_10100, Hainan),
# 全社会R&D投入达到5.06亿元 (u38_as_2019_st_asxw, 安顺市): dev since rounds 28 and 29. Only with 全社会 before it
# and an amount after it (a verb between at most): 研发投入 alone is often a kind of firm's
# (科技型中小企業總體研發投入518.96億元, u37_hb_2022_techsmes_olppe_trad) or a change (增加研发投入1.1亿,
# u38_km_2024_st_yunnan), and 研发投入占… is a share.
_SOCIETY_INPUT = re.compile(r"(?:(?<=全社会研发)|(?<=全社会r&d))投入(?=(?:总额|总量)?(?:达到|达|为|是|约)?\d)")


def with_input_names(folded: str) -> str:
    """`folded` with 全社会研发投入 (an amount after it) written as 全社会研发经费, character for character."""
    return _SOCIETY_INPUT.sub("经费", folded)


def input_renamed(as_written: str, hits: Iterable[AliasMatch]) -> dict[int, tuple[str, str]]:
    """Hit start -> (the name the hit is read as, why) for each hit `with_input_names` renamed in `as_written` (the
    folded sentence before the variants), so the row names the catalogue's 研发经费, not the 研发投入 it quotes."""
    starts = {m.start() for m in _SOCIETY_INPUT.finditer(as_written)}
    renamed = with_input_names(as_written)
    return {
        h.start: (renamed[h.start : h.end], "全社会…投入 with an amount after it is the R&D expenditure (经费)")
        for h in hits
        if any(h.start <= s < h.end for s in starts)
    }
