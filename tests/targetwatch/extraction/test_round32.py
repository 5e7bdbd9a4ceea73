"""Round 32 of issue 18: classes counted on the development side after unseen-42 (scored once unseen, then moved
there), each written only where it recurs in more than one development text:

- a comparative written with 于 that the cue tables lacked (不小于 at least, 大于 more than, 不大于 at most) bounds a
  figure that was read as exact (`comparatives.bound`; 2 development texts: 上海's 2022 elderly-care facilities plan
  news, first unseen-42, and the 2022 provinces' digital-economy targets page, first unseen-36);
- a five-year plan period still ahead named in a figure's sentence (“十四五”时期,…) gives the period's last year
  as its deadline (`planperiod.carry`; 2 development texts: 江苏's sports plan news, first unseen-42; 云南's 2017
  science plan news, first unseen-8);
- a written minimum for each unit of a jurisdiction (每个市州不少于2个, 各示范县…培训不少于3000人次, 每个设区市选择1个
  以上) is a coverage target, at least 100 percent, as the corpus annotates it since round 30 (`perunit.cover`; 3
  development texts: 甘肃 2016, the 2018 rural e-commerce demonstration notice, 浙江 2020's 出村进城 news).

Expected values are worked out by hand from each sentence: the figure, its unit in base units (万 = 10 000), the
comparator its words give, and the deadline its year gives. Every text is real, copied from the corpus text named
beside it (tests/fixtures/real/policies/, development side), in simplified or traditional, full-width and spaced
variants (OpenCC for the script). Controls written for the test are marked SYNTHETIC (no page holds them).
"""

from __future__ import annotations

import pytest

from targetwatch.config import PROJECT_DIR
from tests.targetwatch.extraction.proposals import fields, quantified, variants


def _read(props):
    return fields(props, "value", "unit", "comparator", "kind")


def _dated(props):
    return fields(props, "value", "unit", "comparator", "kind", "deadline")


@pytest.mark.parametrize("text", variants(
    # shanghai-2022-elderly-facilities-plan-news-trad (development, first unseen-42)
    "《規劃》提出,上海到2025年建成不少于17.8萬張養老床位,其中護理型床位占比不小于60%,"
    "且包含至少1.5萬張認知障礙老年人照護床位。", "%萬万"))
def test_not_less_than_is_at_least(text):
    read = _read(quantified(text, issued="2022-10"))
    # 占比不小于60%: a share of at least 60 (a part of the beds before it: 其中)
    assert any(r[:3] == (60, "percent", "at_least") for r in read)
    assert not any(r[:3] == (60, "percent", "exact") for r in read)


@pytest.mark.parametrize("text", variants(
    # provinces-2022-digital-economy-targets-cfgw (development, first unseen-36)
    "就在几天前,上海刚刚发布《数字经济发展“十四五”规划》,明确提出到2025年底,上海数字经济增加值力争达到3万亿元,"
    "占全市生产总值比重大于60%。", "%万萬亿億"))
def test_greater_than_is_exceed(text):
    read = _dated(quantified(text, issued="2022-07"))
    # 达到3万亿元: at least 3 × 10^12 yuan; 比重大于60%: more than 60 per cent; both by 2025
    assert (3e12, "yuan", "at_least", "outcome", 2025) in read
    assert (60, "percent", "exceed", "outcome", 2025) in read


@pytest.mark.parametrize("text", variants(
    # SYNTHETIC control: the ceiling of the pair (不高于 is in the cue tables), and a figure with a cue of its own
    "到2025年,城镇调查失业率不大于5.5%,研发投入强度大于2.5%左右。"))
def test_not_greater_than_is_at_most_and_a_cue_of_its_own_stays(text):
    assert _dated(quantified(text, issued="2021")) == [
        (5.5, "percent", "at_most", "outcome", 2025), (2.5, "percent", "approx", "outcome", 2025)]


@pytest.mark.parametrize("text", variants(
    # gansu-2016-rural-ecommerce-targets-news (development, first unseen-39)
    "今年,我省将培育一批具有典型示范带动作用的农村电子商务示范县(乡、村)、示范企业、“优秀网店”,"
    "每个市州不少于2个电子商务示范县,贫困县电子商务服务中心全部建成。"))
def test_a_minimum_for_each_prefecture_is_coverage(text):
    # 每个市州不少于2个: every prefecture has at least 2, so 100 per cent of them covered (this year: 2016)
    assert (100, "percent", "at_least", "coverage", 2016) in _dated(quantified(text, issued="2016-05"))


@pytest.mark.parametrize("text", variants(
    # gansu-2016-rural-ecommerce-targets-news (development, first unseen-39): the whole paragraph
    "今年,我省将培育一批具有典型示范带动作用的农村电子商务示范县(乡、村)、示范企业、“优秀网店”,"
    "每个市州不少于2个电子商务示范县,贫困县电子商务服务中心全部建成,30%的乡(村)建成电子商务服务站(点);"
    "90%的行政村通宽带,农村电商培训实现全覆盖。2017年,全省70%以上的乡(村)建成电子商务服务站(点),交易额增长20%;"
    "80%以上行政村通光纤,95%以上行政村通宽带;每个村至少培训1名电商应用人才和信息员;实现物流快递到乡镇,功能覆盖到村。"))
def test_a_minimum_for_each_village_is_coverage_beside_shares(text):
    read = _read(quantified(text, issued="2016-05"))
    # 每个市州不少于2个, 农村电商培训实现全覆盖, 每个村至少培训1名: three coverage targets of 100 per cent
    assert read.count((100, "percent", "at_least", "coverage")) == 3
    assert not any(r[0] in (1, 2) for r in read)  # the per-unit counts are notes, not targets of their own
    assert (80, "percent", "at_least", "outcome") in read and (95, "percent", "at_least", "outcome") in read


