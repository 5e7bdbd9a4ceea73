"""The data call: which figure each lead department owes, the workbook it fills in, and what it has returned.

Most targets show 无数据 because their figures are never published: they exist inside the departments the documents
name. A data call turns that gap into a list of figures owed, one Excel workbook per department (a cover sheet that
says what is asked and why, and a sheet of one row per target and year owed), and reads the workbooks back when they
are returned (targetwatch.reports.department_return). Who owes a figure is the first department the document names
for the target (collective bodies such as 各县区政府 are passed over when a single department is named too),
qualified by the target's province or city (a Gansu 省财政厅 and a Shanxi 省财政厅 are two departments); a target
whose clause names none is asked from the government that issued the document. The rule used is kept with every
row (`owner_basis`), because it is an inference about who holds the figure.

Set-based: the figures owed are one DuckDB statement over the warehouse tables; only the workbook writer walks rows
(one cell per value, as Excel needs).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from targetwatch import vocab
from targetwatch.reports.department_return import (
    COVER_FIELDS,
    COVER_SHEET,
    DATA_COLUMNS,
    DATA_SHEET,
    INPUT_CODES,
    MARKER,
    MARKER_SHEET,
    MARKER_VERSION,
    RETURN_CONFIDENCE,
)

DATA_CALL_DIR = "data-call"  # under the output folder
MANIFEST_FILE = "data-call.json"  # what was asked of whom, and by when: read by the refresh for "overdue"

# The rule that names who owes a target's figures (data, beside every row).
OWNER_NAMED = "named first in the document's department bracket (collective bodies such as 各县区政府 passed over)"
OWNER_ISSUER = "no department named for this target: asked of the government that issued the document"
OWNER_BASIS_ZH = {OWNER_NAMED: "文件责任单位中列在首位者（“各县区政府”等集合主体除外）",
                  OWNER_ISSUER: "文件未明确该目标的责任单位：向发文机关征集"}

# Per target and year asked: owed (no figure yet), returned (a department return holds it).
STATES = ("owed", "returned")

OWED_COLUMNS: tuple[str, ...] = (
    "department",  # qualified by place: 甘肃省财政厅
    "department_named",  # as the document names it (省财政厅), the name of its department page; empty if none
    "owner_basis",
    "target_id",
    "jurisdiction",
    "jurisdiction_zh",
    "indicator",
    "indicator_zh",
    "indicator_en",
    "year",
    "unit",
    "unit_zh",
    "target_zh",
    "target_en",
    "deadline",
    "per_year",
    "document",
    "document_title",
    "document_number",
    "quote",
    "state",
)

# The owed figures: the deadline year, and every plan year of a per-year target, that has ended by the as-of date and
# has no official figure (actual, annual, released by then). A year with a department return is `returned`.
_OWED_SQL = """
WITH t AS (
    SELECT * FROM targets WHERE comparator <> 'qualitative' AND indicator IS NOT NULL
),
asked AS (
    SELECT target_id, deadline AS year FROM t WHERE deadline IS NOT NULL
    UNION
    SELECT target_id, unnest(range(CAST(coalesce(plan_start, deadline) AS BIGINT), CAST(deadline AS BIGINT) + 1))
    FROM t WHERE per_year AND deadline IS NOT NULL
),
figures AS (
    SELECT jurisdiction, indicator, year,
        bool_or(confidence <> $returned) AS official, bool_or(confidence = $returned) AS returned
    FROM observations
    WHERE figure_type = 'actual' AND period_type = 'annual'
      AND coalesce(release_date, make_date(CAST(year AS INT) + 1, 12, 31)) <= $as_of
    GROUP BY ALL
),
named AS (
    SELECT target_id, coalesce(list_filter(string_split(departments, '、'), lambda x: NOT starts_with(x, '各'))[1],
                               split_part(departments, '、', 1)) AS named
    FROM t WHERE coalesce(departments, '') <> ''
),
first_source AS (
    SELECT target_id, document, quote FROM target_sources QUALIFY row_number() OVER (
        PARTITION BY target_id ORDER BY source_order) = 1
)
SELECT
    CASE WHEN n.named IS NULL THEN d.issuer_zh
         -- 省… and 市… are the province's or city's own: named with the place they belong to
         WHEN n.named[1] IN ('省', '市') THEN j.name_zh || n.named[2:]
         ELSE n.named END AS department,
    coalesce(n.named, '') AS department_named,
    CASE WHEN n.named IS NOT NULL THEN $named ELSE $issuer END AS owner_basis,
    t.target_id, t.jurisdiction, j.name_zh AS jurisdiction_zh, t.indicator, i.name_zh AS indicator_zh,
    i.name_en AS indicator_en, a.year, t.unit, t.name_zh AS target_zh, t.name_en AS target_en, t.deadline,
    t.per_year, s.document, d.title_zh AS document_title, d.number AS document_number, s.quote,
    CASE WHEN coalesce(f.returned, false) THEN 'returned' ELSE 'owed' END AS state
