"""Template (long) reports in every encoding and script; ragged lines are rejected, not fatal."""

from __future__ import annotations

import pytest

from targetwatch.config import PROJECT_DIR
from tests.targetwatch.reports.conftest import ENCODINGS, SCRIPTS, observed, rejections
from tests.targetwatch.reports.samples import TEMPLATE

OBSERVATIONS = [
    ("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "line 4"),  # "１，５２３"
    ("shanxi", "rd_intensity", 2019, 1.22, "percent", "line 5"),  # "2019年", "％"
    ("shanxi", "new_urban_jobs", 2019, 437000.0, "persons", "line 6"),  # "四十三万七千"
    ("gansu", "tech_contract_turnover", 2019, 26500000000.0, "yuan", "line 7"),
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_template_csv(ingest, encoding, script):
    result = ingest({"synthetic-template.csv": TEMPLATE[script].encode(encoding)})
    assert observed(result) == OBSERVATIONS
    t = script == "traditional"
    assert rejections(result) == [
        (
            "line 10",
            "unknown indicator {!r} (not a code, name or alias in targets.yaml)".format(
                "未知指標" if t else "未知指标"
            ),
        ),
        ("line 8", "value {!r} is not a number".format("約1500" if t else "约1500")),
        ("line 9", "value is missing (empty or a missing mark such as — or …)"),
    ]
    f = result.report_files.iloc[0]
    assert (f.format, f.encoding, f.rows_read, f.rows_accepted, f.rows_rejected, bool(f.synthetic)) == (
        "template_csv",
        encoding,
        7,
        4,
        3,
        True,
    )


RAGGED = (
    "# data: synthetic\njurisdiction,indicator,year,value,unit\nshanxi,high_tech_enterprises,2019,1523,家\n"
    "shanxi,high_tech_enterprises,2020,2405,家,extra\nshanxi,high_tech_enterprises,2021,3000,家,,\n"
)


def test_a_line_with_more_cells_than_the_header_is_rejected_not_fatal(ingest):
    result = ingest({"synthetic.csv": RAGGED})
    assert [o[2] for o in observed(result)] == [2019, 2021]  # trailing empty cells are harmless
    assert rejections(result) == [("line 4", "line 4 has 6 cells, the header has 5")]


BUNDLED = "shanxi-bulletins-and-news.csv"


def test_the_bundled_real_reports_are_not_flagged_synthetic(ingest):
    result = ingest({BUNDLED: (PROJECT_DIR / "reports" / BUNDLED).read_bytes()})
    f = result.report_files.iloc[0]
    assert (f.format, bool(f.synthetic), f.rows_read) == ("template_csv", False, 22)


NOTES_HEAD = "# data: synthetic\njurisdiction,indicator,year,value,unit,notes\n"
LINE_NUMBERS = [
    ("shanxi,高新技术企业,2019,1523,家,\n\nshanxi,高新技术企业,2020,2405,家,\n", ["line 3", "line 5"]),
    (
        'shanxi,高新技术企业,2019,1523,家,\n\nshanxi,高新技术企业,2020,2405,家,"two\nlines"\n'
        "shanxi,高新技术企业,2021,3000,家,\n",
        ["line 3", "line 5", "line 7"],  # a record is numbered by the line it starts on
    ),
]


@pytest.mark.parametrize(("body", "locations"), LINE_NUMBERS)
def test_line_numbers_count_blank_lines_and_multiline_cells(ingest, body, locations):
    text = NOTES_HEAD + body
    assert [o[5] for o in observed(ingest({"synthetic.csv": text}))] == locations


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_template_xlsx_reads_every_template_sheet_and_quarantines_the_others(ingest):
    """SYNTHETIC workbook: a department return in two template sheets (Chinese and English headers) and a notes
    sheet. Both template sheets are read, with sheet and row as the location; the notes sheet is quarantined."""
    data = _workbook({
        "2019": [["地区", "指标", "年份", "数值", "单位"],
                 ["shanxi", "high_tech_enterprises", 2019, "1,523", "家"],
                 ["shanxi", "rd_intensity", "2019年", "1.22", "%"],
                 ["shanxi", "high_tech_enterprises", 2019, "约1500", "家"]],
        "2020": [["jurisdiction", "indicator", "year", "value", "unit"],
                 ["shanxi", "high_tech_enterprises", 2020, 2405, "家"]],
        "说明": [["填表说明"], ["本表为合成测试数据"]],
    })
    result = ingest({"synthetic-return.xlsx": data})
    assert observed(result) == [
        ("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "2019!row 2"),
        ("shanxi", "rd_intensity", 2019, 1.22, "percent", "2019!row 3"),
        ("shanxi", "high_tech_enterprises", 2020, 2405.0, "count", "2020!row 2"),
    ]
    assert rejections(result) == [
        ("2019!row 4", "value '约1500' is not a number"),
        ("说明!row 1", "sheet 说明 does not have the template's columns (jurisdiction, indicator, year, value, unit), "
                      "so its 1 row(s) were not read"),
    ]
    f = result.report_files.iloc[0]
    assert (f.format, f.encoding, f.rows_accepted, f.rows_rejected) == ("template_xlsx", "xlsx", 3, 2)


def test_template_xlsx_streams_in_batches_numbered_by_sheet_row(tmp_path):
    """SYNTHETIC workbook, read with batches of 2 rows: the reader never holds more than a batch. Rows keep their
    sheet row (the blank row 4 counts and is skipped), whole floats read as integers, and a row with a cell beyond
    the header is rejected with its row, not dropped."""
    from targetwatch.limits import Limits
    from targetwatch.reports import template

    path = tmp_path / "synthetic-return.xlsx"
    path.write_bytes(_workbook({"2019": [
        ["地区", "指标", "年份", "数值", "单位"],
        ["shanxi", "high_tech_enterprises", 2019.0, 1523, "家"],
        ["shanxi", "rd_intensity", 2019, 1.22, "%"],
        [None, None, None, None, None],
        ["gansu", "rd_intensity", 2019, 1.26, "%", "extra"],
        ["gansu", "high_tech_enterprises", 2019, 1229, "家"],
    ]}))
    batches = list(template.iter_xlsx(path, Limits(batch_rows=2)))
    assert [len(b.rows) + len(b.rejected) for b in batches] == [2, 2, 0]  # the last, empty, closes the sheet
    rows = [r for b in batches for r in b.rows[["location", "year_raw", "value_raw"]].itertuples(index=False)]
    assert [tuple(r) for r in rows] == [("2019!row 2", "2019", "1523"), ("2019!row 3", "2019", "1.22"),
                                        ("2019!row 6", "2019", "1229")]
    rejected = batches[1].rejected.iloc[0]
    assert (rejected["location"], rejected["reason"]) == ("2019!row 5", "2019!row 5 has 6 cells, the header has 5")


def test_template_xlsx_over_the_rows_limit_is_refused_while_streaming(tmp_path):
    """SYNTHETIC workbook of 5 figures against a limit of 3 rows: refused naming the limit, before reading on."""
    from targetwatch.limits import LimitExceededError, Limits
    from targetwatch.reports import template

    path = tmp_path / "synthetic-return.xlsx"
    path.write_bytes(_workbook({"2019": [["地区", "指标", "年份", "数值", "单位"]]
                                + [["shanxi", "rd_intensity", 2015 + i, 1.0 + i, "%"] for i in range(5)]}))
    with pytest.raises(LimitExceededError, match=r"number of rows .*TARGETWATCH_MAX_ROWS"):
        list(template.iter_xlsx(path, Limits(max_rows=3)))


def test_template_xlsx_sheet_loaded_once_by_header_test_and_rows(tmp_path):
    """SYNTHETIC two-sheet workbook read as ingestion reads it (the header test, then the rows, on one `Workbook`):
    each sheet is loaded by python-calamine once, and the rows are the same as a fresh read's."""
    from targetwatch.limits import Limits
    from targetwatch.reports import template

    path = tmp_path / "synthetic-return.xlsx"
    header = ["地区", "指标", "年份", "数值", "单位"]
    path.write_bytes(_workbook({"2019": [header, ["shanxi", "rd_intensity", 2019, 1.22, "%"]],
                                "2020": [header, ["gansu", "rd_intensity", 2020, 1.26, "%"]]}))
    book = template.Workbook(path)
    loads: list[str] = []
    load = book.book.get_sheet_by_name
    book.book = type("Counted", (), {"__getattr__": lambda _, n: getattr(load.__self__, n),
                                     "get_sheet_by_name": lambda _, n: loads.append(n) or load(n)})()
    assert template.xlsx_is_template(path, book)
    shared = [b.rows for b in template.iter_xlsx(path, Limits(), book)]
    assert loads == ["2019", "2020"]
    fresh = [b.rows for b in template.iter_xlsx(path, Limits())]
    assert [r.to_dict("records") for r in shared] == [r.to_dict("records") for r in fresh]
    assert [r for b in shared for r in b["location"]] == ["2019!row 2", "2020!row 2"]


# The folders this module's `ingest` calls read, ingested together once (the reports conftest's `ingest`); the
# workbooks are written at run time and read alone
INGEST_PLAN = [
    *({"synthetic-template.csv": TEMPLATE[script].encode(encoding)} for encoding in ENCODINGS for script in SCRIPTS),
    {"synthetic.csv": RAGGED},
    {BUNDLED: (PROJECT_DIR / "reports" / BUNDLED).read_bytes()},
    *({"synthetic.csv": NOTES_HEAD + body} for body, _ in LINE_NUMBERS),
]
