"""A paragraph that opens with 今年 / 明年 and a word of intent (今年,鸿山镇将…) opens an ahead section.

Round 54 (issue 18). `evidence.sections` opens a review section at a year's review cue (2020年财政预算执行情况,
工作回顾) that lasts to the text's end unless an ahead cue follows (主要目标:, 部署2014年工作, a goals heading line).
A news item on a town's congress names the reports heard (鸿山镇2020年财政预算执行情况和2021年财政预算的报告), reviews
2020 and then writes the year's aims in a paragraph of their own opening 今年,鸿山镇将…: every figure after the first
sentence stayed in the review (its lead, 今年…将, is not read in a review section) and fell below the bar.
Development text showing the class: hongshan-town-2021-congress-news (first unseen-64: 今年,鸿山镇将围绕…。争取实现
财政总收入11亿元,比增7%;规上工业总产值300亿元,比增24%;…); six development texts more open a paragraph so
(甘肃 2016: 今年,我省将培育…; 余杭 2019: 今年,余杭区要完成创建…; 商丘, 洛阳, 柳州 2009), none of them inside a review
section.

The cue is a line's start (blanks aside), 今年 or 明年, a comma, then within forty characters of that sentence 将 / 要
/ 力争 / 争取 (not 计划: 今年,全省…全年计划完成投资 reports a year's plan so far; not 将近, nearly, nor 将军, as
`rules.INTENT_AS_WORD` reads 将: review s21a F9, a year-end review's 今年,全市高新技术企业总数将近翻番,
达到320家 was lifted to 0.90). 今年以来 / 今年上半年 (a span so far)
have no comma right after 今年 and open nothing. The section is the paragraph itself (a cue of a review or an ahead
cue before it holds again after it), and its figures take `goals_lead`: in 商丘's science conference news the
paragraph after such an opening (对年度考核前三名的县(区)给予通令嘉奖, 拟定每年组织考核1次) was lifted to 0.50 when the
section ran to the text's end.
"""

from __future__ import annotations

import re
from typing import Final

YEAR_AHEAD_LINE: Final = re.compile(
    r"^[ \t\u3000]*(?:今年|明年)[,，][^。;；\n]{0,40}?(?:将(?![近军])|要|力争|争取)", re.M)


def cues(view: str, start: int) -> list[tuple[int, str, int]]:
    """Each such paragraph opening from `start` on as an ahead cue: (where the line starts, "ahead", the line's end)."""
    return [(m.start(), "ahead", end if (end := view.find("\n", m.end())) >= 0 else len(view))
            for m in YEAR_AHEAD_LINE.finditer(view, start)]
