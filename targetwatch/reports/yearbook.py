"""Yearbook tables (wide): indicators as rows, years as columns, as yearbooks and bulletins print them.

    山西省主要科技指标                       <- title row(s): jurisdiction, SYNTHETIC, 单位：…
    指标            单位    2019年  2020年   <- header row(s), merged cells allowed; years as 2019 / 2019年
    高新技术企业①    家      2405    3192    <- one raw row per value cell: Sheet1!C5, Sheet1!D5
    R&D经费（亿元）          191.2   211.1   <- the unit may sit in the label …
    注：① 年末数。                          <- note rows below

Each value cell becomes one raw row (sheet, row, the year header as column_name, location `Sheet1!C5` or `C5`
for CSV). A cell written as a missing mark (empty, —, …) is not a figure: it becomes no row and is only
counted (`ReadResult.missing_values`). A cell with text that is not a number is rejected, naming the cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from openpyxl.utils import get_column_letter

from targetwatch.reports.encoding import decode
from targetwatch.reports.model import (
    GENERIC_JURISDICTIONS,
    Aliases,
    ReadResult,
    UnreadableReportError,
    find_release_date,
    title_says_synthetic,
)
from targetwatch.reports.rule_failures import guarded
from targetwatch.reports.template import read_lines
from targetwatch.units import (
    fold_with_offsets,
    normalise_text,
    parse_number,
    parse_year,
    split_value_unit,
    strip_footnotes,
    to_simplified,
    written_unit,
)

# Header words that give a column its role (folded: NFKC, lower case, simplified).
LABEL_HEADERS = frozenset({"指标", "项目", "指标名称", "名称", "indicator", "item"})
UNIT_HEADERS = frozenset({"单位", "计量单位", "unit", "units"})
JURISDICTION_HEADERS = frozenset(
    {"地区", "地市", "省份", "地区名称", "市州", "城市", "行政区划", "jurisdiction", "region"}
)

_YEAR_HEADER = re.compile(
    r"^(?P<year>(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年?(?:末|底|年末|年底)?"
    r"(?P<partial>上半年|前三季度|一季度|第一季度|1-\d{1,2}月|1至\d{1,2}月)?"
    r"(?:\((?P<qualifier>预计|预测|计划|目标|初步|快报|初步核算)数?\))?$"
)
_FORECAST_QUALIFIERS = frozenset({"预计", "预测", "计划", "目标"})
_MARKS = re.compile(r"[*＊①②③④⑤⑥⑦⑧⑨⑩†‡]")
_LEADING = re.compile(r"^(?:[#＃·•\-—]+|其中[:：]?)+")
_TRAILING_PAREN = re.compile(r"^(?P<base>.*?)\s*[（(](?P<inner>[^（）()]*)[)）]\s*$")
_NOTE = re.compile(r"^(?:注|註|说明|說明|资料来源|資料來源|数据来源|數據來源|备注|備註|附注|附註|source|note)", re.I)
_UNIT_NOTE = re.compile(r"(?:单位|單位)\s*[:：]\s*(?P<unit>[^\s,，;；)）]+)")


@dataclass(frozen=True)
class YearColumn:
    col: int
    header: str  # as written
    year: int
    period_type: str
    figure_type: str


@dataclass
class Grid:
    """One sheet (or a CSV file) as text cells, with the file's row numbers and merged ranges."""

    sheet: str | None
    cells: list[list[str]]
    row_numbers: list[int]
    raw_rows: list[str] | None = None  # CSV: the lines as written
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based inclusive r0, c0, r1, c1

    def cell(self, r: int, c: int) -> str:
        row = self.cells[r]
        return row[c] if c < len(row) else ""


def year_header(text: str) -> YearColumn | None:
    """'2019', '2019年', '2019年末', '2020年（预计）', '2021年1-6月' -> (year, period, figure type); else None."""
    s = normalise_text(_MARKS.sub("", str(text)))
    if (y := parse_year(s)) is not None:
        return YearColumn(-1, str(text), y, "annual", "actual")
    m = _YEAR_HEADER.match(to_simplified(s))
    if not m:
        return None
    year = parse_year(m.group("year"))
    if year is None:
        return None
    return YearColumn(
        -1,
        str(text),
        year,
        "partial" if m.group("partial") else "annual",
        "forecast" if m.group("qualifier") in _FORECAST_QUALIFIERS else "actual",
    )


def _fold(text: str) -> str:
    return to_simplified(normalise_text(_MARKS.sub("", text)).lower())


