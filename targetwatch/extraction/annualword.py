"""The 年 of 年产 / 年出栏 / 年加工 means "a year" only when it is not the 年 of a date.

Round 39 (issue 18). Round 10 read a measure after 年产 / 年出栏 / 年加工 / 年处理 / 年吞吐
(`measures.CAPACITY_BEFORE`) as a plant's yearly rating (年产10万吨…生产线: −0.60). A date written right before
the verb of output, with no mark between (力争2020年出栏生猪800万头: "in 2020, market 8 million pigs"), ends in
the same 年, and the figure fell to −0.10, below any bar: 山西's 2020 pig-output news (first unseen-50) states
its one target so, twice (the original title and the body). The 年 after a year's digits belongs to the date;
the verb after it is 出栏, 产, 加工, not 年出栏. So `YEAR_NOT_BEFORE` lets the capacity words that start with 年
match only where no digit (a blank of a PDF's spacing allowed) stands right before that 年. 产能 and 日产 carry
no 年 and are read as before; 2020年产值 / 年产量 were never capacity words (an output target).

With it, 山西's figure reads as any plain count after 力争 and a year (exact 8 000 000 head by 2020). The class
it belongs to, an output in 头 stated as a target and read as a capacity, also holds 绵阳's 2012 十二五 pig plan
news (first unseen-50: 全市年出栏生猪达1000万头), whose capacity word is a real one and whose verb of reach is
the short 达: `reachedcapacity.REACHED` reads 达 beside 达到. The view is folded (simplified, half-width:
`text.fold`), so traditional and full-width dates read alike.

Measured on the development side: matched 2079 -> 2082 of 2185, proposed 2164 -> 2167, false proposals 85 -> 85.
"""

from __future__ import annotations

from typing import Final

# No digit right before the 年 (2020年, 2020 年 as a PDF spaces it): the 年 is the date's, not "yearly".
YEAR_NOT_BEFORE: Final = r"(?<!\d)(?<!\d )(?<!\d  )"
