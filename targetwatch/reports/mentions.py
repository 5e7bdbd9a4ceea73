"""A figure's mentions in one file: one row per figure, and a mention with no year of its own takes the year the same
figure is stated with elsewhere in the text.

    我国科技进步贡献率已达59.5%          <- the headline: no year (the release date would say 2020)
    2019年,我国科技进步贡献率达59.5%。   <- the body states the same figure with its year: both are 2019, one row

(u10_nat_2019_contribution_spaced and _trad, dev since round 6; the class of `甘肃省12家高新区` in a headline.) Only a
year inferred from the release date, from a work report's date or from 去年/今年 gives way, and only to one stated
year: a figure stated for two years is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from targetwatch import vocab
from targetwatch.reports.annual_statistics import ANNUAL_BASIS
from targetwatch.reports.matching import normalised_key
from targetwatch.reports.periods import YearBasis
from targetwatch.units import normalise_text, parse_number, to_simplified, written_unit

# 去年 in a headline gives way too: 去年城镇新增就业1322万 above 2014年我国城镇新增就业1322万人 in a page with no
# release date (u15_nat_2014_jobs_apcjh, dev since round 10)
_WEAK = (YearBasis.RELEASE_DATE, YearBasis.WORK_REPORT, YearBasis.RELATIVE, ANNUAL_BASIS)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")  # year bases that a stated year of the same figure overrides


def _fold(text: object) -> str:
    return to_simplified(normalise_text(str(text)).lower())


def _figure_key(rows: pd.DataFrame, indicator: Callable[[str], str], place: Callable[[str], str]) -> pd.Series:
    """indicator | place | value | unit: the same figure, whatever its year. The indicator and the place by what they
    stand for (研發經費 and 研究与试验发展经费 are one indicator; 中国 and 我国 one place: u11_nat_2021_rd_prelim_trad,
    u7_nat_2012_caixin, dev since round 7)."""
    return (
        rows["indicator_raw"].map(lambda n: indicator(str(n)))
        + "|"
        + rows["jurisdiction_raw"].map(lambda j: place(str(j)))
        + "|"
        + rows["value_raw"].map(normalise_text)
        + "|"
        + rows["unit_raw"].map(_fold)
    )


def _factor(unit: object) -> float | None:
    """The written unit's factor to the base unit: 亿元, and 万亿元 as 万 × 亿元."""
    unit = _fold(unit)
    if (found := written_unit(unit)) is not None:
        return found[1]
    rest = written_unit(unit[1:]) if unit[:1] in vocab.MULTIPLIERS else None
    return vocab.MULTIPLIERS[unit[0]] * rest[1] if rest is not None else None


def _base(value: object, unit: object) -> float | None:
    """The value in the base unit; None when it cannot be compared. A value that is not a number ('亿' from a
    table's head, u25_nat_2004_most_sti_tables, dev since round 16) is left for the normaliser to quarantine with
    its reason: before round 16 it raised here and the whole file failed, every figure in it silent."""
    try:
        number = parse_number(value)
    except ValueError:
        return None
    factor = _factor(unit)
    return number * factor if number is not None and factor is not None else None


def _written_digits(value: object) -> str:
    """The figure as written, folded, without its thousands separators: 1,000 is one thousand, not a 1 that a
    rounding of 501 would give."""
    return normalise_text(str(value)).replace(",", "")


def _decimals(value: object) -> int:
    text = _written_digits(value)
    return len(text.split(".", 1)[1]) if "." in text else 0


