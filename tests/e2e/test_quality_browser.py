"""The auditors' quality report and a lineage page opened from disk in Debian's headless Chromium, network watched.

The site is the `refresh` job on the bundled real figures (fixture `site` in tests/e2e/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.e2e.conftest import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
RELATIVE, QUALITATIVE = "shanxi-2017-rd-intensity", "gansu-2015-ecosystem"


@pytest.fixture(scope="module")
def sha256_of(site) -> dict[str, str]:
    with duckdb.connect(str(site / "warehouse.duckdb"), read_only=True) as con:
        return dict(con.execute("SELECT source_file, sha256 FROM report_files").fetchall())


def test_quality_index_opens_offline(screenshot, open_page, site, sha256_of):
    page, errors, remote = open_page(site / "quality" / "index.html")
    assert errors == [] and remote == []
    assert page.evaluate("document.documentElement.lang") == "zh" and "数据质量报告" in page.inner_text("h1")
    files = page.locator("#files-table")
    row = files.locator("tr[data-file='rd-by-province_techme.csv']")
    assert sha256_of["rd-by-province_techme.csv"] in row.inner_text()  # the file's sha256, in full
    assert row.locator("td[data-checks='passed']").inner_text() == "20"  # every row-level check passed
    # the quarantined row with its file, location (source line) and reason
    rejected = page.inner_text("#rejected-table")
    assert "shanxi-bulletins-and-news.csv" in rejected and "line 22" in rejected
    assert "a forecast, not an actual figure" in rejected
    assert "observations_valid" in page.inner_text("#checks-table")
    assert "Data Docs" in page.inner_text("#validation-source")  # rendered here, not by GE's CDN-bound pages
    # the anchor the dashboards link to, and from it the lineage page
    anchor = page.locator(f"#t-{RELATIVE}")
    assert anchor.count() == 1
    screenshot(page, "quality-zh")
    page.click("#lang-toggle")
    assert "Data-quality report" in page.inner_text("h1") and "Report files" in page.inner_text("#files h2")
    anchor.locator("a.lineage-link").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"quality/lineage/{RELATIVE}.html")
    assert errors == [] and remote == []


def test_lineage_page_opens_offline_and_shows_the_chain(screenshot, open_page, site, sha256_of, tmp_path):
    page, errors, remote = open_page(site / "quality" / "lineage" / f"{RELATIVE}.html")
    assert errors == [] and remote == []
    # 1. the sentence, its document and character offsets
    quote = "研究与试验发展（R&D）经费投入占地区生产总值的比重争取达到全国平均水平"
    assert quote in page.inner_text("#sentence blockquote")
    assert "policies/shanxi-2017.txt" in page.inner_text("#sentence")
    # 2. the figure used for 2020, as written, with its file, sha256 and source location (since the bundle of
    # 2026-12 the dated found-figures row, same value, wins over the undated yearbook row)
    row = page.locator("#lineage-figures tr[data-observation][data-vintage='used']").filter(has_text="2020").first
    text = row.inner_text()
    # since the 2026-12 found figures were bundled, Shanxi's 2020 intensity is read from its dated news row
    used = "found-figures-2026-12.csv"
    assert "1.2 %" in text and used in text and "line 6" in text
    assert sha256_of[used] in text
    # 3. the files with their full sha256; 4. the checks on those rows; 5. the formula with the numbers
    assert sha256_of[used] in page.inner_text("#lineage-files")
    assert page.locator("#lineage-checks tbody tr").count() >= 17
    assert "差距 = 1.16 - 2.65 = -1.49 个百分点" in page.inner_text("#formula")
    screenshot(page, "lineage-zh")
    page.click("#lang-toggle")
    assert "gap = 1.16 - 2.65 = -1.49 percentage points" in page.inner_text("#formula")
    # prints without the navigation and the language button
    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible() and not page.locator("#lang-toggle").is_visible()
    pdf = tmp_path / "lineage.pdf"  # never into the shared published out/ (read-only for every test)
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert errors == [] and remote == []


def test_qualitative_lineage_says_where_the_chain_stops(open_page, site):
    page, errors, remote = open_page(site / "quality" / "lineage" / f"{QUALITATIVE}.html")
    assert errors == [] and remote == []
    assert page.locator("#chain-stop").is_visible() and "溯源止于政策原文" in page.inner_text("#chain-stop")
    assert page.locator("#lineage-figures").count() == 0


def test_the_one_lineage_page_draws_the_target_its_address_names(screenshot, open_page, site, sha256_of):
    """lineage/view.html#j=<jurisdiction>&t=<target_id> (the address a national catalogue's targets link to) loads the
    jurisdiction's data file and draws the same chain, with concrete values, offline."""
    from targetwatch.render.large_site import page_name

    page, errors, remote = open_page(site / "quality" / "lineage" / "view.html",
                                     f"#j={page_name('shanxi')}&t={RELATIVE}")
    page.wait_for_selector("#lineage-view[data-state='ready']")
    assert errors == [] and remote == []
    assert "研究与试验发展（R&D）经费投入占地区生产总值的比重争取达到全国平均水平" in page.inner_text("#sentence")
    used = "found-figures-2026-12.csv"
    row = page.locator("#lineage-figures tr[data-vintage='used']").filter(has_text="2020").first
    text = row.inner_text()
    assert "1.2 %" in text and used in text and "line 6" in text and sha256_of[used] in text
    assert page.locator("#lineage-figures tr[data-vintage='superseded']").count() >= 1  # the vintages not used
    assert sha256_of[used] in page.inner_text("#lineage-files")
    assert page.locator("#lineage-checks tbody tr").count() >= 17
    assert page.locator("#lineage-checks tr[data-result='passed']").count() >= 17
    assert "差距 = 1.16 - 2.65 = -1.49 个百分点" in page.inner_text("#formula")
    assert page.get_attribute("#dashboard-link", "href").endswith(f"dashboards/targets/{RELATIVE}.html")
    screenshot(page, "lineage-view-zh")
    page.click("#lang-toggle")
    assert "gap = 1.16 - 2.65 = -1.49 percentage points" in page.inner_text("#formula")
    assert "Policy sentence" in page.inner_text("#sentence h2")
    assert errors == [] and remote == []


def test_the_one_lineage_page_says_when_it_has_no_such_target(open_page, site):
    page, errors, remote = open_page(site / "quality" / "lineage" / "view.html", "#j=shanxi&t=no-such-target")
    page.wait_for_selector("#lineage-view[data-state='missing']")
    assert page.locator("#view-missing").is_visible() and "targetwatch explain" in page.inner_text("#view-missing")
    assert errors == [] and remote == []
