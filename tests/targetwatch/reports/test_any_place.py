"""The any-place measure (any_place.py): levels of places outside the catalogue are scored too, read with the
catalogue widened by `places.csv`, without relabelling any `expect`. SYNTHETIC corpus written for this test."""

from __future__ import annotations

import pandas as pd
import pytest

from targetwatch.reports.any_place import any_place_figures, load_places, widened
from targetwatch.reports.evaluation import score_half
from tests.conftest import TODAY

TEXT = (
    "2019年湖南省国民经济和社会发展统计公报（SYNTHETIC）\n"
    "全年城镇新增就业75.3万人，比上年多增2.1万人。\n"
    "全年技术合同成交额490.7亿元。\n"
)
FIGURES = """doc_id,expect,indicator,jurisdiction,year,value,unit,phrase,notes,any_place_year
hn1,other,new_urban_jobs,hunan,,75.3,万人,全年城镇新增就业75.3万人,Hunan: not in the catalogue,2019
hn1,change,new_urban_jobs,hunan,,2.1,万人,比上年多增2.1万人,,
hn1,other,tech_contract_turnover,hunan,,490.7,亿元,全年技术合同成交额490.7亿元,left unmarked for this test,
"""
PLACES = """code,admin_code,name_zh,name_en,level,parent,aliases
hunan,430000,湖南省,Hunan Province,province,national,湖南
"""


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "hn1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus.csv").write_text(
        "doc_id,file,group,half,source_url,published,any_place\nhn1,reports/hn1.txt,hn1,unseen-29,synthetic,,marked\n",
        encoding="utf-8",
    )
    (tmp_path / "figures.csv").write_text(FIGURES, encoding="utf-8")
    (tmp_path / "places.csv").write_text(PLACES, encoding="utf-8")
    return tmp_path


def test_the_catalogue_measure_is_unchanged_by_the_column(corpus, catalogue):
    s = score_half(corpus, catalogue, "unseen-29", TODAY)
    assert (s.half, s.figures, s.found, s.observations, s.changes_as_levels, s.silent) == ("unseen-29", 0, 0, 0, 0, 0)


def test_the_any_place_measure_scores_other_places_levels(corpus, catalogue):
    s = score_half(corpus, catalogue, "unseen-29", TODAY, any_place=True)
    assert s.half == "unseen-29 (any place)"
    # the marked 75.3 is found as Hunan's 2019 level; the unmarked 490.7, now readable, is an observation that is
    # not a marked level (precision 1 of 2) and is reported as read although it must not be
    assert (s.figures, s.found, s.observations, s.correct_observations, s.changes_as_levels) == (1, 1, 2, 1, 0)
    assert list(s.detail["outcome"]) == ["found", "not read, quarantined", "read although it must not be"]


def test_only_marked_documents_are_read_in_the_any_place_run(corpus, catalogue):
    path = corpus / "corpus.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",marked\n", ",\n"), encoding="utf-8")
    s = score_half(corpus, catalogue, "unseen-29", TODAY, any_place=True)
    assert (s.documents, s.figures, s.observations, s.annotated) == (0, 0, 0, 0)
    assert score_half(corpus, catalogue, "unseen-29", TODAY).documents == 1  # the catalogue measure reads it


def test_marked_rows_are_checked(corpus, catalogue):
    places = load_places(corpus)
    assert [p.code for p in places] == ["hunan"] and places[0].aliases == ["湖南"]
    figures = pd.read_csv(corpus / "figures.csv", dtype=str, keep_default_na=False)
    out = any_place_figures(figures, places)
    assert list(out["expect"]) == ["observe", "change", "other"] and list(out["year"]) == ["2019", "", ""]
    assert list(figures["expect"]) == ["other", "change", "other"]  # the annotations themselves are not relabelled
    for column, bad in (("jurisdiction", "hubei"), ("expect", "observe"), ("any_place_year", "19")):
        wrong = figures.copy()
        wrong.loc[0, column] = bad
        with pytest.raises(ValueError, match="any_place_year rows"):
            any_place_figures(wrong, places)
    with pytest.raises(ValueError, match="repeats catalogue places"):
        widened(catalogue, [*places, next(j for j in catalogue.jurisdictions if j.code == "gansu")])
    assert [j.code for j in widened(catalogue, places).jurisdictions][-1] == "hunan"
    assert "hunan" not in {j.code for j in catalogue.jurisdictions}  # the catalogue itself is not changed
