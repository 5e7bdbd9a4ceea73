"""The parse cache: an unchanged file is not parsed again, and a cached read gives exactly the same tables."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from targetwatch.config import PROJECT_DIR
from targetwatch.reports import cache as parse_cache
from targetwatch.reports import ingest as ingest_module
from targetwatch.reports.cache import ParseCache
from targetwatch.reports.ingest import IngestResult, ingest_folder
from targetwatch.reports.model import Aliases, ReadResult, ReportIOError
from tests.conftest import TODAY
from tests.targetwatch.reports.conftest import write
from tests.targetwatch.reports.samples import TEMPLATE

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "reports"
TABLES = ("report_files", "observations", "rejected_rows")


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The names of the files the readers are called on, in order (the cache is what avoids the calls)."""
    calls: list[str] = []
    real = ingest_module.read_into  # every read goes through it: streamed template CSVs and the other readers

    def counting(con, raw, path, *args, **kwargs):
        calls.append(path.name)
        return real(con, raw, path, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "read_into", counting)
    return calls


def _write_reports(folder: Path) -> Path:
    shutil.copytree(FIXTURES, folder)
    write(folder, "synthetic-template.csv", TEMPLATE["simplified"])
    write(folder, "broken.xlsx", b"not a workbook")
    return folder


@dataclass(frozen=True)
class Filled:
    """The reports folder ingested once without a cache and once into an empty cache, with the reader calls of each
    (read-only: tests copy the folder and the cache with `reports` and `filled_cache`)."""

    folder: Path
    cache: Path
    uncached: IngestResult
    uncached_parses: list[str]
    first: IngestResult
    first_parses: list[str]


@pytest.fixture(scope="module")
def filled(tmp_path_factory, catalogue) -> Filled:
    """Filled once per module: each test that needs a filled cache starts from a copy of this one (the cache's keys
    name the file's content, sidecar, aliases and reader code, never its folder) instead of parsing every file again
    (about 0.7 s of CPU per ingest of the folder)."""
    base = tmp_path_factory.mktemp("filled")
    folder = _write_reports(base / "reports")
    calls: list[str] = []
    real = ingest_module.read_into

    def counting(con, raw, path, *args, **kwargs):
        calls.append(path.name)
        return real(con, raw, path, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest_module, "read_into", counting)
        uncached = ingest_folder(folder, catalogue, as_of=TODAY)
        uncached_parses = list(calls)
        calls.clear()
        first = ingest_folder(folder, catalogue, as_of=TODAY, cache_dir=base / "cache")
    return Filled(folder, base / "cache", uncached, uncached_parses, first, list(calls))


@pytest.fixture
def reports(tmp_path, filled):
    """A private copy of the filled reports folder."""
    return shutil.copytree(filled.folder, tmp_path / "reports")


@pytest.fixture
def filled_cache(tmp_path, filled):
    """A private copy of the cache filled from the reports folder (what a first cached ingest of it writes)."""
    return shutil.copytree(filled.cache, tmp_path / "cache")


def _equal(a, b) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table), check_exact=True)


def test_a_copied_folder_and_cache_are_what_a_fresh_folder_gives(tmp_path, catalogue, filled, parses):
    """The module's shared start (`filled`, copied by the tests) is what each test would build for itself."""
    fresh = _write_reports(tmp_path / "fresh")
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in filled.folder.iterdir())
    assert all((fresh / p.name).read_bytes() == p.read_bytes() for p in filled.folder.iterdir())
    first = ingest_folder(fresh, catalogue, as_of=TODAY, cache_dir=tmp_path / "cache")
    assert sorted(parses) == sorted(filled.first_parses)
    _equal(first, filled.first)
    assert first.parsed == filled.first.parsed
    assert sorted(p.relative_to(tmp_path / "cache").as_posix() for p in (tmp_path / "cache").rglob("*")) == sorted(
        p.relative_to(filled.cache).as_posix() for p in filled.cache.rglob("*"))


def test_a_second_ingest_of_an_unchanged_folder_parses_nothing_and_gives_the_same_tables(
    reports, filled, filled_cache, catalogue, parses
):
    uncached, first = filled.uncached, filled.first
    names = sorted(p.name for p in reports.iterdir() if not p.name.endswith(".meta.yaml"))
    assert sorted(filled.uncached_parses) == names
    assert sorted(filled.first_parses) == names and set(first.parsed.values()) == {"parsed"}
    second = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=filled_cache)
    assert parses == []  # not one reader call
    assert second.parsed == dict.fromkeys(names, "cached")
    _equal(second, uncached)
    _equal(first, uncached)
    assert second.report_files.set_index("source_file").loc["broken.xlsx", "error"].startswith(
        "broken.xlsx: cannot be read as xlsx"
    )  # an unreadable file's reason is cached too


