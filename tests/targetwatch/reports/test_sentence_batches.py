"""The communiqué tests' sentences normalised together (sentence_batches.py) give each sentence exactly the rows it
gets alone, whatever else is in the batch; the plan finds the sentences the tests name; a wrong expectation still
fails when its sentence came from a batch."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from targetwatch.reports import communique
from targetwatch.reports.normalise import normalise
from tests.conftest import TODAY
from tests.targetwatch.reports.sentence_batches import (
    DEFAULT_TITLE,
    SHA256,
    SOURCE_FILE,
    SentenceBatches,
    found_of,
    normalise_together,
    planned_keys,
    read_together,
)

REAL = Path(__file__).parents[2] / "fixtures" / "real" / "reports"
ROOT = Path(__file__).parents[3]


def real_sentences(aliases, every: int) -> list[tuple[str, str]]:
    """(sentence, title) from every `every`-th real text (name order): the first three sentences the reader took
    figures from and the first it quarantined, under the text's first line that is not the collector's # note."""
    keys: list[tuple[str, str]] = []
    for path in sorted(REAL.glob("*.txt"))[::every]:
        lines = [s.strip() for s in path.read_text(encoding="utf-8").splitlines()]
        title = next(s for s in lines if s and not s.startswith("#"))
        read = communique.read_text(path, aliases)
        sentences = list(dict.fromkeys(read.rows.raw_content))[:3] + list(dict.fromkeys(read.rejected.raw_content))[:1]
        keys += [(s, title) for s in sentences if s and len(s) < 300]
    return list(dict.fromkeys(keys))


def assert_batched_equals_alone(tmp_path, aliases, catalogue, keys) -> tuple[int, int]:
    """Each sentence's frames and findings, batched and alone, equal; returns (observations, reasons) in all."""
    read = []
    for i, (sentence, title) in enumerate(keys):
        path = tmp_path / "read" / str(i) / SOURCE_FILE
        path.parent.mkdir(parents=True)
        path.write_text(f"{title}\n{sentence}\n", encoding="utf-8")
        read.append(communique.read_text(path, aliases))
    together = normalise_together([r.rows for r in read], catalogue)
    alone = {}
    for key, result, (obs, rej) in zip(keys, read, together, strict=True):
        own = normalise(result.rows, catalogue, source_file=SOURCE_FILE, sha256=SHA256, default_release_date=None,
                        release_date_basis="not stated", as_of=TODAY)
        pd.testing.assert_frame_equal(obs, own[0], check_exact=True)
        pd.testing.assert_frame_equal(rej, own[1], check_exact=True)
        alone[key] = found_of(own[0], result.rejected.reason, own[1].reason)
    assert read_together(tmp_path / "together", aliases, catalogue, keys) == alone
    return sum(len(f) for f, _ in alone.values()), sum(len(r) for _, r in alone.values())


def test_real_sentences_batched_equal_each_alone(tmp_path, aliases, catalogue):
    keys = real_sentences(aliases, every=75)
    found, reasons = assert_batched_equals_alone(tmp_path, aliases, catalogue, keys)
    assert found > 0 and reasons > 0, (len(keys), found, reasons)  # the sample has figures and quarantines both


@pytest.mark.slow
def test_more_real_sentences_batched_equal_each_alone(tmp_path, aliases, catalogue):
    keys = real_sentences(aliases, every=10)
    found, reasons = assert_batched_equals_alone(tmp_path, aliases, catalogue, keys)
    assert len(keys) > 50 and found > 10 and reasons > 100, (len(keys), found, reasons)  # 85, 25, 193 at e89fbf2


JOBS = ("全年城镇新增就业43.7万人。", DEFAULT_TITLE)
FIRMS = ("年末全省共有高新技术企业1523家。", DEFAULT_TITLE)
FIRMS_GANSU = ("年末全省共有高新技术企业1229家。", "2018年甘肃省国民经济和社会发展统计公报（SYNTHETIC）")
LISTED = ("科技企业孵化器分别达到300家。", DEFAULT_TITLE)
# the same place, indicator and year as FIRMS with another value: a batch must not merge, reject or revise either
FIRMS_AGAIN = ("年末全省共有高新技术企业1600家。", DEFAULT_TITLE)
# each by hand: the title's place and year, the value in base units
OWN = {
    JOBS: ([("shanxi", "new_urban_jobs", 2019, 437000.0, "persons", "annual")], []),
    FIRMS: ([("shanxi", "high_tech_enterprises", 2019, 1523.0, "count", "annual")], []),
    FIRMS_GANSU: ([("gansu", "high_tech_enterprises", 2018, 1229.0, "count", "annual")], []),
    FIRMS_AGAIN: ([("shanxi", "high_tech_enterprises", 2019, 1600.0, "count", "annual")], []),
    LISTED: ([], ["sentence 2: '科技企业孵化器分别达到300家': figures listed with 分别 (respectively) are not "
                  "matched to indicators automatically"]),
}


@pytest.mark.parametrize("order", [(JOBS, FIRMS, FIRMS_GANSU, LISTED), (LISTED, FIRMS_GANSU, FIRMS, JOBS), (FIRMS,),
                                   (FIRMS, FIRMS_AGAIN), (FIRMS_AGAIN, FIRMS), (FIRMS_AGAIN,)])
