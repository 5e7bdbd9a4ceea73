"""Round 48 (issue 18): 约 right before a figure makes it approximate, also after 达到 and as 约为.

`rules.COMPARATOR_CUES` reads 约 as approx when it stands right before the number (约320个). Two forms slipped
past it on the development side: 约 after a verb of reach with words between (供應能力達到每天約25萬人次,
上海's 2022 elderly-facilities plan, first unseen-42: read at_least from 达到) and 约为
(可再生能源年發電量約為3.3萬億千瓦時, the 2022 renewable-energy plan news, first unseen-46: read exact). Both are
annotated approx: 约 says so of the figure itself, while 达到 names the verb of the goal. So a figure whose number
follows 约 / 约为 / 约是 directly (a PDF's blanks allowed), read at_least or exact with no suffix of its own (以上,
左右 …), is approx. 约 as part of a word (节约, 签约, 制约 …: `rules.ADJACENT_NOT_AFTER`) is no cue.

Round 50: the character before 约 is read from the view itself, not from the search window. 约 opening a clause
(到2025年,约为3.3万亿千瓦时) has none inside the clause, and an empty string is `in` every string, so before the fix
such a 约 counted as part of a word and the figure stayed exact.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

ABOUT: Final = re.compile(r"约(?:为|是)? {0,2}$")
SUFFIX: Final = re.compile(r"以 {0,2}[上下内]|左 {0,2}右")


def approximate(view: str, cands: list[Candidate]) -> None:
    """Make each figure right after 约 / 约为 approximate (see the module docstring)."""
    for c in cands:
        if c.comparator not in ("at_least", "exact") or c.value is None:
            continue
        m = ABOUT.search(view, max(c.clause.start, c.start - 6), c.start)
        if m is None or word_before(view, m.start()):
            continue
        if SUFFIX.search(view, c.start, c.end):
            continue
        c.comparator = "approx"
        c.rules_fired.append("about_before_figure")


def word_before(view: str, at: int) -> bool:
    """True when the 约 at `at` ends a word (节约, 签约 …): the character before it, if any, is one of
    `rules.ADJACENT_NOT_AFTER["约"]`. At the start of the view there is none, so 约 is a cue."""
    return at > 0 and view[at - 1] in rules.ADJACENT_NOT_AFTER["约"]
