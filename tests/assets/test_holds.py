"""A bad file holds back itself, not the whole publication (issue 15 item 5).

The bad file's rows pass ingestion but fail `observations_valid`: figures for the current calendar year, without a
release date, in a replay as of an earlier year. Ingestion keeps them (a year that has not ended yet cannot be "not
yet released" by a release it has not had), and the blocking suite's `year <= as-of year` fails on them. Every row
of that file is SYNTHETIC, and the file says so.
"""

from __future__ import annotations

import datetime as dt
import shutil

import dagster as dg
import duckdb
import pandas as pd
import pytest

from assets import assessment, catalogue, ingestion, quality
from assets.resources import TargetwatchPaths
from pipelines.failures import describe_failure
from targetwatch.config import PROJECT_DIR
from targetwatch.render.dashboards import build_dashboards
from targetwatch.render.site_data import SiteData
from tests.conftest import refresh_in_process

THIS_YEAR = dt.date.today().year
AS_OF = f"{THIS_YEAR - 1}-12-31"  # a replay of last year: this year's figures are in its future
BAD = "SYNTHETIC-bad-file.csv"
BAD_CSV = (  # SYNTHETIC: two figures for a year that has not ended, without a release date
    "# data: synthetic\n# SYNTHETIC rows for the holds test: not real statistics\n"
    "jurisdiction,indicator,year,value,unit,period_type\n"
    f"甘肃省,rd_intensity,{THIS_YEAR},1.5,%,annual\n"
    f"甘肃省,rd_intensity,{THIS_YEAR},1.6,%,partial\n"
)
GOOD_CSV = (  # SYNTHETIC figures for one jurisdiction of the bundled catalogue
    "# data: synthetic\njurisdiction,indicator,year,value,unit,period_type\n"
    "甘肃省,rd_intensity,2020,1.22,%,annual\n甘肃省,rd_intensity,2021,1.26,%,annual\n"
)
REASON = "held: observations_valid / expect_column_values_to_be_between(year)"


def _stage(root, files: dict[str, str]):
    reports = root / "reports"
    reports.mkdir(parents=True)
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    paths = TargetwatchPaths(out_dir=str(root / "out"), reports_dir=str(reports), project_dir=str(PROJECT_DIR),
                             as_of=AS_OF)
    with dg.instance_for_test() as instance:
        result = dg.materialize([catalogue.catalogue, ingestion.reports, assessment.assessment,
                                 quality.observations_valid, quality.observations_plausible],
                                instance=instance, resources={"paths": paths}, raise_on_error=False)
    return duckdb.connect(str(root / "out" / ".build" / "warehouse.duckdb"), read_only=True), result


def test_the_bad_files_rows_are_held_and_the_rest_is_assessed(tmp_path):
    con, result = _stage(tmp_path, {"SYNTHETIC-good.csv": GOOD_CSV, BAD: BAD_CSV})
    with con:
        assert result.success, describe_failure(result.all_events)
        [valid] = [e for e in result.get_asset_check_evaluations() if e.check_name == "observations_valid"]
        assert not valid.passed and valid.severity == dg.AssetCheckSeverity.WARN  # failed, held, not blocking
        assert valid.metadata["rows_held"].value == 2 and valid.metadata["files_held"].value == 1
        assert f"{BAD} (2 rows: observations_valid / expect_column_values_to_be_between(year))" in valid.description
        assert con.execute("SELECT source_file, year FROM observations ORDER BY year").fetchall() == [
            ("SYNTHETIC-good.csv", 2020), ("SYNTHETIC-good.csv", 2021)]
        assert con.execute("SELECT source_file, row_number, location, reason FROM rejected_rows ORDER BY row_number"
                           ).fetchall() == [(BAD, 4, "line 4", REASON), (BAD, 5, "line 5", REASON)]
        files = con.execute("SELECT source_file, rows_read, rows_accepted, rows_rejected, status FROM report_files "
                            "ORDER BY source_file").fetchall()
        assert files == [(BAD, 2, 0, 2, "loaded"), ("SYNTHETIC-good.csv", 2, 2, 0, "loaded")]
        # the check's own record still says what failed, and which rows (they stay traceable to the lineage)
        assert con.execute("SELECT source_file, count(*) FROM check_failures WHERE check_name = "
                           "'observations_valid' GROUP BY 1").fetchall() == [(BAD, 2)]
        assert con.execute("SELECT count(*) FROM assessments").fetchall()[0][0] > 0  # the assessment ran


