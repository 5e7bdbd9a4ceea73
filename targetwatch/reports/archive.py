"""The raw archive: every report's bytes by content, and one snapshot manifest per ingest of a reports folder.

Layout (append-only: nothing here is ever rewritten or deleted by a run, so runs write straight into it):

    <archive>/<sha256[:2]>/<sha256><suffix>          a report's bytes (suffix lower-cased: .csv, .xlsx, …)
    <archive>/<sha256[:2]>/<sha256>.meta.yaml        a sidecar's bytes
    <archive>/snapshots/<UTC time>-<inputs hash>.json   what the reports folder held at one ingest

A snapshot maps every report's path (relative to the reports folder) to its sha256 and archived copy, and
its sidecar's, and records the `--release-date` option of that ingest: enough to put the folder back
byte for byte (`restore_snapshot`) and read it again, which is how `targetwatch rebuild` works.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

SNAPSHOTS_DIR = "snapshots"
SIDECAR_SUFFIX = ".meta.yaml"
MANIFEST_VERSION = 1


class ArchiveError(LookupError):
    """A snapshot that does not exist or cannot be restored; the message says which and why."""


def archive_copy(data: bytes, digest: str, suffix: str, archive_dir: Path) -> str:
    """Copy the bytes to `<archive_dir>/<sha256[:2]>/<sha256><suffix>` (once, atomically); return that relative path."""
    relative = f"{digest[:2]}/{digest}{suffix.lower()}"
    target = archive_dir / relative
    if not target.exists():
        _write_atomically(target, data)
    return relative


def archive_file(source: Path, digest: str, suffix: str, archive_dir: Path) -> str:
    """Copy the file `source` (whose sha256 is `digest`) into the archive like `archive_copy`, without reading it
    into memory; return the relative path."""
    relative = f"{digest[:2]}/{digest}{suffix.lower()}"
    target = archive_dir / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return relative


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


@dataclass(frozen=True)
class Snapshot:
    """One ingest's reports folder: {relative path: {sha256, size_bytes, archive_path, sidecar}}."""

    name: str
    created_at: str
    release_date: str | None  # the `--release-date` option of that ingest (for files that state none)
    files: dict[str, dict]

    @property
    def inputs_hash(self) -> str:
        return _inputs_hash(self.files, self.release_date)


def _inputs_hash(files: dict[str, dict], release_date: str | None) -> str:
    canonical = json.dumps({"files": files, "release_date": release_date}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def snapshot_entry(size: int, digest: str, archive_path: str, sidecar: bytes | None, archive_dir: Path) -> dict:
    """A file's line in the manifest; archives the sidecar's bytes too (a sidecar may not even be valid YAML)."""
    entry: dict = {"sha256": digest, "size_bytes": size, "archive_path": archive_path, "sidecar": None}
    if sidecar is not None:
        side_digest = hashlib.sha256(sidecar).hexdigest()
        entry["sidecar"] = {
            "sha256": side_digest,
            "archive_path": archive_copy(sidecar, side_digest, SIDECAR_SUFFIX, archive_dir),
        }
    return entry


def write_snapshot(archive_dir: Path, files: dict[str, dict], release_date: str | None) -> str:
    """Record what the folder held; return the snapshot's name.

    If the latest snapshot holds exactly the same files and option, its name is returned and nothing is
    written (a monthly refresh of an unchanged folder adds no snapshot).
    """
    digest = _inputs_hash(files, release_date)
    names = list_snapshots(archive_dir)
    if names:
        try:
            if load_snapshot(archive_dir, names[-1]).inputs_hash == digest:
                return names[-1]
        except ArchiveError:  # a damaged latest manifest: write a new one beside it
            pass
    now = dt.datetime.now(dt.UTC)
    name = f"{now:%Y%m%dT%H%M%S.%fZ}-{digest[:12]}"
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "snapshot": name,
        "created_at": now.isoformat(timespec="seconds"),
        "release_date": release_date,
        "files": dict(sorted(files.items())),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    _write_atomically(archive_dir / SNAPSHOTS_DIR / f"{name}.json", text.encode("utf-8"))
    return name


def list_snapshots(archive_dir: Path) -> list[str]:
    """Snapshot names, oldest first (names start with their UTC creation time)."""
    folder = archive_dir / SNAPSHOTS_DIR
    return sorted(p.stem for p in folder.glob("*.json") if not p.name.startswith(".")) if folder.is_dir() else []


def find_snapshot(archive_dir: Path, name: str | None = None) -> str:
    """The latest snapshot, or the one named: its full name, a unique part of it (`20261123`, the hash), or a path."""
    names = list_snapshots(archive_dir)
    if not names:
        raise ArchiveError(f"{archive_dir} holds no snapshots: run `targetwatch refresh` first")
    if name is None:
        return names[-1]
    wanted = Path(name).name.removesuffix(".json")
    if wanted in names:
        return wanted
    matches = [n for n in names if wanted in n]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ArchiveError(f"no snapshot {name!r} in {archive_dir / SNAPSHOTS_DIR} (latest: {names[-1]})")
    raise ArchiveError(f"{name!r} names {len(matches)} snapshots ({', '.join(matches)}): give more of the name")


def load_snapshot(archive_dir: Path, name: str) -> Snapshot:
    path = archive_dir / SNAPSHOTS_DIR / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Snapshot(name, data["created_at"], data["release_date"], dict(data["files"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ArchiveError(f"snapshot {path} cannot be read: {type(exc).__name__}: {exc}") from exc


def restore_snapshot(archive_dir: Path, name: str | None, dest: Path) -> Snapshot:
    """Write the reports folder of snapshot `name` (default: the latest) into the empty or new folder `dest`.

    Every file, and its sidecar, is checked against its sha256 first: a damaged archive is an error,
    never a silently different rebuild.
    """
    snapshot = load_snapshot(archive_dir, find_snapshot(archive_dir, name))
    if dest.exists() and any(dest.iterdir()):
        raise ArchiveError(f"{dest} is not empty: a snapshot is restored into an empty folder")
    for rel, entry in snapshot.files.items():
        target = dest / rel
        if not target.resolve().is_relative_to(dest.resolve()):
            raise ArchiveError(f"snapshot {snapshot.name}: {rel!r} is outside the reports folder")
        _write_atomically(target, _verified(archive_dir, entry, f"{snapshot.name}: {rel}"))
        if entry.get("sidecar"):
            sidecar = _verified(archive_dir, entry["sidecar"], f"{snapshot.name}: {rel}{SIDECAR_SUFFIX}")
            _write_atomically(target.with_name(target.name + SIDECAR_SUFFIX), sidecar)
    dest.mkdir(parents=True, exist_ok=True)  # a snapshot of an empty folder is an empty folder
    return snapshot


def _verified(archive_dir: Path, entry: dict, what: str) -> bytes:
    path = archive_dir / entry["archive_path"]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArchiveError(f"{what}: archived copy {path} cannot be read: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise ArchiveError(f"{what}: archived copy {path} does not match its sha256 {entry['sha256']}")
    return data
