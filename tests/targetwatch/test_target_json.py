"""The data files' target objects, a batch at a time (targetwatch.render.target_json): the members a target has, in
the data file's order, with values worked out by hand from SYNTHETIC rows."""

from __future__ import annotations

import json
import math

import pandas as pd
import pyarrow as pa

from targetwatch.render.page import department_slug, json_values
from targetwatch.render.target_json import TargetJson

SERIES = {"own": [("syn-1", "i1"), None, ("syn-3", "i3")], "ref": [("nation", "i1"), None, None],
          "proxy": [[("syn-1", "p1"), ("syn-1", "p2")], [], None]}


def _batch() -> tuple[TargetJson, dict, list[str], dict, list[tuple[int, int]]]:
    # three SYNTHETIC targets: t1 with every kind of member, t2 with none but its id, t3 with a trail that ends in
    # missing values and an empty document list
    rows = pd.DataFrame({
        "target_id": ["t1", "t2", "t3"],
        "name_zh": ["甲", None, 'q"<'],
        "gap_sort": [1234.56789, math.nan, -1e18],
        "latest_year": pd.array([2024, None, 2023], dtype="Int64"),
        "headline": [True, False, False],
        "documents": [["d1", "d2"], None, []],
        "jurisdiction": ["syn-1", "syn-1", None],
        "as_of": pd.to_datetime(["2025-06-30", None, "2025-06-30"]),
        "pace_ratio": [0.1234567, math.inf, math.nan],
        "reason_code": ["ok", None, None],
    })
    sources = pd.DataFrame({"target_id": ["t1", "t1", "t9"], "document": ["d2", "d1", "d9"],
                            "clause": ["2", "1", "9"], "quote": ["第二", "第一", "x"], "source_order": [1, 0, 0]})
    owners = pd.DataFrame({"target_id": ["t1", "t1", "t3"], "department": ["统计局", "发改委", "统计局"],
                           "role": ["lead", None, "lead"], "owner_type": ["target", "target", "document"]})
    tj = TargetJson(sources, owners, ["name_zh", "gap_sort", "latest_year", "headline", "documents"])
    columns = {c: json_values(rows[c], digits=6) for c in rows}  # as data_files._columns converts a batch
    # per-year rows: t1 two years (its second without an own figure), t2 none, t3 one
    years = {"y": [2023, 2024, 2023], "o": [0, None, None], "ro": [None, None, None]}
    return tj, columns, ["as_of", "pace_ratio", "reason_code"], years, [(0, 2), (2, 2), (2, 3)]


def test_each_target_gets_its_members_in_the_data_files_order():
    tj, columns, trail, years, spans = _batch()
    heads, tails = tj.objects(columns, trail, years, spans, SERIES["own"], SERIES["ref"], SERIES["proxy"])
    slug = department_slug("统计局")
    assert heads[0].decode() == (
        '"name_zh":"甲","gap_sort":1234.57,"latest_year":2024,"headline":true,"documents":["d1","d2"],'
        '"jurisdiction":"syn-1","trail":["2025-06-30",0.123457,"ok"],"years":{"y":[2023,2024],"o":[0,null]}')
    assert tails[0].decode() == (
        f'"sources":[["d1","1","第一"],["d2","2","第二"]],"departments":[["统计局","lead","{slug}"],'
        f'["发改委",null,"{department_slug("发改委")}"]],"series":"syn-1|i1","reference_series":"nation|i1",'
        '"proxy_series":["syn-1|p1","syn-1|p2"]')
    # t2: missing name, NaN gap, no documents, no years, an infinite ratio (missing): a false headline is kept
    assert heads[1].decode() == '"headline":false,"jurisdiction":"syn-1"'
    assert tails[1] == b""
    # t3: orjson's text of a float of 19 digits (DuckDB's to_json wrote it in full), the quote escaped as JSON
    # (the `<` is dump_js's), the trail's trailing missing values left out, an empty document list and a
    # document's owner left out
    assert heads[2].decode() == ('"name_zh":"q\\"<","gap_sort":-1e+18,"latest_year":2023,"headline":false,'
                                 '"trail":["2025-06-30"],"years":{"y":[2023]}')
    assert tails[2].decode() == '"series":"syn-3|i3"'
    # each is the text of a JSON object's members
    assert json.loads(b"{" + heads[0] + b"," + tails[0] + b"}")["years"] == {"y": [2023, 2024], "o": [0, None]}


