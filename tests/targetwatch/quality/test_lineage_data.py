"""The quality report's lineage data files (targetwatch/render/lineage_site.py) give every target the chain
`targetwatch explain` traces for it alone (targetwatch.lineage.Tracer): its figures in the chain's order with their
vintages, files (with sha256) and failed checks, the checks on the figures used, the formula and where it stops.
On the SYNTHETIC warehouse (tests/targetwatch/quality/synthetic.py: real GE suites, failing rows, superseded and
unreleased vintages); the bundled refresh's in tests/e2e (browser) and test_lineage_tracer."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

import targetwatch.render.quality_report as quality_report
from targetwatch.lineage import Tracer
from targetwatch.render.lineage_columns import CHAIN_FIELDS, chains_of
from targetwatch.render.lineage_site import FIGURE_FIELDS, FILE_FIELDS, VINTAGE_CODES
from targetwatch.render.quality_report import build_quality_report
from tests.targetwatch.quality.synthetic import KIND_OF, SHA


def _load(path: Path, function: str):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(function + "(") and text.endswith(");\n")
    return json.loads(text[len(function) + 1:-3])


def data_chains(site: Path) -> dict[str, dict]:
    """Every target's chain as the page reads it from the data files: figures (series rows with the target's
    vintages, own series first), files and checks resolved through lineage/data/_common.js."""
    common = _load(site / "lineage" / "data" / "_common.js", "twLineageCommon")
    codes = {c: v for v, c in VINTAGE_CODES.items()}
    out = {}
    for path in sorted((site / "lineage" / "data").glob("*.js")):
        if path.name == "_common.js":
            continue
        data = _load(path, "twLineage")
        assert list(data["columns"]) == [c for c in CHAIN_FIELDS if c in data["columns"]]  # the fields' order
        assert all(len(v) == len(data["ids"]) and v.count(None) < len(v) for v in data["columns"].values())
        for tid, t in chains_of(data).items():
            figures = []
            for key, vintages, own in ((t.get("own"), t.get("v"), True), (t.get("ref"), t.get("rv"), False)):
                rows = data["series"].get(key, []) if key else []
                assert len(rows) == len(vintages or ""), (tid, key)
                for row, code in zip(rows, vintages or "", strict=True):
                    f = dict(zip(FIGURE_FIELDS, row, strict=True))
                    file_row = dict(zip(FILE_FIELDS, common["files"][f["file"]], strict=True))
                    figures.append(f | {"vintage": codes[code], "own_series": own, "jurisdiction": key.split("|")[0],
                                        "source_file": file_row["source_file"], "sha256": file_row["sha256"]})
            files = [dict(zip(FILE_FIELDS, common["files"][i], strict=True)) | {"used": used}
                     for i, used in t.get("files", [])]
            checks = [common["checks"]["list"][k] | {"result": r, "rows_flagged": n, "rows_checked": c}
                      for k, r, n, c in t.get("checks", [])]
            out[tid] = t | {"figures": figures, "file_rows": files, "check_rows": checks}
    return out


@pytest.fixture(scope="module")
def built(synthetic_warehouse, tmp_path_factory):
    site = tmp_path_factory.mktemp("lineage-data") / "quality"
    with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
        build_quality_report(con, site)
        chains = {tid: Tracer(con).trace(tid) for tid in sorted(KIND_OF)}
    return site, chains


def same_chain(g: dict, chain) -> int:
    """Assert that `g`, a target's chain as the data files give it (data_chains), is the `chain` Tracer traced;
    return how many figures were compared."""
    assert g.get("stops_at") == chain.stops_at and g.get("stop", ["", ""]) == [chain.stop_zh, chain.stop_en]
    assert g["formula"] == [[zh, en] for zh, en in zip(chain.formula_zh, chain.formula, strict=True)]
    assert [s[0] for s in g["sources"]] == [s["quote"] for s in chain.sources]
    if chain.stops_at == "quote":
        assert "figures" not in g or g["figures"] == []
        return 0
    assert [(f["observation_id"], f["vintage"], f["own_series"], f["source_file"], f["sha256"], f["year"],
             f["value_as_written"], f["checks_failed"] or []) for f in g["figures"]] == [
        (o["observation_id"], o["vintage"], o["own_series"], o["source_file"], o["sha256"], o["year"],
         o["value_as_written"], o["checks_failed"]) for o in chain.observations]
    assert [(f["source_file"], f["sha256"], f["used"]) for f in g["file_rows"]] == [
        (f["source_file"], f["sha256"], f["used"]) for f in chain.files]
    assert [(c["expectation_id"], c["result"], c["rows_flagged"], c["rows_checked"]) for c in g["check_rows"]] == [
        (c["expectation_id"], c["result"], c["rows_flagged"], c["rows_checked"]) for c in chain.checks]
    return len(chain.observations)


def test_every_target_has_the_chain_explain_traces(built):
    site, expected = built
    got = data_chains(site)
    assert sorted(got) == sorted(expected)
    compared = sum(same_chain(got[tid], chain) for tid, chain in expected.items())
    assert compared > 10


def test_one_page_for_every_target_and_one_that_reads_the_address(built):
    site, expected = built
    for tid in expected:
        text = (site / "lineage" / f"{tid}.html").read_text(encoding="utf-8")
        assert '<script src="data/_common.js"></script>' in text and f'"t":"{tid}"' in text
        assert '<script src="../static/lineage-view.js"></script>' in text
    view = (site / "lineage" / "view.html").read_text(encoding="utf-8")
    assert '<script type="application/json" id="tw-target">null</script>' in view
    assert (site / "static" / "lineage-view.js").is_file()


def test_a_policy_floor_chain_names_its_file_row_and_failed_check(built):
    site, _ = built
    floor = data_chains(site)["syn-floor"]
    used = [f for f in floor["figures"] if f["vintage"] == "used"]
    assert {f["sha256"] for f in used} == {SHA["b.csv"]} and "line 2" in {f["location"] for f in used}
    assert any("observations_valid:13" in (f["checks_failed"] or []) for f in used)
    assert floor["formula"][-1][1].startswith("status = on_track")


def test_a_long_chain_lists_its_figures_in_a_csv(synthetic_warehouse, tmp_path, monkeypatch):
    """With LINEAGE_FIGURE_LIMIT = 2, a chain of more figures names lineage/<target_id>.figures.csv, which holds
    every figure in the chain's order with its vintage (the page lists the used and superseded first)."""
    import csv

    monkeypatch.setattr(quality_report, "LINEAGE_FIGURE_LIMIT", 2)
    site = tmp_path / "quality"
    with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
        build_quality_report(con, site)
    long = 0
    for tid, chain in data_chains(site).items():
        path = site / "lineage" / f"{tid}.figures.csv"
        if len(chain["figures"]) <= 2:
            assert "figures_file" not in chain and not path.exists()
            continue
        long += 1
        assert chain["figures_file"] == path.name
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert [(r["observation_id"], r["vintage"]) for r in rows] == [
            (f["observation_id"], f["vintage"]) for f in chain["figures"]]
        assert list(rows[0]) == list(quality_report.LINEAGE_CSV_COLUMNS)
        assert json.loads((site / "lineage" / "view.html").read_text(encoding="utf-8").split(
            '<script type="application/json" id="tw-config">')[1].split("</script>")[0])["limit"] == 2
    assert long >= 1


