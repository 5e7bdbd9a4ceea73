"""The template CSV split in DuckDB (template_sql.load) gives the streaming reader's raw rows cell for cell, or
hands the file back to it (False) where a line-by-line reading could differ or a limit refuses the file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targetwatch.limits import DEFAULT_LIMITS, Limits
from targetwatch.memory_db import private_database
from targetwatch.reports import template, template_sql
from targetwatch.reports.normalise import append_raw, create_raw

# 30 examples a run (each writes a file and reads it both ways, ~0.15 s; 60 until 2026-12-03, 9 s of a default run).
# The alphabet is 11 characters, the lines and files short; each run draws new examples (no example database), so CI
# runs add up; TARGETWATCH_HYPOTHESIS_EXAMPLES=500 for a deep run. Measured on 30-example draws: see docs/testing.md.
EXAMPLES = int(os.environ.get("TARGETWATCH_HYPOTHESIS_EXAMPLES", "0")) or 30
HEAD = "# data: synthetic\njurisdiction,indicator,year,value,unit,notes\n"
# Each reading gets a new, empty in-memory database (`private_database`: attached to one DuckDB instance kept for the
# process, ~1 ms, where a new instance costs ~20 ms; 136 readings a run of this module; docs/testing.md, session 12).


def _tables(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The raw rows and the reader's rejects in their order (`_seq` orders them; its values are the reader's own)."""
    return (con.execute("SELECT * EXCLUDE (_seq) FROM _tw_raw ORDER BY _seq").df(),
            con.execute("SELECT * EXCLUDE (_seq) FROM _tw_raw_rejected ORDER BY _seq").df())


def both(path: Path, limits: Limits = DEFAULT_LIMITS):
    """(the SQL reading's tables or None when it hands the file back, the streaming reader's tables)."""
    head = template.read_head(path)
    with private_database() as con:
        create_raw(con, "_tw_raw")
        sql = _tables(con) if template_sql.load(con, "_tw_raw", path, head, limits) else None
    with private_database() as con:
        create_raw(con, "_tw_raw")
        rows, rejected = [], []
        for batch in template.iter_csv(path, limits, head):
            rows.append(batch.rows)
            rejected.append(batch.rejected)
        append_raw(con, "_tw_raw", pd.concat(rows, ignore_index=True),
                   pd.concat([r for r in rejected if len(r)] or [pd.DataFrame()], ignore_index=True))
        streamed = _tables(con)
    return sql, streamed


def assert_same(path: Path) -> None:
    sql, streamed = both(path)
    assert sql is not None, "the SQL reading handed the file back"
    for a, b in zip(sql, streamed, strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)


def write(tmp_path: Path, body: str, encoding: str = "utf-8", name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEAD + body).encode(encoding))
    return path


def test_python_whitespace_is_what_str_strip_removes():
    assert set(template_sql.PY_WHITESPACE) == {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}


@pytest.mark.parametrize("body", [
    "gansu,maker_spaces,2019,1523,个,\n",
    "gansu,maker_spaces,2019,1523,个,\n\n\nshanxi,patents,2020, 7 ,件,a note\n",  # blank lines keep numbering
    "gansu,maker_spaces,2019,1523\n",  # short: padded
    "gansu,maker_spaces,2019,1523,个,,,,\n",  # empty cells beyond the header: cut
    "gansu,maker_spaces,2019,1523,个,,extra,\n",  # a cell beyond the header: rejected with the reason
    ",,,,,\n   \n\u3000,\t\n",  # blank records skipped (any whitespace str.strip removes)
    'gansu,"maker, spaces",2019,"1,523",个,"say ""hi"""\n',  # quoted cells
    ' "q, r" ,x,2019,1,个,\n',  # a quote after a skipped space opens a quoted cell
    'x"y,b,2019,1,个,\n',  # a quote inside an unquoted cell is a character
    "gansu,maker_spaces,2019,1523,个,\r\nshanxi,patents,2020,7,件,\r\n",  # CRLF
    "gansu,maker_spaces,2019,1523,个,\r\n\r\nshanxi,patents,2020,7,件,\n",  # CRLF after an LF header, then LF
    "gansu,maker_spaces,2019,1523,个,no newline at the end",
    "# a comment line after the header is a row\n",
])
def test_same_rows_as_the_streaming_reader(tmp_path, body):
    assert_same(write(tmp_path, body))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "big5", "utf-16"])
def test_legacy_encodings_are_transcoded(tmp_path, encoding):
    assert_same(write(tmp_path, "甘肅,專利,2019,1523,件,備註\n", encoding=encoding))


