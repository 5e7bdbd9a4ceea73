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
"""

from __future__ import annotations

from typing import Final

from targetwatch.extraction.candidates import Candidate

# Rules that mark a figure as a result or a statistic of the present.
RESULT_RULES: Final = frozenset({"done", "past_year"})
# Deadlines that are not the figure's own.
LENT: Final = frozenset({"deadline_from_document", "deadline_plan_name", "deadline_goals_sentence"})


def mark(cands: list[Candidate]) -> None:
    """Give each earlier, undated copy of a later result the result's score (rule `echo_of_result`)."""
    results = [c for c in cands if RESULT_RULES.intersection(c.rules_fired) and c.value is not None]
    for c in cands:
        if c.value is None or RESULT_RULES.intersection(c.rules_fired):
            continue
        if any(r.startswith("deadline_") and r not in LENT and r != "deadline_undated_text" for r in c.rules_fired):
            continue  # a deadline of its own (到2020年…突破700家)
        later = next((r for r in results if r.start > c.start and r.value == c.value and r.unit == c.unit
                      and r.comparator == c.comparator and r.score < c.score), None)
        if later is not None:
            c.score = later.score
            c.rules_fired.append("echo_of_result")
