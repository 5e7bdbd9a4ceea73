"""new_report_sensor on a temporary reports folder: one run per real change, by content, never for temp files."""

from __future__ import annotations

import hashlib
import json
import os

import dagster as dg
import pytest

from assets.resources import TargetwatchPaths
from pipelines.sensors import new_report_sensor


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


def tick(instance, reports, cursor):
    """One evaluation: (run requests, skip reason, new cursor)."""
    paths = TargetwatchPaths(reports_dir=str(reports))
    with dg.build_sensor_context(instance=instance, cursor=cursor, resources={"paths": paths}) as context:
        result = new_report_sensor(context)
    return result.run_requests or [], result.skip_reason, result.cursor


def test_new_file_touch_change_and_temporary_files(instance, reports):
    (reports / "a.csv").write_bytes(b"year,value\n2020,1\n")
    requests, _, cursor = tick(instance, reports, None)
    assert len(requests) == 1
    assert requests[0].tags == {"targetwatch/trigger": "sensor", "targetwatch/reports_changed": "added a.csv"}
    assert json.loads(cursor) == {"a.csv": sha(b"year,value\n2020,1\n")}
    first_key = requests[0].run_key

    # touched: same bytes, new mtime -> nothing
    os.utime(reports / "a.csv", (1_900_000_000, 1_900_000_000))
    requests, skip, cursor2 = tick(instance, reports, cursor)
    assert requests == [] and "none added or changed" in skip.skip_message
    assert cursor2 == cursor

    # temporary, partial and hidden files are never looked at
    (reports / "~$x.xlsx").write_bytes(b"excel lock")
    (reports / "x.part").write_bytes(b"half a download")
    (reports / ".hidden").write_bytes(b"editor state")
    (reports / ".trash").mkdir()
    (reports / ".trash" / "old.csv").write_bytes(b"year,value\n2019,9\n")  # inside a hidden folder
    requests, _, cursor3 = tick(instance, reports, cursor)
    assert requests == [] and cursor3 == cursor

    # changed content -> a new request with a new key
    (reports / "a.csv").write_bytes(b"year,value\n2020,2\n")
    requests, _, cursor4 = tick(instance, reports, cursor3)
    assert len(requests) == 1 and requests[0].run_key != first_key
    assert requests[0].tags["targetwatch/reports_changed"] == "changed a.csv"
    assert json.loads(cursor4) == {"a.csv": sha(b"year,value\n2020,2\n")}


def test_same_state_gives_the_same_run_key_and_a_revert_refreshes_again(instance, reports):
    (reports / "a.csv").write_bytes(b"v1")
    requests, _, c1 = tick(instance, reports, None)
    again, _, _ = tick(instance, reports, None)  # a tick evaluated twice (cursor not saved): same key, one run
    assert again[0].run_key == requests[0].run_key
    (reports / "a.csv").write_bytes(b"v2")
    to_v2, _, c2 = tick(instance, reports, c1)
    (reports / "a.csv").write_bytes(b"v1")
    back_to_v1, _, _ = tick(instance, reports, c2)
    assert len({requests[0].run_key, to_v2[0].run_key, back_to_v1[0].run_key}) == 3


def test_sidecars_and_subfolders_count_removals_do_not_refresh(instance, reports):
    (reports / "2026").mkdir()
    (reports / "2026" / "b.xlsx").write_bytes(b"workbook")
    (reports / "2026" / "b.xlsx.meta.yaml").write_text("release_date: 2026-10-01\n", encoding="utf-8")
    (reports / "c.csv").write_bytes(b"c")
    _, _, cursor = tick(instance, reports, None)
    assert sorted(json.loads(cursor)) == ["2026/b.xlsx", "2026/b.xlsx.meta.yaml", "c.csv"]

    (reports / "2026" / "b.xlsx.meta.yaml").write_text("release_date: 2026-10-08\n", encoding="utf-8")
    requests, _, cursor = tick(instance, reports, cursor)
    assert requests[0].tags["targetwatch/reports_changed"] == "changed 2026/b.xlsx.meta.yaml"

    (reports / "c.csv").unlink()
    requests, skip, cursor = tick(instance, reports, cursor)
    assert requests == [] and "no longer there" in skip.skip_message and "c.csv" in skip.skip_message
    assert sorted(json.loads(cursor)) == ["2026/b.xlsx", "2026/b.xlsx.meta.yaml"]


def test_a_missing_folder_is_a_skip_not_an_error(instance, tmp_path):
    requests, skip, cursor = tick(instance, tmp_path / "nowhere", '{"a.csv": "00"}')
    assert requests == [] and "does not exist" in skip.skip_message
    assert cursor == '{"a.csv": "00"}'
