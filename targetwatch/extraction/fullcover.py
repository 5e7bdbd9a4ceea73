"""A share of 100 written before 覆盖: every unit covered, so at least 100 percent, a coverage target.

Round 31 (issue 18): 浙江's 2020 互联网+农产品出村进城 opinion writes 到2022年,浙江要实现乡镇网络销售服务网点100%覆盖,
and the figure was read as exact 100 percent where the annotation (as for 实现…全覆盖 with no figure, figures.py) has
coverage at least 100 percent: no share can exceed the whole, so 100%覆盖 is the floor reached, not a point to hit.
Counted in 2 development texts before the rule (zhejiang-2020-agri-products-online-news, first unseen-38, and
zhejiang-2020-agri-products-online-opinion-news, first unseen-41: two outlets' reports of the opinion). A share below
100 (80%覆盖) keeps its comparator, and 覆盖率 (the rate as a noun: 覆盖率达到100%) is read by the rules as before.
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate

# 覆盖 straight after the figure's per cent (a blank or two allowed, as a PDF spaces it), but not the noun 覆盖率.
COVERED: Final = re.compile(r" {0,2}(?:全)?覆盖(?!率)")


def floor(view: str, cands: list[Candidate]) -> None:
    """Read 100%覆盖 as coverage, at least 100 percent, where it was read as exactly 100 percent."""
    for c in cands:
        if c.unit == "percent" and c.value == 100.0 and c.comparator == "exact" and COVERED.match(view, c.end):
            c.kind, c.comparator = "coverage", "at_least"
            c.rules_fired.append("full_coverage_share")
            c.notes.append("coverage: every unit (100%覆盖)")
