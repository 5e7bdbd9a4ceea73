"""Yearbook (wide) tables: every value cell is an observation or a rejection with the cell named."""

from __future__ import annotations

import pytest

from targetwatch.reports import yearbook
from targetwatch.reports.model import UnreadableReportError
from tests.targetwatch.reports.conftest import ENCODINGS, SCRIPTS, observed, rejections, write
from tests.targetwatch.reports.samples import WORDS, write_yearbook_xlsx, yearbook_csv


def expected_observations(sheet: str = "") -> list[tuple]:
    at = f"{sheet}!" if sheet else ""
    return [
        ("shanxi", "high_tech_enterprises", 2018, 1523.0, "count", f"{at}C5"),  # "1,523"
        ("shanxi", "high_tech_enterprises", 2019, 2405.0, "count", f"{at}D5"),  # E5 "—": not a figure
        ("shanxi", "rd_intensity", 2018, 1.05, "percent", f"{at}C6"),  # unit in the label: （%）
        ("shanxi", "rd_intensity", 2019, 1.12, "percent", f"{at}D6"),
        ("shanxi", "rd_intensity", 2020, 1.22, "percent", f"{at}E6"),  # header "2020年①"
        ("shanxi", "new_urban_jobs", 2018, 451000.0, "persons", f"{at}C7"),
        ("shanxi", "new_urban_jobs", 2019, 437000.0, "persons", f"{at}D7"),  # "43.7万" 人
        ("shanxi", "new_urban_jobs", 2020, 400000.0, "persons", f"{at}E7"),  # "四十万" 人
        ("shanxi", "tech_contract_turnover", 2018, 26500000000.0, "yuan", f"{at}C8"),  # 265 亿元
        ("shanxi", "st_progress_contribution", 2018, 55.0, "percent", f"{at}C9"),
        ("shanxi", "st_progress_contribution", 2019, -1.5, "percent", f"{at}D9"),  # "−1.5"
        ("shanxi", "st_progress_contribution", 2020, 56.2, "percent", f"{at}E9"),  # "５６.２"
    ]


def expected_rejections(script: str, sheet: str = "") -> list[tuple[str, str]]:
    at = f"{sheet}!" if sheet else ""
    w = WORDS[script]
    unknown = w["unknown"].split("（")[0]
    return sorted(
        [
            (f"{at}D8", f"cell D8: {w['about']!r} is not a number"),
            (f"{at}C10", f"unknown indicator {unknown!r} (not a code, name or alias in targets.yaml)"),
        ]
    )


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_yearbook_csv(ingest, encoding, script):
    result = ingest({"synthetic-yearbook.csv": yearbook_csv(script).encode(encoding)})
    assert observed(result) == expected_observations()
    assert rejections(result) == expected_rejections(script)
    f = result.report_files.iloc[0]
    assert (f.format, f.encoding, f.rows_read, f.rows_accepted, f.rows_rejected) == (
        "yearbook_csv",
        encoding,
        14,
        12,
        2,
    )
    assert f.missing_values == 4  # E5 —, E8 empty, D10 …, E10 empty; the note row's empty cells do not count
    assert f.title == WORDS[script]["title"] and bool(f.synthetic)  # SYNTHETIC in the title row


@pytest.mark.parametrize("script", SCRIPTS)
def test_yearbook_xlsx_with_merged_headers_title_and_note_rows(ingest, tmp_path, script):
    path = write_yearbook_xlsx(tmp_path / "book.xlsx", script)
    result = ingest({"synthetic-yearbook.xlsx": path.read_bytes()})
    assert observed(result) == expected_observations("科技指标")
    assert rejections(result) == expected_rejections(script, "科技指标")
    f = result.report_files.iloc[0]
    assert (f.format, f.encoding, f.rows_read, f.missing_values, bool(f.synthetic)) == (
        "yearbook_xlsx",
        "xlsx",
        14,
        4,
        True,
    )


def test_raw_rows_keep_the_cell_the_year_header_and_the_row_as_written(tmp_path, aliases):
    path = write(tmp_path, "synthetic.csv", yearbook_csv("simplified"))
    rows = yearbook.read_csv(path, aliases).rows
    first = rows.iloc[0]
    assert (first.sheet, first.row_number, first.column_name, first.location) == (None, 5, "2018年", "C5")
    assert first.raw_content == '高新技术企业*,家,"1,523",2405,—'
    assert (first.indicator_raw, first.unit_raw, first.value_raw, first.year_raw) == (
        "高新技术企业",
        "家",
        "1,523",
        "2018",
    )
    assert rows.iloc[4].column_name == "2020年①"


