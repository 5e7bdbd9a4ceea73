"""Round 24 of issue 17 (unseen-33 moved to development): rules written against development texts, tested on their
real sentences (values read by hand) and on SYNTHETIC variants of them (traditional script, full-width digits)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from targetwatch.reports import communique
from targetwatch.reports.model import Aliases

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def _real(name: str, aliases):
    from tests.targetwatch.reports.test_communique import read_real_text

    return read_real_text(name, aliases)


def _read(tmp_path: Path, text: str, aliases):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return communique.read_text(path, aliases)


# --- a ratio to enterprises' revenue is not the place's R&D intensity (revenue_ratio.py) -----------------------------


@pytest.mark.parametrize(
    ("name", "written", "word"),
    [
        # 2020 年,宁夏国家高新技术企业研发经费投入为 47.34 亿元,…;研发投入强度(研究开发费用占营业收入比重)为5.66%
        ("u33_nx_2021_hte_fx361", "5.66%", "营业收入"),
        # 2017年宁夏高新技术企业R&D经费投入…;研发投入强度(研发投入占销售收入比重)为3.79%
        ("u33_nx_2018_hte_chinacom", "3.79%", "销售收入"),
        # 规模以上工业R&D经费投入强度(与主营业务收入之比)为0.70% (a third development text, traditional script)
        ("u18_nat_2009_rd_wenweipo_trad", "0.70%", "主营业务收入"),
    ],
)
def test_an_intensity_against_revenue_is_not_the_places(wide_aliases, name, written, word):
    read = _real(name, wide_aliases)
    value = written[:-1]
    assert value not in set(read.rows["value_raw"]), read.rows
    reasons = [r for r in read.rejected["reason"] if f"{value}%" in r]
    assert len(reasons) == 1 and f"a ratio to enterprises' revenue ({word})" in reasons[0], reasons


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # SYNTHETIC forms of the real clause, under a Gansu title: refused in every script and width
        ("2020年,全省高新技术企业研发投入强度(研究开发费用占营业收入比重)为5.66%。", None),
        ("2020年,全省高新技術企業研發投入強度(研究開發費用佔營業收入比重)為5.66%。", None),
        ("２０２０年，全省研发投入强度（研发投入占销售收入比重）为５．６６％。", None),
        ("2020年,全省研究与试验发展经费投入强度与主营业务收入之比为5.66%。", None),
        # …while the intensity defined against GDP is read (SYNTHETIC, shaped as u11_jx_2023_rd)
        ("2020年,全省研究与试验发展经费投入强度(与全省地区生产总值之比)为1.22%。", "1.22"),
    ],
)
def test_only_the_ratio_to_gdp_is_the_intensity(tmp_path, wide_aliases, sentence, value):
    read = _read(tmp_path, f"2020年甘肃省科技统计（SYNTHETIC）\n{sentence}\n", wide_aliases)
    rows = read.rows
    got = list(zip(rows["value_raw"], rows["year_raw"], strict=True)) if len(rows) else []
    assert got == ([(value, "2020")] if value else []), rows
    if value is None:
        assert read.rejected["reason"].str.contains("ratio to enterprises' revenue").any()


def test_revenue_as_a_figure_of_its_own_is_left_to_the_other_rules():
    from targetwatch.reports.revenue_ratio import revenue_word

    # 高新技術企業總營業收入51.3萬億元 (u27_nat_2021_presser_szdekn_trad) and 营业收入小于2000万元的小微企业
    # (u29_sn_2020_hte_4yczj_trad): revenue, not a divisor
    assert revenue_word("总营业收入") is None and revenue_word("中,营业收入小于") is None
    assert revenue_word("(研究开发费用占营业收入比重)为") == "营业收入"
    assert revenue_word("与主营业务收入之比为") == "主营业务收入"


# --- a stock stated as now holds on the statement's day (now_stocks.py) ----------------------------------------------


def test_ningxias_stock_of_july_2018_is_not_its_2017_level(wide_aliases):
    # 央广网银川7月3日消息…宁夏现有高新技术企业94家 (a story of 2018-07-04 whose lead states 2017 for its other figures)
    rows = _real("u33_nx_2018_hte_chinacom", wide_aliases).rows
    mine = rows[rows["value_raw"] == "94"]
    assert list(zip(mine["year_raw"], mine["year_basis"], mine["period_type"], strict=True)) == [
        ("2018", "stock now", "partial")
    ], rows
    assert "holds on the statement's day" in mine["notes"].iloc[0]


# SYNTHETIC, shaped as the real story: its first line is the figure's, a lead states 2017, a date line 2018-07-04
LEAD = "2017年宁夏高新技术企业研发投入增长（SYNTHETIC）。\n发布时间:2018-07-04\n"


@pytest.mark.parametrize(
    ("body", "year", "basis", "period"),
    [
        ("央广网银川7月3日消息,宁夏现有高新技术企业94家。\n", "2018", "stock now", "partial"),  # the real clause
        ("央廣網銀川7月3日消息,寧夏現有高新技術企業94家。\n", "2018", "stock now", "partial"),  # traditional
        ("截至目前,宁夏高新技术企业达到９４家。\n", "2018", "stock now", "partial"),  # 截至目前, full-width digits
        ("宁夏高新技术企业目前达94家。\n", "2018", "stock now", "partial"),  # 目前 between the name and the figure
        # no word of now: the lead's year, as before (periods.lead_year)
        ("央广网银川7月3日消息,宁夏高新技术企业达到94家。\n", "2017", "lead", "annual"),
        # a year of its own: stated, whatever 现有 says
        ("2017年末,宁夏现有高新技术企业94家。\n", "2017", "stated", "annual"),
    ],
)
def test_a_stock_stated_as_now(tmp_path, wide_aliases, body, year, basis, period):
    rows = _read(tmp_path, body + LEAD, wide_aliases).rows
    mine = rows[rows["value_raw"].str.replace("９４", "94") == "94"]
    assert list(zip(mine["year_raw"], mine["year_basis"], mine["period_type"], strict=True)) == [
        (year, basis, period)
    ], rows


def test_now_words():
    from targetwatch.reports.now_stocks import now_word, stock_now

    assert now_word("宁夏现有") == "现有" and now_word("截至目前,") == "截至目前" and now_word("2017年宁夏") is None
    assert stock_now("宁夏现有", "release date", 2018) == (2018, "stock now")
    assert stock_now("宁夏现有", "carried", 2018) is None  # a year carried from the paragraph is left alone
    assert stock_now("宁夏现有", "title", 2018) is None


# --- the registering step inside the turnover's name (matching._INFIXES) ---------------------------------------------


def test_xiangtans_registered_turnover(wide_aliases):
    # 2021年湘潭市完成技術合同認定登記成交額160.24億元 (sentence 2, restated in sentence 5): 湘潭市's 2021 turnover
    rows = _real("u33_hn_2021_xiangtan_techcontracts_trad", wide_aliases).rows
    mine = rows[rows["value_raw"] == "160.24"]
    assert list(zip(mine["jurisdiction_raw"], mine["year_raw"], mine["unit_raw"], strict=True)) == [
        ("湘潭市", "2021", "億元")
    ], rows
    assert "also stated at sentence 5" in mine["notes"].iloc[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "2021年,全省完成技术合同认定登记成交额160.24亿元。",  # the real clause, simplified (SYNTHETIC place)
        "2021年,全省完成技術合同認定登記成交額160.24億元。",  # traditional, as stored
        "2021年,全省技术合同登记成交额160.24亿元。",  # 登记 alone, as u6_fj_2019_xiamen writes the name
        "２０２１年，全省技术合同认定登记成交金额１６０．２４亿元。",  # full-width, 成交金额 (SYNTHETIC)
    ],
)
def test_the_registered_turnover_is_the_turnover(tmp_path, wide_aliases, sentence):
    rows = _read(tmp_path, f"2021年甘肃省科技统计（SYNTHETIC）\n{sentence}\n", wide_aliases).rows
    assert len(rows) == 1, rows
    assert unicodedata.normalize("NFKC", rows["value_raw"].iloc[0]) == "160.24"
    assert rows["year_raw"].iloc[0] == "2021"


def test_the_registered_count_is_not_the_turnover():
    from targetwatch.reports.matching import normalised_key

    assert normalised_key("技術合同認定登記成交額") == normalised_key("技术合同成交额")
    assert normalised_key("技术合同登记成交额") == normalised_key("技术合同成交额")
    # the number of contracts registered keeps its own name (no catalogue indicator)
    assert normalised_key("技术合同认定登记份数") != normalised_key("技术合同成交额")


# --- a 从A,增长到B span whose end point opens the next clause (ranges.end_point) --------------------------------------


def test_lanzhous_turnover_of_2015_after_a_comma(catalogue):
    # …我市技术市场…技术合同交易额从2011年的20.52亿,增长到2015年的40.8亿元,登记的技术合同达到1万多份
    rows = _real("u33_lz_2015_techmarket_baogaosu", Aliases.from_catalogue(catalogue)).rows
    mine = rows[rows["value_raw"] == "40.8"]
    assert list(zip(mine["year_raw"], mine["unit_raw"], mine["year_basis"], strict=True)) == [
        ("2015", "亿元", "stated")
    ], rows


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # SYNTHETIC forms of the real clause under a Lanzhou title (both ends in 亿元)
        ("技术合同交易额从2011年的20.52亿元,增长到2015年的40.8亿元。", [("20.52", "2011"), ("40.8", "2015")]),
        ("技術合同交易額從2011年的20.52億元,增長到2015年的40.8億元。", [("20.52", "2011"), ("40.8", "2015")]),
        (
            "技术合同交易额从２０１１年的２０．５２亿元，增加到２０１５年的４０．８亿元。",
            [("２０．５２", "2011"), ("４０．８", "2015")],
        ),
        # the end point in the same clause, as before
        ("技术合同交易额从2011年的20.52亿元增长到2015年的40.8亿元。", [("20.52", "2011"), ("40.8", "2015")]),
    ],
)
def test_a_span_whose_end_point_opens_the_next_clause(tmp_path, catalogue, sentence, expected):
    rows = _read(tmp_path, f"兰州市技术市场发展报告（SYNTHETIC）\n{sentence}\n", Aliases.from_catalogue(catalogue)).rows
    got = list(zip(rows["value_raw"], rows["year_raw"], strict=True)) if len(rows) else []
    assert got == expected, rows


def test_the_end_point_window():
    from targetwatch.reports.grammar import split_clauses
    from targetwatch.reports.ranges import end_point

    def window(text: str, unit_end: int):
        found = end_point(text, unit_end, split_clauses(text, 0, len(text)))
        return None if found is None else (text[found[0] : found[1]], found[2].group(1))

    text = "从2011年的20.52亿,增长到2015年的40.8亿元,登记的技术合同达到1万多份"
    assert window(text, text.index(",")) == ("40.8亿元", "2015")
    text = "从2011年的20.52亿元增长到2015年的40.8亿元,登记"  # the same clause, as before
    assert window(text, text.index("元") + 1) == ("40.8亿元", "2015")
    # a next clause with no verb of growth before 到 is not the span's end; nor is one after words left in A's clause
    text = "从2011年的20.52亿元,到2015年底登记合同1万份"
    assert window(text, text.index(",")) is None
    text = "从2011年的20.52亿元左右,增长到2015年的40.8亿元"
    assert window(text, text.index("元") + 1) is None


# --- 亿 with no 元 after a money indicator's figure (bare_multipliers.py) ---------------------------------------------


def test_lanzhous_turnover_of_2011_written_without_yuan(catalogue):
    # 技术合同交易额从2011年的20.52亿,增长到2015年的40.8亿元: 20.52亿 is 2 052 000 000 元
    read = _real("u33_lz_2015_techmarket_baogaosu", Aliases.from_catalogue(catalogue))
    mine = read.rows[read.rows["value_raw"] == "20.52"]
    assert list(zip(mine["year_raw"], mine["unit_raw"], strict=True)) == [("2011", "亿元")], read.rows
    assert "unit 元 inferred: 20.52亿 written with no unit after 亿" in mine["notes"].iloc[0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("2015年,全市技术合同交易额20.52亿,同比增长18.7%。", "20.52", "亿元"),  # SYNTHETIC, simplified
        ("2015年,全市技術合同交易額20.52億,同比增長18.7%。", "20.52", "億元"),  # traditional
        ("２０１５年，全市技术合同成交额２０．５２亿。", "２０．５２", "亿元"),  # full-width
        ("2015年,全市研究与试验发展经费支出1719万,增长12%。", "1719", "万元"),  # 万 alone, an expenditure
    ],
)
def test_a_money_figure_with_no_yuan(tmp_path, catalogue, sentence, value, unit):
    read = _read(tmp_path, f"兰州市科技统计（SYNTHETIC）\n{sentence}\n", Aliases.from_catalogue(catalogue))
    rows = read.rows
    assert list(zip(rows["value_raw"], rows["unit_raw"], rows["year_raw"], strict=True)) == [(value, unit, "2015")]
    assert "unit 元 inferred" in rows["notes"].iloc[0]


def test_bare_multipliers():
    from targetwatch.reports.bare_multipliers import bare_multiplier

    assert bare_multiplier("技术交易额", "20.52亿", "")[:2] == ("20.52", "亿元")
    # people, as since round 10; the unit is inferred, so the note says so (none until rev16)
    assert bare_multiplier("新增就业", "1322万", "") == (
        "1322", "万人", "unit 人 inferred: 1322万 written with no unit after 万, and 新增就业 counts people")
    assert bare_multiplier("技术交易额", "40.8亿", "元") == ("40.8亿", "元", None)  # a unit written: as written
    # 1.75萬億 (u11_nat_2017_rd_prelim_trad's headline): a second multiplier after the first: left as written
    assert bare_multiplier("研发经费", "1.75萬", "", "億") == ("1.75萬", "", None)
    assert bare_multiplier("研究与试验发展经费投入强度", "2亿", "") == ("2亿", "", None)  # a ratio is never money
    assert bare_multiplier("高新技术企业", "1.2万", "") == ("1.2万", "", None)  # a count: left to the normaliser
    assert bare_multiplier("研发经费", "", "") == ("", "", None)  # no figure: as written (an IndexError until rev16)
