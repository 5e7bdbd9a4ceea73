"""Lists (issue 17, round 28): places with their figures in brackets after an indicator named once; names listed,
then their figures listed.

Rankings and bulletins name an indicator, then list places, each with its own figure in brackets:

    從各地區R&D經費投入強度來看,北京(6.73%)、上海(4.34%)、天津(3.58%)、廣東(3.54%)、江蘇(3.29%)、浙江(3.20%)和
    安徽(2.69%)這6個地區超過全國平均水平       (u37_nat_2023_rd_provinces_szxuejia_trad, unseen-37, dev since round 28)
    分地区看,研究与试验发展(R&D)经费排名前三的是包头市(77.5亿元)、呼和浩特市(44.5亿元)和鄂尔多斯市(44.1亿元)。
                                            (u37_nm_2022_rd_bulletin_yfsoft, unseen-37, dev since round 28)

Each bracket is that place's own level of the indicator named before the list, not a part of the text's place and
not "not recognised". Read only when:

* at least two items `<place>(<figure>)` follow one another, joined by 、, 和, 及 or 与, the brackets holding nothing
  but the figure, all in one unit and each a level (no bound, change or multiple);
* each place is a place by name: a province or region (places.PROVINCE), a catalogue place, or a city written with 市
  (named_places.names_a_city);
* the indicator is the last catalogue name before the list in the same sentence, with no figure, no clause end but a
  comma, and no qualifier (grammar.QUALIFIER: 企业, 高校, 规模以上…) between its clause's start and the list.

The result is a breakdowns.Part per item, so communique.py reads each figure as that place's level, exactly as it reads
a city's part in a breakdown (a zero-width name at the place's end; a place outside the catalogue is rejected as such).
Works on folded text and returns offsets into it.

The same module keeps names listed, then their figures listed, apart (round 28):

    国家高新技术企业、国家科技型中小企业、自治区科技型中小企业达到了489家、925家、2178家,分别比2017年增…
                                            (u37_nx_2017_2021_rd_bobobk, unseen-37, dev since round 28)

Three names joined by 、, then three figures joined by 、: each figure is its own name's, in order. The communiqué
reader pairs a name with the first figure after it, so the last name (科技型中小企业) took the first figure (489, the
high-tech enterprises', and a September count at that): a figure under the wrong name. Without 分别 before the figures
(lists.py and the RESPECTIVELY rule read or refuse those) nothing says the order is kept, so the last name's hit is
dropped and its figures stay quarantined as "not recognised" (never lost, never read under a wrong name).

Only when the name before it in the sentence is a catalogue name joined to it by 、/和/及/与 (with at most six
characters of qualifier: 国家, 自治区), and the first figure after it is followed by 、 and another figure.
"""

from __future__ import annotations

import re

from targetwatch.reports.breakdowns import Part
from targetwatch.reports.grammar import CLAUSE_END, QUALIFIER, RESPECTIVELY, number_in
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import Aliases, AliasMatch
from targetwatch.reports.named_places import names_a_city
from targetwatch.reports.places import PROVINCE

_BRACKET = re.compile(r"\(([^()]{1,16})\)")
_SEPARATOR = re.compile(r"、|和|及|与|以及")
_CITY = re.compile(r"[\u4e00-\u9fff]{2,4}市")
_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,8}$")
# between the indicator's name and the list: words only (来看, 排名前三的是), no figure and no clause end but a comma
_BETWEEN = re.compile(r"[^\d;。!?:]{0,16}")


def _place_before(folded: str, end: int, aliases: Aliases) -> int | None:
    """The start of the place name ending at `end` (the longest that is a place), or None."""
    run = _NAME_BEFORE.search(folded, max(0, end - 8), end)
    if run is None:
        return None
    for start in range(run.start(), end - 1):
        name = folded[start:end]
        known = aliases.find_folded(name, "jurisdiction")
        if (
            (known and known[0].start == 0 and folded[start + known[0].end : end] in {"", "市"})  # 呼和浩特市
            or PROVINCE.fullmatch(name)
            or (_CITY.fullmatch(name) and names_a_city(name[:-1]))
        ):
            return start
    return None


def _items(folded: str, aliases: Aliases) -> list[list[tuple[int, int, tuple[int, int, int]]]]:
    """Runs of `<place>(<figure>)` items: (place start, place end, (number start, end, unit end)) of each."""
    runs: list[list[tuple[int, int, tuple[int, int, int]]]] = []
    last_end = -1
    for m in _BRACKET.finditer(folded):
        found = number_in(m.group(1))
        if found is None or found[0] != 0 or found[2] != len(m.group(1)) or found[3] != "level":
            continue
        start = _place_before(folded, m.start(), aliases)
        if start is None:
            continue
        item = (start, m.start(), tuple(m.start(1) + x for x in found[:3]))
        if runs and _SEPARATOR.fullmatch(folded[last_end:start]):
            runs[-1].append(item)  # type: ignore[arg-type]
        else:
            runs.append([item])  # type: ignore[list-item]
        last_end = m.end()
    return runs


def bracketed_places(folded: str, hits: list[AliasMatch], aliases: Aliases) -> list[Part]:
    """Each place's figure of a bracketed list after an indicator's name in this (folded) sentence, as a Part of
    that indicator; `hits` are the sentence's catalogue names."""
    parts: list[Part] = []
    for run in _items(folded, aliases):
        units = {normalised_key(folded[b:u]) for _, _, (_, b, u) in run}
        if len(run) < 2 or len(units) != 1:
            continue
        before = [h for h in hits if h.code and h.end <= run[0][0] and h.end > h.start]
        if not before or not _BETWEEN.fullmatch(folded, before[-1].end, run[0][0]):
            continue
        name = before[-1]
        clause_start = max([m.end() for m in CLAUSE_END.finditer(folded, 0, name.start)], default=0)
        if QUALIFIER.search(folded[clause_start : name.start]):
            continue
        written = folded[name.start : name.end]
        why = f"a place's own figure in a bracketed list after {written!r}"
        for start, end, figure in run:
            place = re.compile(re.escape(folded[start:end])).match(folded, start)
            assert place is not None
            parts.append(Part(place, end, figure, name.code, name.key, written, why))  # type: ignore[arg-type]
    return parts


# names joined by 、 (with a qualifier: 国家, 自治区), and a figure followed by another
_JOINED = re.compile(r"[、和及与][^,;。:\d]{0,6}")
_ANOTHER_FIGURE = re.compile(r"\s*、\s*\d")


def without_listed_names(folded: str, hits: list[AliasMatch]) -> list[AliasMatch]:
    """`hits` without the last name of a list of names whose figures follow as a list (see the module)."""
    kept: list[AliasMatch] = []
    for k, hit in enumerate(hits):
        before = hits[k - 1] if k else None
        found = number_in(folded[hit.end :]) if hit.code else None
        if (
            before is not None
            and before.code
            and found is not None
            and _JOINED.fullmatch(folded, before.end, hit.start)
            and not RESPECTIVELY.search(folded, hit.end, hit.end + found[0])
            and _ANOTHER_FIGURE.match(folded, hit.end + found[2])
        ):
            continue
        kept.append(hit)
    return kept
