"""Resources: where the project, reports and outputs live. Paths tests override are fields here.

`paths` is also what makes a run the only writer: every asset requires it, and with the in-process
executor Dagster initialises it once, before the first step, for the whole run. Initialising it for a
run takes the refresh lock (out/.refresh.lock, the same lock the CLI takes) and, when the run starts
from the first stage, a fresh build area; the lock is released when the run ends, however it ends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from pipelines.failures import record_interrupted
from targetwatch.config import Settings, from_env
from targetwatch.locking import RefreshLock
from targetwatch.warehouse import WAREHOUSE_FILE, prepare_build

# The stage that starts a build: a run that executes it starts from an empty build area (a test checks
# that it is the only root of the refresh job). Other runs (a UI run of the publishing stage only, a
# re-execution from a failed step) continue the build that is there.
FIRST_STEP = "catalogue"
FIRST_ASSET = dg.AssetKey("targets")


def starts_a_build(run: dg.DagsterRun) -> bool:
    """Whether `run` executes the first stage, and so builds from scratch."""
    if run.step_keys_to_execute is not None and FIRST_STEP not in run.step_keys_to_execute:
        return False
    return not run.asset_selection or FIRST_ASSET in run.asset_selection  # empty or None: the whole job


class TargetwatchPaths(dg.ConfigurableResource):
    """Empty fields fall back to the environment (TARGETWATCH_*) and then to the defaults in targetwatch.config."""

    project_dir: str = ""
    reports_dir: str = ""
    out_dir: str = ""
    as_of: str = ""
    release_date: str = ""
    lang: str = ""

    def settings(self) -> Settings:
        return from_env().with_overrides(
            project_dir=Path(self.project_dir) if self.project_dir else None,
            reports_dir=Path(self.reports_dir) if self.reports_dir else None,
            out_dir=Path(self.out_dir) if self.out_dir else None,
            as_of=dt.date.fromisoformat(self.as_of) if self.as_of else None,
            lang=self.lang or None,
        )

    @property
    def build_warehouse(self) -> Path:
        return self.settings().build_dir / WAREHOUSE_FILE

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
        with RefreshLock(s.out_dir, holder=f"Dagster run {run.run_id[:8]} of {run.job_name}"):
            interrupted = record_interrupted(s.out_dir)
            if interrupted and context.log:
                context.log.warning(interrupted)
            if starts_a_build(run):
                for note in prepare_build(s.build_dir, s.out_dir):
                    if context.log:
                        context.log.warning(note)
            yield self
