"""Round 51 (issue 18): a ratio with no unit lowered to a level (求人倍率降低到1.3以下, PUE控制在1.25以下) is an index.

`rules.INDEX` reads a score after 指数 / 系数 / 得分 … and a verb of reaching. Ratios that a plan lowers carry no unit
either and were missed in three development texts:

- 重庆's 2022 skills plans (chongqing-2022-skills-plans-news, first unseen-57): 全市技术工人求人倍率降低到1.3以下,
  高技能人才求人倍率降低到1.5以内 (job vacancies per seeker, annotated `index`, at most);
- the 2020 data-centre opinion (china-2020-data-centre-system-opinion-news-trad, first unseen-61): 大型、超大型数据中心
  运行电能利用效率降到1.3以下;
- the 2025 digital-infrastructure review (china-2025-digital-infrastructure-14th-fyp-review, first unseen-61):
  为实现“十四五”末平均PUE控制在1.25以下的目标.

So a bare number right after 倍率 / PUE / 电能利用效率 (perhaps 值 or 平均值: 平均PUE值降到1.3以下) and a verb that
lowers or holds (降低到, 降到, 降至, 下降到, 控制在, 保持在 …), not followed by a unit (blanks aside: 1.3 万 is a
count), is an `index`: at most with 以下 / 以内, a lowering verb or 控制在 (a ceiling, as `rules.COMPARATOR_CUES`
reads it), approx with 左右, at least with 以上, else exact (保持在, 稳定在). A ratio as it stands (求人倍率1.10, no
verb) is not read. The confidence is the base, the verb and the comparator, held below the top band
(`rules.UNDATED_CAP`) until a fresh set has measured it.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate, Document
from targetwatch.extraction.counts import candidate
from targetwatch.extraction.ratios import LOWER_OR_HOLD, LOWER_TO
from targetwatch.extraction.text import Paragraph, Sentence, Span

LOWERED: Final = re.compile(
    r"(?P<name>倍率|pue|电能利用效率) {0,2}(?:平均值|值)? {0,2}"
    rf"(?P<verb>{'|'.join(LOWER_OR_HOLD)}) {{0,2}}"
    r"(?P<num>\d+(?:\.\d+)?)(?P<post> {0,2}(?:以下|以内|左右|以上))?(?![\d.]| {0,2}[%万亿千个家项件人户元名位倍])")
RULE: Final = "lowered_index"


def find(doc: Document, para: Paragraph, sent: Sentence, clause: Span, found: list[Candidate]) -> list[Candidate]:
    """The unitless ratios lowered to a level in the clause that no other finder read (see the module docstring)."""
    out = []
    for m in LOWERED.finditer(doc.view, clause.start, clause.end):
        if any(c.start < m.end() and m.start("num") < c.end for c in found):
            continue
        post = (m["post"] or "").strip()
        lowered = m["verb"] in LOWER_TO or m["verb"] == "控制在"
        comparator = rules.AFTER_COMPARATOR.get(post) or ("at_most" if lowered else "exact")
        score = rules.CONFIDENCE["base"] + rules.CONFIDENCE["verb"] + rules.CONFIDENCE["comparator"] * (
            comparator != "exact")
        out.append(candidate(doc, para, sent, clause, m.start("num"), m.end(), comparator, float(m["num"]),
                             rules.INDEX_UNIT, m["name"], min(score, rules.UNDATED_CAP), RULE))
    return out
