"""Lineage: every status traces back to its sentence, figures, files and checksums, with the formula filled in.

The bundled real figures for outcome targets and for the chains that stop (qualitative, no data); a SYNTHETIC
warehouse (tests/targetwatch/quality/synthetic.py, real GE suites) for one target of each kind with figures.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from targetwatch.assessment import assess
from targetwatch.catalogue import catalogue_tables
from targetwatch.config import PROJECT_DIR
from targetwatch.lineage import Lineage, as_of_assessment, trace
from targetwatch.quality.suites import CHECK_RESULT_COLUMNS
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY
from tests.targetwatch.quality import synthetic


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
    # the 2020 figure with a stated release date (科学导报, 2021-11-11, in the found figures) wins over the same
    # value in the undated NBS series
    assert (y2020["value_as_written"], y2020["source_file"], y2020["location"]) == (
        "1.2", "found-figures-2026-12.csv", "line 6")
    assert "gap = 1.16 - 2.65 = -1.49 percentage points" in chain.formula
    assert chain.formula[-1].startswith("status = missed")


def test_figures_say_how_their_indicator_was_matched(con):
    # the bundled reports name R&D intensity by the catalogue's code or name: exact matches, no fuzzy one
    chain = trace(con, "shanxi-2017-rd-intensity")
    assert {o["matched_by"] for o in chain.observations} == {"exact"}


def test_stock_target_formula_with_numbers(con):
    chain = trace(con, "shanxi-2017-high-tech-enterprises")
    assert "target value (at_least) = 1500; gap = 4155 - 1500 = 2655" in chain.formula
    assert any("first year after it in which the comparator held: 2021" in line for line in chain.formula)


def test_no_data_target_says_so(con):
    chain = trace(con, "gansu-2015-jobs-per-year")
    assert chain.formula == ["no usable figure for the indicator in this jurisdiction: status 'no_data'"]
    assert chain.formula_zh == ["本地区该指标没有可用数据：状态“无数据”"]
    assert all(not o["used"] for o in chain.observations)
    assert chain.stops_at == "figures" and "the chain stops at the figures" in chain.stop_en


def test_replay_as_of_uses_only_earlier_vintages(con, catalogue):
    # before the 2020 deadline (a pace status; after it, issue 14 gives none): only 2011-2014 were released
    replay, used = as_of_assessment(con, catalogue, "shanxi-2017-high-tech-enterprises", dt.date(2020, 6, 30))
    assert replay["status"] == "on_track" and replay["latest_year"] == 2014
    chain = trace(con, "shanxi-2017-high-tech-enterprises", replay, used)
    assert sorted(o["year"] for o in chain.observations if o["used"]) == [2011, 2012, 2014]
    assert "actual rate (compound) = (520 / 248)^(1/(2014 - 2011)) - 1 = 0.279923" in chain.formula


def test_unknown_target_lists_the_known_ones(con):
    with pytest.raises(KeyError, match=r"unknown target 'nope'; known targets: .*shanxi-2017-rd-intensity"):
        trace(con, "nope")


def _assert_complete(chain: Lineage, text: str) -> None:
    """Sentence (verbatim at its offsets, document checksum) -> figures used (as written, normalised, location,
    checksum of a listed file) -> checks on those rows -> formula ending in the status."""
    assert chain.sources and chain.stops_at is None
    for src in chain.sources:
        assert text[src["char_start"]:src["char_end"]] == src["quote"] and len(src["document_sha256"]) == 64
    files = {f["source_file"]: f for f in chain.files}
    assert chain.used and all(len(f["sha256"]) == 64 for f in files.values())
    for o in chain.used:
        assert o["value_as_written"] and o["unit_as_written"] and o["value"] is not None and o["location"]
        assert o["sha256"] == files[o["source_file"]]["sha256"] and files[o["source_file"]]["used"]
    assert {c["rows_checked"] for c in chain.checks} == {len(chain.used)}
    assert chain.formula[-1].startswith(f"status = {chain.assessment['status']}")
    assert len(chain.formula_zh) == len(chain.formula)


@pytest.fixture(scope="module")
def syn(tmp_path_factory):
    path = synthetic.build(tmp_path_factory.mktemp("lineage") / "warehouse.duckdb")
    db = duckdb.connect(str(path), read_only=True)
    yield db
    db.close()


# target, kind, figures used (file, year), other vintages (file, year, vintage), checks the used rows did not pass
@pytest.mark.parametrize(("target_id", "kind", "used", "others", "not_passed"), [
    ("syn-outcome", "outcome", [("a.csv", 2020), ("c.csv", 2021), ("c.csv", 2022)],
     [("a.csv", 2021, "superseded"), ("c.csv", 2022, "not_released")], {}),
    ("syn-sub", "sub_target", [("a.csv", 2020), ("a.csv", 2021), ("a.csv", 2022)], [],
     {"observations_valid:14": "failed", "observations_plausible:00": "warned"}),
    ("syn-coverage", "coverage", [("b.csv", 2021), ("b.csv", 2022)], [], {}),
    ("syn-floor", "policy_floor", [("b.csv", 2021), ("b.csv", 2022)], [],
     {"observations_valid:13": "failed", "observations_plausible:01": "warned"}),
])
def test_chain_is_complete_for_each_kind(syn, target_id, kind, used, others, not_passed):
    chain = trace(syn, target_id)
    assert chain.target["kind"] == kind
    _assert_complete(chain, synthetic.DOC_TEXT)
    assert [(o["source_file"], o["year"]) for o in chain.used] == used
    assert [(o["source_file"], o["year"], o["vintage"]) for o in chain.observations if not o["used"]] == others
    assert {c["expectation_id"]: c["result"] for c in chain.checks if c["result"] != "passed"} == not_passed
    assert all(c["rows_flagged"] == 1 for c in chain.checks if c["expectation_id"] in not_passed)
    flagged = {e for o in chain.used for e in o["checks_failed"]}
    assert flagged == set(not_passed)


def test_superseded_vintage_names_the_one_used(syn):
    chain = trace(syn, "syn-outcome")
    old = next(o for o in chain.observations if o["vintage"] == "superseded")
    assert (old["value_as_written"], old["used_vintage"]) == ("500", "c.csv:line 2")
    assert "latest figure: 640 in 2022 (observation c.csv:line 3, released 2023-03-01 00:00:00)" in chain.formula


@pytest.mark.parametrize("target_id", ["syn-qualitative", "gansu-2015-ecosystem"])
def test_qualitative_chain_stops_at_the_quote(syn, con, documents, target_id):
    db, text = (syn, synthetic.DOC_TEXT) if target_id.startswith("syn-") else (con, documents["gansu-2015"].text)
    chain = trace(db, target_id)
    (src,) = chain.sources
    assert text[src["char_start"]:src["char_end"]] == src["quote"]
    assert chain.stops_at == "quote" and "the chain stops at the policy sentence" in chain.stop_en
    assert "溯源止于政策原文" in chain.stop_zh
    assert chain.observations == [] and chain.files == [] and chain.checks == []
    assert chain.formula == ["qualitative goal: no number, so no calculation (status 'qualitative')"]


@pytest.mark.parametrize(("target_id", "kind"), [
    ("gansu-2015-county-return-park-coverage", "coverage"),
    ("gansu-2015-sme-procurement-share", "policy_floor"),
    ("gansu-2016-maker-spaces-enterprise-based", "sub_target"),
])
def test_bundled_targets_without_figures_stop_at_the_figures(con, documents, target_id, kind):
    """The bundled coverage, policy-floor and sub-targets have no real figure yet: the chain says so."""
    chain = trace(con, target_id)
    assert chain.target["kind"] == kind
    src = chain.sources[0]
    assert documents[src["document"]].text[src["char_start"]:src["char_end"]] == src["quote"]
    assert chain.stops_at == "figures" and chain.assessment["status"] == "no_data"
    assert "No report file gives this indicator" in chain.stop_en and chain.files == []
