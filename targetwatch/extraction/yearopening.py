"""A sentence that opens with a year and a word of intent (2023年,石泉县将…) sets its figures for that year.

Round 42 (issue 18). `rules.DEADLINES` read 到2019年 / 2019年前 / 力争2019年, not a plain year: in running text a
plain year is a date (2020年研究生毕业人数达72.9万人 reports). A sentence that opens with the year and a comma and
then, within a few characters, says what will be done (将 / 要 / 计划 / 力争 / 争取) sets the year for what follows,
to the sentence's full stop: 石泉's 2023 aims (first unseen-53: 2023年,石泉县将重点实施“四个一”工程,…柔性引进高端人才
60名以上,服务重点产业链骨干企业10家以上, both given the next paragraph's 2025 at the first score), a county's 2025
agriculture plan (first unseen-43: 2025年,我县将…, five figures without a deadline), 金华's 2023 speech (first
unseen-16: 2023 年,力争…, two without) and the 2013 affordable-housing news (first unseen-44: 2013年,,全国计划…,
two without). Counted in 4 development texts before the rule, the test half not read; four more development texts
open a sentence the same way and already agree (五莲 2013, 山西 2020, 海南 2025; 四川 2024's
2024年,…主要预期目标是 was read through the 要 of 主要 until rev16 took 要 as rules.INTENT does: its 2024 comes
from 今年's rule).

Only a figure the other rules left without a deadline, before the document's fallback year (`extract` runs this
before it), and only when the year is not before the text's own date (2018年,该县将… in a 2019 page looks back); a
figure after another year of its own in the sentence (not a baseline year after 比 / 较 / 由 / 从 / 在 / 以) keeps
to that year. The rule gives a deadline only: it is no forward evidence (`evidence._IN_SCOPE` does not hold it), so
no figure's confidence moves with it.

Round 43: the same year and word of intent after a lead-in that says where the words come from (据了解,2023年,拉萨市将
力争…; 易炼红指出,2020年,江西将…; 在政府工作报告中提出,2020年,江西将…): the lead-in ends in a verb of saying or
learning and a comma, and the year opens what is said. Counted in 2 development texts before the rule, the test half
not read: 拉萨's 2023 science targets (first unseen-54: four counts and a growth rate after 據了解,2023年,拉薩市將力爭,
none with a deadline at the first score) and 江西's 2020 work-report news (first unseen-54: 力争开发区营业收入突破3.2万
亿元 after 提出,; its 易炼红指出,2020年,江西将… sentence ends before the figures that follow, which stay without).
Rule `deadline_year_after_lead`, with the same limits as the opening's.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.yearref import lend, sentence_end

# The year and its comma, then within a few characters a word of what will be done: the one reading of both openings.
# 将 / 要 / 计划 as words, as rules.INTENT reads them: not 主要 / 重要 / 需要 / 要求, not a 计划 named (人才计划).
YEAR_AHEAD: Final = (r"(?P<year>(?:19|20)\d{2}) {0,2}年 {0,2}[,，]{1,2}(?=[^。\n]{0,12}?(?:力争|争取|"
                     + rules.INTENT_AS_WORD + "))")
OPENING: Final = re.compile(r"(?:^|(?<=[。\n]))[ \u3000]*" + YEAR_AHEAD, re.M)
# Round 43: after a lead-in ending in a verb of saying or learning (据了解, / 易炼红指出, / 报告中提出,).
AFTER_LEAD: Final = re.compile(r"(?<=(?:了解|介绍|指出|提出|表示|获悉|透露|强调)[,，:：]) {0,2}" + YEAR_AHEAD)
RULE: Final = "deadline_year_opening"
LEAD_RULE: Final = "deadline_year_after_lead"


def openings(view: str, own: int | None, pattern: re.Pattern[str] = OPENING) -> list[tuple[int, int, int]]:
    """(start of what follows the year, end of its sentence, year) of each sentence opening with a year ahead
    (`pattern`: OPENING, or AFTER_LEAD for a year opening what a lead-in says)."""
    out = []
    for m in pattern.finditer(view):
        year = int(m["year"])
        if own is not None and year < own:
            continue
        out.append((m.end(), sentence_end(view, m.end()), year))
    return out


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a figure without a deadline the year its sentence opens with (see the module's docstring)."""
    for pattern, rule in ((OPENING, RULE), (AFTER_LEAD, LEAD_RULE)):
        lend(doc, cands, openings(doc.view, doc.issue_year, pattern), rule)
