"""Round 48 (issue 18): a goal quoted and then named as a goal is a target, not a name.

A figure inside quotation marks is read as part of a name (“两个倍增”工程: `text.inside_marks`)
unless the marks hold the figure alone (定格“6%左右”). A plan also quotes its own goal as a slogan and then names it
the goal: 确保实现“5年留百万大学生”的目标 (西安's 2018 graduates plan, first unseen-58, twice), 落实“扶助10萬名有志青年
紮根深度貧困地區創業”工作任務 (the youth league's 2020 plan, first unseen-22), 锚定“到2027年地区生产总值突破800亿元、
形成6个百亿级产业、新质生产力体系基本成型”的目标 (长春新区's 2025 three-year plan, first unseen-54). What closes the
marks says which: a quoted piece followed by (的)目标 / 目标任务 / 工作任务 / 奋斗目标 states the goal itself, and the
figure in it is read as any figure (its verb, comparator and deadline by the usual rules). A quoted name followed by
a work noun (“…”工程, “…”行动, “…”计划) stays a name. Only the marks of the figure's own line count, as in
`inside_marks`; the quoted piece holds no full stop (a quoted speech is not a slogan) and names something after the
figure, two characters or more that are no numerals (“九个一”目标任务 counts the parts of a programme's name: 宁夏's
2018 talent strategy, first unseen-15). A goal the sentence reports as met (“到2025年培育1万家…”的目标将提前完成: the
2024 list status, first unseen-7) is not stated as a goal ahead and stays unread.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate
from targetwatch.extraction.text import inside_marks

CLOSING: Final = "”」』\""
# What follows the closing mark when the quoted piece is the goal itself.
NAMED_GOAL: Final = re.compile(
    r"[ \u3000]{0,2}(?:的|之)?(?:奋斗)?(?:目标任务|目标|工作任务)(?!将?已?经?提前|已经?完成|已经?实现)")
# Characters that name something (not numerals, blanks or marks) after the figure, inside the marks.
NAMING: Final = re.compile(r"[\u4e00-\u9fff](?<![〇零一二两三四五六七八九十百千万亿])")
# One Chinese digit (五个, 八项): a slogan's count of its own parts.
LONE_DIGIT: Final = re.compile(r"[一二两三四五六七八九十]")
# How far the quoted piece may run from the figure to the closing mark (a slogan or a short list of aims).
REACH: Final = 60


def named(view: str, end: int) -> bool:
    """True when the quoted piece holding the figure that ends at `end` closes, on its line, with 目标 / 工作任务
    after it (see the module docstring); `view` is the folded text (simplified script)."""
    rest = view[end : end + REACH].split("\n")[0]
    close = min((i for i, ch in enumerate(rest) if ch in CLOSING), default=-1)
    if close < 0 or "。" in rest[:close] or len(NAMING.findall(rest[:close])) < 2:
        return False
    return bool(NAMED_GOAL.match(rest, close + 1))


def read(view: str, m: re.Match[str]) -> bool:
    """True when the figure `m` of `rules.FIGURE`, inside quotation marks, is read all the same: its goal is named
    (`named`) and its number is not one Chinese digit, which numbers a slogan's parts (“五个强市、五个崤函”目标 of
    三门峡's 2022 targets, first unseen-53; “三大支撑八项重点”工作任务 of 湖南's 2022 text, first unseen-3)."""
    return not LONE_DIGIT.fullmatch(m["num"]) and named(view, m.end())


def mark(view: str, cands: list[Candidate]) -> None:
    """Name the rule on each figure read inside a quoted goal: naming the goal is a verb of the target (落实“扶助10万名
    …”工作任务 has none of its own), and the figure is held below the top band (`rules.UNDATED_CAP`) until a fresh
    set has measured the rule."""
    for c in cands:
        if inside_marks(view, c.start, c.start + 1) and named(view, c.start + 1):
            if not {"target_verb", "verb_carried", "persons_magnitude"} & set(c.rules_fired):  # (the last needs one)
                c.score += rules.CONFIDENCE["verb"]
            c.rules_fired.append("quoted_goal")
            c.score = min(c.score, rules.UNDATED_CAP)
