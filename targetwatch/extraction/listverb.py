"""Round 53 (issue 18): in a list opened by 包括 (支持, 围绕 …), items after a first item with its own verb share it.

`figures` weighs a figure in a list after an opener (支持A、B、C等3家企业, 包括…) as an enumeration (−0.35): the
opener names examples, and a figure in a later item, with no verb of its own, is one of them. Where the first item
after the opener carries a target verb of its own, the later items are that verb's objects, as in a list with no
opener. 江苏's 2023 “十百千万” talent plan news, in two copies (jiangsu-2023-talent-plan-news and its traditional
copy, first unseen-56; one news item, so one source): 建成用好百强载体,包括每年新建100个博士后创新实践基地、
20个省级技能大师工作室、10个省级乡村人才示范基地等 and 培育选拔千名以上领军人才,包括每年培育900名卓越工程师、
100名卓越技师… (annotated each; the later items were held at 0.25, eight misses). So the enumeration weight is not
given when the first item after the opener has a target verb (`figures.has_verb`); an opener with examples and no
such verb (支持A、B、C等3家企业) keeps it. One other development text is touched: 台州 2008's 包括年培育500萬株…
育苗區、…4500平方米的蔬菜塑料大棚區等 (taizhou-2008-agri-science-parks-news-trad, first unseen-60), whose 4500平方米
now comes in at 0.70 (a park's size, not annotated: a false proposal).
"""

from __future__ import annotations

from collections.abc import Callable

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import STRIP_HEAD


def first_item_has_verb(before: str, has_verb: Callable[[str], bool]) -> bool:
    """Whether the list's first item, after its opener and up to the first 、, carries a target verb of its own."""
    head = before.lstrip(STRIP_HEAD)
    word = next((w for w in rules.ENUMERATION_OPENERS if head.startswith(w)), "")
    return has_verb(head[len(word) :].split("、")[0])
