"""The number texts of a batch written at once (targetwatch.formatting_many) are format_number's, value for value:
a Hypothesis property over every magnitude the catalogue's units reach (both signs, short decimals with their ties,
whole numbers, the ends of formatting.FAST and past them), worked cases, and the charts' texts read from the memo
the batch fills (chart_texts.values) against format_values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from targetwatch import chart_texts as ct
from targetwatch import formatting, formatting_many, vocab
from targetwatch.chart_texts import Texts

UNITS = [u.code for u in vocab.UNITS] + [None]

# short decimals as a statistics bureau writes them (12.35, 4155, 144.2亿), a quarter of them ties (…5)
_short = st.builds(lambda m, tie, e, sign: sign * float(f"{m * 10 + 5 if tie else m}e{e}"),
                   st.integers(1, 10**7), st.booleans(), st.integers(-12, 12), st.sampled_from((1, -1)))
_any = st.floats(min_value=-1e16, max_value=1e16, allow_nan=False, allow_infinity=False)
_whole = st.integers(-10**15, 10**15).map(float)
_near_powers = st.builds(lambda k, f, sign: sign * 10.0**k * f, st.integers(-7, 15),
                         st.sampled_from((1.0, 1 - 5e-5, 1 - 5e-4, 1 + 5e-4, 1 - 1e-16, 0.99995)),
                         st.sampled_from((1, -1)))
VALUES = st.one_of(_short, _any, _whole, _near_powers, st.sampled_from((0.0, -0.0, math.nan, math.inf)))


@settings(max_examples=300, deadline=None)
@given(st.lists(VALUES, min_size=1, max_size=60), st.sampled_from(("zh", "en")))
def test_a_batch_is_written_as_format_number_writes_each_value(values, lang):
    assert formatting_many.format_numbers(values, lang) == [formatting._format_new(v, lang, 4) if math.isfinite(v)
                                                            else "—" for v in values]


@settings(max_examples=200, deadline=None)
@given(st.lists(VALUES, min_size=1, max_size=40), st.sampled_from(UNITS), st.booleans())
def test_the_charts_texts_from_a_remembered_batch_are_format_values(values, unit, signed):
    """chart_texts.values reads both texts of a remembered value from formatting.MEMO: a chart's texts must be
    format_values' in each language, whether the batch was remembered or not."""
    for remember in (False, True):
        for memo in formatting.MEMO.values():
            memo.clear()
        if remember:
            formatting_many.remember(np.array(values))
        texts = Texts()
        tokens = ct.values(values, unit, texts, signed=signed)
        for lang in ("zh", "en"):
            assert ct.resolve(tokens, texts.table(lang)) == formatting.format_values(values, unit, lang,
                                                                                     signed=signed)


@pytest.mark.parametrize(("value", "zh", "en"), [
    (-12000.0, "-1.2万", "-12,000"),  # negative: the minus sign, then the scale word / separators
    (-197.0, "-197", "-197"),
    (0.0, "0", "0"),
    (-0.0, "0", "0"),
    (1e8, "1亿", "100,000,000"),  # 10^8 yuan
    (26_500_000_000.0, "265亿", "26,500,000,000"),
    (14_415_000_000.0, "144.2亿", "14,415,000,000"),  # 4 significant digits of the scaled number
    (1.16, "1.16", "1.16"),  # a percentage
    (87.5, "87.5", "87.5"),
    (2.675, "2.675", "2.675"),  # as written (repr), not the binary 2.67499…
    (12.345, "12.34", "12.34"),  # a tie after an even digit stays
    (12.355, "12.36", "12.36"),  # a tie after an odd digit rounds up
    (1234.5, "1234", "1,234"),  # below 万 in full, no separator in Chinese
    (12345.678, "1.235万", "12,346"),  # English: 5 integer digits, a whole number
    (0.004321, "0.004321", "0.004321"),
    (0.000001, "0.000001", "0.000001"),  # the lower end of formatting.FAST
    (9999.95, "1万", "10,000"),  # rounds up into the next scale word / digit
    (99995.0, "10万", "99,995"),
    (123456789012345.6, "123.5万亿", "123,456,789,012,346"),  # huge
    (999999999999999.9, "1000万亿", "1,000,000,000,000,000"),  # the carry past 10^15
])
def test_worked_cases(value, zh, en):
    assert formatting_many.format_numbers([value], "zh") == [zh]
    assert formatting_many.format_numbers([value], "en") == [en]
    assert (formatting.format_number(value, "zh"), formatting.format_number(value, "en")) == (zh, en)


@pytest.mark.parametrize(("value", "unit", "signed", "zh", "en"), [
    (1e8, "yuan", False, "1亿元", "100,000,000 yuan"),
    (-1.49, "percent", True, "-1.49个百分点", "-1.49 pp"),
    (2655.0, "count", True, "+2655个", "+2,655"),
    (450000.0, "persons", False, "45万人", "450,000 persons"),
])
def test_worked_chart_texts_from_the_memo(value, unit, signed, zh, en):
    for memo in formatting.MEMO.values():
        memo.clear()
    assert formatting_many.remember([value, math.nan, 0.0, 1e17]) == 1  # only the value in FAST is written
    assert formatting.MEMO["zh"][value] == formatting.format_number(value, "zh")
    texts = Texts()
    tokens = ct.values([value], unit, texts, signed=signed)
    assert [ct.resolve(tokens, texts.table(lg)) for lg in ("zh", "en")] == [[zh], [en]]


def test_the_memo_is_emptied_when_a_batch_would_not_fit(monkeypatch):
    monkeypatch.setattr(formatting_many, "MEMO_MAX", 4)
    for memo in formatting.MEMO.values():
        memo.clear()
    formatting_many.remember([1.5, 2.5, 3.5])
    formatting_many.remember([4.5, 5.5])  # 3 + 2 > 4: emptied first
    assert sorted(formatting.MEMO["en"]) == [4.5, 5.5]
    assert formatting.MEMO["zh"][5.5] == "5.5"


def test_values_outside_the_fast_range_are_refused_by_the_batch_writer():
    with pytest.raises(ValueError, match="FAST"):
        formatting_many.written_many(np.array([1e15]), formatting.CLDR["en"])


def test_the_one_at_a_time_memo_is_bounded_and_keeps_the_default_digits_only(monkeypatch):
    """format_number remembers a text only at formatting.DIGITS, by language, and empties a language's memo when it
    holds MEMO_MAX numbers (the bound formatting's comment gives)."""
    monkeypatch.setattr(formatting, "MEMO_MAX", 2)
    for memo in formatting.MEMO.values():
        memo.clear()
    assert formatting.format_number(1.23456, "en", digits=2) == "1.2"  # another digits: not remembered
    assert formatting.MEMO["en"] == {}
    assert (formatting.format_number(1.23456, "en"), formatting.format_number(1.23456, "zh")) == ("1.235", "1.235")
    assert formatting.format_number(1.23456, "en", digits=2) == "1.2"  # not read from the default digits' entry
    formatting.format_number(2.5, "en")
    assert formatting.MEMO["en"] == {1.23456: "1.235", 2.5: "2.5"}
    formatting.format_number(12345.0, "en")  # a third number: the full memo is emptied first
    assert formatting.MEMO["en"] == {12345.0: "12,345"} and formatting.MEMO["zh"] == {1.23456: "1.235"}
