"""Round 23 of issue 17 (unseen-32 moved to development): rules written against development texts, tested on their
real sentences (values read by hand) and on SYNTHETIC variants of them (traditional script, full-width digits)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from targetwatch.reports.any_place import load_places, widened
from targetwatch.reports.ingest import ingest_folder
from targetwatch.reports.normalise import FIRMS_NOTE

REAL = Path(__file__).parents[2] / "fixtures" / "real"
AS_OF = dt.date(2026, 12, 4)


@pytest.fixture
def wide(catalogue):
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv), as the any-place run reads."""
    return widened(catalogue, load_places(REAL))


def ingest_real(tmp_path: Path, name: str, catalogue):
    """One real text of tests/fixtures/real/reports (and its sidecar) through the whole ingestion."""
    for src in (REAL / "reports").glob(f"{name}.txt*"):
        shutil.copy(src, tmp_path)
    return ingest_folder(tmp_path, catalogue, as_of=AS_OF)


def ingest_text(tmp_path: Path, text: str, catalogue):
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    return ingest_folder(tmp_path, catalogue, as_of=AS_OF)


# --- 户 counts firms as well as households (normalise.py, the `firms` step) ------------------------------------------


def test_yunchengs_technology_based_smes_counted_in_hu(tmp_path, wide):
    # 2023年,…全年高新技术企业291家,同比增长14.6%;科技型中小企业数量398户,同比增长15.0% (运城市's 2023 review)
    found = ingest_real(tmp_path, "u32_sx_2023_yuncheng_review_fawadmin", wide).observations
    mine = found[found["indicator"] == "tech_smes"]
    assert list(zip(mine["jurisdiction"], mine["year"].astype(int), mine["value"], mine["unit"], strict=True)) == [
        ("yuncheng", 2023, 398.0, "count")
    ]
    assert FIRMS_NOTE in mine["notes"].iloc[0]
    hte = found[found["indicator"] == "high_tech_enterprises"]  # written in 家: no note
    assert list(hte["value"]) == [291.0] and FIRMS_NOTE not in str(hte["notes"].iloc[0])


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("2023年,全市科技型中小企业数量398户,同比增长15.0%。", 398.0),  # the real clause, simplified
        ("2023年,全市科技型中小企業數量398戶,同比增長15.0%。", 398.0),  # traditional (SYNTHETIC form of it)
        ("２０２３年，全市科技型中小企业数量３９８户，同比增长１５．０％。", 398.0),  # full-width (SYNTHETIC)
        ("2023年,全市科技型中小企业数量3.98万户。", 39800.0),  # 万户 (SYNTHETIC)
    ],
)
def test_an_enterprise_count_in_hu_is_a_count(tmp_path, wide, sentence, value):
    found = ingest_text(tmp_path, f"运城市2023年科技工作情况（SYNTHETIC）\n{sentence}\n", wide)
    mine = found.observations[found.observations["indicator"] == "tech_smes"]
    assert list(zip(mine["jurisdiction"], mine["year"].astype(int), mine["value"], strict=True)) == [
        ("yuncheng", 2023, value)
    ], found.rejected_rows["reason"].tolist()


def test_households_stay_households_and_other_counts_refuse_hu(tmp_path, wide):
    # SYNTHETIC: an indicator measured in 户 keeps it; a count whose name is not of enterprises still refuses 户
    text = "运城市2023年统计公报（SYNTHETIC）\n全年新登记市场主体2.4万户。\n全市众创空间31户。\n"
    found = ingest_text(tmp_path, text, wide)
    obs = found.observations
    assert list(zip(obs["indicator"], obs["value"], obs["unit"], strict=True)) == [
        ("new_market_entities", 24000.0, "households")
    ]
    assert any("'户' does not fit" in r and "maker_spaces" in r for r in found.rejected_rows["reason"].astype(str))
