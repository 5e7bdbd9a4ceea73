"""A 全覆盖 that closes a clause or a list item with no verb of its own: a coverage target of the sentence's goals.

Round 39 (issue 18). `rules.COVERAGE_GOAL` reads 全覆盖 after a verb of a goal (实现 / 推动 / 达到 …全覆盖), and
`figures._coverage_goals` proposes the first such span of a clause. A plan's sentence often lists coverage as an item
of its goals with no verb of its own:

- after another target of the sentence: 到2025年,力争建设10个以上现代化美丽牧场,粪污处理设施装备配套基本全覆盖
  (清远's pig-industry plan news, first unseen-50);
- as the second item after 、 under one 实现: 实现规上工业企业…数字化改造全覆盖、百亿以上产业集群工业互联网平台全覆盖
  (浙江's 2022 digital-economy white paper news, first unseen-37; the first item was read, the second not).

Counted in 2 development texts before the rule; the test half not read. Of the five 全覆盖 of the development texts
that no verb reads, these two close their clause or item (a clause mark, 、 or the line's end after them) and are
annotated; the other three are not targets and do not close theirs: 形成特色化、全覆盖的行业大模型 and 完成基本全覆盖
的任务 (an attribute: 的 after it), 开展产业数字化“三个全覆盖”专项行动 (a name in quotation marks). So the rule reads a
全覆盖 (基本全覆盖 too) that closes its clause or list item, is no part of a `COVERAGE_GOAL` span already read, in a
sentence that states a deadline or a word of intent or reads a coverage goal before it. The candidate quotes the item
from its start (after the last clause mark or 、). Status and report words take their penalties as for any construct;
the rule is in `rules.UNPROVEN_RULES` (below 0.9 until a fresh set has measured it).

Measured on the development side: matched 2082 -> 2084 of 2185, proposed 2167 -> 2169, false proposals 85 -> 85.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, deadlines
from targetwatch.extraction.figures import status_penalty
from targetwatch.extraction.text import Paragraph, Sentence, Span

# 全覆盖 (a mirror's reading blanks allowed, as COVERAGE_GOAL allows them), then the clause's or item's end.
CLOSING: Final = re.compile(r"全 {0,8}覆 {0,8}盖(?=[ \u3000]*(?:[,，;；。、!！]|$))")
ITEM_MARKS: Final = ",，;；。、:：\n"
_SCORE: Final = rules.CONFIDENCE["base"] + rules.CONFIDENCE["comparator"] + rules.CONFIDENCE["verb"]
RULE: Final = "coverage_item"


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """Each 全覆盖 closing its clause or list item with no verb of a goal before it (see the module's docstring)."""
    view = doc.view
    goals = [(m.start(), m.end()) for m in rules.COVERAGE_GOAL.finditer(view, sent.start, sent.end)]
    out = []
    for m in CLOSING.finditer(view, clause.start, clause.end):
        if any(a <= m.start() < b for a, b in goals):
            continue  # read as a coverage goal already
        start = max(view.rfind(ch, clause.start, m.start()) for ch in ITEM_MARKS) + 1
        start = max(start, clause.start)
        while start < m.start() and view[start] in " \u3000":
            start += 1
        if start >= m.start():
            continue  # 全覆盖 alone names nothing covered
        if not (deadlines(view, sent, doc) or rules.INTENT.search(view, sent.start, m.start())
                or any(b <= start for _, b in goals)):
            continue  # no goal in the sentence: a description
        cand = Candidate(start=start, end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator="at_least", rules_fired=[RULE], score=_SCORE, value=100.0, unit="percent",
                          kind="coverage")
        cand.notes.append("coverage: every unit (全覆盖 closing its item)")
        status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out
