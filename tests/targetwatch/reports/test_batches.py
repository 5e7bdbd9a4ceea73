"""Ingestion normalises the raw rows of many files in one pass (targetwatch.reports.batches): the tables are the ones
a pass per batch gives, row for row and in the same order, however the batches are flushed."""

from __future__ import annotations

import shutil

import pytest
from pandas.testing import assert_frame_equal

from targetwatch.config import PROJECT_DIR
from targetwatch.limits import Limits
from targetwatch.reports import ingest as ingest_module
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY
from tests.targetwatch.reports.samples import TEMPLATE

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "reports"
# rows the normaliser quarantines (unknown place, a value that is not a number), a row the reader rejects (cells past
# the header), a row released after the as-of date, and a file that cannot be read
BAD = """地区,指标,年份,数值,单位,发布日期
山西,高新技术企业,2019,1523,家,2020-03-01
火星,高新技术企业,2019,12,家,2020-03-01
山西,高新技术企业,2018,很多,家,2020-03-01
山西,高新技术企业,2017,1400,家,2020-03-01,extra
山西,高新技术企业,2016,1300,家,2099-01-01
"""


def _folder(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(FIXTURES, folder)
    for script, text in TEMPLATE.items():
        (folder / f"template-{script}.csv").write_text(text, encoding="utf-8")
    (folder / "bad-rows.csv").write_text(BAD, encoding="utf-8")
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    return folder


def _tables(result):
    return result.observations, result.rejected_rows, result.report_files


@pytest.mark.parametrize("limits", [Limits(), Limits(batch_rows=2)], ids=["default batches", "batches of 2 rows"])
def test_one_pass_over_many_files_equals_a_pass_per_batch(tmp_path, catalogue, monkeypatch, limits):
    folder = _folder(tmp_path)
    together = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits)
    monkeypatch.setattr(ingest_module, "FLUSH_BATCHES", 0)  # normalise after every batch, as before batches.py
    apart = ingest_folder(folder, catalogue, as_of=TODAY, limits=limits)
    assert len(together.observations) and len(together.rejected_rows) > 3
    assert {"failed", "loaded"} <= set(together.report_files["status"])
    for a, b in zip(_tables(together), _tables(apart), strict=True):
        assert_frame_equal(a, b, check_exact=True)
