"""The auditors' data-quality report: a static site built from the warehouse, readable offline and in print.

    index.html                  this run and the run history with their inputs; every report file (sha256,
                                format, encoding, release date, rows read/accepted/rejected, the checks it passed,
                                warned on and failed); the Great Expectations validation results; every flagged
                                and every quarantined row; revisions between vintages; coverage of every target
                                (anchor `t-<target_id>`, which the dashboards link to)
    lineage/                    every target's chain: sentence -> figures -> files -> checks -> calculation (the
                                chain `targetwatch explain` prints), as per-jurisdiction data files drawn by one
                                client-side page (targetwatch.render.lineage_site)
    validations/<suite>.json    Great Expectations' validation result of each suite, as stored
    data/rejected_rows.csv      every quarantined row (file, location, reason, raw content); the index counts them
                                per file and kind of reason and lists the first LIST_LIMIT
    static/                     the dashboards' CSS and JS and the lineage page's (no plotly: the report has no charts)

Great Expectations' own Data Docs load Bootstrap, jQuery, Font Awesome and vega from public CDNs and render
unstyled without a network, so they are not used: the validation results are rendered here, by targetwatch's
templates, from GE's validation result JSON (table `check_validations`). No page refers to any http(s) URL.
Everything is escaped by Jinja's autoescape; pages are Chinese first with English on the toggle, as the dashboards.
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import fields
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from targetwatch import collector, formatting, vocab
from targetwatch.db_schema import columns_of, table_names
from targetwatch.lineage import VINTAGE_LABELS
from targetwatch.quality.results import TABLES as CHECK_TABLES
from targetwatch.quality.results import file_check_counts, file_check_results, read_check_tables
from targetwatch.render.dashboards import LARGE_SITE_TARGETS
from targetwatch.render.large_site import page_name
from targetwatch.render.lineage_site import (
    LINEAGE_CSV_COLUMNS,  # noqa: F401  (re-exported: the report's lineage constants)
    LINEAGE_DIR,
    LINEAGE_FIGURE_LIMIT,
    kwargs_display,
    safe_name,
    write_lineage,
)
from targetwatch.render.page import copy_static, display_records, display_value, page_environment
from targetwatch.render.rows import target_rows
from targetwatch.render.site_data import SiteData
from targetwatch.runlog import RUN_COLUMNS, RUNS_DDL
from targetwatch.sql_text import sql_text

# Tables the report reads with SQL from the warehouse (counts, first rows, files), never whole as frames.
REPORT_READS_IN_SQL = ("observations", "rejected_rows", "assessment_years", "check_results")
# Tables no part of the report reads (the dashboards' data call, owners and documents of the display rows).
REPORT_UNREAD = ("data_owed", "return_conflicts", "changes", "measures", "target_departments", "target_sources")
# The columns the report's target rows are made of (rows.target_rows, formatted=False: the coverage list and the
# lineage chains' display fields): at national scale the targets and assessments read whole, and their formatted
# rows, held about 1 GB.
QUALITY_REPORT_READS: dict[str, tuple[str, ...]] = {
    "targets": ("target_id", "jurisdiction", "indicator", "kind", "comparator", "per_year", "deadline", "unit",
                "plan_start", "reference_jurisdiction", "headline", "name_zh", "name_en"),
    "assessments": ("target_id", "comparator", "per_year", "deadline", "unit", "plan_start", "status",
                    "evidence_basis", "evidence_grade", "deadline_inferred_from", "as_of"),
}
DATA_DIR = "data"
REJECTED_CSV = "rejected_rows.csv"  # every quarantined row (each file's sha256 is in the files table)
REJECTED_CSV_COLUMNS = ("source_file", "sheet", "row_number", "location", "reason", "raw_content")
VALIDATIONS_DIR = "validations"
# At most this many rows per list on the index (flagged, quarantined, revisions, coverage): a national catalogue
# would otherwise give a page of hundreds of megabytes. The counts above each list stay complete, the warehouse
# tables hold every row, and `targetwatch explain <target_id>` prints any target's lineage.
LIST_LIMIT = 2_000

# Why a target has (or has no) data, in the order of the coverage table.
COVERAGE_REASONS: dict[str, tuple[str, str]] = {
    "no_report": ("没有任何报告文件提供该指标", "no report file gives this indicator"),
    "other_jurisdictions": ("只有其他地区的该指标数据",
                            "figures for this indicator exist only for other jurisdictions"),
    "proxy_only": ("只有替代指标的数据（仅供参考，不用于判定）",
                   "only proxy figures (shown for context, never used for the verdict)"),
    "none_usable": ("有数据，但在评估基准日没有可用于评估的数值（见溯源页）",
                    "figures exist, but none is usable on the as-of date (see the lineage page)"),
    "qualitative": ("定性目标，不需要数据", "qualitative goal: needs no figure"),
    "covered": ("有数据", "has figures"),
}
RESULT_LABELS: dict[str, tuple[str, str]] = {"passed": ("通过", "passed"), "warned": ("警告", "warning"),
                                             "failed": ("失败", "failed")}
SCOPE_LABELS: dict[str, tuple[str, str]] = {"rows": ("逐行", "each row"), "table": ("全表", "whole table")}

# Columns the report reads from each table; a SiteData (or an older warehouse) lacking one reads it as null.
REPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "targets": ("target_id", "jurisdiction", "indicator", "kind", "comparator", "reference_jurisdiction", "per_year",
                "name_zh", "name_en", "deadline"),
    "target_sources": ("target_id", "document", "clause", "quote", "char_start", "char_end", "document_sha256",
                       "source_order"),
    "policy_documents": ("id", "title_zh", "title_en", "number", "file", "issuer_zh", "issuer_en", "date", "sha256"),
    "indicators": ("code", "name_zh", "name_en", "unit", "proxy_of", "proxy_note"),
    "observations": ("observation_id", "jurisdiction", "indicator", "year", "value", "unit", "value_as_written",
                     "unit_as_written", "period_type", "figure_type", "release_date", "release_date_basis",
                     "confidence", "source_file", "sha256", "sheet", "row_number", "column_name", "location",
                     "char_start", "char_end", "raw_content", "source_title", "source_ref", "notes"),
    "report_files": ("source_file", "sha256", "size_bytes", "format", "encoding", "release_date",
                     "release_date_basis", "title", "rows_read", "rows_accepted", "rows_rejected", "status", "error",
                     "synthetic"),
    "rejected_rows": ("source_file", "sha256", "sheet", "row_number", "location", "raw_content", "reason"),
    "assessment_years": ("target_id", "year", *vocab.USED_COLUMNS),
    **CHECK_TABLES,
    "runs": RUN_COLUMNS,
}
OPTIONAL_TABLES: dict[str, str] = {  # created empty (TEMP, in memory) when a warehouse lacks them
    **{name: f"CREATE TEMP TABLE {name} ({', '.join(f'{c} VARCHAR' for c in cols)})"
       for name, cols in CHECK_TABLES.items()},
    "runs": RUNS_DDL.replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE"),
}


# --- reading ---------------------------------------------------------------------------------------------


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return table_names(con)


def warehouse_of(data: SiteData) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse holding a SiteData's tables (columns the report reads and the frames lack are
    added as null), for callers that have frames rather than a warehouse (tests, the synthetic site)."""
    con = duckdb.connect()
    frames = {f.name: getattr(data, f.name) for f in fields(data) if isinstance(getattr(data, f.name), pd.DataFrame)}
    for name, frame in frames.items():
        frame = frame.copy()
        for col in REPORT_COLUMNS.get(name, ()):
            if col not in frame:
                frame[col] = None
        con.register("_frame", frame)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _frame')
        con.unregister("_frame")
    return con


