"""The Excel gap table on the SYNTHETIC site data of test_site: sheets, numbers, sources, the synthetic warning."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from targetwatch.render.workbook import build_gap_workbook, sheet_name
from tests.targetwatch.test_site import synthetic_site_data


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = build_gap_workbook(synthetic_site_data(n_extra=2), tmp_path_factory.mktemp("xl") / "gap.xlsx")
    return path


def _sheet(path, name) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name=name, header=1, dtype={"原始写法": str})


def test_one_sheet_per_jurisdiction_then_sources(workbook):
    names = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    # the synthetic catalogue has targets in two jurisdictions (xx and the national reference nat)
    assert len(names) == 3 and names[-1] == "来源 Sources"


def test_numbers_stay_numbers_and_match_the_hand_computed_gaps(workbook):
    sheets = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    frames = pd.concat([_sheet(workbook, n) for n in sheets[:-1]])
    row = frames.set_index("目标编号")
    # stock: 640 things in 2022 against 1,000 by 2025 -> gap -360, attainment 0.64
    stock = row.loc["syn-stock"]
    assert (stock["最新值"], stock["最新年份"], stock["目标值"], stock["差距"]) == (640, 2022, 1000, -360)
    assert stock["完成度"] == pytest.approx(0.64)
    assert stock["牵头部门"] == "省科技厅" and stock["截止年"] == 2025
    # per year: 455,000 jobs in 2022 against 450,000 a year -> +5,000
    assert row.loc["syn-per-year", "差距"] == 5000
    assert row.loc["syn-per-year", "牵头部门"] == "省人力资源社会保障厅、省科技厅"
    # relative: 1.3% against the national 2.2% in 2022 -> -0.9 points
    assert row.loc["syn-relative", "差距"] == pytest.approx(-0.9)
    # qualitative: a status, no target value
    assert row.loc["syn-qualitative", "状态"] == "定性目标" and pd.isna(row.loc["syn-qualitative", "目标值"])


def test_sources_name_the_sentence_and_the_file_behind_the_latest_value(workbook):
    src = _sheet(workbook, "来源 Sources").set_index("目标编号")
    stock = src.loc["syn-stock"]
    assert stock["原文"] == "到2025年，测试事物达到1000个。"
    # the 2022 figure is OBSERVATIONS[3]: syn-a.csv, line 5, released 2023-03-01
    assert (stock["最新值来源文件"], stock["位置"], str(stock["原始写法"]), stock["发布日期"]) == (
        "syn-a.csv", "line 5", "640", "2023-03-01")
    assert len(stock["文件SHA-256"]) == 64


def test_every_sheet_warns_when_data_is_synthetic(workbook):
    book = openpyxl.load_workbook(workbook, read_only=True)
    assert all(str(book[n].cell(row=1, column=1).value).startswith("【含合成（非真实）数据】") for n in book.sheetnames)


def test_english_headers(tmp_path):
    path = build_gap_workbook(synthetic_site_data(synthetic_column=False), tmp_path / "gap-en.xlsx", lang="en")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[-1] == "来源 Sources"
    first = book[book.sheetnames[0]]
    assert str(first.cell(row=1, column=1).value).startswith("targetwatch gap table · as of 2023-06-30")
    assert [c.value for c in next(first.iter_rows(min_row=2, max_row=2))][:3] == ["target id", "target (zh)",
                                                                                   "target (en)"]


@pytest.mark.parametrize(("name", "expected"), [
    ("甘肃省", "甘肃省"), ("a/b:c", "a_b_c"), ("x" * 40, "x" * 31),
])
def test_sheet_names_are_legal_and_unique(name, expected):
    taken: set[str] = set()
    assert sheet_name(name, taken) == expected
    assert sheet_name(name, taken) == expected[:27] + " (2)"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    """A report or catalogue string such as '=HYPERLINK(...)' must reach Excel as text, never as a formula."""
    data = synthetic_site_data()
    hostile = '=HYPERLINK("http://example.invalid","点此")'
    data.targets.loc[data.targets["target_id"] == "syn-stock", "name_zh"] = hostile
    path = build_gap_workbook(data, tmp_path / "gap.xlsx")
    book = openpyxl.load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == hostile]
    assert len(cells) == 1 and cells[0].data_type == "s"
    assert not [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_every_row_states_its_evidence_basis(workbook):
    # issue 14: before its 2025 deadline the stock's pace is measured from figures before the deadline only
    sheets = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    row = pd.concat([_sheet(workbook, n) for n in sheets[:-1]]).set_index("目标编号")
    stock = row.loc["syn-stock"]
    assert (stock["证据基础"], stock["证据基础（英文）"], stock["证据等级"]) == (
        "仅有截止年前数据", "before the deadline only", "实测")
    assert pd.isna(stock["推断依据年份"])
