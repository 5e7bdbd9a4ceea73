"""The auditors' lineage as data: every target's chain (sentence -> figures -> files -> checks -> calculation, the
chain `targetwatch explain` prints) built set-wise from the warehouse, written a jurisdiction at a time, and drawn by
one client-side page (as the large dashboards' target page is):

    lineage/view.html               the one lineage page: any target, from its jurisdiction's data file
                                    (`view.html#j=<code>&t=<target_id>`; works from file://, no network)
    lineage/<target_id>.html        up to LARGE_SITE_TARGETS targets: the same page with its target fixed, so every
                                    target keeps its own address (the dashboards link to it)
    lineage/data/_common.js         report files (sha256, anchors, rows), checks, indicators, status chips, texts
    lineage/data/<code>.js          one jurisdiction's targets' chains, as columns (lineage_columns), and the
                                    figures of the series they read
    lineage/<target_id>.figures.csv every figure of a chain longer than LINEAGE_FIGURE_LIMIT, with its vintage

A chain's figures are its own series' and its reference series' figures (targetwatch.lineage.FIGURES_SQL); a data
file holds each series' figures once and each target's vintages as one letter per figure, in the series' order.
Everything is computed in DuckDB statements over every target at once (no query per target); Python only turns
columns into JSON: a batch's chains are columns (one list per field), and each jurisdiction's file a slice of them.
dashboards/static/lineage-view.js draws the page: it formats nothing and computes no verdict.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from markupsafe import Markup

from targetwatch import formatting, vocab
from targetwatch.db_schema import columns_by_table
from targetwatch.formulas import FORMULA_COLUMNS, formula_columns
from targetwatch.frames import arrow_frame
from targetwatch.lineage import (
    EVERY_TARGET,
    FIGURE_COLUMNS,
    FIGURE_EXTRA,
    SOURCES_SQL,
    VINTAGE_LABELS,
    chain_stop,
    check_records,
    check_rows,
    figures_sql,
)
from targetwatch.render.data_files import jurisdiction_batches
from targetwatch.render.large_site import page_name
from targetwatch.render.lineage_ahead import series_ahead
from targetwatch.render.lineage_columns import CHAIN_FIELDS, jurisdiction_columns
from targetwatch.render.lineage_runs import CHAIN_ORDER, VINTAGE_CODES, per_target
from targetwatch.render.lineage_series import series_json
from targetwatch.render.page import Encoded, display_column, display_value, dump_js, json_values, load_strings
from targetwatch.sql_text import sql_text

LINEAGE_DIR = "lineage"
# A lineage page lists at most this many figures: the vintages used and superseded first, then the others in
# order; above it every figure is in `lineage/<target_id>.figures.csv` beside the page (LINEAGE_CSV_COLUMNS).
LINEAGE_FIGURE_LIMIT = 500
LINEAGE_CSV_COLUMNS = ("vintage", "used_vintage", "jurisdiction", "indicator", "year", "value_as_written",
                       "unit_as_written", "value", "unit", "source_file", "sha256", "location", "observation_id",
                       "release_date", "release_date_basis", "confidence", "checks_failed", "raw_content")
DATA_BATCH_TARGETS = 5_000  # targets whose chains are converted together (whole jurisdictions)
# One figure in a data file, in this order (dashboards/static/lineage-view.js reads them by name from the config).
FIGURE_FIELDS: tuple[str, ...] = (
    "year", "year_basis", "value_as_written", "unit_as_written", "matched_by", "value", "unit", "file", "sheet",
    "location", "row_number", "column_name", "char_start", "char_end", "confidence", "observation_id",
    "release_date", "release_date_basis", "checks_failed", "raw_content", "source_title", "source_ref",
)
FILE_FIELDS: tuple[str, ...] = ("source_file", "sha256", "anchor", "title", "format", "encoding", "release_date",
                                "release_date_basis", "rows_read", "rows_accepted", "rows_rejected")
SOURCE_FIELDS: tuple[str, ...] = ("quote", "title_zh", "title_en", "number", "issuer_zh", "issuer_en", "date",
                                  "clause", "file", "char_start", "char_end", "document_sha256", "document")
# What a chain shows of its target: from the targets table, and from the display rows (rows.target_rows).
TARGET_FIELDS: tuple[str, ...] = ("jurisdiction", "kind", "comparator", "deadline", "value", "value_high",
                                  "reference_jurisdiction", "per_year", "plan_start", "indicator")
ROW_FIELDS: tuple[str, ...] = ("name_zh", "name_en", "status", "status_colour", "jurisdiction_zh", "jurisdiction_en",
                               "evidence_basis_zh", "evidence_basis_en", "evidence_grade_zh", "evidence_grade_en",
                               "deadline_inferred_from", "evidence_tip")
_OPTIONAL_OBSERVATION_COLUMNS = ("sheet", "row_number", "column_name", "char_start", "char_end", "raw_content",
                                 "matched_by", "year_basis", "source_title", "source_ref", "release_date_basis",
                                 "confidence", "value_as_written", "unit_as_written", "unit", "sha256", "location")
SERIES_ORDER = "year, release_date NULLS FIRST, source_file, observation_id"  # and the table order last
SERIES_IN_SQL = True  # the data files' series written as JSON by DuckDB (lineage_series); False: in Python


def _prefixed(alias: str) -> str:
    return ", ".join(alias + c for c in SERIES_ORDER.split(", "))


def _num(v: Any) -> str:
    return formatting.format_audit(display_value(v))


def _audit_column(values: pd.Series) -> list:
    """`_num` of each value of a column (None for a missing one), each distinct value written once. A float64 column
    (the figures' values) is written without a call per value: the distinct values found by numpy, then
    display_value's six significant digits and format_audit's rules inline (the same texts: a test compares them
    with `_num` on the national figures' kinds of values)."""
    if not (isinstance(values.dtype, np.dtype) and values.dtype.kind == "f"):
        boxed = values.astype(object)
        distinct = {v: _num(v) for v in pd.unique(boxed[boxed.notna()])}
        return [None if v is None else distinct.get(v) for v in boxed.where(boxed.notna(), None).tolist()]
    a = values.to_numpy(dtype="float64")
    ok = ~np.isnan(a)
    uniq, inverse = np.unique(a[ok], return_inverse=True)
    texts = audit_texts(uniq)
    out = np.full(len(a), None, dtype=object)
    out[ok] = np.asarray(texts, dtype=object)[inverse] if texts else []
    return out.tolist()


def audit_texts(values: np.ndarray) -> list[str]:
    """`_num` of each of these floats (none NaN): display_value's six significant digits and format_audit's rules
    inline (an infinity stays one)."""
    texts = []
    for v in values.tolist():
        if not v.is_integer():
            v = float(f"{v:.6g}")
        texts.append(f"{int(v):,}" if v.is_integer() and abs(v) < 1e18 else
                     f"{v:,.6g}" if abs(v) < 1e15 else f"{v:.6g}")  # format_audit
    return texts


def _pick(columns: set[str], wanted: tuple[str, ...], alias: str = "") -> str:
    return ", ".join(f"{alias}{c}" if c in columns else f"NULL AS {c}" for c in wanted)


def _record_values(values: pd.Series) -> list:
    """A column's values as `frame.astype(object).where(frame.notna(), None).to_dict("records")` gives them."""
    return values.astype(object).where(values.notna(), None).tolist()  # astype(object) boxes as to_dict does


def _arrow_values(column, stamp: bool = False) -> list:
    """An Arrow column's values as `_record_values` gives them for the column arrow_frame reads (None for NULL and
    NaN; ints, floats, bools and texts as Python's), without a pandas frame: to_pylist, NaN made NULL first. A date
    or time column goes through pandas as before (`_stamp_texts` when `stamp`, else `_record_values`)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_temporal(kind):
        values = column.cast(pa.timestamp("us")) if pa.types.is_date(kind) else column
        series = values.to_pandas()
        return _stamp_texts(series) if stamp else _record_values(series)
    if pa.types.is_floating(kind) and column.null_count < len(column):
        column = pc.if_else(pc.is_nan(column), pa.scalar(None, kind), column)
    return column.to_pylist()


def _assessment_values(table) -> dict[str, list]:
    """The columns of an assessments' Arrow table (LineageSite._assessment_table) as lists of Python values
    (`_arrow_values`; the two dates as their texts)."""
    return {c: _arrow_values(table.column(c), stamp=c in ("as_of", "latest_release_date"))
            for c in ("_has", *FORMULA_COLUMNS) if c in table.column_names}


def _stamp_texts(values: pd.Series) -> list:
    """A datetime column's values as `str()` writes the Timestamps `_record_values` gives (None for NaT), made for
    the whole column: formula_lines and the chains use such a value only through its text (formulas._num, the as-of
    date's first ten letters). A value with a fraction of a second or a year outside 1000..9999 (texts numpy writes
    differently), or a column that is not a naive datetime64: the Timestamps themselves (`_record_values`)."""
    a = values.to_numpy() if isinstance(values.dtype, np.dtype) and values.dtype.kind == "M" else None
    if a is None:
        return _record_values(values)
    ok = ~np.isnat(a)
    years = a[ok].astype("datetime64[Y]").astype("int64") + 1970
    if len(years) and (years.min() < 1000 or years.max() > 9999 or (a[ok] != a[ok].astype("datetime64[s]")).any()):
        return _record_values(values)
    texts = np.char.replace(np.datetime_as_string(a.astype("datetime64[s]"), unit="s"), "T", " ").astype(object)
    texts[~ok] = None
    return texts.tolist()


def _display(values: pd.Series) -> list:
    """A column as the report shows its values (display_value of each), JSON-ready, converted a column at a time
    (page.display_column: no per-cell call for numbers, texts and dates)."""
    return display_column(values)


def _display_arrow(column) -> list:
    """`_display` of the column arrow_frame would read from this Arrow column: texts, whole numbers, booleans and NULLs
    as Arrow's Python values (what display_column gives for them: the value, None for NULL), any other type through
    the pandas column arrow_frame makes (a date as its day's text, a float to six significant digits)."""
    import pyarrow as pa

    kind = column.type
    if (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind)
            or pa.types.is_boolean(kind) or pa.types.is_null(kind)):
        return column.to_pylist()
    if pa.types.is_date(kind):
        column = column.cast(pa.timestamp("us"))
    return _display(pa.table({"c": column}).to_pandas()["c"])


def _grouped(keys: list, rows: list) -> dict[Any, list]:
    """key -> its rows, in order, from rows whose keys come in runs (a query ordered by the key): each run is one
    slice, not an append per row. A key whose rows come in two runs gets both, in order."""
    out: dict[Any, list] = {}
    if not keys:
        return out
    k = pd.Series(keys, dtype=object)
    starts = np.flatnonzero(np.r_[True, (k.to_numpy()[1:] != k.to_numpy()[:-1])]).tolist()
    for start, end in zip(starts, [*starts[1:], len(keys)], strict=True):
        key = keys[start]
        if key in out:
            out[key].extend(rows[start:end])
        else:
            out[key] = rows[start:end]
    return out


class LineageSite:
    """Writes the lineage data files and pages of one quality report (its connection, site folder and the things
    its index already built: the target display rows, the files' anchors, every check)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, site: Path, env, common: dict, rows: pd.DataFrame,
                 file_anchor: dict[str, str], report_checks: list[dict], large: bool,
                 figure_limit: int = LINEAGE_FIGURE_LIMIT) -> None:
        self.con, self.site, self.env, self.common, self.rows = con, site, env, common, rows
        self.file_anchor, self.report_checks, self.large = file_anchor, report_checks, large
        self.limit = figure_limit
        self.folder = site / LINEAGE_DIR
        self.columns = columns_by_table(con)
        self.checks = check_records(con, self.columns)
        self.chips: dict[tuple, int] = {}  # (status, tooltip) -> its position in chip_html
        self.chip_html: list[str] = []
        self.config = ""  # the page's configuration (JSON), made once (_page)
        self.texts: dict[str, int] = {}
        self.file_index: dict[str, int] = {}
        self.condition_columns: list[str] = []
        self.row_index: pd.DataFrame | None = None
        self._jurisdictions: dict[str, int] | None = None  # the figures' jurisdictions in DuckDB's order (_series)
        self.assessed = None  # every target's FORMULA_COLUMNS (Arrow), a row per position of _targets (write)

    # --- set-wise: every chain's figures into a TEMP table, then aggregates over it ---

    def _chain_table(self) -> None:
        conditions = " ".join(str(c["kwargs"].get("row_condition", "")) for c in self.checks
                              if isinstance(c["kwargs"], dict))
        words = set(re.findall(r"[A-Za-z_]\w*", conditions)) & {*FIGURE_COLUMNS, *FIGURE_EXTRA, "jurisdiction",
                                                                   "indicator"}
        extra = sorted(words - {"target_id", "observation_id", "used", "jurisdiction", "indicator", "year",
                                "release_date", "source_file", "unit"})
        narrow = ", ".join(["target_id", "own_series", "used", "vintage", "used_vintage", "jurisdiction", "indicator",
                            "year", "release_date", "source_file", "observation_id", "unit", "_row", *extra])
        self.condition_columns = sorted(words & {"jurisdiction", "indicator", "year", "release_date", "source_file",
                                                 "unit", *extra})  # the columns the checks' row conditions read
        sql = figures_sql(self.columns, EVERY_TARGET, ordered=False)  # sorted once, here
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE _tw_chain AS SELECT {narrow} FROM ({sql}) "
                         f"ORDER BY {CHAIN_ORDER}")  # the rows' order: lineage_runs reads each target's run in it

    def _check_lists(self, has_indicator: list[str]) -> dict[str, list]:
        """target -> [[check, result, rows flagged, rows checked], ...] (targetwatch.lineage.check_rows)."""
        read = ", ".join(["target_id", "observation_id", "used", *self.condition_columns])
        used = arrow_frame(self.con, f"SELECT {read} FROM _tw_chain WHERE used")
        failed = (self.con.execute("SELECT DISTINCT observation_id, expectation_id FROM check_failures WHERE "
                                   "observation_id IN (SELECT observation_id FROM _tw_chain WHERE used)").df()
                  if "check_failures" in self.columns else pd.DataFrame(columns=["observation_id", "expectation_id"]))
        rows = check_rows(used, failed, self.checks, has_indicator)  # in target order
        return _grouped(rows["target_id"].tolist(), list(zip(  # a tuple is written as the JSON array a list is
            rows["check"].tolist(), rows["result"].tolist(), rows["rows_flagged"].tolist(),
            rows["rows_checked"].tolist(), strict=True)))

    # --- the files ---

    def write(self) -> list[Path]:
        """Every data file and page; returns the pages (view first, then one per target when each has one) followed
        by the data files and the figure CSVs."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "data").mkdir(exist_ok=True)
        self._chain_table()
        files = self._files()  # first: the per-target file lists are numbered by it
        per = per_target(self.con, self.file_index)  # per target: its figures' count, vintages, series, files
        targets = self._targets()
        self.assessed = self._assessment_table(targets["target_id"].tolist())
        has_indicator = targets.loc[targets["indicator"].notna() & (targets["comparator"] != "qualitative"),
                                    "target_id"].tolist()
        checks = self._check_lists(has_indicator)
        data_files, csvs = [], []
        by_jurisdiction: dict[str, list[int]] = {}
        for i, j in enumerate(targets["jurisdiction"].tolist()):
            by_jurisdiction.setdefault(j, []).append(i)
        batches = jurisdiction_batches(dict(sorted(by_jurisdiction.items())), DATA_BATCH_TARGETS)
        target_ids, indicator_ids = targets["target_id"].tolist(), set(has_indicator)
        wanted_by_batch = [self._batch_series([target_ids[i] for _, members in group for i in members],
                                              indicator_ids, per) for group in batches]
        self._read_jurisdictions()
        with series_ahead(self.con, wanted_by_batch, lambda con, keys: self._series(keys, con),
                          reads=("observations", "check_failures")) as series_of:
            for b, group in enumerate(batches):
                positions = [i for _, members in group for i in members]
                part = targets.iloc[positions]
                columns = self._chains(part, per, checks)
                if {k for k in (*columns["own"], *columns["ref"]) if k} != wanted_by_batch[b]:
                    raise RuntimeError(f"lineage batch {b}: its chains name other series than _batch_series")
                series = series_of(b)  # made beside the chains (lineage_ahead)
                start = 0
                for code, members in group:  # a jurisdiction's targets: a run of the batch's positions
                    end = start + len(members)
                    mine = jurisdiction_columns(columns, start, end)
                    wanted = {k for name in ("own", "ref") for k in mine.get(name, ()) if k}
                    payload = {"jurisdiction": code, "ids": [target_ids[i] for i in members], "columns": mine,
                               "series": {k: series[k] for k in sorted(wanted) if k in series}}
                    start = end
                    path = self.folder / "data" / f"{page_name(code)}.js"
                    dump_js(path, "twLineage", payload)
                    data_files.append(path)
        self.assessed = None  # its positions are this write's targets: a later _chains reads by id again
        csvs = self._figures_csvs(sorted(t for t, n in per["n_figures"].items() if n > self.limit))
        common = {"files": files, "texts": list(self.texts), "checks": self._common_checks(),
                  "chips": self.chip_html,
                  "indicators": self._indicators()}
        dump_js(self.folder / "data" / "_common.js", "twLineageCommon", common)
        pages = [self._page(None)]
        if not self.large:
            pages += [self._page((page_name(j), tid)) for tid, j in
                      sorted(zip(targets["target_id"], targets["jurisdiction"], strict=True))]
        self.con.execute("DROP TABLE IF EXISTS _tw_chain")
        return [*pages, self.folder / "data" / "_common.js", *data_files, *csvs]

    @staticmethod
    def _batch_series(ids: list[str], has_indicator: set[str], per: dict[str, dict]) -> set[str]:
        """The series keys the chains of `ids` name (`own`, `ref`: _chains writes them for a target with an indicator
        and figures), known before the chains are made, so that a batch's series can be made beside its chains."""
        figures = per["n_figures"]
        return {k for t in ids if t in has_indicator and figures.get(t) is not None
                for k in (per["own"][t], per["ref"][t]) if k}

    def _targets(self) -> pd.DataFrame:
        have = self.columns.get("targets", set())
        frame = arrow_frame(self.con, f"SELECT target_id, {_pick(have, TARGET_FIELDS)} FROM targets "
                                      "ORDER BY jurisdiction, target_id")
        frame["jurisdiction"] = frame["jurisdiction"].astype(object).where(frame["jurisdiction"].notna(), "")
        return frame.reset_index(drop=True)

    def _files(self) -> list[list]:
        have = self.columns.get("report_files", set())
        files = arrow_frame(self.con, f"SELECT {_pick(have, tuple(c for c in FILE_FIELDS if c != 'anchor'))} "
                                      "FROM report_files ORDER BY source_file")
        files = files.drop_duplicates("source_file")
        files["anchor"] = files["source_file"].map(lambda f: self.file_anchor.get(f, "files"))
        self.file_index = {f: i for i, f in enumerate(files["source_file"])}
        return [list(r) for r in zip(*(_display(files[c]) for c in FILE_FIELDS), strict=True)]

    def _common_checks(self) -> dict:
        shown = [{"check_name": c["check_name"], "severity": c["severity"], "expectation": c["expectation"],
                  "expectation_id": c["expectation_id"], "description": c.get("description"),
                  "kwargs": kwargs_display(c["kwargs"] if isinstance(c["kwargs"], dict) else {}),
                  "scope": c["scope"], "success_overall": bool(c["success_overall"])} for c in self.checks]
        severity = {c["expectation_id"]: c["severity"] for c in self.report_checks if c.get("expectation_id")}
        severity |= {c["expectation_id"]: c["severity"] for c in self.checks}
        return {"list": shown, "severity": severity}

    def _indicators(self) -> dict:
        have = self.columns.get("indicators", set())
        if "code" not in have:
            return {}
        rows = self.con.execute(f"SELECT code, {_pick(have, ('name_zh', 'name_en', 'unit'))} FROM indicators")
        return {code: [zh, en, unit] for code, zh, en, unit in rows.fetchall()}

    def _chip(self, status: str | None, tip: str | None) -> int | None:
        """The status chip (the `chip` macro of the pages) with this tooltip, made once: its position in chip_html."""
        if status not in vocab.STATUS_BY_CODE:
            return None
        if (status, tip) not in self.chips:
            self.chips[(status, tip)] = len(self.chip_html)
            self.chip_html.append(str(self.env.get_template("_macros.html").module.chip(status, tip)))
        return self.chips[(status, tip)]

    def _sources(self, ids: list[str]) -> dict[str, list]:
        """target -> its sentences, each a tuple of SOURCE_FIELDS as the report shows them (a document without a file
        names the document), read through Arrow: only a date or a fraction goes through pandas (`_display_arrow`)."""
        self.con.register("_tw_ids", pd.DataFrame({"target_id": ids}))
        try:
            src = self.con.sql("SELECT * REPLACE (coalesce(file, document) AS file) FROM (" + SOURCES_SQL.format(
                where="WHERE s.target_id IN (SELECT target_id FROM _tw_ids)") + ")").arrow().read_all()
        finally:
            self.con.unregister("_tw_ids")
        cols = [_display_arrow(src.column(c)) for c in SOURCE_FIELDS]  # ordered by target (SOURCES_SQL)
        return _grouped(src.column("target_id").to_pylist(), list(zip(*cols, strict=True)))

    def _assessments(self, ids: list[str]) -> dict[str, list]:
        """FORMULA_COLUMNS of the assessments of `ids`, as columns in the order of `ids` (None where a target has no
        assessment or a value is missing), each value as a record of the frame would hold it, but the two dates as
        their Timestamps' text (`_stamp_texts`: formula_lines and the chain read only that). Read through Arrow a
        column at a time (`_arrow_values`), not through a pandas frame of 45 columns per batch."""
        return _assessment_values(self._assessment_table(ids))

    def _assessment_table(self, ids: list[str]):
        """The assessments' FORMULA_COLUMNS and `_has` of `ids`, an Arrow row per id in their order (a target assessed
        twice: its last row, as a dict by id kept it). Read once for every target of the report (`write`), and each
        batch takes its rows by position: read per batch, each of the 24 national batches joined its 5,000 ids
        with the whole table (0.85 of the 1.1 CPU s these reads took)."""
        self.con.register("_tw_ids", pd.DataFrame({"target_id": ids, "_k": range(len(ids))}))
        try:
            have = self.columns.get("assessments", set())
            picked = ", ".join(f'a."{c}"' for c in FORMULA_COLUMNS if c in have)
            table = self.con.sql(f"SELECT i._k, {picked}, a.target_id IS NOT NULL AS _has "
                                 "FROM _tw_ids i LEFT JOIN assessments a ON a.target_id = i.target_id "
                                 "ORDER BY i._k, a.rowid").arrow().read_all()  # a repeat: the later row last
        finally:
            self.con.unregister("_tw_ids")
        if len(table) != len(ids):  # a target assessed twice: its last row, as a dict by id kept it
            frame = table.to_pandas()
            keep = ~frame["_k"].duplicated(keep="last").to_numpy()
            table = table.filter(keep)
        return table

    def _chains(self, part: pd.DataFrame, per: dict[str, dict], checks: dict[str, list]) -> dict[str, list]:
        """The batch's chains as columns (lineage_columns: CHAIN_FIELDS -> a value per target of `part`, None where a
        chain has no such field): its display fields, sources, formula, figures' vintages, files and checks, each
        made for the whole batch a column at a time (what many targets share, once: chips, stops, numbers)."""
        ids = part["target_id"].tolist()
        n = len(ids)
        sources = self._sources(ids)
        a = (_assessment_values(self.assessed.take(part.index.to_numpy())) if self.assessed is not None
             else self._assessments(ids))  # part's labels are its positions in _targets (write)
        if self.row_index is None:  # the display rows' fields, indexed once (not copied per batch)
            fields = [c for c in ROW_FIELDS if c in self.rows]
            self.row_index = self.rows.drop_duplicates("target_id").set_index("target_id")[fields]
        shown = self.row_index.reindex(ids)
        out = {c: (json_values(shown[c]) if c in shown else [None] * n) for c in ROW_FIELDS}
        out |= {c: json_values(part[c]) for c in TARGET_FIELDS}
        has = a.get("_has", [False] * n)
        out["status"] = [r or s or "no_data" for r, s in zip(out["status"], a.get("status", [None] * n), strict=True)]
        out["chip"] = [self._chip(st, tip) for st, tip in zip(out["status"], out.pop("evidence_tip"), strict=True)]
        numbers: dict[tuple, str] = {}  # each distinct number written once (by type: 1 and 1.0 are equal keys)
        for c in ("value", "value_high"):
            out[c] = [None if v is None else numbers.get((type(v), v)) or numbers.setdefault((type(v), v), _num(v))
                      for v in out[c]]
        out["as_of"] = [None if v is None else str(v)[:10] for v in a.get("as_of", [None] * n)]
        has_indicator = [ind is not None and comp != "qualitative"
                         for ind, comp in zip(out["indicator"], out["comparator"], strict=True)]
        figs = [per["n_figures"].get(t) for t in ids]
        traced = [h and f is not None for h, f in zip(has_indicator, figs, strict=True)]  # figures, files, series
        stop_of = [(h, bool(f is not None and per["any_used"].get(t)), f is not None)
                   for h, f, t in zip(has_indicator, figs, ids, strict=True)]
        stops = {k: chain_stop(*k) for k in set(stop_of)}
        # every target's formula lines at once (targetwatch.formulas): a target with no assessment reads as one whose
        # every assessment column is None, beside its reference jurisdiction and per_year
        formula_input = {c: a[c] if all(has) else [v if h else None for v, h in zip(a[c], has, strict=True)]
                         for c in FORMULA_COLUMNS if c in a}
        out["formula"] = formula_columns(formula_input | {  # (zh, en) tuples: JSON arrays, as lists are
            "reference_jurisdiction": out["reference_jurisdiction"], "per_year": out["per_year"]}, n)
        for c in ("reason_zh", "reason_en"):
            out[c] = [v if h else None for v, h in zip(a[c], has, strict=True)] if c in a else [None] * n
        out["sources"] = [sources.get(t, []) for t in ids]
        out["stops_at"] = [stops[k][0] for k in stop_of]
        out["stop"] = [[stops[k][1], stops[k][2]] if stops[k][0] else None for k in stop_of]
        for key in ("own", "ref", "v", "rv"):
            out[key] = [per[key][t] if on else None for t, on in zip(ids, traced, strict=True)]
        out["files"] = [per["files"].get(t, []) if on else None for t, on in zip(ids, traced, strict=True)]
        out["figures_file"] = [f"{safe_name(t)}.figures.csv" if on and f > self.limit else None
                               for t, on, f in zip(ids, traced, figs, strict=True)]
        out["checks"] = [checks.get(t, []) if h else None for t, h in zip(ids, has_indicator, strict=True)]
        if out.keys() != set(CHAIN_FIELDS):
            raise RuntimeError(f"lineage chains: fields {sorted(out.keys() ^ set(CHAIN_FIELDS))} out of CHAIN_FIELDS")
        return out

    def _series(self, keys: set[str], con: duckdb.DuckDBPyConnection | None = None) -> dict[str, list | Encoded]:
        """series key (`jurisdiction|indicator`) -> its figures as rows of FIGURE_FIELDS, in SERIES_ORDER (as their
        JSON text when DuckDB writes it: lineage_series), read on `con` (the report's connection, or a cursor of it
        in lineage_ahead's thread)."""
        if not keys:
            return {}
        con = con or self.con
        have = self.columns.get("observations", set())
        con.register("_tw_series", pd.DataFrame({"k": sorted(keys)}))
        try:
            failed = ("LEFT JOIN (SELECT observation_id, list_sort(list(DISTINCT expectation_id)) AS checks_failed "
                      "FROM check_failures GROUP BY observation_id) f ON f.observation_id = o.observation_id"
                      if "check_failures" in self.columns else "")
            ranges, params = self._jurisdiction_ranges(keys)
            select = f"""
                SELECT o.jurisdiction || '|' || o.indicator AS k, o.year, o.value, o.observation_id, o.release_date,
                    o.source_file, {_pick(have, _OPTIONAL_OBSERVATION_COLUMNS, 'o.')},
                    {'f.checks_failed' if failed else 'NULL AS checks_failed'}
                FROM observations o {failed}
                WHERE {ranges} o.jurisdiction || '|' || o.indicator IN (SELECT k FROM _tw_series)
                ORDER BY o.jurisdiction, o.indicator, {_prefixed("o.")}, o.rowid"""
            if SERIES_IN_SQL:  # each series' JSON written by DuckDB (lineage_series), where it is orjson's
                written = series_json(con, select, params, FIGURE_FIELDS, self.file_index, self.texts,
                                      audit_texts)
                if written is not None:
                    return written
            fig = arrow_frame(con, select, params)
        finally:
            con.unregister("_tw_series")
        columns: list[list] = []
        for name in FIGURE_FIELDS:
            if name == "value":
                columns.append(_audit_column(fig["value"]))
            elif name == "file":
                columns.append([self.file_index.get(f) for f in fig["source_file"].tolist()])
            elif name == "checks_failed":
                columns.append([list(v) if v is not None and len(v) else None
                                for v in fig["checks_failed"].astype(object).where(fig["checks_failed"].notna(),
                                                                                    None)])
            elif name in ("source_title", "source_ref"):
                columns.append([None if v is None else self.texts.setdefault(str(v), len(self.texts))
                                for v in json_values(fig[name])])
            else:
                columns.append(json_values(fig[name]))
        return _grouped(fig["k"].tolist(), list(zip(*columns, strict=True)))  # ordered by series

    def _jurisdiction_ranges(self, keys: set[str]) -> tuple[str, dict[str, str]]:
        """A condition on `o.jurisdiction` alone that every figure of these series meets (`(… BETWEEN $lo0 AND $hi0
        OR …) AND `, with its parameters), so DuckDB skips the parts of `observations` that hold none of them: a
        batch's series key (`jurisdiction|indicator`) cannot be filtered by the table's statistics, and each batch
        read every part of the table (about half its query's time). A figure's jurisdiction is a prefix of its key
        ending before a `|`; those prefixes that are jurisdictions of the table are found in the table's own sorted
        list (DuckDB's order, so BETWEEN two of them holds everything between), and neighbours in that list are
        joined into one range. The key condition still decides; this one only narrows what is read."""
        if self._jurisdictions is None:
            self._read_jurisdictions()
        at = sorted({self._jurisdictions[k[:i]] for k in keys for i, ch in enumerate(k)
                     if ch == "|" and k[:i] in self._jurisdictions})
        if not at:
            return "", {}
        runs = [[at[0], at[0]]]
        for i in at[1:]:
            if i == runs[-1][1] + 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        if len(runs) > 32:  # many scattered jurisdictions: one range over them all
            runs = [[at[0], at[-1]]]
        names = list(self._jurisdictions)
        params = {f"{e}{n}": names[i] for n, run in enumerate(runs) for e, i in zip(("lo", "hi"), run, strict=True)}
        return "(" + " OR ".join(f"o.jurisdiction BETWEEN $lo{n} AND $hi{n}" for n in range(len(runs))) + ") AND", \
            params

    def _read_jurisdictions(self) -> None:
        """The figures' jurisdictions in DuckDB's order (_jurisdiction_ranges), read on the report's connection: before
        lineage_ahead's thread starts, which reads the series on its own cursor."""
        self._jurisdictions = {j: i for i, (j,) in enumerate(self.con.execute(
            "SELECT DISTINCT jurisdiction FROM observations WHERE jurisdiction IS NOT NULL ORDER BY 1").fetchall())}

    def _figures_csvs(self, ids: list[str]) -> list[Path]:
        """Every figure of each of these chains, as CSV beside its page, written by DuckDB: the rows of all of them
        joined with the figures' columns once, then one COPY per chain."""
        if not ids:
            return []
        have = self.columns.get("observations", set())
        failed = ("LEFT JOIN (SELECT observation_id, array_to_string(list_sort(list(DISTINCT expectation_id)), ' ') "
                  "AS checks_failed FROM check_failures GROUP BY observation_id) f "
                  "ON f.observation_id = c.observation_id" if "check_failures" in self.columns else "")
        cols = []
        for name in LINEAGE_CSV_COLUMNS:
            if name in ("vintage", "used_vintage", "jurisdiction", "indicator", "year", "observation_id",
                        "source_file"):
                cols.append(f"c.{name}")
            elif name == "checks_failed":
                cols.append("f.checks_failed" if failed else "NULL AS checks_failed")
            else:
                cols.append(f"o.{name}" if name in have else f"NULL AS {name}")
        self.con.register("_tw_ids", pd.DataFrame({"target_id": ids}))
        try:
            self.con.execute(f"""CREATE OR REPLACE TEMP TABLE _tw_long AS
                SELECT c.target_id, {', '.join(cols)} FROM _tw_chain c JOIN observations o ON o.rowid = c._row {failed}
                WHERE c.target_id IN (SELECT target_id FROM _tw_ids)
                ORDER BY c.target_id, c.own_series DESC, {_prefixed("c.")}, c._row""")
        finally:
            self.con.unregister("_tw_ids")
        out = []
        for tid in ids:
            path = self.folder / f"{safe_name(tid)}.figures.csv"
            self.con.execute(f"COPY (SELECT * EXCLUDE (target_id) FROM _tw_long WHERE target_id = $t ORDER BY rowid) "
                             f"TO {sql_text(path)} (FORMAT csv, HEADER true)", {"t": tid})
            out.append(path)
        self.con.execute("DROP TABLE _tw_long")
        return out

    # --- the page ---

    def _page(self, fixed: tuple[str, str] | None) -> Path:
        """The lineage page: `fixed` (jurisdiction page name, target id) gives a target its own page."""
        if not self.config:
            bi = self.env.globals["bi"]
            strings = {k: v for k, v in load_strings().items() if k.startswith(("kind_", "comparator_"))}
            config = {
                "strings": strings, "figure_fields": list(FIGURE_FIELDS), "file_fields": list(FILE_FIELDS),
                "source_fields": list(SOURCE_FIELDS), "limit": self.limit, "large": self.large,
                "vintage_codes": {c: v for v, c in VINTAGE_CODES.items()},
                "vintages": {v: str(bi(zh, en)) for v, (zh, en) in VINTAGE_LABELS.items()},
            }
            self.config = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        tid = fixed[1] if fixed else None
        path = self.folder / ("view.html" if fixed is None else f"{safe_name(tid)}.html")
        target = json.dumps({"j": fixed[0], "t": tid} if fixed else None, ensure_ascii=False,
                            separators=(",", ":")).replace("<", "\\u003c")
        dashboard = f"../../dashboards/targets/{tid}.html" if tid and not self.large else "../../dashboards/index.html"
        path.write_text(self.env.get_template("lineage.html").render(
            **(self.common | {
                "root": "../", "page_title": "溯源 / Lineage", "home_link": "../../dashboards/index.html",
                "quality_link": "../index.html", "dashboard_link": dashboard, "config": Markup(self.config),
                "target": Markup(target), "target_id": tid,
                "data_file": None if fixed is None else f"data/{urllib.parse.quote(fixed[0])}.js"})),
            encoding="utf-8")
        return path


def safe_name(name: object) -> str:
    """A file name for a suite or target id (ids are already slugs; anything else is replaced)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", str(name))


def kwargs_display(kwargs: dict) -> list[tuple[str, str]]:
    """An expectation's arguments as (name, text): row conditions as written, long sets shortened."""
    out = []
    for k, v in kwargs.items():
        if k == "batch_id":
            continue
        if isinstance(v, dict) and "pass_through_filter" in v:
            v = v["pass_through_filter"]
        if isinstance(v, list):
            shown = ", ".join(map(str, v[:12])) + (f", … (+{len(v) - 12})" if len(v) > 12 else "")
            out.append((f"{k} ({len(v)})", shown))
        else:
            out.append((k, str(v)))
    return out


def write_lineage(con: duckdb.DuckDBPyConnection, site: Path, env, common: dict, rows: pd.DataFrame,
                  file_anchor: dict[str, str], report_checks: list[dict], large: bool,
                  figure_limit: int = LINEAGE_FIGURE_LIMIT) -> list[Path]:
    """Write the lineage pages and data files of a quality report under `site` (see the module's docstring)."""
    return LineageSite(con, site, env, common, rows, file_anchor, report_checks, large, figure_limit).write()
