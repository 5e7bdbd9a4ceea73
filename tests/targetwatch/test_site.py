"""The dashboards site built from a small SYNTHETIC warehouse: files written, links, slugs, revisions, banner.

`synthetic_site_data` is also used by the browser tests (tests/e2e) for the pages the bundled real
catalogue cannot show yet (departments, measures, revisions, per-year bars, the synthetic banner).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import json
import re
import time
from pathlib import Path

import pandas as pd
import pytest

import targetwatch.render.dashboards as dashboards_module
import targetwatch.render.large_site as large_module
from targetwatch import vocab
from targetwatch.assessment import assess
from targetwatch.catalogue import Catalogue, Indicator, Measure, Source, Target, catalogue_tables
from targetwatch.documents import LoadedDocument, PolicyDocument
from targetwatch.render.dashboards import build_dashboards
from targetwatch.render.large_site import jurisdiction_tree, page_name
from targetwatch.render.page import department_slug
from targetwatch.render.quality_report import build_quality_report
from targetwatch.render.rows import TRAIL_KEYS, target_rows
from targetwatch.render.site_data import SiteData, observation_revisions
from tests.conftest import SYNTHETIC_JURISDICTIONS

AS_OF = dt.date(2023, 6, 30)
DOC_TEXT = (
    "SYNTHETIC test document. 一、主要目标。研发投入强度达到全国平均水平。"
    "到2025年，测试事物达到1000个。每年带动就业45万人。以上为合成测试文本。"
    "二、措施。建设测试平台。"
)
SCIENCE, LABOUR = "省科技厅", "省人力资源社会保障厅"


def _document() -> LoadedDocument:
    meta = PolicyDocument(id="syn-doc", file="syn-doc.txt", original_file="syn-doc.txt", jurisdiction="xx",
                          issuer_zh="测试省人民政府", issuer_en="Testland Government", date=dt.date(2020, 1, 1),
                          number="测政发〔2020〕1号", title_zh="测试省合成测试方案", title_en="Testland synthetic plan",
                          script="simplified")
    return LoadedDocument(meta=meta, path=Path("syn-doc.txt"), text=DOC_TEXT,
                          sha256=hashlib.sha256(DOC_TEXT.encode()).hexdigest())


def _catalogue(n_extra: int = 0) -> Catalogue:
    src = lambda quote: [Source(document="syn-doc", clause="一、主要目标", quote=quote)]  # noqa: E731
    targets = [
        # listed in a different order from the document, so document pages must sort by the quote's offset
        Target(id="syn-stock", jurisdiction="xx", indicator="things", name_zh="测试事物达到1000个",
               name_en="1,000 things", kind="outcome", comparator="at_least", value=1000, deadline=2025,
               plan_start=2020, headline=True, departments=[SCIENCE], department_role="lead",
               sources=src("到2025年，测试事物达到1000个。")),
        Target(id="syn-per-year", jurisdiction="xx", indicator="jobs", name_zh="每年带动就业45万人",
               name_en="450,000 jobs a year", kind="outcome", comparator="at_least", value=450000, per_year=True,
               plan_start=2020, deadline=2024, headline=True, departments=[LABOUR, SCIENCE],
               department_role="shared", sources=src("每年带动就业45万人。")),
        Target(id="syn-relative", jurisdiction="xx", indicator="share", name_zh="研发投入强度达到全国平均水平",
               name_en="R&D intensity to reach the national average", kind="outcome",
               comparator="relative_to_reference", reference_jurisdiction="nat", deadline=2025, plan_start=2020,
               headline=True, departments=[SCIENCE], department_role="lead",
               sources=src("研发投入强度达到全国平均水平。")),
        Target(id="syn-qualitative", jurisdiction="xx", name_zh="建设测试平台", name_en="Build a test platform",
               kind="qualitative", comparator="qualitative", sources=src("建设测试平台。")),
    ]
    targets += [
        Target(id=f"syn-extra-{i:03d}", jurisdiction="xx", indicator="things", name_zh=f"合成目标{i}",
               name_en=f"Synthetic target {i}", kind="sub_target" if i % 2 else "outcome", parent="syn-stock",
               comparator="at_least", value=500 + 10 * i, deadline=2025, plan_start=2020,
               departments=[SCIENCE if i % 3 else LABOUR], department_role="lead",
               sources=src("到2025年，测试事物达到1000个。"))
        if i % 2 else
        Target(id=f"syn-extra-{i:03d}", jurisdiction="nat", indicator="share", name_zh=f"合成目标{i}",
               name_en=f"Synthetic target {i}", kind="outcome", comparator="at_least", value=2 + i / 100,
               deadline=2025, plan_start=2020, sources=src("研发投入强度达到全国平均水平。"))
        for i in range(n_extra)
    ]
    return Catalogue(
        version=1,
        jurisdictions=list(SYNTHETIC_JURISDICTIONS),
        indicators=[
            Indicator(code="things", name_zh="事物", name_en="Things", unit="count", measure="stock",
                      definition_en="synthetic stock"),
            Indicator(code="things_subset", name_zh="部分事物", name_en="Some things", unit="count", measure="stock",
                      definition_en="synthetic proxy", proxy_of="things", proxy_note="a subset of all things"),
            Indicator(code="jobs", name_zh="就业", name_en="Jobs", unit="persons", measure="flow",
                      definition_en="synthetic flow"),
            Indicator(code="share", name_zh="比重", name_en="Share", unit="percent", measure="rate",
                      definition_en="synthetic share"),
        ],
        targets=targets,
        measures=[Measure(id="syn-measure", document="syn-doc", clause="二、措施", title_zh="建设测试平台",
                          quote="建设测试平台。", departments=[SCIENCE], department_role="lead")],
    )


# (jurisdiction, indicator, year, value, unit, file, release date): two files give 2021 differently (a revision)
OBSERVATIONS = [
    ("xx", "things", 2020, 400, "count", "syn-a.csv", "2021-03-01"),
    ("xx", "things", 2021, 500, "count", "syn-a.csv", "2022-03-01"),
    ("xx", "things", 2021, 510, "count", "syn-b.csv", "2022-09-01"),
    ("xx", "things", 2022, 640, "count", "syn-a.csv", "2023-03-01"),
    ("xx", "things_subset", 2022, 120, "count", "syn-b.csv", "2023-03-01"),
    ("xx", "jobs", 2020, 460000, "persons", "syn-a.csv", "2021-03-01"),
    ("xx", "jobs", 2021, 430000, "persons", "syn-a.csv", "2022-03-01"),
    ("xx", "jobs", 2022, 455000, "persons", "syn-a.csv", "2023-03-01"),
    ("xx", "share", 2020, 1.0, "percent", "syn-a.csv", "2021-09-01"),
    ("xx", "share", 2021, 1.1, "percent", "syn-a.csv", "2022-09-01"),
    ("xx", "share", 2022, 1.3, "percent", "syn-a.csv", "2023-03-01"),
    ("nat", "share", 2020, 2.0, "percent", "syn-b.csv", "2021-09-01"),
    ("nat", "share", 2021, 2.1, "percent", "syn-b.csv", "2022-09-01"),
    ("nat", "share", 2022, 2.2, "percent", "syn-b.csv", "2023-03-01"),
]


def _observations() -> pd.DataFrame:
    rows = []
    for i, (j, ind, year, value, unit, file, release) in enumerate(OBSERVATIONS):
        rows.append({
            "observation_id": f"syn:{i}", "jurisdiction": j, "indicator": ind, "year": year, "value": float(value),
            "unit": unit, "value_as_written": str(value), "unit_as_written": "个", "period_type": "annual",
            "figure_type": "actual", "release_date": pd.Timestamp(release), "release_date_basis": "row",
            "confidence": "high", "source_file": file, "sha256": hashlib.sha256(file.encode()).hexdigest(),
            "sheet": None, "row_number": i + 2, "column_name": None, "location": f"line {i + 2}",
            "char_start": None, "char_end": None, "raw_content": "", "source_title": "SYNTHETIC test data",
            "source_ref": "", "notes": "",
        })
    df = pd.DataFrame(rows)
    df["year"] = df["year"].astype("Int64")
    return df


def synthetic_site_data(n_extra: int = 0, synthetic_column: bool = True) -> SiteData:
    """A SYNTHETIC warehouse's tables: one stock, one per-year, one relative and one qualitative target
    (plus `n_extra` simple ones), a measure, two departments, a revised figure, two report files.

    A fresh copy each call, the caller's to change: built once per process for each pair of arguments (assessing it
    costs ~0.15 s of CPU, a deep copy < 1 ms; about 38 calls a default run, in 12 modules: docs/testing.md, session
    14). Its tables hold only immutable values (str, numbers, dates), so a deep copy shares nothing mutable."""
    return copy.deepcopy(_built_synthetic_site_data(n_extra, synthetic_column))


@functools.cache
def _built_synthetic_site_data(n_extra: int, synthetic_column: bool) -> SiteData:
    """`synthetic_site_data`'s tables as built (never handed out: callers get copies)."""
    catalogue = _catalogue(n_extra)
    tables = catalogue_tables(catalogue, {"syn-doc": _document()})
    obs = _observations()
    assessments, years = assess(catalogue, obs, AS_OF)
    files = pd.DataFrame({
        "source_file": ["syn-a.csv", "syn-b.csv"], "sha256": [hashlib.sha256(b"a").hexdigest()] * 2,
        "size_bytes": [100, 100], "format": ["template_csv"] * 2, "encoding": ["utf-8"] * 2,
        "release_date": [None, None], "release_date_basis": ["row", "row"], "title": [None, None],
        "rows_read": [10, 4], "rows_accepted": [10, 4], "rows_rejected": [0, 0], "status": ["loaded"] * 2,
        "error": [None, None],
    })
    if synthetic_column:
        files["synthetic"] = [True, False]
    checks = pd.DataFrame({
        "check_name": ["observations_valid", "observations_plausible"], "suite": ["observations_valid",
                                                                                   "observations_plausible"],
        "severity": ["error", "warning"], "expectation": ["expect_column_values_to_not_be_null",
                                                          "expect_column_values_to_be_in_set"],
        "column_name": ["value", "confidence"], "success": [True, False], "element_count": [14, 14],
        "unexpected_count": [0, 1], "unexpected_percent": [0.0, 7.1], "unexpected_sample": ["[]", '["low"]'],
        "observed_value": [None, None], "description": ["value is always filled", "figures are of high confidence"],
        "checked_at": [pd.Timestamp("2023-06-30")] * 2,
    })
    rejected = pd.DataFrame(columns=["source_file", "sha256", "sheet", "row_number", "location", "raw_content",
                                     "reason"])
    return SiteData(
        targets=tables["targets"], target_sources=tables["target_sources"], assessments=assessments,
        assessment_years=years, observations=obs, indicators=tables["indicators"],
        jurisdictions=tables["jurisdictions"], policy_documents=tables["policy_documents"], report_files=files,
        rejected_rows=rejected, check_results=checks, as_of=AS_OF.isoformat(),
        target_departments=tables["target_departments"], measures=tables["measures"],
    )


