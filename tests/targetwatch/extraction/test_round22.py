"""Round 22 of issue 18: the false proposals and misses of unseen-27 and unseen-28 (each scored once unseen with round
21's rules, first-score-unseen-27.md and first-score-unseen-28.md, then moved to the development side). Round 22's rules
have not been measured on fresh text when these tests were written.

Every text is real, copied from a corpus text named beside it (tests/fixtures/real/policies/), with traditional,
full-width and spaced variants; the issue dates given are the pages' dates (None where the page shows none). The
traditional variants of the long digests are made with OpenCC (s2t), as a reader of a Hong Kong or Taiwan mirror
would see them.
"""

from __future__ import annotations

import opencc
import pytest

from targetwatch.extraction import aspect
from targetwatch.extraction.corpus import load_corpus
from targetwatch.extraction.text import fold
from tests.targetwatch.extraction.proposals import quantified

_S2T = opencc.OpenCC("s2t")
_FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")


def _props(text: str, issued: str | None) -> list[tuple[str, float | None]]:
    return [(p.entry["comparator"], p.value) for p in quantified(text, issued)]


def _variants(text: str) -> list[str]:
    """The text, in traditional script, with full-width digits and per cents, and with a blank before each 万 / % (a
    PDF's spacing)."""
    return [text, _S2T.convert(text), text.translate(_FULL), text.replace("%", " %").replace("万", " 万")]


# china-14th-fyp-achievements-summary (undated): a research aggregator's bullets of five years' results, with footnote
# marks; round 21's rules proposed 18 of its figures
DIGEST = (
    "宏观经济表现 - 经济总量连续跨越110万亿元、120万亿元、130万亿元"
    "大关,2024年预计达到140万亿元左右,五年间GDP规模增长超35万亿元"
    " [2][5] - “十四五”期间GDP年均实际增长5.5%,远高于同期世界3.9"
    "%的年均增速,2021年—2024年年均增长率达到5.5% [5][9] - 2024年"
    "GDP规模接近135万亿元,占世界经济比重提升至17.1%,稳居全球第二"
    " [5] - 内需对经济增长平均贡献率达86.8%,其中最终消费支出平均"
    "贡献率提升至59.9% [6] - 货物贸易规模从2020年的32.2万亿元增加"
    "到2024年的43.8万亿元,年均增长8.0% [5][6] 创新驱动与产业升级 -"
    " 2024年全社会研发经费投入超3.6万亿元,较2020年增长48%,研发投"
    "入强度达到2.68% [11] - 2025年全球创新指数排名首次跃升至第10"
    "位,比2020年上升4位 [11] - 企业研发投入占比超过77%,工业机器人新增装机量占全球比重超过50% [11]"
)
# shandong-entrepreneurship-14th-fyp-status (undated): the same aggregator's results of a province's programme, naming a
# plan it issued (出台《…行动方案(2024—2026年)》), whose period round 21's rules lent to every figure
SHANDONG_DIGEST = (
    "“创业齐鲁”行动扎实推进,山东发放创业担保贷款近千亿元\n"
    "创业支持政策体系 - 出台《山东省“创业齐鲁”行动方案(2024—2026年)》"
    "《山东省创业担保贷款实施办法》等一系列文件,推动政策链、载体链"
    "、服务链协同发力 [2] - “十四五”期间发放创业担保贷款978.65亿元,"
    "直接扶持创业36.45万人 [2] - 开展创业培训90万人次,赋能15万人成"
    "功创业,率先推进个人创业“一件事”集成改革,联办事项由5项增至11项"
    " [2] 创业载体与赋能格局 - 建成国家级创业孵化基地7家、省级以上"
    "创业孵化基地(园区)148家、省级创业创新综合体20家 [3] - 首创创业"
    "陪跑工作机制,建成陪跑空间99处,配备导师和专员1067名,为1265个“金种子”项目提供全链条赋能 [3] - 打造全省创业服务IP形象"
    "“喵小创”,连续举办多届山东省创业大赛,选树省级创业典型189名 [4"
    "] - 山东科路人工智能科技有限责任公司通过创业菁英陪跑营与多家"
    "企业达成合作,计划引进项目落地青岛,首期投资1000万元 [4]"
)


