"""Lineage of one target's status: policy sentence -> figures -> files and checksums -> checks -> verdict.

An auditor must be able to follow any status back without asking anyone. This module assembles the
chain from the warehouse tables (so it shows what is stored) and writes out the formula of the
verdict with the numbers filled in, so it can be recomputed by hand. It is the one source of the chain:
`targetwatch explain` prints one target's (Tracer) and the auditors' report writes every target's at once as data
for its lineage page (targetwatch.render.lineage_site), from the same statement (FIGURES_SQL) and check rules.

Each figure in the chain carries its vintage on the as-of date:

    used          the assessment used this figure
    not_released  released after the as-of date (a figure with no release date counts from the end of the
                  year after its year, as in the assessment)
    superseded    another vintage of the same figure (jurisdiction, indicator, year) was used instead
    not_used      not needed for this target's calculation (not an annual actual figure, or a year or a
                  reference value the calculation does not use)

and the checks that flagged it. The checks of the chain are those on the figures used: an expectation on
rows passes for the target when none of its figures failed it; an expectation on the whole table (coverage)
keeps its overall result. A qualitative target's chain stops at its sentence, a target with no usable figure
at its figures; `stops_at` and `stop_zh`/`stop_en` say so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from targetwatch import vocab
from targetwatch.db_schema import columns_by_table
from targetwatch.formulas import formula_columns, is_missing

VINTAGES: tuple[str, ...] = ("used", "not_released", "superseded", "not_used")
VINTAGE_LABELS: dict[str, tuple[str, str]] = {
    "used": ("采用", "used"),
    "superseded": ("已被取代", "superseded"),
    "not_released": ("基准日后发布", "released after the as-of date"),
    "not_used": ("未用于计算", "not used in the calculation"),
}


@dataclass
class Lineage:
    target: dict
    sources: list[dict]
    observations: list[dict]
    files: list[dict]
    checks: list[dict]
    assessment: dict
    formula: list[str] = field(default_factory=list)  # English, as `explain` prints it
    formula_zh: list[str] = field(default_factory=list)  # the same lines in Chinese
    indicator: dict = field(default_factory=dict)
    stops_at: str | None = None  # None (complete) | "quote" (qualitative) | "figures" (no usable figure)
    stop_zh: str = ""
    stop_en: str = ""

    @property
    def used(self) -> list[dict]:
        return [o for o in self.observations if o["used"]]


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (None if is_missing(v) else v) for k, v in r.items()} for r in df.to_dict("records")]


def formula_lines(a: dict) -> list[tuple[str, str]]:
    """The calculation that produced the status, with this target's numbers substituted: (zh, en) per line
    (targetwatch.formulas, which makes them for many targets at once)."""
    return formula_columns({k: [v] for k, v in a.items()}, 1)[0]


def formula(a: dict) -> list[str]:
    """The calculation that produced the status, with this target's numbers substituted (English)."""
    return [en for _, en in formula_lines(a)]


def formula_zh(a: dict) -> list[str]:
    """The same lines as `formula`, in Chinese."""
    return [zh for zh, _ in formula_lines(a)]