@pytest.mark.parametrize(("body", "limits"), [
    ('gansu,"a cell\nover two lines",2019,1,个,\n', DEFAULT_LIMITS),  # the record spans lines
    ("gansu,maker_spaces,2019,1,个,\rshanxi,patents,2020,2,件,\n", DEFAULT_LIMITS),  # a bare CR ends a line
    ("gansu,maker_spaces,2019,1,个,\x00\n", DEFAULT_LIMITS),  # csv refuses NUL
    ("a,b,c,d,e,f,g\n", Limits(max_cells_per_row=6)),
    ("gansu,maker_spaces,2019,1,个,12345\n", Limits(max_chars_per_cell=4)),
    ("a,b,2019,1,个,\nc,d,2019,1,个,\n\n", Limits(max_rows=1)),
])
def test_handed_back_where_the_streaming_reader_decides(tmp_path, body, limits):
    sql, _ = (None, None)
    path = write(tmp_path, body)
    head = template.read_head(path)
    with private_database() as con:
        create_raw(con, "_tw_raw")
        assert template_sql.load(con, "_tw_raw", path, head, limits) is False
        sql = con.execute("SELECT count(*) FROM _tw_raw").fetchall()[0][0]
    assert sql == 0


def test_within_the_limits_exactly_is_read(tmp_path):
    path = write(tmp_path, "a,b,2019,1,个,1234\n")
    head = template.read_head(path)
    with private_database() as con:
        create_raw(con, "_tw_raw")
        assert template_sql.load(con, "_tw_raw", path, head, Limits(max_chars_per_cell=4, max_rows=1,
                                                                   max_cells_per_row=6))
        assert con.execute("SELECT row_number, location, notes, raw_content FROM _tw_raw").fetchall() == [
            (3, "line 3", "1234", "a,b,2019,1,个,1234")]


