"""Template (long) reports: one row per figure, as departments fill in the bureau's return form.

Headers may be English or Chinese; leading lines starting with '#' are comments (the bundled files
cite their sources there; `# data: synthetic` marks a synthetic file). CSV in any detected encoding, or every
sheet of an XLSX workbook (a sheet without the template header is quarantined with the reason).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook, SheetTypeEnum

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
    columns = header_columns(header, path.name)
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


def header_columns(header: list[str], filename: str) -> list[str | None]:
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


def _cell_text(value: object) -> str:
    """A cell as the text pandas' `read_excel(dtype=str)` gave before the reader streamed: a whole float as an
    integer ('2020', not '2020.0'), a date as its timestamp, an empty cell as ''."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return str(pd.Timestamp(value))
    if isinstance(value, dt.timedelta):  # a duration-formatted cell; beyond pandas' ±292 years, Python's own text
        return str(pd.Timedelta(value)) if -_TIMEDELTA_MAX <= value <= _TIMEDELTA_MAX else str(value)
    return str(value)


# pd.Timedelta holds ±292 years of nanoseconds; python-calamine gives a duration cell as any timedelta up to 999,999,999
# days (500000000 in a [h]:mm:ss cell), which pd.Timedelta refuses (OutOfBoundsTimedelta) and which stopped the whole
# workbook before round 18 of issue 17. Its text then goes to the normaliser like any cell, which quarantines it.
_TIMEDELTA_MAX = pd.Timedelta.max.to_pytimedelta()
# What python-calamine raises for one row whose cell it cannot convert, and then reads on from the next row: a duration
# beyond Python's timedelta (OverflowError: days=2000000000; must have magnitude <= 999999999).
_CELL_ERRORS = (OverflowError, ValueError)


def _sheet_rows(sheet: object) -> Iterator[list | Exception]:
    """A sheet's rows in order; a row python-calamine cannot convert comes as its exception, in its place, so that row
    is quarantined by its number and the sheet is read on (the other rows neither stop nor vanish)."""
    rows = sheet.iter_rows()  # type: ignore[attr-defined]
    while True:
        try:
            yield next(rows)
        except StopIteration:
            return
        except _CELL_ERRORS as exc:
            yield exc


def _xlsx_header(cells: tuple) -> list[str]:
    """The header row's texts without the trailing empty cells a sheet's dimension pads it with."""
    header = [_cell_text(c).strip() for c in cells]
    while header and not header[-1]:
        header.pop()
    return header


