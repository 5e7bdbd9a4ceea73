"""Indicator tables: the unit in the indicator's name, the target in the column of the target year.

Round 35 (issue 18). A plan's table of main indicators (主要指标, 专栏) writes each row as the indicator's name with its
unit in brackets, then one cell per column: 残疾人基本养老保险参保率(%)  >90  预期性, or, copied cell by cell,
高标准农田面积(亿亩) | 8 | 10.75 | [2.75). The number stands alone in its cell, with no unit after it, so the finders,
which read a number with its unit, saw nothing there. Counted in 2 development texts before the rule (内蒙古's 2021
disability plan page, first unseen-46: seven rows in one aligned line each, under 指 标 / 2025 年 / 属 性; the 2021
agricultural-modernisation indicator exam: seven rows one cell a line, under 指标 | 2020年基期值 | 2025年目标值 |
年均增); the test half not read.

The reading is the table's own grammar, not the wording of either text:

- the header starts with a cell 指标 (指标名称; blanks inside allowed) and names a year in one or more column heads;
  the column whose head names the latest year is the target's (a base-year column before it is where things stood),
  and that year is the deadline. A table whose latest year is before the text's own year is a record, not a plan;
- a row starts with a cell that ends in a bracketed unit: an optional scale word and a unit of `rules.UNITS` (%,
  万人, 亿吨, 亿亩 …); its value is the cell in the target column, a plain number with an optional sign (>, ≥, <, ≤: the
  comparator, `comparatives.SIGNS`). A dash (一, —) or a bracket in that cell is no value;
- a growth indicator (年均增长, 增速, 增长率 in the name, unit %) is a growth rate, whatever its sign; a plain value
  takes the comparator the target column's head states with a word of the cue tables (目标值(各项目标应达到的水平):
  达到, at least), else it is exact, as a plain figure in a sentence is.

A cell is a run of text between two blanks or more, a bar (|) or a line end. The candidate quotes the row from the
name to the value. It scores the base, the target column as a verb (the head says what the figure is for), the
deadline, and the sign as an explicit comparator; being new, it is held at `rules.UNDATED_CAP` until a fresh set has
measured it. A cell some other finder already read is left to it.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document, scaled
from targetwatch.extraction.comparatives import SIGNS
from targetwatch.extraction.text import Paragraph, Sentence, Span, paragraphs

# A cell: text without a line end or a bar, ending before two blanks or more, a bar or a line end.
CELL: Final = re.compile(r"[^\s|](?:[^\n|]*?[^\s|])?(?=[ \t\u3000]{2,}|[ \t\u3000]*(?:\||\n|$))")
HEADER: Final = re.compile(r"指\s*标(?:\s*名\s*称)?")
COLUMN_YEAR: Final = re.compile(r"((?:19|20)\d{2})\s*年")
ROW_NAME: Final = re.compile(
    r"(?:\d{1,2}\s*[.、．]\s*)?(?P<name>\S.*?)\s*[(（](?P<scale>[十百千万亿]*)(?P<unit>[^()（）\d]{1,5})[)）]")
VALUE: Final = re.compile(r"(?P<sign>[<>≤≥≦≧])?\s*(?P<num>\d+(?:\.\d+)?)")
GROWTH_NAME: Final = re.compile(r"年均增长|年均增速|增速|增长率")
# How far after the header the rows may run (a table longer than this is not one the rule was shown).
REACH: Final = 4000


def find(doc: Document, existing: list[Candidate]) -> list[Candidate]:
    """Candidates for the rows of each indicator table in the document (see the module docstring)."""
    view = doc.view
    out: list[Candidate] = []
    paras: list[Paragraph] | None = None
    for head in HEADER.finditer(view):
        cells = [m for m in CELL.finditer(view, head.start(), min(len(view), head.end() + REACH))]
        if not cells or cells[0].start() != head.start() or not HEADER.fullmatch(cells[0][0]):
            continue
        columns = []
        for cell in cells[1:]:
            if ROW_NAME.fullmatch(cell[0]) or VALUE.fullmatch(cell[0]):
                break
            columns.append(cell[0])
        years = [(int(m[1]), i) for i, col in enumerate(columns) if (m := COLUMN_YEAR.search(col))]
        if not years:
            continue
        year, target = max(years, key=lambda y: (y[0], -y[1]))
        now = doc.issue_year if doc.issue_year is not None else doc.stated_year
        if now is not None and year < now:
            continue  # a record of past years, not a plan's targets
        rows = cells[1 + len(columns) :]
        for i, cell in enumerate(rows):
            name = ROW_NAME.fullmatch(cell[0])
            if name is None or (f"{name['scale']}{name['unit']}" not in rules.UNITS
                                and name["unit"] not in rules.UNITS):
                continue
            between = rows[i + 1 : i + 2 + target]
            if len(between) < 1 + target or any(ROW_NAME.fullmatch(c[0]) for c in between):
                continue
            value_cell = between[target]
            value = VALUE.fullmatch(value_cell[0])
            if value is None:
                continue
            start = value_cell.start() + value.start("num")
            if any(cell.start() <= c.start < value_cell.end() for c in existing):
                continue
            unit = name["unit"] if name["unit"] in rules.UNITS else f"{name['scale']}{name['unit']}"
            scale = name["scale"] if unit == name["unit"] else ""
            try:
                amount, base = scaled(value["num"], scale, unit)
            except ValueError:
                continue
            paras = paras if paras is not None else paragraphs(view)
            placed = _place(paras, start)
            if placed is None:
                continue
            para, sent = placed
            comparator = SIGNS[value["sign"]] if value["sign"] else _head_cue(columns[target]) or "exact"
            score = rules.CONFIDENCE["base"] + rules.CONFIDENCE["verb"] + rules.CONFIDENCE["deadline"]
            fired = ["indicator_table", "deadline_table_column"]
            if value["sign"]:
                score += rules.CONFIDENCE["comparator"]
                fired.append("comparative_sign")
            if base == "percent" and GROWTH_NAME.search(name["name"]):
                comparator = "growth_rate"
                fired.append("table_growth")
            c = Candidate(start=start, end=value_cell.end(), sentence=sent, paragraph=para,
                          clause=Span(cell.start(), value_cell.end()), comparator=comparator, rules_fired=fired,
                          score=min(score, rules.UNDATED_CAP), value=amount, unit=base,
                          unit_as_written=f"{name['scale']}{name['unit']}", deadline=year)
            c.notes.append(f"indicator table: {name['name']} ({name['scale']}{name['unit']}), column {columns[target]}")
            out.append(c)
    return out


def _head_cue(head: str) -> str | None:
    """The comparator a column head's own verb states for its cells (2025年目标值(各项目标应达到的水平): 达到, a floor),
    from the cue tables' words that stand before a figure."""
    for cue in rules.COMPARATOR_CUES:
        if cue.where == "before" and cue.comparator in ("at_least", "at_most", "exceed") and any(
                w in head for w in cue.words):
            return cue.comparator
    return None


def _place(paras: list[Paragraph], at: int) -> tuple[Paragraph, Sentence] | None:
    """The paragraph and sentence holding offset `at`."""
    for para in paras:
        if para.start <= at < para.end:
            for sent in para.sentences:
                if sent.start <= at < sent.end:
                    return para, sent
    return None
