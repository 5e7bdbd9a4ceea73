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

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from targetwatch import vocab


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

    def __call__(self, r: dict) -> Markup:
        """The target's cells (name_and_cells(r, root)), as a Markup."""
        html = self.cache.get(r["target_id"])
        if html is None:
            text = self.cells_of(r, self.root)
            self.cache[r["target_id"]] = text.encode("utf-8")
            return Markup(text)
        return Markup(html.decode("utf-8"))

    def rows(self, targets: list[dict], with_jurisdiction: bool = True) -> Markup:
        bi = self.bi
        return Markup("".join(
            f'<tr data-target="{escape(r["target_id"])}" data-status="{escape(r["status"])}" '
            f'data-jurisdiction="{escape(r["jurisdiction"])}">\n'
            + (f'<td class="jur">{bi(r["jurisdiction_zh"], r["jurisdiction_en"])}</td>' if with_jurisdiction else "")
            + f"{self(r)}\n</tr>\n" for r in targets))
