"""Round 35 of issue 18: after unseen-46 joined the development side, the classes its first score missed that are
counted in two development texts or more, or that follow from a general table, are read:

- indicator tables whose unit stands in the indicator's name and whose value, with its sign, stands in the column of
  the target year (`indicatortables.py`; 内蒙古's 2021 disability plan page, first unseen-46, and the 2021
  agricultural-modernisation indicator exam, first unseen-12);
- a coefficient (系数) is a score without a unit, as 指数 is (`rules.INDEX`; the 2021 water-saving plan news and the
  2010 water-resources plan news, both first unseen-46); 提高到 gives it a level (exact), as it gives 80%;
- the end point of a reduction (降低到, 压缩至 …) is a ceiling (`reductions.py`; the 2010 water-resources plan news and
  晋江's 2022 IP news);
- 小于 alone is a ceiling, and the 于-comparatives earn the explicit comparator's confidence (`comparatives.py`; the
  2021 water-saving and 2022 public-services plan news);
- 稳定在 / 保持在 (a level held) and 降 (a reduction) are target verbs; 降水 / 降雨 are nouns (`rules.TARGET_VERBS`,
  `rules.VERB_IN_NOUN`);
- 实现倍增 / 实现翻倍 double as 翻一番 does (`rules.DOUBLING`; 高邮's 2013 talent targets and the 2022 renewable-energy
  plan news); 引进和培养人数 joins two verbs, not two names, so the doubling is one target.

Expected values are worked out by hand from each sentence: the figure in base units (万 = 10 000, 亿 = 10^8), the
comparator its words or sign give, the deadline its year gives. Real sentences name their corpus text (development
side); controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import indicatortables
from targetwatch.extraction.candidates import Document
from targetwatch.extraction.text import fold
from tests.targetwatch.extraction.proposals import S2T, fields, quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# innermongolia-2021-disability-14th-plan-indicators-page (development, first unseen-46): the header and rows 1, 2,
# 3 and 6 of 专栏 1 as stored (the aligned blanks of a PDF rendered as HTML)
ALIGNED = (
    "          专栏 1        “十四五”时期残疾人事业发展主要指标\n\n\n"
    "                          指 标                                   2025 年        属 性\n\n\n"
    "1.残疾人家庭人均收入年均增长(%)                                             >7.5           预期性\n\n"
    "2.城乡残疾人职业技能培训人数(万人)                                            >4             预期性\n\n"
    "3.符合条件的残疾人纳入最低生活保障比例(%)                                        100            约束性\n\n"
    "6.残疾人基本养老保险参保率(%)                                              >90            预期性\n"
)


@pytest.mark.parametrize("text", [ALIGNED, S2T.convert(ALIGNED), ALIGNED.replace(">", "＞")])
def test_an_aligned_indicator_table_is_read_row_by_row(text):
    read = _read(quantified(text, issued="2021-12"))
    # the 2025 column: >7.5 a growth rate (年均增长, % in the name); >4 in 万人 = 40 000 persons, more than; 100 exact
    # (no sign, a head without a verb); >90 more than. The deadline is the column's year.
    assert read == [(7.5, "percent", "growth_rate", 2025), (40_000, "persons", "exceed", 2025),
                    (100, "percent", "exact", 2025), (90, "percent", "exceed", 2025)]


# china-2021-agri-modernisation-indicators-exam (development, first unseen-12): the table copied one cell a line
CELLS = (
    "指标 |\n2020年基期值(起始日期用作比较的数据) |\n2025年目标值(各项目标应达到的水平) |\n年均增(5年累计) |\n"
    "粮食综合生产能力(亿吨) |\n一 |\n>6.5 |\n一 |\n"
    "农业科技进步贡献率(%) |\n60 |\n64 |\n[4] |\n"
    "高标准农田面积(亿亩) |\n8 |\n10.75 |\n[2.75) |\n"
)


@pytest.mark.parametrize("text", [CELLS, S2T.convert(CELLS)])
def test_a_table_one_cell_a_line_takes_the_target_years_column(text):
    read = _read(quantified(text, issued="2021-11"))
    # the 2025 column (the latest year of the heads), not the 2020 base: >6.5 亿吨 = 650 000 000 tons, more than;
    # 64% and 10.75 亿亩 = 1 075 000 000 mu at least (the head's 应达到: 达到 is a floor); 60 and 8 are bases
    assert read == [(650_000_000, "tons", "exceed", 2025), (64, "percent", "at_least", 2025),
                    (1_075_000_000, "mu", "at_least", 2025)]


def test_a_table_of_past_years_is_a_record():
    # SYNTHETIC: the latest column is 2020, before the text's own year (2023): a record, not a plan's targets
    text = "指标 |\n2019年 |\n2020年 |\n高新技术企业数(家) |\n100 |\n120 |\n"
    doc = Document(text, fold(text), "t", None, issued="2023-01")
    assert indicatortables.find(doc, []) == []


def test_a_dash_and_an_unknown_unit_are_no_values():
    # SYNTHETIC: 一 in the target column is no value; (元/人) is no unit of the tables
    text = ("指 标        2025 年        属 性\n1.研发人员数(万人)        一        预期性\n"
            "2.人均培训经费(元/人)        500        预期性\n")
    doc = Document(text, fold(text), "t", None, issued="2021-01")
    assert indicatortables.find(doc, []) == []


def test_a_table_without_an_indicator_head_is_left():
    # changshun-2016-statistics-trad (development): a statistics table (行业名称 | 现价 (万元) | 增速 (%) …): no 指标
    # head and no year in its heads, so no row is read as a target
    text = "行業名稱 |\n現價 (萬元) |\n不變價 (萬元) |\n增速 (%) |\n行業占 比(%) |\n|\n地區生產總值 |\n529757 |\n"
    doc = Document(text, fold(text), "t", None, issued="2017-03")
    assert indicatortables.find(doc, []) == []


@pytest.mark.parametrize("text", variants(
    # china-2021-water-saving-society-14th-plan-news (development, first unseen-46)
    "到2025年,用水总量控制在6400亿立方米以内,农田灌溉水有效利用系数达到0.58,城市公共供水管网漏损率小于9.0%。",
    "%亿億"))
def test_a_coefficient_is_a_score_and_less_than_a_ceiling(text):
    read = _read(quantified(text, issued="2021-11"))
    # 系数达到0.58: a unitless score, at least (达到); 小于9.0%: at most 9 per cent; both by 2025
    assert (0.58, "index", "at_least", 2025) in read
    assert (9, "percent", "at_most", 2025) in read


@pytest.mark.parametrize("text", variants(
    # china-2010-water-resources-plan-news-trad (development, first unseen-46), traditional as stored
    "到2020年,萬元國內生產總值用水量、萬元工業增加值用水量分別降低到120立方米、65立方米,均比2008年降低50%左右;"
    "農田灌溉水有效利用系數提高到0.55。", "%萬"))
def test_a_reductions_end_point_is_a_ceiling(text):
    read = _read(quantified(text, issued="2010-12"))
    # 分別降低到120立方米、65立方米: each an end point, at most; 提高到0.55: a level (exact), as 提高到80% is read
    assert (120, "cubic_meters", "at_most", 2020) in read
    assert (65, "cubic_meters", "at_most", 2020) in read
    assert (0.55, "index", "exact", 2020) in read
    # 降低50%左右 is the size of the cut (no 到): it keeps 左右
    assert (50, "percent", "approx", 2020) in read


def test_a_share_as_an_end_point_is_a_ceiling():
    # jinjiang-2022-ip-strong-county-news (development): 压缩至…的50%: at most half of the legal time limit
    read = _read(quantified("今年,将办案周期压缩至法定办案时限的50%。", issued="2022-09"))
    assert read == [(50, "percent", "at_most", 2022)]


def test_a_reduction_by_a_rate_stays_a_rate():
    # china-2021-water-saving-society-14th-plan-news (development): 下降16.0% (by, not to): exact, as annotated
    read = _read(quantified("到2025年,万元工业增加值用水量比2020年下降16.0%。", issued="2021-11"))
    assert read == [(16, "percent", "exact", 2025)]


def test_an_end_point_with_its_own_cue_keeps_it():
    # SYNTHETIC: 降至25%左右 keeps 左右 (approx)
    read = _read(quantified("到2030年,个人卫生支出占卫生总费用的比重降至25%左右。", issued="2016-10"))
    assert read == [(25, "percent", "approx", 2030)]


@pytest.mark.parametrize("text", variants(
    # china-2022-public-services-14th-plan-news-trad (development, first unseen-46)
    "2025年我國學前教育毛入園率將大于90%,高中階段教育毛入學率大于92%", "%"))
def test_more_than_alone_is_read_above_the_bar(text):
    props = quantified(text, issued="2022-01")
    read = [(v, u, c) for v, u, c, _ in _read(props)]
    # 大于90% and 大于92%: more than, each a proposal at 0.5 or above (0.40 before: the word earned nothing)
    assert read == [(90, "percent", "exceed"), (92, "percent", "exceed")]
    assert all(p.confidence >= 0.5 for p in props)


def test_lower_than_alone_is_still_not_read():
    # SYNTHETIC: 低于 alone stays unread (低于…目标 reports a target met), so the figure stays exact
    read = _read(quantified("到2025年,城镇登记失业率低于4.5%。", issued="2021-01"))
    assert [c for _, _, c, _ in read] == ["exact"]


def test_a_level_held_is_a_target():
    # county-2022-agriculture-actions-unnamed (development): 稳定在20万亩 = 200 000 mu, a plain figure (exact), 2022
    props = quantified("确保蔬菜面积稳定在20万亩。", issued="2022-02")
    assert [(p.value, p.unit, p.entry["comparator"]) for p in props] == [(200_000, "mu", "exact")]
    assert props[0].confidence >= 0.5


@pytest.mark.parametrize("text", variants(
    # china-2025-energy-intensity-target-news-trad (development, first unseen-46): the headline
    "(經濟觀察)單位GDP能耗降3% 中國綠色轉型再加力", "%"))
def test_a_reduction_verb_makes_a_headline_a_target(text):
    props = quantified(text, issued="2025-03")
    # 降3%: a 3 per cent cut, exact; 降 is a verb of a target (0.40 before, below the bar)
    assert [(p.value, p.unit, p.entry["comparator"]) for p in props] == [(3, "percent", "exact")]
    assert props[0].confidence >= 0.5


def test_rain_is_no_reduction():
    # SYNTHETIC: 降水量 / 降雨量 are nouns, not the verb 降
    assert quantified("2023年全市年降水量800毫米。", issued="2023-06") == []


@pytest.mark.parametrize("text", variants(
    # gaoyou-2013-talent-targets-news (development): 到2015年 carried from the paragraph's lead
    "到2015年,高层次人才总量目标:高层次人才引进和培养人数在2012年基础上实现倍增,占人才资源总量比例达7.5%。", "%"))
def test_doubling_written_bei_zeng(text):
    read = fields(quantified(text, issued="2013-02"), "comparator", "multiple", "baseline_year", "deadline")
    # 实现倍增: twice the 2012 level, one target (引进和培养 are two verbs of one count, not two names)
    assert read.count(("multiple_of_baseline", 2, 2012, 2015)) == 1


def test_doubling_written_fan_bei():
    # china-2022-renewable-energy-14th-plan-news-trad (development, first unseen-46)
    read = fields(quantified("到2025年,風電和太陽能發電量實現翻倍。", issued="2022-06"), "comparator", "multiple",
                  "deadline")
    assert read == [("multiple_of_baseline", 2, 2025)]


def test_a_doubling_plan_by_name_is_no_target():
    # SYNTHETIC: 实现倍增计划 / 倍增工程 name a programme: no doubling read
    assert quantified("全面实施企业实现倍增计划。", issued="2022-01") == []
