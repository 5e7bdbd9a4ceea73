"""Round 23 (issue 18): a budget set for the year, the change from last year's beside it, and a grant per head.

**A budget set** (中央财政安排就业补助资金预算667亿元, a story of 2024-03 on the year's budget) is a commitment of the
year, written with no word of intent: 安排 (arranges) and 预算 (budget) say it. Round 22 made 安排 a target verb, but
a short news text whose other figures are the ministry's estimates (预计2024年可撬动1.3万亿元新增贷款…) has no figure
with forward evidence, so it read as a report and the budget fell to 0.10. `sets_budget` reads 安排…预算 / 预算安排 /
安排…资金 right before the figure, with no year before the text's own and no word of a thing done in its sentence
(nor 截至 / 累计 / 以来 in its paragraph), as the figure's own forward evidence (`evidence.forward`), whatever the
text's aspect; and in a text with no word of intent anywhere (`Document.is_report`) it takes back that text's penalty.

**The change from last year's** (拟安排地方政府专项债券4.4万亿元、比上年增加5000亿元): the level is the setting, the
increment after 比上年增加 / 较上年多 restates it against last year's and is not annotated as a target
(tests/fixtures/real/policies/README.md). An amount (not a percent: 比上年增长15% is a growth target) right after such
words, with another figure before it in its sentence, loses `rules.CONFIDENCE["status"]` (rule
`change_from_last_year`).

**A grant per head** (参照企业享受每招用1人按1500元的标准发放一次性扩岗补助): 按…元的标准 is a rate paid per unit and
每…1人 the unit it is paid for; like 给予50万元奖励 (a grant to each firm) neither is a target: both lose
`rules.CONFIDENCE["per_unit_norm"]` (rule `rate_per_head`).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.budgetlines as budgetlines
import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.figures import reported

# 安排…预算 / 预算安排 / 安排…资金 (经费, 专项债券) ending right before the figure (a few characters of gap).
BUDGET_SETTING: Final = re.compile(
    r"(?:安排|下达)[^,，。;；\d]{0,16}?(?:预算|资金|经费|专项债券|国债)[^,，。;；\d]{0,4}$"
    r"|预算(?:安排|资金)[^,，。;；\d]{0,6}$")
# A thing done in the sentence, or a span up to now in the paragraph (截至2008年底,…市县财政安排资金235.2万元):
# the budget is reported, not set.
DONE_WORDS: Final = re.compile(r"已|了")
SPAN_WORDS: Final = re.compile(r"累计|共计|以来|截至|截止")
PAST_YEAR: Final = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2}) {0,2}年")
# 比上年增加 / 较去年多 / 比上年减少, right before the figure.
CHANGE_FROM_LAST_YEAR: Final = re.compile(r"(?:比|较)(?:上年|去年|上一年)(?:同期)?(?:增加|多|减少|少|增)了? {0,2}$")
# 每招用1人按1500元的标准, 按每人1500元的标准, 按1500元/人的标准.
RATE_PER_HEAD: Final = re.compile(
    r"(?:每[^,，。;；\d]{0,6}?\d+ {0,2}[人名户家个])?[^,，。;；\d]{0,4}?按(?:每[人户家名])?"
    r" {0,2}\d+(?:\.\d+)? {0,2}[万千]?元(?:/[人户家名])?的?标准")


def sets_budget(doc: Document, c: Candidate) -> bool:
    """True when the figure is a budget the text sets: 安排…预算 right before it, its sentence naming no year before
    the text's and no thing done."""
    if c.unit != "yuan":
        return False
    if budgetlines.compiled(doc, c):  # round 54: 共編列122.76億元、通勤月票票價補貼11億元
        return True
    before = doc.view[c.sentence.start : c.start]
    if not BUDGET_SETTING.search(before) or DONE_WORDS.search(before) \
            or SPAN_WORDS.search(doc.view, c.paragraph.start, c.start):
        return False
    return doc.issue_year is None or all(int(m["year"]) >= doc.issue_year for m in PAST_YEAR.finditer(before))


def mark_budget_parts(doc: Document, cands: list[Candidate]) -> None:
    """Lower an increment over last year's beside a level, and the figures of a rate paid per head; date a budget
    set with no year of its own to the text's year."""
    view = doc.view
    norms = [m.span() for m in RATE_PER_HEAD.finditer(view)]
    for c in cands:
        if c.comparator == "qualitative" or c.value is None:
            continue
        budget = sets_budget(doc, c)
        if budget and "news_report" in c.rules_fired and doc.is_report and not reported(doc, c.paragraph, c.start):
            c.score -= rules.CONFIDENCE["report"]  # a text with no word of intent anywhere: its budget is one
            c.rules_fired.remove("news_report")
        if budget and c.deadline is None and doc.issue_year is not None:
            c.deadline = doc.issue_year  # a budget set with no year of its own is the text's year's
            c.rules_fired.append("deadline_budget_year")
        if c.unit != "percent" and c.comparator != "growth_rate" \
                and CHANGE_FROM_LAST_YEAR.search(view, c.sentence.start, c.start) \
                and any(o is not c and o.sentence.start == c.sentence.start and o.start < c.start for o in cands):
            c.score += rules.CONFIDENCE["status"]
            c.rules_fired.append("change_from_last_year")
        elif any(a <= c.start < b for a, b in norms):
            c.score += rules.CONFIDENCE["per_unit_norm"]
            c.rules_fired.append("rate_per_head")
