"""Communiqué rules of issue 17's second round, each on a SYNTHETIC sentence shaped like a dev-half text.

Every rule here was written against a `dev` text of tests/fixtures/real (named in the comment); the sentences
below are made up for the test (they say SYNTHETIC in their titles), so they quote no test or unseen-2 text.
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence

UNREAD = "(figures next to no indicator name in targets.yaml)"


@pytest.mark.parametrize(
    ("title", "sentence", "reason"),
    [
        # xx_2015_htefirms_noplace_trad: a city's 全市 in a text whose head names 全国
        (
            "全国高新技术企业认定结果公布（SYNTHETIC）",
            "全市高新技术企业数量达到746家。",
            "sentence 2: '全市' means a prefecture's own figures, but the document names '全国' (national) and no "
            "prefecture: the place cannot be read (add `jurisdiction:` to a sidecar)",
        ),
        # xx_2015_htefirms_noplace_trad: …的93家高新技术企业中91家
        (
            "2019年山西省统计公报（SYNTHETIC）",
            "申请复审的高新技术企业中91家通过核查。",
            "sentence 2: '高新技术企业中91家' counts some of the high_tech_enterprises (…中: among them), "
            "not their total",
        ),
        # nat_2023_rd_provinces: 经费投入超过千亿元的省(市)有12个
        (
            "2019年山西省统计公报（SYNTHETIC）",
            "研究与试验发展经费超过20亿元的市有4个。",
            "sentence 2: '研究与试验发展经费超过20亿元的市有4个' is a threshold in a count of places, not a level of "
            "rd_expenditure",
        ),
        # lz_2021_gscn: 孵化器…成立7年来累计…培育高新技术企业2家
        (
            "2019年山西省统计公报（SYNTHETIC）",
            "该孵化器成立5年来累计培育高新技术企业3家。",
            "sentence 2: '高新技术企业3家' counts one organisation's own (since 成立5年来), not a level of "
            "high_tech_enterprises",
        ),
    ],
)
def test_figures_that_are_not_the_places_level(tmp_path, aliases, catalogue, title, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == []
    assert reasons[0] == reason


def test_new_ones_carry_over_a_list(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "全省新增高新技术企业20家,科技型中小企业11家。")
    assert found == []
    assert reasons == [
        "sentence 2: '新增高新技术企业20家' counts new ones (新增), not the stock of high_tech_enterprises",
        "sentence 2: '科技型中小企业11家' continues a list of new ones (新增), not the stock of tech_smes",
    ]


def test_every_other_figure_of_a_sentence_is_quarantined_in_one_row(tmp_path, aliases, catalogue):
    # fj_2018_techmarket: 两类技术合同占全省成交总金额的83.49% — no catalogue name, still never lost
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "全年签订合同6008项,占全省的83.49%。")
    assert found == []
    assert reasons == [f"not recognised: '全年签订合同6008项'; '占全省的83.49%' {UNREAD}"]


def test_a_turnover_named_after_the_contracts_it_totals(tmp_path, aliases, catalogue):
    # gs_2017_techmarket: 2016年甘肃省共成交技术合同5252项,成交总额为150.81亿元
    found, reasons = read_sentence(
        tmp_path, aliases, catalogue, "2019年全省共成交技术合同5000项,成交总额为120.5亿元。"
    )
    assert found == [("shanxi", "tech_contract_turnover", 2019, 12_050_000_000.0, "yuan", "annual")]
    assert reasons == [f"not recognised: '2019年全省共成交技术合同5000项' {UNREAD}"]  # the count of contracts


def test_a_partial_title_leaves_a_sentence_with_its_own_year_annual(tmp_path, aliases, catalogue):
    # nat_2025_techmarket_q3: 前三季度… in the title; 2024年技术合同成交额更达6.8万亿元 is 2024's
    found, _ = read_sentence(
        tmp_path,
        aliases,
        catalogue,
        "2018年全省技术合同成交额达到265亿元。",
        title="2019年前三季度山西省技术市场快报（SYNTHETIC）",
    )
    assert found == [("shanxi", "tech_contract_turnover", 2018, 26_500_000_000.0, "yuan", "annual")]
