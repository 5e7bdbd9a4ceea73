"""Jobs: `refresh` materialises every asset (catalogue -> reports -> checks -> assessment -> publishing)."""

from __future__ import annotations

import dagster as dg

refresh_job = dg.define_asset_job(
    "refresh",
    selection=dg.AssetSelection.all(),
    description="Rebuild the warehouse, dashboards and quality report, then publish.",
)
