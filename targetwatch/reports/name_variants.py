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

# the R&D name with 实验 for 试验 (folded text is simplified: 研究與實驗發展 folds to 研究与实验发展)
_RD_WITH_SHIYAN = re.compile(r"(?<=研究[与和])实(?=验发展)")


def with_name_variants(folded: str) -> str:
    """`folded` with 研究与实验发展 written as the R&D name 研究与试验发展, character for character (offsets kept)."""
    return _RD_WITH_SHIYAN.sub("试", folded)
