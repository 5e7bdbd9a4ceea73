"""benchmarks/site_phases.py: the dashboards step's phases timed without a profiler, on the SYNTHETIC large layout."""

from __future__ import annotations

from targetwatch import formatting, formatting_many
from targetwatch.render import dashboards, data_files
from targetwatch.render.quality_report import warehouse_of
from tests.targetwatch.test_site import synthetic_site_data


def test_every_phase_of_the_large_layout_is_counted_and_put_back(tmp_path, monkeypatch):
    from benchmarks import site_phases

    data = synthetic_site_data(n_extra=12)
    con = warehouse_of(data)
    con.execute(f"ATTACH '{tmp_path / 'warehouse.duckdb'}' AS w")
    con.execute("COPY FROM DATABASE memory TO w")
    con.close()
    monkeypatch.setattr(dashboards, "LARGE_SITE_TARGETS", 3)  # the large layout on a small catalogue
    originals = (data_files.DataFiles.write, data_files.write_batch, dashboards.build_briefs,
                 formatting._format_new, formatting_many.remember)  # the last two counted, not timed
    acc = site_phases.run(tmp_path / "warehouse.duckdb", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").exists() and (tmp_path / "site" / "data" / "_common.js").exists()
    assert acc["data files: the batches"][0] == 1 and acc["jurisdiction pages"][0] == 1 and acc["briefs"][0] == 1
    # the charts' data of every drawable target for the page to build them (chart_client.chart_input once a target
    # with a chart; chart-build.js draws them), none built in Python (no number outside chart_client.SAFE)
    drawable = sum(1 for _, t in data.targets.iterrows() if t["comparator"] != "qualitative")
    assert 0 < acc["    charts' data for the page (chart_client.chart_input)"][0] <= drawable
    assert "    charts (charts.shared_charts)" not in acc
    assert acc["  write_batch (targets, charts, JSON, files)"][0] >= 1
    whole = acc["build_dashboards (all of the above but the read)"]
    batches = acc["data files: the batches"]
    assert 0 < batches[2] <= whole[2] and 0 < batches[1] <= whole[1]
    one, many, held = acc["number memo"]
    # no chart is built in Python, so no batch's chart numbers are written at once (remember); the pages' and briefs'
    # numbers one at a time. Emptied first, so the memo holds only this run's numbers
    assert one > 0 and many == 0
    assert 0 < held <= one
    assert (data_files.DataFiles.write, data_files.write_batch, dashboards.build_briefs,
            formatting._format_new, formatting_many.remember) == originals
