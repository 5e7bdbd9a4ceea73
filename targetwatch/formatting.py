"""The one number formatter of the project: every number a page, chart or brief shows is written here.

Numbers are written as leaders read them: 万/亿/万亿 in Chinese (45万, 144.2亿), thousands separators in English
(450,000). The scale words and separators come from CLDR through Babel (the Chinese compact-decimal patterns
0万 … 0000亿 … 0万亿, the English grouping), not from a hand-written table, so the rules are the ones every
Chinese-locale program uses.

Rounding is to `digits` significant digits (4 by default), half to even, of the number as written (its shortest
decimal form: 2.675 -> 2.68), then trailing zeros are dropped. Chinese rounds before it picks the scale word, so
9999.95 becomes 1万, not 10000. English writes whole numbers, and numbers of `digits` or more integer digits, in
full (26,500,000,000).

The browser never formats a number: the pages and chart specs carry the text made here (issue 20). The one exception
is the large layout's chart builder (dashboards/static/chart-build.js, issue 16): it writes its charts' numbers as
`_written` does, with the symbols and scales `CLDR` reads here, within `FAST`; tests/e2e/test_chart_build.py holds
its texts equal to these.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
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


def _format_finite(v: float, lang: str, digits: int) -> str:
    """format_number of a finite float, remembered (`MEMO`) at the default digits: a national site writes millions
    of numbers (chart ticks, the same figure on every target of its series). -0.0 shares 0.0's entry, and both are
    written "0"."""
    memo = MEMO.get(lang) if digits == DIGITS else None
    if memo is None:
        return _format_new(v, lang, digits)
    got = memo.get(v)
    if got is None:
        if len(memo) >= MEMO_MAX:
            memo.clear()
        got = memo[v] = _format_new(v, lang, digits)
    return got


def _format_new(v: float, lang: str, digits: int) -> str:
    """format_number of a finite float. The numbers within `FAST` are written by `_written` from CLDR's symbols and
    compact patterns read through Babel once (about 3 us a number; a batch of them by `formatting_many`, about
    0.5 us); the others, and any locale whose patterns `Cldr` does not recognise, by Babel itself (`_babel`, about
    0.1 ms). All give the same text (tests/targetwatch/test_formatting.py and test_formatting_many.py compare
    them)."""
    cldr = CLDR.get(lang)
    if cldr is not None and FAST[0] <= abs(v) < FAST[1]:
        return _written(v, cldr, digits)
    return _babel(v, lang, digits)


def _babel(v: float, lang: str, digits: int) -> str:
    """format_number of a finite float, by Babel's formatters (the definition `_written` follows). Decimal's default
    28 digits of precision cannot hold every finite float as an integer (a projection can reach 1e80), and Babel's
    rounding raised InvalidOperation there and failed the dashboards: the context is widened to the number's size."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, abs(math.frexp(v)[1]) // 3 + digits + 10)  # decimal digits ~ binary exponent x 0.30
        return _babel_in_context(v, lang, digits)


def _babel_in_context(v: float, lang: str, digits: int) -> str:
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


FAST: Final = (1e-6, 1e15)  # |v| written by _written; outside it (and 0) Babel writes the number


class Cldr:
    """What Babel's patterns do with one locale's numbers, read from CLDR once: the minus sign, the group separator
    (None: none), the decimal symbol and, for a compact language, the scales of its short compact patterns (by the
    number's count of integer digits: how many digits the pattern divides off, and its suffix). `ok` is False when
    a pattern is more than digits and a suffix (then Babel writes every number)."""

    def __init__(self, locale: Locale, compact: bool) -> None:
        symbols = locale.number_symbols["latn"]
        self.minus, self.decimal = symbols["minusSign"], symbols["decimal"]
        plain = locale.decimal_formats[None]
        self.group = symbols["group"] if plain.grouping == (3, 3) else None
        self.ok = plain.prefix == ("", self.minus) and plain.suffix == ("", "") and plain.grouping in (
            (3, 3), (1000, 1000))
        self.compact = compact
        self.scales: dict[int, tuple[int, str]] = {}  # integer digits -> (digits divided off, suffix)
        if compact:
            patterns = locale.compact_decimal_formats["short"]
            self.ok = self.ok and set(patterns) == {"other"}
            for magnitude, pattern in patterns["other"].items():
                zeros, power = pattern.pattern.count("0"), len(magnitude) - 1
                self.ok = self.ok and magnitude == "1" + "0" * power and pattern.prefix == ("", self.minus) \
                    and pattern.suffix[0] == pattern.suffix[1] and pattern.grouping == (1000, 1000) \
                    and pattern.pattern == "0" * zeros + pattern.suffix[0] and (zeros > 1 or pattern.suffix[0]
                                                                                 or power == 3)
                # the pattern "0" writes the number as it is; "00万" divides 10^5 by 10^4
                self.scales[power + 1] = (0, "") if pattern.pattern == "0" else (power - zeros + 1, pattern.suffix[0])
            self.ok = self.ok and sorted(self.scales) == list(range(4, 4 + len(self.scales)))

    def fixed(self, digits: str, point: int, grouped: bool) -> str:
        """The positive number 0.<digits> x 10^point (no trailing zeros in `digits`) in fixed point."""
        if point <= 0:
            return "0" + self.decimal + "0" * -point + digits
        whole, frac = (digits + "0" * (point - len(digits)), "") if point >= len(digits) else (
            digits[:point], digits[point:])
        if grouped and self.group is not None and len(whole) > 3:
            whole = f"{int(whole):,}".replace(",", self.group)
        return whole + (self.decimal + frac if frac else "")


