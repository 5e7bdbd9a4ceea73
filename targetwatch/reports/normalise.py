"""Raw rows -> observations in base units, or quarantine with a reason. Vectorised pandas, no row loops
except the numeral parser for cells that are not plain numbers (1.3万, 四十万, １２３)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from targetwatch import vocab
from targetwatch.catalogue import Catalogue
from targetwatch.reports.matching import IndicatorMatcher, ambiguity_reason
from targetwatch.units import normalise_text, parse_number, to_simplified, written_unit

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


def alias_map(catalogue: Catalogue) -> tuple[dict[str, str], dict[str, str]]:
    """Lookup keys (code, names, aliases; simplified and as written) -> code, for jurisdictions and indicators."""

    def keys(code: str, *names: str) -> dict[str, str]:
        out = {}
        for n in (code, *names):
            if n:
                k = normalise_text(n).lower()
                out[k] = code
                out[to_simplified(k)] = code
        return out

    jur: dict[str, str] = {}
    for j in catalogue.jurisdictions:
        jur |= keys(j.code, j.name_zh, j.name_en, *j.aliases)
    ind: dict[str, str] = {}
    for i in catalogue.indicators:
        ind |= keys(i.code, i.name_zh, i.name_en, *i.aliases)
    return jur, ind


def indicator_matcher(catalogue: Catalogue) -> IndicatorMatcher:
    """Exact names (code, name_zh, name_en), aliases, then normalised keys (targetwatch.reports.matching)."""
    return IndicatorMatcher.from_names((i.code, [i.name_zh, i.name_en], i.aliases) for i in catalogue.indicators)


def _codes(keys: pd.Series, table: dict[str, str]) -> pd.Series:
    """The code of each folded key, as written or else in simplified script; None where the catalogue has neither.

    Looked up per key rather than by filling one mapped column from another: a column of misses is all
    missing and pandas would silently change its dtype (object -> float).
    """

    def code(key: str) -> str | None:
        return table[key] if key in table else table.get(to_simplified(key))

    return pd.Series([code(k) for k in keys], index=keys.index, dtype=object)


def _parse_values(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(value, error message). Plain numbers go through to_numeric; only the rest meet the numeral parser."""
    cleaned = raw.fillna("").astype(str).map(normalise_text).str.replace(",", "", regex=False)
    fast = pd.to_numeric(cleaned, errors="coerce")
    value = fast.astype(float)
    error = pd.Series("", index=raw.index, dtype=object)
    slow = fast.isna()
    for idx, text in cleaned[slow].items():  # only the non-plain cells: 1.3万, 四十万, —
        try:
            parsed = parse_number(text)
        except ValueError:
            error[idx] = f"value {raw[idx]!r} is not a number"
            continue
        if parsed is None:
            error[idx] = "value is missing (empty or a missing mark such as — or …)"
        else:
            value[idx] = parsed
    infinite = value.notna() & ~np.isfinite(value) & (error == "")  # 'inf', '1e999': not a figure
    error[infinite] = "value " + raw[infinite].astype(str).map(repr) + " is not a finite number"
    return value, error