@pytest.fixture(scope="module")
def data() -> SiteData:
    return synthetic_site_data()


@pytest.fixture(scope="module")
def site(synthetic_site_build) -> tuple[Path, list[Path]]:
    """synthetic_site_data() built once per session (tests/conftest.py), shared with the browser tests: read-only."""
    return synthetic_site_build.out, synthetic_site_build.pages


def test_site_build_writes_every_page(site):
    out, pages = site
    d = out / "dashboards"
    expected = {
        "index.html", "plotly.min.js", "static/site.css", "static/site.js", "targetwatch-gap-table.xlsx",
        "targets/syn-stock.html", "targets/syn-per-year.html", "targets/syn-relative.html",
        "targets/syn-qualitative.html", "documents/syn-doc.html",
        f"departments/{department_slug(SCIENCE)}.html", f"departments/{department_slug(LABOUR)}.html",
        "brief/xx.html",  # the one-page briefing of the one jurisdiction with targets (issue 23)
        "data-owed.html", "changes.html",  # the data call's pages
    }
    written = {p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file()}
    assert written == expected
    assert {p.relative_to(d).as_posix() for p in pages} == expected - {
        "plotly.min.js", "static/site.css", "static/site.js", "targetwatch-gap-table.xlsx"}
    assert (out / "quality" / "index.html").exists() and not list((out / "quality").rglob("plotly*.js"))


