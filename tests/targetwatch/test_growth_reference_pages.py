"""A growth_above_reference target's pages show the reference jurisdiction's figures it was judged against (issue 16
item 5): in the large layout's data files (its reference series, and where in it each per-year row's reference figure
stands) and on the small layout's pre-rendered target page. The browser test
(tests/e2e/test_growth_reference_browser.py) opens both pages built from the same catalogue.

Every figure is SYNTHETIC, written for this test; what the pages must show is worked out by hand below.

Catalogue: two provinces under the nation, one indicator (居民收入, `income`).
    g-p1  p1's income grows faster than the nation's   (reference nat: a series no target reads as its own)
    g-p2  p2's income grows faster than p1's            (reference p1: the own series of g-p1, in p1's data file)
Figures (observation ids in the order written):
    nat  2020 100 (syn:0)  2021 108 (syn:1, first release)  2021 110 (syn:2, revised, later)  2022 121 (syn:3)
    p1   2020  50 (syn:4)  2021  56 (syn:5)                  2022  61 (syn:6)
    p2   2020 200 (syn:7)  2021 210 (syn:8)                  2022 240 (syn:9)
The assessment takes each year's latest release (nat 2021: 110, syn:2). Per-year rows (2020 has no year before it):
    g-p1 2021: goal 50 × 110 / 100 = 55,   value 56, met      2022: goal 56 × 121 / 110 = 61.6, value 61, not met
    g-p2 2021: goal 200 × 56 / 50 = 224,   value 210, not met  2022: goal 210 × 61 / 56 = 228.75, value 240, met
Reference figures of each year: g-p1 syn:2 and syn:3 (rows 2 and 3 of nat|income: syn:0, syn:1, syn:2, syn:3 by year
and release date), g-p2 syn:5 and syn:6 (rows 1 and 2 of p1|income).
Each year's goal also reads the year before, its own and the reference's: g-p1 2021 p1 2020 (syn:4) and nat 2020
(syn:0), 2022 syn:5 and syn:2; g-p2 2021 p2 2020 (syn:7) and p1 2020 (syn:4), 2022 syn:8 and syn:5. So the first
judged year's previous figures (syn:4 and syn:0 for g-p1; syn:7 and syn:4 for g-p2) are used by no year's own row and
must be marked as used as well; nat's first 2021 release (syn:1) is used by nothing.

Both layouts' lists tag each target "relative" (相对目标): it is judged against a reference jurisdiction's figures
(vocab.REFERENCE_COMPARATORS), as a relative_to_reference target is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from targetwatch.assessment import assess
from targetwatch.catalogue import Catalogue, Indicator, Jurisdiction, Source, Target, catalogue_tables
from targetwatch.documents import LoadedDocument, PolicyDocument
from targetwatch.render.dashboards import build_dashboards, read_site_data
from targetwatch.render.large_site import FIGURE_FIELDS
from targetwatch.render.site_data import SiteData
from tests.conftest import observations

AS_OF = dt.date(2023, 6, 30)
DOC_TEXT = "SYNTHETIC test document. 居民收入增速高于全国。居民收入增速高于甲省。以上为合成测试文本。"
# (jurisdiction, indicator, year, value, release date), in observation-id order (syn:0 ... syn:9)
FIGURES = [
    ("nat", "income", 2020, 100, "2021-03-01"), ("nat", "income", 2021, 108, "2022-03-01"),
    ("nat", "income", 2021, 110, "2022-09-01"), ("nat", "income", 2022, 121, "2023-03-01"),
    ("p1", "income", 2020, 50, "2021-03-01"), ("p1", "income", 2021, 56, "2022-03-01"),
    ("p1", "income", 2022, 61, "2023-03-01"),
    ("p2", "income", 2020, 200, "2021-03-01"), ("p2", "income", 2021, 210, "2022-03-01"),
    ("p2", "income", 2022, 240, "2023-03-01"),
]
FILE_OF = {"nat": "syn-nation.csv", "p1": "syn-provinces.csv", "p2": "syn-provinces.csv"}
# what each page must mark as used: the target's own figures and the reference's, by observation id (the year before
# the first judged year's included: the module docstring)
USED = {"g-p1": (["syn:4", "syn:5", "syn:6"], ["syn:0", "syn:2", "syn:3"]),
        "g-p2": (["syn:7", "syn:8", "syn:9"], ["syn:4", "syn:5", "syn:6"])}
# each year's own and reference figures, and the year before's (2021, 2022)
YEARLY = {"g-p1": (["syn:5", "syn:6"], ["syn:2", "syn:3"], ["syn:4", "syn:5"], ["syn:0", "syn:2"]),
          "g-p2": (["syn:8", "syn:9"], ["syn:5", "syn:6"], ["syn:7", "syn:8"], ["syn:4", "syn:5"])}
RELATIVE_TAG = '<span class="tag"><span class="zh">相对目标</span><span class="en">relative</span></span>'

REFERENCE = {"g-p1": ("nat", "全国", "nat|income"), "g-p2": ("p1", "甲省", "p1|income")}


def _catalogue() -> Catalogue:
    def growth(tid: str, where: str, ref: str, quote: str) -> Target:
        return Target(id=tid, jurisdiction=where, indicator="income", name_zh=f"{where}居民收入增速高于{ref}",
                      name_en=f"{where} income grows faster than {ref}", kind="outcome",
                      comparator="growth_above_reference", reference_jurisdiction=ref, plan_start=2021,
                      deadline=2022, sources=[Source(document="syn-growth", clause="一", quote=quote)])

    return Catalogue(
        version=1,
        jurisdictions=[
            Jurisdiction(code="nat", admin_code="100000", name_zh="全国", name_en="Nation", level="national"),
            Jurisdiction(code="p1", admin_code="910000", name_zh="甲省", name_en="Province A", level="province",
                         parent="nat"),
            Jurisdiction(code="p2", admin_code="920000", name_zh="乙省", name_en="Province B", level="province",
                         parent="nat"),
        ],
        indicators=[Indicator(code="income", name_zh="居民收入", name_en="Income", unit="yuan", measure="flow",
                              definition_en="synthetic income")],
        targets=[growth("g-p1", "p1", "nat", "居民收入增速高于全国。"),
                 growth("g-p2", "p2", "p1", "居民收入增速高于甲省。")],
    )


def growth_site_data() -> SiteData:
    """The SYNTHETIC warehouse of the module docstring, as a SiteData (its figures in `observations`)."""
    catalogue = _catalogue()
    meta = PolicyDocument(id="syn-growth", file="syn-growth.txt", original_file="syn-growth.txt", jurisdiction="p1",
                          issuer_zh="甲省人民政府", issuer_en="Province A Government", date=dt.date(2021, 1, 1),
                          number="甲政发〔2021〕1号", title_zh="合成测试方案", title_en="Synthetic plan",
                          script="simplified")
    doc = LoadedDocument(meta=meta, path=Path("syn-growth.txt"), text=DOC_TEXT,
                         sha256=hashlib.sha256(DOC_TEXT.encode()).hexdigest())
    tables = catalogue_tables(catalogue, {"syn-growth": doc})
    obs = observations(FIGURES)
    obs["source_file"] = obs["jurisdiction"].map(FILE_OF)
    obs["sha256"] = obs["source_file"].map(lambda f: hashlib.sha256(f.encode()).hexdigest())
    obs["release_date"] = pd.to_datetime(obs["release_date"])
    assessments, years = assess(catalogue, obs, AS_OF)
    names = sorted(set(FILE_OF.values()))
    files = pd.DataFrame({
        "source_file": names, "sha256": [hashlib.sha256(f.encode()).hexdigest() for f in names],
        "size_bytes": [100] * 2, "format": ["template_csv"] * 2, "encoding": ["utf-8"] * 2,
        "release_date": [None] * 2, "release_date_basis": ["row"] * 2, "title": [None] * 2, "rows_read": [4, 6],
        "rows_accepted": [4, 6], "rows_rejected": [0, 0], "status": ["loaded"] * 2, "error": [None] * 2,
        "synthetic": [True] * 2,
    })
    checks = pd.DataFrame(columns=["check_name", "suite", "severity", "expectation", "column_name", "success",
                                   "element_count", "unexpected_count", "unexpected_percent", "unexpected_sample",
                                   "observed_value", "description", "checked_at"])
    rejected = pd.DataFrame(columns=["source_file", "sha256", "sheet", "row_number", "location", "raw_content",
                                     "reason"])
    return SiteData(
        targets=tables["targets"], target_sources=tables["target_sources"], assessments=assessments,
        assessment_years=years, observations=obs, indicators=tables["indicators"],
        jurisdictions=tables["jurisdictions"], policy_documents=tables["policy_documents"], report_files=files,
        rejected_rows=rejected, check_results=checks, as_of=AS_OF.isoformat(),
        target_departments=tables["target_departments"], measures=tables["measures"],
    )


def build_growth_sites(folder: Path) -> tuple[Path, Path]:
    """The small layout (a page per target) and the large layout (data files, one client-side page) of the
    catalogue, under `folder`: (small, large) dashboards folders."""
    data = growth_site_data()
    build_dashboards(data, folder / "small", large=False)
    build_dashboards(data, folder / "large", large=True)
    return folder / "small", folder / "large"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    return build_growth_sites(tmp_path_factory.mktemp("growth-sites"))


def test_the_assessment_the_pages_show():
    """The per-year rows of the module docstring, worked out by hand."""
    years = growth_site_data().assessment_years.sort_values(["target_id", "year"])
    got = {tid: g for tid, g in years.groupby("target_id")}
    assert got["g-p1"]["year"].tolist() == [2021, 2022] and got["g-p2"]["year"].tolist() == [2021, 2022]
    assert got["g-p1"]["goal"].tolist() == pytest.approx([55, 56 * 121 / 110])
    assert got["g-p1"]["met"].tolist() == [True, False]
    assert got["g-p2"]["goal"].tolist() == pytest.approx([224, 210 * 61 / 56])
    assert got["g-p2"]["met"].tolist() == [False, True]
    for tid, (own, ref, own_before, ref_before) in YEARLY.items():
        assert got[tid]["observation_id"].tolist() == own
        assert got[tid]["reference_observation_id"].tolist() == ref
        assert got[tid]["previous_observation_id"].tolist() == own_before
        assert got[tid]["reference_previous_observation_id"].tolist() == ref_before
    assert got["g-p1"]["reference_value"].tolist() == [110, 121]  # the revised 2021 figure, not the first release


def _data_file(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("twTargets(") and text.endswith(");\n")
    return json.loads(text[len("twTargets("):-3])


def _check_data_files(large: Path) -> None:
    common = json.loads(re.fullmatch(r"twCommon\((.*)\);\n", (large / "data/_common.js").read_text(
        encoding="utf-8"), re.S)[1])
    fields = list(FIGURE_FIELDS)
    for tid, code in (("g-p1", "p1"), ("g-p2", "p2")):
        data = _data_file(large / f"data/{code}.js")
        t = data["targets"][tid]
        _, _, key = REFERENCE[tid]
        assert t["reference_series"] == key  # which series the page lists as the reference
        assert t["years"]["y"] == [2021, 2022]
        own, ref, own_before, ref_before = YEARLY[tid]
        rows = {k: [dict(zip(fields, r, strict=True)) for r in data["series"][k]] for k in (t["series"], key)}
        # the reference series is in the target's own data file, every vintage of it, in year and release order
        ref_rows = rows[key]
        expected = [f for f in FIGURES if f"{f[0]}|{f[1]}" == key]
        assert [(r["year"], r["value"]) for r in ref_rows] == [(f[2], float(f[3])) for f in expected]
        assert [r["release_date"] for r in ref_rows] == [f[4] for f in expected]
        file_names = [common["files"][r["file"]][0] for r in ref_rows]
        assert file_names == [FILE_OF[key.split("|")[0]]] * len(expected)
        # each per-year row's figures by their row in their series: hand-worked positions, and their ids
        assert t["years"]["ro"] == ([2, 3] if tid == "g-p1" else [1, 2])
        assert t["years"]["o"] == [1, 2]
        assert [ref_rows[k]["observation_id"] for k in t["years"]["ro"]] == ref
        assert [rows[t["series"]][k]["observation_id"] for k in t["years"]["o"]] == own
        # and the year before's: p1's (p2's) 2020 and 2021 figures are rows 0 and 1 of its series
        assert t["years"]["po"] == [0, 1]
        assert t["years"]["rpo"] == ([0, 2] if tid == "g-p1" else [0, 1])
        assert [rows[t["series"]][k]["observation_id"] for k in t["years"]["po"]] == own_before
        assert [ref_rows[k]["observation_id"] for k in t["years"]["rpo"]] == ref_before
    # p1's file holds p1's series once (g-p1's own, g-p2's reference lives in p2's file)
    assert list(_data_file(large / "data/p1.js")["series"]) == ["p1|income", "nat|income"]
    assert list(_data_file(large / "data/p2.js")["series"]) == ["p2|income", "p1|income"]


def test_data_files_hold_the_reference_series_a_growth_target_was_judged_against(sites):
    _, large = sites
    _check_data_files(large)


def test_data_files_from_the_warehouse_hold_the_reference_series_too(tmp_path, monkeypatch):
    """The pipeline's path: the figures read from the warehouse a batch at a time (site_figures.WarehouseFigures),
    batches of one target, so each reference series is in another batch than the one target reading its own."""
    from targetwatch.render import dashboards, large_site
    from targetwatch.render.quality_report import warehouse_of
    from targetwatch.render.site_figures import WarehouseFigures

    con = warehouse_of(growth_site_data())
    try:
        monkeypatch.setattr(dashboards, "LARGE_SITE_TARGETS", 1)
        monkeypatch.setattr(large_site, "DATA_BATCH_TARGETS", 1)
        data = read_site_data(con)
        assert isinstance(data.figures, WarehouseFigures)
        build_dashboards(data, tmp_path / "large", large=True)
    finally:
        con.close()
    _check_data_files(tmp_path / "large")


def test_the_prerendered_page_lists_and_marks_the_reference_figures(sites):
    small, _ = sites
    for tid, (own, ref) in USED.items():
        _, name_zh, key = REFERENCE[tid]
        text = (small / "targets" / f"{tid}.html").read_text(encoding="utf-8")
        meta = re.search(r'<p class="muted meta">(.*?)</p>', text, re.S)[1]
        assert f'<span class="zh">{name_zh}</span>' in meta  # the reference named beside the comparator
        table = re.search(r'<table id="figures-table">(.*?)</table>', text, re.S)[1]
        rows = re.findall(r'<tr data-observation="([^"]+)" class="([^"]*)">(.*?)</tr>', table, re.S)
        listed = [oid for oid, _, _ in rows]
        mine = [f"syn:{i}" for i, f in enumerate(FIGURES) if f[0] == tid[2:]]
        theirs = [f"syn:{i}" for i, f in enumerate(FIGURES) if f"{f[0]}|{f[1]}" == key]
        assert listed == mine + theirs  # the own figures, then the reference's
        assert [oid for oid, cls, _ in rows if "used" in cls.split()] == own + ref
        for oid, _, cells in rows:  # the jurisdiction column, and the reference figures' source file
            i = int(oid.removeprefix("syn:"))
            assert re.search(r'<td class="nowrap"><span class="zh">([^<]+)</span>', cells)[1] == \
                {"nat": "全国", "p1": "甲省", "p2": "乙省"}[FIGURES[i][0]]
            assert f"<code>{FILE_OF[FIGURES[i][0]]}</code>" in cells


def _name_cell(html: str, tid: str) -> str:
    """The name cell of `tid`'s row in a target list."""
    row = re.search(rf'<tr data-target="{tid}"[^>]*>(.*?)</tr>', html, re.S)[1]
    return re.search(r'<td class="name">(.*?)</td>', row, re.S)[1]


def test_both_layouts_lists_tag_a_growth_target_relative(sites):
    """Every list row of a growth target carries the tag a relative target's carries (module docstring): the small
    layout's index, and the large layout's jurisdiction page and status list (LargeSite's rows, row_html)."""
    small, large = sites
    for tid, code in (("g-p1", "p1"), ("g-p2", "p2")):
        lists = [p for p in sorted((large / "lists").glob("*.html"))
                 if f'<tr data-target="{tid}"' in p.read_text(encoding="utf-8")]
        assert len(lists) == 1  # its status list
        for page in (small / "index.html", large / "jurisdictions" / f"{code}.html", lists[0]):
            assert RELATIVE_TAG in _name_cell(page.read_text(encoding="utf-8"), tid), (page, tid)
