"""Resources: where the project, reports and outputs live. Paths tests override are fields here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dagster as dg

from targetwatch.config import Settings, from_env
from targetwatch.warehouse import WAREHOUSE_FILE


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
