"""A growth target's lineage marks as used the year before's figures its first judged year's goal was computed from,
the target's own and its reference's (assessment_years.previous_observation_id / reference_previous_observation_id),
with their file, location and checksum: in `targetwatch explain` (Tracer, print_chain), in its --as-of replay
(as_of_assessment) and in the quality report (the lineage data files, the revisions list), as the dashboards do
(tests/targetwatch/test_growth_reference_pages.py).

Every figure is SYNTHETIC, written for this test; what must be marked is worked out by hand below.

Catalogue (test_growth_reference_pages._catalogue): two growth_above_reference targets on 居民收入 (`income`), plan
2021-2022:
    g-p1  p1 grows faster than the nation  (reference nat)
    g-p2  p2 grows faster than p1          (reference p1: g-p1's own series)
Figures (observation ids in the order written; file, location):
    nat  2020 100 (syn:0)  2021 110 (syn:1)  2022 121 (syn:2)                      syn-nation.csv, lines 2-4
    p1   2020  48 (syn:3, first release 2021-03-01)                                 syn-provinces.csv, line 2
    p1   2020  50 (syn:4, revised 2021-09-01)                                       syn-p1-revised.csv, line 7
    p1   2021  56 (syn:5)  2022  61 (syn:6)                                         syn-provinces.csv, lines 3-4
    p2   2020 200 (syn:7)  2021 210 (syn:8)  2022 240 (syn:9)                       syn-provinces.csv, lines 5-7
As of 2023-06-30 each year's latest release counts: p1 2020 is 50 (syn:4), not 48. 2020 has no year before it, so
the judged years are 2021 and 2022:
    g-p1 2021: goal 50 x 110 / 100 = 55 (syn:4, syn:1, syn:0), value 56 (syn:5): met
    g-p1 2022: goal 56 x 121 / 110 = 61.6 (syn:5, syn:2, syn:1), value 61 (syn:6): not met
    g-p2 2021: goal 200 x 56 / 50 = 224 (syn:7, syn:5, syn:4), value 210 (syn:8): not met
    g-p2 2022: goal 210 x 61 / 56 = 228.75 (syn:8, syn:6, syn:5), value 240 (syn:9): met
Used (each year's own and reference figures, and the year before's):
    g-p1  own syn:4 syn:5 syn:6, reference syn:0 syn:1 syn:2
    g-p2  own syn:7 syn:8 syn:9, reference syn:4 syn:5 syn:6
syn:0 (nat 2020), syn:4 (p1 2020, revised) and syn:7 (p2 2020) are read only as the year before: before the fix no
lineage marked them. p1 2020's first release syn:3 is superseded (its revision syn:4 is used), so the file
syn-p1-revised.csv is a used file of both chains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from targetwatch import vocab
from targetwatch.assessment import assess
from targetwatch.cli import print_chain
from targetwatch.lineage import Tracer, as_of_assessment
from targetwatch.render.data_files import YEAR_KEYS
from targetwatch.render.large_site import LARGE_LAYOUT_READS
from targetwatch.render.quality_report import REPORT_COLUMNS, build_quality_report, used_predicate, warehouse_of
from targetwatch.render.site_data import SiteData
from tests.conftest import observations
from tests.targetwatch.quality.test_lineage_data import data_chains
from tests.targetwatch.test_growth_reference_pages import _catalogue
from tests.targetwatch.test_growth_reference_pages import growth_site_data as _pages_data

AS_OF = dt.date(2023, 6, 30)
# (jurisdiction, indicator, year, value, release date), in observation-id order (syn:0 ... syn:9), and each one's
# file and location
FIGURES = [
    ("nat", "income", 2020, 100, "2021-03-01"), ("nat", "income", 2021, 110, "2022-03-01"),
    ("nat", "income", 2022, 121, "2023-03-01"),
    ("p1", "income", 2020, 48, "2021-03-01"), ("p1", "income", 2020, 50, "2021-09-01"),
    ("p1", "income", 2021, 56, "2022-03-01"), ("p1", "income", 2022, 61, "2023-03-01"),
    ("p2", "income", 2020, 200, "2021-03-01"), ("p2", "income", 2021, 210, "2022-03-01"),
    ("p2", "income", 2022, 240, "2023-03-01"),
]
NATION, PROVINCES, REVISED = "syn-nation.csv", "syn-provinces.csv", "syn-p1-revised.csv"
WHERE = [(NATION, "line 2"), (NATION, "line 3"), (NATION, "line 4"), (PROVINCES, "line 2"), (REVISED, "line 7"),
         (PROVINCES, "line 3"), (PROVINCES, "line 4"), (PROVINCES, "line 5"), (PROVINCES, "line 6"),
         (PROVINCES, "line 7")]
SHA = {f: hashlib.sha256(f.encode()).hexdigest() for f in (NATION, PROVINCES, REVISED)}
USED = {"g-p1": {"syn:4", "syn:5", "syn:6", "syn:0", "syn:1", "syn:2"},
        "g-p2": {"syn:7", "syn:8", "syn:9", "syn:4", "syn:5", "syn:6"}}
# every figure of each chain (own series, then the reference's) and its vintage
VINTAGES = {
    "g-p1": {"syn:3": "superseded", "syn:4": "used", "syn:5": "used", "syn:6": "used",
             "syn:0": "used", "syn:1": "used", "syn:2": "used"},
    "g-p2": {"syn:7": "used", "syn:8": "used", "syn:9": "used",
             "syn:3": "superseded", "syn:4": "used", "syn:5": "used", "syn:6": "used"},
}
# each chain's files and whether a figure used is in it
FILES = {"g-p1": [(NATION, True), (REVISED, True), (PROVINCES, True)],
         "g-p2": [(REVISED, True), (PROVINCES, True)]}


def growth_lineage_data() -> SiteData:
    """The SYNTHETIC warehouse of the module docstring, as a SiteData (the growth pages' tables, these figures)."""
    base = _pages_data()
    catalogue = _catalogue()
    obs = observations(FIGURES)
    obs["source_file"] = [f for f, _ in WHERE]
    obs["location"] = [loc for _, loc in WHERE]
    obs["sha256"] = obs["source_file"].map(SHA)
    obs["release_date"] = pd.to_datetime(obs["release_date"])
    assessments, years = assess(catalogue, obs, AS_OF)
    names = sorted(SHA)
    files = base.report_files.iloc[[0] * len(names)].reset_index(drop=True).assign(
        source_file=names, sha256=[SHA[n] for n in names], rows_read=[3, 1, 6], rows_accepted=[3, 1, 6],
        rows_rejected=[0, 0, 0])
    return replace(base, assessments=assessments, assessment_years=years, observations=obs, report_files=files)


@pytest.fixture(scope="module")
def data() -> SiteData:
    return growth_lineage_data()


def test_the_assessment_reads_the_year_before(data):
    """The hand-worked rows: goals, and which figures each year read (the revised p1 2020, syn:4)."""
    y = data.assessment_years.sort_values(["target_id", "year"])
    g1, g2 = y[y["target_id"] == "g-p1"], y[y["target_id"] == "g-p2"]
    assert g1["goal"].tolist() == pytest.approx([55, 61.6]) and g1["met"].tolist() == [True, False]
    assert g2["goal"].tolist() == pytest.approx([224, 228.75]) and g2["met"].tolist() == [False, True]
    assert g1["previous_observation_id"].tolist() == ["syn:4", "syn:5"]
    assert g1["reference_previous_observation_id"].tolist() == ["syn:0", "syn:1"]
    assert g2["previous_observation_id"].tolist() == ["syn:7", "syn:8"]
    assert g2["reference_previous_observation_id"].tolist() == ["syn:4", "syn:5"]


@pytest.mark.parametrize("tid", sorted(USED))
def test_explain_marks_the_year_before_as_used(data, tid, capsys):
    con = warehouse_of(data)
    chain = Tracer(con).trace(tid)
    assert {o["observation_id"] for o in chain.observations if o["used"]} == USED[tid]
    assert {o["observation_id"]: o["vintage"] for o in chain.observations} == VINTAGES[tid]
    assert [(f["source_file"], f["sha256"], f["used"]) for f in chain.files] == [
        (f, SHA[f], used) for f, used in FILES[tid]]
    # the printed chain: a ✓ line for every figure used, with its file and location; the files with their checksums
    print_chain(chain)
    out = capsys.readouterr().out
    ticked = sorted(line.split(" · ")[1] for line in out.splitlines() if line.startswith("  ✓ "))
    assert ticked == sorted(f"{WHERE[int(i[4:])][0]} {WHERE[int(i[4:])][1]}" for i in USED[tid])
    assert f"  {REVISED} · sha256 {SHA[REVISED]} · " in out
    # p1 2020's revision is ticked, its first release not
    p1_2020 = [line for line in out.splitlines() if " 2020: 48 " in line or " 2020: 50 " in line]
    assert [line[2] for line in p1_2020] == [" ", "✓"] and REVISED in p1_2020[1]


@pytest.mark.parametrize("tid", sorted(USED))
def test_a_replay_marks_the_year_before_as_used(data, tid):
    """explain --as-of recomputes the assessment: the figures it used include the year before's."""
    con = warehouse_of(data)
    assessment, used = as_of_assessment(con, _catalogue(), tid, AS_OF)
    assert used == USED[tid]
    chain = Tracer(con).trace(tid, assessment, used)
    assert {o["observation_id"]: o["vintage"] for o in chain.observations} == VINTAGES[tid]


@pytest.fixture(scope="module")
def report(data, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("growth-lineage") / "quality"
    build_quality_report(data, site)
    return site


@pytest.mark.parametrize("tid", sorted(USED))
def test_the_quality_reports_lineage_marks_the_year_before_as_used(report, tid):
    chain = data_chains(report)[tid]
    assert {f["observation_id"]: f["vintage"] for f in chain["figures"]} == VINTAGES[tid]
    used = {(f["observation_id"], f["source_file"], f["location"], f["sha256"]) for f in chain["figures"]
            if f["vintage"] == "used"}
    assert used == {(i, *WHERE[int(i[4:])], SHA[WHERE[int(i[4:])][0]]) for i in USED[tid]}
    assert sorted((f["source_file"], f["sha256"], f["used"]) for f in chain["file_rows"]) == sorted(
        (f, SHA[f], u) for f, u in FILES[tid])


def test_the_quality_reports_revisions_mark_the_release_used(report):
    """The revisions list: p1 2020's two releases, the revision (syn-p1-revised.csv line 7) used, 48 not."""
    html = (report / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table id="revisions-table">.*?</table>', html, re.S)
    assert table
    rows = re.findall(r'<tr class="([^"]*)">(.*?)</tr>', table[0], re.S)
    assert [(r[1].count(PROVINCES) + 2 * r[1].count(REVISED), "used" in r[0].split()) for r in rows] == [
        (1, False), (2, True)]


def test_every_view_reads_the_one_list_of_used_columns():
    """vocab.USED_COLUMNS is the list: the large layout's reads and data-file keys, the report's columns name it."""
    assert vocab.USED_COLUMNS == ("observation_id", "previous_observation_id", "reference_observation_id",
                                  "reference_previous_observation_id")
    assert set(YEAR_KEYS) - {"year"} == set(vocab.USED_COLUMNS)
    assert set(vocab.USED_COLUMNS) <= set(LARGE_LAYOUT_READS["assessment_years"])
    assert set(vocab.USED_COLUMNS) <= set(REPORT_COLUMNS["assessment_years"])
    assert set(vocab.USED_COLUMNS) <= set(pd.DataFrame(growth_lineage_data().assessment_years).columns)


def test_a_warehouse_written_before_the_year_before_was_recorded_still_traces(data):
    """Without the previous_* columns (a warehouse written before they were recorded) each year's figures are used,
    as then: g-p1's p1 2020 (syn:3, syn:4) and nat 2020 (syn:0) are not."""
    con = warehouse_of(data)
    con.execute("ALTER TABLE assessment_years DROP COLUMN previous_observation_id")
    con.execute("ALTER TABLE assessment_years DROP COLUMN reference_previous_observation_id")
    chain = Tracer(con).trace("g-p1")
    assert {o["observation_id"] for o in chain.observations if o["used"]} == {"syn:5", "syn:6", "syn:1", "syn:2"}
    assert {o["observation_id"]: o["vintage"] for o in chain.observations if not o["used"]} == {
        "syn:0": "not_used", "syn:3": "not_used", "syn:4": "not_used"}
    assert "o.observation_id IN (SELECT previous_observation_id" not in used_predicate(con)


def test_the_quality_reports_coverage_counts_the_year_before_among_the_figures_used(data):
    """The coverage table's 'Used' (n_used: the target's own figures its years used) counts a growth row's year
    before too, as the lineage ticks it: g-p1 syn:4 (p1 2020), syn:5, syn:6 = 3, g-p2 syn:7, syn:8, syn:9 = 3 (each
    year's own figure alone, before: 2). A warehouse without previous_observation_id counts each year's: 2."""
    from targetwatch.render.quality_report import coverage_counts

    con = warehouse_of(data)
    counts = coverage_counts(con).set_index("target_id")
    assert counts.loc[["g-p1", "g-p2"], "n_used"].tolist() == [3, 3]
    assert counts.loc[["g-p1", "g-p2"], "n_own"].tolist() == [4, 3]  # p1 2020 twice (first release, revision)
    con.execute("ALTER TABLE assessment_years DROP COLUMN previous_observation_id")
    assert coverage_counts(con).set_index("target_id").loc[["g-p1", "g-p2"], "n_used"].tolist() == [2, 2]
