"""The charts' hover texts and values made a column at a time (formatting.format_values, charts._nums) against the
per-value calls they replaced (format_value and charts._num, value by value), on edge cases: missing values of every
kind, one-point series, every comparator kind, per-year and relative targets, proxies. All inputs SYNTHETIC."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal

import numpy as np
import orjson
import pandas as pd
import pytest

from targetwatch import chart_texts, charts, vocab
from targetwatch.formatting import format_value, format_values

VALUES = [None, float("nan"), pd.NA, np.nan, float("inf"), float("-inf"), 0.0, -0.0, 1.0, -1.0, 0.5, 2.675, 9999.95,
          -9999.95, 45e4, 1.4415e10, 1e80, -1e80, 1e-9, 123456.789, 0.00012345, 3, -7, 0, True, np.float64(1.16),
          np.float64("nan"), np.int64(450000), np.float32(2.5), Decimal("1.5"), "12", "x"]
UNITS = [*vocab.UNIT_BY_CODE, None, "unknown", float("nan")]


def _per_value(values, unit, lang, *, signed=False):
    return [format_value(v, unit, lang, signed=signed) for v in values]


@pytest.mark.parametrize(("unit", "lang", "signed"), list(itertools.product(UNITS, ("zh", "en"), (False, True))))
def test_format_values_equals_format_value_one_by_one(unit, lang, signed):
    assert format_values(VALUES, unit, lang, signed=signed) == _per_value(VALUES, unit, lang, signed=signed)
    assert format_values([], unit, lang, signed=signed) == []
    assert format_values(iter(VALUES[6:9]), unit, lang, signed=signed) == _per_value(VALUES[6:9], unit, lang,
                                                                                     signed=signed)


def test_nums_equals_num_one_by_one():
    values = [v for v in VALUES if not isinstance(v, str)]
    got, expected = charts._nums(values), [charts._num(v) for v in values]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert type(g) is type(e) and (g == e or (isinstance(g, float) and math.isnan(g) and math.isnan(e)))


def _target(comparator: str, **over) -> dict:
    t = {"status": "on_track", "unit": "persons", "comparator": comparator, "per_year": False, "deadline": 2025,
         "plan_start": 2021, "goal_at_deadline": 120.0, "target_value_stated": 120.0, "value_high": 150.0,
         "base_year": 2020, "base_value": 100.0, "growth_model": "compound" if comparator == "growth_rate" else None,
         "latest_year": 2022, "latest_value": 108.0, "latest_gap": -4.0, "latest_goal": 112.0,
         "latest_reference_value": 5.0, "latest_metric": 108.0, "projection_used": "linear",
         "projection_linear": 118.0, "projection_compound": 119.0, "projection_year": 2025, "reference_zh": "全国",
         "reference_en": "China"}
    return t | over


SERIES = {
    "none": {"year": [], "value": [], "metric": [], "in_plan": [], "met": [], "reference_value": []},
    "one point": {"year": [2022], "value": [108.0], "metric": [108.0], "in_plan": [True], "met": [False],
                  "reference_value": [5.0]},
    "missing values": {"year": [2022, 2020, 2021], "value": [108.0, None, float("nan")],
                       "metric": [-1.5, None, float("nan")], "in_plan": [True, None, False],
                       "met": [True, False, None], "reference_value": [5.0, None, 4.0]},
    "numpy": {"year": np.array([2020, 2021]), "value": [np.float64(100.0), np.float64(-2.5)],
              "metric": [np.float64(0.0), np.float64(-0.0)], "in_plan": [False, True], "met": [False, True],
              "reference_value": [np.nan, 4.5]},
}
PROXIES = {"year": np.array([2021, 2019, 2021]), "value": [3.0, None, 1e9],
           "indicator_name_zh": ["替代甲", "替代乙", None], "indicator_name_en": ["Proxy A", "Proxy B", None]}
TARGETS = {
    **{c: _target(c) for c in vocab.COMPARATORS},
    "per year": _target("at_least", per_year=True, target_value_stated=30.0),
    "per year, no plan start": _target("at_least", per_year=True, plan_start=None),
    "no deadline": _target("at_least", deadline=None, latest_gap=None),
    "all missing": _target("at_least", **{f: None for f in charts.TARGET_FIELDS if f not in ("comparator",)}),
    "nan fields": _target("at_most", goal_at_deadline=float("nan"), latest_goal=float("nan"), base_value=np.nan),
    "percent": _target("relative_to_reference", unit="percent"),
}


def _old_charts(target, years, reference, proxies, monkeypatch) -> bytes:
    """target_charts with the per-value calls of the code before (format_value and _num value by value)."""
    with monkeypatch.context() as m:
        m.setattr(chart_texts, "format_values", _per_value)
        m.setattr(charts, "_nums", lambda values: [charts._num(v) for v in values])
        return orjson.dumps(charts.target_charts(target, years, reference, proxies), option=orjson.OPT_SERIALIZE_NUMPY)


@pytest.mark.parametrize("target_name", list(TARGETS))
@pytest.mark.parametrize("series_name", list(SERIES))
@pytest.mark.parametrize("with_proxies", [False, True])
def test_target_charts_equal_the_per_value_calls(target_name, series_name, with_proxies, monkeypatch):
    target, years = TARGETS[target_name], SERIES[series_name]
    reference = {"year": [2019, 2022], "value": [4.0, None]}
    proxies = PROXIES if with_proxies else None
    new = orjson.dumps(charts.target_charts(target, years, reference, proxies), option=orjson.OPT_SERIALIZE_NUMPY)
    assert new == _old_charts(target, years, reference, proxies, monkeypatch)
    if series_name != "none" and target["comparator"] != "qualitative":
        assert b"hovertemplate" in new  # a chart was drawn: the comparison covered its texts
