"""Private in-memory DuckDB databases without a new DuckDB instance each.

A new DuckDB instance (`duckdb.connect()`) costs 18-24 ms of CPU to build its catalogue of built-in functions; a
database attached to an instance kept for the process costs ~1 ms. The functions that work on a small private
database of their own for each call (`normalise`, `assess` without a connection) are called hundreds of times a
test run (286 and 95 in a default run: docs/testing.md, session 12) and once per target by the lineage tracer.

A private database of fewer rows than one DuckDB row group (ROW_GROUP_ROWS) gets an instance with one thread: its
tables are one row group each, so a scan is one task and a second thread has nothing to share but its hand-offs
(a two-row `normalise()` took 68 against 59 CPU ms on two cores, docs/testing.md session 15). A larger one (the
benchmarks' workloads through `assess`) gets an instance with DuckDB's default threads, as before.

A private database of at most UNOPTIMISED_ROWS rows (one DuckDB vector) runs its statements without DuckDB's
optimizer: every table is one chunk, so the plan's shape cannot change what the work costs, and optimizing is pure
cost (the normaliser's judging statement and the assessment's status query are ~40 joins and CASE branches: a
two-row `normalise()` 63 -> 52 CPU ms, a one-target `assess()` 123 -> 94 ms; 20,000 rows through `normalise()` cost
the same either way; docs/testing.md, session 16). The setting is the connection's own (`SET` on its cursor): the
instance's other connections, and a private database of unknown or larger size, keep the optimizer.

`limited_database(memory_mb)` is the same on a one-thread instance whose memory limit is `memory_mb` and whose
spill folder is the process's own: `ingest_folder` of a small folder without a warehouse works there, not on a new
instance of its own each call (a new instance, its settings and its close cost ~20 of the ~110 CPU ms of a two-file
ingest; docs/testing.md, session 17).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import itertools
import os
import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import duckdb

# DuckDB's default row group size: a table below it is stored, and scanned, as one row group (one task).
ROW_GROUP_ROWS = 122_880
# DuckDB's vector size: a table of at most this many rows is one chunk through every operator.
UNOPTIMISED_ROWS = 2_048
# (the process that opened them, {key: its connection}): one instance for small private databases, one for large
# (key ("private", parallel)), one per memory limit for `limited_database` (("limited", the limit in MB))
_INSTANCES: tuple[int, dict[tuple[str, object], duckdb.DuckDBPyConnection]] | None = None
_NAMES = itertools.count()
# A forked child's references to its parent's instances: dropping them would run DuckDB's destructors on an
# instance whose threads and locks stayed in the parent (the child died of SIGSEGV on its first private database).
_FORKED_FROM: list[tuple[int, dict[tuple[str, object], duckdb.DuckDBPyConnection]]] = []
# The database `duckdb.connect()` opens in memory: the instance's own, where the shared macros live.
_INSTANCE_DATABASE = "memory"
# Held while an instance or a shared macro is created: two threads creating the same macro at once fail the second
# ("Catalog write-write conflict"), and two opening the same instance would keep two.
_CREATING = threading.Lock()


def _instance(parallel: bool) -> duckdb.DuckDBPyConnection:
    """The process's instance for small (one thread) or large (DuckDB's default threads) private databases."""
    return _instances(("private", parallel),
                      lambda: duckdb.connect() if parallel else duckdb.connect(config={"threads": 1}))


def _instances(key: tuple[str, object], connect: Callable[[], duckdb.DuckDBPyConnection]) -> duckdb.DuckDBPyConnection:
    """The process's instance for `key`, opened by `connect` the first time it is asked for."""
    global _INSTANCES
    if _INSTANCES is None or _INSTANCES[0] != os.getpid():  # a forked child opens its own
        if _INSTANCES is not None:  # the parent's: kept, never closed (closing them in a child crashes it)
            _FORKED_FROM.append(_INSTANCES)
        _INSTANCES = (os.getpid(), {})
    instances = _INSTANCES[1]
    if key not in instances:
        with _CREATING:
            if key not in instances:
                instances[key] = connect()
    return instances[key]


def _limited_instance(memory_mb: int) -> duckdb.DuckDBPyConnection:
    """A one-thread instance whose memory limit is `memory_mb` and whose spill folder is one of this process's own
    (DuckDB makes it only if it spills; removed when the process exits)."""

    def connect() -> duckdb.DuckDBPyConnection:
        spill = Path(tempfile.gettempdir()) / f"tw-duckdb-{os.getpid()}-{secrets.token_hex(4)}"
        atexit.register(shutil.rmtree, spill, ignore_errors=True)
        return duckdb.connect(config={"threads": 1, "memory_limit": f"{int(memory_mb)}MB",
                                      "temp_directory": str(spill), "preserve_insertion_order": True})

    return _instances(("limited", int(memory_mb)), connect)