def xlsx_is_template(path: Path) -> bool:
    """True when the first non-blank row of the workbook's first worksheet is the template's header. Read by
    python-calamine, as `iter_xlsx` reads the sheets (openpyxl's read-only mode took about 0.15 s a workbook here:
    it parses the whole shared-strings table and the sheet's dimensions first)."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        sheets = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        if not sheets:
            return False
        for cells in _sheet_rows(book.get_sheet_by_name(sheets[0])):
            if isinstance(cells, Exception):
                return False  # a first row that cannot be read is no template header
            if any(_cell_text(c).strip() for c in cells):
                return is_template(_xlsx_header(cells))
        return False
    finally:
        book.close()


def iter_xlsx(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[RawBatch]:
    """Stream every sheet of a template workbook as batches of raw rows (at most `limits.batch_rows` each).

    python-calamine holds one sheet's cells at a time, compactly, outside Python (the zip's sizes were checked against
    the limits before this opens it), and Python sees them one batch at a time: a large return never becomes one
    frame. (openpyxl's read-only mode streams the XML itself, but took 11x the CPU: benchmarks/template_xlsx.py.)
    The first sheet, and any sheet with the template's header, is read like a template CSV: rows numbered by their
    row in the sheet, blank rows skipped, a row with non-empty cells beyond the header rejected.
    Any other sheet that holds something is quarantined whole with the reason (a workbook's second sheet is never
    silently lost). The limits on rows, cells per row and characters per cell refuse the whole file, as for a CSV."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        count = 0
        for index, name in enumerate(book.sheet_names):
            sheet = book.get_sheet_by_name(name)
            top = sheet.start[0] + 1 if sheet.start else 1  # the sheet row of the used range's first row
            rows_iter = _sheet_rows(sheet)
            first = next(rows_iter, None)
            header = _xlsx_header(() if first is None or isinstance(first, Exception) else first)
            if index > 0 and not is_template(header):
                held = sum(1 for cells in rows_iter
                           if isinstance(cells, Exception) or any(_cell_text(c).strip() for c in cells))
                if header or held:
                    reason = (f"sheet {name} does not have the template's columns ({_REQUIRED_NAMES}), "
                              f"so its {held} row(s) were not read")
                    yield RawBatch(pd.DataFrame(), pd.DataFrame([{
                        "sheet": name, "row_number": top, "location": f"{name}!row {top}",
                        "raw_content": ",".join(h for h in header if h), "reason": reason}]))
                continue
            width = len(header)
            if width > limits.max_cells_per_row:
                raise LimitExceededError(path.name, "max_cells_per_row", width, limits.max_cells_per_row,
                                         f"{name}!row {top}")
            columns = header_columns(header, path.name)
            rows: list[list[str]] = []
            numbers: list[int] = []
            contents: list[str] = []
            rejected: list[dict] = []
            for number, cells in enumerate(rows_iter, start=top + 1):
                if isinstance(cells, Exception):
                    count += 1
                    rejected.append({"sheet": name, "row_number": number, "location": f"{name}!row {number}",
                                     "raw_content": "",
                                     "reason": f"{name}!row {number}: a cell cannot be read "
                                               f"({type(cells).__name__}: {cells})"})
                    continue
                if len(cells) > limits.max_cells_per_row:
                    raise LimitExceededError(path.name, "max_cells_per_row", len(cells), limits.max_cells_per_row,
                                             f"{name}!row {number}")
                texts = [_cell_text(c) for c in cells]
                longest = max((len(t) for t in texts), default=0)
                if longest > limits.max_chars_per_cell:
                    raise LimitExceededError(path.name, "max_chars_per_cell", longest, limits.max_chars_per_cell,
                                             f"a cell of {name}!row {number}")
                if not "".join(texts).strip():
                    continue
                count += 1
                if count > limits.max_rows:
                    raise LimitExceededError(path.name, "max_rows", count, limits.max_rows, "counted so far")
                if len(texts) > width and "".join(texts[width:]).strip():
                    wide = len(texts) - next(i for i, t in enumerate(reversed(texts)) if t.strip())
                    rejected.append({"sheet": name, "row_number": number, "location": f"{name}!row {number}",
                                     "raw_content": ",".join(texts[:wide]),
                                     "reason": f"{name}!row {number} has {wide} cells, the header has {width}"})
                else:
                    texts = (texts + [""] * (width - len(texts)))[:width]
                    rows.append(texts)
                    numbers.append(number)
                    contents.append(",".join(texts))
                if len(rows) + len(rejected) >= limits.batch_rows:
                    yield _sheet_batch(rows, numbers, contents, rejected, columns, name)
                    rows, numbers, contents, rejected = [], [], [], []
            yield _sheet_batch(rows, numbers, contents, rejected, columns, name)
    finally:
        book.close()


def _sheet_batch(rows: list[list[str]], numbers: list[int], contents: list[str], rejected: list[dict],
                 columns: list[str | None], sheet: str) -> RawBatch:
    batch = _batch(rows, numbers, contents, rejected, columns)
    batch.rows["sheet"] = sheet
    batch.rows["location"] = [f"{sheet}!row {n}" for n in numbers]
    return batch


def read_xlsx(path: Path, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """The whole workbook as one ReadResult (for small files and tests; ingestion streams `iter_xlsx`)."""
    batches = list(iter_xlsx(path, limits))
    return ReadResult(
        format="template_xlsx",
        rows=pd.concat([b.rows for b in batches if len(b.rows)] or [pd.DataFrame()], ignore_index=True),
        rejected=pd.concat([b.rejected for b in batches if len(b.rejected)] or [pd.DataFrame()], ignore_index=True),
        encoding="xlsx",
    )
