"""Round 48 (issue 18): a share written 百分之N (per cent in words before the number) is N percent.

`rules.FIGURE` reads a number with its unit after it (26%); 百分之 puts the unit before the number, as formal and
Hong Kong writing does: 森林覆蓋率達到百分之26以上 (山西's 2020 forest-chief opinion news, first unseen-43: at least 26
percent by 2025) and 研發開支佔生產總值的比例…提升至百分之1 (Hong Kong's 2017 advisory council, first unseen-59:
exact 1 percent). It is read only right after a verb that sets a level (达到, 提升至, 提高到, 保持在, 不低于,
超过 …): a share stated as it stands (制造业也只占生产总值百分之一, 由现在的百分之0.76) has no such verb before it and
stays unread. The comparator is the suffix's (以上 at least, 以下 / 以内 at most, 左右 about), else the verb's
(达到 / 不低于 at least, 超过 / 突破 exceed), else exact (提升至 a level named, as 提高到60% is read). The deadline is
placed by the walk as for any figure; the confidence is the base, the verb and an explicit comparator, held below
the top band (`rules.UNPROVEN_RULES`) until a fresh set has measured the rule.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, number
from targetwatch.extraction.counts import candidate
from targetwatch.extraction.text import Paragraph, Sentence, Span

PERCENT_WORDS: Final = re.compile(
    r"(?P<verb>达到|达|提升至|提升到|提高至|提高到|增加至|增加到|上升至|上升到|保持在|稳定在|不低于|不少于|超过|突破)"
    rf" {{0,2}}百分之 {{0,2}}(?P<num>{rules.NUMBER})(?P<post> {{0,2}}(?:以上|以下|以内|左右))?")
# the verbs' comparators are rules.py's: a fraction's cues (超 never matches <verb> above) and the prefix cues (突破)
_VERB_COMPARATOR: Final[dict[str, str]] = {
    **rules.FRACTION_CUES,
    **{w: c.comparator for c in rules.COMPARATOR_CUES if c.rule == "prefix_exceed" for w in c.words},
}
RULE: Final = "percent_in_words"


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span, found: list[Candidate]) -> list[Candidate]:
    """The shares written 百分之N in the clause that no other finder read (see the module docstring)."""
    out = []
    for m in PERCENT_WORDS.finditer(doc.view, clause.start, clause.end):
        if any(c.start < m.end() and m.start("num") < c.end for c in found):
            continue
        try:
            value = number(m["num"])
        except ValueError:
            continue
        post = (m["post"] or "").strip()
        comparator = rules.AFTER_COMPARATOR.get(post) or _VERB_COMPARATOR.get(m["verb"], "exact")
        score = rules.CONFIDENCE["base"] + rules.CONFIDENCE["verb"] + (
            rules.CONFIDENCE["comparator"] if comparator != "exact" else 0)
        c = candidate(doc, para, sent, clause, m.start("num") - 3, m.end(), comparator, value, "percent", "百分之",
                      min(score, rules.UNDATED_CAP), RULE)
        out.append(c)
    return out
