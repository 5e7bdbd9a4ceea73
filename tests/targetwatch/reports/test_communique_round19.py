"""Communiqué rules of issue 17's nineteenth round: 认定 (with 全年, 当年, 新 …) right before an indicator's name counts
those recognised in a period, a flow, never the stock (recognitions.py). Real texts of the development half (unseen-28,
dev since round 19; unseen-10) and SYNTHETIC sentences around them."""

from __future__ import annotations

import pytest

from targetwatch.reports.recognitions import recognised_flow
from tests.targetwatch.reports.test_communique import levels, read_real_text, read_sentence

_FLOW = "counts those recognised"


@pytest.mark.parametrize(
    ("doc", "phrase"),
    [
        # 创新主体不断壮大,全年認定高新技術企業23家,全區高新技術企業累計達85家 (a development zone of Lanzhou, 2020):
        # round 18 read the 23 as Lanzhou's 2020 high-tech enterprises
        ("u28_lz_2020_jingkaiqu_trad", "'全年認定高新技術企業23家' counts those recognised (全年认定)"),
        # …;认定国家高新技术企业24家,累计达到45家 (Liangzhou district, Wuwei): the year's 24, then the stock
        ("u10_gs_2023_liangzhou", "'认定国家高新技术企业24家' counts those recognised (认定)"),
    ],
)
def test_the_years_recognitions_are_not_the_stock(aliases, doc, phrase):
    result = read_real_text(doc, aliases)
    assert result.rows.empty or not result.rows["indicator_raw"].str.contains("高新").any(), result.rows
    reasons = list(result.rejected["reason"])
    assert any(r.startswith("sentence ") and phrase in r for r in reasons), reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "全年认定高新技术企业300家。",
        "全年認定高新技術企業300家。",  # traditional
        "当年新认定高新技术企业300家,科技型中小企业1200家。",  # the list after it continues the flow
        "年内认定了高新技术企业300家。",
    ],
)
def test_synthetic_recognitions_of_a_catalogue_place_are_quarantined(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)  # SYNTHETIC, 2019年山西省统计公报
    assert found == [], found
    assert any(_FLOW in r or "list of new ones" in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # cumulative or total before the verb: the stock (as 全市累计认定高新技术企业23家 says of a city in
        # u27_sx_2013_linfen_communique, dev)
        ("全省累计认定高新技术企业3000家。", [("shanxi", "high_tech_enterprises", 2019, 3000.0, "annual")]),
        ("全省共认定高新技术企业3000家。", [("shanxi", "high_tech_enterprises", 2019, 3000.0, "annual")]),
        # the stock after the year's recognitions is still read
        (
            "全年认定高新技术企业300家,全省高新技术企业达到3000家。",
            [("shanxi", "high_tech_enterprises", 2019, 3000.0, "annual")],
        ),
    ],
)
def test_a_cumulative_or_total_count_is_still_read(tmp_path, aliases, catalogue, sentence, expected):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)  # SYNTHETIC
    assert levels(found) == expected, reasons


@pytest.mark.parametrize(
    ("folded", "name", "word"),
    [
        ("创新主体不断壮大,全年认定高新技术企业23家,全区高新技术企业累计达85家", "高新技术企业", "全年认定"),
        ("新认定省科技型中小企业新认定2405家,年度目标完成率120%", "省科技型中小企业", "新认定"),  # u21 hangzhou (dev)
        ("年内认定了高新技术企业300家", "高新技术企业", "年内认定了"),
        # bare: a flow only when the next clause gives the cumulative stock (u10_gs_2023_liangzhou, dev)
        ("认定国家高新技术企业24家,累计达到45家", "国家高新技术企业", "认定"),
        ("2016年科技部认定国家级星创天地33家,位居全国第五", "国家级星创天地", None),  # gs_2017_makerspaces (test)
        ("全市累计认定高新技术企业23家", "高新技术企业", None),
        ("已认定高新技术企业300家", "高新技术企业", None),
        ("经认定的高新技术企业300家", "高新技术企业", None),
        ("全省高新技术企业300家", "高新技术企业", None),
    ],
)
def test_recognised_flow_reads_the_verb_right_before_the_name(folded, name, word):
    end = folded.index("家", folded.index(name) + len(name)) + 1  # the count after the name
    found = recognised_flow(folded, folded.index(name), end)
    assert (found.group() if found else None) == word


