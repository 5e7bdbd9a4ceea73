"""benchmarks/concurrency.py: the two site steps in two processes at once write what they write one after the other."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks import concurrency
from targetwatch.render.quality_report import warehouse_of
from tests.targetwatch.test_site import synthetic_site_data

pytestmark = pytest.mark.slow  # four processes, each importing the site code (~15-28 s here): `pytest -m slow`


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_both_site_steps_at_once_write_the_same_files_as_one_after_the_other(tmp_path):
    con = warehouse_of(synthetic_site_data(n_extra=3))
    con.execute(f"ATTACH '{tmp_path / 'warehouse.duckdb'}' AS w")
    con.execute("COPY FROM DATABASE memory TO w")
    con.close()
    seq = concurrency.sites(tmp_path / "warehouse.duckdb", tmp_path / "work", "seq")
    par = concurrency.sites(tmp_path / "warehouse.duckdb", tmp_path / "work", "par")
    assert [s["step"] for s in seq["steps"]] == ["quality_report", "dashboards"]
    assert sorted(s["step"] for s in par["steps"]) == ["dashboards", "quality_report"]
    for site in ("quality", "dashboards"):
        a, b = _files(tmp_path / "work" / "seq" / site), _files(tmp_path / "work" / "par" / site)
        assert (tmp_path / "work" / "seq" / site / "index.html").exists()
        assert a.keys() == b.keys()
        # the workbook's ZIP entries carry the time they were written: compared by its cells instead
        workbooks = [k for k in a if k.endswith(".xlsx")]
        for k in workbooks:
            sheets = [pd.read_excel(tmp_path / "work" / m / site / k, sheet_name=None) for m in ("seq", "par")]
            assert sheets[0].keys() == sheets[1].keys()
            for name in sheets[0]:
                pd.testing.assert_frame_equal(sheets[0][name], sheets[1][name], check_exact=True)
        # every other file byte for byte: nothing depends on how the steps were arranged
        assert {k: v for k, v in a.items() if k not in workbooks} == {k: v for k, v in b.items() if k not in workbooks}
    # 7 targets (4 + 3 extra): the dashboards write at least the overview and one page per target
    assert next(s for s in seq["steps"] if s["step"] == "dashboards")["files"] >= 8
    assert seq["peak_summed_mb_sampled"] > 0 and par["cpu_s"] > 0
