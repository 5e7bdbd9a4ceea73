"""The raw archive: one snapshot per ingest, and a reports folder put back byte for byte from it."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from targetwatch.reports.archive import (
    ArchiveError,
    find_snapshot,
    list_snapshots,
    load_snapshot,
    restore_snapshot,
    write_snapshot,
)
from targetwatch.reports.ingest import ingest_folder
from tests.conftest import TODAY
from tests.targetwatch.reports.conftest import write
from tests.targetwatch.reports.samples import COMMUNIQUE, TEMPLATE, yearbook_csv

SIDECAR = "# SYNTHETIC sidecar\nrelease_date: 2021-09-30\n"
FILES = {
    "synthetic-template.csv": TEMPLATE["simplified"],
    "sub/synthetic-yearbook.csv": yearbook_csv("traditional").encode("gb18030"),
    "sub/synthetic-yearbook.csv.meta.yaml": SIDECAR,
    "synthetic-communique.txt": COMMUNIQUE["simplified"],
    "broken.xlsx": b"not a workbook",
    "broken.xlsx.meta.yaml": b"\xff\xfe not UTF-8 YAML",  # a broken sidecar is archived as it is
    "README.md": "not a report, not archived",
}


def _sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    for name, data in FILES.items():
        write(folder, name, data)
    return folder


def test_an_ingest_records_the_folder_as_a_snapshot(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    result = ingest_folder(reports, catalogue, as_of=TODAY, release_date="2022-02-03", archive_dir=archive)
    assert list_snapshots(archive) == [result.snapshot]
    snap = load_snapshot(archive, result.snapshot)
    assert snap.release_date == "2022-02-03"  # the --release-date option of that ingest
    assert sorted(snap.files) == ["broken.xlsx", "sub/synthetic-yearbook.csv", "synthetic-communique.txt",
                                  "synthetic-template.csv"]
    yearbook = FILES["sub/synthetic-yearbook.csv"]
    assert snap.files["sub/synthetic-yearbook.csv"] == {
        "sha256": _sha(yearbook),
        "size_bytes": len(yearbook),
        "archive_path": f"{_sha(yearbook)[:2]}/{_sha(yearbook)}.csv",
        "sidecar": {"sha256": _sha(SIDECAR), "archive_path": f"{_sha(SIDECAR)[:2]}/{_sha(SIDECAR)}.meta.yaml"},
    }
    assert (archive / snap.files["sub/synthetic-yearbook.csv"]["sidecar"]["archive_path"]).read_text() == SIDECAR
    assert snap.files["synthetic-template.csv"]["sidecar"] is None
    # the snapshot's archive paths are report_files.archive_path
    files = result.report_files.set_index("source_file")
    assert {k: v["archive_path"] for k, v in snap.files.items()} == dict(files.archive_path)
    assert snap.name.endswith(snap.inputs_hash[:12]) and snap.name[:8].isdigit()


def test_an_unchanged_folder_adds_no_snapshot_and_a_change_adds_one(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    first = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot
    assert ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot == first
    write(reports, "synthetic-template.csv", TEMPLATE["simplified"].replace("265", "266"))
    second = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot
    with_option = ingest_folder(reports, catalogue, as_of=TODAY, release_date="2022-02-03", archive_dir=archive)
    assert list_snapshots(archive) == [first, second, with_option.snapshot]  # oldest first
    assert find_snapshot(archive) == with_option.snapshot  # the latest by default
    assert load_snapshot(archive, first).files["synthetic-template.csv"]["sha256"] == _sha(TEMPLATE["simplified"])


def test_a_restored_folder_is_byte_for_byte_the_original_and_reads_the_same(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    original = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive)
    restored_dir = tmp_path / "restored"
    snap = restore_snapshot(archive, None, restored_dir)
    assert snap.name == original.snapshot
    assert _tree(restored_dir) == {k: v for k, v in _tree(reports).items() if k != "README.md"}
    again = ingest_folder(restored_dir, catalogue, as_of=TODAY, archive_dir=tmp_path / "archive2")
    for table in ("report_files", "observations", "rejected_rows"):
        pd.testing.assert_frame_equal(getattr(again, table), getattr(original, table), check_exact=True)
    assert again.report_files.status.value_counts().to_dict() == {"loaded": 3, "failed": 1}


def test_an_earlier_snapshot_restores_the_earlier_folder(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    first = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot
    before = _tree(reports)
    (reports / "synthetic-communique.txt").unlink()
    write(reports, "synthetic-new.csv", TEMPLATE["traditional"])
    ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive)
    restore_snapshot(archive, first, tmp_path / "restored")
    assert _tree(tmp_path / "restored") == {k: v for k, v in before.items() if k != "README.md"}


@pytest.mark.parametrize(
    ("names", "wanted", "found"),
    [
        (["20261101T090000.000000Z-aaaaaaaaaaaa", "20261123T090000.000000Z-bbbbbbbbbbbb"], None, 1),
        (["20261101T090000.000000Z-aaaaaaaaaaaa", "20261123T090000.000000Z-bbbbbbbbbbbb"], "20261101", 0),
        (["20261101T090000.000000Z-aaaaaaaaaaaa", "20261123T090000.000000Z-bbbbbbbbbbbb"], "bbbbbbbb", 1),
        (["20261101T090000.000000Z-aaaaaaaaaaaa"], "20261101T090000.000000Z-aaaaaaaaaaaa.json", 0),
        (["20261101T090000.000000Z-aaaaaaaaaaaa"], "archive/snapshots/20261101T090000.000000Z-aaaaaaaaaaaa.json", 0),
    ],
)
def test_a_snapshot_is_found_by_a_unique_part_of_its_name(tmp_path, names, wanted, found):
    for name in names:
        write(tmp_path / "snapshots", f"{name}.json", "{}")
    assert find_snapshot(tmp_path, wanted) == names[found]


@pytest.mark.parametrize(
    ("names", "wanted", "error"),
    [
        ([], None, r"holds no snapshots: run `targetwatch refresh` first"),
        (["20261101T090000.000000Z-aaaaaaaaaaaa"], "2025", r"no snapshot '2025' in .* \(latest: 20261101T0900"),
        (["20261101T090000.000000Z-aaaaaaaaaaaa", "20261102T090000.000000Z-bbbbbbbbbbbb"], "2026110",
         r"'2026110' names 2 snapshots \(.*\): give more of the name"),
    ],
)
def test_a_snapshot_that_is_not_there_or_not_unique_is_an_error(tmp_path, names, wanted, error):
    for name in names:
        write(tmp_path / "snapshots", f"{name}.json", "{}")
    with pytest.raises(ArchiveError, match=error):
        find_snapshot(tmp_path, wanted)


def test_a_damaged_archive_is_an_error_never_a_different_rebuild(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    snap = load_snapshot(archive, ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot)
    blob = archive / snap.files["synthetic-template.csv"]["archive_path"]
    blob.write_bytes(blob.read_bytes().replace(b"265", b"266"))
    with pytest.raises(ArchiveError, match=r": synthetic-template.csv: archived copy .* does not match its sha256"):
        restore_snapshot(archive, None, tmp_path / "restored")
    blob.unlink()
    with pytest.raises(ArchiveError, match=r": synthetic-template.csv: archived copy .* cannot be read"):
        restore_snapshot(archive, None, tmp_path / "restored2")


def test_a_snapshot_is_restored_only_into_an_empty_folder_and_only_inside_it(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive)
    with pytest.raises(ArchiveError, match=r"is not empty"):
        restore_snapshot(archive, None, reports)
    entry = {"sha256": _sha(b"x"), "size_bytes": 1, "archive_path": "none", "sidecar": None}
    name = write_snapshot(archive, {"../escape.csv": entry}, None)
    with pytest.raises(ArchiveError, match=r"'../escape.csv' is outside the reports folder"):
        restore_snapshot(archive, name, tmp_path / "restored")
    assert not (tmp_path / "escape.csv").exists()


def test_a_damaged_latest_manifest_does_not_stop_the_next_ingest(tmp_path, reports, catalogue):
    archive = tmp_path / "archive"
    first = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot
    (archive / "snapshots" / f"{first}.json").write_text("{not json", encoding="utf-8")
    second = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive).snapshot
    assert second != first and json.loads((archive / "snapshots" / f"{second}.json").read_text())["files"]
