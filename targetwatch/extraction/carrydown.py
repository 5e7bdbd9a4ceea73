"""A year carried down from a line above to the figures below it: the one walk that `periodheading` (a plan period's
goals: its last year), `yearheading` (a year's targets or work: that year) and `leadyear` (a colon lead naming one
year) share.

Kept in one place so the rules cannot drift on which figures a carried year may reach: only a figure the other rules
left without a deadline, that is not qualitative, whose sentence names no year of its own before it, and that starts
inside the line's reach (after the line, before its `until`). Which lines count, how far each reaches and whether a
year before the text's own date is carried stay each rule's own. The walk gives a deadline only (no confidence moves
with it); the rule's name is recorded in the figure's rules_fired, so the inference shows in the proposal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.yearref import lend

# A line above that reviews (2023年工作回顾, 发展成效) carries no year down: the one word list of the three rules
# (each adds its own: periodheading a goal met, leadyear a status date).
REVIEW_WORDS: Final = r"回顾|完成|成效|成就|进展"


def carry_into(doc: Document, cands: list[Candidate], spans: Iterable[tuple[int, int, int]], rule: str) -> None:
    """Give each figure without a deadline that starts in a span (start, until, year; in order, the first span to
    reach a figure wins) that year, recording `rule` (the module's docstring says which figures): `yearref.lend`'s
    walk, the own year looked for from the figure's sentence."""
    lend(doc, cands, spans, rule, from_sentence=True)


def carry_down(doc: Document, cands: list[Candidate], heads: list[tuple[int, int, int]], rule: str) -> None:
    """The heading rules' carry: each heading (start, end, year in `heads`, in order) reaches from its end to the next
    heading's start; a heading whose year is before the text's own date carries nothing, and a text without a date is
    left as it is."""
    own = doc.issue_year
    if own is None or not heads:
        return
    ends = [start for start, _, _ in heads[1:]] + [len(doc.view)]
    carry_into(doc, cands, ((end, until, year) for (_, end, year), until in zip(heads, ends, strict=True)
                            if year >= own), rule)
