"""The one-page briefings opened in Debian's headless Chromium: each alone in an empty folder (as a forwarded file),
on a phone (390 x 844, mobile flag), and printed (A4 portrait, one page), as the dashboards' print test does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM, PHONE, SCREENSHOTS
from tests.e2e.test_phone import _small_taps

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
A4_PORTRAIT_PX = 718  # 210 mm less the two 10 mm margins of the brief's @page rule, at 96 px per inch
JURISDICTIONS = ("gansu", "shanxi", "xining")


def test_every_jurisdiction_has_a_brief_linked_from_the_overview(open_page, site):
    page, errors, remote = open_page(site / "dashboards" / "index.html")
    links = page.locator("#status-matrix a.brief-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert sorted(links) == [f"brief/{j}.html" for j in JURISDICTIONS]
    assert all((site / "dashboards" / link).exists() for link in links)
    page.click("#status-matrix tr[data-jurisdiction='shanxi'] a.brief-link")
    page.wait_for_load_state("load")
    assert "山西省" in page.inner_text("h1") and errors == [] and remote == []


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_a_forwarded_brief_opens_alone_on_a_phone(open_phone_page, site, screenshot, tmp_path, jurisdiction):
    alone = tmp_path / f"{jurisdiction}.html"  # nothing beside it: no stylesheet, script, font or chart library
    shutil.copyfile(site / "dashboards" / "brief" / f"{jurisdiction}.html", alone)
    requests: list[str] = []  # every request from the navigation on (one load, no reload to watch it)
    page, errors, remote = open_phone_page(alone, every_request=requests)
    assert requests == [alone.as_uri()] and errors == [] and remote == []  # the one file, nothing else
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    assert _small_taps(page) == []
    assert page.locator("#data-date").is_visible() and "数据截至" in page.inner_text("#data-date")
    for part in ("#headline", "#changes", "#owed"):
        assert page.locator(part).is_visible(), part
    screenshot(page, f"phone-brief-{jurisdiction}")
    page.click("#lang-toggle")
    assert "Briefing" in page.inner_text("h1") and "Data as published by" in page.inner_text("#data-date")
    assert errors == []


def test_a_status_explanation_opens_on_tap(open_phone_page, site):
    page, errors, _ = open_phone_page(site / "dashboards" / "brief" / "shanxi.html")
    page.locator("#brief-targets .chip").first.tap()
    assert page.locator("#tip").is_visible() and len(page.inner_text("#tip")) > 4
    page.locator("h1").tap()
    assert not page.locator("#tip").is_visible()
    assert errors == []


@pytest.mark.slow  # print-to-PDF: `pytest -m slow` (.ci/run runs it)
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_a_brief_prints_on_one_a4_page(open_page, site, jurisdiction):
    page, errors, remote = open_page(site / "dashboards" / "brief" / f"{jurisdiction}.html")
    page.set_viewport_size({"width": A4_PORTRAIT_PX, "height": 1000})
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_PORTRAIT_PX
    assert not page.locator("#lang-toggle").is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    boxes = [tuple(round(float(v)) for v in m.split()) for m in re.findall(rb"/MediaBox \[([\d. ]+)\]", pdf)]
    assert boxes == [(0, 0, 595, 842)]  # one page, A4 portrait
    out = SCREENSHOTS / f"print-brief-{jurisdiction}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    assert errors == [] and remote == []
