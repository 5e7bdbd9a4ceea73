"""The lineage data files' series written as JSON by DuckDB (targetwatch.render.lineage_series) are byte for byte
the files the Python conversion writes, on the SYNTHETIC warehouse with awkward figures written into it: texts with
quotes, backslashes, line breaks, tabs, U+2028, non-BMP characters and `<`, values NaN, -0.0, infinite, huge and
tiny, missing release dates, an unknown file; and a control character DuckDB would escape in upper-case hex sends
the batch back to the Python conversion."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import targetwatch.render.lineage_series as lineage_series
import targetwatch.render.lineage_site as lineage_site
from targetwatch.render.quality_report import build_quality_report

_AWKWARD = [  # (column, value) written into successive figures
    ("raw_content", 'a "quoted", back\\slash\nline\ttab\r\x08\x0c end'),
    ("raw_content", "\u2028\u2029 😀 </script> <b> 中文“引号”"),
    ("location", "\x00\x01\x19 digits only"),
    ("source_title", 'SYNTHETIC "title" \\ 2'),
    ("source_ref", "SYNTHETIC ref\n2"),
    ("source_file", "SYNTHETIC-not-a-report-file.csv"),
    ("value_as_written", "表1 列 1,234"),
]
_VALUES = ["'NaN'", "-0.0", "'Infinity'", "'-Infinity'", "123456789012345678.0", "1234567.891", "0.000012345678",
           "1e-300", "999999.5", "NULL"]


def _awkward(source: Path, target: Path, text: str | None = None) -> Path:
    shutil.copyfile(source, target)
    with duckdb.connect(str(target)) as con:
        ids = [r[0] for r in con.execute(  # figures of the targets' own series: every one is in a data file
            "SELECT DISTINCT o.observation_id FROM observations o JOIN targets t ON t.jurisdiction = o.jurisdiction "
            "AND t.indicator = o.indicator ORDER BY 1").fetchall()]
        assert len(ids) >= len(_AWKWARD) + 2
        for oid, (column, value) in zip(ids, _AWKWARD, strict=False):
            con.execute(f"UPDATE observations SET {column} = $v WHERE observation_id = $o", {"v": value, "o": oid})
        for oid, value in zip(ids[::-1], _VALUES, strict=False):
            con.execute(f"UPDATE observations SET value = CAST({value} AS DOUBLE) WHERE observation_id = $o",
                        {"o": oid})
        con.execute("UPDATE observations SET release_date = NULL WHERE observation_id = $o", {"o": ids[-1]})
        if text is not None:
            con.execute("UPDATE observations SET raw_content = $v WHERE observation_id = $o", {"v": text, "o": ids[-2]})
    return target


def _build(warehouse: Path, site: Path, in_sql: bool, monkeypatch) -> list:
    calls: list = []
    real = lineage_series.series_json

    def spy(*args, **kwargs):
        written = real(*args, **kwargs)
        calls.append(written is not None)
        return written

    monkeypatch.setattr(lineage_site, "SERIES_IN_SQL", in_sql)
    monkeypatch.setattr(lineage_site, "series_json", spy if in_sql else real)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        build_quality_report(con, site)
    return calls


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("control", [None, "a unit separator \x1f and a vertical tab \x0b"])
def test_series_written_by_duckdb_are_the_files_python_writes(synthetic_warehouse, tmp_path, monkeypatch, control):
    warehouse = _awkward(synthetic_warehouse, tmp_path / "warehouse.duckdb", control)
    spy = _build(warehouse, tmp_path / "sql", True, monkeypatch)
    python = _build(warehouse, tmp_path / "python", False, monkeypatch)
    assert python == [] and spy and all(spy) == (control is None)  # a control character: back to Python
    got, expected = _files(tmp_path / "sql"), _files(tmp_path / "python")
    assert list(got) == list(expected)
    for name, data in expected.items():
        assert got[name] == data, name
    data = b"".join(v for k, v in expected.items() if k.startswith("lineage/data/"))
    assert b"\\u2028" not in data and "\u2028".encode() in data and b'\\"quoted\\"' in data and b"\\u003cb>" in data
