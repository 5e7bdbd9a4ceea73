"""The leaders' dashboards opened from disk in Debian's headless Chromium, with the network watched.

Two sites: the real one (the `refresh` job on the bundled real figures) and a small SYNTHETIC one
(tests/targetwatch/test_site.py) for what the bundled catalogue may not hold yet: departments, measures,
revised figures, per-year bars and the red synthetic-data banner. Screenshots go to the sites' tmp folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.resources import TargetwatchPaths
from targetwatch.site import build_dashboards, build_quality_report, department_slug
from tests.targetwatch.test_site import LABOUR, SCIENCE, synthetic_site_data

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
RELATIVE, PER_YEAR, STOCK = "shanxi-2017-rd-intensity", "gansu-2015-jobs-per-year", "shanxi-2017-high-tech-enterprises"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    paths = TargetwatchPaths(out_dir=str(out), as_of="2026-11-23")
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("refresh").execute_in_process(
            instance=instance, run_config={"resources": {"paths": {"config": paths.model_dump()}}})
    assert result.success
    return out


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic-site")
    data = synthetic_site_data()
    build_dashboards(data, out / "dashboards")
    build_quality_report(data, out / "quality")
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module: pages share Chromium's compiled plotly.min.js (parsing it anew on
    every page costs seconds); storage is cleared before every page, so each opens in Chinese first."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_init_script("try { localStorage.clear(); } catch (e) {}")
    yield ctx
    ctx.close()


@pytest.fixture
def open_page(context):
    """Open a site file with console errors and non-file requests recorded; the pages close after the test."""
    pages = []

    def _open(path: Path):
        page = context.new_page()
        pages.append(page)
        errors, remote = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: remote.append(r.url)
                if not r.url.startswith(("file://", "data:", "blob:")) else None)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return page, errors, remote

    yield _open
    for page in pages:
        page.close()


def _traces(page, div_id: str) -> list[dict]:
    """The traces Plotly drew in one chart (name and type)."""
    page.wait_for_selector(f"#{div_id} .main-svg")
    return page.evaluate(
        "id => document.getElementById(id).data.map(t => ({name: t.name, type: t.type || 'scatter'}))", div_id)


def _visible_statuses(page) -> list[str]:
    return page.locator("#targets-table tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.status)")


def test_overview_opens_offline_in_chinese(open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "index.html")
    assert errors == [] and remote == []
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert "总览" in page.inner_text("h1")
    assert page.locator("#real-banner").is_visible() and page.locator("#synthetic-banner").count() == 0
    # the headline targets are listed with their Chinese status labels, headline first
    row = page.locator(f"tr[data-target='{RELATIVE}']")
    assert "未实现" in row.inner_text()
    headline = page.locator("#targets-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.headline)")
    assert headline == sorted(headline, reverse=True)
    # counts by status per jurisdiction, and the chart drawn from the local plotly.min.js
    assert page.locator("#status-matrix tr[data-jurisdiction='shanxi']").count() == 1
    assert page.locator("#overview-zh .main-svg").count() >= 1
    assert page.locator("#overview-en .main-svg").count() == 0  # the other language waits for the toggle
    # links to every document page and the quality report
    assert page.locator("#documents-table a[href='documents/shanxi-2017.html']").count() == 1
    assert page.locator("#quality-link").get_attribute("href") == "../quality/index.html"
    # a CJK font is really used (not tofu boxes): the system's Noto CJK is available to the page
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"')")
    page.screenshot(path=str(site / "overview-zh.png"), full_page=True)


def test_language_toggle_changes_labels_and_charts(open_page, site):
    page, errors, _ = open_page(site / "dashboards" / "index.html")
    assert page.locator("#targets-table thead").inner_text().startswith("主要")
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1 .en").is_visible() and not page.locator("h1 .zh").is_visible()
    assert "Status" in page.locator("#targets-table thead").inner_text()
    assert page.locator(f"tr[data-target='{RELATIVE}'] .chip").inner_text() == "Missed"
    assert page.locator("select[data-filter='status'] option[value='']").inner_text() == "All"
    assert "Shanxi" in page.locator("select[data-filter='jurisdiction']").inner_text()
    legend = [t["name"] for t in _traces(page, "overview-en")]
    assert "Missed" in legend and "未实现" not in legend
    page.screenshot(path=str(site / "overview-en.png"), full_page=True)
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert page.locator(f"tr[data-target='{RELATIVE}'] .chip").inner_text() == "未实现"
    assert errors == []


def test_filters_narrow_the_table(open_page, site):
    page, errors, _ = open_page(site / "dashboards" / "index.html")
    total = page.locator("#targets-table tbody tr").count()
    page.select_option("select[data-filter='status']", "missed")
    assert len(_visible_statuses(page)) >= 1 and set(_visible_statuses(page)) == {"missed"}
    page.select_option("select[data-filter='status']", "")
    page.select_option("select[data-filter='jurisdiction']", "gansu")
    jurisdictions = page.locator("#targets-table tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.jurisdiction)")
    assert jurisdictions and set(jurisdictions) == {"gansu"}
    page.select_option("select[data-filter='document']", "shanxi-2017")  # gansu and a shanxi document: nothing
    assert page.locator("#targets-table tbody tr:visible").count() == 0 and page.locator("#no-rows").is_visible()
    page.click("button[data-reset]")
    assert page.locator("#targets-table tbody tr:visible").count() == total
    page.select_option("select[data-filter='kind']", "outcome")
    kinds = page.locator("#targets-table tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.kind)")
    assert kinds and set(kinds) == {"outcome"}
    page.click("button[data-reset]")
    # a count in the status-by-jurisdiction table filters the list to that jurisdiction and status
    page.click("#status-matrix tr[data-jurisdiction='shanxi'] a.count >> nth=0")
    rows = page.locator("#targets-table tbody tr:visible")
    assert rows.count() >= 1
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.jurisdiction)")) == {"shanxi"}
    assert len(set(_visible_statuses(page))) == 1
    page.click("button[data-reset]")
    page.fill("input[data-search]", "R&D")
    assert page.locator(f"tr[data-target='{RELATIVE}']").is_visible()
    assert page.locator("#targets-table tbody tr:visible").count() < total
    assert errors == []


def test_sorting_by_gap_and_by_status(open_page, site):
    page, errors, _ = open_page(site / "dashboards" / "index.html")
    headers = page.locator("#targets-table thead th")
    gap_col = [h.strip() for h in headers.all_inner_texts()].index("差距")
    gap = lambda: [float(v) for v in page.locator("#targets-table tbody tr").evaluate_all(  # noqa: E731
        f"rows => rows.map(r => r.cells[{gap_col}].dataset.sort)")]
    headers.nth(gap_col).click()
    assert gap() == sorted(gap()) and headers.nth(gap_col).get_attribute("aria-sort") == "ascending"
    headers.nth(gap_col).click()
    assert gap() == sorted(gap(), reverse=True)
    status_col = [h.strip() for h in headers.all_inner_texts()].index("状态")
    headers.nth(status_col).click()
    ranks = [int(v) for v in page.locator("#targets-table tbody tr").evaluate_all(
        f"rows => rows.map(r => r.cells[{status_col}].dataset.sort)")]
    assert ranks == sorted(ranks)
    assert errors == []


def test_relative_target_page_shows_reference_and_gap_in_points(open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "targets" / f"{RELATIVE}.html")
    assert errors == [] and remote == []
    names = [t["name"] for t in _traces(page, "gap-zh")]
    assert "实际值" in names and any(n.startswith("参照") and "全国" in n for n in names)
    gap = _traces(page, "gappp-zh")
    assert gap[0]["type"] == "bar"
    assert "个百分点" in page.inner_text("#key-figures")
    assert "研究与试验发展（R&D）经费投入占地区生产总值的比重争取达到全国平均水平" in page.inner_text("blockquote")
    assert "晋发〔2017〕51号" in page.inner_text("#sources")
    assert "rd-by-province_techme.csv" in page.inner_text("#figures-table")
    assert page.locator("#figures-table tr.used").count() >= 2  # its own figures and the national reference
    assert page.locator("#checks-table").count() == 1 and "通过" in page.inner_text("#check-summary")
    link = page.locator("#target-quality-link").get_attribute("href")
    assert link == f"../../quality/index.html#t-{RELATIVE}"
    page.screenshot(path=str(site / "target-relative-zh.png"), full_page=True)
    page.click("#lang-toggle")
    names_en = [t["name"] for t in _traces(page, "gap-en")]
    assert "Actual" in names_en and any(n.startswith("Reference") for n in names_en)
    assert " pp" in page.inner_text("#key-figures")
    page.screenshot(path=str(site / "target-relative-en.png"), full_page=True)
    page.click("#target-quality-link")
    page.wait_for_load_state("load")
    assert page.locator(f"#t-{RELATIVE}").count() == 1
    assert errors == [] and remote == []


def test_per_year_target_page(open_page, site, synthetic_site):
    page, errors, remote = open_page(site / "dashboards" / "targets" / f"{PER_YEAR}.html")
    assert errors == [] and remote == []
    assert "每年" in page.inner_text(".meta")
    names = [t["name"] for t in _traces(page, "gap-zh")]
    assert "每年目标" in names
    if page.locator("#proxies").count():  # proxies are labelled as such, in the legend and the table
        assert any(n.startswith("替代指标（仅供参考）") for n in names)
        assert "不用于判定" in page.inner_text("#proxies")
    page.screenshot(path=str(site / "target-per-year.png"), full_page=True)
    # with yearly figures (synthetic site): bars against the yearly target and the cumulative line
    page, errors, remote = open_page(synthetic_site / "dashboards" / "targets" / "syn-per-year.html")
    traces = _traces(page, "gap-zh")
    assert [t["type"] for t in traces if t["name"] == "每年实际值"] == ["bar"]
    assert {"每年目标", "累计实际值", "累计目标"} <= {t["name"] for t in traces}
    assert errors == [] and remote == []
    page.screenshot(path=str(synthetic_site / "target-per-year.png"), full_page=True)


def test_stock_target_page(open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "targets" / f"{STOCK}.html")
    assert errors == [] and remote == []
    names = [t["name"] for t in _traces(page, "gap-zh")]
    assert {"实际值", "目标值", "应达路径"} <= set(names)
    assert "高新技术企业" in page.inner_text("blockquote")
    assert page.locator("#figures-table tbody tr").count() >= 2
    assert page.locator("#reason").is_visible()
    page.screenshot(path=str(site / "target-stock.png"), full_page=True)


def test_revised_figures_are_marked(open_page, synthetic_site):
    page, errors, remote = open_page(synthetic_site / "dashboards" / "targets" / "syn-stock.html")
    assert errors == [] and remote == []
    revised = page.locator("#figures-table tr.revised")
    assert revised.count() == 2 and "修订" in revised.first.inner_text()
    assert page.locator("#figures-table tr.revised.used").count() == 1
    assert {"实际值", "目标值", "应达路径", "趋势外推"} <= {t["name"] for t in _traces(page, "gap-zh")}


def test_document_page(open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "documents" / "shanxi-2017.html")
    assert errors == [] and remote == []
    order = page.locator("#doc-targets tbody tr").evaluate_all("rows => rows.map(r => r.dataset.target)")
    assert order.index(STOCK) < order.index(RELATIVE)  # the high-tech sentence comes first in the document
    assert page.locator("#measures").count() == 1
    page.screenshot(path=str(site / "document.png"), full_page=True)
    page.click(f"#doc-targets tr[data-target='{RELATIVE}'] a")
    page.wait_for_load_state("load")
    assert page.url.endswith(f"targets/{RELATIVE}.html")
    assert errors == [] and remote == []


def test_department_page(open_page, site, synthetic_site):
    path = synthetic_site / "dashboards" / "departments" / f"{department_slug(SCIENCE)}.html"
    page, errors, remote = open_page(path)
    assert errors == [] and remote == []
    assert page.inner_text("h1") == SCIENCE
    targets = page.locator("#dept-targets tbody tr").evaluate_all("rows => rows.map(r => r.dataset.target)")
    assert set(targets) == {"syn-stock", "syn-per-year", "syn-relative"}
    assert page.locator("#dept-measures tr[data-measure='syn-measure']").count() == 1
    banner = page.locator("#synthetic-banner")  # one input file is synthetic: the red banner says so
    assert banner.is_visible() and "合成" in banner.inner_text()
    assert page.evaluate("getComputedStyle(document.getElementById('synthetic-banner')).borderColor") == \
        "rgb(180, 35, 24)"
    page.screenshot(path=str(synthetic_site / "department.png"), full_page=True)
    page.click("#lang-toggle")
    assert "Targets owned" in page.inner_text("main")
    # the overview links to both departments; the real site's department pages open cleanly too
    page, errors, _ = open_page(synthetic_site / "dashboards" / "index.html")
    for name in (SCIENCE, LABOUR):
        assert page.locator(f"#departments-table a[href='departments/{department_slug(name)}.html']").count() == 1
    real = sorted((site / "dashboards" / "departments").glob("*.html"))[:3]
    for p in real:
        page, errors, remote = open_page(p)
        assert errors == [] and remote == [] and page.locator("#dept-targets, #dept-measures").count() >= 1


def test_every_synthetic_page_opens_cleanly(open_page, synthetic_site):
    pages = sorted((synthetic_site / "dashboards").rglob("*.html"))
    assert len(pages) >= 8
    page, errors, remote = open_page(pages[0])
    for p in pages:
        page.goto(p.as_uri())
        page.wait_for_load_state("load")
        assert errors == [] and remote == [], p.name
        for plot in page.locator(".plot").evaluate_all("els => els.filter(e => e.offsetParent).map(e => e.id)"):
            assert page.locator(f"#{plot} .main-svg").count() >= 1, (p.name, plot)


def test_plotly_is_shipped_once_and_linked_relatively(site):
    assert [p.relative_to(site).as_posix() for p in (site / "dashboards").rglob("plotly*.js")] == [
        "dashboards/plotly.min.js"]
    assert not list((site / "quality").rglob("plotly*.js"))
    for page in (site / "dashboards").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(site / "dashboards").parts) - 1
        if 'class="plot"' in text:  # pages with charts load the one copy, relatively
            assert f'<script src="{"../" * depth}plotly.min.js"></script>' in text, page
        assert "cdn.plot.ly" not in text and "https://" not in text.split("<main>")[0]


def test_quality_report_opens_offline(open_page, site):
    page, errors, remote = open_page(site / "quality" / "index.html")
    assert errors == [] and remote == []
    assert "observations_valid" in page.inner_text("#checks-table")
    assert "a forecast, not an actual figure" in page.inner_text("#rejected-table")
