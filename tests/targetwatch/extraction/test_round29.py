"""Round 29 of issue 18: false proposals of unseen-37 (scored once unseen with round 28's rules,
first-score-unseen-37.md, then moved to the development side with unseen-38), read as classes counted on the
development side:

- a doubling over a named base written 实现 without 了 (较“十三五”初期實現翻番, 提前一年实现比2010年翻一番) in a
  sentence that reports a past year and states no deadline or intent is reached, not aimed at
  (`ownresults._reached_over_base`; 2 development texts);
- 当前 before a figure in its sentence marks it as where things stand (`rules.STATUS_WORDS`; 4 development texts, none
  with a target after it), so a bulleted summary's status (当前,…已取得积极成效,…超过340家) is not proposed while its
  targets (到2028年…超过450家) are.

Every text is real, copied from the corpus text named beside it (tests/fixtures/real/policies/, development side),
with simplified or traditional, full-width and spaced variants (OpenCC for the script). Controls written for the test
are marked so (no page holds them).
"""

from __future__ import annotations

import pytest

from targetwatch.config import PROJECT_DIR
from tests.targetwatch.extraction.proposals import fields, quantified, variants


def _variants(text: str) -> list[str]:
    return variants(text, "%万萬亿億")

_POLICIES = PROJECT_DIR / "tests" / "fixtures" / "real" / "policies"


def _read(props):
    return fields(props, "value", "comparator", "deadline")


# zhejiang-2022-digital-economy-white-paper-news-trad: 2021's status (…較“十三五”初期實現翻番) above the 2027 targets
ZHEJIANG = (_POLICIES / "zhejiang-2022-digital-economy-white-paper-news-trad.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", _variants(ZHEJIANG))
def test_a_doubling_reached_over_a_named_base_is_not_a_target(text):
    props = quantified(text)  # the page shows no date (as the corpus scores it)
    assert not [p for p in props if p.entry["comparator"] == "multiple_of_baseline"]
    # the 2027 targets below it are read as before
    assert {(7000000000000, "exceed", 2027), (1600000000000, "exceed", 2027), (1200, "exact", 2027)} <= set(
        _read(props))


@pytest.mark.parametrize("text", _variants(
    # hubei-2022-digital-economy-plan-news (development): a deadline in the sentence, so 实现翻番 is a target
    "规划对这一目标进行细化,提出到2024年底,我省数字经济核心产业增加值实现翻番,达到5500亿元,力争达到5800亿元,"
    "基本建成全国数字产业化引领区。"))
def test_a_doubling_under_a_deadline_stays_a_target(text):
    assert (550000000000, "at_least", 2024) in _read(quantified(text))


@pytest.mark.parametrize("text", _variants(
    # songshanhu-2017-talent-news (development): intent and a deadline, 实现翻一番 then the level it makes
    "殷焕明指出,创新驱动发展要依靠大量高层次创新型人才,松山湖(生态园)争取到2020年,人才总量实现翻一番,达到14万人,"
    "高层次人才占人才总量比例约10%。"))
def test_a_doubling_after_intent_stays_a_target(text):
    assert (140000, "at_least", 2020) in _read(quantified(text))


def test_a_doubling_over_a_base_in_a_goals_list_stays_a_target():
    # control written for the test: a base year (较2020年) is no past year that opens the sentence, and the goals
    # lead a sentence up gives the deadline
    props = quantified("主要目标:到2025年,数字经济发展水平全国领先。全省数字经济核心产业增加值较2020年实现翻番,"
                       "占GDP比重达到15%。", issued="2022-06")
    assert [p.entry["comparator"] for p in props] == ["multiple_of_baseline", "at_least"]
    assert {p.entry.get("deadline") for p in props} == {2025}


@pytest.mark.parametrize("text", _variants(
    # control written for the test, in the form of the 浙江 sentence: a past year opens it, no deadline, no intent
    "2021年,全市规上工业增加值較2015年實現翻番,增长8.2%。"))
def test_a_past_years_doubling_over_a_base_is_reached(text):
    assert not [p for p in quantified(text, issued="2022-06") if p.entry["comparator"] == "multiple_of_baseline"]


# china-2026-industrial-internet-plan-summary: a bulleted summary, no sentence end between the 2028 targets, the
# status after 当前 and another plan's target
SUMMARY = (_POLICIES / "china-2026-industrial-internet-plan-summary.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", _variants(SUMMARY))
def test_the_present_in_a_bulleted_summary_is_status(text):
    props = quantified(text)
    assert _read(props) == [(55, "at_least", 2028), (450, "exceed", 2028), (120000000, "exceed", 2028),
                            (50000, "at_least", 2028)]  # 超过340家, 超过1亿台(套) after 当前: not proposed


@pytest.mark.parametrize("text", _variants(
    # hubei-2017-incubators-news (development): 当前 inside the sentence, before the counts it reports
    "截至目前,湖北省科技孵化器在孵企业当前知识产权申请数4971个,拥有有效知识产权数6279个。"))
def test_counts_after_the_present_are_status(text):
    assert not quantified(text, issued="2017-09")


def test_a_target_after_the_present_in_its_own_sentence_stays():
    # control written for the test: 当前 governs its own sentence; the target after it keeps its reading
    props = quantified("当前,全省高新技术企业超过300家。力争到2025年,全省高新技术企业达到600家以上。", issued="2022-06")
    assert _read(props) == [(600, "at_least", 2025)]


def test_the_present_reads_as_the_older_status_word_does():
    # control written for the test: in one sentence with intent after it, 当前 reads as 目前 (already a status word
    # before this round) does: the same reading, not a new one. Until round 37 both figures were dropped; since
    # laterclause.py (round 37: a status word in an earlier clause, 力争到2025年 after a clause break) the status
    # figure 300家 still is, and 600家以上 after the cue is read as the target, for both words alike
    one = "{},全省高新技术企业超过300家,力争到2025年达到600家以上。"
    assert _read(quantified(one.format("当前"), issued="2022-06")) == _read(
        quantified(one.format("目前"), issued="2022-06")) == [(600, "at_least", 2025)]
