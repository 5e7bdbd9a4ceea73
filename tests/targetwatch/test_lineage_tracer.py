"""`explain` traces one target reading only its rows (Tracer without preload); the quality report's lineage pages read
every target's rows at once (preload). Both give the same chain, for every target of the bundled refresh."""

from __future__ import annotations

import dataclasses

import pytest

from targetwatch.lineage import Tracer
from targetwatch.warehouse import WAREHOUSE_FILE, connect


def test_one_target_at_a_time_gives_the_chain_all_at_once_gives(published):
    with connect(published.out / WAREHOUSE_FILE, read_only=True) as con:
        lazy, whole = Tracer(con), Tracer(con, preload=True)
        assert lazy.known() == whole.known() and len(lazy.known()) > 50
        assert "no-such-target" not in lazy.targets
        with pytest.raises(KeyError, match="no-such-target"):
            lazy.trace("no-such-target")
        used = 0
        for tid in whole.known():
            a, b = lazy.trace(tid), whole.trace(tid)
            assert dataclasses.asdict(a) == dataclasses.asdict(b), tid
            used += len(a.used)
        assert used > 0  # figures were used, so the chains compared carry them
