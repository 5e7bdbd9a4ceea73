"""The hold decision (issue 15 item 5) on the SYNTHETIC warehouse of synthetic.py, with hand-computed rows.

In that warehouse two rows fail the blocking suite: a.csv line 5 (jobs 2021 = -5 persons, observations_valid:14,
"not negative") and b.csv line 2 (share 2021 = 150 %, observations_valid:13, "within -100..100"). Held, they leave
observations (12 -> 10 rows), join the quarantine with the check and expectation as their reason, and move from
accepted to rejected in their file's counts: a.csv 5/0 -> 4/1, b.csv 4/1 -> 3/2 (rows_read 5 each, unchanged).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from targetwatch.quality.holds import held_files, held_row_count, hold_failing_rows, unresolved_blocking_failures
from targetwatch.quality.suites import OBSERVATIONS_VALID
from targetwatch.warehouse import BuildIncomplete, verify_build

BETWEEN = "observations_valid / expect_column_values_to_be_between(value)"


@pytest.fixture
def con(synthetic_warehouse, tmp_path):
    path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(synthetic_warehouse, path)
    c = duckdb.connect(str(path))
    yield c
    c.close()


def _counts(con) -> dict:
    return {f: (r, a, j) for f, r, a, j in con.execute(
        "SELECT source_file, rows_read, rows_accepted, rows_rejected FROM report_files ORDER BY 1").fetchall()}


def test_the_failing_rows_of_each_file_are_held_and_the_rest_stays(con):
    assert unresolved_blocking_failures(con) == 2
    holds = hold_failing_rows(con, OBSERVATIONS_VALID)
    assert holds.refused is None
    assert holds.rows == 2
    assert holds.files.to_dict("records") == [{"source_file": "a.csv", "rows": 1, "checks": BETWEEN},
                                              {"source_file": "b.csv", "rows": 1, "checks": BETWEEN}]
    assert con.execute("SELECT count(*) FROM observations").fetchall()[0][0] == 10
    assert con.execute("SELECT count(*) FROM observations WHERE observation_id IN ('a.csv:line 5', 'b.csv:line 2')"
                       ).fetchall()[0][0] == 0
    held = con.execute("SELECT source_file, row_number, location, raw_content, reason FROM rejected_rows "
                       "WHERE reason LIKE 'held:%' ORDER BY source_file").fetchall()
    assert held == [("a.csv", 5, "line 5", "xx,jobs,2021,-5,人", f"held: {BETWEEN}"),
                    ("b.csv", 2, "line 2", "xx,share,2021,150,%", f"held: {BETWEEN}")]
    # nothing silently dropped: every file's rows still add up, and match the two tables
    assert _counts(con) == {"a.csv": (5, 4, 1), "b.csv": (5, 3, 2), "c.csv": (3, 3, 0), "d.csv": (0, 0, 0)}
    per_file = dict(con.execute("SELECT source_file, count(*) FROM observations GROUP BY 1").fetchall())
    assert per_file == {"a.csv": 4, "b.csv": 3, "c.csv": 3}
    assert con.execute("SELECT warning FROM report_files WHERE source_file = 'a.csv'").fetchall()[0][0] == (
        f"1 row(s) held back by the blocking check ({BETWEEN}): quarantined in rejected_rows, the rest published")
    assert unresolved_blocking_failures(con) == 0
    assert held_row_count(con) == 2
    rejected = con.execute("SELECT * FROM rejected_rows").df()
    assert held_files(rejected) == [{"file": "a.csv", "rows": 1, "checks": [BETWEEN]},
                                    {"file": "b.csv", "rows": 1, "checks": [BETWEEN]}]


def test_a_row_failing_two_expectations_is_held_once_naming_both(con):
    con.execute("INSERT INTO check_failures (check_name, expectation_id, observation_id, source_file) "
                "VALUES ('observations_valid', 'observations_valid:09', 'a.csv:line 5', 'a.csv')")
    con.execute("UPDATE check_results SET success = false WHERE expectation_id = 'observations_valid:09'")
    expectation = con.execute("SELECT expectation, column_name FROM check_results "
                              "WHERE expectation_id = 'observations_valid:09'").fetchall()[0]
    holds = hold_failing_rows(con, OBSERVATIONS_VALID)
    assert holds.rows == 2
    reason = con.execute("SELECT reason FROM rejected_rows WHERE source_file = 'a.csv' AND row_number = 5"
                         ).fetchall()
    other = f"observations_valid / {expectation[0]}({expectation[1]})"
    assert reason == [("held: " + "; ".join(sorted([BETWEEN, other])),)]


@pytest.mark.parametrize(("change", "why"), [
    # an expectation on the whole table is not any file's fault
    ("UPDATE check_results SET scope = 'table' WHERE expectation_id = 'observations_valid:13'",
     "a property of the whole table"),
    # colliding observation ids: the warehouse's own key, not one file's fault
    ("UPDATE check_results SET success = false WHERE expectation = 'expect_column_values_to_be_unique'",
     "the warehouse's own key"),
    # a failing row GE could not name (no observation id)
    ("UPDATE check_failures SET observation_id = NULL WHERE expectation_id = 'observations_valid:14'",
     "no observation id or file"),
    # a failed expectation without any failing row
    ("DELETE FROM check_failures WHERE expectation_id = 'observations_valid:13'", "names no failing row"),
    # every observation but the two failing ones gone: holding them would leave nothing to assess
    ("DELETE FROM observations WHERE observation_id NOT IN ('a.csv:line 5', 'b.csv:line 2')",
     "every observation (2) failed"),
])
def test_a_failure_of_the_warehouse_itself_holds_nothing(con, change, why):
    con.execute(change)
    before = (con.execute("SELECT count(*) FROM observations").fetchall(), _counts(con),
              con.execute("SELECT count(*) FROM rejected_rows").fetchall())
    holds = hold_failing_rows(con, OBSERVATIONS_VALID)
    assert holds.refused is not None and why in holds.refused
    assert holds.rows == 0
    after = (con.execute("SELECT count(*) FROM observations").fetchall(), _counts(con),
             con.execute("SELECT count(*) FROM rejected_rows").fetchall())
    assert after == before
    assert unresolved_blocking_failures(con) >= 1


def test_nothing_failed_nothing_held(con):
    con.execute("UPDATE check_results SET success = true")
    holds = hold_failing_rows(con, OBSERVATIONS_VALID)
    assert (holds.refused, holds.rows) == (None, 0)
    assert con.execute("SELECT count(*) FROM observations").fetchall()[0][0] == 12


def test_a_build_with_held_rows_passes_the_blocking_gate_and_one_with_unheld_failures_does_not(con, tmp_path):
    build = tmp_path / "build"
    for name in ("dashboards", "quality"):
        (build / "site" / name).mkdir(parents=True)
        (build / "site" / name / "index.html").write_text("<html></html>", encoding="utf-8")
    con.execute("CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR)")
    con.execute("CHECKPOINT")
    source = tmp_path / "warehouse.duckdb"  # the fixture's copy
    shutil.copyfile(source, build / "warehouse.duckdb")
    with pytest.raises(BuildIncomplete, match="2 blocking check"):
        verify_build(build)
    hold_failing_rows(con, OBSERVATIONS_VALID)
    con.execute("CHECKPOINT")
    shutil.copyfile(source, build / "warehouse.duckdb")
    verify_build(build)  # complete, and every failing blocking row was held back
