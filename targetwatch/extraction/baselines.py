"""A starting point written before a comma (从2020年的3.6万个,增加到2025年的25万个) is the target's baseline.

Round 34 (issue 18). `rules.BASELINE_VALUE` reads 由2015年的50家增加到100家 inside one clause: the first figure is where
things stood, the one after 到 the target. A plan's indicator list often puts a comma between the two (四川's 2021
new-infrastructure plan news: 5G基站数量:从2020年的3.6万个,增加到2025年的25万个, three times; the 2022 R&D status
news: 由2012年的0.8萬億元,增加到…, 從2015年的6.2%,提高到…), and the walk reads figures a clause at a time, so the
starting point was proposed as a figure of its own (three false proposals at 0.50 in unseen-45's first score).
Counted in 2 development texts before the rule (the two named); the test half not read.

After the walk, a figure that is the starting point of a `BASELINE_VALUE` match running past a comma is dropped, and
the figure right after the match is given its value and year as a baseline, as the one-clause reading does.
"""

from __future__ import annotations

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, scaled


def drop(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """The candidates without the starting points of a change written across a comma (see the docstring)."""
    spans = [m for m in rules.BASELINE_VALUE.finditer(doc.view) if "," in m[0]]
    if not spans:
        return cands
    kept = []
    for c in cands:
        base = next((m for m in spans if m.start() <= c.start < m.end()), None)
        if base is not None and c.value is not None:
            continue  # the starting point, not a target
        end = next((m for m in spans if m.end() == c.start), None)
        if end is not None and c.value is not None and c.baseline_value is None and c.unit is not None:
            unit = end["base_unit"] or c.unit_as_written
            if unit in rules.UNITS:
                c.baseline_value = scaled(end["base"], end["base_scale"], unit)[0]
            c.baseline_year = int(end["base_year"]) if end["base_year"] else None
            c.rules_fired.append("baseline_value")
        kept.append(c)
    return kept
