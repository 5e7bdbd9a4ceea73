"""Round 29 of issue 17: rules written against development texts (unseen-38 joined development in round 29).
Real sentences from development texts (as published, the other script and full-width); SYNTHETIC controls are marked
so. Values, places and years worked by hand from the texts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from targetwatch.reports.applications import not_yet_problem
from targetwatch.reports.model import Aliases
from targetwatch.reports.name_variants import with_name_variants
from targetwatch.units import fold_with_offsets
from tests.targetwatch.reports.round_texts import IDS, as_read, read_at, variants

ROOT = Path(__file__).parents[3]
REAL = ROOT / "tests" / "fixtures" / "real"


# --- rule 1: 全社会研发投入 with an amount after it is the R&D expenditure (name_variants.py) -----------------

# u37_hi_2021_st_10100 (dev since round 28): 47 was "not recognised ('全社会研发投入')"; the intensity was read
HAINAN_2021 = "近年来,海南加快推进创新型省份建设。2021年,全社会研发投入为47亿元,研发投入强度达0.73%。"
# u38_as_2019_st_asxw (dev since round 29; 我市 only: the corpus's sidecar gives 安顺市): 5.06 and 0.6 both unread
ANSHUN_2019 = (
    "2019年,我市推进科技成果转化、强化主体培育硕果累累,综合科技进步水平指数58.4%,市州排位第五位,实现保位。"
    "全社会R&D投入达到5.06亿元,同比增长8850万元,增幅达到21.17%,投入强度达到0.6%,全省排名第四位。"
)


@pytest.mark.parametrize("text", variants(HAINAN_2021), ids=IDS)
def test_the_whole_societys_rd_input_is_the_rd_expenditure(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert as_read(read.rows) == [("0.73", "海南", "2021"), ("47", "海南", "2021")]
    values = read.rows["value_raw"].map(lambda v: unicodedata.normalize("NFKC", v))
    named = dict(zip(values, read.rows["indicator_raw"], strict=True))
    assert named["47"] == "研发经费"  # the catalogue's alias of rd_expenditure, so ingestion matches it exactly


@pytest.mark.parametrize("text", variants(ANSHUN_2019), ids=IDS)
def test_the_rd_input_and_the_intensity_after_it(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "安顺市"})
    got = [g for g in as_read(read.rows) if g[0] != "58.4"]  # the index, read before this round
    assert got == [("0.6", "安顺市", "2019"), ("5.06", "安顺市", "2019")]


@pytest.mark.parametrize(
    "text",
    [
        # u38_km_2024_st_yunnan (dev since round 29): 25 centres' added R&D input, a change and a subset
        "2024年,昆明市25家市级企业科技创新中心累计获各项专利80项,增加研发投入1.1亿,27项科技成果得到转化应用。",
        # u37_hb_2022_techsmes_olppe_trad (dev since round 28): the tech SMEs' own R&D input, not the province's
        "2022年,全省科技型中小企業總體研發投入518.96億元,較2021年同比增長102%。",
        # u36_gz_2011_2021_tenyears_jxnews (dev since round 27): a share after 占, left to the intensity rules
        "据了解,赣州市全社会研发投入占GDP比重由2011年的0.32%增加到2021年的1.6%。",
    ],
)
def test_rd_input_without_the_whole_society_and_an_amount_is_not_renamed(text: str) -> None:
    folded = fold_with_offsets(text)[0]
    assert with_name_variants(folded) == folded


def test_the_rename_keeps_offsets() -> None:
    folded = fold_with_offsets("全社会R&D投入达到5.06亿元")[0]
    assert with_name_variants(folded) == "全社会r&d经费达到5.06亿元"
    assert len(with_name_variants(folded)) == len(folded)


# --- rule 2: research institutes are a kind of performer, a subset of the R&D expenditure (grammar.QUALIFIER) -----

# u38_sd_2022_rd_lzyygm_trad (dev since round 29): 79.1 was read as Shandong's 2022 R&D expenditure; the page's
# headline names Shandong and 2022 (given here as the sidecar would)
SHANDONG = "此外,政府屬研究機構研發經費79.1億元,增長0.3%;高等學校114.3億元,增長20.5%;其他主體43.8億元,增長74.9%。"


@pytest.mark.parametrize("text", variants(SHANDONG), ids=IDS)
def test_research_institutes_rd_expenditure_is_a_subset(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "山东", "year": 2022})
    assert read.rows.empty
    assert any("is a subset (研究机构)" in r for r in read.rejected["reason"])


def test_synthetic_the_same_sentence_without_the_performer_is_read(tmp_path: Path, wide_aliases: Aliases) -> None:
    # SYNTHETIC control: without 政府属研究机构 the figure is the place's expenditure
    read = read_at(tmp_path, "此外,研發經費79.1億元,增長0.3%。", wide_aliases, {"jurisdiction": "山东", "year": 2022})
    assert as_read(read.rows) == [("79.1", "山东", "2022")]


# --- rule 3: applications (申报) and a pool of candidates (培育库) are not the stock (applications.py) ---------------

# u38_xn_2015_hitech_xnnews (dev since round 29; 我市 only: the corpus's sidecar gives 咸宁市): 48 was read as
# 咸宁市's 2015 high-tech enterprises
XIANNING = (
    "去年,市科技部门加强政策宣传与工作引导。全年我市申报高新技术企业48家,经过资格审查、专家评审、认定办审查等环节,"
    "全市通过认定新技术企业38家。"
)
# u38_yn_2022_hitech_kunmingcn (dev since round 29): 933 was read as Yunnan's 2022 high-tech enterprises
YUNNAN = (
    "2022年全省高新技术企业净增523户,在全国增速排列第二。同时,云南继续强化“一企一策”培育指导服务,"
    "今年高新技术企业培育库目前在库企业已达933户,有望全年实现净增600户以上,总量将首次突破3000户。"
)


@pytest.mark.parametrize("text", variants(XIANNING), ids=IDS)
def test_applications_are_not_the_stock(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "咸宁市", "year": 2015})
    assert read.rows.empty
    assert any("counts applications (申报)" in r for r in read.rejected["reason"])


@pytest.mark.parametrize("text", variants(YUNNAN), ids=IDS)
def test_a_pool_of_candidates_is_not_the_stock(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "云南"})
    assert read.rows.empty
    assert any("counts the candidates in a pool (培育库)" in r for r in read.rejected["reason"])


def test_synthetic_registered_firms_and_the_stock_are_still_read(tmp_path: Path, wide_aliases: Aliases) -> None:
    # SYNTHETIC controls: 入库 (registered) and 认定 with 累计 are not applications or a pool
    read = read_at(tmp_path, "2022年,云南省评价入库科技型中小企业5000家,高新技术企业达到2800户。", wide_aliases)
    assert as_read(read.rows) == [("2800", "云南省", "2022"), ("5000", "云南省", "2022")]


def test_the_problem_names_the_word() -> None:
    assert not_yet_problem("全年我市申报高新技术企业48家", 6, "", "high_tech_enterprises") == (
        "counts applications (申报), not the stock of high_tech_enterprises"
    )
    assert not_yet_problem("高新技术企业培育库目前在库企业已达933户", 0, "培育库目前在库企业已达", "x") == (
        "counts the candidates in a pool (培育库), not the stock of x"
    )
    assert not_yet_problem("评价入库科技型中小企业116家", 4, "", "tech_smes") is None


# --- rule 4: a from-to's start is a start point even when its end is a threshold (communique.py) -------------------

# u38_he_2012_2022_st_hebei (dev since round 29; a January 2023 review of the years since 2012): 130 was read as
# Hebei's 2023 and 2019 turnover and 825 as its 2023 high-tech enterprises (the release's or a carried year); the end
# (突破…) is a threshold, so the start had not been taken as a start point
HEBEI_TURNOVER = "全省技术合同成交总额由130亿元增长到突破1300亿元。"
HEBEI_FIRMS = "高新技术企业由825家增长到突破1.2万家,由全国第15位提升至第9位。"
HEBEI = {"jurisdiction": "河北", "release_date": "2023-01-05"}


@pytest.mark.parametrize("text", variants(HEBEI_TURNOVER) + variants(HEBEI_FIRMS), ids=IDS + IDS)
def test_the_start_before_a_threshold_needs_its_own_year(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, HEBEI)
    assert read.rows.empty
    assert any("is a start point with no year stated" in r for r in read.rejected["reason"])


def test_synthetic_a_start_with_its_year_is_still_read(tmp_path: Path, wide_aliases: Aliases) -> None:
    # SYNTHETIC control: the year written before the start dates it; the threshold end is still no level
    read = read_at(tmp_path, "高新技术企业由2012年的825家增长到突破1.2万家。", wide_aliases, HEBEI)
    assert as_read(read.rows) == [("825", "河北", "2012")]


# --- rule 5: a share of the whole place's total after the name is no level (grammar.SHARE_OF_WHOLE) ---------------

# u38_km_2024_st_yunnan (dev since round 29): 84% was read as Yunnan's 2024 provincial key laboratories
KUNMING = "目前,全市共有国家重点实验室9家。其中,云南省重点实验室占全省总量的84%。"


@pytest.mark.parametrize("text", variants(KUNMING), ids=IDS)
def test_a_share_of_the_provinces_total_is_no_level(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"year": 2024})
    assert "84" not in set(read.rows["value_raw"].map(lambda v: unicodedata.normalize("NFKC", v)))
    assert any("is a share of a whole (占全省总量的)" in r for r in read.rejected["reason"])
