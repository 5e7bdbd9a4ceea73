"""Communiqué rules of issue 17's tenth round, on real sentences of the development half (unseen-15, moved to
development after its first score, and gs_2020_kjhy_tjyc). Titles marked SYNTHETIC give the year and place the real page
gives in its head (or none, where the page names none); the sentences are quoted from the texts named, and some are
given again in another script or with full-width brackets.

* Glosses are deleted before bracketed abbreviations: `研究與試驗(yàn)發(fā)展(以下簡(jiǎn)稱R&D)經(jīng)費(fèi)` is the
  R&D expenditure; `投入强度` right after its figure is its intensity; `R&D投入经费占当年GDP的…` is the intensity too
  (u15_nat_2010_rd_polymer_trad).
* `上一年` just before the name is the year before the sentence's (u15_nat_2014_jobs_apcjh).
* A province named only through its capital (`太原市`, `兰州白银国家自主创新示范区`) is what `我省` means; a
  capital's own figure is the city's, not the document's (u15_sx_2014_patents_taiyuan, gs_2020_kjhy_tjyc).
* `综合科技进步水平` is the index named without `指数` (u15_lz_2020_presser_gansuci).
* A breakdown (`分执行部门看`) gives parts; `A和<name>N` counts both; `高价值` patents are a subset; an industry's
  `投入强度` after its own expenditure is not the intensity (u15 bulletins, u15_gs_2022_platforms_trad,
  u15_nat_2015_platforms_dvklzi_trad, u15_sx_2024_patents_mefea_trad, u9_nat_2020_rd_bulletin_hbgrl).
* A number of years (`6.0年`) and a count in 张 are listed among the unread figures.
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence

NATION_2010 = "2010年全国科技经费（SYNTHETIC title）"
NATION_2014 = "2014年全国就业（SYNTHETIC title）"
NATION_2017 = "2017年全国创业孵化（SYNTHETIC title）"
LANZHOU_2020 = "2020年兰州市发展成就（SYNTHETIC title）"
NO_PLACE = "专利统计（SYNTHETIC title）"
NO_PLACE_MEETING = "科技工作会（SYNTHETIC title）"

POLYMER_GLOSSED = (
    "國(guó)家統(tǒng)計(jì)局昨天(9月28日)公布,2010年全國(guó)研究與試驗(yàn)發(fā)展(以下簡(jiǎn)稱R&D)經(jīng)費(fèi)投入7062.6億元,"
    "投入強(qiáng)度(與國(guó)內(nèi)生產(chǎn)總值GDP之比)為1.76%,比上年的1.70%有所提高。"
)


def _annual(found):
    return [(f[0], f[1], f[2], f[3]) for f in found if f[5] == "annual"]


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (
            NATION_2010,
            POLYMER_GLOSSED,
            [
                ("national", "rd_expenditure", 2010, 706260000000.0),
                ("national", "rd_intensity", 2010, 1.76),
                ("national", "rd_intensity", 2009, 1.7),
            ],
        ),
        (  # simplified script, full-width brackets
            NATION_2010,
            "2010年全国研究与试验发展（以下简称R&D）经费投入7062.6亿元，投入强度（与国内生产总值GDP之比）为1.76%。",
            [("national", "rd_expenditure", 2010, 706260000000.0), ("national", "rd_intensity", 2010, 1.76)],
        ),
        (
            NATION_2010,
            "公開資料顯示,2005年中國(guó)R&D投入經(jīng)費(fèi)占當(dāng)年GDP的1.34%。",
            [("national", "rd_intensity", 2005, 1.34)],
        ),
        (
            NATION_2014,
            "1月20日,国家统计局发布的数据显示,2014年我国城镇新增就业1322万人。我国不仅超额完成了2014年初确定的全年"
            "新增就业1000万人的目标,还超过上一年城镇新增就业1310万人的数量,创出新世纪以来的最高值。",
            [("national", "new_urban_jobs", 2014, 13220000.0), ("national", "new_urban_jobs", 2013, 13100000.0)],
        ),
        (
            NO_PLACE,
            "据国家知识产权局发布最新统计数据显示,2014年,我省发明专利申请6107件,同比增长1.4%;我省有效发明专利达到"
            "6284件,突破六千件大关。\n太原市2014年有效发明专利为4030件,占全省有效发明总量的一半以上。",
            [("shanxi", "valid_invention_patents", 2014, 6284.0)],
        ),
        (
            NO_PLACE_MEETING,
            "去年我省发挥兰州白银国家自主创新示范区和兰白科技创新改革试验区等平台作用。\n"
            "2019年，我省科技进步对经济增长的贡献率达到52.8%。",
            [("gansu", "st_progress_contribution", 2019, 52.8)],
        ),
        (
            LANZHOU_2020,
            "成功迈入国家创新型城市行列,综合科技进步水平达到78%,科技进步对经济增长的贡献率达到60.1%。",
            [
                ("lanzhou", "comprehensive_st_progress_index", 2020, 78.0),
                ("lanzhou", "st_progress_contribution", 2020, 60.1),
            ],
        ),
    ],
)
def test_round10_levels(tmp_path, aliases, catalogue, title, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert _annual(found) == expected


@pytest.mark.parametrize(
    ("title", "sentence", "reason"),
    [
        (
            NATION_2010,
            "分執(zhí)行部門看,各類企業(yè)投入R&D經(jīng)費(fèi)5185.5億元,比上年增長(zhǎng)22.1%。",
            "a part in a breakdown (分执行部门看)",
        ),
        (
            NATION_2010,
            "分产业部门*看,R&D经费投入强度(与主营业务收入之比)最高的行业是专用设备制造业,为2.04%。",
            "a part in a breakdown (分产业部门*看)",
        ),
        (
            "2022年甘肃省研发平台（SYNTHETIC title）",
            "截至2022年底,全省擁有各類研發(fā)平臺969家,其他類研發(fā)平臺407家,大學科技園和科技企業(yè)孵化器197家。",
            "and tech_incubators together, not of tech_incubators alone",
        ),
        (
            NATION_2014,
            "據統計,截至2015年年底中國已經有科技企業孵化器和眾創空間一共4875家,接近5000家的體量。",
            "and maker_spaces together, not of maker_spaces alone",
        ),
        (
            "2024年山西省知识产权（SYNTHETIC title）",
            "截至2024年底,全省有效發明專利達3.32萬件,同比增長14.6%;高價值發明專利有效量1.04萬件,同比增長17.1%。",
            "is a subset (高价值) of valid_invention_patents",
        ),
        (
            "2014年专利（SYNTHETIC title）",
            "据国家知识产权局发布最新统计数据显示,2014年,我省有效发明专利达到6284件。\n"
            "太原市2014年有效发明专利为4030件,占全省有效发明总量的一半以上。",
            "the figure is about 太原市, a place not in targets.yaml",
        ),
    ],
)
def test_round10_not_levels(tmp_path, aliases, catalogue, title, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert all(f[3] not in (518550000000.0, 2.04, 197.0, 4875.0, 10400.0, 4030.0) for f in found)
    assert any(reason in r for r in reasons)


def test_an_industrys_intensity_after_its_own_expenditure_is_not_read(tmp_path, aliases, catalogue):
    sentence = "装备制造业研究与试验发展(R&D)经费9130.3亿元,投入强度为2.22%,比上年提高0.15个百分点。"
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, "2020年全国科技经费（SYNTHETIC title）")
    assert _annual(found) == []


def test_years_and_certificates_are_listed(tmp_path, aliases, catalogue):
    sentence = "從有效發明專利的平均維持年限看,國內專利為6.0年,而國外來華專利為9.4年;去年發放數據知識產權證書30張。"
    _, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, "2015年全国专利（SYNTHETIC title）")
    listed = " ".join(r for r in reasons if r.startswith("not recognised"))
    assert "6.0年" in listed and "9.4年" in listed and "30張" in listed


def test_a_part_of_the_nations_whole_is_not_the_nations_level(tmp_path, aliases, catalogue):
    # u14_nat_2017_incubation_luxkon_trad (dev since round 9): the firms incubators bred, 8.2% of the nation's
    sentence = (
        "2017年創業孵化全面發力,全國科技企業孵化器總數已達4069家,相比2016年增長了24.8%。在孵科技型中小企業17.5萬家,"
        "累計畢業企業11.1萬家,培育高新技術企業1.1萬家,占全國高新技術企業的8.2%。"
    )
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2017)
    assert _annual(found) == [("national", "tech_incubators", 2017, 4069.0)]
    assert any("a part of the nation's whole (占全国… follows)" in r for r in reasons)


def test_a_provinces_share_of_the_nation_is_still_its_level(tmp_path, aliases, catalogue):
    sentence = "2017年甘肃省高新技术企业612家,占全国高新技术企业的0.5%。"  # SYNTHETIC: the province's own level
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2017)
    assert _annual(found) == [("gansu", "high_tech_enterprises", 2017, 612.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        # u14_nat_2014_rd_oecd_trad (dev since round 9), and in simplified script
        "同時,中國2014年科研投入占國內生產總值比重達到2.05%,超過歐盟的1.94%。",
        "同时,中国2014年科研投入占国内生产总值比重达到2.05%。",
    ],
)
def test_research_input_share_of_gdp_is_rd_intensity(tmp_path, aliases, catalogue, sentence):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, "经合组织数据（SYNTHETIC title）")
    assert _annual(found) == [("national", "rd_intensity", 2014, 2.05)]
