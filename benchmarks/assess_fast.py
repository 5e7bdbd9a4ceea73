"""Prototype of a faster `targetwatch.assessment.assess` (measured by benchmarks/run.py; not used by the project).

Same rules, same output columns and values (benchmarks/run.py checks equality against `assess` on the whole
workload). What changes, and why (profiled on the full SYNTHETIC workload: 2 M observations, 112 k targets):

1. The query runs once. `assess` runs the CTE chain twice (once for the per-target statuses, once more up to
   `judged` for the per-year rows). Here `best`, `ty`, `base` and `judged` are TEMP tables, and both outputs
   read them.
2. Vintage selection (`best`) no longer computes `count(DISTINCT value) OVER (PARTITION BY ...)` for every
   row (a distinct window aggregate: about a third of the window's CPU); it counts rows per series-year in the
   same window as `row_number()` and computes the distinct count only for series-years that have more than one
   row (revisions), then joins it back.
3. Joins use integer keys: every (jurisdiction, indicator) series a target needs gets a `sid`, every target a
   `tid`; observations of series no target uses are dropped before the window.
4. The correlated subquery for a relative target's baseline metric becomes a LEFT JOIN.
5. Optional "warehouse mode": `observations` may be the name of a DuckDB table or view (the build warehouse,
   or Parquet files), and `years_table=` leaves the per-year rows in DuckDB instead of converting 1.5 M rows
   to pandas; proxy flags are computed in SQL. This is where most of the time and memory goes.

The formulas downstream of `judged` are taken verbatim from `targetwatch.assessment._STATUS_SQL`, so a change
there flows into the prototype; the head of the query (`obs` .. `base`) is restated below.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from targetwatch import vocab
from targetwatch.assessment import _STATUS_SQL, _proxy_flags, _reasons, targets_frame
from targetwatch.catalogue import Catalogue


def _fragment(start: str, end: str | None) -> str:
    """The text of `_STATUS_SQL` from the CTE `start` up to (not including) the CTE `end`."""
    i = _STATUS_SQL.index(start)
    j = _STATUS_SQL.index(end, i) if end else len(_STATUS_SQL)
    return _STATUS_SQL[i:j].rstrip().rstrip(",")


SERIES_SQL = """
CREATE OR REPLACE TEMP TABLE _series AS
SELECT (row_number() OVER ())::INTEGER AS sid, jurisdiction, indicator FROM (
    SELECT jurisdiction, indicator FROM targets WHERE comparator <> 'qualitative' AND indicator IS NOT NULL
    UNION
    SELECT reference_jurisdiction, indicator FROM targets
    WHERE comparator <> 'qualitative' AND indicator IS NOT NULL AND reference_jurisdiction IS NOT NULL
)
"""

T_SQL = """
CREATE OR REPLACE TEMP TABLE _t AS
SELECT (row_number() OVER ())::INTEGER AS tid, t.*, s.sid, r.sid AS rsid
FROM targets t
LEFT JOIN _series s ON s.jurisdiction = t.jurisdiction AND s.indicator = t.indicator
LEFT JOIN _series r ON r.jurisdiction = t.reference_jurisdiction AND r.indicator = t.indicator
WHERE t.comparator <> 'qualitative'
"""

# Same rule as `obs`/`vintaged`/`best` in assessment.py: one value per series and year, best confidence first,
# then a stated release date, then the latest release, then file and observation id.
BEST_SQL = """
CREATE OR REPLACE TEMP TABLE _best AS
WITH o AS (
    SELECT s.sid, o.year, o.value, o.observation_id, o.source_file, o.location, o.release_date,
        CASE o.confidence WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END AS conf_rank
    FROM {observations} o JOIN _series s ON s.jurisdiction = o.jurisdiction AND s.indicator = o.indicator
    WHERE o.figure_type = 'actual' AND o.period_type = 'annual'
      AND coalesce(o.release_date, make_date(CAST(o.year AS INT) + 1, 12, 31)) <= $as_of
),
ranked AS MATERIALIZED (
    SELECT *, count(*) OVER w AS n_rows,
        row_number() OVER (w ORDER BY conf_rank, release_date IS NULL, release_date DESC, source_file,
                           observation_id) AS rn
    FROM o WINDOW w AS (PARTITION BY sid, year)
),
multi AS (SELECT sid, year, count(DISTINCT value) AS n FROM ranked WHERE n_rows > 1 GROUP BY sid, year)
SELECT r.sid, r.year, r.value, r.observation_id, r.source_file, r.location, r.release_date,
    CASE WHEN r.n_rows = 1 THEN (r.value IS NOT NULL)::BIGINT ELSE m.n END AS n_vintage_values
