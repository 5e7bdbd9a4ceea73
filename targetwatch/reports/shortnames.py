"""Names a text shortens because the sentence has just named what they belong to (round 12, dev).

    全国创业孵化载体数量达到13206家,其中孵化器5206家、众创空间8000家      孵化器 in the carriers' breakdown:
                                                                          科技企业孵化器
    我國有效發明專利中,國內專利為92.2萬件                                  国内专利 among the valid invention patents:
                                                                          the domestic valid invention patents

(u17_nat_2019_incubation_ailab, u15_nat_2015_patents_press_trad: dev.) Each is read as the catalogue name it stands
for, and the observation's notes say so.
"""

from __future__ import annotations

import re

from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import AliasMatch

# 孵化器 right after 其中, in a sentence that has named the incubation carriers (孵化载体) before it; 其中 is taken into
# the name, so it does not make a subset here (grammar.QUALIFIER)
_INCUBATORS_AMONG_CARRIERS = re.compile(r"孵化载体[^。;]*?(其中[,:]?孵化器)(?=\d)")
_INCUBATORS_NAME = "科技企业孵化器"
# 国内专利 right after the valid invention patents' name and 中
_DOMESTIC_AMONG_PATENTS = re.compile(r"有效发明专利中[,:]?(国内(?:发明)?专利)(?=为|达|有|共)")
_DOMESTIC_PATENTS_NAME = "有效发明专利"


def short_name_hits(folded: str, hits: list[AliasMatch], codes: dict, completed: dict[int, tuple[str, str]]) -> None:
    """Add to `hits` (and `completed`: the name each stands for, and why) the short names above."""
    for pattern, name, why in (
        (_INCUBATORS_AMONG_CARRIERS, _INCUBATORS_NAME, "in a breakdown of the incubation carriers (其中孵化器)"),
        (_DOMESTIC_AMONG_PATENTS, _DOMESTIC_PATENTS_NAME, "as the domestic part of the valid invention patents"),
    ):
        code = codes.get(normalised_key(name))
        for m in pattern.finditer(folded) if code else ():
            if not any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
                hits.append(AliasMatch(m.start(1), m.end(1), code, m.group(1)))
                completed[m.start(1)] = (name, why)
    hits.sort(key=lambda h: h.start)
