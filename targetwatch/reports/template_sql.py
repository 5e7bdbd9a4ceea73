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
import csv
import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from targetwatch.limits import Limits
from targetwatch.reports.normalise import RAW_TYPES
from targetwatch.reports.template import CsvHead, header_columns

# Every character Python's str.strip() removes (str.isspace()); a test keeps this equal to Python's set.
PY_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                 "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_CHUNK = 2**20
_GLOB = frozenset("*?[]{}")


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _utf8_path(path: Path, encoding: str, folder: Path) -> Path:
    """A glob-free name of the file's bytes as UTF-8 in `folder`: a link to a UTF-8 file, or a legacy encoding
    transcoded in 1 MiB chunks (DuckDB reads UTF-8 only, and takes a path as a glob pattern)."""
    target = folder / "report.csv"
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
    False (nothing written) when the file needs the streaming reader: see the module's docstring."""
    columns = header_columns(head.header, path.name)
    if len(columns) > limits.max_cells_per_row:
        return False
    try:
        with tempfile.TemporaryDirectory(prefix="tw-csv-") as tmp:
            if _GLOB & set(tmp):
                return False
            return _load(con, raw, _utf8_path(path, head.encoding, Path(tmp)), columns, head.skip + 2, limits)
    except (duckdb.Error, UnicodeDecodeError, OSError):
        # Whatever went wrong (a temporary folder that cannot be written, a file that cannot be opened) is the
        # streaming reader's to meet again and report; what was written is taken back.
        con.execute(f'DELETE FROM "{raw}"')
        con.execute(f'DELETE FROM "{raw}_rejected"')
        return False
    finally:
        for table in ("_tw_lines", "_tw_cells", "_tw_nonempty"):
            con.execute(f"DROP TABLE IF EXISTS {table}")


def _load(con: duckdb.DuckDBPyConnection, raw: str, source: Path, columns: list[str | None], first: int,
          limits: Limits) -> bool:
    width = len(columns)
    # Physical lines: a line ends at LF, a CR just before it is part of a CRLF ending. `n`: its cells, unquoted.
    con.execute("""
CREATE OR REPLACE TEMP TABLE _tw_lines AS
SELECT line, text, length(text) - length(replace(text, ',', '')) + 1 AS n, contains(text, '"') AS quoted
FROM (SELECT line, CASE WHEN ends_with(text, chr(13)) THEN left(text, length(text) - 1) ELSE text END AS text
      FROM (SELECT generate_subscripts(parts, 1) AS line, unnest(parts) AS text
            FROM (SELECT string_split(content, chr(10)) AS parts FROM read_text(?))))""", [str(source)])
    odd, widest, records = con.execute(
        "SELECT count(*) FILTER (WHERE contains(text, chr(13)) OR contains(text, chr(0))), "
        "max(n) FILTER (WHERE line >= $first), count(*) FILTER (WHERE line >= $first AND text <> '') FROM _tw_lines",
        {"first": first}).fetchall()[0]
    if odd or (widest or 0) > limits.max_cells_per_row:
        return False  # any other CR, a NUL, or a row over the cells limit: the streaming reader's
    quoted = _quoted(con.execute("SELECT line, text FROM _tw_lines WHERE line >= ? AND quoted ORDER BY line",
                                 [first]).fetchall(), width, limits)
    if quoted is None:
        return False
    accepted, rejected, quoted_rows = quoted
    m = max(widest or 1, width)
    cols = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(1, m + 1))
    con.execute(f"""
CREATE OR REPLACE TEMP TABLE _tw_cells AS
SELECT * FROM read_csv(?, skip={first - 1}, header=false, auto_detect=false, delim=',', quote='', escape='',
                       null_padding=true, strict_mode=false, columns={{{cols}}})""", [str(source)])
    if con.execute("SELECT count(*) FROM _tw_cells").fetchall()[0][0] != records:
        return False  # not one record per non-empty line
    # Blank: nothing but commas and what str.strip() removes (RE2 matches the characters themselves in a class).
    blank = f"regexp_full_match({{}}, '[,{PY_WHITESPACE}]*')"
    # a cell starting with a space (at the line's start or after a comma): four times cheaper than the pattern '(^|,) '
    spaced = con.execute(f"SELECT bool_or(starts_with(text, ' ') OR contains(text, ', ')) FROM _tw_lines "
                         f"WHERE line >= {first}").fetchall()[0][0]
    cell = [f"ltrim(coalesce(r.c{i}, ''), ' ')" if spaced else f"coalesce(r.c{i}, '')" for i in range(1, m + 1)]
    longest = f"greatest({', '.join(f'length({c})' for c in cell)})" if m > 1 else f"length({cell[0]})"
    extras = f"concat({', '.join(cell[width:])})" if m > width else "''"
    con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_nonempty AS SELECT line, n, text, quoted FROM _tw_lines "
                f"WHERE line >= {first} AND text <> '' ORDER BY line")
    con.execute(f"""
CREATE OR REPLACE TEMP TABLE _tw_plain AS
SELECT l.line, l.n, {', '.join(f'{c} AS c{i}' for i, c in enumerate(cell, 1))},
    {blank.format("l.text")} AS blank,
    CASE WHEN l.n > {width} THEN NOT {blank.format(extras)} ELSE false END AS wide,
    CASE WHEN length(l.text) > $chars THEN {longest} > $chars ELSE false END AS long
FROM _tw_nonempty l POSITIONAL JOIN _tw_cells r
WHERE NOT l.quoted""", {"chars": limits.max_chars_per_cell})
    try:
        over, rows = con.execute(
            "SELECT count(*) FILTER (WHERE long), count(*) FILTER (WHERE NOT blank) FROM _tw_plain").fetchall()[0]
        if over or rows + quoted_rows > limits.max_rows:
            return False  # refused by the streaming reader, with the line it stops at
        # Each raw column from its header cell; a column the header does not have stays NULL, as in `iter_csv`.
        select = {c: f"c{i}" for i, c in enumerate(columns, 1) if c}
        values = ", ".join({"row_number": "line", "location": "'line ' || line", "raw_content": "content"}
                           .get(c, select.get(c, "NULL")) + f' AS "{c}"' for c in RAW_TYPES)
        content = f"concat_ws(',', {', '.join(f'c{i}' for i in range(1, width + 1))})"
        every = f"array_to_string(list_resize([{', '.join(f'c{i}' for i in range(1, m + 1))}], n), ',')"
        con.register("_tw_quoted", accepted)
        con.register("_tw_quoted_rejected", rejected)
        positions = ", ".join(f"c{i}" for i in range(1, width + 1))
        con.execute(f"""INSERT INTO "{raw}" SELECT {values}, line FROM (
            SELECT line, {positions}, {content} AS content FROM _tw_plain WHERE NOT blank AND NOT wide
            UNION ALL SELECT line, {positions}, content FROM _tw_quoted)""")
        reason = f"'line ' || line || ' has ' || n || ' cells, the header has {width}'"
        con.execute(f"""INSERT INTO "{raw}_rejected" SELECT NULL, line, 'line ' || line, content, reason, line FROM (
            SELECT line, {every} AS content, {reason} AS reason FROM _tw_plain WHERE NOT blank AND wide
            UNION ALL SELECT line, content, reason FROM _tw_quoted_rejected)""")
        return True
    finally:
        con.execute("DROP TABLE IF EXISTS _tw_plain")
        for view in ("_tw_quoted", "_tw_quoted_rejected"):
            con.unregister(view)
