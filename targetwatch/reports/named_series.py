"""A list of years whose indicator is named earlier in the sentence, then referred to by a count noun.

    自2017年国家开展科技型中小企业评价入库工作以来,我市入库企业数量由2017年的20家,飞速增长到2018年的40家、
    2019年的48家、2020年的102家、2021年的148家、2022年的191家和今年目前的196家。
    -> 科技型中小企业: 2017 20家, 2018 40家, 2019 48家, 2020 102家, 2021 148家, 2022 191家

(晋城市科技局's note, u32_sx_2023_jincheng_techsmes_tech, dev since round 23.) The catalogue's name stands in a clause
of its own with no figure (…开展科技型中小企业评价入库工作以来); a later clause of the same sentence counts the same
things by a count noun whose head repeats the name's (企业数量: 科技型中小企业 ends in 企业), with no catalogue name of
its own, and a list follows in which every figure states its year (2017年的20家 …). Each such figure is read as the
named indicator's level in its year, and its notes say how it was named. Read only when:

* the list has at least two figures, each `YYYY年(底|末)?的N unit`, all in one unit, years rising, joined only by
  、 , 和 及 与 and a verb of growth (增长到, 增加到, 提高到…);
* the count noun (数量, 总数, 家数, 个数, 数; after at most two characters, which must end the name) opens the list,
  and no other catalogue name nor number stands between the name's clause and it;
* the name is the last catalogue name before the count noun, and its own clause holds no figure.

A figure with no year of its own (今年目前的196家: part of a year) ends the list and stays quarantined.
Works on folded text (communique.py folds each sentence) and returns offsets into it.
"""

from __future__ import annotations

import re

from targetwatch.reports.grammar import CLAUSE_END, number_in
from targetwatch.reports.model import AliasMatch

# one item: 2017年的20家, 2022年底的191家 (the figure's year stated before it)
_ITEM = re.compile(r"((?:19|20)\d{2})年(?:底|末)?的")
# between two items: a separator and a verb of growth, nothing else (,飞速增长到 / 、 / 和)
_JOIN = re.compile(
    r"(?:,|、|和|及|与)?[^\d,、;。]{0,4}?(?:增长|增加|提高|上升|跃升|发展|攀升)?(?:到|至)?(?=(?:19|20)\d{2}年)"
)
# the count noun that refers back to the name, then 由/从 opening the list: 入库企业数量由
_COUNT_NOUN = re.compile(r"([\u4e00-\u9fff]{0,2}?)(数量|总数|家数|个数|数)(?:由|从)?$")


def _items(folded: str, start: int) -> list[tuple[int, int, int, str]]:
    """(number start, number end, unit end, year) of each item of a list of years opening at `start`."""
    out: list[tuple[int, int, int, str]] = []
    pos = start
    while (item := _ITEM.match(folded, pos)) is not None:
        found = number_in(folded[item.end() : item.end() + 16])
        if found is None or found[0] != 0 or found[3] != "level":
            break
        a, b, u = (item.end() + x for x in found[:3])
        if out and (int(item.group(1)) <= int(out[-1][3]) or folded[b:u] != folded[out[-1][1] : out[-1][2]]):
            break
        out.append((a, b, u, item.group(1)))
        join = _JOIN.match(folded, u)
        pos = join.end() if join else u
    return out


def named_series(
    folded: str, hits: list[AliasMatch], completed: dict[int, tuple[str, str]]
) -> dict[int, list[tuple[int, int, int, str]]]:
    """Add to `hits` (and `completed`) a hit over the count noun of each list of years whose indicator is named earlier
    in the sentence; returns each added hit's start -> the list's figures (number start, end, unit end, year)."""
    out: dict[int, list[tuple[int, int, int, str]]] = {}
    for first in _ITEM.finditer(folded):
        noun = _COUNT_NOUN.search(folded, 0, first.start())
        before = [h for h in hits if h.end <= first.start()]
        if noun is None or not before or before[-1].code is None or any(h.end > noun.start() for h in before):
            continue
        name, head = before[-1], noun.group(1)
        if head and not name.key.endswith(head):
            continue  # 人员数量 after an enterprise's name counts something else
        clause_end = m.start() if (m := CLAUSE_END.search(folded, name.end)) else len(folded)
        if clause_end > noun.start() or number_in(folded[name.end : clause_end]) is not None:
            continue  # the name must stand in a clause of its own, with no figure
        if re.search(r"\d", folded[clause_end : noun.start()]):
            continue
        items = _items(folded, first.start())
        if len(items) < 2 or noun.start() in out:
            continue
        written = folded[name.start : name.end]
        hits.append(AliasMatch(noun.start(), noun.end(2), name.code, name.key))
        said = folded[noun.start() : noun.end(2)]
        completed[noun.start()] = (written, f"{said} refers back to {written}, named earlier in the sentence")
        out[noun.start()] = items
    return out
