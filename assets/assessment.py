"""Stage 3: every target judged against the observations (set-based DuckDB SQL in the core)."""

import dagster as dg

from assets.resources import TargetwatchPaths
from targetwatch import vocab
from targetwatch.assessment import assess
from targetwatch.warehouse import read_table, saved_catalogue, write_tables


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
    cat = saved_catalogue(s.build_dir)  # validated once, by the catalogue step
    assessments, years = assess(cat, read_table(paths.build_warehouse, "observations"), s.effective_as_of)
    write_tables(paths.build_warehouse, {"assessments": assessments, "assessment_years": years})
    counts = assessments["status"].value_counts()
    yield dg.MaterializeResult(
        asset_key="assessments",
        metadata={
            "as_of": str(s.effective_as_of),
            "rows": len(assessments),
            **{f"status_{code}": int(counts.get(code, 0)) for code in vocab.STATUS_CODES},
            "preview": dg.MetadataValue.md(
                assessments[["target_id", "status", "latest_year", "latest_value", "reason_en"]].to_markdown(
                    index=False
                )
            ),
        },
    )
    yield dg.MaterializeResult(asset_key="assessment_years", metadata={"rows": len(years)})
