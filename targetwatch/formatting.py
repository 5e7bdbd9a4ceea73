"""The one number formatter of the project: every number a page, chart or brief shows is written here.

Numbers are written as leaders read them: 万/亿/万亿 in Chinese (45万, 144.2亿), thousands separators in English
(450,000). The scale words and separators come from CLDR through Babel (the Chinese compact-decimal patterns
0万 … 0000亿 … 0万亿, the English grouping), not from a hand-written table, so the rules are the ones every
Chinese-locale program uses.

Rounding is to `digits` significant digits (4 by default), half to even, of the number as written (its shortest
decimal form: 2.675 -> 2.68), then trailing zeros are dropped. Chinese rounds before it picks the scale word, so
9999.95 becomes 1万, not 10000. English writes whole numbers, and numbers of `digits` or more integer digits, in
full (26,500,000,000).

The browser never formats a number: the pages and chart specs carry the text made here (issue 20).
"""

from __future__ import annotations

import functools
import math
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final

import pandas as pd
from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal

from targetwatch import vocab

LOCALES: Final = {"zh": "zh_Hans_CN", "en": "en"}
_LOCALE: Final = {lang: Locale.parse(name) for lang, name in LOCALES.items()}  # parsed once, not per number
MISSING: Final = "—"
DIGITS: Final = 4

# Unit words around a number that are not units (the units themselves are vocab.UNITS).
POINTS: Final = {"zh": "个百分点", "en": " pp"}  # a gap in a share: percentage points
PER_YEAR: Final = {"zh": "/年", "en": " a year"}


def is_missing(value: object) -> bool:
    """None, pandas' NA/NaT and NaN are missing; so is anything that is not a number."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def _decimal(value: float) -> Decimal:
    """The number as written: the shortest decimal that reads back as the same float (repr)."""
    return Decimal(repr(float(value)))


def round_significant(value: float, digits: int = DIGITS) -> Decimal:
    """`value` rounded half to even to `digits` significant digits, as a Decimal (exact, no binary noise)."""
    d = _decimal(value)
    if d == 0:
        return Decimal(0)
    exponent = d.adjusted() - digits + 1  # the place of the last digit kept
    return d.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)


def _decimals_for(d: Decimal, digits: int) -> int:
    """How many decimals `digits` significant digits of `d` need (0 for numbers of `digits` or more digits)."""
    return 0 if d == 0 else max(0, digits - 1 - d.adjusted())


def format_number(value: object, lang: str, digits: int = DIGITS) -> str:
    """450000 -> 45万 / 450,000; 14415000000 -> 144.2亿 / 14,415,000,000; 1.16 -> 1.16; missing -> an em dash."""
    if is_missing(value):
        return MISSING
    v = float(value)  # type: ignore[arg-type]
    if not math.isfinite(v):
        return MISSING
    return _format_finite(v, lang, digits)


@functools.lru_cache(maxsize=1 << 18)
def _format_finite(v: float, lang: str, digits: int) -> str:
    """format_number of a finite float, remembered: a national site writes millions of numbers (chart ticks, the
    same figure on every target of its series) and Babel takes about 0.1 ms each. -0.0 shares 0.0's entry, and
    both are written "0"."""
    if lang == "zh":
        d = round_significant(v, digits)
        if d == 0:
            return "0"
        # the compact pattern divides by 10^4, 10^8 or 10^12: the scaled number never needs more decimals than
        # `digits` - 1, and below 10^4 the pattern is the plain number (no separators in Chinese)
        frac = digits - 1 if abs(d) >= 10_000 else _decimals_for(d, digits)
        return format_compact_decimal(d, locale=_LOCALE["zh"], fraction_digits=frac)
    if v.is_integer() or abs(v) >= 10**digits:
        d = _decimal(v).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    else:
        d = round_significant(v, digits)
    if d == 0:
        return "0"
    text = format_decimal(d.normalize() if d == d.to_integral() else d, locale=_LOCALE["en"],
                          decimal_quantization=False)
    return text.rstrip("0").rstrip(".") if "." in text else text


def unit_word(unit: object, lang: str) -> str:
    """The unit written after a number: 人 / persons; '' for an unknown unit."""
    u = vocab.UNIT_BY_CODE.get(str(unit))
    return "" if u is None else (u.zh if lang == "zh" else u.en)


def format_value(value: object, unit: object, lang: str, *, signed: bool = False, per_year: bool = False) -> str:
    """A number with its unit in the page language: 45万人, 1.16%, 265亿元; 450,000 persons, 1.16%.

    `signed` writes gaps (+2655, -197) and, for percentages, in percentage points (-1.49个百分点 / -1.49 pp);
    `per_year` adds /年 or "a year" (targets set for every year).
    """
    if is_missing(value):
        return MISSING
    n = format_number(value, lang)
    if signed and float(value) > 0:  # type: ignore[arg-type]
        n = "+" + n
    if unit == "percent":
        text = n + POINTS[lang] if signed else n + "%"
    elif unit in vocab.UNIT_BY_CODE:
        word = unit_word(unit, lang)
        text = n + word if lang == "zh" else (n if unit == "count" else f"{n} {word}")
    else:
        text = n
    if per_year:
        text += PER_YEAR[lang]
    return text


def format_percent(value: object) -> str:
    """An attainment or share already in percent, whole: 87%; missing -> an em dash (the same in both languages)."""
    if is_missing(value):
        return MISSING
    return f"{_decimal(float(value)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)}%"  # type: ignore[arg-type]


def format_audit(value: object) -> str:
    """A number for auditors (the quality report), the same in both languages: whole numbers in full with
    separators (1,234,567), others to 6 significant digits (0.0123457, 1,234.57); text is shown as it is."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.6g}"


def both(value: object, unit: object = None, **kw: bool) -> dict[str, str]:
    """The same value written in both page languages: {"zh": ..., "en": ...}."""
    return {lang: format_value(value, unit, lang, **kw) for lang in LOCALES}
