"""Raw rows -> observations in base units, or quarantine with a reason, as SQL over a DuckDB table of raw rows.

Readers put their raw rows (as written, with their place in the file) into a table; one SQL statement per file
computes every row's jurisdiction, indicator, year, value in base units and release date, and the first problem
found as its reason, in the same pass. Python runs only over the *distinct* raw spellings of a column (folding
names, parsing numerals such as 1.3万 or 四十万, years and dates), never once per row.

Values keep the significant digits as written: a unit's factor is a power of ten, applied to the written decimal
number by shifting its exponent ('152.2' 亿元 is parsed as '152.2e8', exactly 15220000000), never by multiplying
floats (152.2 * 1e8 = 15219999999.999998).

A figure released after the as-of date is not visible: in a replay of 2019-06-30, a figure released in 2023 is
neither an observation nor a quarantined row (it is counted in `report_files.rows_not_yet_released`). A year is
plausible between 1949 and the figure's own release year (without a release date: this year), never against
the as-of date.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable

import duckdb
import pandas as pd

from targetwatch import fetch, vocab
from targetwatch.catalogue import Catalogue
from targetwatch.memory_db import private_database, query_shared_macro
from targetwatch.reports.lookups import Lookup, list_select, python_spellings, sql_repr
from targetwatch.reports.matching import IndicatorMatcher, ambiguity_reason
from targetwatch.reports.model import RAW_COLUMNS, REJECT_COLUMNS, alias_map
from targetwatch.sql_text import sql_list
from targetwatch.units import normalise_text, parse_number, to_simplified, written_unit
from targetwatch.variants import fold_confused_place_names

OBSERVATION_COLUMNS: tuple[str, ...] = (
    "observation_id",
    "jurisdiction",
    "indicator",
    "matched_by",  # how the indicator's name was matched: exact | alias | normalised (targetwatch.reports.matching)
    "year",
    "year_basis",  # stated, or how the year was inferred (carried, work report, release date, plan period, …)
    "value",
    "unit",
    "value_as_written",
    "unit_as_written",
    "period_type",
    "figure_type",
    "release_date",
    "release_date_basis",
    "confidence",
    "source_file",
    "sha256",
    "sheet",
    "row_number",
    "column_name",
    "location",
    "char_start",
    "char_end",
    "raw_content",
    "source_title",
    "source_ref",
    "notes",
)
REJECTED_COLUMNS: tuple[str, ...] = (
    "source_file",
    "sha256",
    "sheet",
    "row_number",
    "location",
    "raw_content",
    "reason",
)

MIN_YEAR = 1949
# a written indicator name of enterprises: its count may be written in 户 (the `firms` step of the normaliser's SQL)
_FIRMS = "企业|企業"
FIRMS_NOTE = "counted in 户 (firms), read as a count"


def indicator_matcher(catalogue: Catalogue) -> IndicatorMatcher:
    """Exact names (code, name_zh, name_en), aliases, then normalised keys (targetwatch.reports.matching).

    Built once per process for each content of the names it reads, as `model.alias_map` is: folding every name and
    its normalised key costs ~0.6 CPU ms for the bundled catalogue (0.02 cached), and every `Normaliser` asks for it
    (each `normalise()` and `ingest_folder` call). The matcher is shared: callers only call its `match`."""
    return _indicator_matcher(tuple((i.code, (i.name_zh, i.name_en), tuple(i.aliases)) for i in catalogue.indicators))


@functools.lru_cache(maxsize=8)
def _indicator_matcher(indicators: tuple[tuple[str, tuple[str, str], tuple[str, ...]], ...]) -> IndicatorMatcher:
    return IndicatorMatcher.from_names(indicators)


def _indicator(matcher: IndicatorMatcher, raw: str | None) -> tuple[str | None, str | None, str | None]:
    """(code, matched_by, ambiguity reason) of one distinct indicator name."""
    match = matcher.match(raw)
    return match.code, match.matched_by, ambiguity_reason(raw, match.candidates) if match.ambiguous else None


# Column types of the tables the normaliser reads and writes. Typed, so an empty table is still the same table.
_INTEGER_COLUMNS = frozenset({"row_number", "char_start", "char_end"})
RAW_TYPES: dict[str, str] = {c: "BIGINT" if c in _INTEGER_COLUMNS else "VARCHAR" for c in RAW_COLUMNS}
OBSERVATION_TYPES: dict[str, str] = {c: "VARCHAR" for c in OBSERVATION_COLUMNS} | {
    "year": "BIGINT", "value": "DOUBLE", "release_date": "DATE", "row_number": "BIGINT", "char_start": "BIGINT",
    "char_end": "BIGINT"}
REJECTED_TYPES: dict[str, str] = {c: "VARCHAR" for c in REJECTED_COLUMNS} | {"row_number": "BIGINT"}

_PLAIN_NUMBER = r"[+-]?[0-9]+(\.[0-9]+)?"  # what SQL reads straight; everything else meets the numeral parser
# An ISO date in the years pandas' timestamps hold (1677-09-21..2262-04-11): SQL casts it to the date `_release` gives
# (an impossible day is NULL both ways); any other spelling meets `_release`, once per distinct spelling.
_ISO_DATE = ("regexp_full_match(coalesce(raw, ''), "
             "'(167[89]|16[89][0-9]|1[7-9][0-9][0-9]|2[01][0-9][0-9]|22[0-5][0-9]|226[01])-[0-9][0-9]-[0-9][0-9]')")
# A plain number (after removing commas and whitespace) is read by SQL; anything else meets `_value`.
_PLAIN = f"regexp_full_match(regexp_replace(coalesce(raw, ''), '[,\\s]', '', 'g'), '{_PLAIN_NUMBER}')"


def ddl(table: str, types: dict[str, str], *, fresh_temp: bool = False) -> str:
    """The CREATE statement of `table` with the columns `types`: kept if it exists (the output tables), or with
    `fresh_temp` a temp table replacing any of that name (one statement: no drop first)."""
    cols = ", ".join(f'"{c}" {t}' for c, t in types.items())
    if fresh_temp:
        return f'CREATE OR REPLACE TEMP TABLE "{table}" ({cols})'
    return f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})'


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The output tables, empty and typed (a folder without figures still publishes tables of the right shape)."""
    con.execute(ddl("observations", OBSERVATION_TYPES))
    con.execute(ddl("rejected_rows", REJECTED_TYPES))


