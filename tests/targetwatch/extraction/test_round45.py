"""Round 45 of issue 18: after unseen-56 joined the development side, the classes its first score named were read
(development texts only; the test half not read), and a rule was written only where two development texts or more
show the class:

- a status date opening a full sentence (截至2019年底,…) dates every figure up to its full stop, across semicolons
  (`statusdate.py`): 上海's 2020 opinion on university science parks (first unseen-56) and the 2023 garbage-sorting
  news (first unseen-44).
- a list of items ending with ; whose first item opens with a goals lead and a comma (谈到今年的目标,…表示,要…;…;…)
  carries the lead to every item, as a colon does (`listlead.py`): 龙泉驿区's 2015 science targets (first unseen-56);
  果洛州's 2023 work report news (first unseen-53), 江西's 2024 science work points and the 2024 NPC report charts
  open their lists the same way.
- a heading line naming a year's targets or work (2024年主要目标, 2024年重点工作安排) gives the lines below it that
  year (`yearheading.py`): 河南's 2024 work report digest (first unseen-56); 金华's 2024 zone targets and 正定's 2025
  work report have such lines too (already read, or undated).

Expected values are worked out by hand from each sentence. Real sentences name their corpus text (development side);
controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import re

import pytest

from targetwatch.extraction import listlead, statusdate, yearheading
from tests.targetwatch.extraction.proposals import fields, quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# shanghai-2020-university-science-parks-opinion-news (development, first unseen-56; the page shows no year): the
# opinion's 2025 aims, then where things stood at the end of 2019, after 据…介绍
SHANGHAI = ("上海《关于加快推进我市大学科技园高质量发展的指导意见》 21对外开放,提出到2025年,"
            "基本形成多层次、开放式的大学科技园体系,建成三到五个具有一定影响力和品牌效应的大学科技园示范园区,"
            "带动大学周边的高新技术园区和产业园区形成一批产值过千亿的创新创业集群,"
            "孵化培育1万家具有发展潜力的高新技术企业。\n"
            "据上海市科委负责人介绍,截至2019年底,上海共有13个国家级大学科技园,占全国总数的11%;共培育“科技小巨人”企业100家,"
            "高新技术企业539家,上市企业66家。")
# 三到五个 parks (a range from 3) and 1万家 firms (10 000, exact), both by 2025; none of 13 / 11% / 100 / 539 / 66.
SHANGHAI_READ = [(3, "count", "range", 2025), (10000, "count", "exact", 2025)]

# china-2023-garbage-sorting-coverage-news (development, first unseen-44; 2023-05): its 成效 paragraph
GARBAGE = ("截至2022年底,297个地级及以上城市居民小区垃圾分类平均覆盖率达到82.5%;生活垃圾日处理能力达到53万吨,"
           "焚烧处理能力占比77.6%。")


@pytest.mark.parametrize("text", [*variants(SHANGHAI), SHANGHAI.replace("截至2019年底", "截至 2019 年底")])
def test_figures_after_a_semicolon_of_a_dated_status_sentence_are_not_targets(text):
    props = quantified(text)
    assert _read(props) == SHANGHAI_READ


@pytest.mark.parametrize("text", [*variants(GARBAGE), GARBAGE.replace("截至2022年底", "截至 2022 年底")])
def test_a_status_paragraph_proposes_nothing_after_its_semicolon(text):
    assert quantified(text, "2023-05") == []


def test_without_the_rule_the_figures_after_the_semicolon_were_proposed(monkeypatch):
    # the rule is what holds them back: with it switched off, 100 / 539 / 66 come back (as at unseen-56's first score)
    monkeypatch.setattr(statusdate, "demote", lambda view, cands, own_year: None)
    values = [v for v, *_ in _read(quantified(SHANGHAI))]
    assert values == [3, 10000, 100, 539, 66]


@pytest.mark.parametrize("text", variants("截至2022年底,全市共有高新技术企业500家;到2025年,高新技术企业达到800家。"))
def test_a_year_ahead_after_the_semicolon_is_still_a_target(text):
    # SYNTHETIC control: 到2025年 after the semicolon says what will be done; 500 is status in its own clause
    assert _read(quantified(text, "2023-03")) == [(800, "count", "at_least", 2025)]


@pytest.mark.parametrize("text", variants("截至2022年底,全市共有高新技术企业500家;目标是高新技术企业达到800家。"))
def test_a_goal_after_the_semicolon_is_still_a_target(text):
    # SYNTHETIC control: 目标 after the semicolon; no year of its own, so the text's 2023 (今年's rule does not apply)
    assert [(v, u, c) for v, u, c, _ in _read(quantified(text, "2023-03"))] == [(800, "count", "at_least")]


# longquanyi-2015-rd-targets-news (development, first unseen-56; 2015-02-10): the whole news item (its source line
# left out). Its 2014 figures and 记者…获悉 make the rules read it as a report, so an item that no lead reaches loses
# its forward evidence; the year's targets are a list of items ending with ; led by 谈到今年的目标,…表示,要 (no colon)
LONGQUANYI = ("创新驱动 龙泉驿区2015年投入40亿元搞研发\n\n2015-02-10 19:27:35 | 成都热线 | www.cdrx.net\n\n"
              "创新驱动,未来的发展重点是什么?持续的原动力又从何而来?记者昨日从龙泉驿区获悉,该区今年将力争全社会投入40亿元搞研发,"
              "投入强度保持3%以上。\n\n在以“造车”闻名的龙泉驿,一个全方位立体化的创新体系已悄然成型。"
              "2014年,该区科技创新投入高达35亿元,而这些投入的科技成果转化,撬动了1750亿元的工业总产值。谈到今年的目标,"
              "龙泉驿区科技局局长王丰华表示,要争取国家、省、市立项70项,争取经费2.5亿元;全社会研发投入40亿元,投入强度保持3%以上,"
              "规上企业R&D经费支出16.5亿元以上;推进校(院)地合作项目5项;新增高新技术企业、创新型企业20家;新增国家级研发中心1家、"
              "省级研发中心3家、市级研发中心3家、区级研发中心10家;高新技术产业产值280亿元;技术交易额达22亿元;"
              "支持科技成果转化项目62项;推动4家以上载体申报市级以上孵化器;新增研发和技术服务机构3个;搭建科技公共服务平台5个;"
              "申报省市科技进步奖15项;全年专利申请量增长25%,其中发明专利增长20%。\n")
# Read by hand, all for 2015 (今年): 3% at least twice (the lead's and the list's 保持3%以上), 16.5亿 =
# 1 650 000 000 at least (以上), 5 exact, then the items past the lead's old reach: 20, 1, 3, 3, 10 exact (新增…家),
# 22亿 = 2 200 000 000 at least (达), 62 exact, 4 at least (4家以上), 3 and 5 exact. The bare 40亿元 / 70项 / 2.5亿元
# / 280亿元 / 15项 and the two growth rates are not read (below the threshold before and after this rule).
LONGQUANYI_PAST_REACH = [(20, "exact", 2015), (1, "exact", 2015), (3, "exact", 2015), (3, "exact", 2015),
                         (10, "exact", 2015), (2200000000, "at_least", 2015), (62, "exact", 2015),
                         (4, "at_least", 2015), (3, "exact", 2015), (5, "exact", 2015)]
LONGQUANYI_READ = [(3, "at_least", 2015), (3, "at_least", 2015), (1650000000, "at_least", 2015), (5, "exact", 2015),
                   *LONGQUANYI_PAST_REACH]


@pytest.mark.parametrize("text", variants(LONGQUANYI))
def test_a_goals_lead_before_a_comma_reaches_every_item_of_its_list(text):
    assert fields(quantified(text, "2015-02"), "value", "comparator", "deadline") == LONGQUANYI_READ


def test_without_the_goals_lead_the_items_past_the_old_reach_were_lost(monkeypatch):
    monkeypatch.setattr(listlead, "GOALS_LEAD", re.compile(r"(?!)"))
    read = fields(quantified(LONGQUANYI, "2015-02"), "value", "comparator", "deadline")
    assert read == LONGQUANYI_READ[: -len(LONGQUANYI_PAST_REACH)]


@pytest.mark.parametrize(("item", "opens"), [
    # real first items (development texts): a goals lead before a comma
    ("谈到今年的目标,龙泉驿区科技局局长王丰华表示,要争取国家、省、市立项70项,争取经费2.5亿元;", True),  # longquanyi
    ("果洛州划定发展预期目标,地区生产总值增长3%;", True),  # guoluo-2023-work-report-targets-news
    ("提出今年的主要预期目标,包括经济方面,国内生产总值增长5%左右;", True),  # china-2024-npc-work-report-charts-news
    ("2023年经济社会发展主要目标任务圆满完成,诸如:国内生产总值超过126万亿元,增长5.2%;", True),  # a colon (round 11)
    # the same real item without its colon: a goal reported met opens no list of goals (china-2024-…-nhandan)
    ("2023年经济社会发展主要目标任务圆满完成,诸如国内生产总值超过126万亿元,增长5.2%;", False),
    # SYNTHETIC: 目标 more than six characters before the comma is no lead
    ("围绕建设创新型城市的总体目标和具体任务推进,新增高新技术企业20家;", False),
])
def test_which_first_items_open_a_list_of_goals(item, opens):
    assert listlead.opens_list(item, 0, len(item)) is opens


# henan-2024-work-report-brief-news (development, first unseen-56; 2024-01-29): the digest's two headed blocks
HENAN = ("2024年主要目标\n\n经济增长目标确定为5.5%\n\n研发经费投入强度2.1%\n\n社会消费品零售总额增长7%\n\n"
         "固定资产投资增长7%\n\n城镇新增就业110万人以上\n\n居民消费价格涨幅3%左右\n\n2024年重点工作安排\n\n"
         "省重点项目完成投资1万亿元\n\n壮大7个先进制造业集群28个重点产业链,力争到2025年产业规模突破7万亿元\n\n"
         "支持28个重点产业链盟会长单位发起设立产学研联合基金\n\n培育省级以上绿色工厂100个,打造一批“超级能效”和“零碳”工厂\n\n"
         "建设10条具有国际范、中国味、中原韵的精品线路\n\n力争游客接待量突破10亿人次、综合收入突破1万亿元\n\n")
# By hand: growth 5.5%, 7%, 7% and 110万 = 1 100 000 jobs at least, prices about 3%, 1万亿 = 10^12 invested (exact),
# all 2024; 7万亿 = 7 x 10^12 exceeded by 2025 (its own 到2025年); 100 factories, 10 routes, 10亿 = 10^9 visitors and
# 1万亿 income exceeded, 2024. (研发经费投入强度2.1% is not read from this excerpt alone.) The counts 7 / 28 of
# 壮大…集群…产业链 and 支持28个…单位 name the work's scope; they are still proposed (one development text shows the
# class: left), and are left out of the comparison.
HENAN_TARGETS = [(5.5, "growth_rate", 2024), (7, "growth_rate", 2024), (7, "growth_rate", 2024),
                 (1100000, "at_least", 2024), (3, "approx", 2024), (1000000000000, "exact", 2024),
                 (7000000000000, "exceed", 2025), (100, "exact", 2024), (10, "exact", 2024),
                 (1000000000, "exceed", 2024), (1000000000000, "exceed", 2024)]
HENAN_SCOPE = {(7, "exact", 2025), (28, "exact", 2025), (28, "exact", 2024)}


@pytest.mark.parametrize("text", variants(HENAN))
def test_a_years_heading_line_dates_the_lines_below_it(text):
    read = fields(quantified(text, "2024-01"), "value", "comparator", "deadline")
    assert [r for r in read if r not in HENAN_SCOPE] == HENAN_TARGETS


def test_without_the_heading_the_lines_took_the_one_year_ahead(monkeypatch):
    monkeypatch.setattr(yearheading, "HEADING", re.compile(r"(?!)"))
    read = fields(quantified(HENAN, "2024-01"), "value", "comparator", "deadline")
    assert {d for v, c, d in read} == {2025}  # the document's one deadline (到2025年) lent to every line


@pytest.mark.parametrize(("view", "found"), [
    ("2024年主要目标\n经济增长目标确定为5.5%", [(0, 9, 2024)]),  # henan (real): 9 characters
    ("开发区·特别报道\n\n2024年目标任务\n\n实现GDP增速6.2%以上", [(10, 19, 2024)]),  # jinhua-2024-… (real)
    ("2023年工作回顾\n\n2023年生产总值增长4.1%", []),  # henan (real): a review heading carries nothing
    ("2024年主要目标是经济增长5.5%", []),  # SYNTHETIC: a sentence, not a heading line
])
def test_which_lines_are_a_years_heading(view, found):
    assert yearheading.headings(view) == found


def test_a_heading_year_before_the_texts_own_is_not_carried():
    # SYNTHETIC control: a 2024 page with a 2023 heading over a line without a year: the 2023 heading gives nothing
    read = fields(quantified("2023年主要目标\n\n新增高新技术企业100家以上\n", "2024-03"), "value", "deadline")
    assert read == [(100, None)]  # proposed, with no deadline: not the heading's 2023
