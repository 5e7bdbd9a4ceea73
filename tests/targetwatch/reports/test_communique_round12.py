"""Communiqué rules of issue 17's twelfth round, on real sentences of the development half (unseen-18, moved to
development after its first score, and unseen-17). Titles marked SYNTHETIC give the year and place the real page gives
in its head; the sentences are quoted from the texts named, and some are given again in another script, with
full-width punctuation or with spaces.

* `R&D总经费` is the R&D expenditure (u18_nat_2009_rd_census_ixiawen).
* The expenditure's ratio to the year's GDP in its own sentence, `R&D经费与当年国内生产总值(GDP)之比为1.70%`, is R&D
  intensity (u18_nat_2009_rd_census_ixiawen).
* `研发投入强度`, without `经费`, is R&D intensity, also with a bracketed definition `(與GDP之比)`
  (u18_nat_2009_rd_wenweipo_trad, u18_nat_2009_rd_yzw).
* `1—10月` (an em dash) is part of a year (u18_nat_2008oct_jobs_cnnb).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import levels as _levels
from tests.targetwatch.reports.test_communique import read_sentence

NATION_2009 = "我国2009年分行业R&D投入情况（SYNTHETIC title）"
NATION_2008 = "截至三季度我国城镇登记失业率为4.0%\n稿源: 中国网  | 2008-11-20 12:05:48"  # the page's head


CENSUS = (
    "2009年全国R&D总经费5802.1亿元,比2000年增长5.5倍,年平均增长23.0%。"
    "R&D经费与当年国内生产总值(GDP)之比为1.70%,比2000年提高了0.8个百分点。"
)
CENSUS_LEVELS = [
    ("national", "rd_expenditure", 2009, 580210000000.0, "annual"),
    ("national", "rd_intensity", 2009, 1.7, "annual"),
]


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (NATION_2009, CENSUS, CENSUS_LEVELS),
        (  # traditional script, full-width punctuation and brackets
            NATION_2009,
            "2009年全國R&D總經費5802.1億元，比2000年增長5.5倍，年平均增長23.0%。"
            "R&D經費與當年國內生產總值（GDP）之比為1.70%，比2000年提高了0.8個百分點。",
            CENSUS_LEVELS,
        ),
        (  # a subset stays a subset: basic research is not the total
            NATION_2009,
            "按活动类型分,基础研究经费270.3亿元,占4.7%;应用研究经费730.8亿元,占12.6%。",
            [],
        ),
        (
            NATION_2009,
            "但从清查结果也可看出,2009年我国研发投入强度虽然达到了1.7%,但与世界领先国家3%左右的水平相比仍有较大差距。",
            [("national", "rd_intensity", 2009, 1.7, "annual")],
        ),
        (
            NATION_2009,
            "察志敏同時指出,從清查結果也可看出不足之處。2009年中國研發投入強度(與GDP之比)雖然達到了1.7%,"
            "但與世界領先國家3%左右的水平相比仍有較大差距。",
            [("national", "rd_intensity", 2009, 1.7, "annual")],
        ),
        (  # an industrial ratio to revenue stays a subset
            NATION_2009,
            "企業R&D經費支出4,248.6億元,佔全社會R&D經費支出73.2%,規模以上工業R&D經費投入強度(與主營業務收入之比)為0.70%,"
            "比2000年提高0.12個百分點。",
            [],
        ),
        (
            NATION_2008,
            "1—10月,全国累计实现城镇新增就业人员1020万人,为全年目标任务1000万人的102%;",
            [("national", "new_urban_jobs", 2008, 10200000.0, "partial")],
        ),
        (  # full-width comma, a spaced en dash
            NATION_2008,
            "1 – 10月，全国累计实现城镇新增就业人员1020万人，为全年目标任务1000万人的102%；",
            [("national", "new_urban_jobs", 2008, 10200000.0, "partial")],
        ),
    ],
)
def test_round12_sentences(tmp_path, aliases, catalogue, title, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert _levels(found) == expected


def test_a_figure_of_what_the_name_is_compared_with_is_not_its_level(tmp_path, aliases, catalogue):
    # u13_nat_2014_rd_chinacb_trad: 研發投入強度 is a name since this round; 3% is the developed countries'
    sentence = "她表示,我國是僅次于美國的世界第二大科技經費投入大國,研發投入強度與發達國家3%-4%的水平相比雖然還有差距。"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2009)
    assert found == []
    assert any("compared with" in r for r in reasons), reasons


NATION_2008_RD = "2008年全國R&D投入大幅增加（SYNTHETIC title）"
RD_2008 = ("national", "rd_expenditure", 2008, 461600000000.0)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # u17_nat_2008_rd_spun_ymdmx writes every figure in Chinese numerals (the clause is quoted without its 去年)
        ("全国研究与试验发展R&D经费总支出为四千六百一十六亿元人民币,", [RD_2008]),
        ("全國研究與試驗發展R&D經費總支出為四千六百一十六億元人民幣，", [RD_2008]),
        (  # SYNTHETIC recombination of two fragments of the same text: a percentage written 百分之
            "全国研究与试验发展R&D经费总支出为四千六百一十六亿元,与国内生产总值之比为百分之一点五四。",
            [RD_2008, ("national", "rd_intensity", 2008, 1.54)],
        ),
        ("应用研究经费支出为五百七十五点二亿元,", []),  # a subset: not the total, but not lost either (below)
    ],
)
def test_figures_in_chinese_numerals_are_read(tmp_path, aliases, catalogue, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2008_RD)
    assert [(f[0], f[1], f[2], f[3]) for f in found] == expected


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("二00八年,新高比上年增加二点一万元。", "二点一万元"),
        ("分活动类型看,经费增长百分之二十二点二;", "百分之二十二点二"),
        ("其中江苏支出五百八十点九亿元,增长百分之二十五点五。", "五百八十点九亿元"),
        # u17_nat_2010_jobs_11th_plan_trad: a ratio of whole numbers that no clock reads
        ("三次產業就業人員的比重將達到39:27:34。", "39:27:34"),
    ],
)
def test_figures_nothing_reads_are_listed_not_lost(tmp_path, aliases, catalogue, sentence, listed):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2008_RD)
    assert found == []
    assert any(listed in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("written", "converted"),
    [
        ("二00八年", "2008年"),
        ("百分之一点五四", "1.54%"),
        ("九百零五点八亿元", "905.8亿元"),
        ("二点一万元", "2.1万元"),
        ("四千六百一十六亿元", "4616亿元"),
        # words, not figures: left as written
        ("十三五期间", "十三五期间"),
        ("前三季度", "前三季度"),
        ("三个方面", "三个方面"),
        ("新增两家孵化器", "新增两家孵化器"),
        ("二〇一九年", "二〇一九年"),
    ],
)
def test_chinese_numerals_of_figures_become_digits(written, converted):
    from targetwatch.units import arabic_numerals, fold_with_offsets

    folded, index = arabic_numerals(*fold_with_offsets(written))
    assert folded == converted
    assert len(index) == len(folded) and index[-1] == len(written) - 1


NATION_2019_TORCH = "《中国创业孵化发展报告2020》发布（SYNTHETIC title）"
NATION_2015_IP = "國家知識產權局新聞發布會（SYNTHETIC title）"


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (  # u17_nat_2019_incubation_ailab
            NATION_2019_TORCH,
            "《报告》显示,截至2019年年底,全国创业孵化载体数量达到13206家,其中孵化器5206家、众创空间8000家。",
            [
                ("incubation_carriers", 2019, 13206.0),
                ("tech_incubators", 2019, 5206.0),
                ("maker_spaces", 2019, 8000.0),
            ],
        ),
        (  # traditional script, full-width punctuation
            NATION_2019_TORCH,
            "《報告》顯示，截至2019年年底，全國創業孵化載體數量達到13206家，其中，孵化器5206家、眾創空間8000家。",
            [
                ("incubation_carriers", 2019, 13206.0),
                ("tech_incubators", 2019, 5206.0),
                ("maker_spaces", 2019, 8000.0),
            ],
        ),
        (  # 孵化器 alone, with no carriers named before: not read (孵化器总收入 is the incubators' revenue)
            NATION_2019_TORCH,
            "创业孵化机构2019年总运营收入为653.6亿元,其中,孵化器总收入为449.9亿元。",
            [],
        ),
        (  # u15_nat_2015_patents_press_trad, with its glosses
            NATION_2015_IP,
            "截至2015年底,我國有效發明專利中,國(guó)內(nèi)專利為92.2萬件,占比超過60%。",
            [("valid_invention_patents", 2015, 922000.0)],
        ),
        (  # simplified script, full-width comma
            NATION_2015_IP,
            "截至2015年底，我国有效发明专利中，国内专利为92.2万件，占比超过60%。",
            [("valid_invention_patents", 2015, 922000.0)],
        ),
    ],
)
def test_short_names_after_what_they_belong_to(tmp_path, aliases, catalogue, title, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert [(f[1], f[2], f[3]) for f in found] == expected


PRELIM_2017 = "2017年我國研發經費投入1.75萬億 居世界第二位（SYNTHETIC title）"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # u11_nat_2017_rd_prelim_trad: the series goes on after 首次突破2%;
            "十八大以來,中國研發經費投入強度持續提升。2014年中國研發經費投入強度達到2.02%,首次突破2%;2016年為2.11%,"
            "2017年進一步上升至2.12%后,已經比2012年提高了0.21個百分點。",
            [("rd_intensity", 2014, 2.02), ("rd_intensity", 2016, 2.11)],
        ),
        (  # simplified script, full-width punctuation
            "十八大以来，中国研发经费投入强度持续提升。2014年中国研发经费投入强度达到2.02%，首次突破2%；2016年为2.11%，"
            "2017年进一步上升至2.12%后，已经比2012年提高了0.21个百分点。",
            [("rd_intensity", 2014, 2.02), ("rd_intensity", 2016, 2.11)],
        ),
        (  # SYNTHETIC: another unit after the year is not the series (亿元 after a %)
            "2014年中国研发经费投入强度达到2.02%;2016年为15676.7亿元。",
            [("rd_intensity", 2014, 2.02)],
        ),
        (  # SYNTHETIC: a sentence with no figure between breaks the series
            "2014年中国研发经费投入强度达到2.02%。此后继续提高。2016年为2.11%。",
            [("rd_intensity", 2014, 2.02)],
        ),
    ],
)
def test_a_sentence_opening_with_a_year_continues_the_series_before(tmp_path, aliases, catalogue, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, PRELIM_2017)
    assert [(f[1], f[2], f[3]) for f in found] == expected


LANZHOU_2021 = "兰州:经济发展活力明显增强 不断实现新的跨越（SYNTHETIC title）"
LZ_PARAGRAPH = (
    "2020年兰州市生产总值达到2886.74亿元,是新中国成立之初的8700多倍,是改革开放之初的132.42倍,是2012年的1.79倍。"
    "人均生产总值由新中国成立之初的47元,增加到改革开放之初的1067元,到2000年突破万元大关,再到2019年达到75217元,"
    "不断实现着新的跨越。成功迈入国家创新型城市行列,综合科技进步水平达到78%,科技进步对经济增长的贡献率达到60.1%。"
)


@pytest.mark.parametrize(
    "paragraph",
    [
        LZ_PARAGRAPH,  # u15_lz_2020_presser_gansuci
        # full-width punctuation
        LZ_PARAGRAPH.replace(",", "，").replace("。", "。"),
    ],
)
def test_a_series_milestones_and_a_multiples_base_are_not_the_paragraphs_year(tmp_path, aliases, catalogue, paragraph):
    found, _ = read_sentence(tmp_path, aliases, catalogue, paragraph, LANZHOU_2021)
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [
        ("lanzhou", "comprehensive_st_progress_index", 2020, 78.0),
        ("lanzhou", "st_progress_contribution", 2020, 60.1),
    ]


def test_one_year_reached_is_still_carried(tmp_path, aliases, catalogue):
    # SYNTHETIC (the fragments of u15_lz_2020_presser_gansuci without the series): one 到2019年 is the paragraph's year
    paragraph = "人均生产总值到2019年达到75217元。科技进步对经济增长的贡献率达到60.1%。"
    found, _ = read_sentence(tmp_path, aliases, catalogue, paragraph, LANZHOU_2021)
    assert [(f[0], f[1], f[2], f[3]) for f in found] == [("lanzhou", "st_progress_contribution", 2019, 60.1)]


NATION_2006 = "中国科研投入强度达历史最高水平（SYNTHETIC title）"


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (  # u17_nat_2006_rd_chinagate_dizaynex
            "全社会研究与试验发展经费投入稳步增加。2006年的总支出达到3003亿元,比去年增加553亿元,增长22.6%。",
            [("rd_expenditure", 2006, 300300000000.0)],
        ),
        (  # traditional script, full-width comma
            "全社會研究與試驗發展經費投入穩步增加。2006年的總支出達到3003億元，比去年增加553億元，增長22.6%。",
            [("rd_expenditure", 2006, 300300000000.0)],
        ),
        (  # SYNTHETIC: a sentence with a figure between, or another noun before 总支出, does not lend the name
            "全社会研究与试验发展经费投入稳步增加。国家财政科技拨款1688.5亿元。2006年的总支出达到3003亿元。",
            [],
        ),
    ],
)
def test_a_total_after_a_sentence_that_named_the_indicator(tmp_path, aliases, catalogue, paragraph, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, paragraph, NATION_2006)
    assert [(f[1], f[2], f[3]) for f in found] == expected
