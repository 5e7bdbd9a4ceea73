"""Province partitions (issue 16 item 7): after a refresh, each province's observations as Parquet in a folder that
stands in for object storage, and each province's targets judged from those files by DuckDB.

Partitioned by province (`province`, a dynamic partitions definition: its keys come from the published warehouse's
jurisdictions, added by `province_partitions_sensor` or `add_province_partitions`). The job `refresh_by_province`
runs them on Dagster's multiprocess executor: each step is its own process, reading the published warehouse
read-only and writing only its own partition's files, so no DuckDB file has two writers. The `refresh` job does not
include them: it stays in one process, as it is. docs/scaling.md says how the same job runs on Dagster's Docker or
Kubernetes executor with the store on shared Parquet (S3, GCS) or MotherDuck.
"""

import datetime as dt
from pathlib import Path

import dagster as dg
import duckdb

from targetwatch.config import from_env
from targetwatch.partitions import assess_province, export_observations, province_keys
from targetwatch.warehouse import WAREHOUSE_FILE

PROVINCES = dg.DynamicPartitionsDefinition(name="province")
GROUP = "provinces"


class ProvinceStore(dg.ConfigurableResource):
    """The published warehouse the partitions read (read-only) and the folder standing in for object storage.
    Empty fields: the output folder of the settings (TARGETWATCH_OUT), `<out>/partitions`, today (Asia/Shanghai).
    Not `paths`: that resource takes the refresh lock, and partition steps run side by side."""

    out_dir: str = ""
    store: str = ""
    as_of: str = ""

    def warehouse(self) -> Path:
        return (Path(self.out_dir) if self.out_dir else from_env().out_dir) / WAREHOUSE_FILE

    def root(self) -> Path:
        return Path(self.store) if self.store else self.warehouse().parent / "partitions"

    def as_of_date(self) -> dt.date:
        return dt.date.fromisoformat(self.as_of) if self.as_of else from_env().resolved().effective_as_of


def published_province_keys(store: ProvinceStore) -> list[str]:
    """The partition keys of the published warehouse's jurisdictions (none before the first refresh)."""
    if not store.warehouse().exists():
        return []
    with duckdb.connect(str(store.warehouse()), read_only=True) as con:
        return sorted(set(province_keys(con).values()))


def add_province_partitions(instance: dg.DagsterInstance, store: ProvinceStore) -> list[str]:
    """Register the provinces of the published warehouse as partitions; return the keys added."""
    keys = published_province_keys(store)
    new = [k for k in keys if not instance.has_dynamic_partition(PROVINCES.name, k)]
    if new:
        instance.add_dynamic_partitions(PROVINCES.name, new)
    return new


@dg.asset(
    partitions_def=PROVINCES,
    group_name=GROUP,
    kinds={"duckdb", "parquet"},
    deps=["observations"],
)
def province_observations(context: dg.AssetExecutionContext, province_store: ProvinceStore) -> dg.MaterializeResult:
    """One Parquet file per province: the observations of its jurisdictions (one row per figure, as in the
    warehouse), at `<store>/observations/province=<key>/data.parquet`."""
    rows = export_observations(province_store.warehouse(), province_store.root(), context.partition_key)
    return dg.MaterializeResult(metadata={"dagster/row_count": rows, "rows": rows,
                                          "path": str(province_store.root() / "observations")})


@dg.asset(
    partitions_def=PROVINCES,
    group_name=GROUP,
    kinds={"duckdb", "parquet"},
    deps=[province_observations, "targets", "indicators"],
)
def province_assessments(context: dg.AssetExecutionContext, province_store: ProvinceStore) -> dg.MaterializeResult:
    """One row per target of the province (and per target and year), judged by the same rules as `assessments`
    from the Parquet partitions the targets read; at `<store>/assessments/province=<key>/` and
    `<store>/assessment_years/province=<key>/`."""
    counts = assess_province(province_store.warehouse(), province_store.root(), context.partition_key,
                             province_store.as_of_date())
    return dg.MaterializeResult(metadata={"dagster/row_count": counts["assessments"], **counts})
