"""Private in-memory databases (targetwatch/memory_db.py): which instance, and the shared macros."""

from __future__ import annotations

import duckdb

from targetwatch.memory_db import ROW_GROUP_ROWS, UNOPTIMISED_ROWS, private_database, query_shared_macro


def _threads(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT current_setting('threads')").fetchall()[0][0])


def test_a_small_private_database_has_one_thread_and_a_large_one_duckdbs_default():
    with private_database() as small, private_database(ROW_GROUP_ROWS - 1) as below:
        assert _threads(small) == 1
        assert _threads(below) == 1
    with private_database(ROW_GROUP_ROWS) as large:
        assert _threads(large) == _threads(duckdb.connect())  # DuckDB's default: one per core


def test_private_databases_are_empty_and_separate():
    with private_database() as a, private_database() as b:
        a.execute("CREATE TABLE t AS SELECT 1 AS x")
        assert b.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 't' "
                         "AND database_name = current_database()").fetchall() == [(0,)]


def _optimized(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT current_setting('enable_optimizer')").fetchall()[0][0]


def test_a_private_database_of_one_vector_runs_without_the_optimizer_and_only_it():
    assert UNOPTIMISED_ROWS == 2048  # DuckDB's vector size
    with private_database(2) as tiny, private_database(UNOPTIMISED_ROWS) as vector:
        assert not _optimized(tiny) and not _optimized(vector)
        # the setting is the connection's: a database opened beside them on the same instance keeps the optimizer
        with private_database() as unknown, private_database(UNOPTIMISED_ROWS + 1) as above:
            assert _optimized(unknown) and _optimized(above)
        assert _threads(tiny) == 1
    with private_database(ROW_GROUP_ROWS) as large:
        assert _optimized(large)
    with private_database(0) as empty:  # an empty input is the smallest
        assert not _optimized(empty)


BODY = "SELECT k, v * $factor AS scaled FROM _tw_things WHERE k >= $low ORDER BY k"


def test_a_shared_macro_reads_each_callers_own_tables_and_parameters():
    # The same macro, called from two private databases holding different rows, gives each its own rows:
    # (1, 10), (2, 20), (3, 30) with factor 2 from k >= 2 -> (2, 40), (3, 60); (5, 7) with factor 3 from 0 -> (5, 21).
    with private_database() as first:
        first.execute("CREATE TEMP TABLE _tw_things AS SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) v(k, v)")
        assert query_shared_macro(first, "_tw_test", BODY, {"factor": 2, "low": 2}).fetchall() == [(2, 40), (3, 60)]
    with private_database() as second:
        second.execute("CREATE TEMP TABLE _tw_things AS SELECT * FROM (VALUES (5, 7)) v(k, v)")
        assert query_shared_macro(second, "_tw_test", BODY, {"factor": 3, "low": 0}).fetchall() == [(5, 21)]
        # the statement itself gives the same
        assert second.execute(BODY, {"factor": 3, "low": 0}).fetchall() == [(5, 21)]


def test_a_shared_macro_is_created_once_per_instance():
    with private_database() as con:
        con.execute("CREATE TEMP TABLE _tw_things AS SELECT 1 AS k, 1 AS v")
        query_shared_macro(con, "_tw_once", BODY, {"factor": 1, "low": 0})
        query_shared_macro(con, "_tw_once", BODY, {"factor": 1, "low": 0})
        names = con.execute("SELECT function_name FROM duckdb_functions() WHERE database_name = 'memory' "
                            "AND function_name LIKE '_tw_once_%'").fetchall()
    assert len(names) == 1


def test_a_limited_database_has_one_thread_its_memory_limit_and_a_spill_folder_of_the_process():
    import tempfile
    from pathlib import Path

    from targetwatch.memory_db import limited_database

    with limited_database(64) as a, limited_database(64, optimizer=False) as b, limited_database(96) as c:
        assert _threads(a) == 1 and _threads(c) == 1
        # DuckDB shows the limit in its own units: 64 MB = 64,000,000 bytes = 61.0 MiB
        assert a.execute("SELECT current_setting('memory_limit')").fetchall() == [("61.0 MiB",)]
        assert c.execute("SELECT current_setting('memory_limit')").fetchall() == [("91.5 MiB",)]
        spill = Path(a.execute("SELECT current_setting('temp_directory')").fetchall()[0][0])
        assert spill.parent == Path(tempfile.gettempdir()) and spill.name.startswith("tw-duckdb-")
        # one instance per limit, each database its own, the optimizer off only where asked
        a.execute("CREATE TABLE t AS SELECT 1 AS x")
        assert b.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 't' "
                         "AND database_name = current_database()").fetchall() == [(0,)]
        assert _optimized(a) and not _optimized(b) and _optimized(c)
    # the private databases' instance keeps DuckDB's default limit
    with private_database() as p:
        assert p.execute("SELECT current_setting('memory_limit')").fetchall() != [("61.0 MiB",)]


def test_threads_open_private_databases_and_create_a_shared_macro_at_once():
    """Eight threads at a time, 30 rounds, each round a macro none has made: each opens its private database and
    calls the macro at the same moment. Before rv20e two faults showed: ATTACH / DETACH ran on the instance's own
    connection, which refuses a second thread's call (ResourceInUseException), and two threads creating the same
    macro failed the second ("Catalog write-write conflict", TransactionException)."""
    import threading

    errors: list[str] = []
    for rnd in range(30):
        barrier = threading.Barrier(8)

        def work(i: int, rnd: int = rnd, barrier: threading.Barrier = barrier) -> None:
            try:
                with private_database(10) as con:
                    con.execute("CREATE TEMP TABLE _tw_t AS SELECT range AS x FROM range(5)")
                    barrier.wait(timeout=10)
                    got = query_shared_macro(con, f"_tw_race{rnd}", " SELECT sum(x) + $k AS s FROM _tw_t",
                                             {"k": i}).fetchall()
                    assert got == [(10 + i,)], got  # 0+1+2+3+4 = 10, plus the thread's own k
            except Exception as exc:  # every thread's failure is reported below
                errors.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_a_forked_child_opens_its_own_instance_and_does_not_crash():
    """The parent has made its instance and a shared macro; a forked child then uses a private database and the
    macro. Before rv20e the child, replacing the parent's instances, dropped them, and DuckDB's destructors ran on
    instances whose threads and locks stayed in the parent: the child died of SIGSEGV (wait status 11)."""
    import os

    import pytest

    if not hasattr(os, "fork"):
        pytest.skip("no os.fork here")

    def use() -> list[tuple]:
        with private_database(10) as con:
            con.execute("CREATE TEMP TABLE _tw_t AS SELECT range AS x FROM range(5)")
            return query_shared_macro(con, "_tw_forked", " SELECT sum(x) + $k AS s FROM _tw_t", {"k": 1}).fetchall()

    assert use() == [(11,)]  # 0+1+2+3+4, plus 1
    pid = os.fork()
    if pid == 0:  # the child: exit 0 only if its own instance gave the same row
        try:
            os._exit(0 if use() == [(11,)] else 3)
        except BaseException:  # any failure: a nonzero exit
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert status == 0
    assert use() == [(11,)]  # the parent's instance still serves
