"""ISO release dates are cast in SQL; every other spelling meets `_release` (pandas). Both give the same date."""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import pytest

from targetwatch.reports.normalise import _ISO_DATE, _release


def _sql(values: list[str]) -> list[tuple[str, bool, dt.date | None]]:
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t AS SELECT unnest(?::VARCHAR[]) AS raw", [values])
        return con.execute(f"SELECT raw, {_ISO_DATE}, TRY_CAST(raw AS DATE) FROM t "
                           "ORDER BY rowid").fetchall()


@pytest.mark.parametrize(("raw", "iso", "date"), [
    ("2020-02-29", True, dt.date(2020, 2, 29)),
    ("2019-02-29", True, None),  # no such day: NULL in SQL, NaT in pandas
    ("2020-13-01", True, None),
    ("1678-01-01", True, dt.date(1678, 1, 1)),
    ("2261-12-31", True, dt.date(2261, 12, 31)),
    ("1677-12-31", False, dt.date(1677, 12, 31)),  # a year SQL leaves to `_release` (pandas holds it)
    ("2262-06-01", False, None),  # after pandas. last timestamp: NaT
    ("2020-1-02", False, dt.date(2020, 1, 2)),  # not zero-padded: `_release`
    (" 2020-01-02", False, dt.date(2020, 1, 2)),
])
def test_which_dates_sql_casts(raw, iso, date):
    ((_, matched, cast),) = _sql([raw])
    assert matched is iso
    assert _release(raw) == date
    if iso:
        assert cast == date


def test_sql_cast_equals_release_on_every_iso_spelling():
    rng = random.Random(16)
    values = [f"{rng.randint(1600, 2300)}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}" for _ in range(2000)]
    rows = _sql(values)
    assert sum(iso for _, iso, _ in rows) > 1000
    assert [(v, c) for v, iso, c in rows if iso] == [(v, _release(v)) for v, iso, _ in rows if iso]