def test_a_column_of_mixed_values_keeps_each_values_json():
    tj = TargetJson(pd.DataFrame(columns=["target_id", "document", "clause", "quote", "source_order"]),
                    pd.DataFrame(columns=["target_id", "department", "role", "owner_type"]), ["note"])
    part = {"target_id": ["a", "b", "c", "d"], "jurisdiction": [None] * 4,
            "note": json_values(pd.Series(["a", 2, None, [1, "b"]], dtype=object))}
    heads, _ = tj.objects(part, [], {}, [(0, 0)] * 4, [None] * 4, [None] * 4, [None] * 4)
    assert heads == [b'"note":"a"', b'"note":2', b"", b'"note":[1,"b"]']


def test_a_target_without_trail_or_years_columns_has_neither():
    tj = TargetJson(pd.DataFrame(columns=["target_id", "document", "clause", "quote", "source_order"]),
                    pd.DataFrame(columns=["target_id", "department", "role", "owner_type"]), ["name_zh"])
    columns = {"target_id": ["a"], "name_zh": ["名"], "jurisdiction": ["syn-2"]}
    heads, tails = tj.objects(columns, [], {}, [(0, 0)], [None], [None], [None])
    assert heads == [b'"name_zh":"\xe5\x90\x8d","jurisdiction":"syn-2"'] and tails == [b""]


def test_the_per_year_rows_figures_are_found_by_their_place_in_their_series():
    """position_columns: each id's row in its series (by year, then release date), missing for a missing or empty id
    and for a figure of a series not needed; the warehouse's query and the frame's lookup give the same columns."""
    import duckdb

    from targetwatch.render.site_figures import FrameFigures, WarehouseFigures

    obs = pd.DataFrame({
        "observation_id": ["o1", "o2", "o3", "o4", "o5"],
        "jurisdiction": ["syn-a", "syn-a", "syn-a", "syn-b", "syn-c"],
        "indicator": ["i", "i", "i", "i", "i"],
        "year": [2021, 2020, 2020, 2019, 2020],
        "release_date": pd.to_datetime(["2022-01-01", "2021-01-01", "2021-06-01", "2020-01-01", "2021-01-01"]),
        "source_file": ["f1", "f1", "f2", "f1", "f1"],
    })
    needed = {("syn-a", "i"), ("syn-b", "i")}
    ids = {"o": pa.array(["o1", None, "o5", "o4", ""]), "ro": pa.array(["o2", "o3", None, None, "o9"])}
    # syn-a: o2 (2020, released first) 0, o3 (2020, later) 1, o1 (2021) 2; syn-b: o4 0; syn-c is not needed
    expected = {"o": [2, None, None, 0, None], "ro": [0, 1, None, None, None]}
    con = duckdb.connect()
    con.register("_obs", obs)
    con.execute("CREATE TABLE observations AS SELECT * FROM _obs")
    got = WarehouseFigures(con, tuple(obs.columns)).position_columns(needed, ids)
    assert {c: a.to_pylist() for c, a in got.items()} == expected
    got = FrameFigures(obs).position_columns(needed, ids)
    assert {c: a.to_pylist() for c, a in got.items()} == expected


def test_a_batch_without_display_columns_still_gets_each_targets_object():
    """No `shown` column (as no trail column): each target still has its jurisdiction and its tail; zip() over no
    columns yields no row at all, which refused the batch before."""
    tj = TargetJson(pd.DataFrame(columns=["target_id", "document", "clause", "quote", "source_order"]),
                    pd.DataFrame(columns=["target_id", "department", "role", "owner_type"]), [])
    heads, tails = tj.objects({"target_id": ["a", "b"], "jurisdiction": ["syn-2", None]}, [], {}, [(0, 0), (0, 0)],
                              [("syn-2", "i"), None], [None, None], [None, None])
    assert heads == [b'"jurisdiction":"syn-2"', b""] and tails == [b'"series":"syn-2|i"', b""]