CITY_TABLE = """甘肃省各市州高新技术企业（家）
SYNTHETIC 测试数据
地区,2019年,2020年
兰州市,320,—
全省,1229,1500
西宁,88,
"""


def test_jurisdiction_column_with_the_indicator_and_unit_in_the_title(ingest):
    result = ingest({"synthetic-cities.csv": CITY_TABLE})
    assert observed(result) == [
        ("lanzhou", "high_tech_enterprises", 2019, 320.0, "count", "B4"),
        ("gansu", "high_tech_enterprises", 2019, 1229.0, "count", "B5"),  # 全省: the title's province
        ("gansu", "high_tech_enterprises", 2020, 1500.0, "count", "C5"),
        ("xining", "high_tech_enterprises", 2019, 88.0, "count", "B6"),
    ]
    assert rejections(result) == []


NO_PLACE = """主要科技指标（SYNTHETIC）
指标,2019
高新技术企业（家）,1523
"""


def test_jurisdiction_from_the_sidecar(ingest):
    result = ingest({"synthetic.csv": NO_PLACE, "synthetic.csv.meta.yaml": "jurisdiction: shanxi\n"})
    assert observed(result) == [("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "B3")]


def test_no_jurisdiction_rejects_each_cell_with_the_reason(ingest):
    result = ingest({"synthetic.csv": NO_PLACE})
    assert observed(result) == []
    assert rejections(result) == [
        (
            "B3",
            "cell B3: no jurisdiction: no 地区 column, none named in the title rows, no `jurisdiction:` in a "
            "sidecar .meta.yaml",
        )
    ]


@pytest.mark.parametrize(
    ("header", "year", "period", "figure"),
    [
        ("2019", 2019, "annual", "actual"),
        ("2019年", 2019, "annual", "actual"),
        ("２０１９年", 2019, "annual", "actual"),
        ("2019年末", 2019, "annual", "actual"),
        ("二〇一九年", 2019, "annual", "actual"),
        ("2020年①", 2020, "annual", "actual"),
        ("2020*", 2020, "annual", "actual"),
        ("2021年1-6月", 2021, "partial", "actual"),
        ("2021年上半年", 2021, "partial", "actual"),
        ("2025年（预计）", 2025, "annual", "forecast"),
        ("2025年（預計）", 2025, "annual", "forecast"),
    ],
)
def test_year_headers(header, year, period, figure):
    y = yearbook.year_header(header)
    assert (y.year, y.period_type, y.figure_type) == (year, period, figure)


@pytest.mark.parametrize("header", ["年份", "比上年增长（%）", "2019年比2018年增长", "12345", "1800", "指标"])
def test_not_year_headers(header):
    assert yearbook.year_header(header) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("高新技术企业（家）", ("高新技术企业", "家")),
        ("城镇新增就业（万人）", ("城镇新增就业", "万人")),
        ("研究与试验发展（R&D）经费（亿元）", ("研究与试验发展（R&D）经费", "亿元")),
        ("研究与试验发展（R&D）经费", ("研究与试验发展（R&D）经费", None)),  # (R&D) is no unit
        ("技术合同成交额(单位：亿元)", ("技术合同成交额", "亿元")),
        ("省级创业孵化示范基地（园区）", ("省级创业孵化示范基地（园区）", None)),
    ],
)
def test_units_in_labels(label, expected):
    assert yearbook._split_unit(label) == expected


UNIT_LINE = "山西省技术市场（SYNTHETIC）\n单位：亿元\n指标,2019年\n技术合同成交额,265\n"


def test_table_unit_from_a_unit_line_above_the_header(ingest):
    assert observed(ingest({"synthetic.csv": UNIT_LINE})) == [
        ("shanxi", "tech_contract_turnover", 2019, 26500000000.0, "yuan", "B4")
    ]


CELL_UNITS = "山西省（SYNTHETIC）\n指标,2019年,2020年\n技术合同成交额,265亿元,1.22%\n"


