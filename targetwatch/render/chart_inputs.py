"""Which of a data-file batch's targets get their charts drawn in the browser (targetwatch.chart_client), decided for
the whole batch at once: a target whose chart could hold a number the page's builder does not write as Python does
(a nonzero number outside chart_client.SAFE, in its chart fields, its per-year values, or the reference or proxy
figures drawn beside them; a straight required path through or near 0; running totals of values of both signs: the
numbers the builders make from these may be a float's residue, such as 1.39e-17, outside formatting.FAST) keeps its
charts built in Python (charts.shared_charts)."""

from __future__ import annotations

import numpy as np

from targetwatch import chart_client, formatting

# the chart fields that hold numbers (chart_client.FIELDS less the codes, flags and names)
NUMBER_FIELDS: frozenset[str] = frozenset(chart_client.FIELDS) - {
    "status", "unit", "comparator", "per_year", "growth_model", "projection_used", "reference_zh", "reference_en"}


def _floats(values) -> np.ndarray:
    """The values as float64 (None and anything not a number as NaN), one for one."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "fiub":
        return values.astype(np.float64, copy=False)
    try:
        return np.asarray(values if isinstance(values, list) else list(values), dtype=np.float64)
    except (TypeError, ValueError):
        out = np.full(len(values), np.nan)
        for i, v in enumerate(values):
            if isinstance(v, int | float) and not isinstance(v, bool):
                out[i] = v
        return out


def unsafe(values) -> np.ndarray:
    """Each value: a number the builder cannot be trusted to write (nonzero, outside SAFE, or infinite)."""
    a = np.abs(_floats(values))
    with np.errstate(invalid="ignore"):
        return (a != 0) & ~np.isnan(a) & ((a < chart_client.SAFE[0]) | (a > chart_client.SAFE[1]))


def _any_in(mask: np.ndarray, spans) -> np.ndarray:
    """Whether any of mask[s:e] holds, for each (s, e) of `spans`."""
    if not len(spans):
        return np.zeros(0, dtype=bool)
    ends = np.concatenate([[0], np.cumsum(mask, dtype=np.int64)])
    s, e = np.asarray(spans, dtype=np.int64).reshape(-1, 2).T
    return ends[e] > ends[s]


def _near_zero_path(part: dict, n: int) -> np.ndarray:
    """Each target whose straight required path (chart_rows.required_path) may hold a point near 0 that is not 0: one
    from a base to a level of the other sign (a float's residue where it crosses 0, such as 1.39e-17), or from or to
    0 in steps under 10^-5."""
    if not {"base_value", "base_year", "deadline"} <= set(part):
        return np.zeros(n, dtype=bool)
    none = [None] * n
    level = _floats(part.get("goal_at_deadline", none))
    level = np.where(np.isnan(level), _floats(part.get("target_value_stated", none)), level)
    b = _floats(part["base_value"])
    span = np.maximum(_floats(part["deadline"]) - _floats(part["base_year"]), 1.0)
    with np.errstate(invalid="ignore"):
        step = np.abs(level - b) / span
        return (b * level < 0) | (((b == 0) | (level == 0)) & (step > 0) & (step < 1e-5))


class BrowserCharts:
    """For one batch (data_files.DataFiles._job's `job`): `ok(k)`, whether the batch's k-th target's charts are drawn
    in the browser."""

    def __init__(self, job: dict) -> None:
        n = len(job["target_ids"])
        self.able = set(formatting.CLDR) == set(formatting.LOCALES)
        bad = np.zeros(n, dtype=bool)
        for c, v in job["chart_part"].items():
            if c in NUMBER_FIELDS:
                bad |= unsafe(v)
        bad |= _near_zero_path(job["chart_part"], n)
        chart_years = job["chart_years"]
        spans = [chart_years["ranges"][tid] for tid in job["target_ids"]]
        for c in ("value", "metric", "reference_value"):
            if c in chart_years["cols"]:
                bad |= _any_in(unsafe(chart_years["cols"][c]), spans)
        if "value" in chart_years["cols"]:  # running totals of values of both signs may end a float's residue from 0
            v = _floats(chart_years["cols"]["value"])
            bad |= _any_in(v > 0, spans) & _any_in(v < 0, spans)
        series = job["figures"]["series"]
        keys = list(series)
        bad_series = _any_in(unsafe(job["figures"]["fig_cols"]["value"]), [series[k] for k in keys])
        self.bad_series = {k for k, b in zip(keys, bad_series, strict=True) if b}
        self.bad = bad
        self.ref, self.proxy = job["ref"], job["proxy"]

    def ok(self, k: int) -> bool:
        if not self.able or self.bad[k]:
            return False
        bad = self.bad_series
        return not bad or not (self.ref[k] in bad or any(p in bad for p in self.proxy[k] or ()))
