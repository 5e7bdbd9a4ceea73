"""Holds: the rows of a report file that failed the blocking check, held back so the rest publishes.

When `observations_valid` (severity error) fails on rows that belong to report files, those rows are moved from
`observations` to the quarantine (`rejected_rows`) with a reason naming the check and the expectation, e.g.
`held: observations_valid / expect_column_values_to_be_between(value)`, and the run goes on with the rest. The
decision is set-wise in SQL over `check_failures`, which names each failing row by observation id and file.

A blocking failure that no file's rows explain (an expectation on the whole table, one on the warehouse's own key such
as colliding observation ids, or a failing row without an observation id or file) means the warehouse itself is
invalid: nothing is held and the run fails, as does a
failure that would hold back every observation (nothing would be left to assess; the previous publication stays).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from targetwatch.quality.suites import WAREHOUSE_KEY_EXPECTATIONS

HELD_PREFIX = "held: "  # the quarantine reason of a held row starts with this (and names check / expectation)
# The quarantine's columns a held row fills (the others of rejected_rows stay null).
QUARANTINE_COLUMNS: tuple[str, ...] = ("source_file", "sha256", "sheet", "row_number", "location", "raw_content",
                                       "reason")


@dataclass
class Holds:
    """What the hold decision did for one check: the rows held per file, or why nothing could be held."""

    check_name: str
    files: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["source_file", "rows", "checks"]))
    refused: str | None = None  # the failure is the warehouse's own: nothing was held and the run must fail

    @property
    def rows(self) -> int:
        return int(self.files["rows"].sum()) if len(self.files) else 0

    def summary(self, most_files: int = 5) -> str:
        """One line for an operator: which files' rows were held, how many, by which expectations."""
        shown = [f"{r.source_file} ({r.rows} row{'s' if r.rows != 1 else ''}: {r.checks})"
                 for r in self.files.head(most_files).itertuples()]
        more = f" and {len(self.files) - most_files} more file(s)" if len(self.files) > most_files else ""
        return (f"{self.rows} row(s) held back from the assessment and quarantined in rejected_rows: "
                f"{', '.join(shown)}{more}; the rest was checked and is published")


# The expectations of `check` that failed with severity error (the blocking ones), and the failing rows they name.
_FAILED = """
CREATE OR REPLACE TEMP TABLE _tw_failed AS
SELECT expectation_id, expectation, column_name, scope,
       $check || ' / ' || expectation || '(' || coalesce(column_name, '') || ')' AS label
FROM check_results WHERE check_name = $check AND severity = 'error' AND NOT success
"""


def _key(alias: str) -> str:
    """The warehouse's key expectations (suites.WAREHOUSE_KEY_EXPECTATIONS) as a condition on check_results rows."""
    return " OR ".join(f"({alias}.expectation = '{e}' AND {alias}.column_name = '{c}')"
                       for e, c in WAREHOUSE_KEY_EXPECTATIONS) or "false"
# A failing blocking expectation no file's rows explain: it is on the whole table, it names no row, or a row it names
# lacks its id or file or is not (or no longer) an observation.
_UNATTRIBUTABLE = """
SELECT f.label, CASE
    WHEN f.scope IS DISTINCT FROM 'rows' THEN 'it is a property of the whole table, not of rows'
    WHEN f.key THEN 'it is the warehouse''s own key (observation ids collide)'
    WHEN NOT EXISTS (SELECT 1 FROM check_failures c WHERE c.expectation_id = f.expectation_id)
        THEN 'it names no failing row'
    ELSE 'some failing rows have no observation id or file'
    END AS why
FROM (SELECT *, {key} AS key FROM _tw_failed t) f
WHERE f.scope IS DISTINCT FROM 'rows' OR f.key
   OR NOT EXISTS (SELECT 1 FROM check_failures c WHERE c.expectation_id = f.expectation_id)
   OR EXISTS (SELECT 1 FROM check_failures c WHERE c.expectation_id = f.expectation_id
              AND (c.observation_id IS NULL OR c.source_file IS NULL))
ORDER BY f.expectation_id
"""
# Every observation a failing blocking expectation names, with the reason naming each expectation it failed.
_HOLD = """
CREATE OR REPLACE TEMP TABLE _tw_hold AS
SELECT c.observation_id, c.source_file,
       $prefix || string_agg(DISTINCT f.label, '; ' ORDER BY f.label) AS reason
FROM check_failures c JOIN _tw_failed f USING (expectation_id)
WHERE c.check_name = $check
GROUP BY ALL
"""
_HELD_ROWS = """
CREATE OR REPLACE TEMP TABLE _tw_held_rows AS
SELECT o.rowid AS obs_rowid, o.observation_id, o.source_file, o.sha256, o.sheet, o.row_number, o.location,
       o.raw_content, h.reason
FROM observations o
JOIN _tw_hold h ON h.observation_id = o.observation_id AND h.source_file = o.source_file
"""


def hold_failing_rows(con: duckdb.DuckDBPyConnection, check_name: str) -> Holds:
    """Hold back the observations that failed the blocking check `check_name`, set-wise, in one transaction.

    Reads the check's rows of `check_results` and `check_failures` (already stored). When every failing blocking
    expectation is on rows that name their observation and file, those observations move to `rejected_rows`
    (reason `held: <check> / <expectation>(<column>)`, one part per expectation the row failed) and the
    `report_files` counts follow (accepted -> rejected, so every file's rows still add up). Nothing moves, and
    `refused` says why, when a failure is not attributable to rows (see the module docstring) or when it would
    hold back every observation.
    """
    con.execute("BEGIN")
    try:
        holds = _hold(con, check_name)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("ROLLBACK" if holds.refused else "COMMIT")
    return holds


