"""Read every report file in a folder: check it may be read, copy, checksum, archive, read in batches into DuckDB,
normalise in SQL, and account for every row.

The folder is a boundary (docs/security.md). A symbolic link that resolves outside it, a device, FIFO or
socket, or a file over a limit (targetwatch.limits) is recorded in `report_files` as `refused` with the reason,
and not one of its bytes is read: not into the archive, the cache, the warehouse or a page. Every other file is
copied once, through a descriptor opened without following links, into a private staging folder while its
sha256 is computed; the readers, the archive and the cache all see that copy, so a file rewritten or swapped
while a refresh runs is read as the bytes its checksum names.

The same bytes under a second name are read once: the second file is recorded as `duplicate` (`duplicate of …`).
One file failing does not stop the others: it is recorded with the reason. With an archive folder, every file's
bytes (and its sidecar's) are archived and the folder is recorded as a snapshot (targetwatch.reports.archive);
with a cache folder, a file whose read is cached is not parsed again (targetwatch.reports.cache).

Readers emit raw rows into one DuckDB table per file, in batches (a template CSV is streamed: a million-row file
never sits in memory as Python objects); the normaliser (targetwatch.reports.normalise) turns that table into
observations and quarantined rows in one SQL pass. With `warehouse`, the tables are written straight into that
DuckDB file; without, an in-memory database is used and the tables are returned as pandas frames.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import yaml

from targetwatch.catalogue import Catalogue
from targetwatch.catalogue_yaml import YAML_LOADER
from targetwatch.limits import DEFAULT_LIMITS, LimitExceededError, Limits, check_size, check_zip
from targetwatch.memory_db import limited_database
from targetwatch.reports import communique, department_return, template, template_sql, yearbook
from targetwatch.reports.archive import SIDECAR_SUFFIX, archive_file, snapshot_entry, write_snapshot
from targetwatch.reports.batches import Batches
from targetwatch.reports.boundary import (
    Entry,
    is_candidate_name,
    read_sidecar,
    scan_folder,
    stage,
)
from targetwatch.reports.cache import ParseCache
from targetwatch.reports.gathered import Gathered
from targetwatch.reports.model import Aliases, ReadResult, ReportIOError, UnreadableReportError
from targetwatch.reports.normalise import (
    OBSERVATION_COLUMNS,
    REJECTED_COLUMNS,
    Normaliser,
    append_raw,
    create_raw,
    frames,
    raw_counts,
)

REPORT_FILE_COLUMNS: tuple[str, ...] = (
    "source_file",
    "sha256",
    "size_bytes",
    "format",
    "encoding",
    "release_date",
    "release_date_basis",
    "title",
    "rows_read",
    "rows_accepted",
    "rows_rejected",
    "status",  # vocab.FILE_STATUSES
    "error",
    "synthetic",  # the file declares itself synthetic: the dashboards show a red banner
    "missing_values",  # value cells written as a missing mark (— … empty): not figures, counted here
    "archive_path",  # where the raw bytes were archived, relative to the archive folder (<sha[:2]>/<sha><suffix>)
    "rows_not_yet_released",  # rows released after the as-of date: not visible in this replay (rows_read counts them)
    "warning",  # loaded, but worth a look: a header-only file, or `duplicate of …`
)
REPORT_FILE_TYPES: dict[str, str] = {c: "VARCHAR" for c in REPORT_FILE_COLUMNS} | {
    "size_bytes": "BIGINT", "rows_read": "BIGINT", "rows_accepted": "BIGINT", "rows_rejected": "BIGINT",
    "synthetic": "BOOLEAN", "missing_values": "BIGINT", "rows_not_yet_released": "BIGINT"}
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
ZIP_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
RAW = "_tw_raw"
PENDING = "_tw_pending"
# Raw rows of many files are normalised together once this many wait (and at the end): the normaliser's statements
# then run a few times per refresh rather than once per file; DuckDB spills what its memory limit does not hold.
FLUSH_BATCHES = 20  # × limits.batch_rows


def is_report_candidate(path: Path, folder: Path | None = None) -> bool:
    """Temporary, hidden and sidecar files are not reports (Excel's ~$ lock files, .part downloads), nor is
    anything inside a hidden folder below `folder` (a sync tool's .trash, a .git). Links, devices and FIFOs are
    candidates: ingestion records them as refused (`scan_folder`)."""
    inside = path.relative_to(folder).parts[:-1] if folder is not None else ()
    return (path.is_file() or path.is_symlink()) and is_candidate_name(path.name, inside)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(2**20):
            h.update(chunk)
    return h.hexdigest()


# --- readers -------------------------------------------------------------------------------------------


def read_one(path: Path, aliases: Aliases | None = None, meta: Mapping[str, Any] | None = None,
             limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Pick the reader from the extension and the header; raise UnreadableReportError with the reason.

    `.csv` and `.xlsx/.xlsm/.xls` are template (long) reports when their first table line is a template
    header, else yearbook (wide) tables; `.txt/.html/.htm` are communiqués, which need `aliases` (the
    catalogue's names for indicators and jurisdictions). `meta` is the file's sidecar (`<file>.meta.yaml`).
    A zip container is checked against the limits (central directory) before it is opened.
    """
    suffix = path.suffix.lower()
    meta = meta or {}
    try:
        check_size(path.name, path.stat().st_size, limits)
        if suffix == ".csv":
            head = template.read_head(path)
            if head is not None and template.is_template(head.header):
                return template.read_csv(path, limits)
            return yearbook.read_csv(path, aliases, meta)
        if suffix in SPREADSHEET_SUFFIXES:
            if suffix in ZIP_SUFFIXES:
                check_zip(path, path.name, limits)
            if suffix != ".xls" and department_return.marker_of(path) is not None:
                return department_return.read_xlsx(path)  # a returned data-call workbook, known by its marker
            return (template.read_xlsx(path, limits) if template.xlsx_is_template(path)
                    else yearbook.read_xlsx(path, aliases, meta))
        if suffix in TEXT_SUFFIXES:
            if aliases is None:
                raise UnreadableReportError(
                    f"{path.name}: a communiqué is read with the catalogue's aliases; none given"
                )
            return communique.read_text(path, aliases, meta)
    except UnreadableReportError:
        raise
    except OSError as exc:  # the system, not the file: retried by the caller, never a "failed" file
        raise ReportIOError(f"{path.name}: could not be read ({exc})") from exc
    except Exception as exc:  # a broken file must name itself, not crash the refresh
        raise UnreadableReportError(f"{path.name}: cannot be read as {suffix[1:]}: {exc}") from exc
    raise UnreadableReportError(
        f"{path.name}: unknown report format {suffix!r} (expected .csv, .xlsx, .xlsm, .xls, .txt, .html, .htm)"
    )


@dataclass
class ReadInfo:
    """What a read says about a file besides its rows (the ReadResult's scalars)."""

    format: str
    encoding: str | None = None
    release_date: str | None = None
    title: str | None = None
    synthetic: bool = False
    missing_values: int = 0


def _streamed(path: Path, limits: Limits, con: duckdb.DuckDBPyConnection, raw: str,
              scan: template_sql.Scan | None = None) -> tuple[ReadInfo, Iterator[template.RawBatch] | None] | None:
    """A template CSV or workbook's info and its batches, or None when the file is read whole by `read_one`.
    A template CSV is split into the raw table by DuckDB where it can be (template_sql.load: then the batches are
    None, the rows are already there); else streamed by `template.iter_csv`.
    With `scan`, the template CSV's rows come from the scan of its group of files (template_sql.Scan).
    A zip's sizes are checked against the limits before any member is opened."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        scan = scan or template_sql.Scan(con, limits)  # unplanned: the file is read as a group of one
        head = scan.head(path)
        if head is not None and template.is_template(head.header):
            info = ReadInfo("template_csv", head.encoding, synthetic=head.synthetic)
            streamed = template.iter_csv(path, limits, head)  # a generator: nothing is read unless it is iterated
            if scan.load(raw, path, head):
                return info, None
            return info, streamed
    elif suffix in ZIP_SUFFIXES:
        check_size(path.name, path.stat().st_size, limits)
        check_zip(path, path.name, limits)
        book = template.Workbook(path)  # opened once: the marker, the header test and the rows read its sheets
        try:
            if (department_return.marker_of(path, book.worksheets) is None
                    and template.xlsx_is_template(path, book)):
                return ReadInfo("template_xlsx", "xlsx"), template.iter_xlsx(path, limits, book)  # it closes `book`
        except BaseException:
            book.close()
            raise
        book.close()
    return None


def read_into(con: duckdb.DuckDBPyConnection, raw: str, path: Path, aliases: Aliases | None,
              meta: Mapping[str, Any], limits: Limits, sink: Callable[[ReadInfo], None] | None = None,
              scan: template_sql.Scan | None = None, append: Callable[..., None] = append_raw) -> ReadInfo:
    """Read one file into the raw table `raw` (created empty by the caller), calling `sink` after each batch (it
    normalises the batch and empties the table). A template CSV is split by DuckDB into the table in one batch where
    it can be (template_sql), else streamed, like a template workbook, in batches of `limits.batch_rows`; every other
    reader's rows are one batch through the same table (or, with `append`, handed to it: gathered.Gathered).
    Raises like `read_one`."""
    sink = sink or (lambda info: None)
    try:
        streamed = _streamed(path, limits, con, raw, scan)
        if streamed is not None:
            info, batches = streamed
            if batches is None:  # already in the raw table: one batch
                sink(info)
            for batch in batches or ():
                append(con, raw, batch.rows, batch.rejected)
                sink(info)
            return info
    except UnreadableReportError:
        raise
    except OSError as exc:
        raise ReportIOError(f"{path.name}: could not be read ({exc})") from exc
    except Exception as exc:
        raise UnreadableReportError(f"{path.name}: cannot be read as {path.suffix.lower()[1:]}: {exc}") from exc
    result = read_one(path, aliases, meta, limits)
    if len(result.rows) > limits.max_rows:
        raise LimitExceededError(path.name, "max_rows", len(result.rows), limits.max_rows, "figures")
    append(con, raw, result.rows, result.rejected)
    info = ReadInfo(result.format, result.encoding, result.release_date, result.title, result.synthetic,
                    result.missing_values)
    sink(info)
    return info


def parse_sidecar(data: bytes, name: str) -> dict:
    """A sidecar's mapping (release_date, jurisdiction, year, title, synthetic); UnreadableReportError (naming the
    sidecar) if it is not UTF-8 YAML or not a mapping. Parsed by libyaml (YAML_LOADER: what `yaml.safe_load` gives,
    565 national sidecars 0.22 -> 0.03 CPU s); one it refuses is parsed again by `yaml.safe_load`, whose verdict and
    message (line and column, the text around the fault) are the ones recorded."""
    try:
        text = data.decode("utf-8-sig")
        try:
            loaded = yaml.load(text, Loader=YAML_LOADER)  # libyaml's safe loader
        except yaml.YAMLError:
            loaded = yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UnreadableReportError(f"{name}: the sidecar is not valid UTF-8 YAML: {exc}") from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise UnreadableReportError(f"{name}: the sidecar must be a mapping (key: value lines)")
    return loaded


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _truthy(value: object) -> bool:
    return value is True or str(value).strip().lower() in {"true", "yes", "1"}


@dataclass
class IngestResult:
    report_files: pd.DataFrame
    observations: pd.DataFrame | None  # None when the tables were written into a warehouse
    rejected_rows: pd.DataFrame | None
    parsed: dict[str, str] = field(default_factory=dict)  # source_file -> "parsed" | "cached" (read from the cache)
    snapshot: str | None = None  # the archive snapshot of this folder (with an archive folder)
    counts: dict[str, int] = field(default_factory=dict)  # rows in observations and rejected_rows
    rejected_preview: pd.DataFrame | None = None  # the first 20 quarantined rows (file, location, reason)


# An ingest without a warehouse whose files total less than this runs DuckDB on one thread: its tables cannot reach
# one DuckDB row group (122,880 rows: at least ~2.4 MB of the shortest CSV rows), so each scan is one task and a
# second thread adds only hand-offs (an ingest of two small files: 166 -> 143 CPU ms; docs/testing.md, session 15).
# A larger folder, or one written into a warehouse file (which another connection of the process may hold with its
# own configuration), keeps DuckDB's default threads.
SMALL_FOLDER_BYTES = 1 << 20
# One whose files total less than this also runs its statements without DuckDB's optimizer: its tables hold at most
# about one DuckDB vector (2,048 rows need ~40 kB of the shortest CSV rows), so the plan's shape cannot change what
# the work costs and optimizing is pure cost (an ingest of two small files 174 -> 145 CPU ms; docs/testing.md,
# session 16; memory_db.UNOPTIMISED_ROWS for the private databases). Bytes bound rows only for text: a workbook packs
# more (a 39,770-byte SYNTHETIC xlsx gave 5,250 raw rows, about 2.6 vectors; off vs on its outputs were equal and its
# CPU 0.40 / 0.37 against 0.51 / 0.36 s, so the bound is left on bytes).
TINY_FOLDER_BYTES = 40 << 10


def _folder_bytes(reports_dir: Path, excluded: tuple[Path, ...], stop_at: int = SMALL_FOLDER_BYTES) -> int:
    """The bytes of the regular files the ingest will read, counted until they reach `stop_at` (sizes only: no file
    is opened; the folder is listed again, as read, by the ingest itself). One listing serves both bounds."""
    total = 0
    for entry in scan_folder(reports_dir, excluded):
        if entry.refused is None:
            with contextlib.suppress(OSError):
                total += entry.path.stat().st_size
        if total >= stop_at:
            break
    return total


@contextlib.contextmanager
def _database(warehouse: Path | None, scratch: Path, limits: Limits, *, one_thread: bool = False,
              optimizer: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """The ingest's DuckDB connection: the warehouse file's; for a small folder without one, a new in-memory database
    on the process's one-thread instance of this memory limit (memory_db.limited_database: no new instance per call);
    else a new in-memory instance. Without `optimizer` (only a tiny folder's, so only on the one-thread instance:
    TINY_FOLDER_BYTES < SMALL_FOLDER_BYTES), DuckDB's optimizer is off."""
    if warehouse is None and one_thread:
        with limited_database(limits.duckdb_memory_mb, optimizer=optimizer) as con:
            yield con
        return
    con = duckdb.connect(str(warehouse) if warehouse is not None else ":memory:")
    try:
        con.execute(f"SET memory_limit = '{limits.duckdb_memory_mb}MB'")
        con.execute(f"SET temp_directory = '{str(scratch / 'duckdb').replace(chr(39), chr(39) * 2)}'")
        con.execute("SET preserve_insertion_order = true")
        yield con
    finally:
        with contextlib.suppress(duckdb.Error):  # settings are the database's: leave them as later steps expect
            con.execute("RESET memory_limit")
            con.execute("RESET temp_directory")
        con.close()


def ingest_folder(
    reports_dir: Path,
    catalogue: Catalogue,
    *,
    as_of: dt.date,
    release_date: str | None = None,
    archive_dir: Path | None = None,
    cache_dir: Path | None = None,
    warehouse: Path | None = None,
    limits: Limits | None = None,
    today: dt.date | None = None,
) -> IngestResult:
    """Read every report under `reports_dir`.

    A file's release date is, in order: the row's own release_date column (normaliser), the sidecar's
    `release_date:`, a date the file states (`发布日期：…`), then `release_date` (the `--release-date`
    option). With `archive_dir`, each file's bytes (and its sidecar's) are first copied to
    `<archive_dir>/<sha[:2]>/<sha><suffix>`, and the folder is recorded in `<archive_dir>/snapshots/`.
    With `cache_dir`, a file read before (same bytes, name, sidecar, aliases and reader code) is taken
    from the cache instead of being parsed; the normaliser runs on every file either way. With `warehouse`,
    `report_files`, `observations` and `rejected_rows` are (re)written in that DuckDB file.
    """
    limits = limits or DEFAULT_LIMITS
    aliases = Aliases.from_catalogue(catalogue)
    cache = ParseCache(cache_dir, aliases) if cache_dir is not None else None
    root = reports_dir.resolve()
    excluded = tuple(d.resolve() for d in (archive_dir, cache_dir) if d is not None)
    scratch_parent = archive_dir.parent if archive_dir is not None else None
    if scratch_parent is not None:
        scratch_parent.mkdir(parents=True, exist_ok=True)
        for stale in scratch_parent.glob(".ingest-*"):  # left by a killed run (refreshes never overlap: the lock)
            shutil.rmtree(stale, ignore_errors=True)
    files: list[dict] = []
    parsed: dict[str, str] = {}
    manifest: dict[str, dict] = {}
    seen: dict[tuple, str] = {}  # (sha256, sidecar's sha256) -> the first file with those bytes
    with tempfile.TemporaryDirectory(prefix=".ingest-", dir=scratch_parent) as tmp:
        scratch = Path(tmp)
        staging = scratch / "files"
        staging.mkdir()
        size = _folder_bytes(reports_dir, excluded) if warehouse is None else SMALL_FOLDER_BYTES
        one_thread, tiny = size < SMALL_FOLDER_BYTES, size < TINY_FOLDER_BYTES
        with _database(warehouse, scratch, limits, one_thread=one_thread, optimizer=not tiny) as con:
            # No one transaction around the whole folder: DuckDB would hold every uncommitted row in memory (1.5 GB
            # for a million-row file, against 0.5 GB committing statement by statement). The tables are in the
            # build area, dropped and written afresh by each attempt.
            for table in ("observations", "rejected_rows", "report_files"):
                con.execute(f'DROP TABLE IF EXISTS "{table}"')
            # a small folder without a warehouse is on a memory_db instance (`_database`): its shared macros serve
            normaliser = Normaliser(con, catalogue, as_of=as_of, today=today,
                                    shared_macros=warehouse is None and one_thread)
            create_raw(con, RAW)
            batches = Batches(con, normaliser, RAW, PENDING, limits.batch_rows * FLUSH_BATCHES)
            # the Python readers' batches go into DuckDB many at a time, and their cache entries by one COPY a chunk
            shared = cache.shared_folder() if cache is not None else None
            gathered = Gathered(con, max_rows=limits.batch_rows, release=batches.release, spill=shared)
            batches.before_flush = gathered.materialise
            finish: dict[int, Callable[[dict[str, int]], dict]] = {}  # files read: their row's counts come last
            # Every file is first staged, checked and archived; then the template CSVs to parse are planned into one
            # DuckDB scan per header layout (template_sql.Scan); then each file is read in its turn.
            prepared = [_prepare(entry, n, root, staging, cache, archive_dir, manifest, seen, parsed, limits)
                        for n, entry in enumerate(scan_folder(reports_dir, excluded))]
            # a file's rows stay in its chunk until normalised (`batches`); the chunk is written to the cache by one
            # COPY per table (a shared Parquet pair), to which its files' entries refer
            scan = template_sql.Scan(con, limits, defer=True, spill=shared, release=batches.release)
            scan.plan([p.copy for p in prepared if isinstance(p, Prepared) and p.copy.suffix.lower() == ".csv"
                       and not (cache is not None and cache.has(p.key))])
            try:
                for p in prepared:
                    record = (_read_prepared(p, con, batches, aliases, cache, parsed, release_date, limits, scan,
                                             gathered) if isinstance(p, Prepared) else p)
                    if callable(record):
                        finish[len(files)] = record
                    files.append(record)
                batches.flush()
            finally:
                scan.close()
                gathered.abort()  # cache entries still owed their rows (a failed run): never committed half-written
            for n, done in finish.items():
                files[n] = done(batches.counts(n))
            parsed = {f["source_file"]: parsed[f["source_file"]] for f in files if f["source_file"] in parsed}
            report_files = pd.DataFrame(files, columns=list(REPORT_FILE_COLUMNS))
            report_files["synthetic"] = report_files["synthetic"].fillna(False).astype(bool)
            for c in ("rows_read", "rows_accepted", "rows_rejected", "missing_values", "rows_not_yet_released"):
                report_files[c] = report_files[c].fillna(0).astype("int64")
            con.execute(_ddl("report_files", REPORT_FILE_TYPES))
            con.register("_tw_files", report_files)
            con.execute("INSERT INTO report_files SELECT * FROM _tw_files")
            con.unregister("_tw_files")
            counts = {t: int(report_files[c].sum()) for t, c in
                      (("observations", "rows_accepted"), ("rejected_rows", "rows_rejected"))}
            preview = con.execute("SELECT source_file, location, reason FROM rejected_rows LIMIT 20").df()
            observations = rejected = None
            if warehouse is None:
                observations, rejected = frames(con)
    snapshot = write_snapshot(archive_dir, manifest, release_date) if archive_dir is not None else None
    return IngestResult(report_files, observations, rejected, parsed, snapshot, counts, preview)


def _ddl(table: str, types: dict[str, str]) -> str:
    return f'CREATE TABLE "{table}" (' + ", ".join(f'"{c}" {t}' for c, t in types.items()) + ")"


@dataclass
class Prepared:
    """A file staged (its copy and sha256), its sidecar read and archived, waiting to be read."""

    number: int
    rel: str
    copy: Path
    digest: str
    sidecar: bytes | None
    meta: dict
    record: dict
    key: str  # its parse cache key ("" without a cache)


def _prepare(entry: Entry, number: int, root: Path, staging: Path, cache: ParseCache | None, archive_dir: Path | None,
             manifest: dict, seen: dict[tuple, str], parsed: dict[str, str], limits: Limits) -> dict | Prepared:
    """One file staged, checked and archived: its final `report_files` row (refused, failed, duplicate), or what
    reading it needs."""
    rel = entry.rel
    record: dict[str, Any] = {"source_file": rel, "rows_read": 0, "rows_accepted": 0, "rows_rejected": 0,
                              "missing_values": 0, "rows_not_yet_released": 0, "synthetic": False}
    if entry.refused:
        return record | {"status": "refused", "error": f"{Path(rel).name}: {entry.refused}"}
    try:
        copy, digest, size = stage(entry, number, root, staging, limits)
    except LimitExceededError as exc:
        return record | {"status": "refused", "error": str(exc)}
    except UnreadableReportError as exc:
        return record | {"status": "refused", "error": str(exc)}
    except OSError as exc:
        raise ReportIOError(f"{rel}: could not be read ({exc})") from exc
    record |= {"sha256": digest, "size_bytes": size}
    try:
        sidecar = read_sidecar(entry, root)
    except UnreadableReportError as exc:
        return record | {"status": "failed", "error": str(exc)}
    if archive_dir is not None:
        record["archive_path"] = archive_file(copy, digest, Path(rel).suffix, archive_dir)
        manifest[rel] = snapshot_entry(size, digest, record["archive_path"], sidecar, archive_dir)
    try:
        meta = parse_sidecar(sidecar, Path(rel).name + SIDECAR_SUFFIX) if sidecar is not None else {}
    except UnreadableReportError as exc:
        parsed[rel] = "parsed"
        return record | {"status": "failed", "error": str(exc)}
    # The same bytes with the same sidecar are the same report: read once. (Another sidecar can make the same
    # bytes another vintage, with another release date.)
    same = (digest, hashlib.sha256(sidecar).hexdigest() if sidecar is not None else None)
    if same in seen:
        return record | {"status": "duplicate", "warning": f"duplicate of {seen[same]} (the same bytes): read once"}
    seen[same] = rel
    key = cache.key(copy.name, digest, sidecar) if cache is not None else ""
    return Prepared(number, rel, copy, digest, sidecar, meta, record, key)


def _read_prepared(p: Prepared, con: duckdb.DuckDBPyConnection, batches: Batches, aliases: Aliases,
                   cache: ParseCache | None, parsed: dict[str, str], release_date: str | None, limits: Limits,
                   scan: template_sql.Scan | None = None, gathered: Gathered | None = None,
                   ) -> dict | Callable[[dict[str, int]], dict]:
    """A prepared file read: its `report_files` row if it failed, else the function that makes the row from the
    file's row counts (known once its rows are normalised, `Batches.flush`); its rows wait in `batches`."""
    rel, number, meta, record = p.rel, p.number, p.meta, p.record
    dates: dict[str, Any] = {}

    def sink(info: ReadInfo, counts: tuple[int, int] | None = None, part: tuple[str, str] | None = None,
             source: tuple[tuple[str, str], int] | None = None) -> None:
        """Move the batch in the raw table (or in `part`: a scanned file's rows in its chunk; with `source`, left
        there) to the rows waiting for the normaliser (`batches`), with its file's parameters; `counts`: the batch's
        rows and rejects, when known."""
        sidecar_release = meta.get("release_date")
        file_release = sidecar_release or info.release_date or release_date
        dates["release"] = str(file_release) if file_release else None
        dates["basis"] = ("sidecar" if sidecar_release else "file" if info.release_date
                          else "command line" if release_date else "not stated")
        batches.add(number, source_file=rel, sha256=p.digest, default_release_date=dates["release"],
                    release_date_basis=dates["basis"], counts=counts, part=part, source=source)

    try:
        info, parsed[rel] = _read(con, p.copy, aliases, meta, cache, p.key, limits, sink, scan, gathered)
        if isinstance(info, UnreadableReportError):
            raise info
    except UnreadableReportError as exc:  # a refusal over a limit too: what its batches left is taken back
        parsed.setdefault(rel, "parsed")
        for suffix in ("", "_rejected"):  # what a reader left in the raw table
            con.execute(f'DELETE FROM "{RAW}{suffix}"')
        batches.drop_file(number, rel)
        status = "refused" if isinstance(exc, LimitExceededError) else "failed"
        return record | {"status": status, "error": str(exc), "synthetic": _truthy(meta.get("synthetic"))}
    return lambda totals: _read_record(record, totals, info, dates, meta)


def _read_record(record: dict, totals: dict[str, int], info: ReadInfo, dates: dict, meta: dict) -> dict:
    """A read file's `report_files` row, from its row counts (`Batches.counts`)."""
    rows_read, hidden = totals["read"], totals["not_yet_released"]
    status = "not yet released" if rows_read and hidden == rows_read else "loaded"
    warning = None
    if rows_read == 0:
        warning = "the file holds no rows (a header only, or an empty table): nothing to read"
    return record | {
        "format": info.format,
        "encoding": info.encoding,
        "release_date": dates.get("release"),
        "release_date_basis": dates.get("basis"),
        "title": meta.get("title") or info.title,
        "rows_read": rows_read,
        "rows_accepted": totals["accepted"],
        "rows_rejected": totals["rejected"],
        "rows_not_yet_released": hidden,
        "status": status,
        "error": None,
        "warning": warning,
        "synthetic": info.synthetic or _truthy(meta.get("synthetic")),
        "missing_values": info.missing_values,
    }


def _read(con: duckdb.DuckDBPyConnection, copy: Path, aliases: Aliases, meta: dict, cache: ParseCache | None,
          key: str, limits: Limits, sink: Callable[..., None], scan: template_sql.Scan | None = None,
          gathered: Gathered | None = None) -> tuple[ReadInfo | UnreadableReportError, str]:
    """Read the file batch by batch (from the cache, or the reader), handing each batch to `sink`: (what the read
    says, or why the file cannot be read; "parsed" | "cached"). An unreadable file's reason is cached too; a refusal
    over a limit is not (limits may be raised)."""
    if cache is not None:
        hit = cache.get_into(con, key, RAW, lambda scalars, counts=None, source=None: sink(
            ReadInfo(**scalars), counts, None, source))
        if isinstance(hit, UnreadableReportError):
            return hit, "cached"
        if hit is not None:
            return ReadInfo(**hit), "cached"
    writer = cache.writer(key) if cache is not None else None

    def keep(info: ReadInfo) -> None:
        # counted once, for the cache and the batches (a file taken from a scan: the scan counted its rows); a file
        # the scan left in its chunk (`part`) goes from there to the cache and the pending tables, no raw table between
        part = scan.part(copy) if scan is not None else None
        taken = gathered.take() if gathered is not None and part is None else None
        if taken is not None:  # a Python reader's batch, gathered: it waits for its chunk (and its cache entry with it)
            if writer is not None:
                gathered.cache_later(writer, taken[1])
            sink(info, taken[2], None, taken[:2])
            if gathered.full():
                gathered.materialise()
            return
        counts = (scan.taken.pop(copy, None) if scan is not None else None) or raw_counts(con, RAW)
        try:
            if writer is not None:
                writer.add(con, RAW, counts, part, scan.spilled(copy) if part is not None else None)
            sink(info, counts, part, scan.source(copy) if part is not None else None)
        finally:
            if part is not None:
                scan.done(copy)

    if gathered is not None:
        gathered.latest = None  # a batch kept by a file that failed before its sink is not this file's
    try:
        info = read_into(con, RAW, copy, aliases, meta, limits, keep, scan,
                         **({"append": gathered.append} if gathered is not None else {}))
    except LimitExceededError as exc:
        if writer is not None:
            writer.abort()
        return exc, "parsed"
    except UnreadableReportError as exc:
        if writer is not None:
            writer.abort()
        if cache is not None:
            cache.put_error(key, exc)
        return exc, "parsed"
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    if writer is not None:
        if gathered is not None:
            gathered.commit_later(writer, vars(info))  # once its batches' rows are written with their chunk
        else:
            writer.commit(vars(info))
    return info, "parsed"


__all__ = [
    "OBSERVATION_COLUMNS",
    "REJECTED_COLUMNS",
    "REPORT_FILE_COLUMNS",
    "IngestResult",
    "ingest_folder",
    "is_report_candidate",
    "read_one",
    "scan_folder",
]
