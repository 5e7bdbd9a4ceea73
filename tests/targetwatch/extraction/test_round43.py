"""Round 43 of issue 18: after unseen-54 joined the development side, the classes its first score named were read
(development texts only; the test half not read), and a rule was written only where two development texts or more
show the class:

- a five-year plan period's end named in a sentence without 到 / 至 (确保“十四五”末…, “十四五”末国家高新区数量将…)
  gives the figures after it in the sentence the period's last year (`periodend.py`): 庆阳's 2021 science aims (first
  unseen-54) and the 2022 news on the national high-tech zones (first unseen-20). A deadline only: no figure's value
  or comparator changes, and the rule is held below 0.9 (`rules.UNPROVEN_RULES`) as 到“十四五”末 is.
- a year and a word of intent opening what a lead-in of saying or learning introduces (據了解,2023年,拉薩市將力爭…;
  …在政府工作报告中提出,2020年,江西将…) sets the figures after it in the sentence for that year
  (`yearopening.AFTER_LEAD`): 拉萨's 2023 science targets and 江西's 2020 work-report news (both first unseen-54). A
  deadline only, as round 42's opening.
- a headline or lead restating a figure the body marks with a status word (`status_report`) takes the body copy's
  score, unless that copy has a deadline of its own ahead (`echoes.py`): 湖北 2017's 逾千家 (first unseen-6), 南京's
  213家 (first unseen-15), the 2025 press news' 35万亿元 (first unseen-28); 陕西 2021's 1.7万亿元 (first unseen-51)
  restated after 截至“十四五”末 stays a goal.

Expected values are worked out by hand from each sentence: 十四五 ends in 2025, 十三五 in 2020; a year after a
lead-in is that year. Real sentences name
their corpus text (development side); controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

import targetwatch.extraction.rules as rules
from targetwatch.extraction import extract_targets
from targetwatch.extraction.periodend import RULE, ends
from targetwatch.extraction.text import fold
from targetwatch.extraction.yearopening import LEAD_RULE
from tests.targetwatch.extraction.proposals import fields, quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# qingyang-2021-st-14th-aims-news (development, first unseen-54; the page of 2021-12-24): the closing paragraph
QINGYANG = ("庆阳将持续加大研发投入和财政科技投入,确保“十四五”末全社会研发强度达到1.5%,财政科技投入强度市本级达到2%,"
            "县本级达到1%,科技进步对经济增长贡献率达到55%,科技创新排名达到全省中上游。")
# china-2022-hitech-zones-status-news (development, first unseen-20; 2022-11-27): the headline as stored
HITECH = "“十四五”末國家高新區數量將達到220家\n"


@pytest.mark.parametrize("text", [*variants(QINGYANG), QINGYANG.replace("“", '"').replace("”", '"'),
                                  QINGYANG.replace("“十四五”末", "十四五期末")])
def test_a_sentence_naming_the_end_of_the_fourteenth_plan_sets_its_shares_for_2025(text):
    # 达到1.5%, 达到2%, 达到1%, 达到55%: per cents, at least; the sentence names 十四五's end (2025) with 确保, not
    # 到, so none had a deadline before the rule
    props = quantified(text, issued="2021-12-24")
    assert _read(props) == [(1.5, "percent", "at_least", 2025), (2, "percent", "at_least", 2025),
                            (1, "percent", "at_least", 2025), (55, "percent", "at_least", 2025)]
    assert all(RULE in p.rule.split("+") for p in props)
    assert all(p.confidence < 0.9 for p in props)  # an unproven rule: held below 0.9


@pytest.mark.parametrize("text", variants(HITECH))
def test_a_headline_naming_the_end_of_the_fourteenth_plan_sets_its_count_for_2025(text):
    # 將達到220家: 220 zones at least, by the end of 十四五 (2025); the page of 2022-11-27
    assert _read(quantified(text, issued="2022-11-27")) == [(220, "count", "at_least", 2025)]


@pytest.mark.parametrize(("text", "issued", "expected"), [
    # SYNTHETIC: a period ended before the page's year (a 2021 page's 十三五末) reports: no deadline from it
    ("“十三五”末,全省高新技术企业将达到4000家。", "2021-03", [(4000, "count", "at_least", None)]),
    # SYNTHETIC: a page without a date of its own: left as it is
    ("确保“十四五”末全社会研发强度达到1.5%。", None, [(1.5, "percent", "at_least", None)]),
    # SYNTHETIC: a year of the figure's own between the period's end and the figure keeps that year
    ("确保“十四五”末全社会研发强度达到1.5%,2023年达到1.2%。", "2021-12",
     [(1.5, "percent", "at_least", 2025), (1.2, "percent", "at_least", 2023)]),
    # SYNTHETIC: a figure before the period's end, or in the next sentence, is not set by it
    ("全市研发强度达到1.2%,确保“十四五”末达到1.5%。全市专利达到5000件。", "2021-12",
     [(1.2, "percent", "at_least", None), (1.5, "percent", "at_least", 2025), (5000, "items", "at_least", None)]),
])
def test_only_a_period_ahead_a_dated_page_and_a_figure_after_it_without_its_own_year(text, issued, expected):
    assert _read(quantified(text, issued=issued)) == expected


def test_a_baseline_year_is_no_year_of_the_figures_own():
    # SYNTHETIC: 比2020年增长50%: 1.5 times 2020's (2020 the baseline, not the figure's year), by 十四五's end: 2025
    props = quantified("确保“十四五”末研发投入比2020年增长50%。", issued="2021-12")
    assert fields(props, "comparator", "multiple", "baseline_year", "deadline") == [
        ("multiple_of_baseline", 1.5, 2020, 2025)]


@pytest.mark.parametrize(("sentence", "found"), [
    ("确保“十四五”末全社会研发强度达到1.5%", [2025]),  # qingyang (development, first unseen-54)
    ("“十三五”末,省属企业科技进步贡献率要达到60%以上", [2020]),  # fujian-2016-soe-innovation-opinion-news (dev)
    ("到“十四五”末,万源全市地区生产总值要达到300亿元", []),  # wanyuan (development): rules.DEADLINES' 到
    ("截至“十四五”末,我省76个县(市)主导产业总产值将达1.7万亿元", []),  # shaanxi (development): 至, as DEADLINES
    ("“十四五”末期,全市高新技术企业将达到4000家", []),  # SYNTHETIC: 末期 is not the period's end said as a time
])
def test_the_end_is_named_without_dao_and_the_period_is_not_over(sentence, found):
    assert [year for _, _, year in ends(fold(sentence), 2016)] == found


def test_the_rule_is_held_below_0_9_as_the_end_after_dao_is():
    assert {RULE, "deadline_plan_period_end"} <= rules.UNPROVEN_RULES


# lhasa-2023-st-targets-news-trad (development, first unseen-54; the page of 2023-04-03): the second paragraph's
# opening as stored, with the mirror's readings and the blanks inside phrases
LHASA = ("據了解,2023年,拉薩市將力爭(zheng) 全社會(hui) 研發投入強度增長10%以上,"
         "新創建自治區級以上“雙創”載體(ti) 3家以上,新培育認定國家級高新技術企業(ye) 10家以上、"
         "國家入庫科技型中小企業(ye) 100家以上,建成科技創新平台5個(ge) 以上,"
         "重點領域科技攻關(guan) 取得重要突破和明顯進展。")
# jiangxi-2020-dev-zones-doubling-news (development, first unseen-54; the page shows no date): the lead's sentence
JIANGXI = ("在日前开幕的江西省第十三届人民代表大会第四次会议上,江西省省长易炼红在政府工作报告中提出,2020年,"
           "江西将实施开发区改革和创新发展三年倍增行动,力争开发区营业收入突破3.2万亿元。")


@pytest.mark.parametrize("text", [*variants(LHASA, spaced="%家個个"),
                                  LHASA.replace("(zheng) ", "").replace("(hui) ", "").replace("(ti) ", "")
                                  .replace("(ye) ", "").replace("(ge) ", "")])
def test_a_year_after_ju_liaojie_sets_lhasas_aims_for_2023(text):
    # 增長10%以上: a growth rate of 10 per cent at least; 3家以上, 10家以上, 100家以上, 5個以上: counts at least; all
    # 2023, the year opening what 據了解 introduces (none had a deadline before the rule)
    props = quantified(text, issued="2023-04-03")
    assert _read(props) == [(10, "percent", "growth_rate", 2023), (3, "count", "at_least", 2023),
                            (10, "count", "at_least", 2023), (100, "count", "at_least", 2023),
                            (5, "count", "at_least", 2023)]
    assert all(LEAD_RULE in p.rule.split("+") for p in props)


@pytest.mark.parametrize("text", variants(JIANGXI, spaced="万萬"))
def test_a_year_after_a_report_tifa_sets_its_revenue_for_2020(text):
    # 突破3.2万亿元: over 3.2 * 10^12 yuan, 2020 (the page has no date; none before the rule)
    assert _read(quantified(text)) == [(3.2e12, "yuan", "exceed", 2020)]


@pytest.mark.parametrize(("text", "issued", "expected"), [
    # SYNTHETIC: a year before the page's after the lead-in looks back: read as that year's result (done, 0.3),
    # below the default 0.5, and given no deadline
    ("据了解,2022年,拉萨市将新建科技创新平台5个以上。", "2023-04", []),
    # SYNTHETIC: no verb of saying or learning before the year (a place, then the year): not a lead-in
    ("在拉萨,2023年,全市将新建科技创新平台5个以上。", "2023-04", [(5, "count", "at_least", None)]),
    # SYNTHETIC: no word of intent after the year: a date, not an aim
    ("据了解,2023年,全市新建科技创新平台5个。", "2023-12", [(5, "count", "exact", None)]),
])
def test_only_a_lead_in_of_saying_a_year_not_past_and_a_word_of_intent(text, issued, expected):
    assert _read(quantified(text, issued=issued)) == expected


def _all(text: str, issued: str | None = None):
    """Every quantified proposal's value and confidence, below the default 0.5 too."""
    return [(p.entry.get("value"), p.confidence) for p in extract_targets(text, "t", issued=issued, min_confidence=-5)
            if p.entry["comparator"] != "qualitative"]


