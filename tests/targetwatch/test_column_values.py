"""The sites' column-at-a-time conversions give exactly what their per-value definitions give (values and types):
display_value of a datetime column, json_values of a text column, the lineage's dates as text and its grouped rows,
and dump_js written as bytes."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from targetwatch.render import lineage_site, page


def _stamps(n: int = 20_000, unit: str = "ns") -> pd.Series:
    rng = np.random.default_rng(16)
    days = rng.integers(-25_000, 60_000, n)  # 1901..2134
    kind = rng.integers(0, 4, n)  # midnight, a time to the second, a fraction of a second, missing
    ns = days.astype("int64") * 86_400 * 10**9
    ns += np.where(kind == 1, rng.integers(1, 86_400, n) * 10**9, 0)
    ns += np.where(kind == 2, rng.integers(1, 86_400 * 10**9, n), 0)
    values = pd.Series(ns.astype("datetime64[ns]"))
    values[kind == 3] = pd.NaT
    return values.astype(f"datetime64[{unit}]")


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
def test_a_datetime_column_is_displayed_as_display_value_displays_each_value(unit):
    values = _stamps(unit=unit)
    want = [page.display_value(v) for v in values.astype(object)]
    got = page.display_column(values)
    assert got == want and [type(v) for v in got] == [type(v) for v in want]
    assert page._timestamp_texts(values) is not None  # the column-wide path, not the per-value fallback


def test_a_datetime_column_with_a_year_outside_1000_to_9999_is_displayed_value_by_value():
    values = pd.Series(np.array(["0999-12-31T12:00:00", "2024-01-01", "NaT"], dtype="datetime64[s]"))
    assert page._timestamp_texts(values) is None
    assert page.display_column(values) == [page.display_value(v) for v in values.astype(object)]


def _json_values_per_value(values: pd.Series) -> list:  # json_values' text branch as it was
    out = values.astype(object).where(values.notna(), None).tolist()
    return [v if type(v) is str else None if isinstance(v, float) and not math.isfinite(v) else
            (v.item() if hasattr(v, "item") else v) for v in out]


@pytest.mark.parametrize("values", [
    pytest.param(pd.Series(["甲", None, "b", float("nan"), pd.NA], dtype=object), id="texts and missing"),
    pytest.param(pd.Series([None, None], dtype=object), id="all missing"),
    pytest.param(pd.Series([], dtype=object), id="empty"),
    pytest.param(pd.Series(["a", 2.5, float("inf"), np.int64(3), np.str_("s"), True], dtype=object), id="mixed"),
    pytest.param(pd.Series(["x", None, "z"], dtype="string[pyarrow]"), id="Arrow-backed text"),
    pytest.param(pd.Series(["x", None], dtype="string"), id="pandas text"),
    pytest.param(pd.Series(pd.array([1, None], dtype="Int64")), id="Int64 with NA"),
])
def test_json_values_of_a_text_column_are_the_per_value_conversion(values):
    got, want = page.json_values(values), _json_values_per_value(values)
    assert got == want and [type(v) for v in got] == [type(v) for v in want]


def _json_values_of_times_by_strftime(values: pd.Series) -> list:  # json_values' datetime branch as it was
    v = pd.to_datetime(values)
    day, stamp = v.dt.strftime("%Y-%m-%d"), v.dt.strftime("%Y-%m-%d %H:%M:%S")
    return day.where(v == v.dt.normalize(), stamp).astype(object).where(v.notna(), None).tolist()


@pytest.mark.parametrize("values", [
    pd.Series(pd.to_datetime(["2025-01-01", None, "2024-06-30 12:30:00", "2025-01-01", "1999-12-31 00:00:01"],
                             format="mixed")),
    pd.Series(pd.to_datetime([None, None])),
    pd.Series(pd.to_datetime([], utc=True)),
    pd.Series(pd.to_datetime(["2025-01-01 03:00", "2025-01-01"], format="mixed").tz_localize("Asia/Shanghai")),
    pd.Series(np.array(["2025-01-01T00:00:00.5", "NaT", "0999-01-01"], dtype="datetime64[ms]")),
    pd.Series(pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-01"]), index=[5, 3, 9]),
    pd.Series(np.repeat(np.array(["2024-03-31", "2025-06-30T08:00"], dtype="datetime64[us]"), 500)),
])
def test_json_values_of_a_datetime_column_are_each_values_strftime(values):
    """Each distinct time is written once and put back by position: the same texts (types, None for NaT, a time
    only where there is one) as strftime of every value."""
    got, want = page.json_values(values), _json_values_of_times_by_strftime(values)
    assert got == want and [type(v) for v in got] == [type(v) for v in want]


def test_the_lineage_dates_as_text_are_the_timestamps_text():
    values = _stamps(unit="us").dt.floor("s")
    got = lineage_site._stamp_texts(values)
    want = [None if v is None else str(v) for v in lineage_site._record_values(values)]
    assert got == want and len(got) == len(values)
    fraction = pd.Series(pd.to_datetime(["2024-01-02 03:04:05.25", None]))
    assert lineage_site._stamp_texts(fraction) == lineage_site._record_values(fraction)  # the Timestamps
    text = pd.Series(["2024-01-02", None], dtype=object)
    assert lineage_site._stamp_texts(text) == lineage_site._record_values(text)


def test_rows_grouped_by_runs_are_the_rows_appended_per_key():
    rng = np.random.default_rng(3)
    keys = [*sorted(rng.choice(["a", "b|c", "d", "甲"], 500).tolist()), "a", "a", "zz"]  # "a" again, in a second run
    rows = [(i, str(i)) for i in range(len(keys))]
    want: dict = {}
    for k, r in zip(keys, rows, strict=True):
        want.setdefault(k, []).append(r)
    got = lineage_site._grouped(keys, rows)
    assert got == want and list(got) == list(want)
    assert lineage_site._grouped([], []) == {}


def _dump_js_as_text(path, function, payload) -> int:  # dump_js as it was: str, then encoded by write_text
    text = page._json_text(payload).decode("utf-8")
    text = function + "(" + text.replace("<", "\\u003c") + ");\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


@pytest.mark.parametrize("payload", [
    pytest.param({"a": "目标 </script> <b>\u001f\u2028", "b": [1, True, None, -0.0, 2.5e-7]}, id="texts"),
    pytest.param({"c": [page.Encoded.of({"y": ["<i>", "值"]}), page.Encoded.of([])], "d": np.float64(2.5)},
                 id="encoded values"),
    pytest.param({"e": page.Encoded.MARK, "f": page.Encoded.of("<")}, id="the mark itself: not spliced"),
    pytest.param({"big": 2**70, "g": page.Encoded.of("<目标>")}, id="written by json"),
])
def test_dump_js_written_as_bytes_is_the_text_it_wrote(tmp_path, payload):
    n = page.dump_js(tmp_path / "bytes.js", "twX", payload)
    m = _dump_js_as_text(tmp_path / "text.js", "twX", payload)
    assert (tmp_path / "bytes.js").read_bytes() == (tmp_path / "text.js").read_bytes() and n == m
    body = (tmp_path / "bytes.js").read_text(encoding="utf-8")
    assert "<" not in body and json.loads(body[4:-3]) is not None


def test_the_lineage_figures_values_written_a_column_at_a_time_are_num_of_each():
    rng = np.random.default_rng(21)
    n = 60_000
    mags = 10.0 ** rng.uniform(-12, 21, n)
    values = np.concatenate([
        mags * rng.choice([-1, 1], n),  # every magnitude, both signs
        np.round(mags[:10_000] / 10 ** rng.integers(0, 6, 10_000)) * 10 ** rng.integers(0, 6, 10_000),  # whole
        rng.integers(0, 10**7, 10_000) / 10 ** rng.integers(0, 7, 10_000),  # short decimals
        rng.integers(-10**6, 10**6, 10_000) + 0.5,  # halves: six-digit ties
        10.0 ** np.arange(-8, 20), 10.0 ** np.arange(-8, 20) - 0.5, 999_999.5 + np.arange(-3, 3),
        [0.0, -0.0, 1e15, -1e15, 1e18, -1e18, 9.999995e14, float("inf"), float("-inf"), float("nan"), 5e-324],
    ])
    column = pd.Series(values)
    want = [None if v != v else lineage_site._num(v) for v in values.tolist()]
    assert lineage_site._audit_column(column) == want
    mixed = pd.Series([1.5, None, 2, "x"], dtype=object)  # not a float column: value by value
    assert lineage_site._audit_column(mixed) == [lineage_site._num(1.5), None, "2", "x"]
    assert lineage_site._audit_column(pd.Series([], dtype="float64")) == []
    assert lineage_site._audit_column(pd.Series([float("nan")])) == [None]


def _check_rows_as_it_was(figures, failed, checks, targets):  # lineage.check_rows before the numbered targets
    from targetwatch.lineage import _condition
    used = figures[figures["used"]]
    n_used = used.groupby("target_id")["observation_id"].nunique()
    pairs = used[["target_id", "observation_id"]].drop_duplicates()
    flagged = (pairs.merge(failed[["observation_id", "expectation_id"]].drop_duplicates(), on="observation_id")
               .groupby(["expectation_id", "target_id"]).size())
    parts = []
    for k, c in enumerate(checks):
        if c["scope"] == "rows":
            rows, condition = used, _condition(c["kwargs"])
            if condition:
                try:
                    rows = used.query(condition, engine="python")
                except (NameError, KeyError, SyntaxError, ValueError, TypeError):
                    rows = used
            checked = rows.groupby("target_id").size()
            checked = checked[checked > 0]
            mine = flagged.xs(c["expectation_id"]) if c["expectation_id"] in flagged.index.levels[0] else None
            n = (mine.reindex(checked.index, fill_value=0) if mine is not None
                 else pd.Series(0, index=checked.index)).to_numpy(dtype="int64")
            success = n == 0
        else:
            checked = n_used.reindex(pd.Index(targets, name="target_id"), fill_value=0)
            n = pd.Series(0, index=checked.index).to_numpy(dtype="int64")
            success = pd.Series(bool(c["success_overall"]), index=checked.index).to_numpy()
        bad = "failed" if c["severity"] == "error" else "warned"
        parts.append(pd.DataFrame({"target_id": checked.index.to_numpy(dtype=object), "check": k,
                                   "rows_checked": checked.to_numpy(dtype="int64"), "rows_flagged": n,
                                   "success": success, "result": [("passed" if ok else bad) for ok in success]}))
    columns = ["target_id", "check", "rows_checked", "rows_flagged", "success", "result"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    return out[out["target_id"].isin(set(targets))].sort_values(["target_id", "check"], kind="stable")[columns]


def _check(k: int, condition: object = None, scope: str = "rows", severity: str = "error", ok: bool = True) -> dict:
    kwargs = {} if condition is None else {"row_condition": condition}
    return {"expectation_id": f"e{k}", "scope": scope, "severity": severity, "kwargs": kwargs,
            "success_overall": ok}


@pytest.mark.parametrize("case", ["national-like", "a few targets", "with a table check", "no failures",
                                  "one target", "no checks", "nothing used"])
def test_check_rows_with_targets_numbered_once_are_the_rows_grouped_per_check(case):
    from targetwatch.lineage import check_rows
    rng = np.random.default_rng(7)
    n = 6_000
    ids = np.array([f"t{i:04d}" for i in rng.integers(0, 900, n)], dtype=object)
    ids[rng.integers(0, n, 30)] = None  # figures whose target id is missing: in no group
    figures = pd.DataFrame({
        "target_id": ids, "observation_id": [f"o{i}" for i in rng.integers(0, 4_000, n)],
        "used": rng.random(n) < 0.7, "unit": rng.choice(["percent", "yuan", None], n),
        "year": rng.integers(2015, 2026, n)}, index=rng.permutation(n) * 3)  # an index that is not positions
    failed = pd.DataFrame({"observation_id": [*figures["observation_id"].iloc[::37].tolist(), "o-none"],
                           "expectation_id": [f"e{k}" for k in rng.integers(0, 5, len(figures.iloc[::37]) + 1)]})
    checks = [_check(0), _check(1, 'unit=="percent"'), _check(2, 'unit!="percent"', severity="warning"),
              _check(3, {"type": "pass_through", "pass_through_filter": "year >= 2020"}),
              _check(4, "no_such_column == 1"), _check(5, "year > 3000"),
              _check(6, 'unit=="percent"', severity="warning")]  # a condition again (evaluated once)
    targets = [*sorted({t for t in ids if t is not None}), "t-without-figures"]
    if case == "a few targets":
        targets = [*targets[5:40:3], "t-without-figures"]
    elif case == "with a table check":
        checks = [*checks, _check(7, scope="table", ok=False, severity="warning")]
    elif case == "no failures":
        failed = failed.iloc[:0]
    elif case == "one target":
        figures = figures[figures["target_id"] == targets[3]]
        targets = [targets[3]]
    elif case == "no checks":
        checks = []
    elif case == "nothing used":
        figures = figures.assign(used=False)
    got = check_rows(figures, failed, checks, targets)
    want = _check_rows_as_it_was(figures, failed, checks, targets)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert case in ("no checks", "nothing used") or len(got) > 0


def test_the_series_jurisdiction_ranges_keep_every_figure_of_the_series(tmp_path):
    """lineage_site._jurisdiction_ranges narrows the figure rows' read to a few ranges of jurisdictions: every
    figure of the asked series meets it (names holding `|`, keys of no table jurisdiction, neighbours joined,
    scattered ones past 32 ranges made one), and the batch's rows are those read without it."""
    import duckdb
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    places = [f"p{i:03d}" for i in range(200)] + ["a|b", "a", "z"]
    con.execute("CREATE TABLE observations AS SELECT j AS jurisdiction, i AS indicator, 2020 + (n % 5) AS year, "
                "n * 1.5 AS value, 'o' || n AS observation_id, NULL::DATE AS release_date, 'f.csv' AS source_file "
                "FROM (SELECT unnest($j) AS j) CROSS JOIN (SELECT unnest(['x', 'y|w', 'b|c']) AS i) "
                "CROSS JOIN range(3) t(n)", {"j": places})
    site = lineage_site.LineageSite.__new__(lineage_site.LineageSite)
    site.con, site._jurisdictions, site.file_index, site.texts = con, None, {}, {}
    site.columns = {"observations": {"jurisdiction", "indicator", "year", "value", "observation_id",
                                     "release_date", "source_file"}}
    cases = [{"p001|x", "p002|x", "p003|y|w", "p150|x", "a|b|c", "nowhere|x"},  # a|b|c: a + b|c, and a|b + c
             {f"p{i:03d}|x" for i in range(0, 200, 2)},  # 100 scattered: one range
             {"nowhere|x"}, {"z|x", "p000|b|c"}]
    for keys in cases:
        condition, params = site._jurisdiction_ranges(keys)
        wanted = con.execute("SELECT jurisdiction FROM observations WHERE list_contains($k, jurisdiction || '|' || "
                             "indicator)", {"k": sorted(keys)}).fetchall()
        if condition:
            met = con.execute(f"SELECT jurisdiction FROM observations o WHERE {condition} list_contains($k, "
                              "o.jurisdiction || '|' || o.indicator)", {"k": sorted(keys), **params}).fetchall()
            assert sorted(met) == sorted(wanted) and condition.count("BETWEEN") <= 32
        else:
            assert wanted == []
        got = site._series(keys)
        site._jurisdiction_ranges = lambda keys: ("", {})  # the read without the ranges
        assert got == site._series(keys)
        del site._jurisdiction_ranges
    assert site._jurisdiction_ranges(cases[0])[0].count("BETWEEN") == 3  # a to a|b, p001 to p003, p150
