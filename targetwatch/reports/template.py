"""Template (long) reports: one row per figure, as departments fill in the bureau's return form.

Headers may be English or Chinese; leading lines starting with '#' are comments (the bundled files
cite their sources there; `# data: synthetic` marks a synthetic file). CSV in any detected encoding, or every
sheet of an XLSX workbook (a sheet without the template header is quarantined with the reason).
"""

from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import pandas as pd

from targetwatch.reports.encoding import decode
from targetwatch.reports.model import ReadResult, UnreadableReportError, declares_synthetic

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
_REQUIRED_NAMES = ", ".join(r.removesuffix("_raw") for r in REQUIRED)


def is_template(columns: list[str]) -> bool:
    mapped = {HEADERS.get(str(c).strip().lower()) for c in columns}
    return all(r in mapped for r in REQUIRED)


def _frame(df: pd.DataFrame, first_data_line: int | list[int], filename: str, sheet: str | None) -> pd.DataFrame:
    mapped = [HEADERS.get(str(c).strip().lower()) for c in df.columns]
    missing = [r for r in REQUIRED if r not in mapped]
    if missing:
        raise UnreadableReportError(
            f"{filename}: template header lacks columns {', '.join(missing)} (found: {', '.join(map(str, df.columns))})"
        )
    twice = sorted({m for m in mapped if m and mapped.count(m) > 1})
    if twice:
        raise UnreadableReportError(f"{filename}: template header names {', '.join(twice)} more than once")
    raw_content = [",".join(map(str, cells)) for cells in df.to_numpy().tolist()]
    out = df.rename(columns=lambda c: HEADERS.get(str(c).strip().lower(), f"extra:{c}"))
    out = out[[c for c in out.columns if not c.startswith("extra:")]].copy()
    if isinstance(first_data_line, int):
        out["row_number"] = range(first_data_line, first_data_line + len(out))
    else:
        out["row_number"] = first_data_line
    out["sheet"] = sheet
    prefix = f"{sheet}!row " if sheet else "line "
    out["location"] = [f"{prefix}{n}" for n in out["row_number"].tolist()]
    out["raw_content"] = raw_content
    return out


def read_lines(text: str) -> tuple[list[str], int, bool]:
    """Split off the leading comment and blank lines: (lines, index of the first table line, declares synthetic)."""
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    return lines, skip, any(declares_synthetic(line) for line in lines[:skip])


def _records_fast(lines: list[str], width: int) -> pd.DataFrame | None:
    """The data lines through pandas' C parser, when each line is one record of at most `width` cells; else None."""
    if not lines:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)  # pandas would drop surplus cells silently
            df = pd.read_csv(
                io.StringIO("\n".join(lines)),
                header=None,
                names=list(range(width + 1)),
                dtype=str,
                keep_default_na=False,
                skipinitialspace=True,
                skip_blank_lines=False,
                index_col=False,
            )
    except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError, csv.Error):
        return None  # a line with more cells than the header
    if len(df) != len(lines) or (df[width].fillna("") != "").any():
        return None  # a quoted cell spans lines, or a line has a surplus cell
    return df.drop(columns=[width]).fillna("")


def _records_slow(body: str, filename: str) -> list[tuple[int, list[str]]]:
    """(line the record starts on, cells) for every record, through the csv module."""
    reader = csv.reader(io.StringIO(body), skipinitialspace=True)
    parsed, previous = [], 0
    try:
        for row in reader:
            parsed.append((previous + 1, row))
            previous = reader.line_num
    except csv.Error as exc:
        raise UnreadableReportError(f"{filename}: cannot be read as csv: {exc}") from exc
    return parsed


def read_csv(path: Path) -> ReadResult:
    """Every data line becomes a raw row, or a rejected row when it has more cells than the header."""
    text, encoding = decode(path.read_bytes(), path.name)
    lines, skip, synthetic = read_lines(text)
    if skip >= len(lines):
        raise UnreadableReportError(f"{path.name}: no template header line (the file holds only comments)")
    header = [h.strip() for h in next(csv.reader([lines[skip]], skipinitialspace=True), [])]
    width = len(header)
    fast = _records_fast(lines[skip + 1 :], width) if width and '"' not in lines[skip] else None
    rejected = []
    if fast is not None:  # the common case: line k of the data is record k
        cells = fast.to_numpy().tolist()
        keep = [i for i, c in enumerate(cells) if "".join(c).strip()]  # a blank line is not a row
        df = pd.DataFrame([cells[i] for i in keep], columns=header, dtype=object)
        numbers = [skip + 2 + i for i in keep]
    else:
        parsed = _records_slow("\n".join(lines[skip:]), path.name)
        header = [h.strip() for h in parsed[0][1]]
        width = len(header)
        rows, numbers = [], []
        for line_num, cells in parsed[1:]:
            if not "".join(cells).strip():
                continue
            line = skip + line_num
            if len(cells) > width and "".join(cells[width:]).strip():
                rejected.append(
                    {
                        "row_number": line,
                        "location": f"line {line}",
                        "raw_content": ",".join(cells),
                        "reason": f"line {line} has {len(cells)} cells, the header has {width}",
                    }
                )
                continue
            rows.append((cells + [""] * (width - len(cells)))[:width])
            numbers.append(line)
        df = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header, dtype=object)
    return ReadResult(
        format="template_csv",
        rows=_frame(df, numbers, path.name, None),
        rejected=pd.DataFrame(rejected),
        encoding=encoding,
        synthetic=synthetic,
    )


def read_xlsx(path: Path) -> ReadResult:
    """Every sheet of the workbook: a sheet with the template's header is read like the first; any other sheet
    that holds something is quarantined whole with the reason (a workbook's second sheet is never silently lost)."""
    book = pd.read_excel(path, sheet_name=None, dtype=str, engine="calamine", keep_default_na=False)
    frames, rejected = [], []
    for i, (sheet, df) in enumerate(book.items()):
        if i == 0 or is_template([str(c) for c in df.columns]):
            frames.append(_frame(df, 2, path.name, sheet))
        elif len(df.columns) or len(df):
            header = [str(c) for c in df.columns if not str(c).startswith("Unnamed:")]
            rejected.append(
                {
                    "sheet": sheet,
                    "row_number": 1,
                    "location": f"{sheet}!row 1",
                    "raw_content": ",".join(header),
                    "reason": (
                        f"sheet {sheet} does not have the template's columns ({_REQUIRED_NAMES}), "
                        f"so its {len(df)} row(s) were not read"
                    ),
                }
            )
    return ReadResult(
        format="template_xlsx",
        rows=pd.concat(frames, ignore_index=True),
        rejected=pd.DataFrame(rejected),
        encoding="xlsx",
    )
