"""A status word in an earlier clause does not make the plan's figure after it a status.

Round 37 (issue 18). A figure is read as status (−0.60) when a status word (目前, 已经, 已累计 …, `rules.STATUS_WORDS`)
stands anywhere earlier in its sentence. Chinese runs the state of things and the plan on from it into one sentence:
国务院已经批复实施《…规划》,明确到2030年累计建成12亿亩高标准农田; 2022年底已累計建成10億畝高標準農田,2023年將新建
4500萬畝、改造提升3500萬畝; 目前正值…建设黄金季节,…,力争在2025年5月底前完成…22.99万亩的田间主体工程. Counted in 3
development texts before the rule, the test half not read: the 2021 farmland plan video news (first unseen-39, 0.10),
the 2023 farmland news (traditional, first unseen-39: two figures at 0.00) and 襄阳's 2025 farmland winter-works news
(first unseen-40, 0.00).

`lift` takes the status penalty back from a figure when, after the last status word before it, a clause break and
then a forward cue (力争, 2023年将, 到2030年, 在2025年…前; a year not before the text's own) stand before the figure:
the status belongs to the earlier clause. 将 alone is no cue: 名单公示…,南京市已累计培育…106家…,累计培育…将达到
213家 (a development text's count upon a list's publication, not annotated) was a false proposal with it. The
figure the status word governs (已累计建成10亿亩) has no cue between and stays status; so does one with 已达到-like
verbs in its own clause or a 近三年-like span.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

BREAK: Final = re.compile(r"[,，;；]")
FORWARD: Final = re.compile(r"力争|(?P<will>(?:19|20)\d{2})年(?:底|末)?将|到(?P<to>(?:19|20)\d{2})年"
                            r"|在(?P<by>(?:19|20)\d{2})年[^,，;；。]{0,8}?前")


def lift(view: str, cands: list[Candidate], issue_year: int | None) -> None:
    """Undo `status_report` where the status word stands in an earlier clause (see the module's docstring)."""
    for c in cands:
        if "status_report" not in c.rules_fired:
            continue
        before = rules.BRACKETED.sub(lambda m: " " * len(m[0]), view[c.sentence.start : c.start])
        last = max((before.rfind(w) + len(w) for w in rules.STATUS_WORDS if w in before), default=-1)
        if last < 0 or rules.STATUS_DONE.search(view, c.clause.start, c.start) \
                or rules.PAST_SPAN.search(view, c.sentence.start, c.start):
            continue
        brk = BREAK.search(before, last)
        if brk is None:
            continue
        cues = [m for m in FORWARD.finditer(before, brk.end())
                if issue_year is None or int(m["will"] or m["to"] or m["by"] or issue_year) >= issue_year]
        if not cues:
            continue
        c.score -= rules.CONFIDENCE["status"]
        c.rules_fired.remove("status_report")
        c.rules_fired.append("status_earlier_clause")
        c.notes.append("the status word stands in an earlier clause; the figure's own is forward")
