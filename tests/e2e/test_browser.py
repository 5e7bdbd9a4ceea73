"""The leaders' dashboards opened from disk in Debian's headless Chromium, with the network watched.

Two sites: the real one (the `refresh` job on the bundled real figures) and a small SYNTHETIC one
(tests/targetwatch/test_site.py) for what the bundled catalogue may not hold yet: departments, measures,
revised figures, per-year bars and the red synthetic-data banner. With `--screenshots`, screenshots go to
test-artifacts/screenshots/ for review.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from targetwatch.render.page import department_slug
from tests.e2e.conftest import CHROMIUM, SCREENSHOTS, _opener
from tests.targetwatch.test_site import LABOUR, SCIENCE

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
RELATIVE, PER_YEAR, STOCK = "shanxi-2017-rd-intensity", "gansu-2015-jobs-per-year", "shanxi-2017-high-tech-enterprises"


def _traces(page, div_id: str) -> list[dict]:
    """The traces Plotly drew in one chart (name and type)."""
    page.wait_for_selector(f"#{div_id} .main-svg")
    return page.evaluate(
        "id => document.getElementById(id).data.map(t => ({name: t.name, type: t.type || 'scatter'}))", div_id)


def _platform_fonts(page, selector: str) -> list[str]:
    """The font families Chromium actually used to draw an element's text (DevTools' CSS.getPlatformFontsForNode)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return [f["familyName"] for f in fonts if f["glyphCount"] > 0]
    finally:
        cdp.detach()


def _visible_statuses(page) -> list[str]:
    return page.locator("#targets-table tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.status)")


@pytest.fixture(scope="module")
def overview(laptop_tabs, site):
    """The real overview, opened once for the tests that only read it (nothing clicked, typed, toggled or scrolled):
    its page, and the console errors and remote requests since it opened (each test asserts both are still empty).
    A test that changes the page opens its own (`open_page`)."""
    _open, done = _opener(laptop_tabs)
    yield _open(site / "dashboards" / "index.html")
    done()


def test_overview_opens_offline_in_chinese(screenshot, overview):
    page, errors, remote = overview
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
    # a CJK font really draws the Chinese text (no tofu boxes): ask Chromium which platform fonts rendered the h1
    assert any("CJK" in f for f in _platform_fonts(page, "h1")), _platform_fonts(page, "h1")
    screenshot(page, "overview-zh")


def test_language_toggle_changes_labels_and_charts(screenshot, open_page, site):
    page, errors, _ = open_page(site / "dashboards" / "index.html")
    assert page.locator("#targets-table thead").inner_text().startswith("主要")
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1 .en").is_visible() and not page.locator("h1 .zh").is_visible()
    assert "Status" in page.locator("#targets-table thead").inner_text()
    assert page.locator(f"tr[data-target='{RELATIVE}'] .chip").inner_text() == "✗Missed"  # icon and word
    assert page.locator("select[data-filter='status'] option[value='']").inner_text() == "All"
    assert "Shanxi" in page.locator("select[data-filter='jurisdiction']").inner_text()
    legend = [t["name"] for t in _traces(page, "overview-en")]
    assert "✗ Missed" in legend and "✗ 未实现" not in legend
    screenshot(page, "overview-en")
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert page.locator(f"tr[data-target='{RELATIVE}'] .chip").inner_text() == "✗未实现"
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


def test_relative_target_page_shows_reference_and_gap_in_points(screenshot, open_page, site):
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
    screenshot(page, "target-relative-zh")
    page.click("#lang-toggle")
    names_en = [t["name"] for t in _traces(page, "gap-en")]
    assert "Actual" in names_en and any(n.startswith("Reference") for n in names_en)
    assert " pp" in page.inner_text("#key-figures")
    screenshot(page, "target-relative-en")
    page.click("#target-quality-link")
    page.wait_for_load_state("load")
    assert page.locator(f"#t-{RELATIVE}").count() == 1
    assert errors == [] and remote == []


def test_per_year_target_page(screenshot, open_page, site, synthetic_site):
    page, errors, remote = open_page(site / "dashboards" / "targets" / f"{PER_YEAR}.html")
    assert errors == [] and remote == []
    assert "每年" in page.inner_text(".meta")
    names = [t["name"] for t in _traces(page, "gap-zh")]
    assert "每年目标" in names
    if page.locator("#proxies").count():  # proxies are labelled as such, in the legend and the table
        assert any(n.startswith("替代指标（仅供参考）") for n in names)
        assert "不用于判定" in page.inner_text("#proxies")
    screenshot(page, "target-per-year")
    # with yearly figures (synthetic site): bars against the yearly target and the cumulative line
    page, errors, remote = open_page(synthetic_site / "dashboards" / "targets" / "syn-per-year.html")
    traces = _traces(page, "gap-zh")
    assert [t["type"] for t in traces if t["name"] == "每年实际值"] == ["bar"]
    assert {"每年目标", "累计实际值", "累计目标"} <= {t["name"] for t in traces}
    assert errors == [] and remote == []
    screenshot(page, "synthetic-target-per-year")