def test_when_every_row_would_be_held_the_run_fails_and_nothing_moves(tmp_path):
    con, result = _stage(tmp_path, {BAD: BAD_CSV})
    with con:
        assert not result.success
        [valid] = [e for e in result.get_asset_check_evaluations() if e.check_name == "observations_valid"]
        assert valid.severity == dg.AssetCheckSeverity.ERROR and "every observation (2)" in valid.description
        assert con.execute("SELECT count(*) FROM observations").fetchall()[0][0] == 2
        assert con.execute("SELECT count(*) FROM rejected_rows").fetchall()[0][0] == 0
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert "assessments" not in tables  # blocked


def _published(out) -> dict[str, bytes]:
    files = [out / "warehouse.duckdb", *sorted(p for d in ("dashboards", "quality") for p in (out / d).rglob("*"))]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in files if p.is_file()}


def _verdicts(out) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t}").df().sort_values(k, ignore_index=True)
                for t, k in (("assessments", ["target_id"]), ("assessment_years", ["target_id", "year"]))}


@pytest.mark.slow  # three whole refreshes: `pytest -m slow`
def test_the_bundled_reports_plus_a_bad_file_publish_with_holds_and_the_same_verdicts(tmp_path):
    bundled, holding = tmp_path / "bundled", tmp_path / "holding"
    shutil.copytree(PROJECT_DIR / "reports", bundled / "reports")
    shutil.copytree(PROJECT_DIR / "reports", holding / "reports")
    (holding / "reports" / BAD).write_text(BAD_CSV, encoding="utf-8")

    first = refresh_in_process(bundled / "out", bundled / "reports", as_of=AS_OF)
    assert first.success, describe_failure(first.all_events)
    result = refresh_in_process(holding / "out", holding / "reports", as_of=AS_OF)
    assert result.success, describe_failure(result.all_events)

    out = holding / "out"
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT outcome FROM runs WHERE run_id = ?", [result.run_id]).fetchall() == [
            ("published with holds",)]
        assert con.execute("SELECT outcome FROM runs").fetchall() == [("published with holds",)]
        assert con.execute("SELECT count(*) FROM rejected_rows WHERE reason = ?", [REASON]).fetchall()[0][0] == 2
    with duckdb.connect(str(bundled / "out" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT outcome FROM runs").fetchall() == [("success",)]
    for name, frame in _verdicts(bundled / "out").items():
        pd.testing.assert_frame_equal(_verdicts(out)[name], frame, check_exact=True, obj=name)

    # the banner names the file, its rows and the check: overview (small layout), quality report, large layout
    for page in (out / "dashboards" / "index.html", out / "quality" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert 'id="held-banner"' in html and f'data-held-file="{BAD}"' in html, page
        assert "2 行，未通过检查 observations_valid / expect_column_values_to_be_between(year)" in html
        assert "2 rows, failed observations_valid / expect_column_values_to_be_between(year)" in html
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        data = SiteData.from_warehouse(con)
    large = build_dashboards(data, tmp_path / "large", large=True)
    overview = next(p for p in large if p.name == "index.html" and p.parent == tmp_path / "large")
    assert f'data-held-file="{BAD}"' in overview.read_text(encoding="utf-8")
    assert 'id="held-banner"' not in (bundled / "out" / "dashboards" / "index.html").read_text(encoding="utf-8")

    # the warehouse itself invalid (every row would be held): the run fails, the published outputs stay as they were
    before = _published(out)
    for p in (holding / "reports").iterdir():
        if p.name != BAD:
            p.unlink()
    failed = refresh_in_process(out, holding / "reports", as_of=AS_OF)
    assert not failed.success
    assert "blocking check observations_valid did not pass" in describe_failure(failed.all_events)
    assert _published(out) == before
