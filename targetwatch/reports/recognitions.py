"""Those recognised in a period are a flow, not the stock (issue 17, round 19).

认定 (to recognise, to certify) written right before an indicator's name counts the firms or bodies certified in a
period, not how many there are: the stock is said with 共有, 达到, 总数 or 累计, often in the next clause. Real texts of
the development half write it so:

    创新主体不断壮大,全年認定高新技術企業23家,全區高新技術企業累計達85家
        (u28_lz_2020_jingkaiqu_trad, dev since round 19: the zone's 2020 recognitions, then its stock; the 23
        was read as Lanzhou's 2020 level, a change taken for a level)
    评价入库科技型中小企业116家,…;认定国家高新技术企业24家,累计达到45家
        (u10_gs_2023_liangzhou, dev since round 6: the year's 24, then the stock 45)
    新认定省科技型中小企业新认定2405家,年度目标完成率120%
        (u21_zj_2022_hangzhou_sdjingji, dev since round 14: the year's new certifications against a yearly goal)

(新增, 新培育, 新引进 are the communiqué reader's other flow words; 认定 was kept out of them in round 2 for want of a
development example.) The verb counts a stock when the text says the count is cumulative or total before
it: 全市累计认定高新技术企业23家 (u27_sx_2013_linfen_communique, dev since round 18) and 共认定, 已认定, 历年认定
are read as usual. 认定的… (经认定的高新技术企业达到500家: those that hold the certificate) is not matched: 的 turns
the verb into a description of the stock. An alias that itself holds the verb (高新技术企业认定, the catalogue's
flow indicator) is matched as that alias, before this rule is asked.

The bare verb with no word of the period (认定国家高新技术企业24家) is a flow only where the next clause gives the
cumulative stock (,累计达到45家), as Liangzhou's text does. Alone it may name how the things counted came to be and the
count the stock: 2016年科技部认定国家级"星创天地"33家 is the first batch of a kind recognised only by the ministry (the
test half's gs_2017_makerspaces annotates it as the 2016 level; a first version of this rule, bare 认定 always a flow,
lost it and was narrowed: the flow is what the text marks as one).
"""

from __future__ import annotations

import re

# the verb right before the name, with the words that make it the period's (全年, 当年, 年内, 新, 新获: newly
# obtained, as stock_totals._RECOGNISED_BEFORE reads it); 了 may follow it
_RECOGNISED = re.compile(r"(?P<period>全年|当年|年内|本年|新获?)?认定了?$")
# …unless the count is said to be cumulative or total just before it (累计认定, 共认定, 已认定, 历年认定, 总计认定)
_STOCK_BEFORE = re.compile(r"(?:累计|共|已|历年|总计|合计)$")
# the next clause gives the stock: ,累计达到45家 (u10_gs_2023_liangzhou)
_CUMULATIVE_NEXT = re.compile(r"[,;、][^,;。\d]{0,8}?累计")


def recognised_flow(folded: str, name_start: int, figure_end: int) -> re.Match[str] | None:
    """The 认定 right before the name at `name_start` of the folded (simplified) sentence, when it makes the count
    that ends at `figure_end` a flow: with a word of the period (全年认定, 新认定), or bare when the next clause gives
    the cumulative stock. None otherwise, and when the text calls the count cumulative or total (累计认定…)."""
    found = _RECOGNISED.search(folded, 0, name_start)
    if found is None or _STOCK_BEFORE.search(folded, 0, found.start()):
        return None
    if found.group("period") is None and not _CUMULATIVE_NEXT.match(folded, figure_end):
        return None
    return found
