"""Sensors: a refresh when a report is added or changed, and a `runs` row for every Dagster run that fails.

`new_report_sensor` compares the sha256 of every report in the reports folder with its cursor (JSON of
{file: sha256}), so touching a file or copying the same bytes again starts nothing, and Excel lock files,
`.part` downloads and hidden files are never looked at (`is_report_candidate`, the rule ingestion uses).
A file's `<name>.meta.yaml` sidecar counts with it: a new release date changes the verdicts too.

`refresh_failure_sensor` and `refresh_canceled_sensor` record failed and canceled Dagster-launched runs (a
refused one too) in the build warehouse's `runs` table, which the next successful run publishes; the CLI
records its own failures. While another run holds the refresh lock, the row waits in out/.pending-runs/
and the next run takes it in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import dagster as dg
import duckdb

from assets.provinces import PROVINCES, ProvinceStore, published_province_keys
from assets.resources import TRIGGER_TAG, TargetwatchPaths
from pipelines.failures import describe_failure
from pipelines.jobs import refresh_job
from targetwatch import runlog
from targetwatch.locking import RefreshLock, RefreshLocked
from targetwatch.provenance import code_version
from targetwatch.reports.ingest import is_report_candidate, sidecar_path
from targetwatch.warehouse import WAREHOUSE_FILE, recover_publication

CHANGED_TAG = "targetwatch/reports_changed"
LOCK_RETRY_TAG = "targetwatch/lock_retry"
# A sensor or schedule run refused because another refresh held the lock is requested again, at most this many
# times, one failure-sensor tick (about 30 s) apart: the new report it was started for is not left waiting.
MAX_LOCK_RETRIES = 3


def report_hashes(reports_dir: Path) -> dict[str, str]:
    """{path relative to the folder: sha256} of every report and its sidecar (the files ingestion reads)."""
    hashes = {}
    for path in sorted(reports_dir.rglob("*")):
        if not is_report_candidate(path, reports_dir):
            continue
        for f in (path, sidecar_path(path)):
            try:
                with f.open("rb") as fh:
                    hashes[f.relative_to(reports_dir).as_posix()] = hashlib.file_digest(fh, "sha256").hexdigest()
            except OSError:  # no sidecar, or the file went away or is still locked: it counts at the next tick
                continue
    return hashes


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Start a refresh when a report in the reports folder is added or its content changes "
    "(sha256; touching a file does nothing; ~$ lock files, .part downloads and hidden files are ignored).",
)
def new_report_sensor(context: dg.SensorEvaluationContext, paths: TargetwatchPaths) -> dg.SensorResult:
    reports_dir = paths.settings().reports_dir
    if not reports_dir.is_dir():
        return dg.SensorResult(skip_reason=f"reports folder {reports_dir} does not exist", cursor=context.cursor)
    try:
        seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    except ValueError:  # a cursor edited by hand: start over (one refresh)
        seen = {}
    now = report_hashes(reports_dir)
    cursor = json.dumps(now, sort_keys=True, ensure_ascii=False)
    added = [f for f in now if f not in seen]
    changed = [f for f in now if f in seen and seen[f] != now[f]]
    removed = [f for f in seen if f not in now]
    if not added and not changed:
        note = f"; no longer there (not a reason to refresh): {', '.join(removed)}" if removed else ""
        return dg.SensorResult(skip_reason=f"{len(now)} report file(s), none added or changed{note}", cursor=cursor)
    # The key covers the state before and after, so a change that undoes an earlier one still refreshes,
    # and a tick evaluated twice (daemon restart before the cursor was saved) launches one run.
    run_key = "reports-" + hashlib.sha256(json.dumps([seen, now], sort_keys=True).encode()).hexdigest()[:16]
    summary = ", ".join([f"added {f}" for f in added] + [f"changed {f}" for f in changed])
    context.log.info(f"starting a refresh: {summary}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(run_key=run_key, tags={TRIGGER_TAG: "sensor", CHANGED_TAG: summary[:1000]})
        ],
        cursor=cursor,
    )


def paths_of_run(run: dg.DagsterRun, default: TargetwatchPaths) -> TargetwatchPaths:
    """The `paths` a run was configured with (its run config over the code location's resource)."""
    config = ((run.run_config or {}).get("resources", {}).get("paths") or {}).get("config") or {}
    return TargetwatchPaths(**(default.model_dump() | config))


def record_failed_run(context: dg.RunStatusSensorContext, paths: TargetwatchPaths, what: str,
                      retry: bool = False) -> dg.SkipReason | dg.RunRequest:
    """Write the run's `failed` row (step and error) into the build warehouse, or leave it pending."""
    run = context.dagster_run
    if run.tags.get(TRIGGER_TAG) == "cli":
        return dg.SkipReason(f"run {run.run_id} was started by the CLI, which records its own failures")
    s = paths_of_run(run, paths).settings()
    events = [r.dagster_event for r in context.instance.all_logs(run.run_id) if r.dagster_event]
    message = describe_failure(events, fallback=f"{what}: {context.dagster_event.message or 'no reason given'}")
    stats = context.instance.get_run_stats(run.run_id)
    record = runlog.RunRecord(
        run_id=run.run_id, trigger=run.tags.get(TRIGGER_TAG, "dagster"), as_of=s.as_of,
        started_at=dt.datetime.fromtimestamp(stats.start_time) if stats.start_time else None,
        code_version=code_version(s.project_dir),
    ).finished("failed", message, at=dt.datetime.fromtimestamp(stats.end_time) if stats.end_time else None)
    runlog.write_later(s.out_dir, record)
    again = retry_refused(run, message) if retry else None
    try:
        with RefreshLock(s.out_dir, holder=f"failure sensor, recording run {run.run_id[:8]}"):
            runlog.record_interrupted(s.out_dir)  # a refresh killed before this one: on record too
            undone = recover_publication(s.out_dir)  # a run killed while publishing: roll back now
            runlog.flush_pending(s.out_dir, s.build_dir / WAREHOUSE_FILE)
    except (RefreshLocked, duckdb.Error) as exc:
        return again or dg.SkipReason(
            f"run {run.run_id} {what}; its row waits in {s.out_dir} for the next run ({exc})")
    rolled_back = f"; rolled back its unfinished publication of {', '.join(undone)}" if undone else ""
    return again or dg.SkipReason(f"run {run.run_id} {what}: recorded in the runs table{rolled_back}")


def retry_refused(run: dg.DagsterRun, message: str) -> dg.RunRequest | None:
    """The same refresh again, if the run was started by the sensor or a schedule and refused by the refresh lock
    (its row stays on record as `failed`); None for any other failure or after MAX_LOCK_RETRIES attempts."""
    tried = int(run.tags.get(LOCK_RETRY_TAG, "0") or 0)
    if run.tags.get(TRIGGER_TAG) not in ("sensor", "schedule") or "RefreshLocked" not in message:
        return None
    if tried >= MAX_LOCK_RETRIES:
        return None
    tags = {k: v for k, v in run.tags.items() if k in (TRIGGER_TAG, CHANGED_TAG)}
    return dg.RunRequest(run_config=run.run_config, tags=tags | {LOCK_RETRY_TAG: str(tried + 1)})


@dg.run_failure_sensor(
    default_status=dg.DefaultSensorStatus.RUNNING,
    request_job=refresh_job,
    description="Record every failed run of this code location (a refused one too) in the runs table; request a "
    f"sensor or schedule refresh refused by the refresh lock again (at most {MAX_LOCK_RETRIES} times).",
)
def refresh_failure_sensor(context: dg.RunFailureSensorContext,
                           paths: TargetwatchPaths) -> dg.SkipReason | dg.RunRequest:
    return record_failed_run(context, paths, "failed", retry=True)


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.CANCELED,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Record every canceled run (terminated in the UI, or over its maximum run time) in the runs table.",
)
def refresh_canceled_sensor(context: dg.RunStatusSensorContext, paths: TargetwatchPaths) -> dg.SkipReason:
    return record_failed_run(context, paths, "was canceled")


@dg.sensor(
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Register the provinces of the published warehouse as partitions of `refresh_by_province` "
    "(issue 16 item 7); starts no run.",
)
def province_partitions_sensor(context: dg.SensorEvaluationContext, province_store: ProvinceStore) -> dg.SensorResult:
    keys = published_province_keys(province_store)
    new = [k for k in keys if not context.instance.has_dynamic_partition(PROVINCES.name, k)]
    return dg.SensorResult(dynamic_partitions_requests=[PROVINCES.build_add_request(new)] if new else [])
