"""Run the `refresh` job in process (the CLI's way in), relaying step events and recording failures.

The run holds the refresh lock (re-entrant: the CLI already holds it) from before its first step until its
failure is recorded, so nothing else writes the build warehouse in between.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg

from assets.resources import TRIGGER_TAG
from pipelines import loggers
from pipelines.failures import describe_failure
from targetwatch import runlog
from targetwatch.config import Settings
from targetwatch.locking import RefreshLock
from targetwatch.provenance import code_version
from targetwatch.warehouse import WAREHOUSE_FILE


@dataclass
class RefreshOutcome:
    success: bool
    run_id: str
    message: str


class _Relay(logging.Handler):
    """Forward step start/success/failure and check results from Dagster's log stream to a callback.

    A check's step key doubles its asset's name (`observations_observations_valid`): it is shown as
    `check observations_valid`, and its success is not repeated after the check's own result line."""

    def __init__(self, on_event: Callable[[str, str], None], step_names: dict[str, str] | None = None):
        super().__init__()
        self.on_event = on_event
        self.step_names = step_names or {}

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._relay(record)
        except Exception:  # progress display must never fail a run
            self.handleError(record)

    def _relay(self, record: logging.LogRecord) -> None:
        event = (getattr(record, "dagster_meta", None) or {}).get("dagster_event")
        if event is None:
            return
        kind = event.event_type_value
        step = event.step_key or ""
        name = self.step_names.get(step, step)
        if kind == "STEP_START":
            self.on_event("start", name)
        elif kind == "STEP_SUCCESS":
            if step not in self.step_names:  # a check step already printed its result
                self.on_event("success", name)
        elif kind == "STEP_FAILURE":
            self.on_event("failure", name)
        elif kind == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data
            flagged = (data.metadata or {}).get("rows_flagged")
            rows = f"{flagged.value} figures" if flagged is not None else "figures"
            held = (data.metadata or {}).get("rows_held")
            if data.passed:
                outcome = "passed"
            elif held is not None:  # the blocking check held its failing rows back (targetwatch.quality.holds)
                outcome = f"{held.value} figures held back (quarantined; the rest goes on)"
            elif data.severity == dg.AssetCheckSeverity.WARN:  # a review list, not a fault: the run goes on
                outcome = f"{rows} flagged for review (see the quality report)"
            else:
                outcome = f"FAILED on {rows} (blocking)"
            self.on_event("check", f"{data.check_name}: {outcome}")


def check_step_names(defs: dg.Definitions) -> dict[str, str]:
    """Each asset check's step key (`<asset>_<check>`) -> `check <check>`, as the CLI shows it."""
    keys = defs.resolve_asset_graph().asset_check_keys
    return {f"{'_'.join(k.asset_key.path)}_{k.name}": f"check {k.name}" for k in keys}


def run_config(s: Settings, release_date: str | None) -> dict:
    """Resources from the settings; Dagster's console log is quiet (errors only), progress goes to the caller."""
    return {
        "loggers": {"console": {"config": {"log_level": "ERROR"}}, "progress": {}},
        "resources": {
            "paths": {
                "config": {
                    "reports_dir": str(s.reports_dir.resolve()),
                    "out_dir": str(s.out_dir.resolve()),
                    "as_of": s.as_of.isoformat() if s.as_of else "",
                    "release_date": release_date or "",
                    "project_dir": str(s.project_dir),
                    "lang": s.lang,
                }
            }
        },
    }


def failure_message(result: dg.ExecuteInProcessResult) -> str:
    """Name the step and the error (which names the file and line) of a failed run."""
    return describe_failure(result.all_events)


def run_refresh_job(
    s: Settings,
    release_date: str | None = None,
    trigger: str = "cli",
    on_event: Callable[[str, str], None] | None = None,
) -> RefreshOutcome:
    """Execute the refresh job in this process; raises RefreshLocked if another process is refreshing.

    The settings are resolved here, once (the as-of date pinned to the Asia/Shanghai day), and handed to the run.
    """
    from pipelines.definitions import defs

    s = s.resolved()
    started = dt.datetime.now()
    relay = _Relay(on_event, check_step_names(defs)) if on_event else None
    with RefreshLock(s.out_dir, holder=f"targetwatch refresh ({trigger})"):
        if relay:
            loggers.listeners.append(relay.emit)
        try:
            with dg.DagsterInstance.get() as instance:
                result = defs.resolve_job_def("refresh").execute_in_process(
                    run_config=run_config(s, release_date),
                    instance=instance,
                    raise_on_error=False,
                    tags={TRIGGER_TAG: trigger},
                )
        finally:
            if relay:
                loggers.listeners.remove(relay.emit)
        if result.success:
            return RefreshOutcome(True, result.run_id, "")
        message = failure_message(result)
        record = runlog.RunRecord(run_id=result.run_id, trigger=trigger, as_of=s.as_of, started_at=started,
                                  code_version=code_version(s.project_dir))
        # the build warehouse itself may be broken: then the next run's fresh build takes the row
        runlog.write_or_leave(s.build_dir / WAREHOUSE_FILE, s.out_dir, record.finished("failed", message))
    return RefreshOutcome(False, result.run_id, message)
