"""Great Expectations suites on the normalised observations.

Two suites with a severity each: `error` blocks the assessment (the Dagster check is blocking);
`warning` is shown in the quality report. GE is imported inside the functions: its import costs
seconds and the Dagster code server imports this project on every start.

A suite run gives three things, each stored in its own warehouse table (targetwatch.quality.results):

- `results`: one row per expectation (`check_results`), with an `expectation_id` (`<suite>:<nn>`, the
  expectation's place in the suite), its `scope` (`rows`: GE names every failing row; `table`: a property of
  the whole table, such as coverage) and its arguments (`kwargs`, JSON);
- `failures`: one row per failing row per expectation (`check_failures`): GE's own `unexpected_index_list`,
  each row named by observation id and source file, so failures can be counted per report file and shown on
  the lineage of every figure;
- `validation`: GE's validation result (the JSON Data Docs are rendered from), without the complete lists of
  failing rows (those are the `failures`), which the auditors' report renders offline.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import pandas as pd

from targetwatch import vocab
from targetwatch.catalogue import Catalogue
from targetwatch.frames import arrow_frame

CHECK_RESULT_COLUMNS: tuple[str, ...] = (
    "check_name",
    "suite",
    "severity",
    "expectation",
    "column_name",
    "success",
    "element_count",
    "unexpected_count",
    "unexpected_percent",
    "unexpected_sample",
    "observed_value",
    "description",
    "checked_at",
    "expectation_id",
    "scope",
    "kwargs",
)
CHECK_FAILURE_COLUMNS: tuple[str, ...] = ("check_name", "expectation_id", "observation_id", "source_file",
                                          "unexpected_value")
CHECK_VALIDATION_COLUMNS: tuple[str, ...] = ("check_name", "suite", "severity", "success", "evaluated", "successful",
                                             "unsuccessful", "ge_version", "validation_json", "checked_at")
# How GE names each failing row (`unexpected_index_column_names`): enough to find its file and its lineage.
ROW_KEYS: tuple[str, ...] = ("observation_id", "source_file")
# The observation columns the suites read (expectations, derived plausibility columns, row keys): a caller reads only
# these from the warehouse (a test checks that the suites' outcome is the same as on every column).
SUITE_COLUMNS: tuple[str, ...] = (
    "observation_id", "jurisdiction", "indicator", "year", "value", "unit", "source_file", "sha256", "location",
    "period_type", "release_date", "confidence",
)
# GE's complete lists of failing rows: stored as `failures` rows, left out of the stored validation JSON.
FULL_LISTS: tuple[str, ...] = ("unexpected_list", "unexpected_index_list", "unexpected_index_query")

# Check names live here as constants (the Dagster layer and the report use the same names).
OBSERVATIONS_VALID = "observations_valid"
OBSERVATIONS_PLAUSIBLE = "observations_plausible"
SEVERITY_OF = {OBSERVATIONS_VALID: "error", OBSERVATIONS_PLAUSIBLE: "warning"}

# Expectations on the warehouse's own key, as (expectation, column): a failure means observation ids collide, which
# is the warehouse's fault, not one file's, so its rows are never held back (targetwatch.quality.holds): the run fails.
WAREHOUSE_KEY_EXPECTATIONS: tuple[tuple[str, str], ...] = (("expect_column_values_to_be_unique", "observation_id"),)

YOY_MAX_FACTOR = 5.0  # a year-on-year change beyond x5 or /5 is flagged for a human look


@dataclass
class SuiteOutcome:
    name: str
    severity: str
    success: bool
    results: pd.DataFrame  # one row per expectation, CHECK_RESULT_COLUMNS
    failures: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CHECK_FAILURE_COLUMNS)))
    validation: dict = field(default_factory=dict)  # GE's validation result JSON without FULL_LISTS


# The columns each suite's frame holds: what its expectations read, plus the row keys (ROW_KEYS). The plausibility
# suite's derived columns are computed in SQL (`suite_frame`), over the whole table, before GE sees a frame.
FRAME_COLUMNS: dict[str, tuple[str, ...]] = {
    OBSERVATIONS_VALID: ("observation_id", "jurisdiction", "indicator", "year", "value", "unit", "source_file",
                         "sha256", "location", "period_type"),
    OBSERVATIONS_PLAUSIBLE: ("observation_id", "source_file", "yoy_ratio", "confidence", "values_in_release",
                             "official_disagrees"),
}

# The plausibility suite's derived columns, per observation (set-based, one pass of window functions):
# - yoy_ratio: value over the previous figure of its series (jurisdiction, indicator) when that is the year before
#   and positive; the previous figure is the one before it in (year, table order), so of several figures for one
#   year the first is compared with the last of the year before;
# - values_in_release: distinct values the same release gives for one series and year (two files or cells that
#   disagree without a later release to settle it; an undated release counts as one release);
# - official_disagrees: a department's data-call return and an official statistic for the same series and year that
#   disagree (every row of the pair is flagged, so the warning names both; the official one is the one used).
# Rows are handed to GE sorted by series and year (table order within), which orders the failing rows it lists.
# The two counts per year are grouped only over the rows whose (series, year, period type) has more than one row
# (`n_year`, a window count): a group of one row has one value in its release (none when its value is NULL) and no
# return to disagree with, so the other rows (national, 604,861 of 758,385) skip both groupings and the joins back
# (the frame's SQL 2.5-2.8 -> 1.9-2.2 CPU s, the same frame: docs/scaling.md §0, session 18).
_PLAUSIBILITY_SQL = """
WITH o AS NOT MATERIALIZED (  -- read once, by the windows
    SELECT observation_id, source_file, jurisdiction, indicator, year, value, period_type, release_date, confidence,
           coalesce(confidence = $returned, false) AS returned, _order
    FROM {source}
), w AS (
    SELECT *,
        CASE WHEN jurisdiction IS NOT NULL AND indicator IS NOT NULL AND year - lag(year) OVER s = 1
                  AND lag(value) OVER s > 0 THEN value / lag(value) OVER s END AS yoy_ratio,
        count(*) OVER (PARTITION BY jurisdiction, indicator, year, period_type) AS n_year
    FROM o
    WINDOW s AS (PARTITION BY jurisdiction, indicator ORDER BY year ASC NULLS LAST, _order)
), m AS (
    SELECT * FROM w WHERE n_year > 1
), per_release AS (
    SELECT jurisdiction, indicator, year, period_type, release_date, count(DISTINCT value) AS values_in_release
    FROM m GROUP BY ALL
), per_year AS (
    SELECT jurisdiction, indicator, year, period_type,
        bool_or(returned) AND bool_or(NOT returned) AND count(DISTINCT value) > 1 AS official_disagrees
    FROM m GROUP BY ALL
)
SELECT observation_id, source_file, yoy_ratio, confidence, values_in_release, official_disagrees FROM (
    SELECT observation_id, source_file, yoy_ratio, confidence, CAST(value IS NOT NULL AS BIGINT) AS values_in_release,
        false AS official_disagrees, jurisdiction, indicator, year, _order
    FROM w WHERE n_year = 1
    UNION ALL
    SELECT m.observation_id, m.source_file, m.yoy_ratio, m.confidence, r.values_in_release, y.official_disagrees,
        m.jurisdiction, m.indicator, m.year, m._order
    FROM m
    JOIN per_release r ON r.jurisdiction IS NOT DISTINCT FROM m.jurisdiction
        AND r.indicator IS NOT DISTINCT FROM m.indicator AND r.year IS NOT DISTINCT FROM m.year
        AND r.period_type IS NOT DISTINCT FROM m.period_type AND r.release_date IS NOT DISTINCT FROM m.release_date
    JOIN per_year y ON y.jurisdiction IS NOT DISTINCT FROM m.jurisdiction
        AND y.indicator IS NOT DISTINCT FROM m.indicator AND y.year IS NOT DISTINCT FROM m.year
        AND y.period_type IS NOT DISTINCT FROM m.period_type)
