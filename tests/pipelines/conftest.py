"""A temporary Dagster instance (its own DAGSTER_HOME) shared by the tests of one module."""

from __future__ import annotations

import dagster as dg
import pytest


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        yield instance
