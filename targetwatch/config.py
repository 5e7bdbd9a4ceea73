"""Configuration in one place: defaults, then environment variables, then command-line options.

TARGETWATCH_REPORTS   reports folder          (default: <project>/reports)
TARGETWATCH_OUT       output folder           (default: <project>/out)
TARGETWATCH_AS_OF     as-of date, YYYY-MM-DD  (default: today in Asia/Shanghai, whoever starts the run)
TARGETWATCH_LANG      default dashboard language, zh or en (default: zh)
DAGSTER_HOME          Dagster's run history, schedules and logs (default: <output folder>/.dagster)
TARGETWATCH_SITE_WORKERS  1: a forked copy of the run's process writes a large dashboards site's pages and some of
                      its data files beside it (default 0: one process; targetwatch/render/fork_pair.py)

Derived from the output folder: the published warehouse (<out>/warehouse.duckdb), the build area
(<out>/.build) and the refresh lock (<out>/.refresh.lock).

A run resolves its settings once, at its start (`Settings.resolved`): the as-of date is pinned then, to the
bureau's calendar day, so a run that crosses midnight, or one started from a machine in another time zone,
judges every target as of the same day.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_DIR = Path(__file__).resolve().parents[1]
WAREHOUSE_FILE = "warehouse.duckdb"
TIMEZONE = "Asia/Shanghai"  # the bureau's calendar: the default as-of date and the schedules' clock


def today() -> dt.date:
    """Today's date in the bureau's time zone (not the machine's)."""
    return dt.datetime.now(ZoneInfo(TIMEZONE)).date()


@dataclass(frozen=True)
class Settings:
    project_dir: Path = PROJECT_DIR
    reports_dir: Path = PROJECT_DIR / "reports"
    out_dir: Path = PROJECT_DIR / "out"
    as_of: dt.date | None = None
    lang: str = "zh"
    dagster_home: Path | None = None  # None: <out_dir>/.dagster

    @property
    def targets_file(self) -> Path:
        return self.project_dir / "targets.yaml"

    @property
    def policies_dir(self) -> Path:
        return self.project_dir / "policies"

    @property
    def build_dir(self) -> Path:
        """Where a run builds its warehouse and site before they are published."""
        return self.out_dir / ".build"

    @property
    def warehouse_path(self) -> Path:
        """The published warehouse that analysts and auditors open."""
        return self.out_dir / WAREHOUSE_FILE

    @property
    def dagster_home_dir(self) -> Path:
        """Dagster's instance folder: run history, event logs, schedule and sensor state."""
        return self.dagster_home or self.out_dir / ".dagster"

    @property
    def effective_as_of(self) -> dt.date:
        """The as-of date: the one given, else today in Asia/Shanghai (a resolved Settings always has one)."""
        return self.as_of or today()

    def resolved(self) -> Settings:
        """These settings with the as-of date pinned: what one run uses from its start to its end."""
        return replace(self, as_of=self.effective_as_of)

    def with_overrides(self, **kwargs: object) -> Settings:
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


def from_env(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    s = Settings()
    as_of = env.get("TARGETWATCH_AS_OF")
    return s.with_overrides(
        reports_dir=Path(env["TARGETWATCH_REPORTS"]) if env.get("TARGETWATCH_REPORTS") else None,
        out_dir=Path(env["TARGETWATCH_OUT"]) if env.get("TARGETWATCH_OUT") else None,
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
        lang=env.get("TARGETWATCH_LANG") or None,
        dagster_home=Path(env["DAGSTER_HOME"]) if env.get("DAGSTER_HOME") else None,
    )
