"""What changed since the previous publication: status changes, new and revised figures, targets that newly have data.

A leader who opens the dashboard after a monthly refresh should see first what moved. The comparison is between the
build (this run) and the published warehouse (the previous successful run: only a successful run publishes), in a
few set-based statements. Each run's rows are kept in the warehouse table `changes`, carried over from publication to
publication like the run log.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from targetwatch import vocab

# What kind of change a row is, in the order the page shows them (zh, en).
KINDS: dict[str, tuple[str, str]] = {
    "status": ("状态变化", "Status changes"),
    "newly_has_data": ("首次有数据的目标", "Targets that newly have data"),
    "new_figure": ("新数据", "New figures"),
    "revised_figure": ("修订数据", "Revised figures"),
}

CHANGE_COLUMNS: tuple[str, ...] = (
    "run_id",
    "previous_run_id",
    "kind",
    "target_id",
    "jurisdiction",
    "indicator",
    "year",
    "from_status",
    "to_status",
    "from_value",
    "to_value",
    "reason_zh",
    "reason_en",
    "source_file",
    "location",
    "confidence",
)

# Against the previous publication attached as `prev`: statuses and data by target, figures by series and year.
_CHANGES_SQL = """
WITH status AS (
    SELECT 'status' AS kind, c.target_id, c.jurisdiction, c.indicator, NULL::BIGINT AS year,
        p.status AS from_status, c.status AS to_status, NULL::DOUBLE AS from_value, c.latest_value AS to_value,
        c.reason_zh, c.reason_en, c.latest_source_file AS source_file, c.latest_location AS location,
        NULL AS confidence
    FROM assessments c JOIN prev.assessments p USING (target_id)
    WHERE c.status IS DISTINCT FROM p.status
),
newly AS (
    SELECT 'newly_has_data', c.target_id, c.jurisdiction, c.indicator, CAST(c.latest_year AS BIGINT),
        p.status, c.status, NULL::DOUBLE, c.latest_value, c.reason_zh, c.reason_en, c.latest_source_file,
        c.latest_location, NULL
    FROM assessments c JOIN prev.assessments p USING (target_id)
    WHERE coalesce(p.n_points, 0) = 0 AND coalesce(c.n_points, 0) > 0
),
prev_values AS (
    SELECT jurisdiction, indicator, year, period_type, list(DISTINCT value ORDER BY value) AS values
    FROM prev.observations WHERE figure_type = 'actual' GROUP BY ALL
),
cur AS (
    SELECT * FROM observations WHERE figure_type = 'actual'
),
figures AS (
    SELECT CASE WHEN pv.values IS NULL THEN 'new_figure' ELSE 'revised_figure' END, NULL, o.jurisdiction,
        o.indicator, CAST(o.year AS BIGINT), NULL, NULL,
        CASE WHEN len(pv.values) = 1 THEN pv.values[1] END, o.value, NULL, NULL, o.source_file, o.location,
        o.confidence
    FROM cur o LEFT JOIN prev_values pv USING (jurisdiction, indicator, year, period_type)
    WHERE pv.values IS NULL OR NOT list_contains(pv.values, o.value)
)
SELECT * FROM status UNION ALL SELECT * FROM newly UNION ALL SELECT * FROM figures
"""


def previous_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The last successful run of the publication attached as `prev`."""
    rows = con.execute(  # a run that published with holds published too
        "SELECT run_id FROM prev.runs WHERE list_contains($published, outcome) "
        "ORDER BY finished_at DESC NULLS LAST LIMIT 1", {"published": list(vocab.PUBLISHED_OUTCOMES)}
    ).fetchall()
    return rows[0][0] if rows else None


def compute_changes(con: duckdb.DuckDBPyConnection, published: Path, run_id: str) -> pd.DataFrame:
    """Every change of this build (tables `assessments` and `observations` on `con`) against the warehouse published
    at `published`, plus the earlier runs' rows kept there; empty for the first publication. A previous publication
    whose tables cannot be compared (written by older code) gives no new rows and says why in `attrs["note"]`: the
    changes page must never stop a publication."""
    if not published.is_file():
        return pd.DataFrame(columns=list(CHANGE_COLUMNS))
    con.execute(f"ATTACH '{published.as_posix()}' AS prev (READ_ONLY)")
    try:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'prev'").fetchall()}
        if not {"assessments", "observations", "runs"} <= tables:
            return pd.DataFrame(columns=list(CHANGE_COLUMNS))
        before = previous_run_id(con)
        try:
            now = con.execute(_CHANGES_SQL).df()
        except duckdb.Error as exc:  # a publication by older code, whose tables lack a column: nothing to compare
            note = f"no changes computed: the previous publication's tables differ ({type(exc).__name__}: {exc})"
            now = pd.DataFrame(columns=list(CHANGE_COLUMNS[2:]))
        else:
            note = ""
        now.columns = list(CHANGE_COLUMNS[2:])
        now.insert(0, "previous_run_id", before)
        now.insert(0, "run_id", run_id)
        kept = con.execute("SELECT * FROM prev.changes").df() if "changes" in tables else None
    finally:
        con.execute("DETACH prev")
    order = {k: i for i, k in enumerate(KINDS)}
    now = now.sort_values(["kind", "target_id", "jurisdiction", "indicator", "year"],
                          key=lambda s: s.map(order) if s.name == "kind" else s).reset_index(drop=True)
    frames = [f for f in (kept, now) if f is not None and len(f)]
    out = pd.concat(frames, ignore_index=True) if frames else now
    out = out[list(CHANGE_COLUMNS)]
    out.attrs["note"] = note  # why nothing was compared, when that is the case (the asset logs it)
    return out


def change_counts(changes: pd.DataFrame, run_id: str) -> dict[str, int]:
    """How many changes of each kind this run found (the refresh summary prints them)."""
    mine = changes[changes["run_id"] == run_id]
    return {kind: int((mine["kind"] == kind).sum()) for kind in KINDS}
