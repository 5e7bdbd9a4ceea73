"""Limits on what a report file may cost to read, in one place.

The reports folder is a drop on a shared drive: anyone, any sync tool, any mistaken export can put a file there
(docs/security.md). Every limit below bounds the memory or time one file can take; a file over a limit is
recorded in `report_files` as `refused`, naming the limit and the measured value, and the run goes on without it.

Defaults (each overridable by the environment variable beside it, read once per run by `from_env`):

- file size: 256 MiB (TARGETWATCH_MAX_FILE_BYTES), checked on the open descriptor before a byte is read;
- unzipped size of an .xlsx/.xlsm: 256 MiB (TARGETWATCH_MAX_UNZIPPED_BYTES), and compression ratio: 200
  (TARGETWATCH_MAX_COMPRESSION_RATIO, per member over 1 MB and overall), and zip members: 10,000
  (TARGETWATCH_MAX_ZIP_MEMBERS), all from the central directory before any member is opened; then each member is
  inflated in 1 MiB chunks, kept nowhere, so a directory that lies about sizes fails its CRC check;
- rows per sheet or file: 2,000,000 (TARGETWATCH_MAX_ROWS), counted while reading;
- cells per row: 1,000 (TARGETWATCH_MAX_CELLS_PER_ROW), and characters per cell: 10,000
  (TARGETWATCH_MAX_CHARS_PER_CELL), while reading.

Plausible ranges of values are properties of their unit and live with the units (`targetwatch.vocab.UNITS`).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path

from targetwatch.reports.model import UnreadableReportError

ENV_PREFIX = "TARGETWATCH_"


@dataclass(frozen=True)
class Limits:
    """What one report file may cost. Field name -> environment variable: `TARGETWATCH_` + upper-case name."""

    max_file_bytes: int = 256 * 2**20
    max_unzipped_bytes: int = 256 * 2**20
    max_compression_ratio: float = 200.0
    max_zip_members: int = 10_000
    max_rows: int = 2_000_000
    max_cells_per_row: int = 1_000
    max_chars_per_cell: int = 10_000
    # Not a refusal limit: how many raw rows a reader hands to the normaliser at once (bounds ingestion's memory).
    batch_rows: int = 50_000
    # Not a refusal limit: the memory DuckDB may use while ingesting before it spills to disk (MiB).
    duckdb_memory_mb: int = 512

    @staticmethod
    def variable(name: str) -> str:
        return ENV_PREFIX + name.upper()


DEFAULT_LIMITS = Limits()


def from_env(env: dict[str, str] | None = None) -> Limits:
    """Limits with every `TARGETWATCH_MAX_…` variable applied; a malformed value is an error naming it."""
    env = dict(os.environ if env is None else env)
    values: dict[str, object] = {}
    for f in fields(Limits):
        raw = env.get(Limits.variable(f.name))
        if raw is None or raw.strip() == "":
            continue
        try:
            value = float(raw) if f.type in ("float", float) else int(raw.replace("_", ""))
        except ValueError:
            raise ValueError(f"{Limits.variable(f.name)}={raw!r} is not a number") from None
        if value <= 0:
            raise ValueError(f"{Limits.variable(f.name)}={raw!r} must be positive")
        values[f.name] = value
    return Limits(**values)


# What each limit measures, in words, and its unit.
_WORDS: dict[str, tuple[str, str]] = {
    "max_file_bytes": ("file size", " bytes"),
    "max_unzipped_bytes": ("unzipped size", " bytes"),
    "max_compression_ratio": ("compression ratio", ":1"),
    "max_zip_members": ("number of zip members", ""),
    "max_rows": ("number of rows", ""),
    "max_cells_per_row": ("number of cells in a row", ""),
    "max_chars_per_cell": ("length of a cell", " characters"),
}


class LimitExceededError(UnreadableReportError):
    """A file over one of the limits: refused before it could cost more. The message names the file, the limit
    (and the variable that sets it), the measured value and the allowed one."""

    def __init__(self, filename: str, limit: str, measured: float | None, allowed: float, where: str = ""):
        self.filename, self.limit, self.measured, self.allowed = filename, limit, measured, allowed
        words, unit = _WORDS[limit]
        at = f" ({where})" if where else ""
        size = f"is {_fmt(measured)}{unit}, over" if measured is not None else "is over"
        super().__init__(f"{filename}: refused: the {words}{at} {size} the limit of {_fmt(allowed)}{unit} "
                         f"({Limits.variable(limit)})")


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


def check_size(filename: str, size: int, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise LimitExceededError(filename, "max_file_bytes", size, limits.max_file_bytes)


def check_zip(path: Path, filename: str, limits: Limits) -> None:
    """Refuse a zip container (.xlsx, .xlsm) whose central directory declares too much: read the directory
    only, never a member. Then inflate every member in bounded chunks, counting, so a directory that lies
    about sizes is caught too (zipfile stops at the declared size and the CRC check fails)."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > limits.max_zip_members:
                raise LimitExceededError(filename, "max_zip_members", len(infos), limits.max_zip_members)
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos)
            if total > limits.max_unzipped_bytes:
                raise LimitExceededError(filename, "max_unzipped_bytes", total, limits.max_unzipped_bytes,
                                         "declared by the zip's central directory")
            for i in infos:
                ratio = i.file_size / max(i.compress_size, 1)
                if i.file_size > 1_000_000 and ratio > limits.max_compression_ratio:
                    raise LimitExceededError(filename, "max_compression_ratio", ratio, limits.max_compression_ratio,
                                             f"member {i.filename}")
            if total > 1_000_000 and total / max(packed, 1) > limits.max_compression_ratio:
                raise LimitExceededError(filename, "max_compression_ratio", total / max(packed, 1),
                                         limits.max_compression_ratio, "whole archive")
            for i in infos:
                _inflate_counting(z, i, filename)
    except zipfile.BadZipFile as exc:
        raise UnreadableReportError(f"{filename}: cannot be read as {path.suffix.lower()[1:]}: {exc}") from exc


def _inflate_counting(z: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> None:
    """Inflate one member 1 MiB at a time, keeping nothing; zipfile stops at the declared size, and a member that
    holds more (or other) bytes than declared fails its CRC check, which is raised as BadZipFile."""
    read = 0
    with z.open(info) as member:
        while chunk := member.read(2**20):
            read += len(chunk)
    if read != info.file_size:  # pragma: no cover - zipfile raises first
        raise UnreadableReportError(f"{filename}: member {info.filename} holds {read} bytes, declared {info.file_size}")
