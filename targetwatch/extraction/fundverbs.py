"""Round 51 (issue 18): 设立 / 拨款 / 增拨 right before an amount in 元 is the verb of a budget set aside.

`rules.TARGET_VERBS` holds 安排 and 发行 for money a government sets aside (拟安排…专项债券4.4万亿元), but not the verbs
Hong Kong and Taiwan write for it, so the amount had the base weight only (0.40) and stayed below the bar. On the
development side every amount right after these verbs is annotated (as `policy_floor`, as 設立100億元 in unseen-53):

- 香港 2022's policy address (hongkong-2022-policy-address-innovation-news-trad, first unseen-53): 政府會設立100億元
  “產學研1+計畫”;
- 香港 2024's budget news (hongkong-2024-new-industries-rd-ratio-news-trad, first unseen-59): 預算案增撥20億元支持…,
  預算案又提出撥款60億元設立生命健康研發院;
- 台灣's 2027 start-up funding goal (taiwan-startup-ecosystem-funding-goal-news-trad, first unseen-61): 各設立100億元
  基金 (read there as coverage by 各, a rule of its own).

So a figure in 元 whose clause text right before it (blanks aside) ends with 设立 / 拨款 / 增拨 / 拨出, and that has no
verb of its own yet, gets the verb's weight (`rules.CONFIDENCE["verb"]`) and the rule `fund_verb`. After 各
(各設立100億元基金) the coverage reading of 各 takes the figure (proposed as 100 percent), and lifting it would add a
false proposal, so 各 + verb is left alone (blanks between them too: 各 设立, a PDF's spacing). Measured: 香港 2022's
設立100億元 is matched; 香港 2024's two stay below the bar in their text (a report's weight), and nothing else on the
development side moves.

Round 54: 预留 (to reserve, Hong Kong's budget verb) and 成立 (to set up, as 设立), with 额外 (extra) allowed after the
verb. Development texts showing the class, every such amount annotated as a budget setting: 香港 2023's budget
(hongkong-2023-budget-digital-green-trad, first unseen-66: 預算案預留五億元協助數碼港…), 2022's budget speech
(hongkong-2022-budget-speech-capacity-trad, first unseen-66: 預留一千億元), a 2022 legislator's blog
(hongkong-2022-budget-blog-winnietang-trad, first unseen-66: 即將成立50億元「策略性創科基金」), the 2016 chief
executive's blog (hongkong-2016-ceo-blog-startup-funds-trad, first unseen-64: 預留20億元成立創科創投基金) and the 2018
budget news (hongkong-2018-budget-news-trad, first unseen-66: 我會預留額外五百億元, still below the bar: its paragraph
reports last year's first, 去年…預留了一百億元, which stays a thing done).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

# Round 54: 预留 (reserve) and 成立 (set up, as 设立), 额外 (extra) between the verb and the amount.
FUND_VERB: Final = re.compile(r"(?<!各)(?<!各 )(?<!各  )(?:设立|拨款|增拨|拨出|预留|成立) {0,2}(?:额外)? {0,2}$")
RULE: Final = "fund_verb"


def weigh(view: str, cands: list[Candidate]) -> None:
    """Give the verb's weight to an amount set aside right after 设立 / 拨款 / 增拨 (see the module's docstring)."""
    for c in cands:
        if c.unit != "yuan" or {"target_verb", "verb_carried", RULE} & set(c.rules_fired):
            continue
        if FUND_VERB.search(view, c.clause.start, c.start) is None:
            continue
        c.score += rules.CONFIDENCE["verb"]
        c.rules_fired.append(RULE)