FROM asked a
JOIN t USING (target_id)
LEFT JOIN figures f ON f.jurisdiction = t.jurisdiction AND f.indicator = t.indicator AND f.year = a.year
LEFT JOIN named n USING (target_id)
LEFT JOIN first_source s USING (target_id)
LEFT JOIN policy_documents d ON d.id = s.document
LEFT JOIN jurisdictions j ON j.code = t.jurisdiction
LEFT JOIN indicators i ON i.code = t.indicator
WHERE a.year < year($as_of) AND NOT coalesce(f.official, false)
ORDER BY department, t.target_id, a.year
"""


def figures_owed(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> pd.DataFrame:
    """One row per target and year asked of a department (OWED_COLUMNS), from the warehouse tables on `con`
    (targets, target_sources, policy_documents, jurisdictions, indicators, observations)."""
    params = {"as_of": as_of, "returned": RETURN_CONFIDENCE, "named": OWNER_NAMED, "issuer": OWNER_ISSUER}
    df = con.execute(_OWED_SQL, params).df()
    units = {u.code: u.zh for u in vocab.UNITS}
    df["unit_zh"] = df["unit"].map(units)
    df["year"] = df["year"].astype("int64")
    return df[list(OWED_COLUMNS)]


# --- the call: what was asked of whom, by when ------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    department: str
    file: str
    rows: int
    issued: dt.date
    due: dt.date
    call_id: str


def call_id(department: str, issued: dt.date) -> str:
    """Stable for one department and issue date: a return names the call it answers."""
    return f"{issued:%Y%m%d}-{hashlib.sha256(department.encode()).hexdigest()[:8]}"


def load_calls(out_dir: Path) -> pd.DataFrame:
    """The calls issued into `out_dir` (department, file, rows, issued, due, call_id); empty when none was issued."""
    path = out_dir / DATA_CALL_DIR / MANIFEST_FILE
    columns = ["department", "file", "rows", "issued", "due", "call_id"]
    if not path.is_file():
        return pd.DataFrame(columns=columns)
    calls = json.loads(path.read_text(encoding="utf-8"))["calls"]
    df = pd.DataFrame(calls, columns=columns)
    for col in ("issued", "due"):
        df[col] = pd.to_datetime(df[col]).dt.date
    return df


def _save_manifest(folder: Path, calls: list[Call]) -> None:
    """Merge this issue's calls into the manifest (a department asked again gets its latest call)."""
    path = folder / MANIFEST_FILE
    kept = json.loads(path.read_text(encoding="utf-8"))["calls"] if path.is_file() else []
    asked = {c.department for c in calls}
    merged = [c for c in kept if c["department"] not in asked] + [
        {"department": c.department, "file": c.file, "rows": c.rows, "issued": c.issued.isoformat(),
         "due": c.due.isoformat(), "call_id": c.call_id}
        for c in calls
    ]
    path.write_text(json.dumps({"calls": sorted(merged, key=lambda c: c["department"])}, ensure_ascii=False,
                               indent=1), encoding="utf-8")


