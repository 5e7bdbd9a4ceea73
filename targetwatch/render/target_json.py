"""Each target's object in the large layout's data files (data/<code>.js), but its charts, as JSON text made by
DuckDB over a whole batch of targets.

Until session 18 every target's object was a Python dict (its display columns with the empty ones left out, its
calculation trail, per-year rows, sources and owners), built target by target and encoded by orjson: at national
scale (115,524 targets) about a sixth of the data files' time. Here the batch's columns are handed to DuckDB as one
Arrow table (floats rounded to the pages' significant digits by numpy first, page.rounded_floats) and one query
writes each target's members as JSON text: `to_json` of each column, `concat_ws` leaving out the empty ones, the
per-year rows as lists aggregated per target, the sources and owners as `json_array`s aggregated from their tables
(registered once). `write_batch` (data_files) puts a target's charts between the two texts.

The text is the dict's orjson text member for member, in the same order (tests/targetwatch/test_target_json.py);
a float of 16 or more integer digits, which DuckDB writes in full (10000000000000000.0), is given orjson's text
(1e+16) by Python (the sentinel gap_sort of a target without figures, -1e+18, on about a third of national targets).

DuckDB runs in a private in-memory database of each process (a forked process, fork_pair, makes its own: a
connection may not cross a fork)."""

from __future__ import annotations

import os

import duckdb
import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from targetwatch.render.page import department_slug, json_values, rounded_floats
from targetwatch.sql_text import sql_text

# A target's members before its charts (HEAD) and after them (TAIL), in the data file's order (target-view.js
# reads them by name). `shown` (the display columns) and "jurisdiction" come first, then these.
TRAIL, YEARS = "trail", "years"
TAIL: tuple[str, ...] = ("sources", "departments", "series", "reference_series", "proxy_series")
# floats of this size or more DuckDB's to_json writes in full (1e16 as 10000000000000000.0) and orjson with an
# exponent (1e+16): those are given orjson's text, in a column of their own (the name's + BIG_SUFFIX)
BIG = 1e16
BIG_SUFFIX = "#big"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _key(name: str) -> str:
    """The SQL literal of a member's opening: '"name":'."""
    return sql_text(orjson.dumps(name).decode() + ":")


class Column:
    """One column of a batch as DuckDB reads it: an Arrow array, or (`raw`) each value's JSON text when Arrow cannot
    hold the column as one type (a column of mixed Python objects)."""

    __slots__ = ("array", "big", "raw")

    def __init__(self, array: pa.Array, raw: bool, big: pa.Array | None = None) -> None:
        # big: orjson's text of each float of 16 or more integer digits (DuckDB writes those in full), else missing
        self.array, self.raw, self.big = array, raw, big

    @classmethod
    def of(cls, values: pd.Series, digits: int | None = 6) -> Column:
        """The column as json_values(values, digits) gives it: floats rounded to `digits` significant digits and
        NaN or infinity missing, times as ISO text, integers, booleans and texts as they are."""
        dtype = values.dtype
        if isinstance(dtype, np.dtype) and dtype.kind == "f":
            a, ok = rounded_floats(values, digits)
            large = np.flatnonzero(ok & (np.abs(np.where(ok, a, 0)) >= BIG))
            big = None
            if len(large):  # orjson's exponent form (-1e+18), as the dicts were written
                texts = np.full(len(a), None, dtype=object)
                texts[large] = [orjson.dumps(v).decode() for v in a[large].tolist()]
                big = pa.array(texts, pa.string())
            return cls(pa.array(a, mask=~ok), False, big)
        if pd.api.types.is_datetime64_any_dtype(dtype):
            return cls(pa.array(json_values(values), pa.string()), False)
        if not (isinstance(dtype, np.dtype) and dtype.kind == "O"):
            try:  # numpy and pandas' nullable integers and booleans
                return cls(pa.Array.from_pandas(values), False)
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                pass
        else:
            try:
                array = pa.Array.from_pandas(values)  # texts, lists of texts; NaN and None missing
                if pa.types.is_string(array.type) or pa.types.is_null(array.type) or (
                        pa.types.is_list(array.type) and pa.types.is_string(array.type.value_type)):
                    return cls(array, False)
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                pass
        return cls(pa.array([None if v is None else orjson.dumps(v).decode() for v in json_values(values)],
                            pa.string()), True)

    def text(self, name: str) -> str:
        """The SQL of the column's JSON text (NULL when missing)."""
        if self.raw:
            return _ident(name)
        text = f"CAST(to_json({_ident(name)}) AS VARCHAR)"
        return text if self.big is None else f"coalesce({_ident(name + BIG_SUFFIX)}, {text})"

    def value(self, name: str) -> str:
        """The SQL of the column as a JSON value inside json_array."""
        return f"json({_ident(name)})" if self.raw else _ident(name)

    def present(self, name: str) -> str:
        """The SQL that is true where the dict kept the value: not missing, not an empty list or object."""
        if self.raw:
            return f"{_ident(name)} IS NOT NULL AND {_ident(name)} NOT IN ('[]', '{{}}')"
        if pa.types.is_list(self.array.type):
            return f"{_ident(name)} IS NOT NULL AND len({_ident(name)}) > 0"
        return f"{_ident(name)} IS NOT NULL"


