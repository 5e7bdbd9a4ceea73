"""Round 48 (issue 18): 突破 before a count of technologies is the verb of the task, not a comparator.

突破 before a figure usually says the figure is to be passed (高新技术企业突破200家: exceed, `rules.COMPARATOR_CUES`).
Before a count in 项 of technologies, though, 突破 is what is done to each of them (to achieve a breakthrough in):
突破百项前沿关键核心技术 (the seven ministries' 2024 opinion on future industries, first unseen-59) is a hundred
technologies broken through, exact; 每年突破20项以上关键核心和共性技术 (山西's 十四五 new-materials plan, first
unseen-58) is annotated with its own 以上 (at least), not as passing 20. So when the figure's unit is 项, 突破 stands
right before it, and the noun after it in its clause names 技术 (technologies), the comparator is the figure's own
(exact, or what a suffix such as 以上 already said) and the explicit-comparator weight 突破 had earned is taken back.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# 突破 right before the figure (blanks of a PDF allowed), and 技术 after it in the clause.
BEFORE: Final = re.compile(r"突破 {0,2}$")
TECHNOLOGIES: Final = "技术"


def unmark(view: str, cands: list[Candidate]) -> None:
    """Set each count of technologies after 突破 back to exact (see the module docstring)."""
    for c in cands:
        if c.comparator != "exceed" or c.unit_as_written not in ("项", "項") or not c.rules_fired \
                or c.rules_fired[0] != "prefix_exceed":
            continue
        if BEFORE.search(view, c.clause.start, c.start) and TECHNOLOGIES in view[c.end : c.clause.end]:
            c.comparator = "exact"
            c.score -= rules.CONFIDENCE["comparator"]
            c.rules_fired.append("breakthrough_of_technologies")
