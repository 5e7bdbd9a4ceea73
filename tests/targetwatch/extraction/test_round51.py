"""Round 51 of issue 18: after unseen-61 joined the development side, rules written against the development side only
(the test half, the holdouts and any fresh set not read while writing).

- digits grouped by thousands with an ASCII comma (`thousands.py`): 1,000萬元, 1,500億元 are one number each; a
  full-width ， between digits stays a clause's end.
- a unitless ratio lowered to a level (`lowerindex.py`): 求人倍率降低到1.3以下, 电能利用效率降到1.3以下,
  PUE控制在1.25以下 are `index` targets, at most; a ratio as it stands (求人倍率1.10) is not read.

Expected values are worked out by hand from each sentence. Real sentences name their corpus text (development side);
controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.text import fold
from targetwatch.extraction.thousands import join_thousands
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# --- rule 1: thousands commas -------------------------------------------------------------------------------------

# taiwan-2015-productivity-40-plan-news-trad (development, first unseen-61; 2015-06): 1,000萬元 = 10,000,000 yuan
# per person, at least (達到), by 2024. Before the round not read (000萬元 alone).
PRODUCTIVITY = "政院也開出高標,2024年時要讓製造業人均產值達到1,000萬元,"


@pytest.mark.parametrize("text", variants(PRODUCTIVITY))
def test_a_figure_grouped_by_thousands_is_one_number(text):
    assert _read(quantified(text, "2015-06")) == [(10_000_000, "yuan", "at_least", 2024)]


def test_the_view_joins_the_groups_and_keeps_the_length():
    text = "達到1,000萬元,募資1,500億元,共1,234,567人"
    view = fold(text)
    assert len(view) == len(text)
    assert view == "达到 1000万元,募资 1500亿元,共  1234567人"


@pytest.mark.parametrize(("text", "view"), [
    ("培育企业5，500家", "培育企业5,500家"),  # SYNTHETIC: a full-width comma in the text is a clause's end
    ("增长8%,12%,15%", "增长8%,12%,15%"),  # SYNTHETIC: a list of rates, no group of three digits
    ("2019,2020年", "2019,2020年"),  # SYNTHETIC: years, four digits after the comma
    ("共1,32万人", "共1,32万人"),  # SYNTHETIC: two digits after the comma: no thousands group
])
def test_commas_that_group_no_thousands_stay(text, view):
    assert join_thousands(text, fold(text)) == view


# --- rule 2: a unitless ratio lowered to a level ----------------------------------------------------------------

# chongqing-2022-skills-plans-news (development, first unseen-57; 2022-02): vacancies per job seeker, index, at most
# (以下 / 以内); the 十四五's 2025 given here by 到2025年 (the stored text's year lead).
CHONGQING = "到2025年,全市技术工人求人倍率降低到1.3以下,高技能人才求人倍率降低到1.5以内;"
# china-2020-data-centre-system-opinion-news-trad (development, first unseen-61; 2020-12): power usage, at most 1.3.
DATA_CENTRES = "到2025年,大型、超大型數據中心運行電能利用效率降到1.3以下。"


@pytest.mark.parametrize("text", variants(CHONGQING))
def test_a_ratio_of_vacancies_lowered_is_an_index(text):
    assert _read(quantified(text, "2022-02")) == [(1.3, "index", "at_most", 2025), (1.5, "index", "at_most", 2025)]


@pytest.mark.parametrize("text", variants(DATA_CENTRES))
def test_power_usage_lowered_is_an_index(text):
    assert _read(quantified(text, "2020-12")) == [(1.3, "index", "at_most", 2025)]


@pytest.mark.parametrize("text", variants("为实现“十四五”末平均PUE控制在1.25以下的目标奠定基础。"))
def test_pue_held_below_is_an_index(text):
    """china-2025-digital-infrastructure-14th-fyp-review (development, first unseen-61; 2025-11): the 十四五's end,
    2025; 控制在 with 以下 is at most."""
    assert _read(quantified(text, "2025-11")) == [(1.25, "index", "at_most", 2025)]


@pytest.mark.parametrize("text", variants("在三季度,全国100个城市人力资源市场求人倍率1.10,岗位供给数大于需求人数。"))
def test_a_ratio_as_it_stands_is_not_read(text):
    """china-2016-jobs-q3-status-news (development, first unseen-24): no verb before the ratio, status."""
    assert [p for p in quantified(text, "2016-10") if p.unit == "index"] == []
