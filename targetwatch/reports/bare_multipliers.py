"""A figure written with 万 or 亿 and no unit after it takes its unit from what the indicator counts.

    新增就业1322万创新世纪以来最高值                       <- a jobs indicator counts people: 1322万 is 1322万人
    技术合同交易额从2011年的20.52亿,增长到2015年的40.8亿元   <- a turnover is money: 20.52亿 is 20.52亿元

News writing drops the unit after a multiplier when the name already says what is counted. A jobs indicator counts
people (u15_nat_2014_jobs_apcjh, dev since round 10, the rule moved here from communique.py unchanged); a turnover, an
expenditure or an amount is money, in yuan (round 24: u33_lz_2015_techmarket_baogaosu, Lanzhou's 2011 turnover, was
"unknown unit ''"; u17_nat_2008_rd_spun_ymdmx writes 江苏支出五百八十点九亿 and R&D总支出逾4600亿, u13_nat_2013_rd_163
科技经费投入11846.6亿: dev). The money unit is an inference from the name, as people are for a jobs indicator,
so the row's notes say so (people's note since rev16: the jobs figure's 人 was inferred silently before). A figure
whose multiplier is followed by another (2017年我國研發經費投入1.75萬億, u11_nat_2017_rd_prelim_trad; 1.4萬億,
u12_nat_2015_rd_trad; 4.8万亿, nat_2025_techmarket_q3: headlines, dev) is left as written: only its first multiplier
reaches this step, so completing it would read 1.75万元.
"""

from __future__ import annotations

import re

from targetwatch import vocab

# a jobs indicator counts people (新增就业1322万, u15_nat_2014_jobs_apcjh)
_PEOPLE_KEY = re.compile(r"就业")
# money: a turnover (成交额, 交易额), an expenditure (经费, 支出) or an amount (金额); never a ratio (强度)
_MONEY_KEY = re.compile(r"成交额|交易额|经费|支出|金额")
_RATIO_KEY = re.compile(r"强度|比重|占比")
# 万 / 亿 in either script (vocab.MULTIPLIERS, not 千: news drops the unit after the large multipliers only)
_LARGE = "".join(m for m, factor in vocab.MULTIPLIERS.items() if factor >= 1e4)
_TEN_THOUSAND = "".join(m for m, factor in vocab.MULTIPLIERS.items() if factor == 1e4)
MONEY_NOTE = "unit 元 inferred: {value} written with no unit after {multiplier}, and {name} is an amount of money"
PEOPLE_NOTE = "unit 人 inferred: {value} written with no unit after {multiplier}, and {name} counts people"


def bare_multiplier(key: str, value_raw: str, unit_raw: str, after: str = "") -> tuple[str, str, str | None]:
    """(value, unit, note) of a figure whose unit is empty and whose value ends with 万/亿: its unit completed from the
    indicator's key (`key`, normalised), with a note saying the unit is inferred; otherwise as written, no note.
    `after` is the text right after the figure: a second multiplier there (1.75萬億, 4.8万亿: the reader keeps only
    the first) leaves the figure as written, refused for its unit as before, never read 10 000 times too small."""
    if unit_raw or value_raw[-1:] == "" or value_raw[-1] not in _LARGE or (after[:1] != "" and after[:1] in _LARGE):
        return value_raw, unit_raw, None
    if _PEOPLE_KEY.search(key) and value_raw[-1:] in _TEN_THOUSAND:  # the unit inferred as the money's is: said so
        return value_raw[:-1], "万人", PEOPLE_NOTE.format(value=value_raw, multiplier=value_raw[-1], name=key)
    if _MONEY_KEY.search(key) and not _RATIO_KEY.search(key):
        multiplier = value_raw[-1]
        note = MONEY_NOTE.format(value=value_raw, multiplier=multiplier, name=key)
        return value_raw[:-1], f"{multiplier}元", note
    return value_raw, unit_raw, None
