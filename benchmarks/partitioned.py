"""The assessment partitioned by jurisdiction group, on Dagster's multiprocess executor (a sketch for scaling).

The jurisdictions are split into `SLICES` groups of whole provinces (balanced by targets); one `assess_slice_K`
step per group, each in its own process, reads only the observations of the series its targets need (DuckDB over
Parquet, as it would over object storage) and calls the core `assess`; `combine` concatenates the slices. Because
a target's verdict depends only on its own, reference and proxy series (benchmarks/slices.py), the combined
result equals one `assess` over everything: tests/benchmarks/test_multiprocess.py checks that.

This job is a test and measurement harness, not part of the code location (pipelines/definitions.py keeps the
in-process executor: one DuckDB writer). docs/scaling.md describes how the same idea maps onto partitioned
assets and the Kubernetes executor.

Dagster reads the ops' type hints at definition time, so this module does not use `from __future__ import
annotations`.
"""

import datetime as dt
import os
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from benchmarks import slices
from targetwatch.assessment import assess
from targetwatch.reports.normalise import OBSERVATION_COLUMNS
from targetwatch.synthetic import load_catalogue_json

CATALOGUE_FILE = "SYNTHETIC-benchmark-catalogue.json"
OBSERVATIONS_FILE = "SYNTHETIC-benchmark-observations.parquet"


class SyntheticWorkload(dg.ConfigurableResource):
    """Where the SYNTHETIC catalogue (JSON) and observations (Parquet) are, and the as-of date."""

    workdir: str
    as_of: str

    def catalogue(self):
        return load_catalogue_json(Path(self.workdir) / CATALOGUE_FILE)

    def observations(self, series: set[slices.Series] | None = None) -> pd.DataFrame:
        """All observations, or only those of `series` (read straight from Parquet: no full load)."""
        path = Path(self.workdir) / OBSERVATIONS_FILE
        cols = ", ".join(f"o.{c}" for c in OBSERVATION_COLUMNS)
        con = duckdb.connect()
        try:
            if series is None:
                return con.execute(f"SELECT {cols} FROM read_parquet('{path}') o").df()
            con.register("_keys", pd.DataFrame(sorted(series), columns=["jurisdiction", "indicator"]))
            return con.execute(
                f"SELECT {cols} FROM read_parquet('{path}') o "
                "SEMI JOIN _keys k ON k.jurisdiction = o.jurisdiction AND k.indicator = o.indicator"
            ).df()
        finally:
            con.close()

    @property
    def as_of_date(self) -> dt.date:
        return dt.date.fromisoformat(self.as_of)


SLICES = 2  # static fan-out: one op (one process) per slice; a national run would use one per province


def slice_op(k: int) -> dg.OpDefinition:
    """The op for slice `k` of `SLICES`: the core `assess` on the targets of that group of whole provinces,
    given exactly the series they read."""

    @dg.op(name=f"assess_slice_{k}", description=f"Assess slice {k} of {SLICES} (whole provinces).")
    def assess_slice(context: dg.OpExecutionContext, workload: SyntheticWorkload) -> dict:
        cat = workload.catalogue()
        groups = slices.jurisdiction_groups(cat, SLICES)
        jurisdictions = groups[k] if k < len(groups) else []
        targets = slices.targets_in(cat, jurisdictions)
        obs = workload.observations(slices.series_of(cat, targets))
        assessments, years = assess(slices.sub_catalogue(cat, targets), obs, workload.as_of_date)
        context.log.info(f"pid {os.getpid()}: {len(jurisdictions)} jurisdictions, {len(targets)} targets, "
                         f"{len(obs)} observations")
        return {"assessments": assessments, "assessment_years": years, "pid": os.getpid()}

    return assess_slice


SLICE_OPS = [slice_op(k) for k in range(SLICES)]


@dg.op
def combine(parts: list) -> dict:
    """The slices back together (one row per target; one row per target and year)."""
    return {
        "assessments": pd.concat([p["assessments"] for p in parts], ignore_index=True),
        "assessment_years": pd.concat([p["assessment_years"] for p in parts], ignore_index=True),
        "pids": sorted({p["pid"] for p in parts}),
    }


@dg.job(
    executor_def=dg.multiprocess_executor.configured({"max_concurrent": SLICES}),
    resource_defs={"workload": SyntheticWorkload.configure_at_launch()},
)
def partitioned_assessment():
    combine([op() for op in SLICE_OPS])


def run_config(workdir: Path, as_of: dt.date) -> dict:
    return {"resources": {"workload": {"config": {"workdir": str(workdir), "as_of": as_of.isoformat()}}}}
