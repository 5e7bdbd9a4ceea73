"""Numbers and units as Chinese statistics write them."""

from __future__ import annotations

import pytest

from targetwatch.units import parse_number, split_value_unit, to_simplified, written_unit

NUMBERS = [
    ("123", 123.0),
    ("１２３", 123.0),  # full-width digits
    ("1,523", 1523.0),  # thousands separator
    ("１，５２３", 1523.0),  # full-width comma
    ("1.3万", 13000.0),
    ("四十万", 400000.0),
    ("两百", 200.0),
    ("-0.06", -0.06),
    ("－0.06", -0.06),  # full-width minus
    ("22000*", 22000.0),  # footnote mark
    ("103①", 103.0),
    (" 43.7 ", 43.7),
    ("—", None),
    ("…", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("text", ["abc", "约", "12ab"])
def test_parse_number_rejects_text(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


UNITS = [
    ("万人", ("persons", 1e4)),
    ("（万人）", ("persons", 1e4)),
    ("萬人", ("persons", 1e4)),
    ("亿元", ("yuan", 1e8)),
    ("億元", ("yuan", 1e8)),
    ("万元", ("yuan", 1e4)),
    ("%", ("percent", 1)),
    ("％", ("percent", 1)),
    ("家", ("count", 1)),
    ("件", ("items", 1)),
    ("万户", ("households", 1e4)),
    ("firms", ("count", 1)),
    ("单位：亿元", ("yuan", 1e8)),
    ("furlongs", None),
]


@pytest.mark.parametrize(("unit", "expected"), UNITS)
def test_written_unit(unit, expected):
    assert written_unit(unit) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("265亿元", 265e8, "yuan"), ("1.3万件", 13000, "items"), ("１５％", 15, "percent"),
     ("四十万人", 400000, "persons"),
     ("45万人", 450000, "persons"), ("1500家", 1500, "count")],
)
def test_split_value_unit_normalises_to_base_units(text, value, unit):
    number, written = split_value_unit(text)
    base, factor = written_unit(written)
    assert (parse_number(number) * factor, base) == (pytest.approx(value), unit)


def test_traditional_to_simplified():
    assert to_simplified("眾創空間") == "众创空间"