def _ensure_optional(con: duckdb.DuckDBPyConnection) -> None:
    present = _tables(con)
    for name, ddl in OPTIONAL_TABLES.items():
        if name not in present:
            con.execute(ddl)


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> pd.DataFrame:
    return con.execute(sql, params or {}).df()


# --- what the index shows ----------------------------------------------------------------------------------


def runs_table(con: duckdb.DuckDBPyConnection, this_run: dict | None) -> list[dict]:
    """Every recorded run, newest first; this report's run first, as `building`, when the warehouse has no row
    for it (a report built outside a run: a refresh writes its run's row when it starts, and again, final, just
    before it publishes this report)."""
    runs = _df(con, "SELECT * FROM runs ORDER BY started_at DESC NULLS LAST, run_id")
    rows = display_records(runs)
    if this_run and this_run.get("run_id") not in set(runs["run_id"]):
        rows.insert(0, {c: this_run.get(c) for c in RUN_COLUMNS} | {"outcome": "building", "this_run": True})
    for r in rows:
        try:
            inputs = json.loads(r.get("input_hashes") or "{}")
        except (TypeError, ValueError):
            inputs = {}
        r["inputs"] = sorted(inputs.items())
        r["this_run"] = bool(r.get("this_run")) or (this_run or {}).get("run_id") == r.get("run_id")
    return rows