# Every figure of the chosen targets' chains, set-wise (one statement for any number of targets): a target's own
# series (its jurisdiction and indicator) and its reference jurisdiction's, each figure with its vintage on the
# target's as-of date. `{targets}` selects the targets (`WHERE ...` on `targets t`), `{as_of}` is each one's as-of
# date, `{used}` gives (target_id, observation_id) of the figures each target's assessment used. The order is the
# chain's (own series first, then by year, release, file, id), with the table order (`_row`) last, so that two
# statements over the same rows agree on it (the quality report's data files give vintages by position).
FIGURES_SQL = """
WITH t AS (
    SELECT t.target_id, t.jurisdiction, t.indicator, t.reference_jurisdiction, {as_of} AS _as_of
    FROM targets t {join} WHERE t.indicator IS NOT NULL {targets}
), u AS (SELECT DISTINCT target_id, observation_id FROM ({used}) WHERE observation_id IS NOT NULL),
o AS (
    SELECT t.target_id, t._as_of, true AS own_series, o.rowid AS _row, o.* FROM t
    JOIN observations o ON o.indicator = t.indicator AND o.jurisdiction = t.jurisdiction
    UNION ALL
    SELECT t.target_id, t._as_of, false AS own_series, o.rowid AS _row, o.* FROM t
    JOIN observations o ON o.indicator = t.indicator AND o.jurisdiction = t.reference_jurisdiction
        AND t.reference_jurisdiction IS DISTINCT FROM t.jurisdiction
), m AS (
    SELECT o.*, u.observation_id IS NOT NULL AS used,
        coalesce(CAST(o.release_date AS DATE), make_date(CAST(o.year AS INT) + 1, 12, 31)) AS available_from
    FROM o LEFT JOIN u ON u.target_id = o.target_id AND u.observation_id = o.observation_id
), figure AS (  -- each figure's vintages, grouped and joined back (a window over them sorted every row: 17% dearer);
    -- a missing year or target id matches its own group, as a window's partition keeps it (m's jurisdiction and
    -- indicator are never missing: o joins on them)
    SELECT target_id AS _t, jurisdiction AS _j, indicator AS _i, year AS _y, bool_or(used) AS _any_used,
        max(CASE WHEN used THEN observation_id END) AS _used_vintage, count(*) AS _n
    FROM m GROUP BY ALL
)
SELECT target_id, {columns}, own_series, used, jurisdiction, indicator, {extra}
    CASE WHEN used THEN 'used'
         WHEN _as_of IS NOT NULL AND available_from > _as_of THEN 'not_released'
         WHEN f._any_used THEN 'superseded'
         ELSE 'not_used' END AS vintage,
    f._used_vintage AS used_vintage, f._n AS n_vintages, _row
FROM m JOIN figure f ON f._t IS NOT DISTINCT FROM m.target_id AND f._j = m.jurisdiction AND f._i = m.indicator
    AND f._y IS NOT DISTINCT FROM m.year
{order}"""
# FIGURES_SQL's rows in a chain's order (own series first, then by year and vintage; `_row` last makes it total).
FIGURES_ORDER = "ORDER BY target_id, own_series DESC, year, release_date NULLS FIRST, source_file, observation_id, _row"
# The whole catalogue's chains: each target's stored as-of date and the figures its per-year rows used (`used` left
# empty: figures_sql fills in used_sql for the warehouse's columns).
EVERY_TARGET = {"join": "LEFT JOIN assessments a ON a.target_id = t.target_id", "targets": "",
                "as_of": "CAST(a.as_of AS DATE)", "used": ""}
# One target ($target_id), with the as-of date and the figures used given ($as_of, $used_ids: a replay).
ONE_TARGET = {"join": "", "targets": "AND t.target_id = $target_id", "as_of": "CAST($as_of AS DATE)",
              "used": "SELECT $target_id AS target_id, unnest(CAST($used_ids AS VARCHAR[])) AS observation_id"}
# The observation columns a chain's figure carries: these, then FIGURE_EXTRA (NULL where a warehouse lacks one).
FIGURE_COLUMNS = ("year", "value_as_written", "unit_as_written", "value", "unit", "source_file", "sheet", "row_number",
                  "column_name", "location", "char_start", "char_end", "sha256", "release_date", "release_date_basis",
                  "confidence", "observation_id", "source_title", "source_ref")
FIGURE_EXTRA = ("period_type", "figure_type", "raw_content", "notes", "matched_by", "year_basis")


def used_sql(columns: dict[str, set[str]], where: str = "") -> str:
    """(target_id, observation_id) of every figure an assessment year used, one row per column of vocab.USED_COLUMNS
    (NULL where a row read none: callers drop those). A warehouse written before the year before's figures were
    recorded lacks previous_observation_id and reference_previous_observation_id: it names the columns it has."""
    have = columns.get("assessment_years", set())
    picked = ", ".join(c for c in vocab.USED_COLUMNS if c in have) or "observation_id"
    return f"SELECT target_id, unnest([{picked}]) AS observation_id FROM assessment_years {where}"