def _hold(con: duckdb.DuckDBPyConnection, check_name: str) -> Holds:
    con.execute(_FAILED, {"check": check_name})
    unattributable = con.execute(_UNATTRIBUTABLE.format(key=_key("t"))).fetchall()
    if unattributable:
        why = "; ".join(f"{label}: {reason}" for label, reason in unattributable)
        return Holds(check_name, refused=f"the failure is not attributable to a report file's rows ({why}): "
                                         "the warehouse itself is invalid and nothing was held")
    con.execute(_HOLD, {"check": check_name, "prefix": HELD_PREFIX})
    con.execute(_HELD_ROWS)
    held, total = con.execute(
        "SELECT (SELECT count(*) FROM _tw_held_rows), (SELECT count(*) FROM observations)").fetchall()[0]
    named = con.execute("SELECT count(*) FROM _tw_hold h WHERE NOT EXISTS (SELECT 1 FROM _tw_held_rows r "
                        "WHERE r.observation_id = h.observation_id AND r.source_file = h.source_file)"
                        ).fetchall()[0][0]
    if named:
        return Holds(check_name, refused=f"{named} failing row(s) name an observation that is not in observations: "
                                         "the warehouse itself is invalid and nothing was held")
    if held == 0:
        return Holds(check_name)
    if held == total:
        return Holds(check_name, refused=f"every observation ({total}) failed the blocking check: holding them all "
                                         "would publish no figures, so the run fails and the previous publication "
                                         "stays")
    cols = ", ".join(QUARANTINE_COLUMNS)
    con.execute(f"INSERT INTO rejected_rows ({cols}) SELECT {cols} FROM _tw_held_rows "
                "ORDER BY source_file, row_number, location")
    con.execute("DELETE FROM observations WHERE rowid IN (SELECT obs_rowid FROM _tw_held_rows)")
    files = con.execute("""
        SELECT source_file, count(*) AS rows,
               string_agg(DISTINCT replace(reason, $prefix, ''), '; ' ORDER BY replace(reason, $prefix, '')) AS checks
        FROM _tw_held_rows GROUP BY source_file ORDER BY source_file""", {"prefix": HELD_PREFIX}).df()
    con.register("_tw_held_files", files)
    con.execute("ALTER TABLE report_files ADD COLUMN IF NOT EXISTS warning VARCHAR")  # an older build area lacks it
    con.execute("""
        UPDATE report_files SET rows_accepted = rows_accepted - h.rows, rows_rejected = rows_rejected + h.rows,
            warning = concat_ws('; ', warning, h.rows || ' row(s) held back by the blocking check (' || h.checks
                                || '): quarantined in rejected_rows, the rest published')
        FROM _tw_held_files h WHERE report_files.source_file = h.source_file""")
    con.unregister("_tw_held_files")
    return Holds(check_name, files=files.astype({"rows": "int64"}))


def unresolved_blocking_failures(con: duckdb.DuckDBPyConnection) -> int:
    """How many failing blocking expectations are not resolved by holds: on the whole table, naming no row, or with
    a failing row still among the observations. A build with any is not published (targetwatch.warehouse)."""
    return con.execute("""
        SELECT count(*) FROM check_results r
        WHERE r.severity = 'error' AND NOT r.success
          AND (r.scope IS DISTINCT FROM 'rows' OR {key}
               OR NOT EXISTS (SELECT 1 FROM check_failures c WHERE c.expectation_id = r.expectation_id)
               OR EXISTS (SELECT 1 FROM check_failures c WHERE c.expectation_id = r.expectation_id
                          AND (c.observation_id IS NULL OR c.source_file IS NULL))
               OR EXISTS (SELECT 1 FROM check_failures c JOIN observations o
                          ON o.observation_id = c.observation_id AND o.source_file = c.source_file
                          WHERE c.expectation_id = r.expectation_id))""".format(key=_key("r"))).fetchall()[0][0]


def held_row_count(con: duckdb.DuckDBPyConnection) -> int:
    """How many quarantined rows were held back by a check (their reason starts `held: `)."""
    return con.execute("SELECT count(*) FROM rejected_rows WHERE starts_with(reason, $p)",
                       {"p": HELD_PREFIX}).fetchall()[0][0]


def held_files(rejected_rows: pd.DataFrame) -> list[dict]:
    """Per report file with held rows: `file`, `rows` (held rows) and `checks` (the distinct `check / expectation`
    named in their reasons), sorted by file; [] when nothing is held."""
    if not len(rejected_rows) or "reason" not in rejected_rows:
        return []
    reason = rejected_rows["reason"].astype("string")
    held = rejected_rows.loc[reason.str.startswith(HELD_PREFIX).fillna(False), ["source_file", "reason"]]
    if not len(held):
        return []
    parts = (held.assign(check=held["reason"].str.removeprefix(HELD_PREFIX).str.split("; "))
             .explode("check"))
    checks = parts.groupby("source_file")["check"].agg(lambda s: sorted(set(s)))
    rows = held.groupby("source_file").size()
    return [{"file": f, "rows": int(rows[f]), "checks": checks[f]} for f in sorted(rows.index)]
