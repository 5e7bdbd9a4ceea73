"""Communiqué rules of issue 17's thirteenth round, on real sentences of the development half (unseen-20, moved to
development after its first score, and the classes earlier rounds left). Titles marked SYNTHETIC give the year and place
the real page gives in its head; the sentences are quoted from the texts named, some given again in the other script.

* A total of patents held in China beside its domestic part in the same sentence is not the domestic count, even when a
  headline repeated at the sentence's start says 国内 (u20_nat_2023_patents_spam).
* `从A提高到B以上`: A is a start point, quarantined without a year, even when B is a bound
  (u20_nat_2022_gzbg_sputnik_trad).
* `新增就業的總數` without 城镇, after a sentence about the towns, is new urban jobs (u18_nat_2018_jobs_hkej_trad).
* A count written before the name with the place as a whole right before it is the place's stock
  (u15_nat_2016_makerspaces_fgagri_trad, u15_sx_2025_transfer_presser); never when another noun follows the name
  (lz_2015_incubators).
* `小微企業雙創基地` is the small and micro enterprise start-up bases (sx_2021_scweek_trad).
* Sentences with no place of their own go on about the kind of owner named before them (u15_sx_2023_soe_m2qu).
* A headline's figure with no year takes the year the story's lead states, not the page's date
  (u17_nat_2006_rd_chinagate_dizaynex); `科研投入强度` is R&D intensity.
* A head year that the same sentence sets before 今年 is not the document's year (u15_sx_2025_transfer_presser).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import levels as _levels
from tests.targetwatch.reports.test_communique import read_real_text as _read_real
from tests.targetwatch.reports.test_communique import read_sentence

NATION_2023 = "2023年知识产权工作新闻发布会（SYNTHETIC title）"
NATION_2016 = "2016年我国众创空间发展情况（SYNTHETIC title）"
NATION_2019 = "2019年全国就业形势（SYNTHETIC title）"
SHANXI_2021 = "2021年山西省双创活动周（SYNTHETIC title）"
SHANXI_2023 = "2023年山西省国资委新闻发布会（SYNTHETIC title）"


PATENTS_SPAM = (
    "博冠体育app我国国内有效发明专利数量突破400万件从国务院新闻办16日举行的新闻发布会上获悉,截至2023年底,"
    "我国发明专利有效量为499.1万件,其中,国内(不含港澳台)发明专利有效量为401.5万件,同比增长22.4%,"
    "成为世界上首个国内有效发明专利数量突破400万件的国家。"
)


def test_a_total_beside_its_domestic_part_in_the_same_sentence_is_not_read(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, PATENTS_SPAM, NATION_2023)
    assert _levels(found) == [("national", "valid_invention_patents", 2023, 4015000.0, "annual")]
    assert any("499.1" in r and "domestic" in r for r in reasons), reasons


def test_the_domestic_part_two_sentences_on_still_refuses_the_total(tmp_path, aliases, catalogue):
    # u10_nat_2022_patents (dev since round 6): the rule of round 6, unchanged
    sentence = "截至2022年底,我国发明专利有效量为421.2万件。其中,国内(不含港澳台)发明专利有效量为328万件。"
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2023)
    assert _levels(found) == [("national", "valid_invention_patents", 2022, 3280000.0, "annual")]


@pytest.mark.parametrize(
    "sentence",
    [
        "他指出,全社會研發經費投入強度從2.1%提高到2.5%以上,科技進步貢獻率提高到60%以上,創新支撐發展能力不斷增強。",
        "他指出,全社会研发经费投入强度从2.1%提高到2.5%以上,科技进步贡献率提高到60%以上,创新支撑发展能力不断增强。",
    ],
)
def test_a_start_point_before_a_bound_is_not_a_level(tmp_path, aliases, catalogue, sentence):
    title = "李克强作政府工作报告 2023-03-05（SYNTHETIC title）"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == []
    assert any("2.1%" in r and "start point" in r for r in reasons), reasons
    assert any("60%以上" in r and "bound" in r for r in reasons), reasons


NEW_JOBS = (
    "人社部部長張紀南日前透露,去年年末全國的城鎮登記失業率3.8%,為近幾年以來新低,就業崗位總體供大於求;"
    "去年全年新增就業的總數是1361萬人,按年增加10萬人,這是連續第六年每年新增就業1300萬人以上。"
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (NEW_JOBS, [("national", "new_urban_jobs", 2018, 13610000.0, "annual")]),
        (
            "人社部部长张纪南日前透露,去年年末全国的城镇登记失业率3.8%,为近几年以来新低,就业岗位总体供大于求;"
            "去年全年新增就业的总数是1361万人,按年增加10万人,这是连续第六年每年新增就业1300万人以上。",
            [("national", "new_urban_jobs", 2018, 13610000.0, "annual")],
        ),
        # SYNTHETIC controls: no word of the towns before it, and the jobs a programme created
        ("去年全年新增就业的总数是1361万人,按年增加10万人。", []),
        ("去年全国城镇登记失业率3.8%;众创空间带动新增就业人数2.1万人。", []),
    ],
)
def test_new_jobs_without_towns_after_a_sentence_about_the_towns(tmp_path, aliases, catalogue, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019)
    assert _levels(found) == expected


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (
            NATION_2016,
            "2016年,火炬中心对我国4298家众创空间进行了调查,调查显示,这些众创空间服务的企业数量已超过12万家,融资更是超过55亿元。",
            [("national", "maker_spaces", 2016, 4298.0, "annual")],
        ),
        (
            NATION_2016,
            "2016年,火炬中心對我國4298家眾創空間進行了調查,調查顯示,這些眾創空間服務的企業數量已超過12萬家。",
            [("national", "maker_spaces", 2016, 4298.0, "annual")],
        ),
        (
            "2025年山西省科技成果转化新闻发布会（SYNTHETIC title）",
            "转化平台的支撑作用日益给力。清华大学山西清洁能源研究院等新型研发机构引领转型的作用日趋突显,"
            "同时全省布局的49个中试基地和97家产业技术创新战略联盟,基本覆盖重点产业链,有效打通了从研发到应用的关键环节。",
            [("shanxi", "innovation_alliances", 2025, 97.0, "annual")],
        ),
        (  # lz_2015_incubators (unseen-2): the incubators' representatives at a meeting
            "2015年兰州市科技企业孵化器建设发展大会（SYNTHETIC title）",
            "全市37家科技企业孵化器代表、20家众创空间代表参加会议。",
            [],
        ),
        (  # sx_2014_hte (dev): new ones, then the stock in the next clause
            "2014年山西省高新技术企业（SYNTHETIC title）",
            "2014年山西新增149家高新技术企业,数量增加到520家,比上年度增长40.2%。",
            [("shanxi", "high_tech_enterprises", 2014, 520.0, "annual")],
        ),
    ],
)
def test_a_count_before_the_name_after_the_whole_place(tmp_path, aliases, catalogue, title, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert _levels(found) == expected


def test_small_micro_shuangchuang_bases_are_the_start_up_bases(tmp_path, aliases, catalogue):
    sentence = (
        "目前擁有省級及以上雙創示范基地36家,、眾創空間250家、科技企業孵化器67家,、小微企業雙創基地266個,"
        "逐步構建起“創業苗圃+孵化器+加速器+產業園”的雙創全鏈條培育體系。"
    )
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, SHANXI_2021)
    assert ("shanxi", "small_micro_startup_bases", 2021, 266.0, "annual") in _levels(found)


SOE = (
    "据介绍,山西省属企业创新平台体系基本形成,构建起了国家层面和省级层面实验室、工程研究中心、研究院梯次衔接的创新体系。"
    "已建成国家级各类研发创新平台27个,其中2个成功重组;"
    "省级各类研发创新平台194个,其中省实验室3个,省重点实验室18个,科技成果转化中试基地21个。"
)


def test_sentences_without_a_place_go_on_about_the_owner_named_before(tmp_path, aliases, catalogue):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, SOE, SHANXI_2023)
    assert found == []
    assert any("省重点实验室18个" in r and "省属企业" in r for r in reasons), reasons


def test_a_place_named_again_ends_the_owner_s_scope(tmp_path, aliases, catalogue):
    sentence = SOE + "全省省重点实验室达到150个。"  # SYNTHETIC last sentence
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, SHANXI_2023)
    assert _levels(found) == [("shanxi", "provincial_key_labs", 2023, 150.0, "annual")]


def test_a_headline_figure_takes_the_year_of_the_story_s_lead(tmp_path, aliases, catalogue):
    head = "中国科研投入强度达历史最高水平 占GDP1.42%"
    body = (
        "中国发展门户网 www.chinagate.com.cn  2007 年 09 月 25 日 \n"
        "新华网北京9月12日电 国家统计局、科技部和财政部12日联合发布的科技经费投入统计公报显示,"
        "2006年我国科技经费投入继续保持较快增长。"
    )
    found, _ = read_sentence(tmp_path, aliases, catalogue, body, head)
    assert _levels(found) == [("national", "rd_intensity", 2006, 1.42, "annual")]


def test_a_head_year_set_before_this_year_is_not_the_document_s(aliases):
    result = _read_real("u15_sx_2025_transfer_presser", aliases)
    assert not any(str(r["year_raw"]) == "2024" for r in result.rows.to_dict("records"))
    refused = result.rejected[result.rejected["raw_content"].str.contains("97家产业技术创新战略联盟")]
    assert any("no year" in r for r in refused["reason"]), list(result.rejected["reason"])


def test_a_head_year_with_this_year_in_another_sentence_stays(aliases):
    # 这份2016年的“就业成绩单”堪称亮眼。…在今年全国“两会”上: 今年 is 2016 there
    result = _read_real("u11_nat_2016nov_jobs_vcinchina", aliases)
    assert [(r["value_raw"], r["year_raw"]) for r in result.rows.to_dict("records")] == [("1249", "2016")]
