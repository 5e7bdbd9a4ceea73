"""A growth_above_reference target's page, opened in Debian's headless Chromium in both layouts: the reference
jurisdiction's figures it was judged against are listed, with their jurisdiction and source file, and the ones its
per-year rows used (each year's, and the year before each was judged from) are marked (issue 16 item 5). The
SYNTHETIC catalogue and the hand-worked figures are those of tests/targetwatch/test_growth_reference_pages.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import CHROMIUM
from tests.targetwatch.test_growth_reference_pages import FIGURES, FILE_OF, REFERENCE, USED, build_growth_sites

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")]
# each figure row: its observation id, whether it is marked used, its jurisdiction (zh) and its source file
_ROWS = """rows => rows.map(r => [r.dataset.observation, r.classList.contains('used'),
    r.cells[0].querySelector('.zh').textContent, r.cells[4].querySelector('code').textContent])"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    return build_growth_sites(tmp_path_factory.mktemp("growth-browser"))


@pytest.mark.parametrize("target_id", sorted(USED))
def test_both_pages_list_and_mark_the_reference_figures(open_page, sites, target_id):
    small, large = sites
    code = target_id.removeprefix("g-")
    before, errors_a, _ = open_page(small / "targets" / f"{target_id}.html")
    after, errors_b, remote = open_page(large / "targets" / "view.html", f"#j={code}&t={target_id}")
    after.wait_for_selector("#target-view[data-state='ready']")
    assert errors_a == [] and errors_b == [] and remote == []

    own, ref = USED[target_id]
    _, ref_zh, key = REFERENCE[target_id]
    names = {"nat": "全国", "p1": "甲省", "p2": "乙省"}
    mine = [(f"syn:{i}", f[0]) for i, f in enumerate(FIGURES) if f[0] == code]
    theirs = [(f"syn:{i}", f[0]) for i, f in enumerate(FIGURES) if f"{f[0]}|{f[1]}" == key]
    expected = [[oid, oid in own + ref, names[j], FILE_OF[j]] for oid, j in mine + theirs]
    for page in (before, after):
        assert page.locator("#figures-table tbody tr").evaluate_all(_ROWS) == expected
        assert ref_zh in page.inner_text(".meta")  # the reference named beside the comparator
        assert page.locator("#figures-table thead th").first.inner_text() == "地区"
    for sel in ("h1", "#key-figures", "#reason", ".meta"):
        assert after.inner_text(sel) == before.inner_text(sel), sel
