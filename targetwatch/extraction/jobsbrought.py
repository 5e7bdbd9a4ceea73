"""Jobs a plan brings: 吸纳农村50万劳动力就业, 直接带动200万以上农民就地就近就业 (the persons, with no 人 / 名).

Round 40 (issue 18). A count of persons is read with its measure word (带动80万名以上城乡劳动力就业, 带动200万人实现
就业), and `counts.PERSONS_BARE` reads one written after the people counted (带头人100万以上). A plan also writes
the jobs it brings as the number, then the people, then 就业, with no 人 or 名 between them, and the rules read no
unit there:

- 吸纳农村50万劳动力就业 (甘肃's 2018 rural-tourism opinion news, first unseen-51);
- 直接帶動(dòng)200萬(wàn)以上農民就地就近就業(yè) (安徽's 2024 rural leisure-tourism plan news, traditional with a
  mirror's readings, first unseen-51).

Counted in 2 development texts before the rule; the test half not read. Round 39 left a general list of nouns
of persons after a number unwritten: it also reads status figures and names of rates (5.7万多人, 10万就业人员).
This rule is narrower. In one clause: a verb of bringing or absorbing (吸纳, 带动, 帮助, 安置); then, within
eight characters and no figure, the number and its scale, perhaps 以上 / 左右; then one of `counts.PEOPLE`
(perhaps after six characters of its own: 城乡劳动力); then, within eight characters, 就业. A figure another
rule read (80万名, 200万人) is left to it. The comparator is 以上's or 左右's, else exact; the value the persons.
Status words and past years penalise as for any construct. The rule (`jobs_brought`) is in
`rules.UNPROVEN_RULES`, below 0.9 until a fresh set has measured it.

Measured on the development side (596 texts, 2,294 targets): 2 of these matched, no false proposal added; with
the two rules beside it 2181 -> 2190 matched, false proposals 88 -> 88.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, scaled
from targetwatch.extraction.counts import PEOPLE, candidate
from targetwatch.extraction.text import Paragraph, Sentence, Span

_NOT_CLAUSE: Final = r"[^\d,，。;；:：、]"
_GAP: Final = " {0,8}"  # a mirror's reading, blanked in the view (帶動(dòng)200萬(wàn)以上)
JOBS: Final = re.compile(
    rf"(?:吸纳|带{_GAP}动|帮助|安置){_NOT_CLAUSE}{{0,8}}?(?P<num>\d+(?:\.\d+)?){_GAP}(?P<scale>万|千)?{_GAP}"
    rf"(?P<post>以上|左右)?{_GAP}(?![人名个户家元])(?P<noun>{_NOT_CLAUSE}{{0,6}}?(?:{PEOPLE}))"
    rf"{_NOT_CLAUSE}{{0,8}}?就{_GAP}业")
RULE: Final = "jobs_brought"
_COMPARATORS: Final[dict[str, str]] = {"以上": "at_least", "左右": "approx"}


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span, found: list[Candidate]) -> list[Candidate]:
    """The persons of each 吸纳 / 带动 …N万…(people)…就业 in the clause no other finder read (see the module's
    docstring)."""
    view = doc.view
    taken = [(c.start, c.end) for c in found]
    out = []
    for m in JOBS.finditer(view, clause.start, clause.end):
        start, end = m.start("num"), m.end("noun")
        if any(a < end and start < b for a, b in taken):
            continue  # 带动80万名以上城乡劳动力就业: read with its measure word
        comparator = _COMPARATORS.get(m["post"] or "", "exact")
        value, base = scaled(m["num"], m["scale"], "人")
        score = rules.CONFIDENCE["base"] + rules.CONFIDENCE["verb"] + (
            rules.CONFIDENCE["comparator"] if comparator != "exact" else 0.0)
        out.append(candidate(doc, para, sent, clause, start, end, comparator, value, base, (m["scale"] or "") + "(人)",
                             score, RULE, f"jobs brought: {re.sub(' +', '', view[start:end])} …就业 (the persons)"))
    return out
