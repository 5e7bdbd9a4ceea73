"""A flow of persons named before its bare figure: 新增就业目标1200万, 接待旅游人次7300万, 引才育才100万.

Round 40 (issue 18). A count of persons is read with its measure word (新增就业1100万人以上, 3000万人次), and
`counts.PERSONS_BARE` reads one written after the people counted (带头人100万以上). Plans and their news also name a
flow of persons (jobs created, visits received, talent brought in) and then give its figure with only a scale word,
and the rules read no unit there:

- 新增就业目标1200万 (the 2024 national work report's targets, 人民报 news, first unseen-35);
- 接待旅游人次7300万 (青海's 2021 eco-tourism action plan news, first unseen-42);
- “五年投入38亿,引才育才100万” (西安's 2017 talent-policy news, first unseen-15).

Counted in 3 development texts before the rule (3 targets); the test half not read. Of the development texts' other
such figures, two are status and are not annotated, both written with 多 after the scale (吸纳带动就业5.7万多人,
创业就业16万多人次): a figure followed by 多 / 余 or by any unit is not read here. So: one of `FLOWS` (就业目标,
新增就业, 人次, 引才育才, 引才, 育才), perhaps a cue (达到, 超过 …), the number and a scale word (万 / 亿), perhaps
以上 / 左右, and then no unit, 多 or 余; persons, with the comparator of the cue or of 以上 / 左右, else exact. The flow
names what is done to the persons, so it counts as the verb (+0.20). Status and report words penalise as for any
construct. The rule (`person_flow`) is in `rules.UNPROVEN_RULES`, below 0.9 until a fresh set has measured it.

Measured on the development side (596 texts, 2,294 targets): 3 of these matched (2190 -> 2193), false proposals
88 -> 88.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, scaled
from targetwatch.extraction.counts import candidate
from targetwatch.extraction.text import Paragraph, Sentence, Span

FLOWS: Final = r"就业目标|新增就业|人次|引才育才|引才|育才"
FLOW: Final = re.compile(
    rf"(?:{FLOWS})(?P<cue>达到|达|超过|突破|超|逾|不少于|不低于|为)? {{0,2}}(?P<num>\d+(?:\.\d+)?) {{0,2}}"
    r"(?P<scale>万|亿)(?P<post> {0,2}(?:以上|左右))?"
    r"(?![\d.%元美欧港人家个项件户名位台套吨亩平方万亿千斤次多余])")
RULE: Final = "person_flow"
_CUES: Final[dict[str, str]] = {"超过": "exceed", "突破": "exceed", "超": "exceed", "逾": "exceed"}


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span, found: list[Candidate]) -> list[Candidate]:
    """Each flow of persons with its bare figure in the clause that no other finder read (see the docstring)."""
    view = doc.view
    taken = [(c.start, c.end) for c in found]
    out = []
    for m in FLOW.finditer(view, clause.start, clause.end):
        start = m.start("cue") if m["cue"] else m.start("num")
        if any(a < m.end() and start < b for a, b in taken):
            continue
        post, cue = (m["post"] or "").strip(), m["cue"] or ""
        comparator = ("at_least" if post == "以上" else "approx" if post == "左右"
                      else _CUES.get(cue, "at_least" if cue and cue != "为" else "exact"))
        value, base = scaled(m["num"], m["scale"], "人")
        score = rules.CONFIDENCE["base"] + rules.CONFIDENCE["verb"] + (
            rules.CONFIDENCE["comparator"] if comparator != "exact" else 0.0)
        out.append(candidate(doc, para, sent, clause, start, m.end(), comparator, value, base, m["scale"] + "(人)",
                             score, RULE, "a flow of persons: " + view[m.start() : m.end()] + " (persons)"))
    return out
