"""A list of items ending with ; whose first item opens with a goals lead and a comma (谈到今年的目标,…;…;…) is one list
of goals, as one after a colon is.

Round 45 (issue 18). Since round 11 a colon that opens a list of items ending with ; (主要预期目标建议为:…;…;…) carries
its lead to every item (`evidence._lead_start`, `rules.LIST_LEAD`); without the colon the lead reached only the next
`rules.LEAD_SENTENCES` sentences, and in a text read as a report the items after them lost their forward evidence
(`report_document`, −0.50). Counted in the development texts before the rule, the test half not read: 龙泉驿区's 2015
science targets (first unseen-56: 谈到今年的目标,龙泉驿区科技局局长王丰华表示,要争取国家、省、市立项70项,争取经费
2.5亿元;…;新增高新技术企业、创新型企业20家;…: ten items from the third on at 0.10-0.30), 果洛州's 2023 work report
news (first unseen-53: 果洛州划定发展预期目标,地区生产总值增长3%;全社会固定资产投资增长7%;…: four items at
0.10-0.30); 江西's 2024 science work points (明确主要目标,力争…;…) and the 2024 NPC report charts
(提出今年的主要预期目标,包括…;…) open their lists the same way.

The lead is 目标 and at most six more characters before a comma in the list's first item (今年的目标, / 预期目标, /
主要目标, / 主要预期目标,); a 目标 that is reported met (主要目标任务圆满完成,诸如:…) opens no list of goals. Only the
reach of the lead changes: whether an item looks forward is still `evidence.forward`'s reading of the lead's words.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules

# 目标, up to six characters that are not punctuation, then a comma; not a goal met (目标任务圆满完成,).
GOALS_LEAD: Final = re.compile(r"目标(?![^,，;；。:：\n]{0,6}?(?:完成|实现|达成))[^,，;；。:：\n]{0,6}?[,，]")


def opens_list(view: str, start: int, end: int) -> bool:
    """Whether the first item of a list ending with ; (view[start:end]) carries its lead to every item: a colon in
    it (round 11), or a goals lead before a comma (see the module's docstring)."""
    return bool(rules.LIST_LEAD.search(view, start, end) or GOALS_LEAD.search(view, start, end))
