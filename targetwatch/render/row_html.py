"""A target's row cells in the large layout's lists, written in Python: the HTML of the `name_and_cells` macro
(dashboards/templates/_macros.html), character for character.

The large layout shows each of its 100,000+ targets in two lists (its jurisdiction's page and its status list), and
Jinja's macro call per row (a dozen nested macro and filter calls, each value escaped through Markup) was most of
those pages' time. Here the pieces many rows share (the status chip, the two tags) are rendered once by the
templates' own macros and globals, and each row's own values are escaped as Jinja's autoescape escapes them
(markupsafe). The macro stays the definition: tests/targetwatch/test_site_rows.py compares the two on every row of
the SYNTHETIC workloads, and the small layout and the document and department pages still render the macro.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from markupsafe import Markup, escape

from targetwatch import vocab
from targetwatch.render.page import is_empty

# What each escaper writes for the characters it escapes, `&` first: markupsafe's `escape` (the templates' autoescape
# and RowCells' escape) and html.escape (page_environment's `bi`).
_MARKUP = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"), ("'", "&#39;"), ('"', "&#34;"))
_HTML = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))
# Targets made at a time by TargetTableRows.fill: each text column of a chunk is an Arrow array while it is made.
FILL_CHUNK = 20_000


class RowCells:
    """`cells(r, root)`: str(macros.name_and_cells(r, root)) for a display record `r` of the list columns
    (large_site.LIST_COLUMNS), from the environment's macros and globals (bi, t) made once."""

    def __init__(self, env: Any) -> None:
        self.macros = env.get_template("_macros.html").make_module()
        self.bi: Callable[[object, object], Markup] = env.globals["bi"]
        t = env.globals["t"]
        self.per_year = f' <span class="tag">{t("per_year")}</span>'
        self.relative = f' <span class="tag">{t("relative")}</span>'
        self.chips: dict[tuple, str] = {}  # (status, tip, tip_zh, tip_en) -> the chip macro's HTML
        self.bullets: dict[tuple, str] = {}  # (attainment %, status colour) -> the bullet macro's HTML

    def _chip(self, r: dict) -> str:
        key = (r["status"], r.get("evidence_tip"), r.get("evidence_tip_zh"), r.get("evidence_tip_en"))
        html = self.chips.get(key)
        if html is None:
            html = self.chips[key] = str(self.macros.chip(*key))
        return html

    def _bullet(self, r: dict) -> str:
        key = (r["attainment_pct"], r["status_colour"])
        html = self.bullets.get(key)
        if html is None:
            html = self.bullets[key] = str(self.macros.bullet({"attainment_pct": key[0], "status_colour": key[1]}))
        return html

    def __call__(self, r: dict, root: str) -> str:
        bi = self.bi
        name = f'<td class="name"><a href="{escape(root)}{escape(r["href"])}">{bi(r["name_zh"], r["name_en"])}</a>'
        if r["headline"]:
            name += ' <span class="star">★</span>'
        if r["per_year"]:
            name += self.per_year
        if r["comparator"] in vocab.REFERENCE_COMPARATORS:  # judged against a reference jurisdiction's figures
            name += self.relative
        gap = r["gap_sort"]
        year = f'<div class="yr">{escape(r["latest_year"])}</div>' if r["latest_year"] else ""
        deadline = r["deadline"] or "—"
        return (
            f'{name}</td>\n'
            f'<td class="status" data-sort="{escape(r["status_rank"])}">{self._chip(r)}</td>\n'
            f'<td class="num wrap latest" data-sort="{escape(r["latest_value_sort"])}">'
            f'{bi(r["latest_zh"], r["latest_en"])}{year}</td>\n'
            f'<td class="num wrap goal" data-sort="{escape(r["goal_sort"])}">{bi(r["goal_zh"], r["goal_en"])}</td>\n'
            f'<td class="num wrap gap{" neg" if gap < 0 and gap > -1e17 else ""}" data-sort="{escape(gap)}">'
            f'{bi(r["gap_zh"], r["gap_en"])}</td>\n'
            f'<td class="att" data-sort="{escape(r["attainment_sort"])}">{self._bullet(r)}</td>\n'
            f'<td class="num deadline">{escape(deadline)}</td>'
        )


def _escaped(texts: list[str], table: tuple[tuple[str, str], ...]) -> pa.Array:
    """The texts escaped as `table`'s escaper escapes them, the whole column at once (one pass when none of them
    holds a character either escaper changes: most names, and every number)."""
    arr = pa.array(texts, pa.string())
    if not pc.any(pc.match_substring_regex(arr, "[&<>\"']")).as_py():
        return arr
    for char, entity in table:
        arr = pc.replace_substring(arr, char, entity)
    return arr


def _markup(values: Iterable[object]) -> pa.Array:
    """markupsafe.escape of each value (a number or None written as str writes it), as a column."""
    return _escaped([v if type(v) is str else str(v) for v in values], _MARKUP)


def _bi(zh: list, en: list) -> list:
    """page_environment's bi(zh, en) of each pair, as a column: an empty value written "—", each escaped by
    html.escape."""
    def texts(values: list) -> pa.Array:
        return _escaped([v if type(v) is str else ("—" if is_empty(v) else str(v)) for v in values], _HTML)

    return ['<span class="zh">', texts(zh), '</span><span class="en">', texts(en), "</span>"]


def _joined(parts: list) -> list[bytes]:
    """The parts (columns and texts) joined row by row, as UTF-8 bytes."""
    return pc.cast(pc.binary_join_element_wise(*parts, ""), pa.binary()).to_pylist()


