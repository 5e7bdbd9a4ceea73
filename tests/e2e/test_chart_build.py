"""A target's charts built in the page (dashboards/static/chart-build.js, from targetwatch.chart_client's input and
constants) are the figures Python builds (targetwatch.charts.target_charts), in both languages, trace by trace,
value by value, colour by colour, text by text: for every target whose charts the bundled refresh (real figures) and
the SYNTHETIC sites build, in both layouts (the small one hands the builders frames, the large one columns), run in
Debian's Chromium. The number formatter alone against targetwatch.formatting on numbers of every size and sign."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import orjson
import pandas as pd
import pytest

from targetwatch import chart_client, charts, formatting
from tests.e2e.conftest import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]

BUILDER = Path(__file__).resolve().parents[2] / "dashboards" / "static" / "chart-build.js"


def _plain(o):
    """`o` as JSON reads it back (numpy and pandas values as the data files write them; NaN and NA as null)."""
    def default(v):
        if v is pd.NA or v is pd.NaT:
            return None
        raise TypeError(type(v))
    return orjson.loads(orjson.dumps(o, default=default, option=orjson.OPT_SERIALIZE_NUMPY))


def _recorded(monkeypatch, build, sources: dict | None = None) -> list[tuple]:
    """Every (target, years, reference, proxies) the site's build hands to charts.target_charts (the small layout;
    the large one for a target it draws in Python) or to chart_client.chart_input (the large layout's data files);
    `sources` counts the calls of each."""
    calls: list[tuple] = []
    sources = {} if sources is None else sources

    def recorder(original):
        def record(target, years, reference, proxies, **kw):
            sources[original.__name__] = sources.get(original.__name__, 0) + 1
            calls.append((dict(target), years, reference, proxies))
            return original(target, years, reference, proxies, **kw)
        return record

    with monkeypatch.context() as m:
        m.setattr(charts, "target_charts", recorder(charts.target_charts))
        m.setattr(chart_client, "chart_input", recorder(chart_client.chart_input))
        build()
    return calls


@pytest.fixture(scope="module")
def page(browser):
    ctx = browser.new_context()
    p = ctx.new_page()
    p.set_content("<!doctype html><title>chart-build</title>")
    p.add_script_tag(path=str(BUILDER))
    yield p
    ctx.close()


def _differences(got, expected, path="") -> list[str]:
    if isinstance(expected, dict) and isinstance(got, dict):
        if set(got) != set(expected):
            return [f"{path}: keys {sorted(set(got) ^ set(expected))}"]
        return [d for k in expected for d in _differences(got[k], expected[k], f"{path}.{k}")]
    if isinstance(expected, list) and isinstance(got, list):
        if len(got) != len(expected):
            return [f"{path}: {len(got)} items, expected {len(expected)}"]
        return [d for k, (g, e) in enumerate(zip(got, expected, strict=True))
                for d in _differences(g, e, f"{path}[{k}]")]
    if isinstance(expected, bool) or isinstance(got, bool) or not isinstance(expected, int | float):
        return [] if got == expected and type(got) is type(expected) else [f"{path}: {got!r} != {expected!r}"]
    return [] if isinstance(got, int | float) and not isinstance(got, bool) and got == expected else \
        [f"{path}: {got!r} != {expected!r}"]


def _compare(page, calls: list[tuple]) -> dict[str, int]:
    """Build each call's charts in the page and in Python; return the count of each chart kind compared."""
    inputs = [_plain(chart_client.chart_input(*c)) for c in calls]
    expected = [_plain(charts.target_charts(*c)) for c in calls]
    got = page.evaluate("([C, inputs]) => { const b = twChartBuild.builder(C); "
                        "return inputs.map(i => b.targetCharts(i)); }", [chart_client.constants(), inputs])
    kinds: dict[str, int] = {}
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        diffs = _differences(g, e)
        assert not diffs, (calls[k][0].get("status"), inputs[k], diffs[:5])
        for s in e:
            kind = s["title"] + "/" + s["id"]
            kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def test_the_bundled_sites_charts_built_in_the_page_are_pythons(page, published, monkeypatch, tmp_path):
    from targetwatch.render.dashboards import build_dashboards, read_site_data

    with duckdb.connect(str(published.out / "warehouse.duckdb"), read_only=True) as con:
        data = read_site_data(con)
    for large in (False, True):
        sources: dict[str, int] = {}
        calls = _recorded(monkeypatch, lambda large=large: build_dashboards(data, tmp_path / str(large), large=large),
                          sources)
        kinds = _compare(page, calls)
        # the small layout builds its charts in Python; the large one hands every drawable target to the page
        assert sources == ({"chart_input": sum(kinds.values()) - kinds["chart_gap_pp/gappp"]} if large else
                           {"target_charts": len(calls)}), sources
        # every kind of chart the bundled catalogue has: a line against a goal, per-year bars, a relative gap and
        # its gap in percentage points (22 targets drawn of 71: the others are qualitative or have no figure yet)
        assert {"chart_gap/gap", "chart_per_year/gap", "chart_relative/gap", "chart_gap_pp/gappp"} <= set(kinds), kinds
        assert sum(kinds.values()) >= 20, kinds


def test_the_synthetic_sites_charts_built_in_the_page_are_pythons(page, monkeypatch, tmp_path):
    from targetwatch.render.dashboards import build_dashboards
    from tests.targetwatch.test_site import synthetic_site_data

    for large, data in ((False, synthetic_site_data()), (True, synthetic_site_data(n_extra=12))):
        sources: dict[str, int] = {}
        calls = _recorded(monkeypatch, lambda data=data, large=large: build_dashboards(data, tmp_path / str(large),
                                                                                       large=large), sources)
        kinds = _compare(page, calls)
        assert set(sources) == ({"chart_input"} if large else {"target_charts"}), sources
        assert {"chart_gap/gap", "chart_per_year/gap", "chart_relative/gap", "chart_gap_pp/gappp"} <= set(kinds), kinds


def test_the_edge_cases_charts_built_in_the_page_are_pythons(page):
    """test_chart_columns' targets and series (every comparator, missing values, unsorted years, proxies)."""
    from tests.targetwatch.test_chart_columns import PROXIES, SERIES, TARGETS

    reference = {"year": [2019, 2022], "value": [4.0, None]}
    calls = [(t, s, reference, p) for t in TARGETS.values() for s in SERIES.values() for p in (None, PROXIES)]
    assert _compare(page, calls)


NUMBERS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.675, 9999.95, 9999.4, 10000.0, 12345.678, 450000.0, 14415000000.0,
           26500000000.0, 1e-6, 1.2345e-5, 0.000123456, 99.96, 999999999999999.0, 123456789012.5, -0.05,
           1234.5, 1235.5, 0.1 + 0.2, 1 / 3, 2 / 3, 1e14 + 0.5, 7.77e11, 5.55e-3, 1.0e12, 8.5, 85.0, 45.0e4]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_numbers_are_written_as_targetwatch_formatting_writes_them(page, lang):
    values = NUMBERS + [x * 10 ** k for x in (1.23456, 9.99951, 5.0, 2.5) for k in range(-5, 14)]
    units = [None, "persons", "percent", "count", "yuan"]
    got = page.evaluate("([C, vs, units, lang]) => { const b = twChartBuild.builder(C); "
                        "return units.map(u => vs.map(v => [b.number(v, lang), b.value(v, u, lang, true, false), "
                        "b.value(v, u, lang, false, true)])); }", [chart_client.constants(), values, units, lang])
    expected = [[[formatting.format_number(v, lang), formatting.format_value(v, u, lang, signed=True),
                  formatting.format_value(v, u, lang, per_year=True)] for v in values] for u in units]
    assert got == expected
    assert formatting.format_number(450000.0, "zh") == "45万" and formatting.format_number(450000.0, "en") == "450,000"
    assert not math.isnan(values[0])


