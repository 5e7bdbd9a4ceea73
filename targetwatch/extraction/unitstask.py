"""Places given a task: 指导35个深度贫困县制定…方案, 150个贫困村结合实际编制…规划, 60个县(市)对接…平台.

Round 40 (issue 18). A count is read as a target when a target verb stands before it in its clause (建设, 达到 …) or,
since round 14, when it is the subject of a verb right after its unit (…,1.7万人取得证书: `rules.VERB_AFTER`). A
plan also counts the places that are to make a plan or join a platform, the verb after the places' name, and these
stayed at 0.40 (a plain figure), below the default:

- 指导35个深度贫困县制定旅游扶贫实施方案, 150个贫困村结合实际编制旅游扶贫公益规划 (甘肃's 2018 rural-tourism
  opinion news, first unseen-51; 指导 is no target verb);
- 60个县(市)对接秦创原创新驱动平台 (陕西's 2021 list of county targets, first unseen-51).

Counted in 2 development texts before the rule (3 targets); the test half not read. Of the development texts' counts
of places followed by a verb of doing, those with 开展 (在10个省22个县开展…试点, 10个县市开展整县推进) report work
under way and are not annotated; the rule reads only the verbs of a task with a product: 制定 / 编制 (a plan) and 对接
(joining). So: a figure of 个 read with no target verb (`target_verb`, `verb_after`), then (within eight characters,
no figure, no clause mark) a unit of place (`everyunit.UNIT`, perhaps with a bracketed alternative: 县(市)), then
(within six characters) 制定, 编制 or 对接, gains the verb's confidence as `rules.VERB_AFTER` gives it. The rule
(`units_task`) is in `rules.UNPROVEN_RULES`, below 0.9 until a fresh set has measured it.

Measured on the development side (596 texts, 2,294 targets): 3 of these matched, no false proposal added; with
the two rules beside it 2181 -> 2190 matched, false proposals 88 -> 88.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.everyunit import UNIT

_NOT_CLAUSE: Final = r"[^\d,，。;；:：、]"
TASK_AFTER: Final = re.compile(
    rf"{_NOT_CLAUSE}{{0,8}}?{UNIT}(?:\({_NOT_CLAUSE}{{1,4}}\))?{_NOT_CLAUSE}{{0,6}}?(?:制定|编制|对接)")
RULE: Final = "units_task"


def mark(doc: Document, figures: list[Candidate]) -> None:
    """Give the verb's confidence to each count of places that a task verb follows (see the module's docstring)."""
    view = doc.view
    for c in figures:
        if c.unit != "count" or not view[c.start : c.end].rstrip().endswith("个"):
            continue
        if {"target_verb", "verb_after", "verb_carried"} & set(c.rules_fired):
            continue
        if TASK_AFTER.match(view, c.end, c.clause.end):
            c.score += rules.CONFIDENCE["verb"]
            c.rules_fired.append(RULE)
