"""A tiny SYNTHETIC warehouse for the quality report and lineage tests: every figure below is made up.

One target of each kind with figures (outcome, sub_target, coverage, policy_floor) and a qualitative one;
four report files, of which two hold rows that fail checks and one could not be read at all:

    a.csv  jobs 2021 = -5 persons: fails observations_valid:14 (not negative) and observations_plausible:00 (x5 jump)
    b.csv  share 2021 = 150 %: fails observations_valid:13 (a percentage within -100..100);
           share 2022 has confidence low: fails observations_plausible:01; one row quarantined
    c.csv  clean; things 2021 = 510 revises a.csv's 500 (a.csv's vintage is superseded);
           things 2022 = 660 is released after the as-of date
    d.csv  failed to read: no rows

So, per file, of the 20 expectations on rows (17 in observations_valid, 3 in observations_plausible):
a.csv 18 passed / 1 warned / 1 failed, 1 row flagged; b.csv 18 / 1 / 1, 2 rows flagged; c.csv 20 / 0 / 0;
d.csv none (nothing was checked).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd

from targetwatch.assessment import assess
from targetwatch.catalogue import Catalogue, Indicator, Source, Target, catalogue_tables
from targetwatch.documents import LoadedDocument, PolicyDocument
from targetwatch.quality.results import store_check_results
from targetwatch.quality.suites import OBSERVATIONS_PLAUSIBLE, OBSERVATIONS_VALID, run_suite
from targetwatch.warehouse import write_tables
from tests.conftest import SYNTHETIC_JURISDICTIONS

AS_OF = dt.date(2023, 6, 30)
DOC_TEXT = ("SYNTHETIC test plan. 一、目标。到2025年，测试事物达到1000个。其中测试就业达到15万人。"
            "测试覆盖率达到100%。测试份额每年不低于30%。营造良好的测试氛围。")
QUOTES = {
    "syn-outcome": "到2025年，测试事物达到1000个。",
    "syn-sub": "其中测试就业达到15万人。",
    "syn-coverage": "测试覆盖率达到100%。",
    "syn-floor": "测试份额每年不低于30%。",
    "syn-qualitative": "营造良好的测试氛围。",
}
KIND_OF = {"syn-outcome": "outcome", "syn-sub": "sub_target", "syn-coverage": "coverage",
           "syn-floor": "policy_floor", "syn-qualitative": "qualitative"}

# (file, line, jurisdiction, indicator, year, value, unit, as written, unit as written, released, confidence)
OBSERVATIONS = [
    ("a.csv", 2, "xx", "things", 2020, 400, "count", "400", "个", "2021-03-01", "high"),
    ("a.csv", 3, "xx", "things", 2021, 500, "count", "500", "个", "2022-03-01", "high"),
    ("a.csv", 4, "xx", "jobs", 2020, 100000, "persons", "10", "万人", "2021-03-01", "high"),
    ("a.csv", 5, "xx", "jobs", 2021, -5, "persons", "-5", "人", "2022-03-01", "high"),
    ("a.csv", 6, "xx", "jobs", 2022, 120000, "persons", "12", "万人", "2023-03-01", "high"),
    ("b.csv", 2, "xx", "share", 2021, 150, "percent", "150", "%", "2022-03-01", "high"),
    ("b.csv", 3, "xx", "share", 2022, 35, "percent", "35", "%", "2023-03-01", "low"),
    ("b.csv", 4, "xx", "cover", 2021, 60, "percent", "60", "%", "2022-03-01", "high"),
    ("b.csv", 5, "xx", "cover", 2022, 80, "percent", "80", "%", "2023-03-01", "high"),
    ("c.csv", 2, "xx", "things", 2021, 510, "count", "510", "个", "2022-09-01", "high"),
    ("c.csv", 3, "xx", "things", 2022, 640, "count", "640", "个", "2023-03-01", "high"),
    ("c.csv", 4, "xx", "things", 2022, 660, "count", "660", "个", "2023-09-01", "high"),
]
SHA = {f: hashlib.sha256(f"SYNTHETIC {f}".encode()).hexdigest() for f in ("a.csv", "b.csv", "c.csv", "d.csv")}
EVIL = "<script>alert('x')</script>"  # a quarantined row's raw content: must be shown as text, never run


def document() -> LoadedDocument:
    meta = PolicyDocument(id="syn-doc", file="syn-doc.txt", original_file="syn-doc.txt", jurisdiction="xx",
                          issuer_zh="测试省人民政府", issuer_en="Testland Government", date=dt.date(2020, 1, 1),
                          number="测政发〔2020〕1号", title_zh="测试省合成测试方案", title_en="Testland synthetic plan",
                          script="simplified")
    return LoadedDocument(meta=meta, path=Path("syn-doc.txt"), text=DOC_TEXT,
                          sha256=hashlib.sha256(DOC_TEXT.encode()).hexdigest())


def catalogue() -> Catalogue:
    def src(tid: str) -> list[Source]:
        return [Source(document="syn-doc", clause="一、目标", quote=QUOTES[tid])]

    base = {"jurisdiction": "xx", "deadline": 2025, "plan_start": 2020, "comparator": "at_least"}
    return Catalogue(
        version=1,
        jurisdictions=list(SYNTHETIC_JURISDICTIONS),
        indicators=[
            Indicator(code="things", name_zh="事物", name_en="Things", unit="count", measure="stock",
                      definition_en="synthetic stock"),
            Indicator(code="jobs", name_zh="就业", name_en="Jobs", unit="persons", measure="stock",
                      definition_en="synthetic stock"),
            Indicator(code="cover", name_zh="覆盖率", name_en="Coverage", unit="percent", measure="rate",
                      definition_en="synthetic coverage"),
            Indicator(code="share", name_zh="份额", name_en="Share", unit="percent", measure="rate",
                      definition_en="synthetic share"),
        ],
        targets=[
            Target(id="syn-outcome", indicator="things", name_zh="测试事物1000个", name_en="1,000 things",
                   kind="outcome", value=1000, sources=src("syn-outcome"), **base),
            Target(id="syn-sub", indicator="jobs", name_zh="测试就业15万人", name_en="150,000 jobs", kind="sub_target",
                   parent="syn-outcome", value=150000, sources=src("syn-sub"), **base),
            Target(id="syn-coverage", indicator="cover", name_zh="测试覆盖率100%", name_en="Full coverage",
                   kind="coverage", value=100, sources=src("syn-coverage"), **base),
            Target(id="syn-floor", indicator="share", name_zh="测试份额不低于30%", name_en="A share of 30% or more",
                   kind="policy_floor", value=30, per_year=True, sources=src("syn-floor"),
                   **(base | {"deadline": 2024})),
            Target(id="syn-qualitative", jurisdiction="xx", name_zh="营造良好的测试氛围", name_en="A good climate",
                   kind="qualitative", comparator="qualitative", sources=src("syn-qualitative")),
        ],
    )


def observations() -> pd.DataFrame:
    rows = [{
        "observation_id": f"{f}:line {line}", "jurisdiction": j, "indicator": ind, "year": year,
        "value": float(value), "unit": unit, "value_as_written": written, "unit_as_written": unit_written,
        "period_type": "annual", "figure_type": "actual", "release_date": pd.Timestamp(released),
        "release_date_basis": "row", "confidence": confidence, "source_file": f, "sha256": SHA[f], "sheet": None,
        "row_number": line, "column_name": None, "location": f"line {line}", "char_start": None, "char_end": None,
        "raw_content": f"{j},{ind},{year},{written},{unit_written}", "source_title": "SYNTHETIC test data",
        "source_ref": "", "notes": "",
    } for f, line, j, ind, year, value, unit, written, unit_written, released, confidence in OBSERVATIONS]
    df = pd.DataFrame(rows)
    df["year"] = df["year"].astype("Int64")
    return df


def report_files() -> pd.DataFrame:
    return pd.DataFrame({
        "source_file": ["a.csv", "b.csv", "c.csv", "d.csv"], "sha256": [SHA[f] for f in SHA],
        "size_bytes": [100, 100, 100, 10], "format": ["template_csv"] * 3 + [None],
        "encoding": ["utf-8", "gb18030", "utf-8", None], "release_date": [None] * 4,
        "release_date_basis": ["row"] * 3 + [None], "title": [None] * 4, "rows_read": [5, 5, 3, 0],
        "rows_accepted": [5, 4, 3, 0], "rows_rejected": [0, 1, 0, 0],
        "status": ["loaded"] * 3 + ["failed"], "error": [None] * 3 + ["not a report: no header row found"],
        "synthetic": [True] * 4, "missing_values": [0] * 4,
    })


def rejected_rows() -> pd.DataFrame:
    return pd.DataFrame({"source_file": ["b.csv"], "sha256": [SHA["b.csv"]], "sheet": [None], "row_number": [6],
                         "location": ["line 6"], "raw_content": [EVIL], "reason": ["unknown unit: '<b>'"]})


def build(path: Path) -> Path:
    """Write the SYNTHETIC warehouse at `path` with the core functions (ingestion skipped, real GE suites)."""
    cat, obs = catalogue(), observations()
    assessments, years = assess(cat, obs, AS_OF)
    tables = catalogue_tables(cat, {"syn-doc": document()}) | {
        "report_files": report_files(), "observations": obs, "rejected_rows": rejected_rows(),
        "assessments": assessments, "assessment_years": years,
    }
    write_tables(path, tables)
    for name in (OBSERVATIONS_VALID, OBSERVATIONS_PLAUSIBLE):
        store_check_results(path, run_suite(name, obs, cat, AS_OF))
    return path
