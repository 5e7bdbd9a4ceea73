"""Jobs: `refresh` materialises every asset of the pipeline (catalogue -> reports -> checks -> assessment ->
publishing) in one process; `refresh_by_province` materialises one province's partitions after it, each step in its
own process (issue 16 item 7)."""

from __future__ import annotations

import dagster as dg

from assets.provinces import GROUP, PROVINCES

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups(GROUP),
    description="Rebuild the warehouse, dashboards and quality report, then publish.",
)

refresh_by_province_job = dg.define_asset_job(
    "refresh_by_province",
    selection=dg.AssetSelection.groups(GROUP),
    partitions_def=PROVINCES,
    executor_def=dg.multiprocess_executor,
    description="One province after a refresh: its observations as Parquet (the store standing in for object "
    "storage), then its targets judged from those files by DuckDB. Each step in its own process.",
)
