"""The lineage data files' series made one batch ahead, beside the chains (targetwatch.render.lineage_site).

Each batch of the lineage needs its chains (Python: a dict per target, its formula lines) and its series' figures as
JSON (mostly DuckDB: the figures read, sorted and written by `json_array`, lineage_series). Neither needs the other:
which series a batch reads is known before its chains are made (LineageSite._batch_series). Made one after the
other, the report waits for DuckDB while Python is idle and the other way round. Here a thread makes the series of
the batches in their order, on its own cursor (a connection of the same database: a DuckDB connection is not used
by two threads at once), at most AHEAD batches before the one being written, while the caller makes the chains:
DuckDB releases the GIL while it runs, so the two overlap on a machine with two cores. The series are the same,
made in the same order (their source texts are numbered in it), so the files are the same bytes.

With one batch there is nothing to overlap, and a temporary table the series read is not seen by a cursor: then
the series are made on the caller's thread, on its connection, when asked for. A cursor sees only what is committed:
the caller's connection must not hold an open transaction that changed the tables the series read (DuckDB shows no
way to ask without aborting that transaction; the report is built on auto-commit connections: assets/publishing.py,
the tests), or the worker would read the state before it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import duckdb

AHEAD = 2  # batches of series made before the one being written (each a few MB of JSON nationally)


def connection_local(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> bool:
    """Whether any of these tables or views is temporary: seen by `con` alone, not by a cursor of it (a warehouse
    lacking the check tables gets them as TEMP tables: quality_report.OPTIONAL_TABLES)."""
    marks = ", ".join("?" for _ in names)
    return bool(con.execute(f"SELECT count(*) FROM (SELECT table_name AS name FROM duckdb_tables() WHERE temporary "
                            f"UNION ALL SELECT view_name FROM duckdb_views() WHERE temporary) WHERE name IN ({marks})",
                            list(names)).fetchall()[0][0])


@contextmanager
def series_ahead(con: duckdb.DuckDBPyConnection, wanted: list[set[str]],
                 make: Callable[[duckdb.DuckDBPyConnection, set[str]], Any],
                 reads: tuple[str, ...] = ()) -> Iterator[Callable[[int], Any]]:
    """A function giving batch b's series, `make(connection, wanted[b])`, to be called for b = 0, 1, … in order;
    from a thread working ahead when there is more than one batch and none of the tables `make` reads (`reads`) is
    temporary (a cursor would not see it). An error in `make` is raised by that call."""
    if len(wanted) <= 1 or (reads and connection_local(con, reads)):
        yield lambda b: make(con, wanted[b])
        return
    done: queue.Queue = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()
    cursor = con.cursor()

    def work() -> None:
        try:
            for b, keys in enumerate(wanted):
                if stop.is_set():
                    return
                done.put((b, make(cursor, keys), None))
        except BaseException as exc:  # handed to the caller, which raises it
            done.put((None, None, exc))

    thread = threading.Thread(target=work, name="lineage-series", daemon=True)
    thread.start()

    def series(b: int) -> Any:
        got, result, error = done.get()
        if error is not None:
            raise error
        if got != b:
            raise RuntimeError(f"lineage series: batch {got} came when batch {b} was asked for")
        return result

    try:
        yield series
    finally:
        stop.set()
        while thread.is_alive():  # let a worker blocked on a full queue finish
            with suppress(queue.Empty):
                done.get(timeout=0.1)
        thread.join()
        cursor.close()
