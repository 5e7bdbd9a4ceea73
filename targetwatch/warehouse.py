"""The DuckDB warehouse: table writes in the build area, the run log, and atomic publication.

A run builds everything under out/.build/ and only `publish` touches what leaders and auditors
see (out/warehouse.duckdb, out/dashboards/, out/quality/). The life of one run:

1. `prepare_build` (under the refresh lock, before the first table is written): recover whatever an
   interrupted publication left, carry the `runs` history over, and start a fresh build warehouse and
   site, so a build half-written by a killed run (even an unreadable file) is never read again.
2. The stages write their tables and pages into out/.build/.
3. `publish` checks that the build is complete and that every blocking check passed (or that every row it failed
   was held back, targetwatch.quality.holds), stages copies
   beside the outputs, writes a journal, and swaps each output in with one rename (an atomic exchange
   where the kernel offers it, so out/dashboards never disappears even for a moment).

A run that fails before or during publication leaves the previous outputs exactly as they were: a
failure inside `publish` rolls back the outputs already swapped, and a run killed mid-swap is rolled
back by `recover_publication` at the start of the next run (the journal says which outputs were
swapped). Failed runs are recorded in the build warehouse's `runs` table (targetwatch.runlog writes every
row), which the next successful run publishes with everything else.

Two folders under out/ are neither built nor published and outlive every run, failed ones included:
out/archive/ (the raw reports by sha256 and a snapshot per ingest, from which the warehouse can be rebuilt)
and out/cache/ (the parse cache). Ingestion writes into them directly: both are content-addressed.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from targetwatch import runlog
from targetwatch.db_schema import table_names
from targetwatch.quality.holds import unresolved_blocking_failures

if TYPE_CHECKING:
    import pyarrow as pa

    from targetwatch.catalogue import Catalogue
from targetwatch.config import WAREHOUSE_FILE  # the file name is configuration; imported from here too

SITE_DIRS = ("dashboards", "quality")
PUBLISHED = (WAREHOUSE_FILE, *SITE_DIRS)
PUBLISH_DIR = ".publish"  # under out/: staged copies, the previous outputs and the journal of one publication
# Under out/ and kept across runs: neither the build area (which each run starts afresh) nor a published output
# (which publication swaps), so neither `prepare_build` nor `publish` ever removes them.
ARCHIVE_DIR = "archive"  # every report's bytes by sha256 and one snapshot per ingest (append-only)
CACHE_DIR = "cache"  # what the readers made of each file, so an unchanged file is not parsed again
CATALOGUE_FILE = "catalogue.json"  # under the build area: the catalogue as validated by the run's first step
# Beside it, the same catalogue without its targets and measures: the places and indicators ingestion and the checks
# read (the national catalogue's 115,524 targets are about 680 MB as Python objects, and those steps never read them).
REFERENCE_FILE = "catalogue-reference.json"

# A build is complete when every table exists (check_results is written by the quality checks).
REQUIRED_TABLES = (
    "targets",
    "target_sources",
    "target_departments",
    "indicators",
    "jurisdictions",
    "policy_documents",
    "measures",
    "report_files",
    "observations",
    "rejected_rows",
    "check_results",
    "assessments",
    "assessment_years",
    "runs",
)

def archive_dir(out_dir: Path) -> Path:
    """The raw archive of `out_dir` (targetwatch.reports.archive); it outlives every run, failed ones too."""
    return out_dir / ARCHIVE_DIR


def cache_dir(out_dir: Path) -> Path:
    """The parse cache of `out_dir` (targetwatch.reports.cache); safe to delete at any time."""
    return out_dir / CACHE_DIR


class BuildIncomplete(RuntimeError):
    """The build area does not hold a complete, checked build: nothing is published."""


@contextlib.contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open briefly and close: DuckDB allows one writer process per file (the Dagster UI may be another)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        yield con
    finally:
        con.close()


def write_tables(target: Path | duckdb.DuckDBPyConnection,
                 tables: Mapping[str, pd.DataFrame | pa.Table]) -> dict[str, int]:
    """Replace each table (a pandas frame or an Arrow table) in one transaction, in the warehouse at a path or on an
    open connection; return the row counts written."""
    if not isinstance(target, duckdb.DuckDBPyConnection):
        with connect(target) as con:
            return write_tables(con, tables)
    counts = {}
    target.execute("BEGIN")
    for name, df in tables.items():
        target.register("_frame", df)
        target.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _frame')
        target.unregister("_frame")
        counts[name] = len(df)
    target.execute("COMMIT")
    return counts


def read_table(target: Path | duckdb.DuckDBPyConnection, name: str, columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """A table (only `columns`, when given) as a pandas frame, for a library that needs one."""
    if not isinstance(target, duckdb.DuckDBPyConnection):
        with connect(target) as con:
            return read_table(con, name, columns)
    cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
    return target.sql(f'SELECT {cols} FROM "{name}"').df()


# --- the catalogue of a run ---------------------------------------------------------------------------


def save_catalogue(build_dir: Path, catalogue: Catalogue, *, whole: bool = False) -> Path:
    """Keep the catalogue the first step validated (targets.yaml checked against every policy document) in the
    build area, so that later steps read it instead of parsing and checking the YAML and documents again: its places
    and indicators (REFERENCE_FILE, what ingestion and the checks read); with `whole`, also everything, targets and
    measures included (CATALOGUE_FILE). No step reads the targets from here (the later steps read them from the
    warehouse's tables), so the refresh does not write them: at national scale that file was 86 MB and about 0.9
    CPU s of the catalogue step. Returns the path `saved_catalogue` reads."""
    path = build_dir / (CATALOGUE_FILE if whole else REFERENCE_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    (build_dir / CATALOGUE_FILE).unlink(missing_ok=True)  # never a whole catalogue left from an earlier save
    for name, data in ((REFERENCE_FILE, catalogue.model_dump_json(exclude={"targets", "measures"})),
                       *([(CATALOGUE_FILE, catalogue.model_dump_json())] if whole else [])):
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, build_dir / name)
    return path


def saved_catalogue(build_dir: Path, *, targets: bool = True) -> Catalogue:
    """The catalogue of this build, as its first step validated it (raises FileNotFoundError before that, or when it
    was saved without `whole`). With `targets=False`, its places and indicators only (no targets, no measures): a far
    smaller read, and all a refresh saves."""
    from targetwatch.catalogue import Catalogue

    if not targets:
        reference = json.loads((build_dir / REFERENCE_FILE).read_bytes())
        return Catalogue.model_validate(reference | {"targets": [], "measures": []})
    return Catalogue.model_validate_json((build_dir / CATALOGUE_FILE).read_bytes())


# --- the build area ----------------------------------------------------------------------------------


def prepare_build(build_dir: Path, out_dir: Path) -> list[str]:
    """Start a fresh build (the caller holds the refresh lock); return notes on anything that was repaired.

    The run history survives: it is read from the previous build warehouse (which holds failed runs the
    published one does not yet show), merged with the published warehouse's, and written into the new
    build warehouse with any pending run records. A build warehouse that cannot be read (a run killed while
    writing it) is set aside with a note, never an error.
    """
    notes = [f"interrupted publication rolled back: {a}" for a in recover_publication(out_dir)]
    history: dict[str, runlog.RunRecord] = {}
    for source in (out_dir / WAREHOUSE_FILE, build_dir / WAREHOUSE_FILE):  # the build's rows win
        try:
            history |= {r.run_id: r for r in runlog.history(source)}
        except duckdb.Error as exc:
            notes.append(
                f"{source} could not be read and is replaced; runs recorded only there are lost "
                f"({type(exc).__name__}: {exc})"
            )
    if build_dir.exists():
        shutil.rmtree(build_dir)
    build_dir.mkdir(parents=True)
    warehouse = build_dir / WAREHOUSE_FILE
    # a run still `running` in the history ended without recording how (no run can be going on: the caller holds
    # the lock); the pending rows, flushed next, replace it when someone did record it
    unfinished = "the run ended without recording its outcome (its process stopped, or no sensor recorded it)"
    rows = [replace(r, outcome="failed", message=unfinished) if r.outcome == "running" else r
            for r in history.values()]
    with connect(warehouse) as con:
        runlog.insert(con, sorted(rows, key=lambda r: str(r.started_at or "")))
    runlog.flush_pending(out_dir, warehouse)
    return notes


def verify_build(build_dir: Path) -> None:
    """Raise BuildIncomplete unless every table and both sites exist and every blocking check passed.

    Also checkpoints the build warehouse, so the file is whole without its write-ahead log.
    """
    warehouse = build_dir / WAREHOUSE_FILE
    if not warehouse.exists():
        raise BuildIncomplete(f"{warehouse} does not exist: nothing to publish")
    with connect(warehouse) as con:
        con.execute("CHECKPOINT")
        tables = table_names(con)
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise BuildIncomplete(f"the build is incomplete (no table {', '.join(missing)}): nothing was published")
        ran = con.execute("SELECT count(*) FROM check_results WHERE severity = 'error'").fetchall()[0][0]
        if ran == 0:
            raise BuildIncomplete("the blocking checks did not run on this build: nothing was published")
        unresolved = unresolved_blocking_failures(con)  # a failure whose rows were all held back is resolved
        if unresolved:
            raise BuildIncomplete(f"{unresolved} blocking check(s) did not pass: nothing was published")
    for name in SITE_DIRS:
        if not (build_dir / "site" / name / "index.html").is_file():
            raise BuildIncomplete(f"the {name} site was not built: nothing was published")


# --- publication -------------------------------------------------------------------------------------


def publish(build_dir: Path, out_dir: Path) -> list[Path]:
    """Swap the built warehouse and sites into out/ together, or leave out/ exactly as it was.

    Everything is copied beside the outputs first (same file system, so each swap is a rename); the journal
    records the new copies' inodes; each swap is one `renameat2(RENAME_EXCHANGE)` (or, where the kernel or
    file system lacks it, a hard link plus rename for the warehouse and two renames for a site). Any error
    rolls the swapped outputs back; a kill is rolled back by the next run's `recover_publication`. After a
    complete publication the build area is removed.
    """
    verify_build(build_dir)
    recover_publication(out_dir)
    work = out_dir / PUBLISH_DIR
    new, old = work / "new", work / "old"
    try:
        new.mkdir(parents=True)
        old.mkdir()
        shutil.copy2(build_dir / WAREHOUSE_FILE, new / WAREHOUSE_FILE)
        _fsync(new / WAREHOUSE_FILE)
        with connect(new / WAREHOUSE_FILE, read_only=True) as con:  # the copy opens: never publish a torn file
            con.execute("SELECT count(*) FROM runs").fetchall()
        for name in SITE_DIRS:  # the sites' files linked, not copied: 1.5 GB and 13,000 files at national scale
            shutil.copytree(build_dir / "site" / name, new / name, copy_function=_link_or_copy)
        inodes = {name: (new / name).stat().st_ino for name in PUBLISHED}
        _write_journal(work, {"state": "swapping", "inodes": inodes})
        for name in PUBLISHED:
            _swap_in(new / name, out_dir / name, old / name)
    except BaseException:
        recover_publication(out_dir)
        raise
    _write_journal(work, {"state": "done"})  # the commit point: from here on the new outputs stay
    shutil.rmtree(work)
    _fsync(out_dir)
    # The build area has served: the published warehouse now holds every run's row, which is all the next run
    # carries over from it (prepare_build). Left in place it would double out/'s size.
    shutil.rmtree(build_dir, ignore_errors=True)
    return [out_dir / name for name in PUBLISHED]


def _link_or_copy(src: str, dst: str) -> str:
    """A built page put beside the outputs as a second name of the same file (a hard link; a copy where the file
    system has none, or the build is on another one). The build's names are removed after a complete publication,
    and no step writes into a built page once it is there (each site step empties its folder and writes new files),
    so the published page is the bytes that were built. A copy of 1.5 GB of pages was most of the publication step
    at national scale."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def recover_publication(out_dir: Path) -> list[str]:
    """Undo a publication that did not reach its commit point; return what was restored.

    Without a journal the staged copies were never swapped in and are simply removed; a journal in state
    `swapping` means some outputs may hold the new copies (recognised by inode) and get their previous
    version back; state `done` means the publication was complete and only its leftovers are removed.
    """
    work = out_dir / PUBLISH_DIR
    if not work.exists():
        return []
    actions = []
    journal = _read_journal(work)
    if journal.get("state") == "swapping":
        for name, inode in journal["inodes"].items():
            target, old, new = out_dir / name, work / "old" / name, work / "new" / name
            if _inode(target) == inode:  # swapped in: put the previous version back, or remove a first one
                # the previous version is in old/, or still in new/ if the run died right after an exchange
                previous = old if _inode(old) is not None else new if _inode(new) not in (None, inode) else None
                if previous is not None:
                    _swap_in(previous, target, work / "rolled-back" / name)
                else:
                    (work / "rolled-back").mkdir(exist_ok=True)
                    os.replace(target, work / "rolled-back" / name)
                actions.append(name)
            elif _inode(target) is None and _inode(old) is not None:  # killed between two renames
                os.replace(old, target)
                actions.append(name)
    shutil.rmtree(work)
    _fsync(out_dir)
    return actions