@contextlib.contextmanager
def private_database(rows: int | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection whose database is new, empty and in memory, as `duckdb.connect()` gives: a new cursor of the
    process's instance with a new in-memory database attached and in use. The connection's temp tables and registered
    frames are its own, and its database is detached when the block ends. `rows`, the most rows the caller will put
    in one table, picks the instance: below ROW_GROUP_ROWS (or not given) one thread, else DuckDB's default; at most
    UNOPTIMISED_ROWS, the connection runs without DuckDB's optimizer (not given: with it). Callers must not change
    the instance's settings (SET memory_limit and the like): a block that needs its own settings opens its own
    instance."""
    instance = _instance(parallel=rows is not None and rows >= ROW_GROUP_ROWS)
    with _attached(instance, optimizer=rows is None or rows > UNOPTIMISED_ROWS) as con:
        yield con


@contextlib.contextmanager
def limited_database(memory_mb: int, *, optimizer: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection as `private_database` gives, on the process's one-thread instance whose memory limit is
    `memory_mb` MB (spilling past it into a folder of the process's own); without `optimizer`, the connection runs
    without DuckDB's optimizer. Callers must not change the instance's settings."""
    with _attached(_limited_instance(memory_mb), optimizer=optimizer) as con:
        yield con


@contextlib.contextmanager
def _attached(instance: duckdb.DuckDBPyConnection, *, optimizer: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new cursor of `instance` with a new in-memory database attached and in use, detached when the block ends."""
    name = f"_tw_private_{next(_NAMES)}"
    # ATTACH and DETACH on the new cursor, not on `instance`: a DuckDB connection refuses a second thread's call
    # while it runs one (ResourceInUseException), and the attached database is the instance's either way.
    con = instance.cursor()
    try:
        con.execute(f"ATTACH ':memory:' AS {name}")
        try:
            con.execute(f"USE {name}")
            if not optimizer:
                con.execute("SET SESSION enable_optimizer = false")
            yield con
        finally:
            con.execute(f"USE {_INSTANCE_DATABASE}")
            con.execute(f"DETACH {name}")
    finally:
        con.close()


@functools.cache
def _macro(name: str, body: str, parameters: tuple[str, ...]) -> tuple[str, str]:
    """(the macro's qualified name, its CREATE statement) for `body` with its parameters $p renamed _tw_p_p. The
    name carries a digest of the body, so a changed body is a new macro."""
    digest = hashlib.sha1(body.encode()).hexdigest()[:12]
    qualified = f"{_INSTANCE_DATABASE}.main.{name}_{digest}"
    renamed = body
    for p in parameters:
        renamed = re.sub(rf"\${p}\b", f"_tw_p_{p}", renamed)
    arguments = ", ".join(f"_tw_p_{p}" for p in parameters)
    return qualified, f"CREATE MACRO IF NOT EXISTS {qualified}({arguments}) AS TABLE {renamed}"


def query_shared_macro(con: duckdb.DuckDBPyConnection, name: str, body: str, params: Mapping[str, object],
                       *, into: str | None = None) -> duckdb.DuckDBPyConnection:
    """Run the SELECT `body` (its parameters written $p, each given in `params`) on a `private_database` connection,
    as a table macro kept in the instance's own database: DuckDB parses the body once per instance, not once per call
    (the assessment's status query is 34 kB of SQL, ~17 ms of parsing a call; docs/testing.md session 15). Its tables
    are looked up when it is called, in the caller's temp tables and database, as the statement's would be. The
    macro is created on the first call that finds it missing (once per instance and process). With `into`, the rows
    go to the TEMP table of that name (created or replaced), as `CREATE OR REPLACE TEMP TABLE <into> AS <body>`
    would put them (the assessment's stages: their parse was ~4.5 of their ~27 CPU ms a one-target call)."""
    qualified, create = _macro(name, body, tuple(params))
    call = f"SELECT * FROM {qualified}({', '.join(f'${p}' for p in params)})"
    if into is not None:
        call = f"CREATE OR REPLACE TEMP TABLE {into} AS {call}"
    try:
        return con.execute(call, dict(params))
    except duckdb.CatalogException:
        with _CREATING:  # one thread at a time; IF NOT EXISTS: another may have created it meanwhile
            con.execute(create)
        return con.execute(call, dict(params))
