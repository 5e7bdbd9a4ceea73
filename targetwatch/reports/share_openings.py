"""R&D intensity written as a share of GDP that opens the sentence after the expenditure's figure (issue 17, round 35).

    2015年,江苏全社会研发投入达1800亿元,是2010年的2倍;占地区生产总值比重达2.55%      <- 2.55%: 江苏's 2015 intensity

(u43_js_2015_hitech_czgov, unseen-43, dev since round 34: "not recognised".) The reader splits sentences at ；, so the
share stands in a sentence of its own, with no name: intensity.py reads a share of GDP only after the expenditure's
name and figure in the same sentence. Here the share opens the sentence (nothing before 占) and the sentence before
ended with the expenditure's own name and figure, its changes at most after them (intensity.share_follows, the same
test as within one sentence, which now also takes a multiple of an earlier year, 是2010年的2倍, as a change); a
qualified expenditure (企业R&D经费) is a part's and opens nothing.
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import QUALIFIER
from targetwatch.reports.intensity import share_follows
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import AliasMatch
from targetwatch.reports.text_keys import TextKeys

_EXPENDITURE_NAME = "研究与试验发展经费"
_INTENSITY_NAME = "研究与试验发展经费投入强度"
# the share at the sentence's start: 占地区生产总值比重, 占GDP的比重, 占国内生产总值的
_SHARE_OPENS = re.compile(r"^占(?:当年)?(?:国内|地区)?(?:生产总值|gdp)的?(?:比重|比例|比值)?")
_END = re.compile(r"[;。]?$")


def share_opening_hits(
    folded: str, hits: list[AliasMatch], keys: TextKeys, completed: dict[int, tuple[str, str]], before: str
) -> None:
    """Add to `hits` (and `completed`) the intensity's hit over a share of GDP opening `folded` when `before` (the
    sentence before, folded) ended with the R&D expenditure's name and figure; in place."""
    expenditure = keys.codes.get(normalised_key(_EXPENDITURE_NAME))
    intensity = keys.codes.get(normalised_key(_INTENSITY_NAME))
    m = _SHARE_OPENS.match(folded) if expenditure and intensity and before else None
    if m is None or any(h.start < m.end() for h in hits):
        return
    named = keys.find(before)
    if not named or named[-1].code != expenditure:
        return
    last = named[-1]
    q = QUALIFIER.search(before[: last.start])
    if q and keys.codes.get(normalised_key(q.group() + last.key)) != expenditure:
        return
    whole = _END.sub("", before)
    if not share_follows(whole + "," + folded, last.end, len(whole) + 1):
        return
    hits.insert(0, AliasMatch(m.start(), m.end(), intensity, m.group()))
    why = "as the R&D expenditure's share of GDP, after its figure in the sentence before"
    completed[m.start()] = (_INTENSITY_NAME, why)
