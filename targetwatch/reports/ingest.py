"""Read every report file in a folder: checksum, archive, detect the format, read, normalise, account for every row.

One file failing does not stop the others: it is recorded in `report_files` with the reason. With an archive
folder, every file's bytes (and its sidecar's) are archived before parsing and the folder is recorded as a
snapshot (targetwatch.reports.archive); with a cache folder, a file whose read is cached is not parsed again
(targetwatch.reports.cache).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from targetwatch.catalogue import Catalogue
from targetwatch.reports import communique, template, yearbook
from targetwatch.reports.archive import SIDECAR_SUFFIX, archive_copy, snapshot_entry, write_snapshot
from targetwatch.reports.cache import ParseCache
from targetwatch.reports.encoding import decode
from targetwatch.reports.model import Aliases, ReadResult, ReportIOError, UnreadableReportError
from targetwatch.reports.normalise import OBSERVATION_COLUMNS, REJECTED_COLUMNS, normalise

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
    "status",
    "error",
    "synthetic",  # the file declares itself synthetic: the dashboards show a red banner
    "missing_values",  # value cells written as a missing mark (— … empty): not figures, counted here
    "archive_path",  # where the raw bytes were archived, relative to the archive folder (<sha[:2]>/<sha><suffix>)
)
IGNORED_SUFFIXES = (".part", ".tmp", ".crdownload", ".meta.yaml", ".md", ".swp")
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls"})
TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm"})


def is_report_candidate(path: Path, folder: Path | None = None) -> bool:
    """Temporary, hidden and sidecar files are not reports (Excel's ~$ lock files, .part downloads), nor is
    anything inside a hidden folder below `folder` (a sync tool's .trash, a .git)."""
    name = path.name
    inside = path.relative_to(folder).parts[:-1] if folder is not None else ()
    return (
        path.is_file()
        and not name.startswith((".", "~$", "~"))
        and not name.endswith(IGNORED_SUFFIXES)
        and not any(part.startswith(".") for part in inside)
    )


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _csv_is_template(path: Path) -> bool:
    text, _ = decode(path.read_bytes(), path.name)
    lines, skip, _ = template.read_lines(text)
    if skip >= len(lines):
        return False
    header = next(csv.reader(io.StringIO(lines[skip]), skipinitialspace=True), [])
    return template.is_template(header)


def _xlsx_is_template(path: Path) -> bool:
    first = pd.read_excel(path, header=None, nrows=1, dtype=str, engine="calamine", keep_default_na=False)
    return len(first) > 0 and template.is_template([str(c) for c in first.iloc[0]])


def read_one(path: Path, aliases: Aliases | None = None, meta: Mapping[str, Any] | None = None) -> ReadResult:
    """Pick the reader from the extension and the header; raise UnreadableReportError with the reason.

    `.csv` and `.xlsx/.xlsm/.xls` are template (long) reports when their first table line is a template
    header, else yearbook (wide) tables; `.txt/.html/.htm` are communiqués, which need `aliases` (the
    catalogue's names for indicators and jurisdictions). `meta` is the file's sidecar (`<file>.meta.yaml`).
    """
    suffix = path.suffix.lower()
    meta = meta or {}
    try:
        if suffix == ".csv":
            return template.read_csv(path) if _csv_is_template(path) else yearbook.read_csv(path, aliases, meta)
        if suffix in SPREADSHEET_SUFFIXES:
            return template.read_xlsx(path) if _xlsx_is_template(path) else yearbook.read_xlsx(path, aliases, meta)
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


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def parse_sidecar(data: bytes, name: str) -> dict:
    """A sidecar's mapping (release_date, jurisdiction, year, title, synthetic); UnreadableReportError (naming the
    sidecar) if it is not UTF-8 YAML or not a mapping."""
    try:
        loaded = yaml.safe_load(data.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UnreadableReportError(f"{name}: the sidecar is not valid UTF-8 YAML: {exc}") from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise UnreadableReportError(f"{name}: the sidecar must be a mapping (key: value lines)")
    return loaded


def _truthy(value: object) -> bool:
    return value is True or str(value).strip().lower() in {"true", "yes", "1"}


@dataclass
class IngestResult:
    report_files: pd.DataFrame
    observations: pd.DataFrame
    rejected_rows: pd.DataFrame
    parsed: dict[str, str] = field(default_factory=dict)  # source_file -> "parsed" | "cached" (read from the cache)
    snapshot: str | None = None  # the archive snapshot of this folder (with an archive folder)


def _read(path: Path, digest: str, aliases: Aliases, meta: dict, cache: ParseCache | None, key: str) -> tuple:
    """(ReadResult or the UnreadableReportError, "parsed" | "cached"), through the cache when there is one."""
    if cache is not None:
        hit = cache.get(key)
        if hit is not None:
            return hit, "cached"
    try:
        result: ReadResult | UnreadableReportError = read_one(path, aliases, meta)
    except UnreadableReportError as exc:
        result = exc
    # Not kept: a file rewritten while it was read was not read as the bytes its key names. (A file that could not
    # be opened raises ReportIOError before this point.)
    if cache is not None and _unchanged(path, digest):
        cache.put(key, result)
    return result, "parsed"


def _unchanged(path: Path, digest: str) -> bool:
    try:
        return sha256_of(path) == digest
    except OSError:
        return False


def ingest_folder(
    reports_dir: Path,
    catalogue: Catalogue,
    *,
    as_of: dt.date,
    release_date: str | None = None,
    archive_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> IngestResult:
    """Read every report under `reports_dir`.

    A file's release date is, in order: the row's own release_date column (normaliser), the sidecar's
    `release_date:`, a date the file states (`发布日期：…`), then `release_date` (the `--release-date`
    option). With `archive_dir`, each file's bytes (and its sidecar's) are first copied to
    `<archive_dir>/<sha[:2]>/<sha><suffix>`, and the folder is recorded in `<archive_dir>/snapshots/`.
    With `cache_dir`, a file read before (same bytes, name, sidecar, aliases and reader code) is taken
    from the cache instead of being parsed; the normaliser runs on every file either way.
    """
    aliases = Aliases.from_catalogue(catalogue)
    cache = ParseCache(cache_dir, aliases) if cache_dir is not None else None
    files, observations, rejected = [], [], []
    parsed: dict[str, str] = {}
    manifest: dict[str, dict] = {}
    excluded = [d.resolve() for d in (archive_dir, cache_dir) if d is not None]
    for path in sorted(p for p in reports_dir.rglob("*") if is_report_candidate(p, reports_dir)):
        if any(path.resolve().is_relative_to(d) for d in excluded):
            continue  # an archive or cache kept inside the reports folder is not read as reports
        rel = path.relative_to(reports_dir).as_posix()
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        side = sidecar_path(path)
        sidecar = side.read_bytes() if side.is_file() else None
        record: dict[str, Any] = {"source_file": rel, "sha256": digest, "size_bytes": len(data)}
        if archive_dir is not None:
            record["archive_path"] = archive_copy(data, digest, path.suffix, archive_dir)
            manifest[rel] = snapshot_entry(data, digest, record["archive_path"], sidecar, archive_dir)
        meta: dict = {}
        try:
            meta = parse_sidecar(sidecar, side.name) if sidecar is not None else {}
            key = cache.key(path.name, digest, sidecar) if cache is not None else ""
            result, parsed[rel] = _read(path, digest, aliases, meta, cache, key)
            if isinstance(result, UnreadableReportError):
                raise result
        except UnreadableReportError as exc:
            parsed.setdefault(rel, "parsed")
            files.append(
                record
                | {
                    "format": None,
                    "encoding": None,
                    "rows_read": 0,
                    "rows_accepted": 0,
                    "rows_rejected": 0,
                    "status": "failed",
                    "error": str(exc),
                    "synthetic": _truthy(meta.get("synthetic")),
                    "missing_values": 0,
                }
            )
            continue
        sidecar_release = meta.get("release_date")
        file_release = sidecar_release or result.release_date or release_date
        basis = (
            "sidecar"
            if sidecar_release
            else "file"
            if result.release_date
            else "command line"
            if release_date
            else "not stated"
        )
        obs, rej = normalise(
            result.rows,
            catalogue,
            source_file=rel,
            sha256=digest,
            default_release_date=str(file_release) if file_release else None,
            release_date_basis=basis,
            as_of=as_of,
        )
        reader_rej = result.rejected.assign(source_file=rel, sha256=digest)[list(REJECTED_COLUMNS)]
        rej = pd.concat([reader_rej, rej], ignore_index=True) if len(reader_rej) else rej
        observations.append(obs)
        rejected.append(rej)
        files.append(
            record
            | {
                "format": result.format,
                "encoding": result.encoding,
                "release_date": str(file_release) if file_release else None,
                "release_date_basis": basis,
                "title": meta.get("title") or result.title,
                "rows_read": len(result.rows) + len(result.rejected),
                "rows_accepted": len(obs),
                "rows_rejected": len(rej),
                "status": "loaded",
                "error": None,
                "synthetic": result.synthetic or _truthy(meta.get("synthetic")),
                "missing_values": result.missing_values,
            }
        )
    report_files = pd.DataFrame(files, columns=list(REPORT_FILE_COLUMNS))
    report_files["synthetic"] = report_files["synthetic"].fillna(False).astype(bool)
    snapshot = write_snapshot(archive_dir, manifest, release_date) if archive_dir is not None else None
    return IngestResult(
        report_files=report_files,
        observations=pd.concat(observations, ignore_index=True)
        if observations
        else pd.DataFrame(columns=list(OBSERVATION_COLUMNS)),
        rejected_rows=pd.concat(rejected, ignore_index=True)
        if rejected
        else pd.DataFrame(columns=list(REJECTED_COLUMNS)),
        parsed=parsed,
        snapshot=snapshot,
    )
