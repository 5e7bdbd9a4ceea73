"""Round 22 of issue 17 (unseen-31 moved to development): rules written against development texts, tested on their
real sentences (values read by hand) and on SYNTHETIC variants of them (traditional script, full-width digits)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from targetwatch.reports import communique
from targetwatch.reports.matching import normalised_key as _key
from tests.targetwatch.reports.test_communique import read_real_text

REAL = Path(__file__).parents[2] / "fixtures" / "real"


@pytest.fixture
def any_place_aliases(catalogue):
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv), as the any-place run reads."""
    from targetwatch.reports.any_place import load_places, widened
    from targetwatch.reports.model import Aliases

    return Aliases.from_catalogue(widened(catalogue, load_places(REAL)))


# --- 全年 + a region's, prefecture's or county's own-area word: the year before a release date ----------------------


def test_ningxias_2023_jobs_under_a_date_line_are_2023s(any_place_aliases):
    # 寧夏回族自治區統計局 … / 2024年4月29日 / 2023年是… / 全年全區城鎮新增就業8.27萬人 (no title line stored)
    rows = read_real_text("u31_nx_2023_communique_xiaomonv_trad", any_place_aliases).rows
    jobs = rows[rows["value_raw"] == "8.27"]
    assert list(jobs["year_raw"]) == ["2023"], rows[["indicator_raw", "year_raw", "value_raw"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "全年全区城镇新增就业8.27万人,农村劳动力转移就业83.56万人。",  # the real sentence, simplified
        "全年全區城鎮新增就業8.27萬人,農村勞動力轉移就業83.56萬人。",  # traditional (SYNTHETIC form of it)
        "全年全区城镇新增就业８．２７万人，农村劳动力转移就业８３．５６万人。",  # full-width (SYNTHETIC)
    ],
)
def test_a_whole_years_figure_of_the_own_region_is_the_year_before_the_release(tmp_path, any_place_aliases, sentence):
    path = tmp_path / "nx.txt"  # SYNTHETIC head: the bodies' line and a date line, no title
    path.write_text(f"宁夏回族自治区统计局\n2024年4月29日\n{sentence}\n", encoding="utf-8")
    rows = communique.read_text(path, any_place_aliases).rows
    jobs = rows[rows["value_raw"].map(lambda v: unicodedata.normalize("NFKC", str(v))) == "8.27"]
    assert list(zip(jobs["year_raw"], jobs["jurisdiction_raw"], strict=True)) == [("2023", "宁夏回族自治区")], rows


def test_a_title_year_still_wins(tmp_path, any_place_aliases):
    path = tmp_path / "nx.txt"  # SYNTHETIC: a title naming 2023 above the date line: the title's year, as before
    head = "2023年宁夏回族自治区国民经济和社会发展统计公报\n2024年4月29日\n"
    path.write_text(head + "全年全区城镇新增就业8.27万人。\n", "utf-8")
    rows = communique.read_text(path, any_place_aliases).rows
    assert list(rows.loc[rows["value_raw"] == "8.27", "year_raw"]) == ["2023"]


# --- 登记 + the registering government's level + 科技成果 (matching._INFIXES) ----------------------------------------


def test_ningxias_registered_achievements_with_the_regions_name_inserted(any_place_aliases):
    # 全年登記自治區科技成果1249項、技術合同4149項,技術合同成交額達到40.5億元 (Ningxia's 2024 science work meeting)
    rows = read_real_text("u31_nx_2023_kjhy_ytjhdl_trad", any_place_aliases).rows
    mine = rows[rows["value_raw"] == "1249"]
    assert [(_key(n), y) for n, y in zip(mine["indicator_raw"], mine["year_raw"], strict=True)] == [
        (_key("登记科技成果"), "2023")
    ], rows


