"""Each stage on its own with `dagster.materialize`, on a small SYNTHETIC reports folder and the bundled catalogue:
the tables it leaves in the build warehouse and what its materialisation shows (row count, Markdown preview)."""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from assets import assessment, catalogue, ingestion, quality
from assets.resources import TargetwatchPaths
from targetwatch.config import PROJECT_DIR

# SYNTHETIC figures (not real statistics) for two jurisdictions of the bundled catalogue, and one bad row.
CSV = """jurisdiction,indicator,year,value,unit,period_type
甘肃省,rd_intensity,2020,1.22,%,annual
甘肃省,rd_intensity,2021,1.26,%,annual
甘肃省,rd_intensity,2022,1.29,%,annual
不存在省,rd_intensity,2022,1.0,%,annual
"""


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    root = tmp_path_factory.mktemp("stages")
    reports = root / "reports"
    reports.mkdir()
    (reports / "SYNTHETIC-stage-test.csv").write_text(CSV, encoding="utf-8")
    paths = TargetwatchPaths(out_dir=str(root / "out"), reports_dir=str(reports), project_dir=str(PROJECT_DIR),
                             as_of="2023-06-30")
    with dg.instance_for_test() as instance:
        result = dg.materialize([catalogue.catalogue, ingestion.reports, assessment.assessment,
                                 quality.observations_valid, quality.observations_plausible],
                                instance=instance, resources={"paths": paths}, raise_on_error=False)
    return root / "out" / ".build" / "warehouse.duckdb", result


def _metadata(result, key: str) -> dict:
    [m] = [m for m in result.get_asset_materialization_events() if m.asset_key.to_user_string() == key]
    return m.materialization.metadata


def test_every_stage_ran_and_the_checks_evaluated(staged):
    _, result = staged
    assert result.success
    assert {e.check_name for e in result.get_asset_check_evaluations()} == {"observations_valid",
                                                                            "observations_plausible"}


@pytest.mark.parametrize("table", ["targets", "indicators", "jurisdictions", "observations", "rejected_rows",
                                   "assessments", "assessment_years"])
def test_each_table_shows_its_row_count_and_a_preview(staged, table):
    warehouse, result = staged
    with duckdb.connect(str(warehouse), read_only=True) as con:
        n = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    meta = _metadata(result, table)
    assert meta["dagster/row_count"].value == n == meta["rows"].value
    preview = meta["preview"].value
    assert preview.count("\n") == min(n, 10) + 1 or (n == 0 and preview == "(no rows)")


def test_the_stage_tables_hold_the_fixture(staged):
    warehouse, _ = staged
    with duckdb.connect(str(warehouse), read_only=True) as con:
        obs = con.execute("SELECT jurisdiction, year, value FROM observations ORDER BY year").fetchall()
        rejected = con.execute("SELECT count(*) FROM rejected_rows").fetchall()[0][0]
    assert [(y, v) for _, y, v in obs] == [(2020, 1.22), (2021, 1.26), (2022, 1.29)]
    assert rejected == 1


def test_a_step_that_raises_leaves_no_connection_open(tmp_path):
    """A failing block closes the resource's connection: the run log can still open the build warehouse after it."""
    paths = TargetwatchPaths(out_dir=str(tmp_path / "out"), project_dir=str(PROJECT_DIR), as_of="2023-06-30")
    paths.build_warehouse.parent.mkdir(parents=True)
    with pytest.raises(ZeroDivisionError), paths.duckdb.get_connection() as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        _ = 1 / 0
    with duckdb.connect(str(paths.build_warehouse)) as plain:  # no "different configuration" error
        assert plain.execute("SELECT x FROM t").fetchall() == [(1,)]
