"""The figures the large dashboards' data files show, read a batch of series at a time.

A national site shows about 660,000 figures; read whole into pandas (and turned into JSON columns at once) they were
the largest part of the dashboards step's memory. The large layout (targetwatch.render.large_site) asks a figure
source for the series of one batch of jurisdictions at a time instead, and lets them go when the batch's data files
are written:

    WarehouseFigures   the figures stay in the warehouse; each batch is one DuckDB query through Arrow
                       (read_site_data hands it to the pipeline's dashboards, the connection open while they build)
    FrameFigures       the figures of a SiteData's observations frame (a SiteData built from frames: tests)

Both give the same rows in the same order: a series' figures by year, release date and file (missing first), then in
the table's order; each figure with `n_values` (site_data.observation_revisions over its whole series).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from targetwatch.db_schema import columns_of
from targetwatch.frames import arrow_frame
from targetwatch.render.page import json_values
from targetwatch.render.site_data import observation_revisions

Key = tuple[str, str]  # (jurisdiction, indicator): a series
FIGURE_SORT: tuple[str, ...] = ("jurisdiction", "indicator", "year", "release_date", "source_file")
TEXT_COLUMNS: tuple[str, ...] = ("source_title", "source_ref")  # numbered once for the whole site (_common.js)


def _with_revisions(fig: pd.DataFrame) -> pd.DataFrame:
    rev = observation_revisions(fig.drop(columns=[c for c in ("n_values", "revised") if c in fig]))
    return fig.assign(n_values=fig["observation_id"].map(dict(zip(rev["observation_id"], rev["n_values"],
                                                                   strict=True))))


def _first_seen(fig: pd.DataFrame) -> list[str]:
    """The distinct texts of TEXT_COLUMNS in order of first appearance, the first column's before the second's."""
    out: dict[str, None] = {}
    for c in TEXT_COLUMNS:
        if c in fig:
            out |= dict.fromkeys(str(v) for v in fig[c] if v is not None and not (isinstance(v, float) and v != v))
    return list(out)


class FrameFigures:
    """The figures of an observations frame (every row of it is held already)."""

    def __init__(self, observations: pd.DataFrame) -> None:
        self.obs = observations
        self.keys = pd.Series(list(zip(observations["jurisdiction"], observations["indicator"], strict=True)),
                              index=observations.index, dtype=object)

    def present(self) -> set[Key]:
        return set(self.keys)

    def _needed(self, needed: Iterable[Key]) -> pd.DataFrame:
        fig = self.obs[self.keys.isin(set(needed)).to_numpy()]
        cols = [c for c in FIGURE_SORT if c in fig]
        return fig.sort_values(cols, na_position="first", kind="stable")

    def files(self, needed: Iterable[Key]) -> set[str]:
        return set(self._needed(needed)["source_file"].dropna())

    def texts(self, needed: Iterable[Key]) -> list[str]:
        return _first_seen(self._needed(needed))

    def positions(self, needed: Iterable[Key], ids: Iterable[str]) -> dict[str, int]:
        """observation id -> its row within its series, for the figures of `needed` among `ids`."""
        fig = self._needed(needed)
        pos = fig.groupby(["jurisdiction", "indicator"], sort=False, dropna=False).cumcount()
        wanted = set(ids)
        return {o: int(p) for o, p in zip(fig["observation_id"], pos, strict=True) if o in wanted}

    def read(self, keys: Iterable[Key]) -> pd.DataFrame:
        return _with_revisions(self._needed(keys))

    def position_columns(self, needed: Iterable[Key], ids: dict[str, pa.Array]) -> dict[str, pa.Array]:
        return _positions_by_dict(self.positions(needed, _ids_of(ids)), ids)

    def fetch(self, keys: Iterable[Key]) -> Fetched:
        """The figures of `keys`, held for batch_figures."""
        return Fetched(frame=self.read(keys))


class WarehouseFigures:
    """The figures in the warehouse's `observations` table (the columns `columns` of it), queried per batch."""

    def __init__(self, con, columns: tuple[str, ...]) -> None:
        self.con = con
        have = columns_of(con, "observations")
        self.columns = [c for c in columns if c in have]
        self.order = ", ".join(f'"{c}" NULLS FIRST' for c in FIGURE_SORT if c in have) + ", rowid"

    def present(self) -> set[Key]:
        return set(self.con.execute("SELECT DISTINCT jurisdiction, indicator FROM observations").fetchall())

    def _query(self, keys: Iterable[Key], sql: str, *, frame: bool = True) -> Any:
        """The result of `sql` on the figures of `keys` as a pandas frame (arrow_frame), or with `frame=False` as the
        Arrow table (no pandas: the data files' columns are Python lists, read from it once)."""
        keys = sorted(set(keys))
        series = pa.table({"j": pa.array([k[0] for k in keys], pa.string()),
                           "i": pa.array([k[1] for k in keys], pa.string())})
        self.con.register("_tw_series", series)
        try:
            sql = sql.format(where="(jurisdiction, indicator) IN (SELECT (j, i) FROM _tw_series)", order=self.order)
            return arrow_frame(self.con, sql) if frame else self.con.sql(sql).arrow().read_all()
        finally:
            self.con.unregister("_tw_series")

    def files(self, needed: Iterable[Key]) -> set[str]:
        got = self._query(needed, "SELECT DISTINCT source_file FROM observations WHERE {where}")
        return set(got["source_file"].dropna())

    def texts(self, needed: Iterable[Key]) -> list[str]:
        parts = [f"SELECT {n} AS col, CAST({c} AS VARCHAR) AS t, min(r) AS first FROM f WHERE {c} IS NOT NULL "
                 "GROUP BY ALL" for n, c in enumerate(TEXT_COLUMNS) if c in self.columns]
        if not parts:
            return []
        got = self._query(needed, "WITH f AS (SELECT *, row_number() OVER (ORDER BY {order}) AS r FROM observations "
                                  "WHERE {where}) " + " UNION ALL ".join(parts) + " ORDER BY col, first")
        return list(dict.fromkeys(got["t"]))

    def positions(self, needed: Iterable[Key], ids: Iterable[str]) -> dict[str, int]:
        got = self._query(needed, "SELECT observation_id, row_number() OVER (PARTITION BY jurisdiction, indicator "
                                  "ORDER BY {order}) - 1 AS p FROM observations WHERE {where}", frame=False)
        wanted = set(ids)  # the Arrow columns as lists: no pandas frame, no numpy scalar per figure
        return {o: p for o, p in zip(got["observation_id"].to_pylist(), got["p"].to_pylist(), strict=True)
                if o in wanted}

    def position_columns(self, needed: Iterable[Key], ids: dict[str, pa.Array]) -> dict[str, pa.Array]:
        """`positions` of each column of observation ids in `ids` (a missing or empty id, or one outside `needed`:
        missing), as Arrow integer columns in their order: joined in DuckDB, not a dict of every needed figure and
        a lookup per id in Python (a national site's per-year rows hold about 3 million ids)."""
        if not ids:
            return {}
        names = list(ids)
        n = len(ids[names[0]])
        self.con.register("_tw_ids", pa.table({f"c{k}": ids[c] for k, c in enumerate(names)}
                                              | {"_i": pa.array(np.arange(n, dtype=np.int64))}))
        try:
            joins = " ".join(f"LEFT JOIN p AS p{k} ON p{k}.observation_id = _tw_ids.c{k} AND _tw_ids.c{k} <> ''"
                             for k in range(len(names)))
            picked = ", ".join(f"p{k}.p AS c{k}" for k in range(len(names)))
            got = self._query(needed, "WITH p AS (SELECT observation_id, max(p) AS p FROM (SELECT observation_id, "
                                      "row_number() OVER (PARTITION BY jurisdiction, indicator ORDER BY {order}) - 1 "
                                      "AS p FROM observations WHERE {where}) GROUP BY observation_id) "
                                      f"SELECT {picked} FROM _tw_ids {joins} ORDER BY _tw_ids._i", frame=False)
        finally:
            self.con.unregister("_tw_ids")
        return {c: got[f"c{k}"].combine_chunks() for k, c in enumerate(names)}

    def read(self, keys: Iterable[Key]) -> pd.DataFrame:
        picked = ", ".join(f'"{c}"' for c in self.columns)
        return _with_revisions(self._query(keys, f"SELECT {picked} FROM observations WHERE {{where}} "
                                                 "ORDER BY {order}"))

    def fetch(self, keys: Iterable[Key]) -> Fetched:
        """The figures of `keys` read from the warehouse now, for batch_figures later (no connection needed then: a
        forked process converts them, fork_pair). In one Arrow table: `n_values` counted by DuckDB over each
        figure's (jurisdiction, indicator, year, period) as observation_revisions counts it (distinct values, NaN and
        NULL not counted, a missing period a group of its own); the columns are made Python lists straight from
        Arrow (no pandas frame: its conversion and the per-column json_values were most of the batch's time). The
        same batch: tests/targetwatch/test_site_reads.py compares the site with the one FrameFigures gives."""
        needed = {"observation_id", "jurisdiction", "indicator", "year", "value", "period_type", "source_file",
                  "location", "release_date"}
        if not needed <= set(self.columns) or "n_values" in self.columns:
            return Fetched(frame=self.read(keys))
        # n_values by a GROUP BY joined back (a NULL key part matching a NULL: IS NOT DISTINCT FROM), not a window
        # count(DISTINCT …) OVER: the same table (session 20: 24 national batches 2.32-2.53 against 2.81-3.07 CPU s)
        picked = ", ".join(f'"{c}"' for c in self.columns)
        group = ("jurisdiction", "indicator", "year", "period_type")
        on = " AND ".join(f'n."{c}" IS NOT DISTINCT FROM f."{c}"' for c in group)
        selected = ", ".join(f'f."{c}"' for c in self.columns)
        order = ", ".join(f'f."{c}" NULLS FIRST' for c in FIGURE_SORT if c in self.columns) + ", f._rid"
        table = self._query(keys, (
            f"WITH f AS (SELECT rowid AS _rid, {picked} FROM observations WHERE {{where}}), "
            f"n AS (SELECT {', '.join(group)}, count(DISTINCT CASE WHEN isnan(value) THEN NULL ELSE value END) "
            f"AS n_values FROM f GROUP BY ALL) "
            f"SELECT {selected}, n.n_values FROM f JOIN n ON {on} ORDER BY {order}"), frame=False)
        if table["year"].null_count or not pa.types.is_integer(table["year"].type) \
                or not pa.types.is_date(table["release_date"].type):  # as arrow_frame reads them: the frame path
            return Fetched(frame=self.read(keys))
        return Fetched(table=table)


