"""build_dashboards runs with Python's cyclic collector paused (targetwatch.collector) and resumes it after, as the
quality report does: its pages, charts and data files allocate millions of containers that reference counting frees
(docs/scaling.md section 0, session 15). SYNTHETIC site of tests/targetwatch/test_site.py."""

from __future__ import annotations

import gc

import pytest

import targetwatch.render.dashboards as dashboards_module
from targetwatch.render.dashboards import build_dashboards
from tests.targetwatch.test_site import synthetic_site_data


@pytest.mark.parametrize("large", [False, True])
def test_the_collector_is_paused_while_the_site_is_built_and_resumed_after(tmp_path, monkeypatch, large):
    seen: list[bool] = []
    rows = dashboards_module.target_rows

    def recording(data):
        seen.append(gc.isenabled())
        return rows(data)

    monkeypatch.setattr(dashboards_module, "target_rows", recording)
    assert gc.isenabled()
    pages = build_dashboards(synthetic_site_data(), tmp_path / "site", large=large)
    assert seen == [False] and gc.isenabled() and len(pages) > 5


def test_a_caller_that_paused_the_collector_keeps_it_paused(tmp_path):
    gc.disable()
    try:
        build_dashboards(synthetic_site_data(), tmp_path / "site")
        assert not gc.isenabled()
    finally:
        gc.enable()
