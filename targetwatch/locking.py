"""One writer at a time: an exclusive lock on out/.refresh.lock that the CLI and Dagster runs both take.

The lock is an `flock` on the file, so the kernel releases it when the holding process exits, however it
exits (a killed run never leaves a stale lock behind). The file's first line says who holds it, for the message a
refused refresh prints; its second line holds the run's fields as JSON (run id, trigger, as-of date, start: set
with `RefreshLock.describe` once the run is known), so nothing is ever parsed back out of the text. A clean
release empties the file. So a file found non-empty by the next holder means the previous holder was killed
(SIGKILL, out of memory, power cut) while it held the lock: `take_interrupted` hands its text and fields over
once, for the run log, because a killed process cannot record its own end.

The lock is re-entrant within one process: the CLI takes it and then executes the Dagster job in the same
process, whose `paths` resource takes it again. Two processes never hold it at once.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import threading
from pathlib import Path
from typing import IO

LOCK_FILE = ".refresh.lock"

_held: dict[Path, tuple[IO[str], int]] = {}  # lock path -> (open file holding the flock, nesting depth)
_interrupted: dict[Path, tuple[str, dict]] = {}  # lock path -> (text, fields) a killed holder left behind
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
                who = fh.readline().strip() or "pid unknown"
                fh.close()
                raise RefreshLocked(
                    f"another refresh is running ({who}); nothing was written. "
                    f"Wait for it to finish (it holds {self.path}) and start again."
                ) from None
            fh.seek(0)
            left_behind = _parse(fh.read())
            if left_behind:
                _interrupted[self.path] = left_behind
            since = dt.datetime.now().isoformat(timespec="seconds")
            self._text = " · ".join(filter(None, [f"pid {os.getpid()}", self.holder, f"since {since}"]))
            _write(fh, self._text, {"started_at": since})
            _held[self.path] = (fh, 1)
            self._entered = True
            return self

    def describe(self, **fields: object) -> None:
        """Record the run's fields in the lock file (merged with those already there), for the run log should this
        process be killed. Call it while holding the lock."""
        with _guard:
            fh, _ = _held[self.path]
            fh.seek(0)
            text, old = _parse(fh.read()) or ("", {})
            _write(fh, text, old | {k: v for k, v in fields.items() if v is not None})

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


def _write(fh: IO[str], text: str, fields: dict) -> None:
    fh.seek(0)
    fh.truncate()
    fh.write(text + "\n" + json.dumps(fields, ensure_ascii=False, default=str))
    fh.flush()


def _parse(content: str) -> tuple[str, dict] | None:
    """(holder text, fields) of a lock file's content; None when it is empty (released cleanly)."""
    if not content.strip():
        return None
    text, _, rest = content.partition("\n")
    try:
        fields = json.loads(rest) if rest.strip() else {}
    except ValueError:  # a file cut short while it was written: the text is still worth recording
        fields = {}
    return text.strip(), fields if isinstance(fields, dict) else {}


def take_interrupted(out_dir: Path) -> tuple[str, dict] | None:
    """(holder text "pid … · … · since …", fields) a killed refresh left in the lock file, once; None if none.

    Call it while holding the lock, so that exactly one holder records the interruption.
    """
    with _guard:
        return _interrupted.pop((out_dir / LOCK_FILE).resolve(), None)
