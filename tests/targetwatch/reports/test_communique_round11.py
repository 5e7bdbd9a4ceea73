"""Communiqué rules of issue 17's eleventh round, on real sentences of the development half (unseen-17, moved to
development after its first score, and u15_nat_2014_jobs_apcjh). Titles marked SYNTHETIC give the year and place the
real page gives in its head; the sentences are quoted from the texts named, and some are given again in another script
or with full-width punctuation.

* A kind of spender before the name, with the verb between (`规模以上工业企业全年投入R&D经费`, `内资企业投入R&D经费`,
  `制造业投入R&D经费`, `外商企业分别投入R&D经费`), and the government's part (`政府R&D經費`) are subsets of the R&D
  expenditure (u17_sx_2012_rd_cnipai, u17_nat_2008_rd_fulingte_trad).
* A flow (new jobs, turnover, expenditure) after `十一五期间` with no year of its own is the plan period's total
  (u17_nat_2010_jobs_11th_plan_trad).
* A jobs figure written with 万 and no 人 counts people; a headline's `去年` gives way to the year the body states for
  the same figure (u15_nat_2014_jobs_apcjh).
"""

from __future__ import annotations

import pytest

from targetwatch.reports import communique
from tests.targetwatch.reports.conftest import write
from tests.targetwatch.reports.test_communique import read_sentence

SHANXI_2012 = "山西研发经费投入稳定增长（SYNTHETIC title; the page names 山西 and 我省）"
NATION_2008 = "2008年全國R&D投入大幅增加（SYNTHETIC title）"
NATION_2010 = "今年全國城鄉7.9億人就業（SYNTHETIC title）"


