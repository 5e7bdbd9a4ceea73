"""A number written with its 万 inside it (3萬9000 = 39000, 1亿2000万 = 12000万) is one number.

Round 54 (issue 18). Pages from Taiwan and Hong Kong write a figure between ten thousand and a hundred million as
N萬M, the ten-thousands before 萬 and the four last digits after it (3萬9000美元 = 39 000 US dollars, 41萬9100個單位 =
419 100 units); the rules read 3萬 and 9000 美元 as two figures. Development texts showing the class: the 2024–2028
national development plan on a forum (taiwan-2024-national-development-plan-ptt-trad, first unseen-64: 2028年每人平均
GDP3萬9000美元至4萬2000美元, a range annotated 39 000, read as exact 9000 and exact 2000 US dollars at 0.50; 可\n達
3萬9105至4萬2787美元 beside it) and Hong Kong's 2025 housing strategy news (hongkong-2025-housing-strategy-news-trad,
first unseen-59: 總房屋需求為41萬9100個單位, a demand, not annotated).

So, in the folded view, a number of one to four digits (no decimal point, not inside a longer number) followed by 万
and exactly four digits (not followed by another digit, a decimal point or 年: 20万2020年 is two things) is written as
its digits with blanks before it; N亿 followed by four digits and 万 likewise (1亿2000万 -> " 12000万"). Up to two
blanks may stand on either side of the scale word (a PDF's 3 萬9000). The view keeps the text's length and offsets,
as `thousands.join_thousands` does. Four digits are required after the scale
word: 3万9 is a colloquial 39 000 and 3万900 is rare and ambiguous; neither is touched.

Rule 14 of the same round: a Chinese numeral with both scale words (三億九千六百萬元 = 396 million) was read as its
last part (九千六百萬元, 96 million): the 2018 Hong Kong budget news (hongkong-2018-budget-news-trad, first unseen-66:
額外撥款三億九千六百萬元, 當中二億二千六百萬元, 合共撥款三億一千萬元, three annotated allocations). N亿M万 in Chinese
numerals (M below ten thousand) is written as a decimal of 亿, right-aligned in its place (三亿九千六百万 ->
"  3.96亿"), when the decimal is no longer than the numeral; forms cn2an does not read (三亿零五十万) and decimals
that would not fit (三亿十万) are left as they are. The three allocations are now read at their value, still below
the bar in a text read as a report.
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.units import parse_number

_NUMERAL: Final = "[〇零一二两三四五六七八九十百千]"
# Chinese numerals with both scale words (三亿九千六百万, 二亿二千六百万, 三亿一千万): written in 亿 with a decimal.
NUMERAL_COMPOUND: Final = re.compile(
    rf"(?<![〇零一二两三四五六七八九十百千万亿\d.])({_NUMERAL}{{1,6}})亿({_NUMERAL}{{1,8}})万")
COMPOUND: Final = re.compile(
    r"(?<![\d.])(\d{1,4}) {0,2}(?:万 {0,2}(\d{4})(?![\d.]| {0,2}年)|亿 {0,2}(\d{4})(?= {0,2}万))")


def join_compound(view: str) -> str:
    """`view` with each N万M (M four digits) written as one number, N亿M万 as one number of 万, and a Chinese numeral
    N亿M万 as a decimal of 亿 (三亿九千六百万 -> "  3.96亿"), each right-aligned in the place of what it replaces."""
    return NUMERAL_COMPOUND.sub(_numeral, COMPOUND.sub(lambda m: (m[1] + (m[2] or m[3])).rjust(len(m[0])), view))


def _numeral(m: re.Match[str]) -> str:
    """三亿九千六百万 as 3.96亿 (M 万 is M / 10 000 亿), when the decimal is no longer than the numeral."""
    try:
        whole, part = parse_number(m[1]), parse_number(m[2])
    except ValueError:  # 三亿零五十万: a form cn2an does not read; left as it is
        return m[0]
    if whole is None or part is None or not (whole.is_integer() and part.is_integer() and 0 < part < 10_000):
        return m[0]
    written = f"{int(whole)}.{int(part):04d}".rstrip("0") + "亿"
    return written.rjust(len(m[0])) if len(written) <= len(m[0]) else m[0]
