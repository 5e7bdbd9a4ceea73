"""A count for every unit, written with a qualified or a long unit, read as coverage.

Round 41 (issue 18). `rules.COVERAGE` reads 每个开发区建立1家 (a count for each unit after a build verb) as coverage,
at least 100 percent, as the corpus annotates it (`policies/README.md`: a count for each unit, the count noted). It
looks at most twelve characters between 每个 and the verb, and at no figure there, so it misses the same target when the
unit is qualified or long:

- a bracket after the unit saying which units, with a figure in it: 每个行政村(500人以上)建设1个电子商务网点
  (河北 2014's rural e-commerce demonstration counties news, first unseen-40; the 1 was proposed as a count of
  one, exact, at 0.60: a false proposal and a miss);
- a unit named by a relative clause, with 都能 before the verb: 争取让每个获得生产许可证的茶叶加工企业都能建成精品茶叶
  庄园1个 (沧源's 2016 eco-tea news, traditional with readings, first unseen-52; the same false proposal at 0.60).

Counted in 2 development texts before the rule (the two above); the test half not read. The reading is the same
construction as `rules.COVERAGE`'s, with a wider unit: 每个 (每一个), then up to 40 characters with no clause mark
(a bracket may hold a figure: it qualifies the unit), then perhaps 都 / 均 and 要 / 能 / 将, then a build verb
(`BUILD`, `rules.COVERAGE`'s verbs), then up to twelve characters of the thing built, then the figure. Not read:
每个人 (a person is no unit), money and shares (a grant or a rate for each unit is no count of things built,
as `perunit.py` leaves them), and a figure already read as coverage. The figure's score is kept: the construction
says what the figure is (a count for each unit), not whether the text commits to it.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

# rules.COVERAGE's build verbs, one list: a verb added there is read after a wide unit too.
BUILD: Final = rules.BUILD_VERBS
# On the span from the clause's start to the figure, reading blanks taken out.
EACH_WIDE: Final = re.compile(
    r"每(?:一)?个(?!人)"
    r"(?:[^\d,，;；。、:：()（）]|[(（][^,，;；。()（）]{1,12}[)）]){1,40}?"
    r"(?:都|均)?(?:要|能|将)?" + BUILD + r"[^\d,，;；。、]{0,12}$")
_MONEY_OR_SHARE: Final = frozenset({"yuan", "percent"})


def cover(doc: Document, c: Candidate) -> None:
    """Read a count for each unit (每个行政村(500人以上)建设1个…) as coverage: at least 100 percent, the count noted."""
    if c.value is None or c.kind == "coverage" or c.unit in _MONEY_OR_SHARE:
        return
    span = rules.READING_BLANK.sub("", doc.view[c.clause.start : c.start])
    if not EACH_WIDE.search(span):
        return
    per_unit = f"{c.value:g} {c.unit_as_written} per unit ({c.comparator})"
    c.kind, c.comparator, c.value, c.value_high, c.unit = "coverage", "at_least", 100.0, None, "percent"
    c.notes.append(f"coverage: {per_unit}")
    c.rules_fired.append("each_unit_count")
