"""Stage 4: dashboards and the quality report built aside, then published atomically with a run record.

Everything here writes under out/.build/ except `runs`, whose materialisation is the publication: it
records the run, checks that the build is complete and every blocking check passed, and swaps the
warehouse and both sites into out/ together (targetwatch.warehouse.publish). If that fails, out/ is left
exactly as it was and the run's row says `failed`. An I/O error (a file held open, a network share that
hiccups) retries the step; any other error fails it at once.
"""

import datetime as dt
import json
import shutil

import dagster as dg

from pipelines.jobs import TRIGGER_TAG
from pipelines.resources import TargetwatchPaths
from pipelines.retries import retry_io_errors
from targetwatch.provenance import code_version, input_hashes
from targetwatch.render.dashboards import build_dashboards
from targetwatch.render.quality_report import build_quality_report
from targetwatch.render.site_data import SiteData
from targetwatch.warehouse import connect, publish, read_table, record_run


def _site_data(paths: TargetwatchPaths, run_id: str) -> SiteData:
    with connect(paths.build_warehouse, read_only=True) as con:
        return SiteData.from_warehouse(con, run_id=run_id, code_version=code_version())


def _this_run(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dict:
    """What identifies this run in the `runs` table and the quality report: id, as-of date, trigger, code version
    and the hashes of its inputs (report files, catalogue, policy documents)."""
    s = paths.settings()
    files = read_table(paths.build_warehouse, "report_files")
    return {
        "run_id": context.run_id, "as_of": s.effective_as_of, "code_version": code_version(),
        "trigger": context.run.tags.get(TRIGGER_TAG, "dagster"),
        "input_hashes": input_hashes(
            dict(zip(files["source_file"], files["sha256"], strict=True)), s.targets_file, s.policies_dir
        ),
        "n_files": len(files),
    }


@dg.asset(group_name="publishing", kinds={"plotly", "html"}, deps=["assessments", "assessment_years"])
def dashboards(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """The leaders' gap dashboards: overview and one page per target (static HTML, works offline)."""
    s = paths.settings()
    site = s.build_dir / "site" / "dashboards"
    with retry_io_errors(context):
        shutil.rmtree(site, ignore_errors=True)  # no page of an earlier build survives
        pages = build_dashboards(_site_data(paths, context.run_id), site, s.lang)
    return dg.MaterializeResult(
        metadata={"pages": len(pages), "index": dg.MetadataValue.path(str(s.out_dir / "dashboards" / "index.html"))}
    )


@dg.asset(
    group_name="publishing", kinds={"html"}, deps=["assessments", "report_files", "rejected_rows", "observations"]
)
def quality_report(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """The auditors' data-quality report: runs, files and checksums with their checks, GE validation results,
    flagged and quarantined rows, revisions, coverage, and one lineage page per target (static HTML, offline)."""
    s = paths.settings()
    site = s.build_dir / "site" / "quality"
    this_run = _this_run(context, paths)
    with retry_io_errors(context):
        shutil.rmtree(site, ignore_errors=True)
        with connect(paths.build_warehouse, read_only=True) as con:
            pages = build_quality_report(
                con, site, s.lang, run_id=context.run_id, code_version=this_run["code_version"], this_run=this_run
            )
    html = [p for p in pages if p.suffix == ".html"]
    return dg.MaterializeResult(
        metadata={
            "pages": len(html),
            "lineage_pages": len(html) - 1,
            "index": dg.MetadataValue.path(str(s.out_dir / "quality" / "index.html")),
            "lineage": dg.MetadataValue.path(str(s.out_dir / "quality" / "lineage")),
        }
    )


@dg.asset(group_name="publishing", kinds={"duckdb"}, deps=["dashboards", "quality_report"])
def runs(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """One row per run (as-of date, input hashes, code version, outcome); writing it publishes the outputs."""
    s = paths.settings()
    stats = context.instance.get_run_stats(context.run_id)
    started = dt.datetime.fromtimestamp(stats.start_time) if stats and stats.start_time else dt.datetime.now()
    this_run = _this_run(context, paths)
    row = {
        "run_id": this_run["run_id"],
        "started_at": started,
        "finished_at": dt.datetime.now(),
        "as_of": this_run["as_of"],
        "outcome": "success",
        "trigger": this_run["trigger"],
        "code_version": this_run["code_version"],
        "input_hashes": this_run["input_hashes"],
        "message": json.dumps({"files": this_run["n_files"]}),
    }
    record_run(paths.build_warehouse, row)  # the published warehouse carries its own run's row
    try:
        with retry_io_errors(context):
            published = publish(s.build_dir, s.out_dir)
    except BaseException as exc:
        cause = exc.__cause__ if isinstance(exc, dg.RetryRequested) and exc.__cause__ else exc
        reason = f"step runs failed: publication: {type(cause).__name__}: {cause}; the previous outputs are unchanged"
        record_run(paths.build_warehouse, row | {"outcome": "failed", "message": reason})
        raise
    return dg.MaterializeResult(
        metadata={
            "published": [str(p) for p in published],
            "dashboards": dg.MetadataValue.path(str(s.out_dir / "dashboards" / "index.html")),
            "quality_report": dg.MetadataValue.path(str(s.out_dir / "quality" / "index.html")),
        }
    )
