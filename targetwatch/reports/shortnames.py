"""Names a text shortens because the sentence has just named what they belong to (round 12, dev).

    全国创业孵化载体数量达到13206家,其中孵化器5206家、众创空间8000家      孵化器 in the carriers' breakdown:
                                                                          科技企业孵化器
    我國有效發明專利中,國內專利為92.2萬件                                  国内专利 among the valid invention patents:
                                                                          the domestic valid invention patents
    共成交技术合同5252项,成交总额为150.81亿元                               the contracts' turnover (成交总额)
    全社会研究与试验发展经费投入稳步增加。2006年的总支出达到3003亿元       the total of the name before
    我国拥有国内发明专利351万件                                              the patents held are the valid ones
    城镇登记失业率3.8%,…;去年全年新增就业的总数是1361万人                    new jobs, after 城镇: new urban jobs

(u17_nat_2019_incubation_ailab, u15_nat_2015_patents_press_trad: dev since round 12; the turnover and the patents
held were read in communique.py since round 2 and round 5.) Each is read as the catalogue name it stands
for, and the observation's notes say so.
"""

from __future__ import annotations

import re

from targetwatch.reports.matching import normalised_key
from targetwatch.reports.model import AliasMatch

# 孵化器 right after 其中, in a sentence that has named the incubation carriers (孵化载体) before it; 其中 is taken into
# the name, so it does not make a subset here (grammar.QUALIFIER)
_INCUBATORS_AMONG_CARRIERS = re.compile(r"孵化载体[^。;]*?(其中[,:]?孵化器)(?=\d)")
_INCUBATORS_NAME = "科技企业孵化器"
# 国内专利 right after the valid invention patents' name and 中
_DOMESTIC_AMONG_PATENTS = re.compile(r"有效发明专利中[,:]?(国内(?:发明)?专利)(?=为|达|有|共)")
_DOMESTIC_PATENTS_NAME = "有效发明专利"
# 共成交技术合同5252项,成交总额为150.81亿元 (gs_2017_techmarket, dev), 认定登记技术合同6008项,合同成交金额103.28亿元
# (fj_2018_techmarket, dev): the turnover named after the contracts it totals
# …after a list's 、 too, and after the market's signed contracts (round 31): 2022年湖北省登记技术合同76719项、成交额达
# 3017.86亿元 (u37_hb_2022_techcontracts_iko, dev since round 28), 技术市场签订成交合同6919项、成交金额630.4亿元
# (u36_cq_2022_innovation_tjfz, dev since round 27). Never the contracts a place exports or takes in (输出, 吸纳: their
# own series, tech_contract_turnover_inflow)
_CONTRACTS_THEN_TURNOVER = re.compile(
    r"(?<!输出)(?<!吸纳)(?<!流入)(?<!流出)技术(?:市场)?(?:签订)?(?:成交)?合同[\d,.]+万?(?:项|份)[,，、]?"
    r"((?:合同)?成交(?:总)?(?:金)?额)"
)
_CONTRACT_TURNOVER_NAME = "技术合同成交额"
# …and across a ；, the piece before ending with the contracts' count (and its change), the next opening with the
# turnover's short name (round 21): 认定登记技术合同总量首次突破十万项,达106552项,同比增长12.1%;成交额达8536.9亿元
# (u6_bj_2023_techmarket, dev since round 4), 经认定登记的各类技术交易合同21630件,比上年增长0.3%;合同金额1303.20亿元
# (u30_sh_2018_communique_st_xiaze, dev since round 21)
_CONTRACTS_COUNTED = re.compile(
    r"技术(?:交易)?合同[^。;]{0,12}?[\d,.]+万?(?:项|份|件)(?:,?(?:同比|比上年)(?:增长|下降)[\d.]+%)?;$"
)
# (合同金额 folds to 合同额: the readers' deletions drop its 金)
_TURNOVER_OPENING = re.compile(r"^((?:合同)?成交(?:总)?(?:金)?额|合同(?:总)?(?:金)?额)(?=达到|达|为|是|共|\d)")
# the patents one holds (拥有) are the valid ones: 截至2011年底,我国拥有国内发明专利351万件 (u9_nat_2011_patents, dev)
# …and the patents 拥有量: 我国国内(不含港澳台)发明专利拥有量共计186.2万件 (u13_nat_2019_patents_bjpress_trad, dev since
# round 8), never the high-value ones (高价值发明专利拥有量, u13_nat_2022_highvalue_patents)
_HELD_PATENTS = re.compile(r"拥有((?:国内)?发明专利)(?=[\d约近逾超])|(?<!价值)((?:国内)?发明专利拥有量)")
_PATENTS_NAME = "有效发明专利"