def _ids_of(ids: dict[str, pa.Array]) -> set[str]:
    return {v for a in ids.values() for v in a.to_pylist() if v}


def _positions_by_dict(position: dict[str, int], ids: dict[str, pa.Array]) -> dict[str, pa.Array]:
    """position_columns from `positions`' dict: each id's position, missing where it has none."""
    return {c: pa.array([position.get(v) if v else None for v in a.to_pylist()], pa.int64()) for c, a in ids.items()}


class Fetched:
    """One batch's figures, read: an Arrow table of WarehouseFigures' query, or a frame of the figures (as
    FrameFigures.read gives it). `batch` makes them what batch_figures gives."""

    __slots__ = ("frame", "table")

    def __init__(self, table: pa.Table | None = None, frame: pd.DataFrame | None = None) -> None:
        self.table, self.frame = table, frame

    def batch(self, fields: tuple[str, ...], file_idx: dict[str, int], file_rows: list[list],
              texts: dict[str, int]) -> dict:
        if self.table is not None:
            return _arrow_batch(self.table, fields, file_idx, file_rows, texts)
        return batch_figures(self.frame, fields, file_idx, file_rows, texts)


def _json_list(column: pa.ChunkedArray) -> list:
    """json_values of the column arrow_frame would read (its JSON values): a float NaN or infinity as None, a date
    as its ISO text, and texts, whole numbers and NULLs (None) as they are."""
    if pa.types.is_floating(column.type):
        column = pc.if_else(pc.is_finite(column), column, pa.scalar(None, column.type))
    elif pa.types.is_date(column.type):
        column = pc.cast(column, pa.string())  # YYYY-MM-DD, as json_values writes a midnight timestamp
    elif not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)
              or pa.types.is_integer(column.type) or pa.types.is_null(column.type)):
        return json_values(column.to_pandas())
    return column.to_pylist()


