"""The whole Dagster job on the bundled real figures (the session's shared published refresh, read-only), a failed
run on a copy of it, and the ingestion stage alone (`dagster.materialize`) on a small changed reports folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets import catalogue, ingestion
from assets.resources import TargetwatchPaths
from pipelines.definitions import defs
from targetwatch.config import PROJECT_DIR
from tests.conftest import AS_OF, Published

TABLES = ["targets", "target_sources", "target_departments", "indicators", "jurisdictions", "policy_documents",
          "measures", "report_files", "observations", "rejected_rows", "check_results", "assessments",
          "assessment_years", "runs"]


def _materialize(out: Path, reports: Path = PROJECT_DIR / "reports", project: Path = PROJECT_DIR):
    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(reports), project_dir=str(project), as_of="2026-11-23")
    job = defs.resolve_job_def("refresh")
    with dg.instance_for_test() as instance:
        return job.execute_in_process(instance=instance, raise_on_error=False,
                                      run_config={"resources": {"paths": {"config": paths.model_dump()}}})


def _ingest(out: Path, reports: Path) -> dg.ExecuteInProcessResult:
    """The catalogue and ingestion stages alone, into out/.build (nothing is published)."""
    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(reports), as_of="2026-11-23")
    with dg.instance_for_test() as instance:
        return dg.materialize([catalogue.catalogue, ingestion.reports], instance=instance,
                              resources={"paths": paths}, raise_on_error=False)


@pytest.fixture
def refreshed(published: Published):
    return published.out, published.result


def test_refresh_succeeds_and_publishes(refreshed):
    out, result = refreshed
    assert result.success
    assert (out / "warehouse.duckdb").is_file()
    assert (out / "dashboards" / "index.html").is_file()
    assert (out / "dashboards" / "plotly.min.js").is_file()
    assert all("cdn.plot.ly" not in p.read_text(encoding="utf-8") for p in (out / "dashboards").rglob("*.html"))
    assert (out / "quality" / "index.html").is_file()


def test_warehouse_has_every_table_with_real_rows(refreshed):
    out, _ = refreshed
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
        assert all(counts[t] > 0 for t in TABLES), counts
        # 145 real figures (131 + 14 found in 2026-12): 144 accepted, 1 forecast quarantined with its reason
        assert counts["observations"] + counts["rejected_rows"] == 145
        reason = con.execute("SELECT reason FROM rejected_rows").fetchall()
        assert reason == [("a forecast, not an actual figure: kept out of the assessment",)]
        assert con.execute("SELECT sum(rows_read) FROM report_files").fetchall()[0][0] == 145
        statuses = dict(con.execute("SELECT target_id, status FROM assessments").fetchall())
        assert statuses["shanxi-2017-rd-intensity"] == "missed"
        assert statuses["shanxi-2017-high-tech-enterprises"] == "deadline_unpublished"  # no 2020 figure
        run = con.execute("SELECT outcome, as_of, input_hashes FROM runs").fetchall()[0]
        assert run[0] == "success" and str(run[1]) == "2026-11-23" and "targets.yaml" in run[2]


def test_great_expectations_checks_ran(refreshed):
    _, result = refreshed
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evaluations["observations_valid"].passed
    # the warning suite flags the low-confidence figures (a plan figure and two partial-year news items)
    assert not evaluations["observations_plausible"].passed
    assert evaluations["observations_plausible"].severity == dg.AssetCheckSeverity.WARN


def test_a_bad_catalogue_fails_the_run_and_leaves_outputs_intact(published, tmp_path):
    out = published.copy_to(tmp_path / "out")
    before = {p: p.read_bytes() for p in [out / "warehouse.duckdb", out / "dashboards" / "index.html"]}
    project = tmp_path / "project"
    shutil.copytree(PROJECT_DIR / "policies", project / "policies")
    text = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")
    (project / "targets.yaml").write_text(text.replace("comparator: at_least", "comparator: more_or_less", 1),
                                          encoding="utf-8")
    result = _materialize(out, project=project)
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert failure.step_key == "catalogue"
    assert "targets.yaml:" in failure.event_specific_data.error.cause.message
    assert {p: p.read_bytes() for p in before} == before


def test_an_unreadable_file_is_recorded_and_the_others_still_load(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(PROJECT_DIR / "reports", reports)
    (reports / "broken.xlsx").write_bytes(b"this is not a workbook")
    (reports / "~$lock.xlsx").write_bytes(b"excel lock file")  # temporary files are not reports
    out = tmp_path / "out"
    assert _ingest(out, reports).success  # the ingestion stage: one file failing does not fail the step
    with duckdb.connect(str(out / ".build" / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT source_file, status, error FROM report_files WHERE status = 'failed'").fetchall()
        assert [(r[0], r[1]) for r in rows] == [("broken.xlsx", "failed")]
        assert rows[0][2].startswith("broken.xlsx: cannot be read as xlsx")
        assert con.execute("SELECT count(*) FROM observations").fetchall()[0][0] == 144


@pytest.mark.slow  # a second whole refresh: `pytest -m slow`
def test_reports_are_archived_and_an_unchanged_folder_is_read_from_the_cache(published, tmp_path):
    out, first = published.copy_to(tmp_path / "out"), published.result
    archive = out / "archive"
    reports = sorted((PROJECT_DIR / "reports").glob("*.csv"))
    for path in reports:  # every report's bytes, by sha256, outside the build area and the published outputs
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert (archive / digest[:2] / f"{digest}.csv").read_bytes() == path.read_bytes()
    snapshots = sorted((archive / "snapshots").glob("*.json"))
    assert len(snapshots) == 1  # one folder state
    assert sorted(json.loads(snapshots[0].read_text(encoding="utf-8"))["files"]) == [p.name for p in reports]

    def parsing(result) -> dict:
        mat = next(m for m in result.asset_materializations_for_node("reports") if m.asset_key.path == ["report_files"])
        return {k: mat.metadata[k].value for k in ("parsed", "from_cache", "snapshot")}

    second = _materialize(out)
    assert second.success
    assert parsing(first) == {"parsed": 7, "from_cache": 0, "snapshot": snapshots[0].stem}
    assert parsing(second) == {"parsed": 0, "from_cache": 7, "snapshot": snapshots[0].stem}
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM observations").fetchall()[0][0] == 144
        assert con.execute("SELECT count(*) FROM runs WHERE outcome = 'success'").fetchall()[0][0] == 2


def test_the_published_run_row_and_quality_report_show_the_run_as_it_ended(refreshed):
    out, result = refreshed
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT run_id, outcome, trigger, as_of, started_at < finished_at FROM runs "
                           "WHERE run_id = ?", [result.run_id]).fetchall()
    assert [r[:4] for r in rows] == [(result.run_id, "success", "dagster", dt.date.fromisoformat(AS_OF))]
    assert rows[0][4] is True
    page = (out / "quality" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<tr class="this-run" data-outcome="(\w+)"><td><code title="([^"]+)">', page)
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:  # the run that published it
        published = con.execute("SELECT run_id FROM runs WHERE outcome = 'success' ORDER BY finished_at DESC "
                                "LIMIT 1").fetchall()[0][0]
    assert shown == [("success", published)]
    assert 'data-outcome="building"' not in page and 'data-outcome="running"' not in page
    # the run's resolved catalogue stays in its build area, which a complete publication removes
    assert not (out / "catalogue.json").exists() and not (out / ".build").exists()


@pytest.mark.parametrize("asset", ["targets", "observations", "rejected_rows", "assessments", "assessment_years",
                                   "data_owed", "return_conflicts", "changes", "runs"])
def test_every_table_asset_shows_its_row_count_and_a_preview(refreshed, asset):
    out, result = refreshed
    [event] = [e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == asset]
    meta = event.materialization.metadata
    table = asset
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        n = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    assert meta["dagster/row_count"].value == n
    assert meta["preview"].value.startswith("|") or (n == 0 and meta["preview"].value == "(no rows)")