def figures_sql(columns: dict[str, set[str]], form: dict[str, str], extra: tuple[str, ...] = FIGURE_EXTRA,
                ordered: bool = True) -> str:
    """FIGURES_SQL for a warehouse with these `columns` (table -> columns; the `extra` observation columns it lacks
    read as NULL), in `form` (EVERY_TARGET or ONE_TARGET). `ordered=False` leaves out its ORDER BY, for a caller
    that sorts the rows itself: DuckDB does not drop a subquery's sort under an outer one, and sorting the national
    chains (813,742 rows) twice cost about 0.4 of the chain table's 2.4 CPU s."""
    have = columns.get("observations", set())
    picked = "".join(f"{c}, " if c in have else f"NULL AS {c}, " for c in extra)
    return FIGURES_SQL.format(columns=", ".join(FIGURE_COLUMNS), extra=picked, order=FIGURES_ORDER if ordered else "",
                              **(form | {"used": form["used"] or used_sql(columns)}))


_CHECK_COLUMNS = ("check_name", "severity", "expectation", "column_name", "success", "unexpected_count",
                  "description", "expectation_id", "scope", "kwargs")
_NO_FAILURES = pd.DataFrame(columns=["observation_id", "expectation_id", "unexpected_value"])


def _condition(kwargs: object) -> str | None:
    """An expectation's `row_condition` (pandas syntax, as the suites write it), or None."""
    condition = kwargs.get("row_condition") if isinstance(kwargs, dict) else None
    if isinstance(condition, dict):  # GE 1.24 stores it as {"type": "pass_through", "pass_through_filter": "…"}
        condition = condition.get("pass_through_filter")
    return condition or None


def check_rows(figures: pd.DataFrame, failed: pd.DataFrame, checks: list[dict], targets: list[str]) -> pd.DataFrame:
    """The checks that ran on each target's figures used, for any number of targets at once: one row per (target,
    check) with `check` (its position in `checks`), rows_checked, rows_flagged, success and result, in target and
    check order. `figures` are the chains' figures (FIGURES_SQL: target_id, observation_id, used and the columns the
    row conditions read), `failed` the failed checks' (observation_id, expectation_id), `targets` those with an
    indicator (a qualitative target's chain has no checks).

    An expectation on rows ran on a target's figures when its row condition (if any, such as `unit=="percent"`)
    selects at least one of those used, and passes when none of them failed it; each condition is evaluated once,
    over every target's figures. Checks on the whole table (none today; coverage is the quality report's coverage
    table) keep their overall result."""
    used = figures[figures["used"]].reset_index(drop=True)  # a row's label is its position (the conditions' rows)
    codes, uniq = pd.factorize(used["target_id"], sort=True)  # targets numbered once, in order; -1: no id
    uniq = np.asarray(uniq, dtype=object)
    mine_ids = used["observation_id"].isin(failed["observation_id"])  # only these can be flagged
    pairs = used.loc[mine_ids, ["target_id", "observation_id"]].drop_duplicates()
    flagged = (pairs.merge(failed[["observation_id", "expectation_id"]].drop_duplicates(), on="observation_id")
               .groupby(["expectation_id", "target_id"]).size())
    n_used = None
    checked_by: dict[str | None, tuple[np.ndarray, np.ndarray]] = {}  # a row condition's targets and rows, once
    parts = []  # (target ids, their numbers in uniq or None, check, rows checked, rows flagged, success)
    for k, c in enumerate(checks):  # one per expectation (a few dozen), each over every target
        if c["scope"] == "rows":
            condition = _condition(c["kwargs"])
            if condition not in checked_by:
                rows = used
                if condition:
                    try:
                        rows = used.query(condition, engine="python")
                    except (NameError, KeyError, SyntaxError, ValueError, TypeError):  # a column the figures lack
                        rows = used
                of = codes[rows.index.to_numpy()] if rows is not used else codes
                counts = np.bincount(of[of >= 0], minlength=len(uniq))  # rows per target: groupby's size
                at = np.flatnonzero(counts)  # a condition selecting none of a target's figures did not run on them
                checked_by[condition] = (at, counts[at].astype("int64"))
            at, checked = checked_by[condition]
            ids = uniq[at]
            mine = flagged.xs(c["expectation_id"]) if c["expectation_id"] in flagged.index.levels[0] else None
            n = (mine.reindex(pd.Index(ids, name="target_id"), fill_value=0).to_numpy(dtype="int64")
                 if mine is not None else np.zeros(len(at), dtype="int64"))
            parts.append((ids, at, k, checked, n, n == 0))
        else:
            if n_used is None:
                n_used = used.groupby("target_id")["observation_id"].nunique()
            checked = n_used.reindex(pd.Index(targets, name="target_id"), fill_value=0)
            parts.append((checked.index.to_numpy(dtype=object), None, k, checked.to_numpy(dtype="int64"),
                          np.zeros(len(checked), dtype="int64"), np.full(len(checked), bool(c["success_overall"]))))
    columns = ["target_id", "check", "rows_checked", "rows_flagged", "success", "result"]
    if not parts:
        return pd.DataFrame(columns=columns)
    wanted = set(targets)
    keep_uniq = np.fromiter((t in wanted for t in uniq.tolist()), dtype=bool, count=len(uniq))
    keep = np.concatenate([keep_uniq[at] if at is not None else
                           np.fromiter((t in wanted for t in ids.tolist()), dtype=bool, count=len(ids))
                           for ids, at, *_ in parts])
    out = pd.DataFrame({
        "target_id": np.concatenate([ids for ids, *_ in parts]).astype(object),
        "check": np.concatenate([np.full(len(ids), k, dtype="int64") for ids, _, k, *_ in parts]),
        "rows_checked": np.concatenate([p[3] for p in parts]), "rows_flagged": np.concatenate([p[4] for p in parts]),
        "success": np.concatenate([p[5] for p in parts]).astype(bool)})
    bad = np.array(["failed" if c["severity"] == "error" else "warned" for c in checks], dtype=object)
    out["result"] = np.where(out["success"].to_numpy(), "passed", bad[out["check"].to_numpy()]).astype(
        object if len(out) else "float64")  # as pandas types a column made of no results
    out = out[keep]
    if all(at is not None for _, at, *_ in parts):  # every row's target is numbered in target order: sort numbers
        number = np.concatenate([at for _, at, *_ in parts])[keep]
        return out.take(np.lexsort((out["check"].to_numpy(), number)))[columns]
    return out.sort_values(["target_id", "check"], kind="stable")[columns]


