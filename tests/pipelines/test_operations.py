"""One writer at a time, and every failure on record: the refresh lock across processes, refused runs, and the
`failed` rows that the CLI and the failure sensor write."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.resources import TargetwatchPaths
from pipelines.definitions import defs
from pipelines.failures import describe_failure
from pipelines.run import run_refresh_job
from pipelines.sensors import refresh_failure_sensor
from targetwatch.config import PROJECT_DIR, Settings
from targetwatch.locking import RefreshLock, RefreshLocked, held_here
from targetwatch.warehouse import cache_dir

HOLD = """\
import sys
from pathlib import Path
from targetwatch.locking import RefreshLock
with RefreshLock(Path(sys.argv[1]), holder="a test holding the lock"):
    print("held", flush=True)
    sys.stdin.read()
"""


@contextlib.contextmanager
def lock_held_elsewhere(out: Path):
    """Another process (standing in for a CLI refresh or a Dagster run) holds the lock; yields its pid."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], cwd=PROJECT_DIR, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc.pid
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def refused(pid: int) -> str:
    return re.escape(f"another refresh is running (pid {pid} · a test holding the lock · since ")


def bad_project(tmp_path: Path) -> Path:
    """A copy of the project whose targets.yaml has an unknown comparator (the catalogue step fails)."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT_DIR / "policies", project / "policies")
    text = (PROJECT_DIR / "targets.yaml").read_text(encoding="utf-8")
    (project / "targets.yaml").write_text(text.replace("comparator: at_least", "comparator: more_or_less", 1),
                                          encoding="utf-8")
    return project


def run_job(out: Path, instance, project: Path = PROJECT_DIR, tags=None) -> dg.ExecuteInProcessResult:
    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(PROJECT_DIR / "reports"), project_dir=str(project))
    return defs.resolve_job_def("refresh").execute_in_process(
        instance=instance, raise_on_error=False, tags=tags,
        run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}, "progress": {}},
                    "resources": {"paths": {"config": paths.model_dump()}}},
    )


def evaluate_failure_sensor(run_id: str, instance) -> dg.SkipReason | dg.RunRequest:
    """Evaluate refresh_failure_sensor on a failed run, as the daemon would."""
    failure = instance.all_logs(run_id, of_type=dg.DagsterEventType.RUN_FAILURE)[0].dagster_event
    with dg.build_run_status_sensor_context(
        sensor_name="refresh_failure_sensor", dagster_event=failure, dagster_instance=instance,
        dagster_run=instance.get_run_by_id(run_id), resources={"paths": TargetwatchPaths()},
    ).for_run_failure() as context:
        return refresh_failure_sensor(context)


def sensor_records(run_id: str, instance) -> str:
    """The failure sensor's skip message for a failed run (what it did with the run's row)."""
    return evaluate_failure_sensor(run_id, instance).skip_message


def runs_of(db: Path) -> dict[str, tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0]: r[1:] for r in con.execute("SELECT run_id, outcome, trigger, message FROM runs").fetchall()}


def test_the_lock_is_reentrant_in_one_process_and_exclusive_across_processes(tmp_path):
    out = tmp_path / "out"
    with RefreshLock(out), RefreshLock(out):  # the CLI holds it, then its in-process run takes it again
        assert held_here(out)
    assert not held_here(out)
    with lock_held_elsewhere(out) as pid, pytest.raises(RefreshLocked, match=refused(pid)):
        RefreshLock(out).__enter__()
    with RefreshLock(out):  # released when the holder exits
        pass


def test_a_dagster_run_is_refused_before_writing_and_recorded_afterwards(tmp_path, instance):
    out = tmp_path / "out"
    with lock_held_elsewhere(out) as pid:
        result = run_job(out, instance)
        assert not result.success
        message = describe_failure(result.all_events)
        assert re.match("the run did not start: RefreshLocked: " + refused(pid), message)
        assert sorted(p.name for p in out.iterdir()) == [".refresh.lock"]  # nothing was written
        # the failure sensor cannot write while the other refresh runs: the row waits for the next holder
        assert "waits" in sensor_records(result.run_id, instance)
        assert [p.name for p in (out / ".pending-runs").iterdir()] == [f"{result.run_id}.json"]
    assert "recorded in the runs table" in sensor_records(result.run_id, instance)
    outcome, trigger, recorded = runs_of(out / ".build" / "warehouse.duckdb")[result.run_id]
    assert (outcome, trigger) == ("failed", "dagster")
    assert f"another refresh is running (pid {pid}" in recorded
    assert not list((out / ".pending-runs").iterdir())


def test_a_failed_step_of_a_dagster_run_is_recorded_with_its_step_and_file(tmp_path, instance):
    out = tmp_path / "out"
    result = run_job(out, instance, project=bad_project(tmp_path), tags={"targetwatch/trigger": "schedule"})
    assert not result.success
    assert "recorded in the runs table" in sensor_records(result.run_id, instance)
    outcome, trigger, message = runs_of(out / ".build" / "warehouse.duckdb")[result.run_id]
    assert (outcome, trigger) == ("failed", "schedule")
    assert re.match(r"step catalogue failed: CatalogueError: targets.yaml:\d+: .*comparator", message)


def test_the_cli_path_records_its_own_failure_and_the_sensor_leaves_it(tmp_path, instance, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", instance.root_directory)
    out = tmp_path / "out"
    s = Settings(project_dir=bad_project(tmp_path), reports_dir=PROJECT_DIR / "reports", out_dir=out)
    outcome = run_refresh_job(s, trigger="cli")
    assert not outcome.success
    assert re.match(r"step catalogue failed: CatalogueError: targets.yaml:\d+: .*comparator", outcome.message)
    assert runs_of(out / ".build" / "warehouse.duckdb")[outcome.run_id] == ("failed", "cli", outcome.message)
    assert "the CLI, which records its own failures" in sensor_records(outcome.run_id, instance)
    with lock_held_elsewhere(out) as pid, pytest.raises(RefreshLocked, match=refused(pid)):
        run_refresh_job(s, trigger="cli")


def test_the_cli_refuses_a_second_refresh_with_the_holder(tmp_path):
    out = tmp_path / "out"
    env = os.environ | {"DAGSTER_HOME": str(tmp_path / "dagster_home"), "COLUMNS": "200"}
    with RefreshLock(out, holder="a test holding the lock"):  # this process stands in for a Dagster run
        proc = subprocess.run([sys.executable, "-c", "from pipelines.cli import main; main()", "refresh",
                               "--out", str(out)], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
                              timeout=300)
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert re.search(refused(os.getpid()), proc.stderr.replace("\n", ""))
    assert not (out / ".build").exists() and not (out / "warehouse.duckdb").exists()
    # nor the CLI's catalogue check's parse (kept for the job only once the lock is held: pipelines/cli.py `keep`)
    assert not list(cache_dir(out).rglob("*.pickle"))


def test_a_sensor_run_refused_by_the_lock_is_requested_again_a_bounded_number_of_times(tmp_path, instance):
    """The new report a sensor run was started for must not wait for the next change: the refused run is on
    record as failed and the failure sensor requests the same refresh again (same config, sensor trigger, the
    changed files), up to MAX_LOCK_RETRIES times; a refused run started from the UI or a failed step is not."""
    from pipelines.sensors import LOCK_RETRY_TAG, MAX_LOCK_RETRIES

    out = tmp_path / "out"
    tags = {"targetwatch/trigger": "sensor", "targetwatch/reports_changed": "added a.csv"}
    with lock_held_elsewhere(out):
        refused_run = run_job(out, instance, tags=tags)
        last = run_job(out, instance, tags=tags | {LOCK_RETRY_TAG: str(MAX_LOCK_RETRIES)})
        manual = run_job(out, instance)  # started from the UI: the operator sees it failed and decides
        again = evaluate_failure_sensor(refused_run.run_id, instance)
        assert isinstance(again, dg.RunRequest)
        assert again.tags == tags | {LOCK_RETRY_TAG: "1"}
        assert again.run_config == instance.get_run_by_id(refused_run.run_id).run_config
        assert isinstance(evaluate_failure_sensor(last.run_id, instance), dg.SkipReason)
        assert isinstance(evaluate_failure_sensor(manual.run_id, instance), dg.SkipReason)
    failed_step = run_job(out, instance, project=bad_project(tmp_path), tags=tags)
    assert isinstance(evaluate_failure_sensor(failed_step.run_id, instance), dg.SkipReason)
