"""Round 53 (issue 18): 兆 before money is 10^12, as Taiwan and Hong Kong write it (2.6兆元, 6.5兆元, 1兆美元).

`rules.SCALE` read 万, 亿, 千 and 万亿 (`vocab.MULTIPLIERS`). Taiwan's texts write a trillion as 兆, and the figures
were missed: two development texts write it (the 2012 smart-automation news below, and the 2016 Asia Silicon Valley
repost, taiwan-2016-asia-silicon-valley-plan-ptt-repost-trad, first unseen-61: 估計創2.4兆, 1.9 到 2.4 兆新台幣, with no
元, not read by this rule), and unseen-64, scored once at main f6a8fd8 and read after that score (its move to the
development side is pending, round 53), has two more:

- the 2012 smart-automation plan news (taiwan-2012-smart-automation-plan-news, first unseen-61): 产值将由2010年新台币
  0.87兆元,倍增至2020年2.6兆元 (annotated 2.6 x 10^12 yuan, twice; missed);
- the 2025 digital-economy review (taiwan-2025-digital-economy-review-ctee-trad, first unseen-64):
  數位經濟規模達6.5兆元, …數位服務經濟產值成長至2.9兆元 (annotated; missed);
- the 2024 national development plan (taiwan-2024-national-development-plan-ptt-trad, first unseen-64): 名目GDP規模,
  將接近1兆美元 (a forecast, not annotated).

In the mainland's units 兆 is mega (兆瓦, 兆比特每秒: `legalunits`), so 兆 is a scale word only right before 元 or 美元
(blanks allowed): 5兆瓦 stays 5 MW. The factor lives in `FACTORS`, which `candidates.scaled` reads in place of
`vocab.MULTIPLIERS` (the statistics readers keep theirs: a mainland report's 兆 is no trillion).
"""

from __future__ import annotations

from typing import Final

from targetwatch import vocab

# The scale words of `rules.FIGURE` (its `scale` and `low_scale` groups): 万亿 first, then one word; 兆 before money.
SCALE: Final = r"(?:万亿|[万亿千]|兆(?= {0,8}(?:元|美元)))"
FACTORS: Final[dict[str, float]] = {**vocab.MULTIPLIERS, "兆": 1e12}
