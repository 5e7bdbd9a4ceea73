"""Shared fixtures: the real catalogue and documents (read once), one published refresh of the bundled reports
(once per session, read-only), and tiny synthetic catalogues for cases."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from targetwatch.catalogue import Catalogue, Indicator, Jurisdiction, Source, Target, load_catalogue
from targetwatch.config import PROJECT_DIR
from targetwatch.documents import load_documents

TODAY = dt.date(2026, 11, 23)
AS_OF = TODAY.isoformat()  # the as-of date of the shared published refresh


@dataclass(frozen=True)
class Published:
    """The `refresh` job's result on the bundled reports and the out/ folder it published (read-only)."""

    out: Path
    result: object  # dagster.ExecuteInProcessResult: events and check evaluations, kept in memory

    def copy_to(self, target: Path) -> Path:
        """A private copy of the published out/ folder, for a test that writes into one."""
        shutil.copytree(self.out, target)
        return target


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Published:
    """One refresh of the bundled real figures, as of TODAY, shared by every test that needs a published out/.

    Read-only: a test that writes (a second run, a failed publication) works on `published.copy_to(tmp_path)`."""
    import dagster as dg

    from assets.resources import TargetwatchPaths
    from pipelines.definitions import defs

    out = tmp_path_factory.mktemp("published") / "out"
    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(PROJECT_DIR / "reports"),
                             project_dir=str(PROJECT_DIR), as_of=AS_OF)
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("refresh").execute_in_process(
            instance=instance, raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}, "progress": {}},
                        "resources": {"paths": {"config": paths.model_dump()}}})
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return Published(out=out, result=result)


@pytest.fixture(scope="session")
def documents():
    return load_documents(PROJECT_DIR / "policies")


@pytest.fixture(scope="session")
def catalogue(documents) -> Catalogue:
    return load_catalogue(PROJECT_DIR / "targets.yaml", documents)


# The places of every synthetic test catalogue: one province `xx` and the national reference `nat`.
SYNTHETIC_JURISDICTIONS: tuple[Jurisdiction, ...] = (
    Jurisdiction(code="xx", admin_code="990000", name_zh="测试省", name_en="Testland", level="province"),
    Jurisdiction(code="nat", admin_code="100000", name_zh="全国", name_en="National", level="national"),
)


def tiny_catalogue(*targets: Target) -> Catalogue:
    """A synthetic catalogue (one place `xx`, one reference `nat`) for table-driven assessment cases."""
    return Catalogue(
        version=1,
        jurisdictions=list(SYNTHETIC_JURISDICTIONS),
        indicators=[
            Indicator(code="things", name_zh="事物", name_en="Things", unit="count", measure="stock",
                      definition_en="synthetic stock"),
            Indicator(code="jobs", name_zh="就业", name_en="Jobs", unit="persons", measure="flow",
                      definition_en="synthetic flow"),
            Indicator(code="share", name_zh="比重", name_en="Share", unit="percent", measure="rate",
                      definition_en="synthetic share"),
        ],
        targets=list(targets),
    )


def target(**kw) -> Target:
    base = {"id": "t", "jurisdiction": "xx", "indicator": "things", "name_zh": "测试", "name_en": "test",
            "kind": "outcome", "comparator": "at_least", "deadline": 2020, "plan_start": 2015,
            "sources": [Source(document="synthetic", clause="-", quote="synthetic quote")]}
    return Target(**(base | kw))


def observations(rows: list[tuple]) -> pd.DataFrame:
    """Synthetic observations from (jurisdiction, indicator, year, value[, release_date[, period_type]]) tuples."""
    out = []
    for i, r in enumerate(rows):
        j, ind, year, value = r[:4]
        release = r[4] if len(r) > 4 else None
        period = r[5] if len(r) > 5 else "annual"
        out.append({"observation_id": f"syn:{i}", "jurisdiction": j, "indicator": ind, "year": year,
                    "value": float(value), "unit": "count", "value_as_written": str(value), "unit_as_written": "个",
                    "period_type": period, "figure_type": "actual",
                    "release_date": dt.date.fromisoformat(release) if release else None,
                    "release_date_basis": "row", "confidence": "high", "source_file": "synthetic.csv",
                    "sha256": "0" * 64, "sheet": None, "row_number": i + 2, "column_name": None,
                    "location": f"line {i + 2}", "char_start": None, "char_end": None, "raw_content": "",
                    "source_title": "SYNTHETIC test data", "source_ref": "", "notes": ""})
    df = pd.DataFrame(out)
    df["year"] = df["year"].astype("Int64")
    return df


@pytest.fixture
def project_dir() -> Path:
    return PROJECT_DIR
