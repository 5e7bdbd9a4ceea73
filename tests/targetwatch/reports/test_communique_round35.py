"""Round 35 of issue 17: rules written against development texts (unseen-43 and unseen-44 among them, scored before
their classes were written). Real sentences from development texts (as published, the other script, full-width and
spaced); SYNTHETIC heads, completions and controls are marked so. Values, places and years worked by hand from the
texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.model import Aliases
from targetwatch.reports.normalise import indicator_matcher
from tests.targetwatch.reports.round_texts import SPACED_IDS as IDS
from tests.targetwatch.reports.round_texts import fold_text, read_at
from tests.targetwatch.reports.round_texts import spaced_variants as _variants
from tests.targetwatch.reports.test_communique_round31 import _got


def _reasons(read) -> list[str]:
    """The rejected rows' reasons, folded (simplified, half-width, no blanks)."""
    return [] if read.rejected.empty else [fold_text(r).replace(" ", "") for r in read.rejected["reason"]]


# --- rule 1: 近, 将近, 接近 (nearly) before a number is a bound below it, not a level (ranges.BELOW) ---------------

# u40_yl_2020_st_yybnet (dev since round 31): `完成技术交易合同登记135项,交易额近5亿元`, annotated a bound; the stored
# sentence names only 交易额, so the name is completed here (SYNTHETIC 技术合同), with a SYNTHETIC head naming the city
YULIN_2020 = "榆林市2020年科技工作\n2020年,完成技术交易合同登记135项,技术合同交易额近5亿元。"
# u6_hn_2014_techcontracts (dev since round 4), its headline `去年湖南技术合同成交额近百亿` (annotated a bound), with
# the year and 元 written out (SYNTHETIC: the stored headline has 去年 and no unit)
HUNAN_2014 = "湖南省2014年技术市场\n2014年,湖南技术合同成交额近百亿元。"
# u44_hi_2023_techcontracts_0898 (unseen-44): `合同登记交易额接近11亿元`, annotated a bound (the first quarter of 2024);
# SYNTHETIC: the name completed and the year's total instead of the quarter's
HAINAN_NEAR = "海南省2023年科技工作\n2023年,全省技术合同认定476项,技术合同成交额接近11亿元。"
# SYNTHETIC: 将近
HAINAN_ALMOST = "海南省2023年科技工作\n2023年,全省技术合同成交额将近11亿元。"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        *[(t, "近") for t in _variants(YULIN_2020)],
        *[(t, "近") for t in _variants(HUNAN_2014)],
        *[(t, "接近") for t in _variants(HAINAN_NEAR)],
        *[(t, "将近") for t in _variants(HAINAN_ALMOST)],
    ],
    ids=[f"{p}-{i}" for p in ("yulin", "hunan", "hainan-jiejin", "hainan-jiangjin") for i in IDS],
)
def test_nearly_is_a_bound_not_a_level(tmp_path: Path, wide_aliases: Aliases, text: str, word: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[0] == "技术合同成交额" or g[0] == "技术合同交易额"] == []
    assert any(f"isabound({word}:lessthan)" in r for r in _reasons(read))


@pytest.mark.parametrize("text", _variants("海南省2023年科技工作\n2023年,全省技术合同成交额约11亿元。"), ids=IDS)
def test_about_stays_a_level_written_as_approximate(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    # SYNTHETIC control: 约 (about) is no bound: 總收入約334億元 (u37_hi_2014_hitech_szokow_trad) is annotated
    # approximate
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("技术合同成交额", "11", "海南省", "2023")]
    assert list(read.rows["notes"]) == ["written as approximate: '约'"]


@pytest.mark.parametrize(
    "text",
    _variants("榆林市2020年科技工作\n全市高新技术企业由2015年近50家增加到2020年80家。"),
    ids=IDS,
)
def test_a_range_from_nearly_keeps_its_end(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    # SYNTHETIC: as 由2014年不足50家到2020年8 507家 (u24_nat_2020_makerspaces_victorzhang_trad): the start is a
    # bound, the end a level
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("80", "榆林市", "2020")]
    assert any("isabound(近)" in r for r in _reasons(read))


# --- rule 2: 高企 is the abbreviation of 高新技术企业 (abbreviations.py) -----------------------------------------

