"""check_warehouse's collection after a large suite walks only what the suite made (gc.freeze before it).

The objects alive before the suite (Dagster's, the catalogue's) are frozen while it runs, so the full collection
after it frees GE's cycles without walking them; they are unfrozen again whatever happens. SYNTHETIC rows
(tests/targetwatch/quality/synthetic.py).
"""

from __future__ import annotations

import gc
import weakref

import pytest

from targetwatch.quality import checks
from targetwatch.quality.suites import OBSERVATIONS_VALID
from targetwatch.warehouse import write_tables
from tests.targetwatch.quality import synthetic


class _Node:
    """A weak-referenceable object to build a reference cycle of."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    write_tables(path, {"observations": synthetic.observations()})
    return path


def test_the_suites_cycles_are_collected_while_what_lived_before_is_frozen(tmp_path, monkeypatch):
    monkeypatch.setattr(checks, "GC_AFTER_ROWS", 1)  # the synthetic table counts as large
    seen: dict = {}
    validate = checks.validate_frame

    def validate_making_a_cycle(*args, **kwargs):
        seen["frozen during the suite"] = gc.get_freeze_count()
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # garbage once the suite returns: only a collection frees it
        seen["cycle"] = weakref.ref(a)
        return validate(*args, **kwargs)

    monkeypatch.setattr(checks, "validate_frame", validate_making_a_cycle)
    before = gc.get_freeze_count()
    gc.disable()  # no automatic collection may free the cycle in between: only check_warehouse's
    try:
        outcome = checks.check_warehouse(_warehouse(tmp_path), OBSERVATIONS_VALID, synthetic.catalogue(),
                                         synthetic.AS_OF)
        assert seen["cycle"]() is None  # collected by check_warehouse's own collection
    finally:
        gc.enable()
    assert seen["frozen during the suite"] > 0  # the process's objects were frozen while the suite ran
    assert gc.get_freeze_count() == before == 0  # and unfrozen after it
    assert outcome.name == OBSERVATIONS_VALID and len(outcome.results) == 17


def test_a_small_suite_freezes_nothing_and_a_failing_one_unfreezes(tmp_path, monkeypatch):
    seen: list[int] = []
    validate = checks.validate_frame

    def spy(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return validate(*args, **kwargs)

    monkeypatch.setattr(checks, "validate_frame", spy)
    checks.check_warehouse(_warehouse(tmp_path), OBSERVATIONS_VALID, synthetic.catalogue(), synthetic.AS_OF)
    assert seen == [0]  # under GC_AFTER_ROWS: no freeze, no collection

    def failing(*args, **kwargs):
        raise RuntimeError("GE failed")

    monkeypatch.setattr(checks, "GC_AFTER_ROWS", 1)
    monkeypatch.setattr(checks, "validate_frame", failing)
    with pytest.raises(RuntimeError, match="GE failed"):
        checks.check_warehouse(_warehouse(tmp_path), OBSERVATIONS_VALID, synthetic.catalogue(), synthetic.AS_OF)
    assert gc.get_freeze_count() == 0
