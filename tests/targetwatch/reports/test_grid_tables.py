"""Grids laid out with `|` (issue 17, round 21, grid_tables.py): n head cells, then rows of a name and n numbers, one
row a line (u29_fj_2014_ningde_yearbook: years across) or the whole table in one line
(u30_prov_2020_rd_table_ttpaihang: indicators across, places down). Real texts of the development half and SYNTHETIC
tables around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.grid_tables import _runs, grid_rows
from targetwatch.reports.normalise import normalise
from targetwatch.reports.plaintext import plain_txt
from tests.targetwatch.reports.test_communique import TODAY, read_real_text, read_sentence


@pytest.fixture
def any_place_aliases(catalogue):
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv), as the any-place run reads."""
    from targetwatch.reports.any_place import load_places, widened
    from targetwatch.reports.model import Aliases

    return Aliases.from_catalogue(widened(catalogue, load_places(Path(__file__).parents[2] / "fixtures" / "real")))


@pytest.fixture
def any_place_catalogue(catalogue):
    from targetwatch.reports.any_place import load_places, widened

    return widened(catalogue, load_places(Path(__file__).parents[2] / "fixtures" / "real"))


def _observed(doc: str, aliases, catalogue) -> list[tuple[str, str, int, float]]:
    """The real text's observations after normalisation: (place, indicator, year, value in the base unit)."""
    rows = read_real_text(doc, aliases).rows
    obs, _ = normalise(
        rows,
        catalogue,
        source_file=f"{doc}.txt",
        sha256="0" * 64,
        default_release_date=None,
        release_date_basis="not stated",
        as_of=TODAY,
    )
    return [(o.jurisdiction, o.indicator, int(o.year), round(float(o.value), 6)) for o in obs.itertuples()]


def test_years_across_ningde(any_place_aliases, any_place_catalogue):
    """研究与试验发展经费内部支出(万元), its share of GDP (%) and 有效发明专利数(件), 2009-2014; the sidecar names
    the city. The "of which" and subset rows (#女性, 基础研究, 项目(课题)经费内部支出) are not read, and 83 is read
    once."""
    got = _observed("u29_fj_2014_ningde_yearbook", any_place_aliases, any_place_catalogue)
    assert ("ningde", "rd_expenditure", 2013, 101695e4) in got
    assert ("ningde", "rd_intensity", 2014, 0.9) in got
    assert ("ningde", "valid_invention_patents", 2012, 214.0) in got
    assert len(got) == len(set(got)) == 18, sorted(got)  # 3 rows x 6 years, each once


def test_places_down_ttpaihang(any_place_aliases, any_place_catalogue, aliases, catalogue):
    """The 2020 bulletin's provinces in one `|` line: the year is the title's (2020全国31省科研投入排行榜)."""
    got = _observed("u30_prov_2020_rd_table_ttpaihang", any_place_aliases, any_place_catalogue)
    assert ("national", "rd_intensity", 2020, 2.4) in got
    assert ("ningxia", "rd_expenditure", 2020, 59.6e8) in got  # 宁夏省 as printed
    assert ("xinjiang", "rd_intensity", 2020, 0.45) in got  # 新疆维吾尔自治区
    assert len(got) == len(set(got)) == 64, sorted(got)  # 32 rows x 2 columns; the lead's figures not twice
    # with the catalogue alone, the table gives the catalogue's places only
    alone = _observed("u30_prov_2020_rd_table_ttpaihang", aliases, catalogue)
    assert set(alone) == {
        ("national", "rd_expenditure", 2020, 24393.1e8),
        ("national", "rd_intensity", 2020, 2.4),
        ("shanxi", "rd_expenditure", 2020, 211.1e8),
        ("shanxi", "rd_intensity", 2020, 1.2),
        ("gansu", "rd_expenditure", 2020, 109.6e8),
        ("gansu", "rd_intensity", 2020, 1.22),
    }, alone


@pytest.mark.parametrize(
    "doc",
    [
        "u30_cq_2022_communique_quyushuju",  # 指 标 | 年末数(万人) | 比重(%) | 全市常住人口 | 3213.34 | 100.00 | …
        "u30_sx_2017_jinzhong_communique",  # the same table one cell a line
        "u29_xpcc_2020_communique",  # a price table: 指 标 | 比上年涨跌幅度(%)
    ],
)
def test_grids_naming_no_indicator_and_no_year_give_nothing(any_place_aliases, doc):
    rows = read_real_text(doc, any_place_aliases).rows
    assert rows.empty or not rows["notes"].astype(str).str.contains("laid out with `|`").any(), rows


def test_runs_shape():
    """SYNTHETIC cells: a head of 2, three rows of a name and 2 numbers; a row with 3 numbers ends the run."""
    text = "表 | 甲(亿元) | 乙(%) | 一 | 1.0 | 2.0 | 二 | 3.0 | 4.0 | 三 | 5.0 | 6.0 | 四 | 1 | 2 | 3 |\n"
    from targetwatch.reports.grid_tables import _cells

    cells = _cells(plain_txt(text))[0]
    assert _runs(cells) == [(3, 2, 3)]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # SYNTHETIC: years across, a catalogue place named in the cells before the head
        (
            "山西省科技指标 | 2018年 | 2019年 | 2020年 |\n"
            "研究与试验发展经费(亿元) | 175.8 | 191.2 | 211.1 |\n"
            "#基础研究(亿元) | 5.1 | 6.2 | 7.3 |\n"
            "专利申请数(件) | 1 | 2 | 3 |\n",
            {
                ("shanxi", "rd_expenditure", 2018, 175.8e8),
                ("shanxi", "rd_expenditure", 2019, 191.2e8),
                ("shanxi", "rd_expenditure", 2020, 211.1e8),
            },
        ),
        # SYNTHETIC: indicators across, places down, the year in the title; 太原市 is no catalogue place
        (
            "2020年各地研发投入 地区 | R&D经费(亿元) | R&D经费投入强度(%) | 山西省 | 211.1 | 1.20 "
            "| 甘肃省 | 109.6 | 1.22 | 太原市 | 114.7 | 2.24 |\n",
            {
                ("shanxi", "rd_expenditure", 2020, 211.1e8),
                ("shanxi", "rd_intensity", 2020, 1.2),
                ("gansu", "rd_expenditure", 2020, 109.6e8),
                ("gansu", "rd_intensity", 2020, 1.22),
            },
        ),
        # SYNTHETIC: indicators across with no year stated before the head: nothing
        (
            "地区 | R&D经费(亿元) | R&D经费投入强度(%) | 山西省 | 211.1 | 1.20 "
            "| 甘肃省 | 109.6 | 1.22 | 全国 | 1 | 2 |\n",
            set(),
        ),
        # SYNTHETIC: a bare share of R&D expenditure (no 强度, no 生产总值) is no level
        ("2020年 地区 | R&D经费占比(%) | 山西省 | 1.1 | 甘肃省 | 1.2 | 全国 | 1.3 |\n", set()),
    ],
)
def test_synthetic_grids(tmp_path, aliases, catalogue, table, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, table, title="各地科技指标（SYNTHETIC）")
    got = {(f[0], f[1], f[2], round(f[3], 4)) for f in found}
    assert got == {(p, i, y, round(v, 4)) for p, i, y, v in expected}, found


def test_grid_rows_without_a_grid_is_empty(aliases):
    from targetwatch.reports.communique import TextKeys

    plain = plain_txt("2020年全省R&D经费211.1亿元。\n")
    assert grid_rows(plain, TextKeys.of(aliases), aliases, {}, None) == ([], set())