def owed_by_department(owed: pd.DataFrame) -> pd.DataFrame:
    """Per department: figures owed, returned and overdue, with the due date (`owed` is the `data_owed` table:
    `figures_owed` with `with_calls`). A department never called has no due date, so nothing overdue."""
    df = owed.assign(is_owed=owed["state"] == "owed", is_returned=owed["state"] == "returned")
    out = (
        df.groupby("department", sort=True)
        .agg(owed=("is_owed", "sum"), returned=("is_returned", "sum"), overdue=("overdue", "sum"),
             due=("due", "first"), targets=("target_id", "nunique"), owner_basis=("owner_basis", "first"),
             department_named=("department_named", "first"))
        .reset_index()
    )
    return out.astype({"owed": "int64", "returned": "int64", "overdue": "int64", "targets": "int64"})


# --- the workbooks ------------------------------------------------------------------------------------------------

_FILE_FORBIDDEN = re.compile(r'[\\/:*?"<>|\s]+')


def workbook_name(department: str, due: dt.date) -> str:
    return f"数据征集表-{_FILE_FORBIDDEN.sub('_', department)}-{due:%Y%m%d}.xlsx"


def _cover(ws, department: str, rows: pd.DataFrame, issued: dt.date, due: dt.date) -> int:
    """Write the cover sheet; return the first row of the fields block."""
    from openpyxl.styles import Alignment, Font

    docs = rows.drop_duplicates("document")[["document_title", "document_number"]]
    doc_lines = "\n".join(f"《{t}》{'（' + n + '）' if isinstance(n, str) and n else ''}" for t, n in
                          docs.itertuples(index=False))
    n_targets = rows["target_id"].nunique()
    lines = [
        (f"数据征集表：{department}", "title"),
        (f"Data call: {department}", "subtitle"),
        ("", ""),
        ("征集内容 What is asked", "head"),
        (f"以下政策文件设定了量化目标，但尚无已发布的统计数据可以评估这些目标。请贵单位填报 {len(rows)} 项数据"
         f"（{n_targets} 个目标），每行一个目标和年份。", "text"),
        (f"These policy documents set quantified targets that no published statistic lets us assess. Please report "
         f"{len(rows)} figures ({n_targets} targets), one row per target and year.", "text"),
        (doc_lines, "text"),
        ("", ""),
        ("截止日期 Due date", "head"),
        (f"{due.isoformat()}（发出日期 issued {issued.isoformat()}）", "text"),
        ("", ""),
        ("填写说明 How to fill it in", "head"),
        (f"1. 在“{DATA_SHEET}”工作表的“数值 value”列填写数字，单位见“单位”列（例如 个、人、元、%）；"
         "“数据来源 source”列写明出处，“备注 notes”列写明口径说明。", "text"),
        ("2. 无法提供的数据请留空：留空的行视为仍待填报，不会被当作零。其余各列已锁定，请勿修改。", "text"),
        ("3. 填写下方的填报信息后保存，将本文件原样放入报表文件夹（reports/）。文件名可以改，系统按文件内的标记识别。",
         "text"),
        (f"1. Enter each figure in the 'value' column of sheet '{DATA_SHEET}', in the unit of the 'unit' column; say "
         "where it comes from under 'source' and any definition under 'notes'.", "text"),
        ("2. Leave a value empty if you cannot provide it: an empty row stays owed and is never read as zero. The "
         "other columns are locked.", "text"),
        ("3. Fill in the fields below, save, and put the file in the reports folder as it is. The file may be "
         "renamed: it is recognised by a mark inside it.", "text"),
        ("", ""),
        ("填报信息 About this return", "head"),
    ]
    for r, (text, kind) in enumerate(lines, start=1):
        cell = ws.cell(row=r, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if kind in ("title", "head"):
            cell.font = Font(bold=True, size=14 if kind == "title" else 11)
        if kind == "text":
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
            ws.row_dimensions[r].height = 15 * max(1, len(text) // 60 + text.count("\n") + 1)
    first = len(lines) + 1
    for k, (label, en) in enumerate(COVER_FIELDS):
        ws.cell(row=first + k, column=1, value=f"{label} {en}").font = Font(bold=True)
    ws.cell(row=first, column=2, value=department)  # prefilled, editable
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    return first


def _data(ws, rows: pd.DataFrame) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for c, (code, label, width, _) in enumerate(DATA_COLUMNS, start=1):
        cell = ws.cell(row=1, column=c, value=f"{label} {code}")
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[cell.column_letter].width = width
    values = {
        "target_id": rows["target_id"], "jurisdiction": rows["jurisdiction"],
        "jurisdiction_zh": rows["jurisdiction_zh"], "indicator": rows["indicator"],
        "indicator_zh": rows["indicator_zh"], "year": rows["year"], "unit": rows["unit_zh"],
        "target": rows["target_zh"] + " / " + rows["target_en"], "quote": rows["quote"],
    }
    grid = pd.DataFrame({code: values.get(code, pd.Series(None, index=rows.index)) for code, *_ in DATA_COLUMNS})
    fill = PatternFill("solid", start_color="FFF2CC")  # the cells to fill in, shaded
    for r, record in enumerate(grid.itertuples(index=False), start=2):
        for c, value in enumerate(record, start=1):
            cell = ws.cell(row=r, column=c, value=None if pd.isna(value) else value)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text from documents never runs as a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if DATA_COLUMNS[c - 1][3]:
                cell.fill = fill
    ws.freeze_panes = "B2"


def _validate_values(ws, rows: pd.DataFrame) -> None:
    """Excel data validation on the value column: a number (whole for counts) within the unit's range."""
    from openpyxl.worksheet.datavalidation import DataValidation

    col = next(i for i, (code, *_) in enumerate(DATA_COLUMNS, start=1) if code == "value")
    letter = ws.cell(row=1, column=col).column_letter
    for unit_code, group in rows.reset_index(drop=True).groupby("unit", sort=True):
        unit = vocab.UNIT_BY_CODE[unit_code]
        lo = unit.min_value if unit.min_value is not None else -1e15
        kind = "whole" if unit.integer else "decimal"
        if unit.max_value is None:
            dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(lo), allow_blank=True)
            rng = f"≥ {lo:g}"
        else:
            dv = DataValidation(type=kind, operator="between", formula1=str(lo), formula2=str(unit.max_value),
                                allow_blank=True)
            rng = f"{lo:g} – {unit.max_value:g}"
        dv.error = f"请填写{'整数' if unit.integer else '数字'}，范围 {rng}（单位：{unit.zh}）。 " \
                   f"Enter a {'whole ' if unit.integer else ''}number, {rng} ({unit.en})."
        dv.errorTitle = "数值不符合要求 Value not accepted"
        dv.prompt = f"单位 unit: {unit.zh}; {rng}"
        dv.showErrorMessage = True
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        for i in group.index:
            dv.add(f"{letter}{i + 2}")


def _protect_and_print(ws, input_cells: list[str], landscape: bool, title_rows: str | None) -> None:
    """Lock every cell but the inputs (no password: it prevents slips, not intent), and set an A4 print layout."""
    from openpyxl.styles import Protection

    for ref in input_cells:
        ws[ref].protection = Protection(locked=False)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may still be changed to read long quotes
    ws.protection.formatRows = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = landscape
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&P / &N"


def _marker(wb, department: str, issued: dt.date, due: dt.date, cid: str, cover_first_field: int) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    for r, (key, value) in enumerate(
        [("marker", MARKER), ("version", MARKER_VERSION), ("department", department), ("call_id", cid),
         ("issued", issued.isoformat()), ("due", due.isoformat()), ("cover_sheet", COVER_SHEET),
         ("data_sheet", DATA_SHEET), ("cover_first_field_row", cover_first_field)],
        start=1,
    ):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=value)
    ws.sheet_state = "veryHidden"  # not listed under Excel's Unhide: it is the tool's, not the department's
    ws.protection.sheet = True
    wb.properties.keywords = MARKER
    wb.properties.subject = f"{MARKER} {cid}"


