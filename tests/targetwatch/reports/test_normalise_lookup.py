"""The normaliser's per-spelling maps (targetwatch.reports.lookups): each distinct spelling once, in SQL where it can,
else in Python; every map's Python spellings read by one statement."""

from __future__ import annotations

import duckdb

from targetwatch.reports.lookups import Lookup, python_spellings
from targetwatch.reports.normalise import _PLAIN, _value, _year


def test_lookup_maps_each_distinct_spelling_once_plain_numbers_in_sql():
    seen: list[str | None] = []

    def parse(raw: str | None) -> tuple[str | None, str | None]:
        seen.append(raw)
        return _value(raw)

    value = Lookup("value_raw", parse, ("num", "error"), ("VARCHAR", "VARCHAR"),
                   sql={"num": "regexp_replace(raw, '[,\\s]', '', 'g')", "error": "NULL"}, where=_PLAIN)
    year = Lookup("year_raw", _year, ("year",), ("DOUBLE",))
    with duckdb.connect() as con:
        con.execute("CREATE TABLE r AS SELECT unnest(['1,200', '1.3万', '1,200', ' 7 ', NULL, '1.3万', 'x']) "
                    "AS value_raw, unnest(['2020', '2020年', '2020', NULL, NULL, 'x', '2021']) AS year_raw")
        value_spellings, year_spellings = python_spellings(con, "r", [value, year])
        params: dict[str, object] = {}
        select = value.select("r", value_spellings, params, "v_")
        rows = con.execute(f"SELECT raw, raw_repr, num, error FROM ({select}) ORDER BY raw NULLS FIRST",
                           params).fetchall()
        year_params: dict[str, object] = {}
        years = con.execute(f"SELECT raw, raw_repr, year FROM ({year.select('r', year_spellings, year_params, 'y_')})"
                            " ORDER BY raw NULLS FIRST", year_params).fetchall()
        tables = con.execute("SELECT count(*) FROM information_schema.tables").fetchall()[0][0]
    # the plain numbers never meet Python; the others meet it once each, however many rows share them
    assert sorted(seen, key=str) == sorted([None, "1.3万", "x"], key=str)
    assert rows == [
        (None, "''", None, "value is missing (empty or a missing mark such as — or …)"),
        (" 7 ", "' 7 '", "7", None),
        ("1,200", "'1,200'", "1200", None),
        ("1.3万", "'1.3万'", "13000.0", None),
        ("x", "'x'", None, "value 'x' is not a number"),
    ]
    # a map without SQL expressions: every distinct spelling meets Python once
    assert sorted(year_spellings, key=str) == sorted([None, "2020", "2020年", "2021", "x"], key=str)
    assert years == [(None, "''", None), ("2020", "'2020'", 2020.0), ("2020年", "'2020年'", 2020.0),
                     ("2021", "'2021'", 2021.0), ("x", "'x'", None)]
    assert tables == 1  # no table of its own: only r
