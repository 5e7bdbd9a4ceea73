"""`dagster dev` as the bureau starts it: on 127.0.0.1, a private DAGSTER_HOME with the project's dagster.yaml,
the code location loaded with every asset, both schedules and the sensors, and one run at a time."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pipelines.dev import dev_command, ensure_dagster_home
from targetwatch.config import PROJECT_DIR, Settings
from tests.pipelines.test_definitions import ASSET_KEYS, PROVINCE_ASSET_KEYS

QUERY = """{
  instance { runQueueConfig { maxConcurrentRuns } }
  workspaceOrError { __typename ... on Workspace { locationEntries { name loadStatus
    locationOrLoadError { __typename
      ... on PythonError { message }
      ... on RepositoryLocation { repositories { assetNodes { assetKey { path } }
        schedules { name cronSchedule executionTimezone scheduleState { status } }
        sensors { name sensorState { status } } } } } } } }
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(port: int) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": QUERY}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["data"]


STARTUP_LIMIT = 120  # seconds: about 20 on an idle 2-CPU machine, over 60 when other test suites share it


def wait_for_location(port: int, proc: subprocess.Popen, log: Path) -> dict:
    """Poll until the webserver answers and the code location has finished loading."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        assert proc.poll() is None, "dagster dev exited early:\n" + log.read_text(errors="replace")[-3000:]
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
            data = graphql(port)
            entries = data["workspaceOrError"]["locationEntries"]
            if entries and entries[0]["loadStatus"] == "LOADED":
                return data
        time.sleep(1)
    raise AssertionError(f"no code location after {STARTUP_LIMIT} s:\n" + log.read_text(errors="replace")[-3000:])


def test_the_default_home_is_inside_out_with_the_projects_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)  # restored afterwards: ensure_dagster_home exports it
    out = tmp_path / "out"
    (out / ".dagster").mkdir(parents=True)
    (out / ".dagster" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")  # an older CLI's file
    home = ensure_dagster_home(Settings(out_dir=out))
    assert home == (out / ".dagster").resolve() and os.environ["DAGSTER_HOME"] == str(home)
    assert (home / "dagster.yaml").read_bytes() == (PROJECT_DIR / "dagster.yaml").read_bytes()


def test_an_operators_home_keeps_its_own_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    mine = tmp_path / "home"
    mine.mkdir()
    (mine / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    assert ensure_dagster_home(Settings(out_dir=tmp_path / "out", dagster_home=mine)) == mine.resolve()
    assert (mine / "dagster.yaml").read_text() == "telemetry:\n  enabled: false\n"
    assert not (tmp_path / "out").exists()


def test_the_ui_listens_on_localhost_by_default():
    command = dev_command(Settings(), port=3456)
    assert command[1:] == ["-m", "dagster", "dev", "-w", str(PROJECT_DIR / "workspace.yaml"),
                           "-h", "127.0.0.1", "-p", "3456"]


@pytest.mark.slow  # a real `dagster dev` (webserver, daemon, code server): `pytest -m slow`
def test_dagster_dev_serves_the_code_location_on_localhost(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    home = ensure_dagster_home(Settings(out_dir=tmp_path / "out", dagster_home=tmp_path / "dagster_home"))
    port = free_port()
    env = os.environ | {"DAGSTER_HOME": str(home), "TARGETWATCH_OUT": str(tmp_path / "out")}
    log = tmp_path / "dagster-dev.log"
    started = time.monotonic()
    with log.open("w") as sink:  # a file, not a pipe: nobody reads a pipe, and a full one would stall Dagster
        proc = subprocess.Popen(dev_command(Settings(), port=port), cwd=PROJECT_DIR, env=env,
                                start_new_session=True, stdout=sink, stderr=subprocess.STDOUT)
    try:
        data = wait_for_location(port, proc, log)
        startup = time.monotonic() - started
        with socket.socket() as s:  # bound to the loopback interface only
            s.settimeout(2)
            lan = socket.gethostbyname(socket.gethostname())
            assert lan.startswith("127.") or s.connect_ex((lan, port)) != 0
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    entry = data["workspaceOrError"]["locationEntries"][0]
    assert entry["name"] == "targetwatch"
    location = entry["locationOrLoadError"]
    assert location["__typename"] == "RepositoryLocation", location
    repo = location["repositories"][0]
    keys = sorted("/".join(a["assetKey"]["path"]) for a in repo["assetNodes"])
    assert keys == sorted(ASSET_KEYS + PROVINCE_ASSET_KEYS)
    assert {s["name"]: (s["cronSchedule"], s["executionTimezone"], s["scheduleState"]["status"])
            for s in repo["schedules"]} == {
        "monthly_refresh_schedule": ("0 9 5 * *", "Asia/Shanghai", "STOPPED"),
        "yearly_refresh_schedule": ("0 9 1 10 *", "Asia/Shanghai", "STOPPED"),
    }
    assert {s["name"]: s["sensorState"]["status"] for s in repo["sensors"]} == {
        "new_report_sensor": "STOPPED", "refresh_failure_sensor": "RUNNING", "refresh_canceled_sensor": "RUNNING",
        "province_partitions_sensor": "STOPPED",
    }
    assert data["instance"]["runQueueConfig"]["maxConcurrentRuns"] == 1
    assert {"history", "schedules"} <= {p.name for p in home.iterdir()}  # its state went to the temporary home
    print(f"dagster dev served the code location after {startup:.1f} s")


def test_scratch_homes_left_by_a_killed_bare_dagster_dev_are_removed_and_a_live_one_is_kept(tmp_path):
    from pipelines.dev import remove_stale_scratch_homes

    stale, live = tmp_path / ".tmp_dagster_home_abc123", tmp_path / ".tmp_dagster_home_def456"
    for home in (stale, live):
        (home / "history").mkdir(parents=True)
        (home / "history" / "runs.db").write_bytes(b"SQLite format 3\0")
    (tmp_path / ".tmp_dagster_home_note.txt").write_text("a file, not a home")
    with (live / "history" / "runs.db").open("rb"):  # a running Dagster holds its run database open
        removed = remove_stale_scratch_homes(tmp_path)
    assert removed == [stale]
    assert not stale.exists() and live.is_dir() and (tmp_path / ".tmp_dagster_home_note.txt").is_file()
    assert remove_stale_scratch_homes(tmp_path / "empty") == []


def test_targetwatch_dev_runs_dagster_from_its_home_without_the_supersession_notice(tmp_path, monkeypatch):
    """From DAGSTER_HOME, beside the dagster.yaml it uses, Dagster does not warn about the project's root copy; only
    the notice that `dagster dev` is superseded by `dg dev` is filtered (the layout dg needs is not this one)."""
    import pipelines.dev as dev

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.delenv("PYTHONWARNINGS", raising=False)
    monkeypatch.chdir(tmp_path)  # run_dev changes the working folder: monkeypatch puts it back
    became = {}

    def fake_execv(path, argv):  # a fake: record what the process would become, instead of becoming it
        became.update(path=path, argv=argv, cwd=os.getcwd(), warnings=os.environ["PYTHONWARNINGS"])
        raise SystemExit(0)

    monkeypatch.setattr(dev.os, "execv", fake_execv)
    with pytest.raises(SystemExit):
        dev.run_dev(Settings(out_dir=tmp_path / "out"), port=3456)
    home = (tmp_path / "out" / ".dagster").resolve()
    assert became["cwd"] == str(home) and (home / "dagster.yaml").is_file()
    assert became["argv"][1:4] == ["-m", "dagster", "dev"] and became["argv"][-2:] == ["-p", "3456"]
    assert became["warnings"] == "ignore:Function `dev_command` is superseded:FutureWarning"


@pytest.mark.parametrize("path", [".tmp_dagster_home_k2x9qz/history/runs.db", "test-artifacts/screenshots/a.png",
                                  "out/.dagster/dagster.yaml"])
def test_scratch_and_test_artifacts_are_git_ignored(path):
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=PROJECT_DIR, check=False)
    assert ignored.returncode == 0, f"{path} is not git-ignored"
