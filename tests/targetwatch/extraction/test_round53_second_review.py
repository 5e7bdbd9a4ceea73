"""Second review of rounds 52 and 53 (issue 18): over-reach found by probing the rule modules with made-up sentences.

- `wordfraction`: a denominator is a whole number, so 二十分之一 (1/20) is not 十分之一 (1/10) after a 二.
- `rules.STATUS_DONE`: 已将…目标 (a goal set: 已将目标定为…, 已将…下降目标提高到…) is no thing done, as 已将…纳入 is.
- `rangeclass`: a range before 的目标 / 的水平 / 的规模 is the level itself, not a class of things.
- `shareheld`: a share after 力争到2025年, (intent and a deadline ahead earlier in its sentence) is a goal.
- `legalunits.NOT_AFTER`: 兆瓦时代 / 千瓦时代 is an era (时代), not an energy unit (older than round 52; the energy
  words of the review of round 52 share it).
- `sitearea`: an area per head (人均住房建筑面积, 人均建设用地面积) is a level to reach, not a site's size.

Expected values are worked out by hand. Every sentence here is SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.shareheld import AHEAD
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


# --- `sitearea`: an area per head is a level, not a site ------------------------------------------------------------


@pytest.mark.parametrize("text", variants("到2025年,城镇人均住房建筑面积达40平方米。", spaced="平"))
def test_a_housing_area_per_head_is_a_target(text):
    """Before: 0.30 (the site-area weight); a per-head level at 达 with a deadline, as 人均体育场地面积 is read."""
    assert _read(quantified(text, "2022-06")) == [(40, "sqm", "at_least", 2025)]


@pytest.mark.parametrize("text", variants("到2025年,人均城镇建设用地面积为100平方米。", spaced="平"))
def test_a_land_area_per_head_is_a_target(text):
    """Four characters between 人均 and 用地面积; 为 before the figure: exactly 100 square metres."""
    assert _read(quantified(text, "2022-06")) == [(100, "sqm", "exact", 2025)]


@pytest.mark.parametrize("text", variants("到2025年,项目占地面积约80亩,建设厂房3万平方米。", spaced="亩万萬"))
def test_a_site_area_without_a_per_head_stays_a_size(text):
    """The control: the land a project takes is below the bar; the floor space to build is read (exact: no cue)."""
    assert _read(quantified(text, "2022-06")) == [(30000, "sqm", "exact", 2025)]


# --- `rules.STATUS_DONE`: 已将 before a goal sets it, it reports nothing done -----------------------------------------


@pytest.mark.parametrize("text", variants("我市已将目标定为到2025年产值达到100亿元。", spaced="亿億"))
def test_a_goal_set_with_yijiang_is_a_target(text):
    """Before: 0.30 (the status weight of round 53's 已将); the figure is the goal 已将 sets, at 达到 by 2025."""
    assert _read(quantified(text, "2022-06")) == [(10_000_000_000, "yuan", "at_least", 2025)]


@pytest.mark.parametrize("text", variants("到2030年,我国已将碳排放强度下降目标提高到65%以上。"))
def test_a_goal_raised_with_yijiang_is_a_target(text):
    assert _read(quantified(text, "2021-06")) == [(65, "percent", "at_least", 2030)]


@pytest.mark.parametrize("text", variants("到2025年,工信部已将2400余家中试平台纳入储备库。", spaced="家"))
def test_yijiang_before_what_is_taken_in_stays_status(text):
    """The control, after china-2025-pilot-platforms-presser-news (development): a deadline written in, still done."""
    assert _read(quantified(text, "2025-06")) == []


# --- `rangeclass`: a range before 的目标 is the goal, not a class ---------------------------------------------------


RANGE_GOAL = "到2025年,力争实现产值3000亿元至3500亿元的{noun}。"


@pytest.mark.parametrize("text", [v for noun in ("目标", "水平", "规模")
                                  for v in variants(RANGE_GOAL.format(noun=noun), spaced="亿億")])
def test_a_range_before_the_word_goal_is_the_goal(text):
    """Before: no proposal (the range joined by unitrange, 0.50, then -0.60 at 的). 实现 gives no comparator cue:
    a range from 3 x 10^11 to 3.5 x 10^11 yuan, at 0.50 (the bar of `quantified`)."""
    props = quantified(text, "2022-06")
    assert [(p.value, p.entry["value_high"], p.entry["comparator"]) for p in props] == [(3e11, 3.5e11, "range")]


@pytest.mark.parametrize("text", variants("到2025年,新建供水人口200至1000人的水源10处。", spaced="人处處"))
def test_a_range_before_another_noun_stays_a_class(text):
    """The control, after fujian-2020-rural-environment-targets-news (development): the class is below the bar."""
    assert _read(quantified(text, "2022-06")) == [(10, "count", "exact", 2025)]


# --- `shareheld`: intent with a deadline ahead earlier in the sentence makes a share a goal --------------------------


@pytest.mark.parametrize("text", variants("力争到2025年,全市产值占全国的20%以上。")
                         + variants("全市要加快发展,到2025年,产值占全国的20%以上。"))
def test_a_share_after_intent_and_a_deadline_ahead_is_a_goal(text):
    """Before: 0.10 (the status weight; the intent word stands in a clause before the figure's)."""
    assert _read(quantified(text, "2022-06")) == [(20, "percent", "at_least", 2025)]


@pytest.mark.parametrize("text", variants("力争截至2024年底,全市产值占全国的20%以上。", spaced="万萬")
                         + variants("计划新增种植100万亩,占全国新增任务的20%。", spaced="萬"))
def test_a_share_without_a_deadline_ahead_stays_held(text):
    """The controls: 截至 (至 inside it is no deadline); 计划 with no deadline, after china-2023-camellia-oil-action-
    plan-news (development): the share is below the bar."""
    assert [r for r in _read(quantified(text, "2025-06")) if r[1] == "percent"] == []


def test_jiezhi_is_no_deadline_ahead():
    assert AHEAD.search("截至2024年底,") is None
    assert [m[0] for m in (AHEAD.search(t) for t in ("到2025年,", "至2025年,", "2025年前,"))] == [
        "到2025年", "至2025年", "2025年前"]


# --- `legalunits.NOT_AFTER`: 时代 is an era -------------------------------------------------------------------------


@pytest.mark.parametrize("text", variants("到2025年,海上风电单机容量迈入20兆瓦时代。", spaced="兆")
                         + variants("到2025年,全市光伏装机迈入100万千瓦时代。"))
def test_an_era_is_no_energy(text):
    """Before (since before round 52): 20000 kWh and 10^6 kWh at 0.50, exact. Neither is a level of energy."""
    assert [r for r in _read(quantified(text, "2022-06")) if r[1] == "kwh"] == []


@pytest.mark.parametrize("text", variants("到2025年,全市发电量达到100亿千瓦时。", spaced="亿億"))
def test_energy_before_the_end_of_a_sentence_stays_energy(text):
    """The control: 10^10 kWh, at least."""
    assert _read(quantified(text, "2022-06")) == [(10_000_000_000, "kwh", "at_least", 2025)]
