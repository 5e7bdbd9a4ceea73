"""One step's work shared by two processes: the caller's and a forked copy of it, which share every object the step
made before the fork (copy-on-write) and take numbered units of work from the two ends of one shared range.

Why fork and not a fresh interpreter: the large dashboards' data files are made from frames, per-target lists and
figure tables of about a gigabyte at national scale. A spawned worker must be sent them (pickling each batch cost
what it saved: docs/scaling.md section 0, session 12); a forked one has them already, and holds in its own pages
only what it writes or touches. The machine has two cores, so there are two processes and no more.

What the forked process must not do: touch a DuckDB connection (its threads are not copied), unwind the caller's
stack (its `with` blocks would close what the caller still uses) or flush buffers the caller also holds. So it runs
its part, sends its result back through a pipe (pickled) and leaves with os._exit; an error in it is sent back as
its traceback and raised in the caller. The caller's own error stops it (SIGKILL) before it is raised.

`TARGETWATCH_SITE_WORKERS=1` turns it on; by default (or 0) the step runs in one process, which writes the same
files (tests compare them).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from typing import Any

WORKERS_ENV = "TARGETWATCH_SITE_WORKERS"

Claim = Callable[[], "int | None"]  # the next unit of work's number, or None when every unit is taken


def wanted() -> bool:
    """Whether to fork: when TARGETWATCH_SITE_WORKERS is 1 (or more) and the system can (os.fork). Off by default:
    at national scale the two processes hold about 650 MB more than one (the pages' records, row cells and briefs
    beside the data files' batches, and the pages both touch, copied), which took the refresh's process tree to
    2,285 MB, past its 2 GB bound (docs/scaling.md section 0, session 17)."""
    text = os.environ.get(WORKERS_ENV, "").strip()
    return hasattr(os, "fork") and bool(text) and int(text) > 0


def serial(n_units: int) -> Claim:
    """The claim of one process: every unit, in order."""
    units = iter(range(n_units))
    return lambda: next(units, None)


def _read_all(fd: int) -> bytes:
    parts = []
    while chunk := os.read(fd, 1 << 20):
        parts.append(chunk)
    return b"".join(parts)


def in_two(n_units: int, here: Callable[[Claim], Any], there: Callable[[Claim], Any],
           there_from: int = 0) -> tuple[Any, Any]:
    """Run `here(claim)` in this process and `there(claim)` in a forked copy of it, at once. Units 0 … n_units - 1
    are each claimed once: `here` takes them from the first up, `there` from the last down, but none below
    `there_from` (those need what only this process may use, such as its warehouse connection). Return (here's
    result, there's result); there's result must pickle. Raises RuntimeError when the forked process fails or ends
    without a result."""
    ends = multiprocessing.get_context("fork").Array("i", [0, n_units])  # the next unit from the front, the end

    def claim_here() -> int | None:
        with ends.get_lock():
            unit = ends[0]
            if unit >= ends[1]:
                return None
            ends[0] = unit + 1
            return unit

    def claim_there() -> int | None:
        with ends.get_lock():
            if ends[1] <= max(ends[0], there_from):
                return None
            ends[1] -= 1
            return ends[1]

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the forked copy: its part, its result through the pipe, and out without unwinding the caller
        code = 1
        try:
            os.close(read_end)
            try:
                message = pickle.dumps(("ok", there(claim_there)), protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException:  # every failure goes back to the caller, which raises it
                message = pickle.dumps(("error", traceback.format_exc()))
            with os.fdopen(write_end, "wb") as out:
                out.write(message)
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        mine = here(claim_here)
        message = _read_all(read_end)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if not message:
        raise RuntimeError(f"the forked site process ended without a result (wait status {status})")
    kind, theirs = pickle.loads(message)
    if kind != "ok":
        raise RuntimeError(f"the forked site process failed:\n{theirs}")
    return mine, theirs
