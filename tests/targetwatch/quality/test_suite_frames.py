"""The suites' frames are built in SQL (issue 16 item 3): the same results as the pandas derivation they replace.

`_pandas_reference` is the plausibility derivation as it was (targetwatch/quality/suites.py before this change,
verbatim but for its name): the SQL frame must equal it cell for cell and row for row, and a suite validated on
either gives the same check_results and check_failures. Cases are SYNTHETIC (tests/targetwatch/quality/synthetic.py
plus rows for the edges: several vintages of one year, a zero before a jump, an undated release, a department's
return that disagrees with the official figure).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from targetwatch import vocab
from targetwatch.quality.checks import check_warehouse
from targetwatch.quality.suites import (
    FRAME_COLUMNS,
    OBSERVATIONS_PLAUSIBLE,
    OBSERVATIONS_VALID,
    SUITE_COLUMNS,
    run_suite,
    suite_frame,
    validate_frame,
)
from targetwatch.warehouse import write_tables
from tests.targetwatch.quality import synthetic


def _pandas_reference(observations: pd.DataFrame) -> pd.DataFrame:
    df = observations.sort_values(["jurisdiction", "indicator", "year"]).copy()
    prev = df.groupby(["jurisdiction", "indicator"])["value"].shift(1)
    prev_year = df.groupby(["jurisdiction", "indicator"])["year"].shift(1)
    df["yoy_ratio"] = (df["value"] / prev).where((df["year"] - prev_year == 1) & (prev > 0))
    release = ["jurisdiction", "indicator", "year", "period_type", "release_date"]
    df["values_in_release"] = df.groupby(release, dropna=False)["value"].transform("nunique")
    series = ["jurisdiction", "indicator", "year", "period_type"]
    returned = df["confidence"] == vocab.DEPARTMENT_REPORTED
    by = df.assign(returned=returned, official=~returned).groupby(series, dropna=False)
    df["official_disagrees"] = (by["returned"].transform("any") & by["official"].transform("any")
                                & (by["value"].transform("nunique") > 1))
    return df


def _edge_observations() -> pd.DataFrame:
    """The synthetic observations plus SYNTHETIC edge rows (see the module docstring)."""
    obs = synthetic.observations()
    base = obs.iloc[0]

    def row(oid, ind, year, value, released, confidence="high", f="e.csv"):
        return base.to_dict() | {"observation_id": oid, "indicator": ind, "year": year, "value": float(value),
                                 "release_date": pd.Timestamp(released) if released else pd.NaT,
                                 "confidence": confidence, "source_file": f, "location": oid}

    extra = [
        row("e1", "things", 2021, 505, "2022-03-01"),  # a second value of a.csv's 2021 in the same release
        row("e2", "things", 2021, 520, None),  # an undated third vintage of 2021
        row("e3", "cover", 2020, 0, "2021-03-01"),  # a zero before a figure: no ratio
        row("e4", "cover", 2019, 10, "2020-03-01"),  # jumps to zero
        row("e5", "jobs", 2022, 110000, "2023-03-01", vocab.DEPARTMENT_REPORTED, "return.xlsx"),  # disagrees
        row("e6", "share", 2022, 35, "2023-03-01", vocab.DEPARTMENT_REPORTED, "return.xlsx"),  # agrees
    ]
    out = pd.concat([obs, pd.DataFrame(extra)], ignore_index=True)
    out["year"] = out["year"].astype("Int64")
    return out


def _sql_frame(observations: pd.DataFrame, name: str) -> pd.DataFrame:
    with duckdb.connect() as con:
        con.register("_obs", observations.assign(_order=range(len(observations))))
        return suite_frame(con, name, "_obs")


def test_the_sql_plausibility_frame_equals_the_pandas_derivation_cell_for_cell():
    obs = _edge_observations()
    expected = _pandas_reference(obs)[list(FRAME_COLUMNS[OBSERVATIONS_PLAUSIBLE])].reset_index(drop=True)
    got = _sql_frame(obs, OBSERVATIONS_PLAUSIBLE)
    pd.testing.assert_frame_equal(got, expected, check_exact=True, check_dtype=False)
    # the edges, hand-checked: 2021 things has three values (500, 505 in one release, 520 undated)
    things = got.set_index("observation_id")
    assert things.loc["a.csv:line 3", "values_in_release"] == 2 and things.loc["e2", "values_in_release"] == 1
    assert things.loc["a.csv:line 3", "yoy_ratio"] == 500 / 400  # the first 2021 figure against 2020
    assert pd.isna(things.loc["e1", "yoy_ratio"])  # a second figure of the same year: no ratio
    assert pd.isna(things.loc["b.csv:line 4", "yoy_ratio"])  # cover 2021 after a zero in 2020
    assert things.loc["e3", "yoy_ratio"] == 0.0  # 10 -> 0
    assert things.loc["e5", "official_disagrees"] and things.loc["a.csv:line 6", "official_disagrees"]
    assert not things.loc["e6", "official_disagrees"]


def test_a_year_of_one_row_takes_its_counts_without_the_groupings():
    """A (series, year, period type) of one row gets values_in_release 1 (0 when its value is NULL) and never
    disagrees, without being grouped; groups of several rows, a NULL key's too, are grouped (SYNTHETIC rows)."""
    base = synthetic.observations().iloc[0].to_dict()
    returned = vocab.DEPARTMENT_REPORTED
    rows = [  # id, jurisdiction, year, value, period_type, release date, confidence
        ("s1", "J", 2020, 5.0, "annual", "2021-01-01", "high"),  # alone: 1, no disagreement
        ("s2", "J", 2021, None, "annual", "2022-01-01", "high"),  # alone without a value: 0
        ("p1", "J", 2022, 7.0, "annual", "2023-01-01", "high"),  # 2022 annual, two values in one release: 2 each,
        ("p2", "J", 2022, 8.0, "annual", "2023-01-01", returned),  # and a return that disagrees: both flagged
        ("q1", "J", 2022, 9.0, "partial", "2023-01-01", "high"),  # 2022 partial: alone, 1
        ("n1", None, 2020, 3.0, "annual", None, "high"),  # no jurisdiction, two rows of one value: 1 each
        ("n2", None, 2020, 3.0, "annual", None, "high"),
    ]
    obs = pd.DataFrame([base | {"observation_id": i, "jurisdiction": j, "indicator": "things", "year": y, "value": v,
                                "period_type": pt, "confidence": c, "location": i, "source_file": "f.csv",
                                "release_date": pd.Timestamp(r) if r else pd.NaT}
                        for i, j, y, v, pt, r, c in rows])
    obs["year"] = obs["year"].astype("Int64")
    got = _sql_frame(obs, OBSERVATIONS_PLAUSIBLE).set_index("observation_id")
    assert got["values_in_release"].to_dict() == {"s1": 1, "s2": 0, "p1": 2, "p2": 2, "q1": 1, "n1": 1, "n2": 1}
    assert got.index[got["official_disagrees"]].tolist() == ["p1", "p2"]
    expected = _pandas_reference(obs)[list(FRAME_COLUMNS[OBSERVATIONS_PLAUSIBLE])].reset_index(drop=True)
    pd.testing.assert_frame_equal(got.reset_index(), expected, check_exact=True, check_dtype=False)


