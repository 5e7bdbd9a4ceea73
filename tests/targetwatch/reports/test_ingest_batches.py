"""A folder's share of a batched ingest (ingest_batches.py) is what ingesting that folder alone gives: every frame
equal, exactly, and a wrong expectation about one folder fails for that folder only."""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

from targetwatch.reports.ingest import IngestResult, ingest_folder
from tests.conftest import TODAY
from tests.targetwatch.reports.ingest_batches import REAL_REPORTS, IngestBatch, real_files, write_folder

# SYNTHETIC: a level, and a subset that is quarantined with its reason
SHANXI = "2019年山西省统计公报（SYNTHETIC）\n年末全省共有高新技术企业1523家。国家级科技企业孵化器20家。\n"
GANSU = "2018年甘肃省科技工作情况（SYNTHETIC）\n全省高新技术企业1229家。\n"


def assert_same(batched: IngestResult, alone: IngestResult, name: str) -> None:
    for attr in ("report_files", "observations", "rejected_rows", "rejected_preview"):
        assert_frame_equal(getattr(batched, attr), getattr(alone, attr), check_exact=True, obj=f"{name}: {attr}")
    assert (batched.parsed, batched.counts) == (alone.parsed, alone.counts), name


def _compare(tmp_path, catalogue, folders: dict[str, dict]) -> IngestBatch:
    batch = IngestBatch(tmp_path / "batch", catalogue, TODAY, folders.values())
    for name, files in folders.items():
        alone = ingest_folder(write_folder(tmp_path / "alone" / name, files), catalogue, as_of=TODAY)
        assert_same(batch.ingest(tmp_path / "unused", files), alone, name)
    assert (batch.batched, batch.alone) == (len(folders), 0)
    return batch


def test_each_folders_share_is_its_own_ingest(tmp_path, catalogue):
    """Two SYNTHETIC texts under one name (doc.txt), and a real text with its sidecar (release date 2017-12-13)."""
    batch = _compare(tmp_path, catalogue, {"shanxi": {"doc.txt": SHANXI}, "gansu": {"doc.txt": GANSU},
                                           "real": real_files("gs_2017_techmarket")})
    shanxi = batch.ingest(tmp_path / "unused", {"doc.txt": SHANXI})
    assert [(o.source_file, o.jurisdiction, o.indicator, int(o.year), o.value)
            for o in shanxi.observations.itertuples()] == [("doc.txt", "shanxi", "high_tech_enterprises", 2019, 1523.0)]
    assert [(r.source_file, r.reason) for r in shanxi.rejected_rows.itertuples()] == [
        ("doc.txt", "sentence 3: '国家级科技企业孵化器' is a subset (国家级) of tech_incubators, not its total")]
    assert list(shanxi.report_files["source_file"]) == ["doc.txt"] and shanxi.counts == {"observations": 1,
                                                                                          "rejected_rows": 1}
    real = batch.ingest(tmp_path / "unused", real_files("gs_2017_techmarket"))
    assert list(real.report_files["release_date"]) == ["2017-12-13"]  # its sidecar's, read in its own subfolder
    assert sorted(real.observations["value"]) == [612.0, 15_081_000_000.0]


def test_a_folder_not_planned_is_read_alone_in_the_tests_folder(tmp_path, catalogue):
    batch = IngestBatch(tmp_path / "batch", catalogue, TODAY, [{"doc.txt": SHANXI}])
    gansu = batch.ingest(tmp_path / "mine", {"doc.txt": GANSU})
    assert (batch.batched, batch.alone) == (0, 1) and (tmp_path / "mine" / "doc.txt").read_text("utf-8") == GANSU
    assert not (tmp_path / "batch").exists()  # nothing planned was asked for: the batch was never ingested
    found = [(o.jurisdiction, int(o.year), o.value) for o in gansu.observations.itertuples()]
    assert found == [("gansu", 2018, 1229.0)]


def test_a_report_another_planned_folder_holds_is_not_planned(tmp_path, catalogue):
    """The same bytes under another name (and the same sidecar, here none) in a second folder: one ingest would read
    it once and call the second a `duplicate`, so that folder is read alone and loads as its own ingest loads it."""
    again = {"copy.txt": SHANXI}
    batch = IngestBatch(tmp_path / "batch", catalogue, TODAY, [{"doc.txt": SHANXI}, again, {"doc.txt": GANSU}])
    assert [batch.planned(f) for f in ({"doc.txt": SHANXI}, again, {"doc.txt": GANSU})] == [True, False, True]
    copy = batch.ingest(tmp_path / "mine", again)
    assert (batch.batched, batch.alone) == (0, 1)
    assert copy.report_files[["source_file", "status"]].values.tolist() == [["copy.txt", "loaded"]]
    assert [(o.jurisdiction, int(o.year), o.value) for o in copy.observations.itertuples()] == [
        ("shanxi", 2019, 1523.0)]


def test_a_folder_holding_one_report_twice_is_read_alone(tmp_path, catalogue):
    """Its second file is a `duplicate` whose warning names the first by its path in the folder: batched, that path
    would carry the batch's subfolder (`duplicate of f001/a.txt`), so the folder is read alone."""
    twice = {"a.txt": SHANXI, "b.txt": SHANXI}
    batch = IngestBatch(tmp_path / "batch", catalogue, TODAY, [{"doc.txt": GANSU}, twice])
    assert (batch.planned({"doc.txt": GANSU}), batch.planned(twice)) == (True, False)
    files = batch.ingest(tmp_path / "mine", twice).report_files
    assert (batch.batched, batch.alone) == (0, 1)
    assert files[["source_file", "status", "warning"]].values.tolist() == [
        ["a.txt", "loaded", None], ["b.txt", "duplicate", "duplicate of a.txt (the same bytes): read once"]]


@pytest.mark.slow  # ~55 real texts alone and batched: `pytest -m slow`
def test_every_tenth_real_text_batched_is_its_own_ingest(tmp_path, catalogue):
    names = sorted(p.name[:-4] for p in REAL_REPORTS.glob("*.txt"))[::10]
    _compare(tmp_path, catalogue, {n: real_files(n) for n in names})


@pytest.mark.slow  # each planned folder alone and batched: `pytest -m slow`
@pytest.mark.parametrize("module", ["test_communique", "test_yearbook", "test_template", "test_ingest"])
def test_every_planned_folder_batched_is_its_own_ingest(tmp_path, catalogue, module):
    """The folders the reports conftest's `ingest` reads from a module's batch (its INGEST_PLAN): in other encodings,
    formats, template CSVs scanned together, with sidecars."""
    import importlib

    plan = importlib.import_module(f"tests.targetwatch.reports.{module}").INGEST_PLAN
    _compare(tmp_path, catalogue, {f"{n:02d}": files for n, files in enumerate(plan)})
