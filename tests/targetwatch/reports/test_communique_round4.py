"""Communiqué rules of issue 17's fourth round, on real sentences of the development half (unseen-6 and unseen-7,
moved to development after their first scores), each also in traditional script, with full-width forms and with
spaces. The titles are SYNTHETIC (they give the year and place the real page gives in its head); the sentences are
quoted from the texts named.

* R&D expenditure's share of GDP is R&D intensity, right after the expenditure's name (u7_nat_2012_caixin).
* `等N家` after a name counts the ones named and others: never the name's level (u7_gs_2018_makerspaces_eval).
* A count after `分布于`/`覆盖` counts places, not the name (u7_gs_2018_makerspaces_eval).
* `N多家`, `N余家` are bounds ("more than N"): never levels; a score (`40分以上`) and a Chinese-numeral amount
  (`近百亿`) are listed among the unread figures, never lost (u7_lz_2017_incubator_plan,
  u7_nat_2024_innovation_ranking_trad, u6_hn_2014_techcontracts).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence

NATION_2012 = "2012年全国统计公报（SYNTHETIC title）"
GANSU_2018 = "2018年甘肃省众创空间考核（SYNTHETIC title）"
LANZHOU_2017 = "2017年兰州市科技企业孵化器发展规划（SYNTHETIC title）"

RD_2012 = [
    ("national", "rd_expenditure", 2012, 1024000000000.0, "yuan", "annual"),
    ("national", "rd_intensity", 2012, 1.97, "percent", "annual"),
]


@pytest.mark.parametrize(
    "sentence",
    [
        "我国2012年全年研究与试验发展(R&D)经费支出10240亿元,比上年增长17.9%,占国内生产总值的1.97%。",
        "我國2012年全年研究與試驗發展（R&D）經費支出10240億元，比上年增長17.9%，佔國內生產總值的1.97%。",
        "我国２０１２年全年研究与试验发展（Ｒ＆Ｄ）经费支出１０２４０亿元，比上年增长１７．９％，占国内生产总值的１．９７％。",
        "我国 2012 年全年研究与试验发展 (R&D) 经费支出 10240 亿元, 比上年增长 17.9%, 占国内生产总值的 1.97 %。",
    ],
)
def test_rd_expenditures_share_of_gdp_is_rd_intensity(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2012)
    assert found == RD_2012
    assert reasons == []


@pytest.mark.parametrize(
    ("sentence", "found_", "reason"),
    [
        (  # the headline of u7_nat_2012_caixin: the share right after the name, no expenditure figure
            "2012年我国研发经费占GDP的1.97%",
            [("national", "rd_intensity", 2012, 1.97, "percent", "annual")],
            None,
        ),
        (  # a subset of the expenditure (企业): its share of GDP is not the intensity either (SYNTHETIC)
            "全年企業R&D經費支出500億元，佔國內生產總值的0.5％。",
            [],
            "not recognised: '佔國內生產總值的0.5％' (figures next to no indicator name in targets.yaml)",
        ),
        (  # another name between: the share is that name's (SYNTHETIC)
            "全年研发经费1000亿元，高新技术产业增加值占地区生产总值的4.3%。",
            [("national", "rd_expenditure", 2012, 100000000000.0, "yuan", "annual")],
            "not recognised: '术产业增加值占地区生产总值的4.3%' (figures next to no indicator name in targets.yaml)",
        ),
    ],
)
def test_the_share_is_read_only_right_after_the_total_expenditure(
    tmp_path, aliases, catalogue, sentence, found_, reason
):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2012)
    assert found == found_
    assert reason is None or reason in reasons


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "互联网计算应用众创空间等47家众创空间评估为良好等次。",
            "sentence 2: '众创空间等47家' counts the ones named and others (等), some of the maker_spaces, not their "
            "total",
        ),
        (
            "互聯網計算應用眾創空間等47家眾創空間評估為良好等次。",
            "sentence 2: '眾創空間等47家' counts the ones named and others (等), some of the maker_spaces, not their "
            "total",
        ),
        (
            "互联网计算应用众创空间等 ４７ 家众创空间评估为良好等次。",
            "sentence 2: '众创空间等 ４７ 家' counts the ones named and others (等), some of the maker_spaces, not "
            "their total",
        ),
        (
            "此次参评的103家省级众创空间分布于全省13个市州。",
            "sentence 2: '省级众创空间分布于全省13个' counts the places they are spread over (分布于), not a level of "
            "maker_spaces_provincial",
        ),
        (
            "此次參評的103家省級眾創空間分布於全省 13 個市州。",
            "sentence 2: '省級眾創空間分布於全省 13 個' counts the places they are spread over (分布于), not a "
            "level of maker_spaces_provincial",
        ),
    ],
)
def test_some_of_them_and_the_places_they_cover_are_not_levels(tmp_path, aliases, catalogue, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, GANSU_2018)
    assert found == []
    assert reason in reasons


@pytest.mark.parametrize(
    ("title", "sentence", "reason"),
    [
        (
            LANZHOU_2017,
            "生物产业汇聚了20多家重点骨干企业,培育了30多个市场潜力大的高技术产品。",
            "not recognised: '生物产业汇聚了20多家'; '培育了30多个' (figures next to no indicator name in "
            "targets.yaml)",
        ),
        (
            LANZHOU_2017,
            "生物產業匯聚了２０多家重點骨幹企業，培育了 30 多個市場潛力大的高技術產品。",
            "not recognised: '生物產業匯聚了２０多家'; '培育了 30 多個' (figures next to no indicator name in "
            "targets.yaml)",
        ),
        (  # a name with 多/余 after its number: a bound (SYNTHETIC, on the pattern of 企业加速器有400余家, dev)
            LANZHOU_2017,
            "全市科技企業孵化器 400 余家。",
            "sentence 2: '400 余家' is a bound (多/余: more than), not the level of tech_incubators",
        ),
        (
            "2024年全国区域创新能力评价（SYNTHETIC title）",
            "2024年廣東、江蘇、北京、浙江、上海和山東的區域創新能力綜合得分在40分以上,具有明顯的領先優勢。",
            "not recognised: '山東的區域創新能力綜合得分在40分' (figures next to no indicator name in targets.yaml)",
        ),
        (
            "2014年湖南省技术市场（SYNTHETIC title）",
            "去年湖南技术合同成交额近百亿 首次跃居首位",
            "not recognised: '去年湖南技术合同成交额近百亿' (figures next to no indicator name in targets.yaml)",
        ),
    ],
)
def test_bounds_scores_and_chinese_amounts_are_never_lost(tmp_path, aliases, catalogue, title, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == []
    assert reason in reasons
