"""A template CSV split and numbered in DuckDB, straight into the raw-row tables the normaliser reads.

The Python reader (`template.iter_csv`) walks a file row by row; at a million rows that walk was most of a refresh's
ingestion time (the step went from 42 to 16 CPU seconds on benchmarks/million_rows.py). Here DuckDB reads the file
twice, both times in C++: `read_text` gives its physical lines, numbered (so every row keeps its `line N`, blank
lines counted), and `read_csv` with quoting off splits each non-empty line into cells (it skips empty lines: the
k-th record is the k-th non-empty line). The raw rows and the reader's rejects follow `iter_csv`'s rules: a cell's
leading spaces skipped, blank records skipped, a record shorter than the header padded, one with non-empty cells
beyond the header rejected with the reason. Only the lines that hold a quote character are parsed by Python's csv
module, one line each, as the streaming reader parses them. A file in a legacy encoding is first transcoded to UTF-8
in chunks.

The rows are `iter_csv`'s, cell for cell (tests/targetwatch/reports/test_template_sql.py compares them). Where a
line-by-line reading could differ from a streamed one, or the file is over a limit, `load` returns False and the
caller streams the file with `iter_csv`, which keeps its exact rows and its refusals naming file and line: a quoted
cell spanning lines, a carriage return that is not part of a CRLF line end, a NUL byte, a record over the
cells-per-row limit, a cell over the characters-per-cell limit, or more rows than the rows limit.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from targetwatch.limits import Limits
from targetwatch.reports.cache import write_shared
from targetwatch.reports.normalise import RAW_TYPES
from targetwatch.reports.template import CsvHead, header_columns, is_template, read_head

# Every character Python's str.strip() removes (str.isspace()); a test keeps this equal to Python's set.
PY_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                 "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_CHUNK = 2**20
_GROUP_ERRORS = (duckdb.Error, UnicodeDecodeError, OSError)
_OUT, _OUT_REJECTED = "_tw_scan_rows", "_tw_scan_rejected"  # a group's accepted raw rows and reader rejects
_GLOB = frozenset("*?[]{}")


def _utf8_path(path: Path, encoding: str, target: Path) -> Path:
    """`target` (a glob-free name) for the file's bytes as UTF-8: a link to a UTF-8 file, or a legacy encoding
    transcoded in 1 MiB chunks (DuckDB reads UTF-8 only, and takes a path as a glob pattern)."""
    if encoding in ("utf-8", "utf-8-sig"):
        os.symlink(path.resolve(), target)
        return target
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with open(path, "rb") as src, open(target, "wb") as dst:
        while True:
            chunk = src.read(_CHUNK)
            dst.write(decoder.decode(chunk, final=not chunk).encode("utf-8"))
            if not chunk:
                return target


def _quoted(lines: list[tuple[int, str]], width: int, limits: Limits) -> tuple[pd.DataFrame, pd.DataFrame, int] | None:
    """The lines holding a quote, each parsed by Python's csv as the streaming reader parses it: (accepted rows:
    line, cells padded or cut to the header's width, raw content; rejected rows; non-blank records). None when a
    quoted cell runs past its line (the record spans lines), csv refuses the line, or a limit is exceeded."""
    previous = csv.field_size_limit(limits.max_chars_per_cell)
    accepted: list[list] = []
    rejected: list[tuple[int, str, str]] = []
    count = 0
    try:
        for line, text in lines:
            cells = next(csv.reader([text + "\n"], skipinitialspace=True), [])
            if any("\n" in c or "\r" in c for c in cells) or len(cells) > limits.max_cells_per_row:
                return None
            if not "".join(cells).strip():
                continue
            count += 1
            if len(cells) > width and "".join(cells[width:]).strip():
                rejected.append((line, ",".join(cells), f"line {line} has {len(cells)} cells, the header has {width}"))
            else:
                cells = (cells + [""] * (width - len(cells)))[:width]
                accepted.append([line, *cells, ",".join(cells)])
    except csv.Error:
        return None
    finally:
        csv.field_size_limit(previous)
    names = ["line", *(f"c{i}" for i in range(1, width + 1)), "content"]
    return (pd.DataFrame(accepted, columns=names).astype(object).astype({"line": "int64"}),
            pd.DataFrame(rejected, columns=["line", "content", "reason"]).astype(object).astype({"line": "int64"}),
            count)


def load(con: duckdb.DuckDBPyConnection, raw: str, path: Path, head: CsvHead, limits: Limits) -> bool:
    """Fill the (empty) raw table `raw` and `<raw>_rejected` with the template CSV's rows, as `iter_csv` would.
    False (nothing written) when the file needs the streaming reader: see the module's docstring. (One file read as
    a group of one: `Scan` reads many at once.)"""
    columns = header_columns(head.header, path.name)
    try:
        loaded = _load_group(con, [(0, path, head)], columns, limits)
    except _GROUP_ERRORS:
        loaded = set()
    try:
        if loaded:
            _take(con, raw, 0)
        return bool(loaded)
    except duckdb.Error:
        _take_back(con, raw)
        return False
    finally:
        _drop(con)


def _take_back(con: duckdb.DuckDBPyConnection, raw: str) -> None:
    """Empty the raw tables again: the streaming reader meets the file again and reports what it finds."""
    con.execute(f'DELETE FROM "{raw}"')
    con.execute(f'DELETE FROM "{raw}_rejected"')



def _drop(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("_tw_scan_files", "_tw_scan_lines", "_tw_scan_plain", _OUT, _OUT_REJECTED):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    for view in ("_tw_scan_members", "_tw_quoted", "_tw_quoted_rejected"):
        with contextlib.suppress(duckdb.Error):
            con.unregister(view)


def _take(con: duckdb.DuckDBPyConnection, raw: str, file: int, tables: tuple[str, str] = (_OUT, _OUT_REJECTED),
          counts: tuple[int, int] | None = None) -> None:
    """Append one file's rows and rejects of a group's tables to the raw tables, in the single-file order (the
    unquoted lines, then the quoted ones, each by line). `counts`: the file's (rows, rejects) there, when known (an
    empty part is then not queried)."""
    for table, suffix, n in zip(tables, ("", "_rejected"), counts or (None, None), strict=True):
        if n == 0:
            continue
        con.execute(f'INSERT INTO "{raw}{suffix}" SELECT * EXCLUDE (file, part) FROM {table} WHERE file = ? '
                    "ORDER BY part, _seq", [file])


def _load_group(con: duckdb.DuckDBPyConnection, files: list[tuple[int, Path, CsvHead]], columns: list[str | None],
                limits: Limits) -> set[int]:
    """Read template CSVs of one header layout (`columns`) in one DuckDB scan into the group tables (`_OUT`,
    `_OUT_REJECTED`, each row tagged with its file's number): the numbers of the files read. A file left out needs the
    streaming reader (see the module's docstring); its rows are not in the tables. Raises what DuckDB or decoding
    raises for the whole group (the caller then reads its files one at a time)."""
    width = len(columns)
    _drop(con)
    if width > limits.max_cells_per_row:
        return set()
    with tempfile.TemporaryDirectory(prefix="tw-csv-") as tmp:
        if _GLOB & set(tmp):
            return set()
        members = []
        for file, path, head in files:  # `<number>.csv` side by side: a folder each cost its creation and removal
            # (national, 855 files: 0.13-1.4 s of wall to remove them, 0.01-0.09 s for the names alone)
            members.append((file, str(_utf8_path(path, head.encoding, Path(tmp) / f"{file}.csv")), head.skip + 2))
        con.register("_tw_scan_members", pd.DataFrame(members, columns=["file", "name", "first"]))
        # Physical lines: a line ends at LF, a CR just before it is part of a CRLF ending. `n`: its cells, unquoted.
        con.execute("""
CREATE TEMP TABLE _tw_scan_lines AS
SELECT file, line, line >= first AS body, text, length(text) - length(replace(text, ',', '')) + 1 AS n,
    contains(text, '"') AS quoted
FROM (SELECT file, first, line, CASE WHEN ends_with(text, chr(13)) THEN left(text, length(text) - 1) ELSE text END
             AS text
      FROM (SELECT m.file, m.first, generate_subscripts(parts, 1) AS line, unnest(parts) AS text
            FROM (SELECT filename, string_split(content, chr(10)) AS parts FROM read_text(?)) r
            JOIN _tw_scan_members m ON r.filename = m.name))""", [[m[1] for m in members]])
    con.unregister("_tw_scan_members")
    # Any other CR, a NUL, or a row over the cells limit: the streaming reader's.
    ok = {file for file, odd, widest in con.execute(
        "SELECT file, count(*) FILTER (WHERE contains(text, chr(13)) OR contains(text, chr(0))), "
        "max(n) FILTER (WHERE body) FROM _tw_scan_lines GROUP BY file").fetchall()
        if not odd and (widest or 0) <= limits.max_cells_per_row}
    quoted_lines: dict[int, list[tuple[int, str]]] = {}
    for file, line, text in con.execute("SELECT file, line, text FROM _tw_scan_lines WHERE body AND quoted "
                                        "ORDER BY file, line").fetchall():
        quoted_lines.setdefault(file, []).append((line, text))
    accepted, rejected, quoted_rows = [], [], {}
    for file, lines in quoted_lines.items():
        quoted = _quoted(lines, width, limits) if file in ok else None
        if quoted is None:
            ok.discard(file)
            continue
        accepted.append(quoted[0].assign(file=file))
        rejected.append(quoted[1].assign(file=file))
        quoted_rows[file] = quoted[2]
    if not ok:
        return set()
    # The unquoted lines split at every comma, each cell's leading spaces skipped. Blank: nothing but commas and what
    # str.strip() removes (RE2 matches the characters themselves in a class).
    blank = f"regexp_full_match({{}}, '[,{PY_WHITESPACE}]*')"
    cells = ", ".join(f"ltrim(coalesce(parts[{i}], ''), ' ') AS c{i}" for i in range(1, width + 1))
    con.execute(f"""
CREATE TEMP TABLE _tw_scan_plain AS
SELECT file, line, n, {cells},
    {blank.format("text")} AS blank,
    CASE WHEN n > {width} THEN NOT {blank.format(f"array_to_string(parts[{width + 1}:], '')")} ELSE false END AS wide,
    CASE WHEN n > {width} THEN array_to_string(list_transform(parts, lambda x: ltrim(x, ' ')), ',') END AS every,
    CASE WHEN length(text) > $chars THEN list_max(list_transform(parts, lambda x: length(ltrim(x, ' ')))) > $chars
         ELSE false END AS long
FROM (SELECT file, line, n, text, string_split(text, ',') AS parts FROM _tw_scan_lines
      WHERE body AND text <> '' AND NOT quoted AND list_contains($ok, file))""",
                {"chars": limits.max_chars_per_cell, "ok": sorted(ok)})
    con.execute("DROP TABLE _tw_scan_lines")
    for file, over, rows in con.execute("SELECT file, count(*) FILTER (WHERE long), count(*) FILTER (WHERE NOT blank) "
                                        "FROM _tw_scan_plain GROUP BY file").fetchall():
        if over or rows + quoted_rows.get(file, 0) > limits.max_rows:
            ok.discard(file)  # refused by the streaming reader, with the line it stops at
    if not ok:
        return set()
    names = ["file", "line", *(f"c{i}" for i in range(1, width + 1)), "content"]
    con.register("_tw_quoted", pd.concat(accepted, ignore_index=True)[names] if accepted else
                 pd.DataFrame(columns=names).astype(object).astype({"file": "int64", "line": "int64"}))
    con.register("_tw_quoted_rejected", pd.concat(rejected, ignore_index=True)[["file", "line", "content", "reason"]]
                 if rejected else pd.DataFrame(columns=["file", "line", "content", "reason"]).astype(object)
                 .astype({"file": "int64", "line": "int64"}))
    # Each raw column from its header cell; a column the header does not have stays NULL, as in `iter_csv`.
    select = {c: f"c{i}" for i, c in enumerate(columns, 1) if c}
    values = ", ".join({"row_number": "line", "location": "'line ' || line", "raw_content": "content"}
                       .get(c, select.get(c, "NULL")) + f' AS "{c}"' for c in RAW_TYPES)
    positions = ", ".join(f"c{i}" for i in range(1, width + 1))
    content = f"concat_ws(',', {positions})"
    chosen = "list_contains($ok, file)"
    params = {"ok": sorted(ok)}
    con.execute(f"""CREATE TEMP TABLE {_OUT} AS SELECT file, part, {values}, line AS _seq FROM (
        SELECT file, 0 AS part, line, {positions}, {content} AS content FROM _tw_scan_plain
        WHERE NOT blank AND NOT wide AND {chosen}
        UNION ALL SELECT file, 1, line, {positions}, content FROM _tw_quoted WHERE {chosen})""", params)
    reason = f"'line ' || line || ' has ' || n || ' cells, the header has {width}'"
    con.execute(f"""CREATE TEMP TABLE {_OUT_REJECTED} AS SELECT file, part, NULL::VARCHAR AS sheet, line AS row_number,
        'line ' || line AS location, content AS raw_content, reason, line AS _seq FROM (
        SELECT file, 0 AS part, line, every AS content, {reason} AS reason FROM _tw_scan_plain
        WHERE NOT blank AND wide AND {chosen}
        UNION ALL SELECT file, 1, line, content, reason FROM _tw_quoted_rejected WHERE {chosen})""", params)
    con.execute("DROP TABLE _tw_scan_plain")
    con.unregister("_tw_quoted")
    con.unregister("_tw_quoted_rejected")
    return ok


CHUNK_BYTES = 32 * 2**20  # a group's files are scanned together up to this many bytes (DuckDB spills past its limit)
CHUNK_FILES = 256


class Scan:
    """Many template CSVs read by one DuckDB scan per header layout (`_load_group`), each file's rows then taken into
    the raw table when its turn comes (`load`), so that every file keeps its own identity downstream: its batch,
    sha256, row numbers, parse cache entry and errors.

    `plan` groups the files (in their order) by header layout, in chunks of at most CHUNK_BYTES / CHUNK_FILES; a chunk
    is scanned when its first file is asked for and dropped when its last one has been taken. A chunk whose scan fails
    (a file DuckDB cannot read, say) is read again one file at a time, so a bad file never sinks the others; a file the
    scan leaves out, or one not planned, is read alone (`load`), and the streaming reader takes what that hands back."""

    def __init__(self, con: duckdb.DuckDBPyConnection, limits: Limits, *, chunk_bytes: int = CHUNK_BYTES,
                 chunk_files: int = CHUNK_FILES, defer: bool = False, spill: Path | None = None,
                 release: Callable[[tuple[str, str]], None] | None = None):
        self.con, self.limits, self.chunk_bytes, self.chunk_files = con, limits, chunk_bytes, chunk_files
        # With `defer`, a planned file's rows stay in its chunk's tables: `load` only says they are there, and the
        # caller moves them on from `part` (or `source`: straight into the pending tables, no raw table between)
        # then `done`. `release(tables)` is called when a chunk's last file is done (default: drop its tables), so a
        # caller still reading them (batches.Batches) can drop them later. With `spill` (a folder), each scanned
        # chunk's rows are also written there as one Parquet pair (the parse cache's shared folder: `spilled`), to
        # which each file's cache entry refers instead of a COPY per file.
        self.defer, self.spill, self.release = defer, spill, release
        self.shared: dict[int, tuple[Path, Path]] = {}  # scanned chunks: their shared Parquet pair
        self.deferred: dict[Path, tuple[int, int]] = {}  # file -> (chunk, its number in the chunk)
        self.heads: dict[Path, CsvHead | None] = {}
        self.where: dict[Path, tuple[int, int]] = {}  # file -> (chunk, its number in the chunk)
        self.chunks: list[tuple[list[str | None], list[tuple[int, Path, CsvHead]]]] = []
        self.loaded: dict[int, set[int]] = {}  # scanned chunks: the files read
        self.left: dict[int, int] = {}  # scanned chunks: files not yet taken
        self.scans = 0  # DuckDB scans made (a chunk's, or a file's alone)
        self.sizes: dict[int, dict[int, tuple[int, int]]] = {}  # scanned chunks: each file's (rows, rejects)
        # files taken from a chunk: the (rows, rejects) they put in the raw tables (the caller's `raw_counts`)
        self.taken: dict[Path, tuple[int, int]] = {}

    def head(self, path: Path) -> CsvHead | None:
        """The file's `template.read_head`, read once."""
        if path not in self.heads:
            self.heads[path] = read_head(path)
        return self.heads[path]

    def plan(self, paths: list[Path]) -> None:
        """Group the template CSVs among `paths` (files that will be read, in their order) by header layout."""
        open_chunks: dict[tuple, tuple[int, int]] = {}  # layout -> (chunk, bytes so far)
        for path in paths:
            try:
                head = self.head(path)
                if head is None or not is_template(head.header):
                    continue
                columns = header_columns(head.header, path.name)
                size = path.stat().st_size
            except Exception:  # whatever it is, the file's own read meets it again and names it
                continue
            layout = tuple(columns)
            chunk, used = open_chunks.get(layout, (None, 0))
            if chunk is None or used + size > self.chunk_bytes or len(self.chunks[chunk][1]) >= self.chunk_files:
                chunk, used = len(self.chunks), 0
                self.chunks.append((columns, []))
            members = self.chunks[chunk][1]
            self.where[path] = (chunk, len(members))
            members.append((len(members), path, head))
            open_chunks[layout] = (chunk, used + size)

    def load(self, raw: str, path: Path, head: CsvHead) -> bool:
        """As `load` (module function): fill the empty raw tables with the file's rows, or False (nothing written).
        With `defer`, a file its chunk's scan read is left there: True, and `part` says where its rows are."""
        if path not in self.where:
            self.scans += 1
            return load(self.con, raw, path, head, self.limits)
        chunk, file = self.where.pop(path)
        if chunk not in self.loaded:
            self._scan(chunk)
        if self.defer and file in self.loaded[chunk]:
            self.deferred[path] = (chunk, file)
            self.taken[path] = self.sizes[chunk].get(file, (0, 0))
            return True
        try:
            if file not in self.loaded[chunk]:
                return False
            try:
                counts = self.sizes[chunk].get(file, (0, 0))
                _take(self.con, raw, file, self._tables(chunk), counts)
                self.taken[path] = counts
            except duckdb.Error:
                _take_back(self.con, raw)
                return False
            return True
        finally:
            self.left[chunk] -= 1
            if not self.left[chunk]:
                self._release(chunk)

    def part(self, path: Path) -> tuple[str, str] | None:
        """Where a file `load` deferred has its rows and rejects: two subqueries giving them as the raw tables would
        hold them (in the single-file order: the unquoted lines, then the quoted ones, each by line); None for a file
        whose rows `load` put in the raw tables."""
        if path not in self.deferred:
            return None
        chunk, file = self.deferred[path]
        return tuple(f"(SELECT * EXCLUDE (file, part) FROM {table} WHERE file = {int(file)} ORDER BY part, _seq)"
                     for table in self._tables(chunk))

    def source(self, path: Path) -> tuple[tuple[str, str], int] | None:
        """A deferred file's chunk tables and its number there (the column `file`); None as for `part`."""
        if path not in self.deferred:
            return None
        chunk, file = self.deferred[path]
        return self._tables(chunk), file

    def spilled(self, path: Path) -> tuple[tuple[Path, Path], int] | None:
        """A deferred file's place in its chunk's shared Parquet pair (cache.write_shared): the pair and the file's
        number there; None when there is no such pair (no `spill` folder, or it could not be written)."""
        if self.spill is None or path not in self.deferred:
            return None
        chunk, file = self.deferred[path]
        pair = self.shared.get(chunk)
        return (pair, file) if pair is not None else None

    def done(self, path: Path) -> None:
        """A deferred file's rows were moved on (or given up): its chunk is dropped after its last file."""
        found = self.deferred.pop(path, None)
        if found is not None:
            chunk = found[0]
            self.left[chunk] -= 1
            if not self.left[chunk]:
                self._release(chunk)

    def _tables(self, chunk: int) -> tuple[str, str]:
        return f"_tw_scan_{chunk}", f"_tw_scan_{chunk}_rejected"

    def _scan(self, chunk: int) -> None:
        columns, members = self.chunks[chunk]
        self.scans += 1
        try:
            read = _load_group(self.con, members, columns, self.limits)
        except _GROUP_ERRORS:
            read = None
        if read is None:  # the group failed as a whole: each file alone, so one bad file sinks only itself
            _drop(self.con)
            self._create(chunk, columns)
            read = set()
            for member in members:
                self.scans += 1
                try:
                    if _load_group(self.con, [member], columns, self.limits):
                        self._append(chunk)
                        read.add(member[0])
                except _GROUP_ERRORS:
                    pass
                finally:
                    _drop(self.con)
        else:
            rows, rejected = self._tables(chunk)
            for table, name in ((_OUT, rows), (_OUT_REJECTED, rejected)):
                if read:
                    self.con.execute(f"ALTER TABLE {table} RENAME TO {name}")
            if not read:
                self._create(chunk, columns)
            _drop(self.con)
        self.loaded[chunk] = read
        rows, rejected = self._tables(chunk)  # each file's (rows, rejects): `take` skips an empty part, `taken` tells
        sizes: dict[int, list[int]] = {}
        for i, table in enumerate((rows, rejected)):
            for file, n in self.con.execute(f"SELECT file, count(*) FROM {table} GROUP BY file").fetchall():
                sizes.setdefault(file, [0, 0])[i] = n
        self.sizes[chunk] = {file: (n[0], n[1]) for file, n in sizes.items()}
        self.left[chunk] = len(members)
        if self.spill is not None and self.defer and read:
            self._spill(chunk)

    def _spill(self, chunk: int) -> None:
        """Write the chunk's rows and rejects into the parse cache's shared folder as one Parquet pair (one COPY per
        table, whatever the number of files: the entries refer to their file's rows there). A failed write leaves no
        pair: each file's cache entry is then written by its own COPY."""
        pair = write_shared(self.con, self._tables(chunk), self.spill, RAW_TYPES)
        if pair is not None:
            self.shared[chunk] = pair

    def _create(self, chunk: int, columns: list[str | None]) -> None:
        rows, rejected = self._tables(chunk)
        cols = ", ".join(f'"{c}" {t}' for c, t in RAW_TYPES.items())
        self.con.execute(f"CREATE TEMP TABLE {rows} (file BIGINT, part INTEGER, {cols}, _seq BIGINT)")
        self.con.execute(f"CREATE TEMP TABLE {rejected} (file BIGINT, part INTEGER, sheet VARCHAR, row_number BIGINT, "
                         "location VARCHAR, raw_content VARCHAR, reason VARCHAR, _seq BIGINT)")

    def _append(self, chunk: int) -> None:
        rows, rejected = self._tables(chunk)
        self.con.execute(f"INSERT INTO {rows} SELECT * FROM {_OUT}")
        self.con.execute(f"INSERT INTO {rejected} SELECT * FROM {_OUT_REJECTED}")

    def _release(self, chunk: int) -> None:
        self.shared.pop(chunk, None)
        if self.release is not None:
            self.release(self._tables(chunk))
            return
        for table in self._tables(chunk):
            self.con.execute(f"DROP TABLE IF EXISTS {table}")

    def close(self) -> None:
        """Drop what is still held (files planned but never asked for: read from the cache, say)."""
        for chunk in list(self.loaded):
            self._release(chunk)
        _drop(self.con)
