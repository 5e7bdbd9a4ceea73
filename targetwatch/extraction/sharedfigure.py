"""Two or more named indicators sharing one figure: one target per indicator, each with the figure.

Round 33 (issue 18). A plan often names several indicators before one verb and one figure: 工业投资、制造业投资和
技术改造投资年均增速达到10%以上 (宁夏 2023's industry opinion, first unseen-12), 高新技术产业增加值、企业吸纳技术合同
成交额增长10%以上 (a county's 2021 science work plan, first unseen-24), 残疾儿童入园率和接受康复教育训练率达到90%以上
and 普惠性幼儿园数、在园幼儿数分别占总数80%以上 (山东's 2015 preschool plan news, first unseen-43). Each indicator
is held to the figure, and the corpus annotates one target per name (`policies/README.md`: "one rate over three
names"). The rules proposed one. Counted in 3 development texts before the rule.

`figures._each` already splits 各 / 均 after names (孵化器和众创空间各10家) and `figures._named_multiples` a multiple
(A和B比2016年翻一番); this reads the plain case: the names joined by 、 / 和 / 及 / 与 right before the figure's verb,
each name ending as an indicator does (率, 投资, 额, 值, 数, 量, 比重, 收入 …), so that 研究与试验发展经费 (研究 names
no indicator) or 城镇和农村居民收入 (城镇) stays one target. Only a figure alone in its clause part is split: a list of
figures (分别达到25%和15%) is `walk`'s, one per figure.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from targetwatch.extraction.candidates import STRIP_HEAD, STRIP_TAIL, Candidate

# The names, then what links them to the figure: 分别 / 均 / 都, a growth word (年均增速, 增长), a share's whole
# (占总数), a verb of reaching; nothing else (no other word, no number, no clause mark).
SHARED: Final = re.compile(
    r"(?P<names>[^\d,，;；。:：!！?？()（）]{5,80}?)"
    r"(?P<link>(?:分别|均|都)?(?:年均|年平均)?(?:增速|增幅|增长率|增长)?(?:分别|均|都)?(?:占总数的?|占比)?"
    r"(?:达到|达|超过|不低于|不少于|保持在|稳定在|提高到|提升到|提高至|提升至)? {0,2})$")
JOINERS: Final = re.compile(r"、|和|及|与")
# How an indicator's name ends (a count, a share, an amount, a rate).
INDICATOR_END: Final = re.compile(
    r"(?:率|投资|额|值|数|数量|量|比重|占比|收入|产值|规模|强度|密度|指数|面积|人数|总数)$")
# Words that open a goal before the first name (力争, 到2025年, 全省): trimmed from it.
LEAD: Final = re.compile(r"^.*(?:实现|使|推动|力争|确保|争取|(?:19|20)\d{2}年(?:底|末)?)|^(?:全省|全市|全区|全县)")
NAME_MAX: Final = 20
SPLIT_RULE: Final = "shared_figure"


def names_before(view: str, clause_start: int, at: int) -> list[str] | None:
    """The indicators named before the figure at `at` (two or more, each ending as an indicator does), else None."""
    m = SHARED.search(view, clause_start, at)
    if m is None or m.start() != _part_start(view, clause_start, at):
        return None
    parts = [p.strip(STRIP_HEAD + STRIP_TAIL + " ") for p in JOINERS.split(m["names"])]
    parts[0] = LEAD.sub("", parts[0]).strip(STRIP_HEAD + STRIP_TAIL + " ")
    if len(parts) < 2 or not all(2 <= len(p) <= NAME_MAX and INDICATOR_END.search(p) for p in parts):
        return None
    return parts


def _part_start(view: str, clause_start: int, at: int) -> int:
    """Where the names may start: the clause, or after the last clause mark before the figure."""
    marks = [view.rfind(ch, clause_start, at) for ch in ",，;；:：。"]
    return max([clause_start, *(i + 1 for i in marks if i >= 0)])


def split(view: str, cands: list[Candidate]) -> list[Candidate]:
    """One candidate per named indicator where several share one figure; others pass through unchanged."""
    out: list[Candidate] = []
    for c in cands:
        if c.value is None or c.name_hint or c.kind == "coverage" or c.comparator in ("qualitative",):
            out.append(c)
            continue
        alone = not any(o is not c and o.clause == c.clause and o.value is not None for o in cands)
        names = names_before(view, c.clause.start, c.start) if alone else None
        if names is None:
            out.append(c)
            continue
        for name in names:
            copy = dataclasses.replace(c, rules_fired=[*c.rules_fired, SPLIT_RULE], notes=list(c.notes))
            copy.name_hint = name
            out.append(copy)
    return out

