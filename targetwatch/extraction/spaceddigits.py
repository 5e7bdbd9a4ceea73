"""Digits a page prints one by one with blanks between them (5 0 0 家, 2 0 2 5 年, 1 1 00万人) are one number.

Round 49 (issue 18). Two development texts print a figure's digits apart, and both targets were missed:

- 陕西's enterprise technology centres (shaanxi-enterprise-tech-centres-spaced-news, first unseen-60): 到2 0 2 5 年
  培育省级企业技术中心5 0 0 家以上 was proposed at 0.80 with no value (the 0 before 家 alone) and no deadline;
- the 2022 employment aims (china-2022-employment-targets-abstract, first unseen-19): 城镇新增就业1 1 00万人以上 was
  not proposed (00万人 read as no figure).

So, in the folded view, a run of two or more single digits each one blank apart (perhaps ending in a group of two or
three digits, as 1 1 00), not inside a number and followed (perhaps after one blank) by a character of a word or %,
is written as its digits with the blanks moved around it: half before, half after, so the view keeps the text's
length and offsets and a deadline pattern's `{0,2}` blanks (到  2025  年) still reach it. Groups of two digits or more
apart (2019 2020, 10 20) are columns, not one number, and stay.
"""

from __future__ import annotations

import re
from typing import Final

SPACED_DIGITS: Final = re.compile(r"(?<![\d.])\d(?: \d)+(?: \d{2,3})?(?![\d.])(?= ?[%\u4e00-\u9fff])")


def join_spaced_digits(view: str) -> str:
    """`view` with each run of spaced single digits written as one number, blanks around it (same length)."""
    return SPACED_DIGITS.sub(_joined, view)


def _joined(m: re.Match[str]) -> str:
    digits = m[0].replace(" ", "")
    blanks = len(m[0]) - len(digits)
    before = (blanks + 1) // 2
    return " " * before + digits + " " * (blanks - before)
