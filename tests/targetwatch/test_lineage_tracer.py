"""`explain` traces one target reading only its rows (Tracer); the quality report writes every target's chain at
once as its lineage data files (targetwatch.render.lineage_site). Both give the same chain, for every target of the
bundled refresh (the SYNTHETIC warehouse's in tests/targetwatch/quality/test_lineage_data.py)."""

from __future__ import annotations

import pytest

from targetwatch.lineage import Tracer
from targetwatch.warehouse import WAREHOUSE_FILE, connect
from tests.targetwatch.quality.test_lineage_data import data_chains, same_chain


def test_one_target_at_a_time_gives_the_chain_all_at_once_gives(published):
    whole = data_chains(published.out / "quality")
    with connect(published.out / WAREHOUSE_FILE, read_only=True) as con:
        lazy = Tracer(con)
        assert lazy.known() == sorted(whole) and len(lazy.known()) > 50
        assert "no-such-target" not in lazy.targets
        with pytest.raises(KeyError, match="no-such-target"):
            lazy.trace("no-such-target")
        used = 0
        for tid in lazy.known():
            a = lazy.trace(tid)
            same_chain(whole[tid], a)
            used += len(a.used)
        assert used > 0  # figures were used, so the chains compared carry them
