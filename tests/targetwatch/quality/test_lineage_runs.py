"""The lineage's per-target aggregates cut from the chain table's runs (targetwatch.render.lineage_runs) equal the
ordered aggregates DuckDB computed before (string_agg / list with ORDER BY), on a hand-made chain table with the
awkward cases and on the SYNTHETIC warehouse's chains."""

from __future__ import annotations

import json

import duckdb
import pandas as pd

from targetwatch.db_schema import columns_by_table
from targetwatch.lineage import EVERY_TARGET, figures_sql
from targetwatch.render.lineage_runs import CHAIN_ORDER, VINTAGE_CODES, per_target
from targetwatch.render.lineage_site import SERIES_ORDER
from targetwatch.render.page import Encoded

# The aggregates as lineage_site computed them before (ordered aggregates), the reference for per_target.
_ORDERED = """
WITH per AS (
    SELECT target_id, count(*) AS n_figures, bool_or(used) AS any_used,
        string_agg({code}, '' ORDER BY {order}) FILTER (WHERE own_series) AS v,
        string_agg({code}, '' ORDER BY {order}) FILTER (WHERE NOT own_series) AS rv,
        any_value(jurisdiction || '|' || indicator) FILTER (WHERE own_series) AS own,
        any_value(jurisdiction || '|' || indicator) FILTER (WHERE NOT own_series) AS ref
    FROM _tw_chain GROUP BY target_id),
files AS (
    SELECT g.target_id, list(f.k ORDER BY g.source_file) AS file_k, list(g.used ORDER BY g.source_file) AS file_used
    FROM (SELECT target_id, source_file, coalesce(bool_or(used), false) AS used FROM _tw_chain
          GROUP BY target_id, source_file) g
    JOIN _tw_files f ON f.source_file = g.source_file GROUP BY g.target_id)
SELECT per.*, files.file_k, files.file_used FROM per LEFT JOIN files USING (target_id)"""


def _ordered(con: duckdb.DuckDBPyConnection, file_index: dict[str, int]) -> dict[str, dict]:
    code = "CASE vintage " + " ".join(f"WHEN '{v}' THEN '{c}'" for v, c in VINTAGE_CODES.items()) + " END"
    con.register("_tw_files", pd.DataFrame({"source_file": list(file_index), "k": list(file_index.values())}))
    try:
        rows = con.execute(_ORDERED.format(code=code, order=SERIES_ORDER + ", _row")).fetchall()
    finally:
        con.unregister("_tw_files")
    out: dict[str, dict] = {c: {} for c in ("n_figures", "any_used", "v", "rv", "own", "ref", "files")}
    for tid, n, used, v, rv, own, ref, ks, us in rows:
        for name, value in (("n_figures", n), ("any_used", used), ("v", v), ("rv", rv), ("own", own), ("ref", ref)):
            out[name][tid] = value
        if ks:
            out["files"][tid] = [[k, u] for k, u in zip(ks, us, strict=True)]
    return out


def _decoded(got: dict[str, dict]) -> dict[str, dict]:
    """per_target's result with each target's files (JSON text) read back as the lists they write."""
    assert all(isinstance(v, Encoded) for v in got["files"].values())
    return got | {"files": {t: json.loads(v.data) for t, v in got["files"].items()}}


def _chain(con: duckdb.DuckDBPyConnection, select: str) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_chain AS SELECT * FROM ({select}) ORDER BY {CHAIN_ORDER}")