def _rounded_restatements(rows: pd.DataFrame, same: pd.Series) -> pd.Series:
    """For a mention that only rounds another mention of the same indicator, place and year: 2.79萬億元 beside
    27864億元 (u11_nat_2021_rd_prelim_trad, dev since round 7), and 2.4% beside 2.40%: the same value, fewer
    decimals (u23_nat_2020_rd_askci_bwgclm_trad, unseen-23, dev since round 15). A figure per group of mentions."""
    base = [_base(v, u) for v, u in zip(rows["value_raw"], rows["unit_raw"], strict=True)]
    out = pd.Series(None, index=rows.index, dtype=object)  # the index of the precise mention it rounds
    for _, group in rows.groupby(same).groups.items():
        for r in group:
            i = rows.index.get_loc(r)
            for p in group:
                j = rows.index.get_loc(p)
                if p == r or base[i] is None or base[j] is None:
                    continue
                if base[i] == base[j] and _decimals(rows.at[r, "value_raw"]) >= _decimals(rows.at[p, "value_raw"]):
                    continue  # the same figure as written, or the more precise of the two: it stays
                digits = _DIGITS.match(_written_digits(rows.at[r, "value_raw"]))
                if digits is None or not float(digits.group()):
                    continue
                scale = base[i] / float(digits.group())  # 2.79萬 億元: 2.79 of 10^12
                if pd.isna(out[p]) and round(base[j] / scale, _decimals(digits.group())) == float(digits.group()):
                    out[r] = p
    return out


def _restated_years(rows: pd.DataFrame, figure: pd.Series) -> pd.DataFrame:
    stated = rows["year_basis"].eq(YearBasis.STATED)
    years = rows.loc[stated, "year_raw"].astype(str).groupby(figure[stated]).agg(lambda y: set(y))
    one = years[years.map(len) == 1].map(lambda y: next(iter(y)))
    weak = rows["year_basis"].isin(_WEAK) & figure.isin(one.index)
    rows = rows.copy()
    rows.loc[weak, "year_raw"] = figure[weak].map(one)
    rows.loc[weak, "year_basis"] = YearBasis.RESTATED
    # a headline's figure is part of a year when the body states it so: 全国城镇新增就业1099万人 above
    # 1-11月份,全国城镇新增就业1099万人 (u11_nat_2020nov_jobs_ddsb, dev since round 7)
    partial = rows["period_type"].eq("partial")
    same = figure + "|" + rows["year_raw"].astype(str)
    part_of_year = rows["year_basis"].isin((*_WEAK, YearBasis.RESTATED)) & ~partial & same.isin(same[partial])
    rows.loc[part_of_year, "period_type"] = "partial"
    return rows


def one_per_figure(
    rows: pd.DataFrame, indicator: Callable[[str], str] = normalised_key, place: Callable[[str], str] = _fold
) -> pd.DataFrame:
    """A figure stated twice in one file (headline and body, a repeated sentence, a rounded restatement) is one row;
    the first mention stays and its notes list where else it stands."""
    if rows.empty:
        return rows
    figure = _figure_key(rows, indicator, place)
    rows = _restated_years(rows, figure)
    same = (
        rows["indicator_raw"].map(lambda n: indicator(str(n)))
        + "|"
        + rows["jurisdiction_raw"].map(lambda j: place(str(j)))
        + "|"
        + rows["year_raw"].astype(str)
    )
    partner = _rounded_restatements(rows, same)
    rounded = partner.notna()
    if rounded.any():
        rows = rows.copy()
        for r, p in partner[rounded].items():
            written = f"{rows.at[r, 'value_raw']}{rows.at[r, 'unit_raw']}"
            note = f"also stated rounded at {rows.at[r, 'location']} ({written})"
            old = rows.at[p, "notes"]
            rows.at[p, "notes"] = "; ".join(filter(None, [old if isinstance(old, str) else None, note]))
        rows, figure = rows[~rounded], figure[~rounded]
    key = figure + "|" + rows["year_raw"].astype(str)
    # the mention that states the year stays (a headline's 去年 took its year from it: u15_nat_2014_jobs_apcjh)
    stated_first = rows["year_basis"].eq(YearBasis.RESTATED).astype(int).sort_values(kind="stable").index
    first = (~key[stated_first].duplicated()).reindex(rows.index)
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