FROM ranked r LEFT JOIN multi m USING (sid, year)
WHERE r.rn = 1
"""

TY_SQL = """
CREATE OR REPLACE TEMP TABLE ty AS
SELECT t.tid, t.target_id, b.year, b.value, b.observation_id, b.source_file, b.location, b.release_date,
    b.n_vintage_values, r.value AS reference_value, r.observation_id AS reference_observation_id,
    CASE WHEN t.comparator = 'relative_to_reference' THEN b.value - r.value ELSE b.value END AS metric
FROM _t t
JOIN _best b ON b.sid = t.sid
LEFT JOIN _best r ON r.sid = t.rsid AND r.year = b.year
WHERE t.comparator <> 'relative_to_reference' OR r.value IS NOT NULL
"""

BASE_SQL = """
CREATE OR REPLACE TEMP TABLE base AS
WITH stated_base AS (
    SELECT t.tid, b.year AS obs_base_year, b.value AS obs_base_value, b.observation_id AS obs_base_id
    FROM _t t JOIN _best b ON b.sid = t.sid AND b.year = coalesce(t.baseline_year, t.plan_start)
),
first_obs AS (
    SELECT tid, arg_min(year, year) AS first_year, arg_min(metric, year) AS first_metric,
        arg_min(observation_id, year) AS first_observation_id, count(*) AS n_points,
        max(year) - min(year) AS years_spanned
    FROM ty GROUP BY tid
)
SELECT t.tid, t.target_id,
    CASE WHEN t.baseline_value IS NOT NULL THEN t.baseline_year
         WHEN sb.obs_base_year IS NOT NULL THEN sb.obs_base_year
         ELSE f.first_year END AS base_year,
    CASE WHEN t.baseline_value IS NOT NULL THEN t.baseline_value
         WHEN sb.obs_base_year IS NOT NULL AND t.comparator = 'relative_to_reference' THEN bm.metric
         WHEN sb.obs_base_year IS NOT NULL THEN sb.obs_base_value
         ELSE f.first_metric END AS base_value,
    CASE WHEN t.baseline_value IS NOT NULL THEN 'stated in the document'
         WHEN sb.obs_base_year IS NOT NULL AND t.baseline_year IS NOT NULL
             THEN 'observed in the baseline year the document names'
         WHEN sb.obs_base_year IS NOT NULL THEN 'observed in the plan start year'
         WHEN f.first_year IS NOT NULL THEN 'first observed year'
         ELSE NULL END AS base_basis,
    sb.obs_base_year IS NOT NULL OR t.baseline_value IS NOT NULL AS base_observed,
    CASE WHEN t.baseline_value IS NOT NULL THEN NULL
         WHEN sb.obs_base_year IS NOT NULL THEN sb.obs_base_id
         ELSE f.first_observation_id END AS base_observation_id,
    f.n_points, f.years_spanned
