"""The one-page briefing of each jurisdiction (targetwatch/render/brief.py), built from a SYNTHETIC warehouse
(tests/targetwatch/test_site.py): what it says, what it says when a table is missing, and that it is one file."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from targetwatch import vocab
from targetwatch.render.brief import MAX_CHANGES, build_briefs
from tests.targetwatch.test_site import synthetic_site_data

FILES = {"xx": "xx", "nat": "nat"}
RUNS = pd.DataFrame({"run_id": ["before"], "outcome": ["success"], "finished_at": [pd.Timestamp("2023-06-01")]})


def _brief(tmp_path: Path, **tables) -> str:
    data = synthetic_site_data()
    for name, table in tables.items():
        if name == "assessments":
            data.assessments = table(data.assessments)
        else:
            setattr(data, name, table)
    pages = build_briefs(data, tmp_path, FILES)
    assert [p.relative_to(tmp_path).as_posix() for p in pages] == ["brief/xx.html"]  # only `xx` has targets
    return pages[0].read_text(encoding="utf-8")


def _text(html: str, lang: str = "zh") -> str:
    """The words a reader sees in one language: the other language's spans, the tags and the styles removed."""
    other = "en" if lang == "zh" else "zh"
    html = re.sub(r"<(style|script)>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(rf'<span class="{other}">[^<]*</span>', "", html).replace("&nbsp;", " ")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_headline_targets_with_their_verdicts_and_figures(tmp_path):
    html = _brief(tmp_path)
    listed = re.findall(r'<li data-target="([^"]+)" data-status="([^"]+)"', html)
    # the three headline targets; the qualitative target is not headline, so it is left out
    assert {t for t, _ in listed} == {"syn-stock", "syn-per-year", "syn-relative"}
    assert "syn-qualitative" not in html
    text = _text(html)
    assert "测试事物达到1000个" in text and "640个 (2022)" in text  # latest figure and year, formatted in Python
    assert "主要目标 (3)" in text
    assert "数据截至 2023-03-01" in text and "最新数据年份 2022" in text and "评估基准日 2023-06-30" in text


def test_parts_the_warehouse_lacks_say_not_available(tmp_path):
    html = _brief(tmp_path, assessments=lambda a: a.drop(columns=["evidence_basis"], errors="ignore"), changes=None,
                  data_owed=None)
    text = _text(html)
    assert "不详：本次发布没有变化记录" in text
    assert "Not available: this publication has no record of changes" in _text(html, "en")
    assert "不详：本次发布没有待报送数据清单" in text
    assert "判定的证据依据：不详" in text and 'class="basis"' not in html  # no basis is made up


def test_evidence_basis_is_shown_when_the_assessment_records_it(tmp_path):
    html = _brief(tmp_path, assessments=lambda a: a.assign(evidence_basis="before_deadline_only"))
    assert "判定的证据依据：不详" not in _text(html)
    label = getattr(vocab, "EVIDENCE_BASIS_BY_CODE", {}).get("before_deadline_only")
    expected = label.zh if label else "before_deadline_only"  # the vocabulary's words once it has them
    assert html.count(f'<span class="zh">{expected}</span>') == 3


def test_changes_since_the_last_publication(tmp_path):
    changes = pd.DataFrame({
        "kind": ["status", "new_figure", "new_figure", "status"],
        "target_id": ["syn-stock", "syn-stock", "syn-per-year", "syn-extra"],
        "jurisdiction": ["xx", "xx", "xx", "nat"],
        "year": [None, 2022, 2022, None],
        "from_status": ["no_data", None, None, "no_data"], "to_status": ["on_track", None, None, "missed"],
    })
    html = _brief(tmp_path, changes=changes, runs=RUNS)
    text = _text(html)
    assert "状态变化 1 · 新数据 2" in text  # nat's change is not xx's
    items = re.findall(r'<li data-kind="([^"]+)">', html)
    assert items == ["status", "new_figure", "new_figure"]  # status changes first
    assert "无数据 → " in text and 'data-status="on_track"' in html.split('id="change-list"')[1]
    empty = _text(_brief(tmp_path, changes=changes.iloc[0:0], runs=RUNS))
    assert "与上次发布相比没有变化" in empty
    first = _text(_brief(tmp_path, changes=changes.iloc[0:0]))  # no earlier successful run
    assert "这是首次发布，没有可比较的上一版" in first


def test_only_this_runs_changes(tmp_path):
    changes = pd.DataFrame({"run_id": ["this", "older"], "kind": ["status", "status"],
                            "target_id": ["syn-stock", "syn-relative"], "jurisdiction": ["xx", "xx"],
                            "year": [None, None],
                            "from_status": ["no_data", "no_data"], "to_status": ["on_track", "missed"]})
    data = synthetic_site_data()
    data.changes, data.runs, data.run_id = changes, RUNS, "this"
    html = build_briefs(data, tmp_path, FILES)[0].read_text(encoding="utf-8")
    assert re.findall(r'<li data-kind="([^"]+)">', html) == ["status"] and "测试事物达到1000个" in html


def test_changes_are_capped_to_fit_the_page(tmp_path):
    n = MAX_CHANGES + 3
    changes = pd.DataFrame({"kind": ["new_figure"] * n, "target_id": ["syn-stock"] * n, "jurisdiction": ["xx"] * n,
                            "year": list(range(2010, 2010 + n)), "from_status": [None] * n, "to_status": [None] * n})
    html = _brief(tmp_path, changes=changes, runs=RUNS)
    assert len(re.findall(r'<li data-kind=', html)) == MAX_CHANGES and "另有3项变化" in html


def test_figures_owed_by_department(tmp_path):
    owed = pd.DataFrame({
        "department": ["省科技厅", "省科技厅", "省人社厅", "省人社厅", "国家部门"],
        "target_id": ["syn-stock", "syn-relative", "syn-per-year", "syn-per-year", "syn-extra"],
        "jurisdiction": ["xx", "xx", "xx", "xx", "nat"], "year": [2025, 2025, 2022, 2023, 2025],
        "state": ["owed", "returned", "owed", "owed", "owed"],
        "due": pd.to_datetime(["2026-12-31", "2026-12-31", "2023-05-01", "2023-05-01", None]),
        "overdue": [False, False, True, True, False],
    })
    text = _text(_brief(tmp_path, data_owed=owed))
    # overdue first; a returned figure is no longer owed; another jurisdiction's department is not listed
    assert "省人社厅: 2项 , 逾期2项 · 截止报送 2023-05-01 省科技厅: 1项 · 截止报送 2026-12-31" in text
    assert "国家部门" not in text
    none = _text(_brief(tmp_path, data_owed=owed.assign(state="returned")))
    assert "没有待报送的数据" in none


def test_a_brief_is_one_self_contained_file(tmp_path):
    html = _brief(tmp_path)
    assert "<style>" in html and "<script>" in html
    assert not re.search(r'<(script|img|iframe)[^>]+src=|<link[^>]+rel="?stylesheet', html)
    assert "plotly" not in html.lower()
    assert "@page { size:A4 portrait" in html


@pytest.mark.parametrize("lang_words", [("English", "中文")])
def test_chinese_first_with_an_english_toggle(tmp_path, lang_words):
    html = _brief(tmp_path)
    assert html.startswith("<!DOCTYPE html>") or "<html lang=\"zh\">" in html
    assert '<html lang="zh">' in html and 'id="lang-toggle"' in html
    assert all(w in html for w in lang_words)


def test_a_change_names_its_target_and_an_unknown_target_by_its_id(tmp_path):
    """The names are looked up only for the targets this run's changes name (not made for every target): a known
    target's change shows its two names, a target the rows lack shows its id in both languages."""
    changes = pd.DataFrame({"kind": ["new_figure", "new_figure"], "target_id": ["syn-relative", "syn-gone"],
                            "jurisdiction": ["xx", "xx"], "year": [2022, 2021], "from_status": [None, None],
                            "to_status": [None, None]})
    html = _brief(tmp_path, changes=changes, runs=RUNS)
    listed = html.split('id="change-list"')[1].split("</ul>")[0]
    items = re.findall(r'<li data-kind="new_figure">(.*?)</li>', listed)
    assert len(items) == 2  # by kind, then by target id: syn-gone first
    assert items[0].startswith('<span class="zh">syn-gone</span><span class="en">syn-gone</span> (2021)')
    assert items[1].startswith('<span class="zh">研发投入强度达到全国平均水平</span>'
                               '<span class="en">R&amp;D intensity to reach the national average</span> (2022)')