# --- a part of the place's whole, its share stated right after it (scope._PART_OF_OWN, widened in round 19) ---

_PART = "a part of the place's whole"


@pytest.fixture
def any_place_aliases(catalogue):
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv), as the any-place run reads."""
    from pathlib import Path

    from targetwatch.reports.any_place import load_places, widened
    from targetwatch.reports.model import Aliases

    return Aliases.from_catalogue(widened(catalogue, load_places(Path(__file__).parents[2] / "fixtures" / "real")))


@pytest.mark.parametrize(
    ("doc", "part", "level"),
    [
        # …等领域技术合同交易,全年技术合同成交额达到776.4亿元,占全省技术合同成交额的77.32% (the 5+1 industries' part)
        ("sc_2019_techcontracts", "776.4", "1004.18"),
        # 企业登记的技术合同6968项 , 占比87.7% , 技术合同成交金额为200.95亿元 , 占比95.5% (enterprises' part)
        ("u6_ln_2019_dalian", "200.95", "210.39"),
    ],
)
def test_a_part_whose_share_follows_is_not_the_places_level(any_place_aliases, doc, part, level):
    result = read_real_text(doc, any_place_aliases)
    values = list(result.rows["value_raw"])
    assert part not in values and level in values, values
    assert any(_PART in r for r in result.rejected["reason"]), list(result.rejected["reason"])


@pytest.mark.parametrize(
    "sentence",
    [
        "全年技术合同成交额达到776.4亿元,占全省技术合同成交额的77.32%。",
        "技术合同成交金额为200.95亿元 , 占比95.5%。",
        "技术合同成交额200.95亿元,占比达95.5%。",
    ],
)
def test_synthetic_parts_of_a_catalogue_provinces_whole(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)  # SYNTHETIC, 2019年山西省统计公报
    assert found == [] and any(_PART in r for r in reasons), (found, reasons)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the province's own level, a share of the nation's: still read
        (
            "全省技术合同成交额达到265亿元,占全国的5%。",
            ("shanxi", "tech_contract_turnover", 2019, 26500000000.0, "annual"),
        ),
        # a city's level, its share of the province in the next clause (as u6_ah_2017_hefei_trad writes it): still read
        (
            "兰州市技术合同成交额144.43亿元,较上年增长19.9%;技术合同成交总额占全省57%。",
            ("lanzhou", "tech_contract_turnover", 2019, 14443000000.0, "annual"),
        ),
    ],
)
def test_a_level_with_a_share_elsewhere_is_still_read(tmp_path, aliases, catalogue, sentence, expected):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)  # SYNTHETIC
    assert levels(found) == [expected], reasons


# --- 全国 opening a national system's name is not the sentence's place (places._SYSTEM_NAME_AFTER) ---


def test_a_national_systems_name_does_not_make_a_provinces_figure_national(any_place_aliases):
    # 全年全省通過“全國技術合同網上登記系統”認定登記的技術合同7093項,合同成交金額169.83億元 (Anhui, 2014)
    result = read_real_text("u6_ah_2014_techmarket_trad", any_place_aliases)
    rows = result.rows[result.rows["value_raw"] == "169.83"]
    assert list(rows["jurisdiction_raw"]) == ["安徽省"] and list(rows["year_raw"]) == ["2014"], result.rows


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "全年全省通过“全国技术合同网上登记系统”认定登记技术合同5000项,合同成交金额180亿元。",
            [("gansu", "tech_contract_turnover", 2019, 18000000000.0, "annual")],
        ),
        (
            "根据全国技术合同交易网的数据,全省技术合同成交额180亿元。",
            [("gansu", "tech_contract_turnover", 2019, 18000000000.0, "annual")],
        ),
        # the nation itself is still the nation: 全国技术合同成交额 names no system
        ("全国技术合同成交额28252亿元。", [("national", "tech_contract_turnover", 2019, 2825200000000.0, "annual")]),
    ],
)
def test_synthetic_system_names(tmp_path, aliases, catalogue, sentence, expected):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, "2019年甘肃省技术市场统计（SYNTHETIC）")
    assert levels(found) == expected, reasons
