"""The auditors' report built from the SYNTHETIC warehouse (synthetic.py): pages, anchors, counts, escaping, offline."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from targetwatch.render.quality_report import build_quality_report
from targetwatch.render.site_data import SiteData
from tests.targetwatch.quality.synthetic import EVIL, KIND_OF, SHA

TARGETS = sorted(KIND_OF)


class _Page(HTMLParser):
    """Ids, link targets and resource URLs of one page, and elements by id with their text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        self.urls += [v for k, v in attrs if k in ("href", "src", "action", "poster", "data") and v]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.scripts.append(data)


@pytest.fixture(scope="module")
def report(synthetic_warehouse, tmp_path_factory) -> tuple[Path, list[Path]]:
    site = tmp_path_factory.mktemp("report") / "quality"
    with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
        pages = build_quality_report(con, site, run_id="run-1", code_version="abc123",
                                     this_run={"run_id": "run-1", "as_of": "2023-06-30", "code_version": "abc123",
                                               "input_hashes": json.dumps({"reports/a.csv": SHA["a.csv"]})})
    return site, pages


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_pages_written(report):
    site, pages = report
    rel = [p.relative_to(site).as_posix() for p in pages]
    data = sorted(p.relative_to(site).as_posix() for p in (site / "lineage" / "data").glob("[!_]*.js"))
    assert data  # one data file per jurisdiction with targets
    assert rel == ["index.html", "lineage/view.html", *[f"lineage/{t}.html" for t in TARGETS],
                   "lineage/data/_common.js", *data,
                   "validations/observations_plausible.json", "validations/observations_valid.json",
                   "data/rejected_rows.csv"]
    assert (site / "static" / "site.css").is_file() and not list(site.rglob("plotly*.js"))
    assert (site / "static" / "lineage-view.js").is_file()


def test_every_target_has_an_anchor_linking_to_its_lineage(report):
    site, _ = report
    index = _Page(_text(site / "index.html"))
    for t in TARGETS:
        assert f"t-{t}" in index.ids
        assert f"lineage/{t}.html" in index.urls and (site / "lineage" / f"{t}.html").is_file()


def test_nothing_refers_to_the_network_and_every_local_link_resolves(report):
    _, pages = report
    for page in (p for p in pages if p.suffix == ".html"):
        parsed = _Page(_text(page))
        for url in parsed.urls:
            assert not re.match(r"^[a-z]+:", url) or url.startswith("#"), (page.name, url)
            target = url.split("#")[0]
            if target and not target.startswith("../../dashboards/") and not target.startswith("../dashboards/"):
                assert (page.parent / target).resolve().exists(), (page.name, url)
        assert not re.search(r"https?:|//[a-z]", _text(page)), page.name  # no URL at all, not even in text


def test_raw_content_is_escaped(report):
    site, _ = report
    text = _text(site / "index.html")
    assert EVIL not in text and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in text
    assert "unknown unit: &#39;&lt;b&gt;&#39;" in text
    assert all("alert" not in s for s in _Page(text).scripts)


def test_files_table_shows_per_file_check_counts(report):
    site, _ = report
    text = _text(site / "index.html")
    counts = {}
    for m in re.finditer(r'<tr id="file-\d+" data-file="([^"]+)">(.*?)</tr>', text, re.S):
        cells = dict(re.findall(r'data-checks="(\w+)">([^<]*)<', m.group(2)))
        counts[m.group(1)] = (cells["passed"], cells["warned"], cells["failed"])
        assert SHA[m.group(1)] in m.group(2)
    # (21 expectations; the last, a data-call return against the official figure, passes for every file here)
    assert counts == {"a.csv": ("19", "1", "1"), "b.csv": ("19", "1", "1"), "c.csv": ("21", "0", "0"),
                      "d.csv": ("—", "—", "—")}


def test_validation_results_are_rendered_from_ge_json(report):
    site, _ = report
    text = _text(site / "index.html")
    rows = re.findall(r'<tr data-success="(True|False)" data-expectation="([^"]+)">', text)
    assert len(rows) == 21 and sorted(e for s, e in rows if s == "False") == [
        "observations_plausible:00", "observations_plausible:01", "observations_valid:13", "observations_valid:14"]
    assert 'row_condition</b>: <code>unit==&#34;percent&#34;</code>' in text  # GE's kwargs, as GE states them
    assert "Data Docs" in text and 'href="validations/observations_valid.json"' in text
    doc = json.loads(_text(site / "validations" / "observations_valid.json"))
    assert doc["statistics"]["unsuccessful_expectations"] == 2