@pytest.mark.parametrize(
    ("change", "reparsed"),
    [
        ("file", ["synthetic-template.csv"]),
        ("sidecar", ["synthetic-yearbook-shanxi-traditional.csv"]),
        ("new sidecar", ["synthetic-template.csv"]),
        ("rename", ["synthetic-renamed.csv"]),
        ("alias", "all"),
        ("reader code", "all"),
    ],
)
def test_a_changed_file_sidecar_name_alias_or_reader_is_parsed_again(
    reports, filled, filled_cache, catalogue, parses, monkeypatch, change, reparsed
):
    cache = filled_cache
    cat = catalogue
    if change == "file":
        write(reports, "synthetic-template.csv", TEMPLATE["simplified"].replace("265", "266"))
    elif change == "sidecar":
        sidecar = reports / "synthetic-yearbook-shanxi-traditional.csv.meta.yaml"
        sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("2021-09-30", "2021-10-08"), encoding="utf-8")
    elif change == "new sidecar":
        write(reports, "synthetic-template.csv.meta.yaml", "release_date: 2020-03-05\n")
    elif change == "rename":
        (reports / "synthetic-template.csv").rename(reports / "synthetic-renamed.csv")
    elif change == "alias":
        cat = catalogue.model_copy(deep=True)
        next(i for i in cat.indicators if i.code == "high_tech_enterprises").aliases.append("高企")
    elif change == "reader code":
        monkeypatch.setattr(parse_cache, "reader_version", lambda: "another version of the readers")
    result = ingest_folder(reports, cat, as_of=TODAY, cache_dir=cache)
    if reparsed == "all":
        reparsed = sorted(result.parsed)
    assert sorted(parses) == reparsed
    assert sorted(k for k, v in result.parsed.items() if v == "parsed") == reparsed
    # and the same tables as without a cache (the folder and catalogue unchanged: the module's uncached ingest)
    _equal(result, filled.uncached if change == "reader code" else ingest_folder(reports, cat, as_of=TODAY))


def test_the_release_date_option_and_the_as_of_date_apply_to_cached_reads(reports, filled_cache, catalogue, parses):
    cache = filled_cache
    kwargs = {"as_of": pd.Timestamp("2019-12-31").date(), "release_date": "2020-01-15"}
    cached = ingest_folder(reports, catalogue, cache_dir=cache, **kwargs)
    assert parses == []
    _equal(cached, ingest_folder(reports, catalogue, **kwargs))
    files = cached.report_files.set_index("source_file")
    assert files.loc["synthetic-yearbook-shanxi.xlsx", ["release_date", "release_date_basis"]].tolist() == [
        "2020-01-15",
        "command line",
    ]
    # As of 2019, a figure released on 2020-01-15 is not visible: neither observed nor quarantined (issue 14 item 5;
    # it used to be quarantined as an "impossible year 2020").
    assert (cached.observations.year <= 2019).all()
    assert not cached.rejected_rows.reason.str.startswith("impossible year").any()
    assert files.loc["synthetic-yearbook-shanxi.xlsx", "status"] == "not yet released"
    assert files.loc["synthetic-yearbook-shanxi.xlsx", "rows_not_yet_released"] > 0


def test_a_file_the_system_could_not_read_is_an_io_error_naming_it_never_a_failed_file(tmp_path, catalogue,
                                                                                        monkeypatch):
    """A locked file is not a broken file: ingest raises (the step is retried, then the run fails naming the
    file) instead of recording it as failed and publishing without it; nothing is cached for it."""
    reports = tmp_path / "reports"
    write(reports, "synthetic-template.csv", TEMPLATE["simplified"])
    real_iter_csv = ingest_module.template.iter_csv

    def locked(path, *args, **kwargs):  # a fake: the file is held open by another program
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(ingest_module.template, "iter_csv", locked)
    with pytest.raises(ReportIOError, match=r"synthetic-template\.csv: could not be read \(\[Errno 13\]"):
        ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(ingest_module.template, "iter_csv", real_iter_csv)
    again = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=tmp_path / "cache")
    assert again.parsed == {"synthetic-template.csv": "parsed"} and again.report_files.status.tolist() == ["loaded"]


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("row_number", [5, 6]),  # int64
        ("char_start", [12, None]),  # Python ints and None in an object column
        ("notes", ["a note", None]),
        ("value_raw", ["１，５２３", ""]),
    ],
)
def test_frames_come_back_exactly(tmp_path, aliases, column, values):
    rows = pd.DataFrame({"location": ["line 5", "line 6"], column: pd.Series(values, dtype=None)})
    if column == "char_start":
        rows[column] = pd.Series(values, dtype=object)
    result = ReadResult(format="template_csv", rows=rows, encoding="utf-8", missing_values=2)
    cache = ParseCache(tmp_path, aliases)
    assert cache.put("k" * 64, result)
    got = cache.get("k" * 64)
    pd.testing.assert_frame_equal(got.rows, result.rows, check_exact=True)
    assert [type(v) for v in got.rows[column]] == [type(v) for v in result.rows[column]]
    assert (got.format, got.encoding, got.missing_values, got.synthetic) == ("template_csv", "utf-8", 2, False)


