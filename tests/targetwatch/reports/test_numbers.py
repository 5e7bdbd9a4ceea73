"""Numeral helpers added to targetwatch.units for the readers (the others: tests/targetwatch/test_units.py)."""

from __future__ import annotations

import pytest

from targetwatch.units import fold_with_offsets, parse_number, parse_year, strip_footnotes


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2019", 2019),
        ("2019年", 2019),
        ("２０１９年", 2019),
        ("二〇一九年", 2019),
        ("二零一九", 2019),
        ("2019年①", 2019),
        (2019, 2019),
        (2019.0, 2019),
        ("2019.0", 2019),
        ("1800", None),
        ("2019年末", None),
        ("年份", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_year(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.2万亿", 1.2e12), ("2.21萬億", 2.21e12), ("四十萬", 400000.0), ("負四十", -40.0), ("二〇一九", 2019.0)],
)
def test_parse_number_more_forms(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["265亿元", "1500家", "1.22%", "约300", "十分", "1e5", "inf"])
def test_a_number_with_words_or_units_is_not_a_plain_number(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)  # cn2an alone would read '265亿元' as 26500000000 and drop the 元


@pytest.mark.parametrize(
    ("text", "stripped"),
    [("1523①", "1523"), ("22000 *", "22000"), ("高新技术企业*", "高新技术企业"), ("1,523", "1,523")],
)
def test_strip_footnotes(text, stripped):
    assert strip_footnotes(text) == stripped


def test_fold_with_offsets_maps_back_to_the_text_as_written():
    text = "研究與試驗發展（R&D）經費 投入強度為１.２２％①"
    folded, index = fold_with_offsets(text)
    assert folded == "研究与试验发展(r&d)经费投入强度为1.22%"
    assert len(index) == len(folded)
    start = folded.index("1.22%")
    assert text[index[start] : index[start + len("1.22%") - 1] + 1] == "１.２２％"
