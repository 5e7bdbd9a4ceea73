"""A chart's rows: a target's years, a reference line, proxy figures, given as a DataFrame or as its columns (sequences
of one length, `{"year": [...], "value": [...]}`), read by the chart builders (targetwatch.charts) as lists.

The large dashboards layout hands over columns sliced from whole tables, so that no frame is made per target; the
small layout hands over frames. Both give the same lists, in the same order, and so the same charts.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd


def is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def by_year(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows in year order; a frame already in strictly increasing year order as it is (sorting it again costs
    more than the chart: a national site draws 100,000 of them)."""
    year = frame["year"]
    return frame if year.is_monotonic_increasing and year.is_unique else frame.sort_values("year")


# A chart's rows (a target's years, a reference line, proxy figures): a DataFrame, or its columns as sequences of one
# length (`{"year": [...], "value": [...]}`). The large layout hands over columns sliced from whole tables, so that no
# frame is made per target; the builders read either as lists.
Table = pd.DataFrame | Mapping[str, Any]


def length(table: Table | None) -> int:
    if table is None:
        return 0
    if isinstance(table, pd.DataFrame):
        return len(table)
    return len(table["year"]) if "year" in table else len(next(iter(table.values()), ()))


def sorted_order(year: Any) -> list[int] | None:
    """The row order `frame.sort_values("year")` gives (numpy's default sort of the year array, of its own dtype:
    ties keep the order that sort gives them), or None when the years already strictly increase."""
    seq = year.tolist() if hasattr(year, "tolist") else list(year)
    if all(a < b for a, b in itertools.pairwise(seq)):
        return None
    return np.argsort(np.asarray(year), kind="quicksort").tolist()


def columns(table: Table, names: Iterable[str], *, in_year_order: bool = False) -> dict[str, list]:
    """The named columns of a chart's rows (those it has) as Python lists, in year order when asked (as `by_year`)."""
    if isinstance(table, pd.DataFrame):
        frame = by_year(table) if in_year_order else table
        return {n: frame[n].tolist() for n in names if n in frame}
    order = sorted_order(table["year"]) if in_year_order and length(table) else None
    out = {}
    for n in names:
        if n in table:
            values = table[n]
            values = values.tolist() if hasattr(values, "tolist") else list(values)
            out[n] = values if order is None else [values[i] for i in order]
    return out


def reference_points(years: Table, reference_figures: Table) -> dict[str, list]:
    """A relative target's reference line as columns {"year": [...], "value": [...]}: the values its assessment
    compared with, then the reference's own annual figures (the latest release of each) for years the target's
    jurisdiction lacks; in year order."""
    y = columns(years, ("year", "reference_value"))
    used = [(yr, v) for yr, v in zip(y["year"], y["reference_value"], strict=True)
            if not is_missing(yr) and not is_missing(v)]
    ref = columns(reference_figures, ("year", "value", "period_type", "release_date"))
    rows = range(len(ref["year"]))
    if "period_type" in ref:
        rows = [i for i in rows if is_missing(ref["period_type"][i]) or ref["period_type"][i] == "annual"]
    if not rows:
        return {"year": [yr for yr, _ in used], "value": [v for _, v in used]}
    seen = {yr for yr, _ in used}
    extra = [i for i in rows if ref["year"][i] not in seen]
    if "release_date" in ref:  # a stable sort, missing dates first
        dates = ref["release_date"]
        missing = [i for i in extra if is_missing(dates[i])]
        extra = missing + sorted((i for i in extra if not is_missing(dates[i])), key=dates.__getitem__)
    last = {ref["year"][i]: i for i in extra}  # the last row of each year
    points = used + [(ref["year"][i], ref["value"][i]) for i in extra if last[ref["year"][i]] == i]
    points.sort(key=lambda p: p[0])  # stable
    return {"year": [yr for yr, _ in points], "value": [v for _, v in points]}


def reference_series(years: pd.DataFrame, reference_figures: pd.DataFrame) -> pd.DataFrame:
    """reference_points as a frame (year, value)."""
    return pd.DataFrame(reference_points(years, reference_figures))


def cumulative(values: Iterable[object]) -> list[float | None]:
    """Running totals as pandas' cumsum gives them: a missing value is skipped (it adds 0.0) and stays missing."""
    out: list[float | None] = []
    total = None
    for v in values:
        missing = is_missing(v)
        x = 0.0 if missing else float(v)  # type: ignore[arg-type]
        total = x if total is None else total + x
        out.append(None if missing else total)
    return out


def required_path(b0: int, b: float, level: float, deadline: int, compound: bool) -> tuple[list[int], list[float]]:
    """The path a target had to follow from its base (year b0, value b) to its level at the deadline, a point a year:
    compound growth when the target says so and both ends are positive, else a straight line. The page's chart builder
    (dashboards/static/chart-build.js) draws the straight line itself and is given a compound path's points
    (targetwatch.chart_client): a browser's pow() may differ from the C library's in the last bit."""
    years = list(range(b0, deadline + 1))
    if compound and b > 0 and level > 0:
        return years, [b * (level / b) ** ((y - b0) / (deadline - b0)) for y in years]
    return years, [b + (level - b) * (y - b0) / (deadline - b0) for y in years]


def goal_level(target: Mapping) -> float | None:
    """The level a target's gap chart draws: its goal at the deadline, else the value it states; None without either."""
    level = target.get("goal_at_deadline")
    if is_missing(level):
        level = target.get("target_value_stated")
    return None if is_missing(level) else float(level)  # type: ignore[arg-type]


def target_path(target: Mapping, level: float) -> tuple[list[int], list[float]] | None:
    """The required path a target's gap chart draws up to `level` (required_path, compound when its growth model says
    so), or None without a deadline, a base value and a base year before the deadline. One definition for
    charts.gap_chart and the page's chart input (chart_client), which ships a compound path's points."""
    deadline, b0, b = target.get("deadline"), target.get("base_year"), target.get("base_value")
    if is_missing(deadline) or is_missing(b0) or is_missing(b) or int(b0) >= int(deadline):  # type: ignore[call-overload]
        return None
    return required_path(int(b0), float(b), level, int(deadline),  # type: ignore[call-overload,arg-type]
                         target.get("growth_model") == "compound")