# hubei-2017-incubators-news (development, first unseen-6; 2017): the headline and the body's copy as stored
HUBEI = ("湖北两年孵化逾千家科技创业企业 新华社武汉9月9日电(记者李伟)科技孵化器就像一所学校,当创业型企业成长起来,"
         "有实力出去租写字楼、买地建厂,即合格毕业。近两年,湖北省从科技孵化器毕业的科技创业企业逾千家,数量超过此前5年总和。")
# china-14th-fyp-results-press-news (development, first unseen-28; 2025): the subheading and the body's copy
PRESS = ("我国5年经济增量将超35万亿元\n超世界排名第三国家总量\n"
         "郑栅洁介绍,“十四五”五年来,我国经济增量预计将超过35万亿元:\n")


@pytest.mark.parametrize("text", variants(HUBEI, spaced="家"))
def test_hubeis_headline_echoes_the_bodys_status_count_and_is_no_target(text):
    # 逾千家 = over 1000, in the headline and in the body after 近两年 (a status span): both 0.0, none proposed at the
    # default 0.5 (the headline was 0.80 before the rule)
    assert _all(text, "2017") == [(1000, 0.0), (1000, 0.0)]
    assert quantified(text, issued="2017") == []


@pytest.mark.parametrize("text", variants(PRESS, spaced="万萬"))
def test_a_results_subheading_echoes_the_bodys_figure_and_is_no_target(text):
    # 将超35万亿元 = over 3.5 * 10^13 yuan: the subheading takes the body copy's 0.2 (0.60 before the rule)
    assert _all(text, "2025") == [(3.5e13, 0.2), (3.5e13, 0.2)]


@pytest.mark.parametrize(("text", "issued", "expected"), [
    # shaanxi-2021-county-targets-news (development, first unseen-51; 2021-08-20): the headline's goal, restated
    # in the body after 截至“十四五”末 (a deadline of its own ahead): the headline keeps its 0.8 and is proposed
    ("■全省76个县(市)主导产业总产值将达1.7万亿元,累计带动415万人就业\n\n根据该目标任务清单,截至“十四五”末,"
     "我省76个县(市)主导产业总产值将达1.7万亿元,累计带动415万人就业。", "2021-08-20", 1.7e12),
])
def test_a_later_copy_with_its_own_deadline_ahead_is_no_result(text, issued, expected):
    assert [p.entry["value"] for p in quantified(text, issued=issued)][:1] == [expected]
