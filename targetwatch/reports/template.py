"""Template (long) reports: one row per figure, as departments fill in the bureau's return form.

Headers may be English or Chinese; leading lines starting with '#' are comments (the bundled files
cite their sources there; `# data: synthetic` marks a synthetic file). CSV in any detected encoding, or every
sheet of an XLSX workbook (a sheet without the template header is quarantined with the reason).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from targetwatch.limits import DEFAULT_LIMITS, LimitExceededError, Limits
from targetwatch.reports.encoding import detect_file
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
    _columns(list(df.columns), filename)  # the header's fault, if any, raised as the CSV path raises it
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


@dataclass
class CsvHead:
    """What the first lines of a CSV say: its encoding, the comment lines before the table, and the header."""

    encoding: str
    skip: int  # comment and blank lines before the header
    header: list[str]
    synthetic: bool


def _open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    return open(path, encoding=encoding, newline="")


def read_head(path: Path, encoding: str | None = None) -> CsvHead | None:
    """The encoding (detected by `encoding.detect_file`, which streams), leading comments and header line of a
    CSV; None when the file holds only comments and blank lines."""
    encoding = encoding or detect_file(path)
    comments: list[str] = []
    with _open_text(path, encoding) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                comments.append(line)
                continue
            header = [h.strip() for h in next(csv.reader([line], skipinitialspace=True), [])]
            return CsvHead(encoding, len(comments), header, any(declares_synthetic(c) for c in comments))
    return None


def iter_csv(path: Path, limits: Limits = DEFAULT_LIMITS, head: CsvHead | None = None) -> Iterator[RawBatch]:
    """Stream a template CSV as batches of raw rows (at most `limits.batch_rows` each), never the whole file.

    Each record is numbered by the line it starts on (blank lines count; a quoted cell may span lines). A record
    with more non-empty cells than the header is a rejected row; blank records are skipped. A record over the
    cells-per-row limit, a cell over the characters-per-cell limit or a file over the rows limit refuse the whole
    file (LimitExceededError), since its size is then not what a department's return looks like.
    """
    head = head or read_head(path)
    if head is None:
        raise UnreadableReportError(f"{path.name}: no template header line (the file holds only comments)")
    header, width = head.header, len(head.header)
    if width > limits.max_cells_per_row:
        raise LimitExceededError(path.name, "max_cells_per_row", width, limits.max_cells_per_row, "header")
    columns = _columns(header, path.name)
    previous_limit = csv.field_size_limit(limits.max_chars_per_cell)
    try:
        with _open_text(path, head.encoding) as f:
            for _ in range(head.skip + 1):  # comments and the header
                f.readline()
            reader = csv.reader(f, skipinitialspace=True)
            rows: list[list[str]] = []
            numbers: list[int] = []
            contents: list[str] = []
            rejected: list[dict] = []
            count, previous, first = 0, 0, head.skip + 1  # `first`: the header's line number
            try:
                for cells in reader:
                    line = first + previous + 1
                    previous = reader.line_num
                    if len(cells) > limits.max_cells_per_row:
                        raise LimitExceededError(path.name, "max_cells_per_row", len(cells),
                                                 limits.max_cells_per_row, f"line {line}")
                    if not "".join(cells).strip():
                        continue
                    count += 1
                    if count > limits.max_rows:
                        raise LimitExceededError(path.name, "max_rows", count, limits.max_rows, "counted so far")
                    if len(cells) > width and "".join(cells[width:]).strip():
                        rejected.append({"row_number": line, "location": f"line {line}",
                                         "raw_content": ",".join(cells),
                                         "reason": f"line {line} has {len(cells)} cells, the header has {width}"})
                    else:
                        if len(cells) != width:
                            cells = (cells + [""] * (width - len(cells)))[:width]
                        rows.append(cells)
                        numbers.append(line)
                        contents.append(",".join(cells))
                    if len(rows) + len(rejected) >= limits.batch_rows:
                        yield _batch(rows, numbers, contents, rejected, columns)
                        rows, numbers, contents, rejected = [], [], [], []
            except csv.Error as exc:
                if "field larger than field limit" in str(exc):
                    raise LimitExceededError(path.name, "max_chars_per_cell", None, limits.max_chars_per_cell,
                                             f"a cell on line {first + reader.line_num}") from exc
                raise UnreadableReportError(f"{path.name}: cannot be read as csv: {exc}") from exc
            yield _batch(rows, numbers, contents, rejected, columns)
    finally:
        csv.field_size_limit(previous_limit)


@dataclass
class RawBatch:
    """Some raw rows of one file (RAW_COLUMNS) and the rows its reader had to reject (REJECT_COLUMNS)."""

    rows: pd.DataFrame
    rejected: pd.DataFrame


def _columns(header: list[str], filename: str) -> list[str | None]:
    """The raw column of each header cell (None for a column the template does not know), or the header's fault."""
    mapped = [HEADERS.get(str(c).strip().lower()) for c in header]
    missing = [r for r in REQUIRED if r not in mapped]
    if missing:
        raise UnreadableReportError(
            f"{filename}: template header lacks columns {', '.join(missing)} (found: {', '.join(map(str, header))})"
        )
    twice = sorted({m for m in mapped if m and mapped.count(m) > 1})
    if twice:
        raise UnreadableReportError(f"{filename}: template header names {', '.join(twice)} more than once")
    return mapped


def _batch(rows: list[list[str]], numbers: list[int], contents: list[str], rejected: list[dict],
           columns: list[str | None]) -> RawBatch:
    cells = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    data = {col: list(cells[i]) for i, col in enumerate(columns) if col}
    data |= {"row_number": numbers, "location": [f"line {n}" for n in numbers], "raw_content": contents}
    return RawBatch(pd.DataFrame(data), pd.DataFrame(rejected))


def read_csv(path: Path, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """The whole file as one ReadResult (for small files and tests; ingestion streams `iter_csv`)."""
    head = read_head(path)
    if head is None:
        raise UnreadableReportError(f"{path.name}: no template header line (the file holds only comments)")
    batches = list(iter_csv(path, limits, head))
    return ReadResult(
        format="template_csv",
        rows=pd.concat([b.rows for b in batches], ignore_index=True),
        rejected=pd.concat([b.rejected for b in batches if len(b.rejected)] or [pd.DataFrame()], ignore_index=True),
        encoding=head.encoding,
        synthetic=head.synthetic,
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
            rejected.append({
                "sheet": sheet, "row_number": 1, "location": f"{sheet}!row 1",
                "raw_content": ",".join(header),
                "reason": (f"sheet {sheet} does not have the template's columns ({_REQUIRED_NAMES}), "
                           f"so its {len(df)} row(s) were not read"),
            })
    return ReadResult(format="template_xlsx", rows=pd.concat(frames, ignore_index=True),
                      rejected=pd.DataFrame(rejected), encoding="xlsx")
