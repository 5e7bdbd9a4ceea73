"""Digits grouped by thousands with an ASCII comma (1,000萬元, 1,500億元) are one number.

Round 51 (issue 18). Pages from Taiwan write large figures with a thousands comma, and the rules read the digits
after the last comma alone (000萬元: no figure). Two development texts (both first unseen-61) lose their targets so:

- the 2015 productivity 4.0 news (taiwan-2015-productivity-40-plan-news-trad): 2024年時要讓製造業人均產值達到
  1,000萬元 and 製造業人均產值要提升至1,000萬元;
- the 2027 start-up funding goal (taiwan-startup-ecosystem-funding-goal-news-trad): 期望在2027年達成新創募資
  1,500億元目標.

A third (china-2015-jobs-2014-results-news, first unseen-26) writes a status figure so (城镇新增就业1,322万人).

So, in the folded view, a number of one to three digits followed by groups of three digits, each after an ASCII
comma in the text itself (a full-width ， between digits is a clause's end, and NFKC folds it to the same comma,
so the text is looked at, not the view), not inside a longer number and followed (perhaps after one blank) by a
character of a word or %, is written as its digits with one blank before it for each comma: the view keeps the
text's length and offsets, and a cue's `{0,2}` blanks (达到 1000万元) still reach it.
"""

from __future__ import annotations

import re
from typing import Final

GROUPED: Final = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])(?= ?[%\u4e00-\u9fff])")


def join_thousands(text: str, view: str) -> str:
    """`view` with each thousands-grouped number of `text` (ASCII commas) written as one number, blanks before it."""
    return GROUPED.sub(lambda m: _joined(text, m), view)


def _joined(text: str, m: re.Match[str]) -> str:
    if any(text[i] != "," for i in range(m.start(), m.end()) if m.string[i] == ","):
        return m[0]  # a full-width comma in the text: two figures, not one
    digits = m[0].replace(",", "")
    return " " * (len(m[0]) - len(digits)) + digits
