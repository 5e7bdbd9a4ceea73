"""The parse cache: what a reader made of a file, kept so that an unchanged file is not parsed again.

The key is everything a reader's output depends on: the file's sha256 and name (readers put the name in
their messages), its sidecar's bytes, the catalogue's aliases (communiqués and yearbooks find indicators
and places through them), and the reader code version (the source of targetwatch/reports/, units.py and
vocab.py, and the versions of the libraries that decode and open files). Anything else that changes the
result (the `--release-date` option, the as-of date, the catalogue's units) acts in the normaliser, which
runs on every refresh, cached read or not.

An entry is a folder `<cache>/reads/<key[:2]>/<key>/` with `result.json` (the reader's scalars and column
dtypes, or the error that made the file unreadable) and `rows.parquet` / `rejected.parquet` (written and
read by DuckDB). Ingestion's entries (`get_into`, `CacheWriter`) list their batches in `result.json`: a
batch is either a folder of its own (`batch-<n>/rows.parquet`, `rejected.parquet`) or a reference into a
shared Parquet pair under `<cache>/reads/shared/`: the raw tables of a whole chunk of files (a template CSV
scan's, or the Python readers' gathered batches), one COPY per chunk, each row tagged with its file's number
there (`file`). A cached read of such a batch is not copied anywhere: the normaliser reads the file's rows
from the shared Parquet through a view (`shared_tables`), as it reads a chunk's table in a cold run.
An entry is kept only if reading it back gives exactly the frames the reader returned
(values, dtypes and Python types), so a cached read is never different from a fresh one. The cache can be
deleted at any time; it fills again on the next refresh.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sys
import uuid
from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb
import pandas as pd

from targetwatch.reports.model import Aliases, ReadResult, UnreadableReportError
from targetwatch.sql_text import sql_text

CACHE_FORMAT = 1
READS_DIR = "reads"
# Libraries whose behaviour is part of what a reader returns.
READER_LIBRARIES = ("pandas", "numpy", "python-calamine", "openpyxl", "charset-normalizer", "opencc", "cn2an", "duckdb")
_SCALARS = ("format", "encoding", "release_date", "title", "synthetic", "missing_values")
TABLE_LAYOUT = "raw-batches-2"  # entries written by CacheWriter: a list of batches, each a folder or a shared reference
SHARED_DIR = "shared"  # chunks' raw tables as Parquet, shared by the entries of their files
# The columns of a chunk's tables (template_sql.Scan, gathered.Gathered) as written to a shared Parquet: typed here, so
# a view over the file is the chunk's table again (file, part, the raw columns, _seq).
_SHARED_REJECTED = {"sheet": "VARCHAR", "row_number": "BIGINT", "location": "VARCHAR", "raw_content": "VARCHAR",
                    "reason": "VARCHAR"}


@lru_cache(maxsize=1)
def reader_version() -> str:
    """sha256 over the readers' source (targetwatch/reports/*.py, units.py, vocab.py) and library versions."""
    return source_version(Path(__file__).resolve().parents[1])


def source_version(package: Path) -> str:
    """The reader code version of the `targetwatch` package folder `package`."""
    h = hashlib.sha256(f"cache {CACHE_FORMAT} python {sys.version_info[:2]}\n".encode())
    for path in [*sorted((package / "reports").glob("*.py")), package / "units.py", package / "vocab.py"]:
        h.update(f"{path.relative_to(package).as_posix()}\n".encode())
        h.update(path.read_bytes())
    for lib in READER_LIBRARIES:
        try:
            h.update(f"{lib}=={version(lib)}\n".encode())
        except PackageNotFoundError:
            h.update(f"{lib} absent\n".encode())
    return h.hexdigest()


