"""Private in-memory DuckDB databases without a new DuckDB instance each.

A new DuckDB instance (`duckdb.connect()`) costs 18-24 ms of CPU to build its catalogue of built-in functions; a
database attached to an instance kept for the process costs ~1 ms. The functions that work on a small private
database of their own for each call (`normalise`, `assess` without a connection) are called hundreds of times a
test run (286 and 95 in a default run: docs/testing.md, session 12) and once per target by the lineage tracer.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator

import duckdb

_INSTANCE: tuple[int, duckdb.DuckDBPyConnection] | None = None  # (the process that opened it, its connection)
_NAMES = itertools.count()


@contextlib.contextmanager
def private_database() -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection whose database is new, empty and in memory, as `duckdb.connect()` gives: a new cursor of the
    process's instance with a new in-memory database attached and in use. The connection's temp tables and registered
    frames are its own, and its database is detached when the block ends. Callers must not change the instance's
    settings (SET memory_limit and the like): a block that needs its own settings opens its own instance."""
    global _INSTANCE
    if _INSTANCE is None or _INSTANCE[0] != os.getpid():  # a forked child opens its own
        _INSTANCE = (os.getpid(), duckdb.connect())
    instance = _INSTANCE[1]
    name = f"_tw_private_{next(_NAMES)}"
    instance.execute(f"ATTACH ':memory:' AS {name}")
    con = instance.cursor()
    try:
        con.execute(f"USE {name}")
        yield con
    finally:
        con.close()
        instance.execute(f"DETACH {name}")