def chain_stop(has_indicator: bool, any_used: bool, any_figure: bool) -> tuple[str | None, str, str]:
    """Where a chain stops (None: it is complete) and why, in Chinese and English."""
    if not has_indicator:
        return ("quote", "定性目标：没有指标、数据和计算，溯源止于政策原文。",
                "Qualitative goal: no indicator, no figures and no calculation; the chain stops at the policy "
                "sentence.")
    if any_used:
        return None, "", ""
    if any_figure:
        return ("figures", "有该指标的数据，但没有一个可用于评估（见各数据的状态），溯源止于数据。",
                "There are figures for this indicator, but none is usable for the assessment (see each figure's "
                "vintage); the chain stops at the figures.")
    return ("figures", "任何报告文件中都没有本地区该指标的数据，溯源止于数据（状态“无数据”）。",
            "No report file gives this indicator for this jurisdiction; the chain stops at the figures (status "
            "no_data).")


def check_records(con: duckdb.DuckDBPyConnection, columns: dict[str, set[str]]) -> list[dict]:
    """Every expectation of check_results (ordered by suite, id, expectation) with its arguments as a dict and its
    overall result (`success_overall`); a warehouse from before expectation ids and scopes numbers them by position
    and puts every check on the whole table."""
    have = columns.get("check_results", set())
    pick = ", ".join(c if c in have else f"NULL AS {c}" for c in _CHECK_COLUMNS)
    checks = (con.execute(f"SELECT {pick} FROM check_results ORDER BY check_name, expectation_id, expectation")
              .df() if have else pd.DataFrame(columns=list(_CHECK_COLUMNS)))
    checks["expectation_id"] = checks["expectation_id"].fillna(checks["check_name"] + ":" + checks.index.astype(str))
    checks["scope"] = checks["scope"].fillna("table")
    checks["success_overall"] = checks["success"].astype("boolean")
    checks["kwargs"] = checks["kwargs"].map(lambda v: json.loads(v) if isinstance(v, str) else {})
    return _records(checks)


SOURCES_SQL = """SELECT s.target_id, s.document, s.clause, s.quote, s.char_start, s.char_end, s.document_sha256,
       d.title_zh, d.title_en, d.number, d.file, d.issuer_zh, d.issuer_en, d.date
FROM target_sources s LEFT JOIN policy_documents d ON d.id = s.document {where}
ORDER BY s.target_id, s.source_order"""


