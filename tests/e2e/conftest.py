"""Shared browser-test fixtures: the refreshed real site (once per session) and Debian's headless Chromium.

The published refresh is the session's shared one (tests/conftest.py); one Chromium serves every module.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Debian's chromium-headless-shell when installed (.ci/run installs it), else Debian's chromium: the same Blink and V8
# build (one Debian source package, one version), without the full browser's UI layer and services, which Playwright
# itself launches for headless runs. The browser tests' Chromium CPU falls by about a third with it (test_phone +
# test_quality_browser, 19 tests, one process with the published build, A B B A at load 3-8: 55.7, 40.6, 39.2,
# 57.6 CPU s counted with Chromium's processes; docs/testing.md, session 11). TARGETWATCH_CHROMIUM names another
# executable (e.g. /usr/bin/chromium, to run the browser tests in the full browser).
CHROMIUM = (os.environ.get("TARGETWATCH_CHROMIUM") or shutil.which("chromium-headless-shell")
            or shutil.which("chromium") or "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="session")
def site(published) -> Path:
    """The `refresh` job on the bundled real figures: the session's shared published out/ (read-only)."""
    return published.out


@pytest.fixture(scope="session")
def synthetic_site(synthetic_site_build) -> Path:
    """A small SYNTHETIC site (tests/targetwatch/test_site.py): departments, measures, revisions, per-year bars."""
    return synthetic_site_build.out


@pytest.fixture(scope="session")
def large_synthetic_site(large_synthetic_site_build) -> Path:
    """The SYNTHETIC site in the large layout (what a catalogue of every county gets), forced on a small one."""
    return large_synthetic_site_build.out


# Test artifacts in their own git-ignored folder, never beside the published outputs in out/.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def screenshot(pytestconfig):
    """With `--screenshots`, save a full-page screenshot as test-artifacts/screenshots/<name>.png for a person to look
    at and return its path; without, do nothing (a full-page screenshot is for review, not a check, and costs 1-5 s of
    Chromium's CPU: the overview on a phone 3.4-4.4 s, the quality report 4.4-4.9 s)."""
    if not pytestconfig.getoption("screenshots"):
        return lambda page, name: None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _save(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
        return path

    return _save


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test module (each module opens its own context)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def keeper_file(tmp_path_factory) -> str:
    """An empty local page (file://) that each context keeps open: see `_keep_renderer`."""
    path = tmp_path_factory.mktemp("keeper") / "keeper.html"
    path.write_text("<!doctype html><title>keeper</title>", encoding="utf-8")
    return path.as_uri()


def _keep_renderer(ctx, keeper_file: str) -> None:
    """Keep one blank file:// page open for the context's life. Chromium then keeps the renderer process that serves
    the context's file:// pages alive between tests, with the plotly.js it has compiled, instead of starting a new
    one for every page that opens after the last one closed (measured: 9 phone pages, 10.3 -> 6.4 s of Chromium CPU).
    The keeper runs no script and touches no storage."""
    ctx.new_page().goto(keeper_file)


class Tabs:
    """The tabs of one browser context, reused from test to test instead of a new tab for every page a test opens.

    A new tab costs Chromium about 0.3 s of CPU to open and close (its browser and renderer processes' share; measured
    2026-12-03: a page opened in a new tab 0.74-0.83 s, the same page in a reused tab 0.42-0.50 s). What a test leaves
    behind does not reach the next: a tab goes back to the pool only after it has been navigated to the blank keeper
    page (the test's document unloads there, with no test's listeners attached; the next test's page is then a new
    document, never a same-document jump to another `#fragment`), its session storage cleared (localStorage is cleared
    on every document: see `laptop_tabs`), and only if the test left its viewport and media as the context sets them (a
    print test's tab is closed). Each test still gets its own page objects, listeners and error lists."""

    def __init__(self, ctx, keeper_file: str, viewport: dict) -> None:
        self.ctx, self.keeper, self.viewport, self.idle = ctx, keeper_file, viewport, []

    def take(self):
        return self.idle.pop() if self.idle else self.ctx.new_page()

    def give_back(self, page) -> None:
        if page.is_closed():
            return
        try:
            page.goto(self.keeper)
            printing = page.evaluate("() => { sessionStorage.clear(); return matchMedia('print').matches; }")
            clean = page.viewport_size == self.viewport and not printing
        except Exception:  # a tab the test left broken is closed, not reused
            clean = False
        if clean:
            self.idle.append(page)
        else:
            page.close()


LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def laptop_tabs(browser, keeper_file) -> Tabs:
    """One laptop-size browser context per module, its tabs reused (`Tabs`): pages share Chromium's compiled
    plotly.js (parsing it anew on every page costs seconds); storage is cleared before every page, so each opens in
    Chinese first."""
    ctx = browser.new_context(viewport=LAPTOP)
    ctx.add_init_script("try { localStorage.clear(); } catch (e) {}")
    _keep_renderer(ctx, keeper_file)
    yield Tabs(ctx, keeper_file, LAPTOP)
    ctx.close()


PHONE = {"width": 390, "height": 844}  # a common phone, CSS pixels


@pytest.fixture(scope="module")
def phone_tabs(browser, keeper_file) -> Tabs:
    """One phone context per module, its tabs reused (`Tabs`). A phone: 390 x 844 CSS pixels, the mobile flag (the
    page's viewport meta tag applies) and touch."""
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    ctx.add_init_script("try { localStorage.clear(); } catch (e) {}")
    # when the window was last resized: the phone tests' measurements wait for Plotly's redraw after one
    # (tests/e2e/test_phone.py, `_MEASURE`)
    ctx.add_init_script("window.addEventListener('resize', () => { window.__twResizedAt = performance.now(); });")
    _keep_renderer(ctx, keeper_file)
    yield Tabs(ctx, keeper_file, PHONE)
    ctx.close()


def _opener(tabs: Tabs):
    """Open a site file in a tab of `tabs` with console errors and non-file requests recorded; after the test, the
    listeners are removed and the tabs go back to the pool (`Tabs`)."""
    taken = []

    def _open(path: Path, fragment: str = "", every_request: list[str] | None = None):
        """`every_request`, if given, receives the URL of every request from the navigation on, local ones too."""
        page = tabs.take()
        errors, remote = [], []

        def on_request(r) -> None:
            if every_request is not None:
                every_request.append(r.url)
            if not r.url.startswith(("file://", "data:", "blob:")):
                remote.append(r.url)

        listeners = {
            "console": lambda m: errors.append(m.text) if m.type == "error" else None,
            "pageerror": lambda e: errors.append(str(e)),
            "request": on_request,
        }
        for event, listener in listeners.items():
            page.on(event, listener)
        taken.append((page, listeners))
        page.goto(path.as_uri() + fragment)
        page.wait_for_load_state("load")
        return page, errors, remote

    def _done() -> None:
        for page, listeners in taken:
            for event, listener in listeners.items():
                page.remove_listener(event, listener)
            tabs.give_back(page)

    return _open, _done


@pytest.fixture
def open_page(laptop_tabs):
    """Open a site file in the laptop-size context (see `_opener`)."""
    _open, done = _opener(laptop_tabs)
    yield _open
    done()


@pytest.fixture
def open_phone_page(phone_tabs):
    """Open a site file on the phone (see `_opener`)."""
    _open, done = _opener(phone_tabs)
    yield _open
    done()
