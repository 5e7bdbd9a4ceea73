"""The SYNTHETIC benchmark workload: deterministic, labelled synthetic everywhere, a valid catalogue, the
requested scale, and report files that ingest back to exactly the observations the generator returns."""

from __future__ import annotations

import datetime as dt
import hashlib

import duckdb
import pandas as pd
import pytest

from targetwatch import synthetic, vocab
from targetwatch.assessment import assess
from targetwatch.catalogue import load_catalogue
from targetwatch.reports.ingest import ingest_folder
from targetwatch.reports.normalise import OBSERVATION_COLUMNS
from targetwatch.reports.template import read_lines


@pytest.fixture(scope="module")
def tiny() -> synthetic.Workload:
    return synthetic.generate("tiny")


@pytest.fixture(scope="module")
def small() -> synthetic.Workload:
    return synthetic.generate("small")


def _digest(w: synthetic.Workload) -> dict[str, str]:
    return {name: hashlib.sha256(blob).hexdigest() for name, blob in w.files.items()}


def test_same_seed_same_workload(tiny):
    again = synthetic.generate("tiny")
    assert _digest(again) == _digest(tiny)
    pd.testing.assert_frame_equal(again.observations, tiny.observations)
    assert again.catalogue == tiny.catalogue


def test_another_seed_another_workload(tiny):
    other = synthetic.generate("tiny", seed=synthetic.DEFAULT_SEED + 1)
    assert _digest(other) != _digest(tiny)
    assert not other.observations["value"].equals(tiny.observations["value"])


def test_every_artefact_says_synthetic(tiny, tmp_path):
    assert all("SYNTHETIC" in name for name in tiny.files)
    for blob in tiny.files.values():
        text = blob.decode("utf-8")
        assert text.startswith("# data: synthetic\n")
        assert read_lines(text)[2]  # the template reader sees the file declare itself synthetic
    assert set(tiny.observations["source_title"]) == {synthetic.SYNTHETIC_TITLE}
    cat = tiny.catalogue
    assert all(j.name_zh.startswith("合成") and "SYNTHETIC" in j.name_en for j in cat.jurisdictions)
    assert all("SYNTHETIC" in i.name_en and "SYNTHETIC" in i.definition_en for i in cat.indicators)
    assert all(t.notes == synthetic.SYNTHETIC_TITLE and "SYNTHETIC" in t.name_en for t in cat.targets)
    assert {s.quote for t in cat.targets for s in t.sources} == {synthetic.SOURCE_QUOTE}
    with pytest.raises(ValueError, match="SYNTHETIC"):
        tiny.write_observations(tmp_path / "observations.parquet")
    with pytest.raises(ValueError, match="SYNTHETIC"):
        tiny.write_catalogue(tmp_path / "catalogue.json")
    path = tiny.write_observations(tmp_path / "SYNTHETIC-observations.parquet")
    meta = dict(duckdb.sql(f"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')").fetchall())
    assert meta["data"] == "synthetic"


def test_catalogue_loads_and_cross_checks(tiny, tmp_path):
    # JSON is YAML: the project's own loader validates the schema and every cross-reference.
    path = tiny.write_catalogue(tmp_path / "SYNTHETIC-catalogue.json")
    assert load_catalogue(path) == tiny.catalogue


