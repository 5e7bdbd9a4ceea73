"""Review s21a (session 21; findings in /work/review-s21a.md): two over-reaches of round 54's extraction rules, as
cases that hold what the extractor should do (each was xfail(strict) until ext54 fixed it, both in session 21).
The texts are SYNTHETIC, written in the common wording of each class (a development text of neither class was read
for them)."""

from __future__ import annotations

from targetwatch.extraction import extract_targets

# R4: a year-end review whose results paragraph opens 今年, and says 将近 (nearly): no intent, no goals lead
REVIEW = ("某市科技局2023年工作总结\n\n2023年，全市科技工作取得新成效，各项指标完成情况良好。\n"
          "今年，全市高新技术企业总数将近翻番，达到320家，技术合同成交额达到48亿元，比上年增长15%。\n")
# R5: 兆元產業 after a count word is a size class (five trillion-yuan industries), as 千亿元以上产业集群 is
SIZE_CLASS = ("臺灣2025年產業政策\n\n"
              "行政院表示，到2030年，將打造半導體、人工智慧、軍工、安控、次世代通訊等五大兆元產業。\n")


# review s21a R4, fixed by 8a6a19b7 (将 is no intent before 近 / 军, in yearahead and rules.INTENT_AS_WORD)
def test_nearly_in_a_review_paragraph_opening_this_year_is_no_goals_lead():
    proposals = extract_targets(REVIEW, "review", min_confidence=0.0)
    assert proposals, "the control: the results are still proposed (0.80 at c5c95c2)"
    assert max(p.confidence for p in proposals) < 0.9
    assert not any("goals_lead" in p.rule for p in proposals)


# review s21a R5, fixed by 9dc18fa3's follow-up 9900d8b7 (barescale: no 兆元 after a count or measure word)
def test_a_trillion_yuan_size_class_after_a_count_is_no_figure():
    proposals = extract_targets(SIZE_CLASS, "size-class", min_confidence=0.0)
    assert [p.entry["value"] for p in proposals if p.unit == "yuan"] == []
