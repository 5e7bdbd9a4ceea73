"""Round 47 (issue 18): a year written before a figure in a text's headline gives that figure its deadline.

A headline states its target in a few words, the year first and with no 到 / 力争 before it:
2020年上海经济增速预期首次定格“6%左右”, 四川省政府工作报告丨2024年四川地区生产总值预期增长6%左右,
国务院印发纲要:2025年中国公民具备科学素质比例超15%. The deadline rules of the body read 到2025年, 力争2025年 and a
year opening a sentence with a comma (`yearopening`); none reads a headline's bare year, so such figures had no
deadline or the document's commonest one (2035 for the outline news, whose body names 2025 and 2035). Three
development texts show it (shanghai-2020-work-report, first unseen-5; sichuan-2024-work-report-targets-news, first
unseen-27; china-2021-science-literacy-outline-news, first unseen-58).

Only the first non-blank line, up to `MAX_HEADLINE` characters and not ending with a full stop; only a figure the
other rules left without a deadline; the one year written before the figure in the line (two years: the rule leaves
it, as `yearopening` does for 2024年,全县将巩固2023年成果,新增…), when it is not before the text's own year and is not
a part of a year reported (2022年底已累計建成…, 2023年上半年, 1至6月, 2018年以来).
"""

from __future__ import annotations

import re
from typing import Final

from targetwatch.extraction.candidates import Candidate, Document

MAX_HEADLINE: Final = 60
YEAR: Final = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2}) {0,2}年(?!度?以来|[前底末]|上半年|下半年|[一二三四]季度|"
                         r"\d{1,2} {0,2}(?:[-—至到]|月))")


def _headline(view: str) -> tuple[int, int] | None:
    """The span of the first non-blank line, when it is short enough to be a headline and does not end with a full
    stop (a sentence of a body pasted alone does)."""
    start = len(view) - len(view.lstrip())
    end = view.find("\n", start)
    end = len(view) if end < 0 else end
    line = view[start:end].rstrip()
    return (start, end) if 0 < end - start <= MAX_HEADLINE and not line.endswith(("。", ".")) else None


def carry(doc: Document, cands: list[Candidate]) -> None:
    """Give a headline's figure with no deadline the year written before it in the headline (rule
    `deadline_headline_year`)."""
    span = _headline(doc.view)
    if span is None:
        return
    now = doc.issue_year if doc.issue_year is not None else doc.stated_year
    for c in cands:
        if c.deadline is not None or c.comparator == "qualitative" or not span[0] <= c.start < span[1]:
            continue
        years = [int(m["year"]) for m in YEAR.finditer(doc.view, span[0], c.start)]
        if len(years) == 1 and (now is None or years[-1] >= now):
            c.deadline = years[-1]
            c.rules_fired.append("deadline_headline_year")
