"""Round 25 of issue 17: a city named 晋城 (its name ends in 城, as the word 城市 does) heading its own
document; cities' figures in a breakdown of a whole. Real sentences from development texts; SYNTHETIC
controls are marked so."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.catalogue import load_catalogue
from targetwatch.reports.communique import read_text
from targetwatch.reports.model import Aliases
from targetwatch.reports.named_places import head_cities, unknown_cities
from targetwatch.units import fold_with_offsets

ROOT = Path(__file__).parents[3]


@pytest.fixture(scope="module")
def aliases() -> Aliases:
    return Aliases.from_catalogue(load_catalogue(ROOT / "targets.yaml"))


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