def _annual(found):
    return [(f[0], f[1], f[2], f[3]) for f in found if f[5] == "annual"]


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (
            SHANXI_2012,
            "2012年,我省研发经费(R&D)达到132.3亿元,投入总额比上年增长16.7%。其中,规模以上工业企业全年投入R&D经费"
            "107亿元,比上年增长19.4%,占全部研发经费投入的8成。",
            [("shanxi", "rd_expenditure", 2012, 13230000000.0)],
        ),
        (  # traditional script, full-width punctuation
            SHANXI_2012,
            "2012年，我省研發經費（R&D）達到132.3億元，投入總額比上年增長16.7%。其中，規模以上工業企業全年投入R&D經費"
            "107億元，比上年增長19.4%。",
            [("shanxi", "rd_expenditure", 2012, 13230000000.0)],
        ),
        (
            SHANXI_2012,
            "2012年,在我省3905家规模以上工业企业,有224家企业开展了R&D活动,其中,内资企业投入R&D经费105.7亿元,"
            "比上 年 增 长 20.7%, 占 总 投 入 的98.8%,港澳台企业和外商企业分别投入R&D经费0.4亿元和0.8亿元。"
            "作为能源大省,"
            "我省制造业和采矿业的R&D经费投入在全部规模以上工业企业的比重达到97.5%,制造业投入R&D经费67.9亿元,"
            "比上年增长12.2%;采矿业36.4亿元,比上年增长28.7%,投入增幅较大。",
            [],
        ),
        (
            NATION_2008,
            "2008年R&D經(jīng)費來源的結構無明顯變化,企業(yè)仍占主導地位,為71.7%,政府占23.6%。"
            "政府R&D經(jīng)費1088.9億元,比上年增長了19.2%,",
            [],
        ),
        (
            NATION_2010,
            "這位負責人透露,“十一五”期間,全國城鎮(zhèn)新增就業(yè)5500萬人,農(nóng)業(yè)富余勞動力向非農(nóng)產(chǎn)業(yè)"
            "轉(zhuǎn)移就業(yè)近4500萬人,城鎮(zhèn)登記失業(yè)率控制在4.3%以內(nèi)。",
            [],
        ),
        (  # simplified script, full-width quotes and comma
            NATION_2010,
            "这位负责人透露，“十一五”期间，全国城镇新增就业5500万人。",
            [],
        ),
    ],
)
def test_round11_sentences(tmp_path, aliases, catalogue, title, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert _annual(found) == expected


def test_a_plan_period_flow_is_quarantined_with_its_reason(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(
        tmp_path, aliases, catalogue, "这位负责人透露,“十一五”期间,全国城镇新增就业5500万人。", NATION_2010
    )
    assert found == []
    assert any("十一五期间" in r and "period" in r for r in reasons), reasons


def test_a_year_stated_in_the_sentence_is_not_a_plan_period_total(tmp_path, aliases, catalogue):
    # SYNTHETIC sentence (a year stated after a plan period named before): a year's level, not a period total
    sentence = "“十一五”期间就业形势稳定。2010年,全国城镇新增就业1168万人。"
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2010)
    assert _annual(found) == [("national", "new_urban_jobs", 2010, 11680000.0)]


@pytest.mark.parametrize(
    "text",
    [
        "去年城镇新增就业1322万创新世纪以来最高值\n\n去年城镇新增就业1322万 创新世纪以来最高值\n\n"
        "1月20日,国家统计局发布的数据显示,2014年我国城镇新增就业1322万人。\n",
        # traditional script, full-width comma
        "去年城鎮新增就業1322萬 創新世紀以來最高值\n\n"
        "1月20日，國家統計局發布的數據顯示，2014年我國城鎮新增就業1322萬人。\n",
    ],
)
def test_jobs_written_with_wan_alone_are_people_and_the_headline_takes_the_bodys_year(tmp_path, aliases, text):
    path = write(tmp_path, "u15_apcjh_copy.txt", text)
    rows = communique.read_text(path, aliases).rows
    jobs = rows[rows["indicator_raw"].str.contains("就")]
    kept = list(zip(jobs["year_raw"], jobs["year_basis"], jobs["value_raw"], strict=True))
    assert kept == [("2014", "stated", "1322")]
    assert jobs["unit_raw"].iloc[0] in {"万人", "萬人"}
    assert "also stated at" in str(jobs["notes"].iloc[0])


DXBEI = (
    "全国就业人员增至7.67亿\n"
    "人民日报北京5月27日电(记者白天亮、盛若蔚)27日公布的《2012年度人力资源和社会保障事业发展统计公报》显示,"
    "到去年底,我国就业人员76704万人,比上年末增加284万人。\n"
    "去年以来,尽管经济增速放缓,但就业表现不俗。全年城镇新增就业人数1266万人,城镇失业人员再就业人数552万人。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        DXBEI,
        # traditional script, full-width comma
        DXBEI.replace(
            "去年以来,尽管经济增速放缓,但就业表现不俗。全年城镇新增就业人数1266万人",
            "去年以來，儘管經濟增速放緩，但就業表現不俗。全年城鎮新增就業人數1266萬人",
        ),
    ],
)
def test_a_whole_years_figure_dated_by_the_release_is_the_year_before(tmp_path, aliases, text):
    # u17_nat_2012_jobs_bulletin_dxbei: the release date (2013-05-28) comes from the page address only
    path = write(tmp_path, "dxbei.txt", text)
    rows = communique.read_text(path, aliases, {"release_date": "2013-05-28"}).rows
    jobs = rows[rows["indicator_raw"].str.contains("新增就")]
    assert list(zip(jobs["year_raw"], jobs["year_basis"], strict=True)) == [("2012", "full year")]


def test_a_figure_without_a_whole_year_keeps_the_release_year(tmp_path, aliases):
    # SYNTHETIC sentence: no 全年, no year: the release date's year stands
    path = write(tmp_path, "synthetic.txt", "全国就业（SYNTHETIC title）\n全国城镇新增就业人数1266万人。\n")
    rows = communique.read_text(path, aliases, {"release_date": "2013-05-28"}).rows
    assert list(zip(rows["year_raw"], rows["year_basis"], strict=True)) == [("2013", "release date")]
