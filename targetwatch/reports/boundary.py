"""The reports folder as a boundary (docs/security.md): every candidate listed without following links, and each
file copied once, through a descriptor opened without following links, into a private staging folder while its
sha256 is computed, so that the readers, the archive and the cache all read the bytes the checksum names.

A symbolic link that resolves outside the folder, a device, FIFO or socket, or a file over a limit is refused with
the reason, and not one of its bytes is read. Split from targetwatch.reports.ingest, which reads what is staged here.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from targetwatch.limits import LimitExceededError, Limits, check_size
from targetwatch.reports.archive import SIDECAR_SUFFIX
from targetwatch.reports.model import UnreadableReportError

IGNORED_SUFFIXES = (".part", ".tmp", ".crdownload", ".meta.yaml", ".md", ".swp")
SIDECAR_MAX_BYTES = 2**20


def is_candidate_name(name: str, inside: tuple[str, ...]) -> bool:
    """Not a temporary, hidden or sidecar file, nor one inside a hidden folder (`inside`: the folders below the
    reports folder)."""
    return (not name.startswith((".", "~$", "~")) and not name.endswith(IGNORED_SUFFIXES)
            and not any(part.startswith(".") for part in inside))


@dataclass(frozen=True)
class Entry:
    """One candidate in the reports folder: a regular file to read (`path`, inside the folder), or refused."""

    rel: str
    path: Path
    refused: str | None = None


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def scan_folder(reports_dir: Path, excluded: tuple[Path, ...] = ()) -> list[Entry]:
    """Every candidate under `reports_dir`, sorted, links not followed. A link that resolves inside the folder is
    read through its target; one that resolves outside (or dangles), and anything that is not a regular file, is
    refused with the reason. Nothing here opens a file."""
    root = reports_dir.resolve()
    entries: list[Entry] = []
    for dirpath, dirnames, filenames in os.walk(reports_dir, followlinks=False):
        here = Path(dirpath)
        inside = here.relative_to(reports_dir).parts
        if any(part.startswith(".") for part in inside) or any(here.resolve() == d for d in excluded):
            dirnames[:] = []
            continue
        links_to_folders = [d for d in dirnames if (here / d).is_symlink()]
        dirnames[:] = sorted(d for d in dirnames if d not in links_to_folders)
        for name in sorted([*filenames, *links_to_folders]):
            if not is_candidate_name(name, inside):
                continue
            path = here / name
            rel = path.relative_to(reports_dir).as_posix()
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue  # gone since the listing
            if stat.S_ISLNK(mode):
                target = Path(os.path.realpath(path))
                if not target.is_relative_to(root):
                    entries.append(Entry(rel, path, "refused: a symbolic link to a place outside the reports folder "
                                                    "(links are read only when they stay inside it)"))
                    continue
                try:
                    mode = os.stat(target).st_mode
                except OSError:
                    entries.append(Entry(rel, path, "refused: a symbolic link to nothing (its target does not exist)"))
                    continue
                if stat.S_ISDIR(mode):
                    entries.append(Entry(rel, path, "refused: a symbolic link to a folder (not followed)"))
                    continue
                path = target
            if not stat.S_ISREG(mode):
                entries.append(Entry(rel, path, f"refused: {_kind(mode)}, not a regular file (never opened)"))
                continue
            if any(path.resolve().is_relative_to(d) for d in excluded):
                continue  # an archive or cache kept inside the reports folder is not read as reports
            entries.append(Entry(rel, path))
    return sorted(entries, key=lambda e: e.rel)


def _open_inside(path: Path, root: Path) -> int:
    """A read-only descriptor of the regular file `path`, refusing (UnreadableReportError) anything that became a
    link, a FIFO or a device, or resolves outside `root`, since the folder was listed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno in (getattr(os, "ELOOP", -1), getattr(os, "ENXIO", -1)):
            raise UnreadableReportError(f"{path.name}: refused: it became a link or a special file while read") from exc
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableReportError(f"{path.name}: refused: {_kind(st.st_mode)}, not a regular file")
        proc = Path(f"/proc/self/fd/{fd}")
        if proc.is_symlink() and not Path(os.readlink(proc)).is_relative_to(root):
            raise UnreadableReportError(f"{path.name}: refused: it resolves outside the reports folder")
    except BaseException:
        os.close(fd)
        raise
    return fd


def stage(entry: Entry, number: int, root: Path, staging: Path, limits: Limits) -> tuple[Path, str, int]:
    """Copy the file into `staging/<number>/<its name>` while hashing it; return (copy, sha256, size). The size limit is
    checked on the open descriptor before a byte is read."""
    fd = _open_inside(entry.path, root)
    with os.fdopen(fd, "rb") as src:
        size = os.fstat(src.fileno()).st_size
        check_size(Path(entry.rel).name, size, limits)
        copy, out = _staged_copy(staging, number, Path(entry.rel).name)
        h, n = hashlib.sha256(), 0
        with os.fdopen(out, "wb") as dst:
            while chunk := src.read(2**20):
                n += len(chunk)
                if n > limits.max_file_bytes:  # it grew while read
                    raise LimitExceededError(Path(entry.rel).name, "max_file_bytes", n, limits.max_file_bytes,
                                             "it grew while read")
                h.update(chunk)
                dst.write(chunk)
    return copy, h.hexdigest(), n


def _staged_copy(staging: Path, number: int, name: str) -> tuple[Path, int]:
    """A new file for the copy, under the report's own name (readers name the file in their messages, and the parse
    cache keys on it): `staging/<name>`, created exclusively, so a name met again (the same name in another
    subfolder, or one a case-insensitive file system folds together) is never overwritten but goes to
    `<staging>-again/<number>/<name>` (the file's number in the folder: unique). A folder per file cost its removal
    at the end: 1,420 folders, 2 s on this machine's disk, however small the files."""
    try:
        return staging / name, os.open(staging / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        folder = staging.with_name(f"{staging.name}-again") / str(number)
        folder.mkdir(parents=True)
        return folder / name, os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def read_sidecar(entry: Entry, root: Path) -> bytes | None:
    side = entry.path.with_name(entry.path.name + SIDECAR_SUFFIX)
    if not os.path.lexists(side):
        return None
    if side.is_symlink() and not Path(os.path.realpath(side)).is_relative_to(root):
        raise UnreadableReportError(f"{side.name}: refused: a sidecar that links outside the reports folder")
    fd = _open_inside(Path(os.path.realpath(side)), root)
    with os.fdopen(fd, "rb") as f:
        data = f.read(SIDECAR_MAX_BYTES + 1)
    if len(data) > SIDECAR_MAX_BYTES:
        raise UnreadableReportError(f"{side.name}: refused: a sidecar over {SIDECAR_MAX_BYTES} bytes")
    return data
