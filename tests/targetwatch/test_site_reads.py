"""The large layout reads only the per-year columns it shows (LARGE_LAYOUT_READS): the site it builds from them is the
site built from every column, byte for byte (SYNTHETIC site of tests/targetwatch/test_site.py)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from targetwatch.render import dashboards
from targetwatch.render.dashboards import build_dashboards, read_site_data
from targetwatch.render.large_site import LARGE_LAYOUT_READS
from targetwatch.render.quality_report import warehouse_of
from targetwatch.render.site_data import SiteData
from tests.targetwatch.test_site import synthetic_site_data


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def narrow(tmp_path_factory):
    """The SYNTHETIC large catalogue's warehouse, its site data read with LARGE_LAYOUT_READS only, and the large
    layout built from that data (default batches): built once, compared by two tests (read-only)."""
    con = warehouse_of(synthetic_site_data(n_extra=12))
    data = SiteData.from_warehouse(con, pages_only=True, only=LARGE_LAYOUT_READS)
    folder = tmp_path_factory.mktemp("narrow")
    build_dashboards(data, folder, large=True)
    yield con, data, folder
    con.close()


def test_the_large_layout_from_its_columns_is_the_site_from_every_column(tmp_path, monkeypatch, narrow):
    con, some, built = narrow
    every = SiteData.from_warehouse(con, pages_only=True)
    assert list(some.assessment_years.columns) == list(LARGE_LAYOUT_READS["assessment_years"])
    assert len(every.assessment_years.columns) > len(some.assessment_years.columns)
    assert len(some.assessment_years) == len(every.assessment_years) > 0
    build_dashboards(every, tmp_path / "every", large=True)
    a, b = _files(tmp_path / "every"), _files(built)
    assert a.keys() == b.keys() and any(k.startswith("data/") for k in a)
    assert [k for k in a if a[k] != b[k]] == []

    # read_site_data takes the narrow read only above LARGE_SITE_TARGETS targets
    assert len(read_site_data(con).assessment_years.columns) == len(every.assessment_years.columns)
    monkeypatch.setattr(dashboards, "LARGE_SITE_TARGETS", 3)
    assert list(read_site_data(con).assessment_years.columns) == list(LARGE_LAYOUT_READS["assessment_years"])


def test_arrow_frame_reads_as_duckdb_df_does_and_shares_repeated_texts():
    """arrow_frame gives the frame `.df()` gives (dates as datetime64, integers and booleans holding NULLs as nullable
    dtypes), with each distinct text one Python object shared by its rows."""
    import duckdb
    from pandas.testing import assert_frame_equal

    from targetwatch.frames import arrow_frame

    con = duckdb.connect()
    con.execute("CREATE TABLE t (file VARCHAR, day DATE, stamp TIMESTAMP, n INTEGER, big BIGINT, whole BIGINT, "
                "ok BOOLEAN, flag BOOLEAN, x DOUBLE)")
    con.execute("INSERT INTO t VALUES ('a.csv', DATE '2021-03-01', TIMESTAMP '2021-03-01 10:00:00', 1, NULL, 7, "
                "true, NULL, 1.5), ('a.csv', NULL, NULL, NULL, 5, 8, false, true, NULL), "
                "('b.csv', DATE '2022-01-02', NULL, 3, 6, 9, true, false, 2.0)")
    sql = "SELECT * FROM t ORDER BY rowid"
    got = arrow_frame(con, sql)
    assert_frame_equal(got, con.sql(sql).df(), check_exact=True)
    assert str(got["day"].dtype) == "datetime64[us]" and str(got["n"].dtype) == "Int32"
    assert str(got["whole"].dtype) == "int64" and str(got["flag"].dtype) == "boolean"
    assert got["file"][0] is got["file"][1]  # one 'a.csv' for both rows
    empty = "SELECT * FROM t WHERE false"
    assert_frame_equal(arrow_frame(con, empty), con.sql(empty).df(), check_exact=True)


def test_data_files_written_a_few_targets_at_a_time_are_the_files_written_at_once(tmp_path, monkeypatch):
    """DataFiles converts the data files' columns a batch of jurisdictions at a time: with batches of two
    targets the site is the site of one batch, byte for byte."""
    from targetwatch.render import large_site

    data = synthetic_site_data(n_extra=12)
    build_dashboards(data, tmp_path / "once", large=True)
    monkeypatch.setattr(large_site, "DATA_BATCH_TARGETS", 2)
    build_dashboards(data, tmp_path / "batched", large=True)
    a, b = _files(tmp_path / "once"), _files(tmp_path / "batched")
    assert a.keys() == b.keys() and {"data/xx.js", "data/nat.js"} <= a.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_a_site_written_by_two_processes_is_the_site_one_process_writes(tmp_path, monkeypatch):
    """With TARGETWATCH_SITE_WORKERS=1 and more than one batch of data files, LargeSite.build forks (fork_pair): the
    copy writes the pages and the briefs, then both claim batches. With batches of two targets the site is the site
    of one process (TARGETWATCH_SITE_WORKERS=0), byte for byte, and the forked copy really wrote some of it (a file
    named by each writing process's id)."""
    import os
    import time

    from targetwatch.render import data_files, fork_pair, large_site

    data = synthetic_site_data(n_extra=12)
    monkeypatch.setattr(large_site, "DATA_BATCH_TARGETS", 2)
    monkeypatch.setenv(fork_pair.WORKERS_ENV, "0")
    alone = build_dashboards(data, tmp_path / "alone", large=True)

    writers, me = tmp_path / "writers", os.getpid()
    writers.mkdir()
    real = data_files.write_batch

    def write_batch(job, common):  # each process leaves its id; this one waits until the copy has written a batch
        (writers / str(os.getpid())).touch()
        for _ in range(600):
            if os.getpid() != me or len(list(writers.iterdir())) > 1:
                break
            time.sleep(0.05)
        return real(job, common)

    monkeypatch.setattr(data_files, "write_batch", write_batch)
    monkeypatch.delenv(fork_pair.WORKERS_ENV)
    assert not fork_pair.wanted()  # off unless asked for (docs/scaling.md section 0, session 17)
    monkeypatch.setenv(fork_pair.WORKERS_ENV, "1")
    assert fork_pair.wanted()
    two = build_dashboards(data, tmp_path / "two", large=True)
    a, b = _files(tmp_path / "alone"), _files(tmp_path / "two")
    assert a.keys() == b.keys() and {"data/xx.js", "data/nat.js", "data/_common.js"} <= a.keys()
    assert [k for k in a if a[k] != b[k]] == []
    assert [p.relative_to(tmp_path / "two") for p in two] == [p.relative_to(tmp_path / "alone") for p in alone]
    assert len(two) > 10
    assert {p.name for p in writers.iterdir()} - {str(me)} and str(me) in {p.name for p in writers.iterdir()}


def test_a_failing_forked_site_process_fails_the_build(tmp_path, monkeypatch):
    """An error in the forked copy (here: in a list page it writes) makes the build raise with its traceback, not
    leave pages missing; the caller's process goes on (no exit of its own)."""
    from targetwatch.render import fork_pair, large_site

    monkeypatch.setattr(large_site, "DATA_BATCH_TARGETS", 2)
    monkeypatch.setenv(fork_pair.WORKERS_ENV, "1")

    def status_lists(self):
        raise ValueError("SYNTHETIC failure in the forked copy")

    monkeypatch.setattr(large_site.LargeSite, "status_lists", status_lists)
    with pytest.raises(RuntimeError, match=r"(?s)forked site process failed.*SYNTHETIC failure in the forked copy"):
        build_dashboards(synthetic_site_data(n_extra=12), tmp_path / "site", large=True)


def test_fork_pair_hands_out_every_unit_once_and_returns_both_results():
    """fork_pair.in_two: units 0..n-1 each claimed once, this process's from the first up, the forked copy's from the
    last down and none below `there_from`; both results come back."""
    import time

    from targetwatch.render import fork_pair

    def slowly(claim):  # a unit at a time, slowly: the other process claims some too
        got = []
        while (u := claim()) is not None:
            got.append(u)
            time.sleep(0.02)
        return got

    here, there = fork_pair.in_two(20, slowly, slowly)
    assert sorted(here + there) == list(range(20)) and here == sorted(here) and there == sorted(there, reverse=True)
    assert here[0] == 0 and there[0] == 19 and here and there
    here, there = fork_pair.in_two(20, slowly, slowly, there_from=15)
    assert sorted(here + there) == list(range(20)) and min(there, default=15) >= 15 and set(range(15)) <= set(here)
    assert fork_pair.in_two(0, lambda claim: claim(), lambda claim: claim()) == (None, None)
    serial = fork_pair.serial(3)
    assert [serial(), serial(), serial(), serial()] == [0, 1, 2, None]


def test_evidence_labels_are_made_once_per_combination_and_equal_the_labels_made_per_row():
    import pandas as pd
    from pandas.testing import assert_frame_equal

    from targetwatch import vocab
    from targetwatch.render.rows import _evidence_labels, evidence_labels

    nan = float("nan")
    df = pd.DataFrame({"status": ["no_data", "achieved", "no_data", "achieved", "qualitative"],
                       "evidence_basis": [nan, "before_and_after", nan, "before_and_after", nan],
                       "evidence_grade": [nan, "inferred", nan, "inferred", nan]}, index=[10, 11, 12, 13, 14])
    got = evidence_labels(df)
    assert_frame_equal(got, _evidence_labels(df), check_exact=True)
    assert got["evidence_tip"][11] is got["evidence_tip"][13]  # one string for the two rows
    s = vocab.STATUS_BY_CODE["no_data"]
    assert got["evidence_tip"][12] == f"{s.zh} / {s.en}: {s.meaning_en}"
    assert got["evidence_basis_en"][11] == "before and after (may fall)" and got["evidence_grade_zh"][13] == "推断"


def test_the_quality_report_from_its_columns_is_the_report_from_every_column(tmp_path, monkeypatch):
    """build_quality_report reads only QUALITY_REPORT_READS of targets and assessments, none of REPORT_UNREAD, and
    makes its target rows unformatted: its files (index, lineage data and pages) equal those of the whole read with
    formatted rows, byte for byte; the unformatted rows equal the formatted ones on every column they have."""
    from pandas.testing import assert_frame_equal

    from targetwatch.render import quality_report, rows
    from targetwatch.render.quality_report import QUALITY_REPORT_READS, build_quality_report
    from targetwatch.render.rows import target_rows

    data = synthetic_site_data(n_extra=12)
    con = warehouse_of(data)
    build_quality_report(con, tmp_path / "narrow", run_id="SYNTHETIC-run")
    read = SiteData.from_warehouse(con, pages_only=True, skip=quality_report.REPORT_UNREAD,
                                   only=QUALITY_REPORT_READS)
    assert list(read.assessments.columns) == list(QUALITY_REPORT_READS["assessments"])
    assert len(read.data_owed) == len(read.target_sources) == 0 < len(data.target_sources)

    lean, full = target_rows(read, formatted=False), target_rows(data)
    assert "latest_zh" not in lean and "documents" not in lean and len(lean) == len(full) == len(data.targets)
    shown = ["target_id", "status", "status_rank", "jurisdiction_zh", "indicator_en", "evidence_tip",
             "evidence_basis_zh", "name_en", "headline"]
    assert_frame_equal(lean[shown], full[shown], check_exact=True)

    monkeypatch.setattr(quality_report, "QUALITY_REPORT_READS", {})
    monkeypatch.setattr(quality_report, "REPORT_UNREAD", ())
    monkeypatch.setattr(quality_report, "target_rows", lambda d, formatted=True: rows.target_rows(d))
    build_quality_report(con, tmp_path / "every", run_id="SYNTHETIC-run")
    a, b = _files(tmp_path / "every"), _files(tmp_path / "narrow")
    assert a.keys() == b.keys() and "lineage/data/_common.js" in a and len(a) > 10
    assert [k for k in a if a[k] != b[k]] == []


def test_figures_read_from_the_warehouse_a_batch_at_a_time_give_the_site_of_the_whole_table(tmp_path, monkeypatch,
                                                                                            narrow):
    """read_site_data leaves a large catalogue's figures in the warehouse (site_figures.WarehouseFigures) and the
    large layout reads them a batch of jurisdictions' series at a time: with batches of two targets the site equals,
    byte for byte, the one built from the whole observations frame in one batch (site_figures.FrameFigures)."""
    from targetwatch.render import large_site
    from targetwatch.render.site_figures import FrameFigures, WarehouseFigures

    con, whole, built = narrow  # the site built from the whole observations frame, in one batch
    assert whole.figures is None and len(whole.observations) > 0

    monkeypatch.setattr(dashboards, "LARGE_SITE_TARGETS", 3)
    monkeypatch.setattr(large_site, "DATA_BATCH_TARGETS", 2)
    batched = read_site_data(con)
    assert isinstance(batched.figures, WarehouseFigures) and len(batched.observations) == 0
    build_dashboards(batched, tmp_path / "batched", large=True)
    a, b = _files(built), _files(tmp_path / "batched")
    assert a.keys() == b.keys() and {"data/xx.js", "data/nat.js", "data/_common.js"} <= a.keys()
    assert [k for k in a if a[k] != b[k]] == []

    # the two sources agree on what the data files share: files, source texts, positions in a series
    frame, sql = FrameFigures(whole.observations), batched.figures
    needed = frame.present()
    assert sql.present() == needed and len(needed) > 3
    assert sql.files(needed) == frame.files(needed) and sql.texts(needed) == frame.texts(needed)
    ids = set(whole.observations["observation_id"])
    assert sql.positions(needed, ids) == frame.positions(needed, ids) and 0 in frame.positions(needed, ids).values()


def test_a_value_encoded_once_is_written_as_dump_js_would_write_it(tmp_path):
    """large_site encodes each target's charts once (page.Encoded: plain_json's check) and dump_js puts that text in
    place: the file is the one the values themselves give, NaN and numpy scalars made plain as plain_json makes them,
    and a payload whose own strings hold the splice mark is written without splicing."""
    import json

    import numpy as np

    from targetwatch.render.page import Encoded, dump_js, plain_json

    charts = [{"data": [{"y": [1.5, None, "<b>"]}], "layout": {"t": "目标"}}, [], {"x": float("nan"), "n": np.int64(3)}]
    payload = {"a": [Encoded.of(c) for c in charts], "b": {"c": Encoded.of(charts[0]), "d": np.float64(2.5)},
               "e": "x"}
    plain = {"a": [plain_json(c) for c in charts], "b": {"c": plain_json(charts[0]), "d": np.float64(2.5)}, "e": "x"}
    dump_js(tmp_path / "spliced.js", "f", payload)
    dump_js(tmp_path / "plain.js", "f", plain)
    assert (tmp_path / "spliced.js").read_bytes() == (tmp_path / "plain.js").read_bytes()
    assert "\\u003cb>" in (tmp_path / "spliced.js").read_text(encoding="utf-8")
    marked = payload | {"e": Encoded.MARK}
    dump_js(tmp_path / "marked.js", "f", marked)
    dump_js(tmp_path / "plain-marked.js", "f", plain | {"e": Encoded.MARK})
    assert (tmp_path / "marked.js").read_bytes() == (tmp_path / "plain-marked.js").read_bytes()
    text = (tmp_path / "marked.js").read_text(encoding="utf-8")
    assert json.loads(text[2:-3])["e"] == Encoded.MARK


def _records_per_row(df):  # display_records as it was: to_dict's records, display_value on every cell
    from targetwatch.render.page import display_value
    return [{k: display_value(v) for k, v in r.items()} for r in df.to_dict("records")]


@pytest.mark.parametrize("column", [
    pytest.param([1, 2, 3], id="int64"),
    pytest.param([True, False, True], id="bool"),
    pytest.param([1.0, 2.123456789, float("nan")], id="float64: whole, rounded to 6 digits, missing"),
    pytest.param([float("inf"), -1234567.891, 1e-9], id="float64: infinite, large, tiny"),
    pytest.param(["甲", None, float("nan")], id="object: text, None, NaN"),
    pytest.param(["a", 2.5000001, 3], id="object: mixed text and numbers"),
    pytest.param("numpy-scalars", id="object: numpy scalars"),
    pytest.param("timestamps", id="datetime64: dates, a time, NaT"),
    pytest.param("nullable", id="Int64 and boolean with NA"),
    pytest.param("arrow", id="Arrow-backed text"),
])
def test_display_records_a_column_at_a_time_are_the_records_made_per_cell(column):
    import numpy as np
    import pandas as pd

    from targetwatch.render.page import display_records
    if column == "numpy-scalars":
        df = pd.DataFrame({"c": pd.Series([np.int64(4), np.float64(1.23456789), np.bool_(True)], dtype=object)})
    elif column == "timestamps":
        df = pd.DataFrame({"c": pd.to_datetime(["2024-01-01 00:00:00", "2024-01-02 03:04:05", None], format="ISO8601")})
    elif column == "nullable":
        df = pd.DataFrame({"c": pd.array([1, None, 3], dtype="Int64"), "d": pd.array([True, None, False],
                                                                                    dtype="boolean")})
    elif column == "arrow":
        df = pd.DataFrame({"c": pd.array(["x", None, "z"], dtype="string[pyarrow]")})
    else:
        df = pd.DataFrame({"c": column})
    df["other"] = range(len(df))  # a numpy column beside it (to_dict boxes only object and extension columns)
    got, want = display_records(df), _records_per_row(df)
    assert got == want
    assert [[type(v) for v in r.values()] for r in got] == [[type(v) for v in r.values()] for r in want]
    assert display_records(df.iloc[:0]) == [] and display_records(df[[]]) == [{}] * len(df)


@pytest.mark.parametrize(("value", "same_text"), [
    pytest.param({"a": "目标 <b>\u001f\u2028", "b": [1, True, None, -0.0, 2.5]}, True, id="texts, control characters"),
    pytest.param([0.0001, 123456.789, 0.1 + 0.2, 1e15, -2.5], True, id="floats without an exponent"),
    pytest.param([1e-7, 5e-05, 1e16, 1.2345678901234567e21, 5e-324], False, id="floats with an exponent"),
    pytest.param({3: "int key", 2.5: "float key", True: "bool key", None: "none key"}, True, id="keys not text"),
    pytest.param({"big": 2**70, "small": -(2**63)}, True, id="integers beyond 64 bits (json writes them)"),
    pytest.param({"n": "numpy", "v": [np.int64(3), np.float32(0.5), np.bool_(True)]}, True,
                 id="numpy through default"),
    pytest.param({"when": dt.datetime(2024, 1, 2, 3, 4, 5), "day": dt.date(2024, 1, 2)}, True,
                 id="dates through default"),
])
def test_to_json_gives_what_json_dumps_gives(value, same_text):
    """page.to_json (orjson) parses back to what json.dumps writes, and is the same text unless a float is written with
    an exponent (json 1e-07, orjson 1e-7)."""
    import json

    from targetwatch.render.page import _json_default, to_json
    want = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default)
    got = to_json(value, _json_default)
    assert json.loads(got) == json.loads(want)
    assert (got == want) is same_text