def test_arrow_values_are_the_record_values_of_the_frame_arrow_frame_reads():
    """_assessments reads its columns through Arrow: each column's values (types included) are what `_record_values`
    (and `_stamp_texts` for a date) gave from arrow_frame's frame, NULL and NaN as None, nullable ints and bools."""
    import math

    import duckdb

    from targetwatch.frames import arrow_frame
    from targetwatch.render.lineage_site import _arrow_values, _record_values, _stamp_texts

    con = duckdb.connect()
    sql = """SELECT * FROM (VALUES
        (1, 1::BIGINT, 1.5::DOUBLE, 'a', true, true, DATE '2025-06-30', 0.0::DOUBLE),
        (2, NULL, 'NaN'::DOUBLE, NULL, NULL, false, NULL, -0.0::DOUBLE),
        (3, 3, NULL, 'c', false, true, DATE '2024-01-01', 'inf'::DOUBLE))
        t(k, i, f, s, b, b2, d, g) ORDER BY k"""
    frame = arrow_frame(con, sql)
    table = con.sql(sql).arrow().read_all()

    def typed(values):
        return [(type(v).__name__, None if isinstance(v, float) and math.isnan(v) else v) for v in values]

    for c in ("k", "i", "f", "s", "b", "b2", "g"):
        assert typed(_arrow_values(table.column(c))) == typed(_record_values(frame[c])), c
    assert _arrow_values(table.column("d"), stamp=True) == _stamp_texts(frame["d"])
    assert typed(_arrow_values(table.column("d"))) == typed(_record_values(frame["d"]))
    assert _arrow_values(table.column("f")) == [1.5, None, None]