@pytest.mark.parametrize("name", [OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE])
def test_the_suite_gives_the_same_results_as_on_the_pandas_frame(name):
    obs = _edge_observations()
    cat = synthetic.catalogue()
    reference = _pandas_reference(obs) if name == OBSERVATIONS_PLAUSIBLE else obs[list(SUITE_COLUMNS)]
    before = validate_frame(name, reference, cat, synthetic.AS_OF)
    after = run_suite(name, obs, cat, synthetic.AS_OF)
    columns = [c for c in before.results.columns if c != "checked_at"]
    pd.testing.assert_frame_equal(after.results[columns], before.results[columns], check_exact=True)
    pd.testing.assert_frame_equal(after.failures, before.failures, check_exact=True)
    assert len(after.failures) > 0  # the cases fail some expectations: the failing rows are compared too


@pytest.mark.parametrize("name", [OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE])
def test_the_warehouse_path_reads_the_table_in_its_order(name, tmp_path):
    """check_warehouse (what the asset runs) gives the frame path's results on the same rows."""
    obs = _edge_observations()
    cat = synthetic.catalogue()
    path = write_tables(tmp_path / "w.duckdb", {"observations": obs}) and tmp_path / "w.duckdb"
    stored = check_warehouse(path, name, cat, synthetic.AS_OF)
    direct = run_suite(name, obs, cat, synthetic.AS_OF)
    columns = [c for c in direct.results.columns if c != "checked_at"]
    pd.testing.assert_frame_equal(stored.results[columns], direct.results[columns], check_exact=True)
    pd.testing.assert_frame_equal(stored.failures, direct.failures, check_exact=True)
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM check_failures").fetchall()[0][0] == len(direct.failures)


