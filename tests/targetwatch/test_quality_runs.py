"""The publication step writes the quality report's run history again alone (rewrite_runs): the index it leaves is
the one a whole new build would write, with the run's final row."""

from __future__ import annotations

import datetime as dt
import shutil

from targetwatch import runlog
from targetwatch.render.quality_report import RUNS_BEGIN, build_quality_report, rewrite_runs
from targetwatch.warehouse import WAREHOUSE_FILE, connect


def test_rewriting_the_run_history_gives_the_index_a_whole_build_gives(published, tmp_path):
    warehouse = tmp_path / WAREHOUSE_FILE
    shutil.copyfile(published.out / WAREHOUSE_FILE, warehouse)
    run = runlog.RunRecord(run_id="test-rewrite-runs", trigger="cli", as_of=dt.date(2025, 6, 30),
                           started_at=dt.datetime(2026, 12, 2, 10, 0, 0), code_version="test")
    with connect(warehouse) as con:  # as the quality_report step builds it: this run is still "building"
        build_quality_report(con, tmp_path / "rewritten", this_run=run.row(), lineage=False)
    before = (tmp_path / "rewritten" / "index.html").read_text(encoding="utf-8")
    assert 'data-outcome="building"' in before

    done = run.finished("success", at=dt.datetime(2026, 12, 2, 10, 5, 0))
    runlog.write(warehouse, done)  # the run's final row, as the publication step writes it
    with connect(warehouse) as con:
        assert rewrite_runs(con, tmp_path / "rewritten", done.row())
        build_quality_report(con, tmp_path / "whole", this_run=done.row(), lineage=False)
    rewritten = (tmp_path / "rewritten" / "index.html").read_text(encoding="utf-8")
    assert rewritten == (tmp_path / "whole" / "index.html").read_text(encoding="utf-8")
    assert 'data-outcome="building"' not in rewritten
    assert '<tr class="this-run" data-outcome="success"><td><code title="test-rewrite-runs">' in rewritten
    assert rewritten.count(RUNS_BEGIN) == 1 and len(rewritten) != len(before)


def test_an_index_without_the_marks_is_left_alone(tmp_path, published):
    site = tmp_path / "quality"
    site.mkdir()
    (site / "index.html").write_text("<html>an index of an older build</html>", encoding="utf-8")
    with connect(published.out / WAREHOUSE_FILE, read_only=True) as con:
        assert not rewrite_runs(con, site, None)
        assert not rewrite_runs(con, tmp_path / "nowhere", None)
    assert (site / "index.html").read_text(encoding="utf-8") == "<html>an index of an older build</html>"
