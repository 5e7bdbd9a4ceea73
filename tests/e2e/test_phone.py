"""The dashboards and the quality report on a phone: 390 x 844 CSS pixels, Chromium's mobile flag and touch.

Every page kind fits the screen (the page's scroll width is the viewport's, every chart lies inside it), opens with
no console error, reads its tables as cards whose sort and filter controls still work, hides Plotly's toolbar,
draws each chart's phone variant, opens tooltips on tap, and offers tap targets of at least 44 px. With
`--screenshots`, screenshots go beside the laptop ones (test-artifacts/screenshots/phone-*.png). The laptop-size tests
are in test_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch import vocab
from targetwatch.render.page import department_slug
from tests.e2e.conftest import CHROMIUM, PHONE
from tests.targetwatch.test_site import SCIENCE

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
RELATIVE, PER_YEAR, STOCK = "shanxi-2017-rd-intensity", "gansu-2015-jobs-per-year", "shanxi-2017-high-tech-enterprises"
TAP_PX = 44

# What a person taps: links, buttons, selects, text boxes, folding summaries, sort buttons, tooltips.
TAPPABLE = ("a[href], button, select, input[type=search], summary, th[data-col], [data-tip-zh], "
            "label:has(> input[type=checkbox])")


# The page's measurements in one round trip: page.evaluate runs in the page as it is, where a locator first injects
# Playwright's own script into every new document (80 department pages: 22.7 -> 11.8 s of CPU, 11.5 s of it loading
# the pages). The selectors are plain CSS, which querySelectorAll reads as Playwright's locators do.
#
# A page with drawn charts first settles, on events rather than a fixed time: two frames pass (any window resize its
# layout raised is dispatched before the second), and if the window was resized (`__twResizedAt`, stamped by the phone
# context's init script in tests/e2e/conftest.py) Plotly's responsive redraw has run: it waits
# PLOTLY_RESIZE_DEBOUNCE_MS after the resize, then relayouts. A page without charts is measured at once, as before
# (getBoundingClientRect lays the page out first).
PLOTLY_RESIZE_DEBOUNCE_MS = 100  # plotly.js's Plots.resize timer (4.1.1)
_MEASURE = f"""async () => {{
  const all = selector => Array.from(document.querySelectorAll(selector));
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  if (all('.plot[data-drawn]').length) {{
    await frame(); await frame();
    if (window.__twResizedAt !== undefined) {{
      const left = window.__twResizedAt + {PLOTLY_RESIZE_DEBOUNCE_MS} - performance.now();
      if (left > 0) await new Promise(done => setTimeout(done, left));
      await frame(); await frame();
    }}
  }}
  return {{
    plots: all('.plot').length,
    scroll_width: document.documentElement.scrollWidth,
    client_width: document.documentElement.clientWidth,
    chart_edges: all('.plot[data-drawn] .main-svg').map(e => {{
      const r = e.getBoundingClientRect(); return [r.left, r.right]; }}),
    small_taps: all({TAPPABLE!r}).filter(e => e.offsetParent !== null && !e.closest('.js-plotly-plot, [hidden]'))
      .map(e => [e, e.getBoundingClientRect()])
      .filter(([e, r]) => r.width > 0 && (r.height < {TAP_PX} - 0.5 || r.width < {TAP_PX} - 0.5))
      .map(([e, r]) => e.tagName + '.' + e.className + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)
                       + ' ' + e.textContent.trim().slice(0, 20)),
    toolbar_buttons: all('.modebar-btn').length,
    drawn: all('.plot[data-drawn]').map(e => e.dataset.drawn),
  }};
}}"""


def _measure(page) -> dict:
    """The document's scroll and client widths, each drawn chart's left and right edge, the visible tap targets
    smaller than 44 x 44 px, Plotly's toolbar buttons, and the variant each chart was drawn with."""
    return page.evaluate(_MEASURE)


