"""Axis ticks and the gap charts' traces for each kind of target, built from a SYNTHETIC assessment
(tests/targetwatch/test_site.py); numbers are tested in test_formatting.py."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from targetwatch import chart_rows, charts, vocab
from targetwatch.config import PROJECT_DIR
from targetwatch.render.rows import target_rows
from tests.targetwatch.test_site import synthetic_site_data


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (0, 1000, [0, 200, 400, 600, 800, 1000]),
        (0, 450000, [0, 100000, 200000, 300000, 400000, 500000]),
        (-1.49, 0, [-1.5, -1.0, -0.5, 0]),
        (0.95, 2.65, [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]),
        (5, 5, [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]),  # a flat series still gets an axis
    ],
)
def test_nice_ticks(lo, hi, expected):
    assert charts.nice_ticks(lo, hi) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("unit", "lang", "expected"),
    [("count", "zh", "数量（个）"), ("percent", "zh", "比重（%）"), ("persons", "en", "Persons"),
     ("percent", "en", "Share (%)"), (None, "zh", "")],
)
def test_axis_title(unit, lang, expected):
    assert charts.axis_title(unit, lang) == expected


@pytest.fixture(scope="module")
def synthetic():
    data = synthetic_site_data()
    rows = {r["target_id"]: r for r in target_rows(data).to_dict("records")}
    years = {k: g for k, g in data.assessment_years.groupby("target_id")}
    return rows, years


def _names(spec: dict) -> list[str]:
    return [t["name"] for t in spec["data"]]


def _valid(spec: dict) -> dict:
    json.dumps(spec, allow_nan=False)  # embeddable as it is
    charts.to_figure(spec)  # every property is one Plotly knows
    charts.to_figure(spec, narrow=True)  # and so is every property of its phone variant
    return spec


# (target, language, trace names expected in order of drawing)
TRACE_CASES = [
    ("syn-stock", "zh", ["目标值", "应达路径", "趋势外推", "实际值", "差距"]),
    ("syn-stock", "en", ["Target", "Required path", "Projection", "Actual", "Gap"]),
    ("syn-relative", "zh", ["参照：全国", "实际值", "差距"]),
    ("syn-relative", "en", ["Reference: National", "Actual", "Gap"]),
    ("syn-per-year", "zh", ["每年实际值", "每年目标", "累计目标", "累计实际值"]),
    ("syn-per-year", "en", ["Actual (each year)", "Yearly target", "Cumulative target", "Cumulative actual"]),
]


@pytest.mark.parametrize(("target_id", "lang", "names"), TRACE_CASES)
def test_gap_chart_traces(synthetic, target_id, lang, names):
    rows, years = synthetic
    r = rows[target_id]
    reference = years[target_id][["year", "reference_value"]].rename(columns={"reference_value": "value"})
    spec = _valid(charts.gap_chart(r, years[target_id], reference, None, lang, charts.axis_title(r["unit"], lang),
                                   r[f"reference_{lang}"] if isinstance(r[f"reference_{lang}"], str) else ""))
    assert _names(spec) == names
    assert spec["layout"]["xaxis"]["title"]["text"] == charts.LABELS[lang]["year"]
    assert spec["layout"]["yaxis"]["title"]["text"] == charts.axis_title(r["unit"], lang)


def test_stock_chart_uses_the_status_colour_and_annotates_the_gap(synthetic):
    rows, years = synthetic
    r = rows["syn-stock"]
    spec = charts.gap_chart(r, years["syn-stock"], None, None, "zh", "数量（个）")
    actual = next(t for t in spec["data"] if t["name"] == "实际值")
    assert actual["line"]["color"] == vocab.STATUS_BY_CODE[r["status"]].colour
    assert actual["x"] == [2020, 2021, 2022] and actual["text"][-1] == "640个"
    target = next(t for t in spec["data"] if t["name"] == "目标值")
    assert target["y"] == [1000.0, 1000.0] and target["x"][-1] == 2025
    path = next(t for t in spec["data"] if t["name"] == "应达路径")
    assert path["x"][0] == 2020 and path["y"][0] == 400 and path["y"][-1] == pytest.approx(1000)
    notes = [a["text"] for a in spec["layout"]["annotations"]]
    assert "<b>差距 -360个</b>" in notes and "截止 2025" in notes


def test_relative_chart_has_the_reference_and_no_fixed_target(synthetic):
    rows, years = synthetic
    r = rows["syn-relative"]
    reference = years["syn-relative"][["year", "reference_value"]].rename(columns={"reference_value": "value"})
    spec = charts.gap_chart(r, years["syn-relative"], reference, None, "zh", "比重（%）", "全国")
    ref = spec["data"][0]
    assert ref["name"] == "参照：全国" and ref["y"] == [2.0, 2.1, 2.2]
    assert "目标值" not in _names(spec)
    assert any("差距 -0.9个百分点" in a["text"] for a in spec["layout"]["annotations"])


def test_gap_in_points_chart_for_relative_targets(synthetic):
    rows, years = synthetic
    spec = _valid(charts.gap_pp_chart(rows["syn-relative"], years["syn-relative"], "zh", "全国"))
    bars = spec["data"][0]
    assert bars["type"] == "bar" and bars["y"] == pytest.approx([-1.0, -1.0, -0.9])
    assert bars["hovertext"][-1] == "-0.9个百分点"
    assert _names(spec)[1:] == ["应达路径", "趋势外推"]
    assert spec["layout"]["yaxis"]["title"]["text"] == "差距（百分点）"
    assert spec["layout"]["shapes"][0]["y0"] == 0  # the target: a gap of zero


def test_per_year_bars_are_coloured_met_or_missed(synthetic):
    rows, years = synthetic
    spec = charts.gap_chart(rows["syn-per-year"], years["syn-per-year"], None, None, "zh", "人数（人）")
    bars = next(t for t in spec["data"] if t["type"] == "bar")
    met, missed = vocab.STATUS_BY_CODE["achieved"].colour, vocab.STATUS_BY_CODE["missed"].colour
    assert bars["x"] == [2020, 2021, 2022] and bars["marker"]["color"] == [met, missed, met]
    # the figure on each bar is written in the colour that reads on that bar: ink on green, white on vermillion
    assert bars["textfont"]["color"] == ["#1f2328", "#ffffff", "#1f2328"]
    cumulative = next(t for t in spec["data"] if t["name"] == "累计实际值")
    assert cumulative["yaxis"] == "y2" and cumulative["y"] == [460000, 890000, 1345000]
    assert spec["layout"]["yaxis"]["ticktext"][-1].endswith("万")  # axis ticks in 万 too


def test_proxies_are_labelled_as_proxies(synthetic):
    rows, years = synthetic
    proxies = pd.DataFrame({"year": [2022], "value": [120.0], "indicator_name_zh": ["部分事物"],
                            "indicator_name_en": ["Some things"]})
    zh = _valid(charts.gap_chart(rows["syn-stock"], years["syn-stock"], None, proxies, "zh", "数量（个）"))
    en = charts.gap_chart(rows["syn-stock"], years["syn-stock"], None, proxies, "en", "Count")
    assert "替代指标（仅供参考）：部分事物" in _names(zh)
    assert "Proxy (context only): Some things" in _names(en)


def test_chart_without_figures_still_shows_the_target(synthetic):
    rows, years = synthetic
    r = dict(rows["syn-stock"]) | {"latest_year": None, "latest_value": None, "latest_gap": None}
    spec = _valid(charts.gap_chart(r, years["syn-stock"].iloc[0:0], None, None, "zh", "数量（个）"))
    assert "实际值" not in _names(spec) and "目标值" in _names(spec)


def test_phone_variant_keeps_the_chart_and_saves_room(synthetic):
    """Below 640 px: the same traces, smaller type and margins, at most 7 year labels, no x-axis title."""
    rows, years = synthetic
    spec = _valid(charts.gap_chart(rows["syn-stock"], years["syn-stock"], None, None, "zh", "数量（个）"))
    narrow = spec["narrow"]
    layout = charts.apply_overrides(spec["layout"], narrow)
    assert layout["font"]["size"] == 11 and layout["margin"] == {"l": 48, "r": 8, "t": 30, "b": 100}
    assert layout["height"] == 390  # 420 on a laptop
    assert layout["xaxis"]["title"]["text"] == "" and layout["font"]["family"] == charts.FONT  # the rest is kept
    lo, hi = layout["xaxis"]["range"]
    assert (hi - lo) / layout["xaxis"]["dtick"] <= 7
    assert spec["layout"]["font"]["size"] == 13  # the wide layout is untouched
    per_year = _valid(charts.gap_chart(rows["syn-per-year"], years["syn-per-year"], None, None, "zh", "人数（人）"))
    assert per_year["narrow"]["margin.r"] == 46  # room for the cumulative axis on the right


@pytest.mark.parametrize(("dotted", "expected"), [
    ({"margin.l": 4}, {"margin": {"l": 4, "r": 2}, "font": {"size": 13}}),
    ({"font.size": 11, "legend.font.size": 9}, {"margin": {"l": 1, "r": 2}, "font": {"size": 11},
                                                "legend": {"font": {"size": 9}}}),
    ({}, {"margin": {"l": 1, "r": 2}, "font": {"size": 13}}),
])
def test_apply_overrides(dotted, expected):
    base = {"margin": {"l": 1, "r": 2}, "font": {"size": 13}}
    assert charts.apply_overrides(base, dotted) == expected
    assert base == {"margin": {"l": 1, "r": 2}, "font": {"size": 13}}  # a copy: the spec itself is untouched


def test_status_overview_stacks_statuses_in_vocabulary_order():
    counts = pd.DataFrame({"jurisdiction_name": ["甘肃省", "山西省", "山西省"],
                           "status": ["no_data", "missed", "achieved_late"], "n": [2, 1, 1]})
    spec = _valid(charts.status_overview(counts, "zh"))
    assert _names(spec) == ["◑ 逾期实现", "✗ 未实现", "○ 无数据"]  # vocab.STATUSES order, icon and word from vocab
    assert [t["marker"]["color"] for t in spec["data"]] == [
        vocab.STATUS_BY_CODE[c].colour for c in ("achieved_late", "missed", "no_data")]
    assert _names(charts.status_overview(counts, "en")) == ["◑ Achieved late", "✗ Missed", "○ No data"]


# (comparator fields, observations, trace names): every comparator charts without error, as Plotly accepts
COMPARATOR_CASES = [
    ({"comparator": "at_most", "value": 50}, [(2016, 90), (2018, 70)], ["目标值", "应达路径", "趋势外推", "实际值"]),
    ({"comparator": "exceed", "value": 100}, [(2016, 40), (2018, 70)], ["目标值", "应达路径", "趋势外推", "实际值"]),
    ({"comparator": "approx", "value": 100}, [(2016, 40), (2018, 70)], ["目标值", "应达路径", "趋势外推", "实际值"]),
    ({"comparator": "range", "value": 100, "value_high": 120}, [(2016, 40), (2018, 70)],
     ["目标值", "目标上限", "应达路径", "趋势外推", "实际值"]),
    ({"comparator": "growth_rate", "value": 10, "baseline_year": 2015}, [(2015, 100), (2018, 120)],
     ["目标值", "应达路径", "趋势外推", "实际值"]),
    ({"comparator": "multiple_of_baseline", "multiple": 2, "baseline_year": 2015}, [(2015, 100), (2018, 150)],
     ["目标值", "应达路径", "趋势外推", "实际值"]),
]


@pytest.mark.parametrize(("fields", "rows", "names"), COMPARATOR_CASES)
def test_every_comparator_charts(fields, rows, names):
    import datetime as dt

    from targetwatch.assessment import assess
    from tests.conftest import observations, target, tiny_catalogue

    a, years = assess(tiny_catalogue(target(**fields)), observations([("xx", "things", y, v) for y, v in rows]),
                      dt.date(2020, 6, 30))  # 2018 figures are out, the 2020 deadline is ahead
    spec = _valid(charts.gap_chart(a.iloc[0].to_dict(), years, None, None, "zh", "数量（个）"))
    assert [n for n in _names(spec) if n != "差距"] == names
    if fields["comparator"] == "growth_rate":
        star = spec["data"][0]
        assert star["mode"] == "markers" and star["x"] == [2020]  # a growing goal: marked at the deadline


# What re-implementing number formatting or chart building in a browser script would look like.
BROWSER_FORMATTING = re.compile(r"toFixed|toPrecision|toLocaleString|NumberFormat|roundHalfEven|万|亿|"
                                r"hovertemplate|tickvals|ticktext|type: *\"(scatter|bar)\"")


# The one script that builds charts and writes their numbers (issue 16, session 21: the large layout's charts drawn in
# the browser from the data files): it ports charts.target_charts and formatting._written, and
# tests/e2e/test_chart_build.py holds it equal to them, figure by figure and number by number.
CHART_BUILDER = "chart-build.js"


def test_no_browser_script_formats_numbers_or_builds_charts():
    """Python writes every number and chart spec (issue 20), but for the large layout's chart builder (CHART_BUILDER):
    the other scripts only draw, filter and switch language."""
    scripts = sorted((PROJECT_DIR / "dashboards" / "static").glob("*.js"))
    assert {p.name for p in scripts} >= {"site.js", "target-view.js", CHART_BUILDER}
    for path in scripts:
        found = BROWSER_FORMATTING.findall(path.read_text(encoding="utf-8"))
        if path.name == CHART_BUILDER:
            assert found, path.name  # it does build charts: the rule's pattern still sees it
        else:
            assert found == [], (path.name, found)


def test_target_charts_give_every_chart_of_a_target_page_in_both_languages(synthetic):
    rows, years = synthetic
    sets = charts.target_charts(rows["syn-relative"], years["syn-relative"], None, None)
    assert [(c["title"], c["id"]) for c in sets] == [("chart_relative", "gap"), ("chart_gap_pp", "gappp")]
    assert all(set(c["specs"]) == {"zh", "en"} for c in sets)
    assert _names(sets[0]["specs"]["en"]) == ["Actual", "Gap"]  # no reference series given: no reference line
    stock = charts.target_charts(rows["syn-stock"], years["syn-stock"], None, None)
    assert [c["title"] for c in stock] == ["chart_gap"]
    assert charts.target_charts(rows["syn-qualitative"], years["syn-stock"].iloc[0:0], None, None) == []


def test_reference_series_fills_the_years_the_target_lacks():
    """The assessment's reference values first; then, for other years, the reference's latest annual release."""
    years = pd.DataFrame({"year": [2019, 2020], "reference_value": [2.0, None]})
    figures = pd.DataFrame({"year": [2018, 2018, 2019, 2017], "value": [1.5, 1.6, 9.9, 7.0],
                            "release_date": ["2019-02-01", "2019-09-01", "2020-02-01", "2018-02-01"],
                            "period_type": ["annual", "annual", "annual", "quarterly"]})
    ref = charts.reference_series(years, figures)
    assert ref["year"].tolist() == [2018, 2019] and ref["value"].tolist() == [1.6, 2.0]


# --- charts from columns (the large layout slices whole tables; no frame per target) -------------------------------

def test_reference_points_take_used_values_then_the_latest_annual_release_of_other_years():
    years = pd.DataFrame({"year": [2019, 2020, 2021], "reference_value": [1.0, float("nan"), 3.0]})
    d1, d2 = pd.Timestamp("2021-03-01"), pd.Timestamp("2022-03-01")
    figures = pd.DataFrame({"year": [2018, 2020, 2020, 2021, 2022], "value": [10.0, 20.0, 21.0, 30.0, 40.0],
                            "period_type": ["annual", "annual", None, "annual", "quarterly"],
                            "release_date": [d1, d2, d1, d1, d1]})
    # 2019 and 2021 as the assessment used them; 2018 and 2020 from the figures (2020: the later release, d2, wins
    # over the earlier one listed after it); 2022 is quarterly, left out
    expected = {"year": [2018, 2019, 2020, 2021], "value": [10.0, 1.0, 20.0, 3.0]}
    assert charts.reference_points(years, figures) == expected
    as_columns = {c: figures[c].tolist() for c in figures}
    assert charts.reference_points({c: years[c].tolist() for c in years}, as_columns) == expected
    assert charts.reference_series(years, figures).to_dict("list") == expected


def test_cumulative_skips_a_missing_value_as_pandas_cumsum_does():
    values = [1.5, float("nan"), 2.0, None, 0.25]
    assert chart_rows.cumulative(values) == [1.5, None, 3.5, None, 3.75]
    assert pd.Series([1.5, float("nan"), 2.0, float("nan"), 0.25]).cumsum().tolist()[::2] == [1.5, 3.5, 3.75]


@pytest.mark.parametrize("target_id", ["syn-stock", "syn-relative", "syn-per-year"])
def test_charts_from_columns_equal_charts_from_frames(synthetic, target_id):
    """target_charts gives the same specs whether a target's rows come as frames (the small layout) or as columns
    (the large layout), proxies with repeated years and two indicators included."""
    rows, years = synthetic
    frame = years[target_id].sort_values("year", ascending=False)  # out of order: both put it in year order
    proxies = pd.DataFrame({"year": [2021, 2020, 2021, 2020, 2022], "value": [5.0, 4.0, 5.5, 7.0, 6.0],
                            "indicator_name_zh": ["乙", "甲", "乙", "乙", None],
                            "indicator_name_en": ["B", "A", "B", "B", None]})
    reference = pd.DataFrame({"year": [2020, 2021], "value": [40.0, 41.0]})
    as_frames = charts.target_charts(rows[target_id], frame, reference, proxies)
    columns = {c: frame[c].tolist() for c in frame}
    as_columns = charts.target_charts(rows[target_id], columns, {c: reference[c].tolist() for c in reference},
                                      {c: proxies[c].tolist() for c in proxies} | {"year": proxies["year"].to_numpy()})
    assert as_frames and as_columns == as_frames
    gap = as_columns[0]["specs"]["en"]
    proxy_traces = [t for t in gap["data"] if t["name"].startswith("Proxy")]
    assert [(t["name"], t["x"], t["y"]) for t in proxy_traces] == [
        ("Proxy (context only): A", [2020], [4.0]),
        ("Proxy (context only): B", [2020, 2021, 2021], [7.0, 5.0, 5.5])]
