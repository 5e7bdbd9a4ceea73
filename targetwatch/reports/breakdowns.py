"""Cities' figures in a breakdown of a whole (round 25 of issue 17).

A province's (or a group's) figure is often followed by its parts, city by city, with the indicator named only once:

    3市全年实现技术合同成交总额405.09亿元,占全省的82.56%。其中,长沙市233.82亿元、株洲市105.61亿元、湘潭市65.66亿元。
    (u11_hn_2019_techcontracts, dev since round 11: the whole is named in the sentence before)

    从地区分布看,银川市170 家、石嘴山市 79 家,分别占全区高新技术企业总量的47.75%、 22.19%。
    (u33_nx_2021_hte_fx361, dev since round 24: the whole is named after the list, in the parts' shares of it)

Each city's figure is that city's level of the whole's indicator; the readers left them "not recognised". Read only
when:

* the sentence opens with a word that announces parts (其中, 从地区(分布)看, 分地区看, 分市州看…) and then a list of at
  least two items `<name>市<figure>`, joined by 、, all in one unit, each a level (no bound, change or multiple);
* the indicator is either (a) named right after the list in the parts' shares of the whole (`分别占全区…总量的…%`), or
  (b) the last catalogue name of the sentence before, with a figure after it in the same unit that is at least the
  sum of the parts (so the list is a breakdown of that figure and not of something else), and no qualifier
  (grammar.QUALIFIER: 其中, 高校, 规模以上…) before that name in its clause.

The indicator is an inference from the whole's name: each row's notes say so (`named … in a breakdown of …`). A name
is a city's only as named_places.names_a_city says (not 全市, 各市, 城市…); a county (湘潭县) is never one. Works on
folded text (communique.py folds each sentence) and returns offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from targetwatch.reports.grammar import CLAUSE_END, QUALIFIER, number_in
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import AliasMatch
from targetwatch.reports.named_places import names_a_city

# the words that announce a list of parts: 其中, / 从地区分布看, / 分地区看: / 分市州看,
_OPENING = re.compile(
    r"^\s*(?:其中|(?:从|按)(?:地区|区域|地域)(?:分布)?(?:上)?看|分(?:地区|区域|市州|城市|地市)看)[,:]\s*"
)
_CITY = re.compile(r"[\u4e00-\u9fff]{2,3}?市")
_SEPARATOR = re.compile(r"\s*、\s*")
# after the list: the parts' shares of the whole, which names it: ,分别占全区高新技术企业总量的47.75%
_SHARES = re.compile(r"^\s*,?\s*(?:分别)?占(?:全区|全省|全市|全州|全国|全自治区|全部)?$")
_SHARE_AFTER = re.compile(r"(?:总量|总数|总额|总和)?的?\s*\d[\d.]*\s*%")


@dataclass(frozen=True)
class Part:
    """One city's figure in a breakdown: the city's span, the figure (number start, end, unit end) and the name of
    the whole it is a part of (its catalogue code and key, the name as written, and where it was named)."""

    city: re.Match[str]
    city_end: int
    figure: tuple[int, int, int]
    code: str
    key: str
    written: str
    why: str


def _items(folded: str, pos: int) -> list[tuple[re.Match[str], int, tuple[int, int, int]]]:
    """(city, city end, (number start, end, unit end)) of each `<name>市<figure>` item of a list at `pos`."""
    out: list[tuple[re.Match[str], int, tuple[int, int, int]]] = []
    while (city := _CITY.match(folded, pos)) is not None and names_a_city(city.group()[:-1]):
        found = number_in(folded[city.end() : city.end() + 16])
        if found is None or folded[city.end() : city.end() + found[0]].strip() or found[3] != "level":
            break
        a, b, u = (city.end() + x for x in found[:3])
        if out and normalised_key(folded[b:u]) != normalised_key(folded[out[0][2][1] : out[0][2][2]]):
            break
        out.append((city, city.end(), (a, b, u)))
        sep = _SEPARATOR.match(folded, u)
        if sep is None:
            break
        pos = sep.end()
    return out


def _value(text: str) -> float | None:
    try:
        return float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def _whole_before(
    before: str, find: Callable[[str], list[AliasMatch]], unit: str, total: float
) -> AliasMatch | None:
    """The last catalogue name of the sentence before whose figure has the parts' unit and is at least their sum."""
    for hit in reversed([h for h in find(before) if h.code]):
        found = number_in(before[hit.end :])
        if found is None or found[3] != "level":
            continue
        b, u = hit.end + found[1], hit.end + found[2]
        if normalised_key(before[b:u]) != unit:
            continue
        clause_start = max([m.end() for m in CLAUSE_END.finditer(before, 0, hit.start)], default=0)
        whole = _value(before[hit.end + found[0] : b])
        if QUALIFIER.search(before[clause_start : hit.start]) or whole is None or whole < total - 1e-9 * whole:
            return None
        return hit
    return None


def breakdown_parts(
    folded: str, hits: list[AliasMatch], find: Callable[[str], list[AliasMatch]], before: str
) -> list[Part]:
    """The cities' figures of a breakdown opening this (folded) sentence, each with the whole's indicator; `hits` are
    the sentence's catalogue names, `find` finds them in other text, `before` is the sentence before (folded)."""
    opening = _OPENING.match(folded)
    items = _items(folded, opening.end()) if opening else []
    if len(items) < 2:
        return []
    end = items[-1][2][2]
    unit = normalised_key(folded[items[0][2][1] : items[0][2][2]])
    after = [h for h in hits if h.start >= end and h.code]
    if after and _SHARES.match(folded[end : after[0].start]) and _SHARE_AFTER.match(folded, after[0].end):
        name, written = after[0], folded[after[0].start : after[0].end]
        why = f"a city's part in a breakdown of {written!r} (its indicator named in the parts' shares after the list)"
    else:
        values = [_value(folded[a:b]) for _, _, (a, b, _) in items]
        if any(v is None for v in values) or not before:
            return []
        whole = _whole_before(before, find, unit, sum(values))  # type: ignore[arg-type]
        if whole is None:
            return []
        name, written = whole, before[whole.start : whole.end]
        why = f"a city's part in a breakdown of {written!r} (its indicator named with the whole in the sentence before)"
    return [Part(s, e, fig, name.code, name.key, written, why) for s, e, fig in items]
