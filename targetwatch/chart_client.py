"""A target's charts drawn in the browser: what the page's chart builder (dashboards/static/chart-build.js) reads.

The large dashboards layout (115,524 targets at national scale) built every target's Plotly figure in Python
(targetwatch.charts.target_charts) and wrote it into the data files: about a fifth of the dashboards step. Here a
target's charts are shipped as their inputs instead — the target's chart fields (charts.TARGET_FIELDS, unrounded),
its per-year rows, its reference line and its proxies' figures, as plain JSON columns — and chart-build.js builds in
the page the same figure `target_charts` builds, per language.

Nothing the figures show is spelt twice: `constants()` gives the builder every colour, label, axis word, unit word,
status and number symbol from their one Python source (targetwatch.charts, targetwatch.vocab, targetwatch.formatting
and CLDR through Babel), and the data files carry it (data/_common.js). The builder writes numbers as
targetwatch.formatting writes them within its fast range (formatting.FAST, `_written`): a target whose chart could
hold a number outside that range keeps its charts built in Python, as before (targetwatch.render.chart_inputs
decides, for a data file's batch at once).
tests/e2e/test_chart_build.py builds every target's charts of the bundled and the SYNTHETIC sites both ways in
Chromium and compares them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from targetwatch import charts, formatting, vocab
from targetwatch.chart_rows import Table, columns, length, sorted_order

# The target fields the builder reads, in the order a data file's "chart" list holds them.
FIELDS: tuple[str, ...] = charts.TARGET_FIELDS
YEAR_COLUMNS: tuple[str, ...] = ("year", "value", "metric", "in_plan", "met")

# A target's charts are drawn in the browser when every number they read is 0 or of a size between these: the numbers
# the builders make from them (paths between a base and a goal, running totals of up to a plan's years, axis ticks of
# at least a fifth of the values' span) then stay within formatting.FAST, which the builder writes as Python does.
SAFE: tuple[float, float] = (1e-4, 1e12)


def constants() -> dict[str, Any]:
    """Every text, colour and number symbol the builder needs, from the modules that define them."""
    cldr = {lang: {"minus": c.minus, "group": c.group, "decimal": c.decimal, "compact": c.compact,
                   "scales": {str(k): [d, s] for k, s_ in c.scales.items() for d, s in [s_]}}
            for lang, c in formatting.CLDR.items()}
    return {
        "font": charts.FONT,
        "colours": {"target": charts.TARGET_COLOUR, "path": charts.PATH_COLOUR, "reference": charts.REFERENCE_COLOUR,
                    "proxy": charts.PROXY_COLOUR, "grid": charts.GRID_COLOUR},
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
            p[lg] = [None if _nameless(n) else str(n) for n in c.get(name, [None] * len(c["year"]))]
        out["p"] = p
    return out


def _nameless(n: object) -> bool:
    return n is None or (isinstance(n, float) and math.isnan(n))
