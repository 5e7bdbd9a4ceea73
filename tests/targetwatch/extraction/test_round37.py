"""Round 37 of issue 18: after unseen-48 joined the development side, classes its first score and the earlier fresh
sets missed are read, each shown by two development texts or more (the test half not read):

- a level of output stated as a target with its comparator, closing its clause (粮食综合生产能力稳定在5000亿公斤以上,
  年出栏生猪18.5万头以上。), is no plant's capacity (`outputlevel.py`; the 2008 grain-security plan news, first
  unseen-48, and a county's 2022 agriculture actions, first unseen-43).

Expected values are worked out by hand from each sentence: the figure in base units, the comparator its words give,
the deadline its year gives. Real sentences name their corpus text (development side); controls written for the
test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from tests.targetwatch.extraction.proposals import fields, quantified, variants


def _read(props):
    return fields(props, "value", "unit", "comparator", "deadline")


# china-2008-grain-security-plan-news-trad (development, first unseen-48)
GRAIN = ("糧食自給率穩定在95%以上,到2010年糧食綜合生產能力穩定在5000億公斤以上,到2020年達到5400億公斤以上。"
         "其中,稻谷、小麥保持自給,玉米保持基本自給。")
# county-2022-agriculture-actions-unnamed (development, first unseen-43)
PIGS = "加快生猪标准化养殖场建设,确保能繁母猪常年存栏0.95万头、生猪养殖规模场达到32户、年出栏生猪18.5万头以上。"


@pytest.mark.parametrize("text", variants(GRAIN))
def test_a_grain_capacity_stated_as_a_target_is_read(text):
    # 5000亿公斤 = 5000 x 10^8 kg = 5 x 10^8 tons, at least, by 2010 (0.30 before the rule: 生产能力 holds 产能);
    # 5400亿公斤 = 5.4 x 10^8 tons by 2020 was read before; 95% at least by 2010 (the year after it in the sentence)
    props = quantified(text, issued="2008")
    assert _read(props) == [(95, "percent", "at_least", 2010), (500_000_000, "tons", "at_least", 2010),
                            (540_000_000, "tons", "at_least", 2020)]
    assert "output_level" in props[1].rule and props[1].confidence >= 0.9


@pytest.mark.parametrize("text", variants(PIGS))
def test_yearly_pigs_slaughtered_with_a_floor_are_read(text):
    # 18.5万头 = 185 000 head, at least (0.20 before the rule: 年出栏 read as a farm's size); 32户 as before
    props = quantified(text)
    assert _read(props) == [(32, "households", "at_least", None), (185_000, "head", "at_least", None)]
    assert "output_level" in props[1].rule and props[1].confidence >= 0.5


@pytest.mark.parametrize("text", [
    # SYNTHETIC controls: a plant's output followed by what it sizes (的 / a product / 生产线) or without a
    # comparator stays a capacity, held below the bar
    "到2020年,建成年产10万吨以上的精密铜线生产线。",
    "到2025年,项目建成后年产10万吨,带动就业500人。",
    "到2025年,新建年产5万吨左右饲料加工厂1个。",
])
def test_a_capacity_before_what_it_sizes_stays_a_capacity(text):
    tons = [p for p in quantified(text, issued="2019") if p.unit == "tons"]
    assert tons == []
