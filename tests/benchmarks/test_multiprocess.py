"""The assessment partitioned by jurisdiction group really runs on Dagster's multiprocess executor, and the
slices put back together equal one in-process `assess` over the whole (SYNTHETIC, tiny) workload."""

from __future__ import annotations

import os

import dagster as dg
import pandas as pd
import pytest

from benchmarks.partitioned import (
    CATALOGUE_FILE,
    OBSERVATIONS_FILE,
    SLICES,
    SyntheticWorkload,
    partitioned_assessment,
    run_config,
)
from targetwatch import synthetic
from targetwatch.assessment import assess

pytestmark = pytest.mark.slow  # Dagster's multiprocess executor, a process per step: `pytest -m slow`


@pytest.fixture(scope="module")
def workload(tmp_path_factory):
    folder = tmp_path_factory.mktemp("SYNTHETIC-workload")
    w = synthetic.generate("tiny")
    w.write_catalogue(folder / CATALOGUE_FILE)
    w.write_observations(folder / OBSERVATIONS_FILE)
    return w, folder


@pytest.fixture(scope="module")
def partitioned(workload, tmp_path_factory):
    w, folder = workload
    home = tmp_path_factory.mktemp("dagster-home")
    with dg.instance_for_test(temp_dir=str(home)) as instance, dg.execute_job(
        dg.reconstructable(partitioned_assessment), instance=instance, run_config=run_config(folder, w.as_of)
    ) as result:
        assert result.success
        combined = result.output_for_node("combine")
        starts = [e for e in result.all_events if e.event_type_value == "STEP_START"]
        step_pids = {e.step_key: e.pid for e in starts}
    return combined, step_pids


@pytest.fixture(scope="module")
def whole(workload):
    w, folder = workload
    obs = SyntheticWorkload(workdir=str(folder), as_of=w.as_of.isoformat()).observations()
    return assess(w.catalogue, obs, w.as_of)


def _same(left: pd.DataFrame, right: pd.DataFrame, keys: list[str]) -> None:
    def norm(df: pd.DataFrame) -> pd.DataFrame:
        df = df.sort_values(keys).reset_index(drop=True)
        return df.astype(object).where(df.notna(), None)

    pd.testing.assert_frame_equal(norm(left), norm(right[list(left.columns)]), check_dtype=False)


def test_each_slice_ran_in_its_own_process(partitioned):
    _, step_pids = partitioned
    slice_steps = {k: pid for k, pid in step_pids.items() if k.startswith("assess_slice")}
    assert len(slice_steps) == SLICES == 2
    assert os.getpid() not in step_pids.values()
    assert len(set(slice_steps.values())) == len(slice_steps)


def test_partitioned_years_equal_one_assessment(partitioned, whole):
    combined, _ = partitioned
    _, years = whole
    assert len(combined["assessment_years"]) == len(years) > 0
    _same(years, combined["assessment_years"], ["target_id", "year"])


def test_partitioned_assessments_equal_one_assessment(partitioned, whole):
    """Every column, the reasons included: a target's verdict and its wording depend on that target alone."""
    combined, _ = partitioned
    assessments, _ = whole
    assert len(combined["assessments"]) == len(assessments)
    assert set(combined["assessments"]["status"]) == set(assessments["status"])
    _same(assessments, combined["assessments"], ["target_id"])
