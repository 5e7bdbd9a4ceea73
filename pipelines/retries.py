"""Retries for transient I/O: a file briefly locked, a share that hiccups, a report renamed mid-read.

`TRANSIENT_IO_RETRY` is the asset-level policy for the assets that read files (it retries any error, so put
it only where errors are mostly I/O); `retry_io_errors` retries a step on OSError only, for steps whose
other errors are deterministic (a bad build is not made good by trying again).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import dagster as dg

MAX_RETRIES = 2
TRANSIENT_IO_RETRY = dg.RetryPolicy(max_retries=MAX_RETRIES, delay=2, backoff=dg.Backoff.EXPONENTIAL)


@contextlib.contextmanager
def retry_io_errors(context: dg.AssetExecutionContext, seconds_to_wait: float = 2) -> Iterator[None]:
    """Turn an OSError inside the block into a retry of the step (at most MAX_RETRIES times)."""
    try:
        yield
    except OSError as exc:
        context.log.warning(f"I/O error in step {context.op_def.name}: {exc}; retrying in {seconds_to_wait} s")
        raise dg.RetryRequested(max_retries=MAX_RETRIES, seconds_to_wait=seconds_to_wait) from exc
