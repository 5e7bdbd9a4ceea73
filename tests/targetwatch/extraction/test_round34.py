"""Round 34 of issue 18: after unseen-44 and unseen-45 joined the development side, the unit vocabulary is taken whole
from general tables instead of one topic's words at a time, and three classes counted in development texts are read:

- units: `legalunits.py` holds China's legal units of measurement (SI and the permitted non-SI units
  with their Chinese names, compound units such as 千瓦时, 微克/立方米, 吨标准煤) and the common measure
  words (辆, 艘, 岁, 位 …) as one table; development texts showing words outside round 33's classes: the
  2016 健康中国2030 news (79岁) and 江西's 2018 NEV news (8万辆), first unseen-44; 普宁's 2025 air-quality
  information (微克/立方米), first unseen-45;
- ≤ / ≥ / < / > as comparator cues (`comparatives.SIGNS`; 普宁 2025 and the 2021 agricultural-modernisation indicator
  exam);
- a starting point before a comma (从2020年的3.6万个,增加到2025年的25万个) is a baseline (`baselines.drop`; 四川 2021,
  first unseen-45, and the 2022 R&D status news);
- 计划 before a figure is a verb of intent (中国计划新开工改造…5.3万个; 3 development texts: the 2023 old-estate news,
  its undated traditional copy, first unseen-45, and the 2013 affordable-housing news, first unseen-44), but not as a
  name (《行动计划》, “万人计划”, 研发计划企业);
- a headline echoing a result the body dates in a past year (江西 2018) takes the result's reading (`echoes.mark`).

Expected values are worked out by hand from each sentence: the figure in base units (万 = 10 000, 亿 = 10^8), the
comparator its words or sign give, the deadline its year gives. Real sentences name their corpus text (development
side); controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import legalunits, measures, rules
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read


@pytest.mark.parametrize("text", variants(
    # china-2016-healthy-china-2030-news (development, first unseen-44): the headline
    "2030年中国人均预期寿命将达79岁 [法制聚焦]", "岁"))
def test_an_age_is_read_in_years(text):
    # 将达79岁: at least (达) 79 years, by 2030
    assert (79, "years", "at_least", 2030) in _read(quantified(text, issued="2016-10"))


@pytest.mark.parametrize("text", variants(
    # jiangxi-2018-nev-promotion-news (development, first unseen-44)
    "至2020年,江西还将完成8万辆新能源汽车推广任务。", "万萬"))
def test_vehicles_are_read(text):
    # 8万辆 = 80 000 vehicles, a plain figure (exact), by 2020
    assert (80_000, "vehicles", "exact", 2020) in _read(quantified(text, issued="2018-03"))


@pytest.mark.parametrize("text", variants(
    # puning-2025-air-quality-information (development, first unseen-45): the year's targets in a bracket
    "年度目标(PM2.5≤29微克/立方米、PM10≤47微克/立方米)", "微"))
def test_a_concentration_after_a_sign_is_a_ceiling(text):
    read = [(v, u, c) for v, u, c, _ in _read(quantified(text, issued="2026-01"))]
    # ≤29 and ≤47 micrograms per cubic metre: at most; 2.5 and 10 of PM2.5 / PM10 are names, not figures
    assert read == [(29, "ug_per_m3", "at_most"), (47, "ug_per_m3", "at_most")]


def test_signs_give_bounds():
    # SYNTHETIC: ≥ a floor, full-width ＜ (folded to <) a ceiling, ＞ more than
    read = _read(quantified("到2025年,城市空气质量优良天数比例≥90%,细颗粒物浓度＜35微克/立方米,森林覆盖率＞30%。",
                            issued="2021-01"))
    assert (90, "percent", "at_least", 2025) in read
    assert (35, "ug_per_m3", "at_most", 2025) in read
    assert (30, "percent", "exceed", 2025) in read


def test_power_and_energy_units_scale_with_their_scale_word():
    # SYNTHETIC: 1000万千瓦 = 1000 × 10^4 = 10 000 000 kW; 10亿千瓦时 = 10 × 10^8 = 1 000 000 000 kWh
    read = _read(quantified("到2025年,全市新能源装机容量达到1000万千瓦,年发电量达到10亿千瓦时。", issued="2021-01"))
    assert (10_000_000, "kw", "at_least", 2025) in read
    assert (1_000_000_000, "kwh", "at_least", 2025) in read


def test_a_unit_split_by_a_scale_word_keeps_its_value():
    # 5千米 may be read as 5 + 千 (a scale word) + 米 or as 5 + 千米: both are 5 km, as 5公里 is
    table = legalunits.unit_table()
    assert table["千米"] == ("km", 1)
    assert 1000 * table["米"][1] == pytest.approx(table["千米"][1])
    assert 1000 * table["瓦"][1] == pytest.approx(table["千瓦"][1])
    assert 1000 * table["克"][1] == pytest.approx(table["千克"][1])
    (p,) = quantified("到2025年,新建绿道5千米。", issued="2021-01")  # SYNTHETIC
    assert (p.value, p.unit) == (5, "km")


def test_measure_words_of_the_common_table():
    # SYNTHETIC: each counted in its own unit; 30所 and 2000名 as before
    read = _read(quantified("到2025年,新增公交车500辆,建设养老机构30所,培训残疾人2000名,新建渔船10艘,植树造林5万亩。",
                            issued="2021-01"))
    assert read == [(500, "vehicles", "exact", 2025), (30, "count", "exact", 2025),
                    (2000, "persons", "exact", 2025), (10, "vessels", "exact", 2025), (50_000, "mu", "exact", 2025)]


def test_units_read_before_keep_their_meaning():
    # 平方米 stays a written unit (not a measure word: it votes whether a text reports, evidence.weigh)
    assert "平方米" not in measures.MEASURE_WORDS and rules.UNITS["平方米"] == ("sqm", 1)
    for word in ("年", "月", "小时", "分钟", "千伏", "部", "口"):  # listed, not read
        assert word in legalunits.LISTED_NOT_READ and word not in rules.UNITS


@pytest.mark.parametrize("text", [
    # hangzhou-2005-preschool-opinion (development, first unseen-43): age groups are conditions
    "依托社区开展0-6岁儿童家长和看护人员培训,城市受训率达到90%以上,农村受训率达到80%以上,基本形成0-3岁早期教育体制。",
    # SYNTHETIC: a numeral before 批 / 位, a rank, a verb 升至, an age group
    "到2025年,培育一批企业,引进两位院士,60岁以上老年人健康管理率达到70%,全市排名第5位,从3升至5。",
])
def test_words_of_the_tables_that_are_no_units_here(text):
    units = {p.unit for p in quantified(text, issued="2005-03")}
    assert not units & {"years", "persons", "count", "cubic_meters"}
    assert units <= {"percent"}


@pytest.mark.parametrize("text", variants(
    # sichuan-2021-new-infrastructure-plan-news (development, first unseen-45)
    "四川省5G基站数量将从2020年的3.6万个,增加到2025年的25万个;5G网络用户普及率,将从11%增至60%。", "%"))
def test_a_starting_point_before_a_comma_is_a_baseline(text):
    props = quantified(text, issued="2021-11")
    # 3.6万个 = 36 000 is where 2020 stood: no target of its own, the baseline of 25万个 = 250 000 by 2025
    assert [p.value for p in props] == [250_000, 60]
    assert props[0].entry["baseline_value"] == 36_000 and props[0].entry["baseline_year"] == 2020
    assert props[1].entry["baseline_value"] == 11


def test_a_headline_echoing_a_past_result_is_that_result():
    # jiangxi-2018-nev-promotion-news (development, first unseen-44): headline, then the body's 2017 result
    text = ("江西新能源汽车生产和销售量分别突破5万辆和4万辆\n\n新华社南昌3月16日电 江西新能源汽车产业发展势头迅猛,"
            "2017年新能源汽车生产和销售量分别突破5万辆和4万辆,产销量连续4年倍增。")
    assert quantified(text, issued="2018-03") == []
    # SYNTHETIC control: a headline restating a goal with its own year is not touched
    goal = "到2020年全省新能源汽车突破5万辆\n\n2017年全省新能源汽车突破5万辆。"
    assert [(p.value, p.entry.get("deadline")) for p in quantified(goal, issued="2018-03")] == [(50_000, 2020)]


@pytest.mark.parametrize("text", variants(
    # china-2023-old-estates-renovation-q3-news (development, first unseen-45)
    "根据官方部署,2023年,中国计划新开工改造城镇老旧小区5.3万个、涉及居民865万户。", "万萬"))
def test_a_plan_is_a_verb_of_intent(text):
    # 5.3万个 = 53 000 estates; 865万户 = 8 650 000 households; both plain figures
    read = [(v, u, c) for v, u, c, _ in _read(quantified(text, issued="2023-11"))]
    assert read == [(53_000, "count", "exact"), (8_650_000, "households", "exact")]


def test_a_plan_named_is_no_verb():
    # anhui-2021-chuangye-jianghuai-plan-news and yunnan-2018-ten-thousand-talents-measures (development)
    assert quantified("《行动计划》分为五个部分。", issued="2021-01") == []
    assert quantified("第三条 云南省“万人计划”分 4个层次设 8个专项 和人才培养激励措施。", issued="2018-01") == []