def _rounded(v: float, keep: int | None, places: int | None = None) -> tuple[str, int]:
    """abs(v) as written (repr), rounded half to even to `keep` significant digits or to `places` decimals:
    (its digits without leading or trailing zeros, the position of the point after the first of them), ("", 0)
    for zero. What round_significant and quantize(Decimal(1)) give, on the decimal text."""
    mantissa, _, exponent = repr(abs(v)).partition("e")
    whole, _, frac = mantissa.partition(".")
    text = whole + frac
    digits = text.lstrip("0")
    point = len(whole) + (int(exponent) if exponent else 0) - (len(text) - len(digits))
    digits = digits.rstrip("0")
    if not digits:
        return "", 0
    n = keep if keep is not None else point + places  # type: ignore[operator]
    if n < 0:
        return "", 0
    if len(digits) > n:
        head, tail = digits[:n], digits[n:]
        up = tail[0] > "5" or (tail[0] == "5" and (len(tail) > 1 or (n > 0 and head[-1] in "13579")))
        if up:
            bumped = str(int(head or "0") + 1)
            if len(bumped) > n:  # 99.96 -> 100.0: one more integer digit
                point += 1
            head = bumped[:max(n, 1)] if len(bumped) > n else bumped
        digits = head.rstrip("0")
    return digits, point


def _written(v: float, cldr: Cldr, digits: int) -> str:
    """_babel's text from the number's decimal text and CLDR's symbols and scales (no per-number pattern work)."""
    sign = cldr.minus if v < 0 else ""
    if cldr.compact:
        kept, point = _rounded(v, digits)
        if not kept:
            return "0"
        if point <= 3:  # below 1000: the locale's decimal pattern (#,##0.###), unquantised
            return sign + cldr.fixed(kept, point, grouped=True)
        divided, suffix = cldr.scales[min(point, max(cldr.scales))]
        return sign + cldr.fixed(kept, point - divided, grouped=False) + suffix
    if v.is_integer() or abs(v) >= 10**digits:
        kept, point = _rounded(v, None, 0)
    else:
        kept, point = _rounded(v, digits)
    return sign + cldr.fixed(kept, point, grouped=True) if kept else "0"


def _cldr() -> dict[str, Cldr]:
    made = {"zh": Cldr(_LOCALE["zh"], compact=True), "en": Cldr(_LOCALE["en"], compact=False)}
    return {lang: c for lang, c in made.items() if c.ok}


CLDR: Final = _cldr()

# format_number's texts at DIGITS, by language, of the numbers written so far (a plain dict, read inline by
# format_values; filled a batch at a time by formatting_many.remember): emptied when it holds MEMO_MAX numbers,
# which bounds its memory (about 30 MB a language)
MEMO: Final[dict[str, dict[float, str]]] = {lang: {} for lang in LOCALES}
MEMO_MAX: Final = 1 << 18


def unit_word(unit: object, lang: str) -> str:
    """The unit written after a number: 人 / persons; '' for an unknown unit."""
    u = vocab.UNIT_BY_CODE.get(str(unit))
    return "" if u is None else (u.zh if lang == "zh" else u.en)


def unit_suffix(unit: object, lang: str, signed: bool) -> str:
    """What follows the number in `format_value`: %, 个百分点 / pp for a signed percentage, the unit's word (none for
    an English count), or nothing for a unit the vocabulary does not know."""
    if unit == "percent":
        return POINTS[lang] if signed else "%"
    if unit in vocab.UNIT_BY_CODE:
        word = unit_word(unit, lang)
        return word if lang == "zh" else ("" if unit == "count" else f" {word}")
    return ""


def format_value(value: object, unit: object, lang: str, *, signed: bool = False, per_year: bool = False) -> str:
    """A number with its unit in the page language: 45万人, 1.16%, 265亿元; 450,000 persons, 1.16%.

    `signed` writes gaps (+2655, -197) and, for percentages, in percentage points (-1.49个百分点 / -1.49 pp);
    `per_year` adds /年 or "a year" (targets set for every year).
    """
    if type(value) is float and math.isfinite(value):  # most values (a national site writes millions): the
        n = _format_finite(value, lang, DIGITS)  # missing and finite checks once, as format_number makes them
        positive = value > 0
    elif is_missing(value):
        return MISSING
    else:
        n = format_number(value, lang)
        positive = float(value) > 0  # type: ignore[arg-type]
    if signed and positive:
        n = "+" + n
    text = n + unit_suffix(unit, lang, signed)
    if per_year:
        text += PER_YEAR[lang]
    return text


def format_values(values: Iterable[object], unit: object, lang: str, *, signed: bool = False) -> list[str]:
    """format_value of every value of a column (a chart trace's hover texts: a national site writes millions), the
    unit's words chosen once for the column rather than once per value; the same texts as format_value one by one
    (tests/targetwatch/test_chart_columns.py compares them)."""
    suffix = unit_suffix(unit, lang, signed)
    finite, out, memo = math.isfinite, [], MEMO.get(lang, {})
    for v in values:
        if type(v) is float and finite(v):
            n = memo.get(v) or _format_finite(v, lang, DIGITS)
            out.append(("+" + n if signed and v > 0 else n) + suffix)
        else:
            out.append(format_value(v, unit, lang, signed=signed))
    return out


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
