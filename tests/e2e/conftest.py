"""Shared browser-test fixtures: the refreshed real site (once per session) and Debian's headless Chromium.

The published refresh is the session's shared one (tests/conftest.py); one Chromium serves every module.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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
    Every test still opens its own new page; the keeper runs no script and touches no storage."""
    ctx.new_page().goto(keeper_file)


@pytest.fixture(scope="module")
def context(browser, keeper_file):
    """One browser context per module: pages share Chromium's compiled plotly.js (parsing it anew on every page
    costs seconds); storage is cleared before every page, so each opens in Chinese first."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_init_script("try { localStorage.clear(); } catch (e) {}")
    _keep_renderer(ctx, keeper_file)
    yield ctx
    ctx.close()


PHONE = {"width": 390, "height": 844}  # a common phone, CSS pixels


@pytest.fixture(scope="module")
def phone_context(browser, keeper_file):
    """A phone: 390 x 844 CSS pixels, the mobile flag (the page's viewport meta tag applies) and touch."""
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    ctx.add_init_script("try { localStorage.clear(); } catch (e) {}")
    _keep_renderer(ctx, keeper_file)
    yield ctx
    ctx.close()


def _opener(context):
    """Open a site file with console errors and non-file requests recorded; the pages close after the test."""
    pages = []

    def _open(path: Path, fragment: str = ""):
        page = context.new_page()
        pages.append(page)
        errors, remote = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: remote.append(r.url)
                if not r.url.startswith(("file://", "data:", "blob:")) else None)
        page.goto(path.as_uri() + fragment)
        page.wait_for_load_state("load")
        return page, errors, remote

    return _open, pages


@pytest.fixture
def open_page(context):
    """Open a site file in the laptop-size context (see `_opener`)."""
    _open, pages = _opener(context)
    yield _open
    for page in pages:
        page.close()


@pytest.fixture
def open_phone_page(phone_context):
    """Open a site file on the phone (see `_opener`)."""
    _open, pages = _opener(phone_context)
    yield _open
    for page in pages:
        page.close()
