"""Round 25 (issue 18): money written in 万 without 元 in a sentence about a fund.

Round 12's `rules.BARE_MONEY` reads money written without 元 (产业规模力争突破2000亿, 五年投入38亿) only with 亿
or 万亿: a bare 万 is too common a count (新增就业5万 drops its 人). A fund, a budget line, a prize or a grant is
counted in money, though, and a news story drops the 元 there too (济宁's 2012 employment story: 每个县市区还需加大
担保基金投入,确保小额担保基金不低于500万): 资金 / 基金 / 经费 / 奖励 / 补助 / 补贴 / 奖补, a few characters before a
figure in 万, name what the figure counts. The figure is read as yuan (5 000 000 元); what it is a target of (a floor,
a coverage of each unit) is decided by the rules that follow, as for any figure.
"""

from __future__ import annotations

import re
from typing import Final

# The name of the money (资金, 基金 …), up to eight characters that are neither a figure nor a clause end, a comparison
# word, then a figure in 万 that no unit follows (500万; not 500万元, 500万人, 500万亩 or 500万亿).
FUND: Final = re.compile(
    r"(?P<name>资金|基金|經費|经费|獎勵|奖励|補助|补助|補貼|补贴|奖补|獎補)(?P<gap>[^,，;；。:：\d]{0,8}?)"
    r"(?P<cue>达到|達到|达|達|超过|超過|突破|超|逾|不少于|不少於|不低于|不低於)? {0,2}(?P<num>\d+(?:\.\d+)?) {0,2}"
    r"(?P<scale>万|萬)(?P<post> {0,2}(?:以上|左右))?"
    r"(?![\d.%元圆圓美欧歐港人家个個项項件户戶名位台臺套吨噸亩畝平方万萬亿億千斤])"
)

# A clause without a subject of its own goes on with the sentence's (每个县市区还需加大担保基金投入,确保…500万):
# it opens with a word of intent or obligation, so the each-unit subject before it is its subject too.
SUBJECTLESS: Final = re.compile(r"[ \u3000]*(?:确保|要|须|必须|力争|争取|还需|并)")
# Each unit of a jurisdiction as a sentence's subject (每个县市区, 每个乡镇, 各县区); rules.COVERAGE wants a build verb
# after it in the figure's own clause (每个开发区建立1家), which a fund's floor does not have.
EACH_UNIT: Final = re.compile(r"(?:^|[,，:：])[ \u3000]*(?:每个|每一个|各)(?:县|市|区|乡|镇|街道|村|社区)")


def each_unit_carried(view: str, sentence_start: int, clause_start: int) -> bool:
    """True when the clause is subjectless (`SUBJECTLESS`) and an earlier clause of its sentence opens with each unit
    (`EACH_UNIT`): the figure is a norm for every unit, a coverage target, as if in the same clause."""
    return bool(SUBJECTLESS.match(view, clause_start)) and bool(EACH_UNIT.search(view, sentence_start, clause_start))
