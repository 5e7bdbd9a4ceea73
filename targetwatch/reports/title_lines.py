"""A communiqué's title on a later line of the head, below a site's name (issue 17, round 21).

The document's year is the title's; when a release date is known, only the first head line is taken as the title,
since later lines may be a date, a byline or a sentence quoting another report (documents.document). Reposts put a
site's name first: `帮帮团 / 主页 / 帮帮团网站 / 2022年定西市国民经济和社会发展统计公报 / 更新时间:2024-05-10`
(u30_gs_2022_dingxi_communique) and `手机看中经 / 当前位置 … / 2022年宁夏回族自治区国民经济和社会发展统计公报 /
2023年05月04日 09:44` (u30_nx_2022_communique_ce), both dev since round 21: the year fell to the release date's (2024,
2023) and `全年新增城镇就业17127人` was read as 2023's. A later head line that is, as a whole, a statistical
communiqué's title (its year, then at most 30 characters, then 统计公报) names the year. A sentence quoting a title
(`…联合公布《2015年全国科技经费投入统计公报》`) is not a title line: the line must begin with the year and end
with 公报.
"""

from __future__ import annotations

import re

_TITLE_LINE = re.compile(r"((?:19|20)\d{2})年度?[^,，。;；:：《》()]{2,30}?统计公报")


def title_line_year(lines: list[str]) -> int | None:
    """The year of the first folded head line that is a statistical communiqué's title as a whole, or None."""
    for line in lines:
        m = _TITLE_LINE.fullmatch(line.strip())
        if m:
            return int(m.group(1))
    return None