ORDER BY jurisdiction ASC NULLS LAST, indicator ASC NULLS LAST, year ASC NULLS LAST, _order
"""


def suite_frame(con, name: str, source: str, *, categorical: bool = False, in_order: bool = False) -> pd.DataFrame:
    """The frame suite `name` validates (FRAME_COLUMNS), read from `source` on `con`: a table or subquery with
    SUITE_COLUMNS and `_order` (the table order). Only these columns leave DuckDB; derived ones are SQL. With
    `categorical`, the text columns `validate_frame` gives GE as categoricals (`_categorical`: no null) come so
    from Arrow's codes, the same frame without a Python string per row to factorise. With `in_order`, `source` is
    one table, or a SELECT of one table's rows with `_order` its `rowid`: its rows are read in `_order` without a
    sort (DuckDB keeps a single table's row order through SELECT and WHERE, and `rowid` is that order: its
    documentation's "order preservation"; the national validity frame's sort cost 0.2-0.4 CPU s). That order needs
    preserve_insertion_order on the reading connection, DuckDB's default, which nothing in targetwatch turns off
    (tests/targetwatch/quality/test_suite_frames.py: four threads, several row groups, deletes and a checkpoint)."""
    coded = {"categorical": categorical, "distinct": ("observation_id",)}  # the row key: coded by a sort, not hashing
    if name == OBSERVATIONS_PLAUSIBLE:
        return arrow_frame(con, _PLAUSIBILITY_SQL.format(source=source), {"returned": vocab.DEPARTMENT_REPORTED},
                           **coded)
    cols = ", ".join(f'"{c}"' for c in FRAME_COLUMNS[name])
    return arrow_frame(con, f"SELECT {cols} FROM {source}{'' if in_order else ' ORDER BY _order'}", **coded)


def _expectations(name: str, catalogue: Catalogue, as_of: dt.date) -> list:
    """The suite's expectations, each tagged with its id `<suite>:<nn>` in `meta` (GE reorders results)."""
    exps = _suite_expectations(name, catalogue, as_of)
    for i, e in enumerate(exps):
        e.meta = {"expectation_id": f"{name}:{i:02d}"}
    return exps


