"""Round 53 (issue 18): the share of a whole a place already holds (占全国…的60%) is a statistic, not a target.

A per cent right after 占(据了)全国 / 全球 / 国内 / 全省 / 全市 …的 measures what a place or sector holds of a larger
whole. Written without a word of intent it describes, and four development texts proposed it as a target (none
annotated):

- the 2023 camellia-oil action plan news (china-2023-camellia-oil-action-plan-news, first unseen-49):
  分别占全国新增、改造任务的77.6%…, 占全国…的22.4%;
- 云南's 2008 forest-herbs plan news (yunnan-2008-forest-herbs-plan-news-trad, first unseen-50): 佔據了全國名貴藥材
  種類的60%以上;
- the 2025 digital-infrastructure review (china-2025-digital-infrastructure-14th-fyp-review, first unseen-61):
  人工智能专利数量占全球总量的60%;
- 杭州's 十三五 creative-industry plan news (hangzhou-2016-cultural-creative-13th-plan-news, first unseen-62): 2015's
  占国内生产总值的8.5%.

With a word of intent in its clause (`rules.INTENT`: 将, 要, 力争, 目标 …) it is a goal, as the same 杭州 text's
annotated 到2020年,文化创意产业增加值将占国内生产总值的26%左右, and is left alone. The figure gets the status weight.

A word of intent earlier in the sentence counts too where the sentence also writes a deadline ahead (到2025年, 2025年
前; `rules.DEADLINE_WORDS`, not 截至2022年): 力争到2025年,全市产值占全国的20%以上 puts its intent before the comma
(second review of round 53: it fell from 0.70 to 0.10). Either alone is not enough: the camellia news' 计划新增…,
分别占全国…的77.6% has intent and no deadline, and a plan's 到2025年,…分别占全国…任务的77.6% a deadline and no
intent (round 53's SYNTHETIC control): both describe how a task is shared out.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, intends

HELD: Final = re.compile(
    r"占(?:据了?)? {0,2}(?:全国|全球|全世界|国内|全省|全市)[^,，。;；\d]{0,20}?的 {0,2}(?:约|近)? {0,2}$")
AHEAD: Final = re.compile(rf"(?<!截)(?:{rules.DEADLINE_WORDS.pattern})")
RULE: Final = "share_held"


def demote(view: str, cands: list[Candidate]) -> None:
    """Give the status weight to a per cent of a whole held, with no intent in its clause (see the docstring)."""
    for c in cands:
        if c.unit != "percent" or RULE in c.rules_fired or not HELD.search(view, c.clause.start, c.start):
            continue
        before = view[c.sentence.start : c.start]
        if intends(view[c.clause.start : c.start]) or (intends(before) and AHEAD.search(before)):
            continue
        c.score += rules.CONFIDENCE["status"]
        c.rules_fired.append(RULE)
        c.notes.append("a share of a whole already held (占全国…的N%), no word of intent: a statistic")
