"""Stage 3: every target judged against the observations (set-based DuckDB SQL in the core)."""

import dagster as dg

from assets.metadata import table_metadata
from assets.resources import TargetwatchPaths
from targetwatch import vocab
from targetwatch.assessment import assess_warehouse


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "assessments",
            group_name="assessment",
            kinds={"duckdb"},
            deps=["observations", "targets"],
            description="One row per target: status, reason (zh/en), latest value and year, target, gap, "
            "attainment, baseline, pace ratio, projections: the full calculation trail.",
        ),
        dg.AssetSpec(
            "assessment_years",
            group_name="assessment",
            kinds={"duckdb"},
            deps=["observations", "targets"],
            description="One row per target and year with data: value, goal that year, met, gap.",
        ),
    ],
)
def assessment(context: dg.AssetExecutionContext, paths: TargetwatchPaths):
    """Judge every target as of the configured date (default today)."""
    s = paths.settings()
    # In the build warehouse: the catalogue step's `targets` and `indicators`, ingestion's `observations` in; both
    # outputs written there by SQL (targetwatch.assessment.assess_warehouse), nothing read into pandas.
    with paths.duckdb.get_connection() as con:
        assess_warehouse(con, s.effective_as_of)
        counts = dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY ALL").fetchall())
        meta = table_metadata(con, "assessments", ("target_id", "status", "evidence_basis", "latest_year",
                                                   "latest_value", "reason_en"))
        years_meta = table_metadata(con, "assessment_years", ("target_id", "year", "value", "goal", "met", "gap"))
    yield dg.MaterializeResult(
        asset_key="assessments",
        metadata={
            "as_of": str(s.effective_as_of),
            **meta,
            **{f"status_{code}": int(counts.get(code, 0)) for code in vocab.STATUS_CODES},
        },
    )
    yield dg.MaterializeResult(asset_key="assessment_years", metadata=years_meta)