def _suite_expectations(name: str, catalogue: Catalogue, as_of: dt.date) -> list:
    import great_expectations.expectations as gxe

    if name == OBSERVATIONS_VALID:
        required = [
            "observation_id",
            "jurisdiction",
            "indicator",
            "year",
            "value",
            "unit",
            "source_file",
            "sha256",
            "location",
        ]
        exps: list = [
            gxe.ExpectColumnValuesToNotBeNull(column=c, description=f"{c} is always filled") for c in required
        ]
        exps += [
            gxe.ExpectColumnValuesToBeInSet(
                column="jurisdiction",
                value_set=[j.code for j in catalogue.jurisdictions],
                description="jurisdiction is one of the catalogue's",
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="indicator",
                value_set=[i.code for i in catalogue.indicators],
                description="indicator is one of the catalogue's",
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="unit", value_set=list(vocab.UNIT_CODES), description="unit is a base unit"
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="year",
                min_value=1949,
                max_value=as_of.year,
                description="year is plausible and not in the future",
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="value",
                min_value=-100,
                max_value=100,
                row_condition='unit=="percent"',
                condition_parser="pandas",
                description="a percentage lies within -100..100",
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="value",
                min_value=0,
                row_condition='unit!="percent"',
                condition_parser="pandas",
                description="counts, persons and money are not negative",
            ),
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=["jurisdiction", "indicator", "year", "period_type", "source_file", "location"],
                description="one figure per series and year in each file cell (a cell is not read twice)",
            ),
            gxe.ExpectColumnValuesToBeUnique(column="observation_id", description="observation ids are unique"),
        ]
        return exps
    # Coverage (which targets have figures at all) is not a check: while targets wait for their data it could
    # never pass, and a warning on every run teaches people to ignore warnings. The quality report's coverage
    # table lists every target with the reason it has (or has no) data.
    return [
        gxe.ExpectColumnValuesToBeBetween(
            column="yoy_ratio",
            min_value=1 / YOY_MAX_FACTOR,
            max_value=YOY_MAX_FACTOR,
            description=f"year-on-year change within x{YOY_MAX_FACTOR:g}",
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="confidence", value_set=["high", "medium", vocab.DEPARTMENT_REPORTED],
            description="figures are of high or medium confidence, or reported by a department in a data-call return"
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="values_in_release",
            max_value=1,
            description="one value per series, year and release: no two files or cells of one release disagree",
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="official_disagrees", value_set=[False],
            description="a department's data-call return agrees with the official statistic for the same series and "
            "year (where not, both are listed and the official one is used)",
        ),
    ]


