"""A province's name that runs into an indicator's name after a city's own word is the grade of the thing counted,
not the figure's place (issue 17, round 30).

    目前,全市共有国家重点实验室9家,云南省重点实验室140家,…        (u38_km_2024_st_yunnan, 昆明市, dev since round 29)

The catalogue's alias 省重点实验室 (provincial key laboratories) begins with the 省 that ends 云南省: the text counts
昆明市's (全市) laboratories of the province's grade. Taking 云南省 as the figure's place, the reader refused the figure
("'全市' means a prefecture's own figures, but the document names '云南省'"). A place whose last character is the first
of the name after it is dropped as the place when a city's own word (全市/我市/本市/该市) stands before it in the
sentence; the place before it (the own word, or one named earlier) is then the figure's. Without the own word the
province stays the place: in a national story 云南省重点实验室140家 is Yunnan's count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from targetwatch.reports.places import OWN_WORD


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


def place_before(places: Sequence[S], k: int, hit_start: int, folded: str) -> S | None:
    """The place named before the indicator's name at `hit_start` (places[k - 1], `places` sorted by start), unless
    that place runs into the name (云南省|省重点实验室) after a city's own word: then the one before it."""
    if not k:
        return None
    named = places[k - 1]
    if named.end > hit_start and _city_own_word(folded, named.start):
        return places[k - 2] if k >= 2 else None
    return named


def _city_own_word(folded: str, end: int) -> bool:
    """Whether a city's own word (places.OWN_WORD's 全市/我市/本市/该市) stands before `end`: the figures that follow
    are the city's, whatever grade the things counted have."""
    return any("市" in m.group() for m in OWN_WORD.finditer(folded, 0, end))
