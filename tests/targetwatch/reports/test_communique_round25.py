"""Round 25 of issue 17: a city named 晋城 (its name ends in 城, as the word 城市 does) heading its own
document; cities' figures in a breakdown of a whole. Real sentences from development texts; SYNTHETIC
controls are marked so."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.communique import read_text
from targetwatch.reports.model import Aliases
from targetwatch.reports.named_places import head_cities, unknown_cities
from targetwatch.units import fold_with_offsets

ROOT = Path(__file__).parents[3]


def _read(tmp_path: Path, text: str, aliases: Aliases, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_text(path, aliases)


# --- rule 1: 晋城市统计局 names a city, not the word 城市 ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["晉城市統計局", "晋城市统计局", "晋城市科技局", "运城市人民政府", "晋城市第七届人民代表大会"],
)
def test_a_name_ending_in_cheng_before_a_body_of_its_own_heads_a_city(line: str, aliases: Aliases) -> None:
    folded = fold_with_offsets(line)[0]
    assert [m.group() for m in head_cities(folded, aliases)] == [folded[:3]]


@pytest.mark.parametrize("line", ["大城市统计", "晋城市2020年", "晋城市的企业"])
def test_without_a_body_of_its_own_cheng_still_ends_the_word(line: str, aliases: Aliases) -> None:
    """SYNTHETIC controls: 城 before 市 and no body after stays the word 城市 (as before round 25)."""
    folded = fold_with_offsets(line)[0]
    assert head_cities(folded, aliases) == []
    assert unknown_cities(folded, aliases) == []


JINCHENG_2020 = (
    "晉城市統計局\n2021年3月25日\n"
    "2020年,面對錯綜復雜的國內外環境和新冠肺炎疫情的嚴重沖擊,在市委、市政府堅強領導下,全市上下認真學習貫徹習近平總書記視察山西重要講話重要指示精神。\n"
    "新興產業動力更強。全年工業技術改造投資增長10.1%,高技術制造業投資增長32.3%。"
    "全年新登記市場主體27444戶,日均新登記企業75戶,年末市場主體總數達167057戶。\n"
)


def test_the_city_communique_figure_is_the_citys_not_the_provinces(tmp_path: Path, aliases: Aliases) -> None:
    """u34_sx_2020_jincheng_communique_trad (dev since round 25; its first score read the 27444 as Shanxi's 2020
    new market entities): the head 晉城市統計局 makes it 晋城市's, a place not in targets.yaml, so no observation."""
    read = _read(tmp_path, JINCHENG_2020, aliases, "jincheng.txt")
    assert read.rows.empty or "27444" not in set(read.rows["value_raw"])
    mine = read.rejected[read.rejected["reason"].str.contains("晋城市")]
    assert list(mine["reason"]) == ["sentence 6: the figure is about 晋城市, a place not in targets.yaml"]
    assert "27444戶" in mine["raw_content"].iloc[0]


# --- rule 2: cities' figures in a breakdown of a whole --------------------------------------------------------------


HUNAN_2019 = (
    "2019年湖南省技术市场交易情况\n"
    "2019年,全省共登记技术合同9023项,实现技术合同成交额490.69亿元,同比增长74.21%。\n"
    "长株潭地区继续保持湖南省技术市场领先地位,3市全年实现技术合同成交总额405.09亿元,占全省的82.56%。"
    "其中,长沙市233.82亿元、株洲市105.61亿元、湘潭市65.66亿元。\n"
)
NINGXIA_2021 = (
    "宁夏国家高新技术企业发展分析\n"
    "2021 年,全区申报总量达到 180 家,创历史新高。"
    "从地区分布看,银川市170 家、石嘴山市 79 家,分别占全区高新技术企业总量的47.75%、 22.19%。\n"
)


def _parts(read) -> list[tuple[str, str, str, str]]:
    rows = read.rows
    if rows.empty:
        return []
    mine = rows[rows["notes"].fillna("").str.contains("breakdown")]
    return list(zip(mine["jurisdiction_raw"], mine["value_raw"], mine["unit_raw"], mine["year_raw"], strict=True))


