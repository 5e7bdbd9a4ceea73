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
from targetwatch.reports import template, template_sql
from targetwatch.reports.normalise import append_raw, create_raw

EXAMPLES = int(os.environ.get("TARGETWATCH_HYPOTHESIS_EXAMPLES", "0")) or 60
HEAD = "# data: synthetic\njurisdiction,indicator,year,value,unit,notes\n"


def _tables(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The raw rows and the reader's rejects in their order (`_seq` orders them; its values are the reader's own)."""
    return (con.execute("SELECT * EXCLUDE (_seq) FROM _tw_raw ORDER BY _seq").df(),
            con.execute("SELECT * EXCLUDE (_seq) FROM _tw_raw_rejected ORDER BY _seq").df())


def both(path: Path, limits: Limits = DEFAULT_LIMITS):
    """(the SQL reading's tables or None when it hands the file back, the streaming reader's tables)."""
    head = template.read_head(path)
    with duckdb.connect() as con:
        create_raw(con, "_tw_raw")
        sql = _tables(con) if template_sql.load(con, "_tw_raw", path, head, limits) else None
    with duckdb.connect() as con:
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
    with duckdb.connect() as con:
        create_raw(con, "_tw_raw")
        assert template_sql.load(con, "_tw_raw", path, head, limits) is False
        sql = con.execute("SELECT count(*) FROM _tw_raw").fetchall()[0][0]
    assert sql == 0


def test_within_the_limits_exactly_is_read(tmp_path):
    path = write(tmp_path, "a,b,2019,1,个,1234\n")
    head = template.read_head(path)
    with duckdb.connect() as con:
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

    with duckdb.connect() as con:
        create_raw(con, "_tw_raw")
        assert template_sql.load(Failing(con), "_tw_raw", path, head, DEFAULT_LIMITS) is False
        assert calls and con.execute("SELECT count(*) FROM _tw_raw").fetchall() == [(0,)]
