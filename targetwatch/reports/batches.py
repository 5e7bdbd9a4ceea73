"""Raw rows of many report files waiting for one normaliser pass (targetwatch.reports.normalise).

Each reader fills the raw table with one batch of one file; `Batches.add` moves that batch into the pending tables,
tagged with its batch number, and keeps the batch's parameters (its file, source name, sha256, default release
date). The normaliser then runs once over everything pending (`flush`: when `flush_rows` rows wait, and at the end),
so a folder of 1,420 files is mapped, judged and written to `observations` and `rejected_rows` in a few statements
instead of some thirty per file. The rows come out in the order the per-file passes gave them: batch by batch, a
batch's reader rejects before its other quarantined rows, each in its order in the file.

A template CSV read by a chunk's scan (template_sql.Scan with `defer`) is not copied into the pending tables: its
rows stay in the chunk's tables and `add(source=…)` only notes its batch. The normaliser then reads the pending tables
and every such chunk together, through a view (a chunk's rows tagged with their file's batch by one join), so a
folder's 855 scanned files cost no statement each; a chunk's tables are dropped once its rows are normalised
(`release`).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from targetwatch.reports.normalise import Normaliser, create_pending, move_batch, raw_counts

COUNTS = ("read", "accepted", "rejected", "not_yet_released")


class Batches:
    def __init__(self, con: duckdb.DuckDBPyConnection, normaliser: Normaliser, raw: str, pending: str,
                 flush_rows: int):
        self.con, self.normaliser, self.raw, self.pending, self.flush_rows = con, normaliser, raw, pending, flush_rows
        create_pending(con, pending)
        self.params: list[dict] = []  # the pending batches' parameters (Normaliser.batch_params)
        self.rows = 0  # rows pending
        self.next_batch = 0
        self.totals: dict[int, dict[str, int]] = {}  # file number -> counts of its normalised rows so far
        self.flushed: set[int] = set()  # files some of whose rows were already written
        self.deferred: dict[tuple[str, str], list[tuple[int, int]]] = {}  # chunk tables -> (file there, batch)
        self.held: set[tuple[str, str]] = set()  # chunk tables done with, dropped after the next flush
        # called before each pass: rows still held elsewhere (gathered.Gathered) are put in their chunk tables
        self.before_flush: Callable[[], None] | None = None

    def add(self, file: int, *, source_file: str, sha256: str, default_release_date: str | None,
            release_date_basis: str, counts: tuple[int, int] | None = None,
            part: tuple[str, str] | None = None, source: tuple[tuple[str, str], int] | None = None) -> None:
        """Move the raw table's batch (one file's) into the pending tables; normalise if enough rows wait. `counts`:
        the raw table's (`raw_counts`), when the caller has them; `part`: where the batch is instead of the raw
        table (a scanned file's rows in its chunk, `template_sql.Scan.part`; then `counts` is required); `source`:
        the same rows left where they are (`template_sql.Scan.source`: the chunk's tables and the file's number
        there), read from there by the next flush."""
        counts = counts or raw_counts(self.con, self.raw)
        if source is not None:
            if sum(counts):
                self.deferred.setdefault(source[0], []).append((source[1], self.next_batch))
        else:
            move_batch(self.con, self.raw, self.pending, self.next_batch, counts, part)
        self.params.append(self.normaliser.batch_params(
            self.next_batch, file, source_file=source_file, sha256=sha256,
            default_release_date=default_release_date, release_date_basis=release_date_basis))
        self.next_batch += 1
        self.rows += sum(counts)
        if self.rows >= self.flush_rows:
            self.flush()

    def drop_file(self, file: int, source_file: str) -> None:
        """Take back every row of a file that failed part-way (the file being read is always the last one added)."""
        batches = [p["p_batch"] for p in self.params if p["p_file"] == file]
        if batches:
            for suffix in ("", "_rejected"):
                self.con.execute(f'DELETE FROM "{self.pending}{suffix}" WHERE _batch >= ?', [min(batches)])
            self.params = [p for p in self.params if p["p_file"] != file]
            for files in self.deferred.values():
                files[:] = [(f, b) for f, b in files if b < min(batches)]
        if file in self.flushed:
            for table in ("observations", "rejected_rows"):
                self.con.execute(f'DELETE FROM "{table}" WHERE source_file = ?', [source_file])
        self.totals.pop(file, None)

    def flush(self) -> None:
        """Normalise every pending row into observations and rejected_rows, and empty the pending tables."""
        if self.before_flush is not None:
            self.before_flush()
        if not self.params:
            self._drop_held()
            return
        counts = self.normaliser.run(self._view(), pd.DataFrame(self.params))
        for file, c in counts.items():
            total = self.totals.setdefault(file, dict.fromkeys(COUNTS, 0))
            for k in COUNTS:
                total[k] += c[k]
        self.flushed.update(p["p_file"] for p in self.params)
        for suffix in ("", "_rejected"):
            self.con.execute(f'DELETE FROM "{self.pending}{suffix}"')
        self.params, self.rows = [], 0
        self.deferred.clear()
        for suffix in ("", "_rejected"):
            self.con.execute(f'DROP VIEW IF EXISTS "{self.pending}_all{suffix}"')
        self._drop_held()

    def release(self, tables: tuple[str, str]) -> None:
        """A chunk's last file is done (template_sql.Scan's `release`): drop its tables, or after the next flush when
        rows of it still wait."""
        if self.deferred.get(tables):
            self.held.add(tables)
        else:
            self.deferred.pop(tables, None)
            self._drop(tables)

    def _drop_held(self) -> None:
        for tables in self.held:
            self._drop(tables)
        self.held.clear()

    def _drop(self, tables: tuple[str, str]) -> None:
        for table in tables:
            self.con.execute(f'DROP TABLE IF EXISTS "{table}"')

    def _view(self) -> str:
        """The pending rows: the pending tables alone, or with the deferred chunks' rows a view over all of them
        (`<pending>_all` and its `_rejected`), each chunk's rows tagged with their batch by a join on the file."""
        chunks = [(tables, files) for tables, files in self.deferred.items() if files]
        if not chunks:
            return self.pending
        name = f"{self.pending}_all"
        for i, suffix in enumerate(("", "_rejected")):
            parts = [f'SELECT * FROM "{self.pending}{suffix}"']
            for tables, files in chunks:
                if len(files) == 1:  # one file: its batch is a constant
                    (file, batch), = files
                    parts.append(f'SELECT * EXCLUDE (file, part), CAST({int(batch)} AS BIGINT) FROM "{tables[i]}" '
                                 f"WHERE file = {int(file)}")
                else:
                    values = ", ".join(f"({int(f)}, {int(b)})" for f, b in files)
                    parts.append(f'SELECT c.* EXCLUDE (file, part), CAST(m.b AS BIGINT) FROM "{tables[i]}" c '
                                 f"JOIN (VALUES {values}) m(f, b) ON c.file = m.f")
            self.con.execute(f'CREATE OR REPLACE TEMP VIEW "{name}{suffix}" AS ' + "\nUNION ALL ".join(parts))
        return name

    def counts(self, file: int) -> dict[str, int]:
        """A file's counts, once flushed."""
        return self.totals.get(file, dict.fromkeys(COUNTS, 0))
