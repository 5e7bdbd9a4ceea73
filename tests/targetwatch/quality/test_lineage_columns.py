"""The lineage data files' chains as columns (targetwatch/render/lineage_columns.py): a jurisdiction's slice of a
batch's columns, a column no target of the slice has left out, and a chain read back as the dict a target had."""

from __future__ import annotations

import pytest

from targetwatch.render.lineage_columns import CHAIN_FIELDS, chain_of, chains_of, jurisdiction_columns


def _batch() -> dict[str, list]:
    """Four targets: a and b in one jurisdiction, c and d in the next."""
    columns: dict[str, list] = {name: [None] * 4 for name in CHAIN_FIELDS}
    columns["name_zh"] = ["甲", "乙", "丙", None]
    columns["status"] = ["on_track", "no_data", "no_data", "off_track"]
    columns["sources"] = [[["句子", "文件"]], [], [], []]
    columns["stops_at"] = [None, "figures", "quote", None]
    columns["stop"] = [None, ["止于数据", "stops at the figures"], ["止于原文", "stops at the sentence"], None]
    columns["formula"] = [[("一", "one")], [], [], [("二", "two")]]
    columns["checks"] = [[[0, "passed", 0, 3]], [], None, None]  # c is qualitative: no checks field at all
    columns["figures_file"] = [None, None, None, "d.figures.csv"]
    columns["v"] = ["us", None, None, "u"]
    return columns


def test_a_jurisdiction_gets_its_slice_of_each_column_and_no_column_it_does_not_use():
    first = jurisdiction_columns(_batch(), 0, 2)
    assert list(first) == ["name_zh", "status", "sources", "stops_at", "stop", "formula", "v", "checks"]
    assert first["name_zh"] == ["甲", "乙"] and first["checks"] == [[[0, "passed", 0, 3]], []]
    second = jurisdiction_columns(_batch(), 2, 4)
    assert list(second) == ["name_zh", "status", "sources", "stops_at", "stop", "formula", "v", "figures_file"]
    assert second["figures_file"] == [None, "d.figures.csv"] and second["v"] == [None, "u"]


def test_a_chain_read_back_leaves_out_its_nulls_and_keeps_its_empty_lists():
    payload = {"ids": ["c", "d"], "columns": jurisdiction_columns(_batch(), 2, 4)}
    assert chain_of(payload, 0) == {"name_zh": "丙", "status": "no_data", "sources": [], "stops_at": "quote",
                                    "stop": ["止于原文", "stops at the sentence"], "formula": []}
    assert chains_of(payload) == {
        "c": chain_of(payload, 0),
        "d": {"status": "off_track", "sources": [], "formula": [("二", "two")], "v": "u",
              "figures_file": "d.figures.csv"}}
    assert "checks" not in chains_of(payload)["c"]  # absent, not []: the qualitative chain has no checks section
    first = chains_of({"ids": ["a", "b"], "columns": jurisdiction_columns(_batch(), 0, 2)})
    assert first["b"]["checks"] == [] and first["b"]["sources"] == []


def test_a_batch_missing_a_field_is_refused():
    columns = _batch()
    del columns["formula"]
    with pytest.raises(KeyError):
        jurisdiction_columns(columns, 0, 2)


def test_a_sources_column_read_through_arrow_is_what_the_frame_gave():
    """lineage_site._display_arrow: the values `_display` gave for the column arrow_frame reads (by hand, and
    compared)."""
    import duckdb

    from targetwatch.frames import arrow_frame
    from targetwatch.render.lineage_site import _display, _display_arrow

    sql = """SELECT * FROM (VALUES
        ('甲', 12::BIGINT, 3::BIGINT, true, DATE '2021-03-05', 1.23456789::DOUBLE, NULL,
         TIMESTAMP '2021-03-05 10:11:12'),
        (NULL, NULL, 4::BIGINT, NULL, NULL, 2.0::DOUBLE, NULL, TIMESTAMP '2021-03-06 00:00:00'))
        t(text, nullable_int, whole, flag, day, fraction, nothing, stamp)"""
    with duckdb.connect() as con:
        table = con.sql(sql).arrow().read_all()
        frame = arrow_frame(con, sql)
    got = {c: _display_arrow(table.column(c)) for c in table.column_names}
    assert got == {"text": ["甲", None], "nullable_int": [12, None], "whole": [3, 4], "flag": [True, None],
                   "day": ["2021-03-05", None], "fraction": [1.23457, 2.0], "nothing": [None, None],
                   "stamp": ["2021-03-05 10:11:12", "2021-03-06"]}
    assert got == {c: _display(frame[c]) for c in frame.columns}
    assert [type(v) for v in got["nullable_int"]] == [int, type(None)] and type(got["whole"][0]) is int
