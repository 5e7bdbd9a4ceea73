"""Which ingests run DuckDB on one thread (targetwatch/reports/ingest.py: SMALL_FOLDER_BYTES)."""

from __future__ import annotations

from targetwatch.reports.ingest import SMALL_FOLDER_BYTES, _small_folder


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