FROM _t t
LEFT JOIN stated_base sb USING (tid)
LEFT JOIN first_obs f USING (tid)
LEFT JOIN ty bm ON bm.tid = t.tid AND bm.year = sb.obs_base_year
"""


def _judged_sql() -> str:
    goals_and_judged = _fragment("goals AS (", "per_target AS (")
    joins = "FROM ty JOIN t USING (target_id) JOIN base USING (target_id)"
    if joins not in goals_and_judged:
        raise RuntimeError("assessment._STATUS_SQL changed shape: update benchmarks/assess_fast.py")
    goals_and_judged = goals_and_judged.replace(joins, "FROM ty JOIN t USING (tid) JOIN base USING (tid)")
    return ("CREATE OR REPLACE TEMP TABLE _judged AS\nWITH t AS (SELECT * FROM _t),\n"
            f"{goals_and_judged}\nSELECT * FROM judged")


def _scored_sql() -> str:
    return "WITH t AS (SELECT * FROM _t),\njudged AS (SELECT * FROM _judged),\n" + _fragment("per_target AS (", None)


def _proxy_flags_sql(con: duckdb.DuckDBPyConnection, catalogue: Catalogue, observations: str,
                     assessments: pd.DataFrame) -> pd.Series:
    proxies = [(i.code, i.proxy_of) for i in catalogue.indicators if i.proxy_of]
    if not proxies:
        return pd.Series(False, index=assessments.index).to_numpy()
    codes = ", ".join(f"'{p}'" for p, _ in proxies)
    have = con.execute(f"SELECT DISTINCT jurisdiction, indicator AS proxy FROM {observations} "
                       f"WHERE indicator IN ({codes})").df()
    flagged = pd.DataFrame(proxies, columns=["proxy", "indicator"]).merge(have, on="proxy")
    flagged = flagged[["jurisdiction", "indicator"]].drop_duplicates().assign(flag=True)
    merged = assessments[["jurisdiction", "indicator"]].merge(flagged, on=["jurisdiction", "indicator"], how="left")
    return merged["flag"].eq(True).to_numpy()


def assess_fast(
    catalogue: Catalogue,
    observations: pd.DataFrame | str,
    as_of: dt.date,
    con: duckdb.DuckDBPyConnection | None = None,
    *,
    years_table: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Like `assess`. `observations` may be a DataFrame or the name of a table/view on `con`; with
    `years_table`, the per-year rows are written to that DuckDB table and None is returned in their place."""
    targets = targets_frame(catalogue)
    own = con is None
    con = con or duckdb.connect()
    frame = isinstance(observations, pd.DataFrame)
    obs_name = "observations" if frame else observations
    params = {"as_of": as_of}
    try:
        con.register("targets", targets)
        if frame:
            con.register("observations", observations)
        con.execute(SERIES_SQL)
        con.execute(T_SQL)
        con.execute(BEST_SQL.format(observations=obs_name), params)
        con.execute(TY_SQL)
        con.execute(BASE_SQL)
        con.execute(_judged_sql())
        scored = con.execute(_scored_sql(), {**params, "on_track": vocab.PACE_ON_TRACK,
                                             "at_risk": vocab.PACE_AT_RISK, "flat_pp": vocab.GAP_FLAT_PP}).df()
        if years_table:
            con.execute(f'CREATE OR REPLACE TABLE "{years_table}" AS '
                        f"SELECT * EXCLUDE (tid), $as_of::DATE AS as_of FROM _judged", params)
            years = None
        else:
            years = con.execute("SELECT * EXCLUDE (tid) FROM _judged").df().assign(as_of=as_of)
        proxy_source = None if frame else obs_name
        for table in ("_series", "_t", "_best", "ty", "base", "_judged"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
        qualitative = targets[targets["comparator"] == "qualitative"][["target_id", "comparator", "deadline"]]
        qualitative = qualitative.assign(status="qualitative", n_points=0)
        assessments = pd.concat([scored, qualitative], ignore_index=True) if len(qualitative) else scored
        assessments = targets[["target_id", "jurisdiction", "indicator", "kind", "headline"]].merge(
            assessments, on="target_id", how="left"
        )
        assessments = pd.concat([assessments, _reasons(assessments)], axis=1)
        assessments["verdict"] = assessments["status"].where(
            assessments["status"].isin(["achieved", "achieved_late", "missed"]))
        if proxy_source is None:
            assessments["has_proxy_data"] = _proxy_flags(catalogue, observations, assessments)
        else:
            assessments["has_proxy_data"] = _proxy_flags_sql(con, catalogue, proxy_source, assessments)
        assessments["as_of"] = as_of
    finally:
        con.unregister("targets")
        if frame:
            con.unregister("observations")
        if own:
            con.close()
    assert assessments["status"].isin(vocab.STATUS_CODES).all()
    return assessments, years
