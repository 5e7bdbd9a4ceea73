"""The normaliser's per-spelling maps (`_lookup`): each distinct spelling once, in SQL where it can, else in Python."""

from __future__ import annotations

import duckdb

from targetwatch.reports.normalise import _PLAIN, _lookup, _value


def test_lookup_maps_each_distinct_spelling_once_plain_numbers_in_sql():
    seen: list[str | None] = []

    def parse(raw: str | None) -> tuple[str | None, str | None]:
        seen.append(raw)
        return _value(raw)

    with duckdb.connect() as con:
        con.execute("CREATE TABLE r AS SELECT unnest(['1,200', '1.3万', '1,200', ' 7 ', NULL, '1.3万', 'x']) "
                    "AS value_raw")
        table = _lookup(con, "r", "value_raw", parse, ["num", "error"], ["VARCHAR", "VARCHAR"],
                        sql={"num": "regexp_replace(raw, '[,\\s]', '', 'g')", "error": "NULL"}, where=_PLAIN)
        rows = con.execute(f"SELECT raw, raw_repr, num, error FROM {table} ORDER BY raw NULLS FIRST").fetchall()
        leftovers = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                [f"{table}_raw"]).fetchall()[0][0]
    # the plain numbers never meet Python; the others meet it once each, however many rows share them
    assert sorted(seen, key=str) == sorted([None, "1.3万", "x"], key=str)
    assert rows == [
        (None, "''", None, "value is missing (empty or a missing mark such as — or …)"),
        (" 7 ", "' 7 '", "7", None),
        ("1,200", "'1,200'", "1200", None),
        ("1.3万", "'1.3万'", "13000.0", None),
        ("x", "'x'", None, "value 'x' is not a number"),
    ]
    assert leftovers == 0
