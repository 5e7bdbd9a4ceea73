"""Province partitions (issue 16 item 7): partition keys from the jurisdiction tree, and the `refresh_by_province`
job on Dagster's multiprocess executor over a SYNTHETIC two-province workload, whose Parquet partitions, read back
by DuckDB, give exactly the verdicts of one assessment over the whole warehouse."""

from __future__ import annotations

import datetime as dt
import os

import dagster as dg
import duckdb
import pandas as pd
import pytest

from targetwatch.partitions import province_keys

JURISDICTIONS = [  # code, parent, level
    ("national", None, "national"),
    ("gansu", "national", "province"),
    ("lanzhou", "gansu", "prefecture"),
    ("chengguan", "lanzhou", "county"),
    ("shanxi", None, "province"),  # a province filed without its parent
    ("taiyuan", "shanxi", "prefecture"),
]


def test_every_jurisdiction_falls_in_its_province_and_the_nation_in_its_own():
    con = duckdb.connect()
    con.execute("CREATE TABLE jurisdictions (code VARCHAR, parent VARCHAR, level VARCHAR)")
    con.executemany("INSERT INTO jurisdictions VALUES (?, ?, ?)", JURISDICTIONS)
    assert province_keys(con) == {"national": "national", "gansu": "gansu", "lanzhou": "gansu",
                                  "chengguan": "gansu", "shanxi": "shanxi", "taiyuan": "shanxi"}


def test_the_partitioned_job_is_apart_from_refresh():
    from pipelines.definitions import defs

    assert defs.resolve_job_def("refresh").executor_def.name == "in_process"
    job = defs.resolve_job_def("refresh_by_province")
    assert job.executor_def.name == "multiprocess"
    assert {k.to_user_string() for k in job.asset_layer.executable_asset_keys} == {
        "province_observations", "province_assessments"}
    refresh_keys = {k.to_user_string() for k in defs.resolve_job_def("refresh").asset_layer.executable_asset_keys}
    assert not refresh_keys & {"province_observations", "province_assessments"}


def province_job():
    """The job as the code location defines it (reconstructable: the multiprocess executor re-imports it)."""
    from pipelines.definitions import defs

    return defs.resolve_job_def("refresh_by_province")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A published warehouse of a SYNTHETIC two-province workload (catalogue tables and observations), and the
    assessment of the whole of it (`assess_warehouse` in the warehouse, as the `assessment` asset runs it)."""
    from targetwatch import synthetic
    from targetwatch.assessment import assess_warehouse
    from targetwatch.catalogue import catalogue_tables
    from targetwatch.warehouse import write_tables

    w = synthetic.generate(synthetic.Scale("two-provinces", 2, 6, 24, first_year=2015, last_year=2024,
                                           county_presence=0.30, xlsx_every=2, yearbooks=True))
    out = tmp_path_factory.mktemp("SYNTHETIC-out")
    parquet = out / "SYNTHETIC-observations.parquet"
    w.write_observations(parquet)
    tables = catalogue_tables(w.catalogue, {})
    with duckdb.connect(str(out / "warehouse.duckdb")) as con:
        write_tables(con, {k: tables[k] for k in ("targets", "indicators", "jurisdictions")})
        con.execute(f"CREATE TABLE observations AS SELECT * FROM read_parquet('{parquet}')")
    reference = duckdb.connect()
    reference.execute(f"ATTACH '{out / 'warehouse.duckdb'}' AS wh (READ_ONLY)")
    for t in ("targets", "indicators", "observations"):
        reference.execute(f"CREATE TABLE {t} AS SELECT * FROM wh.{t}")
    assess_warehouse(reference, w.as_of)
    whole = {t: reference.sql(f"SELECT * FROM {t}").df() for t in ("assessments", "assessment_years")}
    reference.close()
    return w, out, whole


@pytest.mark.slow
def test_provinces_on_the_multiprocess_executor_equal_one_assessment(published, tmp_path):
    from assets.provinces import ProvinceStore, add_province_partitions
    from targetwatch.partitions import read_partitions

    w, out, whole = published
    store = ProvinceStore(out_dir=str(out), store=str(tmp_path / "object-store"), as_of=w.as_of.isoformat())
    config = {"resources": {"province_store": {"config": {"out_dir": store.out_dir, "store": store.store,
                                                          "as_of": store.as_of}}}}
    pids: dict[str, int] = {}
    (tmp_path / "dagster-home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster-home")) as instance:
        keys = add_province_partitions(instance, store)
        assert keys == ["syn-100000", "syn-110000", "syn-120000"]  # the nation and the two provinces
        assert add_province_partitions(instance, store) == []  # registered once
        for key in keys:
            with dg.execute_job(dg.reconstructable(province_job), instance=instance, run_config=config,
                                tags={"dagster/partition": key}) as result:
                assert result.success
                pids |= {f"{key}:{e.step_key}": e.pid for e in result.all_events
                         if e.event_type_value == "STEP_START"}
    assert len(pids) == 6 and len(set(pids.values())) == 6 and os.getpid() not in pids.values()  # a process each
    con = duckdb.connect()
    assert read_partitions(con, tmp_path / "object-store", "observations").count("*").fetchall()[0][0] == len(
        w.observations)
    for table, order in (("assessments", "target_id"), ("assessment_years", "target_id, year")):
        got = read_partitions(con, tmp_path / "object-store", table).order(order).df()
        assert set(got["province"]) == set(keys)
        want = whole[table].sort_values(order.split(", ")).reset_index(drop=True)
        pd.testing.assert_frame_equal(got.drop(columns="province")[list(want.columns)], want, check_exact=True)
    assert whole["assessments"]["as_of"].iloc[0] == pd.Timestamp(dt.date(2025, 6, 30))


def test_the_sensor_registers_the_published_provinces_once(published, tmp_path):
    from assets.provinces import ProvinceStore
    from pipelines.sensors import province_partitions_sensor

    _, out, _ = published
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        resources = {"province_store": ProvinceStore(out_dir=str(out))}
        result = province_partitions_sensor(dg.build_sensor_context(instance=instance, resources=resources))
        [request] = result.dynamic_partitions_requests
        assert request.partitions_def_name == "province"
        assert list(request.partition_keys) == ["syn-100000", "syn-110000", "syn-120000"]
        instance.add_dynamic_partitions("province", list(request.partition_keys))
        again = province_partitions_sensor(dg.build_sensor_context(instance=instance, resources=resources))
        assert again.dynamic_partitions_requests == [] and not again.run_requests
    empty = ProvinceStore(out_dir=str(tmp_path / "no-refresh-yet"))
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        result = province_partitions_sensor(dg.build_sensor_context(instance=instance,
                                                                    resources={"province_store": empty}))
        assert result.dynamic_partitions_requests == []