def test_tiny_counts(tiny):
    s = tiny.scale
    d = synthetic.describe(tiny)
    assert (d["provinces"], d["prefectures"], d["counties"]) == (s.provinces, s.prefectures, s.counties) == (2, 4, 8)
    assert d["jurisdictions"] == s.jurisdictions == 15
    assert d["indicators"] == 40
    assert d["years"] == len(s.years) == 12
    assert d["targets"] == s.jurisdictions * len(synthetic.SLOTS)
    # every comparator but rank_at_most, which needs an indicator in unit `rank` the generator does not make
    # (issue 18 added both rank_at_most and growth_above_reference; the second has a slot)
    assert set(d["comparators"]) == set(vocab.COMPARATORS) - {"rank_at_most"}
    assert d["report_files"] == (1 + s.provinces) * len(s.years) * 2  # national + each province, first + revision
    obs = tiny.observations
    assert list(obs.columns) == list(OBSERVATION_COLUMNS)
    assert obs["observation_id"].is_unique
    assert obs["year"].between(s.first_year, s.last_year).all()
    assert set(obs["unit"]) == {"count", "persons", "yuan", "percent"}
    per_cell = obs.groupby(["jurisdiction", "indicator", "year"]).size()
    assert per_cell.max() == 2  # a first release and at most one revision
    assert 0.08 < (per_cell == 2).mean() < 0.16
    assert len(obs) > 0.9 * s.jurisdictions * s.indicators * len(s.years)


def test_national_scale_has_chinas_administrative_counts():
    # Every province, prefecture and county, with few indicators and years so the test stays quick.
    full = synthetic.SCALES["full"]
    w = synthetic.generate(synthetic.Scale("full-shape", full.provinces, full.prefectures, full.counties,
                                           indicators=3, first_year=2023, last_year=2024))
    d = synthetic.describe(w)
    assert (d["provinces"], d["prefectures"], d["counties"]) == (31, 333, 2844)
    assert d["jurisdictions"] == 3209
    codes = {j.code: j for j in w.catalogue.jurisdictions}
    for j in w.catalogue.jurisdictions:
        a = j.admin_code
        if j.code == synthetic.NATIONAL_CODE:
            assert a == "100000" and j.parent is None
        elif a.endswith("0000"):
            assert j.parent == synthetic.NATIONAL_CODE
        elif a.endswith("00"):
            assert codes[j.parent].admin_code == a[:2] + "0000"
        else:
            assert codes[j.parent].admin_code == a[:4] + "00"
    assert full.jurisdictions * len(synthetic.SLOTS) > 100_000  # the full workload has over 100k targets


def test_vintages_and_release_dates(tiny):
    obs = tiny.observations
    last = tiny.scale.last_year
    revised = obs[obs["source_file"].str.endswith("_revision.csv")]
    assert len(revised) and (revised["release_date"] > tiny.as_of).any()  # the last year's revision comes later
    assert (revised.loc[revised["year"] < last, "release_date"] <= tiny.as_of).all()
    assert obs["release_date"].isna().any()  # some files state no release date
    assert set(obs["release_date_basis"]) == {"row", "not stated"}


def test_report_files_ingest_to_the_same_observations(tiny, tmp_path):
    tiny.write_reports(tmp_path)
    result = ingest_folder(tmp_path, tiny.catalogue, as_of=tiny.as_of)
    # Revisions released after the as-of date are not visible as of that date (issue 14 item 5): their files are
    # `not yet released`, and only the figures released by then are observations.
    files = result.report_files
    assert set(files["status"]) == {"loaded", "not yet released"}
    assert files.loc[files["status"] == "not yet released", "source_file"].str.endswith("_revision.csv").all()
    assert len(result.rejected_rows) == 0
    visible = tiny.observations["release_date"].map(lambda d: not isinstance(d, dt.date) or d <= tiny.as_of)
    assert (~visible).any()  # the workload does hold later releases
    assert files["rows_not_yet_released"].sum() == (~visible).sum()
    got = result.observations.sort_values("observation_id").reset_index(drop=True)
    want = tiny.observations[visible].sort_values("observation_id").reset_index(drop=True)
    want["release_date"] = want["release_date"].map(lambda d: d if isinstance(d, dt.date) else None)  # no date: None
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_every_status_occurs(small):
    assessments, years = assess(small.catalogue, small.observations, small.as_of)
    assert set(assessments["status"]) == set(vocab.STATUS_CODES)
    assert assessments["has_proxy_data"].any() and assessments["has_revisions"].any()
    assert len(years) > 0


