"""Stage 3: every target judged against the observations (set-based DuckDB SQL in the core)."""

import dagster as dg

from assets.resources import TargetwatchPaths
from targetwatch import vocab
from targetwatch.assessment import assess_warehouse
from targetwatch.warehouse import connect


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
    # outputs written there by SQL (targetwatch.assessment.assess_warehouse), nothing read into pandas but a preview.
    with connect(paths.build_warehouse) as con:
        rows = assess_warehouse(con, s.effective_as_of)
        counts = dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY status").fetchall())
        preview = con.execute("SELECT target_id, status, evidence_basis, latest_year, latest_value, reason_en "
                              "FROM assessments LIMIT 50").df()
    yield dg.MaterializeResult(
        asset_key="assessments",
        metadata={
            "as_of": str(s.effective_as_of),
            "rows": rows["assessments"],
            **{f"status_{code}": int(counts.get(code, 0)) for code in vocab.STATUS_CODES},
            "preview": dg.MetadataValue.md(preview.to_markdown(index=False)),
        },
    )
    yield dg.MaterializeResult(asset_key="assessment_years", metadata={"rows": rows["assessment_years"]})