def create_raw(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """A fresh table of raw rows (RAW_COLUMNS, typed, plus their order in the file) and of reader rejects."""
    _fresh(con, table, {"_seq": "BIGINT"})


def _fresh(con: duckdb.DuckDBPyConnection, table: str, extra: dict[str, str]) -> None:
    """`table` (RAW_TYPES) and `<table>_rejected` (REJECT_COLUMNS), each with the columns `extra`, created empty as
    temp tables, replacing any of those names: two statements (a drop and a create each cost as much again)."""
    con.execute(ddl(table, RAW_TYPES | extra, fresh_temp=True))
    con.execute(ddl(f"{table}_rejected", {c: RAW_TYPES.get(c, "VARCHAR") for c in REJECT_COLUMNS} | extra,
                    fresh_temp=True))


def append_raw(con: duckdb.DuckDBPyConnection, table: str, rows: pd.DataFrame, rejected: pd.DataFrame | None = None,
               *, batch: int | None = None, empty: bool = False) -> None:
    """Append a reader's batch (pandas, any Python values) to the raw table, cast to its column types. With `batch`,
    `table` is a pending table (`create_pending`) and its rows are batch `batch`, as `move_batch` would put them.
    `empty`: the caller knows both tables are empty (their rows are not counted first)."""
    batch_column = "" if batch is None else f", {int(batch)}"
    for name, frame, columns in ((table, rows, RAW_COLUMNS),
                                 (f"{table}_rejected", rejected, ("sheet", "row_number", "location", "raw_content",
                                                                  "reason"))):
        if frame is None or not len(frame):
            continue
        start = 0 if empty else con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
        con.register("_tw_batch", frame)
        try:
            con.execute(f'INSERT INTO "{name}" SELECT {cast_select(frame, columns)}, {start} + row_number() OVER ()'
                        f"{batch_column} FROM _tw_batch")
        finally:
            con.unregister("_tw_batch")


def cast_select(frame: pd.DataFrame, columns: Iterable[str]) -> str:
    """The select list that casts a registered reader frame to the raw table's `columns` (NULL where it has none)."""
    present = set(frame.columns)
    return ", ".join(
        f'CAST("{c}" AS {RAW_TYPES.get(c, "VARCHAR")})' if c in present else f"NULL::{RAW_TYPES.get(c, 'VARCHAR')}"
        for c in columns
    )


def create_pending(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """The tables where raw rows wait for the normaliser: the raw table's columns plus each row's `_batch`."""
    _fresh(con, table, {"_seq": "BIGINT", "_batch": "BIGINT"})


def raw_counts(con: duckdb.DuckDBPyConnection, raw: str) -> tuple[int, int]:
    """(rows, reader rejects) in the raw table and `<raw>_rejected`, in one statement."""
    rows, rejected = con.execute(f'SELECT (SELECT count(*) FROM "{raw}"), (SELECT count(*) FROM "{raw}_rejected")'
                                 ).fetchall()[0]
    return int(rows), int(rejected)


def move_batch(con: duckdb.DuckDBPyConnection, raw: str, pending: str, batch: int,
               counts: tuple[int, int] | None = None, part: tuple[str, str] | None = None) -> None:
    """Append the raw table (and its rejects) to the pending tables as batch `batch`, and empty it. With `counts`
    (`raw_counts`), an empty table is left alone. With `part` (template_sql.Scan.part), the rows and rejects come
    straight from those two subqueries (a scanned file's rows in its chunk) and the raw tables are not touched."""
    for i, (suffix, n) in enumerate(zip(("", "_rejected"), counts or (None, None), strict=True)):
        if n == 0:
            continue
        source = part[i] if part is not None else f'"{raw}{suffix}"'
        con.execute(f'INSERT INTO "{pending}{suffix}" SELECT *, {int(batch)} FROM {source}')
        if part is None:
            con.execute(f'DELETE FROM "{raw}{suffix}"')


def _code(raw: str | None, table: dict[str, str]) -> str | None:
    """The code of a raw name (folded: NFKC, no spaces, lower case; as written or in simplified script)."""
    key = normalise_text(raw or "").lower()
    return table[key] if key in table else table.get(fold_confused_place_names(to_simplified(key)))


def _year(raw: str | None) -> float | None:
    text = normalise_text(raw or "").rstrip("年")
    try:
        year = float(text)
    except ValueError:
        return None
    return year if math.isfinite(year) else None


def _value(raw: str | None) -> tuple[str | None, str | None]:
    """(the number as a decimal string, error) for a cell SQL could not read as a plain number."""
    cleaned = normalise_text(raw or "").replace(",", "")
    try:
        number = float(cleaned)
    except ValueError:
        number = math.nan
    if not math.isnan(number):
        if math.isfinite(number):
            return cleaned, None
        return None, f"value {raw!r} is not a finite number"
    try:
        parsed = parse_number(cleaned)
    except ValueError:
        return None, f"value {raw!r} is not a number"
    except (OverflowError, ArithmeticError):
        return None, f"value {raw!r} is not a finite number"
    if parsed is None:
        return None, "value is missing (empty or a missing mark such as — or …)"
    if not math.isfinite(parsed):
        return None, f"value {raw!r} is not a finite number"
    return repr(parsed), None  # the shortest repr gives back exactly the float parse_number computed


def _unit(raw: str | None) -> tuple[str | None, int | None]:
    found = written_unit(raw) if raw is not None else None
    if not found:
        return None, None
    unit, factor = found
    exponent = round(math.log10(factor))
    if 10**exponent != factor:  # pragma: no cover - vocab holds powers of ten only (a test keeps it so)
        raise ValueError(f"unit {raw!r}: factor {factor} is not a power of ten")
    return unit, exponent


def _release(raw: str | None) -> object:
    if not raw:
        return None
    parsed = pd.to_datetime(pd.Series([raw]), errors="coerce", format="mixed").iloc[0]
    return None if pd.isna(parsed) else parsed.date()


# The catalogue's and the vocabulary's facts the judging statement joins, typed (min_v and max_v are compared with
# and printed as DOUBLE: `CAST(... AS DOUBLE)` in the statement).
_INDICATOR_META: dict[str, str] = {"code": "VARCHAR", "unit": "VARCHAR", "share": "BOOLEAN"}
_UNIT_META: dict[str, str] = {"unit": "VARCHAR", "integer": "BOOLEAN", "min_v": "DOUBLE", "max_v": "DOUBLE"}


class Normaliser:
    """Normalises the raw-row tables of one connection into its `observations` and `rejected_rows` tables.

    Built once per ingest (the catalogue's aliases, units and share declarations become small tables); `run` is
    called once per file."""

    def __init__(self, con: duckdb.DuckDBPyConnection, catalogue: Catalogue, *, as_of: dt.date,
                 today: dt.date | None = None, shared_macros: bool = False):
        """`shared_macros`: `con` is a `memory_db` private or limited database, whose judging statement runs as the
        instance's shared macro (parsed once per process: 4.7 of its ~23 CPU ms on a 4-row file)."""
        self.con, self.as_of, self.today = con, as_of, today or dt.date.today()
        self.shared_macros = shared_macros
        self.jur_map, self.ind_map = alias_map(catalogue)
        self.matcher = indicator_matcher(catalogue)  # exact, alias, then normalised names; ambiguity refused
        create_tables(con)
        # the catalogue's and the vocabulary's facts, sent with each judging statement (`run`): two tables fewer
        self.indicator_meta = [(i.code, i.unit, bool(getattr(i, "share", False))) for i in catalogue.indicators]
        self.unit_meta = [(u.code, u.integer, u.min_value, u.max_value) for u in vocab.UNITS]
        self.lookups = (
            Lookup("jurisdiction_raw", lambda v: _code(v, self.jur_map), ("code",), ("VARCHAR",)),
            Lookup("indicator_raw", lambda v: _indicator(self.matcher, v), ("code", "matched_by", "ambiguity"),
                   ("VARCHAR", "VARCHAR", "VARCHAR")),
            Lookup("year_raw", _year, ("year",), ("DOUBLE",)),
            Lookup("unit_raw", _unit, ("unit", "exponent"), ("VARCHAR", "INTEGER")),
            Lookup("value_raw", _value, ("num", "error"), ("VARCHAR", "VARCHAR"),
                   sql={"num": "regexp_replace(raw, '[,\\s]', '', 'g')", "error": "NULL"}, where=_PLAIN),
            Lookup("release_date_raw", _release, ("date",), ("DATE",), sql={"date": "TRY_CAST(raw AS DATE)"},
                   where=_ISO_DATE),
        )

    def run(self, raw: str, batches: pd.DataFrame) -> dict[int, dict[str, int]]:
        """Normalise the raw rows of many files at once: `raw` and `<raw>_rejected` (the reader's rejects) carry a
        `_batch` column, and `batches` (BATCH_COLUMNS: `batch_params`) gives each batch its file and that file's
        source name, sha256 and default release date. Append to observations and rejected_rows in batch order (a
        batch's reader rejects first), each in one statement; return each file's counts: read, accepted,
        rejected, not_yet_released."""
        con = self.con
        # Every column that needs parsing is mapped once per distinct spelling (SQL or Python); the rows only join.
        # The maps, the batches' parameters and the catalogue's facts are subqueries of the judging statement, their
        # values sent as list parameters (targetwatch.reports.lookups): one statement for the spellings Python maps,
        # one to judge, none to build tables.
        params: dict[str, object] = {"as_of": self.as_of, "today": self.today, "min_year": MIN_YEAR}
        jur, ind, yr, unit, val, rel = (
            lk.select(raw, spellings, params, f"{name}_")
            for lk, spellings, name in zip(self.lookups, python_spellings(con, raw, self.lookups),
                                           ("jur", "ind", "yr", "unit", "val", "rel"), strict=True))
        batch_params: dict[str, object] = {}
        batch_rows = list(zip(*(batches[c].tolist() for c in BATCH_COLUMNS), strict=True))
        batches_cte = f"_tw_batches AS ({list_select(batch_rows, BATCH_COLUMNS, batch_params, 'b_')})"
        params |= batch_params
        meta = (f"_tw_indicator_meta AS ({list_select(self.indicator_meta, _INDICATOR_META, params, 'im_')}),\n"
                f"_tw_unit_meta AS ({list_select(self.unit_meta, _UNIT_META, params, 'um_')}),\n"
                f"{batches_cte},\n"
                f"_tw_map_jur AS ({jur}),\n_tw_map_ind AS ({ind}),\n_tw_map_yr AS ({yr}),\n"
                f"_tw_map_unit AS ({unit}),\n_tw_map_rel AS ({rel}),\n"
                # the written number's mantissa and power of ten, to which a unit's power of ten is added (`valued`)
                f"_tw_map_val AS (SELECT *, regexp_extract(num, '^([^eE]*)', 1) AS mantissa, "
                f"coalesce(TRY_CAST(regexp_extract(num, '[eE]([+-]?[0-9]+)$', 1) AS INTEGER), 0) AS power "
                f"FROM ({val}))")
        jur, ind, yr, unit, val, rel = ("_tw_map_jur", "_tw_map_ind", "_tw_map_yr", "_tw_map_unit", "_tw_map_val",
                                        "_tw_map_rel")
        select = f"""
WITH {meta},
base AS (
    SELECT r.*, j.code AS jurisdiction, i.code AS indicator, i.matched_by AS matched_by_n, i.ambiguity,
        y.year AS year_num, u.unit AS unit,
        u.exponent AS unit_exponent,
        v.mantissa, v.power, v.error AS value_error,
        CASE WHEN coalesce(trim(r.period_type), '') = '' THEN 'annual' ELSE lower(trim(r.period_type)) END
            AS period_type_n,
        CASE WHEN coalesce(trim(r.figure_type), '') = '' THEN 'actual' ELSE lower(trim(r.figure_type)) END
            AS figure_type_n,
        CASE WHEN coalesce(trim(r.confidence), '') = '' THEN 'medium' ELSE lower(trim(r.confidence)) END
            AS confidence_n,
        coalesce(trim(r.release_date_raw), '') <> '' AS row_dated,
        CASE WHEN coalesce(trim(r.release_date_raw), '') = '' THEN p.default_date ELSE d.date END AS release_date_n,
        CASE WHEN coalesce(trim(r.release_date_raw), '') <> '' THEN trim(r.release_date_raw)
             ELSE p.default_release END AS release_text,
        p.p_file, p.p_source_file, p.p_sha256, p.p_basis,
        j.raw_repr AS jur_repr, i.raw_repr AS ind_repr, y.raw_repr AS year_repr, u.raw_repr AS unit_repr
    FROM "{raw}" r
    JOIN _tw_batches p ON p.p_batch = r._batch
    LEFT JOIN {jur} j ON j.raw IS NOT DISTINCT FROM r.jurisdiction_raw
    LEFT JOIN {ind} i ON i.raw IS NOT DISTINCT FROM r.indicator_raw
    LEFT JOIN {yr} y ON y.raw IS NOT DISTINCT FROM r.year_raw
    LEFT JOIN {unit} u ON u.raw IS NOT DISTINCT FROM r.unit_raw
    LEFT JOIN {val} v ON v.raw IS NOT DISTINCT FROM r.value_raw
    LEFT JOIN {rel} d ON d.raw IS NOT DISTINCT FROM r.release_date_raw
),
firms AS (
    -- 户 is the measure word of firms as well as of households: 科技型中小企业数量398户, 新增国家高新技术企业40户
    -- (u32_sx_2023_yuncheng_review_fawadmin, u32_sx_2022_changzhi_gzbg; dev since round 23). A count whose written
    -- name is of enterprises (企业) is read in 户 as in 家, and the observation's notes say so.
    SELECT b.* REPLACE (CASE WHEN firms_in_households THEN 'count' ELSE b.unit END AS unit), firms_in_households
    FROM (
        SELECT b.*, coalesce(b.unit = 'households' AND m.unit = 'count'
            AND regexp_matches(b.indicator_raw, '{_FIRMS}'), false) AS firms_in_households
        FROM base b LEFT JOIN _tw_indicator_meta m ON m.code = b.indicator
    ) b
),
valued AS (
    -- The unit's power of ten is added to the written number's exponent: parsed once, correctly rounded.
    SELECT b.*, m.unit AS expected_unit, m.share, um.integer, um.min_v, um.max_v,
        TRY_CAST(mantissa || 'e' || CAST(power + coalesce(unit_exponent, 0) AS VARCHAR) AS DOUBLE) AS value_n
    FROM firms b
    LEFT JOIN _tw_indicator_meta m ON m.code = b.indicator
    LEFT JOIN _tw_unit_meta um ON um.unit = m.unit
),
judged AS (
    SELECT *,
        -- Released after the as-of date (and not in the future of the run itself): not visible in this replay.
        -- Without a release date: an annual figure for a year that had not ended by the as-of date (but has by
        -- today) cannot have been released by then either.
        CASE WHEN release_date_n IS NOT NULL THEN release_date_n > $as_of AND release_date_n <= $today
             ELSE year_num IS NOT NULL AND year_num < year($today)
                  AND (year_num > year($as_of) OR (year_num = year($as_of) AND period_type_n = 'annual'))
        END AS not_yet_released,
        CASE
            WHEN jurisdiction IS NULL THEN 'unknown jurisdiction ' || jur_repr
            WHEN ambiguity IS NOT NULL THEN ambiguity
            WHEN indicator IS NULL
                THEN 'unknown indicator ' || ind_repr || ' (not a code, name or alias in targets.yaml)'
            WHEN year_num IS NULL OR year_num <> round(year_num) THEN 'year ' || year_repr || ' is not a year'
            WHEN year_num < $min_year
                THEN 'impossible year ' || CAST(year_num AS BIGINT) || ' (before ' || $min_year || ')'
            WHEN release_date_n IS NOT NULL AND year_num > year(release_date_n) AND figure_type_n <> 'forecast'
                THEN 'impossible year ' || CAST(year_num AS BIGINT) || ' (after its release date '
                     || strftime(release_date_n, '%Y-%m-%d') || ')'
            WHEN release_date_n IS NULL AND year_num > year($today) AND figure_type_n <> 'forecast'
                THEN 'impossible year ' || CAST(year_num AS BIGINT) || ' (after this year, ' || year($today) || ')'
            WHEN value_error IS NOT NULL THEN value_error
            WHEN value_n IS NULL THEN 'value ' || {sql_repr("value_raw")} || ' is not a number'
            WHEN NOT isfinite(value_n) THEN 'value ' || {sql_repr("value_raw")} || ' ' || coalesce(unit_raw, '')
                || ' is not a finite number in base units'
            WHEN unit IS NULL THEN 'unknown unit ' || unit_repr
            WHEN unit <> expected_unit THEN 'unit ' || unit_repr || ' does not fit indicator ' || indicator
                || ' (measured in ' || expected_unit || ')'
            WHEN share AND (value_n < {vocab.SHARE_RANGE[0]} OR value_n > {vocab.SHARE_RANGE[1]})
                THEN 'value ' || value_n || ' outside 0..100, the range of a share'
            WHEN min_v IS NOT NULL AND value_n < min_v
                THEN 'value ' || value_n || ' below the unit''s minimum ' || CAST(min_v AS DOUBLE)
            WHEN max_v IS NOT NULL AND value_n > max_v
                THEN 'value ' || value_n || ' above the unit''s plausible maximum ' || CAST(max_v AS DOUBLE)
                     || ' (' || expected_unit || ')'
            WHEN integer AND value_n <> round(value_n) THEN 'value ' || value_n || ' should be a whole number'
            WHEN period_type_n NOT IN ({sql_list(vocab.PERIOD_TYPES)})
                THEN 'unknown period_type ' || {sql_repr("period_type_n")}
            WHEN figure_type_n = 'forecast' THEN 'a forecast, not an actual figure: kept out of the assessment'
            WHEN figure_type_n NOT IN ({sql_list(vocab.FIGURE_TYPES)})
                THEN 'unknown figure_type ' || {sql_repr("figure_type_n")}
            WHEN confidence_n NOT IN ({sql_list(vocab.CONFIDENCE_LEVELS)})
                THEN 'unknown confidence ' || {sql_repr("confidence_n")}
            WHEN release_text <> '' AND release_date_n IS NULL
                THEN 'release date ' || {sql_repr("release_text")} || ' is not a date'
            WHEN release_date_n > $today THEN 'release date ' || strftime(release_date_n, '%Y-%m-%d')
                || ' is in the future (today is ' || strftime($today, '%Y-%m-%d') || ')'
        END AS reason
    FROM valued
)
SELECT {", ".join(_NORM_KEEP)} FROM judged
"""
        if self.shared_macros:
            query_shared_macro(con, "_tw_judge", select, _used(params, select), into="_tw_norm")
        else:
            con.execute("CREATE OR REPLACE TEMP TABLE _tw_norm AS" + select, _used(params, select))
        counted = con.execute(f"""WITH {batches_cte}
SELECT p_file, count(*), count(*) FILTER (WHERE accepted), count(*) FILTER (WHERE rejected),
    count(*) FILTER (WHERE hidden)
FROM (SELECT p_file, reason IS NULL AND NOT not_yet_released AS accepted,
             reason IS NOT NULL AND NOT not_yet_released AS rejected, not_yet_released AS hidden FROM _tw_norm
      UNION ALL
      SELECT p.p_file, false, NOT p.reader_hidden, p.reader_hidden
      FROM "{raw}_rejected" r JOIN _tw_batches p ON p.p_batch = r._batch)
GROUP BY p_file""", batch_params).fetchall()
        # the counts say which of the two inserts has rows to write: one with none is not run
        if any(a for _, _, a, _, _ in counted):
            cols = ", ".join(_OBS_SELECT.get(c, f'"{c}"') for c in OBSERVATION_COLUMNS)
            con.execute(f"INSERT INTO observations SELECT {cols} FROM _tw_norm "
                        f"WHERE reason IS NULL AND NOT not_yet_released ORDER BY _batch, _seq")
        if any(r for _, _, _, r, _ in counted):
            # What the reader rejected has no release date of its own: it shares the file's (hidden with it).
            con.execute(f"""WITH {batches_cte}
INSERT INTO rejected_rows SELECT source_file, sha256, sheet, row_number, location, raw_content, reason FROM (
    SELECT r._batch, 0 AS part, r._seq, p.p_source_file AS source_file, p.p_sha256 AS sha256, r.sheet, r.row_number,
        r.location, r.raw_content, r.reason
    FROM "{raw}_rejected" r JOIN _tw_batches p ON p.p_batch = r._batch WHERE NOT p.reader_hidden
    UNION ALL
    SELECT _batch, 1, _seq, p_source_file, p_sha256, sheet, row_number, location, raw_content, reason
    FROM _tw_norm WHERE reason IS NOT NULL AND NOT not_yet_released)
ORDER BY _batch, part, _seq""", batch_params)
        con.execute("DROP TABLE IF EXISTS _tw_norm")
        return {int(f): {"read": n, "accepted": a, "rejected": r, "not_yet_released": h}
                for f, n, a, r, h in counted}

    def batch_params(self, batch: int, file: int, *, source_file: str, sha256: str,
                     default_release_date: str | None, release_date_basis: str) -> dict:
        """One row of the `batches` frame `run` reads: a batch's file and that file's parameters."""
        default_date = _release(default_release_date) if default_release_date else None
        return {"p_batch": batch, "p_file": file, "p_source_file": source_file, "p_sha256": sha256,
                "p_basis": release_date_basis, "default_release": default_release_date or "",
                "default_date": default_date,
                # the reader's rejects of a file released after the as-of date are not visible either
                "reader_hidden": default_date is not None and self.as_of < default_date <= self.today}


# The per-batch parameters `Normaliser.run` joins to the raw rows.
BATCH_COLUMNS: dict[str, str] = {
    "p_batch": "BIGINT", "p_file": "BIGINT", "p_source_file": "VARCHAR", "p_sha256": "VARCHAR", "p_basis": "VARCHAR",
    "default_release": "VARCHAR", "default_date": "DATE", "reader_hidden": "BOOLEAN"}


# How each observation column is computed from the judged rows (a raw column of the same name where not listed).
_OBS_SELECT: dict[str, str] = {
    "observation_id": "left(p_sha256, 12) || ':' || location", "jurisdiction": "jurisdiction", "indicator": "indicator",
    "matched_by": "matched_by_n",
    "year": "CAST(year_num AS BIGINT)", "value": "value_n", "unit": "unit", "value_as_written": "value_raw",
    "unit_as_written": "unit_raw", "period_type": "period_type_n", "figure_type": "figure_type_n",
    "release_date": "release_date_n",
    "release_date_basis": "CASE WHEN row_dated THEN 'row' ELSE p_basis END",
    "confidence": "confidence_n", "source_file": "p_source_file", "sha256": "p_sha256",
    "notes": f"CASE WHEN firms_in_households THEN concat_ws('; ', notes, '{FIRMS_NOTE}') ELSE notes END",
}
# The columns of the judged rows that the inserts into observations and rejected_rows read (the rest stays in the
# statement: a narrower temporary table is cheaper to write and to scan).
_NORM_KEEP: tuple[str, ...] = (
    "_batch", "_seq", "p_file", "p_source_file", "p_sha256", "p_basis", "not_yet_released", "reason", "jurisdiction",
    "indicator", "matched_by_n", "year_num", "value_n", "unit",
    "value_raw", "unit_raw", "period_type_n", "figure_type_n", "release_date_n", "row_dated", "confidence_n",
    "notes", "firms_in_households",
    *(c for c in OBSERVATION_COLUMNS if c in RAW_TYPES and c not in _OBS_SELECT),
)


def _used(params: dict, sql: str) -> dict:
    """The parameters a statement names (DuckDB refuses any other)."""
    return {k: v for k, v in params.items() if f"${k}" in sql}




def normalise(
    rows: pd.DataFrame,
    catalogue: Catalogue,
    *,
    source_file: str,
    sha256: str,
    default_release_date: str | None,
    release_date_basis: str,
    as_of: dt.date,
    today: dt.date | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (observations, rejected) of one reader's raw rows, through the SQL normaliser on a private
    in-memory DuckDB. Each rejected row carries the first problem found, in plain words."""
    with private_database(len(rows)) as con:
        n = Normaliser(con, catalogue, as_of=as_of, today=today, shared_macros=True)
        create_pending(con, "_tw_pending")
        append_raw(con, "_tw_pending", rows, batch=0, empty=True)
        n.run("_tw_pending", pd.DataFrame([n.batch_params(0, 0, source_file=source_file, sha256=sha256,
                                                          default_release_date=default_release_date,
                                                          release_date_basis=release_date_basis)]))
        return frames(con)


def frames(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The observations and rejected_rows tables as pandas (for small inputs: tests and callers that want frames)."""
    obs = fetch.frame(con.execute("SELECT * FROM observations"))  # as .df() gives it, cheaper (targetwatch.fetch)
    rej = fetch.frame(con.execute("SELECT * FROM rejected_rows"))
    obs["year"] = obs["year"].astype("Int64")
    obs["release_date"] = [None if pd.isna(d) else d.date() for d in obs["release_date"]]
    obs["release_date"] = obs["release_date"].astype(object)
    return obs, rej

