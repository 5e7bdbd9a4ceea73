"""The data call's tables: which figures each department owes (and has returned), and what changed since the
previous publication. Both are computed in the core (targetwatch.data_call, targetwatch.changes)."""

import dagster as dg

from assets.metadata import table_metadata
from assets.resources import TargetwatchPaths
from targetwatch.changes import change_counts, compute_changes
from targetwatch.data_call import figures_owed, load_calls, return_conflicts, with_calls
from targetwatch.warehouse import write_tables


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "data_owed", group_name="assessment", kinds={"duckdb"}, deps=["observations", "targets"],
            description="One row per target and year asked of a department by the data call: the deadline year and "
            "every plan year of a per-year target with no official figure; owed, or returned by a department return; "
            "due and overdue from the call issued with `targetwatch data-call`.",
        ),
        dg.AssetSpec(
            "return_conflicts", group_name="assessment", kinds={"duckdb"}, deps=["observations"],
            description="One row per department-returned figure that an official statistic for the same series and "
            "year contradicts (the official one is used): both values, files and cells.",
        ),
    ],
)
def data_owed(context: dg.AssetExecutionContext, paths: TargetwatchPaths):
    """Who owes which figure, and which returned figures disagree with an official statistic (a warning each)."""
    s = paths.settings()
    with paths.duckdb.get_connection() as con:
        owed = figures_owed(con, s.effective_as_of)
        conflicts = return_conflicts(con)
    owed = with_calls(owed, load_calls(s.out_dir), s.effective_as_of)
    with paths.duckdb.get_connection() as con:
        write_tables(con, {"data_owed": owed, "return_conflicts": conflicts})
        owed_meta, conflicts_meta = table_metadata(con, "data_owed"), table_metadata(con, "return_conflicts")
    for c in conflicts.itertuples():
        context.log.warning(
            f"official statistic and department return disagree on {c.jurisdiction} {c.indicator} {c.year}: "
            f"{c.official_value:g} ({c.official_file}, {c.official_location}) is used, not "
            f"{c.returned_value:g} ({c.returned_file}, {c.returned_location})"
        )
    yield dg.MaterializeResult(asset_key="return_conflicts", metadata=conflicts_meta)
    yield dg.MaterializeResult(
        asset_key="data_owed",
        metadata={
            **owed_meta,
            "owed": int((owed["state"] == "owed").sum()),
            "returned": int((owed["state"] == "returned").sum()),
            "overdue": int(owed["overdue"].sum()),
            "departments": int(owed["department"].nunique()),
            "return_conflicts": len(conflicts),
        }
    )


@dg.asset(group_name="assessment", kinds={"duckdb"}, deps=["assessments", "assessment_years", "observations"])
def changes(context: dg.AssetExecutionContext, paths: TargetwatchPaths) -> dg.MaterializeResult:
    """One row per change since the previous publication (status from -> to with the reason, new and revised figures,
    targets that newly have data), kept for every run."""
    s = paths.settings()
    with paths.duckdb.get_connection() as con:
        df = compute_changes(con, s.warehouse_path, context.run_id)
    if df.attrs.get("note"):
        context.log.warning(df.attrs["note"])
    with paths.duckdb.get_connection() as con:
        write_tables(con, {"changes": df})
        meta = table_metadata(con, "changes")
    return dg.MaterializeResult(metadata={**meta, **change_counts(df, context.run_id)})