def test_dump_js_splices_encoded_values_when_orjson_hands_the_payload_to_json(tmp_path):
    """A payload orjson cannot write (an integer beyond 64 bits) goes to json: each encoded value is spliced once."""
    from targetwatch.render.page import Encoded, dump_js
    payload = {"a": Encoded.of({"x": [1, 2]}), "big": 2**70, "b": [Encoded.of("目标")]}
    dump_js(tmp_path / "f.js", "f", payload)
    assert (tmp_path / "f.js").read_text(encoding="utf-8") == f'f({{"a":{{"x":[1,2]}},"big":{2**70},"b":["目标"]}});\n'


def test_dump_js_writes_an_encoded_text_as_it_is_even_beside_the_mark(tmp_path):
    """orjson writes each Encoded value's text as it stands (orjson.Fragment), so a payload string holding the
    json fallback's splice mark changes nothing: the text `{"b": 1}` keeps its space (decoded and written again it
    would be `{"b":1}`), and the `<` is escaped by dump_js as everywhere."""
    from targetwatch.render.page import Encoded, dump_js
    payload = {"a": Encoded(b'{"b": 1}'), "m": Encoded.MARK, "c": [Encoded('"<i>"')]}
    dump_js(tmp_path / "f.js", "f", payload)
    assert (tmp_path / "f.js").read_text(encoding="utf-8") == \
        'f({"a":{"b": 1},"m":"\ue000tw-json\ue000","c":["\\u003ci>"]});\n'