def test_stock_target_page(screenshot, open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "targets" / f"{STOCK}.html")
    assert errors == [] and remote == []
    names = [t["name"] for t in _traces(page, "gap-zh")]
    assert {"实际值", "目标值", "应达路径"} <= set(names)
    assert "高新技术企业" in page.inner_text("blockquote")
    assert page.locator("#figures-table tbody tr").count() >= 2
    assert page.locator("#reason").is_visible()
    screenshot(page, "target-stock")


def test_revised_figures_are_marked(open_page, synthetic_site):
    page, errors, remote = open_page(synthetic_site / "dashboards" / "targets" / "syn-stock.html")
    assert errors == [] and remote == []
    revised = page.locator("#figures-table tr.revised")
    assert revised.count() == 2 and "修订" in revised.first.inner_text()
    assert page.locator("#figures-table tr.revised.used").count() == 1
    assert {"实际值", "目标值", "应达路径", "趋势外推"} <= {t["name"] for t in _traces(page, "gap-zh")}


def test_document_page(screenshot, open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "documents" / "shanxi-2017.html")
    assert errors == [] and remote == []
    order = page.locator("#doc-targets tbody tr").evaluate_all("rows => rows.map(r => r.dataset.target)")
    assert order.index(STOCK) < order.index(RELATIVE)  # the high-tech sentence comes first in the document
    assert page.locator("#measures").count() == 1
    screenshot(page, "document")
    page.click(f"#doc-targets tr[data-target='{RELATIVE}'] a")
    page.wait_for_load_state("load")
    assert page.url.endswith(f"targets/{RELATIVE}.html")
    assert errors == [] and remote == []


def test_department_page(screenshot, open_page, site, synthetic_site):
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
    screenshot(page, "synthetic-department")
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
        # each visible chart and how many drawn plots it holds, in one page.evaluate (a locator would first inject
        # Playwright's script into every new document)
        for plot, drawn in page.evaluate("() => Array.from(document.querySelectorAll('.plot'))"
                                         ".filter(e => e.offsetParent)"
                                         ".map(e => [e.id, e.querySelectorAll('.main-svg').length])"):
            assert drawn >= 1, (p.name, plot)


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


# --- the large layout: aggregated overview, paginated lists, one client-side target page --------------------------


def _open_view(open_page, site: Path, jurisdiction: str, target_id: str):
    page, errors, remote = open_page(site / "dashboards" / "targets" / "view.html", f"#j={jurisdiction}&t={target_id}")
    page.wait_for_selector("#target-view[data-state='ready']")
    return page, errors, remote


def test_large_overview_drills_down_to_a_target(open_page, large_synthetic_site):
    page, errors, remote = open_page(large_synthetic_site / "dashboards" / "index.html")
    assert errors == [] and remote == []
    assert page.locator("#targets-table").count() == 0  # counts, not every row
    assert page.locator("#level-matrix tr[data-key='province']").is_visible()
    assert page.locator("#region-matrix tr[data-key='xx'] a").count() >= 1
    assert page.locator("#overview-zh .main-svg").count() >= 1
    page.click("#level-matrix tr[data-key='province'] a.count >> nth=0")
    page.wait_for_load_state("load")
    assert "/lists/province-" in page.url
    statuses = set(page.locator("#list-targets tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)"))
    assert len(statuses) == 1
    page.click("#list-targets tbody tr >> nth=0 >> td.name a")
    page.wait_for_selector("#target-view[data-state='ready']")
    assert page.locator("h1 .chip").get_attribute("data-status") in statuses
    page.click("#crumbs a >> nth=1")  # the jurisdiction's page lists its own targets
    page.wait_for_load_state("load")
    assert page.url.endswith("jurisdictions/xx.html")
    assert page.locator("#jurisdiction-targets tr[data-target='syn-stock']").count() == 1
    assert errors == [] and remote == []