def test_pages_with_charts_reference_the_one_plotly_relatively_and_never_the_network(site):
    out, pages = site
    assert len(list(out.rglob("plotly*.js"))) == 1
    with_charts = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(out / "dashboards").parts) - 1
        if 'class="plot"' in text:
            with_charts.add(page.relative_to(out / "dashboards").as_posix())
            assert f'<script src="{"../" * depth}plotly.min.js"></script>' in text
            assert text.count("plotly.min.js") == 1
        else:
            assert "plotly.min.js" not in text  # no chart, no 4.8 MB to parse
        assert not re.search(r'(src|href)="(https?:)?//', text), page.name
        assert len(text) < 300_000  # charts are specs, not an embedded plotly.js
    assert with_charts == {"index.html", "targets/syn-stock.html", "targets/syn-per-year.html",
                           "targets/syn-relative.html"}


def test_every_page_links_to_the_quality_report(site):
    out, pages = site
    for page in pages:
        assert "quality/index.html" in page.read_text(encoding="utf-8"), page.name
    assert 'href="../../quality/index.html#t-syn-relative"' in (out / "dashboards/targets/syn-relative.html").read_text(
        encoding="utf-8")
    quality = (out / "quality" / "index.html").read_text(encoding="utf-8")
    assert 'id="t-syn-relative"' in quality


