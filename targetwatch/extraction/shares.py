"""A share written before its noun: the share of units that reach the state the verb after the noun names.

Round 30 (issue 18): 甘肃's 2016 targets write 30%的乡(村)建成电子商务服务站(点) and 90%的行政村通宽带, a
county's 2024 report 力争实现20%的村集体年收入超30万元 — the figure comes first, then 的, its noun and the verb that
makes it a target, so no target verb stands before it in the clause and the figure was left below the default
confidence. Counted in 2 development texts before the rule (the two above; only 90%的行政村通宽带 is lifted to a
proposal: the 30% also carries a per-unit penalty, the county's 20% is no candidate). The verb after the noun lifts
the share as a verb before it would; a status word in the sentence (已有60%的行政村通宽带) is handled by the status
rules as for any figure.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# 的, a noun of up to 8 characters without a figure or clause mark (乡(村), 行政村, 村集体年收入), then the state
# reached.
SHARE_OF_UNITS: Final = re.compile(r" {0,2}的[^\d,，。;；、:：]{1,8}?(?:建成|通|实现|达到|覆盖|拥有|开展|建立)")


def lift(view: str, cands: list[Candidate]) -> None:
    """Raise each percentage share followed by 的, its noun and a verb of reaching, where no verb stood before it."""
    for c in cands:
        if c.unit != "percent" or {"target_verb", "verb_after"} & set(c.rules_fired):
            continue
        if SHARE_OF_UNITS.match(view, c.end):
            c.score += rules.CONFIDENCE["verb"]
            c.rules_fired.append("share_of_units")