def test_runs_equal_the_ordered_aggregates_on_awkward_chains():
    con = duckdb.connect()
    rows = [  # target, own series, used, vintage, jurisdiction, indicator, year, release date, file, observation, row
        ("t1", True, True, "used", "a", "i", 2020, "2021-03-01", "f2", "o1", 5),
        ("t1", True, False, "superseded", "a", "i", 2020, "2021-01-01", "f1", "o2", 4),
        ("t1", True, False, "not_released", "a", "i", 2021, None, "f3", "o3", 3),
        ("t1", False, True, "used", "r", "i", 2020, "2021-03-01", "f2", "o4", 2),
        ("t1", False, False, "not_used", "r", "i", None, "2021-03-01", "f9", "o5", 1),  # f9: not a report file
        ("t2", False, False, "not_used", "r", "i", 2019, "2020-03-01", "f1", "o6", 0),  # reference series only
        ("t3", True, False, "not_used", "b", "i", 2019, None, "f9", "o7", 6),  # no file of the report
        ("t3", True, False, "odd", "b", "i", 2018, None, "f1", "o8", 7),  # a vintage without a letter
        ("t0", True, False, "not_used", "c", "i", 2018, "2019-01-01", "f1", "o9", 8),
    ]
    frame = pd.DataFrame(rows, columns=["target_id", "own_series", "used", "vintage", "jurisdiction", "indicator",
                                        "year", "release_date", "source_file", "observation_id", "_row"])
    frame["release_date"] = pd.to_datetime(frame["release_date"])
    con.register("_rows", frame)
    _chain(con, "SELECT * FROM _rows")
    files = {"f1": 0, "f2": 1, "f3": 2}
    got, expected = _decoded(per_target(con, files)), _ordered(con, files)
    assert got == expected
    assert got["v"]["t1"] == "sur" and got["rv"]["t1"] == "un" and got["own"]["t2"] is None
    assert got["files"]["t1"] == [[0, False], [1, True], [2, False]] and "t3" in got["files"]
    assert per_target(con, files)["files"]["t1"].data == b"[[0,false],[1,true],[2,false]]"  # as orjson writes it


def test_runs_equal_the_ordered_aggregates_on_the_synthetic_chains(synthetic_warehouse):
    con = duckdb.connect()
    con.execute(f"ATTACH '{synthetic_warehouse}' AS w (READ_ONLY)")
    con.execute("USE w")
    sql = figures_sql(columns_by_table(con), EVERY_TARGET)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_chain AS SELECT * FROM ({sql}) ORDER BY {CHAIN_ORDER}")
    names = [r[0] for r in con.execute("SELECT source_file FROM report_files ORDER BY source_file").fetchall()]
    files = {f: i for i, f in enumerate(dict.fromkeys(names))}
    got = _decoded(per_target(con, files))
    assert got == _ordered(con, files)
    assert len(got["n_figures"]) >= 3 and any(v and len(v) > 1 for v in got["v"].values())
    assert any(u for pairs in got["files"].values() for _, u in pairs)


def test_the_chain_table_sorted_once_holds_the_same_rows_in_the_same_order(synthetic_warehouse):
    """The chain table is made from FIGURES_SQL without its own ORDER BY (`ordered=False`: DuckDB sorted the rows
    twice), sorted by CHAIN_ORDER alone: the same rows in the same order as from the ordered statement."""
    con = duckdb.connect()
    con.execute(f"ATTACH '{synthetic_warehouse}' AS w (READ_ONLY)")
    con.execute("USE w")
    ordered, unordered = (figures_sql(columns_by_table(con), EVERY_TARGET, ordered=o) for o in (True, False))
    tail = "FROM m JOIN figure"  # the final SELECT's FROM: an ORDER BY after it is the statement's own
    assert "ORDER BY" in ordered.rsplit(tail, 1)[1] and "ORDER BY" not in unordered.rsplit(tail, 1)[1]
    rows = [con.execute(f"SELECT * FROM ({sql}) ORDER BY {CHAIN_ORDER}").fetchall() for sql in (ordered, unordered)]
    assert rows[0] == rows[1] and len(rows[0]) >= 10
    # CHAIN_ORDER is total: no two rows share a target and a figure (`_row`), so the order is the same on every run
    assert con.execute(f"SELECT count(*) = count(DISTINCT (target_id, _row)) FROM ({unordered})").fetchall()[0][0]


_WINDOW_TAIL = """
SELECT target_id, {columns}, own_series, used, jurisdiction, indicator, {extra}
    CASE WHEN used THEN 'used'
         WHEN _as_of IS NOT NULL AND available_from > _as_of THEN 'not_released'
         WHEN bool_or(used) OVER figure THEN 'superseded'
         ELSE 'not_used' END AS vintage,
    max(CASE WHEN used THEN observation_id END) OVER figure AS used_vintage,
    count(*) OVER figure AS n_vintages, _row
FROM m
WINDOW figure AS (PARTITION BY target_id, jurisdiction, indicator, year)
{order}"""


