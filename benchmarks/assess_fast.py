"""Prototype: the assessment in "warehouse mode" (measured by benchmarks/parts.py; not used by the pipeline).

`targetwatch.assessment.assess` takes the observations as a pandas DataFrame and returns both outputs as
DataFrames, because that is the contract of the `assessments` asset (assets/assessment.py reads the whole
`observations` table into pandas and writes both frames back into DuckDB). At national scale most of its time
is that round trip: reading the rules' text columns out of pandas, and converting 1.5 million per-year rows
(34 columns) to pandas only to write them back. Here the same stages (`run_stages`: the same SQL, the same
formulas) run where the data already is:

- `observations` is the name of a DuckDB table or view (the build warehouse, or Parquet files in object storage);
- the per-year rows are written to a DuckDB table (`years_table`) and never become pandas;
- the proxy flags are computed in SQL (only the few proxy series are read).

benchmarks/parts.py checks that both outputs equal `assess`'s on the whole workload. Adopting it means changing the
asset to call it with the build warehouse's connection (docs/scaling.md).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from targetwatch.assessment import complete_assessments, drop_stages, run_stages, targets_frame
from targetwatch.catalogue import Catalogue


def _proxy_flags_sql(con: duckdb.DuckDBPyConnection, catalogue: Catalogue, observations: str,
                     assessments: pd.DataFrame):
    """As `assessment._proxy_flags`, reading only the proxy series from DuckDB."""
    proxies = [(i.code, i.proxy_of) for i in catalogue.indicators if i.proxy_of]
    if not proxies:
        return pd.Series(False, index=assessments.index).to_numpy()
    codes = ", ".join(f"'{p}'" for p, _ in proxies)
    have = con.execute(f"SELECT DISTINCT jurisdiction, indicator AS proxy FROM {observations} "
                       f"WHERE indicator IN ({codes})").df()
    flagged = pd.DataFrame(proxies, columns=["proxy", "indicator"]).merge(have, on="proxy")
    flagged = flagged[["jurisdiction", "indicator"]].drop_duplicates().assign(flag=True)
    merged = assessments[["jurisdiction", "indicator"]].merge(flagged, on=["jurisdiction", "indicator"], how="left")
    return merged["flag"].eq(True).to_numpy()


def assess_fast(catalogue: Catalogue, observations: str, as_of: dt.date, con: duckdb.DuckDBPyConnection,
                *, years_table: str) -> pd.DataFrame:
    """Like `assess`, on `con`: `observations` is a table or view there; the per-year rows go to `years_table`
    (replaced); return the per-target rows."""
    targets = targets_frame(catalogue)
    view = observations != "observations"
    try:
        con.register("targets", targets)
        if view:
            con.execute(f"CREATE OR REPLACE TEMP VIEW observations AS SELECT * FROM {observations}")
        scored = run_stages(con, as_of)
        con.execute(f'CREATE OR REPLACE TABLE "{years_table}" AS SELECT *, $as_of::DATE AS as_of FROM _tw_judged',
                    {"as_of": as_of})
        assessments = complete_assessments(
            targets, scored, lambda a: _proxy_flags_sql(con, catalogue, observations, a), as_of)
    finally:
        drop_stages(con)
        con.unregister("targets")
        if view:
            con.execute("DROP VIEW IF EXISTS observations")
    return assessments