def test_page_titles_are_stable_and_chinese_first(site):
    out, _ = site
    title = lambda p: re.search(r"<title>(.*?)</title>", (out / "dashboards" / p).read_text(encoding="utf-8"))[1]  # noqa: E731
    assert title("index.html") == "政策目标监测 · 总览 / Policy target monitor · Overview"
    assert title("targets/syn-stock.html") == "测试事物达到1000个 / 1,000 things"
    assert title("documents/syn-doc.html") == "测试省合成测试方案 / Testland synthetic plan"


@pytest.mark.parametrize("name", [SCIENCE, LABOUR, "省发展改革委", " 省科技厅 "])
def test_department_slug_is_stable_and_ascii(name):
    slug = department_slug(name)
    assert re.fullmatch(r"dept-[0-9a-f]{10}", slug)
    assert slug == department_slug(name)  # the same in every run: a hash of the name, not a position in a list
    assert slug == "dept-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:10]


def test_department_slugs_differ():
    assert department_slug(SCIENCE) != department_slug(LABOUR)
    assert department_slug(SCIENCE) == "dept-" + hashlib.sha1(SCIENCE.encode()).hexdigest()[:10]


def test_document_page_lists_targets_in_document_order_and_measures(site):
    out, _ = site
    text = (out / "dashboards" / "documents" / "syn-doc.html").read_text(encoding="utf-8")
    order = re.findall(r'<tr data-target="([^"]+)"', text)
    # the quotes appear in the document as: relative, stock, per-year, qualitative (the catalogue lists stock first)
    assert order[:4] == ["syn-relative", "syn-stock", "syn-per-year", "syn-qualitative"]
    assert 'data-measure="syn-measure"' in text


