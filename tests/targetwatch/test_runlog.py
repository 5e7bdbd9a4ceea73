"""The run log: one row per run, its states, the pending folder, a killed run's row from the lock's fields."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from targetwatch import runlog
from targetwatch.config import Settings
from targetwatch.locking import LOCK_FILE, RefreshLock, take_interrupted
from targetwatch.warehouse import prepare_build

START = dt.datetime(2026, 3, 1, 9, 0, 0)
END = dt.datetime(2026, 3, 1, 9, 5, 0)


def rows(warehouse) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT run_id, outcome, trigger, as_of, started_at, finished_at, message FROM runs "
                           "ORDER BY run_id").fetchall()


def test_a_later_state_of_a_run_replaces_its_row(tmp_path):
    wh = tmp_path / "w.duckdb"
    record = runlog.RunRecord("r1", "schedule", as_of=dt.date(2026, 3, 1), started_at=START)
    runlog.write(wh, record)
    assert rows(wh) == [("r1", "running", "schedule", dt.date(2026, 3, 1), START, None, None)]
    runlog.write(wh, record.finished("failed", "step x failed", at=END))
    assert rows(wh) == [("r1", "failed", "schedule", dt.date(2026, 3, 1), START, END, "step x failed")]


def test_an_unknown_outcome_is_refused():
    with pytest.raises(ValueError, match="outcome 'done'"):
        runlog.RunRecord("r1", "cli", outcome="done")


def test_rows_left_pending_are_moved_in_once(tmp_path):
    out, wh = tmp_path / "out", tmp_path / "build" / "w.duckdb"
    runlog.write_later(out, runlog.RunRecord("r2", "sensor", as_of=dt.date(2026, 3, 2), started_at=START)
                       .finished("failed", "refused", at=END))
    assert runlog.flush_pending(out, wh) == 1
    assert rows(wh) == [("r2", "failed", "sensor", dt.date(2026, 3, 2), START, END, "refused")]
    assert runlog.flush_pending(out, wh) == 0 and not list((out / runlog.PENDING_RUNS_DIR).iterdir())


def test_write_or_leave_falls_back_to_the_pending_folder(tmp_path):
    out = tmp_path / "out"
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a duckdb file")
    runlog.write_or_leave(broken, out, runlog.RunRecord("r3", "cli"))
    assert [p.name for p in (out / runlog.PENDING_RUNS_DIR).iterdir()] == ["r3.json"]


def test_a_killed_holder_is_recorded_from_the_lock_fields_not_its_text(tmp_path):
    out = tmp_path / "out"
    with RefreshLock(out, holder="a holder whose text says nothing of its trigger") as lock:
        lock.describe(run_id="killed-run", trigger="schedule", as_of="2026-03-01")
        left = (out / LOCK_FILE).read_text(encoding="utf-8")
    assert (out / LOCK_FILE).read_text(encoding="utf-8") == ""  # a clean release empties the file
    (out / LOCK_FILE).write_text(left, encoding="utf-8")  # what a holder killed at that moment leaves behind
    with RefreshLock(out, holder="next"):
        text, fields = take_interrupted(out)
        assert take_interrupted(out) is None  # handed over once
    assert text.startswith("pid ") and text.endswith(f"since {fields['started_at']}")
    assert fields == {"started_at": fields["started_at"], "run_id": "killed-run", "trigger": "schedule",
                      "as_of": "2026-03-01"}
    record = runlog.interrupted(text, fields)
    assert (record.run_id, record.trigger, record.as_of, record.outcome) == (
        "killed-run", "schedule", dt.date(2026, 3, 1), "failed")
    assert record.started_at == dt.datetime.fromisoformat(fields["started_at"])
    assert record.message.startswith(f"refresh interrupted: the process was killed while it held the refresh lock "
                                     f"({text})")


def test_a_run_left_running_is_closed_as_failed_when_the_next_build_starts(tmp_path):
    out = tmp_path / "out"
    runlog.write(out / ".build" / "warehouse.duckdb", runlog.RunRecord("lost", "dagster", started_at=START))
    runlog.write_later(out, runlog.RunRecord("late", "sensor", started_at=END).finished("failed", "x", at=END))
    prepare_build(out / ".build", out)
    got = {r[0]: r[1:3] + r[5:] for r in rows(out / ".build" / "warehouse.duckdb")}
    assert got["late"] == ("failed", "sensor", END, "x")
    assert got["lost"][:3] == ("failed", "dagster", None)
    assert got["lost"][3].startswith("the run ended without recording its outcome")


@pytest.mark.parametrize(("now_utc", "expected"), [
    (dt.datetime(2026, 6, 30, 15, 59, tzinfo=dt.UTC), dt.date(2026, 6, 30)),  # 23:59 in Shanghai
    (dt.datetime(2026, 6, 30, 16, 0, tzinfo=dt.UTC), dt.date(2026, 7, 1)),  # 00:00 the next day in Shanghai
])
def test_the_as_of_date_is_the_shanghai_day_and_is_pinned_once(monkeypatch, now_utc, expected):
    import targetwatch.config as config

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return now_utc.astimezone(tz) if tz else now_utc.replace(tzinfo=None)

    monkeypatch.setattr(config.dt, "datetime", Clock)
    resolved = Settings().resolved()
    assert resolved.as_of == expected
    assert Settings(as_of=dt.date(2020, 1, 1)).resolved().as_of == dt.date(2020, 1, 1)