def test_each_sentence_gets_its_own_rows_in_any_batch(tmp_path, aliases, catalogue, order):
    assert read_together(tmp_path, aliases, catalogue, order) == {key: OWN[key] for key in order}


TITLE_2020 = "2020年山西省统计公报（SYNTHETIC）"


def _a_test(tmp_path, aliases, catalogue, sentence, read_sentence, make):  # read, never run
    read_sentence(tmp_path, aliases, catalogue, "甲。")
    read_sentence(tmp_path, aliases, catalogue, sentence, TITLE_2020)
    head = "2021年" + "山西省统计公报"
    read_sentence(tmp_path, aliases, catalogue, f"乙{sentence}", title=head)
    for each in ["丙。"]:
        read_sentence(tmp_path, aliases, catalogue, each)  # a loop's variable: not planned
    read_sentence(tmp_path, aliases, catalogue, make("丁。"))  # a call: not planned
    head = make("")
    read_sentence(tmp_path, aliases, catalogue, "戊。", head)  # a computed title: not planned


def test_the_plan_follows_constants_module_names_parameters_and_assignments():
    assert planned_keys(_a_test, {"sentence": "己。"}) == [
        ("甲。", DEFAULT_TITLE),
        ("己。", TITLE_2020),
        ("乙己。", "2021年山西省统计公报"),
    ]


def _item(function, params: dict, module: str = "a_module") -> SimpleNamespace:
    """What `SentenceBatches.plan` reads of a pytest item (its module imports `read_sentence`)."""
    return SimpleNamespace(obj=function, module=SimpleNamespace(__name__=module, read_sentence=None),
                           callspec=SimpleNamespace(params=params))


def test_a_module_batch_is_read_at_its_first_call_and_an_unplanned_sentence_alone(tmp_path, aliases, catalogue):
    batches = SentenceBatches()
    batches.plan([_item(_a_test, {"sentence": JOBS[0]}), _item(_a_test, {"sentence": "庚。"}, "another_module")])
    assert batches.planned == {
        "a_module": [("甲。", DEFAULT_TITLE), (JOBS[0], TITLE_2020), ("乙" + JOBS[0], "2021年山西省统计公报")],
        "another_module": [("甲。", DEFAULT_TITLE), ("庚。", TITLE_2020), ("乙庚。", "2021年山西省统计公报")],
    }
    batches.current = "a_module"
    assert batches.read(tmp_path, aliases, catalogue, JOBS[0], TITLE_2020) == (
        [("shanxi", "new_urban_jobs", 2020, 437000.0, "persons", "annual")], [])
    assert (batches.batched, batches.alone, len(batches.results)) == (1, 0, 3)
    assert list(batches.planned) == ["another_module"]  # read at its own module's first call
    assert batches.read(tmp_path, aliases, catalogue, *FIRMS) == OWN[FIRMS]  # never planned: alone
    assert (batches.batched, batches.alone) == (1, 1)
    assert (tmp_path / SOURCE_FILE).read_text(encoding="utf-8") == f"{DEFAULT_TITLE}\n{FIRMS[0]}\n"


BROKEN = '''
import pytest
from tests.targetwatch.reports.test_communique import read_sentence

@pytest.mark.parametrize("sentence", ["全年城镇新增就业43.7万人。", "年末全省共有高新技术企业1523家。"])
def test_planned(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)
    assert found == [("shanxi", "new_urban_jobs", 2019, 437000.0, "persons", "annual")] and reasons == []

def test_in_the_body(tmp_path, aliases, catalogue):
    found, _ = read_sentence(tmp_path, aliases, catalogue, "全年技术合同成交额265亿元。")
    assert found == [("shanxi", "tech_contract_turnover", 2019, 26500000001.0, "yuan", "annual")]  # one yuan off
'''


@pytest.mark.slow
def test_a_wrong_expectation_still_fails_when_its_sentence_is_batched(tmp_path):
    """A test module run by pytest as the suite runs it (the reports conftest's plan): the case whose expectation is
    right passes, the wrong ones fail, and every sentence came from the module's batch."""
    folder = tmp_path
    (folder / "test_broken.py").write_text(BROKEN, encoding="utf-8")
    (folder / "conftest.py").write_text(textwrap.dedent("""
        from tests.conftest import catalogue, documents  # noqa: F401
        from tests.targetwatch.reports.conftest import aliases, pytest_collection_finish, pytest_runtest_setup  # noqa
        from tests.targetwatch.reports.sentence_batches import BATCHES

        def pytest_sessionfinish(session):
            print(f"BATCHED {BATCHES.batched} ALONE {BATCHES.alone}")
    """), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", str(folder / "test_broken.py"), "-p", "no:randomly",
                          "-p", "no:cacheprovider", "-s", "-q", "-rf", "-o", "addopts=", "--rootdir", str(tmp_path)],
                         capture_output=True, text=True, cwd=tmp_path,
                         env=os.environ | {"PYTHONPATH": str(ROOT)}, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "2 failed, 1 passed" in run.stdout, run.stdout
    assert "FAILED test_broken.py::test_planned[\\u5e74\\u672b" in run.stdout, run.stdout  # 年末…: the firms case
    assert "FAILED test_broken.py::test_in_the_body" in run.stdout, run.stdout
    assert "BATCHED 3 ALONE 0" in run.stdout, run.stdout
