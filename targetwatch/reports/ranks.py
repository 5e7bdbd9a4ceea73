"""A rank in a report's sentence (round 14, dev): never a level, never lost.

A rank is a position in a list, not an amount, and the catalogue has no rank indicator to read one into
(`targets.yaml` names no indicator with unit `rank`). Before round 14 the grammar skipped every number written
after 第, so a sentence whose only figure was a rank left no row at all:

    我国创新指数位居世界第14位                 (u21_nat_2019_most_presser_*: unseen-21, dev since round 14)
    全国排名上升至26位                          a rank without 第, after 排名…
    在全省排名第5                               …or 第 after a ranking word, with no 位/名

Each becomes a quarantined row, "not recognised: rank …", so coverage can be counted. A 第 that numbers something
else (第十四届, 第3次会议, 第一批, 第二季度) is not a rank: only 第N位/第N名, or 第N after a ranking word, is.
"""

from __future__ import annotations

import re

# 第14位, 第 14 名 (a space left by NFKC folding of a full-width one)
_PLACE_WORD = re.compile(r"\s?(?:位|名)")
# the ranking word before 第 (居全国第22位, 排名第5, 位列全省第3): then 第N is a rank even without 位/名
_RANKING_BEFORE = re.compile(r"(?:排名|排在|排位|排|居|列)[^,;。\d]{0,8}第\s?$")
# a rank without 第: 全国排名上升至26位
_RANKED_BEFORE = re.compile(r"(?:排名|排在|排位|居|列)[^,;。\d]{0,8}$")


def rank_end(folded: str, start: int, end: int) -> int | None:
    """The end of the rank the number folded[start:end] is (第14位 → after 位), else None."""
    after = _PLACE_WORD.match(folded, end)
    before = folded[max(0, start - 14) : start]
    if before.rstrip().endswith("第"):
        if after is not None:
            return after.end()
        return end if _RANKING_BEFORE.search(before) else None
    if after is not None and after.group().strip() == "位" and _RANKED_BEFORE.search(before):
        return after.end()
    return None


def rank_rows(folded: str, ranks: list[tuple[int, int]], original, located) -> list[dict]:
    """One quarantined row per sentence's ranks, naming each with the words before it."""
    if not ranks:
        return []
    listed = "; ".join(repr(original(a, e)) for a, e in ranks)
    return [
        located(ranks[0][0], ranks[-1][1])
        | {
            "reason": f"not recognised: rank {listed} (a position in a list, not a level; targets.yaml has no rank "
            "indicator)"
        }
    ]
