"""Helpers for the reader tests: the catalogue's aliases, and one-folder ingestion in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.any_place import load_places, widened
from targetwatch.reports.ingest import IngestResult, ingest_folder
from targetwatch.reports.model import Aliases
from tests.conftest import TODAY
from tests.targetwatch.reports.ingest_batches import IngestBatch
from tests.targetwatch.reports.sentence_batches import BATCHES

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")
SCRIPTS = ("simplified", "traditional")


@pytest.fixture(scope="session")
def aliases(catalogue) -> Aliases:
    return Aliases.from_catalogue(catalogue)


@pytest.fixture(scope="session")
def wide_aliases(catalogue) -> Aliases:
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv), as the any-place run reads:
    one copy for every round module instead of one per module."""
    return Aliases.from_catalogue(widened(catalogue, load_places(Path(__file__).parents[2] / "fixtures" / "real")))


@pytest.fixture(scope="module")
def planned_ingest(request, catalogue, tmp_path_factory) -> IngestBatch | None:
    """The folders a module lists in `INGEST_PLAN`, ingested together at its first `ingest` of one of them
    (ingest_batches.py); None for a module without a plan."""
    plan = getattr(request.module, "INGEST_PLAN", None)
    return IngestBatch(tmp_path_factory.mktemp("planned"), catalogue, TODAY, plan) if plan else None


@pytest.fixture
def ingest(tmp_path, catalogue, planned_ingest):
    """Write {name: bytes | str} into a fresh reports folder and ingest it with the real catalogue. A folder of the
    module's `INGEST_PLAN` (its first ingest, as of TODAY) comes from the module's one batched ingest: its own rows,
    as its own ingest gives them (ingest_batches.py); any other is ingested here."""

    def run(files: dict[str, bytes | str], **kwargs) -> IngestResult:
        folder = tmp_path / "reports"
        first = not folder.exists()
        folder.mkdir(exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if planned_ingest is not None and first and not kwargs and planned_ingest.planned(files):
            return planned_ingest.ingest(folder, files)
        return ingest_folder(folder, catalogue, **({"as_of": TODAY} | kwargs))

    return run


def observed(result: IngestResult) -> list[tuple]:
    """(jurisdiction, indicator, year, value in base units, unit, location) of each observation, in file order."""
    o = result.observations
    return [
        (r.jurisdiction, r.indicator, int(r.year), round(float(r.value), 6), r.unit, r.location) for r in o.itertuples()
    ]


def rejections(result: IngestResult) -> list[tuple[str, str]]:
    return sorted((r.location, r.reason) for r in result.rejected_rows.itertuples())


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def pytest_collection_finish(session: pytest.Session) -> None:
    """Plan the communiqué tests' sentences, one batch per module (sentence_batches.py)."""
    BATCHES.plan(session.items)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """The module whose planned sentences the next `read_sentence` normalises together."""
    BATCHES.current = getattr(getattr(item, "module", None), "__name__", None)
