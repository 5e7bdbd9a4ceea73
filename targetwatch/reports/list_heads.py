"""New ones counted in a list headed by 新增 (issue 17, round 33): every count of the list is a flow, not a stock.

    新增省级军民融合产业示范基地1家、省级以上众创空间13家、院士工作站16家、博士后工作站20家、高新技术企业716家
        宁波市's early-2018 work report reviewing 2017 (u42_nb_2017_gwr_chinagate, unseen-42, dev since round 33):
        716 and 16 were read as the 2017 stocks of high-tech enterprises and academician workstations (given to the
        nation in the catalogue run, to 宁波 in the widened one)
    2017年新增国家级科技企业孵化器培育单位2家、省级众创空间2家、市级科技企业孵化器2家、市级众创空间1家
        湛江市 (u40_zj_2017_st_cucuw, dev since round 31): the second 2 was read as 湛江's 2017 provincial maker spaces

The communiqué reader already refuses a count with the flow word right before its name (stock_totals.FLOW_BEFORE) and
carries that refusal over a list (communique.py: "continues a list of new ones"), but only from a first item that is
itself a catalogue name; when the list opens with something the catalogue does not name (示范基地, 培育单位) or an
item refused for another reason first, the later items were read as levels. Here the verb at the head of the clause
covers every item of the 、-list it opens, each item a count with its unit. Not a head: 新增 in 城镇新增就业 (a name),
and a list the clause closes before (a comma or 。 ends the clause: 新增…2家,全市共有…10家 keeps the stock).
Nor an item that states its own stock (fix17b's review of beb2c27):
新增院士工作站2家、全市高新技术企业总数达到716家 (SYNTHETIC): 716 is the whole (总数, 总量, 累计 after the name;
or 达到/达 after it with the place's own word 全市 before it), not a new one.
"""

from __future__ import annotations

import re

from targetwatch.reports.model import AliasMatch
from targetwatch.reports.stock_totals import FLOW_BEFORE

# the flow verb of stock_totals (新增, 新培育, 新引进, 新建, with 认定 or 了), not inside a name (城镇新增就业)
_VERB = FLOW_BEFORE.pattern.removesuffix("$")
# the verb, then one or more items ended by a count and its unit and a 、, then the current item's words before its
# name (a grade, 国家级, 省级以上): all within one clause (no , ; 。 : between)
_HEAD_OF_LIST = re.compile(
    rf"(?<!城镇)(?P<verb>{_VERB})(?!就业)(?:[^,;。:、]*?\d+(?:\.\d+)?\s*万?\s*[家个项件户所座名]\s*、)+[^,;。:、\d]{{0,12}}$"
)


# an item's own stock word after its name (总数达到716家, 累计716家), or a reaching verb after it when the place's own
# word opens the item (全市高新技术企业达到716家): the item counts the whole, not new ones
_ITEM_END = re.compile(r"[,;。:、]")
OWN_TOTAL = re.compile(r"总数|总量|累计")
_OWN_WORD = re.compile(r"(?:全市|全省|全区|全县|全国|我市|我省|我区|我县)")
_REACHES = re.compile(r"达到|达")


def _states_own_stock(folded: str, item_start: int, name_start: int) -> bool:
    """True if the list item from `item_start` (its name at `name_start`) states a total of its own."""
    end = m.start() if (m := _ITEM_END.search(folded, name_start)) else len(folded)
    after = folded[name_start:end]
    return OWN_TOTAL.search(after) is not None or (
        _OWN_WORD.search(folded, item_start, name_start) is not None and _REACHES.search(after) is not None
    )


def new_list_head(folded: str, name_start: int) -> str | None:
    """The flow verb heading the 、-list whose item names the indicator at `name_start` (folded sentence), else None."""
    m = _HEAD_OF_LIST.search(folded, 0, name_start)
    return None if m is None else m.group("verb")


def own_stock_items(folded: str, hits: list[AliasMatch]) -> set[int]:
    """The starts of the hits whose item (from the 、 or clause mark before it) states its own stock: no flow verb
    heading their list, or carried over it, makes them new ones."""
    marks = [m.end() for m in _ITEM_END.finditer(folded)]
    return {
        hit.start
        for hit in hits
        if _states_own_stock(folded, max((e for e in marks if e <= hit.start), default=0), hit.start)
    }
