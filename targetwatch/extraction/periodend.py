"""A plan period's end named in a sentence without 到 (确保“十四五”末…达到1.5%) gives the figures after it
that year.

Round 43 (issue 18). `rules.DEADLINES` read a five-year plan period's end only after 到 / 至
(到“十四五”末, 至十三五期末): said as an end point. A sentence that names the end as a plain time
(“十四五”末国家高新区数量将达到220家, 确保“十四五”末全社会研发强度达到1.5%) gave its figures no deadline,
and where no other figure of the text states a year they went without one. Counted in 2 development texts
before the rule, the test half not read:

- the 2022 news on the national high-tech zones (first unseen-20): its headline
  “十四五”末國家高新區數量將達到220家, no deadline at the first score;
- 庆阳's 2021 science aims (first unseen-54): 确保“十四五”末全社会研发强度达到1.5%,
  财政科技投入强度市本级达到2%, 县本级达到1%, 科技进步对经济增长贡献率达到55%, four without.

The other development sentences that name the end (到“十四五”末, 力争到“十四五”末, 截至“十四五”末) are read
by `rules.DEADLINES` and agree; 福建's 2016 “十三五”末,省属企业科技进步贡献率要达到60%以上 (first unseen-17)
had 2020 lent by the document and now has it from its own sentence.

Only a figure the other rules left without a deadline, after the period's end in its sentence (to the full
stop or the line's end) and with no year of its own between them (a baseline year after 比 / 较 / 由 / 从 /
在 / 以 is none); only a period not ended before the text's own year (“十三五”末,全省高新技术企业达到… in a
2021 page reports); a text without a date of its own is left as it is, as `planperiod.py` leaves it. The rule
gives a deadline only: it is no forward evidence (`evidence._IN_SCOPE` does not hold it). Like 到“十四五”末
(`deadline_plan_period_end`) it is in `rules.UNPROVEN_RULES`: a figure resting on it stays below 0.9 until a
fresh set has measured it.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.yearref import lend, sentence_end

# The period's end (期末 / 时期末 / 末), not 末期 / 末年; 到 / 至 before it is `rules.DEADLINES`' own reading.
END: Final = re.compile(r"(?P<pre>[到至]?)" + rules.QUOTED_PERIOD + r"(?:期末|时期末|末)(?![期年])")
RULE: Final = "deadline_plan_period_named"


def ends(view: str, own: int | None) -> list[tuple[int, int, int]]:
    """(end of the period's name, end of its sentence, the period's last year) of each plan period's end named
    without 到 / 至 in a dated text, the period not over before the text's own year."""
    if own is None:
        return []
    out = []
    for m in END.finditer(view):
        year = rules.PLAN_PERIODS[m["period"]]
        if m["pre"] or year < own:
            continue
        out.append((m.end(), sentence_end(view, m.end()), year))
    return out


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a figure without a deadline the last year of the period whose end its sentence names before it."""
    lend(doc, cands, ends(doc.view, doc.issue_year), RULE)