def _fits_the_screen(page) -> dict:
    """No sideways scroll, and every drawn chart inside the viewport; returns the page's measurements."""
    m = _measure(page)  # measured once the page has settled (`_MEASURE`), with no fixed wait
    assert m["scroll_width"] == PHONE["width"]
    assert m["client_width"] == PHONE["width"]
    assert all(left >= 0 and right <= PHONE["width"] for left, right in m["chart_edges"]), m["chart_edges"]
    return m


def _small_taps(page) -> list[str]:
    """Visible tap targets smaller than 44 x 44 px."""
    return _measure(page)["small_taps"]


def _check(page, errors, remote, screenshot, name: str) -> None:
    assert errors == [] and remote == []
    m = _fits_the_screen(page)
    assert m["small_taps"] == []
    assert m["toolbar_buttons"] == 0  # Plotly's toolbar is hidden on a phone
    for spec in m["drawn"]:
        assert spec == "narrow"  # each chart drawn with the phone variant Python made
    screenshot(page, f"phone-{name}")


@pytest.mark.parametrize(("path", "name"), [
    ("dashboards/index.html", "overview"),
    (f"dashboards/targets/{RELATIVE}.html", "target-relative"),
    (f"dashboards/targets/{PER_YEAR}.html", "target-per-year"),
    (f"dashboards/targets/{STOCK}.html", "target-stock"),
    ("dashboards/documents/shanxi-2017.html", "document"),
    ("quality/index.html", "quality-index"),
    (f"quality/lineage/{RELATIVE}.html", "lineage"),
])
def test_real_pages_fit_a_phone(open_phone_page, site, screenshot, path, name):
    page, errors, remote = open_phone_page(site / path)
    _check(page, errors, remote, screenshot, name)
    page.click("#lang-toggle")  # the other language fits too, its charts drawn on the toggle
    _fits_the_screen(page)
    assert errors == []


def test_one_page_of_every_kind_fits_a_phone(open_phone_page, site):
    """Every top-level page of the dashboards (the overview, and pages other issues add there: data owed, what
    changed) and the first page of every folder (targets, documents, departments, briefs; quality, lineage)."""
    pages = []
    for root in (site / "dashboards", site / "quality"):
        pages += sorted(root.glob("*.html"))
        pages += [sorted(d.glob("*.html"))[0] for d in sorted(root.iterdir()) if d.is_dir() and any(d.glob("*.html"))]
    assert len(pages) >= 7
    page, errors, remote = open_phone_page(pages[0])
    for p in pages:
        page.goto(p.as_uri())
        page.wait_for_load_state("load")
        assert errors == [] and remote == [], p
        assert _fits_the_screen(page)["small_taps"] == [], p


def test_every_real_department_page_fits_a_phone(open_phone_page, site, screenshot):
    pages = sorted((site / "dashboards" / "departments").glob("*.html"))
    assert pages
    page, errors, remote = open_phone_page(pages[0])
    for p in pages:
        page.goto(p.as_uri())
        page.wait_for_load_state("load")
        assert errors == [] and remote == [], p.name
        assert _fits_the_screen(page)["small_taps"] == [], p.name
    screenshot(page, "phone-department")


def test_synthetic_pages_fit_a_phone(open_phone_page, synthetic_site, screenshot):
    """Departments with measures, revised figures and the synthetic banner: every page of the small site."""
    pages = sorted((synthetic_site / "dashboards").rglob("*.html")) + sorted((synthetic_site / "quality").rglob(
        "*.html"))
    page, errors, remote = open_phone_page(pages[0])
    for p in pages:
        page.goto(p.as_uri())
        page.wait_for_load_state("load")
        assert errors == [] and remote == [], p.name
        assert _fits_the_screen(page)["small_taps"] == [], p.name
    page.goto((synthetic_site / "dashboards" / "departments" / f"{department_slug(SCIENCE)}.html").as_uri())
    screenshot(page, "phone-synthetic-department")


