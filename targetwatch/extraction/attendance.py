"""Round 28 (issue 18): the people at a meeting are counted, not targeted.

A news report of a congress says who attended or was addressed: 各国驻华使节以及近2900名代表出席开幕式 (the nhandan news
of the 2024 national work report), 对近3000名全国人大代表和2000多名全国政协委员说 (the 2016 work report's news), 823名
人大代表出席会议 (四川's 2009 work report). Read as figures, they were proposed at 0.60 and 0.70 with the text's
deadline. Class counted on the development side before the rule: a count in 名 of 代表 / 委员 / 嘉宾 / 与会 people, with
出席 / 参加 / 开幕 / 会议 / 说 / 讲话 in its clause, stands in 3 development texts; none of them is a target.

A figure in persons followed, within a few characters and in its clause, by the delegates or members it counts, in a
clause that names the meeting or the speech, is dropped after the walk (like `limits`' raised limits). A target of
training or electing so many delegates (培训1000名人大代表) names no meeting verb and stays.
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document

# 近2900名代表, 2000多名全国政协委员, 823名人大代表: the figure's 名, then (up to 8 characters of title) the people
# (a mirror's reading blanks, 政     协委员, are not counted among the 8)
COUNTED_PEOPLE: Final = re.compile(
    r" {0,2}(?:多|余)? {0,2}名(?: {0,8}[^,，;；。\d ]){0,8}? {0,8}(?:代 {0,8}表|委 {0,8}员|嘉 {0,8}宾|与 {0,8}会)")
MEETING: Final = re.compile(r"出席|参加|列席|开幕|会议|(?<![学解小])说|讲话")


def attendance(doc: Document, c: Candidate) -> bool:
    """The figure counts delegates or members in a clause about the meeting they attend or the speech they hear."""
    if c.value is None or c.unit != "persons":
        return False
    m = COUNTED_PEOPLE.match(doc.view, c.end - 1) or COUNTED_PEOPLE.match(doc.view, c.end)
    return m is not None and MEETING.search(doc.view, c.clause.start, c.clause.end) is not None


def drop(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """The candidates without the counts of people at a meeting (see the module's docstring)."""
    return [c for c in cands if not attendance(doc, c)]
