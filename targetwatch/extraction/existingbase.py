"""在现有…基础上 is where a target starts from, not a statement of where things stand.

Round 36 (issue 18). `rules.STATUS_WORDS` holds 现有 (现有企业120家: what exists now), and a figure whose sentence
has it before the figure is read as status (−0.60). But 在现有(…)基础上 frames a target on top of what exists: the
figure after it is the plan's (到2025年,在现有(含在建)机场基础上,新增布局机场136个; 电子商务交易额在现有基础上年均
增长30%以上). Counted in 2 development texts before the rule, the test half not read: the 2017 civil airports layout
plan news (first unseen-47: 新增布局機場136個, 規劃布局370個, 規劃建成約320個 held at 0.10-0.30) and 河北's 2014
rural e-commerce demonstration counties news (first unseen-40: 年均增长30%以上 at 0.20).

`lift` takes the status penalty back from a figure whose sentence, with every 在现有…基础上 taken out, holds no
status word, no 已达到-like verb in its clause and no 近三年-like span: then the frame was the only cue.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# 在现有基础上, 在现有(含在建)机场基础上: at most a short bracket or a noun between 现有 and 基础上, no clause break.
FRAME: Final = re.compile(r"在现有(?:[(（][^()（）]{0,8}[)）])?[^,，;；。()（）]{0,8}?基础上")


def lift(view: str, cands: list[Candidate]) -> None:
    """Undo `status_report` where 在现有…基础上 was the figure's only status cue (see the module's docstring)."""
    for c in cands:
        if "status_report" not in c.rules_fired:
            continue
        before = view[c.sentence.start : c.start]
        if FRAME.search(before) is None:
            continue
        rest = rules.BRACKETED.sub("", FRAME.sub("", before))
        if any(w in rest for w in rules.STATUS_WORDS) or rules.STATUS_DONE.search(view, c.clause.start, c.start) \
                or rules.PAST_SPAN.search(view, c.sentence.start, c.start):
            continue
        c.score -= rules.CONFIDENCE["status"]
        c.rules_fired.remove("status_report")
        c.rules_fired.append("existing_base")
        c.notes.append("在现有…基础上: a target's starting point, not status")
