"""比增 before a figure is 比上年增长 shortened: the view reads it 增长 (比增7% -> 增长7%).

Round 54 (issue 18). Work reports of 福建 write a year's growth as 比增N% (比上年增长, over the year before), after
the level it grows (财政总收入11亿元,比增7%); the rules read 增长 / 增幅 / 增速 before a per cent as a growth rate
(`rules.GROWTH_END`), and 比增 gave an exact per cent in a policy sentence (财政: `policy_floor`), below the bar.
Development text showing the class: 鸿山镇's 2021 aims (hongshan-town-2021-congress-news, first unseen-64: 争取实现
财政总收入11亿元,比增7%;规上工业总产值300亿元,比增24%;固定资产投资额21.7亿元,比增8%, each level and its rise
annotated, the rise as a growth rate). No other development text writes 比增.

In the folded view, 比增 right before a figure (blanks allowed) and not after 同 / 环 (同比增, 环比增: other
shortenings, left as they are) is written 增长, two characters for two: the view keeps the text's length, and a year's
plan that writes 增长7% for its growth over the year before reads the same.
"""

from __future__ import annotations

import re
from typing import Final

SHORT_GROWTH: Final = re.compile(r"(?<![同环])比增(?= {0,2}\d)")


def unshorten(view: str) -> str:
    """`view` with each 比增 before a figure written 增长."""
    return SHORT_GROWTH.sub("增长", view)
