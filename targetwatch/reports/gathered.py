"""The batches of Python readers (yearbook tables, template workbooks, communiqués, a streamed template CSV),
gathered and inserted into DuckDB many at a time.

A Python reader hands over one pandas frame of raw rows (and one of its rejects) per batch. Each used to cost about
seven DuckDB statements of its own: counting the raw table, the cast `INSERT`, counting again, the parse cache's
`COPY`, moving the batch into the pending tables and emptying the raw table (docs/scaling.md §14, §18, §20: 565
workbooks and yearbooks of the national workload, about 9 ms a statement whatever its size). Here a batch's frames
wait in Python; when `BATCHES` of them (or `limits.batch_rows` rows) wait, and before every normaliser pass, they go
into one chunk table per kind by one `INSERT … UNION ALL` (each frame still registered and cast on its own, exactly
as `normalise.append_raw` casts it: DuckDB's cast of a pandas object column depends on what that column holds, so
frames are never concatenated in pandas), and the chunk is written to the parse cache as one shared Parquet pair (one
`COPY` per table) to which each file's entry refers (as the template CSVs' chunk scans do, template_sql.Scan).

A chunk has the layout of a scan chunk (`file`, `part`, the raw columns, `_seq`), so the pending rows' view reads it
the same way (batches.Batches: a batch noted with `source`, no statement of its own), and a batch's rows are the
ones `append_raw` would have put in the raw table: its row numbers (`_seq`) count from 1 in each batch.

Where every frame of a chunk holds only text (or nothing) in its text columns and integers (or nothing) in its integer
columns, as the yearbook and workbook readers' frames do, the chunk goes in as one Arrow table instead (`arrow_chunk`:
one registered scan, not one per frame): DuckDB's scan of a registered pandas frame costs about 8 ms whatever its
size (565 national frames: 2.7-3.2 CPU s against 0.9-1.6 as Arrow, docs/scaling.md §0, session 16). Those values cast
the same either way (a text is that text, an integer that integer, None and NaN NULL); a chunk with any other value (a
float or a number in a text column, say) keeps the frame-by-frame cast, whose result depends on what the column
holds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from targetwatch.reports.cache import write_shared
from targetwatch.reports.model import RAW_COLUMNS, REJECT_COLUMNS
from targetwatch.reports.normalise import RAW_TYPES, cast_select

BATCHES = 64  # batches gathered into one chunk (one Arrow table, or one registered scan a frame: `_insert`)
_TABLES = ("_tw_gather_{}", "_tw_gather_{}_rejected")


class CacheLater:
    """What the parse cache's writer of one file is owed once its batches are in a chunk (`Gathered.materialise`)."""

    def __init__(self, writer: object):
        self.writer, self.keys, self.scalars = writer, [], None


