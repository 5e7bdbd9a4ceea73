"""The number texts of a batch of values at once: format_number of each value, written by numpy and Arrow.

A national site's charts write about 1.5 million number texts, each in two languages (targetwatch.chart_texts),
most of them of values seen once (a target's figures, its path, its projection). One at a time, `formatting._written`
costs about 3 us a value and language; here a batch's distinct values are written together (about 0.5 us) and put
in `formatting.MEMO`, where the chart builders' calls find them (`remember`).

One table of rules for both: the texts follow the same `formatting.Cldr` (CLDR's minus sign, decimal symbol, group
separator and compact scales, read through Babel once) and the same rounding (half to even, on the shortest decimal
text of the value, to `formatting.DIGITS` significant digits; English whole numbers and numbers of DIGITS or more
integer digits to a whole number). Only the arithmetic differs: `_written` rounds the digits as text, this module
as 64-bit integers (the shortest text has at most 17 significant digits, and |v| < 10^15 in `formatting.FAST`,
the only values written here: the others are written one at a time, by Babel, as format_number writes them).
Arrow's cast of a double to a string writes the shortest decimal that reads back as the same double, the digits
Python's repr writes. tests/targetwatch/test_formatting_many.py compares every text with format_number's (a
Hypothesis property over every magnitude the catalogue's units reach, and worked cases).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from targetwatch import formatting
from targetwatch.formatting import DIGITS, MEMO, MEMO_MAX, Cldr

_POW10: Final = np.array([10**k for k in range(19)], dtype=np.int64)  # 10^0 … 10^18, exact
# a double's shortest text as Arrow's cast writes it: 0.0000015, 1234.5, 123456789, 1.2345678901234567e+14, 1e-7
_SHORTEST: Final = r"^(?P<whole>[0-9]+)(?:\.(?P<frac>[0-9]+))?(?:e\+?(?P<exp>-?[0-9]+))?$"
_GROUP_WIDTH: Final = 18  # the widest whole part grouped: |v| < 10^15 rounds to at most 16 digits


def _strip_zeros(m: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each integer of `m` (of `n` digits) without its trailing zeros, and its count of digits; 0 stays 0."""
    m, n = m.copy(), n.copy()
    for _ in range(len(_POW10)):
        z = (m % 10 == 0) & (m != 0)
        if not z.any():
            break
        m[z] //= 10
        n[z] -= 1
    return m, n


