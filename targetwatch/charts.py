"""Plotly figure builders: data in, figure out. No file I/O here (the site module writes pages).

Every builder returns a plain Plotly figure specification (a dict with `data` and `layout`) made of
JSON-ready Python values: the site embeds it in the page and the browser draws it with the one
plotly.min.js of the site. Plain dicts keep a site of ~80 targets fast to build (a `go.Figure` costs
~25 ms to validate, a dict nothing); `to_figure` validates a spec against Plotly's schema (tests).

Labels come in the page language (zh first), or in both through a targetwatch.chart_texts table (shared_charts:
the large layout's data files); status colours come from targetwatch.vocab; numbers are written by
targetwatch.formatting (万/亿 in Chinese, thousands separators in English), axis ticks and hover text included: the
browser draws these specs and never formats or builds a chart itself.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from targetwatch import chart_style as st
from targetwatch import chart_texts as ct
from targetwatch import vocab
from targetwatch.chart_rows import (  # noqa: F401 (by_year, reference_points, reference_series: part of this API)
    Table,
    by_year,
    columns,
    cumulative,
    goal_level,
    reference_points,
    reference_series,
    target_path,
)
from targetwatch.chart_rows import is_missing as _missing
from targetwatch.chart_rows import length as _length
from targetwatch.chart_rows import sorted_order as _sorted_order
from targetwatch.chart_texts import Lang, Texts

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

# Colours of the non-status lines; status colours come from vocab.STATUSES.
TARGET_COLOUR = "#b42318"
PATH_COLOUR = "#6e7781"
REFERENCE_COLOUR = "#404040"
PROXY_COLOUR = "#8250df"
GRID_COLOUR = "#e6e9ef"

LABELS = {
    "zh": {
        "actual": "实际值",
        "actual_yearly": "每年实际值",
        "target": "目标值",
        "target_high": "目标上限",
        "target_yearly": "每年目标",
        "cumulative": "累计实际值",
        "cumulative_target": "累计目标",
        "cumulative_axis": "累计",
        "path": "应达路径",
        "projection": "趋势外推",
        "year": "年份",
        "reference": "参照",
        "gap": "差距",
        "gap_pp": "差距（百分点）",
        "gap_series": "与参照的差距",
        "gap_zero": "目标：差距为0（达到参照水平）",
        "count": "目标数",
        "proxy": "替代指标（仅供参考）",
        "deadline": "截止",
        "year_suffix": "年",
    },
    "en": {
        "actual": "Actual",
        "actual_yearly": "Actual (each year)",
        "target": "Target",
        "target_high": "Target (upper)",
        "target_yearly": "Yearly target",
        "cumulative": "Cumulative actual",
        "cumulative_target": "Cumulative target",
        "cumulative_axis": "Cumulative",
        "path": "Required path",
        "projection": "Projection",
        "year": "Year",
        "reference": "Reference",
        "gap": "Gap",
        "gap_pp": "Gap (percentage points)",
        "gap_series": "Gap to the reference",
        "gap_zero": "Target: gap of 0 (reference level reached)",
        "count": "Targets",
        "proxy": "Proxy (context only)",
        "deadline": "deadline",
        "year_suffix": "",
    },
}

# Value-axis titles by base unit (the unit words themselves come from vocab.UNITS).
AXIS_WORDS = {
    "zh": {"count": "数量", "persons": "人数", "households": "户数", "items": "件数", "yuan": "金额",
           "percent": "比重", "sqm": "面积"},
    "en": {"count": "Count", "persons": "Persons", "households": "Households", "items": "Items", "yuan": "Yuan",
           "percent": "Share", "sqm": "Area"},
}

Spec = dict[str, Any]

# The fields of a target (an assessments row with its targets and display columns) that its charts read.
TARGET_FIELDS: tuple[str, ...] = (
    "status", "unit", "comparator", "per_year", "deadline", "plan_start", "goal_at_deadline", "target_value_stated",
    "value_high", "base_year", "base_value", "growth_model", "latest_year", "latest_value", "latest_gap",
    "latest_goal", "latest_reference_value", "latest_metric", "projection_used", "projection_linear",
    "projection_compound", "projection_year", "reference_zh", "reference_en",
)


def axis_title(unit: str | None, lang: Lang) -> str:
    """The value axis title for a unit: 数量（个）, 比重（%）; Count, Share (%)."""
    if isinstance(lang, Texts):
        return lang.pair(axis_title(unit, "zh"), axis_title(unit, "en"))
    u = vocab.UNIT_BY_CODE.get(str(unit))
    if u is None:
        return ""
    word = AXIS_WORDS[lang].get(u.code, "")
    label = u.zh if lang == "zh" else u.en
    if lang == "zh":
        return f"{word}（{label}）" if word else label
    return word if word.lower() == label.lower() else f"{word} ({label})"


# --- numbers -----------------------------------------------------------------------------------


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] with about `n` intervals (steps of 1, 2, 2.5 or 5 x 10^k)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if (hi - lo) / (m * mag) <= n)
    start, end = math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step
    count = round((end - start) / step)
    return [round(start + i * step, 10) + 0.0 for i in range(count + 1)]


def _num(v: object) -> float | None:
    return None if _missing(v) else float(v)  # type: ignore[arg-type]


def _nums(values: Iterable[object]) -> list[float | None]:
    """_num of each value; a Python float (most values) checked inline, not through two calls (a national site reads
    about 3 million)."""
    return [(v if v == v else None) if type(v) is float else _num(v) for v in values]


def _years(values: Iterable[object]) -> list[int]:
    return [int(v) for v in values]  # type: ignore[call-overload]


# --- layout ------------------------------------------------------------------------------------


def _value_axis(
    values: Iterable[float | None], lang: Lang, title: str, *, zero: bool = False, text_room: bool = False
) -> dict:
    """A y axis whose ticks are written like the page's numbers (45万 / 450,000); `text_room` leaves space
    beyond the bars for their value labels."""
    vals = [v for v in values if v is not None and math.isfinite(v)]
    axis: dict[str, Any] = {"title": {"text": title}, "gridcolor": GRID_COLOUR, "zerolinecolor": st.AXIS_LINE}
    if not vals:
        return axis
    lo, hi = min(vals), max(vals)
    if zero or (lo > 0 and lo < 0.5 * hi):
        lo = min(lo, 0.0)
    if zero and hi < 0:
        hi = 0.0
    ticks = nice_ticks(lo, hi)
    span = ticks[-1] - ticks[0]
    below = 0.0 if ticks[0] == 0 and lo >= 0 else span * (0.14 if text_room and lo < 0 else 0.04)
    above = span * (0.12 if text_room and hi > 0 else 0.04)
    axis |= {
        "tickvals": ticks,
        "ticktext": [ct.number(t, lang) for t in ticks],
        "range": [ticks[0] - below, ticks[-1] + above],
    }
    return axis


LEGEND_GAP_PX = 62  # below the x axis: tick labels and the axis title come first


def _layout(lang: Lang, x_years: Iterable[int], y_axis: dict, *, height: int = 420) -> dict:
    years = list(x_years)
    lo, hi = (min(years), max(years)) if years else (2015, 2020)
    margin = {"l": 76, "r": 30, "t": 36, "b": 120}
    plot_height = height - margin["t"] - margin["b"]
    return {
        "font": {"family": FONT, "size": 13, "color": st.INK},
        "height": height,
        "margin": margin,
        "paper_bgcolor": st.PAPER,
        "plot_bgcolor": st.PAPER,
        "hovermode": "x unified",
        "hoverlabel": {"font": {"family": FONT}},
        "legend": {"orientation": "h", "y": -LEGEND_GAP_PX / plot_height, "yanchor": "top", "x": 0,
                   "font": {"size": 12}},
        "xaxis": {
            "title": {"text": _labels(lang)["year"]},
            "dtick": 1 if hi - lo <= 12 else 2,
            "tickformat": "d",
            "range": [lo - 0.6, hi + 0.6],
            "gridcolor": GRID_COLOUR,
            "showline": True,
            "linecolor": st.AXIS_LINE,
        },
        "yaxis": y_axis,
        "shapes": [],
        "annotations": [],
        "separators": ".,",
    }


def _line(
    name: str, x: list, y: list, lang: Lang, unit: str | None, *, colour: str, dash: str = "solid",
    width: float = 2, markers: bool = False, signed: bool = False, **extra: Any,
) -> dict:
    trace = {
        "type": "scatter",
        "name": name,
        "x": x,
        "y": y,
        "mode": "lines+markers" if markers else "lines",
        "line": {"color": colour, "dash": dash, "width": width},
        "text": ct.values(y, unit, lang, signed=signed),
        "hovertemplate": "%{text}",
    }
    if markers:
        trace["marker"] = {"size": 8, "color": colour}
    return trace | extra


def _deadline_marker(layout: dict, deadline: object, lang: Lang) -> None:
    if _missing(deadline):
        return
    d = int(deadline)  # type: ignore[call-overload]
    layout["shapes"].append(
        {"type": "line", "xref": "x", "yref": "paper", "x0": d, "x1": d, "y0": 0, "y1": 1,
         "line": {"color": st.DEADLINE_LINE, "dash": "dot", "width": 1}}
    )
    layout["annotations"].append(
        {"x": d, "xref": "x", "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False,
         "text": f"{_labels(lang)['deadline']} {d}", "font": {"size": 11, "color": st.DEADLINE_TEXT}}
    )


def _gap_note(layout: dict, x: int, y_from: float, y_to: float, gap: float, unit: str | None, lang: Lang,
              colour: str, *, pp: bool = False, yref: str = "y") -> list[dict]:
    """The gap at the latest year: a bracket from the actual value to what the target asks, labelled
    on the side of the bracket that has room (left when the latest year is near the right edge)."""
    lab = _labels(lang)
    text = f"{lab['gap']} {ct.value(gap, 'percent' if pp else unit, lang, signed=True)}"
    lo, hi = layout["xaxis"]["range"]
    left = (x - lo) / ((hi - lo) or 1) > 0.7
    layout["annotations"].append(
        {"x": x, "y": (y_from + y_to) / 2, "xref": "x", "yref": yref, "text": f"<b>{text}</b>",
         "showarrow": True, "arrowhead": 0, "ax": -40 if left else 40, "ay": 0,
         "xanchor": "right" if left else "left",
         "bgcolor": st.NOTE_BACKGROUND, "bordercolor": colour, "font": {"color": colour, "size": 12}}
    )
    return [
        {"type": "scatter", "name": lab["gap"], "x": [x, x], "y": [y_from, y_to], "mode": "lines",
         "line": {"color": colour, "width": 2, "dash": "dot"}, "showlegend": False, "hoverinfo": "skip",
         "yaxis": yref}
    ]


def _colon(lang: Lang) -> str:
    return ct.pick(lang, "：", ": ")


def _labels(lang: Lang) -> Mapping[str, str]:
    return LABELS[lang] if isinstance(lang, str) else ct.Labels(lang, LABELS)


def _status(target: Mapping) -> vocab.Status:
    return vocab.STATUS_BY_CODE.get(str(target.get("status")), vocab.STATUS_BY_CODE["no_data"])


def _proxy_groups(c: dict[str, list], order: Iterable[int], lang: str) -> list[tuple[Any, list[int]]]:
    """(name, rows) of each proxy in name order, its rows in year order (missing names left out), as
    proxies.sort_values("year").groupby(name_col, sort=True) gives them."""
    name_col = f"indicator_name_{lang}" if f"indicator_name_{lang}" in c else "indicator_name"
    groups: dict[Any, list[int]] = {}
    for i in order:
        name = c[name_col][i]
        if not _missing(name):
            groups.setdefault(name, []).append(i)
    return [(name, groups[name]) for name in sorted(groups)]


def _proxy_traces(proxies: Table | None, lang: Lang, unit: str | None) -> list[dict]:
    """Related series shown only for context, labelled as proxies in the legend and the hover text. Both languages
    at once (a Texts table) when they group and order the rows alike, else Untokenisable."""
    if not _length(proxies):
        return []
    lab = _labels(lang)
    traces = []
    if isinstance(proxies, pd.DataFrame):
        proxies = proxies.sort_values("year")
        order: Iterable[int] = range(len(proxies))
    else:
        order = _sorted_order(proxies["year"]) or range(_length(proxies))
    c = columns(proxies, ("year", "value", "indicator_name", "indicator_name_zh", "indicator_name_en"))
    if isinstance(lang, str):
        groups = _proxy_groups(c, order, lang)
    else:
        zh, en = _proxy_groups(c, order, "zh"), _proxy_groups(c, order, "en")
        if [r for _, r in zh] != [r for _, r in en]:
            raise ct.Untokenisable("the proxies' names order differently in the two languages")
        groups = [(lang.pair(str(z), str(e)), rows) for (z, rows), (e, _) in zip(zh, en, strict=True)]
    for k, (name, rows) in enumerate(groups):
        values = [c["value"][i] for i in rows]
        traces.append(
            {"type": "scatter", "name": f"{lab['proxy']}{_colon(lang)}{name}", "x": _years(c["year"][i] for i in rows),
             "y": _nums(values), "mode": "markers",
             "marker": {"symbol": st.PROXY_SYMBOLS[k % 3], "size": 10,
                        "color": PROXY_COLOUR, "line": {"width": 2}},
             "text": ct.values(values, unit, lang), "hovertemplate": "%{text}"}
        )
    return traces


# A phone (below 640 px): the same chart in less room. Overrides as Plotly attribute paths ("margin.l"), applied by
# dashboards/static/site.js before it draws: the browser picks the variant, Python decides what it is.
NARROW_MAX_PX = 639
NARROW_X_TICKS = 6  # year labels that fit a phone's axis at 11 px


def _narrow(layout: dict) -> dict[str, Any]:
    """The phone variant of a year-axis chart: smaller type and margins, fewer year labels, no x-axis title (the
    ticks are plainly years), the legend kept just below the ticks."""
    lo, hi = layout["xaxis"]["range"]
    span = max(1, round(hi - lo - 1.2))
    margin = {"l": 48, "r": 46 if "yaxis2" in layout else 8, "t": 30, "b": 100}
    height = layout["height"] - 30
    plot_height = height - margin["t"] - margin["b"]
    return {
        "height": height, "font.size": 11, "legend.font.size": 11, "hoverlabel.font.size": 11,
        **{f"margin.{k}": v for k, v in margin.items()},
        "xaxis.dtick": max(int(layout["xaxis"].get("dtick", 1)), math.ceil(span / NARROW_X_TICKS)),
        "xaxis.title.text": "",
        "legend.y": -34 / plot_height,
        "yaxis.title.font.size": 11,
    }


def _spec(traces: list[dict], layout: dict) -> Spec:
    return {"data": traces, "layout": layout, "narrow": _narrow(layout)}


def apply_overrides(layout: Mapping, overrides: Mapping[str, Any]) -> dict:
    """`layout` with attribute-path overrides set ({"margin.l": 48}): what site.js does before drawing (tests)."""
    out = json.loads(json.dumps(layout))
    for path, value in overrides.items():
        *parents, last = path.split(".")
        node = out
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return out


# --- gap charts --------------------------------------------------------------------------------


def gap_chart(
    target: Mapping,
    years: Table,
    reference: Table | None,
    proxies: Table | None,
    lang: Lang,
    y_title: str,
    reference_name: str = "",
) -> Spec:
    """Actual series against the target, the required path from baseline to deadline, the projection to
    the deadline and the gap at the latest year; per-year targets get yearly bars and a cumulative line.

    `target` is one assessments row (with its targets columns); `years` its assessment_years rows;
    `reference` the reference jurisdiction's series (year, value) for relative targets; `proxies`
    related series (year, value, indicator_name[_zh|_en]) shown only as labelled proxies.
    """
    if bool(target.get("per_year")):
        return per_year_chart(target, years, proxies, lang, y_title)
    lab = _labels(lang)
    status = _status(target)
    unit = target.get("unit")
    relative = target.get("comparator") == "relative_to_reference"
    years = columns(years, ("year", "value"), in_year_order=True)
    n_years = len(years["year"])
    traces: list[dict] = []
    x_all: list[int] = _years(years["year"])
    y_all: list[float | None] = _nums(years["value"])
    deadline = None if _missing(target.get("deadline")) else int(target["deadline"])

    if relative and _length(reference):
        ref = columns(reference, ("year", "value"), in_year_order=True)
        name = f"{lab['reference']}{_colon(lang)}{reference_name}" if reference_name else lab["reference"]
        traces.append(_line(name, _years(ref["year"]), _nums(ref["value"]), lang, unit, colour=REFERENCE_COLOUR,
                            dash="dash", markers=True))
        x_all += _years(ref["year"])
        y_all += _nums(ref["value"])

    level = goal_level(target)
    if not relative and deadline is not None and level is not None:
        first = min([*x_all, deadline, *([int(target["base_year"])] if not _missing(target.get("base_year")) else [])])
        last = max([*x_all, deadline])
        if target.get("comparator") == "growth_rate":  # the goal grows every year: mark where it must end up
            traces.append({"type": "scatter", "name": lab["target"], "x": [deadline], "y": [level], "mode": "markers",
                           "marker": {"symbol": "star", "size": 15, "color": TARGET_COLOUR},
                           "text": [ct.value(level, unit, lang)], "hovertemplate": "%{text}"})
        else:
            traces.append(_line(lab["target"], [first, last], [level, level], lang, unit, colour=TARGET_COLOUR,
                                dash="dash", width=1.5))
        if not _missing(target.get("value_high")) and target.get("comparator") == "range":
            high = float(target["value_high"])
            traces.append(_line(lab["target_high"], [first, last], [high, high], lang, unit, colour=TARGET_COLOUR,
                                dash="dot", width=1))
            y_all.append(high)
        y_all.append(level)
        required = target_path(target, level)
        if required is not None:
            path_years, path = required
            traces.append(_line(lab["path"], path_years, path, lang, unit, colour=PATH_COLOUR, dash="dash",
                                width=1.5))
            x_all.append(path_years[0])  # the base year
            y_all.append(float(target["base_value"]))
        proj = _projection(target)
        if proj is not None:
            traces.append(_line(lab["projection"], proj[0], proj[1], lang, unit, colour=status.colour, dash="dot",
                                width=2))
            x_all += proj[0]
            y_all += proj[1]

    if n_years:
        traces.append(_line(lab["actual"], _years(years["year"]), _nums(years["value"]), lang, unit,
                            colour=status.colour, width=3, markers=True))
    for t in _proxy_traces(proxies, lang, unit):
        traces.append(t)
        x_all += t["x"]
        y_all += t["y"]

    if deadline is not None:
        x_all.append(deadline)
    layout = _layout(lang, x_all, _value_axis(y_all, lang, y_title))
    _deadline_marker(layout, deadline, lang)
    latest_year, latest_value, gap = target.get("latest_year"), target.get("latest_value"), target.get("latest_gap")
    if n_years and not _missing(latest_year) and not _missing(gap) and not _missing(latest_value):
        goal_now = target.get("latest_reference_value") if relative else target.get("latest_goal")
        if not _missing(goal_now):
            traces += _gap_note(layout, int(latest_year), float(latest_value), float(goal_now), float(gap), unit,
                                lang, status.colour, pp=relative)
    return _spec(traces, layout)


def _projection(target: Mapping) -> tuple[list[int], list[float]] | None:
    """The trend from the latest figure to the deadline, when the deadline is still ahead of the data."""
    latest_year, deadline = target.get("latest_year"), target.get("deadline")
    if _missing(latest_year) or _missing(deadline) or int(latest_year) >= int(deadline):
        return None
    column = "projection_compound" if target.get("projection_used") == "compound" else "projection_linear"
    proj = target.get(column)
    if _missing(proj):
        proj = target.get("projection_linear")
    if _missing(proj) or _missing(target.get("latest_metric")):
        return None
    return [int(latest_year), int(target["projection_year"])], [float(target["latest_metric"]), float(proj)]


def _gap_series_name(lang: str, reference_name: str) -> str:
    lab = LABELS[lang]
    return f"{lab['gap_series']}（{reference_name}）" if reference_name and lang == "zh" else (
        f"{lab['gap_series']} ({reference_name})" if reference_name else lab["gap_series"])


def gap_pp_chart(target: Mapping, years: Table, lang: Lang, reference_name: str = "") -> Spec:
    """For relative targets: the gap to the reference in percentage points, year by year, with the
    path the gap had to follow from the baseline to 0 at the deadline and its projection."""
    lab = _labels(lang)
    status = _status(target)
    years = columns(years, ("year", "metric"), in_year_order=True)
    x = _years(years["year"])
    gaps = _nums(years["metric"])
    name = _gap_series_name(lang, reference_name) if isinstance(lang, str) else lang.pair(
        *(_gap_series_name(lg, r) for lg, r in zip(("zh", "en"), lang.both(reference_name), strict=True)))
    colours = [vocab.STATUS_BY_CODE["achieved"].colour if (g is not None and g >= 0) else status.colour for g in gaps]
    traces: list[dict] = [
        {"type": "bar", "name": name, "x": x, "y": gaps, "marker": {"color": colours},
         "text": [("+" if g and g > 0 else "") + ct.number(g, lang) for g in gaps], "textposition": "outside",
         "hovertext": ct.values(gaps, "percent", lang, signed=True),
         "hovertemplate": "%{hovertext}", "cliponaxis": False}
    ]
    deadline = None if _missing(target.get("deadline")) else int(target["deadline"])
    y_all: list[float | None] = [*gaps, 0.0]
    x_all = list(x)
    base_year, base_value = target.get("base_year"), target.get("base_value")
    if deadline is not None and not _missing(base_year) and not _missing(base_value) and int(base_year) < deadline:
        traces.append(_line(lab["path"], [int(base_year), deadline], [float(base_value), 0.0], lang, "percent",
                            colour=PATH_COLOUR, dash="dash", width=1.5, signed=True))
        x_all += [int(base_year), deadline]
    proj = _projection(target)
    if proj is not None:
        traces.append(_line(lab["projection"], proj[0], proj[1], lang, "percent", colour=status.colour, dash="dot",
                            signed=True))
        x_all += proj[0]
        y_all += proj[1]
    layout = _layout(lang, x_all, _value_axis(y_all, lang, lab["gap_pp"], zero=True, text_room=True), height=380)
    layout["yaxis"]["zeroline"] = False
    layout["shapes"].append(
        {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
         "line": {"color": TARGET_COLOUR, "dash": "dash", "width": 1.5}}
    )
    layout["annotations"].append(
        {"xref": "paper", "x": 0, "xanchor": "left", "yref": "y", "y": 0, "yanchor": "bottom", "showarrow": False,
         "text": lab["gap_zero"], "font": {"size": 11, "color": TARGET_COLOUR}}
    )
    _deadline_marker(layout, deadline, lang)
    return _spec(traces, layout)


def per_year_chart(
    target: Mapping, years: Table, proxies: Table | None, lang: Lang, y_title: str
) -> Spec:
    """A target set for every year (每年…): yearly bars against the yearly target, and the cumulative
    actual against the cumulative target over the plan years on a second axis."""
    lab = _labels(lang)
    unit = target.get("unit")
    yearly = _num(target.get("target_value_stated"))
    deadline = None if _missing(target.get("deadline")) else int(target["deadline"])
    start = target.get("plan_start")
    start = None if _missing(start) else int(start)
    years = columns(years, ("year", "value", "in_plan", "met"), in_year_order=True)
    n_years = len(years["year"])
    traces: list[dict] = []
    x_all = _years(years["year"])
    y_all: list[float | None] = _nums(years["value"])
    in_plan = [False if _missing(v) else bool(v) for v in years.get("in_plan", [None] * n_years)]
    if n_years:
        met = [False if _missing(v) else bool(v) for v in years["met"]]
        codes = [("achieved" if m else "missed") if p else "no_data" for p, m in zip(in_plan, met, strict=True)]
        statuses = [vocab.STATUS_BY_CODE[c] for c in codes]
        colours = [s.colour for s in statuses]
        inks = [s.text_colour for s in statuses]  # the value must read on its bar
        traces.append(
            {"type": "bar", "name": lab["actual_yearly"], "x": _years(years["year"]), "y": _nums(years["value"]),
             "marker": {"color": colours}, "text": ct.values(years["value"], unit, lang),
             "textposition": "inside", "insidetextanchor": "end", "textfont": {"color": inks},
             "hovertemplate": "%{text}"}
        )
    plan_years = list(range(start, deadline + 1)) if start is not None and deadline is not None else []
    if yearly is not None and plan_years:
        traces.append(_line(lab["target_yearly"], [plan_years[0] - 0.4, plan_years[-1] + 0.4], [yearly, yearly],
                            lang, unit, colour=TARGET_COLOUR, dash="dash", width=2))
        traces[-1]["text"] = [ct.value(yearly, unit, lang, per_year=True)] * 2
        y_all.append(yearly)
        x_all += plan_years
    # Cumulative over the plan years, on a second axis, once there is something to add up.
    done = [i for i in range(n_years) if in_plan[i]]
    y2_all: list[float | None] = []
    if done and plan_years:
        if yearly is not None:
            cum_goal = [yearly * (i + 1) for i in range(len(plan_years))]
            traces.append(_line(lab["cumulative_target"], plan_years, cum_goal, lang, unit, colour=TARGET_COLOUR,
                                dash="dot", width=1.5, yaxis="y2"))
            y2_all += cum_goal
        cum = cumulative(years["value"][i] for i in done)
        traces.append(_line(lab["cumulative"], _years(years["year"][i] for i in done), _nums(cum), lang, unit,
                            colour=_status(target).colour, width=2.5, markers=True, yaxis="y2"))
        y2_all += _nums(cum)
    for t in _proxy_traces(proxies, lang, unit):
        traces.append(t)
        x_all += t["x"]
        y_all += t["y"]
    if deadline is not None:
        x_all.append(deadline)
    layout = _layout(lang, x_all, _value_axis(y_all, lang, y_title, zero=True, text_room=True))
    if y2_all:
        y2 = _value_axis(y2_all, lang, lab["cumulative_axis"], zero=True)
        layout["yaxis2"] = y2 | {"overlaying": "y", "side": "right", "showgrid": False}
        layout["margin"]["r"] = 70
    layout["barmode"] = "overlay"
    _deadline_marker(layout, deadline, lang)
    latest_year, latest_value, gap = target.get("latest_year"), target.get("latest_value"), target.get("latest_gap")
    if n_years and not any(_missing(v) for v in (latest_year, latest_value, gap, target.get("latest_goal"))):
        # above the latest bar (a bracket between a bar and the yearly line would be too short to read)
        layout["annotations"].append(
            {"x": int(latest_year), "y": max(float(latest_value), float(target["latest_goal"])), "xref": "x",
             "yref": "y", "text": f"<b>{lab['gap']} {ct.value(float(gap), unit, lang, signed=True)}</b>",
             "showarrow": True, "arrowhead": 0, "ax": 0, "ay": -26, "yanchor": "bottom",
             "bgcolor": st.NOTE_BACKGROUND, "bordercolor": _status(target).colour,
             "font": {"color": _status(target).colour, "size": 12}}
        )
    return _spec(traces, layout)


def status_overview(counts: pd.DataFrame, lang: str, title: str = "") -> Spec:
    """Stacked bars: targets by status for each jurisdiction; `counts` has jurisdiction_name, status, n."""
    names = list(dict.fromkeys(counts["jurisdiction_name"]))
    traces = []
    for s in vocab.STATUSES:
        sub = counts[counts["status"] == s.code].set_index("jurisdiction_name")["n"]
        if len(sub):
            traces.append(
                {"type": "bar", "orientation": "h", "name": f"{s.icon} {s.zh if lang == 'zh' else s.en}",
                 "y": names, "x": [int(sub.get(n, 0)) for n in names], "marker": {"color": s.colour},
                 "hovertemplate": "%{y}: %{x}"}
            )
    plot_height = 30 + 34 * max(1, len(names))
    label_px = max((len(str(n)) for n in names), default=4) * (14 if lang == "zh" else 7.5)
    layout: dict[str, Any] = {
        "barmode": "stack",
        "font": {"family": FONT, "size": 13, "color": st.INK},
        "height": plot_height + 50 + 56,
        "margin": {"l": int(min(240, 16 + label_px)), "r": 20, "t": 50, "b": 56},
        "legend": {"orientation": "h", "y": -12 / plot_height, "yanchor": "top", "x": 0, "traceorder": "normal"},
        "xaxis": {"gridcolor": GRID_COLOUR, "tickformat": "d", "side": "top",
                  "title": {"text": LABELS[lang]["count"], "standoff": 4}},
        "yaxis": {"autorange": "reversed"},
        "paper_bgcolor": st.PAPER,
        "plot_bgcolor": st.PAPER,
    }
    if title:
        layout["title"] = {"text": title, "x": 0.01}
    if len(counts) and counts.groupby("jurisdiction_name")["n"].sum().max() <= 12:
        layout["xaxis"]["dtick"] = 1
    # a phone: names keep their room up to a third of the screen, the legend wraps into up to three rows
    narrow_label = max((len(str(n)) for n in names), default=4) * (12 if lang == "zh" else 6.5)
    narrow = {"font.size": 11, "margin.l": int(min(130, 12 + narrow_label)), "margin.r": 12, "margin.b": 96,
              "legend.font.size": 11, "height": plot_height + 50 + 96}
    return {"data": traces, "layout": layout, "narrow": narrow}


def target_charts(
    target: Mapping, years: Table, reference: Table | None, proxies: Table | None, *, texts: Texts | None = None,
    reference_name: str | None = None,
) -> list[dict[str, Any]]:
    """Every chart of one target page, in both languages: [{"title": a strings.yaml key, "id": "gap" | "gappp",
    "specs": {"zh": spec, "en": spec}}]. Both layouts show these: the small one inline, the large one from its data
    files (built once through `texts`, shared_charts: "specs" then holds {"both": spec})."""
    relative = target.get("comparator") == "relative_to_reference"
    has_proxies = _length(proxies) > 0
    n_years = _length(years)
    drawable = target.get("comparator") != "qualitative" and (n_years or has_proxies or target.get("per_year"))
    if not drawable:
        return []
    unit = target.get("unit")
    title = "chart_per_year" if target.get("per_year") else ("chart_relative" if relative else "chart_gap")
    langs: dict[str, tuple[Lang, str]] = {lg: (lg, target.get(f"reference_{lg}") or "") for lg in LABELS} \
        if texts is None else {"both": (texts, reference_name or "")}
    sets = [{"title": title, "id": "gap", "specs": {
        key: gap_chart(target, years, reference, proxies if has_proxies else None, lg, axis_title(unit, lg), ref)
        for key, (lg, ref) in langs.items()}}]
    if relative and n_years:
        sets.append({"title": "chart_gap_pp", "id": "gappp", "specs": {
            key: gap_pp_chart(target, years, lg, ref) for key, (lg, ref) in langs.items()}})
    return sets


def shared_charts(
    target: Mapping, years: Table, reference: Table | None, proxies: Table | None, texts: Texts
) -> list[dict[str, Any]]:
    """target_charts built once for both languages: [{"title", "id", "spec"}], `spec` holding tokens of `texts`
    (targetwatch.chart_texts: chart_texts.resolve(spec, texts.table(lg)) is target_charts' specs[lg]); a chart
    whose texts cannot be tokenised keeps target_charts' "specs" (both languages built, nothing added to `texts`)."""
    drawn = len(texts)
    try:
        ref = texts.both_names(target.get("reference_zh") or "", target.get("reference_en") or "")
        return [{"title": s["title"], "id": s["id"], "spec": s["specs"]["both"]}
                for s in target_charts(target, years, reference, proxies, texts=texts, reference_name=ref)]
    except ct.Untokenisable:
        texts.forget(drawn)
        return target_charts(target, years, reference, proxies)


def to_figure(spec: Spec, *, narrow: bool = False):
    """The spec as a validated `plotly.graph_objects.Figure` (raises on any property Plotly does not know); `narrow`
    validates its phone variant."""
    import plotly.graph_objects as go

    layout = apply_overrides(spec["layout"], spec.get("narrow", {})) if narrow else spec["layout"]
    return go.Figure({"data": spec["data"], "layout": layout})