def test_cities_after_qizhong_are_parts_of_the_whole_named_the_sentence_before(
    tmp_path: Path, wide_aliases: Aliases
) -> None:
    """u11_hn_2019_techcontracts (dev since round 11): 233.82 + 105.61 + 65.66 = 405.09, the three cities' whole;
    each is that city's 2019 turnover (株洲市 is in neither catalogue nor places.csv: quarantined)."""
    read = _read(tmp_path, HUNAN_2019, wide_aliases, "hunan.txt")
    assert _parts(read) == [("长沙市", "233.82", "亿元", "2019"), ("湘潭市", "65.66", "亿元", "2019")]
    assert set(read.rows[read.rows["value_raw"] == "233.82"]["indicator_raw"]) == {"技术合同成交总额"}
    note = read.rows[read.rows["value_raw"] == "233.82"]["notes"].iloc[0]
    assert "a city's part in a breakdown of '技术合同成交总额'" in note
    assert read.rejected["reason"].str.contains("株洲市, a place not in targets.yaml").any()


def test_cities_in_a_regional_breakdown_take_the_name_of_their_shares(tmp_path: Path, wide_aliases: Aliases) -> None:
    """u33_nx_2021_hte_fx361 (dev since round 24): 银川市 170 and 石嘴山市 79 national high-tech enterprises in 2021,
    written with spaces; the indicator is named in 分别占全区高新技术企业总量的…."""
    read = _read(tmp_path, NINGXIA_2021, wide_aliases, "ningxia.txt")
    assert _parts(read) == [("银川市", "170", "家", "2021"), ("石嘴山市", "79", "家", "2021")]


def test_the_catalogue_alone_quarantines_each_city(tmp_path: Path, aliases: Aliases) -> None:
    """With the catalogue alone (no city known) no part becomes the document's or a province's level."""
    read = _read(tmp_path, NINGXIA_2021, aliases, "ningxia.txt")
    assert _parts(read) == []
    reasons = set(read.rejected["reason"])
    assert "sentence 3: the figure is about 银川市, a place not in targets.yaml" in reasons
    assert "sentence 3: the figure is about 石嘴山市, a place not in targets.yaml" in reasons


def test_traditional_and_full_width(tmp_path: Path, wide_aliases: Aliases) -> None:
    """SYNTHETIC: the Hunan sentence in traditional script with full-width digits and comma."""
    text = (
        "2019年湖南省技術市場交易情況\n"
        "3市全年實現技術合同成交總額４０５.０９億元,占全省的82.56%。其中，長沙市２３３.８２億元、湘潭市65.66億元。\n"
    )
    got = [(j, v.replace("２３３.８２", "233.82"), y) for j, v, _, y in _parts(_read(tmp_path, text, wide_aliases))]
    assert [(j, y) for j, _, y in got] == [("長沙市", "2019"), ("湘潭市", "2019")]


@pytest.mark.parametrize(
    "text",
    [
        # the parts exceed the whole: a breakdown of something else
        "2019年湖南省技术市场\n3市全年实现技术合同成交总额405.09亿元。其中,长沙市333.82亿元、湘潭市165.66亿元。\n",
        # the whole is a subset (one field's: grammar.QUALIFIER): so would its parts be
        "2019年湖南省技术市场\n全省战略性新兴产业领域技术合同成交额405.09亿元。其中,长沙市233.82亿元、湘潭市65.66亿元。\n",
        # one city only: not a list of parts
        "2019年湖南省技术市场\n3市全年实现技术合同成交总额405.09亿元。其中,长沙市233.82亿元。\n",
        # another unit than the whole's
        "2019年湖南省技术市场\n3市全年实现技术合同成交总额405.09亿元。其中,长沙市233家、湘潭市65家。\n",
        # no word announcing parts
        "2019年湖南省技术市场\n3市全年实现技术合同成交总额405.09亿元。长沙市233.82亿元、湘潭市65.66亿元。\n",
    ],
)
def test_not_a_breakdown(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    """SYNTHETIC controls: no city's figure is read as a part of the whole."""
    assert _parts(_read(tmp_path, text, wide_aliases)) == []
