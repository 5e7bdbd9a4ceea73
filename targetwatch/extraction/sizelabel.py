"""A size label as a goal: 打造百亿元苹果产业, 建成GDP百亿县 (an industry or a county of that size, the amount a floor).

Round 40 (issue 18). A plan often names its goal by the size of what it builds, the amount written as a magnitude
word with no digits (百亿元, GDP百亿): the corpus annotates such a label as the amount it names, at least that many
yuan. The rules read no figure there (`rules.FIGURE` wants digits), so these were missed:

- 延安市洛川县打造百亿元苹果产业 (the title), “一业”即打造百亿元产业, 努力打造“百亿元产业”
  (洛川's 2015 apple-industry news, first unseen-51);
- 到‘十四五’末建成GDP百亿县 (临泽's 2022 science plan, first unseen-34).

Counted in 2 development texts before the rule; the test half not read. The development texts also write sizes that
are *classes*, not amounts, and are not annotated; the rule reads none of them:

- a tier written 级 (打造现代制造业千亿级产业集群, 若干万亿级优势产业, 两大万亿级产业集群): 级 names a class;
- a magnitude with neither 元 nor an aggregate before it (培育成为千亿产业, 千亿产业): no amount is stated;
- a class with a count after it (培育形成旅游总收入千亿元地级市3个, 百亿元县市区30个): the count is the target and is
  read by the rules for figures; 以上 / 以下 after the amount (百亿元以上产业集群) says what is counted;
- a size in a clause with no verb of building before it (千亿元产业由7个增加到17个): a statement, not a goal;
- a magnitude after 超 / 过 / 逾 / 上 / 数 / 几 / 若干 or after a count (2个500亿级): a class or an order of size.

So the rule reads, in one clause, a verb of building (打造, 建成, 建设, 培育, 形成, 成为) and then, within eight
characters, a magnitude (十亿 / 百亿 / 千亿 / 万亿) written after GDP, 产值 or 收入 or followed by 元, then the
industry, cluster, county or city it sizes (up to six characters, quotation marks allowed), with no 级 / 以上 / 以下
after the amount and no count after the noun. The value is the magnitude in yuan, at least (a floor: 百亿元产业 is an
industry of ten billion yuan or more). Status words penalise it as any construct; the rule (`size_label`) is in
`rules.UNPROVEN_RULES`, below 0.9 until a fresh set has measured it.

Measured on the development side (596 texts, 2,294 targets): 4 of these matched (洛川's three, 临泽's one), no
false proposal added; with the two rules beside it 2181 -> 2190 matched, false proposals 88 -> 88.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.counts import candidate
from targetwatch.extraction.text import Paragraph, Sentence, Span

MAGNITUDES: Final[dict[str, float]] = {"十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}
_QUOTE: Final = "“”\"‘’'「」『』"
_NOT_CLAUSE: Final = r"[^\d,，。;；:：、]"
# A verb of building, then (within eight characters, no figure) the size label: GDP百亿县, 百亿元苹果产业, “百亿元产业”.
LABEL: Final = re.compile(
    rf"(?:打造|建成|建设|培育|形成|成为)(?P<gap>{_NOT_CLAUSE}{{0,8}}?)[{_QUOTE}]?"
    rf"(?P<agg>gdp|产值|收入)? {{0,2}}(?P<mag>十亿|百亿|千亿|万亿)(?P<yuan>元)?(?!级|以上|以下|左右)"
    rf"(?P<noun>[^\d,，。;；:：、{_QUOTE}]{{0,6}}?(?:产业|集群|强县|县|城市|城|市))[{_QUOTE}]?")
# Right before the magnitude: an order of size or a class (超百亿元, 数千亿, 若干万亿级), or a count (2个500亿级).
NOT_AN_AMOUNT: Final = re.compile(r"(?:超|过|逾|上|数|几|若干|个|大|家)$")
# After the noun, before the clause ends: a count of such units (千亿元地级市3个, 百亿元县市    区30个): a class.
COUNT_AFTER: Final = re.compile(rf"{_NOT_CLAUSE}{{0,8}}?\d+ {{0,2}}(?:个|家|座|所)")
RULE: Final = "size_label"
_SCORE: Final = rules.CONFIDENCE["base"] + rules.CONFIDENCE["comparator"] + rules.CONFIDENCE["verb"]


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """Each size label after a verb of building in the clause, as its amount in yuan, at least (see the module's
    docstring)."""
    view = doc.view
    out = []
    for m in LABEL.finditer(view, clause.start, clause.end):
        if not (m["yuan"] or m["agg"]):
            continue  # 千亿产业: no amount stated
        if NOT_AN_AMOUNT.search(view[m.start("gap") : m.start("mag")].rstrip(_QUOTE + " ")):
            continue
        if COUNT_AFTER.match(view, m.end("noun"), clause.end):
            continue
        start = m.start("agg") if m["agg"] else m.start("mag")
        out.append(candidate(doc, para, sent, clause, start, m.end("noun"), "at_least", MAGNITUDES[m["mag"]], "yuan",
                             m["mag"] + (m["yuan"] or ""), _SCORE, RULE,
                             "size label: " + view[start : m.end("noun")] + " (the amount it names, at least)"))
    return out
