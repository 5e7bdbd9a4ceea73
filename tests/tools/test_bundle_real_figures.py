"""The bundler of the default reports: target ids put back into the notes, and the found figures' rules."""

from __future__ import annotations

import csv
import importlib.util
import sys

import pytest

from targetwatch.config import PROJECT_DIR

_spec = importlib.util.spec_from_file_location("bundle_real_figures", PROJECT_DIR / "tools" / "bundle_real_figures.py")
bundler = importlib.util.module_from_spec(_spec)
sys.modules["bundle_real_figures"] = bundler
_spec.loader.exec_module(bundler)


@pytest.mark.parametrize(
    ("note", "jurisdiction", "indicator", "filled"),
    [
        ("related to the target  but a flow", "shanxi", "high_tech_enterprises_recognised",
         "related to the target shanxi-2017-high-tech-enterprises but a flow"),
        ("the 50% contribution-rate target is Shanxi's , not Gansu's", "gansu", "st_progress_contribution",
         "the 50% contribution-rate target is Shanxi's shanxi-2017-st-progress-contribution, not Gansu's"),
        ("related to the target ; buyer-region series", "shanxi", "tech_contract_turnover_inflow",
         "related to the target shanxi-2017-tech-contract-turnover; buyer-region series"),
        ("matches the target / (300 maker spaces by 2020)", "gansu", "maker_spaces",
         "matches the target gansu-2015-maker-spaces (300 maker spaces by 2020)"),
        ("related to / (demonstration parks / startup bases) but", "gansu", "incubation_demo_bases",
         "related to gansu-2015-demo-parks / gansu-2015-small-micro-startup-bases (demonstration parks / startup "
         "bases) but"),
        ("proxy for ; 'planned' = 40万", "gansu", "new_urban_jobs",
         "proxy for gansu-2015-jobs-per-year; 'planned' = 40万"),
        ("a note with no hole (a / b); fine", "gansu", "maker_spaces", "a note with no hole (a / b); fine"),
    ],
)
def test_fill_note_puts_the_target_id_back(note, jurisdiction, indicator, filled):
    assert bundler.fill_note(note, jurisdiction, indicator) == filled


def test_a_blank_in_a_series_without_a_target_stops_the_bundler():
    with pytest.raises(SystemExit, match="NOTE_TARGETS"):
        bundler.fill_note("related to the target  but", "xining", "maker_spaces")


def test_no_bundled_note_has_a_blank_where_a_target_id_was():
    notes = []
    for path in sorted((PROJECT_DIR / "reports").glob("*.csv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        notes += [(path.name, row["notes"]) for row in csv.DictReader(lines)]
    assert len(notes) > 100
    assert [n for n in notes if bundler.blank_in_note(n[1])] == []


@pytest.mark.parametrize(
    ("url", "confidence"),
    [
        ("http://www.shanxi.gov.cn/ztjj/x.shtml", "high"),
        ("http://gansu.gscn.com.cn/system/2023/10/17/013041096.shtml", "high"),
        ("http://szb.gansudaily.com.cn/gsrb/201902/01/c107980.html", "high"),
        ("http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/x.htm", "medium"),  # a gateway copy, not the original
        ("http://www.tibet.cn/cn/tech/201801/t20180126_5402409.html", "medium"),
        ("https://emrcity.com/news_show-211.html", "low"),
    ],
)
def test_confidence_by_host(url, confidence):
    assert bundler._confidence(url) == confidence


@pytest.mark.parametrize(
    ("stated", "iso", "says"),
    [
        ("2017-12-13", "2017-12-13", ""),
        ("2022-10-17 (posted 2022-11-25)", "2022-10-17", ""),
        ("2020-04", "2020-04-30", "only the month 2020-04"),
        ("2018", "2018-12-31", "only the year 2018"),
        ("(early 2017)", "", ""),
        ("", "", ""),
    ],
)
def test_found_release_dates(stated, iso, says):
    got, note = bundler._found_release(stated)
    assert got == iso
    assert says in note and (note == "") == (says == "")


def test_the_found_figures_report_cites_every_row():
    lines = (PROJECT_DIR / "reports" / bundler.FOUND_REPORT).read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert len(rows) == 14
    assert all(r["source_title"] and r["source_ref"].startswith("http") and "quote: " in r["notes"] for r in rows)
    by_key = {(r["jurisdiction"], r["indicator"], r["year"], r["value"]): r for r in rows}
    # a repost confirmed by the NBS series (techme, high) is high and says by which source
    assert by_key[("shanxi", "rd_intensity", "2017", "0.95")]["confidence"] == "high"
    assert "the same figure is published by" in by_key[("shanxi", "rd_intensity", "2017", "0.95")]["notes"]
    # an unconfirmed repost stays medium; a month-only release date is the month's last day
    assert by_key[("gansu", "maker_spaces_national_record", "2020", "33")]["confidence"] == "medium"
    assert by_key[("shanxi", "rd_intensity", "2017", "0.95")]["release_date"] == "2018-12-31"
