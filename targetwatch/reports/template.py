"""Template (long) reports: one row per figure, as departments fill in the bureau's return form.

Headers may be English or Chinese; leading lines starting with '#' are comments (the bundled files
cite their sources there). CSV in any detected encoding, or the first sheet of an XLSX workbook.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from targetwatch.reports.encoding import decode
from targetwatch.reports.model import ReadResult, UnreadableReportError

# Accepted header spellings -> raw column. One list, used by detection and reading.
HEADERS: dict[str, str] = {
    "jurisdiction": "jurisdiction_raw",
    "地区": "jurisdiction_raw",
    "地區": "jurisdiction_raw",
    "indicator": "indicator_raw",
    "指标": "indicator_raw",
    "指標": "indicator_raw",
    "year": "year_raw",
    "年份": "year_raw",
    "年度": "year_raw",
    "value": "value_raw",
    "数值": "value_raw",
    "數值": "value_raw",
    "unit": "unit_raw",
    "单位": "unit_raw",
    "單位": "unit_raw",
    "source": "source_title",
    "source_title": "source_title",
    "来源": "source_title",
    "來源": "source_title",
    "source_ref": "source_ref",
    "出处": "source_ref",
    "出處": "source_ref",
    "release_date": "release_date_raw",
    "发布日期": "release_date_raw",
    "發布日期": "release_date_raw",
    "confidence": "confidence",
    "可信度": "confidence",
    "period_type": "period_type",
    "period": "period_type",
    "统计期": "period_type",
    "figure_type": "figure_type",
    "数据类型": "figure_type",
    "notes": "notes",
    "备注": "notes",
    "備註": "notes",
}
REQUIRED = ("jurisdiction_raw", "indicator_raw", "year_raw", "value_raw", "unit_raw")


def is_template(columns: list[str]) -> bool:
    mapped = {HEADERS.get(str(c).strip().lower()) for c in columns}
    return all(r in mapped for r in REQUIRED)


def _frame(df: pd.DataFrame, first_data_line: int, filename: str, sheet: str | None) -> pd.DataFrame:
    missing = [r for r in REQUIRED if r not in {HEADERS.get(str(c).strip().lower()) for c in df.columns}]
    if missing:
        raise UnreadableReportError(
            f"{filename}: template header lacks columns {', '.join(missing)} (found: {', '.join(map(str, df.columns))})"
        )
    raw_content = df.astype(str).agg(",".join, axis=1)
    out = df.rename(columns=lambda c: HEADERS.get(str(c).strip().lower(), f"extra:{c}"))
    out = out[[c for c in out.columns if not c.startswith("extra:")]].copy()
    out["row_number"] = range(first_data_line, first_data_line + len(out))
    out["sheet"] = sheet
    out["location"] = (f"{sheet}!row " if sheet else "line ") + out["row_number"].astype(str)
    out["raw_content"] = raw_content.values
    return out


def read_csv(path: Path) -> ReadResult:
    text, encoding = decode(path.read_bytes(), path.name)
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    body = "\n".join(lines[skip:])
    df = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False, skipinitialspace=True)
    return ReadResult(format="template_csv", rows=_frame(df, skip + 2, path.name, None), encoding=encoding)


def read_xlsx(path: Path, sheet_name: str | int = 0) -> ReadResult:
    df = pd.read_excel(path, sheet_name=sheet_name, dtype=str, engine="calamine", keep_default_na=False)
    sheet = sheet_name if isinstance(sheet_name, str) else pd.ExcelFile(path, engine="calamine").sheet_names[0]
    return ReadResult(format="template_xlsx", rows=_frame(df, 2, path.name, sheet), encoding="xlsx")
