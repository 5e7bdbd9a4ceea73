"""Round 23 (issue 18): counts of people written without a
measure word, and written as a word of magnitude.

A figure is read with its unit (万人, 名, 家 …). Two ways of
writing a count of people carry none:

- the number and its scale right after the people counted,
  with no 人 / 名 (培育農村創新創業帶頭人100萬以上, a commentary in
  traditional script on the national plan for rural
  entrepreneurs): `PERSONS_BARE` reads it after a noun that
  names people (带头人, 人才, 毕业生, 青年, 农民工 …) as persons, with
  the comparator of its cue or 以上 / 左右;
- a word of magnitude instead of digits (今明两年将组织百万毕业生见习, the
  title 百萬“頭雁”育田間): `MAGNITUDE` reads 百万 / 千万 / 十万 before
  such a noun (perhaps quoted, perhaps after 名) as that many
  persons, exact, when a verb of the target stands before it
  in its clause or right after the noun (育, 培育, 见习, 就业, 创业).
  Not 数以百万 or 上百万 (an order of magnitude, no figure), not
  百万家企业 (no people), and not a programme's name
  (实施百万技能人才培训计划).

Both are constructs of their own (`walk` adds them beside
`figures.find_figures`), with the status and past-period
penalties of the other constructs. The view is folded to
simplified script, so 萬 is read as 万."""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.quotedgoal as quotedgoal
import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, scaled
from targetwatch.extraction.figures import has_verb, status_penalty
from targetwatch.extraction.text import Paragraph, Sentence, Span

PEOPLE: Final = (r"(?:创新创业|创业|致富|乡村)?带头人|技能人才|人才|高校毕业生|毕业生|大学生|青年|农民工"
                 r"|新型职业农民|农民|劳动者|劳动力|创业者|工人|学员|职工|头雁")
PERSONS_BARE: Final = re.compile(
    rf"(?:{PEOPLE})(?P<cue>达到|达|超过|突破|超|逾|不少于|不低于)? {{0,2}}(?P<num>\d+(?:\.\d+)?)"
    r" {0,2}(?P<scale>万|千)"
    r"(?P<post> {0,2}(?:以上|左右))?(?![\d.%元美欧港人家个项件户名位台套吨亩平方万亿千斤次])")
MAGNITUDE: Final = re.compile(
    rf"(?<![数几上近成以超过逾])(?P<scale>百万|千万|十万)(?:名|人)?[“\"「『]?(?P<noun>{PEOPLE})[”\"」』]?")
MAGNITUDES: Final[dict[str, float]] = {"十万": 1e5, "百万": 1e6, "千万": 1e7}
# 实施百万技能人才培训计划: the magnitude names a programme, whose own figure it is not.
PROGRAMME_NAME: Final = re.compile(r"[^,，。;；:：]{0,6}?(?:计划|工程|行动|项目|专项)")
VERB_AFTER: Final = re.compile(r" {0,2}(?:培育|育|见习|就业|创业|返乡|下乡|实现)")
_CUE_COMPARATOR: Final[dict[str, str]] = {"超过": "exceed", "突破": "exceed", "超": "exceed", "逾": "exceed"}


def bare_counts(doc: Document, para: Paragraph, sent: Sentence, clause: Span,
                found: list[Candidate]) -> list[Candidate]:
    """The counts of people in the clause that no other finder read (see the module's docstring)."""
    view = doc.view
    out = []
    taken = [(c.start, c.end) for c in found]
    for m in PERSONS_BARE.finditer(view, clause.start, clause.end):
        start = m.start("cue") if m["cue"] else m.start("num")
        if any(a < m.end() and start < b for a, b in taken):
            continue
        post, cue = (m["post"] or "").strip(), m["cue"] or ""
        comparator = ("at_least" if post == "以上" else "approx" if post == "左右"
                      else _CUE_COMPARATOR.get(cue, "at_least" if cue else "exact"))
        value, base = scaled(m["num"], m["scale"], "人")
        score = rules.CONFIDENCE["base"] + (rules.CONFIDENCE["comparator"] if comparator != "exact" else 0) + (
            rules.CONFIDENCE["verb"] if has_verb(view[clause.start : m.start()]) or cue else 0)
        out.append(candidate(doc, para, sent, clause, start, m.end(), comparator, value, base, m["scale"] + "(人)",
                              score, "persons_bare"))
    for m in MAGNITUDE.finditer(view, clause.start, clause.end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        verb = has_verb(view[clause.start : m.start()]) or VERB_AFTER.match(view, m.end()) is not None \
            or quotedgoal.named(view, m.start("noun"))  # round 48: “5年留百万大学生”的目标
        if not verb or PROGRAMME_NAME.match(view, m.end()):
            continue
        score = rules.CONFIDENCE["base"] + rules.CONFIDENCE["verb"]
        out.append(candidate(doc, para, sent, clause, m.start(), m.end(), "exact", MAGNITUDES[m["scale"]],
                              "persons", m["scale"], score, "persons_magnitude"))
    return out


def candidate(doc: Document, para: Paragraph, sent: Sentence, clause: Span, start: int, end: int, comparator: str,
              value: float, unit: str, written: str, score: float, rule: str, note: str | None = None) -> Candidate:
    """A figure one of the finders outside `figures.find_figures` read (these and round 40's): its rule, its `note`
    (what it read, first), an aspiration noted as the figures' rules note it, and the status penalty."""
    cand = Candidate(start=start, end=end, sentence=sent, paragraph=para, clause=clause, comparator=comparator,
                     rules_fired=[rule], score=score, value=value, unit=unit, unit_as_written=written)
    if note is not None:
        cand.notes.append(note)
    if any(w in doc.view[sent.start : start] for w in rules.ASPIRATION):
        cand.notes.append("aspirational (力争/争取)")
        cand.rules_fired.append("aspiration")
    status_penalty(doc, para, sent, cand)
    return cand
