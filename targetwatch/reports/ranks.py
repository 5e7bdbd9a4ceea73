"""A rank in a report's sentence (round 14, dev): never a level, never lost.

A rank is a position in a list, not an amount, and the catalogue has no rank indicator to read one into
(`targets.yaml` names no indicator with unit `rank`). Before round 14 the grammar skipped every number written
after 第, so a sentence whose only figure was a rank left no row at all:

    我国创新指数位居世界第14位                 (u21_nat_2019_most_presser_*: unseen-21, dev since round 14)
    全国排名上升至26位                          a rank without 第, after 排名…
    在全省排名第5                               …or 第 after a ranking word, with no 位/名

Each becomes a quarantined row, so coverage can be counted. A 第 that numbers something else (第十四届, 第3次会议,
第一批, 第二季度) is not a rank: only 第N位/第N名, or 第N after a ranking word, is.

Round 17: a rank is **its own kind** of quarantined row, `rank: …`, no longer "not recognised": it is recognised, as a
position, and its row names what is ranked, the ranking's scope and the position, so that a catalogue with rank targets
(vocab's `rank_at_most`) could read it, and an auditor can count ranks apart from figures nobody understood. 35 dev
texts print 第N位/第N名 in digits, and the readers list 102 rank rows in 62 dev texts (any numeral), among them:

    甘肃省技术合同成交额排名全国第14位           the name in the rank's own clause
    研发经费投入强度1.29%,居全国第22位           a clause that opens with the ranking verb ranks the name before it
    兰州高新区在全国169家高新区中综合排名位列第65名  no catalogue name: "no catalogue indicator"
    (gs_2017_techmarket, gs_2022_rd, u26_lz_2021_innovative_city_yybnet: dev)

What is ranked is the catalogue name before the rank in its own clause, or, when the rank's clause opens with the
ranking verb (居, 位居, 位列, 排名 …) and names nothing itself, the catalogue name of the sentence before it; none when
those names are of two indicators (孵化器、众创空间47家,位列全省第4位, u26_sd_2021q1_weihai_incubators)
or there is none. A rank is never read as an observation: the catalogue has no rank target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from targetwatch.units import parse_number

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


# the scope of a ranking, written before the position (vocab.RANK_SCOPES' codes): 居全国第22位, 全省排名第5
_SCOPES = {"世界": "world", "全球": "world", "国际": "world", "全国": "national", "国内": "national",
           "全省": "province", "省内": "province", "全市": "city", "全区": "district", "全县": "county"}
_SCOPE = re.compile("|".join(_SCOPES))
# a clause that opens with the ranking verb names nothing itself: 研发经费投入强度1.29%,居全国第22位 (gs_2022_rd)
_OPENS_WITH_RANKING = re.compile(
    r"(?:世界|全球|国际|全国|国内|全省|省内|全市|全区|全县)?(?:并|均|已|仍|分别)?(?:位居|居于|居|位列|列|排名|排在|排位|排)"
)
_CLAUSE_END = re.compile(r"[;。!?、,]")


def ranked_code(folded: str, number_at: int, hits: Sequence) -> str | None:
    """The catalogue indicator a rank at `number_at` ranks (see the module's docstring), from the sentence's name
    hits (objects with .start, .end and .code); None when the names there are of two indicators (孵化器、众创空间47家,
    位列全省第4位: which one is ranked is not said)."""
    clause = max([m.end() for m in _CLAUSE_END.finditer(folded, 0, number_at)], default=0)
    named = [h for h in hits if getattr(h, "code", None) and h.end <= number_at]
    own = [h for h in named if h.start >= clause]
    if not own and not _OPENS_WITH_RANKING.match(folded, clause):
        return None
    codes = {h.code for h in own or named}
    return codes.pop() if len(codes) == 1 else None


def rank_rows(
    folded: str, ranks: list[tuple[int, int, int, int]], original, located,
    ranked: Callable[[int], str | None] | None = None,
) -> list[dict]:
    """One quarantined row per sentence's ranks (span start, span end, number start, number end), of the kind
    `rank`: each with what it ranks (`ranked`: the number's offset -> a catalogue code), the scope and the position."""
    if not ranks:
        return []
    parts = []
    for start, end, a, b in ranks:
        scopes = _SCOPE.findall(folded, max([m.end() for m in _CLAUSE_END.finditer(folded, 0, a)], default=0), a)
        scope = _SCOPES[scopes[-1]] if scopes else "scope not stated"
        position = parse_number(folded[a:b])
        code = ranked(a) if ranked is not None else None
        shown = f"{position:g}" if position is not None else folded[a:b]
        parts.append(f"{original(start, end)!r} ({code or 'no catalogue indicator'}, {scope}, position {shown})")
    return [
        located(ranks[0][0], ranks[-1][1])
        | {
            "reason": f"rank: {'; '.join(parts)} (a position in a list, not a level; targets.yaml has no rank "
            "target to read it into)"
        }
    ]
