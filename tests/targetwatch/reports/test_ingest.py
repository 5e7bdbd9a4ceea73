"""Ingestion: format dispatch, the content-addressed archive, the synthetic flag, release dates, sidecars."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import warnings

import pandas as pd
import pytest

from targetwatch.config import PROJECT_DIR
from targetwatch.reports.archive import list_snapshots
from targetwatch.reports.ingest import REPORT_FILE_COLUMNS, ingest_folder, read_one
from targetwatch.reports.model import UnreadableReportError
from tests.conftest import TODAY
from tests.targetwatch.reports.conftest import observed, write
from tests.targetwatch.reports.samples import COMMUNIQUE, TEMPLATE, yearbook_csv

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "reports"
ORIGINAL_COLUMNS = (
    "source_file",
    "sha256",
    "size_bytes",
    "format",
    "encoding",
    "release_date",
    "release_date_basis",
    "title",
    "rows_read",
    "rows_accepted",
    "rows_rejected",
    "status",
    "error",
)


def test_report_files_keeps_every_column_and_adds_provenance():
    assert REPORT_FILE_COLUMNS[: len(ORIGINAL_COLUMNS)] == ORIGINAL_COLUMNS
    assert REPORT_FILE_COLUMNS[len(ORIGINAL_COLUMNS) :] == (
        "synthetic", "missing_values", "archive_path", "rows_not_yet_released", "warning")


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.csv", TEMPLATE["simplified"], "template_csv"),
        ("b.csv", yearbook_csv("simplified"), "yearbook_csv"),
        ("c.txt", COMMUNIQUE["simplified"], "communique_txt"),
        ("d.htm", "<title>2019年山西省统计公报 SYNTHETIC</title><p>高新技术企业1523家。</p>", "communique_html"),
    ],
)
def test_the_reader_is_chosen_by_extension_and_header(tmp_path, aliases, name, content, fmt):
    assert read_one(write(tmp_path, name, content), aliases).format == fmt


def test_unknown_formats_and_communiques_without_aliases_are_unreadable(tmp_path):
    with pytest.raises(UnreadableReportError, match=r"^x.pdf: unknown report format '.pdf'"):
        read_one(write(tmp_path, "x.pdf", b"%PDF"))
    with pytest.raises(UnreadableReportError, match=r"^c.txt: a communiqué is read with the catalogue's aliases"):
        read_one(write(tmp_path, "c.txt", COMMUNIQUE["simplified"]))


def test_every_file_is_archived_by_content_before_it_is_parsed(tmp_path, catalogue):
    reports = tmp_path / "reports"
    good = write(reports, "synthetic-template.csv", TEMPLATE["simplified"])
    broken = write(reports, "sub/broken.xlsx", b"not a workbook")
    archive = tmp_path / "archive"
    result = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive)
    files = result.report_files.set_index("source_file")
    for path, rel in [(good, "synthetic-template.csv"), (broken, "sub/broken.xlsx")]:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        expected = f"{digest[:2]}/{digest}{path.suffix}"
        assert files.loc[rel, "archive_path"] == expected
        assert (archive / expected).read_bytes() == path.read_bytes()
    assert files.loc["sub/broken.xlsx", "status"] == "failed"  # archived although it cannot be parsed
    blobs = sorted(p.name for p in archive.rglob("*") if p.is_file() and p.parent.name != "snapshots")
    assert blobs == sorted(f"{hashlib.sha256(p.read_bytes()).hexdigest()}{p.suffix}" for p in (good, broken))
    again = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=archive)  # same bytes, same place
    assert list(again.report_files.archive_path) == list(result.report_files.archive_path)


def test_without_an_archive_dir_nothing_is_archived(ingest):
    result = ingest({"synthetic.csv": TEMPLATE["simplified"]})
    assert result.report_files.archive_path.isna().all()


SYNTHETIC_FLAG_CASES = [
    ({"t.csv": TEMPLATE["simplified"]}, True),  # '# data: synthetic'
    ({"t.csv": TEMPLATE["simplified"].replace("# data: synthetic\n", "")}, False),
    (
        {
            "t.csv": TEMPLATE["simplified"].replace("# data: synthetic\n", ""),
            "t.csv.meta.yaml": "synthetic: true\n",
        },
        True,
    ),
    ({"y.csv": yearbook_csv("simplified")}, True),  # SYNTHETIC in the title row
    ({"y.csv": yearbook_csv("simplified").replace("SYNTHETIC ", "")}, False),
    ({"c.txt": COMMUNIQUE["simplified"]}, True),
    ({"c.txt": "2019年山西省统计公报\n高新技术企业1523家。\n", "c.txt.meta.yaml": "synthetic: yes\n"}, True),
    ({"broken.xlsx": b"junk", "broken.xlsx.meta.yaml": "synthetic: true\n"}, True),
]


@pytest.mark.parametrize(("files", "synthetic"), SYNTHETIC_FLAG_CASES)
def test_the_synthetic_flag(ingest, files, synthetic):
    f = ingest(files).report_files
    assert f.synthetic.dtype == bool
    assert list(f.synthetic) == [synthetic]


YEARBOOK_WITH_DATE = (
    "山西省主要科技指标（SYNTHETIC）\n指标,2019年\n高新技术企业（家）,2405\n注：发布日期：2020年3月5日\n"
)


@pytest.mark.parametrize(
    ("sidecar", "in_file", "command_line", "expected"),
    [
        ("2021-01-02", True, "2022-02-03", ("2021-01-02", "sidecar")),
        (None, True, "2022-02-03", ("2020-03-05", "file")),
        (None, False, "2022-02-03", ("2022-02-03", "command line")),  # only for files that state none
        (None, False, None, (None, "not stated")),
    ],
)
def test_release_date_precedence(ingest, sidecar, in_file, command_line, expected):
    table = YEARBOOK_WITH_DATE if in_file else YEARBOOK_WITH_DATE.replace("发布日期：2020年3月5日", "")
    files = {"synthetic.csv": table} | ({"synthetic.csv.meta.yaml": f"release_date: {sidecar}\n"} if sidecar else {})
    result = ingest(files, release_date=command_line)
    f = result.report_files.iloc[0]
    assert (f.release_date, f.release_date_basis) == expected
    obs = result.observations.iloc[0]
    assert (None if pd.isna(obs.release_date) else str(obs.release_date), obs.release_date_basis) == expected


ROW_DATE_TEXT = (
    "# data: synthetic\njurisdiction,indicator,year,value,unit,release_date\nshanxi,高新技术企业,2019,1523,家,"
    "2020-02-28\nshanxi,高新技术企业,2020,2405,家,\n"
)


def test_a_row_release_date_wins_over_the_file(ingest):
    obs = ingest({"t.csv": ROW_DATE_TEXT, "t.csv.meta.yaml": "release_date: 2021-01-02\n"}).observations
    assert [(str(o.release_date), o.release_date_basis) for o in obs.itertuples()] == [
        ("2020-02-28", "row"),
        ("2021-01-02", "sidecar"),
    ]


def _with_sidecar(sidecar: str) -> dict[str, str]:
    """A template CSV with `sidecar` beside it, and another without one."""
    return {"synthetic.csv": TEMPLATE["simplified"], "synthetic.csv.meta.yaml": sidecar,
            "other.csv": TEMPLATE["simplified"]}


BROKEN_SIDECARS = [
    ("release_date: [unclosed\n", r"^synthetic.csv.meta.yaml: the sidecar is not valid UTF-8 YAML"),
    ("- a list\n- not a mapping\n", r"^synthetic.csv.meta.yaml: the sidecar must be a mapping"),
]


@pytest.mark.parametrize(("sidecar", "error"), BROKEN_SIDECARS)
def test_a_broken_sidecar_fails_its_file_only(ingest, sidecar, error):
    result = ingest(_with_sidecar(sidecar))
    files = result.report_files.set_index("source_file")
    assert files.loc["synthetic.csv", "status"] == "failed"
    assert re.match(error, files.loc["synthetic.csv", "error"])
    assert files.loc["other.csv", "status"] == "loaded"


def test_the_committed_fixtures_say_they_are_synthetic(catalogue):
    paths = sorted(p for p in FIXTURES.iterdir() if p.is_file())
    assert {p.name for p in paths} == {
        "synthetic-yearbook-shanxi.xlsx",
        "synthetic-yearbook-shanxi-traditional.csv",
        "synthetic-yearbook-shanxi-traditional.csv.meta.yaml",
        "synthetic-communique-shanxi-2019.txt",
        "synthetic-communique-gansu-2019.html",
    }
    for p in paths:
        assert "synthetic" in p.name
        if p.suffix != ".xlsx":
            assert "SYNTHETIC" in p.read_text(encoding="utf-8"), p.name
    result = ingest_folder(FIXTURES, catalogue, as_of=TODAY)
    files = result.report_files.set_index("source_file")
    assert files.synthetic.all() and (files.status == "loaded").all()
    assert (files.rows_read == files.rows_accepted + files.rows_rejected).all()
    assert (
        files.to_dict("index")["synthetic-yearbook-shanxi.xlsx"]["title"] == "山西省主要科技指标（SYNTHETIC 测试数据）"
    )
    assert dict(files.rows_accepted) == {
        "synthetic-communique-gansu-2019.html": 3,
        "synthetic-communique-shanxi-2019.txt": 6,
        "synthetic-yearbook-shanxi-traditional.csv": 12,
        "synthetic-yearbook-shanxi.xlsx": 12,
    }
    assert files.loc["synthetic-yearbook-shanxi-traditional.csv", "release_date"] == "2021-09-30"  # its sidecar
    assert ("shanxi", "high_tech_enterprises", 2018, 1523.0, "count", "C6") in observed(result)  # comment line 1


def test_the_committed_fixtures_match_their_builder(tmp_path):
    from tests.targetwatch.reports.samples import build_fixtures

    for built in build_fixtures(tmp_path):
        if built.suffix != ".xlsx":  # xlsx bytes carry a timestamp; its content is checked above
            assert built.read_bytes() == (FIXTURES / built.name).read_bytes(), built.name


def test_an_archive_inside_the_reports_folder_is_not_read_as_reports(tmp_path, catalogue):
    reports = tmp_path / "reports"
    write(reports, "synthetic.csv", TEMPLATE["simplified"])
    for _ in range(2):
        result = ingest_folder(reports, catalogue, as_of=TODAY, archive_dir=reports / ".." / "reports" / "archive")
        assert list(result.report_files.source_file) == ["synthetic.csv"]


def _template(rows: str) -> str:
    return "# data: synthetic\njurisdiction,indicator,year,value,unit,release_date\n" + rows


def test_a_new_file_adds_its_figures_and_a_corrected_file_adds_a_vintage(tmp_path, catalogue):
    """The refresh cycle on one folder, as the ingestion asset runs it (archive and cache under out/)."""
    from targetwatch.assessment import assess

    reports, out = tmp_path / "reports", tmp_path / "out"

    def refresh(as_of=TODAY):
        result = ingest_folder(reports, catalogue, as_of=as_of, archive_dir=out / "archive", cache_dir=out / "cache")
        assessments, _ = assess(catalogue, result.observations, as_of)
        return result, assessments.set_index("target_id").loc["shanxi-2017-high-tech-enterprises"]

    def figures(result):
        o = result.observations.sort_values(["year", "release_date"])
        return [(int(r.year), r.value, str(r.release_date), r.source_file) for r in o.itertuples()]

    write(reports, "shanxi-2020.csv", _template("shanxi,高新技术企业,2020,1480,家,2021-03-01\n"))
    first, target = refresh()
    assert figures(first) == [(2020, 1480.0, "2021-03-01", "shanxi-2020.csv")]
    assert (target.latest_year, target.latest_value, target.status) == (2020, 1480.0, "missed")

    write(reports, "shanxi-2019.csv", _template("shanxi,高新技术企业,2019,1300,家,2020-03-01\n"))  # a new file
    second, target = refresh()
    assert second.parsed == {"shanxi-2019.csv": "parsed", "shanxi-2020.csv": "cached"}
    assert figures(second) == [
        (2019, 1300.0, "2020-03-01", "shanxi-2019.csv"),
        (2020, 1480.0, "2021-03-01", "shanxi-2020.csv"),
    ]
    assert (target.latest_value, target.status) == (1480.0, "missed")

    # the bureau corrects 2020: same figure, a different value, a later release date -> a second vintage
    write(reports, "shanxi-2020-revised.csv", _template("shanxi,高新技术企业,2020,1520,家,2021-09-30\n"))
    third, target = refresh()
    assert third.parsed == {"shanxi-2019.csv": "cached", "shanxi-2020-revised.csv": "parsed",
                            "shanxi-2020.csv": "cached"}
    assert figures(third) == [
        (2019, 1300.0, "2020-03-01", "shanxi-2019.csv"),
        (2020, 1480.0, "2021-03-01", "shanxi-2020.csv"),
        (2020, 1520.0, "2021-09-30", "shanxi-2020-revised.csv"),
    ]
    assert list(third.report_files.source_file) == ["shanxi-2019.csv", "shanxi-2020-revised.csv", "shanxi-2020.csv"]
    assert (target.latest_year, target.latest_value, target.status) == (2020, 1520.0, "achieved")
    # replayed before the correction was released, the first vintage still decides
    _, replay = refresh(as_of=dt.date(2021, 6, 30))
    assert (replay.latest_value, replay.status) == (1480.0, "missed")
    # every state of the folder is a snapshot in the archive
    assert len(list_snapshots(out / "archive")) == 3


def test_rows_that_name_nothing_the_catalogue_knows_are_rejected_without_a_pandas_warning(ingest):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a column of misses used to be silently downcast (FutureWarning)
        result = ingest({"synthetic.csv": _template("atlantis,未知指标,2019,5,个,\n")})
    assert result.observations.empty
    assert list(result.rejected_rows.reason) == ["unknown jurisdiction 'atlantis'"]


def test_temporary_hidden_and_sidecar_files_and_hidden_folders_are_not_reports(tmp_path, catalogue):
    """Only the real report is read: not Excel's lock file, a partial download, a hidden file, its sidecar as a
    report, nor anything inside a hidden folder (a sync tool's .trash); a visible subfolder is read."""
    reports = tmp_path / "reports"
    write(reports, "synthetic-template.csv", TEMPLATE["simplified"])
    write(reports, "sub/synthetic-again.csv", TEMPLATE["simplified"].replace("2019", "2018"))
    for name in ("~$book.xlsx", "download.csv.part", ".hidden.csv", ".trash/synthetic-old.csv",
                 "synthetic-template.csv.meta.yaml"):
        write(reports, name, TEMPLATE["simplified"] if name.endswith(".csv") else "release_date: 2020-03-01\n")
    result = ingest_folder(reports, catalogue, as_of=TODAY)
    assert result.report_files["source_file"].tolist() == ["sub/synthetic-again.csv", "synthetic-template.csv"]


# --- values, ranges and the as-of replay (issues 15, 14 item 5, 22 item 5b) ------------------------------------
# SYNTHETIC rows; each case: (indicator, value, unit, release_date, as_of) -> the stored value, or the quarantine
# reason, or None when the row is not visible as of that date. Expectations computed by hand.
VALUE_CASES = [
    ("技术合同成交额", "152.2", "亿元", "", None, 15_220_000_000.0),  # not 15219999999.999998
    ("技术合同成交额", "1.1万", "元", "", None, 11_000.0),  # not 11000.000000000002
    ("技术合同成交额", "134.4736564962", "亿元", "", None, 13_447_365_649.62),
    ("高新技术企业", "999999999", "家", "", None, 999_999_999.0),  # the largest count
    ("高新技术企业", "1000000000", "家", "", None, "value 1000000000.0 above the unit's plausible maximum "
                                                 "999999999.0 (count)"),
    ("高新技术企业", "1e-320", "家", "", None, "value 1e-320 should be a whole number"),
    ("技术合同成交额", "1e308", "亿元", "", None, "value '1e308' 亿元 is not a finite number in base units"),
    ("技术合同成交额", "1e7", "亿元", "", None, 1e15),  # the largest sum
    ("技术合同成交额", "1.0001e7", "亿元", "", None,
     "value 1000100000000000.0 above the unit's plausible maximum 1000000000000000.0 (yuan)"),
    ("城镇新增就业", "2e9", "人", "", None, "value 2000000000.0 above the unit's plausible maximum 1999999999.0 "
                                          "(persons)"),
    ("研究与试验发展（R&D）经费投入强度", "-0.5", "%", "", None, "value -0.5 outside 0..100, the range of a share"),
    ("科技进步贡献率", "-0.5", "%", "", None, -0.5),  # a percentage, not declared a share
    ("高新技术企业", "1523", "家", "2018-03-05", None, "impossible year 2019 (after its release date 2018-03-05)"),
    ("高新技术企业", "1523", "家", "2020-03-05", dt.date(2019, 6, 30), None),  # released later: not visible
    ("高新技术企业", "1523", "家", "", dt.date(2019, 6, 30), None),  # a 2019 figure cannot be out by mid-2019
    ("高新技术企业", "1523", "家", "2020-03-05", dt.date(2020, 3, 5), 1523.0),  # visible on its release day
]


def _value_row(indicator: str, value: str, unit: str, released: str) -> dict[str, str]:
    """A one-row SYNTHETIC template CSV, as `test_values_ranges_and_visibility` ingests it."""
    return {"synthetic.csv": "# data: synthetic\njurisdiction,indicator,year,value,unit,release_date\n"
                             f"shanxi,{indicator},2019,{value},{unit},{released}\n"}


@pytest.mark.parametrize(("indicator", "value", "unit", "released", "as_of", "expected"), VALUE_CASES)
def test_values_ranges_and_visibility(ingest, indicator, value, unit, released, as_of, expected):
    result = ingest(_value_row(indicator, value, unit, released), **({"as_of": as_of} if as_of else {}))
    f = result.report_files.iloc[0]
    assert f.rows_read == f.rows_accepted + f.rows_rejected + f.rows_not_yet_released == 1
    if expected is None:
        assert f.rows_not_yet_released == 1 and f.status == "not yet released"
        assert not len(result.observations) and not len(result.rejected_rows)
    elif isinstance(expected, str):
        assert result.rejected_rows.reason.tolist() == [expected]
    else:
        assert result.observations.value.tolist() == [expected]


def test_template_csvs_are_scanned_together_and_a_bad_one_names_itself(ingest, monkeypatch):
    """Three template CSVs of one header layout are read by one DuckDB scan (template_sql.Scan); a fourth whose record
    spans lines is handed back to the streaming reader, and a fifth, not text in any encoding, fails naming itself.
    Each file keeps its own rows, line numbers and sha256."""
    from targetwatch.reports import template_sql

    scans = []
    real = template_sql.Scan.close

    def close(self):
        scans.append(self.scans)
        real(self)

    monkeypatch.setattr(template_sql.Scan, "close", close)
    head = "# data: synthetic\njurisdiction,indicator,year,value,unit\n"
    files = {f"{i}.csv": head + f"shanxi,高新技术企业,{2015 + i},{100 + i},家\n" for i in range(3)}
    files["3.csv"] = head + 'shanxi,"高新技术\n企业",2019,7,家\nshanxi,高新技术企业,2020,8,家\n'
    files["4.csv"] = head.encode() + b"shanxi,\xff\xfe\xfa,2019,1,\xff\n"
    result = ingest(files)
    assert scans == [1]  # one scan for the three plain files and the one handed back
    assert observed(result) == [("shanxi", "high_tech_enterprises", 2015 + i, 100.0 + i, "count", "line 3")
                                for i in range(3)] + [("shanxi", "high_tech_enterprises", 2019, 7.0, "count", "line 3"),
                                                      ("shanxi", "high_tech_enterprises", 2020, 8.0, "count", "line 5")]
    rf = result.report_files.set_index("source_file")
    assert rf.loc["3.csv", ["status", "rows_read", "rows_accepted", "rows_rejected"]].tolist() == ["loaded", 2, 2, 0]
    assert rf.loc["4.csv", "status"] == "failed" and rf.loc["4.csv", "error"].startswith("4.csv: cannot decode")
    for name in ("0.csv", "1.csv", "2.csv"):
        assert rf.loc[name, "sha256"] == hashlib.sha256(files[name].encode()).hexdigest()
        assert result.observations.set_index("source_file").loc[name, "sha256"] == rf.loc[name, "sha256"]


def test_files_of_one_name_in_two_subfolders_are_both_read_under_their_name(tmp_path, catalogue):
    """Each file is staged under its own name (readers name it in their messages; the cache keys on it); a name met
    again goes to a folder of its own, never over the first copy, and both files' own figures are read."""
    reports = tmp_path / "reports"
    write(reports / "a", "same.csv", _template("山西,高新技术企业,2016,1300,家,2017-03-01\n"))
    write(reports / "b", "same.csv", _template("山西,高新技术企业,2017,1400,家,2018-03-01\n"))
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):  # without a cache, parsed into one, read from it
        result = ingest_folder(reports, catalogue, as_of=TODAY, cache_dir=cache, archive_dir=tmp_path / "archive")
        files = result.report_files.set_index("source_file")
        assert list(files.index) == ["a/same.csv", "b/same.csv"] and set(files["status"]) == {"loaded"}
        assert files["sha256"].nunique() == 2
        obs = result.observations.set_index("source_file")
        assert obs.loc["a/same.csv", "value"] == 1300 and obs.loc["b/same.csv", "value"] == 1400


# The folders this module's `ingest` calls read as of TODAY with no other argument, ingested together once (the
# reports conftest's `ingest`, session 19); the calls with `as_of`, `release_date`, an archive, a warning raised as an
# error around the call, or a patched scan are ingested alone, as before. Also alone: the first synthetic-flag case and
# the broken sidecars' other.csv (the same bytes as the first folder below: one ingest reads them once, as
# `duplicate`s), and the failed workbook (its record has no `warning`, so the batch's column would be float64 where
# each folder's own ingest gives object: test_ingest_batches.py's slow test compares every planned folder)
INGEST_PLAN = [
    {"synthetic.csv": TEMPLATE["simplified"]},
    *(files for files, _ in SYNTHETIC_FLAG_CASES[1:-1]),
    {"t.csv": ROW_DATE_TEXT, "t.csv.meta.yaml": "release_date: 2021-01-02\n"},
    *(_value_row(indicator, value, unit, released) for indicator, value, unit, released, as_of, _ in VALUE_CASES
      if as_of is None),
]
