"""Communiqué rules of issue 17's fifteenth round, on real sentences of the development half (unseen-22 to -24, moved to
development after their first scores). Titles marked SYNTHETIC give the year and place the real page gives in its head;
the sentences are quoted from the texts named, some given again in the other script or with full-width characters.

* A year written without 年 right before 全年 or 末 is a year: `2022全年城鎮新增就業1206萬人` after a release date
  `2023年1月17日` is 2022's (u23_nat_2022_jobs_97rentiart_trad).
* `經費支出強度` (the expenditure's name, then 强度) is R&D intensity, not expenditure; a subset stays a subset
  (u23_nat_2020_rd_askci_bwgclm_trad).
* A dated range in the clause after a name with no number (`眾創空間的數量呈爆發式增長,由2014年不足50家到2020年8 507家`)
  is read; `不足` (less than) is a bound, never a level; digit groups split by a space are one number
  (u24_nat_2020_makerspaces_victorzhang_trad).
* A restatement with fewer decimals (2.4% after 2.40%) is the same figure: one row (u23_nat_2020_rd_askci_bwgclm_trad).
"""

from __future__ import annotations

import unicodedata

import pytest

from targetwatch.reports.periods import YEAR_TOKEN
from targetwatch.units import parse_number
from tests.targetwatch.reports.test_communique import levels as _levels
from tests.targetwatch.reports.test_communique import read_real_text as _read_real
from tests.targetwatch.reports.test_communique import read_sentence

RELEASE_2023 = "2023年國家統計局發布（SYNTHETIC title）"
TORCH_2021 = "2021年中國火炬統計年鑒 全国（SYNTHETIC title）"
NATION_2021 = "2021年全国研发经费（SYNTHETIC title）"


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年1月17日國家統計局發布數據,2022全年城鎮新增就業1206萬人。",
        "2023年1月17日国家统计局发布数据,2022全年城镇新增就业1206万人。",
        "２０２３年１月１７日国家统计局发布数据，２０２２全年城镇新增就业１２０６万人。",
    ],
)
def test_a_year_without_nian_before_quannian_dates_the_figure(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, RELEASE_2023)
    assert _levels(found) == [("national", "new_urban_jobs", 2022, 12060000.0, "annual")], reasons
    assert not any("not recognised" in r for r in reasons), reasons  # 2022 is a year, not a stray figure


def test_a_four_digit_number_before_other_words_is_no_year():
    assert YEAR_TOKEN.search("2022全年") and YEAR_TOKEN.search("2022末")
    assert YEAR_TOKEN.search("新增2022人") is None and YEAR_TOKEN.search("2022全省") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "R&D經費支出強度從2016年的2.1%提高到2020年的2.4%。",
            [("national", "rd_intensity", 2016, 2.1, "annual"), ("national", "rd_intensity", 2020, 2.4, "annual")],
        ),
        ("2020年全国研究与试验发展经费支出强度为2.40%。", [("national", "rd_intensity", 2020, 2.4, "annual")]),
        ("２０２０年全国Ｒ＆Ｄ经费支出强度为２．４０％。", [("national", "rd_intensity", 2020, 2.4, "annual")]),
    ],
)
def test_the_expenditure_name_then_qiangdu_is_the_intensity(tmp_path, aliases, catalogue, sentence, expected):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2021)
    assert _levels(found) == expected, reasons
    assert not any("does not fit" in r for r in reasons), reasons


def test_a_subset_of_the_expenditure_then_qiangdu_is_no_intensity(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "全国企业R&D经费支出强度为1.5%。", NATION_2021)
    assert found == [] and any("subset" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "2020年我國眾創空間的數量呈爆發式增長,由2014年不足50家到2020年8 507家。",
        "2020年我国众创空间的数量呈爆发式增长,由2014年不足50家到2020年8\u2009507家。",
        "２０２０年我国众创空间的数量呈爆发式增长，由２０１４年不足５０家到２０２０年８\u3000５０７家。",
    ],
)
def test_a_range_in_the_next_clause_is_read_and_less_than_is_a_bound(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, TORCH_2021)
    assert _levels(found) == [("national", "maker_spaces", 2020, 8507.0, "annual")], reasons
    assert any("bound (不足)" in r and "50" in r for r in (unicodedata.normalize("NFKC", r) for r in reasons)), reasons


def test_less_than_alone_is_a_bound(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "全国众创空间不足50家。", TORCH_2021)
    assert found == [] and any("bound (不足: less than)" in r for r in reasons), reasons


def test_a_growth_clause_without_a_range_is_still_a_change(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "全国众创空间快速增长,增长了20%。", TORCH_2021)
    assert found == [] and any("is a change" in r for r in reasons), reasons


def test_the_real_texts_read_as_annotated(aliases):
    jobs = _read_real("u23_nat_2022_jobs_97rentiart_trad", aliases).rows
    assert set(jobs.loc[jobs["indicator_raw"].str.contains("就"), "year_raw"].astype(str)) == {"2022"}
    rd = _read_real("u23_nat_2020_rd_askci_bwgclm_trad", aliases).rows
    assert sorted(zip(rd["year_raw"].astype(str), rd["value_raw"].astype(str), strict=True)) == [
        ("2016", "2.1"),
        ("2020", "2.40"),
        ("2020", "24426"),
    ]
    spaces = _read_real("u24_nat_2020_makerspaces_victorzhang_trad", aliases).rows
    # the value as written keeps its space (8 507); the normaliser reads it as one number
    assert [(str(y), parse_number(v)) for y, v in zip(spaces["year_raw"], spaces["value_raw"], strict=True)] == [
        ("2020", 8507.0)
    ]
