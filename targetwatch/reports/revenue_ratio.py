"""A ratio to enterprises' revenue is not the place's R&D intensity.

    研发投入强度(研究开发费用占营业收入比重)为5.66%,远远高于全区规模以上工业企业0.94%的平均水平
    研发投入强度(研发投入占销售收入比重)为3.79%,远远高于全区规模以上工业企业0.72%的平均水平

The catalogue's R&D intensity is a place's R&D expenditure against its GDP (与国内生产总值之比). Enterprises' statistics
(the torch survey of high-tech enterprises, industrial enterprises above a size) write an "intensity" too, but against
the firms' own revenue (营业收入, 主营业务收入, 销售收入): a figure of those firms, not of the place. When the words
between an indicator's name and its figure (a defining bracket, 与…之比) name revenue, the figure is that ratio and
is quarantined with the reason, whatever the name. Development texts (round 24): u33_nx_2021_hte_fx361 (Ningxia's
high-tech enterprises' 5.66% was read as the region's 2020 intensity), u33_nx_2018_hte_chinacom (3.79%),
u18_nat_2009_rd_wenweipo_trad and u17_nat_2008_rd_spun_ymdmx (与主营业务收入之比, industries'),
u14_nat_2023_census_hitech (与营业收入之比, high-tech manufacturing's).
"""

from __future__ import annotations

import re

# revenue, as enterprise statistics write it (营业收入, 主营业务收入, (产品)销售收入, 营收), as the divisor of a ratio:
# 占营业收入(的)比重, 与主营业务收入之比. Revenue named as a figure of its own (总营业收入51.3万亿元,
# 营业收入小于2000万元的小微企业) is not a ratio and is left to the other rules
_REVENUE_RATIO = re.compile(
    r"(?:占|与)[^,;。\d]{0,8}?((?:营业|主营业务|产品销售|销售)收入|营收)的?(?:比重|比例|之比|比值|的比)"
)


def revenue_word(gap: str) -> str | None:
    """The revenue word of a ratio to revenue in the words between a name and its figure (`gap`, folded), if any."""
    m = _REVENUE_RATIO.search(gap)
    return m.group(1) if m else None


def revenue_ratio_problem(gap: str, name: str) -> str | None:
    """The quarantine reason for a figure measured against enterprises' revenue, else None."""
    word = revenue_word(gap)
    if word is None:
        return None
    return f"a ratio to enterprises' revenue ({word}), not the place's {name} (R&D intensity is against GDP)"