@pytest.mark.parametrize("text", _variants(DIGEST) + _variants(SHANDONG_DIGEST))
def test_a_digest_of_results_is_a_report(text):
    assert _props(text, None) == []


@pytest.mark.parametrize("text", _variants(DIGEST) + _variants(SHANDONG_DIGEST))
def test_a_digest_looks_back(text):
    back, ahead = aspect.marks(fold(text))
    assert back >= aspect.LOOK_BACK_MIN and back >= aspect.LOOK_BACK_RATIO * ahead
    assert aspect.looks_back(fold(text))


@pytest.fixture(scope="module")
def corpus_texts():
    """The corpus's texts, read once for the module (0.15 CPU s a read: six cases read it once each before)."""
    return load_corpus()[0]


@pytest.mark.parametrize("doc_id", [
    # plans and work reports of the development side with a review of their ground: they look ahead as well
    "hainan-2021-st-catch-up-action-plan", "chongqing-2025-graduates-plan", "shandong-2023-work-report-targets-news",
    "china-2025-work-report-points-news", "hubei-2025-work-report-summary", "china-2026-work-report-targets-news",
])
def test_plans_and_work_reports_do_not_look_back(corpus_texts, doc_id):
    assert not aspect.looks_back(fold(corpus_texts[doc_id].text))


@pytest.mark.parametrize("text", _variants(
    # shandong-2023-work-report-targets-news (2023-01-14): a newspaper's bullets, one a paragraph, under a heading line
    "建议全年经济社会发展预期目标\n\n  ●地区生产总值增长5%以上\n\n  ●一般公共预算收入增长5%以上\n\n"
    "  ●城镇新增就业110万人以上\n\n"
    "  ●城镇调查失业率5.5%以内\n\n  ●外贸外资促稳提质"))
def test_bullets_under_a_heading_of_targets(text):
    assert _props(text, "2023-01") == [("growth_rate", 5), ("growth_rate", 5), ("at_least", 1100000), ("at_most", 5.5)]


@pytest.mark.parametrize("text", _variants(
    # china-2025-work-report-points-news (2025-03-05): the same bullets under a heading that is no goals lead
    # (2024年工作
    # 回顾) stay results
    "3月5日,李强总理向十四届全国人大三次会议作政府工作报告,要点如下:\n"
    "一、2024年工作回顾\n●国内生产总值增长5%\n●城镇新增就业1256万人\n二、今年主要预期目标\n●国内生产总值增长5%左右\n"
    "●城镇新增就业1200万人以上"))
def test_bullets_of_a_review_then_of_targets(text):
    assert _props(text, "2025-03") == [("growth_rate", 5), ("at_least", 12000000)]


@pytest.mark.parametrize("text", _variants(
    # central-capitals-2023-growth-targets-news (undated, 2023): last year estimated beside this year's target
    "报告显示,预计2022年武汉地区生产总值增长4.5%左右,预计总量达"
    "到1.9万亿元左右,同时武汉将2023年GDP增长目标定在6.5%以上。"
    "长沙2022年预计地区生产总值预计增长4.8% ,2023年长沙经济社会发展主要预期目标包括地区生产总值增长7%左右。"))
def test_an_estimate_of_the_year_past_is_no_target(text):
    assert [v for _, v in _props(text, None)] == [6.5, 7]


@pytest.mark.parametrize("text", _variants(
    # chongqing-2025-graduates-plan (2025-03-05): 8月31日前 is a date, not the news cue 日前
    "一、主要目标\n加大岗位开发、政策支持、服务保障和平台支撑力度,完善高校毕业生等青年就业支持体系。"
    "2025年,高校毕业生等青年留渝来渝"
    "就业创业40万人以上(其中市外来渝6万人以上),2025届高校毕业生离"
    "校前(8月31日前)毕业去向落实率不低于75%,离校未就业高校毕业生"
    "年底帮扶就业率不低于90%,全市青年群体就业形势总体稳定。"))
