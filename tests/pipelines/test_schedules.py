"""The schedules: when they fire (Asia/Shanghai), that they start stopped, and what run they ask for."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.schedules import monthly_refresh_schedule, yearly_refresh_schedule

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("schedule", "cron"),
    [
        (monthly_refresh_schedule, "0 9 5 * *"),  # the 5th of every month, 09:00
        (yearly_refresh_schedule, "0 9 1 10 *"),  # 1 October, 09:00
    ],
)
def test_cron_and_time_zone(schedule, cron):
    assert schedule.cron_schedule == cron
    assert schedule.execution_timezone == "Asia/Shanghai"
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    assert schedule.job_name == "refresh"


def test_a_tick_judges_as_of_its_day_in_shanghai(instance):
    tick = dt.datetime(2026, 12, 4, 16, 30, tzinfo=dt.UTC)  # 5 December 00:30 in Shanghai, still the 4th in UTC
    request = monthly_refresh_schedule(dg.build_schedule_context(instance=instance, scheduled_execution_time=tick))
    assert request.tags["targetwatch/trigger"] == "schedule"
    assert request.run_config == {"resources": {"paths": {"config": {"as_of": "2026-12-05"}}}}


def test_the_code_location_has_both_schedules():
    names = {s.name for s in defs.schedules}
    assert names == {"monthly_refresh_schedule", "yearly_refresh_schedule"}
