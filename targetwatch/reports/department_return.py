"""Department returns: a data-call workbook (targetwatch.data_call) filled in by a department and dropped in the
reports folder.

The form's layout is defined here, once, for the writer and this reader (and so it is part of the parse cache's
reader version). A return is recognised by the hidden marker sheet the writer puts in every workbook, never by its
file name: departments rename files. Each filled value cell becomes a raw row with the department, the person who
filled it in, the reviewer and the date from the cover, and the file, sheet and cell it stands in; its confidence is
`department-reported`. A row left empty is not read at all (it is neither a figure nor a rejected row: the figure
stays owed).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from targetwatch import vocab
from targetwatch.reports.model import ReadResult, UnreadableReportError

MARKER_SHEET = "_targetwatch"  # a very hidden sheet of key/value rows
MARKER = "targetwatch-data-call"
MARKER_VERSION = 1
COVER_SHEET = "说明 Cover"
DATA_SHEET = "填报表 Figures"
RETURN_CONFIDENCE = vocab.DEPARTMENT_REPORTED  # the confidence of every figure read from a returned workbook
FORMAT = "department_return"

# The data sheet's columns: (code, Chinese label, width, filled in by the department). The header cell is
# "<label> <code>"; the reader finds the columns by the code (the last word), so a label may change.
DATA_COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("target_id", "目标编号", 30, False),
    ("jurisdiction", "地区代码", 10, False),
    ("jurisdiction_zh", "地区", 10, False),
    ("indicator", "指标代码", 24, False),
    ("indicator_zh", "指标", 28, False),
    ("year", "年份", 8, False),
    ("unit", "单位", 8, False),
    ("target", "目标", 36, False),
    ("quote", "政策原文", 48, False),
    ("value", "数值", 14, True),
    ("source", "数据来源", 28, True),
    ("notes", "备注", 28, True),
)
INPUT_CODES = tuple(c for c, _, _, inp in DATA_COLUMNS if inp)
REQUIRED_CODES = ("target_id", "jurisdiction", "indicator", "year", "unit", "value")

# The cover's fields for the people who fill in and check the workbook: (label, English). Column B holds the answer.
COVER_FIELDS: tuple[tuple[str, str], ...] = (
    ("填报单位", "Reporting department"),
    ("填报人", "Filled in by"),
    ("联系电话", "Telephone"),
    ("审核人", "Reviewed by"),
    ("填报日期", "Date filled in (YYYY-MM-DD)"),
)


def _sheets(path: Path) -> dict[str, pd.DataFrame]:
    return pd.read_excel(path, sheet_name=None, header=None, dtype=str, engine="calamine", keep_default_na=False)


def marker_of(path: Path, worksheets: list[str] | None = None) -> dict[str, str] | None:
    """The marker's key/value rows if `path` is a data-call workbook, else None (only the sheet names are read
    for any other workbook; with `worksheets`, the workbook's worksheet names already read, not even those)."""
    names = worksheets if worksheets is not None else pd.ExcelFile(path, engine="calamine").sheet_names
    if MARKER_SHEET not in names:
        return None
    grid = pd.read_excel(path, sheet_name=MARKER_SHEET, header=None, dtype=str, engine="calamine",
                         keep_default_na=False)
    marker = {str(r[0]).strip(): str(r[1]).strip() for r in grid.iloc[:, :2].itertuples(index=False)} \
        if grid.shape[1] >= 2 else {}
    return marker if marker.get("marker") == MARKER else None


def _code(header: str) -> str:
    """'数值 value' -> 'value': the code is the header's last word."""
    words = str(header).split()
    return words[-1].strip().lower() if words else ""


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _cover_fields(cover: pd.DataFrame) -> dict[str, str]:
    """The cover's answers by Chinese label (填报人 -> 张三); empty where not filled in."""
    out = {label: "" for label, _ in COVER_FIELDS}
    if cover.shape[1] < 2:
        return out
    for first, second in cover.iloc[:, :2].itertuples(index=False):
        label = str(first).split(" ")[0].strip()
        if label in out and not out[label]:
            out[label] = str(second).strip()
    return out


def _date(text: str) -> str | None:
    """A filled-in date as ISO (Excel dates arrive as '2027-01-10 00:00:00'), else None."""
    parsed = pd.to_datetime(text.strip(), errors="coerce", format="mixed") if text.strip() else pd.NaT
    return None if pd.isna(parsed) else parsed.date().isoformat()


def read_xlsx(path: Path) -> ReadResult:
    """Every filled value of a returned data-call workbook as a raw row, with the cover's provenance."""
    marker = marker_of(path)
    if marker is None:
        raise UnreadableReportError(f"{path.name}: not a data-call workbook (no {MARKER_SHEET} marker)")
    book = _sheets(path)
    data_sheet = marker.get("data_sheet", DATA_SHEET)
    if data_sheet not in book:
        raise UnreadableReportError(f"{path.name}: the data-call workbook has no sheet {data_sheet!r}")
    grid = book[data_sheet]
    if grid.empty:
        raise UnreadableReportError(f"{path.name}: sheet {data_sheet!r} is empty")
    codes = [_code(h) for h in grid.iloc[0]]
    missing = [c for c in REQUIRED_CODES if c not in codes]
    if missing:
        raise UnreadableReportError(f"{path.name}: sheet {data_sheet!r} lacks the columns {', '.join(missing)}")
    body = grid.iloc[1:].copy()
    body.columns = [c or f"_col{i}" for i, c in enumerate(codes)]
    for code in INPUT_CODES:
        if code not in body:
            body[code] = ""
    body["excel_row"] = range(2, len(body) + 2)
    filled = body[body["value"].str.strip() != ""]
    cover = _cover_fields(book.get(marker.get("cover_sheet", COVER_SHEET), pd.DataFrame()))
    department = cover["填报单位"] or marker.get("department", "")
    filled_on = _date(cover["填报日期"])
    letter = _column_letter(codes.index("value"))
    title = (f"部门报送 department return: {department}; 填报人 {cover['填报人'] or '—'}; "
             f"审核人 {cover['审核人'] or '—'}; 联系电话 {cover['联系电话'] or '—'}; 填报日期 {filled_on or '—'}")
    rows = pd.DataFrame({
        "sheet": data_sheet,
        "row_number": filled["excel_row"],
        "column_name": "value",
        "location": data_sheet + "!" + letter + filled["excel_row"].astype(str),
        "raw_content": filled[codes_present(codes)].astype(str).agg(",".join, axis=1) if len(filled) else [],
        "jurisdiction_raw": filled["jurisdiction"],
        "indicator_raw": filled["indicator"],
        "year_raw": filled["year"],
        "value_raw": filled["value"].str.strip(),
        "unit_raw": filled["unit"],
        "period_type": "annual",
        "figure_type": "actual",
        "release_date_raw": filled_on or "",
        "source_title": title,
        "source_ref": (f"data call {marker.get('call_id', '')} (due {marker.get('due', '')}); "
                       + "数据来源 source: " + filled["source"].str.strip().replace("", "—")),
        "confidence": RETURN_CONFIDENCE,
        "notes": filled["notes"].str.strip(),
    })
    return ReadResult(format=FORMAT, rows=rows, encoding="xlsx", release_date=filled_on,
                      title=f"{department} 数据征集回执 (data call {marker.get('call_id', '')})")


def codes_present(codes: list[str]) -> list[str]:
    """The data sheet's named columns, in order (for a row's raw content)."""
    return [c for c in codes if c]
