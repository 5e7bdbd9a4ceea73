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


def test_where_the_catalogue_knows_the_city_its_own_name_still_finds_it(tmp_path: Path, wide_aliases: Aliases) -> None:
    rows = _read(tmp_path, MIANYANG, wide_aliases).rows
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


# --- rule 2: 研究与实验发展 is the R&D name (name_variants.py) -----------------------------------------------------

# u36_fz_2015_kjj_summary (dev since round 27): 福州市 science bureau's 2015 summary, released in 2016; the name written
# 实验 was not recognised, both figures quarantined as next to no indicator name
FUZHOU = (REAL / "reports" / "u36_fz_2015_kjj_summary.txt").read_text(encoding="utf-8")
# u33_gs_2005_jiuquan_communique_xiaze (dev): 酒泉市's 2005 communique
JIUQUAN = (REAL / "reports" / "u33_gs_2005_jiuquan_communique_xiaze.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text", [FUZHOU, _traditional(FUZHOU), _full_width(FUZHOU)], ids=["simplified", "traditional", "full-width"]
)
def test_research_and_shiyan_development_is_the_rd_name(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    rows = _read(tmp_path, text, wide_aliases).rows
    got = sorted(
        zip(
            rows["value_raw"].map(lambda v: unicodedata.normalize("NFKC", v)),
            rows["jurisdiction_raw"].map(_folded),
            rows["year_raw"],
            rows["year_basis"],
            strict=True,
        )
    )
    # 89.36亿元 and 占GDP的比重为1.73% (the expenditure's share: the intensity), no year in the sentence: an annual
    # statistic released in 2016 is 2015's (round 26's annual_statistics.py), said so in year_basis
    assert got == [("1.73", "福州市", "2015", "annual statistic"), ("89.36", "福州市", "2015", "annual statistic")]
    assert "实验" in _folded(rows.loc[rows["value_raw"].map(_folded) == "89.36", "indicator_raw"].iloc[0])  # raw kept


def test_the_jiuquan_communique_reads_its_rd_expenditure(tmp_path: Path, wide_aliases: Aliases) -> None:
    rows = _read(tmp_path, JIUQUAN, wide_aliases).rows
    rd = rows[rows["indicator_raw"].str.contains("实验发展")]
    assert list(zip(rd["value_raw"], rd["unit_raw"], rd["jurisdiction_raw"], rd["year_raw"], strict=True)) == [
        ("1719", "万元", "酒泉市", "2005")
    ]


def test_name_variants_touch_only_the_rd_phrase() -> None:
    from targetwatch.reports.name_variants import with_name_variants

    assert with_name_variants("研究与实验发展(r&d)经费1719万元") == "研究与试验发展(r&d)经费1719万元"
    assert with_name_variants("研究和实验发展经费") == "研究和试验发展经费"
    # laboratories and pilot zones keep 实验 (u36_my_2018_kjrb: 国省级重点实验室; SYNTHETIC: 实验区, 实验发展 alone)
    for text in ("建成国省级重点实验室、工程技术研究中心134家", "国家可持续发展实验区1个", "实验发展经费168.82亿元"):
        assert with_name_variants(text) == text
    assert len(with_name_variants("全社会研究与实验发展")) == len("全社会研究与实验发展")  # offsets kept


def test_the_variant_is_matched_as_normalised_so_auditors_see_it(tmp_path: Path) -> None:
    import datetime as dt

    from targetwatch.reports.ingest import ingest_folder

    (tmp_path / "u36_fz_2015_kjj_summary.txt").write_text(FUZHOU, encoding="utf-8")
    catalogue = widened(load_catalogue(ROOT / "targets.yaml"), load_places(REAL))
    obs = ingest_folder(tmp_path, catalogue, as_of=dt.date(2026, 12, 4)).observations
    got = sorted(zip(obs["indicator"], obs["jurisdiction"], obs["year"], obs["value"], obs["matched_by"], strict=True))
    # 89.36亿元 = 8.936e9 yuan; the intensity stays a percentage
    assert got == [
        ("rd_expenditure", "fuzhou", 2015, pytest.approx(8.936e9), "normalised"),
        ("rd_intensity", "fuzhou", 2015, pytest.approx(1.73), "normalised"),
    ]
    assert all("2015 inferred" in n for n in obs["notes"])  # the year rests on an inference, said so as data


# --- rule 3: 研发投入 before 占GDP比重 is R&D's share of GDP, the intensity (intensity.py) ---------------------------

# u36_my_2018_kjrb (dev since round 27): 科技日报 of 2019-07-26 quoting the ministry on 绵阳市's 2018
MIANYANG_2018 = (REAL / "reports" / "u36_my_2018_kjrb.txt").read_text(encoding="utf-8")
# u36_gz_2011_2021_tenyears_jxnews (dev since round 27): 赣州市's ten years, a from-to of the intensity
GANZHOU = "据了解,赣州市全社会研发投入占GDP比重由2011年的0.32%增加到2020年1.58%。"


@pytest.mark.parametrize(
    "text",
    [MIANYANG_2018, _traditional(MIANYANG_2018), _full_width(MIANYANG_2018)],
    ids=["simplified", "traditional", "full-width"],
)
def test_research_input_share_of_gdp_is_the_intensity(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    rows = _read(tmp_path, text, wide_aliases).rows
    got = sorted(
        zip(
            rows["indicator_raw"].map(_folded),
            rows["value_raw"].map(lambda v: unicodedata.normalize("NFKC", v)),
            rows["jurisdiction_raw"].map(_folded),
            rows["year_raw"],
            strict=True,
        )
    )
    assert ("研究与试验发展经费投入强度", "6.54", "绵阳市", "2018") in got
    assert not [g for g in got if g[1] == "72.89"]  # the innovation index beside it is no indicator's


def test_the_ganzhou_from_to_gives_the_end_year(tmp_path: Path, wide_aliases: Aliases) -> None:
    rows = _read(tmp_path, GANZHOU, wide_aliases).rows
    got = sorted(zip(rows["value_raw"], rows["jurisdiction_raw"], rows["year_raw"], strict=True))
    assert ("1.58", "赣州市", "2020") in got


def test_synthetic_a_qualified_research_input_is_a_part(tmp_path: Path, aliases: Aliases) -> None:
    # SYNTHETIC: enterprises' R&D input over GDP is a part's share, never the province's intensity
    rows = _read(tmp_path, "甘肃省2020年统计公报\n2020年,全省企业研发投入占GDP比重为0.55%。\n", aliases).rows
    assert rows.empty


def test_a_share_broken_down_into_zones_stays_unread(tmp_path: Path, aliases: Aliases) -> None:
    # gs_2021_lbzcq (dev): the 兰白 innovation zone's 2020 figures, the zone named a sentence before; its share with
    # a bracketed breakdown into two zones is the zones' total, never Gansu's intensity (quarantined, not silent)
    text = (REAL / "reports" / "gs_2021_lbzcq.txt").read_text(encoding="utf-8")
    read = _read(tmp_path, text, aliases)
    assert not [v for v in read.rows["value_raw"] if v == "4.05"]
    assert read.rejected["raw_content"].str.contains("预计为4.05%").any()