def _failures(name: str, expectation_id: str, kwargs: dict, result: dict) -> pd.DataFrame:
    """GE's failing rows of one expectation (`unexpected_index_list`, one dict per row) as CHECK_FAILURE_COLUMNS."""
    entries = result.get("unexpected_index_list") or []
    if not entries or not isinstance(entries[0], dict):
        return pd.DataFrame(columns=list(CHECK_FAILURE_COLUMNS))
    rows = pd.DataFrame(entries)
    for key in ROW_KEYS:
        if key not in rows:
            rows[key] = None
    column, column_list = kwargs.get("column"), [c for c in kwargs.get("column_list", []) if c in rows]
    if column in rows:
        value = rows[column].astype("string")
    elif column_list:
        value = rows[column_list].astype("string").fillna("∅").agg(" | ".join, axis=1)
    else:
        value = pd.Series(pd.NA, index=rows.index, dtype="string")  # e.g. a null: GE gives no value
    return pd.DataFrame({"check_name": name, "expectation_id": expectation_id,
                         "observation_id": rows["observation_id"], "source_file": rows["source_file"],
                         "unexpected_value": value}, columns=list(CHECK_FAILURE_COLUMNS))


def run_suite(name: str, observations: pd.DataFrame, catalogue: Catalogue, as_of: dt.date) -> SuiteOutcome:
    """Validate a frame of observations (SUITE_COLUMNS at least) with suite `name`: its frame is built by the same
    SQL as on the warehouse (`suite_frame`, on an in-memory DuckDB), then `validate_frame`."""
    import duckdb

    con = duckdb.connect()
    try:
        con.register("_obs", observations.assign(_order=range(len(observations))))
        frame = suite_frame(con, name, "_obs")
    finally:
        con.close()
    return validate_frame(name, frame, catalogue, as_of)


def _categorical(frame: pd.DataFrame) -> dict[str, str]:
    """The string columns GE is given as categoricals: GE copies the frame for every metric (about 300 copies for
    the validity suite) and tests membership and nulls column by column, each far cheaper on a categorical's codes
    than on Python strings (national validity suite: 3.7 -> 1.8 CPU s). The row key `observation_id` too, though no
    id repeats: each of GE's copies of an object column touches every row's string (a reference count each), of a
    categorical only its codes (national, GE's part of the validity suite 1.85-2.02 -> 0.84-0.86 CPU s, of the
    plausibility suite 0.72-0.81 -> 0.26-0.28; the frame's read 0.2-0.4 s more: docs/scaling.md §0, session 14).
    Not a column holding a null: GE then reports a failing null as NaN, not None, in the stored samples. Results,
    failing rows and the validation JSON are otherwise the same (tests/targetwatch/quality/test_suite_frames.py)."""
    return {c: "category" for c in frame.columns if frame[c].dtype == object and not frame[c].isna().any()}


