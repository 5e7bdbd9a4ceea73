"""A figure that echoes a result stated later in the same text is that result, not a target.

Round 34 (issue 18). A news headline often restates the result its body reports: 江西新能源汽车生产和销售量分别突破5万辆
和4万辆 over the body's 2017年新能源汽车生产和销售量分别突破5万辆和4万辆, and 湖北两年孵化逾千家科技创业企业 over
近两年…毕业的科技创业企业逾千家. The body's copy is read as a result (its year is past, or a status word stands before
it), but the headline, a sentence of its own with no date, kept a target verb's score and the deadline lent by the
document. Counted in 2 development texts before the rule (the 2017 Hubei incubators news; 江西's 2018 NEV news, first
unseen-44, whose 辆 is read since round 34's unit tables); the test half not read.

The rule: an earlier figure with no deadline of its own (none, or one lent by the document) takes the score and the
reading of a later figure of the same value, unit and comparator that a status rule marked as a result. A figure with
its own deadline (到2020年…突破700家) is never touched, so a plan's goal restated later as progress keeps its reading.

Round 43: a later copy marked by a status word (`status_report`) is a result as well, when it has no deadline of
its own ahead. Counted in 3 development texts before the rule, the test half not read, each a headline or lead at
0.60-0.80 restating a status figure of the body:

- the 2017 Hubei incubators news (first unseen-6): 湖北两年孵化逾千家 over 近两年,…毕业的科技创业企业逾千家, which
  round 34 meant to reach and whose copy is now read as status, not done;
- 南京's 专精特新 targets news (first unseen-15): 累计培育…将达到213家 over the body's copy after the list of what
  has been cultivated (已培育…106家、…647家,南京市累计培育…将达到213家);
- the 2025 press news on the 十四五's results (first unseen-28): 我国5年经济增量将超35万亿元 over the body's
  “十四五”五年来,…预计将超过35万亿元.

A copy with its own deadline ahead is not a result: 陕西's 2021 county targets (first unseen-51) restate the
headline's 1.7万亿元 in 截至“十四五”末,…将达1.7万亿元, a goal (matched; it was lost without this limit).
"""

from __future__ import annotations

from typing import Final

from targetwatch.extraction.candidates import Candidate

# Rules that mark a figure as a result or a statistic of the present.
RESULT_RULES: Final = frozenset({"done", "past_year"})
# Round 43: a figure a status word marks (`status_report`: 已 / 截至 / 目前 … before it) is a result too, unless it has
# a deadline of its own ahead (截至“十四五”末,…将达1.7万亿元 is a goal a status word only seems to mark).
STATUS_RULE: Final = "status_report"
# Deadlines that are not the figure's own.
LENT: Final = frozenset({"deadline_from_document", "deadline_plan_name", "deadline_goals_sentence"})


def _own_deadline(c: Candidate) -> bool:
    """Whether the figure has a deadline of its own (到2020年…突破700家), not one lent by the document."""
    return any(r.startswith("deadline_") and r not in LENT and r != "deadline_undated_text" for r in c.rules_fired)


def _result(c: Candidate) -> bool:
    return bool(RESULT_RULES.intersection(c.rules_fired)) or (STATUS_RULE in c.rules_fired and not _own_deadline(c))


def mark(cands: list[Candidate]) -> None:
    """Give each earlier, undated copy of a later result the result's score (rule `echo_of_result`)."""
    results = [c for c in cands if _result(c) and c.value is not None]
    for c in cands:
        if c.value is None or _result(c):
            continue
        if _own_deadline(c):
            continue  # a deadline of its own (到2020年…突破700家)
        later = next((r for r in results if r.start > c.start and r.value == c.value and r.unit == c.unit
                      and r.comparator == c.comparator and r.score < c.score), None)
        if later is not None:
            c.score = later.score
            c.rules_fired.append("echo_of_result")