def test_department_page_lists_its_targets_and_measures(site):
    out, _ = site
    science = (out / "dashboards" / "departments" / f"{department_slug(SCIENCE)}.html").read_text(encoding="utf-8")
    labour = (out / "dashboards" / "departments" / f"{department_slug(LABOUR)}.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<tr data-target="([^"]+)"', science)) == {"syn-stock", "syn-per-year", "syn-relative"}
    assert 'data-measure="syn-measure"' in science
    assert re.findall(r'<tr data-target="([^"]+)"', labour) == ["syn-per-year"]
    assert "data-measure" not in labour


def test_target_page_marks_revised_figures_and_the_value_used(site):
    out, _ = site
    text = (out / "dashboards" / "targets" / "syn-stock.html").read_text(encoding="utf-8")
    revised = re.findall(r'<tr data-observation="([^"]+)" class="([^"]*)"', text)
    classes = dict(revised)
    assert "revised" in classes["syn:1"] and "revised" in classes["syn:2"]  # 2021: 500 and 510
    assert "used" in classes["syn:2"] and "used" not in classes["syn:1"]  # the later release was used
    assert "revised" not in classes["syn:0"]
    assert "替代" in text and "things_subset" not in text.split('id="proxies"')[0].split("<main>")[0]


def test_observation_revisions_counts_distinct_values_per_year():
    rev = observation_revisions(_observations()).set_index("observation_id")
    assert rev.loc["syn:1", "n_values"] == 2 and bool(rev.loc["syn:1", "revised"])
    assert not rev.loc["syn:0", "revised"]


def test_synthetic_banner_with_and_without_the_column(tmp_path, site):
    with_col = synthetic_site_data()
    assert with_col.synthetic_files == ["syn-a.csv"]
    out, _ = site  # synthetic_site_data() built once per session: the site of `with_col`
    assert 'id="synthetic-banner"' in (out / "dashboards" / "index.html").read_text(encoding="utf-8")
    without = synthetic_site_data(synthetic_column=False)
    assert without.synthetic_files == []
    build_dashboards(without, tmp_path / "b")
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert 'id="synthetic-banner"' not in index and 'id="real-banner"' in index
    nulls = synthetic_site_data()
    nulls.report_files["synthetic"] = [None, None]
    assert nulls.synthetic_files == []


def test_target_rows_format_both_languages(data):
    rows = target_rows(data).set_index("target_id")
    rel = rows.loc["syn-relative"]
    assert rel["latest_zh"] == "1.3%" and rel["gap_zh"] == "-0.9个百分点" and rel["gap_en"] == "-0.9 pp"
    assert rel["goal_zh"] == "全国 2.2%"
    jobs = rows.loc["syn-per-year"]
    assert jobs["goal_zh"] == "45万人/年" and jobs["goal_en"] == "450,000 persons a year"
    assert jobs["latest_zh"] == "45.5万人" and jobs["latest_en"] == "455,000 persons"
    assert list(rows.index[:3]) == ["syn-stock", "syn-per-year", "syn-relative"]  # headline first, by status
    assert set(rows["status"]) <= set(vocab.STATUS_CODES)


def test_statuses_are_not_hard_coded_in_templates():
    from targetwatch.render.page import DASHBOARD_DIR

    for path in [*(DASHBOARD_DIR / "templates").glob("*.html"), DASHBOARD_DIR / "static" / "site.js",
                 DASHBOARD_DIR / "strings.yaml"]:
        text = path.read_text(encoding="utf-8")
        for s in vocab.STATUSES:
            assert s.zh not in text, (path.name, s.zh)
            assert f"'{s.code}'" not in text and f'"{s.code}"' not in text, (path.name, s.code)


def test_site_from_a_warehouse_without_measures_or_departments(tmp_path):
    import duckdb

    data = synthetic_site_data()
    con = duckdb.connect()
    for name in ("targets", "target_sources", "assessments", "assessment_years", "observations", "indicators",
                 "jurisdictions", "policy_documents", "report_files", "rejected_rows", "check_results"):
        con.register(f"v_{name}", getattr(data, name))
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM v_{name}')
    read = SiteData.from_warehouse(con)
    assert len(read.measures) == 0 and len(read.target_departments) == 0
    pages = build_dashboards(read, tmp_path / "d")
    assert not (tmp_path / "d" / "departments").exists()
    assert len(pages) == 1 + len(read.targets) + len(read.policy_documents) + 3  # + data owed, changes, brief


@pytest.mark.slow
def test_site_build_time_for_a_grown_catalogue(tmp_path):
    """~80 targets (the catalogue's expected size) build in well under the 10 s budget (CPU seconds of this process:
    the slow set runs beside the default set in CI, and other work shares the machine)."""
    data = synthetic_site_data(n_extra=76)
    start = time.process_time()
    pages = build_dashboards(data, tmp_path / "dashboards")
    build_quality_report(data, tmp_path / "quality")
    elapsed = time.process_time() - start
    assert len(data.targets) == 80 and len(pages) >= 80
    assert elapsed < 10, elapsed


def test_chart_json_cannot_end_its_script_element():
    from targetwatch.render.page import chart_html

    html = str(chart_html({"data": [{"type": "scatter", "name": "</script><!-- x", "x": [1], "y": [float("nan")]}],
                           "layout": {}}, "c-zh", "zh"))
    payload = html.split('type="application/json" id="c-zh-spec">')[1].removesuffix("</script></div>")
    assert "<" not in payload
    assert json.loads(payload)["data"][0] == {"type": "scatter", "name": "</script><!-- x", "x": [1], "y": [None]}


def test_english_first_site(tmp_path):
    build_dashboards(synthetic_site_data(), tmp_path, lang="en")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and '<option value="" data-zh="全部" data-en="All">All</option>' in index


# --- the large layout (a catalogue of every province, prefecture and county) -----------------------------------

def _large(tmp: Path, n_extra: int = 12) -> tuple[Path, SiteData, list[Path]]:
    data = synthetic_site_data(n_extra=n_extra)
    pages = build_dashboards(data, tmp / "dashboards", large=True)
    return tmp / "dashboards", data, pages


@pytest.fixture(scope="module")
def large_site(large_synthetic_site_build) -> tuple[Path, SiteData, list[Path]]:
    """_large() built once per session (tests/conftest.py), shared with the browser tests: read-only."""
    b = large_synthetic_site_build
    return b.out / "dashboards", b.data, b.pages


def _data_file(path: Path, function: str) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(function + "(") and text.endswith(");\n")
    return json.loads(text[len(function) + 1: -3])


def test_the_layout_is_chosen_by_the_catalogue_size(monkeypatch, tmp_path):
    data = synthetic_site_data()
    build_dashboards(data, tmp_path / "small")
    assert (tmp_path / "small/targets/syn-stock.html").exists() and not (tmp_path / "small/targets/view.html").exists()
    monkeypatch.setattr(dashboards_module, "LARGE_SITE_TARGETS", len(data.targets) - 1)
    build_dashboards(data, tmp_path / "large")
    assert [p.name for p in (tmp_path / "large/targets").iterdir()] == ["view.html"]
    assert (tmp_path / "large/data/xx.js").exists()


def test_large_site_writes_one_target_page_and_a_data_file_per_jurisdiction(large_site):
    d, _, pages = large_site
    written = {p.relative_to(d).as_posix() for p in d.rglob("*") if p.is_file()}
    assert {p for p in written if p.startswith("targets/")} == {"targets/view.html"}
    assert {p for p in written if p.startswith("data/")} == {"data/_common.js", "data/xx.js", "data/nat.js"}
    assert {"index.html", "jurisdictions/xx.html", "jurisdictions/nat.html", "documents/syn-doc.html",
            "static/target-view.js", "static/chart-build.js", "plotly.min.js"} <= written
    assert {p.relative_to(d).as_posix() for p in pages} == {p for p in written if p.endswith(".html")}


def test_large_overview_counts_by_level_and_region_instead_of_listing_rows(large_site):
    d, data, _ = large_site
    index = (d / "index.html").read_text(encoding="utf-8")
    assert "data-target=" not in index and 'id="targets-table"' not in index
    levels = re.search(r'<table id="level-matrix".*?</table>', index, re.S)[0]
    icon = r'<span class="icon"[^>]*>[^<]+</span>'  # each count carries its status's icon
    links = re.findall(rf'<a href="(lists/[^"]+)" class="count"[^>]*data-status="([^"]+)">{icon}(\d+)</a>', levels)
    assert sum(int(n) for _, _, n in links) == len(data.targets)
    rows = target_rows(data)
    for href, status, n in links:  # every count opens the list of exactly those targets
        page = (d / href).read_text(encoding="utf-8")
        listed = re.findall(r'<tr data-target="([^"]+)" data-status="([^"]+)"', page)
        assert len(listed) == int(n) and {s for _, s in listed} == {status}
        level = href.removeprefix("lists/").split("-")[0]
        expected = rows.loc[rows["status"] == status, "jurisdiction"].map({"xx": "province", "nat": "national"})
        assert level in set(expected)
    regions = re.search(r'<table id="region-matrix".*?</table>', index, re.S)[0]
    assert 'href="jurisdictions/xx.html"' in regions and 'id="overview-zh"' in index


def test_every_local_link_of_the_large_site_resolves(large_site):
    d, _, pages = large_site
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', text), page.name
        for ref in re.findall(r'(?:src|href)="([^"#]+)', text):
            if ref.startswith("../../quality/") or ref.startswith("../quality/"):
                continue  # the auditors' report is a sibling site
            assert (page.parent / ref).resolve().exists(), (page.relative_to(d), ref)


def test_target_links_name_the_jurisdiction_data_file(large_site):
    d, data, _ = large_site
    page = (d / "jurisdictions/xx.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'href="\.\./targets/view\.html#j=([^&"]+)&amp;t=([^"]+)"', page))
    assert links and set(links) == {"xx"}
    own = set(data.targets.loc[data.targets["jurisdiction"] == "xx", "target_id"])
    assert set(re.findall(r'<tr data-target="([^"]+)"', page)) == own


def test_data_files_hold_each_target_with_its_years_and_the_figures_it_used(large_site):
    d, data, _ = large_site
    common = _data_file(d / "data/_common.js", "twCommon")
    xx = _data_file(d / "data/xx.js", "twTargets")
    assert set(xx["targets"]) == set(data.targets.loc[data.targets["jurisdiction"] == "xx", "target_id"])
    fields = large_module.FIGURE_FIELDS
    years = data.assessment_years.set_index(["target_id", "year"])
    for tid in ("syn-stock", "syn-relative", "syn-per-year"):
        t = xx["targets"][tid]
        rows = [dict(zip(fields, r, strict=True)) for r in xx["series"][t["series"]]]
        for k, (year, o) in enumerate(zip(t["years"]["y"], t["years"]["o"], strict=True)):
            used = rows[o]
            assert used["year"] == year
            oid = used["observation_id"] or f"{common['files'][used['file']][1]}:{used['location']}"
            assert oid == years.loc[(tid, year), "observation_id"], (tid, year, k)
    rel = xx["targets"]["syn-relative"]
    assert rel["reference_series"] == "nat|share" and "nat|share" in xx["series"]
    assert xx["targets"]["syn-stock"]["proxy_series"] == ["xx|things_subset"]
    stock_trail = dict(zip(_trail_keys(), xx["targets"]["syn-stock"]["trail"], strict=False))
    assert stock_trail["deadline"] == 2025 and stock_trail["comparator"] == "at_least"
    revised = [dict(zip(fields, r, strict=True)) for r in xx["series"]["xx|things"] if r[fields.index("n_values")] > 1]
    assert [r["year"] for r in revised] == [2021, 2021]


def _trail_keys() -> list[str]:
    return list(TRAIL_KEYS)


def test_long_lists_are_paginated(monkeypatch, tmp_path):
    monkeypatch.setattr(large_module, "PAGE_ROWS", 4)
    d, data, _ = _large(tmp_path)
    pages = sorted(p.name for p in (d / "jurisdictions").glob("xx*.html"))
    assert pages == ["xx-p2.html", "xx-p3.html", "xx.html"]  # 10 targets, 4 a page
    seen = []
    for name in ("xx.html", "xx-p2.html", "xx-p3.html"):
        text = (d / "jurisdictions" / name).read_text(encoding="utf-8")
        seen += re.findall(r'<tr data-target="([^"]+)"', text)
        assert 'class="pager"' in text
    assert sorted(seen) == sorted(data.targets.loc[data.targets["jurisdiction"] == "xx", "target_id"])
    first = (d / "jurisdictions/xx.html").read_text(encoding="utf-8")
    assert 'href="xx-p2.html" rel="next"' in first and 'rel="prev"' not in first


def test_a_large_document_or_department_shows_counts_not_rows(monkeypatch, tmp_path):
    monkeypatch.setattr(large_module, "PAGE_ROWS", 4)
    d, data, _ = _large(tmp_path)
    doc = (d / "documents/syn-doc.html").read_text(encoding="utf-8")
    assert 'id="doc-targets"' not in doc and 'id="level-matrix"' in doc and 'id="region-matrix"' in doc
    assert f"({len(data.targets)})" in doc
    science = (d / "departments" / f"{department_slug(SCIENCE)}.html").read_text(encoding="utf-8")
    assert 'id="dept-targets"' not in science and 'id="level-matrix"' in science
    assert 'data-measure="syn-measure"' in science  # measures are still listed
    labour = (d / "departments" / f"{department_slug(LABOUR)}.html").read_text(encoding="utf-8")
    owned = data.target_departments.query("department == @LABOUR and owner_type == 'target'")["target_id"]
    assert 1 < len(owned) <= 4
    assert sorted(re.findall(r'<tr data-target="([^"]+)"', labour)) == sorted(owned)  # few targets: listed
    assert 'href="../targets/view.html#j=xx&amp;t=syn-per-year"' in labour


def test_the_target_view_page_carries_its_configuration(large_site):
    d, _, _ = large_site
    text = (d / "targets/view.html").read_text(encoding="utf-8")
    cfg = json.loads(re.search(r'<script type="application/json" id="tw-config">(.*?)</script>', text, re.S)[1])
    assert [s["code"] for s in cfg["statuses"]] == list(vocab.STATUS_CODES)
    assert cfg["trail"] == list(TRAIL_KEYS) and cfg["figure_fields"] == list(large_module.FIGURE_FIELDS)
    assert cfg["documents"]["syn-doc"]["label"] == "测政发〔2020〕1号"
    # the evidence labels come from vocab (issue 14); each target's basis and grade travel in its trail
    assert cfg["evidence_bases"]["before_and_after"] == ["截止年前后均有数据（可能减少）",
                                                         "before and after (may fall)"]
    assert cfg["evidence_grades"]["inferred"] == ["推断", "inferred"]
    assert {"evidence_basis", "evidence_grade", "deadline_inferred_from"} <= set(cfg["trail"])
    assert text.index("static/target-view.js") < text.index("data/_common.js")
    assert 'id="checks-table"' in text and "observations_plausible" in text


@pytest.mark.parametrize(
    ("code", "admin", "level", "parent", "expected_level", "province", "region"),
    [
        ("nat", "100000", "national", None, "national", None, "national"),
        ("p", "140000", "province", "nat", "province", "p", "1"),
        ("c", "140100", "prefecture", "p", "prefecture", "p", "1"),
        ("k", "140102", "prefecture", "c", "county", "p", "1"),  # a county filed as a prefecture: told by its code
        ("orphan", "140200", "prefecture", "nat", "prefecture", "p", "1"),  # no province above: found by its code
        ("xining", "630100", "prefecture", "nat", "prefecture", None, "6"),  # its province is not in the catalogue
        ("odd", "990000", "province", None, "province", "odd", "other"),
    ],
)
def test_jurisdiction_tree(code, admin, level, parent, expected_level, province, region):
    table = pd.DataFrame([
        {"code": "nat", "admin_code": "100000", "name_zh": "全国", "name_en": "National", "level": "national",
         "parent": None},
        {"code": "p", "admin_code": "140000", "name_zh": "省", "name_en": "P", "level": "province", "parent": "nat"},
        {"code": "c", "admin_code": "140100", "name_zh": "市", "name_en": "C", "level": "prefecture", "parent": "p"},
        {"code": code, "admin_code": admin, "name_zh": code, "name_en": code, "level": level, "parent": parent},
    ]).drop_duplicates("code", keep="last")
    tree = jurisdiction_tree(table)
    assert tree.at[code, "level"] == expected_level
    assert (tree.at[code, "province"] or None) == province
    assert tree.at[code, "region"] == region


@pytest.mark.parametrize(("code", "safe"), [("shanxi", True), ("syn-140102", True), ("a_b", True),
                                              ("山西", False), ("../x", False), ("_common", False), ("", False)])
def test_page_name_is_a_plain_file_name(code, safe):
    name = page_name(code)
    assert (name == code) is safe
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", name) and page_name(code) == name


def test_json_values_are_ready_for_json():
    from targetwatch.render.page import json_values

    assert json_values(pd.Series([1.0, float("nan"), float("inf"), 0.123456789, 1234567.0]), digits=6) == [
        1.0, None, None, 0.123457, 1234567.0]
    assert json_values(pd.Series([1, None], dtype="Int64")) == [1, None]
    assert json_values(pd.Series(pd.to_datetime(["2021-03-01", None]))) == ["2021-03-01", None]
    assert json_values(pd.Series(["a", None, float("nan")], dtype=object)) == ["a", None, None]


def test_the_shipped_plotly_is_the_basic_bundle_of_the_version_the_plotly_package_embeds():
    from plotly.offline import get_plotlyjs

    from targetwatch.render.page import PLOTLY_BUNDLE

    embedded = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", get_plotlyjs()[:300]).group(1)
    shipped = re.search(r"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)",
                        PLOTLY_BUNDLE.read_text(encoding="utf-8")[:300]).group(1)
    assert shipped == embedded


def test_every_chart_uses_only_trace_types_of_the_basic_bundle(site):
    from targetwatch.render.page import PLOTLY_TRACE_TYPES

    out, pages = site
    types = set()
    for page in pages:
        for spec in re.findall(r'type="application/json" id="[^"]+-spec">(.*?)</script>', page.read_text("utf-8")):
            types |= {t.get("type", "scatter") for t in json.loads(spec)["data"]}
    assert types and types <= PLOTLY_TRACE_TYPES, types
    assert (out / "dashboards" / "plotly.min.js").stat().st_size < 1_300_000


HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'


def test_text_from_targets_and_reports_is_escaped_on_every_page(tmp_path):
    """A target name and a report's source text holding markup show as text: never as a tag, and never able to
    close the inline chart JSON's <script> element."""
    data = synthetic_site_data()
    data.targets.loc[data.targets["target_id"] == "syn-stock", "name_zh"] = HOSTILE
    data.observations.loc[data.observations["source_file"] == "syn-a.csv", "source_ref"] = HOSTILE
    pages = build_dashboards(data, tmp_path / "dashboards")
    html = {p.relative_to(tmp_path).as_posix(): p.read_text(encoding="utf-8") for p in pages if p.suffix == ".html"}
    target = html["dashboards/targets/syn-stock.html"]
    assert "&lt;/script&gt;&lt;script&gt;alert(" in target  # the name and the source, as text
    for name, text in html.items():
        assert "<script>alert(" not in text and "<img src=x" not in text, name
        assert 'onerror=alert(1)>' not in text.replace("&gt;", ""), name


def test_every_status_states_its_evidence_basis(site):
    # issue 14: the chip's tooltip and the target page name the evidence basis and grade; the overview gives each
    # jurisdiction's share of observed / inferred / no-evidence statuses. Testland's three quantitative targets are
    # before their deadlines with a measured pace: 3 of 3 observed.
    out, _ = site
    page = (out / "dashboards" / "targets" / "syn-stock.html").read_text(encoding="utf-8")
    assert 'id="evidence-basis" data-basis="before_deadline_only" data-grade="observed"' in page
    assert "· 证据 仅有截止年前数据（实测）/ evidence: before the deadline only (observed)" in page
    index = (out / "dashboards" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-jurisdiction="xx">.*?</tr>', index, re.S).group(0)
    shares = re.findall(r'data-grade="(\w+)".*?</span> (\d+)%', row)
    assert shares == [("observed", "100"), ("inferred", "0"), ("none", "0")]
    from tests.targetwatch.quality.test_lineage_data import data_chains

    lineage = data_chains(out / "quality")["syn-stock"]  # the lineage page's data
    assert lineage["evidence_basis_zh"] == "仅有截止年前数据"
    assert lineage["evidence_basis_en"] == "before the deadline only"


def test_large_overview_shows_how_much_is_measured(large_site):
    # issue 14 on the large layout: each province (and region, and level) row gives its share of observed /
    # inferred / no-evidence statuses among its quantitative targets, counted here from the assessments
    d, data, _ = large_site
    index = (d / "index.html").read_text(encoding="utf-8")
    regions = re.search(r'<table id="region-matrix".*?</table>', index, re.S)[0]
    row = re.search(r'<tr data-key="xx".*?</tr>', regions, re.S)[0]
    a = data.assessments[(data.assessments["jurisdiction"] == "xx") & (data.assessments["status"] != "qualitative")]
    expected = [(g, str(round(100 * (a["evidence_grade"] == g).mean()))) for g in vocab.EVIDENCE_GRADE_CODES]
    assert re.findall(r'data-grade="(\w+)".*?</span> (\d+)%', row) == expected
