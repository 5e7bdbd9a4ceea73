"""Grids laid out with `|`: a head of column names, then rows of a name and as many numbers (issue 17, round 21).

Yearbook pages and ranking stories print their tables with `|` between cells, either one row a line

    2009年 | 2010年 | 2011年 | 2012年 | 2013年 | 2014年 | |
    研究与试验发展经费内部支出(万元) | 13878 | 21908 | 28348 | 79007 | 101695 | 123390 |

(u29_fj_2014_ningde_yearbook, dev since round 20: years across, indicators down), or the whole table in one line

    2020全国31省科研投入排行榜 … 地区 | R&D经费(亿元) | R&D经费投入强度(%) | 全国 | 24393.1 | 2.40 | 广东省 | 3479.9 | …

(u30_prov_2020_rd_table_ttpaihang, dev since round 21: indicators across, places down). Read sentence by sentence,
their cells were "not recognised" rows. Both are one shape once the cells are taken in order, line breaks and `|`
alike: n head cells, then at least three rows of a name and exactly n numbers. A cell is read only when all of this
holds:

* years across (every head cell a year, 2009 or 2009年): the row's name keys to one catalogue indicator and gives its
  unit in brackets; the row is not an "of which" part (`#女性`); the place is the sidecar's or is named in the cells
  before the head; the year is the column's;
* indicators across (every head cell names one indicator with its unit in brackets): the row's name is a place and
  nothing more (`广东省`, `宁夏省`, `全国`); the year is the one stated in the cells before the head (the table's
  title); with no year there, nothing is read.

An R&D expenditure name with `%` that holds 生产总值 or 强度 (`研究与试验发展经费内部支出占相当于国内生产总值比例(%)`,
`R&D经费投入强度(%)`) is, by the indicator's definition, the R&D intensity; with neither, it is no level. A cell
whose indicator, place, year, value and unit a row of the text already gives (a lead restating the table,
`广东省的R&D经费达到3479.9亿元`) is not read twice. Grids whose head
names no indicator and no year (population by sex, `年末数(万人) | 比重(%)`) give nothing. The rows are added after
the communiqué's own; a line whose every number was read leaves the quarantine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from targetwatch.reports.grammar import UNIT
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import Aliases, ReadResult
from targetwatch.reports.periods import YearBasis
from targetwatch.reports.plaintext import PlainText, sentences
from targetwatch.units import fold_with_offsets

_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_YEAR_HEAD = re.compile(r"((?:19|20)\d{2})年?")
_STATED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_BRACKETED = re.compile(r"\(([^()]{1,8})\)")
_ADMIN_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?")
_EXPENDITURE_NAME = "研究与试验发展经费"
_INTENSITY_NAME = "研究与试验发展经费投入强度"
_GENERIC = frozenset({"全省", "全市", "本省", "本市", "我省", "我市"})
_MIN_ROWS = 3
_MAX_COLUMNS = 12


@dataclass(frozen=True)
class Cell:
    text: str
    sentence: int
    start: int  # offsets in the plain text
    end: int

    @property
    def number(self) -> bool:
        return _NUMBER.fullmatch(self.text) is not None


def has_grid(text: str) -> bool:
    """Cheap test: a run of at least six `|`."""
    return text.count("|") >= 6


def _cells(plain: PlainText) -> list[list[Cell]]:
    """The non-empty cells of each block of consecutive sentences holding `|`, in order."""
    blocks: list[list[Cell]] = []
    current: list[Cell] = []
    for s in sentences(plain.text):
        if "|" not in s.text:
            if current:
                blocks.append(current)
            current = []
            continue
        offset = 0
        for piece in s.text.split("|"):
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                start = s.start + offset + lead
                current.append(Cell(piece.strip(), s.number, start, start + len(piece.strip())))
            offset += len(piece) + 1
    if current:
        blocks.append(current)
    return blocks


def _runs(cells: list[Cell]) -> list[tuple[int, int, int]]:
    """(first name's index, columns, rows) of each grid: n head cells that are not numbers, then rows of a name and
    exactly n numbers, at least three rows; the widest run wins where two overlap."""
    out: list[tuple[int, int, int]] = []
    p = 1
    while p < len(cells):
        best = (0, 0)
        for n in range(1, min(_MAX_COLUMNS, p) + 1):
            if any(c.number for c in cells[p - n : p]):
                break
            rows, q = 0, p
            while q + n < len(cells) and not cells[q].number and all(c.number for c in cells[q + 1 : q + 1 + n]):
                if q + 1 + n < len(cells) and cells[q + 1 + n].number:
                    break  # more numbers than columns: not this grid's row
                rows, q = rows + 1, q + 1 + n
            if rows >= _MIN_ROWS and rows * (n + 1) > best[0] * (best[1] + 1):
                best = (rows, n)
        if best[0]:
            out.append((p, best[1], best[0]))
            p += best[0] * (best[1] + 1)
        else:
            p += 1
    return out


def _indicator(text: str, keys: Any) -> tuple[str | None, str | None]:
    """The catalogue name a head or row name stands for, and the unit in its brackets; (None, None) otherwise."""
    folded = fold_with_offsets(text)[0]
    unit = next((u.group(1) for u in _BRACKETED.finditer(folded) if UNIT.fullmatch(u.group(1))), None)
    hits = [h for h in keys.find(folded) if h.code]
    codes = {h.code for h in hits}
    expenditure = keys.codes.get(normalised_key(_EXPENDITURE_NAME))
    intensity = keys.codes.get(normalised_key(_INTENSITY_NAME))
    if unit == "%" and expenditure in codes and codes <= {expenditure, intensity}:
        # R&D expenditure as a share of GDP (its 投入强度) is the intensity; a bare share of it is no level
        return (_INTENSITY_NAME, unit) if ("生产总值" in folded or "强度" in folded) else (None, None)
    if len(codes) == 1 and unit:
        return hits[0].key, unit
    return None, None


def _place_only(text: str, aliases: Aliases) -> str | None:
    """The place a row's name is, when it is a place's name and nothing more (`宁夏省`, `新疆维吾尔自治区`, `全国`)."""
    folded = fold_with_offsets(text)[0].replace(" ", "")
    if folded == "全国":
        return "全国"
    found = aliases.find_folded(folded, "jurisdiction")
    if len(found) != 1 or found[0].key in _GENERIC or found[0].start != 0:
        return None
    if not _ADMIN_SUFFIX.fullmatch(folded[found[0].end :]):
        return None
    return found[0].key


def _named_place(cells: list[Cell], aliases: Aliases) -> str | None:
    """The place the cells before a head name (a table's title), not a generic 全省 or 全市."""
    folded = fold_with_offsets(" ".join(c.text for c in cells))[0]
    found = [f for f in aliases.find_folded(folded, "jurisdiction") if f.key not in _GENERIC]
    return found[0].key if found else None


def grid_rows(
    plain: PlainText, keys: Any, aliases: Aliases, meta: Mapping[str, Any], now: int | None
) -> tuple[list[dict], set[int]]:
    """The rows read from `|` grids, and the sentences whose every number cell was read."""
    rows: list[dict] = []
    read: dict[int, int] = {}
    numbers: dict[int, int] = {}
    blocks = _cells(plain)
    for c in (c for block in blocks for c in block if c.number):
        numbers[c.sentence] = numbers.get(c.sentence, 0) + 1
    for block in blocks:
        for p, n, count in _runs(block):
            head, before = block[p - n : p], block[max(0, p - n - 2) : p - n]
            years = [_YEAR_HEAD.fullmatch(c.text) for c in head]
            columns = [_indicator(c.text, keys) for c in head]
            for r in range(count):
                name, cells = block[p + r * (n + 1)], block[p + r * (n + 1) + 1 : p + (r + 1) * (n + 1)]
                if all(years):
                    indicator, unit = _indicator(name.text, keys)
                    place = meta.get("jurisdiction") or _named_place(before, aliases)
                    if not indicator or name.text.startswith("#") or not place:
                        continue
                    stamps = [int(y.group(1)) for y in years if y]
                    found = [(indicator, unit, place, y, c) for y, c in zip(stamps, cells, strict=True)]
                elif all(i for i, _ in columns):
                    stated = [int(y) for c in before for y in _STATED_YEAR.findall(c.text)]
                    place = _place_only(name.text, aliases)
                    if not stated or not place:
                        continue
                    found = [(i, u, place, stated[-1], c) for (i, u), c in zip(columns, cells, strict=True)]
                else:
                    continue
                for indicator, unit, place, year, cell in found:
                    if now is not None and year > now:
                        continue
                    start, end = plain.source_span(cell.start, cell.end)
                    rows.append(
                        {
                            "row_number": cell.sentence,
                            "location": f"sentence {cell.sentence} [{start}:{end}]",
                            "char_start": start,
                            "char_end": end,
                            "raw_content": f"{name.text} {year}: {cell.text}",
                            "jurisdiction_raw": place,
                            "indicator_raw": indicator,
                            "year_raw": str(year),
                            "year_basis": YearBasis.STATED,
                            "value_raw": cell.text.replace(",", ""),
                            "unit_raw": unit,
                            "period_type": "annual",
                            "figure_type": "actual",
                            "source_title": plain.title,
                            "notes": "a table laid out with `|`: the year, indicator and place from its head and the "
                            "row's name",
                        }
                    )
                    read[cell.sentence] = read.get(cell.sentence, 0) + 1
    return rows, {n for n, k in read.items() if k == numbers.get(n)}


def _figure(row: Mapping[str, Any], code: Callable[[str], Any], place: Callable[[str], Any]) -> tuple:
    try:
        value = float(str(row.get("value_raw", "")).replace(",", ""))
    except ValueError:
        value = None
    return (
        code(str(row.get("indicator_raw", ""))),
        place(str(row.get("jurisdiction_raw", ""))),
        str(row.get("year_raw", "")),
        value,
        str(row.get("unit_raw", "")),
    )


def with_grid_tables(
    result: ReadResult,
    plain: PlainText,
    keys: Any,
    aliases: Aliases,
    meta: Mapping[str, Any],
    place: Callable[[str], Any],
) -> ReadResult:
    """`result` with the `|` grids' rows added (not those restating a row already read) and the lines whose every
    number was read taken out of the quarantine."""
    if not has_grid(plain.text):
        return result
    now = int(result.release_date[:4]) if result.release_date else None
    if meta.get("release_date"):
        now = int(str(meta["release_date"])[:4])
    rows, whole = grid_rows(plain, keys, aliases, meta, now)
    if not rows:
        return result
    code = lambda n: keys.codes.get(normalised_key(n))  # noqa: E731
    known = {_figure(r, code, place) for r in result.rows.to_dict("records")} if len(result.rows) else set()
    rows = [r for r in rows if _figure(r, code, place) not in known]
    if not rows:
        return result
    rejected = result.rejected
    reason = rejected["reason"].astype(str)
    unread = reason.str.startswith("not recognised") | reason.str.contains(r"^sentence \d+: not read", regex=True)
    result.rows = pd.concat([result.rows, pd.DataFrame(rows)], ignore_index=True)
    result.rejected = rejected[~(rejected["row_number"].isin(whole) & unread)].reset_index(drop=True)
    result.__post_init__()
    return result
