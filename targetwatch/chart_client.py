"""A target's charts drawn in the browser: what the page's chart builder (dashboards/static/chart-build.js) reads.

The large dashboards layout (115,524 targets at national scale) built every target's Plotly figure in Python
(targetwatch.charts.target_charts) and wrote it into the data files: about a fifth of the dashboards step. Here a
target's charts are shipped as their inputs instead — the target's chart fields (charts.TARGET_FIELDS, unrounded),
its per-year rows, its reference line and its proxies' figures, as plain JSON columns — and chart-build.js builds in
the page the same figure `target_charts` builds, per language.

No text or colour of the figures is spelt twice: `constants()` gives the builder every label, axis word and unit
word, every colour (statuses, lines, ink, paper, axes, deadline marker, notes), the proxies' symbols, the font and
the number symbols from their one Python source (targetwatch.charts, chart_style, vocab, formatting and CLDR through
Babel), and the data files carry it (data/_common.js). The layout's sizes (margins, heights, marker and font sizes,
offsets) are still written in both charts.py and chart-build.js, held equal by the equality tests (review s21a F3).
The builder writes numbers as targetwatch.formatting writes them within its fast range (formatting.FAST,
`_written`): a target whose chart could hold a number outside that range keeps its charts built in Python, as before
(targetwatch.render.chart_inputs decides, for a data file's batch at once).
tests/e2e/test_chart_build.py builds every target's charts of the bundled and the SYNTHETIC sites both ways in
Chromium and compares them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from targetwatch import chart_style, charts, formatting, vocab
from targetwatch.chart_rows import Table, columns, goal_level, is_missing, length, sorted_order, target_path

# The target fields the builder reads, in the order a data file's "chart" list holds them.
FIELDS: tuple[str, ...] = charts.TARGET_FIELDS
YEAR_COLUMNS: tuple[str, ...] = ("year", "value", "metric", "in_plan", "met")

# A target's charts are drawn in the browser when every number they read is 0 or of a size between these, its
# straight required path neither crosses 0 nor leaves it in steps under 10^-5, and its per-year values are not of both
# signs (render.chart_inputs checks all three): the numbers the builders make from them (path points, running totals
# of up to a plan's years, axis ticks of at least a fifth of the values' span) then stay within formatting.FAST,
# which the builder writes as Python does (review s21a F0: a path from -0.1 to 0.2 has a point of 1.39e-17).
SAFE: tuple[float, float] = (1e-4, 1e12)


def constants() -> dict[str, Any]:
    """Every text, colour and number symbol the builder needs, from the modules that define them."""
    cldr = {lang: {"minus": c.minus, "group": c.group, "decimal": c.decimal, "compact": c.compact,
                   "scales": {str(k): [d, s] for k, s_ in c.scales.items() for d, s in [s_]}}
            for lang, c in formatting.CLDR.items()}
    return {
        "font": charts.FONT,
        "colours": {"target": charts.TARGET_COLOUR, "path": charts.PATH_COLOUR, "reference": charts.REFERENCE_COLOUR,
                    "proxy": charts.PROXY_COLOUR, "grid": charts.GRID_COLOUR, "ink": chart_style.INK,
                    "paper": chart_style.PAPER, "axis_line": chart_style.AXIS_LINE,
                    "deadline_line": chart_style.DEADLINE_LINE, "deadline_text": chart_style.DEADLINE_TEXT,
                    "note_background": chart_style.NOTE_BACKGROUND},
        "proxy_symbols": list(chart_style.PROXY_SYMBOLS),
        "labels": charts.LABELS,
        "axis_words": charts.AXIS_WORDS,
        "units": {u.code: [u.zh, u.en] for u in vocab.UNITS},
        "statuses": {s.code: [s.colour, s.text_colour] for s in vocab.STATUSES},
        "legend_gap_px": charts.LEGEND_GAP_PX,
        "narrow_x_ticks": charts.NARROW_X_TICKS,
        "fields": list(FIELDS),
        "number": {"cldr": cldr, "fast": list(formatting.FAST), "missing": formatting.MISSING,
                   "digits": formatting.DIGITS, "points": formatting.POINTS, "per_year": formatting.PER_YEAR},
    }


def drawable(target: Mapping, years: Table, proxies: Table | None) -> bool:
    """Whether charts.target_charts draws anything for the target (its test, as it reads it)."""
    return target.get("comparator") != "qualitative" and bool(length(years) or length(proxies) > 0
                                                              or target.get("per_year"))


def chart_input(target: Mapping, years: Table, reference: Table | None, proxies: Table | None) -> dict[str, Any]:
    """What chart-build.js reads to build `charts.target_charts(target, years, reference, proxies)`: {"f": the target's
    FIELDS as a list, "y": its per-year columns, "r": the reference line, "p": the proxies} (the last two left out
    when empty). Rows come in the order the Python builders read them (years and proxies by year); values as they
    are (a missing number is null in JSON: the builders treat None and NaN alike); the two names the builders read
    with Python's truthiness (per_year, the reference's names) as Python reads them."""
    f = [target.get(c) for c in FIELDS]
    f[FIELDS.index("per_year")] = bool(target.get("per_year"))
    for lg in ("zh", "en"):
        f[FIELDS.index(f"reference_{lg}")] = f"{target.get(f'reference_{lg}') or ''}"
    out: dict[str, Any] = {"f": f, "y": columns(years, YEAR_COLUMNS, in_year_order=True) if length(years) else {}}
    compound = _compound_path(target)
    if compound is not None:
        out["cp"] = compound
    if length(reference):
        out["r"] = columns(reference, ("year", "value"), in_year_order=True)
    if length(proxies):
        names = ("year", "value", "indicator_name", "indicator_name_zh", "indicator_name_en")
        if hasattr(proxies, "sort_values"):  # a frame: sort_values("year"), as charts._proxy_traces
            c = columns(proxies.sort_values("year"), names)  # type: ignore[union-attr]
        else:
            c = columns(proxies, names)
            order = sorted_order(proxies["year"])
            if order is not None:
                c = {k: [v[i] for i in order] for k, v in c.items()}
        p = {"year": c["year"], "value": c["value"]}
        for lg in ("zh", "en"):
            name = f"indicator_name_{lg}" if f"indicator_name_{lg}" in c else "indicator_name"
            p[lg] = [None if is_missing(n) else str(n) for n in c.get(name, [None] * len(c["year"]))]
        out["p"] = p
    return out


def _compound_path(target: Mapping) -> list[float] | None:
    """The points of the compound path charts.gap_chart draws for the target (chart_rows.required_path), or None when
    it draws none or a straight one: the page is given them, since a browser's pow() may differ from the C library's
    in the last bit (a straight path's arithmetic is IEEE's, the same in both)."""
    if target.get("per_year") or target.get("comparator") == "relative_to_reference" or \
            target.get("growth_model") != "compound":
        return None
    level = goal_level(target)
    required = None if level is None or not level > 0 else target_path(target, level)
    if required is None or not float(target["base_value"]) > 0:  # a straight path: the page draws it
        return None
    return required[1]
