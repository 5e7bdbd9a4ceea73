"""Read every report file in a folder: checksum, detect the format, read, normalise, account for every row.

One file failing does not stop the others: it is recorded in `report_files` with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from targetwatch.catalogue import Catalogue
from targetwatch.reports import template
from targetwatch.reports.model import ReadResult, UnreadableReportError
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
)
IGNORED_SUFFIXES = (".part", ".tmp", ".crdownload", ".meta.yaml", ".md", ".swp")


def is_report_candidate(path: Path) -> bool:
    """Temporary, hidden and sidecar files are not reports (Excel's ~$ lock files, .part downloads)."""
    name = path.name
    return path.is_file() and not name.startswith((".", "~$", "~")) and not name.endswith(IGNORED_SUFFIXES)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_one(path: Path) -> ReadResult:
    """Pick the reader from the extension and the header; raise UnreadableReportError with the reason."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return template.read_csv(path)
        if suffix in {".xlsx", ".xlsm", ".xls"}:
            return template.read_xlsx(path)
    except UnreadableReportError:
        raise
    except Exception as exc:  # a broken file must name itself, not crash the refresh
        raise UnreadableReportError(f"{path.name}: cannot be read as {suffix[1:]}: {exc}") from exc
    raise UnreadableReportError(f"{path.name}: unknown report format {suffix!r} (expected .csv, .xlsx, .txt, .html)")


def _sidecar(path: Path) -> dict:
    meta = path.with_name(path.name + ".meta.yaml")
    return yaml.safe_load(meta.read_text(encoding="utf-8")) or {} if meta.exists() else {}


@dataclass
class IngestResult:
    report_files: pd.DataFrame
    observations: pd.DataFrame
    rejected_rows: pd.DataFrame


def ingest_folder(
    reports_dir: Path, catalogue: Catalogue, *, as_of: dt.date, release_date: str | None = None
) -> IngestResult:
    files, observations, rejected = [], [], []
    for path in sorted(p for p in reports_dir.rglob("*") if is_report_candidate(p)):
        rel = path.relative_to(reports_dir).as_posix()
        digest = sha256_of(path)
        record = {"source_file": rel, "sha256": digest, "size_bytes": path.stat().st_size}
        try:
            result = read_one(path)
        except UnreadableReportError as exc:
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
                }
            )
            continue
        meta = _sidecar(path)
        file_release = release_date or meta.get("release_date") or result.release_date
        basis = (
            "command line"
            if release_date
            else "sidecar"
            if meta.get("release_date")
            else "file"
            if result.release_date
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
            }
        )
    return IngestResult(
        report_files=pd.DataFrame(files, columns=list(REPORT_FILE_COLUMNS)),
        observations=pd.concat(observations, ignore_index=True)
        if observations
        else pd.DataFrame(columns=list(OBSERVATION_COLUMNS)),
        rejected_rows=pd.concat(rejected, ignore_index=True)
        if rejected
        else pd.DataFrame(columns=list(REJECTED_COLUMNS)),
    )