def test_large_layout_fits_a_phone(open_phone_page, large_synthetic_site, screenshot):
    root = large_synthetic_site / "dashboards"
    for path, fragment in [(root / "index.html", ""), (root / "jurisdictions" / "xx.html", ""),
                           (root / "targets" / "view.html", "#j=xx&t=syn-stock"),
                           (root / "targets" / "view.html", "#j=xx&t=syn-relative")]:
        page, errors, remote = open_phone_page(path, fragment)
        if fragment:
            page.wait_for_selector("#target-view[data-state='ready']")
            page.wait_for_selector(".plot[data-drawn] .main-svg")
        _check(page, errors, remote, screenshot, "large-" + path.stem + fragment.replace("#j=xx&t=", "-"))


def test_target_table_reads_as_cards_and_still_sorts_and_filters(open_phone_page, site):
    page, errors, _ = open_phone_page(site / "dashboards" / "index.html")
    row = page.locator(f"#targets-table tr[data-target='{RELATIVE}']")
    assert row.evaluate("r => getComputedStyle(r).display") == "flex"  # a card, not a table row
    box = row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # the card shows the name, the status chip, latest against target, the gap and the attainment bar, labelled
    text = row.inner_text()
    assert "R&D经费投入" in text and "未实现" in text and "个百分点" in text
    labels = "r => Array.from(r.cells).map(c => getComputedStyle(c, '::before').content)"
    assert {'"最新值"', '"目标值"', '"差距"', '"完成度"'} <= set(row.evaluate(labels))  # each figure labelled
    assert row.locator(".bullet").is_visible()
    # the header row is a row of sort buttons: tapping one sorts the cards
    gap = page.locator("#targets-table thead th[data-col]", has_text="差距")
    gap.tap()
    sorts = [float(v) for v in page.locator("#targets-table tbody tr td.gap").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)")]
    assert sorts == sorted(sorts) and gap.get_attribute("aria-sort") == "ascending"
    # the filters still narrow the list
    page.select_option("select[data-filter='status']", "missed")
    statuses = page.locator("#targets-table tbody tr:visible").evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert statuses and set(statuses) == {"missed"}
    page.click("#lang-toggle")
    assert {'"Latest"', '"Gap"'} <= set(row.evaluate(labels))  # the card's labels follow the language
    assert errors == []


def test_status_tooltip_opens_on_tap(open_phone_page, site):
    page, errors, _ = open_phone_page(site / "dashboards" / "index.html")
    chip = page.locator(f"#targets-table tr[data-target='{RELATIVE}'] .chip")
    chip.tap()
    tip = page.locator("#tw-tip")
    assert tip.is_visible() and tip.inner_text().startswith(vocab.STATUS_BY_CODE["missed"].meaning_zh)
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.locator("h1").tap()  # a tap elsewhere closes it
    assert not tip.is_visible()
    page.click("#lang-toggle")
    chip.tap()
    assert tip.is_visible() and tip.inner_text().startswith(vocab.STATUS_BY_CODE["missed"].meaning_en)
    assert "evidence:" in tip.inner_text()  # the status's evidence basis and grade, in the page language
    assert errors == []


def test_charts_use_the_phone_variant(open_phone_page, site):
    page, errors, _ = open_phone_page(site / "dashboards" / "targets" / f"{RELATIVE}.html")
    page.wait_for_selector("#gap-zh .main-svg")
    layout = page.evaluate("() => { const l = document.getElementById('gap-zh').layout;"
                           " return {font: l.font.size, left: l.margin.l, title: l.xaxis.title.text}; }")
    assert layout == {"font": 11, "left": 48, "title": ""}
    legend = page.locator("#gap-zh .legend").bounding_box()
    assert legend["x"] + legend["width"] <= PHONE["width"]  # the legend stays on the screen
    assert errors == []
