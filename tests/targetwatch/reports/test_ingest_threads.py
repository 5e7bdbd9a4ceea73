"""Which ingests run DuckDB on one thread, and which without its optimizer (targetwatch/reports/ingest.py:
SMALL_FOLDER_BYTES, TINY_FOLDER_BYTES)."""

from __future__ import annotations

import contextlib

from targetwatch.reports import ingest
from targetwatch.reports.ingest import SMALL_FOLDER_BYTES, TINY_FOLDER_BYTES, _folder_bytes
from tests.conftest import TODAY


def _small_folder(reports, excluded: tuple, limit: int = SMALL_FOLDER_BYTES) -> bool:
    """Whether the files the ingest will read total less than `limit` bytes, counted as `ingest_folder` counts them
    (`_folder_bytes` with its own bound) before it chooses one thread (SMALL_FOLDER_BYTES) and no optimizer
    (TINY_FOLDER_BYTES)."""
    return _folder_bytes(reports, excluded) < limit


def test_a_folder_under_one_mib_is_small_and_one_of_exactly_one_mib_is_not(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.csv").write_bytes(b"x" * 1000)
    (reports / "b.txt").write_bytes(b"y" * (SMALL_FOLDER_BYTES - 1001))
    assert _small_folder(reports, ())  # 1000 + 1,047,575 = 1,048,575 bytes: one under 1 MiB
    (reports / "c.txt").write_bytes(b"z")
    assert not _small_folder(reports, ())  # 1,048,576 bytes


def test_what_the_ingest_does_not_read_is_not_counted(tmp_path):
    reports = tmp_path / "reports"
    archive = reports / "archive"
    archive.mkdir(parents=True)
    (reports / "a.csv").write_bytes(b"x" * 10)
    (archive / "big.csv").write_bytes(b"y" * SMALL_FOLDER_BYTES)  # an archive kept inside: excluded, not read
    (reports / ".hidden").mkdir()
    (reports / ".hidden" / "big.csv").write_bytes(b"y" * SMALL_FOLDER_BYTES)  # a hidden folder: not read
    assert _small_folder(reports, (archive.resolve(),))
    assert not _small_folder(reports, ())


def _optimizer_of_each_ingest(monkeypatch, folders, catalogue) -> list[bool]:
    """Whether DuckDB's optimizer was on in the database of each folder's ingest."""
    seen: list[bool] = []
    opened = ingest._database

    @contextlib.contextmanager
    def recording(*args, **kwargs):
        with opened(*args, **kwargs) as con:
            seen.append(con.execute("SELECT current_setting('enable_optimizer')").fetchall()[0][0])
            yield con

    monkeypatch.setattr(ingest, "_database", recording)
    for folder in folders:
        ingest.ingest_folder(folder, catalogue, as_of=TODAY)
    return seen


def test_a_folder_under_40_kib_is_ingested_without_the_optimizer_and_one_of_40_kib_with_it(
        tmp_path, monkeypatch, catalogue):
    tiny, not_tiny = tmp_path / "tiny", tmp_path / "not-tiny"
    for folder, size in ((tiny, TINY_FOLDER_BYTES - 1), (not_tiny, TINY_FOLDER_BYTES)):
        folder.mkdir()
        (folder / "a.csv").write_text("jurisdiction,indicator,year,value,unit\nshanxi,new_urban_jobs,2020,40,万人\n",
                                      encoding="utf-8")
        (folder / "pad.txt").write_bytes(b" " * (size - (folder / "a.csv").stat().st_size))  # one blank line
    assert _small_folder(tiny, (), TINY_FOLDER_BYTES) and not _small_folder(not_tiny, (), TINY_FOLDER_BYTES)
    assert _small_folder(not_tiny, ())  # still small: one thread, the optimizer on
    assert _optimizer_of_each_ingest(monkeypatch, (tiny, not_tiny), catalogue) == [False, True]


def test_a_tiny_ingest_or_private_database_leaves_the_warehouse_connections_optimised(tmp_path, monkeypatch, catalogue):
    """The optimizer is turned off on the tiny ingest's own in-memory instance and on a private database's own cursor
    (SET SESSION): while both are open, a warehouse connection opened before them, one opened during them (DuckDB
    shares one instance per file in a process) and a warehouse ingest of the same tiny folder keep it on."""
    from targetwatch import warehouse
    from targetwatch.memory_db import private_database

    tiny = tmp_path / "tiny"
    tiny.mkdir()
    (tiny / "a.csv").write_text("jurisdiction,indicator,year,value,unit\nshanxi,new_urban_jobs,2020,40,万人\n",
                                encoding="utf-8")
    path = tmp_path / "w.duckdb"
    seen: list[tuple[bool, bool, bool]] = []
    opened = ingest._database

    def on(con) -> bool:
        return con.execute("SELECT current_setting('enable_optimizer')").fetchall()[0][0]

    with warehouse.connect(path) as before:
        @contextlib.contextmanager
        def recording(*args, **kwargs):
            with opened(*args, **kwargs) as con, private_database(2) as private, warehouse.connect(path) as during:
                seen.append((on(con), on(private), on(before) and on(during)))
                yield con

        monkeypatch.setattr(ingest, "_database", recording)
        ingest.ingest_folder(tiny, catalogue, as_of=TODAY)
        ingest.ingest_folder(tiny, catalogue, as_of=TODAY, warehouse=path)  # into the warehouse: kept on
        assert on(before)
    # the tiny ingest's and the private database's off, the warehouse's on; a warehouse ingest's own on
    assert seen == [(False, False, True), (True, False, True)]


def test_a_small_folder_is_ingested_on_the_process_instance_of_its_memory_limit(tmp_path, monkeypatch, catalogue):
    """No new DuckDB instance per small ingest (memory_db.limited_database): the same observations, the ingest's
    memory limit (512 MB = 488.2 MiB as DuckDB shows it) and one thread, with `duckdb.connect` refused."""
    import duckdb

    from targetwatch.limits import DEFAULT_LIMITS

    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "a.csv").write_text("jurisdiction,indicator,year,value,unit\nshanxi,new_urban_jobs,2020,40,万人\n",
                                  encoding="utf-8")
    first = ingest.ingest_folder(folder, catalogue, as_of=TODAY)  # the process's instance exists from here on
    settings: list[tuple] = []
    opened = ingest._database

    @contextlib.contextmanager
    def recording(*args, **kwargs):
        with opened(*args, **kwargs) as con:
            settings.append(con.execute("SELECT current_setting('memory_limit'), current_setting('threads')")
                            .fetchall()[0])
            yield con

    def refused(*args, **kwargs):
        raise AssertionError("a new DuckDB instance")

    monkeypatch.setattr(ingest, "_database", recording)
    monkeypatch.setattr(duckdb, "connect", refused)
    again = ingest.ingest_folder(folder, catalogue, as_of=TODAY)
    assert DEFAULT_LIMITS.duckdb_memory_mb == 512
    assert settings == [("488.2 MiB", 1)]
    assert list(again.observations["value"]) == list(first.observations["value"]) == [400_000.0]
    assert list(again.report_files["status"]) == ["loaded"]