def test_a_cell_carries_its_own_unit(ingest):
    result = ingest({"synthetic.csv": CELL_UNITS})
    assert observed(result) == [("shanxi", "tech_contract_turnover", 2019, 26500000000.0, "yuan", "B3")]
    assert rejections(result) == [("C3", "unit '%' does not fit indicator tech_contract_turnover (measured in yuan)")]


FORECAST = "山西省（SYNTHETIC）\n指标,2019年,2025年（预计）\n高新技术企业（家）,2405,5000\n"


def test_a_forecast_column_is_quarantined_as_a_forecast(ingest):
    result = ingest({"synthetic.csv": FORECAST})
    assert [o[2] for o in observed(result)] == [2019]
    assert rejections(result) == [("C3", "a forecast, not an actual figure: kept out of the assessment")]


def test_a_file_without_a_year_header_is_unreadable(tmp_path, aliases):
    path = write(tmp_path, "synthetic.csv", "SYNTHETIC\n指标,数值\n高新技术企业,1523\n")
    with pytest.raises(UnreadableReportError, match=r"synthetic.csv: no yearbook table found"):
        yearbook.read_csv(path, aliases)


def test_a_workbook_sheet_without_years_is_recorded(ingest, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    for row in [["山西省主要科技指标（SYNTHETIC）"], ["指标", "2019年"], ["高新技术企业（家）", 2405]]:
        ws.append(row)
    wb.create_sheet("说明").append(["本表为 SYNTHETIC 测试数据"])
    wb.save(tmp_path / "book.xlsx")
    result = ingest({"synthetic.xlsx": (tmp_path / "book.xlsx").read_bytes()})
    assert observed(result) == [("shanxi", "high_tech_enterprises", 2019, 2405.0, "count", "表1!B3")]
    assert rejections(result) == [("说明", "sheet '说明' has no header row with years; not read")]


def test_percent_formatted_excel_cells_read_as_written(ingest, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["山西省（SYNTHETIC）"], ["指标", "2019年"], ["R&D经费投入强度", 0.0122]]:
        ws.append(row)
    ws["B3"].number_format = "0.00%"
    wb.save(tmp_path / "book.xlsx")
    result = ingest({"synthetic.xlsx": (tmp_path / "book.xlsx").read_bytes()})
    assert observed(result) == [("shanxi", "rd_intensity", 2019, 1.22, "percent", "Sheet!B3")]


# SYNTHETIC table; the labels are as real yearbooks print them (issue 17: these were "unknown indicator")
VARIANTS = (
    "山西省主要科技指标（SYNTHETIC）\n指标,单位,2019年\n"
    "研究与试验发展经费投入强度,%,1.12\n"  # no (R&D)
    "有效发明专利数,件,8104\n"  # a trailing 数
    "科技进步对经济增长的贡献率,%,52.8\n"  # an inserted phrase
    "高新技術企業數量,家,2405\n"  # the catalogue's name in traditional script: exact
    "科技型企业,家,294\n"  # not 科技型中小企业: nothing is dropped from the middle of a name
)


def test_everyday_label_variants_match_by_their_normalised_name(ingest):
    result = ingest({"synthetic.csv": VARIANTS})
    obs = result.observations
    assert list(zip(obs["indicator"], obs["matched_by"], obs["value"], strict=True)) == [
        ("rd_intensity", "normalised", 1.12),
        ("valid_invention_patents", "normalised", 8104.0),
        ("st_progress_contribution", "normalised", 52.8),
        ("high_tech_enterprises", "exact", 2405.0),
    ]
    assert rejections(result) == [("C7", "unknown indicator '科技型企业' (not a code, name or alias in targets.yaml)")]


# The folders this module's `ingest` calls read, ingested together once (the reports conftest's `ingest`); the
# workbooks are written at run time and read alone
INGEST_PLAN = [
    *({"synthetic-yearbook.csv": yearbook_csv(script).encode(encoding)}
      for encoding in ENCODINGS for script in SCRIPTS),
    {"synthetic-cities.csv": CITY_TABLE},
    {"synthetic.csv": NO_PLACE, "synthetic.csv.meta.yaml": "jurisdiction: shanxi\n"},
    {"synthetic.csv": NO_PLACE},
    *({"synthetic.csv": table} for table in (UNIT_LINE, CELL_UNITS, FORECAST, VARIANTS)),
]
