"""The document as evidence: is a figure a commitment, or a report of what was done?

Plans and statistics reports write numbers the same way (建成…平台101个, 总数达1630家). What tells them apart is
around the figure, not in it: a deadline, a word of intent, a goals heading, this year's targets — *forward
evidence*. `weigh` runs once over a document's candidates, after the walk has placed their deadlines:

- a text that sets no deadline after its own year and either names itself a review or a statistics release in its
  first line (工作总结, 公报, 情况通报), or has fewer than half of its figures with forward evidence and no plan
  word in its opening (目标, 规划, 方案), is a report: its figures without forward evidence lose
  `report_document`;
- a figure after a year before the text's own, with a verb of doing (2019年我市认定通过…13家), loses `past_year`;
- a figure with no forward evidence at all is capped at `UNDATED_CAP` (0.85), so that a confidence of 0.9 or
  more always rests on a deadline, a word of intent or a goals heading.

The tables are in `rules.py` (section 3b); docs/extraction.md reports the calibration this gives, per set.
"""

from __future__ import annotations

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document

# Rules that already mark a figure as status; the document-level penalty does not pile onto them.
_ALREADY_STATUS = frozenset({"status_report", "news_report", "done"})
# Deadline rules that the walk records on a candidate when a deadline is in scope (not the document's fallback).
_IN_SCOPE = frozenset({rule for rule, _ in rules.DEADLINES} | {"deadline_carried", "distributive_year"})


def forward(doc: Document, c: Candidate, this_year: bool = True) -> bool:
    """A deadline in scope, a goals heading, or a word of intent or of this year's targets in the figure's
    sentence (or earlier in its paragraph, for a list that a lead sentence introduces). In a review (`this_year`
    false) 今年 / 全年 is the year reviewed, not one ahead."""
    if "goals_section" in c.rules_fired:
        return True
    view = doc.view
    if _IN_SCOPE.intersection(c.rules_fired):
        lead = view[c.sentence.start : c.end]
        if not rules.STATUS_DATE.search(lead):  # 截至2019年底 in a text without a date of its own
            return True
    for span in (view[c.sentence.start : c.sentence.end], view[c.paragraph.start : c.start]):
        if rules.INTENT.search(span) or (this_year and rules.THIS_YEAR_AHEAD.search(span)):
            return True
    return False


def _first_line(doc: Document) -> str:
    return doc.view.lstrip()[: rules.REPORT_TITLE_REACH].split("\n", 1)[0]


def _future_deadline(cands: list[Candidate], doc: Document) -> bool:
    """A deadline after the text's own year (or, without a date, any deadline not opened by 截至)."""
    for c in cands:
        if c.deadline is None or not _IN_SCOPE.intersection(c.rules_fired):
            continue
        if doc.issue_year is not None and c.deadline > doc.issue_year:
            return True
        if doc.issue_year is None and not rules.STATUS_DATE.search(doc.view[c.sentence.start : c.end]):
            return True
    return False


def _past_year(doc: Document, c: Candidate) -> bool:
    if doc.issue_year is None:
        return False
    before = doc.view[c.sentence.start : c.start]
    return any(int(m["year"]) < doc.issue_year for m in rules.PAST_YEAR_DONE.finditer(before))


def weigh(doc: Document, cands: list[Candidate]) -> None:
    """Adjust each candidate's score by what the document around it says (see the module's docstring)."""
    figures = [c for c in cands if c.comparator != "qualitative"]
    if not figures:
        return
    titled = bool(rules.REPORT_TITLE.search(_first_line(doc))) and not _future_deadline(figures, doc)
    ahead = {id(c): forward(doc, c, this_year=not titled) for c in figures}
    share = sum(ahead.values()) / len(figures)
    opening = doc.view.lstrip()[: rules.REPORT_TITLE_REACH]
    is_report = titled or (
        len(figures) >= rules.REPORT_MIN_FIGURES and share < rules.REPORT_EVIDENCE_SHARE
        and not rules.PLAN_TITLE.search(opening) and not _future_deadline(figures, doc)
    )
    for c in figures:
        if ahead[id(c)]:
            continue
        if is_report and not _ALREADY_STATUS.intersection(c.rules_fired):
            c.score += rules.CONFIDENCE["report_document"]
            c.rules_fired.append("report_document")
        if _past_year(doc, c) and "done" not in c.rules_fired:
            c.score += rules.CONFIDENCE["past_year"]
            c.rules_fired.append("past_year")
        c.score = min(c.score, rules.UNDATED_CAP)