def test_the_vintages_grouped_and_joined_back_are_the_windows_values(synthetic_warehouse, tmp_path, monkeypatch):
    """FIGURES_SQL reads each figure's vintages (any used, the used one, how many) from a GROUP BY joined back, not
    from a window over (target, jurisdiction, indicator, year): the same rows in the same order as the window form
    (written out here as it was), two figures of one series with no year included (a window puts NULLs together)."""
    import shutil

    import targetwatch.lineage as lineage

    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(synthetic_warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        j, i = con.execute("SELECT o.jurisdiction, o.indicator FROM observations o JOIN targets t ON "
                           "t.jurisdiction = o.jurisdiction AND t.indicator = o.indicator GROUP BY ALL "
                           "HAVING count(*) >= 3 ORDER BY 1, 2 LIMIT 1").fetchall()[0]
        con.execute("UPDATE observations SET year = NULL WHERE observation_id IN (SELECT observation_id FROM "
                    "observations WHERE jurisdiction = $j AND indicator = $i ORDER BY observation_id LIMIT 2)",
                    {"j": j, "i": i})
    con = duckdb.connect()
    con.execute(f"ATTACH '{warehouse}' AS w (READ_ONLY)")
    con.execute("USE w")
    grouped = lineage.FIGURES_SQL
    assert "OVER" not in grouped and ", figure AS (" in grouped
    monkeypatch.setattr(lineage, "FIGURES_SQL", grouped[:grouped.index(", figure AS (")] + _WINDOW_TAIL)
    window = figures_sql(columns_by_table(con), EVERY_TARGET)
    monkeypatch.setattr(lineage, "FIGURES_SQL", grouped)
    rows = [con.execute(figures_sql(columns_by_table(con), EVERY_TARGET)).fetchall(), con.execute(window).fetchall()]
    assert rows[0] == rows[1] and len(rows[0]) >= 10
    assert con.execute(f"SELECT count(*) FROM ({window}) WHERE year IS NULL AND n_vintages = 2").fetchall()[0][0] >= 2


def test_a_target_without_an_id_keeps_its_figures_and_their_vintages():
    """The grouped vintages keep the window's partitions for every key: a target row with no id (the catalogue never
    writes one, a hand-edited warehouse can) keeps its chain, its figures counted among themselves, and a figure with
    no year is a figure of its own. SYNTHETIC tables; the values worked by hand: t2 used o1 of 2020, so o2 (2020) is
    superseded by o1 and o3 (no year) is not used; the id-less target used nothing (its 2020 figures are two vintages
    of one figure)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE targets AS SELECT * FROM (VALUES (NULL, 'syn-a', 'i', NULL), ('t2', 'syn-a', 'i', NULL)) "
                "v(target_id, jurisdiction, indicator, reference_jurisdiction)")
    con.execute("CREATE TABLE assessments AS SELECT * FROM (VALUES (NULL, DATE '2025-06-30'), "
                "('t2', DATE '2025-06-30')) v(target_id, as_of)")
    con.execute("CREATE TABLE assessment_years AS SELECT 't2' AS target_id, 'o1' AS observation_id")
    figure = ", ".join(f"NULL::VARCHAR AS {c}" for c in ("value_as_written", "unit_as_written", "unit", "source_file",
                                                          "sheet", "column_name", "location", "sha256",
                                                          "release_date_basis", "source_title", "source_ref"))
    con.execute(f"CREATE TABLE observations AS SELECT jurisdiction, indicator, observation_id, year, 1.0 AS value, "
                f"NULL::DATE AS release_date, NULL::INT AS row_number, NULL::INT AS char_start, NULL::INT AS char_end, "
                f"NULL::DOUBLE AS confidence, {figure} FROM (VALUES ('syn-a', 'i', 'o1', 2020), "
                f"('syn-a', 'i', 'o2', 2020), ('syn-a', 'i', 'o3', NULL)) "
                f"v(jurisdiction, indicator, observation_id, year)")
    got = con.execute(f"SELECT target_id, observation_id, vintage, used_vintage, n_vintages FROM "
                      f"({figures_sql(columns_by_table(con), EVERY_TARGET)})").fetchall()
    assert sorted(got, key=lambda r: (r[0] or "", r[1])) == [
        (None, "o1", "not_used", None, 2), (None, "o2", "not_used", None, 2), (None, "o3", "not_used", None, 1),
        ("t2", "o1", "used", "o1", 2), ("t2", "o2", "superseded", "o1", 2), ("t2", "o3", "not_used", None, 1)]
