"""No later step crashes on a value that passed the checks (issue 15 item 4): hypothesis draws SYNTHETIC rows
with extreme *accepted* values (each unit's bounds, zero, the smallest fractions) for the catalogue's target
series, and the whole `refresh` job (assessment, dashboards, gap workbook, quality report) publishes.

Slow: each example is a whole refresh in process (`pytest -m slow`); a few examples per run, no example database.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targetwatch import vocab
from targetwatch.config import PROJECT_DIR
from tests.conftest import refresh_in_process

pytestmark = pytest.mark.slow

WRITTEN = {"count": "个", "persons": "人", "households": "户", "items": "件", "yuan": "元", "percent": "%",
           "sqm": "平方米"}


def _extremes(unit: vocab.Unit, share: bool = False) -> list[str]:
    """Values at and next to the unit's bounds, as a report would write them (all inside the plausible range;
    an indicator declared a share lies in 0..100)."""
    lo, hi = (max(unit.min_value, 0), min(unit.max_value, 100)) if share else (unit.min_value, unit.max_value)
    values = [lo, hi, 0, 1, hi - 1]
    if not unit.integer:
        values += [1e-9, -1e-9 if lo < 0 else 1e-12, hi / 3, 0.1 + 0.2]
    return [repr(float(v)) if not unit.integer else str(int(v)) for v in values if lo <= v <= hi]


@pytest.fixture(scope="module")
def series(catalogue):
    """(jurisdiction, indicator code, unit, declared share) of every quantified target and its reference series."""
    units = {i.code: (i.unit, bool(i.share)) for i in catalogue.indicators}
    out = set()
    for t in catalogue.targets:
        if t.indicator and t.comparator != "qualitative":
            out.add((t.jurisdiction, t.indicator, *units[t.indicator]))
            if getattr(t, "reference_jurisdiction", None):
                out.add((t.reference_jurisdiction, t.indicator, *units[t.indicator]))
    return sorted(out)


@settings(max_examples=int(os.environ.get("TARGETWATCH_HYPOTHESIS_EXAMPLES", "0")) or 3, deadline=None,
          database=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_extreme_accepted_values_publish_without_a_crash(series, data):
    rows = data.draw(st.lists(st.tuples(st.sampled_from(series), st.integers(2010, 2025), st.data()),
                              min_size=5, max_size=40, unique_by=lambda r: (r[0][:2], r[1])))
    lines = []
    for (place, indicator, unit, share), year, d in rows:
        value = d.draw(st.sampled_from(_extremes(vocab.UNIT_BY_CODE[unit], share)))
        lines.append(f"{place},{indicator},{year},{value},{WRITTEN[unit]}")
    with tempfile.TemporaryDirectory() as tmp:
        reports, out = Path(tmp) / "reports", Path(tmp) / "out"
        shutil.copytree(PROJECT_DIR / "reports", reports)
        (reports / "SYNTHETIC-extremes.csv").write_text(
            "# data: synthetic\n# SYNTHETIC extreme values drawn by hypothesis\n"
            "jurisdiction,indicator,year,value,unit\n" + "\n".join(lines) + "\n", encoding="utf-8")
        result = refresh_in_process(out, reports)
        assert result.success, [e.message for e in result.all_events if e.is_failure][:3]
        with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
            accepted = con.execute("SELECT rows_accepted, rows_rejected FROM report_files "
                                   "WHERE source_file = 'SYNTHETIC-extremes.csv'").fetchall()[0]
        assert accepted == (len(lines), 0)  # every drawn value is inside its unit's range: all accepted
        assert (out / "dashboards" / "index.html").is_file()
        assert (out / "dashboards" / "targetwatch-gap-table.xlsx").is_file()
        assert (out / "quality" / "index.html").is_file()