# u6_xx_2020_kjj_summary (dev since round 4), as published, with a SYNTHETIC head naming a city (the stored page
# writes XX for it)
XX_2020 = (
    "南宁市2020年科技工作总结\n大力培育高新技术产业,全市高企数量达到209家,2020年净增67家,无论是增量还是增速均创历史新高。"
)
# u39_jx_2023_st_dcqhyn_trad (dev since round 31), the clause with the stock as published (traditional), with a
# SYNTHETIC head naming a city (the stored page names none) and the year of the sentence before it
JX_2023 = "南宁市2023年科技工作\n2023年,目前有效期內高企達502家,增長14.9%,增幅高于全省平均水平。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *[(t, ("高新技术企业", "209", "南宁市", "2020")) for t in _variants(XX_2020)],
        *[(t, ("高新技术企业", "502", "南宁市", "2023")) for t in _variants(JX_2023)],
    ],
    ids=[f"{p}-{i}" for p in ("xx", "jiangxi") for i in IDS],
)
def test_gaoqi_is_read_as_high_tech_enterprises(
    tmp_path: Path, wide_aliases: Aliases, text: str, expected: tuple[str, str, str, str]
) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [expected]
    said = fold_text("named '高企' as the abbreviation of 高新技术企业: read as 高新技术企业")
    assert said in fold_text(read.rows["notes"].iloc[0])  # the inference shows


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: 高企 inside 提高企业, 最高企业 and before 业 is no abbreviation
        *_variants("2020年,南宁市提高企业数量至300家。"),
        *_variants("2020年,南宁市最高企业得分达到95分。"),
    ],
    ids=[f"{p}-{i}" for p in ("tigao", "zuigao") for i in IDS],
)
def test_gaoqi_inside_a_word_is_no_abbreviation(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[0] == "高新技术企业"] == []


# --- rule 3: 国家级高新技术企业 is all the high-tech enterprises, no subset (matching._INFIXES) ---------------

# u37_cz_2013_hitech_tech (dev since round 28), as published, with a SYNTHETIC head naming the city and the year (the
# stored text has them from its page); 117 is annotated 滁州市's 2013 level, the listed 4 a subset
CHUZHOU_2013 = (
    "滁州市2013年高新技术企业发展情况\n一是高新技术企业数量逐年增加。目前全市国家级高新技术企业数量已达117家,较上年增加26家,"
    "位居全省第六;上市的国家级高新技术企业4家,较上年增加2家。"
)


@pytest.mark.parametrize("text", _variants(CHUZHOU_2013), ids=IDS)
def test_national_grade_high_tech_enterprises_are_all_of_them(
    tmp_path: Path, wide_aliases: Aliases, text: str
) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("117", "滁州市", "2013")]  # never the listed 4
    assert any("(上市的):asubsetofhigh_tech_enterprises" in r for r in _reasons(read))


@pytest.mark.parametrize(
    ("name", "code", "how"),
    [
        ("国家级高新技术企业", "high_tech_enterprises", "normalised"),
        ("國家級高新技術企業", "high_tech_enterprises", "normalised"),
        ("国家高新技术企业", "high_tech_enterprises", "alias"),
        ("国家级科技企业孵化器", None, None),  # SYNTHETIC control: a national-level incubator is no alias
    ],
)
def test_the_national_grade_row_says_it_was_normalised(catalogue, name: str, code: str | None, how: str | None):
    m = indicator_matcher(catalogue).match(name)
    assert (m.code, m.matched_by) == (code, how)


@pytest.mark.parametrize("text", _variants("2019年安顺市科技工作\n全年新增国家级高新技术企业23家。"), ids=IDS)
def test_new_national_grade_ones_stay_a_flow(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    # u38_as_2019_st_asxw (dev since round 29), the clause as published with a SYNTHETIC head: an increase
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == []
    assert any("countsnewones(新增)" in r for r in _reasons(read))


# --- rule 4: the stock after a count of new ones, its name not repeated (stock_totals.py) ----------------------------

# u44_hhht_bt_2022_st_fensifuwu (unseen-44, dev since round 35), the sentence as published (its year at its head),
# with a SYNTHETIC head naming the city (the stored text names it in the paragraph before)
BAOTOU_2022 = (
    "包头市2022年科技创新\n截至2022年底,新培育自治区级以上研发机构51家,达到296家,增长20.8%;新认定高新技术企业110家,"
    "达到280家,增长64.7%;新培育科技型中小企业97家,达到243家,增长66.4%。"
)


@pytest.mark.parametrize("text", _variants(BAOTOU_2022), ids=IDS)
def test_the_stock_after_new_ones_without_the_name(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("科技型中小企业", "243", "包头市", "2022"), ("高新技术企业", "280", "包头市", "2022")]
    reasons = _reasons(read)
    assert any("countsthoserecognised(新认定)" in r for r in reasons)  # 110 stays a flow
    assert any("countsnewones(新培育)" in r for r in reasons)  # 97 too
    assert all("theset" not in r for r in reasons)


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: a reached number after a count that is no flow (the stock itself), and after a flow
        # whose next clause names another thing
        *_variants("包头市2022年科技创新\n2022年,全市高新技术企业280家,达到历史最好水平。"),
        *_variants("包头市2022年科技创新\n2022年,新认定高新技术企业110家,研发机构达到296家。"),
    ],
    ids=[f"{p}-{i}" for p in ("no-flow", "other-name") for i in IDS],
)
def test_no_stock_is_made_up_after_other_counts(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1] for g in _got(read.rows)] in (["280"], [])
    assert all(g[1] not in ("296", "110") for g in _got(read.rows))


