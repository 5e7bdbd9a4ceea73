"""Second review of rounds 52 and 53 (issue 18): over-reach found by probing the rule modules with made-up sentences.

- `wordfraction`: a denominator is a whole number, so 二十分之一 (1/20) is not 十分之一 (1/10) after a 二.

Expected values are worked out by hand. Every sentence here is SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.text import fold
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# --- `wordfraction`: a denominator above ten is left unread, not read as its last numeral ----------------------------


@pytest.mark.parametrize("words", ["二十分之一", "三十分之一", "九十分之七"])
def test_a_denominator_above_ten_is_not_folded(words):
    assert fold(f"占全国{words}以上") == f"占全国{words}以上"


@pytest.mark.parametrize("text", variants("到2025年,全市产值占全国二十分之一以上。"))
def test_a_twentieth_is_not_read_as_a_tenth(text):
    """Before: 10 percent at least (the 十分之一 inside 二十分之一)."""
    assert [r for r in _read(quantified(text, "2022-06")) if r[1] == "percent"] == []


@pytest.mark.parametrize("text", variants("到2025年,全市产值占全国十分之一以上。"))
def test_a_tenth_is_still_read(text):
    """The control: 十分之一 alone is 10 percent, at least."""
    assert _read(quantified(text, "2022-06")) == [(10, "percent", "at_least", 2025)]
