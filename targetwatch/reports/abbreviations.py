"""Abbreviations of an indicator's name that texts write once the name is familiar (issue 17, round 35).

    全市高企数量达到209家                                  高企 for 高新技术企业 (u6_xx_2020_kjj_summary)
    目前有效期內高企達502家                                (u39_jx_2023_st_dcqhyn_trad)
    全省169家高企实现营业收入383.3亿元                     (u44_hi_2015_hte_sdrx)

(all dev; the first two are an unnamed city's, annotated as its high-tech enterprises with no place to mark.)
The abbreviation is read as the name it stands for, and the observation's notes say so (`named '高企' …: read
as 高新技术企业`), so the inference shows. 高企 inside a word is no abbreviation: 提高企业, 最高企业…, 较高企业
(高 ends the word before) and 高企业 (企业 is its own word). The hit keys as the full name, so a qualifier before
it reads as before the full name (国家级高企 as 国家级高新技术企业).
"""

from __future__ import annotations

import re

from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import AliasMatch

_HIGH_TECH_FIRMS_NAME = "高新技术企业"
# 高企, not the end of 提高/最高/较高/更高/很高/升高/拔高/偏高/抬高/崇高 nor the start of 企业
_HIGH_TECH_FIRMS = re.compile(r"(?<![提最较更很升拔偏抬崇增])高企(?!业)")


def abbreviation_hits(folded: str, hits: list[AliasMatch], codes: dict, completed: dict[int, tuple[str, str]]) -> None:
    """Add to `hits` (and `completed`: the name each stands for, and why) each abbreviation of a catalogue name in
    `folded` that no hit covers, in place."""
    code = codes.get(normalised_key(_HIGH_TECH_FIRMS_NAME))
    for m in _HIGH_TECH_FIRMS.finditer(folded) if code else ():
        if not any(h.start < m.end() and m.start() < h.end for h in hits):
            hits.append(AliasMatch(m.start(), m.end(), code, _HIGH_TECH_FIRMS_NAME))
            completed[m.start()] = (_HIGH_TECH_FIRMS_NAME, "as the abbreviation of 高新技术企业")
    hits.sort(key=lambda h: h.start)
