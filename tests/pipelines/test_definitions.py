"""The code location loads, its asset and check keys are deliberate, and the Dagster CLI validates it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from pipelines.definitions import defs
from targetwatch.config import PROJECT_DIR

ASSET_KEYS = sorted([
    "assessment_years", "assessments", "changes", "dashboards", "data_owed", "indicators", "jurisdictions", "measures",
    "observations", "policy_documents", "quality_report", "rejected_rows", "report_files", "return_conflicts", "runs",
    "target_departments", "target_sources", "targets",
])
PROVINCE_ASSET_KEYS = ["province_assessments", "province_observations"]  # partitioned, job refresh_by_province
CHECK_KEYS = ["observations:observations_plausible", "observations:observations_valid"]
SCHEDULES = ["monthly_refresh_schedule", "yearly_refresh_schedule"]
SENSORS = ["new_report_sensor", "province_partitions_sensor", "refresh_canceled_sensor", "refresh_failure_sensor"]


def test_asset_keys_are_deliberate():
    assert sorted(k.to_user_string() for k in defs.resolve_all_asset_keys()) == sorted(ASSET_KEYS + PROVINCE_ASSET_KEYS)


def test_check_keys_and_blocking():
    graph = defs.resolve_asset_graph()
    specs = {f"{k.asset_key.to_user_string()}:{k.name}": graph.get_check_spec(k) for k in graph.asset_check_keys}
    assert sorted(specs) == CHECK_KEYS
    assert specs["observations:observations_valid"].blocking is True
    assert specs["observations:observations_plausible"].blocking is False


def test_refresh_job_covers_every_asset():
    job = defs.resolve_job_def("refresh")
    assert job.executor_def.name == "in_process"
    assert sorted(k.to_user_string() for k in job.asset_layer.executable_asset_keys) == ASSET_KEYS


def test_schedules_and_sensors_are_deliberate():
    assert sorted(s.name for s in defs.schedules) == SCHEDULES
    assert sorted(s.name for s in defs.sensors) == SENSORS
    assert all(defs.resolve_schedule_def(name).job_name == "refresh" for name in SCHEDULES)
    assert defs.resolve_sensor_def("new_report_sensor").job_name == "refresh"


def test_the_first_step_is_the_only_root_of_the_build():
    """assets.resources starts a fresh build area when a run executes FIRST_STEP: it must be the only root."""
    from assets.resources import FIRST_ASSET, FIRST_STEP

    roots = [spec.key for spec in defs.resolve_all_asset_specs() if not spec.deps]
    assert FIRST_ASSET in roots
    assert {defs.resolve_assets_def(key).op.name for key in roots} == {FIRST_STEP}


@pytest.mark.slow  # a fresh `dagster` CLI process importing the whole stack (~8 s of CPU): `pytest -m slow`
def test_dagster_cli_validates_the_workspace(tmp_path):
    env = os.environ | {"DAGSTER_HOME": str(tmp_path)}
    shutil.copyfile(PROJECT_DIR / "dagster.yaml", tmp_path / "dagster.yaml")  # the project's instance settings
    proc = subprocess.run([sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
                          cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Validation successful" in proc.stdout + proc.stderr
