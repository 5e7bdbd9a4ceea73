"""A figure's mentions in one file: one row per figure, and a mention with no year of its own takes the year the same
figure is stated with elsewhere in the text.

    我国科技进步贡献率已达59.5%          <- the headline: no year (the release date would say 2020)
    2019年,我国科技进步贡献率达59.5%。   <- the body states the same figure with its year: both are 2019, one row

(u10_nat_2019_contribution_spaced and _trad, dev since round 6; the class of `甘肃省12家高新区` in a headline.) Only a
year inferred from the release date or from a work report's date gives way, and only to one stated year: a figure
stated for two years is left as it is.
"""

from __future__ import annotations

import pandas as pd

from targetwatch.reports.matching import normalised_key
from targetwatch.units import normalise_text, to_simplified

_WEAK = ("release date", "work report")  # year bases that a stated year of the same figure overrides


def _figure_key(rows: pd.DataFrame) -> pd.Series:
    """indicator | place | value | unit, as written but normalised: the same figure, whatever its year."""
    return (
        rows["indicator_raw"].map(normalised_key)
        + "|"
        + rows["jurisdiction_raw"].map(lambda j: to_simplified(normalise_text(str(j))))
        + "|"
        + rows["value_raw"].map(normalise_text)
        + "|"
        + rows["unit_raw"].map(lambda u: normalise_text(to_simplified(str(u))))
    )


def _restated_years(rows: pd.DataFrame, figure: pd.Series) -> pd.DataFrame:
    stated = rows["year_basis"].eq("stated")
    years = rows.loc[stated, "year_raw"].astype(str).groupby(figure[stated]).agg(lambda y: set(y))
    one = years[years.map(len) == 1].map(lambda y: next(iter(y)))
    weak = rows["year_basis"].isin(_WEAK) & figure.isin(one.index)
    if not weak.any():
        return rows
    rows = rows.copy()
    rows.loc[weak, "year_raw"] = figure[weak].map(one)
    rows.loc[weak, "year_basis"] = "restated"
    return rows


def one_per_figure(rows: pd.DataFrame) -> pd.DataFrame:
    """A figure stated twice in one file (headline and body, a repeated sentence) is one row; the first mention
    stays and its notes list where else it stands."""
    if rows.empty:
        return rows
    figure = _figure_key(rows)
    rows = _restated_years(rows, figure)
    key = figure + "|" + rows["year_raw"].astype(str)
    first = ~key.duplicated()
    where = rows["location"] + rows["notes"].map(lambda n: f" ({n})" if isinstance(n, str) and n else "")
    others = where[~first].groupby(key[~first]).agg("; ".join)
    also = key.map(others)
    kept = rows.loc[first].copy()
    extra = also[first].dropna()
    kept.loc[extra.index, "notes"] = [
        "; ".join(filter(None, [n if isinstance(n, str) else None, f"also stated at {where}"]))
        for n, where in zip(kept.loc[extra.index, "notes"], extra, strict=True)
    ]
    return kept.reset_index(drop=True)