@pytest.mark.slow  # GE on 47k rows, four times: `pytest -m slow`
def test_the_small_synthetic_workload_gives_the_same_results():
    from targetwatch import synthetic as workload

    w = workload.generate("small")
    obs = w.observations[list(SUITE_COLUMNS)]
    for name in (OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE):
        reference = _pandas_reference(obs) if name == OBSERVATIONS_PLAUSIBLE else obs
        before = validate_frame(name, reference, w.catalogue, w.as_of)
        after = run_suite(name, obs, w.catalogue, w.as_of)
        columns = [c for c in before.results.columns if c != "checked_at"]
        pd.testing.assert_frame_equal(after.results[columns], before.results[columns], check_exact=True)
        pd.testing.assert_frame_equal(after.failures, before.failures, check_exact=True)


@pytest.mark.parametrize("sql", [
    # no nulls: Arrow's frame; repeated texts become one object each
    "SELECT * FROM (VALUES (1::BIGINT, true, 'a', 1.5::DOUBLE), (2, false, 'a', 2.0)) t(i, b, s, d)",
    # a null text or double: still Arrow's frame (None and NaN, as `.df()` gives them)
    "SELECT * FROM (VALUES (1::BIGINT, true, 'a', NULL::DOUBLE), (2, false, NULL, 2.0)) t(i, b, s, d)",
    # a null integer or boolean: nullable Int64 / boolean dtypes, as `.df()` gives them
    "SELECT * FROM (VALUES (1::BIGINT, true, 'a', 1.5::DOUBLE), (NULL, true, 'b', 2.0)) t(i, b, s, d)",
    "SELECT * FROM (VALUES (1::BIGINT, NULL::BOOLEAN, 'a', 1.5::DOUBLE), (2, true, 'b', 2.0)) t(i, b, s, d)",
    # no rows
    "SELECT * FROM (VALUES (1::BIGINT, true, 'a', 1.5::DOUBLE)) t(i, b, s, d) WHERE i > 1",
])
def test_a_suite_frame_read_through_arrow_equals_duckdbs_own(sql):
    from targetwatch.frames import arrow_frame

    with duckdb.connect() as con:
        expected = con.execute(sql).df()
        got = arrow_frame(con, sql)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    if "'a', 1.5::DOUBLE), (2, false, 'a'" in sql:
        assert got["s"].iloc[0] is got["s"].iloc[1]  # one object for the repeated text


@pytest.mark.parametrize("name", [OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE])
def test_ge_loads_the_batch_once(name, monkeypatch):
    """Each load of a pandas batch fingerprints every cell (GE's `hash_pandas_dataframe`, 1-3 CPU s at national
    scale); `batch_def.get_batch(...).validate(...)` loaded it twice. The fingerprint is still in the validation."""
    from great_expectations.execution_engine import pandas_execution_engine as engine

    real, calls = engine.hash_pandas_dataframe, []
    monkeypatch.setattr(engine, "hash_pandas_dataframe", lambda df: calls.append(len(df)) or real(df))
    obs = _edge_observations()
    outcome = run_suite(name, obs, synthetic.catalogue(), synthetic.AS_OF)
    assert calls == [len(obs)]
    assert outcome.validation["meta"]["batch_markers"]["pandas_data_fingerprint"]


def _validation_without_times(doc: dict) -> object:
    """GE's validation JSON without what differs by run: its times and ids."""
    if isinstance(doc, dict):
        return {k: _validation_without_times(v) for k, v in doc.items()
                if "time" not in k and k not in ("run_id", "run_name", "batch_id", "active_batch_definition",
                                                 "batch_spec", "checkpoint_id", "validation_id")}
    if isinstance(doc, list):
        return [_validation_without_times(v) for v in doc]
    return doc


def _assert_same_outcome(got, expected) -> None:
    """The same stored outcome: results (but their time), failures and the validation JSON (but its times and ids)."""
    columns = [c for c in expected.results.columns if c != "checked_at"]
    pd.testing.assert_frame_equal(got.results[columns], expected.results[columns], check_exact=True)
    pd.testing.assert_frame_equal(got.failures, expected.failures, check_exact=True)
    assert _validation_without_times(got.validation) == _validation_without_times(expected.validation)


