"""Review fixes to round 51's rules (issue 18, session 19): each rule matched the sentence it came from but not the
whole class its docstring names.

- `lowerindex.py`: 值 / 平均值 (and blanks) between the ratio's name and the verb (平均PUE值降到1.3以下); blanks before
  a unit after the number (降低到1.3 万) keep it from being an index, as ratios' `_END` skips them.
- `fundverbs.py`: a blank between 各 and the verb (各 设立100亿元) still leaves the figure to the coverage rule.
- `rules.DEFINITION`: a blank after 定义为 (软件定义为 核心, a PDF's spacing) still opens the frame 以…为核心.

Expected values are worked out by hand; sentences made up for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read


def _rules(text: str, issued_on: str) -> list[str]:
    """Every proposal's rule, down to confidence 0 (a rule that fires below the bar still shows)."""
    return [p.rule for p in extract_targets(text, "t", min_confidence=0.0, issued=issued_on)]


# --- 1. 值 / 平均值 between the ratio's name and the verb (`lowerindex.LOWERED`) -------------------------------------

# SYNTHETIC: the common form PUE值; a data centre's power usage, index, at most 1.3 (降到 and 以下), by 2025.
PUE_VALUE = "到2025年,数据中心平均PUE值降到1.3以下"


@pytest.mark.parametrize("text", [*variants(PUE_VALUE), "到2025年,数据中心平均PUE 值 降到1.3 以下",
                                  "到2025年,数据中心PUE 平均值降到1.3以下"])
def test_a_ratio_named_with_zhi_lowered_is_an_index(text):
    """The last two: SYNTHETIC blanks (a PDF's spacing) around 值 and between the name and 平均值."""
    assert _read(quantified(text, "2021-01")) == [(1.3, "index", "at_most", 2025)]


# --- 2. blanks before a unit after the number (`lowerindex.LOWERED`) ---------------------------------------------

# SYNTHETIC: 1.3 万 is a count (13,000), not the ratio's level; no index is proposed.
RATIO_THEN_UNIT = "到2025年,求人倍率降低到1.3 万。"


@pytest.mark.parametrize("text", [*variants(RATIO_THEN_UNIT), "到2025年,求人倍率降低到1.3  万。"])
def test_a_number_followed_by_a_blank_and_a_unit_is_no_lowered_index(text):
    assert "lowered_index" not in " ".join(_rules(text, "2021-01"))


@pytest.mark.parametrize("text", variants("到2025年,求人倍率降低到1.3 以下。"))
def test_a_blank_before_the_comparator_still_reads_the_index(text):
    """SYNTHETIC control: the blank skipped before a unit does not stop 以下 after a blank."""
    assert _read(quantified(text, "2021-01")) == [(1.3, "index", "at_most", 2025)]
