"""The warehouse tables a site reads, read once, and the row sets derived from them that more than one page shows
(every check with its result, the revisions of each figure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from targetwatch.db_schema import columns_by_table, table_names
from targetwatch.frames import arrow_frame
from targetwatch.render.page import display_records, is_empty

# Columns no page reads, left in the warehouse (the raw text of every figure is most of the observations' bytes).
SITE_UNREAD: dict[str, tuple[str, ...]] = {"observations": ("raw_content", "char_start", "char_end")}

# Tables no page of the dashboards reads row by row: their rows are left in the warehouse (the quality report
# reads them there with SQL: counts, the first rows, and the complete list written to a data file).
SITE_UNREAD_ROWS: frozenset[str] = frozenset({"rejected_rows"})


def _series_sql(columns: dict[str, set[str]]) -> str | None:
    """The series (jurisdiction, indicator) a page can show: each target's own, its reference jurisdiction's and
    its proxy indicators' in its jurisdiction (None when the warehouse lacks the columns to tell)."""
    if not ({"jurisdiction", "indicator"} <= columns.get("targets", set())
            and {"jurisdiction", "indicator"} <= columns.get("observations", set())):
        return None
    parts = ["SELECT jurisdiction, indicator FROM targets WHERE indicator IS NOT NULL"]
    if "reference_jurisdiction" in columns["targets"]:
        parts.append("SELECT reference_jurisdiction, indicator FROM targets "
                     "WHERE indicator IS NOT NULL AND reference_jurisdiction IS NOT NULL")
    if {"code", "proxy_of"} <= columns.get("indicators", set()):
        parts.append("SELECT t.jurisdiction, i.code FROM targets t JOIN indicators i ON i.proxy_of = t.indicator")
    return " UNION ".join(parts)


# Columns of the tables a site reads; a table missing from an older warehouse reads as empty.
SITE_TABLES: dict[str, tuple[str, ...]] = {
    "targets": ("target_id", "jurisdiction", "indicator", "kind", "comparator", "name_zh", "name_en", "headline"),
    "target_sources": ("target_id", "document", "clause", "quote", "char_start", "char_end", "source_order"),
    "target_departments": ("target_id", "department", "role", "owner_type"),
    "measures": ("id", "document", "clause", "title_zh", "quote", "departments", "department_role"),
    "assessments": ("target_id", "status", "as_of"),
    "assessment_years": ("target_id", "year", "value", "observation_id", "reference_value", "metric"),
    "observations": ("observation_id", "jurisdiction", "indicator", "year", "value", "period_type", "source_file"),
    "indicators": ("code", "name_zh", "name_en", "unit", "proxy_of", "proxy_note"),
    "jurisdictions": ("code", "name_zh", "name_en"),
    "policy_documents": ("id", "title_zh", "title_en", "number", "issuer_zh", "issuer_en", "date"),
    "report_files": ("source_file", "sha256", "release_date", "release_date_basis"),
    "rejected_rows": ("source_file", "location", "reason", "raw_content"),
    "check_results": ("check_name", "severity", "expectation", "column_name", "success", "description"),
    "data_owed": ("department", "department_named", "owner_basis", "target_id", "year", "target_zh", "target_en",
                  "state", "due", "overdue"),
    "return_conflicts": ("jurisdiction", "indicator", "year", "official_value", "official_file", "returned_value",
                         "returned_file"),
    "changes": ("run_id", "previous_run_id", "kind", "target_id", "from_status", "to_status"),
    "runs": ("run_id", "outcome", "finished_at"),
}