def _arrow_batch(table: pa.Table, fields: tuple[str, ...], file_idx: dict[str, int], file_rows: list[list],
                 texts: dict[str, int]) -> dict:
    """batch_figures of an Arrow table holding the frame's columns (WarehouseFigures.batch)."""
    n = table.num_rows
    columns: list[list] = []
    for name in fields:
        if name == "file":
            columns.append([file_idx.get(v) for v in table["source_file"].to_pylist()])
        elif name in TEXT_COLUMNS and name in table.column_names:
            columns.append([None if v is None else texts.setdefault(str(v), len(texts))
                            for v in _json_list(table[name])])
        elif name in table.column_names:
            columns.append(_json_list(table[name]))
        else:
            columns.append([None] * n)
    # the chart columns as the frame's tolist gives them (a missing value NaN), the release date as days: only its
    # order and whether it is missing are read (chart_rows.reference_points)
    fig_cols: dict[str, Any] = {"value": table["value"].to_numpy().tolist(),
                                "period_type": table["period_type"].to_pylist(),
                                "release_date": pc.cast(table["release_date"], pa.int32()).to_pylist(),
                                "year": table["year"].to_numpy()}
    return _batch(columns, fields, file_rows, table["jurisdiction"].to_pylist(), table["indicator"].to_pylist(),
                  fig_cols)


