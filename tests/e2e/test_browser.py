"""The leaders' dashboard opened from disk in Debian's headless Chromium, with the network watched."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.resources import TargetwatchPaths
from targetwatch.config import PROJECT_DIR

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


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
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, remote = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file://", "data:", "blob:")) else None)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, errors, remote


def test_overview_opens_offline_in_chinese(browser, site):
    page, errors, remote = _open(browser, (site / "dashboards" / "index.html").as_uri())
    assert errors == [] and remote == []
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert "总览" in page.inner_text("h1")
    # the headline targets are listed with their Chinese status labels
    row = page.locator("tr[data-target='shanxi-2017-rd-intensity']")
    assert "未实现" in row.inner_text()
    assert page.locator("#overview-zh .main-svg").count() >= 1  # Plotly rendered from the local plotly.min.js
    # a CJK font is really used (not tofu boxes): the system's Noto CJK is available to the page
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"')")
    page.screenshot(path=str(site / "overview.png"), full_page=True)


def test_language_toggle_and_filter(browser, site):
    page, errors, _ = _open(browser, (site / "dashboards" / "index.html").as_uri())
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1 .en").is_visible() and not page.locator("h1 .zh").is_visible()
    page.select_option("select[data-filter='status']", "missed")
    visible = page.locator("#targets-table tbody tr:visible")
    assert visible.count() >= 1
    assert all(s == "missed" for s in visible.evaluate_all("rows => rows.map(r => r.dataset.status)"))
    assert errors == []


def test_target_page_shows_gap_chart_quote_and_sources(browser, site):
    page, errors, remote = _open(browser, (site / "dashboards" / "targets" / "shanxi-2017-rd-intensity.html").as_uri())
    assert errors == [] and remote == []
    assert page.locator("#gap-zh .main-svg").count() >= 1
    assert "研究与试验发展（R&D）经费投入占地区生产总值的比重争取达到全国平均水平" in page.inner_text("blockquote")
    assert "rd-by-province_techme.csv" in page.inner_text("main")
    # only one copy of plotly.js in the whole site
    assert len(list((site / "dashboards").rglob("plotly*.js"))) == 1


def test_quality_report_opens_offline(browser, site):
    page, errors, remote = _open(browser, (site / "quality" / "index.html").as_uri())
    assert errors == [] and remote == []
    assert "observations_valid" in page.inner_text("#checks-table")
    assert "a forecast, not an actual figure" in page.inner_text("#rejected-table")