class TargetTableRows:
    """The rows of the `target_table` macro's body for the large layout's lists, each target's cells (RowCells, root
    `root`) made once and kept for every list that shows it, as UTF-8 (half the size of the text: Chinese makes a str
    two bytes a letter). `rows(targets, with_jurisdiction)` is the body the macro's loop wrote, one `<tr>` a target;
    tests/targetwatch/test_site_rows.py compares it with that loop."""

    def __init__(self, env: Any, root: str) -> None:
        self.cells_of = RowCells(env)
        self.bi = self.cells_of.bi
        self.root = root
        self.cache: dict[str, bytes] = {}
        # a target's row opening (<tr ...>) and jurisdiction cell, made by `fill` (rows() then only joins bytes)
        self.opening: dict[str, bytes] = {}
        self.jurisdiction: dict[str, bytes] = {}

    def fill(self, records: list[dict]) -> None:
        """Make the row of every target of `records` (display records of the list columns) at once, a column at a
        time (FILL_CHUNK targets at a time): the same cells as RowCells, the same rows as `rows` writes one by one
        (tests/targetwatch/test_site_rows.py compares them). A national site lists 115,524 targets; made one at a
        time, their cells and rows were most of the list pages' time."""
        for at in range(0, len(records), FILL_CHUNK):
            self._fill(records[at:at + FILL_CHUNK])

    def _fill(self, records: list[dict]) -> None:
        c = self.cells_of

        def col(key: str) -> list:
            return [r[key] for r in records]

        def opt(key: str) -> list:
            return [r.get(key) for r in records]

        ids = col("target_id")
        chips = [c.chips.get(k) or c._chip({"status": k[0], "evidence_tip": k[1], "evidence_tip_zh": k[2],
                                            "evidence_tip_en": k[3]})
                 for k in zip(col("status"), opt("evidence_tip"), opt("evidence_tip_zh"), opt("evidence_tip_en"),
                              strict=True)]
        bullets = [c.bullets.get(k) or c._bullet({"attainment_pct": k[0], "status_colour": k[1]})
                   for k in zip(col("attainment_pct"), col("status_colour"), strict=True)]
        tags = [(' <span class="star">★</span>' if h else "") + (c.per_year if p else "")
                + (c.relative if comp in vocab.REFERENCE_COMPARATORS else "")
                for h, p, comp in zip(col("headline"), col("per_year"), col("comparator"), strict=True)]
        years = col("latest_year")
        year_texts = iter(_markup([y for y in years if y]).to_pylist())
        year_html = ['<div class="yr">' + next(year_texts) + "</div>" if y else "" for y in years]
        gaps = col("gap_sort")
        cells = _joined([
            '<td class="name"><a href="', str(escape(self.root)), _markup(col("href")), '">',
            *_bi(col("name_zh"), col("name_en")), "</a>", pa.array(tags, pa.string()), "</td>\n",
            '<td class="status" data-sort="', _markup(col("status_rank")), '">', pa.array(chips, pa.string()),
            "</td>\n",
            '<td class="num wrap latest" data-sort="', _markup(col("latest_value_sort")), '">',
            *_bi(col("latest_zh"), col("latest_en")), pa.array(year_html, pa.string()), "</td>\n",
            '<td class="num wrap goal" data-sort="', _markup(col("goal_sort")), '">',
            *_bi(col("goal_zh"), col("goal_en")), "</td>\n",
            '<td class="num wrap gap', pa.array([" neg" if g < 0 and g > -1e17 else "" for g in gaps], pa.string()),
            '" data-sort="', _markup(gaps), '">', *_bi(col("gap_zh"), col("gap_en")), "</td>\n",
            '<td class="att" data-sort="', _markup(col("attainment_sort")), '">', pa.array(bullets, pa.string()),
            "</td>\n",
            '<td class="num deadline">', _markup([d or "—" for d in col("deadline")]), "</td>",
        ])
        openings = _joined(['<tr data-target="', _markup(ids), '" data-status="', _markup(col("status")),
                            '" data-jurisdiction="', _markup(col("jurisdiction")), '">\n'])
        places = _joined(['<td class="jur">', *_bi(col("jurisdiction_zh"), col("jurisdiction_en")), "</td>"])
        for tid, cell, opening, place in zip(ids, cells, openings, places, strict=True):
            self.cache[tid] = cell
            self.opening[tid] = opening
            self.jurisdiction[tid] = place

    def __call__(self, r: dict) -> Markup:
        """The target's cells (name_and_cells(r, root)), as a Markup."""
        html = self.cache.get(r["target_id"])
        if html is None:
            text = self.cells_of(r, self.root)
            self.cache[r["target_id"]] = text.encode("utf-8")
            return Markup(text)
        return Markup(html.decode("utf-8"))

    def rows(self, targets: list[dict], with_jurisdiction: bool = True) -> Markup:
        opening, place, cache = self.opening, self.jurisdiction, self.cache
        if all(r["target_id"] in opening for r in targets):  # made by `fill`: their bytes joined, decoded once
            end = b"\n</tr>\n"
            if with_jurisdiction:
                parts = [p for r in targets for t in (r["target_id"],) for p in (opening[t], place[t], cache[t], end)]
            else:
                parts = [p for r in targets for t in (r["target_id"],) for p in (opening[t], cache[t], end)]
            return Markup(b"".join(parts).decode("utf-8"))
        bi = self.bi
        return Markup("".join(
            f'<tr data-target="{escape(r["target_id"])}" data-status="{escape(r["status"])}" '
            f'data-jurisdiction="{escape(r["jurisdiction"])}">\n'
            + (f'<td class="jur">{bi(r["jurisdiction_zh"], r["jurisdiction_en"])}</td>' if with_jurisdiction else "")
            + f"{self(r)}\n</tr>\n" for r in targets))
