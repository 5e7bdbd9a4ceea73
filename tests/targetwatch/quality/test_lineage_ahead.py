"""The lineage's series made one batch ahead on a thread (targetwatch/render/lineage_ahead.py) give the same files as
made batch after batch on the report's own connection: on the SYNTHETIC warehouse cut into one-target batches, with
source titles and references shared across batches (their numbers come from the order the batches are made in)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

import targetwatch.render.lineage_ahead as lineage_ahead
import targetwatch.render.lineage_site as lineage_site
from targetwatch.render.quality_report import build_quality_report


def test_series_come_in_the_batches_order_from_a_worker_on_its_own_cursor():
    con = duckdb.connect()
    made: list[tuple[str, bool, list[str]]] = []

    def make(c, keys):
        made.append((threading.current_thread().name, c is con, sorted(keys)))
        return sorted(keys)

    with lineage_ahead.series_ahead(con, [{"a|x"}, {"c|y", "b|y"}, set()], make) as series:
        assert [series(0), series(1), series(2)] == [["a|x"], ["b|y", "c|y"], []]
    assert made == [("lineage-series", False, ["a|x"]), ("lineage-series", False, ["b|y", "c|y"]),
                    ("lineage-series", False, [])]


def test_one_batch_is_made_on_the_callers_thread_and_connection():
    con = duckdb.connect()
    made = []
    with lineage_ahead.series_ahead(con, [{"a|x"}], lambda c, k: made.append(
            (threading.current_thread() is threading.main_thread(), c is con)) or 7) as series:
        assert series(0) == 7
    assert made == [(True, True)]


def test_an_error_while_making_a_batch_is_raised_by_its_call_and_the_worker_ends():
    def make(c, keys):
        if "bad|x" in keys:
            raise ValueError("SYNTHETIC failure")
        return len(keys)

    with pytest.raises(ValueError, match="SYNTHETIC failure"), \
            lineage_ahead.series_ahead(duckdb.connect(), [{"a|x", "b|x"}, {"bad|x"}, {"c|x"}], make) as series:
        assert series(0) == 2
        series(1)
    assert not [t for t in threading.enumerate() if t.name == "lineage-series"]


def test_the_caller_stopping_early_ends_the_worker():
    with lineage_ahead.series_ahead(duckdb.connect(), [{f"{i}|x"} for i in range(10)], lambda c, k: 1) as series:
        assert series(0) == 1
    assert not [t for t in threading.enumerate() if t.name == "lineage-series"]


@contextmanager
def _in_turn(con, wanted, make, reads=()):
    """lineage_ahead.series_ahead's result without its thread: each batch made when asked, on the report's
    connection."""
    yield lambda b: make(con, wanted[b])


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _growth_warehouse(temporary_checks: bool = False) -> duckdb.DuckDBPyConnection:
    """tests/targetwatch/test_growth_reference_pages.py's SYNTHETIC warehouse (g-p1 in p1 judged against nat, g-p2 in
    p2 against p1) with a source title per jurisdiction and references: T-nat, T-p1, T-p2 on the figures of nat, p1,
    p2; reference R, but T-nat on p2's figures. Its check tables and run history are tables of the warehouse, or
    (`temporary_checks`) left for the report to make as TEMP tables, as for a warehouse without them."""
    from targetwatch.render.quality_report import OPTIONAL_TABLES, warehouse_of
    from tests.targetwatch.test_growth_reference_pages import growth_site_data

    data = growth_site_data()
    obs = data.observations
    obs["source_title"] = "T-" + obs["jurisdiction"]
    obs["source_ref"] = obs["jurisdiction"].map(lambda j: "T-nat" if j == "p2" else "R")
    con = warehouse_of(data)
    if not temporary_checks:
        present = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        for name, ddl in OPTIONAL_TABLES.items():
            if name not in present:
                con.execute(ddl.replace("CREATE TEMP TABLE", "CREATE TABLE"))
    return con


def _report(site: Path, temporary_checks: bool = False) -> None:
    con = _growth_warehouse(temporary_checks)
    try:
        build_quality_report(con, site)
    finally:
        con.close()


def test_batches_made_ahead_are_the_files_made_in_turn(tmp_path, monkeypatch):
    """One jurisdiction per batch: p1's batch reads nat|income and p1|income, p2's p1|income and p2|income. Texts are
    numbered in the batches' order, titles before references, each by its first figure in the series' order: batch
    p1 gives T-nat 0 (nat sorts first), T-p1 1, R 2; batch p2 adds T-p2 3 (its T-nat is numbered already). With TEMP
    check tables (not seen by the worker's cursor) the series are made in turn, on the report's connection."""
    monkeypatch.setattr(lineage_site, "DATA_BATCH_TARGETS", 1)
    threads: list[tuple[str, list[str]]] = []
    real_series = lineage_site.LineageSite._series

    def spy(self, keys, con=None):
        threads.append((threading.current_thread().name, sorted(keys)))
        return real_series(self, keys, con)

    monkeypatch.setattr(lineage_site.LineageSite, "_series", spy)
    batches = [["nat|income", "p1|income"], ["p1|income", "p2|income"]]
    made = {}
    for name, temporary in (("ahead", False), ("temporary", True)):
        _report(tmp_path / name, temporary)
        made[name] = list(threads)
        threads.clear()
    monkeypatch.setattr(lineage_site, "series_ahead", _in_turn)
    _report(tmp_path / "in-turn")
    assert made["ahead"] == [("lineage-series", keys) for keys in batches]
    assert made["temporary"] == threads == [("MainThread", keys) for keys in batches]
    expected = _files(tmp_path / "in-turn")
    for name in ("ahead", "temporary"):
        got = _files(tmp_path / name)
        assert list(got) == list(expected)
        for file, data in expected.items():
            assert got[file] == data, (name, file)
    common = (tmp_path / "ahead" / "lineage" / "data" / "_common.js").read_text(encoding="utf-8")
    assert '"texts":["T-nat","T-p1","R","T-p2"]' in common
