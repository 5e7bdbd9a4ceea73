"""Check results per report file: which checks each file passed, warned on and failed (hand-computed)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from targetwatch.quality.results import (
    file_check_counts,
    file_check_results,
    read_check_tables,
    store_check_results,
)
from targetwatch.quality.suites import CHECK_RESULT_COLUMNS, SuiteOutcome

# Three expectations: E1 on rows (error), E2 on rows (warning), E3 on the whole table (warning, failed).
CHECKS = pd.DataFrame({
    "check_name": ["valid", "plausible", "plausible"], "expectation_id": ["valid:00", "plausible:00", "plausible:01"],
    "severity": ["error", "warning", "warning"], "expectation": ["e1", "e2", "e3"], "column_name": ["v", "v", "i"],
    "success": [False, False, False], "scope": ["rows", "rows", "table"],
})
# Failing rows: f1 fails E1 twice and E2 once (o2 fails both); f2 fails E2 once; one failure names no file.
FAILURES = pd.DataFrame({
    "check_name": ["valid", "valid", "plausible", "plausible", "valid"],
    "expectation_id": ["valid:00", "valid:00", "plausible:00", "plausible:00", "valid:00"],
    "observation_id": ["o1", "o2", "o2", "o3", "o9"],
    "source_file": ["f1", "f1", "f1", "f2", None],
    "unexpected_value": ["-1", "-2", "9", "9", "-3"],
})
FILES = pd.DataFrame({"source_file": ["f1", "f2", "f3", "f4"], "rows_accepted": [3, 2, 1, 0]})


@pytest.mark.parametrize(("source_file", "expectation_id", "n_failing", "result"), [
    ("f1", "plausible:00", 1, "warned"),
    ("f1", "valid:00", 2, "failed"),
    ("f2", "plausible:00", 1, "warned"),
    ("f2", "valid:00", 0, "passed"),
    ("f3", "plausible:00", 0, "passed"),
    ("f3", "valid:00", 0, "passed"),
])
def test_file_check_results(source_file, expectation_id, n_failing, result):
    grid = file_check_results(FILES, CHECKS, FAILURES)
    row = grid[(grid["source_file"] == source_file) & (grid["expectation_id"] == expectation_id)]
    assert (int(row["n_failing"].iloc[0]), row["result"].iloc[0]) == (n_failing, result)


def test_file_check_results_leave_out_table_checks_and_files_without_rows():
    grid = file_check_results(FILES, CHECKS, FAILURES)
    assert len(grid) == 3 * 2  # f1..f3 x the two row-level expectations
    assert "plausible:01" not in set(grid["expectation_id"]) and "f4" not in set(grid["source_file"])


@pytest.mark.parametrize(("source_file", "passed", "warned", "failed", "rows_flagged"), [
    ("f1", 0, 1, 1, 2),
    ("f2", 1, 1, 0, 1),
    ("f3", 2, 0, 0, 0),
    ("f4", None, None, None, None),  # no accepted rows: nothing was checked
])
def test_file_check_counts(source_file, passed, warned, failed, rows_flagged):
    counts = file_check_counts(FILES, CHECKS, FAILURES).set_index("source_file")
    got = [None if pd.isna(v) else int(v) for v in
           counts.loc[source_file, ["checks_passed", "checks_warned", "checks_failed", "rows_flagged"]]]
    assert got == [passed, warned, failed, rows_flagged]


def test_file_check_counts_keep_every_file_in_order():
    assert file_check_counts(FILES, CHECKS, FAILURES)["source_file"].tolist() == ["f1", "f2", "f3", "f4"]


def test_counts_without_any_failure():
    counts = file_check_counts(FILES, CHECKS, FAILURES.iloc[0:0])
    assert counts["checks_passed"].tolist()[:3] == [2, 2, 2] and counts["rows_flagged"].tolist()[:3] == [0, 0, 0]


# --- the same, from Great Expectations itself on the SYNTHETIC warehouse (see synthetic.py) --------------------


def test_ge_names_every_failing_row_with_its_file(synthetic_con):
    failures = synthetic_con.execute(
        "SELECT expectation_id, observation_id, source_file, unexpected_value FROM check_failures "
        "ORDER BY expectation_id").fetchall()
    assert failures == [
        ("observations_plausible:00", "a.csv:line 5", "a.csv", "-5e-05"),  # -5 after 100000: the ratio is flagged
        ("observations_plausible:01", "b.csv:line 3", "b.csv", "low"),
        ("observations_valid:13", "b.csv:line 2", "b.csv", "150.0"),
        ("observations_valid:14", "a.csv:line 5", "a.csv", "-5.0"),
    ]
    scopes = dict(synthetic_con.execute("SELECT expectation_id, scope FROM check_results").fetchall())
    assert len(scopes) == 21 and [k for k, v in scopes.items() if v == "table"] == []  # coverage: the report's table


@pytest.mark.parametrize(("source_file", "passed", "warned", "failed", "rows_flagged"), [
    ("a.csv", 19, 1, 1, 1),  # 21 expectations, the last (a data-call return against the official figure) passes
    ("b.csv", 19, 1, 1, 2),
    ("c.csv", 21, 0, 0, 0),
    ("d.csv", None, None, None, None),
])
def test_ge_counts_per_file(synthetic_con, source_file, passed, warned, failed, rows_flagged):
    tables = read_check_tables(synthetic_con)
    files = synthetic_con.execute("SELECT * FROM report_files").df()
    counts = file_check_counts(files, tables["check_results"], tables["check_failures"]).set_index("source_file")
    got = [None if pd.isna(v) else int(v) for v in
           counts.loc[source_file, ["checks_passed", "checks_warned", "checks_failed", "rows_flagged"]]]
    assert got == [passed, warned, failed, rows_flagged]


def test_validation_json_is_stored_without_the_full_row_lists(synthetic_con):
    import json

    rows = synthetic_con.execute("SELECT check_name, evaluated, unsuccessful, validation_json FROM check_validations "
                                 "ORDER BY check_name").fetchall()
    assert [(n, e, u) for n, e, u, _ in rows] == [("observations_plausible", 4, 2), ("observations_valid", 17, 2)]
    doc = json.loads(rows[1][3])
    assert doc["suite_name"] == "observations_valid" and len(doc["results"]) == 17
    assert all("unexpected_index_list" not in (r["result"] or {}) for r in doc["results"])
    ids = sorted(r["expectation_config"]["meta"]["expectation_id"] for r in doc["results"])
    assert ids == [f"observations_valid:{i:02d}" for i in range(17)]


def _outcome(name: str, success: bool) -> SuiteOutcome:
    results = pd.DataFrame([{c: None for c in CHECK_RESULT_COLUMNS} | {
        "check_name": name, "suite": name, "severity": "error", "expectation": "e", "success": success,
        "expectation_id": f"{name}:00", "scope": "rows", "checked_at": pd.Timestamp("2026-01-01")}])
    failures = pd.DataFrame({"check_name": [name], "expectation_id": [f"{name}:00"], "observation_id": ["o1"],
                             "source_file": ["f1"], "unexpected_value": ["x"]})
    return SuiteOutcome(name=name, severity="error", success=success, results=results,
                        failures=failures if not success else failures.iloc[0:0],
                        validation={"suite_name": name, "statistics": {"evaluated_expectations": 1}})


def test_store_replaces_only_its_own_suite(tmp_path):
    path = tmp_path / "w.duckdb"
    store_check_results(path, _outcome("one", False))
    store_check_results(path, _outcome("two", False))
    store_check_results(path, _outcome("one", True))  # a re-run of one suite
    with duckdb.connect(str(path)) as con:
        assert con.execute("SELECT check_name, success FROM check_results ORDER BY 1").fetchall() == [
            ("one", True), ("two", False)]
        assert con.execute("SELECT check_name FROM check_failures").fetchall() == [("two",)]
        assert con.execute("SELECT check_name, evaluated FROM check_validations ORDER BY 1").fetchall() == [
            ("one", 1), ("two", 1)]


def test_store_adds_the_columns_an_older_build_lacks(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE check_results (check_name VARCHAR, severity VARCHAR, success BOOLEAN)")
    store_check_results(path, _outcome("one", False))
    with duckdb.connect(str(path)) as con:
        assert con.execute("SELECT expectation_id, scope FROM check_results").fetchall() == [("one:00", "rows")]


def test_failure_summary_names_the_files_and_counts_their_rows():
    from targetwatch.quality.results import failure_summary

    results = pd.DataFrame({"success": [True, False, False],
                            "description": ["year is plausible", "observation ids are unique", "unit is a base unit"]})
    failures = pd.DataFrame({"observation_id": ["a", "b", "b", "c"],
                             "source_file": ["copy.txt", "copy.txt", "copy.txt", "yearbook.xlsx"]})
    assert failure_summary(results, failures) == (
        "2 expectation(s) failed (observation ids are unique; unit is a base unit) in copy.txt (2 rows), "
        "yearbook.xlsx (1 row); every failing row is in check_failures and the quality report")
    assert failure_summary(results, failures, most_files=1).count("and 1 more file(s)") == 1


def test_two_files_of_one_release_that_disagree_are_flagged_with_both_files():
    """SYNTHETIC: c.csv also states a.csv's 2021 figure for things (500), with the same release date, as 505.
    The plausibility suite names both rows and both files; a later release (a revision) is not a conflict."""
    from targetwatch.quality.suites import OBSERVATIONS_PLAUSIBLE, run_suite
    from tests.targetwatch.quality import synthetic

    obs = synthetic.observations()
    a2021 = obs[(obs["source_file"] == "a.csv") & (obs["indicator"] == "things") & (obs["year"] == 2021)]
    assert len(a2021) == 1
    clash = a2021.assign(observation_id="c.csv:line 9", source_file="c.csv", value=505.0, row_number=9,
                         location="line 9")
    outcome = run_suite(OBSERVATIONS_PLAUSIBLE, pd.concat([obs, clash], ignore_index=True), synthetic.catalogue(),
                        synthetic.AS_OF)
    check = outcome.results.set_index("expectation_id").loc["observations_plausible:02"]
    assert not check["success"] and check["unexpected_count"] == 2
    flagged = outcome.failures[outcome.failures["expectation_id"] == "observations_plausible:02"]
    assert sorted(zip(flagged["observation_id"], flagged["source_file"], strict=True)) == [
        ("a.csv:line 3", "a.csv"), ("c.csv:line 9", "c.csv")]


@pytest.mark.parametrize("suite", ["observations_valid", "observations_plausible"])
def test_the_suites_read_only_suite_columns(suite):
    """The pipeline reads SUITE_COLUMNS from the warehouse, not every column: the outcome must not change."""
    from targetwatch.quality.suites import SUITE_COLUMNS, run_suite
    from tests.targetwatch.quality import synthetic

    obs = synthetic.observations()
    assert set(SUITE_COLUMNS) < set(obs.columns)  # the fixture has more columns than the suites read
    full = run_suite(suite, obs, synthetic.catalogue(), synthetic.AS_OF)
    pruned = run_suite(suite, obs[list(SUITE_COLUMNS)], synthetic.catalogue(), synthetic.AS_OF)
    keep = ["expectation_id", "success", "unexpected_count", "observed_value"]
    pd.testing.assert_frame_equal(full.results[keep], pruned.results[keep])
    pd.testing.assert_frame_equal(full.failures, pruned.failures)
