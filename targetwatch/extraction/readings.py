"""Ruby readings taken out before the rules read a text, every quote still cut from the text as written.

Round 44 (issue 18). Some mirrors print a pinyin reading in brackets after characters (申報(bào)認(rèn)定…).
Since round 7 the folded view (`text.fold`) blanks each reading and moves its character to the end of the
blank, so that the view keeps the text's offsets: a cue whole after the blank (    达到) reads, but a word whose
second character carries a reading is cut in two (企    业), a text with a reading after nearly every character
reads as characters apart, and every distance the rules measure in characters is stretched. 104 development
texts print readings; two showed the class in the last first scores:

- 张家界高新区's 2019 targets (first unseen-55): the three figures after the semicolon (企業(yè)6家, 比例
  達(dá)到30%, 增加值增長15%) were missed, read as 2018's results;
- 济南's 十四五 digital plan (first unseen-54): its five figures, still missed after this rule (read without
  readings, its lead 日前…出台 marks them as a news report's: another class, left).

So where a text carries readings (the view's own test: a toned reading after a character, or at least three
toneless ones, `text.READING` / `text.TONELESS`), the rules read the text with the readings taken out, and
each proposal's offsets and quotes are put back into the text as written (a quote runs from its first character
to the end of its last character's reading, if any). A text without readings is read as before.

Read whole, three more development texts showed what the cut words had hidden, each met by a rule of its own:
青阳's outline (第一章“十三五”发展成效: `naming.HEADING_PART`), 临沂's 计划每年新增 (`rules.INTENT_AS_WORD`),
泉州's period named inside its first point (`points.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, TypeVar

from pydantic import BaseModel

from targetwatch.extraction.text import READING, TONELESS

# `extract.Proposal` (which imports this module): its offsets, quotes and entry are all `restore` touches.
Proposal = TypeVar("Proposal", bound=BaseModel)

# `text.READING` and `text.TONELESS` run on the folded view (ASCII brackets, lower case); the text as written may print
# full-width brackets (（bào）) or a capital (（Yè）): the same readings, found on a copy of the text folded for that
# alone, one character for one character.
_BRACKETS: Final = str.maketrans("（）", "()")
TONELESS_AT_LEAST: Final = 3  # as `text.fold`: a toneless syllable in brackets counts only in a text printing several


@dataclass(frozen=True)
class Stripped:
    """The text without its readings, and for each of its characters where it starts and ends in the text as written
    (`ends` reaches past the reading that followed the character)."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets [start, end) in the stripped text as offsets in the text as written."""
        return self.starts[start], self.ends[end - 1]


def _readings(text: str) -> list[re.Match[str]]:
    """The readings of `text` (each match: the character, then its readings), in order, none overlapping."""
    view = text.translate(_BRACKETS)
    view = lowered if len(lowered := view.lower()) == len(view) else view
    toned = list(READING.finditer(view))
    toneless = list(TONELESS.finditer(view))
    if len(toneless) < TONELESS_AT_LEAST:
        return toned
    merged, last = [], -1
    for m in sorted(toned + toneless, key=lambda m: (m.start(), -m.end())):
        if m.start() >= last:
            merged.append(m)
            last = m.end()
    return merged


def remove(text: str) -> Stripped | None:
    """`text` without its ruby readings, or None where it prints none (see the module's docstring)."""
    found = _readings(text)
    if not found:
        return None
    keep, starts, ends, pos = [], [], [], 0
    for m in found:
        for i in range(pos, m.start() + 1):  # up to and including the character read
            keep.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        ends[-1] = m.end()  # the character's reading belongs to it
        pos = m.end()
    for i in range(pos, len(text)):
        keep.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return Stripped("".join(keep), tuple(starts), tuple(ends))


def restore(text: str, stripped: Stripped, proposals: list[Proposal]) -> list[Proposal]:
    """Proposals made on `stripped.text`, their offsets and quotes put back into `text` (the text as written)."""
    out = []
    for p in proposals:
        spans = [stripped.span(a, b) for a, b in p.offsets]  # type: ignore[attr-defined]
        entry = p.entry  # type: ignore[attr-defined]
        sources = [{**source, "quote": text[a:b]} for (a, b), source in zip(spans, entry["sources"], strict=True)]
        out.append(p.model_copy(update={
            "entry": {**entry, "sources": sources}, "char_start": spans[0][0], "char_end": spans[0][1],
            "more_offsets": spans[1:]}))
    return out
