"""The lineage data files' series written as JSON by DuckDB (targetwatch.render.lineage_site).

A data file's `series` holds each series' figures as arrays of FIGURE_FIELDS (about 45% of the national report's
494 MB). They were made Python values a column at a time, put together as a tuple per figure, then encoded by orjson
in every file that names the series. Here DuckDB writes each figure's array (`json_array`, compact, UTF-8 as orjson
writes it) in the batch's query, numpy cuts the rows into series, and each series goes into the data files as its
JSON text (page.Encoded, spliced in by dump_js): no Python value per cell.

What Python still decides, once per distinct value and handed to DuckDB as small tables: a figure's value as the
report writes it (lineage_site.audit_texts), its file's number in the report's list, and the source title's and
reference's numbers in the common texts, given in order of first appearance (the source titles of the batch first,
then its references, as the column-at-a-time conversion numbered them).

Only where DuckDB's JSON is orjson's: the columns' types are those the warehouse writes (text, whole numbers, a date
or a time without a zone for the release, a list of texts for the failed checks; a column a warehouse lacks is
NULL), no release year outside 1000..9999 (whose text pandas writes otherwise), and no control character that DuckDB
escapes with upper-case hex (`\\u001F`, orjson `\\u001f`). Otherwise `series_json` returns None and the caller
converts the batch as before (both ways give the same bytes: tests/targetwatch/quality/test_lineage_series.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from targetwatch.render.lineage_runs import runs
from targetwatch.render.page import Encoded

_WHOLE = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "NULL"}
_TEXT = {"VARCHAR", "NULL"}
# The type each figure field may have for DuckDB to write it (others: the fields made in SQL below).
_TYPES: dict[str, set[str]] = {
    "k": {"VARCHAR"}, "year": _WHOLE, "value": {"DOUBLE"},
    "release_date": {"DATE", "TIMESTAMP", "TIMESTAMP_NS", "NULL"},
    "row_number": _WHOLE, "char_start": _WHOLE, "char_end": _WHOLE, "checks_failed": {"VARCHAR[]", "NULL"},
}
_UPPER_HEX = re.compile(rb"\\u00(?:0[BEF]|1[A-F])")  # an escape orjson writes in lower case


def series_json(con: duckdb.DuckDBPyConnection, select: str, params: dict, fields: tuple[str, ...],
                file_index: dict[str, int], texts: dict[str, int],
                audit_texts: Callable[[np.ndarray], list[str]]) -> dict[str, Encoded] | None:
    """series key -> the JSON array of its figures (each an array of `fields`), from `select` (the batch's figures
    with their key `k`, in the series' order); `texts` gains the batch's new source titles and references. None,
    with `texts` unchanged, when DuckDB's JSON would not be orjson's (see the module's docstring)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_fig AS {select}", params)
    try:
        return _series_json(con, fields, file_index, texts, audit_texts)
    finally:
        con.execute("DROP TABLE IF EXISTS _tw_fig")


def _series_json(con: duckdb.DuckDBPyConnection, fields: tuple[str, ...], file_index: dict[str, int],
                 texts: dict[str, int], audit_texts: Callable[[np.ndarray], list[str]]) -> dict[str, Encoded] | None:
    types = {name: str(kind).strip('"') for name, kind, *_ in con.execute("DESCRIBE _tw_fig").fetchall()}
    if any(types.get(f) not in _TYPES.get(f, _TEXT) for f in ("k", "source_file", *fields) if f != "file"):
        return None
    if types.get("release_date") != "NULL" and con.execute(
            "SELECT count(*) FROM _tw_fig WHERE year(release_date) NOT BETWEEN 1000 AND 9999").fetchall()[0][0]:
        return None
    values = np.asarray([v for (v,) in con.execute(
        "SELECT DISTINCT value FROM _tw_fig WHERE value IS NOT NULL AND NOT isnan(value)").fetchall()],
        dtype="float64") if types.get("value") == "DOUBLE" else np.zeros(0)
    new = [t for (t,) in con.execute("""
        SELECT t FROM (SELECT source_title AS t, min(rowid) AS p, 0 AS c FROM _tw_fig WHERE source_title IS NOT NULL
                       GROUP BY 1
                       UNION ALL
                       SELECT source_ref, min(rowid), 1 FROM _tw_fig WHERE source_ref IS NOT NULL GROUP BY 1)
        ORDER BY c, p""").fetchall()] if "source_title" in fields else []
    numbered = dict(texts)
    for t in new:
        numbered.setdefault(t, len(numbered))
    # pandas frames, not Arrow tables: a process's first registered Arrow table costs DuckDB about 0.25 CPU s
    con.register("_tw_values", pd.DataFrame({"v": values, "text": pd.Series(audit_texts(values), dtype=object)}))
    con.register("_tw_files", pd.DataFrame({"source_file": pd.Series(list(file_index), dtype=object),
                                            "n": np.asarray(list(file_index.values()), dtype=np.int64)}))
    seen = list(dict.fromkeys(new))
    con.register("_tw_texts", pd.DataFrame({"t": pd.Series(seen, dtype=object),
                                            "n": np.asarray([numbered[t] for t in seen], dtype=np.int64)}))
    try:
        table = con.sql(f"""
            SELECT f.k, json_array({', '.join(_field(name, types[name] if name != "file" else "") for name in fields)})
                ::VARCHAR AS j
            FROM _tw_fig f
            LEFT JOIN _tw_values val ON val.v = f.value
            LEFT JOIN _tw_files fl ON fl.source_file = f.source_file
            LEFT JOIN _tw_texts st ON st.t = f.source_title
            LEFT JOIN _tw_texts sr ON sr.t = f.source_ref
            ORDER BY f.rowid""").arrow().read_all()
    finally:
        for name in ("_tw_values", "_tw_files", "_tw_texts"):
            con.unregister(name)
    starts, _ = runs(table.column("k"))
    if not len(starts):
        return {}
    # each run's rows joined by Arrow (one text per run, no Python string per figure)
    rows = table.column("j").combine_chunks()
    cut = pa.ListArray.from_arrays(pa.array(np.r_[starts, len(rows)], pa.int32()), rows)
    joined = pc.binary_join(cut, ",").cast(pa.binary()).to_pylist()
    keys = table.column("k").take(pa.array(starts)).to_pylist()
    parts: dict[str, list[bytes]] = {}
    for key, text in zip(keys, joined, strict=True):
        parts.setdefault(key, []).append(text)  # a key met in two runs gets both, in order
    out = {key: b"[" + b",".join(p) + b"]" for key, p in parts.items()}
    if any(_UPPER_HEX.search(text) for text in out.values()):
        return None
    texts.update({t: numbered[t] for t in seen if t not in texts})
    return {key: Encoded(text) for key, text in out.items()}


def _field(name: str, kind: str) -> str:
    """A figure field as the array's element: as stored, or made as the Python conversion made it."""
    if kind == "NULL":
        return "NULL"
    if name == "value":
        return "val.text"
    if name == "file":
        return "fl.n"
    if name in ("source_title", "source_ref"):
        return f"{'st' if name == 'source_title' else 'sr'}.n"
    if name == "release_date" and kind == "DATE":
        return "strftime(f.release_date, '%Y-%m-%d')"
    if name == "release_date":  # as page.json_values: the day alone at midnight, else the time to the second
        return ("CASE WHEN f.release_date = date_trunc('day', f.release_date) THEN strftime(f.release_date, "
                "'%Y-%m-%d') ELSE strftime(f.release_date, '%Y-%m-%d %H:%M:%S') END")
    if name == "checks_failed":
        return "CASE WHEN len(f.checks_failed) > 0 THEN f.checks_failed END"
    return f"f.{name}"