def normalise(
    rows: pd.DataFrame,
    catalogue: Catalogue,
    *,
    source_file: str,
    sha256: str,
    default_release_date: str | None,
    release_date_basis: str,
    as_of: dt.date,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (observations, rejected). Each rejected row carries the first problem found, in plain words."""
    jur_map, ind_map = alias_map(catalogue)
    units_of = {i.code: i.unit for i in catalogue.indicators}
    df = rows.copy()
    key = lambda s: s.fillna("").astype(str).map(normalise_text).str.lower()  # noqa: E731
    jkey, ikey = key(df["jurisdiction_raw"]), key(df["indicator_raw"])
    df["jurisdiction"] = _codes(jkey, jur_map)
    df["indicator"] = _codes(ikey, ind_map)
    # Names the lookup above misses are matched by their normalised key; one key of two indicators is refused.
    matches = [indicator_matcher(catalogue).match(name) for name in df["indicator_raw"]]
    df["matched_by"] = [m.matched_by for m in matches]
    df.loc[df["indicator"].isna(), "indicator"] = pd.Series([m.code for m in matches], index=df.index, dtype=object)
    ambiguous = pd.Series([m.ambiguous for m in matches], index=df.index, dtype=bool)
    ambiguity = pd.Series(
        [
            ambiguity_reason(n, m.candidates) if m.ambiguous else ""
            for n, m in zip(df["indicator_raw"], matches, strict=True)
        ],
        index=df.index,
        dtype=object,
    )
    year = pd.to_numeric(df["year_raw"].fillna("").astype(str).map(normalise_text).str.rstrip("年"), errors="coerce")
    year = year.where(np.isfinite(year))  # 'inf' is not a year
    df["year"] = year
    value, value_error = _parse_values(df["value_raw"])
    unit_info = df["unit_raw"].map(lambda u: written_unit(u) or (None, np.nan))
    df["unit"] = unit_info.str[0]
    df["value"] = value * unit_info.str[1].astype(float)
    expected_unit = df["indicator"].map(units_of)
    df["period_type"] = df["period_type"].fillna("").replace("", "annual").str.strip().str.lower()
    df["figure_type"] = df["figure_type"].fillna("").replace("", "actual").str.strip().str.lower()
    df["confidence"] = df["confidence"].fillna("").replace("", "medium").str.strip().str.lower()

    rel = df["release_date_raw"].fillna("").astype(str).str.strip()
    df["release_date_basis"] = np.where(rel != "", "row", release_date_basis)
    rel = rel.where(rel != "", default_release_date or "")
    df["release_date"] = pd.to_datetime(rel.replace("", None), errors="coerce", format="mixed").dt.date
    bad_date = (rel != "") & df["release_date"].isna()

    unit_meta = pd.DataFrame(
        [(u.code, u.integer, u.min_value, u.max_value) for u in vocab.UNITS],
        columns=["unit", "integer", "min_v", "max_v"],
    ).set_index("unit")
    integer = expected_unit.map(unit_meta["integer"]).eq(True)  # unknown unit: not an integer unit
    min_v = expected_unit.map(unit_meta["min_v"])
    max_v = expected_unit.map(unit_meta["max_v"])
    v = df["value"]

    conditions = [
        (df["jurisdiction"].isna(), "unknown jurisdiction " + df["jurisdiction_raw"].astype(str).map(repr)),
        (ambiguous, ambiguity),
        (
            df["indicator"].isna(),
            "unknown indicator "
            + df["indicator_raw"].astype(str).map(repr)
            + " (not a code, name or alias in targets.yaml)",
        ),
        (year.isna() | (year != year.round()), "year " + df["year_raw"].astype(str).map(repr) + " is not a year"),
        (
            (year < MIN_YEAR) | (year > as_of.year),
            "impossible year " + year.round().astype("Int64").astype(str) + f" (outside {MIN_YEAR}-{as_of.year})",
        ),
        (value_error != "", value_error),
        (df["unit"].isna(), "unknown unit " + df["unit_raw"].astype(str).map(repr)),
        (
            df["unit"] != expected_unit,
            "unit "
            + df["unit_raw"].astype(str).map(repr)
            + " does not fit indicator "
            + df["indicator"].astype(str)
            + " (measured in "
            + expected_unit.astype(str)
            + ")",
        ),
        (min_v.notna() & (v < min_v), "value " + v.astype(str) + " below the unit's minimum " + min_v.astype(str)),
        (max_v.notna() & (v > max_v), "value " + v.astype(str) + " above the unit's maximum " + max_v.astype(str)),
        (integer & ((v - v.round()).abs() > 1e-6), "value " + v.astype(str) + " should be a whole number"),
        (~df["period_type"].isin(vocab.PERIOD_TYPES), "unknown period_type " + df["period_type"].map(repr)),
        (df["figure_type"] == "forecast", "a forecast, not an actual figure: kept out of the assessment"),
        (~df["figure_type"].isin(vocab.FIGURE_TYPES), "unknown figure_type " + df["figure_type"].map(repr)),
        (~df["confidence"].isin(vocab.CONFIDENCE_LEVELS), "unknown confidence " + df["confidence"].map(repr)),
        (bad_date, "release date " + rel.map(repr) + " is not a date"),
        (
            df["release_date"].notna()
            & (pd.to_datetime(df["release_date"]) > pd.Timestamp(as_of) + pd.Timedelta(days=3650)),
            "release date is in the far future",
        ),
    ]
    reason = pd.Series(np.select([c for c, _ in conditions], [r for _, r in conditions], default=""), index=df.index)

    df["source_file"] = source_file
    df["sha256"] = sha256
    df["value_as_written"] = df["value_raw"]
    df["unit_as_written"] = df["unit_raw"]
    df["year"] = year.where(year == year.round()).astype("Int64")  # 2019.5 is rejected above, not cast
    df["observation_id"] = sha256[:12] + ":" + df["location"].astype(str)

    good = reason == ""
    obs = df.loc[good, list(OBSERVATION_COLUMNS)].reset_index(drop=True)
    rej = df.loc[~good].assign(reason=reason[~good])[list(REJECTED_COLUMNS)].reset_index(drop=True)
    return obs, rej