def _swap_in(new: Path, target: Path, previous: Path) -> None:
    """Put `new` at `target` and the former `target` (if any) at `previous`.

    With an exchange (or for a file) there is no moment without a target; a directory without the exchange
    is missing between two renames, for microseconds (`recover_publication` handles a kill in between).
    """
    previous.parent.mkdir(parents=True, exist_ok=True)
    if _inode(target) is None:
        os.replace(new, target)
        return
    if _exchange(new, target):
        os.replace(new, previous)  # `new` now names the former target
    elif new.is_dir():
        os.replace(target, previous)
        os.replace(new, target)
    else:
        os.link(target, previous)
        os.replace(new, target)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    fn = getattr(_libc(), "renameat2", None)
    if fn is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


_LIBC: list[ctypes.CDLL] = []


def _libc() -> ctypes.CDLL:
    if not _LIBC:
        _LIBC.append(ctypes.CDLL(None, use_errno=True))
    return _LIBC[0]


def _inode(path: Path) -> int | None:
    try:
        return path.lstat().st_ino
    except FileNotFoundError:
        return None


def _write_journal(work: Path, data: dict) -> None:
    tmp = work / "journal.json.tmp"
    tmp.write_text(json.dumps(data), encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, work / "journal.json")
    _fsync(work)


def _read_journal(work: Path) -> dict:
    try:
        return json.loads((work / "journal.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _fsync(path: Path) -> None:
    """Flush a file, or a directory's entries, to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