@pytest.mark.parametrize("name", [OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE])
def test_string_columns_given_to_ge_as_categoricals_give_the_same_outcome(name, monkeypatch):
    """GE validates the string columns without nulls as categoricals (suites._categorical: cheaper metrics and
    copies), the row key `observation_id` included; the results, failing rows and validation JSON are those of object
    columns, with failing rows in categorical columns (an unknown place and indicator, an observation id given twice,
    which fails the key's uniqueness and names both rows by it) and a null in a string column (kept as objects: a
    categorical's null reads NaN in GE's samples)."""
    from targetwatch.quality import suites

    obs = _edge_observations()
    obs.loc[0, "jurisdiction"], obs.loc[1, "indicator"], obs.loc[2, "unit"] = "SYNTHETIC-nowhere", "SYNTHETIC-no", None
    obs.loc[3, "confidence"] = "low"
    obs.loc[5, "observation_id"] = obs.loc[4, "observation_id"]
    cat = synthetic.catalogue()
    frame = _sql_frame(obs, name)
    converted = suites._categorical(frame)
    assert "observation_id" in converted and "source_file" in converted
    assert name != OBSERVATIONS_VALID or ("jurisdiction" in converted and "unit" not in converted)
    categorical = validate_frame(name, frame, cat, synthetic.AS_OF)
    monkeypatch.setattr(suites, "_categorical", lambda frame: {})
    plain = validate_frame(name, frame, cat, synthetic.AS_OF)
    assert (~plain.results["success"]).sum() >= 2 and len(plain.failures)
    if name == OBSERVATIONS_VALID:  # the key's uniqueness failed on the two rows of the repeated id, named by it
        twice = plain.failures[plain.failures["expectation_id"] == "observations_valid:16"]
        assert twice["observation_id"].tolist() == [obs.loc[4, "observation_id"]] * 2
        assert twice["unexpected_value"].tolist() == [obs.loc[4, "observation_id"]] * 2
    _assert_same_outcome(categorical, plain)


@pytest.mark.parametrize("name", [OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE])
def test_a_frame_read_with_categoricals_from_arrow_is_the_one_ge_was_given_and_validates_the_same(name, tmp_path):
    """check_warehouse reads the text columns GE takes as categoricals straight from Arrow's codes
    (suite_frame(categorical=True)): the frame is exactly the object frame after `_categorical` (same categories in
    the same order, so the same data fingerprint), and the stored outcome, validation JSON included, is the same."""
    from targetwatch.quality import suites

    obs = _edge_observations()
    obs.loc[0, "jurisdiction"], obs.loc[2, "unit"], obs.loc[3, "confidence"] = "SYNTHETIC-nowhere", None, "low"
    obs.loc[5, "observation_id"] = obs.loc[4, "observation_id"]  # the key given twice: read as a categorical too
    with duckdb.connect() as con:
        con.register("_obs", obs.assign(_order=range(len(obs))))
        plain = suite_frame(con, name, "_obs")
        coded = suite_frame(con, name, "_obs", categorical=True)
        empty = suite_frame(con, name, "(SELECT * FROM _obs WHERE false)", categorical=True)
    converted = suites._categorical(plain)
    assert "observation_id" in converted and not suites._categorical(coded)
    pd.testing.assert_frame_equal(coded, plain.astype(converted), check_exact=True, check_categorical=True)
    assert all(list(coded[c].cat.categories) == sorted(plain[c].unique()) for c in converted)
    assert len(empty) == 0 and list(empty.columns) == list(plain.columns)
    cat = synthetic.catalogue()
    path = write_tables(tmp_path / "w.duckdb", {"observations": obs}) and tmp_path / "w.duckdb"
    stored = check_warehouse(path, name, cat, synthetic.AS_OF)
    direct = validate_frame(name, plain, cat, synthetic.AS_OF)
    assert (~direct.results["success"]).sum() >= 1 and len(direct.failures)
    _assert_same_outcome(stored, direct)


