"""Targets reported met: a cue that names a year's targets and says they were completed is no lead (round 28).

`2023年经济社会发展主要目标任务圆满完成,诸如:国内生产总值超过126万亿元…` reads like an ahead cue (`rules.AHEAD_CUE`:
2023年…主要目标) but reports the targets met; the figures after it are that year's results. The same holds for
`2018年目标任务完成情况`. Class counted on the development side before the rule: an ahead cue followed by 完成 stands
in 2 development texts (a Vietnamese paper's news of the 2024 national work report, a county's 2018 dispatch speech);
with a colon after it (…圆满完成,诸如:) it opens a review of the results, in 1 of them.
"""

import re
from typing import Final

# right after an ahead cue: (任务) 圆满 / 全面 / 顺利 完成 within a few characters, no punctuation between
MET_AFTER: Final = re.compile(r"(?:任务)?[^。,，;；:：\n]{0,4}完成")
# …目标任务圆满完成,诸如: / …目标任务全面完成,主要是: a lead into the list of what was achieved
MET_LEAD: Final = re.compile(
    r"目标任务 {0,2}(?:圆满|全面|顺利|胜利)?完成[,，]? {0,2}(?:诸如|如下|主要(?:是|有))? {0,2}[:：]")


def reported_met(view: str, cue: re.Match[str]) -> bool:
    """Whether the ahead cue `cue` is followed by words saying its targets were completed."""
    return MET_AFTER.match(view, cue.end()) is not None


def review_leads(view: str, start: int = 0) -> list[int]:
    """Where each lead into a list of targets met ends: a review section opens there."""
    return [m.end() for m in MET_LEAD.finditer(view, start)]
