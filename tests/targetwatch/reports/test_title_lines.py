"""A communiqué's title below a site's name names the document's year (issue 17, round 21, title_lines.py). Real texts
of the development half (unseen-30, dev since round 21) and SYNTHETIC heads around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.communique import find_release_date, head_date
from targetwatch.reports.documents import document
from targetwatch.reports.plaintext import plain_txt
from targetwatch.reports.title_lines import title_line_year
from tests.targetwatch.reports.test_communique import read_real_text

REPORTS = Path(__file__).parents[2] / "fixtures" / "real" / "reports"


def _document(text: str, aliases):
    plain = plain_txt(text)
    head = [line.strip() for line in plain.text.splitlines() if line.strip()][:6]
    return document(plain, aliases, {}, plain.release_date or find_release_date(plain.text) or head_date(head))


@pytest.mark.parametrize(
    ("doc", "year"),
    [
        # 帮帮团 / 主页 / 帮帮团网站 / 2022年定西市…统计公报 / 更新时间:2024-05-10
        ("u30_gs_2022_dingxi_communique", 2022),
        ("u30_nx_2022_communique_ce", 2022),  # 手机看中经 / … / 2022年宁夏回族自治区…统计公报 / 2023年05月04日
    ],
)
def test_the_title_below_a_sites_name_names_the_year(aliases, doc, year):
    found = _document((REPORTS / f"{doc}.txt").read_text(encoding="utf-8"), aliases)
    assert (found.year, found.year_basis) == (year, "title")


@pytest.fixture
def any_place_aliases(catalogue):
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv): 定西 is one of them."""
    from targetwatch.reports.any_place import load_places, widened
    from targetwatch.reports.model import Aliases

    return Aliases.from_catalogue(widened(catalogue, load_places(REPORTS.parent)))


def test_dingxis_new_urban_jobs_are_2022s(any_place_aliases):
    rows = read_real_text("u30_gs_2022_dingxi_communique", any_place_aliases).rows
    jobs = rows[rows["value_raw"] == "17127"]
    assert list(jobs["year_raw"]) == ["2022"], rows[["indicator_raw", "year_raw", "value_raw"]]


@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("2022年定西市国民经济和社会发展统计公报", 2022),
        ("2021年山西省科技经费投入统计公报", 2021),
        ("2019年度某市统计公报", 2019),  # SYNTHETIC
        ("--查阅更多2022年地方国民经济和社会发展统计公报", None),  # a link, not the title
        ("国家统计局今日(2月28日)发布《中华人民共和国2022年国民经济和社会发展统计公报》。", None),  # a quotation
        ("2022年全市实现地区生产总值557.93亿元", None),
    ],
)
def test_title_line_year(line, year):
    assert title_line_year([line]) == year


def test_a_release_date_and_no_title_line_keep_the_release_year(aliases):
    """SYNTHETIC: a site's name, a date, no communiqué title: the year is still the release date's."""
    found = _document("某某网\n更新时间:2024-05-10\n全年新增城镇就业17127人。\n", aliases)
    assert (found.year, found.year_basis) == (2024, "release date")