def write_workbook(path: Path, department: str, rows: pd.DataFrame, issued: dt.date, due: dt.date) -> Path:
    """One department's workbook: the cover (zh first, then en), the sheet of figures owed, the hidden marker."""
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = COVER_SHEET
    first = _cover(cover, department, rows, issued, due)
    data = wb.create_sheet(DATA_SHEET)
    _data(data, rows)
    _validate_values(data, rows)
    date_cell = f"B{first + len(COVER_FIELDS) - 1}"
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True,
                        showErrorMessage=True, error="请填写日期 Enter a date (YYYY-MM-DD)")
    cover.add_data_validation(dv)
    dv.add(date_cell)
    _protect_and_print(cover, [f"B{first + k}" for k in range(len(COVER_FIELDS))], landscape=False, title_rows=None)
    inputs = [f"{data.cell(row=1, column=c).column_letter}{r}" for r in range(2, len(rows) + 2)
              for c, (code, *_) in enumerate(DATA_COLUMNS, start=1) if code in INPUT_CODES]
    _protect_and_print(data, inputs, landscape=True, title_rows="1:1")
    _marker(wb, department, issued, due, call_id(department, issued), first)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def issue_call(owed: pd.DataFrame, out_dir: Path, *, issued: dt.date, due: dt.date,
               department: str | None = None) -> list[Call]:
    """Write one workbook per department that owes figures (only `department` if given) under
    `<out_dir>/data-call/`, record the calls in its manifest, and return them. A department owing nothing gets none."""
    folder = out_dir / DATA_CALL_DIR
    todo = owed[owed["state"] == "owed"]
    if department is not None:
        todo = todo[todo["department"] == department]
    calls = []
    for name, rows in todo.groupby("department", sort=True):
        path = write_workbook(folder / workbook_name(str(name), due), str(name), rows, issued, due)
        calls.append(Call(str(name), path.name, len(rows), issued, due, call_id(str(name), issued)))
    if calls:
        _save_manifest(folder, calls)
    return calls


