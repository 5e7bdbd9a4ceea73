"""Schedules, in the bureau's time zone: a monthly refresh and a yearly one after the statistical yearbook.

Both start stopped: switch them on in the UI (Automation) or with `dagster schedule start`, see
docs/operating.md. Each run judges as of its scheduled day, so a tick the daemon runs late (it was down)
gives the same verdicts it would have given on time.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg

from assets.resources import TRIGGER_TAG
from pipelines.jobs import refresh_job
from targetwatch.config import TIMEZONE

MONTHLY_CRON = "0 9 5 * *"  # the 5th of every month, 09:00: monthly bulletins are out by then
YEARLY_CRON = "0 9 1 10 *"  # 1 October, 09:00: the provincial statistical yearbooks appear in September


def _refresh_as_of_tick(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    tick = context.scheduled_execution_time or dt.datetime.now(dt.UTC)
    as_of = tick.astimezone(ZoneInfo(TIMEZONE)).date()
    return dg.RunRequest(
        tags={TRIGGER_TAG: "schedule"},
        run_config={"resources": {"paths": {"config": {"as_of": as_of.isoformat()}}}},
    )


@dg.schedule(
    cron_schedule=MONTHLY_CRON,
    execution_timezone=TIMEZONE,
    job=refresh_job,
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Refresh on the 5th of every month at 09:00 (Asia/Shanghai), as of that day.",
)
def monthly_refresh_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    return _refresh_as_of_tick(context)


@dg.schedule(
    cron_schedule=YEARLY_CRON,
    execution_timezone=TIMEZONE,
    job=refresh_job,
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Refresh on 1 October at 09:00 (Asia/Shanghai), after the statistical yearbooks are released.",
)
def yearly_refresh_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    return _refresh_as_of_tick(context)