def _shortest(a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of each positive double of `a`, its shortest decimal text as (its significant digits as an integer, without
    leading or trailing zeros; their count; the position of the point after the first of them): 2.675 -> (2675, 4,
    1), 0.0000015 -> (15, 2, -5), 1.2e14 -> (12, 2, 15). What `formatting._rounded` reads from repr."""
    text = pa.array(a, type=pa.float64()).cast(pa.string())
    # most texts are fixed point (0.0000015, 1234.5, 123456789): their point read by a substring search; the few
    # with an exponent (1.2345678901234567e+14) by a regular expression
    dot = pc.find_substring(text, ".").to_numpy()
    whole = np.where(dot < 0, pc.binary_length(text).to_numpy(), dot).astype(np.int64)
    sci_mask = pc.find_substring(text, "e").to_numpy() >= 0
    joined = pc.replace_substring(pc.if_else(pa.array(sci_mask), "0", text), ".", "")
    m = pc.cast(joined, pa.int64()).to_numpy().copy()  # leading zeros read away: 0.0000015 -> 15
    written = pc.binary_length(joined).to_numpy().astype(np.int64)
    e = np.zeros(len(a), dtype=np.int64)
    sci = np.flatnonzero(sci_mask)
    if len(sci):
        parts = pc.extract_regex(text.take(pa.array(sci)), _SHORTEST)
        digits = pc.binary_join_element_wise(parts.field("whole"), parts.field("frac"), "")
        whole[sci] = pc.binary_length(parts.field("whole")).to_numpy()
        e[sci] = pc.cast(parts.field("exp"), pa.int64()).to_numpy()
        m[sci] = pc.cast(digits, pa.int64()).to_numpy()
        written[sci] = pc.binary_length(digits).to_numpy()
    n = np.searchsorted(_POW10, m, side="right").astype(np.int64)  # m's digits (m >= 1)
    point = whole + e - (written - n)
    m, n = _strip_zeros(m, n)
    return m, n, point


def _rounded(m: np.ndarray, n: np.ndarray, point: np.ndarray,
             keep: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The digits (m, n, point) rounded half to even to `keep` significant digits each (formatting._rounded's rule:
    up when what is cut is more than half, or exactly half after an odd digit), as (digits, count, point); 0 digits
    (m == 0) for a number that rounds to zero."""
    drop = n - keep
    cut = _POW10[np.clip(drop, 0, len(_POW10) - 1)]
    head, tail = np.divmod(m, cut)
    half = cut // 2
    up = (drop > 0) & ((tail > half) | ((tail == half) & (head % 2 == 1)))
    head = head + up
    carry = up & (head == _POW10[np.clip(keep, 0, len(_POW10) - 1)])  # 99.96 -> 100.0: one more integer digit
    head[carry] = 1
    point = point + carry
    count = np.where(drop > 0, keep, n)
    count[carry] = 1
    head[keep < 0] = 0
    head, count = _strip_zeros(head, count)
    return head, count, point


def _fixed(cldr: Cldr, m: np.ndarray, n: np.ndarray, point: np.ndarray, grouped: np.ndarray) -> pa.Array:
    """`Cldr.fixed` of each number 0.<m> x 10^point (m of n digits, no trailing zeros): its whole part (grouped by
    the locale's separator where `grouped`), and its decimals after the locale's decimal symbol if it has any."""
    decimals = np.maximum(n - point, 0)
    if decimals.max(initial=0) >= len(_POW10) - 1:
        raise ValueError("more decimals than 64-bit integers hold")  # not reached in FAST at DIGITS
    whole = np.where(point >= n, m * _POW10[np.clip(point - n, 0, len(_POW10) - 1)], m // _POW10[decimals])
    whole_text = pa.array(whole).cast(pa.string())
    if cldr.group is not None and grouped.any():
        padded = pc.ascii_lpad(whole_text, _GROUP_WIDTH, " ")  # digits only
        threes = [pc.utf8_slice_codeunits(padded, k, k + 3) for k in range(0, _GROUP_WIDTH, 3)]
        joined = pc.utf8_ltrim(pc.binary_join_element_wise(*threes, cldr.group), " " + cldr.group)
        whole_text = pc.if_else(pa.array(grouped & (whole >= 1000)), joined, whole_text)
    # the decimals with their leading zeros: 10^decimals added, its first digit cut
    frac_text = pc.utf8_slice_codeunits(pa.array(m % _POW10[decimals] + _POW10[decimals]).cast(pa.string()), 1)
    return pc.if_else(pa.array(decimals > 0), pc.binary_join_element_wise(whole_text, frac_text, cldr.decimal),
                      whole_text)


def written_many(v: np.ndarray, cldr: Cldr, digits: int = DIGITS) -> list[str]:
    """`formatting._written(x, cldr, digits)` of each finite value x of `v`, |x| in formatting.FAST."""
    v = np.asarray(v, dtype=np.float64)
    if not len(v):
        return []
    a = np.abs(v)
    if not ((a >= formatting.FAST[0]) & (a < formatting.FAST[1])).all():
        raise ValueError("written_many writes the values of formatting.FAST only")
    m, n, point = _shortest(a)
    if cldr.compact:
        m, n, point = _rounded(m, n, point, np.full(len(v), digits, dtype=np.int64))
        top = max(cldr.scales)
        divided = np.zeros(top + 2, dtype=np.int64)  # by the rounded number's integer digits (up to top + 1)
        suffixes = [""] * (top + 2)
        for p in range(4, top + 2):
            divided[p], suffixes[p] = cldr.scales[min(p, top)]
        scaled = point > 3  # below 1000: the locale's decimal pattern, unscaled
        at = np.where(scaled, np.clip(point, 0, top + 1), 0)
        body = _fixed(cldr, m, n, point - divided[at], ~scaled)
        suffix = pa.array(suffixes).take(pa.array(at))
    else:
        whole = (np.floor(v) == v) | (a >= 10.0**digits)
        m, n, point = _rounded(m, n, point, np.where(whole, point, digits))
        body = _fixed(cldr, m, n, point, np.ones(len(v), dtype=bool))
        suffix = pa.nulls(len(v), pa.string()).fill_null("")
    sign = pc.if_else(pa.array(v < 0), cldr.minus, "")
    text = pc.binary_join_element_wise(sign, body, suffix, "")
    return pc.if_else(pa.array(m == 0), "0", text).to_pylist()


def format_numbers(values: Iterable[object], lang: str) -> list[str]:
    """format_number(x, lang) of each value, the finite ones in formatting.FAST written together (written_many),
    the others one at a time as format_number writes them (missing, zero, past the range, a language whose patterns
    formatting.Cldr does not read)."""
    items = list(values)
    cldr = formatting.CLDR.get(lang)
    out = [formatting.format_number(x, lang) for x in items] if cldr is None else [""] * len(items)
    if cldr is None:
        return out
    floats = np.array([x if type(x) is float or type(x) is int else np.nan for x in items], dtype=np.float64)
    a = np.abs(floats)
    fast = (a >= formatting.FAST[0]) & (a < formatting.FAST[1])  # NaN compares False
    at = np.flatnonzero(fast)
    for k, text in zip(at.tolist(), written_many(floats[at], cldr), strict=True):
        out[k] = text
    for k in np.flatnonzero(~fast).tolist():
        out[k] = formatting.format_number(items[k], lang)
    return out


def as_floats(values: np.ndarray | Iterable[object]) -> np.ndarray:
    """The values as float64, None (and NaN) as NaN; if some are not numbers (pd.NA, text), the Python floats among
    them only."""
    if isinstance(values, np.ndarray):
        return values.astype(np.float64, copy=False)
    items = values if isinstance(values, list) else list(values)
    try:
        return np.asarray(items, dtype=np.float64)
    except (TypeError, ValueError):
        return np.asarray([v for v in items if type(v) is float], dtype=np.float64)


def remember(values: np.ndarray | Iterable[float]) -> int:
    """Write the distinct finite values of `values` in formatting.FAST at once, in every language `formatting.MEMO`
    holds, and put their texts there, where format_number, format_value and format_values find them (a batch of the
    data files' values, before its charts are built). Return how many values were written. The memo is emptied first
    when they would not fit in it (MEMO_MAX)."""
    v = np.unique(as_floats(values))
    a = np.abs(v)
    v = v[(a >= formatting.FAST[0]) & (a < formatting.FAST[1])]
    if len(v) > MEMO_MAX:
        v = v[:MEMO_MAX]
    keys = v.tolist()
    for lang, memo in MEMO.items():
        cldr = formatting.CLDR.get(lang)
        if cldr is None:
            continue
        if len(memo) + len(keys) > MEMO_MAX:
            memo.clear()
        memo.update(zip(keys, written_many(v, cldr), strict=True))
    return len(keys)
