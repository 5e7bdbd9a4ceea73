"""A table flattened into text one cell a line: its years on the lines of its head, then each row's name (with its
unit in brackets) on a line, then one line per cell.

    1-1 全国科技经费指标(1999~2004)
    1999 |
    …
    2004 |
    R&D 经费支出(亿元) GERD (100 million yuan ) |
    678.9 |
    …

(u25_nat_2004_most_sti_tables, the science ministry's 1999-2004 table, dev since round 16.) Read sentence by sentence,
every cell is a "not recognised" row (grammar._unread_figures). Here a row is read only when all of this holds: at
least two year lines in a row; a name line followed by exactly as many cell lines as there are years; the name keys to
a catalogue indicator (the text's own keys); the unit stands in the name's brackets; the place is named in the two
lines before the years (or by the sidecar). Anything else stays quarantined. A row named 占国内生产总值的比重 (share of
GDP) right after the R&D expenditure's row is, by the indicator's definition, the R&D intensity.

The cells read leave the quarantine: their "not recognised" rows are dropped. The rows are added after the
communiqué's own (a cell line gives no other row, so no figure is read twice).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from targetwatch.reports.grammar import UNIT
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import Aliases, ReadResult
from targetwatch.reports.named_places import unknown_cities
from targetwatch.reports.periods import YearBasis
from targetwatch.reports.places import PLACE_IN_SENTENCE
from targetwatch.reports.plaintext import PlainText, sentences
from targetwatch.units import fold_with_offsets

_YEAR_LINE = re.compile(r"((?:19|20)\d{2})\s*\|?")
_CELL_LINE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*\|?")
# a cell in square brackets is an estimate (注:[]中数据为预计值或推算值, u36_wh_2013_2018_st_table_kjj): it holds
# its column's place in the row but is not read
_ANY_CELL = re.compile(r"\[?(\d[\d,]*(?:\.\d+)?)\]?\s*\|?")
# how far past a line that starts no row the next row may stand: a row's number, its group and the extra columns
# after its years (2018年同比增长率, 15城市排序) in 武汉市's table
_ROW_GAP = 6
_BRACKETED = re.compile(r"\(([^()]{1,8})\)")
_SHARE_OF_GDP = re.compile(r"^占国内生产总值的比重")
# after a row's name (武汉市's table, u36_wh_2013_2018_st_table_kjj): its share of GDP, and other measures of the thing
# named (成交量: contracts counted, not the turnover; 比重: a share)
_GDP_SHARE = re.compile(r"^[^占]{0,6}占(?:gdp|国内生产总值|地区生产总值)的?比重$")
_OTHER_MEASURE = re.compile(r"^量|^项数|比重")
_EXPENDITURE_NAME = "研究与试验发展经费"  # the catalogue name without its bracketed R&D
_INTENSITY_NAME = "研究与试验发展经费投入强度"


def has_flat_table(text: str) -> bool:
    """Cheap test: two year-only lines in a row."""
    return re.search(r"(?m)^\s*(?:19|20)\d{2}\s*\|?\s*\n\s*(?:19|20)\d{2}\s*\|?\s*$", text) is not None


def flat_table_rows(
    plain: PlainText, keys: Any, aliases: Aliases, meta: Mapping[str, Any], now: int | None
) -> tuple[list[dict], set[int]]:
    """The rows read from flattened tables, and the sentence numbers of the cells read."""
    lines = sentences(plain.text)
    rows: list[dict] = []
    read: set[int] = set()
    i = 0
    while i < len(lines):
        years: list[int] = []
        j = i
        while j < len(lines) and (m := _YEAR_LINE.fullmatch(lines[j].text)):
            years.append(int(m.group(1)))
            j += 1
        if len(years) < 2:
            i += 1
            continue
        head = " ".join(s.text for s in lines[max(0, i - 2) : i])
        place = _place(head, aliases) or meta.get("jurisdiction") or _only_place(lines[:i], aliases)
        previous: str | None = None
        while j + len(years) < len(lines) + 1 and j < len(lines):
            name_line = lines[j]
            cells = lines[j + 1 : j + 1 + len(years)]
            if len(cells) < len(years) or not all(_ANY_CELL.fullmatch(c.text) for c in cells):
                if _YEAR_LINE.fullmatch(name_line.text) or not _more_rows(lines, j, len(years)):
                    break  # a new head, or no row of cells further on: the table has ended
                j += 1  # a row's number, group or extra column (序号, 类别, 同比增长率): rows go on after it
                continue
            name, unit = _name_and_unit(name_line.text, keys, previous)
            previous = name
            if name and unit and place:
                for year, cell in zip(years, cells, strict=True):
                    if (now is not None and year > now) or not _CELL_LINE.fullmatch(cell.text):
                        continue  # a year after the release, or an estimate in [] (not a published figure)
                    start, end = plain.source_span(cell.start, cell.end)
                    rows.append({
                        "row_number": cell.number,
                        "location": f"sentence {cell.number} [{start}:{end}]",
                        "char_start": start,
                        "char_end": end,
                        "raw_content": f"{name_line.text} {year}: {cell.text}",
                        "jurisdiction_raw": place,
                        "indicator_raw": name,
                        "year_raw": str(year),
                        "year_basis": YearBasis.STATED,
                        "value_raw": _CELL_LINE.fullmatch(cell.text).group(1),  # type: ignore[union-attr]
                        "unit_raw": unit,
                        "period_type": "annual",
                        "figure_type": "actual",
                        "source_title": plain.title,
                        "notes": "a table flattened one cell a line: the year from its head, the name and unit from "
                        "the line before its cells",
                    })
                    read.add(cell.number)
            j += 1 + len(years)
        i = j
    return rows, read


def _more_rows(lines: list, j: int, width: int) -> bool:
    """True when a row (a line followed by `width` cell lines) starts within _ROW_GAP lines after line `j`."""
    for k in range(j + 1, min(j + 1 + _ROW_GAP, len(lines))):
        cells = lines[k + 1 : k + 1 + width]
        if not _ANY_CELL.fullmatch(lines[k].text) and len(cells) == width and all(
            _ANY_CELL.fullmatch(c.text) for c in cells
        ):
            return True
    return False


def _only_place(before: list, aliases: Aliases) -> str | None:
    """The one place the text above a table names (发布单位:武汉市科学技术局, u36_wh_2013_2018_st_table_kjj), when its
    head names none: a catalogue place, and no other place (known or not, nor 全国) named anywhere above."""
    folded = fold_with_offsets(" ".join(s.text for s in before))[0]
    found = {m.key for m in aliases.find_folded(folded, "jurisdiction")}
    if len(found) != 1 or "全国" in folded or unknown_cities(folded, aliases):
        return None
    outside = [m for m in PLACE_IN_SENTENCE.finditer(folded) if not aliases.find_folded(m.group(), "jurisdiction")]
    return None if outside else found.pop()


def _place(head: str, aliases: Aliases) -> str | None:
    folded = fold_with_offsets(head)[0]
    found = aliases.find_folded(folded, "jurisdiction")
    if found:
        return found[0].key
    return "全国" if "全国" in folded else None


def _name_and_unit(text: str, keys: Any, previous: str | None) -> tuple[str | None, str | None]:
    """The catalogue name a row's name line stands for, and the unit in its brackets; (None, None) otherwise."""
    folded = fold_with_offsets(text)[0]
    unit = next((u.group(1) for u in _BRACKETED.finditer(folded) if UNIT.fullmatch(u.group(1))), None)
    hits = [h for h in keys.find(folded) if h.code]
    expenditure = keys.codes.get(normalised_key(_EXPENDITURE_NAME))
    intensity = keys.codes.get(normalised_key(_INTENSITY_NAME))
    if len({h.code for h in hits}) == 1:
        rest = folded[hits[-1].end : (b.start() if (b := _BRACKETED.search(folded, hits[-1].end)) else len(folded))]
        if _GDP_SHARE.search(rest) and hits[0].code == expenditure and intensity is not None:
            return _INTENSITY_NAME, unit  # 全社会R&D经费内部支出占GDP的比重(%): the intensity, by its definition
        if _OTHER_MEASURE.search(rest):
            return None, None  # 技术合同成交量(项), …占…的比重: another measure of the thing named
        return hits[0].key, unit
    if (
        not hits
        and _SHARE_OF_GDP.match(folded)
        and previous is not None
        and expenditure is not None
        and intensity is not None
        and keys.codes.get(normalised_key(previous)) == expenditure
    ):
        return _INTENSITY_NAME, unit
    return None, None


def with_flat_tables(
    result: ReadResult, plain: PlainText, keys: Any, aliases: Aliases, meta: Mapping[str, Any]
) -> ReadResult:
    """`result` with the flattened tables' rows added and their cells' "not recognised" rows dropped."""
    if not has_flat_table(plain.text):
        return result
    now = int(result.release_date[:4]) if result.release_date else None
    if meta.get("release_date"):
        now = int(str(meta["release_date"])[:4])
    rows, read = flat_table_rows(plain, keys, aliases, meta, now)
    if not rows:
        return result
    rejected = result.rejected
    cell = rejected["row_number"].isin(read) & rejected["reason"].astype(str).str.startswith("not recognised")
    result.rows = pd.concat([result.rows, pd.DataFrame(rows)], ignore_index=True)
    result.rejected = rejected[~cell].reset_index(drop=True)
    result.__post_init__()
    return result
