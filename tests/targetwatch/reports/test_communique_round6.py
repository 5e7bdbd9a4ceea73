"""Communiqué rules of issue 17's sixth round, on real sentences of unseen-10 (moved to development after its first
score) and of the development half, each also in traditional script, with full-width forms or with spaces where the
rule is about the writing. The titles are SYNTHETIC (they give the year and place the real page gives in its head,
or its sidecar); the sentences are quoted from the texts named.

* A mirror site's pinyin glosses never reach the unit: `48.8萬(wàn)人` (u10_sx_2020_hrss_trad,
  u10_nat_2017_jobs_cinic_trad).
* R&D expenditure's share of GDP in its own clause is R&D intensity: `研发经费在总GDP中的占比为2.23%`
  (u10_nat_2019_rd_mydrivers).
* `新增城镇就业` is new urban jobs (u10_lz_2018_gzbg_news).
* A list with 分别 over a span of years stated before the name is one figure per year (u10_nat_2017_hrss_communique).
* `前10月`, `1月至11月` are part of a year (u10_nat_2017_jobs_qianinfo, u10_nat_2023_jobs_cnnb).
* A yearly average (`年均`), a total over years (`累计` with a span) and `N以上` are not a year's level
  (u10_nat_2023_jobs_cnnb).
* Firms in incubators (`在孵`) and patents held by a kind of holder (`企业拥有`, `…的企业…拥有`) are subsets
  (u10_nat_2018_incubation_report, u10_nat_2022_patents).
* The patents one holds (`拥有…发明专利`) are the valid ones (u9_nat_2011_patents); a year in brackets among the first
  lines is an aside.
* A place in an outlet's name or a dateline (`每日甘肃网`, `本报兰州讯`) and a congress's ordinal (`第十六届`) are not
  the figure's place or a ranking (u10_lz_2018_gzbg_news, u8_gs_2021_techsmes_gsrb).
* A headline's figure with no year takes the year the body states it with (u10_nat_2019_contribution_spaced).
* `611名` (people) is listed among the unread figures (u10_sx_2020_hrss_trad).
* `全省` in a text that names no province is nobody's: never Gansu's, though `全省` is one of Gansu's aliases
  (u10_sc_2016_rd with its head's place removed).
"""

from __future__ import annotations

import pytest

from targetwatch.reports import communique
from targetwatch.reports.normalise import normalise
from tests.conftest import TODAY
from tests.targetwatch.reports.conftest import write
from tests.targetwatch.reports.test_communique import read_sentence

SHANXI_2020_HRSS = "2020年度山西省人力资源和社会保障事业发展统计公报（SYNTHETIC title）"
NATION_2019_RD = "2019年全国科技经费投入统计公报（SYNTHETIC title）"
NATION_2017_JOBS = "2017年全国就业（SYNTHETIC title）"
NATION_2023_JOBS = "2023年全国就业（SYNTHETIC title）"
NATION_2018_INCUBATION = "2018年全国创业孵化（SYNTHETIC title）"
NATION_2022_PATENTS = "2022年全国知识产权（SYNTHETIC title）"
LANZHOU_2018 = "2018年兰州市统计公报（SYNTHETIC title）"


def read_text(tmp_path, aliases, catalogue, text: str, meta: dict | None = None):
    path = write(tmp_path, "synthetic.txt", text)
    result = communique.read_text(path, aliases, meta)
    obs, rej = normalise(
        result.rows,
        catalogue,
        source_file="synthetic.txt",
        sha256="0" * 64,
        default_release_date=(meta or {}).get("release_date"),
        release_date_basis="sidecar" if meta else "not stated",
        as_of=TODAY,
    )
    found = [
        (o.jurisdiction, o.indicator, int(o.year), round(o.value, 6), o.unit, o.period_type) for o in obs.itertuples()
    ]
    return found, [r.reason for r in result.rejected.itertuples()] + [r.reason for r in rej.itertuples()]


@pytest.mark.parametrize(
    "sentence",
    [
        "數據顯示,2020年,全省城鎮新增就業(yè)48.8萬(wàn)人,有16.1萬(wàn)城鎮失業(yè)人員實(shí)現再就業(yè);",
        "數據顯示，２０２０年，全省城鎮新增就業（yè）４８．８萬（wàn）人，有１６．１萬（wàn）城鎮失業人員實現再就業；",
        "数据显示,2020年,全省城镇新增就业48.8万人,有16.1万城镇失业人员实现再就业;",
    ],
)
def test_a_pinyin_gloss_in_the_unit_is_deleted(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, SHANXI_2020_HRSS)
    assert found == [("shanxi", "new_urban_jobs", 2020, 488000.0, "persons", "annual")]
    assert not any("unknown unit" in r for r in reasons)