def _from_input(plot: dict) -> tuple:
    """A data file's "plot" (chart_client.chart_input) as the arguments of charts.target_charts."""
    target = dict(zip(chart_client.FIELDS, plot["f"], strict=True))
    proxies = None
    if "p" in plot:
        proxies = {"year": plot["p"]["year"], "value": plot["p"]["value"],
                   "indicator_name_zh": plot["p"]["zh"], "indicator_name_en": plot["p"]["en"]}
    return target, plot["y"] or {"year": []}, plot.get("r"), proxies


def test_the_large_sites_target_pages_draw_pythons_figures(browser, large_synthetic_site, monkeypatch, tmp_path):
    """The page path: data/xx.js's "plot" -> target-view.js -> chart-build.js -> the spec site.js hands Plotly (the
    page's <script id="<chart>-<lang>-spec">), for every target of the SYNTHETIC jurisdiction xx, against
    charts.target_charts of the same data; and each chart drawn (a Plotly SVG). Then the same site with every target's
    charts built in Python (what a target with a number the builder does not write gets, render.chart_inputs): its
    pages show the same figures."""
    from targetwatch.render import chart_inputs
    from targetwatch.render.dashboards import build_dashboards

    root = large_synthetic_site / "dashboards"
    text = (root / "data" / "xx.js").read_text(encoding="utf-8")
    targets = orjson.loads(text[text.index("(") + 1: text.rindex(")")])["targets"]
    plots = {tid: t["plot"] for tid, t in targets.items() if "plot" in t}
    assert len(plots) >= 5 and not any("charts" in t for t in targets.values())
    expected = {tid: _plain(charts.target_charts(*_from_input(plot))) for tid, plot in plots.items()}

    from tests.targetwatch.test_site import synthetic_site_data

    monkeypatch.setattr(chart_inputs.BrowserCharts, "ok", lambda self, k: False)
    build_dashboards(synthetic_site_data(n_extra=12), tmp_path / "python-built", large=True)
    text = (tmp_path / "python-built" / "data" / "xx.js").read_text(encoding="utf-8")
    built = orjson.loads(text[text.index("(") + 1: text.rindex(")")])["targets"]
    assert not any("plot" in t for t in built.values()) and {t for t in built if "charts" in built[t]} == set(plots)

    ctx = browser.new_context()
    page = ctx.new_page()
    try:
        for site in (root, tmp_path / "python-built"):
            for tid, sets in expected.items():
                page.goto((site / "targets" / "view.html").as_uri() + f"#j=xx&t={tid}")
                page.wait_for_selector("#target-view[data-state='ready']")
                assert sets, tid
                for s in sets:
                    for lg in ("zh", "en"):
                        got = orjson.loads(page.evaluate(f"() => document.getElementById('{s['id']}-{lg}-spec')"
                                                         ".textContent"))
                        assert not _differences(got, s["specs"][lg]), (site, tid, s["id"], lg)
                page.wait_for_selector(f"#{sets[0]['id']}-zh .main-svg")
    finally:
        ctx.close()


def test_the_builder_spells_no_colour_or_symbol():
    """Every colour and the proxies' symbols come from Python (chart_client.constants(): charts, chart_style, vocab),
    none is written in chart-build.js (review s21a F3)."""
    import re

    source = BUILDER.read_text(encoding="utf-8")
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|-open\"", source) == []
    constants = chart_client.constants()
    assert constants["colours"]["axis_line"] == "#b0b7c3" and constants["proxy_symbols"][0] == "diamond-open"