def test_a_target_assessed_twice_keeps_its_last_row(tmp_path):
    """The assessments' columns per target in the order asked, a target missing as None, one assessed twice by its
    last row (as a dict by id kept it)."""
    import duckdb

    from targetwatch.db_schema import columns_by_table
    from targetwatch.render.lineage_site import LineageSite

    con = duckdb.connect()
    con.execute("CREATE TABLE assessments (target_id VARCHAR, status VARCHAR, latest_value DOUBLE, n_points BIGINT)")
    con.execute("INSERT INTO assessments VALUES ('a', 'met', 1.0, 2), ('b', 'unmet', NULL, NULL), "
                "('a', 'no_data', 'NaN', 3)")
    site = LineageSite.__new__(LineageSite)
    site.con, site.columns = con, columns_by_table(con)
    got = site._assessments(["b", "x", "a"])
    assert got["_has"] == [True, False, True]
    assert got["status"] == ["unmet", None, "no_data"]
    assert got["latest_value"] == [None, None, None] and got["n_points"] == [None, None, 3]


def test_the_assessments_read_once_give_each_batch_its_rows_by_position():
    """write() reads every target's assessment once (`_assessment_table` over all of them, in the targets' order)
    and each batch takes its rows by position: the same values as a read of the batch's own ids."""
    import duckdb

    from targetwatch.db_schema import columns_by_table
    from targetwatch.render.lineage_site import LineageSite, _assessment_values

    con = duckdb.connect()
    con.execute("CREATE TABLE assessments (target_id VARCHAR, status VARCHAR, latest_value DOUBLE, n_points BIGINT, "
                "as_of DATE)")
    con.execute("INSERT INTO assessments VALUES ('t1', 'on_track', 2.5, 4, DATE '2025-06-30'), "
                "('t2', 'no_data', NULL, 0, DATE '2025-06-30'), ('t4', 'missed', 7.0, 1, NULL)")
    site = LineageSite.__new__(LineageSite)
    site.con, site.columns = con, columns_by_table(con)
    every = site._assessment_table(["t1", "t2", "t3", "t4"])  # t3 has no assessment
    batch = _assessment_values(every.take([3, 2, 0]))
    assert batch == site._assessments(["t4", "t3", "t1"])
    assert batch["_has"] == [True, False, True]
    assert batch["status"] == ["missed", None, "on_track"]
    assert batch["latest_value"] == [7.0, None, 2.5] and batch["n_points"] == [1, None, 4]
    assert batch["as_of"] == [None, None, "2025-06-30 00:00:00"]
