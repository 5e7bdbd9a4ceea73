"""较目前 / 从当前 name the starting point of a change; the figure reached after it is the plan's.

Round 37 (issue 18). `rules.STATUS_WORDS` holds 目前 and 当前 (目前全市有企业120家: where things stand), so a
figure whose sentence has one before it is read as status (−0.60). But 较目前 / 比目前 / 从目前 / 从当前 name the
point a change starts from, and the figure a verb of reach or a target year brings after it is the target (a
baseline-year value beside a target-year value). Counted in 2 development texts before the rule, the test half not
read: the 2016 Healthy China 2030 news (first unseen-44: 人均预期寿命较目前再增加约3岁,达到79岁 twice, 较目前的
76.34岁继续增长,达到79岁, held at 0.20-0.30) and the 2025 5G action news (first unseen-45:
从当前建成每万人33个5G基站到2027年38个的目标, held at 0.10).

`lift` takes the status penalty back from a figure whose sentence, with every such frame taken out, holds no status
word, and between whose frame and the figure a verb of reach (达到, 降至, 提高到 …) or a year ahead (到2027年) stands.
The starting figure itself (较目前的76.34岁, 从当前建成…33个) and a step (再增加约3岁) have none and stay status.

Round 50: 由目前 frames the start as 从目前 does (三门峡 2022, first unseen-53:
城镇居民人均可支配收入由目前的3.5万元增长到5.3万元左右, 农民…由目前的1.8万元增长到2.8万元左右, both annotated
approx for 2025 and held at 0.30 before). The form 由现在的…提升到 stands in two more development texts (the 2021
science-literacy comment, 香港 2017's council news); 现在 is no status word, so they need no lift.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

FRAME: Final = re.compile(r"(?:较|比|从|由)(?:目前|当前)")
REACH: Final = re.compile(r"达到|降至|降到|降低到|提高到|提升到|增加到|增长到|增至|到(?:19|20)\d{2}年")


def lift(view: str, cands: list[Candidate]) -> None:
    """Undo `status_report` for the figure a change from 目前 / 当前 reaches (see the module's docstring)."""
    for c in cands:
        if "status_report" not in c.rules_fired:
            continue
        before = view[c.sentence.start : c.start]
        frames = list(FRAME.finditer(before))
        if not frames or REACH.search(before, frames[-1].end()) is None:
            continue
        rest = rules.BRACKETED.sub("", FRAME.sub("", before))
        if any(w in rest for w in rules.STATUS_WORDS) or rules.STATUS_DONE.search(view, c.clause.start, c.start) \
                or rules.PAST_SPAN.search(view, c.sentence.start, c.start):
            continue
        c.score -= rules.CONFIDENCE["status"]
        c.rules_fired.remove("status_report")
        c.rules_fired.append("from_now")
        c.notes.append("较目前 / 从当前 … 达到: the figure reached from where things stand, a target")