def aliases_digest(aliases: Aliases) -> str:
    data = {"jurisdictions": aliases.jurisdictions, "indicators": aliases.indicators}
    if aliases.levels:  # the readers check 全市/全省 against the document's level
        data["levels"] = aliases.levels
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class ParseCache:
    """Reader results under `cache_dir`, keyed by file content, sidecar, aliases and reader code."""

    def __init__(self, cache_dir: Path, aliases: Aliases, code_version: str | None = None):
        self.root = cache_dir / READS_DIR
        self._views: dict[tuple[int, tuple[str, str]], tuple[str, str]] = {}  # shared Parquet pairs' views
        self._context = {
            "cache_format": CACHE_FORMAT,
            "reader": code_version or reader_version(),
            "aliases": aliases_digest(aliases),
        }

    def key(self, name: str, sha256: str, sidecar: bytes | None) -> str:
        parts = self._context | {
            "name": name,
            "sha256": sha256,
            "sidecar": hashlib.sha256(sidecar).hexdigest() if sidecar is not None else None,
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / key

    def has(self, key: str) -> bool:
        """An entry was written for `key` (it may still prove unusable: then the file is parsed again)."""
        return (self._entry(key) / "result.json").exists()

    def get(self, key: str) -> ReadResult | UnreadableReportError | None:
        """The cached read (or the cached reason the file is unreadable); None when not cached or unusable."""
        entry = self._entry(key)
        try:
            meta = json.loads((entry / "result.json").read_text(encoding="utf-8"))
            if "error" in meta:
                return UnreadableReportError(meta["error"])
            rows = _read_frame(entry / "rows.parquet", meta["dtypes"]["rows"])
            rejected = _read_frame(entry / "rejected.parquet", meta["dtypes"]["rejected"])
            return ReadResult(rows=rows, rejected=rejected, **{k: meta[k] for k in _SCALARS})
        except (OSError, ValueError, KeyError, TypeError, duckdb.Error):
            return None  # not cached, or an entry from an interrupted write: the file is parsed again

    def put(self, key: str, result: ReadResult | UnreadableReportError) -> bool:
        """Store a read; return whether it was kept (frames that do not survive Parquet exactly are not)."""
        entry = self._entry(key)
        tmp = entry.with_name(f".{key}.{os.getpid()}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        try:  # a cache that cannot be written (disk full, read-only) costs a parse next time, never the refresh
            tmp.mkdir(parents=True)
            if isinstance(result, UnreadableReportError):
                meta: dict = {"error": str(result)}
            else:
                meta = {k: _plain(getattr(result, k)) for k in _SCALARS}
                meta["dtypes"] = {}
                for part in ("rows", "rejected"):
                    frame = getattr(result, part)
                    meta["dtypes"][part] = _write_frame(frame, tmp / f"{part}.parquet")
                    if not _identical(_read_frame(tmp / f"{part}.parquet", meta["dtypes"][part]), frame):
                        shutil.rmtree(tmp, ignore_errors=True)
                        return False
            (tmp / "result.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            if entry.exists():  # only ever a damaged entry: `put` follows a miss
                shutil.rmtree(entry)
            os.replace(tmp, entry)
        except (OSError, TypeError, ValueError, duckdb.Error):
            shutil.rmtree(tmp, ignore_errors=True)
            return False
        return True


    # --- the table-level cache ingestion uses: raw-row tables in a DuckDB connection ---------------------

    def get_into(self, con: duckdb.DuckDBPyConnection, key: str, raw: str,
                 sink: Callable[..., None] | None = None) -> dict | UnreadableReportError | None:
        """Hand the cached read to `sink` batch by batch: a batch kept in a folder of its own fills the (empty, typed)
        raw table `raw` and `<raw>_rejected` first, then `sink(scalars)`; a batch kept in a shared Parquet pair is
        left there: `sink(scalars, counts, source)` with `source` its view pair and its file's number
        (`shared_tables`; the normaliser reads it from there, as a chunk's rows in a cold run). Return the read's
        scalars, the cached reason the file is unreadable, or None (not cached or unusable: the file is parsed again;
        nothing was handed to `sink`)."""
        entry = self._entry(key)
        try:
            meta = json.loads((entry / "result.json").read_text(encoding="utf-8"))
            if "error" in meta:
                return UnreadableReportError(meta["error"])
            if meta.get("layout") != TABLE_LAYOUT:
                return None
            batches = list(meta["batches"])
            scalars = {k: meta[k] for k in _SCALARS}
            for batch in batches:
                if "dir" in batch and not (entry / batch["dir"]).is_dir():
                    return None
                if "shared" in batch and not all((self.root / SHARED_DIR / name).is_file() for name in batch["shared"]):
                    return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        for batch in batches:
            if "shared" in batch:
                source = (self.shared_tables(con, batch["shared"]), int(batch["file"]))
                if sink is not None:
                    sink(scalars, tuple(int(n) for n in batch["counts"]), source)
                continue
            for table, part in ((raw, "rows"), (f"{raw}_rejected", "rejected")):
                path = entry / batch["dir"] / f"{part}.parquet"
                if path.exists():
                    con.execute(f'INSERT INTO "{table}" SELECT * FROM read_parquet(?)', [str(path)])
            if sink is not None:
                sink(scalars)
        return scalars

    def shared_folder(self) -> Path:
        """Where chunks' raw tables are written for the entries that refer to them (`write_shared`)."""
        return self.root / SHARED_DIR

    def shared_tables(self, con: duckdb.DuckDBPyConnection, names: list[str]) -> tuple[str, str]:
        """Two temporary views of `con` over a shared Parquet pair (made once per pair and connection): the chunk's
        rows and rejects with the columns of its tables (file, part, the raw columns, _seq)."""
        pair = (names[0], names[1])
        views = self._views.get((id(con), pair))
        if views is None:
            n = len(self._views)
            views = (f"_tw_cached_{n}", f"_tw_cached_{n}_rejected")
            for view, name in zip(views, pair, strict=True):
                con.execute(f'CREATE OR REPLACE TEMP VIEW "{view}" AS SELECT * FROM read_parquet('
                            f"{sql_text(self.root / SHARED_DIR / name)})")
            self._views[(id(con), pair)] = views
        return views

    def writer(self, key: str) -> CacheWriter:
        """Stores a read batch by batch (`add` before each batch is normalised), then `commit` or `abort`."""
        return CacheWriter(self._entry(key), self.root / SHARED_DIR)

    def put_error(self, key: str, error: UnreadableReportError) -> bool:
        """Remember why a file is unreadable (so it is not parsed again only to fail the same way)."""
        return self.put(key, error)


class CacheWriter:
    """One cache entry written batch by batch: `<entry>/batch-<n>/rows.parquet` (and rejected.parquet), written by
    DuckDB from the typed raw tables, so typed columns come back exactly as they went in; or, for a batch whose chunk
    was written as a shared Parquet pair (`write_shared`), a reference to it. `result.json` last."""

    def __init__(self, entry: Path, shared: Path | None = None):
        self.entry, self.shared = entry, shared
        self.tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        self.batches: list[dict] = []
        self.ok = True
        shutil.rmtree(self.tmp, ignore_errors=True)

    def add(self, con: duckdb.DuckDBPyConnection, raw: str, counts: tuple[int, int] | None = None,
            part: tuple[str, str] | None = None, shared: tuple[tuple[Path, Path], int] | None = None) -> None:
        """Keep the raw table's batch; `counts`: its (rows, rejects), when the caller has them (an empty table is not
        written); `part`: the batch's rows and rejects as two subqueries instead (batches.Batches.add); `shared`: the
        same rows already written with their chunk (`write_shared`: the pair and the file's number there), referred
        to, not copied (then `counts` is required)."""
        if not self.ok:
            return
        if shared is not None and self.shared is not None and counts is not None:
            (rows, rejected), file = shared
            self.batches.append({"shared": [rows.relative_to(self.shared).as_posix(),
                                            rejected.relative_to(self.shared).as_posix()],
                                 "file": int(file), "counts": [int(counts[0]), int(counts[1])]})
            return
        try:  # a cache that cannot be written (disk full, read-only) costs a parse next time, never the refresh
            name = f"batch-{len(self.batches):05d}"
            folder = self.tmp / name
            folder.mkdir(parents=True)
            for i, (table, part_name) in enumerate(((raw, "rows"), (f"{raw}_rejected", "rejected"))):
                source = part[i] if part is not None else f'"{table}"'
                if (counts[i] if counts is not None else
                        con.execute(f"SELECT count(*) FROM {source}").fetchall()[0][0]):
                    con.execute(f"COPY {source} TO {sql_text(folder / f'{part_name}.parquet')} (FORMAT parquet)")
            self.batches.append({"dir": name})
        except (OSError, duckdb.Error):
            self.abort()

    def commit(self, scalars: dict) -> bool:
        if not self.ok:
            return False
        try:
            meta = {k: _plain(scalars[k]) for k in _SCALARS} | {"layout": TABLE_LAYOUT, "batches": self.batches}
            self.tmp.mkdir(parents=True, exist_ok=True)
            (self.tmp / "result.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            if self.entry.exists():
                shutil.rmtree(self.entry)
            self.entry.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.tmp, self.entry)
        except (OSError, TypeError, ValueError):
            self.abort()
            return False
        return True

    def abort(self) -> None:
        self.ok = False
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_shared(con: duckdb.DuckDBPyConnection, tables: tuple[str, str], folder: Path,
                 raw_types: dict[str, str]) -> tuple[Path, Path] | None:
    """A chunk's two tables (file, part, the raw columns `raw_types`, _seq; and its rejects) written as one Parquet
    pair into the cache's shared folder, each named by its content's sha256 (written aside, then renamed: a file is
    whole or absent, and the same rows give the same name); None when it cannot be written (each file's entry is
    then written batch by batch)."""
    out: list[Path] = []
    tmp = folder / f".{uuid.uuid4().hex}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table, kind, types in zip(tables, ("rows", "rejected"), (raw_types, _SHARED_REJECTED), strict=True):
            cols = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in types.items())
            con.execute(f"COPY (SELECT CAST(file AS BIGINT) AS file, CAST(part AS INTEGER) AS part, {cols}, "
                        f"CAST(_seq AS BIGINT) AS _seq FROM {table}) TO {sql_text(tmp)} (FORMAT parquet)")
            h = hashlib.sha256()
            with open(tmp, "rb") as f:
                while chunk := f.read(2**20):
                    h.update(chunk)
            path = folder / f"{h.hexdigest()}-{kind}.parquet"
            os.replace(tmp, path)
            out.append(path)
    except (duckdb.Error, OSError):
        tmp.unlink(missing_ok=True)
        return None
    return out[0], out[1]


def _plain(value: object) -> object:
    """JSON-ready scalar (numpy ints and bools from a reader become Python ones)."""
    return value.item() if hasattr(value, "item") else value


def _write_frame(df: pd.DataFrame, path: Path) -> dict[str, str]:
    dtypes = {str(c): str(t) for c, t in df.dtypes.items()}
    if len(df):
        with duckdb.connect() as con:
            con.register("frame", df)
            con.execute(f"COPY frame TO {sql_text(path)} (FORMAT parquet)")
    return dtypes


def _read_frame(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    if not path.exists():  # an empty frame: nothing was written
        return pd.DataFrame({c: pd.Series([], dtype=object if t == "object" else t) for c, t in dtypes.items()})
    with duckdb.connect() as con:
        df = con.execute("SELECT * FROM read_parquet(?)", [str(path)]).df()
    if list(df.columns) != list(dtypes):
        raise ValueError(f"{path}: columns differ from the entry's")
    out = {}
    for c, t in dtypes.items():
        if t == "object":  # Parquet typed the column (VARCHAR, INTEGER, …): back to Python objects, None for NULL
            out[c] = pd.Series([None if v is pd.NA or _is_nan(v) else v for v in df[c].tolist()], dtype=object)
        else:
            out[c] = df[c].astype(t)
    return pd.DataFrame(out)


def _is_nan(v: object) -> bool:
    return isinstance(v, float) and math.isnan(v)


def _identical(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Same columns, dtypes and values, and the same Python type for every value (1 is not 1.0, None is not NaN)."""
    if list(a.columns) != list(b.columns) or list(a.dtypes) != list(b.dtypes) or len(a) != len(b):
        return False
    for c in a.columns:
        for x, y in zip(a[c].tolist(), b[c].tolist(), strict=True):
            if type(x) is not type(y):
                return False
            if x is y or (_is_nan(x) and _is_nan(y)):
                continue
            if x != y:
                return False
    return True
