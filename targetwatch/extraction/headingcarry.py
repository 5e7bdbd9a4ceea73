"""A heading line's year carried down to the figures below it, up to the next heading: the one walk that
`periodheading` (a plan period's goals: its last year) and `yearheading` (a year's targets or work: that year) share.

Kept in one place so the two rules cannot drift on what a carried year may reach: only a figure the other rules left
without a deadline, that is not qualitative, whose sentence names no year of its own before it, below the heading and
above the next, and only when the heading's year is not before the text's own date (a text without a date is left as
it is). The rule gives a deadline only (no confidence moves with it).
"""

from __future__ import annotations

from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.yearref import own_year_between


def carry_down(doc: Document, cands: list[Candidate], heads: list[tuple[int, int, int]], rule: str) -> None:
    """Give each figure without a deadline below a heading (start, end, year in `heads`, in order) that year,
    recording `rule` in its rules_fired (the module's docstring says which figures)."""
    own = doc.issue_year
    if own is None or not heads:
        return
    for i, (_, end, year) in enumerate(heads):
        until = heads[i + 1][0] if i + 1 < len(heads) else len(doc.view)
        if year < own:
            continue
        for c in cands:
            if c.deadline is None and c.comparator != "qualitative" and end <= c.start < until \
                    and not own_year_between(doc.view, c.sentence.start, c.start):
                c.deadline = year
                c.rules_fired.append(rule)
