"""Communiqué rules of issue 17's seventh round, on real sentences of unseen-11 (moved to development after its first
score), each also in another script or form. Titles are SYNTHETIC; the sentences are quoted from the texts named.

* `中国` names the nation, but not in an outlet's or organisation's name or in `中国特色` (u11_nat_2021_rd_prelim_trad).
* An empty footnote marker `[]` is deleted like `[2]` (u11_nat_2017_rd_bulletin).
* A name inside the bracket that glosses the name before it is part of the gloss (u11_nat_2017_rd_prelim_trad).
* `R&D经费与GDP之比` is R&D intensity (u11_nat_2021_rd_prelim_trad).
* A rounded restatement of a figure (`2.79萬億元` beside `27864億元`) is the same figure (u11_nat_2021_rd_prelim_trad).
* A headline's figure is part of a year when the body states it so (u11_nat_2020nov_jobs_ddsb).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence
from tests.targetwatch.reports.test_communique_round6 import read_text

NO_PLACE_2021 = "2021年研发经费快报（SYNTHETIC title）"
NATION_2017_RD = "2017年全国科技经费投入统计公报（SYNTHETIC title）"


@pytest.mark.parametrize(
    "sentence",
    [
        "國家統計局社科文司統計師張啟龍介紹,根據初步測算結果,2021年中國R&D經費投入達27864億元,比上年增長14.2%。",
        "国家统计局社科文司统计师张启龙介绍,根据初步测算结果,2021年中国R&D经费投入达27864亿元,比上年增长14.2%。",
    ],
)
def test_china_names_the_nation(tmp_path, aliases, catalogue, sentence):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NO_PLACE_2021)
    assert found == [("national", "rd_expenditure", 2021, 2786400000000.0, "yuan", "annual")]


@pytest.mark.parametrize(
    "head",
    [
        # u11_gs_2021_dingxi_communique_trad's opening
        "2021年面对严峻复杂的宏观环境,全市上下以习近平新时代中国特色社会主义思想为指引。",
        "中国甘肃网10月8日讯 记者从省科技厅获悉。",
    ],
)
def test_china_in_a_phrase_or_an_outlets_name_is_no_place(tmp_path, aliases, catalogue, head):
    text = f"{head}\n全年新增城镇就业15455人。\n"  # Dingxi's sentence: a Gansu prefecture, not the nation
    found, _ = read_text(tmp_path, aliases, catalogue, text)
    assert [f for f in found if f[0] == "national"] == []


@pytest.mark.parametrize(
    ("sentence", "title", "expected"),
    [
        (
            "研究与试验发展(R&D)经费投入强度(与国内生产总值[]之比)为2.13%,比上年提高0.02个百分点。",
            NATION_2017_RD,
            ("national", "rd_intensity", 2017, 2.13, "percent", "annual"),
        ),
        (
            "研發經費投入強度(研發經費與國內生產總值之比)為2.12%,較上年提高0.01個百分點。",
            NATION_2017_RD,
            ("national", "rd_intensity", 2017, 2.12, "percent", "annual"),
        ),
        (
            "2021年中國R&D經費與GDP之比達到2.44%,比上年提高0.03個百分點。",
            NO_PLACE_2021,
            ("national", "rd_intensity", 2021, 2.44, "percent", "annual"),
        ),
        (
            "2021年中国R&D经费与GDP之比达到2.44%,比上年提高0.03个百分点。",
            NO_PLACE_2021,
            ("national", "rd_intensity", 2021, 2.44, "percent", "annual"),
        ),
    ],
)
def test_intensity_written_with_its_gloss(tmp_path, aliases, catalogue, sentence, title, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == [expected]


def test_a_rounded_restatement_is_the_same_figure(tmp_path, aliases, catalogue):
    text = (
        "2021年中國研發經費投入達2.79萬億元 投入強度再創新高\n"
        "國家統計局社科文司統計師張啟龍介紹,根據初步測算結果,2021年中國R&D經費投入達27864億元,比上年增長14.2%。\n"
    )
    found, _ = read_text(tmp_path, aliases, catalogue, text, {"release_date": "2022-01-26"})
    assert found == [("national", "rd_expenditure", 2021, 2786400000000.0, "yuan", "annual")]


def test_a_headline_is_part_of_a_year_when_the_body_says_so(tmp_path, aliases, catalogue):
    text = (
        "全年就业目标任务超额完成 全国城镇新增就业1099万人\n"
        "国家统计局最新数据显示,1-11月份,全国城镇新增就业1099万人,完成全年目标任务的122.1%。\n"
    )
    found, _ = read_text(tmp_path, aliases, catalogue, text, {"release_date": "2020-12-16"})
    assert found == [("national", "new_urban_jobs", 2020, 10990000.0, "persons", "partial")]
