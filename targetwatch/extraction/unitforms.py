"""Round 52 (issue 18): the legal units in the forms texts write them that the general tables do not spell.

`legalunits.py` reads the units of 中华人民共和国法定计量单位 by their Chinese names (平方米, 千瓦时, 兆瓦 …). Texts
write some of the same units in other forms, and the figures were missed (unseen-62 and unseen-63, now development):

- 方米, the common shortening of 平方米: the 2021 national fitness-facilities plan news (china-2021-fitness-facilities-
  plan-news-trad, first unseen-39: 人均体育场地面积达到2.6方米以上) and 广西's 2021 fitness opinion (guangxi-2021-
  fitness-facilities-opinion-news-trad, first unseen-63: 人均體育場地面積達2.6方米以上, twice);
- the SI symbols of the same energy and power units (GB 3100 gives them beside the names): 福建's 2022 lithium
  opinion (fujian-2022-lithium-industry-opinion-variant-mirror, first unseen-62: 产能规模突破500GWh, twice) and 泽州's
  2023 work report (zezhou-2023-work-report-review, first unseen-44: 100MW光伏, a status figure);
- the CJK compatibility signs ㎡ and ㎥ (the view does not fold them): a town's 2009 plan (town-2009-agri-
  restructuring-plan, first unseen-62: 半自动连体温室10000㎡).

Each is the unit's own base and factor (500GWh = 5 x 10^8 kWh, as 40亿瓦时 is 4 x 10^6 kWh), read as a measure word
like the name it stands for, so the capacity and status rules apply to it as to the name. The view is in lower case
(`text.fold`), so GWh, gwh and ＧＷｈ read alike; an ASCII symbol followed by another letter is part of a word
(`GUARD`: 5kwhx is no unit, and 5mwp is not 5 MW).
"""

from __future__ import annotations

from typing import Final

from targetwatch.extraction.legalunits import LEGAL_UNITS, energy_units

# written form -> the name in `legalunits.LEGAL_UNITS` it stands for, whose base and factor it takes (one table of
# factors: the review of round 52 found them copied here)
NAMES: Final[dict[str, str]] = {"方米": "平方米", "㎡": "平方米", "㎥": "立方米",
                                "kw": "千瓦", "mw": "兆瓦", "gw": "吉瓦", "tw": "太瓦"}
_TABLE: Final = {word: (base, factor) for word, base, factor in LEGAL_UNITS}
# written form -> (base unit, factor to it); each power symbol also gives its energy symbols (kwh … twh, and r. 54:
# kW·h, MW・h, kW.h: legalunits.energy_units)
FORMS: Final[dict[str, tuple[str, float]]] = {form: _TABLE[name] for form, name in NAMES.items()} | energy_units(
    {form: _TABLE[name][1] for form, name in NAMES.items() if _TABLE[name][0] == "kw"}, ("h",))
# An ASCII symbol ends where the letters end (appended after the unit in `rules.FIGURE`; fixed-width lookbehind).
GUARD: Final = r"(?!(?<=[a-z])[a-z])"
