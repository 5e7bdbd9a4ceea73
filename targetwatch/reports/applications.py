"""Firms that applied, and firms in a pool of candidates, are not the stock (issue 17, round 29).

A count of high-tech enterprises (or any counted indicator) written after 申报 (to apply) counts the applications of a
period, not the firms that hold the title; the recognised ones and the stock are written after them:

    全年我市申报高新技术企业48家,经过资格审查、专家评审、认定办审查等环节,全市通过认定新技术企业38家
        (u38_xn_2015_hitech_xnnews, 咸宁市, dev since round 29: 48 was read as 咸宁市's 2015 high-tech enterprises)
    新申报高新技术企业89家,完成省科技厅下达任务的124% (u38_jz_2017_st_jznews, dev since round 29)

A name followed by 培育库, 后备库 or 储备库 (a cultivation, reserve or candidate pool) counts the candidates in the
pool, firms that are not yet what the name counts:

    今年高新技术企业培育库目前在库企业已达933户,有望全年实现净增600户以上 (u38_yn_2022_hitech_kunmingcn, Yunnan,
        dev since round 29: 933 was read as Yunnan's 2022 high-tech enterprises)

在库 or 入库 alone is not a pool: 评价入库科技型中小企业 are the registered technology-based SMEs, the level itself.
"""

from __future__ import annotations

import re

# the verb of applying right before the name (申报国家高新技术企业: the alias holds 国家); 了/的 may follow it
_APPLIED = re.compile(r"(?:申报|申请认定|申请)(?:了|的)?$")
# a pool of candidates right after the name, before its figure
_POOL = re.compile(r"^(?:培育库|后备库|储备库|培育入库)")


def not_yet_problem(folded: str, name_start: int, gap: str, name: str) -> str | None:
    """Why the count after the name at `name_start` of the folded sentence is not the stock of `name`:
    applications (申报 right before the name) or a pool of candidates (培育库 right after it, `gap` being the text from
    the name's end to its figure). None when neither."""
    if (applied := _APPLIED.search(folded, 0, name_start)) is not None:
        return f"counts applications ({applied.group()}), not the stock of {name}"
    if (pool := _POOL.match(gap)) is not None:
        return f"counts the candidates in a pool ({pool.group()}), not the stock of {name}"
    return None
