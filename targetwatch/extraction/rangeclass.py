"""Round 52 (issue 18): a range followed by 的 says which things are meant, it is no level to reach.

`rules.CONFIDENCE["category_threshold"]` takes the weight off a figure that qualifies what is counted
(300人以上的企业20家). A range qualifies the same way when 的 follows it, and was proposed as a target of its own in
two development texts:

- 福建's 2020 rural-environment targets (fujian-2020-rural-environment-targets-news, first unseen-63):
  基本完成供水人口200至1000人的饮用水水源保护范围的划定 (sources serving 200 to 1000 people; proposed as a range at
  0.90, not annotated: the target is the work, not a figure);
- 绵阳's 2012 pig plan (mianyang-2012-pig-12th-plan-news, first unseen-50): 10万头~20万头的达50个 (a size class of
  farms; read as one range by `unitrange`, its low end was proposed at 0.70).

So a range in a unit other than per cent whose end is followed by 的 (blanks of a PDF or a reading allowed) gets the
category threshold's weight. A per cent range followed by 的 is left alone: it is mostly the size of the thing named
after it (the seeds' 给予其6%-10%的价格扣除, a deduction of that size, annotated as a range), and the one development
text where it is not (the 2016 work report news, first unseen-25: 有6.5%-7%的增速就能够实现比较充分的就业, a growth
that would suffice, proposed at 0.60) is a hypothetical, not a class. No annotated development target is a range in
another unit followed by 的 (the development texts hold two more such ranges, none annotated: 河北 2022's
提升5-9位的县 / 提升1-4位的县, counts of counties by how far they rose, below the bar).

A range before 的目标, 的水平 or 的规模 is the level itself (力争实现产值3000亿元至3500亿元的目标), not a class of
things: it is left alone (second review of round 53: that sentence gave no proposal at all, the joined range falling
to 0.10 at 的).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# …的目标 / 的水平 / 的规模 name the level itself (实现3000亿元至3500亿元的目标): the range is the goal, no class.
OF_AFTER: Final = re.compile(r" {0,8}的(?! {0,2}(?:目标|水平|规模))")
RULE: Final = "range_class"


def demote(view: str, cands: list[Candidate]) -> None:
    """Weigh a range followed by 的 as a category threshold (see the module docstring)."""
    for c in cands:
        if c.comparator != "range" or c.unit == "percent" or RULE in c.rules_fired or not OF_AFTER.match(view, c.end):
            continue
        c.score += rules.CONFIDENCE["category_threshold"]
        c.rules_fired.append(RULE)
        c.notes.append("a range followed by 的 says which things are meant: no level to reach")
