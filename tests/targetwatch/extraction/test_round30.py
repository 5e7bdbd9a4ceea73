"""Round 30 of issue 18: misses of unseen-34, unseen-39 and unseen-40 (each scored once unseen, then moved to
the development side), read as a class counted on the development side before the rule:

- an area (亩 / 公顷) followed by the land it measures (12亿亩高标准农田, 400亩地块, 7公顷工业用地) is that
  land's target, not a product's size read as a plant's capacity (`measures.product_after`; 3 development
  texts: the 2021 farmland video news, 襄阳's 2025 farmland note, a town's 2024 plan). Tons keep the capacity
  reading (a control).

Every text is real, copied from the corpus text named beside it (tests/fixtures/real/policies/, development side),
with simplified or traditional, full-width and spaced variants (OpenCC for the script). Controls written for the test
are marked so (no page holds them).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read


def _variants(text: str) -> list[str]:
    return variants(text, "%万萬亿億")



@pytest.mark.parametrize("text", _variants(
    # china-2021-high-standard-farmland-plan-video-news (development, first unseen-39): the headline
    "2030年我国将累计建成12亿亩高标准农田"))
def test_an_area_before_its_farmland_is_a_target(text):
    assert (1200000000, "mu", "exact", 2030) in _read(quantified(text, issued="2021-09"))


@pytest.mark.parametrize("text", _variants(
    # town-2024-work-plan (development, first unseen-34): its title line and the sentence with two of the year's tasks
    "镇2024年度工作计划\n巩固提升市委巡察反馈意见整改成果,持续推动工业集中区提质扩容,完成园区已征用地块整体规划、设计,"
    "加快推进7公顷工业用地报批,启动西侧400亩地块征地拆迁工作。"))
def test_an_area_before_its_plot_is_a_target(text):
    # the page shows no date; the year comes from the whole text's other lines, so only value, unit and comparator
    read = [v[:3] for v in _read(quantified(text))]
    assert (7, "hectares", "exact") in read
    assert (400, "mu", "exact") in read


@pytest.mark.parametrize("text", _variants(
    # control written for the test (no page holds it): a plant's output in tons before its product stays a capacity
    "到2025年,建成年产10万吨工业草酸生产线。"))
def test_tons_before_a_product_stay_a_capacity(text):
    assert not [v for v in _read(quantified(text, issued="2023")) if v[1] == "tons"]


@pytest.mark.parametrize("text", _variants(
    # gansu-2016-rural-ecommerce-targets-news (development, first unseen-39): this year's tasks, a share before its noun
    "今年,我省将培育一批具有典型示范带动作用的农村电子商务示范县(乡、村)、示范企业、“优秀网店”,每个市州不少于2个"
    "电子商务示范县,贫困县电子商务服务中心全部建成,30%的乡(村)建成电子商务服务站(点);90%的行政村通宽带,"
    "农村电商培训实现全覆盖。"))
def test_a_share_before_its_noun_and_verb_is_a_target(text):
    assert (90, "percent", "exact") in [v[:3] for v in _read(quantified(text, issued="2016-05"))]


@pytest.mark.parametrize("text", _variants(
    # control written for the test (no page holds it): a share before its noun with no verb of reaching after it
    "今年,全省90%的行政村。"))
def test_a_share_before_its_noun_without_a_verb_stays_out(text):
    assert (90, "percent", "exact") not in [v[:3] for v in _read(quantified(text, issued="2016-05"))]
