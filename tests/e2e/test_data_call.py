"""The data call end to end: refresh the bundled real figures, issue the call with the CLI, fill one figure (Gansu
maker spaces, 2020) in the returned workbook, refresh again; then the verdict, its trail to the returned file, the
changes page and the data-owed page, in the warehouse and in Debian's headless Chromium.

The filled-in value (310) and the names on the cover are SYNTHETIC test inputs, written into a temporary folder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import openpyxl
import pytest

from assets.resources import TargetwatchPaths
from pipelines.definitions import defs
from targetwatch import vocab
from targetwatch.config import PROJECT_DIR
from targetwatch.lineage import trace
from targetwatch.reports import department_return
from tests.e2e.conftest import CHROMIUM

# A second whole refresh (the returned workbook read through the real job, checks included) and the CLI in its own
# process: the slow set (`pytest -m slow`; .ci/run runs it). docs/testing.md, 2026-12-03 session 7.
pytestmark = pytest.mark.slow
AS_OF = "2026-11-23"  # the shared published refresh's as-of date (tests/conftest.py)
TARGET = "gansu-2015-maker-spaces"
RETURNED = "scan-from-gansu.xlsx"  # renamed by the department: recognised by the marker inside


def _refresh(reports: Path, out: Path) -> None:
    paths = TargetwatchPaths(out_dir=str(out), reports_dir=str(reports), project_dir=str(PROJECT_DIR), as_of=AS_OF)
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("refresh").execute_in_process(
            instance=instance, run_config={"resources": {"paths": {"config": paths.model_dump()}}})
    assert result.success


def _fill(src: Path, dst: Path) -> str:
    """Fill Gansu maker spaces 2020 and the cover, as a department would; return the value cell."""
    wb = openpyxl.load_workbook(src)
    ws = wb[department_return.DATA_SHEET]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == TARGET and r[5].value == 2020)
    row[header.index("数值 value")].value = 310
    row[header.index("数据来源 source")].value = "省科技厅众创空间统计（SYNTHETIC test value）"
    for r in wb[department_return.COVER_SHEET].iter_rows():
        answer = {"填报人": "张三", "审核人": "李四", "联系电话": "0931-0000000",
                  "填报日期": dt.date(2026, 11, 20)}.get(str(r[0].value or "").split(" ")[0])
        if answer is not None:
            r[1].value = answer
    wb.save(dst)
    return row[header.index("数值 value")].coordinate


@pytest.fixture(scope="module")
def returned(tmp_path_factory, published):
    """The shared published refresh (a copy) is the first publication; the call is issued on it, one figure is filled
    in and returned, and a second refresh reads it."""
    base = tmp_path_factory.mktemp("data-call")
    reports, out = base / "reports", published.copy_to(base / "out")
    shutil.copytree(PROJECT_DIR / "reports", reports)
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        before = con.execute("SELECT status FROM assessments WHERE target_id = ?", [TARGET]).fetchall()[0][0]
    env = os.environ | {"TARGETWATCH_AS_OF": AS_OF, "COLUMNS": "200"}
    cli = subprocess.run([sys.executable, "-c", "from pipelines.cli import main; main()", "data-call", "--out",
                          str(out), "--due", "2026-11-22"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
                         timeout=120)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    workbook = next((out / "data-call").glob("数据征集表-甘肃省人民政府-*.xlsx"))
    cell = _fill(workbook, reports / RETURNED)
    _refresh(reports, out)
    return out, cli.stdout, cell, before


def test_data_call_prints_where_and_how_many(returned):
    out, stdout, *_ = returned
    assert "甘肃省人民政府: 17 figures owed" in stdout
    assert f"11 workbooks, 100 figures owed, due 2026-11-22, in {out / 'data-call'}" in stdout


def test_the_returned_figure_gives_the_target_a_verdict_traced_to_the_returned_file(returned):
    out, _, cell, before = returned
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        status, file, location, reason = con.execute(
            "SELECT status, latest_source_file, latest_location, reason_en FROM assessments WHERE target_id = ?",
            [TARGET]).fetchall()[0]
        assert (status, file, location) == ("achieved", RETURNED, f"{department_return.DATA_SHEET}!{cell}")
        assert all(word in reason for word in ("2020", "310", "300"))  # the wording is targetwatch.messages's
        obs = con.execute("SELECT confidence, source_title, release_date FROM observations WHERE source_file = ?",
                          [RETURNED]).fetchall()
        assert len(obs) == 1  # the 16 rows left empty are neither figures nor rejected rows
        assert obs[0][0] == "department-reported" and "张三" in obs[0][1] and "甘肃省人民政府" in obs[0][1]
        assert str(obs[0][2]) == "2026-11-20"
        assert con.execute("SELECT count(*) FROM rejected_rows WHERE source_file = ?", [RETURNED]).fetchall() == [(0,)]
        fmt = con.execute("SELECT format FROM report_files WHERE source_file = ?", [RETURNED]).fetchall()
        assert fmt == [("department_return",)]
        chain = trace(con, TARGET)
        used = [o for o in chain.observations if o["used"] and o["year"] == 2020]
        assert [o["source_file"] for o in used] == [RETURNED]
        owed = dict(con.execute("SELECT state, count(*) FROM data_owed WHERE department = '甘肃省人民政府' GROUP BY 1")
                    .fetchall())
        assert owed == {"owed": 16, "returned": 1}
        changes = con.execute("SELECT kind, from_status, to_status FROM changes WHERE target_id = ?",
                              [TARGET]).fetchall()
        assert before != "achieved" and vocab.STATUS_BY_CODE[before]  # no verdict before the return
        assert changes == [("status", before, "achieved")]


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_changes_page_names_the_change(returned, open_page, screenshot, lang):
    out, *_, before = returned
    page, errors, remote = open_page(out / "dashboards" / "index.html")
    page.click("#changes-link")
    page.wait_for_load_state("load")
    assert page.url.endswith("/changes.html")
    if lang == "en":  # (each page opens in Chinese: the test context clears the stored language)
        page.click("#lang-toggle")
    assert page.locator("h1").inner_text() == ("本次更新的变化" if lang == "zh" else "What changed")
    row = page.locator(f"table[data-kind='status'] tr[data-target='{TARGET}']")
    text = row.inner_text()
    was, now = vocab.STATUS_BY_CODE[before], vocab.STATUS_BY_CODE["achieved"]
    assert f"{was.icon} {getattr(was, lang)}" in text and f"{now.icon} {getattr(now, lang)}" in text
    assert RETURNED in text
    badge = page.locator("table[data-kind='new_figure'] .badge.department-reported").first
    assert badge.is_visible()
    assert badge.inner_text() == ("部门报送" if lang == "zh" else "department-reported")
    screenshot(page, f"changes-{lang}")
    assert errors == [] and remote == []


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_data_owed_page_and_its_links(returned, open_page, screenshot):
    out, *_ = returned
    dash = out / "dashboards"
    page, errors, remote = open_page(dash / "data-owed.html")
    gansu = page.locator("#owed-departments tr[data-department='甘肃省人民政府']").inner_text()
    assert gansu.split("\t")[1:5] == ["16", "1", "16", "2026-11-22"]  # owed, returned, overdue (due passed), due
    assert page.locator(f"#owed-{TARGET}-2020 .badge.department-reported").is_visible()
    screenshot(page, "data-owed")
    assert errors == [] and remote == []
    # linked from the overview, a department page and a target with no data
    index, *_ = open_page(dash / "index.html")
    assert index.locator("#data-owed-link").get_attribute("href") == "data-owed.html"
    dept = next((dash / "departments").glob("*.html"))
    dpage, *_ = open_page(dept)
    assert dpage.locator("a.data-owed-link").get_attribute("href") == "../data-owed.html"
    nodata, *_ = open_page(dash / "targets" / "gansu-2015-university-science-parks.html")
    link = nodata.locator("a.data-owed-link")
    assert link.get_attribute("href").startswith("../data-owed.html#dept-")
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    nodata.wait_for_load_state("load")
    assert nodata.url.endswith(f"data-owed.html#{anchor}")
    assert nodata.locator(f"#{anchor}").is_visible()


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_the_badge_on_the_target_and_lineage_pages(returned, open_page, screenshot):
    out, *_ = returned
    page, errors, _ = open_page(out / "dashboards" / "targets" / f"{TARGET}.html")
    assert page.locator(".badge.department-reported").first.inner_text() == "部门报送"
    lineage, lerrors, _ = open_page(out / "quality" / "lineage" / f"{TARGET}.html")
    row = lineage.locator("#lineage-figures tr", has_text=RETURNED)
    assert row.locator(".badge.department-reported").is_visible()
    screenshot(lineage, "lineage-department-return")
    assert errors == [] and lerrors == []