# Column types whose values as DuckDB fetches them are what `.df()` then `_records` give, once NULL and NaN are None
# and dates and timestamps pandas Timestamps (checked on every target row of the bundled warehouse).
_PLAIN_TYPES = frozenset({"VARCHAR", "BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP"})


def _one(con: duckdb.DuckDBPyConnection, sql: str, target_id: str) -> dict:
    """A target's one row of a table as a dict, read without pandas when its column types allow: `.df()` of one row of
    the assessments' ~100 columns costs ~27 ms of CPU, the row itself ~3 ms (explain reads two such rows a target;
    tracing every bundled target, 2.4 -> 0.3 s). Other types (decimals, lists, ...) go through `.df()` as before."""
    cur = con.execute(sql, {"t": target_id})
    if not all(str(d[1]) in _PLAIN_TYPES for d in cur.description):
        rows = _records(cur.df())
        if not rows:
            raise KeyError(target_id)
        return rows[0]
    row = cur.fetchone()
    if row is None:
        raise KeyError(target_id)
    return {d[0]: None if is_missing(v) else pd.Timestamp(v) if isinstance(v, dt.date) else v
            for d, v in zip(cur.description, row, strict=True)}


class _PerTarget(Mapping):
    """target id -> its row(s) of a table, read from the warehouse when first asked for (a target's own rows only:
    `targetwatch explain` of one target of a national catalogue reads a few rows, not 100,000)."""

    def __init__(self, ids: frozenset[str], read: Callable[[str], Any]) -> None:
        self._ids, self._read, self._got = ids, read, {}

    def __getitem__(self, target_id: str) -> Any:
        if target_id not in self._ids:
            raise KeyError(target_id)
        if target_id not in self._got:
            self._got[target_id] = self._read(target_id)
        return self._got[target_id]

    def __contains__(self, target_id: object) -> bool:
        return target_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


