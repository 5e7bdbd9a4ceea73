"""The code location: the only module-level Definitions. No work at import time."""

from __future__ import annotations

import dagster as dg

from assets import assessment, catalogue, data_call, ingestion, provinces, publishing, quality
from assets.provinces import ProvinceStore
from assets.resources import TargetwatchPaths
from pipelines.jobs import refresh_by_province_job, refresh_job
from pipelines.loggers import progress_logger
from pipelines.schedules import monthly_refresh_schedule, yearly_refresh_schedule
from pipelines.sensors import (
    new_report_sensor,
    province_partitions_sensor,
    refresh_canceled_sensor,
    refresh_failure_sensor,
)

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([catalogue, ingestion, assessment, data_call, publishing, provinces]),
    asset_checks=dg.load_asset_checks_from_modules([quality]),
    jobs=[refresh_job, refresh_by_province_job],
    schedules=[monthly_refresh_schedule, yearly_refresh_schedule],
    sensors=[new_report_sensor, refresh_failure_sensor, refresh_canceled_sensor, province_partitions_sensor],
    resources={"paths": TargetwatchPaths(), "province_store": ProvinceStore()},
    executor=dg.in_process_executor,
    loggers={"console": dg.colored_console_logger, "progress": progress_logger},
)
