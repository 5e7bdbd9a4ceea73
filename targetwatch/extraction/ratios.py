"""Round 27 (issue 18): a ratio written without a unit.

A ratio target carries no unit: 苏州's 创业带动就业的比例要达到1: 7左右 (seven jobs for each start-up, traditional
script via a mirror), 杭州's 城乡居民收入比缩小至1.7以内. The figure finders read a number with its unit, so both were
missed. `find` reads, after a ratio word (比例, 比值, 收入比 / 就业比 …, 差距, 倍差) and an optional cue (达到, 缩小到 /
至 / 为, 控制在, 保持在, 降至 …):

- `1: 7` or `2.2∶1`: one term is 1, the other is the value (the corpus annotates the term that is not 1, in the unit
  `ratio`). Round 50: a ratio with neither term 1 (公私營比例為7:3, 臺當局與民間投資比例為3:7) is the quotient of its
  terms, as the corpus annotates it (7/3, 3/7; two development texts, first unseen-49 and unseen-60, missed before);
  a ratio of three terms (三次产业结构…15.1∶28.3∶56.6) stays unread. The colon ends a clause, so the ratio may run
  into the next;
- a bare number after 收入比 / 比值 / 倍差 / 比例 and a cue (收入比缩小至1.7以内).

The comparator is the one after the number (以内 / 以下: at most, 左右: approx, 以上: at least), else the cue's
(缩小 / 控制 / 降: at most; 达到: at least). The number must end the ratio: a unit, a year or 的 after it is something
else (比2015年, 就业比达到1:10以上的 — a condition's clause, which also takes the condition's penalty, as
`figures` gives it). The status and report cues of the other constructs apply (`figures.status_penalty`).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.figures import has_verb, in_condition, status_penalty
from targetwatch.extraction.text import Paragraph, Sentence, Span

RATIO_UNIT: Final = "ratio"
# Verbs that lower a quantity to a level (a verb of lowering and 到 / 至): one list, read here after a ratio word,
# by `lowerindex.LOWERED` after 倍率 / PUE and by `reductions.REDUCE_TO` before any plain figure (round 52 joined the
# first two; the review of round 52 the third, whose verbs of cutting 压缩 / 压减 / 减少 / 缩减 / 削减 the others now
# read too). Each is a ceiling. With the verbs that hold a level, the cues of a ratio's level. No verb here is a
# prefix of another, so the order of the alternation does not change what matches.
LOWERING_VERBS: Final[tuple[str, ...]] = ("降低", "下降", "压缩", "压减", "减少", "缩减", "削减", "降")
LOWER_TO: Final[tuple[str, ...]] = tuple(f"{verb}{to}" for verb in LOWERING_VERBS for to in ("到", "至"))
LOWER_OR_HOLD: Final[tuple[str, ...]] = (*LOWER_TO, "控制在", "保持在", "稳定在")
_CUE: Final = (r"(?P<cue>达 {0,8}到|达|缩小到|缩小至|缩小为|缩小|" + "|".join(LOWER_OR_HOLD)
               + r"|提高到|提高至|提升到|提升至)")
_NUM: Final = r"(?P<num>\d+(?:\.\d+)?)"
_END: Final = r"(?P<post> {0,2}(?:以内|以下|左右|以上))?(?![\d.%:∶]| {0,2}[\u4e00-\u9fff])"
# 比例要达到1: 7左右, 差距控制在2.2∶1以内, 收入比缩小至2.36:1
COLON: Final = re.compile(rf"(?:比例|比值|比|差距|倍差) {{0,8}}(?:要|将|为)? {{0,8}}{_CUE}? {{0,2}}{_NUM}"
                          rf" {{0,2}}[:∶] {{0,2}}(?P<den>\d+(?:\.\d+)?){_END}")
# 城乡居民收入比缩小至1.7以内
BARE: Final = re.compile(rf"(?:收入比|比值|倍差|比例) {{0,8}}(?:要|将)? {{0,8}}{_CUE} {{0,2}}{_NUM}{_END}")
_AT_MOST_CUES: Final = ("缩小", "控制")  # and every verb of LOWER_TO


def _comparator(cue: str, post: str) -> str:
    if post.strip() in rules.AFTER_COMPARATOR:  # 以内, 以下, 左右, 以上 (多, 余 never match <post> in _END)
        return rules.AFTER_COMPARATOR[post.strip()]
    if cue in LOWER_TO or any(cue.startswith(w) for w in _AT_MOST_CUES):
        return "at_most"
    return "at_least" if cue else "exact"


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span, found: list[Candidate]) -> list[Candidate]:
    """The ratios in the clause no other finder read (see the module's docstring)."""
    view = doc.view
    taken = [(c.start, c.end) for c in found]
    out = []
    for pattern in (COLON, BARE):
        # the colon of 1: 7 ends a clause (text.CLAUSE_END): a ratio opening in this clause may end in the next
        for m in pattern.finditer(view, clause.start, sent.end):
            if m.start() >= clause.end:
                break
            if any(a < m.end() and m.start("num") < b for a, b in taken):
                continue
            num, den = float(m["num"]), float(m["den"]) if "den" in m.re.groupindex and m["den"] else None
            value = num if den is None else den if num == 1 else num if den == 1 else num / den if den else None
            if value is None:
                continue
            cue = (m["cue"] or "").replace(" ", "")
            comparator = _comparator(cue, m["post"] or "")
            score = rules.CONFIDENCE["base"] + (rules.CONFIDENCE["comparator"] if comparator != "exact" else 0) + (
                rules.CONFIDENCE["verb"] if cue or has_verb(view[clause.start : m.start()]) else 0)
            cand = Candidate(start=m.start("num"), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                             comparator=comparator, rules_fired=["ratio"], score=score, value=value,
                             unit=RATIO_UNIT, unit_as_written=doc.text[m.start("num") : m.end()].strip())
            if m.end() > clause.end:
                cand.sub_clauses.append(Span(clause.end, m.end()))
            if in_condition(view, sent, m.start("num")):
                cand.score += rules.CONFIDENCE["condition"]
                cand.rules_fired.append("condition")
            status_penalty(doc, para, sent, cand)
            taken.append((cand.start, cand.end))
            out.append(cand)
    return out
