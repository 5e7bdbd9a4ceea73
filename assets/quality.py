"""Great Expectations suites on the observations, run as Dagster asset checks.

`observations_valid` (severity error) is blocking. When it fails on rows of some report files, those rows are held
back (targetwatch.quality.holds: moved to `rejected_rows` with the check and expectation as the reason) and the check
reports a failure of severity WARN, so the assessment runs on the rest and the run publishes `published with holds`.
When the failure is the warehouse's own (not attributable to rows, or every row would be held) it fails with
severity ERROR: the assessment does not run and the previous published outputs stay as they were.
`observations_plausible` (warning) is reported only.
Each check writes its rows of `check_results`, `check_failures` (every failing row, with its file) and
`check_validations` (GE's validation result JSON, rendered offline by the auditors' report).
"""

import dagster as dg

from assets.resources import TargetwatchPaths
from targetwatch.quality.checks import check_warehouse
from targetwatch.quality.holds import hold_failing_rows
from targetwatch.quality.results import failure_summary
from targetwatch.quality.suites import OBSERVATIONS_PLAUSIBLE, OBSERVATIONS_VALID
from targetwatch.warehouse import saved_catalogue


def _run(name: str, paths: TargetwatchPaths) -> dg.AssetCheckResult:
    s = paths.settings()
    cat = saved_catalogue(s.build_dir, targets=False)  # validated once, by the catalogue step; no targets read
    outcome = check_warehouse(paths.build_warehouse, name, cat, s.effective_as_of)  # read, validate, store
    failed = outcome.results[~outcome.results["success"]]
    description = failure_summary(outcome.results, outcome.failures) if len(failed) else None
    severity = dg.AssetCheckSeverity.ERROR if outcome.severity == "error" else dg.AssetCheckSeverity.WARN
    held = {}
    if outcome.severity == "error" and not outcome.success:  # hold the failing files' rows, or fail the run
        with paths.duckdb.get_connection() as con:
            holds = hold_failing_rows(con, name)
        if holds.refused:
            description = f"{description}; {holds.refused}"
        else:
            description, severity = f"{description}; {holds.summary()}", dg.AssetCheckSeverity.WARN
            held = {"rows_held": holds.rows, "files_held": len(holds.files),
                    "held": dg.MetadataValue.md(holds.files.to_markdown(index=False))}
    return dg.AssetCheckResult(
        passed=outcome.success,
        description=description,
        severity=severity,
        metadata={
            **held,
            "expectations": len(outcome.results),
            "failed": len(failed),
            "rows_flagged": int(outcome.failures["observation_id"].nunique()),
            "files_flagged": int(outcome.failures["source_file"].nunique()),
            "quality_report": dg.MetadataValue.path(str(s.out_dir / "quality" / "index.html")),
            "failures": dg.MetadataValue.md(
                failed[["expectation", "column_name", "unexpected_count", "unexpected_sample"]].to_markdown(index=False)
                if len(failed)
                else "none"
            ),
        },
    )


@dg.asset_check(
    asset="observations",
    name=OBSERVATIONS_VALID,
    blocking=True,
    description="Schema, known codes, year bounds, unit-aware ranges, one value per series/year/vintage.",
)
def observations_valid(paths: TargetwatchPaths) -> dg.AssetCheckResult:
    return _run(OBSERVATIONS_VALID, paths)


@dg.asset_check(
    asset="observations",
    name=OBSERVATIONS_PLAUSIBLE,
    description="Year-on-year jumps, low-confidence figures, two releases that disagree "
    "(coverage is the quality report's table, not a check).",
)
def observations_plausible(paths: TargetwatchPaths) -> dg.AssetCheckResult:
    return _run(OBSERVATIONS_PLAUSIBLE, paths)