class Gathered:
    """Python readers' batches waiting to be inserted together (`append`, then `take` in the same file's `sink`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, max_rows: int, spill: Path | None = None,
                 release: Callable[[tuple[str, str]], None] | None = None, batches: int = BATCHES):
        self.con, self.max_rows, self.spill, self.release, self.max_batches = con, max_rows, spill, release, batches
        self.waiting: list[tuple[int, pd.DataFrame, pd.DataFrame | None]] = []  # (key, rows, rejects)
        self.rows = 0
        self.chunk = 0  # the number of the chunk the waiting batches will go into
        self.next_key = 0
        self.latest: tuple[int, tuple[int, int]] | None = None  # the batch just appended: (key, (rows, rejects))
        self.cache: list[CacheLater] = []  # cache writers owed Parquet of waiting batches (and their commits)

    def tables(self, chunk: int | None = None) -> tuple[str, str]:
        n = self.chunk if chunk is None else chunk
        return _TABLES[0].format(n), _TABLES[1].format(n)

    def append(self, con: duckdb.DuckDBPyConnection, raw: str, rows: pd.DataFrame,
               rejected: pd.DataFrame | None = None) -> None:
        """`normalise.append_raw`'s place in `ingest.read_into`: keep the batch's frames (the raw table is not
        touched; `con` and `raw` are that signature's)."""
        rejects = rejected if rejected is not None and len(rejected) else None
        key, self.next_key = self.next_key, self.next_key + 1
        self.waiting.append((key, rows, rejects))
        self.rows += len(rows) + (len(rejects) if rejects is not None else 0)
        self.latest = key, (len(rows), len(rejects) if rejects is not None else 0)

    def take(self) -> tuple[tuple[str, str], int, tuple[int, int]] | None:
        """The batch `append` just kept, for its file's sink: (its chunk's tables, its number there, (rows,
        rejects)); None when the batch in hand is in the raw table instead (a cached read, a scanned file)."""
        if self.latest is None:
            return None
        (key, counts), self.latest = self.latest, None
        return self.tables(), key, counts

    def cache_later(self, writer: object, key: int) -> CacheLater:
        """Owe `writer` (cache.CacheWriter) the batch `key`'s Parquet, written when the chunk is."""
        owed = self.cache[-1] if self.cache and self.cache[-1].writer is writer else None
        if owed is None:
            owed = CacheLater(writer)
            self.cache.append(owed)
        owed.keys.append(key)
        return owed

    def commit_later(self, writer: object, scalars: dict) -> None:
        """Commit `writer` once every batch owed to it is written (now, when none is still waiting)."""
        for owed in self.cache:
            if owed.writer is writer and owed.keys:
                owed.scalars = scalars
                return
        self.cache = [owed for owed in self.cache if owed.writer is not writer]
        writer.commit(scalars)

    def full(self) -> bool:
        return len(self.waiting) >= self.max_batches or self.rows >= self.max_rows

    def materialise(self) -> None:
        """Insert the waiting batches into the chunk's tables, write the parse cache's entries, hand the tables to
        `release` (the pending rows' owner drops them once normalised) and start the next chunk."""
        if not self.waiting:
            return
        rows_table, rejected_table = self.tables()
        raw_columns = ", ".join(f'"{c}" {t}' for c, t in RAW_TYPES.items())
        self.con.execute(f"CREATE TEMP TABLE {rows_table} (file BIGINT, part INTEGER, {raw_columns}, _seq BIGINT)")
        self.con.execute(f"CREATE TEMP TABLE {rejected_table} (file BIGINT, part INTEGER, sheet VARCHAR, "
                         "row_number BIGINT, location VARCHAR, raw_content VARCHAR, reason VARCHAR, _seq BIGINT)")
        sizes: dict[int, list[int]] = {}
        for i, (table, columns) in enumerate(((rows_table, RAW_COLUMNS), (rejected_table, REJECT_COLUMNS))):
            frames = [(key, frame) for key, *parts in self.waiting if (frame := parts[i]) is not None and len(frame)]
            for key, frame in frames:
                sizes.setdefault(key, [0, 0])[i] = len(frame)
            self._insert(table, columns, frames)
        shared = self._spill()
        for owed in self.cache:
            for key in owed.keys:
                counts = tuple(sizes.get(key, (0, 0)))
                part = None if shared is not None else tuple(
                    f"(SELECT * EXCLUDE (file, part) FROM {t} WHERE file = {int(key)} ORDER BY _seq)"
                    for t in (rows_table, rejected_table))
                owed.writer.add(self.con, "", counts, part, (shared, key) if shared is not None else None)
            if owed.scalars is not None:
                owed.writer.commit(owed.scalars)
        # a file still being read is owed more; a writer given up (its file failed) is owed nothing
        self.cache = [owed for owed in self.cache if owed.scalars is None and getattr(owed.writer, "ok", True)]
        for owed in self.cache:
            owed.keys = []
        self.waiting, self.rows = [], 0
        tables = self.tables()
        self.chunk += 1
        if self.release is not None:
            self.release(tables)

    def abort(self) -> None:
        """Give up every cache entry still owed rows (ingestion stopped before they were written)."""
        for owed in self.cache:
            owed.writer.abort()
        self.cache = []

    def _insert(self, table: str, columns: tuple[str, ...], frames: list[tuple[int, pd.DataFrame]]) -> None:
        """One INSERT for all the frames: one Arrow table where `arrow_chunk` can make it, else a UNION ALL of one
        registered scan each, cast as `append_raw` casts."""
        if not frames:
            return
        chunk = arrow_chunk(columns, frames)
        if chunk is not None:
            self.con.register("_tw_gather_arrow", chunk)
            try:
                self.con.execute(f'INSERT INTO "{table}" SELECT * FROM _tw_gather_arrow')
            finally:
                self.con.unregister("_tw_gather_arrow")
            return
        names = [f"_tw_gather_frame_{n}" for n in range(len(frames))]
        try:
            for name, (_, frame) in zip(names, frames, strict=True):
                self.con.register(name, frame)
            branches = [f"SELECT {int(key)}, 0, {cast_select(frame, columns)}, row_number() OVER () FROM {name}"
                        for name, (key, frame) in zip(names, frames, strict=True)]
            self.con.execute(f'INSERT INTO "{table}" ' + "\nUNION ALL ".join(branches))
        finally:
            for name in names:
                self.con.unregister(name)

    def _spill(self) -> tuple[Path, Path] | None:
        """The chunk's rows and rejects as one shared Parquet pair in the parse cache (cache.write_shared: one COPY per
        table), to which the entries of its files refer; None without a cache writer owed rows, or when it cannot be
        written (then each batch is written by its own COPY)."""
        if self.spill is None or not self.cache:
            return None
        return write_shared(self.con, self.tables(), self.spill, RAW_TYPES)


_ARROW_TYPES = {"VARCHAR": pa.string(), "BIGINT": pa.int64()}


def arrow_chunk(columns: tuple[str, ...], frames: list[tuple[int, pd.DataFrame]]) -> pa.Table | None:
    """The frames as one Arrow table with a chunk table's columns (file: the batch's key, part 0, `columns` typed as
    RAW_TYPES, _seq: 1, 2, … in each frame, a column a frame lacks NULL), frame after frame in their order; None when
    a value would not cast as `append_raw` casts it (a text column holding anything but text and nothing, an integer
    column anything but integers and nothing): the caller then registers each frame."""
    names = ["file", "part", *columns, "_seq"]
    tables = []
    for key, frame in frames:
        n = len(frame)
        arrays = [pa.array(np.full(n, key, dtype=np.int64)), pa.array(np.zeros(n, dtype=np.int32))]
        for c in columns:
            want = _ARROW_TYPES.get(RAW_TYPES.get(c, "VARCHAR"))
            if want is None:
                return None
            if c not in frame.columns:
                arrays.append(pa.nulls(n, want))
                continue
            try:  # None and NaN become NULL, as DuckDB reads them in an object column
                array = pa.array(frame[c], from_pandas=True)
            except (pa.ArrowException, TypeError, ValueError, OverflowError):  # mixed types, not UTF-8, past int64
                return None
            if pa.types.is_null(array.type):
                arrays.append(pa.nulls(n, want))
            elif array.type == want or (want == pa.string() and pa.types.is_large_string(array.type)) or (
                    want == pa.int64() and pa.types.is_integer(array.type)):
                try:
                    arrays.append(array.cast(want))  # safe: an integer past int64 raises
                except (pa.ArrowException, ValueError):
                    return None
            else:
                return None
        arrays.append(pa.array(np.arange(1, n + 1, dtype=np.int64)))
        tables.append(pa.Table.from_arrays(arrays, names=names))
    return pa.concat_tables(tables) if tables else None
