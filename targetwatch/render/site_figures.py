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

import pandas as pd

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


class WarehouseFigures:
    """The figures in the warehouse's `observations` table (the columns `columns` of it), queried per batch."""

    def __init__(self, con, columns: tuple[str, ...]) -> None:
        self.con = con
        have = {c for (c,) in con.execute("SELECT column_name FROM information_schema.columns "
                                          "WHERE table_name = 'observations'").fetchall()}
        self.columns = [c for c in columns if c in have]
        self.order = ", ".join(f'"{c}" NULLS FIRST' for c in FIGURE_SORT if c in have) + ", rowid"

    def present(self) -> set[Key]:
        return set(self.con.execute("SELECT DISTINCT jurisdiction, indicator FROM observations").fetchall())

    def _query(self, keys: Iterable[Key], sql: str) -> pd.DataFrame:
        keys = sorted(set(keys))
        frame = pd.DataFrame({"j": [k[0] for k in keys], "i": [k[1] for k in keys]}, dtype=object)
        self.con.register("_tw_series", frame)
        try:
            return arrow_frame(self.con, sql.format(
                where="(jurisdiction, indicator) IN (SELECT (j, i) FROM _tw_series)", order=self.order))
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
                                  "ORDER BY {order}) - 1 AS p FROM observations WHERE {where}")
        wanted = set(ids)
        return {o: int(p) for o, p in zip(got["observation_id"], got["p"], strict=True) if o in wanted}

    def read(self, keys: Iterable[Key]) -> pd.DataFrame:
        picked = ", ".join(f'"{c}"' for c in self.columns)
        return _with_revisions(self._query(keys, f"SELECT {picked} FROM observations WHERE {{where}} "
                                                 "ORDER BY {order}"))


def batch_figures(fig: pd.DataFrame, fields: tuple[str, ...], file_idx: dict[str, int], file_rows: list[list],
                  texts: dict[str, int]) -> dict:
    """One batch's figures as the data files hold them: `rows(first, last)` gives a series' figures as rows of
    `fields` (the file as its number in `file_rows`, a source text as its number in `texts`; an id that is
    `<sha256[:12]>:<location>` and the period type `annual` left out, target-view.js puts them back); `series` maps
    each (jurisdiction, indicator) to its rows' range; `fig_cols` holds the chart columns, unconverted."""
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
    at = {name: i for i, name in enumerate(fields)}
    ids, locs, fnos = columns[at["observation_id"]], columns[at["location"]], columns[at["file"]]
    columns[at["observation_id"]] = [
        None if fno is not None and oid == f"{file_rows[fno][1]}:{loc}" else oid
        for oid, loc, fno in zip(ids, locs, fnos, strict=True)]
    columns[at["period_type"]] = [None if v == "annual" else v for v in columns[at["period_type"]]]
    series: dict[Key, tuple[int, int]] = {}
    for i, key in enumerate(zip(fig["jurisdiction"].tolist(), fig["indicator"].tolist(), strict=True)):
        first, _ = series.get(key, (i, i))
        series[key] = (first, i + 1)
    fig_cols: dict = {c: fig[c].tolist() for c in ("value", "period_type", "release_date") if c in fig}
    fig_cols["year"] = fig["year"].to_numpy()  # its own dtype: proxies are sorted by it as a frame would be

    def rows(first: int, last: int) -> list[list]:  # made per series (not all held at once)
        return [list(r) for r in zip(*(c[first:last] for c in columns), strict=True)]

    return {"series": series, "fig_cols": fig_cols, "rows": rows}