def files_table(files: pd.DataFrame, checks: pd.DataFrame, failures: pd.DataFrame) -> list[dict]:
    """Every report file with its row counts, the checks it passed/warned on/failed and those it did not pass."""
    counts = file_check_counts(files, checks, failures)
    grid = file_check_results(files, checks, failures)
    not_passed = grid[grid["result"] != "passed"]
    rows = display_records(files.merge(counts, on="source_file", how="left"))
    by_file: dict[str, list[dict]] = {}
    for r in display_records(not_passed):
        by_file.setdefault(r["source_file"], []).append(r)
    for i, r in enumerate(rows):
        r["anchor"] = f"file-{i + 1}"
        r["not_passed"] = by_file.get(r["source_file"], [])
    return rows


def _examples(kwargs: dict, result: dict, limit: int = 10) -> list[dict]:
    """GE's first failing rows (value, observation id, source file), or its first failing values."""
    indexed = result.get("partial_unexpected_index_list") or []
    if not indexed:
        return [{"value": x, "observation_id": None, "source_file": None}
                for x in result.get("partial_unexpected_list", [])[:limit]]
    column, column_list = kwargs.get("column"), kwargs.get("column_list") or []
    out = []
    for e in indexed[:limit]:
        value = e.get(column) if column else " | ".join(str(e.get(c)) for c in column_list) or None
        out.append({"value": value, "observation_id": e.get("observation_id"), "source_file": e.get("source_file")})
    return out