CELL = st.text(alphabet=st.sampled_from(list('ab1 ,"\u3000\t.万-')), max_size=6)
LINE = st.lists(CELL, max_size=9).map(lambda cells: ",".join(cells))


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, max_size=12), ending=st.sampled_from(["\n", "\r\n"]), last=st.booleans())
def test_same_as_the_streaming_reader_whenever_it_reads_the_file(tmp_path, lines, ending, last):
    """Any mix of quotes, commas, spaces and blank lines: the SQL reading equals the streamed one, or hands it back."""
    path = write(tmp_path, ending.join(lines) + (ending if last else ""))
    sql, streamed = both(path)
    if not any('"' in line for line in lines):
        assert sql is not None  # without quotes every line is one record: never handed back
    if sql is not None:
        for a, b in zip(sql, streamed, strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_a_failure_inside_duckdb_hands_the_file_back_with_nothing_written(tmp_path, monkeypatch):
    """A fake: the rejects cannot be written after the rows were. The rows are taken back and the file handed back."""
    path = write(tmp_path, "gansu,maker_spaces,2019,1523,个,\ngansu,maker_spaces,2019,1,个,,wide\n")
    head = template.read_head(path)
    calls = []

    class Failing:
        def __init__(self, con):
            self.con = con

        def __getattr__(self, name):
            return getattr(self.con, name)

        def execute(self, sql, *args):
            if "_rejected" in sql and sql.lstrip().startswith("INSERT"):
                calls.append(sql)
                raise duckdb.IOException("disk full (a fake)")
            return self.con.execute(sql, *args)

    with private_database() as con:
        create_raw(con, "_tw_raw")
        assert template_sql.load(Failing(con), "_tw_raw", path, head, DEFAULT_LIMITS) is False
        assert calls and con.execute("SELECT count(*) FROM _tw_raw").fetchall() == [(0,)]


# --- many files in one scan (template_sql.Scan) ----------------------------------------------------------------

SIX = "jurisdiction,indicator,year,value,unit,notes"
BODIES = {  # name -> (header line, body): two header layouts, comments of different lengths, quotes, wide rows
    "a.csv": (SIX, "gansu,maker_spaces,2019,1523,个,\n\nshanxi,patents,2020, 7 ,件,n\n"),
    "b.csv": (SIX, 'gansu,"a, b",2019,"1,5",个,"q ""x"""\nx,y,2019,1,个,,wide\n'),
    "c.csv": ("unit,value,year,indicator,jurisdiction", "个,1,2019,maker_spaces,gansu\n件,2,2020,patents,shanxi\n"),
    "d.csv": (SIX, ",,,,,\n   \ngansu,m,2021,3,个\r\n"),
    "e.csv": (SIX, ""),  # a header only
}


def _files(tmp_path: Path, bodies: dict[str, tuple[str, str]]) -> list[Path]:
    paths = []
    for i, (name, (header, body)) in enumerate(bodies.items()):
        path = tmp_path / name
        path.write_text("# data: synthetic\n" + "# a comment\n" * i + header + "\n" + body, encoding="utf-8")
        paths.append(path)
    return paths


def _alone(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    with private_database() as con:
        create_raw(con, "_tw_raw")
        return _tables(con) if template_sql.load(con, "_tw_raw", path, template.read_head(path), limits) else None


def _scanned(paths: list[Path], limits: Limits = DEFAULT_LIMITS, *, spoil=None, **chunking):
    """Each file's tables as `Scan` gives them (or None when handed back), and the number of DuckDB scans made."""
    out = {}
    with private_database() as con:
        create_raw(con, "_tw_raw")
        scan = template_sql.Scan(con, limits, **chunking)
        scan.plan(paths)
        if spoil:
            spoil()
        for path in paths:
            read = scan.load("_tw_raw", path, scan.head(path))
            part = scan.part(path)
            assert (part is not None) == (read and scan.defer)
            if part is not None:  # deferred: the rows are still in the chunk, the raw tables empty until moved
                assert _tables(con)[0].empty and _tables(con)[1].empty
                for suffix, source in zip(("", "_rejected"), part, strict=True):
                    con.execute(f"INSERT INTO _tw_raw{suffix} SELECT * FROM {source}")
                scan.done(path)
            out[path.name] = _tables(con) if read else None
            if read:  # the counts the scan hands on are the raw tables'
                assert scan.taken.pop(path) == tuple(len(t) for t in out[path.name])
            else:
                assert path not in scan.taken
            con.execute("DELETE FROM _tw_raw")
            con.execute("DELETE FROM _tw_raw_rejected")
        scan.close()
        left = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_tw_scan%'").fetchall()
    assert left == [(0,)]  # every group's table dropped
    return out, scan.scans


def test_one_scan_per_layout_gives_each_file_its_own_reading(tmp_path):
    paths = _files(tmp_path, BODIES)
    scanned, scans = _scanned(paths)
    assert scans == 2  # two header layouts, one scan each
    for path in paths:
        alone, streamed = _alone(path), both(path)[1]
        for a, b, c in zip(scanned[path.name], alone, streamed, strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)
            pd.testing.assert_frame_equal(a, c, check_exact=True)
    rows, rejected = scanned["b.csv"]
    assert rows["row_number"].tolist() == [4] and rows["notes"].tolist() == ['q "x"']
    assert rejected[["row_number", "reason"]].values.tolist() == [[5, "line 5 has 7 cells, the header has 6"]]
    assert scanned["c.csv"][0][["jurisdiction_raw", "value_raw", "row_number"]].values.tolist() == [
        ["gansu", "1", 5], ["shanxi", "2", 6]]
    assert scanned["d.csv"][0]["location"].tolist() == ["line 8"]
    assert len(scanned["e.csv"][0]) == 0


def test_chunks_bound_a_scan(tmp_path):
    paths = _files(tmp_path, BODIES)
    scanned, scans = _scanned(paths, chunk_files=2)
    assert scans == 3  # the four files of the first layout in two chunks, the other layout in one
    for path in paths:
        for a, b in zip(scanned[path.name], _alone(path), strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_a_file_the_scan_cannot_take_is_handed_back_alone(tmp_path):
    """A record spanning lines, a bare CR, a NUL, or a file over a limit: that file alone goes to the streaming
    reader; the others of its group are read by the one scan."""
    bodies = dict(BODIES) | {
        "f.csv": (SIX, 'gansu,"two\nlines",2019,1,个,\n'),
        "g.csv": (SIX, "gansu,m,2019,1,个,\rx,y,2020,2,件,\n"),
        "h.csv": (SIX, "gansu,m,2019,1,个,\x00\n"),
        "i.csv": (SIX, "a,b,2019,1,个,\n" * 3),
    }
    paths = _files(tmp_path, bodies)
    limits = Limits(max_rows=2)
    scanned, scans = _scanned(paths, limits)
    assert scans == 2
    assert {n for n, t in scanned.items() if t is None} == {"f.csv", "g.csv", "h.csv", "i.csv"}
    for path in paths:
        alone = _alone(path, limits)
        assert (alone is None) == (scanned[path.name] is None)
        for a, b in zip(scanned[path.name] or (), alone or (), strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_a_bad_file_does_not_sink_its_group(tmp_path):
    """A file whose bytes went bad after it was planned (DuckDB refuses the whole scan: not UTF-8): the group is
    read again one file at a time; the bad file is handed back (the streaming reader names it), the others read."""
    paths = _files(tmp_path, BODIES)
    expected = {p.name: _alone(p) for p in paths}

    def spoil():
        paths[1].write_bytes(paths[1].read_bytes() + b"x,y,2019,\xff\xfe,\n")

    scanned, scans = _scanned(paths, spoil=spoil)
    assert scans == 1 + 4 + 1  # the failed group scan, its four files alone, the other layout
    assert scanned["b.csv"] is None
    for name in ("a.csv", "c.csv", "d.csv", "e.csv"):
        for a, b in zip(scanned[name], expected[name], strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)


@pytest.mark.parametrize("chunk_files", [2, 256])
def test_a_deferred_scan_gives_each_file_the_rows_it_put_in_the_raw_table(tmp_path, chunk_files):
    """Ingestion moves a scanned file's rows from its chunk straight to the pending tables (`Scan(defer=True)`,
    `part`): the same rows, in the same order, as the scan put in the raw table; every chunk dropped after."""
    paths = _files(tmp_path, BODIES)
    direct, scans = _scanned(paths, chunk_files=chunk_files)
    deferred, deferred_scans = _scanned(paths, chunk_files=chunk_files, defer=True)
    assert scans == deferred_scans and direct.keys() == deferred.keys()
    for name, tables in direct.items():
        assert (tables is None) == (deferred[name] is None)
        for a, b in zip(tables or (), deferred[name] or (), strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)
