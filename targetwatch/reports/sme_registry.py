"""The national registry's technology-based SMEs are the ones the catalogue counts (issue 17, round 31).

    2023年,吉林省评价入库国家科技型中小企业达到4515户     <- 国家: the national registry, the stock of tech_smes
    國家高新技術企業達到595家、國家科技型中小企業達到1045家  <- the same, in traditional script

`tech_smes` counts the firms registered in the national evaluation system (科技型中小企业评价入库, renewed every year:
targets.yaml's definition). Texts write them 国家科技型中小企业 (the registry is the national one) or 备案科技型中小企业
(registered); both were read as a subset (grammar.QUALIFIER: 国家, 备案) and the year's stock quarantined. Development
texts (all dev since their rounds; the counts annotated as the place's level):

* u31_nx_2023_kjhy_ytjhdl_trad (Ningxia, 2023): 國家科技型中小企業達到1045家;
* u36_dq_2023_st_people_trad (大庆市, 2023): 國家科技型中小企業入庫473戶;
* u39_jl_2023_hitech_gzshihua (Jilin, 2023): 评价入库国家科技型中小企业达到4515户;
* u39_nn_2020_hitech_cri (南宁市, 2020): 国家科技型中小企业入库853家;
* u36_sc_2021_st_wwwfh_trad (Sichuan, 2021): 備案科技型中小企業1.48萬家.

The registry word is taken into the name (the hit is widened over it), so the row quotes 国家科技型中小企业 and the
matcher keys it by dropping the word (`registry_key`): its `matched_by` is `normalised`, never `alias`, and an auditor
sees the inference. Only where the word opens the name's phrase: after a clause's start, a list's 、, a place (…省,
…市), the registering verb (入库, 评价) or 有. After any other word the firms are some kind of the registered ones
(孵化國家科技型中小企業318家: those an incubator hosts, u26_sd_2021q1_weihai_incubators) and stay a subset. Provincial
lists (省级科技型中小企业, 省科技型中小企业) are other registries and are never touched; counts of new or recognised
ones (新增国家科技型中小企业803家) stay flows.
"""

from __future__ import annotations

import re

from targetwatch.reports.model import AliasMatch
from targetwatch.reports.zone_subject import ZONES

# the catalogue's folded key of tech_smes' alias 科技型中小企业 (and 科技型中小微企业, the same indicator)
_NAMES = r"科技型中小微?企业"
_TECH_SME_KEYS = ("科技型中小企业", "科技型中小微企业")
# the registry word right before the name
_REGISTRY_WORD = re.compile(r"(?:国家|备案)$")
# what may stand before it: a clause's start or a list's 、, a place (吉林省, 南宁市, 全区), 入库 / 评价 (the
# registering), 有 (全市共有…)
_OPENS = re.compile(r"(?:^|[,;:、。]|入库|评价|有|[省市区县州])$")
# in a name (not in running text): the registry word before the name, dropped from the key
_REGISTRY_IN_NAME = re.compile(rf"^(?:国家|备案)(?={_NAMES})")
# Session 20's review: a zone's 区 is not a place's (兰州经开区国家科技型中小企业…, 高新区备案科技型中小企业…): the
# zone's firms are some of the place's, so the word stays a qualifier there (a subset, refused) and the count is never
# the place's stock; 全区, 自治区 and a district's name (…区) still open the phrase
_ZONE_BEFORE = re.compile(rf"(?:{ZONES.pattern})$")


def registry_key(key: str) -> str:
    """A name's key without a leading 国家/备案 before 科技型中小企业 (国家科技型中小企业 keys as 科技型中小企业)."""
    return _REGISTRY_IN_NAME.sub("", key)


def registry_hits(folded: str, hits: list[AliasMatch], codes: dict) -> None:
    """Widen each tech-SME hit of `hits` over a registry word that opens its phrase (国家, 备案), in place."""
    code = next((c for k in _TECH_SME_KEYS if (c := codes.get(k))), None)
    for k, h in enumerate(hits):
        if code is None or h.code != code:
            continue
        m = _REGISTRY_WORD.search(folded, 0, h.start)
        if m is not None and _OPENS.search(folded, 0, m.start()) and not _ZONE_BEFORE.search(folded, 0, m.start()):
            hits[k] = AliasMatch(m.start(), h.end, h.code, h.key)
