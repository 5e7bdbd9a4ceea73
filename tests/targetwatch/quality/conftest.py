"""The SYNTHETIC warehouse of tests/targetwatch/quality/synthetic.py, built once per session (real GE suites)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.targetwatch.quality import synthetic


@pytest.fixture(scope="session")
def synthetic_warehouse(tmp_path_factory) -> Path:
    return synthetic.build(tmp_path_factory.mktemp("quality") / "warehouse.duckdb")


@pytest.fixture
def synthetic_con(synthetic_warehouse):
    con = duckdb.connect(str(synthetic_warehouse), read_only=True)
    yield con
    con.close()
