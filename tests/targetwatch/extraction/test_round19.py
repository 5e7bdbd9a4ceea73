"""Round 19 of issue 18: the misses and false proposals of unseen-24 (scored once unseen with round 18's rules,
first-score-unseen-24.md, then moved to the development side).

Every text is real, copied from a corpus text named beside it (tests/fixtures/real/policies/), with traditional,
full-width and spaced variants; the issue dates given are the pages' dates (None where the page shows none).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.extraction.proposals import quantified


def _props(text: str, issued: str | None) -> list[tuple[str, float | None]]:
    return [(p.entry["comparator"], p.value) for p in quantified(text, issued)]


@pytest.mark.parametrize("text", [
    # china-2013-hrss-work-points-news: 不超 is at most, not 超 (exceed)
    "今年新增就业900万人 官方:力争失业率不超4.6%",
    "今年新增就業900萬人 官方:力爭失業率不超4.6%",
    "今年新增就业９００万人 官方：力争失业率不超４.６％",
    "今年新增就业 900 万人 官方:力争失业率不超 4.6%",
])
def test_not_above_is_at_most(text):
    assert ("at_most", 4.6) in _props(text, "2013-01")


@pytest.mark.parametrize(("text", "expected"), [
    # shishi-2017-employment-targets-news (undated): re-employment counts
    ("日前,石獅人民政府辦公室下達《2017年促進就業工作目標責任制任務通知》(以下簡稱《通知》),要求2017年城鎮新增就業人數1.35萬人;"
     "城鎮下崗失業人員再就業180人(其中城鎮就業困難對象再就業60人),城鎮登記失業率控制在0.8%以內。",
     [13500, 180, 60, 0.8]),
    ("日前,石狮人民政府办公室下达《2017年促进就业工作目标责任制任务通知》(以下简称《通知》),要求2017年城镇新增就业人数1.35万人;"
     "城镇下岗失业人员再就业180人(其中城镇就业困难对象再就业60人),城镇登记失业率控制在0.8%以内。",
     [13500, 180, 60, 0.8]),
    ("日前，石狮人民政府办公室下达《2017年促进就业工作目标责任制任务通知》（以下简称《通知》），要求2017年城镇新增就业人数１.３５万人；"
     "城镇下岗失业人员再就业１８０人（其中城镇就业困难对象再就业６０人），城镇登记失业率控制在０.８％以内。",
     [13500, 180, 60, 0.8]),
    # china-miit-sme-digitalisation-news: 促进 as the verb of a count
    ("工信部將在今年年底為不少于10萬家中小企業提供數字化轉型服務,促進10萬家中小企業業務上云。", [100000, 100000]),
    ("工信部将在今年年底为不少于10万家中小企业提供数字化转型服务,促进10万家中小企业业务上云。", [100000, 100000]),
])
def test_counts_after_re_employment_and_promote_are_read(text, expected):
    assert [v for _, v in _props(text, None)] == expected


@pytest.mark.parametrize("text", [
    # china-2016-jobs-q3-status-news: a headline of a target reached
    "全年新增1000萬人就業(yè)目標(biāo)提前實(shí)現(xiàn)",
    "全年新增1000萬人就業目標提前實現",
    "全年新增1000万人就业目标提前实现",
    "全年新增１０００万人就业目标提前实现",
    # shandong-2021-entrepreneurship-employment-news: 已 before 发放
    "山东破解创业创新“拦路虎” 已发放担保贷款逾118亿元",
    "山東破解創業創新“攔路虎” 已發放擔保貸款逾118億元",
])
def test_a_target_reached_and_money_already_lent_are_status(text):
    assert _props(text, "2016-10") == []


@pytest.mark.parametrize("text", [
    # china-2008-jobs-q3-status-news: shares of the year's targets with the targets' figures named
    "1—9月,全国累计实现城镇新增就业人员936万人,为全年目标任务1000万人的94%;就业困难人员再就业人数119万人,"
    "为全年目标任务100万人的119%。",
    "1—9月,全國累計實現城鎮新增就業人員936萬人,為全年目標任務1000萬人的94%;就業困難人員再就業人數119萬人,"
    "為全年目標任務100萬人的119%。",
])
def test_a_share_of_a_named_target_is_progress(text):
    assert all(v not in (94, 119) for _, v in _props(text, "2008-10"))
