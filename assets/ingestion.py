"""Stage 2: statistical reports -> observations, with every file accounted for and every bad row quarantined."""

import dagster as dg

from assets.metadata import table_metadata
from assets.resources import TargetwatchPaths
from assets.retries import retry_io_errors
from targetwatch.limits import from_env as limits_from_env
from targetwatch.reports.ingest import ingest_folder
from targetwatch.warehouse import archive_dir, cache_dir, saved_catalogue


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "report_files",
            group_name="ingestion",
            kinds={"duckdb"},
            deps=["indicators"],
            description="One row per report file read: path, sha256, format, encoding, release date, "
            "rows read / accepted / rejected, status and error.",
        ),
        dg.AssetSpec(
            "observations",
            group_name="ingestion",
            kinds={"duckdb"},
            deps=["indicators"],
            description="One row per published figure in base units, with its file, sheet/row/column or "
            "sentence, value and unit as written, and release date (vintage).",
        ),
        dg.AssetSpec(
            "rejected_rows",
            group_name="ingestion",
            kinds={"duckdb"},
            deps=["indicators"],
            description="One row per quarantined input row: file, location, raw content, reason.",
        ),
    ],
)
def reports(context: dg.AssetExecutionContext, paths: TargetwatchPaths):
    """Read every file in the reports folder; a file that cannot be read is recorded as failed, not skipped, and
    one the system could not open (an I/O error) retries the step, then fails the run naming the file.

    Each file is archived by content into out/archive/ before it is read, and the folder recorded there as a
    snapshot (`targetwatch rebuild` reads it back); a file read before is taken from out/cache/.
    """
    s = paths.settings()
    cat = saved_catalogue(s.build_dir, targets=False)  # validated once, by the catalogue step; no targets read
    with retry_io_errors(context):  # a report the system could not read: try again, then fail naming the file
        result = ingest_folder(
            s.reports_dir,
            cat,
            as_of=s.effective_as_of,
            release_date=paths.release_date or None,
            archive_dir=archive_dir(s.out_dir),
            cache_dir=cache_dir(s.out_dir),
            warehouse=paths.build_warehouse,  # the tables are written there, in batches
            limits=limits_from_env(),
        )
    failed = result.report_files[result.report_files["status"] == "failed"]
    for _, f in failed.iterrows():
        context.log.error(f"report file failed: {f['error']}")
    for _, f in result.report_files[result.report_files["status"] == "refused"].iterrows():
        context.log.warning(f"report file refused: {f['error']}")
    with paths.duckdb.get_connection() as con:
        observations = table_metadata(con, "observations", ("jurisdiction", "indicator", "year", "value", "unit",
                                                             "source_file", "location"))
        rejected = table_metadata(con, "rejected_rows", ("source_file", "location", "reason"))
    yield dg.MaterializeResult(
        asset_key="report_files",
        metadata={
            "files": len(result.report_files),
            "dagster/row_count": dg.MetadataValue.int(len(result.report_files)),
            "failed": len(failed),
            "parsed": sum(v == "parsed" for v in result.parsed.values()),
            "from_cache": sum(v == "cached" for v in result.parsed.values()),
            "snapshot": result.snapshot,
            "archive": dg.MetadataValue.path(str(archive_dir(s.out_dir))),
            "preview": dg.MetadataValue.md(
                result.report_files[
                    ["source_file", "format", "encoding", "rows_read", "rows_accepted", "rows_rejected", "status"]
                ].to_markdown(index=False)
            ),
        },
    )
    yield dg.MaterializeResult(asset_key="observations", metadata=observations)
    yield dg.MaterializeResult(asset_key="rejected_rows", metadata=rejected)
