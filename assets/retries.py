"""Retries for transient I/O: a file briefly locked, a share that hiccups, a report renamed mid-read.

`retry_io_errors` retries a step on OSError only (reading reports, writing the sites, publishing): other
errors are deterministic, and a bad file or a bad build is not made good by trying again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import dagster as dg

MAX_RETRIES = 2
SECONDS_TO_WAIT = 2.0  # between attempts: long enough for a lock to be released (tests set it to 0)


@contextlib.contextmanager
def retry_io_errors(context: dg.AssetExecutionContext, seconds_to_wait: float | None = None) -> Iterator[None]:
    """Turn an OSError inside the block into a retry of the step (at most MAX_RETRIES times); the last attempt's
    error fails the step as it is, so the run's message names the file rather than "exceeded max_retries"."""
    if seconds_to_wait is None:
        seconds_to_wait = SECONDS_TO_WAIT
    try:
        yield
    except OSError as exc:
        if context.retry_number >= MAX_RETRIES:  # the last attempt: fail with the error itself, which names the file
            raise
        context.log.warning(f"I/O error in step {context.op_def.name}: {exc}; retrying in {seconds_to_wait} s")
        raise dg.RetryRequested(max_retries=MAX_RETRIES, seconds_to_wait=seconds_to_wait) from exc
