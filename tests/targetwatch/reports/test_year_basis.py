"""The year bases have one spelling each (periods.YearBasis): the values the warehouse stores in `year_basis`, the
keys of YEAR_BASIS_WORDS and the readers' tests all use it."""

from __future__ import annotations

from targetwatch.reports.annual_statistics import ANNUAL_BASIS
from targetwatch.reports.now_stocks import NOW_BASIS
from targetwatch.reports.periods import YEAR_BASIS_WORDS, YearBasis


def test_every_basis_is_spelled_as_the_warehouse_stores_it():
    spelled = {k: v for k, v in vars(YearBasis).items() if k.isupper()}
    assert spelled == {
        "STATED": "stated", "CARRIED": "carried", "RELATIVE": "relative", "PLAN_PERIOD": "plan period",
        "WORK_REPORT": "work report", "RELEASE_DATE": "release date", "FULL_YEAR": "full year",
        "ANNUAL_STATISTIC": "annual statistic", "RESTATED": "restated", "LEAD": "lead", "STOCK_NOW": "stock now",
        "TITLE": "title", "SIDECAR": "sidecar", "DOCUMENT": "document"}
    # every basis but a stated year has its words for the notes and the lineage; none has words it does not name
    assert set(YEAR_BASIS_WORDS) == set(spelled.values()) - {"stated"}
    assert (ANNUAL_BASIS, NOW_BASIS) == ("annual statistic", "stock now")
