"""Configuration in one place: defaults, then environment variables, then command-line options.

TARGETWATCH_REPORTS   reports folder          (default: <project>/reports)
TARGETWATCH_OUT       output folder           (default: <project>/out)
TARGETWATCH_AS_OF     as-of date, YYYY-MM-DD  (default: today)
TARGETWATCH_LANG      default dashboard language, zh or en (default: zh)
DAGSTER_HOME          Dagster's run history, schedules and logs (default: <output folder>/.dagster)

Derived from the output folder: the published warehouse (<out>/warehouse.duckdb), the build area
(<out>/.build) and the refresh lock (<out>/.refresh.lock).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
WAREHOUSE_FILE = "warehouse.duckdb"


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
        return self.as_of or dt.date.today()

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