def validate_frame(name: str, frame: pd.DataFrame, catalogue: Catalogue, as_of: dt.date) -> SuiteOutcome:
    """Validate the suite's frame (`suite_frame`) with an ephemeral GE context (no files written).

    Returns one row per expectation, one row per failing row and expectation (GE's `COMPLETE` result format,
    rows named by ROW_KEYS), and GE's validation result JSON (without the complete lists of failing rows).
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.validator.v1_validator import Validator as V1Validator

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch_def = (
        ctx.data_sources.add_pandas(f"{name}_source")
        .add_dataframe_asset("observations")
        .add_batch_definition_whole_dataframe("all")
    )
    frame = frame.astype({c: "float64" for c in ("year", "value") if c in frame}) if len(frame) else frame
    frame = frame.astype(_categorical(frame))
    # One consolidated block per dtype: GE copies the frame for every metric, and copying a frame of one block per
    # column consolidates the copy again each time (at 470k rows that was 80 of 130 s of the validity suite).
    frame = frame.copy()
    suite = gx.ExpectationSuite(name=name, expectations=_expectations(name, catalogue, as_of))
    keys = [k for k in ROW_KEYS if k in frame]
    # GE's `unexpected_index_query` (every failing index again, as text) is left out of the stored JSON (FULL_LISTS),
    # so it is not asked for: computing it cost one more copy and filter of the frame per row expectation.
    result_format = ({"result_format": "COMPLETE", "unexpected_index_column_names": keys,
                      "return_unexpected_index_query": False} if keys else "SUMMARY")
    # The validator GE's `Batch.validate` makes, on the batch definition itself: `batch_def.get_batch(...).validate`
    # loaded the batch twice, and each load fingerprints every cell of the frame (`pandas_data_fingerprint`, an md5
    # of pandas' row hashes: 1-3 CPU s per load at 760k rows). Loaded once, the fingerprint and results are the same.
    validation = V1Validator(batch_definition=batch_def, batch_parameters={"dataframe": frame},
                             result_format=result_format).validate_expectation_suite(suite)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows, failures = [], []
    for r in validation.results:
        cfg = r.expectation_config
        res = r.result or {}
        kwargs = {k: v for k, v in cfg.kwargs.items() if k != "batch_id"}
        expectation_id = (cfg.meta or {}).get("expectation_id") or f"{name}:{cfg.type}:{kwargs.get('column')}"
        failures.append(_failures(name, expectation_id, kwargs, res))
        rows.append(
            {
                "check_name": name,
                "suite": name,
                "severity": SEVERITY_OF[name],
                "expectation": cfg.type,
                "column_name": kwargs.get("column") or ",".join(kwargs.get("column_list", [])),
                "success": bool(r.success),
                "element_count": res.get("element_count"),
                "unexpected_count": res.get("unexpected_count"),
                "unexpected_percent": res.get("unexpected_percent"),
                # the first values that failed; for a set-containment expectation, the values missing
                "unexpected_sample": json.dumps(
                    res.get("partial_unexpected_list", sorted(res.get("partial_missing_list", []), key=str))[:10],
                    ensure_ascii=False, default=str,
                ),
                "observed_value": json.dumps(res.get("observed_value"), ensure_ascii=False, default=str)
                if "observed_value" in res
                else None,
                "description": cfg.description,
                "checked_at": now,
                "expectation_id": expectation_id,
                "scope": "rows" if "unexpected_index_list" in res else "table",
                "kwargs": json.dumps(kwargs, ensure_ascii=False, default=str, sort_keys=True),
            }
        )
    results = pd.DataFrame(rows, columns=list(CHECK_RESULT_COLUMNS)).sort_values("expectation_id", ignore_index=True)
    failures = [f for f in failures if len(f)]
    failed_rows = (pd.concat(failures, ignore_index=True) if failures
                   else pd.DataFrame(columns=list(CHECK_FAILURE_COLUMNS)))
    doc = validation.to_json_dict()
    for r in doc.get("results", []):
        for key in FULL_LISTS:
            (r.get("result") or {}).pop(key, None)
    # GE keeps its last context (and through the data source, the validated frame) alive after the call: let both go
    ctx.data_sources.delete(f"{name}_source")
    return SuiteOutcome(name=name, severity=SEVERITY_OF[name], success=bool(validation.success), results=results,
                        failures=failed_rows, validation=doc)