@pytest.mark.parametrize(
    "sentence",
    [
        "同时,研发经费在总GDP中的占比为2.23%,比上年提高0.09个百分点,同样创造了历史新高。",
        "同時，研發經費在總ＧＤＰ中的佔比為２．２３％，比上年提高０．０９個百分點，同樣創造了歷史新高。",
        "同时 , 研发经费在总 GDP 中的占比为 2.23% , 比上年提高 0.09 个百分点 。",
    ],
)
def test_rd_expenditures_share_of_gdp_in_its_own_clause_is_rd_intensity(tmp_path, aliases, catalogue, sentence):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019_RD)
    assert found == [("national", "rd_intensity", 2019, 2.23, "percent", "annual")]


@pytest.mark.parametrize("sentence", ["新增城镇就业9.48万人。", "新增城鎮就業9.48萬人。", "新增城镇就业 9.48 万人。"])
def test_new_urban_jobs_with_the_words_turned_round(tmp_path, aliases, catalogue, sentence):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, LANZHOU_2018)
    assert found == [("lanzhou", "new_urban_jobs", 2018, 94800.0, "persons", "annual")]


HRSS_2017_LIST = (
    "从近5年数据看,2013年到2017年,我国城镇新增就业人数分别为1310万人、1322万人、1312万人、1314万人、1351万人,"
    "城镇登记失业率连续5年控制在4.1%以内。"
)


@pytest.mark.parametrize(
    "sentence",
    [
        HRSS_2017_LIST,
        "從近5年數據看，2013年到2017年，我國城鎮新增就業人數分別為1310萬人、1322萬人、1312萬人、1314萬人、1351萬人，"
        "城鎮登記失業率連續5年控制在4.1%以內。",
        HRSS_2017_LIST.replace("2013年到2017年", "2013—2017年"),  # the span written with a dash
    ],
)
def test_a_list_over_a_span_of_years_is_one_figure_per_year(tmp_path, aliases, catalogue, sentence):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2017_JOBS)
    assert found == [
        ("national", "new_urban_jobs", year, value * 10000.0, "persons", "annual")
        for year, value in [(2013, 1310), (2014, 1322), (2015, 1312), (2016, 1314), (2017, 1351)]
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # SYNTHETIC: the real list cut to two figures for five years: nothing says which years they are
        "2013年到2017年,我国城镇新增就业人数分别为1310万人、1351万人。",
        # a list of parts, no span of years (u10_nat_2016_rd_bulletin)
        "2016年,全国基础研究、应用研究和试验发展经费所占比重分别为5.2%、10.3%和84.5%。",
    ],
)
def test_other_lists_with_respectively_stay_rejected(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2017_JOBS)
    assert [f for f in found if f[1] == "new_urban_jobs"] == []
    assert any("分别" in r or "not recognised" in r for r in reasons)


@pytest.mark.parametrize(
    ("sentence", "title", "expected"),
    [
        (
            "从新增就业总量来看,2017年前10月全国城镇新增就业就完成1191万人,超额完成了年初的预定目标1100万人。",
            NATION_2017_JOBS,
            ("national", "new_urban_jobs", 2017, 11910000.0, "persons", "partial"),
        ),
        (
            "今年1月至11月,全国城镇新增就业1180万人。",
            NATION_2023_JOBS,
            ("national", "new_urban_jobs", 2023, 11800000.0, "persons", "partial"),
        ),
        (
            "今年1月至11月，全國城鎮新增就業１１８０萬人。",
            NATION_2023_JOBS,
            ("national", "new_urban_jobs", 2023, 11800000.0, "persons", "partial"),
        ),
    ],
)
def test_the_first_months_of_a_year_are_part_of_it(tmp_path, aliases, catalogue, sentence, title, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == [expected]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "2013年至2022年,我国就业和社会保障工作取得历史性成就,累计实现城镇新增就业1.3亿人,年均城镇新增就业1300万人,"
            "建成世界上规模最大的社会保障体系,有力增进了人民福祉。",
            "累计",
        ),
        ("年均城镇新增就业1300万人。", "yearly average"),
        ("2013年以来,全国城镇新增就业人数连续保持在1100万人以上。", "以上"),
        ("2013年以來，全國城鎮新增就業人數連續保持在１１００萬人以上。", "以上"),
    ],
)
def test_averages_totals_over_years_and_bounds_are_not_levels(tmp_path, aliases, catalogue, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2023_JOBS)
    assert found == []
    assert any(reason in r for r in reasons)


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "中国在孵企业和团队62万家,其中,科技企业孵化器在孵科技型中小企业20.6万家,同比增长17.7%。",
            NATION_2018_INCUBATION,
        ),
        (
            "中國在孵企業和團隊62萬家，其中，科技企業孵化器在孵科技型中小企業20.6萬家，同比增長17.7%。",
            NATION_2018_INCUBATION,
        ),
        (
            "胡文辉介绍,截至2022年底,我国国内拥有有效发明专利的企业达35.5万家,较上年增加5.7万家,"
            "拥有有效发明专利232.4万件,同比增长21.8%。",
            NATION_2022_PATENTS,
        ),
        (
            "其中高新技术企业、专精特新“小巨人”企业拥有有效发明专利151.2万件,占国内企业拥有总量的65.1%。",
            NATION_2022_PATENTS,
        ),
        (
            "其中高新技術企業、專精特新「小巨人」企業擁有有效發明專利151.2萬件，佔國內企業擁有總量的65.1%。",
            NATION_2022_PATENTS,
        ),
    ],
)
def test_firms_in_incubators_and_what_holders_hold_are_subsets(tmp_path, aliases, catalogue, sentence, title):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == []
    assert any("subset" in r for r in reasons)