@dataclass
class SiteData:
    """The warehouse tables a site needs, read once."""

    targets: pd.DataFrame
    target_sources: pd.DataFrame
    assessments: pd.DataFrame
    assessment_years: pd.DataFrame
    observations: pd.DataFrame
    indicators: pd.DataFrame
    jurisdictions: pd.DataFrame
    policy_documents: pd.DataFrame
    report_files: pd.DataFrame
    rejected_rows: pd.DataFrame
    check_results: pd.DataFrame
    as_of: str
    run_id: str = ""
    code_version: str = ""
    target_departments: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(SITE_TABLES["target_departments"])))
    measures: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SITE_TABLES["measures"])))
    data_owed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SITE_TABLES["data_owed"])))
    return_conflicts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(SITE_TABLES["return_conflicts"])))
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SITE_TABLES["changes"])))
    runs: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SITE_TABLES["runs"])))
    # The quarantine rows a blocking check held back (reason `held: …`), for the banner every page shows. None when
    # `rejected_rows` holds every quarantined row (then the held ones are read from there).
    held_rows: pd.DataFrame | None = None
    # Where the large layout reads its figures a batch of series at a time (targetwatch.render.site_figures): None
    # reads them from `observations`; read_site_data leaves them in the warehouse (a WarehouseFigures, whose
    # connection stays open while the site is built) and `observations` empty.
    figures: Any = None

    @classmethod
    def from_warehouse(cls, con, run_id: str = "", code_version: str = "", *, pages_only: bool = False,
                       skip: tuple[str, ...] = (), only: dict[str, tuple[str, ...]] | None = None) -> SiteData:
        """Read the tables. `pages_only` (the pipeline's dashboards and quality report) reads only what the pages
        show row by row: the figures of the series a target can show (every vintage of each), and no rejected
        rows (the quality report reads those in SQL). Without it every row is read (a SiteData that stands in
        for the warehouse: tests, `build_quality_report(SiteData)`). Tables in `skip` are read empty (a caller
        that reads them itself, in SQL). `only` reads just those columns of a table (those it has; the large
        layout's LARGE_LAYOUT_READS)."""
        present = table_names(con)
        columns = columns_by_table(con)

        def read(name: str) -> pd.DataFrame:
            if name in skip or (pages_only and name in SITE_UNREAD_ROWS):
                return con.sql(f'SELECT * FROM "{name}" LIMIT 0').df()
            unread = ", ".join(f'"{c}"' for c in SITE_UNREAD.get(name, ()) if c in columns.get(name, ()))
            sql = f'SELECT * {f"EXCLUDE ({unread})" if unread else ""} FROM "{name}"'
            if only and name in only:
                picked = ", ".join(f'"{c}"' for c in only[name] if c in columns.get(name, ()))
                sql = f'SELECT {picked} FROM "{name}"'
            series = _series_sql(columns) if pages_only and name == "observations" else None
            if series:  # the table's own order, as a plain scan reads it
                sql += f" WHERE (jurisdiction, indicator) IN (SELECT (jurisdiction, indicator) FROM ({series})) " \
                       "ORDER BY rowid"
            return arrow_frame(con, sql)

        tables = {name: read(name) if name in present else pd.DataFrame(columns=list(cols))
                  for name, cols in SITE_TABLES.items()}
        as_of = str(tables["assessments"]["as_of"].iloc[0])[:10] if len(tables["assessments"]) else ""
        held = None
        if pages_only and "rejected_rows" in present:  # the rows are left in the warehouse, but not the held ones
            from targetwatch.quality.holds import HELD_PREFIX
            held = con.execute('SELECT source_file, location, reason FROM rejected_rows WHERE starts_with(reason, $p)',
                               {"p": HELD_PREFIX}).df()
        return cls(**tables, as_of=as_of, run_id=run_id, code_version=code_version, held_rows=held)

    def page_common(self, lang: str) -> dict:
        """What every page of the dashboards and the quality report shows in its frame (base.html): the language,
        the as-of date, the synthetic files and the held files, built here once for all four renderers."""
        return {"lang": lang, "as_of": self.as_of, "synthetic_files": self.synthetic_files,
                "held_files": self.held_files}

    @property
    def held_files(self) -> list[dict]:
        """Report files whose rows a blocking check held back this run (targetwatch.quality.holds): one entry per
        file with its held row count and the checks, from the quarantine rows whose reason starts `held: `."""
        from targetwatch.quality.holds import held_files  # the reason format has one home
        return held_files(self.rejected_rows if self.held_rows is None else self.held_rows)

    @property
    def synthetic_files(self) -> list[str]:
        """Report files marked synthetic (column `synthetic` of report_files, when the warehouse has it)."""
        if "synthetic" not in self.report_files:
            return []
        flag = self.report_files["synthetic"].map(lambda v: False if is_empty(v) else bool(v))
        return sorted(self.report_files.loc[flag, "source_file"])


def check_records(check_results: pd.DataFrame) -> list[dict]:
    """Every check with its result (failed, warned, passed), failures first."""
    checks = check_results.copy()
    if not len(checks):
        return []
    ok = checks["success"].map(lambda v: bool(v) if not is_empty(v) else False)
    checks["result"] = ["passed" if s else ("failed" if sev == "error" else "warned")
                        for s, sev in zip(ok, checks["severity"], strict=True)]
    checks["result_rank"] = checks["result"].map({"failed": 0, "warned": 1, "passed": 2})
    return display_records(checks.sort_values(["result_rank", "check_name"], kind="stable"))


def observation_revisions(observations: pd.DataFrame) -> pd.DataFrame:
    """Per observation: how many different values the files and releases give for its (jurisdiction,
    indicator, year, period), and whether that figure was therefore revised (published differently)."""
    if not len(observations):
        return pd.DataFrame({"observation_id": pd.Series([], dtype=observations["observation_id"].dtype),
                             "n_values": pd.Series([], dtype="int64"), "revised": pd.Series([], dtype=bool)})
    keys = ["jurisdiction", "indicator", "year", "period_type"]
    obs = observations[["observation_id", *keys, "value"]].copy()
    obs["n_values"] = obs.groupby(keys, dropna=False)["value"].transform("nunique")
    obs["revised"] = obs["n_values"] > 1
    return obs[["observation_id", "n_values", "revised"]]
