"""Round 53 (issue 18): a share written as a fraction in words (三分之一, 四分之一) is the fraction in digits.

`rules.FRACTION` reads a share written 1/3 after 占 or 比重 in its clause (占全市1/8, 比重超1/4) as a percentage. Texts
write the same fraction in words, denominator first, and the figures were missed in two development texts:

- 宜春's 2022 lithium aims (yichun-2022-lithium-industry-news, first unseen-62): 锂盐占国内市场份额三分之一以上
  (annotated at least 33.3 percent);
- 江西's 十四五 manufacturing plan news (jiangxi-2021-manufacturing-14th-plan-news, first unseen-59): 占全省GDP比重超过
  三分之一 (exceed) and 其中南昌占全省四分之一以上 (at least 25 percent).

So the view writes N分之M (one to ten, each a single numeral character, the denominator the larger) as "M/N",
right-aligned in the same four characters (三分之一 -> " 1/3"; offsets stay the text's, the quote keeps the words),
and `rules.FRACTION` reads it as before (`fractionsuffix` gives it the 以上 after it), with its 占 / 比重 condition:
a fraction said of a group with neither (全国三分之一以上的高新技术企业, 其中三分之一已与…) stays unread. 百分之 and
千分之 are `measures.write_fractions`'.
"""

from __future__ import annotations

import re
from typing import Final

_DIGITS: Final = "一二三四五六七八九十"
# A numeral before the denominator makes it part of a larger number (二十分之一 is 1/20, not 1/10): the denominator
# must start its number, so one above ten is left unread rather than misread as its last numeral.
WORD_FRACTION: Final = re.compile(
    rf"(?<![{_DIGITS}百千万两零〇])(?P<den>[二三四五六七八九十])分之(?P<num>[{_DIGITS[:-1]}])")


def fold(view: str) -> str:
    """The view with each N分之M (M < N ≤ 10) written M/N in its own four characters."""
    def digits(m: re.Match[str]) -> str:
        den, num = _DIGITS.index(m["den"]) + 1, _DIGITS.index(m["num"]) + 1
        return f"{num}/{den}".rjust(4) if num < den else m[0]
    return WORD_FRACTION.sub(digits, view)

