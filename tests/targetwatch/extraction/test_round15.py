"""Round 15 of issue 18: the classes unseen-19 showed (development material since its first score).

Every text is real, copied from a corpus text named beside it (tests/fixtures/real/policies/), with traditional,
full-width and spaced variants; the issue dates given are the pages' dates. Expected values are read off by hand.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction.corpus import CORPUS_DIR
from tests.targetwatch.extraction.proposals import quantified

ZHENGZHOU = (CORPUS_DIR / "zhengzhou-2024-work-report-targets-news.txt").read_text(encoding="utf-8")
# From the paragraph before the lead (round 44: a text is read without its readings, so an excerpt opening with the
# lead would make it the excerpt's title line, which opens no section; the page has a title above it)
LEAD = ZHENGZHOU.index("2024年鄭州市經(jīng)濟(jì)社會(huì)發(fā)展\n")
LIST = ZHENGZHOU[ZHENGZHOU.rindex("\n", 0, LEAD - 1) + 1 :]


def _props(text: str, issued: str | None) -> list[tuple[str, float | None, int | None]]:
    return [(p.entry["comparator"], p.value, p.entry.get("deadline")) for p in quantified(text, issued)]


@pytest.mark.parametrize("text", [
    LIST,  # zhengzhou-2024-work-report-targets-news: a mirror with readings, one target a line
    LIST.replace("(zhèn)", "").replace("(biāo)", "").replace("(qī)", ""),  # fewer readings
    LIST.replace("7%", "７％").replace("2.8%", "２.８％"),  # full width
    LIST.replace("增長7%左右", "增長 7% 左右"),  # spaced
])
def test_a_lead_naming_the_years_targets_dates_the_lines_after_it(text):
    props = _props(text, "2024-02")
    assert ("growth_rate", 7, 2024) in props and ("at_least", 2.8, 2024) in props
    assert ("approx", 5.5, 2024) in props and ("approx", 3, 2024) in props
    assert len(props) == 9


@pytest.mark.parametrize("text", [
    # china-2024-employment-targets-news: a word of intent split by a reading's blank (目(mù)標(biāo))
    "政府工作報(bào)告提出,經(jīng)濟(jì)增長(zhǎng)預(yù)期目標(biāo)為5%左右,。",
    "政府工作报告提出,经济增长预期目标为5%左右。",
    "政府工作报告提出,经济增长预期目标为 5% 左右。",
])
def test_a_growth_target_named_as_such_is_a_rate(text):
    assert [c for c, _, _ in _props(text, "2024-03")] == ["growth_rate"]


def test_no_count_starts_with_zero():
    # china-2022-employment-targets-abstract: the abstract prints 1100 as 1 1 00; since round 49 (spaceddigits.py)
    # the run is one number, 1100万 = 11,000,000 (the gold value); before it, no figure was read there (never 0)
    text = "提出了今年的就业工作预期目标——城镇新增就业1 1 00万人以上,城镇调查失业率全年控制在5.5%以内。"
    assert [v for _, v, _ in _props(text, "2022")] == [11_000_000, 5.5]


@pytest.mark.parametrize("text", [
    # gaoling-2022-employment-plan: the plan's name gives its period, but not to its 发展基础
    "西安市高陵区稳就业促就业三年行动方案(2022—2024年)\n二、发展基础\n规模以上工业企业达到213家,产值过亿元企业达到35家。",
    "西安市高陵區穩就業促就業三年行動方案(2022—2024年)\n二、發展基礎\n規模以上工業企業達到213家,產值過億元企業達到35家。",
    "西安市高陵区稳就业促就业三年行动方案（2022—2024年）\n二、发展基础\n"
    "规模以上工业企业达到 213 家,产值过亿元企业达到 35 家。",
])
def test_a_plans_period_does_not_reach_its_review_of_the_ground(text):
    assert _props(text, "2022-11") == []


@pytest.mark.parametrize("text", [
    "统筹推进三个“一号工程”,深入实施后亚运“十大攀登行动”。",  # hangzhou-2024-work-report-targets
    "統籌推進三個“一號工程”,深入實施後亞運“十大攀登行動”。",
    "统筹推进 三个“一号工程”。",
])
def test_a_count_of_named_programmes_is_no_target(text):
    assert _props("2024年经济社会发展主要预期目标:" + text, "2024-01") == []