def test_a_target_objects_members_are_written_as_dump_js_writes_the_dict(tmp_path):
    """page.members_json (the data files' target objects, target_json) and dump_js encode by one set of rules: the
    same members, byte for byte, for a date, numpy scalars, NaN and infinity, non-ASCII and control characters, a
    text holding the json fallback's splice mark, and a dict that only json can write (an integer beyond 64 bits).
    SYNTHETIC values; the first written out by hand."""
    import math

    from targetwatch.render.page import Encoded, dump_js, members_json

    first = {"as_of": dt.date(2025, 6, 30), "n": np.int64(3), "x": np.float64(2.5), "nan": math.nan,
             "inf": -math.inf, "name": "甲\u2028\x01", "ok": np.bool_(True)}
    assert members_json(first) == ('"as_of":"2025-06-30","n":3,"x":2.5,"nan":null,"inf":null,'
                                   '"name":"甲\u2028\\u0001","ok":true').encode("utf-8")
    for k, d in enumerate([first, {"mark": Encoded.MARK, "l": [1, None]}, {"big": 2**70, "t": "目标"}, {}]):
        dump_js(tmp_path / f"{k}.js", "f", d)
        assert (tmp_path / f"{k}.js").read_bytes() == b"f({" + members_json(d) + b"});\n"
