"""Round 42 of issue 18: after unseen-53 joined the development side, the classes its first score named were read
(development texts only; the test half not read), and a rule was written only where two development texts or more
show the class:

- a heading line that names a five-year plan period's goals gives the figures below it, which state no year, the
  period's last year (`periodheading.py`): "十四五"主要目標 above 福州's 十四五 aims (first unseen-53) and
  “十三五”科技創新的總體目標 above the 2016 national science plan's goals (development). A deadline only: no
  figure's value, comparator or confidence changes.
- a sentence that opens with a year, a comma and, within a few characters, a word of intent sets its figures for that
  year (`yearopening.py`): 2023年,石泉县将… (first unseen-53), 2025年,我县将… (a county's 2025 agriculture plan, first
  unseen-43), 2013年,,全國計劃… (the 2013 affordable-housing news, first unseen-44), 2023 年,力争… (金华's 2023
  speech, first unseen-16). A deadline only, as above.

Expected values are worked out by hand from each sentence: 十四五 ends in 2025, 十三五 in 2020, 十五五 in 2030; a
figure whose sentence names its own year keeps that year. Real sentences name their corpus text (development side);
controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.periodheading import RULE, headings
from targetwatch.extraction.text import fold
from targetwatch.extraction.yearopening import RULE as OPENING_RULE
from targetwatch.extraction.yearopening import openings
from tests.targetwatch.extraction.proposals import fields, quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# fuzhou-2021-14th-fyp-aims-news-trad (development, first unseen-53): the heading, the next heading and the first
# goals as stored (the page is of 2021-01-06), without the mirror's readings
FUZHOU = ('"十四五"主要目標\n今后五年的主要任務\n堅持創新驅動\n'
          "推進“三創園”、生態型環城科創走廊、全國一流大學城、中國東南(福建)科學城建設,"
          "力爭全社會研究與試驗發展經費投入總量年均增長20%以上,高新技術企業增加到4000家以上。")
# the same with the mirror's readings as stored: 創(chuàng)新, 驅(qū)動, 發(fā)展, 經(jīng)費, 技術(shù), 企業(yè)
FUZHOU_READINGS = FUZHOU.replace("創新驅動", "創(chuàng)新驅(qū)動").replace("發展經費", "發(fā)展經(jīng)費").replace(
    "技術企業", "技術(shù)企業(yè)")
# china-2016-st-plan-goals (development): the heading and the start of the goals as stored (2016-07-28)
CHINA_2016 = ("“十三五”科技創新的總體目標\n“十三五”科技創新的總體目標是:國家科技實力和創新能力大幅躍升,"
              "國家綜合創新能力世界排名進入前15位,邁進創新型國家行列。\n"
              "一是自主創新能力全面提升。研究與試驗發展經費投入強度達到2.5%,"
              "通過《專利合作條約》(PCT)途徑提交的專利申請量比2015年翻一番。")


@pytest.mark.parametrize("text", [*variants(FUZHOU), FUZHOU_READINGS, FUZHOU.replace('"', "“", 1).replace('"', "”")])
def test_a_fourteenth_plan_heading_gives_its_goals_2025(text):
    # 年均增長20%以上: a growth rate, 20 per cent a year at least; 增加到4000家以上: 4000 firms at least; neither
    # sentence names a year, the heading names 十四五: 2025 (no deadline at all before the rule)
    props = quantified(text, issued="2021-01-06")
    assert _read(props) == [(20, "percent", "growth_rate", 2025), (4000, "count", "at_least", 2025)]
    assert all(RULE in p.rule.split("+") for p in props)


@pytest.mark.parametrize("text", variants(CHINA_2016))
def test_a_thirteenth_plan_heading_gives_its_goals_2020_and_a_baseline_year_is_no_deadline(text):
    # 前15位: a rank of 15 at most; 達到2.5%: 2.5 per cent at least; 比2015年翻一番: twice 2015's (2015 a baseline,
    # not the figure's year): all 2020, the heading's 十三五
    props = quantified(text, issued="2016-07-28")
    read = fields(props, "value", "unit", "comparator", "deadline", "multiple")
    assert read == [(15, "rank", "rank_at_most", 2020, None), (2.5, "percent", "at_least", 2020, None),
                    (None, None, "multiple_of_baseline", 2020, 2.0)]


@pytest.mark.parametrize(("text", "issued", "expected"), [
    # SYNTHETIC: the period ended before the page's date (a 2022 page's “十三五” heading): no deadline from it
    ("“十三五”主要目标\n高新技术企业增加到4000家以上。", "2022-03", [(4000, "count", "at_least", None)]),
    # SYNTHETIC: a page without a date of its own: left as it is
    ("“十四五”主要目标\n高新技术企业增加到4000家以上。", None, [(4000, "count", "at_least", None)]),
    # SYNTHETIC: a sentence that names its own year keeps it
    ("“十四五”主要目标\n2022年高新技术企业增加到4000家以上。", "2021-01", [(4000, "count", "at_least", 2022)]),
    # SYNTHETIC: the next period's heading takes over below it
    ("“十四五”主要目标\n高新技术企业增加到4000家以上。\n“十五五”远景目标\n高新技术企业增加到8000家以上。", "2021-01",
     [(4000, "count", "at_least", 2025), (8000, "count", "at_least", 2030)]),
])
def test_only_a_period_ahead_of_the_page_and_a_figure_without_its_own_year(text, issued, expected):
    assert _read(quantified(text, issued=issued)) == expected


@pytest.mark.parametrize(("line", "found"), [
    ('"十四五"主要目標', [2025]),  # fuzhou (development, first unseen-53)
    ("“十三五”科技創新的總體目標", [2020]),  # china-2016-st-plan-goals (development)
    ("“十三五”中国旅游业发展确定四大目标", [2020]),  # china-2016-tourism-13th-plan-news (development)
    ("我国 “十四五”5G建设目标提前完成", []),  # china-2025-5g-sailing-action-news (development): reported met
    ("陕西“十四五”县域发展目标任务清单出炉", []),  # shaanxi-2021-county-targets-news (development): no goals heading
    ("完成“十三五”目标", []),  # SYNTHETIC: goals met
    ("我们提出“十四五”主要目标,高新技术企业增加到4000家以上。", []),  # SYNTHETIC: running text, not a heading line
])
def test_the_heading_is_a_line_naming_the_period_and_ending_with_goals(line, found):
    class Doc:  # only the folded view is read
        view = fold(line)
    assert [year for _, _, year in headings(Doc())] == found  # type: ignore[arg-type]


# shiquan-2023-st-talent-aims-news (development, first unseen-53; the page shows no date): the 2023 paragraph and the
# start of the 2025 one as stored
SHIQUAN = ("2023年,石泉县将重点实施“四个一”工程,围绕六大重点产业链实现至少有一名高端人才领衔指导、"
           "一个科技(专家)团队技术支撑、一家科研院所(咨询服务机构)跟踪服务、一个科技创新(创意)示范基地带动,柔性引进高端人才60名以上,"
           "服务重点产业链骨干企业10家以上。\n到2025年,柔性引进高层次人才100人以上,成立科技人才服务团队6个以上,")
# county-2025-agriculture-plan-unnamed (development, first unseen-43; the page shows no date)
COUNTY_2025 = ("2025年,我县将严守耕地保护红线,新(改)建高标准农田2.8万亩,建设优质粮油示范基地10万亩,"
               "粮油、蔬菜种植面积分别稳定在100万亩以上、28万亩以上,油菜亩产增长3%以上。")
# china-2013-affordable-housing-h1-news-trad (development, first unseen-44; 2013-07-11): the doubled commas as stored
HOUSING_2013 = "2013年,,全國計劃新開工城鎮保障性安居工程630萬套,,基本建成470萬套。"


@pytest.mark.parametrize("text", variants(SHIQUAN))
def test_a_paragraph_opening_with_2023_and_jiang_sets_its_counts_for_2023(text):
    # 60名以上: 60 persons at least; 10家以上: 10 firms at least: 2023, the paragraph's year (2025 lent by the next
    # paragraph before the rule); 100人以上 and 6个以上 keep their 到2025年
    props = quantified(text)
    assert _read(props) == [(60, "persons", "at_least", 2023), (10, "count", "at_least", 2023),
                            (100, "persons", "at_least", 2025), (6, "count", "at_least", 2025)]
    assert [OPENING_RULE in p.rule.split("+") for p in props] == [True, True, False, False]


@pytest.mark.parametrize("text", variants(COUNTY_2025, spaced="%万萬亩畝"))
def test_a_county_plan_opening_with_2025_and_jiang_sets_every_figure_for_2025(text):
    # 2.8万亩 = 28 000 mu, 10万亩 = 100 000 mu, 分别…100万亩以上、28万亩以上 = 1 000 000 and 280 000 mu at least,
    # 增长3%以上 a growth rate of 3 per cent: all 2025 (none had a deadline before the rule)
    assert _read(quantified(text)) == [(28000, "mu", "exact", 2025), (100000, "mu", "exact", 2025),
                                       (1000000, "mu", "at_least", 2025), (280000, "mu", "at_least", 2025),
                                       (3, "percent", "growth_rate", 2025)]


@pytest.mark.parametrize("text", variants(HOUSING_2013, spaced="萬万"))
def test_a_national_plan_opening_with_2013_and_jihua_sets_its_counts_for_2013(text):
    # 630萬套 = 6 300 000 dwellings, 470萬套 = 4 700 000: 2013 (the page of 2013-07-11; none before the rule)
    assert fields(quantified(text, issued="2013-07-11"), "value", "unit", "deadline") == [
        (6300000, "sets", 2013), (4700000, "sets", 2013)]


@pytest.mark.parametrize(("text", "issued"), [
    ("2018年,该县将新建科技企业孵化器10家。", "2019-05"),  # SYNTHETIC: a year before the page's looks back
    ("2020年,全市新建科技企业孵化器10家。", "2020-01"),  # SYNTHETIC: no word of intent after the year
    ("据统计,2023年,全县将近200家企业参加了培训。", "2024-01"),  # SYNTHETIC: not the sentence's opening
])
def test_no_year_opening_where_the_year_is_past_no_intent_follows_or_it_does_not_open_the_sentence(text, issued):
    assert not any(OPENING_RULE in p.rule.split("+") for p in quantified(text, issued=issued))


@pytest.mark.parametrize(("text", "deadline"), [
    # SYNTHETIC: 在2022年基础上 names a baseline year, not the figure's: the opening's 2023
    ("2023年,全县将在2022年基础上新增科技型中小企业10家。", 2023),
    # SYNTHETIC: 巩固2023年成果 names another year of the sentence before the figure: the rule leaves it
    ("2024年,全县将巩固2023年成果,新增科技型中小企业10家。", None),
])
def test_a_baseline_year_does_not_stop_the_opening_and_another_year_does(text, deadline):
    assert _read(quantified(text, issued="2023-02")) == [(10, "count", "exact", deadline)]


def test_the_opening_runs_to_the_full_stop_not_past_it():
    # SYNTHETIC: "2023年," is characters 0-5; 石泉县将重点实施工程 6-15, "," 16, 引进人才 17-20, 60 21-22, 名 23,
    # 以上 24-25, the full stop 26: the opening covers [6, 26)
    view = fold("2023年,石泉县将重点实施工程,引进人才60名以上。2024年底前完成。")
    assert openings(view, None) == [(6, 26, 2023)]


@pytest.mark.parametrize(("text", "deadline"), [
    # SYNTHETIC: 主要 / 重要 / 需要 hold a 要 that is no word of intent (rules.INTENT reads 要 so): a page of March
    # 2023 reporting its year's first months sets no 2023 by the opening (the opening's 2023 before rev16)
    ("2023年,全市主要经济指标运行良好,地区生产总值增长6.5%。", None),
    ("2023年,全市重要指标稳中有进,高新技术企业达到500家。", None),
    ("2023年,全市需要新建科技平台5个。", None),
    # SYNTHETIC: 要 and 计划 as words still open the year's aims
    ("2023年,全市要新建科技平台5个。", 2023),
    ("2023年,全市计划新建科技平台5个。", 2023),
])
def test_only_a_word_of_intent_opens_the_year_not_a_yao_inside_another_word(text, deadline):
    props = quantified(text, issued="2023-03")
    assert [p.entry.get("deadline") for p in props] == [deadline]
    assert (OPENING_RULE in props[0].rule.split("+")) == (deadline is not None)
