"""One writer at a time: an exclusive lock on out/.refresh.lock that the CLI and Dagster runs both take."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class RefreshLocked(RuntimeError):
    pass


class RefreshLock:
    """Non-blocking: a second refresh is refused with a clear message instead of interleaving writes."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / ".refresh.lock"
        self._fh = None

    def __enter__(self) -> RefreshLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise RefreshLocked(
                f"another refresh is running ({holder}); wait for it to finish, it holds {self.path}"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None