def test_a_countys_registered_achievements_stay_the_countys(any_place_aliases):
    # 截至目前已成功登记省级科技成果76项 in 金塔县's story: now named, and refused as a county's own
    found = read_real_text("u31_gs_2025_jinta_xfrb", any_place_aliases)
    assert "76" not in set(found.rows["value_raw"]) if len(found.rows) else True
    rejected = found.rejected[found.rejected["raw_content"].astype(str).str.contains("登记省级科技成果76项")]
    reasons = list(rejected["reason"].astype(str))
    assert reasons and all("county" in r and "not recognised" not in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("全年登记自治区科技成果1249项、技术合同4149项。", "1249"),  # the real sentence, simplified
        ("全年登記自治區科技成果1249項、技術合同4149項。", "1249"),  # traditional, as stored
        ("全年登记省级科技成果１２４９项。", "１２４９"),  # SYNTHETIC: a province's, full-width digits
        ("全年登记市科技成果312项。", "312"),  # SYNTHETIC: a city's
    ],
)
def test_the_registering_level_between_verb_and_achievements(tmp_path, any_place_aliases, sentence, value):
    path = tmp_path / "nx.txt"  # SYNTHETIC head naming the region and the year
    path.write_text(f"2023年宁夏回族自治区科技工作情况（SYNTHETIC）\n{sentence}\n", encoding="utf-8")
    rows = communique.read_text(path, any_place_aliases).rows
    mine = rows[rows["value_raw"] == value]
    assert [(_key(n), y) for n, y in zip(mine["indicator_raw"], mine["year_raw"], strict=True)] == [
        (_key("登记科技成果"), "2023")
    ], rows


def test_a_national_register_is_not_the_places(tmp_path, any_place_aliases):
    path = tmp_path / "nx.txt"  # SYNTHETIC: 国家 is not a level the place registers at: left unread, quarantined
    path.write_text("2023年宁夏回族自治区科技工作情况（SYNTHETIC）\n全年登记国家科技成果31项。\n", encoding="utf-8")
    found = communique.read_text(path, any_place_aliases)
    assert "31" not in set(found.rows["value_raw"]) if len(found.rows) else True
    assert any("31项" in r for r in found.rejected["reason"].astype(str)), list(found.rejected["reason"])


# --- 陜西 (a look-alike of 陝西) names Shaanxi (variants.CONFUSED_PLACE_NAMES) --------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("陜西高新技術企業", "陕西高新技术企业"),  # u29_sn_2020_hte_4yczj_trad as written
        ("浙江和陜西。", "浙江和陕西。"),  # u21_nat_2019_rd_provinces_my67778_trad
        ("陝西　陕西", "陕西陕西"),  # the right forms, full-width space (SYNTHETIC)
        ("陜隘", "陜隘"),  # 陜 (narrow) elsewhere is left as written (SYNTHETIC)
    ],
)
def test_the_look_alike_province_name_folds_to_shaanxi(text, folded):
    from targetwatch.reports.matching import fold
    from targetwatch.units import fold_with_offsets

    assert fold_with_offsets(text)[0] == folded
    assert len(fold_with_offsets(text)[1]) == len(folded)  # offsets still map each character
    assert fold(text) == folded


def test_shaanxis_high_tech_enterprises_written_with_the_look_alike(tmp_path, catalogue):
    # 陜西高新技術企業數量從2016年的1829家增長到2020年的6198家 (Shaanxi's science department, 2021-07-12)
    import datetime as dt
    import shutil

    from targetwatch.reports.any_place import load_places, widened
    from targetwatch.reports.ingest import ingest_folder

    shutil.copy(REAL / "reports" / "u29_sn_2020_hte_4yczj_trad.txt", tmp_path)
    found = ingest_folder(tmp_path, widened(catalogue, load_places(REAL)), as_of=dt.date(2026, 12, 4)).observations
    mine = found[found["indicator"] == "high_tech_enterprises"]
    assert sorted(zip(mine["jurisdiction"], mine["year"].astype(int), mine["value"], strict=True)) == [
        ("shaanxi", 2016, 1829.0),
        ("shaanxi", 2020, 6198.0),
    ]