def _table(columns: dict[str, Column]) -> pa.Table:
    arrays = {n: c.array for n, c in columns.items()}
    return pa.table(arrays | {n + BIG_SUFFIX: c.big for n, c in columns.items() if c.big is not None})


class TargetJson:
    """The objects of the data files' targets, a batch at a time (`objects`), from the tables every batch shares:
    the targets' sources (in source order) and their owning departments (owner_type "target", in the table's
    order), registered once in each process's private database."""

    def __init__(self, sources: pd.DataFrame, owners: pd.DataFrame, shown: list[str]) -> None:
        self.shown = shown
        src = sources.sort_values(["target_id", "source_order"], kind="stable")
        self.sources = {"target_id": Column.of(src["target_id"]), "n": Column(pa.array(np.arange(len(src))), False)}
        self.sources |= {c: Column.of(src[c], None) for c in ("document", "clause", "quote")}
        own = owners[owners["owner_type"] == "target"]
        slugs = {d: department_slug(d) for d in set(own["department"].dropna())}
        self.owners = {"target_id": Column.of(own["target_id"]), "n": Column(pa.array(np.arange(len(own))), False),
                       "department": Column.of(own["department"], None), "role": Column.of(own["role"], None),
                       "slug": Column(pa.array([slugs.get(d) for d in own["department"]], pa.string()), False)}
        self._con: duckdb.DuckDBPyConnection | None = None
        self._pid = 0

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """This process's private database, the shared tables registered (made again after a fork)."""
        if self._con is None or self._pid != os.getpid():
            con = duckdb.connect()
            con.execute("SET threads = 1")  # one batch's query: a few milliseconds of work a thread
            con.register("_tw_sources", _table(self.sources))
            con.register("_tw_owners", _table(self.owners))
            self._con, self._pid = con, os.getpid()
        return self._con

    def close(self) -> None:
        """Let the shared tables and this process's database go (every batch written: the pages after the data
        files need neither)."""
        if self._con is not None and self._pid == os.getpid():  # another process's (a fork's parent's): untouched
            self._con.close()
            self._con = None
        self.sources, self.owners = {}, {}

    def sql(self, columns: dict[str, Column], trail: list[str], years: dict[str, Column]) -> str:
        """The query of `objects`: one row per target of `_tw_batch` (in order `_k`), its head and tail texts."""
        head = [f"CASE WHEN {columns[c].present(c)} THEN {_key(c)} || {columns[c].text(c)} END"
                for c in self.shown]
        head.append(f"CASE WHEN {_ident('jurisdiction')} IS NOT NULL THEN {_key('jurisdiction')} || "
                    f"{columns['jurisdiction'].text('jurisdiction')} END")
        items = ", ".join(f"coalesce({columns[c].text(c)}, 'null')" for c in trail)
        # the trail's values in TRAIL_KEYS order, its trailing missing values left out, none left: no trail
        if trail:
            head.append(f"CASE WHEN t.trail <> '[null]' THEN {_key(TRAIL)} || t.trail END")
        year_items = ", ".join(f"CASE WHEN count({_ident(s)}) > 0 THEN {_key(s)} || CAST(to_json(list({_ident(s)} "
                               f"ORDER BY _n)) AS VARCHAR) END" for s in years)
        head.append(f"CASE WHEN y.inner <> '' THEN {_key(YEARS)} || '{{' || y.inner || '}}' END")
        src = ", ".join(self.sources[c].value(c) for c in ("document", "clause", "quote"))
        own = ", ".join(self.owners[c].value(c) for c in ("department", "role", "slug"))
        tail = [f"CASE WHEN s.list IS NOT NULL THEN {_key('sources')} || s.list END",
                f"CASE WHEN o.list IS NOT NULL THEN {_key('departments')} || o.list END"]
        tail += [f"CASE WHEN {columns[c].present(c)} THEN {_key(c)} || {columns[c].text(c)} END"
                 for c in ("series", "reference_series", "proxy_series")]
        years_cte = (f"SELECT _k, concat_ws(',', {year_items}) AS inner FROM _tw_years GROUP BY _k" if years else
                     "SELECT NULL::BIGINT AS _k, '' AS inner WHERE false")
        trail_sql = f"regexp_replace('[' || concat_ws(',', {items}) || ']', '(,null)+\\]$', ']')" if trail else "NULL"
        return (
            f"WITH t AS (SELECT *, {trail_sql} AS trail FROM _tw_batch), "
            f"y AS ({years_cte}), "
            f"s AS (SELECT target_id, '[' || string_agg(CAST(json_array({src}) AS VARCHAR), ',' ORDER BY n) || ']' "
            f"AS list FROM _tw_sources WHERE target_id IN (SELECT target_id FROM _tw_batch) GROUP BY target_id), "
            f"o AS (SELECT target_id, '[' || string_agg(CAST(json_array({own}) AS VARCHAR), ',' ORDER BY n) || ']' "
            f"AS list FROM _tw_owners WHERE target_id IN (SELECT target_id FROM _tw_batch) GROUP BY target_id) "
            f"SELECT concat_ws(',', {', '.join(head)}) AS head, concat_ws(',', {', '.join(tail)}) AS tail "
            f"FROM t LEFT JOIN y ON y._k = t._k LEFT JOIN s ON s.target_id = t.target_id "
            f"LEFT JOIN o ON o.target_id = t.target_id ORDER BY t._k"
        )

    def objects(self, columns: dict[str, Column], trail: list[str], years: dict[str, Column],
                year_of: np.ndarray) -> tuple[list[bytes], list[bytes]]:
        """(heads, tails) of the batch's targets, in order: each the JSON text of its members ("" for none)
        before the charts (the `shown` columns with values, jurisdiction, trail, years) and after them (sources,
        departments, series, reference_series, proxy_series). `columns` holds target_id, every shown and trail
        column, jurisdiction and the three series columns; `years` the batch's per-year columns (YEAR_KEYS'
        short names), row i belonging to the batch's target `year_of[i]`, in their order."""
        con = self._connection()
        n = len(columns["target_id"].array)
        batch = _table(columns).append_column("_k", pa.array(np.arange(n, dtype=np.int64)))
        yrs = _table(years).append_column("_k", pa.array(year_of, pa.int64())).append_column(
            "_n", pa.array(np.arange(len(year_of), dtype=np.int64)))
        con.register("_tw_batch", batch)
        con.register("_tw_years", yrs)
        try:
            got = con.sql(self.sql(columns, trail, years)).arrow().read_all()
        finally:
            con.unregister("_tw_batch")
            con.unregister("_tw_years")
        return (pc.cast(got["head"], pa.binary()).to_pylist(),  # UTF-8 bytes, as the data file is written
                pc.cast(got["tail"], pa.binary()).to_pylist())


def series_columns(own: list, ref: list, proxy: list) -> dict[str, Column]:
    """The batch's series, reference_series and proxy_series columns ("jurisdiction|indicator"; a target with none
    of a kind missing) from its keys."""
    return {"series": Column(pa.array(["|".join(k) if k else None for k in own], pa.string()), False),
            "reference_series": Column(pa.array(["|".join(k) if k else None for k in ref], pa.string()), False),
            "proxy_series": Column(pa.array([["|".join(k) for k in ks] if ks else None for ks in proxy],
                                            pa.list_(pa.string())), False)}
