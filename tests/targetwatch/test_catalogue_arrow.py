"""The catalogue's large tables built a column at a time (targetwatch.catalogue_arrow): hand-computed values, the
types DuckDB stores (as the frames of records gave them), and the pandas frames callers read."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from targetwatch.catalogue import (
    TARGET_COLUMNS,
    Catalogue,
    Indicator,
    Jurisdiction,
    Measure,
    Source,
    Target,
    catalogue_tables,
    targets_frame,
)
from targetwatch.catalogue_arrow import integers, text
from targetwatch.documents import LoadedDocument, PolicyDocument
from targetwatch.warehouse import write_tables

TEXT = "一、目标。到2025年，测试指标达到100。二、措施。建设测试平台。到2025年，测试指标达到100。"


def _document() -> LoadedDocument:
    meta = PolicyDocument(id="syn-doc", file="syn-doc.txt", original_file="syn-doc.txt", jurisdiction="xx",
                          issuer_zh="测试省人民政府", issuer_en="Testland Government", date=dt.date(2020, 1, 1),
                          title_zh="测试省合成方案", title_en="Testland synthetic plan", script="simplified")
    return LoadedDocument(meta=meta, path=Path("syn-doc.txt"), text=TEXT,
                          sha256=hashlib.sha256(TEXT.encode()).hexdigest())


def _catalogue() -> Catalogue:
    """SYNTHETIC: four targets covering the derived columns' cases."""
    quote = "测试指标达到100"  # at offset 12 (its first occurrence; the text has it twice)
    targets = [
        # approx without a tolerance: the default 0.05; a decreasing indicator; two sources, one of them in a document
        # that is not loaded (its offsets None)
        Target(id="syn-a", jurisdiction="xx", indicator="down", name_zh="甲", name_en="A", kind="outcome",
               comparator="approx", value=100, deadline=2025,
               departments=["发改委", "统计局"], department_role="lead",
               sources=[Source(document="syn-doc", clause="一", quote=quote),
                        Source(document="syn-missing", clause="二", quote="不在文件中的句子"),
                        Source(document="syn-doc", clause="三", quote="建设测试平台")]),
        # at_most: direction decrease whatever the indicator says; an unknown indicator: no unit, monotone may_fall
        Target(id="syn-b", jurisdiction="xx", indicator="nowhere", name_zh="乙", name_en="B", kind="outcome",
               comparator="at_most", value=5.5, tolerance=0.2, deadline=2030, headline=True,
               sources=[Source(document="syn-doc", clause="一", quote=quote)]),
        # growth above a reference: per_year true; the reference's names from the jurisdictions
        Target(id="syn-c", jurisdiction="xx", indicator="up", name_zh="丙", name_en="C", kind="outcome",
               comparator="growth_above_reference", reference_jurisdiction="nat", baseline_year=2020,
               deadline=2025, notes="备注", sources=[Source(document="syn-doc", clause="一", quote=quote)]),
        Target(id="syn-d", jurisdiction="nat", name_zh="丁", name_en="D", kind="qualitative",
               comparator="qualitative", sources=[Source(document="syn-doc", clause="二", quote="建设测试平台")]),
    ]
    return Catalogue(
        version=1,
        jurisdictions=[Jurisdiction(code="xx", admin_code="110000", name_zh="测试省", name_en="Testland",
                                    level="province"),
                       Jurisdiction(code="nat", admin_code="100000", name_zh="全国", name_en="Nation",
                                    level="national")],
        indicators=[Indicator(code="down", name_zh="降", name_en="Down", unit="percent", measure="rate",
                              direction="decrease", definition_en="SYNTHETIC"),
                    Indicator(code="up", name_zh="升", name_en="Up", unit="count", measure="stock",
                              monotone="non_decreasing", monotone_reason="a running total",
                              definition_en="SYNTHETIC")],
        targets=targets,
        measures=[Measure(id="syn-m", document="syn-doc", clause="二", title_zh="措施", quote="建设测试平台",
                          departments=["科技厅"], department_role="shared")],
    )


