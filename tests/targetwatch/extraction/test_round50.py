"""Round 50 of issue 18: rules written against the development side only (the test half, the holdouts and any fresh
set not read while writing).

- a bug found in review (`aboutfigure.word_before`): 约 opening a clause had no character before it inside the search
  window, the empty string was found `in` the list of word starts (节约, 签约 …), and the figure stayed exact.

Expected values are worked out by hand from each sentence. Real sentences name their corpus text (development side);
controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.aboutfigure import word_before
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# --- the 约 bug: 约 opening a clause ----------------------------------------------------------------------------

# SYNTHETIC: the renewable-energy sentence of round 48 (china-2022-renewable-energy-14th-plan-news-trad, development)
# with its subject moved out of the clause, so that 约为 opens it. No development text has 约 opening a clause before
# a target (the five clause-opening 约 there are 约占, status), so the development score does not move.
OPENING = "到2025年,约为3.3万亿千瓦时。"


@pytest.mark.parametrize("text", variants(OPENING, spaced="%万萬千"))
def test_about_opening_a_clause_is_approx(text):
    """Before the fix: exact."""
    assert _read(quantified(text, "2022-06")) == [(3_300_000_000_000, "kwh", "approx", 2025)]


@pytest.mark.parametrize("text", variants("到2025年,节约3万吨标准煤,签约3000家。"))
def test_yue_ending_a_word_at_a_clause_start_is_no_cue(text):
    """SYNTHETIC control: 节约 and 签约 open their clauses; 约 stays part of the word, the figures exact."""
    assert _read(quantified(text, "2022-06")) == [(30_000, "tce", "exact", 2025), (3000, "count", "exact", 2025)]


@pytest.mark.parametrize(("view", "at", "expected"), [
    ("约为3.3万亿", 0, False),  # 约 at the start of the view: nothing before it
    (",约为3.3万亿", 1, False),  # after a comma: a cue
    ("节约3万吨", 1, True),  # 节约: part of a word
    ("簽約3000家", 1, False),  # 簽 unfolded is not in the list: the rule reads the folded view (签约)
    ("签约3000家", 1, True),
])
def test_word_before(view, at, expected):
    assert word_before(view, at) is expected
