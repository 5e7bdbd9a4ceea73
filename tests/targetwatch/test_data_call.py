"""The data call: who owes which figure, the workbook they fill in, reading it back, and what changed.

Observations here are SYNTHETIC (made up for the cases); the catalogue and documents are the real ones."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import openpyxl
import pandas as pd
import pytest

from targetwatch import data_call
from targetwatch.catalogue import catalogue_tables
from targetwatch.changes import change_counts, compute_changes
from targetwatch.reports import department_return
from targetwatch.reports.ingest import read_one
from targetwatch.reports.normalise import OBSERVATION_COLUMNS

AS_OF = dt.date(2026, 12, 2)


def _obs(*rows: tuple) -> pd.DataFrame:
    """Observations (jurisdiction, indicator, year, value, confidence[, release_date]), actual and annual."""
    records = []
    for i, r in enumerate(rows):
        j, ind, year, value, conf, *rel = r
        records.append({c: None for c in OBSERVATION_COLUMNS} | {
            "observation_id": f"o{i}", "jurisdiction": j, "indicator": ind, "year": year, "value": value,
            "confidence": conf, "figure_type": "actual", "period_type": "annual", "source_file": f"f{i}.csv",
            "location": f"line {i + 2}", "release_date": pd.Timestamp(rel[0]).date() if rel else None,
        })
    return pd.DataFrame(records, columns=list(OBSERVATION_COLUMNS))


@pytest.fixture(scope="module")
def tables(catalogue, documents):
    return catalogue_tables(catalogue, documents)


def _owed(tables, observations, as_of=AS_OF) -> pd.DataFrame:
    con = duckdb.connect()
    for name, df in tables.items():
        con.register(name, df)
    con.register("observations", observations)
    return data_call.figures_owed(con, as_of)


def test_figures_owed_and_who_owes_them(tables):
    owed = _owed(tables, _obs(
        ("gansu", "maker_spaces", 2017, 103, "high"),  # not the deadline year: 2020 is still owed
        ("gansu", "sme_procurement_share", 2017, 31.0, "high"),  # an official figure: 2017 is not owed
        ("gansu", "sme_procurement_share", 2016, 30.0, "department-reported"),  # returned
    ))
    by = owed.set_index(["target_id", "year"])
    # no department named: the issuing government is asked, and the row says so
    assert by.loc[("gansu-2015-maker-spaces", 2020), ["department", "state"]].tolist() == ["甘肃省人民政府", "owed"]
    assert by.loc[("gansu-2015-maker-spaces", 2020), "owner_basis"] == data_call.OWNER_ISSUER
    # a per-year target (2016-2020): every plan year without an official figure, one returned
    years = owed[owed["target_id"] == "gansu-2015-sme-procurement-share"].set_index("year")["state"].to_dict()
    assert years == {2016: "returned", 2018: "owed", 2019: "owed", 2020: "owed"}
    # the first named department, qualified by its province (省财政厅 of Gansu), and its page name kept
    row = by.loc[("gansu-2015-sme-procurement-share", 2018)]
    assert (row["department"], row["department_named"], row["owner_basis"]) == (
        "甘肃省财政厅", "省财政厅", data_call.OWNER_NAMED)
    # a collective body named first (各縣區政府) is passed over for the single department named after it
    assert set(owed.loc[owed["target_id"].str.startswith("xining-2018"), "department"]) == {"西宁市科技局"}
    # qualitative targets are never asked
    assert not owed["target_id"].isin(["gansu-2015-ecosystem"]).any()
    assert owed.groupby(["target_id", "year"]).size().max() == 1


def test_a_year_that_has_not_ended_is_not_owed(tables):
    owed = _owed(tables, _obs(), as_of=dt.date(2020, 6, 30))
    assert not (owed["year"] >= 2020).any()
    assert (owed["target_id"] == "gansu-2015-sme-procurement-share").sum() == 4  # 2016-2019


def test_overdue_and_per_department_counts(tables):
    owed = _owed(tables, _obs(("gansu", "sme_procurement_share", 2016, 30.0, "department-reported")))
    calls = pd.DataFrame([{"department": "甘肃省财政厅", "file": "x.xlsx", "rows": 20, "issued": AS_OF,
                           "due": dt.date(2027, 1, 15), "call_id": "c"}])
    before = data_call.with_calls(owed, calls, dt.date(2027, 1, 15))
    after = data_call.with_calls(owed, calls, dt.date(2027, 1, 16))
    assert before["overdue"].sum() == 0
    summary = data_call.owed_by_department(after).set_index("department")
    assert summary.loc["甘肃省财政厅", ["owed", "returned", "overdue"]].tolist() == [19, 1, 19]
    assert summary.loc["甘肃省人民政府", "overdue"] == 0  # never called: nothing overdue


@pytest.fixture(scope="module")
def issued(tables, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    owed = _owed(tables, _obs(("gansu", "maker_spaces", 2017, 103, "high")))
    calls = data_call.issue_call(owed, out, issued=AS_OF, due=dt.date(2027, 1, 15))
    return out, owed, calls


def test_one_workbook_per_department_that_owes(issued):
    out, owed, calls = issued
    owing = owed.loc[owed["state"] == "owed"].groupby("department").size()
    assert {c.department: c.rows for c in calls} == owing.to_dict()
    files = sorted(p.name for p in (out / "data-call").glob("*.xlsx"))
    assert files == sorted(c.file for c in calls)
    manifest = data_call.load_calls(out)
    assert manifest.set_index("department").loc["甘肃省人民政府", "due"] == dt.date(2027, 1, 15)


def test_the_workbook_layout(issued):
    out, _, calls = issued
    call = next(c for c in calls if c.department == "甘肃省人民政府")
    wb = openpyxl.load_workbook(out / "data-call" / call.file)
    assert wb.sheetnames == [department_return.COVER_SHEET, department_return.DATA_SHEET,
                             department_return.MARKER_SHEET]
    assert wb[department_return.MARKER_SHEET].sheet_state == "veryHidden"
    cover = wb[department_return.COVER_SHEET]
    labels = [str(c.value).split(" ")[0] for c in cover["A"] if c.value]
    assert labels[-5:] == ["填报单位", "填报人", "联系电话", "审核人", "填报日期"]
    assert cover["A1"].value == "数据征集表：甘肃省人民政府" and cover["A2"].value == "Data call: 甘肃省人民政府"
    ws = wb[department_return.DATA_SHEET]
    header = [c.value for c in ws[1]]
    assert {"目标编号 target_id", "年份 year", "数值 value"} <= set(header)
    value_col = header.index("数值 value") + 1
    maker = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "gansu-2015-maker-spaces")
    assert (maker[5].value, maker[6].value) == (2020, "个")
    assert maker[value_col - 1].value is None
    assert ws.protection.sheet and not maker[value_col - 1].protection.locked and maker[0].protection.locked
    rule = next(dv for dv in ws.data_validations.dataValidation if maker[value_col - 1].coordinate in dv.sqref)
    # counts have a plausible maximum (vocab.UNITS, issue 15): whole numbers 0..999,999,999
    assert (rule.type, rule.operator, rule.formula1, rule.formula2) == ("whole", "between", "0", "999999999")
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def _fill(src, dst, value, target_id="gansu-2015-maker-spaces", year=2020, filled_on=dt.date(2026, 12, 1)):
    wb = openpyxl.load_workbook(src)
    ws = wb[department_return.DATA_SHEET]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == target_id and row[5].value == year:
            row[header.index("数值 value")].value = value
            row[header.index("数据来源 source")].value = "省科技厅统计 (SYNTHETIC test value)"
    cover = wb[department_return.COVER_SHEET]
    for r in cover.iter_rows():
        answer = {"填报人": "张三", "审核人": "李四", "联系电话": "0931-0000000", "填报日期": filled_on}.get(
            str(r[0].value or "").split(" ")[0])
        if answer is not None:
            r[1].value = answer
    wb.save(dst)


def test_a_returned_workbook_is_read_by_its_marker_not_its_name(issued, tmp_path):
    out, _, calls = issued
    call = next(c for c in calls if c.department == "甘肃省人民政府")
    renamed = tmp_path / "scan-0001.xlsx"
    _fill(out / "data-call" / call.file, renamed, 310)
    result = read_one(renamed)
    assert result.format == "department_return" and result.release_date == "2026-12-01"
    (row,) = result.rows.to_dict("records")  # the unfilled rows are not read at all
    assert (row["jurisdiction_raw"], row["indicator_raw"], row["year_raw"], row["value_raw"], row["unit_raw"]) == (
        "gansu", "maker_spaces", "2020", "310", "个")
    assert row["confidence"] == "department-reported"
    assert row["location"].startswith(f"{department_return.DATA_SHEET}!J")
    assert "甘肃省人民政府" in row["source_title"] and "张三" in row["source_title"] and "李四" in row["source_title"]
    assert call.call_id in row["source_ref"]


def test_an_unfilled_return_holds_no_rows(issued, tmp_path):
    out, _, calls = issued
    copy = tmp_path / "unfilled.xlsx"
    shutil.copy(out / "data-call" / calls[0].file, copy)
    assert len(read_one(copy).rows) == 0


def _warehouse(path, assessments, observations, run_id):
    with duckdb.connect(str(path)) as con:
        con.register("a", assessments)
        con.register("o", observations)
        con.execute("CREATE TABLE assessments AS SELECT * FROM a")
        con.execute("CREATE TABLE observations AS SELECT * FROM o")
        con.execute("CREATE TABLE runs AS SELECT ? AS run_id, 'success' AS outcome, now() AS finished_at", [run_id])


def _assessments(*rows):
    cols = ["target_id", "jurisdiction", "indicator", "status", "n_points", "latest_year", "latest_value", "reason_zh",
            "reason_en", "latest_source_file", "latest_location"]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows], columns=cols)


def test_changes_against_the_previous_publication(tmp_path):
    prev = tmp_path / "published.duckdb"
    _warehouse(prev,
               _assessments(("t1", "gansu", "maker_spaces", "no_data", 1, 2017, 103, "", "", "a.csv", "line 2"),
                            ("t2", "gansu", "rd_intensity", "no_data", 0, None, None, "", "", None, None)),
               _obs(("gansu", "maker_spaces", 2017, 103, "high"), ("gansu", "rd_intensity", 2019, 1.2, "high")),
               "run-1")
    con = duckdb.connect()
    con.register("assessments", _assessments(
        ("t1", "gansu", "maker_spaces", "achieved", 2, 2020, 310, "达到", "met", "r.xlsx", "填报表 Figures!J9"),
        ("t2", "gansu", "rd_intensity", "no_data", 1, 2020, 1.3, "", "one figure only", "b.csv", "line 3")))
    con.register("observations", _obs(("gansu", "maker_spaces", 2017, 103, "high"),
                                      ("gansu", "maker_spaces", 2020, 310, "department-reported"),
                                      ("gansu", "rd_intensity", 2019, 1.25, "high")))
    changes = compute_changes(con, prev, "run-2")
    assert change_counts(changes, "run-2") == {"status": 1, "newly_has_data": 1, "new_figure": 1,
                                               "revised_figure": 1}
    status = changes[changes["kind"] == "status"].iloc[0]
    assert (status["target_id"], status["from_status"], status["to_status"], status["reason_en"],
            status["previous_run_id"]) == ("t1", "no_data", "achieved", "met", "run-1")
    revised = changes[changes["kind"] == "revised_figure"].iloc[0]
    assert (revised["year"], revised["from_value"], revised["to_value"]) == (2019, 1.2, 1.25)
    assert changes.loc[changes["kind"] == "newly_has_data", "target_id"].tolist() == ["t2"]


def test_no_changes_for_a_first_publication(tmp_path):
    con = duckdb.connect()
    assert compute_changes(con, tmp_path / "none.duckdb", "run-1").empty


def test_the_previous_publication_is_the_last_successful_run_before_this_one():
    from targetwatch.render.data_call_pages import previous_publication

    runs = pd.DataFrame({"run_id": ["a", "b", "c"], "outcome": ["success", "failed", "success"],
                         "finished_at": pd.to_datetime(["2026-11-01", "2026-11-02", "2026-11-03"])})
    assert previous_publication(runs, "d") == "c"
    assert previous_publication(runs.iloc[:2], "d") == "a"
    assert previous_publication(runs.iloc[1:2], "d") is None  # only a failed run before: the first publication


def test_the_gap_workbook_has_a_data_owed_sheet_and_the_badge(tables, tmp_path):
    from targetwatch.render.workbook import build_gap_workbook, sources_table
    from tests.targetwatch.test_site import synthetic_site_data

    data = synthetic_site_data()
    owed = _owed(tables, _obs(("gansu", "sme_procurement_share", 2016, 30.0, "department-reported")))
    data.data_owed = data_call.with_calls(owed, pd.DataFrame(columns=["department", "due", "file"]), AS_OF)
    wb = openpyxl.load_workbook(build_gap_workbook(data, tmp_path / "gap.xlsx"))
    ws = wb["待报数据 Data owed"]
    rows = {r[0]: r[1:4] for r in ws.iter_rows(min_row=3, values_only=True)}
    assert [c.value for c in ws[2]][:4] == ["部门", "待报", "已报", "逾期"]
    assert rows["甘肃省财政厅"] == (19, 1, 0)  # no call issued: nothing overdue
    used = data.assessments["latest_observation_id"].dropna().iloc[0]
    data.observations.loc[data.observations["observation_id"] == used, "confidence"] = "department-reported"
    labels = sources_table(data).drop_duplicates("latest_observation_id").set_index("latest_observation_id")
    assert labels.loc[used, "confidence_label"] == "部门报送 department-reported"
    assert set(labels.drop(used)["confidence_label"].dropna()) <= {"high", "medium", "low"}


def test_a_return_that_an_official_statistic_contradicts_is_a_warning_naming_both(catalogue):
    from targetwatch.quality.suites import OBSERVATIONS_PLAUSIBLE, run_suite

    obs = _obs(("gansu", "maker_spaces", 2020, 290, "high", "2021-03-01"),
               ("gansu", "maker_spaces", 2020, 310, "department-reported", "2026-11-20"),
               ("gansu", "maker_spaces", 2017, 103, "high"),  # a year without a return
               ("gansu", "rd_intensity", 2020, 1.22, "high"),
               ("gansu", "rd_intensity", 2020, 1.22, "department-reported"))  # agrees: no warning
    obs["unit"] = obs["indicator"].map({"maker_spaces": "count", "rd_intensity": "percent"})
    obs["sha256"] = "0" * 64
    con = duckdb.connect()
    con.register("observations", obs)
    conflicts = data_call.return_conflicts(con)
    assert conflicts[["year", "official_value", "official_file", "returned_value", "returned_file"]].values.tolist() \
        == [[2020, 290.0, "f0.csv", 310.0, "f1.csv"]]
    outcome = run_suite(OBSERVATIONS_PLAUSIBLE, obs, catalogue, AS_OF)
    results = outcome.results.set_index("description")
    disagree = next(d for d in results.index if d.startswith("a department's data-call return agrees"))
    assert not results.loc[disagree, "success"] and outcome.severity == "warning"
    failing = outcome.failures[outcome.failures["expectation_id"] == results.loc[disagree, "expectation_id"]]
    assert sorted(failing["source_file"]) == ["f0.csv", "f1.csv"]  # both named


def test_a_previous_publication_that_cannot_be_compared_gives_no_rows_and_says_why(tmp_path):
    prev = tmp_path / "older.duckdb"
    older = _assessments(("t1", "gansu", "maker_spaces", "no_data", 1, 2017, 103, "", "", "a.csv", "line 2"))
    _warehouse(prev, older.drop(columns=["n_points"]), _obs(("gansu", "maker_spaces", 2017, 103, "high")), "run-1")
    con = duckdb.connect()
    con.register("assessments", older)
    con.register("observations", _obs(("gansu", "maker_spaces", 2017, 103, "high")))
    changes = compute_changes(con, prev, "run-2")
    assert changes.empty and "previous publication's tables differ" in changes.attrs["note"]