@pytest.mark.parametrize("texts, chunks", [
    (["b", "a", "c"], 1),  # distinct, as observation ids
    (["x2", "x10", "x2", "é", "𝔸", "中", "x10", "A"], 3),  # repeats, and code points beyond ASCII and the BMP
    (["only"], 1),
    ([], 1),
])
def test_a_text_column_coded_by_a_sort_is_the_categorical_astype_makes(texts, chunks):
    """`distinct` columns are coded by one sort (frames._categorical(by_sort=True)): the categorical pandas'
    `astype("category")` makes of the texts and the hashing path gives, in Arrow chunks or not."""
    import pyarrow as pa

    from targetwatch.frames import _categorical

    step = max(1, -(-len(texts) // chunks))
    column = pa.chunked_array([texts[i:i + step] for i in range(0, len(texts), step)] or [[]], type=pa.string())
    expected = pd.Series(texts, dtype=object).astype("category")
    for by_sort in (True, False):
        got = pd.Series(_categorical(column, by_sort=by_sort))
        pd.testing.assert_series_equal(got, expected, check_exact=True, check_categorical=True)
    if texts[:3] == ["b", "a", "c"]:
        assert list(_categorical(column, by_sort=True).codes) == [1, 0, 2]
    if "x10" in texts:  # sorted by code point: 'A' < 'x10' < 'x2' < 'é' < '中' < '𝔸'
        assert list(_categorical(column, by_sort=True).categories) == ["A", "x10", "x2", "é", "中", "𝔸"]


def test_the_validity_frame_read_in_table_order_without_a_sort_is_the_sorted_one(tmp_path):
    """check_warehouse reads the validity frame `in_order` (no ORDER BY: one table's scan keeps its rowid order). Rows
    inserted in no key's order, some deleted between (rowid gaps), more appended after: the frame is the sorted one,
    its ids in the order they were inserted."""
    obs = _edge_observations()
    ids = list(obs["observation_id"])
    shuffled = obs.iloc[[*range(1, len(obs), 2), *range(0, len(obs), 2)]].reset_index(drop=True)
    path = tmp_path / "w.duckdb"
    write_tables(path, {"observations": shuffled.iloc[:-2]})
    with duckdb.connect(str(path)) as con:
        gone = [ids[1], ids[4]]
        con.execute("DELETE FROM observations WHERE observation_id IN (?, ?)", gone)
        con.register("_rest", shuffled.iloc[-2:])
        con.execute("INSERT INTO observations SELECT * FROM _rest")
        source = "(SELECT rowid AS _order, * FROM observations)"
        fast = suite_frame(con, OBSERVATIONS_VALID, source, categorical=True, in_order=True)
        sorted_ = suite_frame(con, OBSERVATIONS_VALID, source, categorical=True)
    expected = [i for i in shuffled["observation_id"] if i not in gone]
    assert list(fast["observation_id"]) == expected and len(expected) == len(obs) - 2
    pd.testing.assert_frame_equal(fast, sorted_, check_exact=True)


def test_the_in_order_frame_is_the_sorted_one_over_many_row_groups_written_by_several_threads(tmp_path):
    """DuckDB's order preservation (a SELECT of one table keeps its row order, rowid being that order), which
    suite_frame(in_order=True) relies on, where it could fail: a table of several row groups (122,880 rows each)
    written by a parallel INSERT on four threads, rows deleted across groups, a CHECKPOINT (which may rewrite the
    groups), more rows appended, read by a connection of four threads. (With preserve_insertion_order = false on
    the reading connection this fails: the order holds under DuckDB's default, which nothing here changes.)"""
    obs = _edge_observations()
    path = tmp_path / "w.duckdb"
    write_tables(path, {"observations": obs})
    with duckdb.connect(str(path), config={"threads": 4}) as con:
        con.execute("INSERT INTO observations SELECT o.* REPLACE (observation_id || '-' || i AS observation_id) "
                    f"FROM observations o, range({-(-300_000 // len(obs))}) r(i)")
        con.execute("DELETE FROM observations WHERE hash(observation_id) % 3 = 0")
        con.execute("CHECKPOINT")
        con.execute("INSERT INTO observations SELECT * REPLACE (observation_id || '+' AS observation_id) "
                    "FROM observations WHERE hash(observation_id) % 5 = 0")
        rows, groups = con.execute("SELECT (SELECT count(*) FROM observations), (SELECT count(DISTINCT row_group_id) "
                                   "FROM pragma_storage_info('observations'))").fetchall()[0]
        source = "(SELECT rowid AS _order, * FROM observations)"
        fast = suite_frame(con, OBSERVATIONS_VALID, source, categorical=True, in_order=True)
        sorted_ = suite_frame(con, OBSERVATIONS_VALID, source, categorical=True)
    assert groups >= 3 and len(fast) == rows > 200_000  # 300,024 rows, about a third deleted, a fifth re-added
    pd.testing.assert_frame_equal(fast, sorted_, check_exact=True)
