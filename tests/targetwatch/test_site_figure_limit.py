"""A target page lists at most TARGET_FIGURE_LIMIT figures: those used first, then the others in the page's order;
the note names the total and links to the lineage page (SYNTHETIC site of tests/targetwatch/test_site.py)."""

from __future__ import annotations

import re

import targetwatch.render.small_site as small_site
from targetwatch.render.dashboards import build_dashboards
from tests.targetwatch.test_site import synthetic_site_data


def _figure_rows(text: str) -> list[str]:
    body = re.search(r'<table id="figures-table">.*?<tbody>(.*?)</tbody>', text, re.S)
    return re.findall(r'<tr data-observation="([^"]*)" class="([^"]*)"', body.group(1)) if body else []


def test_a_long_figure_list_keeps_the_used_figures_and_names_the_total(tmp_path, monkeypatch):
    data = synthetic_site_data()
    full = tmp_path / "full"
    build_dashboards(data, full)
    monkeypatch.setattr(small_site, "TARGET_FIGURE_LIMIT", 1)
    short = tmp_path / "short"
    build_dashboards(data, short)
    capped = 0
    for page in sorted((full / "targets").glob("*.html")):
        rows = _figure_rows(page.read_text(encoding="utf-8"))
        text = (short / "targets" / page.name).read_text(encoding="utf-8")
        listed = _figure_rows(text)
        if len(rows) <= 1:
            assert listed == rows and 'id="figures-listed"' not in text
            continue
        used = [r for r in rows if "used" in r[1].split()]
        others = [r for r in rows if "used" not in r[1].split()]
        assert listed == [r for r in rows if r in used or r in others[:max(0, 1 - len(used))]]
        if len(listed) == len(rows):  # every figure was used: nothing left out, no note
            assert 'id="figures-listed"' not in text
            continue
        capped += 1
        assert f"all {len(rows)} are on" in text and f'href="../../quality/lineage/{page.stem}.html"' in text
    assert capped >= 1
