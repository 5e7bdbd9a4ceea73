"""Communiqué rules of issue 17's fifth round, on real sentences of the development half (unseen-8 and unseen-9, moved
to development after their first scores), each also in traditional script, with full-width forms or with spaces. The
titles are SYNTHETIC (they give the year and place the real page gives in its head); the sentences are quoted from the
texts named.

* A footnote marker (`[2]`) is not a figure: it is deleted like a gloss (u8_nat_2018_rd_bulletin).
* An industry or field before a name is a subset (`高技术制造业…经费`, u9_nat_2020_rd_bulletin_hbgrl;
  `…领域技术合同成交额`, u8_nat_2013_techmarket); an average per item (`平均每项`) is a ratio (u8_nat_2013_techmarket).
* A count after a list's words (`名单`, `入围`) is the list's size (u8_lz_2020_techsmes_trad).
* `明年` counts forward: next year's figure is a forecast (u8_nat_2007_jobs).
* After a bound, the level in the next clause may open with its own year (u8_nat_2007_jobs).
* Per mille, hours and ratios of parts are listed among the unread figures (u8_sx_2022_communique,
  u8_gs_2021_communique_trad, u8_sx_2023_employment, u9_nat_2018oct_jobs_trad).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence

NATION_2018_RD = "2018年全国科技经费投入统计公报（SYNTHETIC title）"
NATION_2020_RD = "2020年全国科技经费投入统计公报（SYNTHETIC title）"
NATION_2013_TECH = "2013年全国技术市场统计（SYNTHETIC title）"
NATION_2007_JOBS = "2007年全国劳动和社会保障工作会议（SYNTHETIC title）"
GANSU_2020_SMES = "2020年甘肃省科技型中小企业（SYNTHETIC title）"
SHANXI_2022 = "2022年山西省统计公报（SYNTHETIC title）"


@pytest.mark.parametrize(
    "sentence",
    [
        "研究与试验发展(R&D)经费投入强度(与国内生产总值[2]之比)为2.19%,比上年提高0.04个百分点[3]。",
        "研究與試驗發展（R&D）經費投入強度（與國內生產總值［２］之比）為２．１９％，比上年提高０．０４個百分點［３］。",
        "研究与试验发展 (R&D) 经费投入强度 (与国内生产总值 [2] 之比) 为 2.19 %。",
    ],
)
def test_a_footnote_marker_is_not_a_figure(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2018_RD)
    assert found == [("national", "rd_intensity", 2018, 2.19, "percent", "annual")]
    assert reasons == []


@pytest.mark.parametrize(
    ("title", "sentence", "reason"),
    [
        (
            NATION_2020_RD,
            "分产业部门看,高技术制造业研究与试验发展(R&D)经费4649.1亿元。",
            "sentence 2: '制造业研究与试验发展(R&D)经费' is a subset (制造业) of rd_expenditure, not its total",
        ),
        (
            NATION_2020_RD,
            "分產業部門看,裝備製造業研究與試驗發展(R&D)經費9130.3億元。",
            "sentence 2: '製造業研究與試驗發展(R&D)經費' is a subset (制造业) of rd_expenditure, not its total",
        ),
        (
            NATION_2013_TECH,
            "产业结构调整带动电子信息、生物医药、新能源、新材料和节能环保等战略性新兴产业领域技术合同成交额达4081.0亿元。",
            "sentence 2: '领域技术合同成交额' is a subset (领域) of tech_contract_turnover, not its total",
        ),
        (
            NATION_2013_TECH,
            "平均每项技术合同成交金额253.2万元,比上年增长11.1%。",
            "sentence 2: '平均每项技术合同成交金额253.2万元' is a ratio (平均每项), not a level of "
            "tech_contract_turnover",
        ),
        (
            NATION_2013_TECH,
            "平均每項技術 合同成交金額 253.2 萬元，比上年增長 11.1%。",
            "sentence 2: '平均每項技術 合同成交金額 253.2 萬元' is a ratio (平均每项), not a level of "
            "tech_contract_turnover",
        ),
        (
            GANSU_2020_SMES,
            "2020年第一批入庫科技型中小企業公告名單最終入圍40家。",
            "sentence 2: '科技型中小企業公告名單最終入圍40家' counts a list or batch (名单), not the stock of "
            "tech_smes",
        ),
        (
            GANSU_2020_SMES,
            "2020年第一批入库科技型中小企业公告名单最终入围 40 家。",
            "sentence 2: '科技型中小企业公告名单最终入围 40 家' counts a list or batch (名单), not the stock of "
            "tech_smes",
        ),
        (
            NATION_2007_JOBS,
            "明年城镇新增就业目标设定为1000万人",
            "a forecast, not an actual figure: kept out of the assessment",
        ),
    ],
)
def test_subsets_ratios_lists_and_next_year_are_not_levels(tmp_path, aliases, catalogue, title, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == []
    assert reason in reasons


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("統計顯示,2003年以來,我國城鎮新增就業每年超過900萬人,2006年達1184萬人。", "'每年超過900萬人'"),
        ("统计显示，2003年以来，我国城镇新增就业每年超过 900 万人，2006 年达 1184 万人。", "'每年超过 900 万人'"),
    ],
)
def test_the_level_after_a_bound_takes_the_year_opening_its_clause(tmp_path, aliases, catalogue, sentence, bound):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2007_JOBS)
    assert found == [("national", "new_urban_jobs", 2006, 11840000.0, "persons", "annual")]
    assert reasons == [f"sentence 2: {bound} is a threshold passed (超过), not the level of new_urban_jobs"]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "全年全省出生人口23.51万人,出生率为6.75‰;死亡人口26.91万人,死亡率为7.73‰;自然增长率为-0.98‰。",
            "not recognised: '自然增长率为-0.98‰' (figures next to no indicator name in targets.yaml)",
        ),
        (
            "三次產業結構比為13.32∶33.84∶52.83。",
            "not recognised: '三次產業結構比為13.32∶33.84∶52.83' (figures next to no indicator name in targets.yaml)",
        ),
        (
            "就业人员的三次产业比重为23.42:25.47:51.12。",
            "not recognised: '就业人员的三次产业比重为23.42:25.47:51.12' (figures next to no indicator name in "
            "targets.yaml)",
        ),
        (
            "全國企業就業人員周平均工作時間為46.1小時。",
            "not recognised: '企業就業人員周平均工作時間為46.1小時' (figures next to no indicator name in "
            "targets.yaml)",
        ),
    ],
)
def test_per_mille_hours_and_ratios_are_never_lost(tmp_path, aliases, catalogue, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, SHANXI_2022)
    assert found == []
    assert reason in reasons


def test_a_clock_time_is_not_a_ratio(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "2019-01-21 17:24:00", SHANXI_2022)
    assert (found, reasons) == ([], [])
