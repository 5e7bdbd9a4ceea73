"""Resources: where the project, reports and outputs live. Paths tests override are fields here.

`paths` is also what makes a run the only writer: every asset requires it, and with the in-process
executor Dagster initialises it once, before the first step, for the whole run. Initialising it for a
run takes the refresh lock (out/.refresh.lock, the same lock the CLI takes) and, when the run starts
from the first stage, a fresh build area; the lock is released when the run ends, however it ends.

It also resolves the run once: the settings (with the as-of date pinned to the Asia/Shanghai day, whatever
started the run) and the run's `runs` row (`running`, with its trigger taken from the run's tag), which every
step then reads from `paths.settings()` and `paths.run_record` instead of working them out again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from targetwatch import runlog
from targetwatch.config import Settings, from_env
from targetwatch.locking import RefreshLock
from targetwatch.provenance import code_version
from targetwatch.warehouse import WAREHOUSE_FILE, prepare_build

# The stage that starts a build: a run that executes it starts from an empty build area (a test checks
# that it is the only root of the refresh job). Other runs (a UI run of the publishing stage only, a
# re-execution from a failed step) continue the build that is there.
FIRST_STEP = "catalogue"
# Who started a run (cli | schedule | sensor; UI runs have none and count as "dagster"): the `runs` table says.
TRIGGER_TAG = "targetwatch/trigger"
FIRST_ASSET = dg.AssetKey("targets")


def starts_a_build(run: dg.DagsterRun) -> bool:
    """Whether `run` executes the first stage, and so builds from scratch."""
    if run.step_keys_to_execute is not None and FIRST_STEP not in run.step_keys_to_execute:
        return False
    return not run.asset_selection or FIRST_ASSET in run.asset_selection  # empty or None: the whole job


class BuildWarehouse(DuckDBResource):
    """dagster-duckdb's resource, closing its connection however the block ends: its own `get_connection` skips the
    close when the block raises, and a connection left open with its settings makes every later plain
    `duckdb.connect` of the same file in this process fail ("different configuration")."""

    @contextlib.contextmanager
    def get_connection(self):
        with super().get_connection() as con:
            try:
                yield con
            finally:
                con.close()


class TargetwatchPaths(dg.ConfigurableResource):
    """Empty fields fall back to the environment (TARGETWATCH_*) and then to the defaults in targetwatch.config."""

    project_dir: str = ""
    reports_dir: str = ""
    out_dir: str = ""
    as_of: str = ""
    release_date: str = ""
    lang: str = ""

    _resolved: Settings | None = PrivateAttr(default=None)
    _run_record: runlog.RunRecord | None = PrivateAttr(default=None)

    def settings(self) -> Settings:
        """The run's settings, resolved once at its start; outside a run (sensors), resolved on each call."""
        if self._resolved is not None:
            return self._resolved
        return from_env().with_overrides(
            project_dir=Path(self.project_dir) if self.project_dir else None,
            reports_dir=Path(self.reports_dir) if self.reports_dir else None,
            out_dir=Path(self.out_dir) if self.out_dir else None,
            as_of=dt.date.fromisoformat(self.as_of) if self.as_of else None,
            lang=self.lang or None,
        ).resolved()

    @property
    def run_record(self) -> runlog.RunRecord:
        """This run's `runs` row as written at its start (outcome `running`)."""
        if self._run_record is None:
            raise RuntimeError("paths.run_record is only known inside a run")
        return self._run_record

    @property
    def build_warehouse(self) -> Path:
        return self.settings().build_dir / WAREHOUSE_FILE

    @property
    def duckdb(self) -> BuildWarehouse:
        """The one way the steps reach the build warehouse: dagster-duckdb's resource on this run's file
        (`with paths.duckdb.get_connection() as con:`; it retries while another process holds the file).

        It follows `paths` rather than being configured on its own, so the CLI, tests and UI runs that set the
        output folder once can never point the steps at another warehouse."""
        return BuildWarehouse(database=str(self.build_warehouse))

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[TargetwatchPaths]:
        """For a run: hold the refresh lock from before the first step to after the last.

        A second writer is refused here, before any step runs, with "another refresh is running (pid …)".
        Sensors and schedules also use this resource, but outside any run: they take no lock.
        """
        run = context.dagster_run
        if run is None:
            yield self
            return
        s = self.settings()
        with RefreshLock(s.out_dir, holder=f"Dagster run {run.run_id[:8]} of {run.job_name}") as lock:
            record = runlog.RunRecord(run_id=run.run_id, trigger=run.tags.get(TRIGGER_TAG, "dagster"), as_of=s.as_of,
                                      started_at=dt.datetime.now(), code_version=code_version(s.project_dir))
            lock.describe(run_id=record.run_id, trigger=record.trigger, as_of=s.as_of.isoformat(),
                          code_version=record.code_version)
            interrupted = runlog.record_interrupted(s.out_dir)
            if interrupted and context.log:
                context.log.warning(interrupted)
            if starts_a_build(run):
                for note in prepare_build(s.build_dir, s.out_dir):
                    if context.log:
                        context.log.warning(note)
            runlog.write_or_leave(s.build_dir / WAREHOUSE_FILE, s.out_dir, record)
            self._resolved, self._run_record = s, record
            try:
                yield self
            finally:
                self._resolved, self._run_record = None, None