def _split_unit(label: str) -> tuple[str, str | None]:
    """'高新技术企业（家）' -> ('高新技术企业', '家'); a trailing bracket that is no unit stays in the label."""
    m = _TRAILING_PAREN.match(label)
    if not m:
        return label, None
    inner = m.group("inner").strip()
    note = _UNIT_NOTE.search(normalise_text(inner))
    if note:
        return m.group("base").strip(), note.group("unit")
    if written_unit(inner) is not None:
        return m.group("base").strip(), inner
    return label, None


def clean_label(text: str) -> str:
    """Drop footnote marks, indentation and '其中：' from an indicator label."""
    return _LEADING.sub("", _MARKS.sub("", text).strip()).strip()


def _csv_line(cells: list[str]) -> str:
    buf = io.StringIO()
    while cells and not cells[-1]:
        cells = cells[:-1]
    csv.writer(buf, lineterminator="").writerow(cells)
    return buf.getvalue()


def _find_year_row(grid: Grid) -> tuple[int, list[YearColumn]] | None:
    """The first row with year headers, a label column to their left (a header cell or labels below), and more
    than a lone year (a date line such as '2019年' at the right of a title)."""
    covered = {
        (r, c)
        for r0, c0, r1, c1 in grid.merges
        if grid.cell(r0, c0).strip()
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
    }
    for r, row in enumerate(grid.cells):
        years = []
        for c, text in enumerate(row):
            if text.strip() and (y := year_header(text)) is not None:
                years.append(YearColumn(c, text.strip(), y.year, y.period_type, y.figure_type))
        if not years:
            continue
        width = max([len(row), *(c + 1 for (k, c) in covered if k == r)])
        if len(years) == 1 and sum(1 for c in range(width) if grid.cell(r, c).strip() or (r, c) in covered) < 2:
            continue
        first = min(y.col for y in years)
        below = range(r + 1, len(grid.cells))
        label_here = any(grid.cell(r, c).strip() or (r, c) in covered for c in range(first))
        if label_here or any(grid.cell(k, c).strip() for k in below for c in range(first)):
            return r, years
    return None


