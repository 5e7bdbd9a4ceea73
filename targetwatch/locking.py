"""One writer at a time: an exclusive lock on out/.refresh.lock that the CLI and Dagster runs both take.

The lock is an `flock` on the file, so the kernel releases it when the holding process exits, however it
exits (a killed run never leaves a stale lock behind). The file's text says who holds it, for the message a
refused refresh prints; a clean release empties it. So text found by the next holder means the previous
holder was killed (SIGKILL, out of memory, power cut) while it held the lock: `take_interrupted` hands that
text over once, for the runs table, because a killed process cannot record its own end.

The lock is re-entrant within one process: the CLI takes it and then executes the Dagster job in the same
process, whose `paths` resource takes it again. Two processes never hold it at once.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import threading
from pathlib import Path
from typing import IO

LOCK_FILE = ".refresh.lock"

_held: dict[Path, tuple[IO[str], int]] = {}  # lock path -> (open file holding the flock, nesting depth)
_interrupted: dict[Path, str] = {}  # lock path -> text a killed holder left behind, until someone records it
_guard = threading.Lock()


class RefreshLocked(RuntimeError):
    """Another process is refreshing the same output folder."""


class RefreshLock:
    """Non-blocking: a second refresh is refused with a clear message instead of interleaving writes."""

    def __init__(self, out_dir: Path, holder: str = ""):
        self.path = (out_dir / LOCK_FILE).resolve()
        self.holder = holder
        self._entered = False

    def __enter__(self) -> RefreshLock:
        with _guard:
            if self.path in _held:  # this process already holds it (CLI -> in-process run)
                fh, depth = _held[self.path]
                _held[self.path] = (fh, depth + 1)
                self._entered = True
                return self
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = self.path.open("a+", encoding="utf-8")
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                who = fh.read().strip() or "pid unknown"
                fh.close()
                raise RefreshLocked(
                    f"another refresh is running ({who}); nothing was written. "
                    f"Wait for it to finish (it holds {self.path}) and start again."
                ) from None
            fh.seek(0)
            left_behind = fh.read().strip()
            if left_behind:
                _interrupted[self.path] = left_behind
            fh.seek(0)
            fh.truncate()
            since = dt.datetime.now().isoformat(timespec="seconds")
            fh.write(" · ".join(filter(None, [f"pid {os.getpid()}", self.holder, f"since {since}"])))
            fh.flush()
            _held[self.path] = (fh, 1)
            self._entered = True
            return self

    def __exit__(self, *exc: object) -> None:
        if not self._entered:
            return
        self._entered = False
        with _guard:
            fh, depth = _held[self.path]
            if depth > 1:
                _held[self.path] = (fh, depth - 1)
                return
            del _held[self.path]
            fh.seek(0)
            fh.truncate()  # a clean release leaves no holder behind
            fh.flush()
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()


def held_here(out_dir: Path) -> bool:
    """Whether this process holds the refresh lock of `out_dir`."""
    with _guard:
        return (out_dir / LOCK_FILE).resolve() in _held


def take_interrupted(out_dir: Path) -> str | None:
    """The holder text a killed refresh left in the lock file ("pid … · … · since …"), once; None if none.

    Call it while holding the lock, so that exactly one holder records the interruption.
    """
    with _guard:
        return _interrupted.pop((out_dir / LOCK_FILE).resolve(), None)
