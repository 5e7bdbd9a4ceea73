"""New job posts are not new jobs (issue 17, round 17): `新增就业岗位…万个` counts posts (岗位, counted in 个), the
catalogue's new_urban_jobs (城镇新增就业) counts persons newly employed in towns (人). The two can coincide in a year
(2003's 859万 posts and the communique's 859万 persons) or not, and a post can be filled by someone already counted, so
a count of posts is never read as the persons indicator's level, and its quarantined row says why instead of "no
indicator is named '新增就业'". Three dev texts count posts; the two that write the noun before the number take this
reason, the third (number before the noun, after a bound) stays a "not recognised" row, quarantined either way:

    2003年底,全国累计实现新增就业(yè)崗位859万个        u25_nat_2003_jobs_presser_whmsebhyy_trad (glossed)
    到10月底,全市新增就业岗位10.6万个                  u26_js_2011_changzhou_jobs_czwzw (and its headline)
    在年内新增了超过60万个新就业岗位                    u18_nat_2014_jobs_forecast_58188 (a bound before the noun)
"""

from __future__ import annotations

import re

# the noun's last words before the number: 就业岗位, 就业岗位数 (folded, simplified)
_POSTS_BEFORE = re.compile(r"岗位(?:数|数量)?[^\d]{0,3}$")
_COUNTED = re.compile(r"(?:万|千|百)?个")


def posts_reason(written: str, before_number: str, unit: str) -> str | None:
    """The reason for a count of job posts (`before_number`: the folded words from the noun to the number; `unit`:
    the folded unit after it), else None."""
    if _POSTS_BEFORE.search(before_number) and _COUNTED.fullmatch(unit):
        return (
            f"job posts: {written!r} counts posts (岗位, 个), not persons newly employed; never a level of "
            "new_urban_jobs (城镇新增就业, persons)"
        )
    return None
