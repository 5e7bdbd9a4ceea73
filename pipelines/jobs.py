"""Jobs: `refresh` materialises every asset (catalogue -> reports -> checks -> assessment -> publishing)."""

from __future__ import annotations

import dagster as dg

# Who started a run (cli | schedule | sensor; UI runs have none and count as "dagster"): the `runs` table says.
TRIGGER_TAG = "targetwatch/trigger"

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    description="Rebuild the warehouse, dashboards and quality report, then publish.",
)
