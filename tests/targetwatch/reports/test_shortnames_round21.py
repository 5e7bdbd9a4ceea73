"""The contracts' turnover named by its short name across a ；, after the piece that counted the contracts (issue 17,
round 21, shortnames._CONTRACTS_COUNTED / _TURNOVER_OPENING). Real texts of the development half and SYNTHETIC
sentences around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.targetwatch.reports.test_communique import read_real_text, read_sentence


@pytest.fixture
def any_place_aliases(catalogue):
    """The catalogue widened by the evaluation's places (tests/fixtures/real/places.csv), as the any-place run reads."""
    from targetwatch.reports.any_place import load_places, widened
    from targetwatch.reports.model import Aliases

    return Aliases.from_catalogue(widened(catalogue, load_places(Path(__file__).parents[2] / "fixtures" / "real")))


@pytest.mark.parametrize(
    ("doc", "value"),
    [
        # 认定登记技术合同总量首次突破十万项,达106552项,同比增长12.1%;成交额达8536.9亿元 (Beijing, 2023)
        ("u6_bj_2023_techmarket", "8536.9"),
        # 全年经认定登记的各类技术交易合同21630件,比上年增长0.3%;合同金额1303.20亿元 (Shanghai, 2018)
        ("u30_sh_2018_communique_st_xiaze", "1303.20"),
    ],
)
def test_the_turnover_after_the_contracts_counted(any_place_aliases, doc, value):
    rows = read_real_text(doc, any_place_aliases).rows
    mine = rows[rows["value_raw"] == value]
    assert list(mine["indicator_raw"]) == ["技术合同成交额"], rows[["indicator_raw", "value_raw"]]
    assert "counted before the ；" in str(mine["notes"].iloc[0])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "全年认定登记技术合同1000项,同比增长5.0%;成交额达50.5亿元。",
            [("shanxi", "tech_contract_turnover", 2019, 50.5e8)],
        ),
        ("全年登记技术交易合同1000件;合同金额50.5亿元。", [("shanxi", "tech_contract_turnover", 2019, 50.5e8)]),
        # the count's change in words before the ；: the turnover is still the contracts'
        (
            "全年认定登记技术合同1000项,比上年多120项;成交额达50.5亿元。",
            [("shanxi", "tech_contract_turnover", 2019, 50.5e8)],
        ),
        # not the contracts counted before: the achievements are read, the 成交额 is not the contracts' turnover
        ("全年登记科技成果588项;成交额达50.5亿元。", [("shanxi", "registered_st_achievements", 2019, 588.0)]),
    ],
)
def test_synthetic_turnover_after_a_semicolon(tmp_path, aliases, catalogue, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence)  # SYNTHETIC, 2019年山西省统计公报
    assert [(f[0], f[1], f[2], round(f[3], 2)) for f in found] == expected, found
