"""Round 16 of issue 18: the classes unseen-20 showed (development material since its first score).

Every text is real, copied from a corpus text named beside it (tests/fixtures/real/policies/), with traditional,
full-width and spaced variants; the issue dates given are the pages' dates (None where the page shows none).
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets
from tests.targetwatch.extraction.proposals import quantified


def _props(text: str, issued: str | None) -> list[tuple[str, float | None, int | None]]:
    return [(p.entry["comparator"], p.value, p.entry.get("deadline")) for p in quantified(text, issued)]


@pytest.mark.parametrize("text", [
    "主要預期目標是:經(jīng)濟增長6 . 5%左右,研發(fā)經(jīng)費投入強度2%以上。",  # pingdingshan-2025 (a mirror)
    "主要预期目标是:经济增长6 . 5%左右,研发经费投入强度2%以上。",
    "主要预期目标是:经济增长６ . ５%左右,研发经费投入强度２%以上。",
])
def test_a_decimal_point_printed_with_spaces(text):
    assert [(c, v) for c, v, _ in _props(text, "2025")] == [("growth_rate", 6.5), ("at_least", 2)]


# hubei-2025-work-report-summary (2025-01-17): last year's report card above this year's targets
HUBEI = ("政府工作报告摘要与导读\n长江日报 2025年01月17日\n"
         "■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n●粮食总产达到557亿斤\n"
         "■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇调查失业率5.5%左右,城镇新增就业70万人以上\n")


@pytest.mark.parametrize("text", [
    HUBEI,
    HUBEI.replace("成绩单", "成績單").replace("预期目标", "預期目標"),
    HUBEI.replace("557亿斤", "557 亿斤"),
])
def test_a_years_report_card_is_status(text):
    assert _props(text, "2025-01") == [("growth_rate", 6, 2025), ("approx", 5.5, 2025), ("at_least", 700000, 2025)]


@pytest.mark.parametrize("text", [
    # longyou-2025-work-report-targets (no date on the page): the heading and the lead name the year
    "二、2025年目标任务和重点工作\n建议2025年全县经济社会发展的努力目标为:全县生产总值增长7%;固定资产投资增长10%以上。",
    "二、2025年目標任務和重點工作\n建議2025年全縣經濟社會發展的努力目標為:全縣生產總值增長7%;固定資產投資增長10%以上。",
    "二、2025年目标任务和重点工作\n建议2025年全县经济社会发展的努力目标为:"
    "全县生产总值增长 7%;固定资产投资增长 10% 以上。",
])
def test_an_undated_reports_lead_dates_its_targets_as_an_inference(text):
    props = extract_targets(text, "t")
    assert [(p.entry["comparator"], p.value, p.entry["deadline"]) for p in props] == [
        ("growth_rate", 7, 2025), ("growth_rate", 10, 2025)]
    assert all(p.deadline_inferred and p.confidence < 0.9 for p in props)


@pytest.mark.parametrize("text", [
    # nanjing-2020-digital-economy-plan-news (2020-05-29): 3年内 opening a sentence, the issue year the first
    "南京提出打造国家级软件和信息服务先进制造业集群。3年内,电子信息制造业收入达到2750亿元。",
    "南京提出打造國家級軟件和信息服務先進製造業集群。3年內,電子信息製造業收入達到2750億元。",
    "南京提出打造国家级软件和信息服务先进制造业集群。３年内，电子信息制造业收入达到 2750 亿元。",
])
def test_years_within_opening_a_sentence(text):
    assert _props(text, "2020-05") == [("at_least", 2.75e11, 2022)]
