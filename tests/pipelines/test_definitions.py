"""The code location loads, its asset and check keys are deliberate, and the Dagster CLI validates it."""

from __future__ import annotations

import os
import subprocess
import sys

from pipelines.definitions import defs
from targetwatch.config import PROJECT_DIR

ASSET_KEYS = sorted([
    "assessment_years", "assessments", "dashboards", "indicators", "jurisdictions", "measures", "observations",
    "policy_documents", "quality_report", "rejected_rows", "report_files", "runs", "target_departments",
    "target_sources", "targets",
])
CHECK_KEYS = ["observations:observations_plausible", "observations:observations_valid"]


def test_asset_keys_are_deliberate():
    assert sorted(k.to_user_string() for k in defs.resolve_all_asset_keys()) == ASSET_KEYS


def test_check_keys_and_blocking():
    graph = defs.resolve_asset_graph()
    specs = {f"{k.asset_key.to_user_string()}:{k.name}": graph.get_check_spec(k) for k in graph.asset_check_keys}
    assert sorted(specs) == CHECK_KEYS
    assert specs["observations:observations_valid"].blocking is True
    assert specs["observations:observations_plausible"].blocking is False


def test_refresh_job_covers_every_asset():
    job = defs.resolve_job_def("refresh")
    assert job.executor_def.name == "in_process"
    assert len(job.asset_layer.executable_asset_keys) == len(ASSET_KEYS)


def test_dagster_cli_validates_the_workspace(tmp_path):
    env = os.environ | {"DAGSTER_HOME": str(tmp_path)}
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    proc = subprocess.run([sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
                          cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Validation successful" in proc.stdout + proc.stderr
