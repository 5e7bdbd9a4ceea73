"""Assessment: every target against the observations, in a few set-based DuckDB statements.

The method (statuses, pace thresholds, baselines, growth models, vintages) is documented for auditors
in docs/methodology.md; thresholds come from targetwatch.vocab so code and docs cannot drift.
Every output row keeps its calculation trail, so a status can be recomputed by hand.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import duckdb
import pandas as pd

from targetwatch import messages, vocab
from targetwatch.catalogue import TARGET_COLUMNS, Catalogue, targets_frame
from targetwatch.fetch import frame
from targetwatch.memory_db import private_database, query_shared_macro

# The assessment runs as a few statements over TEMP tables (each stage computed once, then read by both outputs);
# the stages and their formulas are documented for auditors in docs/methodology.md.

# The series a target reads: its own and its reference's (a target with no reference reads only its own).
_SERIES_SQL = """
CREATE OR REPLACE TEMP TABLE _tw_series AS
SELECT jurisdiction, indicator FROM targets WHERE comparator <> 'qualitative' AND indicator IS NOT NULL
UNION
SELECT reference_jurisdiction, indicator FROM targets
WHERE comparator <> 'qualitative' AND indicator IS NOT NULL AND reference_jurisdiction IS NOT NULL
"""

# One value per (jurisdiction, indicator, year) of those series.
_BEST_SQL = """
CREATE OR REPLACE TEMP TABLE _tw_best AS
-- Observations usable on the as-of date: actual annual figures whose vintage was released by then.
-- A figure with no stated release date is taken as available from the end of the following year.
WITH vintaged AS (
    SELECT o.jurisdiction, o.indicator, o.year, o.value, o.observation_id, o.source_file, o.location, o.release_date,
        CASE o.confidence WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END AS confidence_rank
    FROM observations o SEMI JOIN _tw_series s ON s.jurisdiction = o.jurisdiction AND s.indicator = o.indicator
    WHERE o.figure_type = 'actual' AND o.period_type = 'annual'
      AND coalesce(o.release_date, make_date(CAST(o.year AS INT) + 1, 12, 31)) <= $as_of
),
-- Best confidence first, then a stated release date, then the latest release (a revision supersedes the first
-- release); n_rows counts the vintages of the year.
ranked AS MATERIALIZED (
    SELECT *, count(*) OVER w AS n_rows,
        row_number() OVER (w ORDER BY confidence_rank, release_date IS NULL, release_date DESC, source_file,
                           observation_id) AS rn
    FROM vintaged WINDOW w AS (PARTITION BY jurisdiction, indicator, year)
),
-- How many different values the vintages give (counted only where there is more than one vintage).
revised AS (
    SELECT jurisdiction, indicator, year, count(DISTINCT value) AS n
    FROM ranked WHERE n_rows > 1 GROUP BY jurisdiction, indicator, year
)
SELECT r.jurisdiction, r.indicator, r.year, r.value, r.observation_id, r.source_file, r.location, r.release_date,
    CASE WHEN r.n_rows = 1 THEN (r.value IS NOT NULL)::BIGINT ELSE v.n END AS n_vintage_values
FROM ranked r
LEFT JOIN revised v ON v.jurisdiction = r.jurisdiction AND v.indicator = r.indicator
    AND v.year IS NOT DISTINCT FROM r.year
