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

from pipelines import loggers
from pipelines.failures import describe_failure
from pipelines.jobs import TRIGGER_TAG
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
    """Forward step start/success/failure and check results from Dagster's log stream to a callback."""

    def __init__(self, on_event: Callable[[str, str], None]):
        super().__init__()
        self.on_event = on_event

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
        if kind == "STEP_START":
            self.on_event("start", event.step_key or "")
        elif kind == "STEP_SUCCESS":
            self.on_event("success", event.step_key or "")
        elif kind == "STEP_FAILURE":
            self.on_event("failure", event.step_key or "")
        elif kind == "ASSET_CHECK_EVALUATION":
            data = event.event_specific_data
            self.on_event(
                "check",
                f"{data.check_name}: " + ("passed" if data.passed else f"did not pass ({data.severity.value.lower()})"),
            )


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
    relay = _Relay(on_event) if on_event else None
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
