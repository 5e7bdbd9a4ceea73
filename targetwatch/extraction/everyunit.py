"""Coverage written without 全覆盖: every unit having one, or all units covered, as a target with no figure.

Round 39 (issue 18). The rules read coverage as 实现 / 推动 …全覆盖 (`rules.COVERAGE_GOAL`), as 100%覆盖
(`fullcover.py`), and as a count for each unit after a build verb (每个开发区建立1家, `rules.COVERAGE`). The corpus
annotates three more ways of saying that every unit is covered as coverage, at least 100 percent
(`policies/README.md`, unseen-50's conventions: 每个…有, 覆盖所有, 基本覆盖), and the rules read none of them:

- every unit *having* one, with no figure: 实现每个村民小组有家庭农场, 每个行政村有示范场, 每个乡镇有省级示范场
  (四川's 2020 family-farm news, first unseen-50);
- every unit building *one*, the one written as a character, and a list of such ones after it:
  力争每个县区建立一条创业街,一个创业园 (永州's 2011 entrepreneurial-city plan, first unseen-28: two rows);
- all the units covered: 将提前3年实现农家书屋覆盖全省所有行政村, 到2015年基本覆盖全国的行政村, 屆時…将覆盖全省的
  所有行政村 (安徽's 2010 farm-bookstore news, first unseen-50), 培育工作覆盖所有的农业县 (the 2020 national plan for
  new farm businesses, first unseen-50).

Counted in 4 development texts before the rule (and 都建有1所, 杭州's 2005 preschool opinion, first unseen-43, read by
`rules.COVERAGE`'s build verbs, which gain 建有); the test half not read. Each is read only in a clause with no
figure of its own (a figure there is read by the rules for figures: 每个乡镇都建有1所, 覆盖全省50%的行政村), and like
`figures._coverage_goals` only where the sentence states a figure or a deadline or a word of intent (a bare
每个村都有… in a description is no goal). The unit must name a place or a body (县, 乡, 镇, 村, 社区, 学校 …), so
每个人都有… is not read; a status word before it (截至2022年底,5G网络覆盖所有县城城区) takes the status penalty
as any construct does. The view is folded (simplified script, half-width), and a mirror's reading blanks between
characters (覆盖全     国的行政村) are allowed as `rules.COVERAGE_GOAL` allows them. Being new, the three rules
(`each_unit_has`, `each_unit_one`, `all_units`) are in `rules.UNPROVEN_RULES`: below 0.9 until a fresh set has
measured them.

Measured on the development side: 2071 -> 2079 matched of 2185, 2156 -> 2164 proposed, false proposals 85 -> 85.
Left: 安徽's two after 按照当前…的建设进程 (当前 is a status word of the rules; one text) and the national plan's
覆盖所有的农业县 (its stored sentence is cut and states no figure, deadline or intent).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, deadlines
from targetwatch.extraction.figures import status_penalty
from targetwatch.extraction.text import Paragraph, Sentence, Span

_GAP: Final = " {0,8}"  # a mirror's reading blank between two characters


def _spaced(word: str) -> str:
    """`word` with a reading blank allowed between its characters."""
    return _GAP.join(re.escape(ch) for ch in word)


# A unit of a place or a body: what 每个 counts when every one of them is to have something.
UNIT: Final = r"(?:县|市|区|乡|镇|街道|村|社区|小组|学校|园区|开发区)"
_NO_FIGURE: Final = r"[^\d,，;；。、]"
# 每个村民小组有家庭农场, 每个乡镇都要有…: the unit (its name ends in a place or body: 村民小组, not 村民), then 有.
EACH_HAS: Final = re.compile(
    rf"每(?:一)?个{_NO_FIGURE}{{0,8}}?{UNIT}(?:都|均)?(?:要)?(?:建)?有(?!效|序|力|所)"
    rf"{_NO_FIGURE}{{1,12}}")
# 每个县区建立一条创业街: one of a thing for every unit, the one written as a character.
EACH_ONE: Final = re.compile(
    rf"每(?:一)?个{_NO_FIGURE}{{0,8}}?{UNIT}(?:都|均)?(?:要)?"
    rf"(?:建立|建设|建成|设立|打造|建有|拥有|有)一(?:个|条|所|家|处|座)(?!{_NO_FIGURE}{{0,3}}(?:以上|左右))"
    rf"{_NO_FIGURE}{{1,12}}")
# 一条 / 一个: the one thing each unit is to have, which `rules.FIGURE` matches as a figure of one.
ONE: Final = re.compile(r"一(?:个|条|所|家|处|座)")
# ,一个创业园: the next item of that list, one more thing for every unit, with no verb of its own.
ONE_MORE: Final = re.compile(rf"[ \u3000]*一(?:个|条|所|家|处|座){_NO_FIGURE}{{1,12}}")
# 覆盖全省所有行政村, 覆盖所有的农业县, 基本覆盖全国的行政村: all the units covered.
ALL_COVERED: Final = re.compile(
    rf"(?:基本{_GAP})?{_spaced('覆盖')}{_GAP}(?:全{_GAP}[国省市县区]{_GAP}(?:的{_GAP})?)?所{_GAP}有{_GAP}(?:的{_GAP})?"
    rf"{_NO_FIGURE}{{0,8}}?{UNIT}"
    rf"|基本{_GAP}{_spaced('覆盖')}{_GAP}全{_GAP}[国省市县区]{_GAP}(?:的{_GAP})?{_NO_FIGURE}{{0,8}}?{UNIT}")
_MARKS: Final = " \u3000,，;；。、"
# A character each reading needs in the clause: 每 (EACH_HAS, EACH_ONE), 覆 (ALL_COVERED), 一 (ONE_MORE).
_NEEDED: Final = "每覆一"
_SCORE: Final = rules.CONFIDENCE["base"] + rules.CONFIDENCE["comparator"] + rules.CONFIDENCE["verb"]


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """Every unit having one (每个村民小组有家庭农场, 每个县区建立一条创业街,一个创业园) or all units covered
    (覆盖全省所有行政村), in a clause with no figure: coverage, at least 100 percent (see the module's docstring)."""
    view = doc.view
    text = view[clause.start : clause.end]
    if not any(ch in text for ch in _NEEDED):
        return []  # none of the readings below can match: spare the clause the figure and deadline searches
    if any(not ONE.fullmatch(m.group()) for m in rules.FIGURE.finditer(view, clause.start, clause.end)):
        return []  # a figure of its own: read by the rules for figures
    if not (rules.FIGURE.search(view, sent.start, sent.end) or deadlines(view, sent, doc)
            or rules.INTENT.search(view, sent.start, clause.end)):
        return []  # a description (每个村都有…), not a goal
    out = []
    for pattern, rule in ((EACH_HAS, "each_unit_has"), (EACH_ONE, "each_unit_one"), (ALL_COVERED, "all_units")):
        for m in pattern.finditer(view, clause.start, clause.end):
            out.append(_candidate(doc, para, sent, clause, m.start(), m.end(), rule))
    m = ONE_MORE.match(view, clause.start, clause.end)
    if not out and m and not view[m.end() : clause.end].strip(_MARKS) and _after_each_one(view, sent, clause):
        out.append(_candidate(doc, para, sent, clause, m.start(), m.end(), "each_unit_one"))
    return out


def _after_each_one(view: str, sent: Sentence, clause: Span) -> bool:
    """The clause before this one, in the same sentence, gave one of a thing to every unit (每个县区建立一条…)."""
    before = view[sent.start : clause.start].rstrip(_MARKS)
    last = max(before.rfind(","), before.rfind("，"), before.rfind("、"))
    return EACH_ONE.search(before, last + 1) is not None


def _candidate(doc: Document, para: Paragraph, sent: Sentence, clause: Span, start: int, end: int,
               rule: str) -> Candidate:
    cand = Candidate(start=start, end=end, sentence=sent, paragraph=para, clause=clause, comparator="at_least",
                     rules_fired=[rule], score=_SCORE, value=100.0, unit="percent", kind="coverage")
    cand.notes.append("coverage: every unit (" + doc.view[start:end].replace(" ", "") + ")")
    status_penalty(doc, para, sent, cand)
    return cand
