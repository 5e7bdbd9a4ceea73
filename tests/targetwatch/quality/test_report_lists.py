"""The quarantine on the auditors' report at any size: counted per file and kind of reason, the first LIST_LIMIT
rows listed, and every row in data/rejected_rows.csv (SYNTHETIC warehouse of tests/targetwatch/quality)."""

from __future__ import annotations

import csv
import re
import shutil

import duckdb

import targetwatch.render.quality_report as quality_report
from targetwatch.render.quality_report import build_quality_report
from tests.targetwatch.quality.synthetic import EVIL


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_quarantined_row_is_in_the_csv_with_its_reason(synthetic_warehouse, tmp_path):
    with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
        build_quality_report(con, tmp_path / "quality", lineage=False)
    rows = _rows(tmp_path / "quality" / "data" / "rejected_rows.csv")
    assert rows == [{"source_file": "b.csv", "sheet": "", "row_number": "6", "location": "line 6",
                     "reason": "unknown unit: '<b>'", "raw_content": EVIL}]
    text = (tmp_path / "quality" / "index.html").read_text(encoding="utf-8")
    assert 'href="data/rejected_rows.csv"' in text
    groups = re.search(r'<table id="rejected-groups">(.*?)</table>', text, re.S).group(1)
    assert groups.count("<tr>") == 2  # the header and one kind of reason
    assert "<td>unknown unit: …</td><td class=\"num\">1</td>" in groups


def test_many_quarantined_rows_are_counted_by_kind_and_listed_up_to_the_limit(synthetic_warehouse, tmp_path,
                                                                              monkeypatch):
    """Five more rows of b.csv for places nobody knows: one kind of reason with 5 rows beside the unit row; the page
    lists LIST_LIMIT = 2 rows, the CSV all 6 in file and row order."""
    warehouse = tmp_path / "w.duckdb"
    shutil.copy(synthetic_warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        for n in range(10, 15):
            con.execute("INSERT INTO rejected_rows (source_file, sheet, row_number, location, raw_content, reason) "
                        "VALUES ('b.csv', NULL, ?, ?, ?, ?)",
                        [n, f"line {n}", f"nowhere-{n},x,2020,1", f"unknown jurisdiction 'nowhere-{n}'"])
    monkeypatch.setattr(quality_report, "LIST_LIMIT", 2)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        build_quality_report(con, tmp_path / "quality", lineage=False)
    rows = _rows(tmp_path / "quality" / "data" / "rejected_rows.csv")
    assert [r["location"] for r in rows] == ["line 6", "line 10", "line 11", "line 12", "line 13", "line 14"]
    text = (tmp_path / "quality" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"\(6\)</h2>", text)
    listed = re.search(r'<table id="rejected-table">(.*?)</table>', text, re.S).group(1)
    assert listed.count("<tr>") == 3  # the header and LIST_LIMIT rows
    groups = re.search(r'<table id="rejected-groups">(.*?)</table>', text, re.S).group(1)
    kinds = re.findall(r"<td>([^<]*)</td><td class=\"num\">(\d+)</td>", groups)
    assert kinds == [("unknown jurisdiction …", "5"), ("unknown unit: …", "1")]
    assert "unknown jurisdiction &#39;nowhere-10&#39;" in groups and "line 10" in groups  # example and first row


def test_rejected_groups_count_per_file_and_kind_with_the_first_row_of_each_kind():
    """Counted per distinct reason, then per kind: the counts, the smallest reason as example and the location of
    the first row (by row number, then location; a row without a number after those with one) of each kind."""
    with duckdb.connect() as con:
        con.execute("CREATE TABLE rejected_rows (source_file VARCHAR, row_number BIGINT, location VARCHAR, "
                    "reason VARCHAR)")
        con.execute("""INSERT INTO rejected_rows VALUES
            ('a.csv', 9, 'line 9', 'unknown jurisdiction ''x-2'''),
            ('a.csv', 4, 'line 4', 'unknown jurisdiction ''x-1'''),
            ('a.csv', 7, 'line 7', 'unknown jurisdiction ''x-1'''),
            ('a.csv', 5, 'line 5', 'year 1800 is not a year'),
            ('a.csv', NULL, 'sheet S', 'unknown jurisdiction ''y'''),
            ('b.csv', NULL, 'B2', 'unknown unit ''吨'''),
            ('b.csv', NULL, 'A7', 'unknown unit ''斤''')""")
        groups = quality_report.rejected_groups(con)
    assert groups == [
        {"source_file": "a.csv", "reason_kind": "unknown jurisdiction …", "n": 4,
         "example": "unknown jurisdiction 'x-1'", "first_location": "line 4"},
        {"source_file": "a.csv", "reason_kind": "year # is not a year", "n": 1,
         "example": "year 1800 is not a year", "first_location": "line 5"},
        {"source_file": "b.csv", "reason_kind": "unknown unit …", "n": 2,
         "example": "unknown unit '吨'", "first_location": "A7"},
    ]


def test_the_report_builds_with_the_collector_paused_and_resumes_it(synthetic_warehouse, tmp_path, monkeypatch):
    import gc

    seen: list[bool] = []
    write_lineage = quality_report.write_lineage

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return write_lineage(*args, **kwargs)

    monkeypatch.setattr(quality_report, "write_lineage", spy)
    was = gc.isenabled()
    gc.enable()
    try:
        with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
            pages = build_quality_report(con, tmp_path / "quality")
        assert seen == [False]  # the lineage (millions of containers nationally) is built with the collector paused
        assert gc.isenabled()
        assert any(p.name == "view.html" for p in pages)
    finally:
        (gc.enable if was else gc.disable)()
