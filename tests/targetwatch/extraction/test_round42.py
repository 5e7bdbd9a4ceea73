"""Round 42 of issue 18: after unseen-53 joined the development side, the classes its first score named were read
(development texts only; the test half not read), and a rule was written only where two development texts or more
show the class:

- a heading line that names a five-year plan period's goals gives the figures below it, which state no year, the
  period's last year (`periodheading.py`): "十四五"主要目標 above 福州's 十四五 aims (first unseen-53) and
  “十三五”科技創新的總體目標 above the 2016 national science plan's goals (development). A deadline only: no
  figure's value, comparator or confidence changes.

Expected values are worked out by hand from each sentence: 十四五 ends in 2025, 十三五 in 2020, 十五五 in 2030; a
figure whose sentence names its own year keeps that year. Real sentences name their corpus text (development side);
controls written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.periodheading import RULE, headings
from targetwatch.extraction.text import fold
from tests.targetwatch.extraction.proposals import fields, quantified, variants


def _read(props):
    return fields(props, "value", "unit", "comparator", "deadline")


# fuzhou-2021-14th-fyp-aims-news-trad (development, first unseen-53): the heading, the next heading and the first
# goals as stored (the page is of 2021-01-06), without the mirror's readings
FUZHOU = ('"十四五"主要目標\n今后五年的主要任務\n堅持創新驅動\n'
          "推進“三創園”、生態型環城科創走廊、全國一流大學城、中國東南(福建)科學城建設,"
          "力爭全社會研究與試驗發展經費投入總量年均增長20%以上,高新技術企業增加到4000家以上。")
# the same with the mirror's readings as stored: 創(chuàng)新, 驅(qū)動, 發(fā)展, 經(jīng)費, 技術(shù), 企業(yè)
FUZHOU_READINGS = FUZHOU.replace("創新驅動", "創(chuàng)新驅(qū)動").replace("發展經費", "發(fā)展經(jīng)費").replace(
    "技術企業", "技術(shù)企業(yè)")
# china-2016-st-plan-goals (development): the heading and the start of the goals as stored (2016-07-28)
CHINA_2016 = ("“十三五”科技創新的總體目標\n“十三五”科技創新的總體目標是:國家科技實力和創新能力大幅躍升,"
              "國家綜合創新能力世界排名進入前15位,邁進創新型國家行列。\n"
              "一是自主創新能力全面提升。研究與試驗發展經費投入強度達到2.5%,"
              "通過《專利合作條約》(PCT)途徑提交的專利申請量比2015年翻一番。")


@pytest.mark.parametrize("text", [*variants(FUZHOU), FUZHOU_READINGS, FUZHOU.replace('"', "“", 1).replace('"', "”")])
def test_a_fourteenth_plan_heading_gives_its_goals_2025(text):
    # 年均增長20%以上: a growth rate, 20 per cent a year at least; 增加到4000家以上: 4000 firms at least; neither
    # sentence names a year, the heading names 十四五: 2025 (no deadline at all before the rule)
    props = quantified(text, issued="2021-01-06")
    assert _read(props) == [(20, "percent", "growth_rate", 2025), (4000, "count", "at_least", 2025)]
    assert all(RULE in p.rule.split("+") for p in props)


@pytest.mark.parametrize("text", variants(CHINA_2016))
def test_a_thirteenth_plan_heading_gives_its_goals_2020_and_a_baseline_year_is_no_deadline(text):
    # 前15位: a rank of 15 at most; 達到2.5%: 2.5 per cent at least; 比2015年翻一番: twice 2015's (2015 a baseline,
    # not the figure's year): all 2020, the heading's 十三五
    props = quantified(text, issued="2016-07-28")
    read = fields(props, "value", "unit", "comparator", "deadline", "multiple")
    assert read == [(15, "rank", "rank_at_most", 2020, None), (2.5, "percent", "at_least", 2020, None),
                    (None, None, "multiple_of_baseline", 2020, 2.0)]


@pytest.mark.parametrize(("text", "issued", "expected"), [
    # SYNTHETIC: the period ended before the page's date (a 2022 page's “十三五” heading): no deadline from it
    ("“十三五”主要目标\n高新技术企业增加到4000家以上。", "2022-03", [(4000, "count", "at_least", None)]),
    # SYNTHETIC: a page without a date of its own: left as it is
    ("“十四五”主要目标\n高新技术企业增加到4000家以上。", None, [(4000, "count", "at_least", None)]),
    # SYNTHETIC: a sentence that names its own year keeps it
    ("“十四五”主要目标\n2022年高新技术企业增加到4000家以上。", "2021-01", [(4000, "count", "at_least", 2022)]),
    # SYNTHETIC: the next period's heading takes over below it
    ("“十四五”主要目标\n高新技术企业增加到4000家以上。\n“十五五”远景目标\n高新技术企业增加到8000家以上。", "2021-01",
     [(4000, "count", "at_least", 2025), (8000, "count", "at_least", 2030)]),
])
def test_only_a_period_ahead_of_the_page_and_a_figure_without_its_own_year(text, issued, expected):
    assert _read(quantified(text, issued=issued)) == expected


@pytest.mark.parametrize(("line", "found"), [
    ('"十四五"主要目標', [2025]),  # fuzhou (development, first unseen-53)
    ("“十三五”科技創新的總體目標", [2020]),  # china-2016-st-plan-goals (development)
    ("“十三五”中国旅游业发展确定四大目标", [2020]),  # china-2016-tourism-13th-plan-news (development)
    ("我国 “十四五”5G建设目标提前完成", []),  # china-2025-5g-sailing-action-news (development): reported met
    ("陕西“十四五”县域发展目标任务清单出炉", []),  # shaanxi-2021-county-targets-news (development): no goals heading
    ("完成“十三五”目标", []),  # SYNTHETIC: goals met
    ("我们提出“十四五”主要目标,高新技术企业增加到4000家以上。", []),  # SYNTHETIC: running text, not a heading line
])
def test_the_heading_is_a_line_naming_the_period_and_ending_with_goals(line, found):
    class Doc:  # only the folded view is read
        view = fold(line)
    assert [year for _, _, year in headings(Doc())] == found  # type: ignore[arg-type]