def _fill_merges(grid: Grid, rows: range, cols_excluded: set[int]) -> list[list[str]]:
    """A copy of the cells where each merged range inside `rows` repeats its top-left text (not in value columns)."""
    filled = [list(row) for row in grid.cells]
    width = max((len(r) for r in filled), default=0)
    for row in filled:
        row.extend([""] * (width - len(row)))
    for r0, c0, r1, c1 in grid.merges:
        if r0 >= len(filled) or c0 >= width:
            continue
        text = filled[r0][c0]
        for r in range(max(r0, rows.start), min(r1, rows.stop - 1, len(filled) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                if c not in cols_excluded and not filled[r][c]:
                    filled[r][c] = text
    return filled


def read_grid(
    grid: Grid, *, fmt: str, aliases: Aliases | None, meta: Mapping[str, Any]
) -> tuple[list[dict], list[dict], dict[str, Any]] | None:
    """Raw rows and rejects of one sheet; None when the sheet has no header row with years."""
    found = _find_year_row(grid)
    if found is None:
        return None
    year_row, years = found
    year_cols = {y.col for y in years}
    first_header = year_row
    while first_header > 0 and sum(1 for t in grid.cells[first_header - 1] if t.strip()) >= 2:
        first_header -= 1
    header = _fill_merges(grid, range(first_header, year_row + 1), set())
    data = _fill_merges(grid, range(year_row + 1, len(grid.cells)), year_cols)
    preamble = [t.strip() for row in grid.cells[:first_header] for t in row if t.strip()]
    title = preamble[0] if preamble else None

    width = len(header[0]) if header else 0
    head_text = {
        c: "".join(dict.fromkeys(header[r][c].strip() for r in range(first_header, year_row + 1))) for c in range(width)
    }
    role_key = {c: _fold(_split_unit(t)[0] if _split_unit(t)[1] else t) for c, t in head_text.items()}
    unit_col = next((c for c in range(width) if c not in year_cols and role_key[c] in UNIT_HEADERS), None)
    juris_col = next((c for c in range(width) if c not in year_cols and role_key[c] in JURISDICTION_HEADERS), None)
    label_col = next((c for c in range(width) if c not in year_cols and role_key[c] in LABEL_HEADERS), None)
    first_year = min(year_cols)
    data_rows = range(year_row + 1, len(grid.cells))
    if label_col is None:
        taken = {unit_col, juris_col}
        label_col = next(
            (c for c in range(first_year) if c not in taken and any(data[r][c].strip() for r in data_rows)), None
        )

    # A unit for the whole table: '单位：万元' above or in the header, '（万人）' after the title or label header.
    table_unit = next(
        (m.group("unit") for t in [*preamble, *head_text.values()] if (m := _UNIT_NOTE.search(normalise_text(t)))), None
    )
    if table_unit is None:
        label_head = [head_text[label_col]] if label_col is not None else []
        table_unit = next((u for t in [*preamble, *label_head] if (u := _split_unit(t)[1])), None)

    doc_jurisdiction = str(meta["jurisdiction"]) if meta.get("jurisdiction") else None
    if doc_jurisdiction is None and aliases is not None and preamble:
        doc_jurisdiction = aliases.first_jurisdiction("\n".join(preamble))
    title_indicator = None
    if aliases is not None and preamble:
        folded, index = fold_with_offsets(title or "")
        hits = aliases.find_folded(folded, "indicator")
        if hits:
            title_indicator = (title or "")[index[hits[0].start] : index[hits[0].end - 1] + 1]

    rows: list[dict] = []
    rejected: list[dict] = []
    missing = 0
    notes: list[str] = []
    for r in data_rows:
        line = grid.row_numbers[r]
        raw = grid.raw_rows[r] if grid.raw_rows is not None else _csv_line(list(grid.cells[r]))
        present, blanks = [], 0
        for y in years:
            text = grid.cell(r, y.col).strip()
            try:
                if parse_number(text) is None:
                    blanks += 1
                    continue
            except ValueError:
                pass
            present.append((y, text))
        label_cell = data[r][label_col].strip() if label_col is not None else ""
        if present or (label_cell and not _NOTE.match(normalise_text(label_cell))):
            missing += blanks  # missing marks in an indicator row (not in note or empty rows)
        if not present:
            notes.append(" ".join(t for t in data[r] if t.strip()))
            continue
        label, label_unit = _split_unit(clean_label(data[r][label_col]) if label_col is not None else "")
        m = _TRAILING_PAREN.match(label) if label_unit is None and aliases is not None else None
        if m and _fold(m.group("base")) in aliases.indicators:  # a known indicator with an unknown unit: split
            label, label_unit = m.group("base").strip(), m.group("inner").strip()
        row_unit = strip_footnotes(data[r][unit_col]).strip() if unit_col is not None else ""
        row_unit = row_unit or label_unit or table_unit or ""
        indicator = label or (title_indicator if label_col is None else "")
        jurisdiction = strip_footnotes(data[r][juris_col]).strip() if juris_col is not None else ""
        jurisdiction = jurisdiction or doc_jurisdiction or ""
        for y, text in present:
            where = f"{get_column_letter(y.col + 1)}{line}"
            location = f"{grid.sheet}!{where}" if grid.sheet else where
            base = {"sheet": grid.sheet, "row_number": line, "location": location, "raw_content": raw}
            value, unit, problem = _value(text, row_unit)
            if problem is None and not indicator:
                problem = (
                    f"a figure with no indicator label in column {get_column_letter(label_col + 1)}"
                    if label_col is not None
                    else "a figure with no indicator (no 指标 column, none named in the title)"
                )
            if problem is None and _fold(jurisdiction) in GENERIC_JURISDICTIONS:
                if doc_jurisdiction is None:
                    problem = (
                        f"{jurisdiction!r} names the document's own jurisdiction, but the file states none "
                        "(name it in the title or give `jurisdiction:` in a sidecar)"
                    )
                else:
                    jurisdiction = doc_jurisdiction
            if problem is None and not jurisdiction:
                problem = (
                    "no jurisdiction: no 地区 column, none named in the title rows, no `jurisdiction:` in a "
                    "sidecar .meta.yaml"
                )
            if problem is not None:
                rejected.append(base | {"reason": f"cell {where}: {problem}"})
                continue
            rows.append(
                base
                | {
                    "column_name": y.header,
                    "jurisdiction_raw": jurisdiction,
                    "indicator_raw": indicator,
                    "year_raw": str(y.year),
                    "value_raw": value,
                    "unit_raw": unit,
                    "period_type": y.period_type,
                    "figure_type": y.figure_type,
                    "source_title": title,
                }
            )
    info = {
        "title": title,
        "missing": missing,
        "synthetic": any(title_says_synthetic(t) for t in preamble),
        "release_date": find_release_date("\n".join(preamble + notes)),
        "format": fmt,
    }
    return rows, rejected, info


def _value(text: str, row_unit: str) -> tuple[str, str, str | None]:
    """(value as written, unit as written, problem). A unit written in the cell ('265亿元', '1.22%') wins."""
    core = strip_footnotes(text.strip())
    try:
        parse_number(core)
        return text.strip(), row_unit, None
    except ValueError:
        pass
    number, unit = split_value_unit(core)
    if unit and written_unit(unit) is not None:
        try:
            if parse_number(number) is not None:
                return number, unit, None
        except ValueError:
            pass
    return core, row_unit, f"{text!r} is not a number"


def _combine(
    path: Path,
    grids: list[Grid],
    fmt: str,
    encoding: str,
    aliases: Aliases | None,
    meta: Mapping[str, Any],
    synthetic: bool = False,
) -> ReadResult:
    rows: list[dict] = []
    rejected: list[dict] = []
    infos = []
    unread = []
    failed = False
    for grid in grids:
        # a rule that raises on one sheet quarantines that sheet, never the workbook (rule_failures.py, round 17)
        name = grid.sheet or path.name
        out, failure = guarded(
            lambda g=grid: read_grid(g, fmt=fmt, aliases=aliases, meta=meta),  # type: ignore[misc]
            path.name, f"sheet {name!r}", "the figures of this sheet are not read",
        )
        if failure:
            rejected += [f | {"sheet": grid.sheet} for f in failure]
            failed = True
            continue
        if out is None:
            if any(t.strip() for row in grid.cells for t in row):
                unread.append(grid)
            continue
        rows += out[0]
        rejected += out[1]
        infos.append(out[2])
    if not infos and not failed:
        raise UnreadableReportError(
            f"{path.name}: no yearbook table found: no header row with years (2019, 2019年) to the right of "
            "indicator labels, and no template header (jurisdiction, indicator, year, value, unit)"
        )
    for grid in unread:
        name = grid.sheet or path.name
        rejected.append(
            {
                "sheet": grid.sheet,
                "row_number": None,
                "location": name,
                "raw_content": "",
                "reason": f"sheet {name!r} has no header row with years; not read",
            }
        )
    return ReadResult(
        format=fmt,
        rows=rows,  # type: ignore[arg-type]
        rejected=rejected,  # type: ignore[arg-type]
        encoding=encoding,
        release_date=next((i["release_date"] for i in infos if i["release_date"]), None),
        title=next((i["title"] for i in infos if i["title"]), None),
        synthetic=synthetic or any(i["synthetic"] for i in infos),
        missing_values=sum(i["missing"] for i in infos),
    )


def read_csv(path: Path, aliases: Aliases | None = None, meta: Mapping[str, Any] | None = None) -> ReadResult:
    """A yearbook table saved as CSV (any detected encoding); leading '#' lines are comments."""
    text, encoding = decode(path.read_bytes(), path.name)
    lines, skip, synthetic = read_lines(text)
    body = lines[skip:]
    reader = csv.reader(io.StringIO("\n".join(body)), skipinitialspace=True)
    cells, numbers, raws = [], [], []
    previous = 0
    try:
        for record in reader:
            start = previous + 1
            previous = reader.line_num
            cells.append([c.strip() for c in record])
            numbers.append(skip + start)
            raws.append("\n".join(body[start - 1 : previous]))
    except csv.Error as exc:
        raise UnreadableReportError(f"{path.name}: cannot be read as csv: {exc}") from exc
    grid = Grid(sheet=None, cells=cells, row_numbers=numbers, raw_rows=raws)
    return _combine(path, [grid], "yearbook_csv", encoding, aliases, meta or {}, synthetic)


def _excel_text(value: Any, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        percent = "%" in str(number_format)
        v = round(float(value) * 100, 10) if percent else float(value)
        if not np.isfinite(v):
            return str(v)
        text = str(int(v)) if v.is_integer() and abs(v) < 1e16 else np.format_float_positional(v, trim="-")
        return text + ("%" if percent else "")
    return str(value)


def read_xlsx(path: Path, aliases: Aliases | None = None, meta: Mapping[str, Any] | None = None) -> ReadResult:
    """Every sheet of a workbook (.xlsx/.xlsm with merged cells through openpyxl; .xls through calamine)."""
    grids = []
    try:
        if path.suffix.lower() == ".xls":
            from python_calamine import CalamineWorkbook

            wb = CalamineWorkbook.from_path(str(path))
            for name in wb.sheet_names:
                values = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
                cells = [[_excel_text(v) for v in row] for row in values]
                grids.append(Grid(sheet=name, cells=cells, row_numbers=list(range(1, len(cells) + 1))))
        else:
            import openpyxl

            wb = openpyxl.load_workbook(path, data_only=True)
            for ws in wb.worksheets:
                cells = [
                    [_excel_text(c.value, c.number_format) for c in row]
                    for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column)
                ]
                merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
                grids.append(
                    Grid(sheet=ws.title, cells=cells, row_numbers=list(range(1, len(cells) + 1)), merges=merges)
                )
    except UnreadableReportError:
        raise
    except Exception as exc:  # a broken workbook is a whole-file problem, named with the library's reason
        raise UnreadableReportError(f"{path.name}: cannot be read as {path.suffix.lower()[1:]}: {exc}") from exc
    return _combine(path, grids, "yearbook_xlsx", "xlsx", aliases, meta or {})
