"""Round 27 of issue 17: rules written against development texts (unseen-36 joined development in round 27).
Real sentences from development texts (simplified, traditional and full-width variants); SYNTHETIC controls are marked
so. Values and years worked by hand from the texts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import opencc
import pytest

from targetwatch.catalogue import load_catalogue
from targetwatch.reports.any_place import load_places, widened
from targetwatch.reports.bare_city_names import bare_mentions, document_cities
from targetwatch.reports.communique import read_text
from targetwatch.reports.model import Aliases
from targetwatch.units import fold_with_offsets

ROOT = Path(__file__).parents[3]
REAL = ROOT / "tests" / "fixtures" / "real"


@pytest.fixture(scope="module")
def aliases() -> Aliases:
    return Aliases.from_catalogue(load_catalogue(ROOT / "targets.yaml"))


@pytest.fixture(scope="module")
def wide() -> Aliases:
    """The evaluation's catalogue widened by places.csv (绵阳市 among its places, alias 绵阳|綿陽)."""
    return Aliases.from_catalogue(widened(load_catalogue(ROOT / "targets.yaml"), load_places(REAL)))


def _read(tmp_path: Path, text: str, aliases: Aliases):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path, aliases)


def _full_width(text: str) -> str:
    """Digits, Latin letters, %, brackets and the full stop's neighbours written full-width (U+FF01..U+FF5E)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and (c.isalnum() or c in "%()&.") else c for c in text)


def _traditional(text: str) -> str:
    return opencc.OpenCC("s2t").convert(text)


def _folded(text: str) -> str:
    return fold_with_offsets(text)[0]


# --- rule 1: a city the document writes with 市 is that city where it is written bare (bare_city_names.py) -----------

# u36_my_2020_hitech_scol (dev since round 27): 川报's data story on 绵阳市; 绵阳市委、市政府 in its opening, then
# 2020年,绵阳高新技术企业达到446家,科技型中小企业达到1375家: both were read as the nation's 2020 levels in the catalogue
MIANYANG = (REAL / "reports" / "u36_my_2020_hitech_scol.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [MIANYANG, _traditional(MIANYANG), _full_width(MIANYANG)],
    ids=["simplified", "traditional", "full-width"],
)
def test_a_bare_name_of_a_city_the_text_writes_with_shi_is_that_city_not_the_nation(
    tmp_path: Path, aliases: Aliases, text: str
) -> None:
    read = _read(tmp_path, text, aliases)
    assert read.rows.empty  # before the rule: 446 and 1375 as the nation's 2020 levels
    rejected = read.rejected
    mentions_446 = rejected["raw_content"].map(lambda t: "446家" in unicodedata.normalize("NFKC", t))
    about = list(rejected.loc[mentions_446, "reason"])
    assert len(about) == 2
    assert all(a.endswith("the figure is about 绵阳, a place not in targets.yaml") for a in about)


def test_where_the_catalogue_knows_the_city_its_own_name_still_finds_it(tmp_path: Path, wide: Aliases) -> None:
    rows = _read(tmp_path, MIANYANG, wide).rows
    got = sorted(zip(rows["value_raw"], rows["jurisdiction_raw"], rows["year_raw"], strict=True))
    assert ("1375", "绵阳", "2020") in got and ("446", "绵阳", "2020") in got


def test_the_names_learned_and_where_they_stand(aliases: Aliases) -> None:
    assert document_cities(MIANYANG, aliases) == frozenset({"绵阳"})
    # u36_my_2018_kjrb (dev): 绵阳市委书记刘超说,绵阳创新主体… : the second 绵阳 is a bare mention
    sentence = _folded("绵阳市委书记刘超说,绵阳创新主体培育成效明显,建成国省级重点实验室134家。")
    assert [(m.start(), m.group()) for m in bare_mentions(sentence, frozenset({"绵阳"}))] == [(10, "绵阳")]
    # a name inside a word is none (东绵阳 is not written after a clause's start)
    assert bare_mentions(_folded("东绵阳高新技术企业达到446家"), frozenset({"绵阳"})) == []


def test_a_county_named_by_its_city_is_not_the_city(aliases: Aliases) -> None:
    # u33_hn_2021_xiangtan_techcontracts_trad (dev): 湘潭縣 is a county of 湘潭市, its figure the county's
    sentence = _folded("其中,湘潭縣完成技術合同成交額15.65億元,增長率為315.63%。")
    assert bare_mentions(sentence, frozenset({"湘潭"})) == []


def test_a_time_before_citizens_is_no_city(aliases: Aliases) -> None:
    # u30_sh_2018_communique_st_xiaze (dev): 全年市民参与文化活动人数 is citizens, not a city named 全年;
    # u36_my_2020_hitech_scol (dev): 四川省半数市州 are half the cities and prefectures, not a city named 半数
    assert document_cities("全年市民参与文化活动人数3000万人次。", aliases) == frozenset()
    assert document_cities("此外,四川省半数市州2020年规模以上工业增加值增速突破5%。", aliases) == frozenset()


def test_synthetic_a_text_that_never_writes_shi_learns_no_city(aliases: Aliases) -> None:
    # SYNTHETIC: the rule learns only from the text's own 绵阳市; a bare name alone teaches nothing
    assert document_cities("2020年,绵阳高新技术企业达到446家。", aliases) == frozenset()
