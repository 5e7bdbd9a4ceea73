"""Stage 4: dashboards and the quality report built aside, then published atomically with a run record.

Everything here writes under out/.build/ except `runs`, whose materialisation is the publication: it
records the run's final row (targetwatch.runlog), writes the quality report's index again so that the published
report shows its own run as it ended, checks that the build is complete and every blocking check passed, and
swaps the warehouse and both sites into out/ together (targetwatch.warehouse.publish). If that fails, out/ is left
exactly as it was and the run's row says `failed`. An I/O error (a file held open, a network share that
hiccups) retries the step; any other error fails it at once.
"""

import dataclasses
import json
import shutil

import dagster as dg

from assets.metadata import table_metadata
from assets.resources import TargetwatchPaths
from assets.retries import retry_io_errors
from targetwatch import runlog
from targetwatch.provenance import input_hashes
from targetwatch.quality.holds import held_row_count
from targetwatch.render.dashboards import build_dashboards, read_site_data
from targetwatch.render.quality_report import build_quality_report, rewrite_runs
from targetwatch.warehouse import connect, publish, read_table


def _this_run(paths: TargetwatchPaths) -> runlog.RunRecord:
    """This run's row with the hashes of its inputs (report files, catalogue, policy documents) and file count."""
    s = paths.settings()
    with paths.duckdb.get_connection() as con:
        files = read_table(con, "report_files", ("source_file", "sha256"))
    hashes = input_hashes(dict(zip(files["source_file"], files["sha256"], strict=True)), s.targets_file,
                          s.policies_dir)
    return dataclasses.replace(paths.run_record, input_hashes=hashes, message=json.dumps({"files": len(files)}))


def _build_quality_report(paths: TargetwatchPaths, this_run: runlog.RunRecord, lineage: bool = True) -> list:
    s = paths.settings()
    with paths.duckdb.get_connection() as con:
        return build_quality_report(con, s.build_dir / "site" / "quality", s.lang, run_id=this_run.run_id,
                                    code_version=this_run.code_version or "", this_run=this_run.row(),
                                    lineage=lineage)


def _final_runs(paths: TargetwatchPaths, done: runlog.RunRecord) -> None:
    """The quality report's run history with this run's final row: rewritten alone in the built index (the rest of
    it does not depend on the row), or, when the index lacks it, the whole index built again."""
    s = paths.settings()
    with paths.duckdb.get_connection() as con:
        if rewrite_runs(con, s.build_dir / "site" / "quality", done.row()):
            return
    _build_quality_report(paths, done, lineage=False)


@dg.asset(group_name="publishing", kinds={"plotly", "html"},
          deps=["assessments", "assessment_years", "data_owed", "changes"])
def dashboards(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """The leaders' gap dashboards: overview and one page per target (static HTML, works offline)."""
    s = paths.settings()
    site = s.build_dir / "site" / "dashboards"
    with retry_io_errors(context):
        shutil.rmtree(site, ignore_errors=True)  # no page of an earlier build survives
        with paths.duckdb.get_connection() as con:  # open while they build: the large layout reads figures per batch
            data = read_site_data(con, run_id=context.run_id, code_version=paths.run_record.code_version or "")
            pages = build_dashboards(data, site, s.lang)
    return dg.MaterializeResult(
        metadata={"pages": len(pages), "index": dg.MetadataValue.path(str(s.out_dir / "dashboards" / "index.html"))}
    )


@dg.asset(
    group_name="publishing", kinds={"html"}, deps=["assessments", "report_files", "rejected_rows", "observations"]
)
def quality_report(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """The auditors' data-quality report: runs, files and checksums with their checks, GE validation results,
    flagged and quarantined rows, revisions, coverage, and every target's lineage: data files per jurisdiction drawn
    by one client-side page (each target's own page up to the large layout; static, offline)."""
    s = paths.settings()
    site = s.build_dir / "site" / "quality"
    this_run = _this_run(paths)
    with retry_io_errors(context):
        shutil.rmtree(site, ignore_errors=True)
        pages = _build_quality_report(paths, this_run)
    html = [p for p in pages if p.suffix == ".html"]
    return dg.MaterializeResult(
        metadata={
            "pages": len(html),
            "lineage_pages": sum(p.parent.name == "lineage" for p in html),
            "lineage_data_files": sum(p.suffix == ".js" for p in pages),
            "index": dg.MetadataValue.path(str(s.out_dir / "quality" / "index.html")),
            "lineage": dg.MetadataValue.path(str(s.out_dir / "quality" / "lineage")),
        }
    )


@dg.asset(group_name="publishing", kinds={"duckdb"}, deps=["dashboards", "quality_report"])
def runs(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """One row per run (as-of date, input hashes, code version, outcome); writing it publishes the outputs.

    The row says `success` (or `published with holds`, when the blocking check held back some files' rows) from just
    before publication (finished_at is then): the published warehouse and quality
    report show the run's own final row. If publication fails the row becomes `failed` and nothing is published.
    """
    s = paths.settings()
    with paths.duckdb.get_connection() as con:  # rows a blocking check held back: `published with holds`
        held = held_row_count(con)
    done = _this_run(paths).finished(runlog.publication_outcome(held))
    runlog.write(paths.build_warehouse, done)  # the published warehouse carries its own run's row
    try:
        with retry_io_errors(context):
            _final_runs(paths, done)  # the index's run history again, with this run as it ended
            published = publish(s.build_dir, s.out_dir)
    except BaseException as exc:
        cause = exc.__cause__ if isinstance(exc, dg.RetryRequested) and exc.__cause__ else exc
        reason = f"step runs failed: publication: {type(cause).__name__}: {cause}; the previous outputs are unchanged"
        runlog.write(paths.build_warehouse, done.finished("failed", reason))
        raise
    with connect(s.warehouse_path, read_only=True) as con:  # the published warehouse, as analysts now see it
        runs_meta = table_metadata(con, "runs", ("run_id", "started_at", "finished_at", "as_of", "outcome", "trigger"))
    return dg.MaterializeResult(
        metadata={
            **runs_meta,
            "published": [str(p) for p in published],
            "dashboards": dg.MetadataValue.path(str(s.out_dir / "dashboards" / "index.html")),
            "quality_report": dg.MetadataValue.path(str(s.out_dir / "quality" / "index.html")),
        }
    )