# 新增就业 without 城镇, counted as a whole (的总数, 人数, 总量), after the sentence or the one before it has
# spoken of the towns (城镇): 去年年末全國的城鎮登記失業率3.8%,…;去年全年新增就業的總數是1361萬人
# (u18_nat_2018_jobs_hkej_trad, dev since round 12): the ministry's new urban jobs; 带动新增就业 (jobs some
# programme created) is never read so
# …and 新增就业人员 (new jobs counted as persons); since round 16 the towns may be spoken of anywhere earlier in
# the text (an employment text names 城镇 once, then says 新增就业): 全国已累计实现城镇新增就业人员608万人…。
# (next paragraph) 历史数据显示,2004年,全国累计新增就业人员980万人…。2005年,累计新增就业人员970万人
# (u25_nat_2005_jobs_nbs_17338_trad, dev since round 16)
_NEW_JOBS_WHOLE = re.compile(r"(?<!城镇|带动)(新增就业)(?=的?(?:总数|总人数|人数|总量)|人员)")
_URBAN = "城镇"
_URBAN_WRITTEN = ("城镇", "城鎮")
_NEW_URBAN_JOBS_NAME = "城镇新增就业"

# a total (总支出, 总数, …) opening a sentence after one that named an indicator without a figure of it:
# 全社会研究与试验发展经费投入稳步增加。2006年的总支出达到3003亿元 (u17_nat_2006_rd_chinagate_dizaynex,
# dev since round 11)
_TOTAL_OF_NAMED = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:底|末)?的?)?(总支出|总投入|投入总量|总量|总数|总额)(?=达到|达|为|是|共)"
)


def short_name_hits(
    folded: str,
    hits: list[AliasMatch],
    codes: dict,
    completed: dict[int, tuple[str, str]],
    named: str | None = None,
    before: str = "",
    text_before: str = "",
) -> None:
    """Add to `hits` (and `completed`: the name each stands for, and why) the short names above; `named` is the name
    the sentence before gave without a figure (periods.Context.named), `before` that sentence (folded), `text_before`
    the whole text before this sentence as written (searched for 城镇/城鎮 only, so it is never folded)."""
    jobs = codes.get(normalised_key(_NEW_URBAN_JOBS_NAME))
    for m in _NEW_JOBS_WHOLE.finditer(folded) if jobs else ():
        urban = _URBAN in folded[: m.start()] or _URBAN in before or any(t in text_before for t in _URBAN_WRITTEN)
        if urban and not any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
            hits.append(AliasMatch(m.start(1), m.end(1), jobs, m.group(1)))
            completed[m.start(1)] = (_NEW_URBAN_JOBS_NAME, "without 城镇, after a sentence about the towns (城镇…)")
    code = codes.get(normalised_key(named)) if named else None
    m = _TOTAL_OF_NAMED.match(folded) if code else None
    if m and not any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
        hits.append(AliasMatch(m.start(1), m.end(1), code, m.group(1)))
        completed[m.start(1)] = (named, "as the total of what the sentence before named")  # type: ignore[assignment]
    turnover = codes.get(normalised_key(_CONTRACT_TURNOVER_NAME))
    m = _TURNOVER_OPENING.match(folded) if turnover and _CONTRACTS_COUNTED.search(before) else None
    if m and not any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
        hits.append(AliasMatch(m.start(1), m.end(1), turnover, m.group(1)))
        completed[m.start(1)] = (_CONTRACT_TURNOVER_NAME, "after the contracts it totals, counted before the ；")
    for pattern, name, why in (
        (_CONTRACTS_THEN_TURNOVER, _CONTRACT_TURNOVER_NAME, "after the contracts it totals"),
        (_HELD_PATENTS, _PATENTS_NAME, "as the patents held (拥有)"),
        (_INCUBATORS_AMONG_CARRIERS, _INCUBATORS_NAME, "in a breakdown of the incubation carriers (其中孵化器)"),
        (_DOMESTIC_AMONG_PATENTS, _DOMESTIC_PATENTS_NAME, "as the domestic part of the valid invention patents"),
    ):
        code = codes.get(normalised_key(name))
        for m in pattern.finditer(folded) if code else ():
            g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
            if not any(h.start < m.end(g) and m.start(g) < h.end for h in hits):
                hits.append(AliasMatch(m.start(g), m.end(g), code, m.group(g)))
                completed[m.start(g)] = (name, why)
        hits.sort(key=lambda h: h.start)