# --- rule 5: a count before the name owned by a place named with a verb of having (prenominal.py) ---------------

# u43_dg_2014_hte_308101616 (unseen-43, dev since round 34), the two sentences as published, with a SYNTHETIC head
# naming the city and the year (the stored page names neither in a title); both annotated 东莞市's 2014 stock
DONGGUAN_2014_END = (
    "东莞市2014年高新技术企业\n据数据显示,截至2014年12月,东莞共有755家国家级高新技术企业(以下简称“高新企业”),"
    "在全省排名第三(仅次于深圳和广州)。"
)
DONGGUAN_2014 = (
    "东莞市2014年高新技术企业\n数据显示,东莞有755家国家级高新技术企业(以下简称“高新企业”),在全省地级市中排名第一。"
)


@pytest.mark.parametrize(
    "text",
    [*_variants(DONGGUAN_2014_END), *_variants(DONGGUAN_2014)],
    ids=[f"{p}-{i}" for p in ("year-end", "no-date") for i in IDS],
)
def test_a_count_a_named_place_has_before_the_name(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("755", "东莞", "2014")]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: a verb of applying or making between the count and the name, and a place that is not
        # the count's owner (the count follows another noun)
        *_variants("东莞市2014年\n2014年,东莞有755家企业申报高新技术企业。"),
        *_variants("东莞市2014年\n2014年,东莞新增755家高新技术企业。"),
    ],
    ids=[f"{p}-{i}" for p in ("applying", "new") for i in IDS],
)
def test_other_counts_before_the_name_stay_refused(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == []


# --- rule 6: R&D intensity as a share of GDP opening the sentence after the expenditure's (share_openings.py) --------

# u43_js_2015_hitech_czgov (unseen-43, dev since round 34), the sentence as published, with a SYNTHETIC head naming the
# province (the stored page's title is a newspaper's)
JIANGSU_2015 = (
    "江苏省2015年高新技术产业\n2015年,江苏全社会研发投入达1800亿元,是2010年的2倍;占地区生产总值比重达2.55%,"
    "比2010年提高0.45个百分点。"
)


@pytest.mark.parametrize("text", _variants(JIANGSU_2015), ids=IDS)
def test_a_share_of_gdp_after_the_expenditures_sentence(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [
        ("研发经费", "1800", "江苏", "2015"),
        ("研究与试验发展经费投入强度", "2.55", "江苏省", "2015"),  # no place in its sentence: the document's
    ]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: the share after a firms' R&D (a part's) and after another amount
        *_variants("江苏省2015年\n2015年,江苏企业研发经费达1500亿元;占地区生产总值比重达2.0%。"),
        *_variants("江苏省2015年\n2015年,江苏高新技术产业产值达6万亿元;占地区生产总值比重达40%。"),
    ],
    ids=[f"{p}-{i}" for p in ("firms", "output") for i in IDS],
)
def test_no_intensity_after_another_amount(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[0] == "研究与试验发展经费投入强度"] == []


# --- rule 7: a province's name opening an institution's name does not end a carried city (named_places.py) -------

# u44_hhht_bt_2022_st_fensifuwu (unseen-44, dev since round 35): the paragraph as published after its opening, with a
# SYNTHETIC head naming the region and a sentence before naming the other city (the stored story's first lines name
# the ministry, which makes the document the nation's)
BAOTOU_PARAGRAPH = (
    "内蒙古自治区创新型城市\n"
    "2022年,包头市加快建设创新平台、培育创新主体,获批建设内蒙古稀土新材料技术创新中心,积极创建呼包鄂国家自主创新示范区,"
    "稀土高新区在国家高新区最新综合排名较上年度晋升14个位次。截至2022年底,新认定高新技术企业110家,达到280家,增长64.7%。"
)


@pytest.mark.parametrize("text", _variants(BAOTOU_PARAGRAPH), ids=IDS)
def test_an_institutions_province_name_keeps_the_carried_city(
    tmp_path: Path, wide_aliases: Aliases, text: str
) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("280", "包头市", "2022")]


@pytest.mark.parametrize(
    "text",
    # SYNTHETIC control: the province as a subject (a verb after its name) still ends the carried city
    _variants(
        "内蒙古自治区创新型城市\n2022年,包头市加快建设创新平台,内蒙古建设了5家技术创新中心。"
        "截至2022年底,新认定高新技术企业110家,达到280家。"
    ),
    ids=IDS,
)
def test_a_province_as_subject_still_ends_it(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[2] for g in _got(read.rows)] != ["包头市"]
