"""Lineage: every status traces back to its sentence, figures, files and checksums, with the formula filled in."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from targetwatch.assessment import assess
from targetwatch.catalogue import catalogue_tables
from targetwatch.config import PROJECT_DIR
from targetwatch.lineage import as_of_assessment, trace
from targetwatch.quality.suites import CHECK_RESULT_COLUMNS
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def con(catalogue, documents):
    """An in-memory warehouse built by the core functions alone (no Dagster)."""
    result = ingest_folder(PROJECT_DIR / "reports", catalogue, as_of=TODAY)
    assessments, years = assess(catalogue, result.observations, TODAY)
    tables = catalogue_tables(catalogue, documents) | {
        "report_files": result.report_files, "observations": result.observations,
        "rejected_rows": result.rejected_rows, "assessments": assessments, "assessment_years": years,
        "check_results": pd.DataFrame(columns=list(CHECK_RESULT_COLUMNS))}
    db = duckdb.connect()
    for name, df in tables.items():
        db.register("_f", df)
        db.execute(f"CREATE TABLE {name} AS SELECT * FROM _f")
        db.unregister("_f")
    yield db
    db.close()


def test_relative_target_chain_is_complete(con, documents):
    chain = trace(con, "shanxi-2017-rd-intensity")
    (src,) = chain.sources
    text = documents["shanxi-2017"].text
    assert text[src["char_start"]:src["char_end"]] == src["quote"]
    assert src["document_sha256"] == documents["shanxi-2017"].sha256
    used = [o for o in chain.observations if o["used"]]
    # 2015-2023 for Shanxi and for the national reference, one vintage each: 9 + 9 rows used
    assert len(used) == 18
    assert {o["source_file"] for o in used} <= {f["source_file"] for f in chain.files}
    assert all(len(f["sha256"]) == 64 for f in chain.files)
    y2020 = next(o for o in used if o["year"] == 2020 and o["own_series"])
    assert (y2020["value_as_written"], y2020["location"]) == ("1.2", "line 55")
    assert "gap = 1.16 - 2.65 = -1.49 percentage points" in chain.formula
    assert chain.formula[-1].startswith("status = missed")


def test_stock_target_formula_with_numbers(con):
    chain = trace(con, "shanxi-2017-high-tech-enterprises")
    assert "target value (at_least) = 1500; gap = 4155 - 1500 = 2655" in chain.formula
    assert any("first year after it in which the comparator held: 2021" in line for line in chain.formula)


def test_no_data_target_says_so(con):
    chain = trace(con, "gansu-2015-jobs-per-year")
    assert chain.formula == ["no usable figure for the indicator in this jurisdiction: status 'no_data'"]
    assert all(not o["used"] for o in chain.observations)


def test_replay_as_of_uses_only_earlier_vintages(con, catalogue):
    replay, used = as_of_assessment(con, catalogue, "shanxi-2017-high-tech-enterprises", dt.date(2021, 6, 30))
    assert replay["status"] == "on_track" and replay["latest_year"] == 2014
    chain = trace(con, "shanxi-2017-high-tech-enterprises", replay, used)
    assert sorted(o["year"] for o in chain.observations if o["used"]) == [2011, 2012, 2014]
    assert "actual rate (compound) = (520 / 248)^(1/(2014 - 2011)) - 1 = 0.279923" in chain.formula


def test_unknown_target_lists_the_known_ones(con):
    with pytest.raises(KeyError, match=r"unknown target 'nope'; known targets: .*shanxi-2017-rd-intensity"):
        trace(con, "nope")