def with_calls(owed: pd.DataFrame, calls: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """`owed` with each department's call: due date, workbook file, and whether an owed row is overdue."""
    by = calls.set_index("department") if len(calls) else pd.DataFrame(columns=["due", "file"])
    out = owed.assign(due=owed["department"].map(by["due"]), call_file=owed["department"].map(by["file"]))
    out["overdue"] = (out["state"] == "owed") & out["due"].notna() & (
        pd.to_datetime(out["due"]) < pd.Timestamp(as_of))
    return out


CONFLICT_COLUMNS = ("jurisdiction", "indicator", "year", "official_value", "official_file", "official_location",
                    "returned_value", "returned_file", "returned_location")

# An official statistic and a department return for the same series and year that disagree: the official figure is
# used (it ranks first in the assessment), and the pair is reported as a warning naming both.
_CONFLICTS_SQL = """
SELECT o.jurisdiction, o.indicator, CAST(o.year AS BIGINT) AS year,
    o.value AS official_value, o.source_file AS official_file, o.location AS official_location,
    r.value AS returned_value, r.source_file AS returned_file, r.location AS returned_location
FROM observations r
JOIN observations o ON o.jurisdiction = r.jurisdiction AND o.indicator = r.indicator AND o.year = r.year
    AND o.period_type = r.period_type AND o.confidence <> $returned AND o.figure_type = 'actual'
WHERE r.confidence = $returned AND r.figure_type = 'actual'
    AND abs(o.value - r.value) > 1e-9 * greatest(abs(o.value), 1)
ORDER BY ALL
"""


def return_conflicts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every (official, returned) pair of figures that disagree (CONFLICT_COLUMNS)."""
    return con.execute(_CONFLICTS_SQL, {"returned": RETURN_CONFIDENCE}).df()[list(CONFLICT_COLUMNS)]
