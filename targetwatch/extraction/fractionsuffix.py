"""Round 53 (issue 18): 以上 / 以下 / 以内 / 左右 right after a fraction (三分之一以上, 1/4以内) is its comparator.

`rules.FRACTION` ends at the denominator, so the suffix after a fraction was left unread and the share kept its cue's
comparator or none: 宜春's 锂盐占国内市场份额三分之一以上 (yichun-2022-lithium-industry-news, first unseen-62) read
exact, 江西's 其中南昌占全省四分之一以上 (jiangxi-2021-manufacturing-14th-plan-news, first unseen-59) read exceed from
the clause before; both are annotated at least. The suffix is the fraction's own comparator, as after any figure
(`rules.AFTER_COMPARATOR`), and the figure's span takes it in. (The fraction in words is `wordfraction`'s.)
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

SUFFIX: Final = re.compile(r" {0,2}(?P<post>以上|以下|以内|左右)")


def suffix(view: str, cands: list[Candidate]) -> None:
    """Give each fraction the comparator of the suffix right after it (see the module docstring)."""
    for c in cands:
        if "fraction" not in c.rules_fired or (m := SUFFIX.match(view, c.end)) is None:
            continue
        c.comparator, c.end = rules.AFTER_COMPARATOR[m["post"]], m.end()
        c.rules_fired.append("fraction_suffix")