@pytest.mark.parametrize(
    "values",
    [
        [1, 2.5],  # an int and a float in one object column: Parquet would make both floats
        [float("nan"), "x"],  # NaN is not None
    ],
)
def test_a_read_that_parquet_would_change_is_not_cached(tmp_path, aliases, values):
    rows = pd.DataFrame({"value_raw": pd.Series(values, dtype=object)})
    cache = ParseCache(tmp_path, aliases)
    assert not cache.put("k" * 64, ReadResult(format="template_csv", rows=rows))
    assert cache.get("k" * 64) is None
    assert not list(tmp_path.rglob("*.parquet"))  # nothing half-written is left


def test_a_damaged_cache_entry_is_parsed_again(reports, filled, filled_cache, catalogue, parses):
    cache, first = filled_cache, filled.first
    for entry in cache.rglob("result.json"):
        entry.write_text("{truncated", encoding="utf-8")
    again = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=cache)
    assert sorted(parses) == sorted(first.parsed)
    _equal(again, first)
    parses.clear()
    assert set(ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=cache).parsed.values()) == {"cached"}
    assert parses == []  # the damaged entries were replaced


def test_entries_refer_to_their_chunks_shared_parquet_and_one_whose_pair_is_gone_is_parsed_again(
        reports, filled, filled_cache, catalogue, parses):
    """A chunk's rows are written once, as a shared Parquet pair its files' entries refer to (no copy per file); an
    entry whose pair was deleted is parsed again (the others stay cached), and the tables are the same either way."""
    import json

    cache, first = filled_cache, filled.first
    shared = sorted((cache / "reads" / "shared").glob("*.parquet"))
    metas = [json.loads(p.read_text(encoding="utf-8")) for p in cache.rglob("result.json")]
    referring = [m for m in metas if any("shared" in b for b in m.get("batches", []))]
    assert shared and len(referring) >= 2
    assert not list(cache.rglob("batch-*"))  # every batch of these readers is in a chunk's pair
    gone = next(b["shared"] for m in referring for b in m["batches"] if "shared" in b)
    for name in gone:
        (cache / "reads" / "shared" / name).unlink()
    again = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=cache)
    reparsed = sorted(f for f, how in again.parsed.items() if how == "parsed")
    assert reparsed and set(parses) == set(reparsed) and len(reparsed) < len(again.parsed)
    _equal(again, first)
    parses.clear()
    third = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=cache)
    assert set(third.parsed.values()) == {"cached"} and parses == []
    _equal(third, first)


def test_a_file_rewritten_while_it_is_read_is_read_as_the_bytes_its_checksum_names(tmp_path, catalogue, monkeypatch,
                                                                                    parses):
    """Readers read a private copy made while the checksum was computed (issue 15): a file rewritten meanwhile
    does not change what is read or cached, and the rewritten bytes are read afresh next time. (Before, the
    reader read the folder's file and such a read was not cached.)"""
    reports = tmp_path / "reports"
    path = write(reports, "synthetic-template.csv", TEMPLATE["simplified"])
    real = ingest_module.read_into

    def rewritten_meanwhile(con, raw, p, *args, **kwargs):
        path.write_text(TEMPLATE["simplified"].replace("265", "266"), encoding="utf-8")
        return real(con, raw, p, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "read_into", rewritten_meanwhile)
    first = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=tmp_path / "cache")
    written = first.observations.value_as_written.str.cat()
    assert "265" in written and "266" not in written
    monkeypatch.setattr(ingest_module, "read_into", real)
    again = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=tmp_path / "cache")
    assert again.parsed == {"synthetic-template.csv": "parsed"}  # new bytes, new key
    assert "266" in again.observations.value_as_written.str.cat()


def test_the_key_covers_name_content_sidecar_aliases_and_code(aliases):
    base = ParseCache(PROJECT_DIR, aliases, code_version="v1")
    key = base.key("a.csv", "0" * 64, None)
    assert key == ParseCache(PROJECT_DIR, aliases, code_version="v1").key("a.csv", "0" * 64, None)
    other_aliases = Aliases(aliases.jurisdictions, aliases.indicators | {"高企": "high_tech_enterprises"})
    assert len({
        key,
        base.key("b.csv", "0" * 64, None),
        base.key("a.csv", "1" * 64, None),
        base.key("a.csv", "0" * 64, b"release_date: 2020-03-05\n"),
        ParseCache(PROJECT_DIR, other_aliases, code_version="v1").key("a.csv", "0" * 64, None),
        ParseCache(PROJECT_DIR, aliases, code_version="v2").key("a.csv", "0" * 64, None),
    }) == 6


@pytest.mark.parametrize("changed", ["reports/communique.py", "units.py", "vocab.py"])
def test_the_reader_version_changes_with_the_reader_sources(tmp_path, changed):
    package = tmp_path / "targetwatch"
    shutil.copytree(PROJECT_DIR / "targetwatch" / "reports", package / "reports")
    for name in ("units.py", "vocab.py"):
        shutil.copy(PROJECT_DIR / "targetwatch" / name, package / name)
    before = parse_cache.source_version(package)
    assert before == parse_cache.reader_version()  # the installed package, hashed the same way
    (package / changed).write_text((package / changed).read_text(encoding="utf-8") + "\n# changed\n")
    assert parse_cache.source_version(package) != before
