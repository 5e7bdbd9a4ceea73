"""The malformed-input corpus (tests/hostile/corpus.py, built here, never committed): 0 crashes, 0 silent drops,
nothing from outside the folder anywhere, and memory under the bound (measured in a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import duckdb
import pytest

from targetwatch.limits import Limits
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY
from tests.hostile import corpus

# Lowered limits, so the over-limit files stay small and the corpus builds in a second.
CORPUS_LIMITS = Limits(max_file_bytes=300_000, max_unzipped_bytes=16 * 2**20, max_rows=200, max_cells_per_row=50,
                       max_chars_per_cell=4_000)
MEMORY_BOUND_MB = 1_500


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, catalogue):
    tmp = tmp_path_factory.mktemp("hostile")
    expect = corpus.build(tmp / "reports", tmp / "outside")
    warehouse = tmp / "out" / "warehouse.duckdb"
    result = ingest_folder(tmp / "reports", catalogue, as_of=TODAY, archive_dir=tmp / "out" / "archive",
                           cache_dir=tmp / "out" / "cache", warehouse=warehouse, limits=CORPUS_LIMITS)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rejected = con.execute("SELECT * FROM rejected_rows").df()
        observations = con.execute("SELECT * FROM observations").df()
    return tmp, expect, result, rejected, observations


def test_every_entry_is_accounted_for_with_the_expected_status(ingested):
    _, expect, result, _, _ = ingested
    files = result.report_files.set_index("source_file")
    assert sorted(files.index) == sorted(expect)  # no entry silently skipped, none invented
    for name, e in expect.items():
        row = files.loc[name]
        said = f"{row['error'] or ''} {row['warning'] or ''}"
        assert row["status"] == e.status, (name, row["status"], said)
        assert e.says in said, (name, said)
        if e.status in ("refused", "failed"):
            assert said.strip().startswith(name.split("/")[-1]), said  # the message names the file


def test_no_row_is_dropped_silently(ingested):
    _, _, result, rejected, observations = ingested
    files = result.report_files
    loaded = files[files["status"] == "loaded"]
    assert (loaded["rows_read"] == loaded["rows_accepted"] + loaded["rows_rejected"]
            + loaded["rows_not_yet_released"]).all()
    assert files["rows_accepted"].sum() == len(observations)
    assert files["rows_rejected"].sum() == len(rejected)
    assert rejected["reason"].str.len().gt(0).all()


def test_each_hostile_value_is_quarantined_with_its_reason(ingested):
    _, expect, _, rejected, observations = ingested
    for name, e in expect.items():
        mine = rejected[rejected["source_file"] == name]
        for content, reason in e.rows:
            hit = mine[mine["raw_content"].str.contains(content, regex=False)]
            assert len(hit) == 1 and reason in hit["reason"].iloc[0], (name, content, hit["reason"].tolist())
    huge = observations[observations["source_file"] == "huge-values.csv"].sort_values("year")
    # the largest accepted values: 999,999,999 firms and 1e15 yuan (1e7 亿元)
    assert huge[["indicator", "year", "value"]].values.tolist() == [
        ["high_tech_enterprises", 2015, 999_999_999.0], ["tech_contract_turnover", 2018, 1e15]]
    # a workbook's one unreadable cell costs its row only: the rows around it are read
    for name in ("synthetic-duration-cell.xlsx", "synthetic-overflow-cell.xlsx"):
        read = observations[observations["source_file"] == name].sort_values("year")
        assert read[["year", "value"]].values.tolist() == [[2012, 1201.0], [2014, 1401.0]], name


def test_nothing_from_outside_the_folder_reaches_out(ingested):
    tmp, _, _, _, _ = ingested
    for path in (tmp / "out").rglob("*"):
        if path.is_file():
            assert corpus.SECRET.encode() not in path.read_bytes(), path
            assert b"SYNTHETIC-OUTSIDE-SECRET" not in path.read_bytes(), path


def test_the_corpus_ingests_in_a_subprocess_under_the_memory_bound(tmp_path):
    """Peak resident memory of a whole ingest of the corpus (with the real 40 MB-inflating bomb refused by its
    central directory), measured by the kernel for the child process."""
    script = textwrap.dedent(f"""
        import datetime as dt, json, resource, sys
        from pathlib import Path
        from targetwatch.catalogue import load_catalogue
        from targetwatch.config import PROJECT_DIR
        from targetwatch.documents import load_documents
        from targetwatch.reports.ingest import ingest_folder
        from tests.hostile import corpus
        tmp = Path({str(tmp_path)!r})
        corpus.build(tmp / "reports", tmp / "outside", bomb_bytes=300 * 2**20)
        cat = load_catalogue(PROJECT_DIR / "targets.yaml", load_documents(PROJECT_DIR / "policies"))
        r = ingest_folder(tmp / "reports", cat, as_of=dt.date(2026, 11, 23), warehouse=tmp / "w.duckdb")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({{"peak_mb": peak, "statuses": r.report_files.set_index("source_file")["status"].to_dict()}}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=str(__import__("targetwatch.config", fromlist=["PROJECT_DIR"]).PROJECT_DIR))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["statuses"]["bomb.xlsx"] == "refused"
    assert report["peak_mb"] < MEMORY_BOUND_MB, report