def batch_figures(fig: pd.DataFrame, fields: tuple[str, ...], file_idx: dict[str, int], file_rows: list[list],
                  texts: dict[str, int]) -> dict:
    """One batch's figures as the data files hold them: `series_rows(columns, first, last)` gives a series'
    figures as rows of `fields` (the file as its number in `file_rows`, a source text as its number in `texts`; an
    id that is `<sha256[:12]>:<location>` and the period type `annual` left out, target-view.js puts them back);
    `series` maps each (jurisdiction, indicator) to its rows' range; `fig_cols` holds the chart columns,
    unconverted."""
    columns: list[list] = []
    for name in fields:
        if name == "file":
            columns.append([file_idx.get(v) for v in fig["source_file"].tolist()])
        elif name in TEXT_COLUMNS and name in fig:
            columns.append([None if v is None else texts.setdefault(str(v), len(texts))
                            for v in json_values(fig[name])])
        elif name in fig:
            columns.append(json_values(fig[name]))
        else:
            columns.append([None] * len(fig))
    fig_cols: dict = {c: fig[c].tolist() for c in ("value", "period_type", "release_date") if c in fig}
    fig_cols["year"] = fig["year"].to_numpy()  # its own dtype: proxies are sorted by it as a frame would be
    return _batch(columns, fields, file_rows, fig["jurisdiction"].tolist(), fig["indicator"].tolist(), fig_cols)


def _batch(columns: list[list], fields: tuple[str, ...], file_rows: list[list], jurisdictions: list,
           indicators: list, fig_cols: dict) -> dict:
    """The batch of batch_figures from its figures' columns (of `fields`), series keys and chart columns."""
    at = {name: i for i, name in enumerate(fields)}
    ids, locs, fnos = columns[at["observation_id"]], columns[at["location"]], columns[at["file"]]
    columns[at["observation_id"]] = [
        None if fno is not None and oid == f"{file_rows[fno][1]}:{loc}" else oid
        for oid, loc, fno in zip(ids, locs, fnos, strict=True)]
    columns[at["period_type"]] = [None if v == "annual" else v for v in columns[at["period_type"]]]
    series: dict[Key, tuple[int, int]] = {}
    for i, key in enumerate(zip(jurisdictions, indicators, strict=True)):
        first, _ = series.get(key, (i, i))
        series[key] = (first, i + 1)

    return {"series": series, "fig_cols": fig_cols, "columns": columns}


def series_rows(columns: list[list], first: int, last: int) -> list[list]:
    """A series' figures as a data file holds them (rows of the batch's `columns`, first to last): made per series,
    not all held at once."""
    return [list(r) for r in zip(*(c[first:last] for c in columns), strict=True)]