def validation_suites(checks: pd.DataFrame, validations: pd.DataFrame) -> list[dict]:
    """Per suite: GE's statistics and one display row per expectation, from GE's validation result JSON
    (`check_validations`); a warehouse without it falls back on the `check_results` rows."""
    meta = {r["expectation_id"]: r for r in display_records(checks) if r.get("expectation_id")}
    suites = []
    for v in display_records(validations.sort_values("check_name")):
        doc = json.loads(v["validation_json"] or "{}")
        rows = []
        for res in doc.get("results", []):  # one per expectation (a few dozen)
            cfg, result = res.get("expectation_config", {}), res.get("result") or {}
            eid = (cfg.get("meta") or {}).get("expectation_id", "")
            examples = _examples(cfg.get("kwargs", {}), result)
            exc = res.get("exception_info") or {}
            rows.append({
                "expectation_id": eid, "expectation": cfg.get("type"), "kwargs": kwargs_display(cfg.get("kwargs", {})),
                "description": cfg.get("description"), "success": bool(res.get("success")),
                "scope": meta.get(eid, {}).get("scope"), "element_count": result.get("element_count"),
                "unexpected_count": result.get("unexpected_count"),
                "unexpected_percent": display_value(result.get("unexpected_percent")),
                "missing_count": result.get("missing_count"),
                "observed_value": json.dumps(result["observed_value"], ensure_ascii=False, default=str)
                if result.get("observed_value") is not None else None,
                "missing_values": sorted(map(str, result.get("partial_missing_list", []))),
                "examples": examples[:10],
                "exception": exc.get("exception_message") if exc.get("raised_exception") else None,
            })
        rows.sort(key=lambda r: r["expectation_id"])
        suites.append(v | {"doc": doc, "rows": rows, "source": "ge_json",
                           "json_file": f"{VALIDATIONS_DIR}/{safe_name(v['check_name'])}.json"})
    done = {s["check_name"] for s in suites}
    for name, group in checks[~checks["check_name"].isin(done)].groupby("check_name", sort=True):
        rows = [{"expectation_id": r.get("expectation_id") or "", "expectation": r["expectation"],
                 "kwargs": kwargs_display(json.loads(r["kwargs"]) if r.get("kwargs") else
                                           {"column": r.get("column_name")}),
                 "description": r.get("description"), "success": bool(r.get("success")), "scope": r.get("scope"),
                 "element_count": r.get("element_count"), "unexpected_count": r.get("unexpected_count"),
                 "unexpected_percent": r.get("unexpected_percent"), "missing_count": None,
                 "observed_value": r.get("observed_value"), "missing_values": [],
                 "examples": [{"value": x, "observation_id": None, "source_file": None}
                              for x in json.loads(r.get("unexpected_sample") or "[]")],
                 "exception": None} for r in display_records(group)]
        severity = group["severity"].iloc[0]
        ok = bool(group["success"].fillna(False).astype(bool).all())
        suites.append({"check_name": name, "suite": name, "severity": severity, "success": ok,
                       "evaluated": len(rows), "successful": sum(r["success"] for r in rows),
                       "unsuccessful": sum(not r["success"] for r in rows), "ge_version": None, "checked_at": None,
                       "doc": None, "rows": rows, "json_file": None, "source": "check_results"})
    for s in suites:
        s["result"] = "passed" if s["success"] else ("failed" if s["severity"] == "error" else "warned")
        for r in s["rows"]:
            r["result"] = "passed" if r["success"] else ("failed" if s["severity"] == "error" else "warned")
    return suites


_FLAGGED_SQL = """
SELECT f.check_name, f.expectation_id, r.severity, r.expectation, r.column_name, r.description, f.observation_id,
    f.source_file, f.unexpected_value, o.jurisdiction, o.indicator, o.year, o.location, o.value_as_written,
    o.unit_as_written
FROM check_failures f
LEFT JOIN check_results r ON r.expectation_id = f.expectation_id
LEFT JOIN observations o ON o.observation_id = f.observation_id
ORDER BY r.severity, f.expectation_id, f.source_file, o.year, f.observation_id
"""

# Figures (jurisdiction, indicator, year, period) published more than once, with their vintages and distinct values.
_REPUBLISHED_SQL = """
SELECT jurisdiction, indicator, year, period_type, count(*) AS n_vintages, count(DISTINCT value) AS n_values
FROM observations GROUP BY ALL HAVING count(*) > 1
"""

