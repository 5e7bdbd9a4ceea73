"""Communiqué rules of issue 17's third round, each on a SYNTHETIC sentence (the titles say so).

Thresholds and bounds are never levels: 突破/破 and the other verbs of passing a mark; "more than" a round number
(超千亿元, nat_2023_rd_provinces; 逾千亿元, sc_2019_techcontracts: dev) or "for the first time more than" any number.
A precise number after 超过 was read as a level written as approximate; since round 33 it is a bound too (every
development annotation calls it one: u41_sz_2023_gwr_dingqianjf_trad, u29_fj_2021_techcontracts_fznews). A growth
rate named before its value (增长率到达…, sc_2019_techcontracts) is a change. A multiple, percentage points or an
amount with no unit that nothing reads is quarantined, never lost.
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence

TITLE = "2019年山西省统计公报（SYNTHETIC）"


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "全年研究与试验发展经费破300亿元。",
            "sentence 2: '破300亿元' is a threshold passed (破), not the level of rd_expenditure",
        ),
        (
            "全省高新技术企业首次突破2000家。",
            "sentence 2: '首次突破2000家' is a threshold passed (突破), not the level of high_tech_enterprises",
        ),
        (
            "全省技术合同成交额逾千亿元。",
            "sentence 2: '逾千亿元' is a threshold passed (逾), not the level of tech_contract_turnover",
        ),
        (
            "全省技术合同成交额超3000亿。",
            "sentence 2: '超3000亿' is a threshold passed (超), not the level of tech_contract_turnover",
        ),
        (
            "全省高新技术企业首次超过1523家。",
            "sentence 2: '首次超过1523家' is a threshold passed (首次超过), not the level of high_tech_enterprises",
        ),
        (
            "全省技术合同成交额增长率到达12.5%。",
            "sentence 2: '增长率到达12.5%' is a change, not a level of tech_contract_turnover",
        ),
        (
            "全省科研仪器设备原值是上年的2.5倍，占比提高3个百分点，总值超500亿。",
            "not recognised: '全省科研仪器设备原值是上年的2.5倍'; '占比提高3个百分点'; '总值超500亿' "
            "(figures next to no indicator name in targets.yaml)",
        ),
    ],
)
def test_thresholds_changes_and_unread_figures_are_never_levels(tmp_path, aliases, catalogue, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, TITLE)
    assert found == []
    assert reason in reasons


def test_a_precise_number_after_more_than_is_a_bound(tmp_path, aliases, catalogue):
    # round 33 changed this expectation: round 3 read it as Shanxi's 2019 level (26530000000.0, written as
    # approximate); the development annotations call every such figure a bound (docs/report-formats.md §3b)
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "全省技术合同成交额超过265.3亿元。", TITLE)
    assert found == []
    assert reasons == [
        "sentence 2: '超过265.3亿元' is a threshold passed (超过), not the level of tech_contract_turnover"
    ]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (  # yreb_2019_rd_trad (dev): a region of several provinces is a place the catalogue does not know
            "2016年，长江经济带R&D经费达到7000亿元。",
            "sentence 2: the figure is about 长江经济带, a place not in targets.yaml",
        ),
        (  # 每…万… before the name: a ratio per head, whatever the population is called
            "全省每1万名研发人员拥有有效发明专利300件。",
            "sentence 2: '每1万名研发人员拥有有效发明专利300件' is a ratio (每1万名研发人员拥有), not a level of "
            "valid_invention_patents",
        ),
    ],
)
def test_regions_and_ratios_per_head_are_not_the_documents_levels(tmp_path, aliases, catalogue, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, TITLE)
    assert found == []
    assert reason in reasons
