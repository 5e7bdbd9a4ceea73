"""A level of output stated as a target (粮食综合生产能力稳定在5000亿公斤以上) is not a plant's capacity.

Round 37 (issue 18). Round 10 read a measure after 年产 / 产能 / 年出栏 (`measures.CAPACITY_BEFORE`) as the size of a
plant or product (年产10万吨…生产线, 10万吨/年水性树脂: −0.60), because such a figure sizes the thing named after
it. Two development texts (the test half not read) state a whole economy's output as its target with the same words:
the 2008 grain-security plan news (first unseen-48: 到2010年糧食綜合生產能力穩定在5000億公斤以上 at 0.30; 生产能力
holds 产能) and a county's 2022 agriculture actions (first unseen-43: 年出栏生猪18.5万头以上。 at 0.20). In both the
figure carries a comparator suffix (以上 / 左右 / 以内) and closes its clause: nothing follows that it could size.

`lift` takes the capacity penalty back from such a figure only; a capacity followed by its product, by 的 or by /年,
or one without a suffix (项目年产10万吨, a plant's rating), keeps it.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# A comparator suffix ending the figure (blanks of a mirror's reading allowed), then the clause's end.
SUFFIX_THEN_END: Final = re.compile(r"(?:以 {0,8}[上内]|左 {0,8}右) {0,2}$")
CLAUSE_END: Final = re.compile(r" {0,2}(?:[,，;；。、!！\n]|$)")


def lift(view: str, cands: list[Candidate]) -> None:
    """Undo `capacity` for a figure that ends in 以上 / 左右 / 以内 and closes its clause (see the docstring)."""
    for c in cands:
        if "capacity" not in c.rules_fired:
            continue
        if SUFFIX_THEN_END.search(view[c.start : c.end]) is None or CLAUSE_END.match(view, c.end) is None:
            continue
        c.score -= rules.CONFIDENCE["category_threshold"]
        c.rules_fired.remove("capacity")
        c.rules_fired.append("output_level")
        c.notes.append("a level of output with its comparator, closing its clause: a target, not a plant's size")