def _describe(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return {name: kind for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()}


def test_derived_target_columns_by_hand() -> None:
    t = targets_frame(_catalogue()).set_index("target_id")
    assert list(t.reset_index().columns) == list(TARGET_COLUMNS)
    assert t.loc["syn-a", "tolerance"] == 0.05  # approx, none given
    assert pd.isna(t.loc["syn-b", "tolerance"])  # not approx: no tolerance, though one was written
    assert t["direction"].tolist() == ["decrease", "decrease", "increase", "increase"]
    assert t["unit"].tolist() == ["percent", None, "count", None]
    assert t["monotone"].tolist() == ["may_fall", "may_fall", "non_decreasing", "may_fall"]
    assert t["per_year"].tolist() == [False, False, True, False]
    assert t["reference_name_zh"].tolist() == [None, None, "全国", None]
    assert t["reference_name_en"].tolist() == [None, None, "Nation", None]
    assert t["baseline_year"].dtype == "Int64" and t["baseline_year"].tolist() == [pd.NA, pd.NA, 2020, pd.NA]
    assert t["deadline"].tolist() == [2025, 2030, 2025, pd.NA]
    assert t["value"].tolist()[:2] == [100.0, 5.5] and t["value"].dtype == "float64"
    assert t["headline"].tolist() == [False, True, False, False]


def test_names_sources_and_departments_by_hand() -> None:
    tables = catalogue_tables(_catalogue(), {"syn-doc": _document()})
    t = tables["targets"]
    assert t["departments"].tolist() == ["发改委、统计局", "", "", ""]
    assert t["documents"].tolist() == ["syn-doc|syn-missing", "syn-doc", "syn-doc", "syn-doc"]
    assert t["department_role"].tolist() == ["lead", None, None, None]
    assert t["notes"].tolist() == [None, None, "备注", None]
    s = tables["target_sources"]
    assert s["target_id"].tolist() == ["syn-a", "syn-a", "syn-a", "syn-b", "syn-c", "syn-d"]
    assert s["source_order"].tolist() == [0, 1, 2, 0, 0, 0]
    # the quote's first occurrence: "测试指标达到100" (9 letters) after "一、目标。到2025年，" (12), "建设测试平台" (6)
    # after "…100。二、措施。" (27); a document that is not loaded gives None, so the column is float64 (pandas' NaN)
    assert s["char_start"].dtype == "float64" and s["char_start"].isna().tolist() == [False, True] + [False] * 4
    assert s["char_start"].fillna(-1).tolist() == [12, -1, 27, 12, 12, 27]
    assert s["char_end"].fillna(-1).tolist() == [21, -1, 33, 21, 21, 33]
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    assert s["document_sha256"].tolist() == [sha, None, sha, sha, sha, sha]
    d = tables["target_departments"]
    assert d.values.tolist() == [["syn-a", "发改委", "lead", "target"], ["syn-a", "统计局", "lead", "target"],
                                 ["syn-m", "科技厅", "shared", "measure"]]


def test_duckdb_types_as_the_frames_gave_them(tmp_path: Path) -> None:
    """Written from Arrow, the tables have the types the frames of records had in DuckDB: a text column with no value
    is DuckDB's "NULL" type, integers with some missing are DOUBLE, with none missing BIGINT."""
    cat = _catalogue()
    for documents, offsets in (({"syn-doc": _document()}, "DOUBLE"), ({}, '"NULL"')):
        con = duckdb.connect(str(tmp_path / f"w{len(documents)}.duckdb"))
        arrow = catalogue_tables(cat, documents, arrow=True)
        assert isinstance(arrow["targets"], pa.Table)
        write_tables(con, {k: v for k, v in arrow.items() if k != "policy_documents" or documents})
        sources = _describe(con, "target_sources")
        assert sources["char_start"] == offsets and sources["source_order"] == "BIGINT"
        targets = _describe(con, "targets")
        assert (targets["baseline_year"], targets["value"], targets["per_year"]) == ("BIGINT", "DOUBLE", "BOOLEAN")
        assert targets["parent"] == '"NULL"'  # no target has a parent
        assert targets["notes"] == "VARCHAR"
        got = con.execute("SELECT target_id, tolerance, unit FROM targets ORDER BY target_id").fetchall()
        assert got == [("syn-a", 0.05, "percent"), ("syn-b", None, None), ("syn-c", None, "count"),
                       ("syn-d", None, None)]
        con.close()


def test_text_and_integer_columns() -> None:
    assert text(["a", None]).type == pa.string()
    assert text([None, None]).type == pa.null() and len(text([None, None])) == 2
    assert text([]).type == pa.null()
    assert integers(pa.array([1, 2])).type == pa.int64()
    assert integers(pa.array([1, None])).to_pylist() == [1.0, None]
    assert integers(pa.array([1, None])).type == pa.float64()
    assert integers(pa.array([None, None], pa.int64())).type == pa.null()
