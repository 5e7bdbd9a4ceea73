"""The lineage's per-target aggregates, read from the chain table in its own order rather than computed by ordered
aggregates (targetwatch.render.lineage_site).

The chain table (`_tw_chain`) is written sorted by target, own series first, then SERIES_ORDER and the table order
(the `ORDER BY` of its `CREATE TABLE … AS`; DuckDB keeps insertion order, and `ORDER BY rowid` reads the rows back
in it). A target's figures are then one run of rows, its own series' rows first: its vintage letters are a slice of
one string of letters, its count the run's length. DuckDB's `string_agg(… ORDER BY …)` sorted every target's rows
again, and the files' `list(… ORDER BY …)` each target's files (nationally 1.4 of the 2.8 CPU s these aggregates
took): here DuckDB groups and sorts once, and numpy cuts the runs. A target's files are its JSON text, made by
DuckDB and Arrow.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from targetwatch.render.page import Encoded

# A figure's vintage as one letter of a chain's `v` / `rv` (dashboards/static/lineage-view.js reads them).
VINTAGE_CODES: dict[str, str] = {"used": "u", "not_released": "r", "superseded": "s", "not_used": "n"}
# The chain table's order: SERIES_ORDER within each target's own series, then its reference series.
CHAIN_ORDER = "target_id, own_series DESC, year, release_date NULLS FIRST, source_file, observation_id, _row"


def runs(values: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) of each run of equal, non-null values of an Arrow column (the chain table's target
    ids, which are never NULL)."""
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    change = pc.not_equal(values.slice(1), values.slice(0, n - 1)).fill_null(True).to_numpy(zero_copy_only=False)
    starts = np.r_[0, np.flatnonzero(change) + 1].astype(np.int64)
    return starts, np.r_[starts[1:], n].astype(np.int64)


def _letters(table: pa.Table, starts: np.ndarray, ends: np.ndarray, own: np.ndarray) -> tuple[list, list]:
    """Per run: the own series' vintage letters and the reference series', in the table's order, as string_agg
    gives them (None when a part has no letter)."""
    codes = table.column("c").to_numpy(zero_copy_only=False).astype(np.int64)
    keep = codes < len(VINTAGE_CODES)  # a vintage without a letter is skipped, as string_agg skips a NULL
    text = np.array([c.encode() for c in VINTAGE_CODES.values()], dtype="S1")[codes[keep]].tobytes().decode("ascii")
    at = np.r_[0, np.cumsum(keep)].tolist()
    mid = (starts + own).tolist()
    v, rv = [], []
    for s, m, e in zip(starts.tolist(), mid, ends.tolist(), strict=True):
        a, b, c = at[s], at[m], at[e]
        v.append(text[a:b] if b > a else None)
        rv.append(text[b:c] if c > b else None)
    return v, rv


def per_target(con: duckdb.DuckDBPyConnection, file_index: dict[str, int]) -> dict[str, dict[str, Any]]:
    """Per target of the chain table: n_figures (its figures' count), any_used, v and rv (its own and reference
    series' vintage letters, in the chain's order), own and ref (the series' keys, `jurisdiction|indicator`), and
    files: the JSON text (page.Encoded) of `[[file number, whether a used figure comes from it], …]` in file name
    order, the numbers of the report's file list (`file_index`; a file not in it is left out). Each as
    {target_id: value}."""
    case = "CASE vintage " + " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(VINTAGE_CODES)) + \
        f" ELSE {len(VINTAGE_CODES)} END"
    table = con.sql(f"SELECT target_id, own_series, used, ({case})::UTINYINT AS c FROM _tw_chain "
                    "ORDER BY rowid").arrow().read_all()
    out: dict[str, dict[str, Any]] = {c: {} for c in ("n_figures", "any_used", "v", "rv", "own", "ref", "files")}
    starts, ends = runs(table.column("target_id"))
    if len(starts):
        ids = table.column("target_id").take(pa.array(starts)).to_pylist()
        own_rows = table.column("own_series").to_numpy(zero_copy_only=False).astype(bool)
        own = np.add.reduceat(own_rows.astype(np.int64), starts)
        used = np.logical_or.reduceat(table.column("used").to_numpy(zero_copy_only=False).astype(bool), starts)
        v, rv = _letters(table, starts, ends, own)
        del table
        out["n_figures"] = dict(zip(ids, (ends - starts).tolist(), strict=True))
        out["any_used"] = dict(zip(ids, used.tolist(), strict=True))
        out["v"], out["rv"] = dict(zip(ids, v, strict=True)), dict(zip(ids, rv, strict=True))
        for tid, own_key, ref_key in con.execute(  # the series' keys: no ordered aggregate, and no text per figure
                "SELECT target_id, any_value(jurisdiction || '|' || indicator) FILTER (WHERE own_series), "
                "any_value(jurisdiction || '|' || indicator) FILTER (WHERE NOT own_series) FROM _tw_chain "
                "GROUP BY target_id").fetchall():
            out["own"][tid], out["ref"][tid] = own_key, ref_key
    out["files"] = _files(con, file_index)
    return out


def _files(con: duckdb.DuckDBPyConnection, file_index: dict[str, int]) -> dict[str, Encoded]:
    """target -> the JSON text of [[file number, used], …] in file name order (files not in `file_index` left out):
    each pair written by DuckDB, each target's pairs joined by Arrow (no Python list per pair: 765,732 of them held
    through the report nationally)."""
    con.register("_tw_files", pd.DataFrame({  # pandas: a first registered Arrow table costs DuckDB ~0.25 CPU s
        "source_file": pd.Series(list(file_index), dtype=object),
        "k": np.asarray(list(file_index.values()), dtype=np.int64)}))
    try:
        table = con.sql("""
            SELECT g.target_id, '[' || f.k || ',' || CASE WHEN g.used THEN 'true' ELSE 'false' END || ']' AS j
            FROM (SELECT target_id, source_file, coalesce(bool_or(used), false) AS used FROM _tw_chain
                  GROUP BY target_id, source_file) g
            JOIN _tw_files f ON f.source_file = g.source_file
            ORDER BY g.target_id, g.source_file""").arrow().read_all()
    finally:
        con.unregister("_tw_files")
    starts, _ = runs(table.column("target_id"))
    if not len(starts):
        return {}
    pairs = table.column("j").combine_chunks()
    cut = pa.ListArray.from_arrays(pa.array(np.r_[starts, len(pairs)], pa.int32()), pairs)
    joined = pc.binary_join(cut, ",").cast(pa.binary()).to_pylist()
    ids = table.column("target_id").take(pa.array(starts)).to_pylist()
    return {t: Encoded(b"[" + text + b"]") for t, text in zip(ids, joined, strict=True)}
