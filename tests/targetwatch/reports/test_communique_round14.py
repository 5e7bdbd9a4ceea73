"""Communiqué rules of issue 17's fourteenth round, on real sentences of the development half (unseen-21, moved to
development after its first score). Titles marked SYNTHETIC give the year and place the real page gives in its head;
the sentences are quoted from the texts named, some given again in the other script or with full-width characters.

* A rank (第14位, 排名第三, 排名上升至26位) is never silent: the catalogue has no rank indicator, so it is a quarantined
  row "not recognised: rank …" (u21_nat_2019_most_presser_cmstop, u21_nat_2019_most_presser_bsyshop).
* A place named right before 排名 is the ranked place and takes the figure after it: Tianjin's 3.28% is not the
  nation's (u21_nat_2019_rd_provinces_my67778_trad); a scope (全国排名, 居全国第22位) still is not a place.
* A transcript's head naming `2018年国民经济和社会发展计划执行情况` reviews 2018 itself, not 2017
  (u21_nat_2018_gzbg_jiejinghe_trad).
* `技術市場成交合同金額` and `技术市场成交额` are the technology-contract turnover, matched by the normalised key,
  not by an alias (u21_nat_2013_innovation_index_trad).
"""

from __future__ import annotations

import unicodedata

import pytest

from targetwatch.reports.matching import normalised_key
from targetwatch.reports.places import place_is_mentioned
from tests.targetwatch.reports.test_communique import levels as _levels
from tests.targetwatch.reports.test_communique import read_real_text as _read_real
from tests.targetwatch.reports.test_communique import read_sentence

NATION_2019 = "2019年全国科技工作情况（SYNTHETIC title）"
NATION_2013 = "2013年中国创新指数（SYNTHETIC title）"


@pytest.mark.parametrize(
    "sentence",
    [
        "世界知识产权组织(WIPO)评估显示,我国创新指数位居世界第14位,整体创新能力大幅提升,创新型国家建设取得新进展。",
        "世界知識產權組織(WIPO)評估顯示,我國創新指數位居世界第14位,整體創新能力大幅提升,創新型國家建設取得新進展。",
        "世界知识产权组织（ＷＩＰＯ）评估显示，我国创新指数位居世界第１４位，整体创新能力大幅提升。",
        "我国创新指数位居世界第14位",
    ],
)
def test_a_rank_is_quarantined_not_silent(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019)
    assert found == []
    ranks = [unicodedata.normalize("NFKC", r) for r in reasons if r.startswith("rank: ")]  # own kind since r. 17
    assert len(ranks) == 1 and "第14位" in ranks[0], reasons


def test_a_rank_beside_a_read_level_leaves_the_level_alone(tmp_path, aliases, catalogue):
    sentence = "2019年,全国研究与试验发展(R&D)经费投入强度为2.23%,全国排名上升至第14位。"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019)
    assert _levels(found) == [("national", "rd_intensity", 2019, 2.23, "annual")]
    assert any(r.startswith("rank: ") and "14" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "sentence", ["十三届全国人大二次会议5日上午9时开幕。", "第3次会议审议通过。", "首批第一批名单公布。"]
)
def test_an_ordinal_that_is_no_rank_is_not_called_one(tmp_path, aliases, catalogue, sentence):
    _, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019)
    assert not any("rank" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "其中,北京研究与试验发展(R&D)经费投入强度最大达6.31%。上海位居第二,研究与试验发展(R&D)经费投入强度4%。"
        "天津排名第三,研究与试验发展(R&D)经费投入强度3.28%。",
        "其中,北京研究與試驗發展(R&D)經費投入強度最大達6.31%。上海位居第二,研究與試驗發展(R&D)經費投入強度4%。"
        "天津排名第三,研究與試驗發展(R&D)經費投入強度3.28%。",
        "天津排名第三，研究与试验发展（Ｒ＆Ｄ）经费投入强度３．２８％。",
    ],
)
def test_a_place_named_before_its_ranking_takes_the_figure(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019)
    assert found == [], found  # before round 14: ("national", "rd_intensity", 2019, 3.28, "annual")
    assert any("天津" in r and "not in targets.yaml" in r for r in reasons), reasons


def test_a_ranking_scope_is_still_no_place():
    for text, place in [("甘肃省居全国第22位", "全国"), ("全国排名第3", "全国"), ("在全省排名第5", "全省")]:
        at = text.index(place)
        assert not place_is_mentioned(text, at, at + len(place)), text
    text = "天津排名第三,"
    assert place_is_mentioned(text, 0, 2)


def test_a_transcript_naming_the_plan_year_under_review_dates_it_so(aliases):
    result = _read_real("u21_nat_2018_gzbg_jiejinghe_trad", aliases)
    jobs = [r for r in result.rows.to_dict("records") if str(r["value_raw"]) == "1361"]
    assert [str(r["year_raw"]) for r in jobs] == ["2018"], jobs


def test_a_work_report_title_still_reviews_the_year_before(tmp_path, aliases, catalogue):
    # u13_nat_2016_gzbg_dzwww's kind of head (dev since round 8): the report of 2017 reviews 2016
    title = "2017年国务院政府工作报告（SYNTHETIC title）"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, "城镇新增就业1314万人。", title)
    assert _levels(found) == [("national", "new_urban_jobs", 2016, 13140000.0, "annual")], reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "從技術市場交易情況看,2013年我國技術市場成交合同金額為7469.1億元,比上年增長16%。",
        "从技术市场交易情况看,2013年我国技术市场成交合同金额为7469.1亿元,比上年增长16%。",
        "2013年我国技术市场成交额为7469.1亿元,比上年增长16%。",
        "２０１３年我国技术市场成交合同金额为７４６９．１亿元，比上年增长１６％。",
    ],
)
def test_technology_market_turnover_is_the_contract_turnover(tmp_path, aliases, catalogue, sentence):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2013)
    assert _levels(found) == [("national", "tech_contract_turnover", 2013, 746910000000.0, "annual")]


def test_the_variants_share_the_catalogue_names_key():
    names = ("技术合同成交额", "技术市场成交合同金额", "技術市場成交合同金額", "技术市场成交额")
    keys = {normalised_key(n) for n in names}
    assert len(keys) == 1
    # the flows by region keep their own keys
    assert normalised_key("输出技术合同成交额") != normalised_key("技术合同成交额")
    turnover = ("技术合同年交易额", "技术市场合同交易额", "技术合同交易额")
    assert len({normalised_key(n) for n in turnover}) == 1
