"""Plotly figure builders: data in, figure out. No file I/O here (the site module writes pages).

Labels come in the page language (zh first); colours come from targetwatch.vocab.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from targetwatch import vocab

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

LABELS = {
    "zh": {
        "actual": "实际值",
        "target": "目标值",
        "path": "应达路径",
        "projection": "趋势外推",
        "year": "年份",
        "reference": "参照（全国）",
        "gap": "差距",
        "count": "目标数",
        "proxy": "替代指标（仅供参考）",
        "gap_pp": "差距（百分点）",
    },
    "en": {
        "actual": "Actual",
        "target": "Target",
        "path": "Required path",
        "projection": "Projection",
        "year": "Year",
        "reference": "Reference (national)",
        "gap": "Gap",
        "count": "Targets",
        "proxy": "Proxy (for context only)",
        "gap_pp": "Gap (percentage points)",
    },
}


def format_number(value: float | None, lang: str) -> str:
    """万/亿 in Chinese, thousands separators in English; None -> an em dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    v = float(value)
    if lang == "zh":
        for size, word in ((1e8, "亿"), (1e4, "万")):
            if abs(v) >= size:
                return f"{v / size:,.4g}{word}"
        return f"{v:,.4g}" if v != int(v) else f"{int(v):d}"
    if abs(v) >= 1e9:
        return f"{v / 1e9:,.3g} bn"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.4g}"


def _layout(fig: go.Figure, title: str, lang: str, y_title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        font={"family": FONT, "size": 13},
        template="plotly_white",
        height=380,
        margin={"l": 60, "r": 20, "t": 60, "b": 40},
        hovermode="x unified",
        legend={"orientation": "h", "y": -0.18},
        xaxis_title=LABELS[lang]["year"],
        yaxis_title=y_title,
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    return fig


def gap_chart(
    target: pd.Series,
    years: pd.DataFrame,
    reference: pd.DataFrame | None,
    proxies: pd.DataFrame | None,
    lang: str,
    title: str,
    y_title: str,
) -> go.Figure:
    """Actual series against the target, the required path from baseline to deadline, and the projection.

    `target` is one assessments row; `years` its assessment_years rows; `reference` the reference
    jurisdiction's series for relative targets; `proxies` related series shown only as labelled proxies.
    """
    lab = LABELS[lang]
    fig = go.Figure()
    years = years.sort_values("year")
    status = vocab.STATUS_BY_CODE[target["status"]]
    if len(years):
        fig.add_trace(
            go.Scatter(
                x=years["year"],
                y=years["value"],
                mode="lines+markers",
                name=lab["actual"],
                line={"color": status.colour, "width": 3},
                marker={"size": 8},
            )
        )
    if reference is not None and len(reference):
        fig.add_trace(
            go.Scatter(
                x=reference["year"],
                y=reference["value"],
                mode="lines+markers",
                name=lab["reference"],
                line={"color": "#555", "dash": "dot"},
            )
        )
    deadline = target.get("deadline")
    goal = target.get("goal_at_deadline")
    stated = target.get("target_value_stated")
    comparator = target.get("comparator")
    if comparator not in ("relative_to_reference", "qualitative") and pd.notna(deadline):
        level = goal if pd.notna(goal) else stated
        if pd.notna(level):
            fig.add_hline(
                y=float(level),
                line={"color": "#b42318", "dash": "dash"},
                annotation_text=f"{lab['target']} {format_number(level, lang)} ({int(deadline)})",
                annotation_position="top left",
            )
        base_year, base_value = target.get("base_year"), target.get("base_value")
        if pd.notna(base_year) and pd.notna(base_value) and pd.notna(level) and int(base_year) < int(deadline):
            fig.add_trace(
                go.Scatter(
                    x=[int(base_year), int(deadline)],
                    y=[base_value, level],
                    mode="lines",
                    name=lab["path"],
                    line={"color": "#8c8c8c", "dash": "dash"},
                )
            )
        proj = target.get("projection_linear")
        if pd.notna(proj) and pd.notna(target.get("latest_year")):
            fig.add_trace(
                go.Scatter(
                    x=[int(target["latest_year"]), int(target["projection_year"])],
                    y=[target["latest_value"], proj],
                    mode="lines",
                    name=lab["projection"],
                    line={"color": status.colour, "dash": "dot", "width": 1.5},
                )
            )
    if proxies is not None and len(proxies):
        for name, grp in proxies.groupby("indicator_name"):
            fig.add_trace(
                go.Scatter(
                    x=grp["year"],
                    y=grp["value"],
                    mode="markers",
                    name=f"{lab['proxy']}: {name}",
                    marker={"symbol": "diamond-open", "size": 9},
                )
            )
    if len(years) and pd.notna(target.get("latest_gap")):
        gap = target["latest_gap"]
        unit_pp = comparator == "relative_to_reference"
        text = f"{lab['gap']} {'+' if gap >= 0 else ''}{format_number(gap, lang)}{'pp' if unit_pp else ''}"
        fig.add_annotation(
            x=int(target["latest_year"]),
            y=float(target["latest_value"]),
            text=text,
            showarrow=True,
            arrowhead=2,
            ay=-40,
        )
    return _layout(fig, title, lang, y_title)


def status_overview(counts: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Stacked bars: targets by status for each jurisdiction; `counts` has jurisdiction_name, status, n."""
    fig = go.Figure()
    for s in vocab.STATUSES:
        sub = counts[counts["status"] == s.code]
        if len(sub):
            fig.add_trace(
                go.Bar(
                    y=sub["jurisdiction_name"],
                    x=sub["n"],
                    name=s.zh if lang == "zh" else s.en,
                    orientation="h",
                    marker_color=s.colour,
                )
            )
    fig.update_layout(
        barmode="stack",
        font={"family": FONT, "size": 13},
        template="plotly_white",
        title={"text": title, "x": 0.01},
        height=120 + 40 * max(1, counts["jurisdiction_name"].nunique()),
        margin={"l": 90, "r": 20, "t": 50, "b": 30},
        legend={"orientation": "h", "y": -0.3},
        xaxis_title=LABELS[lang]["count"],
    )
    return fig