# --- the realistic workload (issue 16 item 6): sparse counties, XLSX returns, yearbook tables ----------------

REALISTIC = synthetic.Scale("realistic-tiny", 2, 4, 8, first_year=2021, last_year=2024, county_presence=0.30,
                            xlsx_every=2, yearbooks=True)


@pytest.fixture(scope="module")
def realistic() -> synthetic.Workload:
    return synthetic.generate(REALISTIC)


def test_realistic_scales_are_the_benchmarks():
    for name in ("full", "small"):
        s = synthetic.SCALES[name]
        assert s.county_presence == 0.30 and s.xlsx_every and s.yearbooks
    assert synthetic.SCALES["tiny"].county_presence is None  # tiny stays as the tests above pin it


def test_counties_report_about_30_percent_of_the_series(small):
    obs = small.observations
    admin = obs["jurisdiction"].str.removeprefix("syn-")
    county = admin.str[4:] != "00"
    counties, indicators = small.scale.counties, small.scale.indicators
    share = obs.loc[county, ["jurisdiction", "indicator"]].drop_duplicates().shape[0] / (counties * indicators)
    assert 0.25 < share < 0.33  # 30% drawn, less the 3% of series never reported
    others = obs.loc[~county, ["jurisdiction", "indicator"]].drop_duplicates().shape[0]
    assert others / ((small.scale.jurisdictions - counties) * indicators) > 0.9


def test_realistic_files_are_csv_xlsx_and_yearbooks_each_labelled_synthetic(realistic):
    kinds = synthetic.describe(realistic)["report_kinds"]
    assert kinds == {"first-release.csv": 8, "first-release.xlsx": 4, "revision.csv": 12, "yearbook.csv": 8}
    for name in realistic.report_files:
        blob = realistic.files[name]
        if name.endswith(".xlsx"):
            assert blob[:2] == b"PK"
            assert b"synthetic: true" in realistic.files[name + ".meta.yaml"]
        else:
            assert blob.decode("utf-8").startswith("# data: synthetic\n")
    yearbook = next(f for f in realistic.report_files if f.endswith("yearbook.csv"))
    lines = realistic.files[yearbook].decode("utf-8").splitlines()
    assert "SYNTHETIC" in lines[2] and lines[4] == f"指标,单位,{yearbook.split('_')[-2]}年"


def test_realistic_report_files_ingest_to_the_same_observations(realistic, tmp_path):
    realistic.write_reports(tmp_path)
    result = ingest_folder(tmp_path, realistic.catalogue, as_of=realistic.as_of)
    files = result.report_files
    assert set(files["format"]) == {"template_csv", "template_xlsx", "yearbook_csv"}
    assert files["synthetic"].all()  # XLSX through its sidecar, yearbooks through the comment line and the title
    assert len(result.rejected_rows) == 0
    obs = realistic.observations
    visible = obs["release_date"].map(lambda d: not isinstance(d, dt.date) or d <= realistic.as_of)
    got = result.observations.sort_values("observation_id").reset_index(drop=True)
    want = obs[visible].sort_values("observation_id").reset_index(drop=True)
    want["release_date"] = want["release_date"].map(lambda d: d if isinstance(d, dt.date) else None)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    kinds = got["location"].str.extract(r"^(合成报表!row |line |C)\d", expand=False)
    assert set(kinds) == {"合成报表!row ", "line ", "C"}


def test_repeated_strings_are_stored_once_in_the_parquet_file(realistic, tmp_path):
    path = realistic.write_observations(tmp_path / "SYNTHETIC-observations.parquet")
    encodings = dict(duckdb.sql(f"SELECT path_in_schema, encodings FROM parquet_metadata('{path}') "
                                "WHERE row_group_id = 0").fetchall())
    for column in ("jurisdiction", "indicator", "unit", "source_file", "sha256", "source_title", "confidence"):
        assert "DICTIONARY" in encodings[column], column