class Tracer:
    """Traces targets of one warehouse for `targetwatch explain`: only the asked target's rows are read (targets,
    sources, assessments, the figures used). The small tables (indicators, places, files, checks) are read once;
    each target then costs one query for its figures and one for their failed checks. Every target's chain at once
    is the quality report's lineage data (targetwatch.render.lineage_site), from the same statement and rules."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.columns: dict[str, set[str]] = columns_by_table(con)
        one = "WHERE target_id = $t"
        ids = frozenset(r[0] for r in con.execute("SELECT target_id FROM targets").fetchall())
        self.targets: Mapping[str, dict] = _PerTarget(ids, lambda t: _one(con, f"SELECT * FROM targets {one}", t))
        self.sources: Mapping[str, list[dict]] = _PerTarget(ids, lambda t: [
            {k: v for k, v in r.items() if k != "target_id"}
            for r in _records(con.execute(SOURCES_SQL.format(where="WHERE s.target_id = $t"), {"t": t}).df())])
        self.assessments: Mapping[str, dict] = _PerTarget(
            ids, lambda t: _one(con, f"SELECT * FROM assessments {one}", t))
        self.used: Mapping[str, set[str]] = _PerTarget(
            ids, lambda t: {oid for _, oid in con.execute(used_sql(self.columns, one), {"t": t}).fetchall()
                            if not is_missing(oid)})
        self.indicators = {r["code"]: r for r in _records(con.execute("SELECT * FROM indicators").df())}
        self.places: dict[str, tuple[str, str]] = (
            {code: (zh, en) for code, zh, en in con.execute("SELECT code, name_zh, name_en FROM jurisdictions")
             .fetchall()} if {"code", "name_zh", "name_en"} <= self.columns.get("jurisdictions", set()) else {})
        self.files = con.execute("SELECT * FROM report_files").df()
        self.check_records = check_records(con, self.columns)
        self.observations_sql = figures_sql(self.columns, ONE_TARGET)

    def known(self) -> list[str]:
        return sorted(self.targets)

    def _failures(self, ids: list[str]) -> pd.DataFrame:
        if "check_failures" not in self.columns or not ids:
            return _NO_FAILURES
        return self.con.execute(
            "SELECT DISTINCT observation_id, expectation_id, unexpected_value FROM check_failures "
            "WHERE list_contains(CAST($ids AS VARCHAR[]), observation_id)", {"ids": ids}).df()

    def _checks(self, target_id: str, observations: pd.DataFrame, failed: pd.DataFrame) -> list[dict]:
        """The checks that ran on the target's figures used (`check_rows`)."""
        rows = check_rows(observations, failed, self.check_records, [target_id])
        return [self.check_records[k] | {"rows_checked": int(a), "rows_flagged": int(b), "success": bool(ok),
                                         "result": r}
                for k, a, b, ok, r in zip(rows["check"], rows["rows_checked"], rows["rows_flagged"],
                                          rows["success"], rows["result"], strict=True)]

    def trace(self, target_id: str, assessment: dict | None = None, used_ids: set[str] | None = None) -> Lineage:
        """The chain of one target; `assessment` and `used_ids` override the stored ones (--as-of replay)."""
        if target_id not in self.targets:
            raise KeyError(f"unknown target {target_id!r}; known targets: {', '.join(self.known())}")
        t = self.targets[target_id]
        if assessment is None:
            assessment = self.assessments[target_id]
        if used_ids is None:
            used_ids = self.used.get(target_id, set())
        used_ids = {u for u in used_ids if not is_missing(u)}
        as_of = assessment.get("as_of")
        as_of = None if is_missing(as_of) else pd.Timestamp(as_of).date()
        obs = self.con.execute(self.observations_sql,
                               {"target_id": target_id, "used_ids": sorted(used_ids), "as_of": as_of}).df()
        has_indicator = not is_missing(t.get("indicator")) and t.get("comparator") != "qualitative"
        failed = self._failures(obs["observation_id"].tolist())
        checks = self._checks(target_id, obs, failed) if has_indicator else []
        obs = obs.drop(columns=["target_id", "_row"])
        flags = failed.groupby("observation_id")["expectation_id"].agg(lambda s: sorted(set(s)))
        obs["checks_failed"] = obs["observation_id"].map(flags).map(lambda v: v if isinstance(v, list) else [])
        # the place of every figure (the target's own or its reference's), so no figure line is ambiguous
        obs["place_zh"] = obs["jurisdiction"].map(lambda j: self.places.get(j, (j, j))[0])
        obs["place_en"] = obs["jurisdiction"].map(lambda j: self.places.get(j, (j, j))[1])
        files = self.files[self.files["source_file"].isin(obs["source_file"])].sort_values("source_file")
        files = files.assign(used=files["source_file"].isin(obs.loc[obs["used"], "source_file"]))
        assessment = dict(assessment) | {"reference_jurisdiction": t.get("reference_jurisdiction"),
                                         "per_year": t.get("per_year")}
        lines = formula_lines(assessment)
        stops_at, stop_zh, stop_en = chain_stop(has_indicator, bool(used_ids & set(obs["observation_id"])),
                                                bool(len(obs)))
        return Lineage(target=t, sources=self.sources.get(target_id, []), observations=_records(obs),
                       files=_records(files), checks=checks, assessment=assessment,
                       formula=[en for _, en in lines], formula_zh=[zh for zh, _ in lines],
                       indicator=self.indicators.get(t.get("indicator"), {}), stops_at=stops_at,
                       stop_zh=stop_zh, stop_en=stop_en)


def trace(con: duckdb.DuckDBPyConnection, target_id: str, assessment: dict | None = None,
          used_ids: set[str] | None = None) -> Lineage:
    """Assemble the chain for one target from the warehouse; `assessment` overrides the stored one (--as-of)."""
    return Tracer(con).trace(target_id, assessment, used_ids)


def as_of_assessment(
    con: duckdb.DuckDBPyConnection, catalogue, target_id: str, as_of: dt.date
) -> tuple[dict, set[str]]:
    """Recompute one target's assessment as of a past date from the stored observations (replay).

    Returns the assessment row and the ids of the observations it used (the vintages released by then)."""
    from targetwatch.assessment import assess

    observations = con.execute("SELECT * FROM observations").df()
    assessments, years = assess(catalogue, observations, as_of)
    mine = years[years["target_id"] == target_id]
    used = {v for c in vocab.USED_COLUMNS if c in mine for v in mine[c].dropna()}
    return _records(assessments[assessments["target_id"] == target_id])[0], used
