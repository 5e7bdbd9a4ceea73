"""Round 27 (issue 18): a limit raised or set is a parameter of a rule, not a target.

高唐's loans note (将符合条件的个人小额担保贴息贷款额度统一提高到10万元, …贷款额度由原来的200万元提高到300万元) and a
youth-startup template (将贷款额度提升至300万元) change how much one borrower may get: the amount is the rule's own
setting, the same for every loan, and no state of the world the plan sets out to reach. The three figures were proposed
at 0.60 (the 将 before them reads as intent); 长沙's 最高额度统一调整为10万元 was already held down as a grant.

A figure whose clause names 额度 (a limit, a quota) and then, before the figure, changes it (由 / 从 …, 提高 / 提升 /
上调 / 调整 / 放宽 到 / 至 / 为) is dropped after the walk, like `ownresults`' counts of a text's own parts. A volume of
loans issued (新增贷款5亿元以上, 贷款额度超过…放贷总额) names no such change and stays.
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document

LIMIT_CHANGED: Final = re.compile(
    r"额 {0,2}度[^,;。\d]{0,8}?(?:由|从|(?:统一|进一步|相应)?(?:提高|提升|上调|调整|放宽)(?:到|至|为))")


def limit_changed(doc: Document, c: Candidate) -> bool:
    """The figure's clause raises or sets a limit (额度…提高到 / 额度由…) before the figure."""
    return c.value is not None and LIMIT_CHANGED.search(doc.view, c.clause.start, c.start) is not None


def drop(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """The candidates without the limits a rule raises or sets (see the module's docstring)."""
    return [c for c in cands if not limit_changed(doc, c)]