def test_runs_revisions_and_coverage(report):
    site, _ = report
    text = _text(site / "index.html")
    assert 'data-outcome="building"' in text and "reports/a.csv" in text  # this run and its inputs
    revisions = re.search(r'<table id="revisions-table">(.*?)</table>', text, re.S).group(1)
    assert revisions.count("<tr class=\"revised") == 4  # things 2021 (500 -> 510) and 2022 (640 -> 660)
    assert 'data-coverage="qualitative"' in text and 'data-coverage="covered"' in text


def test_lineage_page_of_a_target_draws_its_chain_from_the_data_files(report):
    """Each target's lineage page is the one client-side page with the target fixed: it loads the common data and
    its jurisdiction's data file (the chains themselves: tests/targetwatch/quality/test_lineage_data.py)."""
    site, _ = report
    text = _text(site / "lineage" / "syn-floor.html")
    page = _Page(text)
    assert "../static/lineage-view.js" in page.urls and "data/_common.js" in page.urls
    data = [u for u in page.urls if u.startswith("data/") and u != "data/_common.js"]
    assert len(data) == 1 and "syn-floor" in _text(site / "lineage" / data[0])
    assert '"t":"syn-floor"' in text and 'href="../../dashboards/targets/syn-floor.html"' in text
    for section in ("sentence", "figures", "lineage-figures", "files", "checks", "formula", "chain-stop"):
        assert section in page.ids


def test_lineage_data_of_a_qualitative_target_stops_at_the_quote(report):
    from tests.targetwatch.quality.test_lineage_data import data_chains

    site, _ = report
    chain = data_chains(site)["syn-qualitative"]
    assert chain["stops_at"] == "quote" and "the chain stops at the policy sentence" in chain["stop"][1]
    assert chain["figures"] == [] and "checks" not in chain


def test_built_from_site_data_too(synthetic_warehouse, tmp_path):
    """Callers with a SiteData (the dashboards' tables) get the same pages; checks without their failing rows
    are then not attributed to files."""
    with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
        data = SiteData.from_warehouse(con)
    pages = build_quality_report(data, tmp_path / "quality")
    assert [p.name for p in pages[:2 + len(TARGETS)]] == ["index.html", "view.html", *[f"{t}.html" for t in TARGETS]]
    assert "t-syn-floor" in _Page(_text(pages[0])).ids


def test_a_large_catalogue_gets_one_lineage_page_and_bounded_lists(synthetic_warehouse, tmp_path, monkeypatch):
    """Above LARGE_SITE_TARGETS the report writes no page per target: each target links to the one lineage page
    (its jurisdiction and id in the address) and to the dashboards' client-side target page; the lists show at most
    LIST_LIMIT rows with the complete counts."""
    import targetwatch.render.quality_report as quality_report

    monkeypatch.setattr(quality_report, "LARGE_SITE_TARGETS", len(TARGETS) - 1)
    monkeypatch.setattr(quality_report, "LIST_LIMIT", 2)
    site = tmp_path / "quality"
    with duckdb.connect(str(synthetic_warehouse), read_only=True) as con:
        pages = build_quality_report(con, site)
        n_flagged = con.execute("SELECT count(*) FROM check_failures").fetchall()[0][0]
    assert [p.name for p in pages if p.suffix == ".html"] == ["index.html", "view.html"]
    assert sorted(p.name for p in (site / "lineage").glob("*.html")) == ["view.html"]
    text = _text(site / "index.html")
    page = _Page(text)
    links = sorted(set(u for u in page.urls if u.startswith("lineage/")))  # the name and the lineage link
    assert len(links) == 2 and all(u.startswith("lineage/view.html#j=") and "&t=syn-" in u for u in links)
    for u in links:  # the address names a data file that holds the target
        j, t = (part.split("=")[1] for part in u.split("#")[1].split("&"))
        data = _text(site / "lineage" / "data" / f"{j}.js")
        assert t in json.loads(data[len("twLineage("):-len(");\n")])["ids"]
    assert len(re.findall(r'<tr id="t-', text)) == 2
    assert f"({len(TARGETS)})</h2>" in text and f"The first 2 of {len(TARGETS)} are listed" in text
    assert "targetwatch explain" in text  # the terminal's way to the same chain, named above the list
    assert "../dashboards/targets/view.html#j=" in text
    assert n_flagged > 2 and f"Rows flagged by checks</span> ({n_flagged})</h2>" in text
