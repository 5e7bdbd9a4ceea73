"""The corpus scorer counts what a hand would count: found, missed, extra, changes read as levels, silent losses."""

from __future__ import annotations

import pytest

from targetwatch.reports.evaluation import load_corpus, score_half, summary_table
from tests.conftest import TODAY

# SYNTHETIC: a two-document corpus, one per half, written for this test.
DEV_TEXT = (
    "2019年山西省统计公报（SYNTHETIC）\n"
    "年末全省共有高新技术企业1523家，比上年增加200家。\n"
    "研究与试验发展经费投入强度为1.22%。\n"
    "众创空间300个。\n"
)
TEST_TEXT = "2019年山西省统计公报（SYNTHETIC）\n高新技术企业1523家。\n"
FIGURES = """doc_id,expect,indicator,jurisdiction,year,value,unit,phrase,notes
dev1,observe,high_tech_enterprises,shanxi,2019,1523,家,高新技术企业1523家,
dev1,change,high_tech_enterprises,shanxi,,200,家,比上年增加200家,
dev1,observe,rd_intensity,shanxi,2019,1.22,%,研究与试验发展经费投入强度为1.22%,
dev1,observe,tech_incubators,shanxi,2019,65,家,科技企业孵化器65家,annotated but not in the text: a silent miss
test1,change,high_tech_enterprises,shanxi,,1523,家,高新技术企业1523家,annotated as a change to test the count
"""


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "dev1.txt").write_text(DEV_TEXT, encoding="utf-8")
    (tmp_path / "reports" / "test1.txt").write_text(TEST_TEXT, encoding="utf-8")
    (tmp_path / "corpus.csv").write_text(
        "doc_id,file,group,half,source_url,published\n"
        "dev1,reports/dev1.txt,dev1,dev,synthetic,\ntest1,reports/test1.txt,test1,test,synthetic,\n",
        encoding="utf-8",
    )
    (tmp_path / "figures.csv").write_text(FIGURES, encoding="utf-8")
    return tmp_path


def test_scores_counted_by_hand(corpus, catalogue):
    dev = score_half(corpus, catalogue, "dev", TODAY)
    assert (dev.documents, dev.figures, dev.found, dev.observations, dev.correct_observations) == (1, 3, 2, 3, 2)
    assert (dev.changes_as_levels, dev.silent, dev.annotated) == (0, 1, 4)  # 众创空间300个 is the extra observation
    assert list(dev.detail["outcome"]) == ["found", "not read, quarantined", "found", "missed, SILENT"]
    test = score_half(corpus, catalogue, "test", TODAY)
    assert (test.figures, test.observations, test.correct_observations, test.changes_as_levels) == (0, 1, 0, 1)
    assert summary_table([dev]).splitlines()[2] == "| dev | 1 | 3 | 2 | 67% | 3 | 67% | 0 | 1 of 4 | 0 |"


def test_a_set_moved_to_development_is_still_scored_alone(corpus, catalogue):
    # test1 was first scored as a set of its own, then moved to dev: dev now reads both documents
    text = (corpus / "corpus.csv").read_text(encoding="utf-8").splitlines()
    rows = [text[0] + ",first_half", text[1] + ",", text[2].replace(",test,", ",dev,") + ",unseen-9"]
    (corpus / "corpus.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    former = score_half(corpus, catalogue, "unseen-9", TODAY)
    assert (former.half, former.documents, former.observations, former.changes_as_levels) == (
        "unseen-9 (now dev)",
        1,
        1,
        1,
    )
    dev = score_half(corpus, catalogue, "dev", TODAY)
    assert (dev.half, dev.documents, dev.figures, dev.observations, dev.changes_as_levels) == ("dev", 2, 3, 4, 1)


def test_the_real_corpus_is_consistent():
    from pathlib import Path

    root = Path(__file__).parents[2] / "fixtures" / "real"
    corpus, figures = load_corpus(root)
    # round 31: unseen-39 and unseen-40 scored once (first-score-unseen-39.md, -40.md) and moved to development;
    # round 32: unseen-41 scored once (first-score-unseen-41.md) and moved to development; unseen-42 collected
    # (not yet scored); round 33: unseen-43 and unseen-44 collected (not yet scored), unseen-42 scored once
    # (first-score-unseen-42.md) and moved to development; round 34: unseen-43 scored once (first-score-unseen-43.md)
    # and moved to development; round 35: unseen-45 collected and scored once (first-score-unseen-45.md), unseen-46
    # collected; unseen-44 (scored once in round 34: first-score-unseen-44.md) moved to development
    assert set(corpus["half"]) == {"dev", "test", "unseen-2", "unseen-16", "unseen-19", "unseen-45", "unseen-46"}
    # unseen-6 to -15, -17, -18, -20 to -44: each scored once unseen, then moved to development (first scores kept)
    moved = corpus[corpus["first_half"] != ""]
    assert set(moved["first_half"]) == {
        "unseen-6", "unseen-7", "unseen-8", "unseen-9", "unseen-10", "unseen-11", "unseen-12", "unseen-13", "unseen-14",
        "unseen-15", "unseen-17", "unseen-18", "unseen-20", "unseen-21",
        "unseen-22", "unseen-23", "unseen-24", "unseen-25", "unseen-26", "unseen-27",
        "unseen-28", "unseen-29", "unseen-30", "unseen-31", "unseen-32", "unseen-33",
        "unseen-34", "unseen-35", "unseen-36", "unseen-37", "unseen-38", "unseen-39", "unseen-40",
        "unseen-41", "unseen-42", "unseen-43", "unseen-44",
    }
    assert set(moved["half"]) == {"dev"}
    assert all((root / f"first-score-{h}.md").is_file() for h in set(moved["first_half"]))
    assert (root / "first-score-unseen-6.md").is_file() and (root / "first-score-unseen-7.md").is_file()
    assert corpus.groupby("group")["half"].nunique().max() == 1  # near-copies of one story stay in one half
    assert all((root / f).is_file() for f in corpus["file"])
    assert len(corpus) >= 20 and figures["base"].notna().all()
