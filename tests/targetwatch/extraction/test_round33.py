"""Round 33 of issue 18: classes counted on the development side after unseen-43 (scored once unseen, then moved
there), each written only where it recurs in more than one development text:

- measure words read by class, not one word at a time (`measures.MEASURE_CLASSES`): volume (立方米), livestock
  (头, 只), plants (株, 棵) and beds (张) join area, weight, machines and length (4 development texts: 上海 2022's
  beds, first unseen-42; 山西 2020's 立方米, the 2022 rural-greening plan's 株, a county's 2022 头, first unseen-43);
  a Chinese numeral before 张 / 头 / 只 is a figure of speech (一张网, 一头抓), not a measure;
- several indicators named before one figure each get it (`sharedfigure.split`; 3 development texts: 宁夏 2023,
  first unseen-12; a county's 2021 science work plan, first unseen-24; 山东 2015's preschool plan news, first
  unseen-43);
- a bracket without a figure after a unit (各区、县(市)至少办1所) no longer stops the per-unit minimum of round 32
  (`perunit.EACH`; 3 development texts name 县(市) with a minimum: 长春 2016, 河北 2014, 杭州 2005).

Expected values are worked out by hand from each sentence: the figure, its unit in base units (万 = 10 000, 亿 =
10^8), the comparator its words give, the deadline its year gives. Every text is real, copied from the corpus text
named beside it (tests/fixtures/real/policies/, development side), in simplified or traditional, full-width and
spaced variants. Controls written for the test are marked SYNTHETIC (no page holds them).
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.perunit import EACH
from targetwatch.extraction.sharedfigure import names_before
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _dated


@pytest.mark.parametrize("text", variants(
    # shanxi-2020-forest-chief-opinion-news-trad (development, first unseen-43)
    "通過全面推行林長制,到2025年全省森林覆蓋率達到26%以上,森林蓄積量達到1.69億立方米,草原綜合植被蓋度達到73.5%。",
    "%億亿"))
def test_cubic_metres_are_read(text):
    # 1.69億立方米 = 1.69 × 10^8 = 169 000 000 cubic metres, at least (達到), by 2025
    assert (169_000_000, "cubic_meters", "at_least", 2025) in _dated(quantified(text, issued="2020-07"))


@pytest.mark.parametrize("text", variants(
    # china-2022-rural-greening-action-plan-news-trad (development, first unseen-43), readings left out
    "方案提出,到2025年,全國平均村莊綠化覆蓋率達到32%,鄉村“四旁”植樹15億株以上,全面鞏固提升國家森林鄉村。",
    "%億亿"))
def test_plants_are_read(text):
    # 15億株以上 = 1 500 000 000 plants, at least, by 2025
    assert (1_500_000_000, "plants", "at_least", 2025) in _dated(quantified(text, issued="2022-11"))


@pytest.mark.parametrize("text", variants(
    # shanghai-2022-elderly-facilities-plan-news-trad (development, first unseen-42)
    "《規劃》提出,上海到2025年建成不少于17.8萬張養老床位,其中護理型床位占比不小于60%,"
    "且包含至少1.5萬張認知障礙老年人照護床位。", "%萬万"))
def test_beds_are_read(text):
    read = _dated(quantified(text, issued="2022-10"))
    # 不少于17.8萬張 = at least 178 000 beds; 至少1.5萬張 = at least 15 000 beds; both by 2025
    assert (178_000, "beds", "at_least", 2025) in read
    assert (15_000, "beds", "at_least", 2025) in read


@pytest.mark.parametrize("text", variants(
    # county-2022-agriculture-actions-unnamed (development, first unseen-43), with a year of intent written in
    # (SYNTHETIC: the page's paragraph has none, and its 2022 actions stay below the default confidence)
    "到2025年,确保能繁母猪常年存栏达到0.95万头以上。", "%万"))
def test_head_of_livestock_are_read(text):
    # 0.95万头以上 = 9 500 head, at least, by 2025
    assert (9_500, "head", "at_least", 2025) in _dated(quantified(text, issued="2022-03"))


@pytest.mark.parametrize("text", [
    # guian-2016-shuangchuang-base (development, first unseen-6)
    "形成了不怕困难、艰苦创业的“板房精神”,“一张白纸、白手起家”,到2020年建成众创空间20家以上。",
    # sichuan-2022-five-years-status (development, first unseen-9)
    "坚持一头抓国家战略科技力量建设、一头抓产业技术创新和成果转化,到2025年研发投入强度达到2.5%。",
    # haiyan-2019-startup-opinion (development, first unseen-11)
    "深化“四张清单一张网”改革,到2020年新增市场主体1万户以上。",
    # SYNTHETIC: firm and place names that open with a measure word
    "到2025年培育10家头部企业,张家港建成3个园区,株洲新增5家孵化器。",
])
def test_figures_of_speech_are_no_measures(text):
    units = {p.unit for p in quantified(text, issued="2020-01")}
    assert not units & {"beds", "head", "plants"}


def test_a_chinese_numeral_before_a_measure_word_is_speech_but_digits_are_a_measure():
    # SYNTHETIC pair: 两张床 is speech, 2张 a count of beds
    assert not any(p.unit == "beds" for p in quantified("到2025年建成两张养老床位。", issued="2022-01"))
    assert (2, "beds", "exact", 2025) in _dated(quantified("到2025年建成2张养老床位。", issued="2022-01"))


def test_statistics_of_livestock_are_no_targets():
    # liulin-2024-h1-economy (development, first unseen-31): a half-year's results, nothing proposed as a target
    text = "全县生猪出栏52670头,增长6.8%;牛出栏1398头,增长13.4%;家禽出栏700500只,增长325.8%。"
    assert not any(p.unit == "head" for p in quantified(text, issued="2024-07"))


@pytest.mark.parametrize("text", variants(
    # ningxia-2023-industry-opinion (development, first unseen-12)
    "到2027年,规模以上工业增加值达到2800亿元以上,增速高于全区GDP增速1个百分点;"
    "工业投资、制造业投资和技术改造投资年均增速达到10%以上。", "%亿億"))
def test_three_investments_share_one_growth_rate(text):
    read = _dated(quantified(text, issued="2023-05"))
    # one rate, three names: three targets of at least 10 per cent a year (a growth rate), by 2027
    assert read.count((10, "percent", "growth_rate", 2027)) == 3


@pytest.mark.parametrize("text", variants(
    # shandong-2015-preschool-second-action-plan-news (development, first unseen-43)
    "到2017年,基本普及学前三年教育,入园率达到85%,残疾儿童入园率和接受康复教育训练率达到90%以上。"))
def test_two_rates_share_one_figure(text):
    read = _dated(quantified(text, issued="2015-02"))
    assert read.count((90, "percent", "at_least", 2017)) == 2
    assert read.count((85, "percent", "at_least", 2017)) == 1  # one name: one target


@pytest.mark.parametrize("text", variants(
    # county-2021-st-work-plan-template (development, first unseen-24): its goals heading, then the line
    "(二)目标任务\n\n完成国家创新型县(市)三年建设任务,新增国家高新技术企业15家以上,科技型中小企业入库评价数达85家以上,"
    "高新技术产业增加值、企业吸纳技术合同成交额增长10%以上。"))
def test_two_amounts_share_one_growth(text):
    # the template names no year of its own beside these lines (the corpus gives 2021 from its title): none here
    read = [r[:3] for r in _dated(quantified(text, issued="2021-03"))]
    assert read.count((10, "percent", "growth_rate")) == 2
    assert read.count((15, "count", "at_least")) == 1


def test_names_that_are_not_each_an_indicator_stay_one():
    # SYNTHETIC: 研究 and 城镇 name no indicator (研究与试验发展经费, 城镇和农村居民收入)
    for text, figure in (("研究与试验发展经费投入强度达到2.5%", "2.5"), ("城镇和农村居民人均可支配收入增长7%", "7")):
        assert names_before(text, 0, text.index(figure)) is None
    # the real list: two names, each ending as an indicator
    text = "残疾儿童入园率和接受康复教育训练率达到90%以上"
    assert names_before(text, 0, text.index("90")) == ["残疾儿童入园率", "接受康复教育训练率"]


def test_a_list_of_figures_is_not_split_again():
    # ningxia-2023-industry-opinion (development, first unseen-12): 分别 over two figures, one row each (walk's)
    text = "到2027年,战略性新兴产业、高技术制造业增加值占规上工业增加值比重分别达到25%和15%以上。"
    read = _dated(quantified(text, issued="2023-05"))
    assert read.count((25, "percent", "at_least", 2027)) == 1
    assert read.count((15, "percent", "at_least", 2027)) == 1


@pytest.mark.parametrize("text", variants(
    # hangzhou-2005-preschool-opinion (development, first unseen-43): its goals heading, then the line
    "一、明确目标任务,促进学前教育快速发展\n2、推进学前教育低龄化发展。\n2007年,市区学前第四年幼儿入园率达到50%以上,县(市)达到30%以上;各区、县(市)至少办1所早教中心。"))
def test_a_bracket_without_a_figure_is_part_of_the_units(text):
    read = [(p.value, p.unit, p.entry["comparator"], p.entry["kind"]) for p in quantified(text, issued="2005-02")]
    # every district and county covered (1 each): coverage, at least 100 per cent; not a count of at least 1
    assert (100, "percent", "at_least", "coverage") in read
    assert not any(r[:3] == (1, "count", "at_least") for r in read)


def test_a_bracket_with_a_figure_stays_a_condition():
    # hebei-2014-rural-ecommerce-demo-counties-news (development, first unseen-40): the bracket says which villages
    assert EACH.search("每个行政村(500人以上)建设") is None
    assert EACH.search("各区、县(市)至少办") is not None