@pytest.mark.parametrize("text", variants(
    # rural-ecommerce-demo-county-notice (development, first unseen-38): the goal sentence, then the task
    "力争到2020年底,实现示范地区建档立卡贫困村和整体行政村电商服务覆盖率达到80%。各示范县的农村电商培训不少于3000人次。"))
def test_a_minimum_for_each_demonstration_county_is_coverage(text):
    read = _read(quantified(text))
    assert (100, "percent", "at_least", "coverage") in read  # 各示范县…不少于3000人次: every county trains 3000
    assert not any(r[0] == 3000 for r in read)
    assert (80, "percent", "at_least", "outcome") in read


@pytest.mark.parametrize("text", variants(
    # zhejiang-2020-agri-products-online-news (development, first unseen-38)
    "浙江省农业农村厅、省发展改革委等部门近日联合印发《关于推进“互联网+”农产品出村进城工程的实施意见》,"
    "提出2022年前每个设区市选择1个以上县(市、区)先行试点示范。"))
def test_at_least_one_county_in_each_city_is_coverage(text):
    assert _dated(quantified(text, issued="2020-07")) == [(100, "percent", "at_least", "coverage", 2022)]


@pytest.mark.parametrize("text", variants(
    # china-2020-returnee-entrepreneurship-goals (development, first unseen-23): 各类 (all kinds) is no unit
    "到2025年,全国各类返乡入乡创业人员达到1500万人以上。", "%万萬"))
def test_all_kinds_of_people_is_no_unit(text):
    assert _dated(quantified(text, issued="2020")) == [(15000000, "persons", "at_least", "outcome", 2025)]


@pytest.mark.parametrize("text", variants(
    # SYNTHETIC controls: a grant for each firm (money) and a share each unit must reach are not coverage
    "对每家企业给予不少于50万元奖励。到2025年,每个乡镇电商服务覆盖率不低于80%。", "%万萬"))
def test_money_and_shares_for_each_unit_are_not_coverage(text):
    assert not any(p.entry["kind"] == "coverage" for p in quantified(text, issued="2021"))


@pytest.mark.parametrize("text", variants(
    # hebei-2014-rural-ecommerce-demo-counties-news (development, first unseen-40): the bracket is a condition
    "每个行政村(500人以上)建设1个电子商务网点。"))
def test_a_figure_in_brackets_after_the_unit_is_not_read_as_the_minimum(text):
    assert not any(p.entry["kind"] == "coverage" and "500" in " ".join(p.entry.get("notes") or [])
                   for p in quantified(text, issued="2014-12"))


# A five-year plan period still ahead, named in a figure's sentence, gives its last year as the deadline
# (`planperiod.carry`; 2 development texts: 江苏's 十四五 sports plan news, first unseen-42, and 云南's 2017
# 十三五 science plan news, first unseen-8). 十四五 ends in 2025, 十三五 in 2020 (`rules.PLAN_PERIODS`).


@pytest.mark.parametrize("text", variants(
    # jiangsu-2021-sports-14th-plan-news-trad (development, first unseen-42)
    "《規劃》提出,“十四五”時期,江蘇要實現人均體育場地面積達到3.6平方米,全省每千人擁有社會體育指導員3.6名,"
    "經常參加體育鍛煉人數比例達43%以上。", "%"))
def test_the_fourteenth_plan_period_gives_2025(text):
    # 达到3.6平方米 at least; 3.6名 a plain count of persons per 1000; 达43%以上 at least; all by 2025
    assert [(v, u, c, d) for v, u, c, _, d in _dated(quantified(text, issued="2021-11"))] == [
        (3.6, "sqm", "at_least", 2025), (3.6, "persons", "exact", 2025), (43, "percent", "at_least", 2025)]


@pytest.mark.parametrize("text", variants(
    # yunnan-2017-13th-fyp-st-news (development, first unseen-8): the stored text whole (its goals need the lead)
    (PROJECT_DIR / "tests/fixtures/real/policies/yunnan-2017-13th-fyp-st-news.txt").read_text(encoding="utf-8"), "%"))
def test_the_thirteenth_plan_period_gives_2020(text):
    read = _dated(quantified(text, issued="2017-01"))
    # 科技進步貢獻率超過60%, 研發人員達到25人年以上 under 《規劃》明確了“十三五”時期…核心指標: by 2020
    assert (60, "percent", "exceed", "outcome", 2020) in read
    assert (25, "person_years", "at_least", "outcome", 2020) in read
    assert all(r[4] == 2020 for r in read)


@pytest.mark.parametrize("text", variants(
    # echeng-2023-work-report-targets-news (development, first unseen-26): the year named first is the figure's
    "2023年,鄂城區經濟社會發展主要預期目標是:錨定“十四五”期間縣域經濟沖十進百的目標,堅持穩字當頭、穩中求進,"
    "實現GDP增速高于全市平均水平。"))
def test_a_year_named_before_the_period_keeps_the_figure_from_it(text):
    assert all(p.entry.get("deadline") != 2025 for p in quantified(text, issued="2023-01"))


@pytest.mark.parametrize("text", variants(
    # SYNTHETIC control: a period already over by the text's date is reviewed, not planned
    "“十三五”期间,全国城镇新增就业6564万人。“十四五”期间,力争城镇新增就业5500万人以上。", "%万萬"))
def test_a_period_over_gives_no_deadline(text):
    read = _dated(quantified(text, issued="2021-08"))
    assert (55000000, "persons", "at_least", "outcome", 2025) in read
    assert not any(r[4] == 2020 for r in read)