# The first {limit} vintages of those figures (read from {republished}, a table of _REPUBLISHED_SQL, made once for
# the list and its counts), in the order of the list: only the first {limit} figures are read (each has two vintages
# or more), so the window runs over them, not over every observation. A figure is `used` ({used}: used_predicate)
# when an assessment year names it in one of vocab.USED_COLUMNS: its figure or its reference, or a growth row's year
# before (a semi-join a column: the same three-valued result as IN over the ids' distinct union, without that union
# of every assessment year).
_REVISIONS_SQL = """
WITH shown AS (
    SELECT * FROM {republished} ORDER BY jurisdiction, indicator, year, period_type LIMIT {limit}
),
v AS (
    SELECT o.jurisdiction, o.indicator, o.year, o.period_type, f.n_vintages, f.n_values, o.value, o.unit,
        o.value_as_written, o.unit_as_written, o.source_file, o.location, o.sha256, o.release_date,
        o.release_date_basis, o.observation_id,
        lag(o.value) OVER vintages AS previous_value, row_number() OVER vintages AS vintage_no,
        ({used}) AS used
    FROM observations o JOIN shown f ON o.jurisdiction IS NOT DISTINCT FROM f.jurisdiction
        AND o.indicator IS NOT DISTINCT FROM f.indicator AND o.year IS NOT DISTINCT FROM f.year
        AND o.period_type IS NOT DISTINCT FROM f.period_type
    WINDOW vintages AS (PARTITION BY o.jurisdiction, o.indicator, o.year, o.period_type
                        ORDER BY o.release_date NULLS FIRST, o.source_file, o.observation_id)
)
SELECT jurisdiction, indicator, year, period_type, vintage_no, n_vintages, n_values, value, unit, value_as_written,
    unit_as_written, value - previous_value AS change, 100 * (value - previous_value) / nullif(previous_value, 0)
    AS change_pct, source_file, location, sha256, release_date, release_date_basis,
    observation_id, used
FROM v
ORDER BY jurisdiction, indicator, year, period_type, vintage_no
LIMIT {limit}
"""

_COVERAGE_SQL = """
WITH own AS (SELECT jurisdiction, indicator, count(*) AS n FROM observations GROUP BY ALL),
any_place AS (SELECT indicator, count(*) AS n, count(DISTINCT jurisdiction) AS places FROM observations GROUP BY ALL),
proxy AS (
    SELECT i.proxy_of AS indicator, o.jurisdiction, count(*) AS n
    FROM observations o JOIN indicators i ON i.code = o.indicator
    WHERE i.proxy_of IS NOT NULL GROUP BY ALL
),
used AS (SELECT target_id, count(DISTINCT o) AS n FROM ({own_used}) GROUP BY ALL)
SELECT t.target_id, coalesce(own.n, 0) AS n_own, coalesce(any_place.n, 0) AS n_any,
    coalesce(any_place.places, 0) AS n_places, coalesce(proxy.n, 0) AS n_proxy, coalesce(used.n, 0) AS n_used,
    CASE WHEN t.comparator = 'qualitative' OR t.indicator IS NULL THEN 'qualitative'
         WHEN coalesce(used.n, 0) > 0 THEN 'covered'
         WHEN coalesce(own.n, 0) > 0 THEN 'none_usable'
         WHEN coalesce(proxy.n, 0) > 0 THEN 'proxy_only'
         WHEN coalesce(any_place.n, 0) > 0 THEN 'other_jurisdictions'
         ELSE 'no_report' END AS coverage
FROM targets t
LEFT JOIN own ON own.jurisdiction = t.jurisdiction AND own.indicator = t.indicator
LEFT JOIN any_place ON any_place.indicator = t.indicator
LEFT JOIN proxy ON proxy.indicator = t.indicator AND proxy.jurisdiction = t.jurisdiction
LEFT JOIN used ON used.target_id = t.target_id
"""


_REJECTED_ORDER = "source_file, row_number, location"


