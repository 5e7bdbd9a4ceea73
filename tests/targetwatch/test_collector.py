"""targetwatch.collector.paused: the cyclic collector off inside the block, and back to what it was after it."""

from __future__ import annotations

import gc

import pytest

from targetwatch import collector


@pytest.fixture(autouse=True)
def _collector_restored():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_resumed_after_even_on_an_error():
    gc.enable()
    with pytest.raises(ValueError), collector.paused():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_nested_pause_and_a_caller_own_pause_stay_paused():
    gc.enable()
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not resume what the outer one paused
    assert gc.isenabled()
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()  # paused before: left paused


def test_as_a_decorator():
    @collector.paused()
    def state() -> bool:
        return gc.isenabled()

    gc.enable()
    assert state() is False
    assert gc.isenabled()