@pytest.mark.parametrize("target_id", ["syn-stock", "syn-per-year", "syn-relative", "syn-qualitative"])
def test_client_side_target_page_shows_what_the_prerendered_page_shows(open_page, synthetic_site,
                                                                       large_synthetic_site, target_id):
    """The same target drawn by Python (pre-rendered page) and by target-view.js (large layout): the same
    charts (trace names and types, both languages), key figures, reason, figures with used/revised marks."""
    before, errors_a, _ = open_page(synthetic_site / "dashboards" / "targets" / f"{target_id}.html")
    after, errors_b, remote = _open_view(open_page, large_synthetic_site, "xx", target_id)
    assert errors_a == [] and errors_b == [] and remote == []
    charts = before.locator(".plot").evaluate_all("els => els.map(e => e.id)")
    assert charts == after.locator(".plot").evaluate_all("els => els.map(e => e.id)")
    for chart in [c for c in charts if c.endswith("-zh")]:
        assert _traces(after, chart) == _traces(before, chart), chart
    for sel in ("h1", "#key-figures", "#reason", "#sources", ".meta"):
        assert after.inner_text(sel) == before.inner_text(sel), sel
    rows = "rows => rows.map(r => [r.dataset.observation, r.className.trim()])"
    assert after.locator("#figures-table tbody tr").evaluate_all(rows) == \
        before.locator("#figures-table tbody tr").evaluate_all(rows)
    assert after.locator("#target-quality-link").get_attribute("href") == \
        before.locator("#target-quality-link").get_attribute("href")
    for page in (before, after):
        page.click("#lang-toggle")
    for chart in [c for c in charts if c.endswith("-en")]:
        assert _traces(after, chart) == _traces(before, chart), chart
    assert after.inner_text("#key-figures") == before.inner_text("#key-figures")
    assert errors_a == [] and errors_b == []


def test_client_side_target_page_for_an_unknown_target(open_page, large_synthetic_site):
    view = large_synthetic_site / "dashboards" / "targets" / "view.html"
    for fragment in ("j=xx&t=no-such-target", "j=no-such-place&t=syn-stock", "j=../secret&t=x", ""):
        page, errors, remote = open_page(view, "#" + fragment if fragment else "")
        page.wait_for_selector("#target-view[data-state='missing']")
        assert page.locator("#view-missing").is_visible() and remote == []
        assert [e for e in errors if "ERR_FILE_NOT_FOUND" not in e] == []


def test_the_gap_workbook_is_linked_from_the_overview(overview, site):
    import openpyxl

    page, errors, remote = overview
    assert errors == [] and remote == []
    link = page.locator("#workbook-link")
    assert "下载差距表" in link.inner_text()
    book = openpyxl.load_workbook(site / "dashboards" / link.get_attribute("href"), read_only=True)
    # one sheet per jurisdiction with targets on the bundled catalogue, then the sources
    assert {"甘肃省", "山西省", "西宁市"} <= set(book.sheetnames) and book.sheetnames[-1] == "来源 Sources"


A4_LANDSCAPE_PX = 1047  # 297 mm less the two 10 mm margins of the @page rule, at 96 px per inch


@pytest.mark.slow  # print-to-PDF: `pytest -m slow` (.ci/run runs it)
@pytest.mark.parametrize("page_path", ["index.html", f"targets/{PER_YEAR}.html", f"targets/{RELATIVE}.html"])
def test_pages_print_on_a4_landscape(open_page, site, page_path):
    """A briefing printout: A4 landscape from the page's own @page rule, controls hidden, nothing wider than
    the paper, charts redrawn to the paper's width, colours kept; the PDF is saved for a person to look at."""
    page, errors, remote = open_page(site / "dashboards" / page_path)
    page.wait_for_selector(".plot[data-drawn] .main-svg")
    page.set_viewport_size({"width": A4_LANDSCAPE_PX, "height": 740})
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_LANDSCAPE_PX
    widths = page.locator(".plot[data-drawn] .main-svg").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().right)")
    assert widths and max(widths) <= A4_LANDSCAPE_PX
    assert not page.locator("header button").is_visible()
    if page_path == "index.html":
        assert not page.locator(".filters").first.is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    # every page of the PDF is A4 landscape: 842 x 595 points
    boxes = {tuple(round(float(v)) for v in m.split()) for m in re.findall(rb"/MediaBox \[([\d. ]+)\]", pdf)}
    assert boxes == {(0, 0, 842, 595)}
    name = "print-" + page_path.replace("/", "-").removesuffix(".html") + ".pdf"
    out = SCREENSHOTS / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    assert errors == [] and remote == []


def test_every_status_word_has_its_icon(overview):
    """Colour is never the only sign: each chip on the overview carries its status's icon and word."""
    from targetwatch import vocab

    page, errors, remote = overview
    chips = page.locator("#targets-table .chip").evaluate_all(
        "els => els.map(e => [e.dataset.status, e.querySelector('.icon').textContent,"
        " e.querySelector('.zh').textContent])")
    assert chips and {tuple(c) for c in chips} <= {(s.code, s.icon, s.zh) for s in vocab.STATUSES}
    assert {c[0] for c in chips} >= {"achieved", "missed", "no_data", "qualitative"}
    assert errors == [] and remote == []