def _year_columns(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The columns assessment_years has: a warehouse written before session 16 lacks the year before's ids."""
    return columns_of(con, "assessment_years")


def used_predicate(con: duckdb.DuckDBPyConnection) -> str:
    """SQL true when observation `o` is named by an assessment year in one of vocab.USED_COLUMNS (those its
    assessment_years table has: an older warehouse lacks the year before's), NULL or false otherwise."""
    have = _year_columns(con)
    return " OR ".join(f"o.observation_id IN (SELECT {c} FROM assessment_years)"
                       for c in vocab.USED_COLUMNS if c in have) or "false"

# A reason with its particulars (quoted values, numbers, dates) blanked: the kind of reason, to count rows by.
_REASON_KIND = r"""regexp_replace(regexp_replace(reason, '\x27[^\x27]*\x27|"[^"]*"', '…', 'g'),
    '[0-9][0-9.,:eE+-]*', '#', 'g')"""
# Counted per distinct reason first, so the regular expressions run once per distinct reason, not once per row (a
# million-row file's half million quarantined rows hold about 5,000 distinct reasons).
_REJECTED_GROUPS_SQL = f"""
WITH per_reason AS (
    SELECT source_file, reason, count(*) AS n, min((row_number, location)) AS first_key,
        arg_min(location, (row_number, location)) AS first_location
    FROM rejected_rows GROUP BY ALL
)
SELECT source_file, {_REASON_KIND} AS reason_kind, CAST(sum(n) AS BIGINT) AS n, min(reason) AS example,
    arg_min(first_location, first_key) AS first_location
FROM per_reason GROUP BY ALL
ORDER BY source_file, n DESC, reason_kind
"""


def rejected_groups(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Quarantined rows counted per file and kind of reason (its particulars blanked), with an example reason and
    the first row's location: the whole quarantine at a glance, however many rows it holds."""
    return display_records(_df(con, f"{_REJECTED_GROUPS_SQL} LIMIT {LIST_LIMIT}"))


def coverage_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per target: n_own (its own series' figures), n_any, n_places, n_proxy, n_used (its own figures its years
    used: vocab.USED_OWN_COLUMNS, a growth row's year before too, as its lineage marks them; those an older
    warehouse has) and coverage."""
    have = _year_columns(con)
    own = " UNION ALL ".join(f"SELECT target_id, {c} AS o FROM assessment_years WHERE {c} IS NOT NULL"
                             for c in vocab.USED_OWN_COLUMNS if c in have)  # the year before: growth rows only
    return _df(con, _COVERAGE_SQL.format(own_used=own or "SELECT target_id, observation_id AS o FROM assessment_years"))


def coverage_table(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame, limit: int | None = None) -> list[dict]:
    """Every target (the first `limit`) with its status, how many figures it has and used, and why it has none
    (set-based)."""
    cov = coverage_counts(con)
    df = rows.merge(cov, on="target_id", how="left")
    order = {k: i for i, k in enumerate(COVERAGE_REASONS)}
    df["coverage_rank"] = df["coverage"].map(order)
    df = df.sort_values(["coverage_rank", "jurisdiction", "target_id"], kind="stable")
    out = display_records(df if limit is None else df.head(limit))
    for r in out:
        r["coverage_zh"], r["coverage_en"] = COVERAGE_REASONS.get(r["coverage"], (r["coverage"], r["coverage"]))
    return out


# --- rendering ----------------------------------------------------------------------------------------------


def _num(v: Any) -> str:
    return formatting.format_audit(display_value(v))


def _environment():
    env = page_environment()
    env.globals |= {
        "RESULT_LABELS": RESULT_LABELS, "VINTAGE_LABELS": VINTAGE_LABELS, "SCOPE_LABELS": SCOPE_LABELS,
        "LINEAGE_DIR": LINEAGE_DIR,
    }
    env.filters["num"] = _num
    env.filters["kw"] = kwargs_display
    env.filters["d"] = lambda v: "—" if display_value(v) is None else display_value(v)
    return env


class _Report:
    def __init__(self, con: duckdb.DuckDBPyConnection, data: SiteData, site: Path, lang: str,
                 this_run: dict | None) -> None:
        self.con, self.data, self.site, self.lang = con, data, site, lang
        self.env = _environment()
        self.rows = target_rows(data, formatted=False)
        tables = read_check_tables(con)
        self.checks, self.failures, self.validations = (tables[n] for n in CHECK_TABLES)
        self.files = _df(con, "SELECT * FROM report_files ORDER BY source_file")
        self.file_anchor: dict[str, str] = {}
        self.this_run = this_run
        self.large = len(data.targets) > LARGE_SITE_TARGETS  # the dashboards' large layout: no page per target
        self.common = data.page_common(lang) | {"plotly": False}

    def _render(self, template: str, path: Path, **context: Any) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.env.get_template(template).render(**(self.common | context)), encoding="utf-8")
        return path

    def validation_files(self, suites: list[dict]) -> list[Path]:
        out = []
        for s in suites:
            if s["json_file"]:
                path = self.site / s["json_file"]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(s["doc"], ensure_ascii=False, indent=1, default=str), encoding="utf-8")
                out.append(path)
        return out

    def index(self, suites: list[dict]) -> Path:
        files = files_table(self.files, self.checks, self.failures)
        self.file_anchor = {f["source_file"]: f["anchor"] for f in files}
        # The long lists stay in DuckDB: their counts are computed there and only the first LIST_LIMIT rows of
        # each are read (a 1,000,000-row file gives half a million quarantined rows and as many vintages).
        con = self.con
        con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_flagged AS {_FLAGGED_SQL}")
        flagged = display_records(_df(con, f"SELECT * FROM _tw_flagged ORDER BY rowid LIMIT {LIST_LIMIT}"))
        con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_republished AS {_REPUBLISHED_SQL}")
        revisions = display_records(_df(con, _REVISIONS_SQL.format(limit=LIST_LIMIT, republished="_tw_republished",
                                                                   used=used_predicate(con))))
        coverage = coverage_table(con, self.rows, LIST_LIMIT)  # the list shows the first LIST_LIMIT
        no_data = int((self.rows["status"] == "no_data").sum())
        rejected = display_records(_df(con, f"SELECT * FROM rejected_rows ORDER BY {_REJECTED_ORDER} "
                                            f"LIMIT {LIST_LIMIT}"))
        n_obs = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
        n_rejected = con.execute("SELECT count(*) FROM rejected_rows").fetchall()[0][0]
        n_flagged, flagged_rows = con.execute(
            "SELECT count(*), count(DISTINCT (observation_id, source_file)) FROM _tw_flagged").fetchall()[0]
        n_revisions, revised, republished = con.execute(
            "SELECT coalesce(sum(n_vintages), 0), count(*) FILTER (n_values > 1), count(*) FILTER (n_values = 1) "
            "FROM _tw_republished").fetchall()[0]
        con.execute("DROP TABLE _tw_republished")
        results = [r["result"] for s in suites for r in s["rows"]]
        summary = {
            "files": len(files), "observations": n_obs, "rejected": n_rejected, "flagged_rows": flagged_rows,
            "checks": {k: results.count(k) for k in RESULT_LABELS},
            "revised_figures": revised, "republished_figures": republished,
            "no_data": no_data,
            "targets": len(self.rows),
        }
        return self._render(
            "quality_index.html", self.site / "index.html",
            root="", page_title="数据质量报告 / Data-quality report",
            home_link="../dashboards/index.html", quality_link="index.html", dashboards_link="../dashboards/",
            run_id=self.data.run_id, code_version=self.data.code_version, summary=summary,
            runs=runs_table(con, self.this_run), files=files, suites=suites, flagged=flagged,
            file_anchor=self.file_anchor, rejected=rejected, revisions=revisions,
            rejected_groups=rejected_groups(con), rejected_file=self.rejected_file(),
            coverage=self._linked(coverage), flagged_total=n_flagged, rejected_total=n_rejected,
            revisions_total=n_revisions, coverage_total=len(self.rows), list_limit=LIST_LIMIT,
            coverage_reasons=COVERAGE_REASONS, STATUS_RANK={s.code: i for i, s in enumerate(vocab.STATUSES)},
        )

    def rejected_file(self) -> str:
        """Every quarantined row, in the order of the list, as a CSV file beside the index (written by DuckDB in
        one streamed COPY, never held in Python); returns its path relative to the index."""
        path = self.site / DATA_DIR / REJECTED_CSV
        path.parent.mkdir(parents=True, exist_ok=True)
        columns = ", ".join(REJECTED_CSV_COLUMNS)
        self.con.execute(f"COPY (SELECT {columns} FROM rejected_rows ORDER BY {_REJECTED_ORDER}) TO "
                         f"{sql_text(path)} (FORMAT csv, HEADER true)")
        return f"{DATA_DIR}/{REJECTED_CSV}"

    def _linked(self, coverage: list[dict]) -> list[dict]:
        """Each coverage row with its links: the lineage page (the target's own page, or in the large layout the one
        page with the target in its address) and the target on the dashboards (the client-side target page in the
        large layout)."""
        for c in coverage:
            tid = c["target_id"]
            where = f"j={page_name(c['jurisdiction'])}&t={urllib.parse.quote(str(tid), safe='')}"
            c["lineage_href"] = f"{LINEAGE_DIR}/view.html#{where}" if self.large else f"{LINEAGE_DIR}/{tid}.html"
            c["dashboard_href"] = f"targets/view.html#{where}" if self.large else f"targets/{tid}.html"
        return coverage

    def lineage(self) -> list[Path]:
        """The lineage data files and pages (targetwatch.render.lineage_site), after the index (it numbers the files
        they link to)."""
        return write_lineage(self.con, self.site, self.env, self.common, self.rows, self.file_anchor,
                             display_records(self.checks), self.large, figure_limit=LINEAGE_FIGURE_LIMIT)


RUNS_BEGIN, RUNS_END = "<!--tw:runs-->", "<!--/tw:runs-->"  # around the run history on the index (_quality.html)


def rewrite_runs(con: duckdb.DuckDBPyConnection, site: Path, this_run: dict | None) -> bool:
    """Write the run history of an index built by `build_quality_report` again, alone, with `this_run` as it is
    now (a run's final row, just before it publishes): the rest of the index does not depend on it. Returns False,
    changing nothing, when the index is missing or lacks the history's marks (then build the index again)."""
    index = site / "index.html"
    if not index.is_file():
        return False
    text = index.read_text(encoding="utf-8")
    start, end = text.find(RUNS_BEGIN), text.find(RUNS_END)
    if start < 0 or end < start or text.count(RUNS_BEGIN) != 1:
        return False
    _ensure_optional(con)
    section = str(_environment().get_template("_quality.html").module.runs_section(runs_table(con, this_run)))
    if not (section.startswith(RUNS_BEGIN) and section.endswith(RUNS_END)):
        return False
    index.write_text(text[:start] + section + text[end + len(RUNS_END):], encoding="utf-8")
    return True


def build_quality_report(source: duckdb.DuckDBPyConnection | SiteData, site: Path, lang: str = "zh", *,
                         run_id: str = "", code_version: str = "", this_run: dict | None = None,
                         lineage: bool = True) -> list[Path]:
    """Write the auditors' report under `site` from a warehouse connection (or a SiteData's tables); return the
    files written, index first (then the lineage pages and data files, the validation JSON files and the
    quarantine CSV).

    `this_run` (run_id, as_of, code_version, trigger, input_hashes, started_at) describes the run building the
    report. `lineage=False` writes the index and validation files only (a run writes its index again once its
    `runs` row is final). Every target's lineage is written as data, a jurisdiction per file, with one page that
    draws any target (and, up to LARGE_SITE_TARGETS targets, that page once per target, at its own address).
    """
    if isinstance(source, SiteData):
        data, con = source, warehouse_of(source)
    else:
        con = source
        data = SiteData.from_warehouse(con, run_id=run_id, code_version=code_version, pages_only=True,
                                       skip=REPORT_READS_IN_SQL + REPORT_UNREAD, only=QUALITY_REPORT_READS)
    _ensure_optional(con)
    lang = "en" if str(lang).lower().startswith("en") else "zh"
    site.mkdir(parents=True, exist_ok=True)
    copy_static(site, with_plotly=False, lineage=lineage)
    # The collector paused: the target rows and the lineage's chains and figures are millions of containers, freed
    # by reference counting; walking them took 17% of the report's CPU time nationally (targetwatch.collector).
    with collector.paused():
        report = _Report(con, data, site, lang, this_run)
        suites = validation_suites(report.checks, report.validations)
        index = report.index(suites)  # first: it numbers the files the lineage pages link to
        pages = report.lineage() if lineage else []
        return [index, *pages, *report.validation_files(suites), site / DATA_DIR / REJECTED_CSV]
