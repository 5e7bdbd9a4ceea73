"""A run logger that relays step events to whoever started the run in this process (the CLI's progress)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import dagster as dg

# Set by pipelines.run for the duration of one in-process run; None in the Dagster UI.
listeners: list[Callable[[logging.LogRecord], None]] = []


class _Forward(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        for listener in list(listeners):
            listener(record)


@dg.logger(description="Relays Dagster events to the in-process caller (the targetwatch CLI's progress display).")
def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.Logger("targetwatch.progress", level=logging.DEBUG)
    logger.addHandler(_Forward())
    return logger