@pytest.mark.parametrize(
    "sentence",
    [
        "截至2011年底,我国拥有国内发明专利351万件,首次超过国外在华发明专利数量。",
        "截至2011年底，我國擁有國內發明專利351萬件，首次超過國外在華發明專利數量。",
    ],
)
def test_the_patents_one_holds_are_the_valid_ones(tmp_path, aliases, catalogue, sentence):
    # the real page's first line (u9_nat_2011_patents) has a year in brackets, an aside: not the document's year
    head = "如何计算有效发明专利的增长率?\n中国授权1万发明专利用了6年(1991年),授权1万发明专利用了12年(2003年)。"
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, head)
    assert found == [("national", "valid_invention_patents", 2011, 3510000.0, "items", "annual")]


def test_an_outlets_place_and_a_congress_ordinal_are_not_the_figures_place(tmp_path, aliases, catalogue):
    text = (  # the head of u10_lz_2018_gzbg_news, then its sentence
        "兰州市第十六届人民代表大会第三次会议开幕\n 2019/02/22/ 15:31 来源:每日甘肃网 记者李杨\n"
        "兰州市市长张伟文代表兰州市政府向大会作工作报告\n"
        "今日上午,兰州市第十六届人民代表大会第三次会议开幕。《政府工作报告》显示,兰州市2018年实现经济平稳增长、稳中有进。\n"
        "新增城镇就业9.48万人。\n"
    )
    found, _ = read_text(tmp_path, aliases, catalogue, text)
    assert found == [("lanzhou", "new_urban_jobs", 2018, 94800.0, "persons", "annual")]


def test_an_outlets_place_serves_when_the_head_names_no_other(tmp_path, aliases, catalogue):
    text = (  # the head of u8_gs_2021_techsmes_gsrb: the paper's name, the date, a dateline in Lanzhou
        "甘肃日报\n2022年04月13日\n第02版:要闻\n我省启动科技型中小企业评价和省级科技创新型企业认定工作\n"
        "本报兰州讯(新甘肃·甘肃日报记者张燕茹)记者从省科技厅了解到。\n"
        "据了解,2021年我省科技型中小企业评价入库1832家,入库企业较上年增长53.43%。\n"
    )
    found, _ = read_text(tmp_path, aliases, catalogue, text)
    assert found == [("gansu", "tech_smes", 2021, 1832.0, "count", "annual")]


@pytest.mark.parametrize(
    "body",
    [
        "最新统计数据显示 , 2019年 , 我国科技进步贡献率达59.5% 。",
        "最新統計數據顯示，2019年，我國科技進步貢獻率達59.5%。",
    ],
)
def test_a_headlines_figure_takes_the_year_the_body_states(tmp_path, aliases, catalogue, body):
    text = f"我国科技进步贡献率已达59.5%\n{body}\n"  # u10_nat_2019_contribution_spaced, released 2020-10-21
    found, _ = read_text(tmp_path, aliases, catalogue, text, {"release_date": "2020-10-21"})
    assert found == [("national", "st_progress_contribution", 2019, 59.5, "percent", "annual")]


def test_a_count_of_people_is_listed_among_the_unread_figures(tmp_path, aliases, catalogue):
    sentence = "招募611名高校畢業(yè)生到基層從事“三支一扶”服務(wù)。"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, SHANXI_2020_HRSS)
    assert found == [] and any("611名" in r for r in reasons)


@pytest.mark.parametrize(
    "sentence",
    [
        "2016年,全省共投入研究与试验发展(R&D)经费561.4亿元,比上年增加58.5亿元,增长11.6%,总量排全国第8位。",
        "2016年，全省共投入研究與試驗發展（R&D）經費561.4億元，比上年增加58.5億元。",
    ],
)
def test_the_whole_province_of_a_text_naming_none_is_nobodys(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, "科技经费投入统计公报（SYNTHETIC title）")
    assert found == []
    assert any("jurisdiction" in r or "place" in r for r in reasons)