WHERE r.rn = 1
"""

# The assessment's own columns of `targets` (the warehouse's table also holds names, owners and notes).
_T_SQL = ("CREATE OR REPLACE TEMP TABLE _tw_t AS SELECT " + ", ".join(TARGET_COLUMNS)
          + " FROM targets WHERE comparator <> 'qualitative'")

# Each target's figures year by year (with the reference's figure of the same year).
_TY_SQL = """
CREATE OR REPLACE TEMP TABLE _tw_ty AS
SELECT t.target_id, b.year, b.value, b.observation_id, b.source_file, b.location, b.release_date,
    b.n_vintage_values, r.value AS reference_value, r.observation_id AS reference_observation_id,
    CASE WHEN t.comparator = 'relative_to_reference' THEN b.value - r.value ELSE b.value END AS metric,
    -- growth above a reference (issue 18): the year before, for the jurisdiction and for the reference (and which
    -- figures those were: the pages mark them as used, the first judged year's too)
    bp.value AS previous_value, rp.value AS reference_previous_value,
    bp.observation_id AS previous_observation_id, rp.observation_id AS reference_previous_observation_id
FROM _tw_t t
JOIN _tw_best b ON b.jurisdiction = t.jurisdiction AND b.indicator = t.indicator
LEFT JOIN _tw_best r ON r.jurisdiction = t.reference_jurisdiction AND r.indicator = t.indicator AND r.year = b.year
LEFT JOIN _tw_best bp ON t.comparator = 'growth_above_reference' AND bp.jurisdiction = t.jurisdiction
    AND bp.indicator = t.indicator AND bp.year = b.year - 1
LEFT JOIN _tw_best rp ON t.comparator = 'growth_above_reference' AND rp.jurisdiction = t.reference_jurisdiction
    AND rp.indicator = t.indicator AND rp.year = b.year - 1
WHERE (t.comparator <> 'relative_to_reference' OR r.value IS NOT NULL)
  AND (t.comparator <> 'growth_above_reference'
       OR (r.value IS NOT NULL AND bp.value > 0 AND rp.value > 0))
"""

_BASE_SQL = """
CREATE OR REPLACE TEMP TABLE _tw_base AS
WITH t AS (SELECT * FROM _tw_t),
ty AS (SELECT * FROM _tw_ty),
-- The baseline observation: the year the document names, else the plan's start year.
stated_base AS (
    SELECT t.target_id, b.year AS obs_base_year, b.value AS obs_base_value, b.observation_id AS obs_base_id
    FROM t JOIN _tw_best b ON b.jurisdiction = t.jurisdiction AND b.indicator = t.indicator
        AND b.year = coalesce(t.baseline_year, t.plan_start)
),
first_obs AS (
    SELECT target_id, arg_min(year, year) AS first_year, arg_min(metric, year) AS first_metric,
        arg_min(observation_id, year) AS first_observation_id, count(*) AS n_points,
        max(year) - min(year) AS years_spanned
    FROM ty GROUP BY target_id
)
-- Baseline: stated in the catalogue, else observed at the stated/plan-start year, else the first observation.
-- (A relative target's observed baseline is its metric, the gap to the reference, in that year.)
SELECT t.target_id,
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
    f.n_points, f.years_spanned, f.first_year, f.first_metric
FROM t
LEFT JOIN stated_base sb USING (target_id)
LEFT JOIN first_obs f USING (target_id)
LEFT JOIN ty bm ON bm.target_id = t.target_id AND bm.year = sb.obs_base_year
"""

# The per-year rows (the `assessment_years` output): goal, met, gap and attainment in every year with data.
_JUDGED_SQL = """
CREATE OR REPLACE TEMP TABLE _tw_judged AS
WITH t AS (SELECT * FROM _tw_t),
ty AS (SELECT * FROM _tw_ty),
base AS (SELECT * FROM _tw_base),
-- What the target asks for in each year with data (a moving goal for relative targets).
goals AS (
    SELECT ty.*, t.comparator, t.per_year, t.deadline, t.plan_start, t.direction, t.unit, t.tolerance,
        t.value AS target_value_stated, t.value_high, t.multiple,
        base.base_year, base.base_value, base.base_basis, base.base_observed, base.n_points, base.years_spanned,
        CASE t.comparator
            WHEN 'multiple_of_baseline' THEN CASE WHEN base.base_observed THEN base.base_value * t.multiple END
            WHEN 'relative_to_reference' THEN ty.reference_value
            WHEN 'growth_rate' THEN base.base_value * pow(1 + t.value / 100, ty.year - base.base_year)
            -- growth above a reference: last year's value grown as fast as the reference grew this year
            WHEN 'growth_above_reference' THEN ty.previous_value * ty.reference_value / ty.reference_previous_value
            ELSE t.value END AS goal,
        CASE WHEN t.comparator = 'growth_rate' AND ty.year > base.base_year AND base.base_value > 0 AND ty.value > 0
             THEN 100 * (pow(ty.value / base.base_value, 1.0 / (ty.year - base.base_year)) - 1) END AS realised_cagr
    FROM ty JOIN t USING (target_id) JOIN base USING (target_id)
),
judged AS (
    SELECT *,
        CASE comparator
            WHEN 'at_least' THEN value >= goal
            WHEN 'exact' THEN value >= goal
            WHEN 'exceed' THEN value > goal
            WHEN 'at_most' THEN value <= goal
            -- 左右: within the band; overshooting a goal whose direction is increase is not a failure
            WHEN 'approx' THEN abs(value - goal) <= tolerance * abs(goal)
                OR (direction = 'increase' AND value > goal)
            WHEN 'range' THEN value >= goal
            WHEN 'multiple_of_baseline' THEN value >= goal
            WHEN 'relative_to_reference' THEN value >= goal
            WHEN 'growth_rate' THEN realised_cagr >= target_value_stated
            WHEN 'rank_at_most' THEN value <= goal
            WHEN 'growth_above_reference' THEN value > goal
        END AS met,
        value - goal AS gap,
        CASE
            WHEN comparator = 'approx' THEN greatest(abs(value - goal) - tolerance * abs(goal), 0) * sign(value - goal)
            WHEN comparator = 'range' THEN CASE WHEN value < goal THEN value - goal
                                                WHEN value > value_high THEN value - value_high ELSE 0 END
        END AS gap_to_band,
        CASE WHEN goal IS NULL OR goal = 0 OR value IS NULL THEN NULL
             WHEN comparator IN ('at_most', 'rank_at_most') THEN CASE WHEN value = 0 THEN NULL ELSE goal / value END
             ELSE value / goal END AS attainment,
        year >= coalesce(plan_start, year) AND year <= deadline AS in_plan
    FROM goals
)
SELECT * FROM judged
"""

# The per-target rows (the `assessments` output): latest figures, pace, projections, the status, the comparison that
# decided it and the evidence it rests on (decision table: docs/methodology.md).
_STATUS_SQL = """
WITH t AS (SELECT * FROM _tw_t),
base AS (SELECT * FROM _tw_base),
judged AS (SELECT * FROM _tw_judged),
per_target AS (
    SELECT target_id,
        arg_max_null(year, year) AS latest_year,
        arg_max_null(value, year) AS latest_value,
        arg_max_null(metric, year) AS latest_metric,
        arg_max_null(goal, year) AS latest_goal,
        arg_max_null(gap, year) AS latest_gap,
        arg_max_null(gap_to_band, year) AS latest_gap_to_band,
        arg_max_null(attainment, year) AS latest_attainment,
        arg_max_null(met, year) AS latest_met,
        arg_max_null(reference_value, year) AS latest_reference_value,
        arg_max_null(realised_cagr, year) AS latest_cagr,
        arg_max_null(observation_id, year) AS latest_observation_id,
        arg_max_null(source_file, year) AS latest_source_file,
        arg_max_null(location, year) AS latest_location,
        arg_max_null(release_date, year) AS latest_release_date,
        max(CASE WHEN year = deadline THEN value END) AS deadline_value,
        max(CASE WHEN year = deadline THEN goal END) AS deadline_goal,
        max(CASE WHEN year = deadline THEN reference_value END) AS deadline_reference_value,
        bool_or(CASE WHEN year = deadline THEN met END) AS deadline_met,
        min(CASE WHEN year > deadline AND met THEN year END) AS first_met_after_deadline,
        min(CASE WHEN year > deadline AND NOT met THEN year END) AS first_unmet_after_deadline,
        max(CASE WHEN year < deadline AND met THEN year END) AS last_met_before_deadline,
        max(CASE WHEN year < deadline AND NOT met THEN year END) AS last_unmet_before_deadline,
        min(CASE WHEN in_plan AND NOT met THEN year END) AS first_unmet_plan_year,
        count(*) FILTER (WHERE year > deadline) AS n_after_deadline,
        count(*) FILTER (WHERE year < deadline) AS n_before_deadline,
        count(*) FILTER (WHERE in_plan) AS plan_years_with_data,
        count(*) FILTER (WHERE in_plan AND met) AS plan_years_met,
        -- summed year by year, so the total is the same whatever order the engine's threads meet the rows in
        list_sum(list(value ORDER BY year) FILTER (WHERE in_plan)) AS plan_cumulative,
        max(n_vintage_values) > 1 AS has_revisions
    FROM judged GROUP BY target_id
),
-- Did the observed series ever fall from one year with a figure to the next? (contradicts a non_decreasing declaration)
falls AS (
    SELECT target_id, bool_or(value < previous) AS fell
    FROM (SELECT target_id, value, lag(value) OVER (PARTITION BY target_id ORDER BY year) AS previous FROM judged)
    GROUP BY target_id
),
pace AS (
    SELECT t.target_id, t.comparator, t.per_year, t.deadline, t.unit, t.value AS target_value_stated,
        t.value_high, t.tolerance, t.multiple, t.reference_jurisdiction, t.reference_name_zh, t.reference_name_en,
        t.plan_start, t.monotone,
        b.base_year, b.base_value, b.base_basis, b.base_observed, b.base_observation_id, b.first_year,
        coalesce(b.n_points, 0) AS n_points,
        coalesce(b.years_spanned, 0) AS years_spanned, p.*  EXCLUDE (target_id),
        -- The goal at the deadline, on the same scale as `metric` (0 gap for relative targets).
        CASE t.comparator
            WHEN 'relative_to_reference' THEN 0
            WHEN 'multiple_of_baseline' THEN CASE WHEN b.base_observed THEN b.base_value * t.multiple END
            WHEN 'growth_rate' THEN b.base_value * pow(1 + t.value / 100, t.deadline - b.base_year)
            ELSE t.value END AS goal_at_deadline,
        -- The years the trend is read over: from the baseline to a later figure; with no figure after the baseline,
        -- over whatever years exist (two or more), which `evidence` then says.
        CASE WHEN p.latest_year > b.base_year THEN b.base_year
             WHEN b.n_points >= 2 THEN b.first_year END AS trend_from_year,
        CASE WHEN p.latest_year > b.base_year THEN b.base_value
             WHEN b.n_points >= 2 THEN b.first_metric END AS trend_from_value,
        -- A declared non-decreasing indicator whose figures never fell: with a fixed goal reached from below, a met
        -- year stays met in every later year ('forward'); under a ceiling (at_most), a met year was met in every
        -- earlier year ('backward'). Moving goals (relative, growth) allow no such inference.
        t.monotone = 'non_decreasing' AND coalesce(f.fell, false) AS monotone_contradicted,
        CASE WHEN t.monotone = 'non_decreasing' AND NOT coalesce(f.fell, false) THEN
            CASE WHEN t.comparator IN ('at_least', 'exceed', 'exact', 'range', 'multiple_of_baseline')
                      OR (t.comparator = 'approx' AND t.direction = 'increase') THEN 'forward'
                 WHEN t.comparator = 'at_most' THEN 'backward' END END AS met_persists
    FROM t LEFT JOIN base b USING (target_id) LEFT JOIN per_target p USING (target_id)
        LEFT JOIN falls f USING (target_id)
),
models AS (
    SELECT *,
        -- Compound growth for positive counts, money and persons; linear for shares, rates, gaps and zero starts.
        CASE WHEN unit NOT IN ('percent', 'rank') AND comparator <> 'relative_to_reference' AND base_value > 0
                  AND latest_metric > 0 AND trend_from_value > 0 THEN 'compound' ELSE 'linear' END AS growth_model
    FROM pace
),
rates AS (
    SELECT *,
        latest_year - base_year AS years_observed,
        deadline - base_year AS years_planned,
        CASE WHEN latest_year > trend_from_year THEN
            CASE WHEN growth_model = 'compound'
                 THEN pow(latest_metric / trend_from_value, 1.0 / (latest_year - trend_from_year)) - 1
                 ELSE (latest_metric - trend_from_value) / (latest_year - trend_from_year) END END AS actual_rate,
        CASE WHEN deadline > base_year AND goal_at_deadline IS NOT NULL THEN
            CASE WHEN growth_model = 'compound' AND goal_at_deadline > 0
                     THEN pow(goal_at_deadline / base_value, 1.0 / (deadline - base_year)) - 1
                 ELSE (goal_at_deadline - base_value) / (deadline - base_year) END END AS required_rate
    FROM models
),
scored AS (
    SELECT *,
        CASE
            WHEN per_year THEN CASE WHEN plan_years_with_data > 0 THEN plan_years_met / plan_years_with_data END
            WHEN comparator = 'growth_rate'
                THEN CASE WHEN latest_cagr IS NOT NULL THEN latest_cagr / target_value_stated END
            WHEN comparator = 'range' AND base_value = 0 THEN NULL
            WHEN actual_rate IS NOT NULL AND required_rate IS NOT NULL AND required_rate <> 0
                THEN actual_rate / required_rate END AS pace_ratio,
        CASE WHEN goal_at_deadline IS NOT NULL AND goal_at_deadline <> base_value AND latest_year > base_year
             THEN (latest_metric - base_value) / (goal_at_deadline - base_value) END AS covered_share,
        CASE WHEN deadline > base_year
             THEN least(greatest((year($as_of) - base_year) / (deadline - base_year), 0), 1) END AS elapsed_share,
        greatest(deadline, coalesce(latest_year, deadline) + 1) AS projection_year,
        -- The plan years of a yearly target (plan start, else its first year with a figure, to the deadline).
        CASE WHEN per_year THEN deadline - coalesce(plan_start, first_year) + 1 END AS plan_years
    FROM rates
),
projected AS (
    SELECT *,
        CASE WHEN latest_year > trend_from_year THEN
            latest_metric + (latest_metric - trend_from_value) / (latest_year - trend_from_year)
                * (projection_year - latest_year)
        END AS projection_linear,
        CASE WHEN latest_year > trend_from_year AND trend_from_value > 0 AND latest_metric > 0 THEN
            latest_metric * pow(latest_metric / trend_from_value,
                                (projection_year - latest_year) / (latest_year - trend_from_year))
        END AS projection_compound,
        coalesce($as_of > make_date(CAST(deadline AS INT), 12, 31), false) AS deadline_passed,
        -- Where the value should be now on the required path (时间过半、任务过半).
        CASE WHEN elapsed_share IS NOT NULL AND goal_at_deadline IS NOT NULL THEN
            CASE WHEN growth_model = 'compound' AND goal_at_deadline > 0
                 THEN base_value * pow(goal_at_deadline / base_value, elapsed_share)
                 ELSE base_value + elapsed_share * (goal_at_deadline - base_value) END END AS expected_now,
        CASE WHEN n_points = 0 THEN 'none'
             WHEN n_points = 1 THEN 'single_point'
             WHEN latest_year > base_year THEN 'trend'
             ELSE 'trend_before_baseline' END AS evidence,
        CASE WHEN comparator = 'relative_to_reference' AND latest_year > trend_from_year THEN
            CASE WHEN latest_metric - trend_from_value > $flat_pp THEN 'closing'
                 WHEN latest_metric - trend_from_value < -$flat_pp THEN 'widening' ELSE 'flat' END END AS gap_trend,
        -- Whether the deadline year met the target: observed, else inferred on a declared non-decreasing indicator
        -- from the nearest year whose figure settles it, else unknown.
        CASE met_persists WHEN 'forward' THEN last_met_before_deadline
                          WHEN 'backward' THEN first_met_after_deadline END AS inferred_met_from,
        CASE met_persists WHEN 'forward' THEN first_unmet_after_deadline
                          WHEN 'backward' THEN last_unmet_before_deadline END AS inferred_unmet_from
    FROM scored
),
decided AS (
    SELECT *,
        CASE WHEN deadline_value IS NOT NULL THEN deadline_met
             WHEN inferred_met_from IS NOT NULL THEN true
             WHEN inferred_unmet_from IS NOT NULL THEN false END AS deadline_held,
        CASE WHEN deadline_value IS NULL THEN coalesce(inferred_met_from, inferred_unmet_from)
             END AS deadline_inferred_from
    FROM projected
),
statused AS (
    SELECT *,
        CASE
            WHEN n_points = 0 THEN 'no_data'
            WHEN comparator = 'multiple_of_baseline' AND NOT base_observed THEN 'no_data'
            WHEN per_year AND deadline_passed THEN
                CASE WHEN plan_years_with_data = 0 THEN 'no_data'
                     WHEN plan_years_met < plan_years_with_data THEN 'missed'
                     WHEN plan_years_with_data >= plan_years THEN 'achieved'
                     ELSE 'deadline_unpublished' END
            WHEN deadline_passed THEN
                CASE WHEN deadline_held THEN 'achieved'
                     WHEN NOT deadline_held AND first_met_after_deadline IS NOT NULL THEN 'achieved_late'
                     WHEN NOT deadline_held THEN 'missed'
                     ELSE 'deadline_unpublished' END
            -- pace statuses: only before the deadline
            WHEN latest_met AND NOT per_year THEN 'on_track'
            WHEN pace_ratio IS NULL THEN 'no_data'
            WHEN pace_ratio >= $on_track THEN 'on_track'
            WHEN pace_ratio >= $at_risk THEN 'at_risk'
            WHEN pace_ratio >= 0 THEN 'off_track'
            ELSE 'regressing'
        END AS status
    FROM decided
),
coded AS (
    SELECT *,
        CASE
            WHEN n_points = 0 THEN 'no_figures'
            WHEN comparator = 'multiple_of_baseline' AND NOT base_observed THEN 'baseline_unobserved'
            WHEN per_year AND deadline_passed THEN
                CASE status WHEN 'no_data' THEN 'per_year_no_plan_years' WHEN 'missed' THEN 'per_year_missed'
                            WHEN 'achieved' THEN 'per_year_achieved' ELSE 'per_year_unpublished' END
            WHEN deadline_passed THEN
                CASE WHEN status = 'deadline_unpublished' THEN 'deadline_unpublished'
                     WHEN deadline_inferred_from IS NOT NULL THEN status || '_inferred'
                     ELSE status || '_observed' END
            WHEN per_year THEN CASE WHEN status = 'no_data' THEN 'per_year_no_plan_years' ELSE 'per_year_pace' END
            WHEN status = 'on_track' AND latest_met THEN 'already_met'
            WHEN status = 'no_data' AND evidence = 'single_point' THEN 'single_point'
            WHEN status = 'no_data' THEN 'no_pace'
            WHEN evidence = 'trend_before_baseline' THEN 'pace_before_baseline'
            ELSE 'pace'
        END AS reason_code,
        -- The year whose comparison decided the status (cited by the reason; its figures are the decisive_* columns).
        CASE
            WHEN n_points = 0 OR (comparator = 'multiple_of_baseline' AND NOT base_observed) THEN NULL
            WHEN per_year AND deadline_passed THEN CASE WHEN status = 'missed' THEN first_unmet_plan_year END
            WHEN deadline_passed THEN
                CASE WHEN deadline_value IS NOT NULL THEN deadline
                     WHEN deadline_inferred_from IS NOT NULL THEN deadline_inferred_from
                     ELSE coalesce(first_met_after_deadline, latest_year) END
            ELSE latest_year
        END AS decisive_year
    FROM statused
),
cited AS (
    SELECT c.*, d.value AS decisive_value, d.goal AS decisive_goal, d.reference_value AS decisive_reference_value,
        d.met AS decisive_met, l.value AS late_value, l.goal AS late_goal, l.reference_value AS late_reference_value
    FROM coded c
    LEFT JOIN judged d ON d.target_id = c.target_id AND d.year = c.decisive_year
    LEFT JOIN judged l ON l.target_id = c.target_id AND l.year = c.first_met_after_deadline
        AND c.status = 'achieved_late'
),
graded AS (
    SELECT *,
        CASE WHEN n_points = 0 THEN 'none'
             WHEN per_year AND deadline_passed AND (status = 'missed' OR plan_years_with_data >= plan_years)
                 THEN 'observed'
             WHEN deadline_value IS NOT NULL THEN 'observed'
             WHEN n_before_deadline > 0 AND n_after_deadline > 0 THEN
                 CASE WHEN met_persists IS NOT NULL THEN 'bracketed' ELSE 'before_and_after' END
             WHEN n_after_deadline > 0 THEN 'after_deadline_only'
             ELSE 'before_deadline_only' END AS evidence_basis,
        CASE WHEN status IN ('no_data', 'deadline_unpublished') THEN 'none'
             WHEN status IN ('achieved', 'achieved_late', 'missed') THEN
                 CASE WHEN deadline_inferred_from IS NOT NULL THEN 'inferred' ELSE 'observed' END
             WHEN evidence = 'trend_before_baseline' AND NOT coalesce(latest_met, false) THEN 'inferred'
             ELSE 'observed' END AS evidence_grade,
        CASE WHEN per_year THEN plan_years - plan_years_with_data END AS plan_years_unpublished
    FROM cited
),
phrased AS (SELECT *, $comparisons FROM graded)
SELECT * EXCLUDE ($comparison_names), growth_model AS projection_used, $reason_zh AS reason_zh, $reason_en AS reason_en
FROM phrased
"""

# The reasons, in both languages, rendered set-wise from each row's reason code and columns (targetwatch.messages).
_STATUS_SQL = (
    _STATUS_SQL.replace("$comparisons", ", ".join(messages.comparison_columns_sql()))
    .replace("$comparison_names", ", ".join(messages.comparison_column_names()))
    .replace("$reason_zh", messages.reason_sql("zh"))
    .replace("$reason_en", messages.reason_sql("en"))
)

_STAGES = (_SERIES_SQL, _BEST_SQL, _T_SQL, _TY_SQL, _BASE_SQL, _JUDGED_SQL)
_TEMP_TABLES = ("_tw_series", "_tw_best", "_tw_t", "_tw_ty", "_tw_base", "_tw_judged")
# Each stage as (its table, its SELECT): on a private database the SELECT runs as the instance's shared macro.
_STAGE_SELECTS = tuple((table, sql.split(f"CREATE OR REPLACE TEMP TABLE {table} AS", 1)[1])
                       for table, sql in zip(_TEMP_TABLES, _STAGES, strict=True))


def _proxy_flags(catalogue: Catalogue, observations: pd.DataFrame, assessments: pd.DataFrame) -> pd.Series:
    """True where a proxy of the target's indicator has figures for the target's jurisdiction (shown, never judged)."""
    proxies = pd.DataFrame(
        [(i.code, i.proxy_of) for i in catalogue.indicators if i.proxy_of], columns=["proxy", "indicator"]
    )
    have = observations[["jurisdiction", "indicator"]].drop_duplicates().rename(columns={"indicator": "proxy"})
    flagged = proxies.merge(have, on="proxy")[["jurisdiction", "indicator"]].drop_duplicates().assign(flag=True)
    merged = assessments[["jurisdiction", "indicator"]].merge(flagged, on=["jurisdiction", "indicator"], how="left")
    return merged["flag"].eq(True).to_numpy()


# Text columns of `assessment_years` that belong to the target (the same on each of its rows) and where they come from.
_TARGET_TEXT_COLUMNS = {"comparator": "t", "direction": "t", "unit": "t", "base_basis": "b"}


def _years_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The per-year rows as a DataFrame. Converting text to Python strings is most of the cost, so the target's own
    text columns are read once per target and spread over its rows (the same values, in the same column order)."""
    columns = [d[0] for d in con.execute("SELECT * FROM _tw_judged LIMIT 0").description]
    repeated = [c for c in _TARGET_TEXT_COLUMNS if c in columns]
    years = frame(con.execute(f"SELECT * EXCLUDE ({', '.join(repeated)}) FROM _tw_judged ORDER BY target_id, year"))
    per_target = frame(con.execute(
        f"SELECT t.target_id, {', '.join(f'{_TARGET_TEXT_COLUMNS[c]}.{c}' for c in repeated)} "
        "FROM _tw_t t JOIN _tw_base b USING (target_id)"
    ))
    rows = pd.Index(per_target["target_id"]).get_indexer(years["target_id"])
    for c in repeated:
        years[c] = per_target[c].to_numpy()[rows]
    return years[columns]


def run_stages(con: duckdb.DuckDBPyConnection, as_of: dt.date, *, private: bool = False) -> pd.DataFrame:
    """Run the assessment on `con`, which has `targets` (`targets_frame`) and `observations`: return the scored
    per-target rows; the per-year rows are left in the TEMP table `_tw_judged` (`drop_stages` removes them). On a
    `private_database` connection (`private`), the stages and the status query run as the instance's shared macros
    (parsed once per process, not once per call), and the scored rows are fetched by `fetch.frame`."""
    if private:
        for table, select in _STAGE_SELECTS:
            query_shared_macro(con, f"_tw_stage{table}", select, {"as_of": as_of} if "$as_of" in select else {},
                               into=table)
    else:
        for sql in _STAGES:
            con.execute(sql, {"as_of": as_of} if "$as_of" in sql else None)
    params = {"as_of": as_of, "on_track": vocab.PACE_ON_TRACK, "at_risk": vocab.PACE_AT_RISK,
              "flat_pp": vocab.GAP_FLAT_PP}
    if private:
        return frame(query_shared_macro(con, "_tw_status", _STATUS_SQL, params))
    return con.execute(_STATUS_SQL, params).df()


def drop_stages(con: duckdb.DuckDBPyConnection) -> None:
    for table in _TEMP_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")


def complete_assessments(targets: pd.DataFrame, scored: pd.DataFrame, has_proxy_data, as_of: dt.date) -> pd.DataFrame:
    """One row per target: the scored rows, the qualitative targets, reasons, verdict, proxy flags
    (`has_proxy_data(assessments)` gives them) and the as-of date."""
    qualitative = targets[targets["comparator"] == "qualitative"][["target_id", "comparator", "deadline"]]
    qualitative = qualitative.assign(status="qualitative", n_points=0, reason_code="qualitative",
                                     reason_zh=messages.text("qualitative", "zh"),
                                     reason_en=messages.text("qualitative", "en"))
    assessments = pd.concat([scored, qualitative], ignore_index=True) if len(qualitative) else scored
    assessments = targets[["target_id", "jurisdiction", "indicator", "kind", "headline"]].merge(
        assessments, on="target_id", how="left"
    )
    assessments["verdict"] = assessments["status"].where(assessments["status"].isin(vocab.VERDICT_STATUSES))
    assessments["has_proxy_data"] = has_proxy_data(assessments)
    assessments["as_of"] = as_of
    assert assessments["status"].isin(vocab.STATUS_CODES).all()
    assert assessments["evidence_basis"].dropna().isin(vocab.EVIDENCE_BASIS_CODES).all()
    assert assessments["reason_code"].isin(messages.REASON_CODES).all()
    assert assessments["evidence_grade"].dropna().isin(vocab.EVIDENCE_GRADE_CODES).all()
    return assessments


def assess(
    catalogue: Catalogue, observations: pd.DataFrame, as_of: dt.date, con: duckdb.DuckDBPyConnection | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (assessments: one row per target, assessment_years: one row per target and year with data)."""
    targets = targets_frame(catalogue)
    private = con is None
    size = max(len(observations), len(targets))  # the largest table the private database will hold
    with contextlib.nullcontext(con) if con is not None else private_database(size) as con:
        try:
            con.register("targets", targets)
            con.register("observations", observations)
            scored = run_stages(con, as_of, private=private)
            years = _years_frame(con)
        finally:
            drop_stages(con)
            con.unregister("targets")
            con.unregister("observations")
    assessments = complete_assessments(
        targets, scored, lambda a: _proxy_flags(catalogue, observations, a), as_of)
    return assessments, years.assign(as_of=as_of)


def evidence_shares(assessments: pd.DataFrame) -> pd.DataFrame:
    """Per jurisdiction, how many quantitative statuses are observed, inferred or without evidence, and their shares
    (one row per jurisdiction: n, n_<grade>, share_<grade>), so a leader sees how much of the picture is measured."""
    quantitative = assessments[assessments["status"] != "qualitative"]
    counts = pd.crosstab(quantitative["jurisdiction"], quantitative["evidence_grade"])
    counts = counts.reindex(columns=list(vocab.EVIDENCE_GRADE_CODES), fill_value=0)
    total = counts.sum(axis=1)
    out = pd.DataFrame({"n": total})
    for grade in vocab.EVIDENCE_GRADE_CODES:
        out[f"n_{grade}"] = counts[grade]
        out[f"share_{grade}"] = counts[grade] / total
    return out.rename_axis("jurisdiction").reset_index()


# ---- the assessment where the data is: the build warehouse's tables in, the build warehouse's tables out ----

# The per-target rows as `assess` gives them, built in SQL: the scored rows and the qualitative targets, in the
# targets' order, with the verdict, the proxy flag (a proxy of the indicator has figures for the jurisdiction) and the
# as-of date.
_ASSESSMENTS_SQL = """
CREATE OR REPLACE TABLE assessments AS
WITH qualitative AS (
    SELECT target_id, comparator, deadline, 'qualitative' AS status, 0::BIGINT AS n_points,
        'qualitative' AS reason_code, $qualitative_zh AS reason_zh, $qualitative_en AS reason_en
    FROM targets WHERE comparator = 'qualitative'
),
judged AS (SELECT * FROM _tw_scored UNION ALL BY NAME SELECT * FROM qualitative),
proxied AS (
    SELECT DISTINCT o.jurisdiction, i.proxy_of AS indicator
    FROM (SELECT DISTINCT jurisdiction, indicator FROM observations) o
    JOIN indicators i ON i.code = o.indicator WHERE i.proxy_of IS NOT NULL
)
SELECT t.target_id, t.jurisdiction, t.indicator, t.kind, t.headline, j.* EXCLUDE (target_id),
    CASE WHEN j.status IN $verdicts THEN j.status END AS verdict,
    p.indicator IS NOT NULL AS has_proxy_data,
    $as_of::DATE AS as_of
FROM (SELECT *, row_number() OVER () AS _order FROM targets) t
LEFT JOIN judged j USING (target_id)
LEFT JOIN proxied p ON p.jurisdiction = t.jurisdiction AND p.indicator = t.indicator
ORDER BY t._order
"""


# What DuckDB may hold while judging (it spills the rest to its temporary folder, beside the database file): the
# national workload's stages took about 1.1 GB unbounded, and the run's other steps share the process.
MEMORY_LIMIT = "1GB"


def assess_warehouse(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict[str, int]:
    """Judge every target inside `con`, the build warehouse: read its `targets` (the catalogue step's table),
    `indicators` and `observations`, and write `assessments` and `assessment_years` (replaced), with the same rows and
    values as `assess`. Nothing passes through pandas; DuckDB's memory is bounded by MEMORY_LIMIT meanwhile. Return
    the row counts."""
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    try:
        return _assess_warehouse(con, as_of)
    finally:
        con.execute("RESET memory_limit")  # the database's default again, as later steps expect


def _assess_warehouse(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> dict[str, int]:
    for sql in _STAGES:
        con.execute(sql, {"as_of": as_of} if "$as_of" in sql else None)
    params = {"as_of": as_of, "on_track": vocab.PACE_ON_TRACK, "at_risk": vocab.PACE_AT_RISK,
              "flat_pp": vocab.GAP_FLAT_PP}
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _tw_scored AS " + _STATUS_SQL, params)
        con.execute(_ASSESSMENTS_SQL.replace("$verdicts", "(" + ", ".join(f"'{v}'" for v in vocab.VERDICT_STATUSES)
                                             + ")"),
                    {"as_of": as_of, "qualitative_zh": messages.text("qualitative", "zh"),
                     "qualitative_en": messages.text("qualitative", "en")})
        con.execute("CREATE OR REPLACE TABLE assessment_years AS SELECT *, $as_of::DATE AS as_of FROM _tw_judged "
                    "ORDER BY target_id, year", {"as_of": as_of})
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                  for t in ("assessments", "assessment_years")}
    finally:
        drop_stages(con)
        con.execute("DROP TABLE IF EXISTS _tw_scored")
    return counts