def test_a_day_before_is_a_date(text):
    assert [v for _, v in _props(text, "2025-03")] == [400000, 60000, 75, 90]


@pytest.mark.parametrize(("text", "issued", "value"), [
    # china-2025-work-report-points-news (2025-03-05): the year's budget settings
    ("三、今年部分重点工作\n政府投资: 拟安排地方政府专项债券4.4万亿元", "2025-03", 4.4e12),
    ("三、今年部分重點工作\n政府投資: 擬安排地方政府專項債券4.4萬億元", "2025-03", 4.4e12),
    ("三、今年部分重点工作\n政府投资: 拟安排地方政府专项债券４.４万亿元", "2025-03", 4.4e12),
    ("三、今年部分重点工作\n特别国债: 拟发行超长期特别国债1.3 万亿元", "2025-03", 1.3e12),
    # quanzhou-student-entrepreneurship-plan-news (undated, 2014-2017): a city's yearly fund, through a mirror's
    # readings
    ("從2014年至2017年,…市財(cái)政每年安排500萬(wàn)元,用于高校畢業(yè)生創(chuàng)業(yè)。", None, 5e6),
    ("从2014年至2017年,…市财政每年安排500万元,用于高校毕业生创业。", None, 5e6),
])
def test_an_amount_arranged_or_issued(text, issued, value):
    assert value in [v for _, v in _props(text, issued)]


# echeng-2023-work-report-targets-news (2022-12): a long list after 力争 and the lead 主要预期目标是: 同比 in one of its
# items is growth over last year, as a year's plan states it, not a status word for the items after it; two goals of
# relative growth written 增长高于… and 增速快于… (the clause ends on the reference)
ECHENG = (
    "2023年,鄂城區經濟社會發展主要預期目標是:錨定“十四五”期間縣域經濟沖十進百的目標,堅持穩字當頭、穩中求進,實現GDP增速"
    "高於全市平均水平,各項主要經濟指標超出全市平均水平、穩居前列,努力爭取最好的結果。\n"
    "力爭固定資產投資增幅16%以上、規上工業產值增幅13%以上、工業技改投資增幅20%以上、限上社零額同比增長15%以上、"
    "高新技術產業增加值增幅15%以上,財政總收入達到20億元、增幅12%以上,市場主體實現增長60%以上,完成城鎮就業市定目標任務,"
    "城鄉居民可支配收入增長高於經濟增長,力爭農村居民可支配收入增速快於城鎮居民。"
)


@pytest.mark.parametrize("text", [ECHENG, opencc.OpenCC("t2s").convert(ECHENG), ECHENG.translate(_FULL),
                                  ECHENG.replace("20億元", "20 億元").replace("60%", "60 %")])
def test_a_long_list_after_aspiration_and_relative_growth(text):
    got = _props(text, "2022-12")
    assert ("at_least", 2e9) in got and ("growth_rate", 12) in got and ("growth_rate", 60) in got
    assert [c for c, _ in got].count("growth_above_reference") == 3  # GDP增速高于全市平均水平 and the two above


# shandong-2022-ten-innovations (2022-03-29): growth over a number is a growth rate, never growth above a reference
SHANDONG_2022 = ("在数字变革创新方面,突出治理方式、生产方式、生活方式数字变革,强化数字变革基础支撑,"
                 "2022年数字经济总量增幅超过11%。")


@pytest.mark.parametrize("text", [
    SHANDONG_2022, opencc.OpenCC("s2t").convert(SHANDONG_2022), SHANDONG_2022.translate(_FULL),
    SHANDONG_2022.replace("11%", "11 %"),
])
def test_growth_over_a_number_is_no_reference(text):
    assert [c for c, _ in _props(text, "2022-03")] == ["growth_rate"]
