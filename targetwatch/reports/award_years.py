"""A year inside the name of an award is the award's year, never the year a text is about.

    贵飞公司“无人机遥感安全检测与网络应用系统”荣获2018年省科技进步一等奖;…全年新增国家级高新技术企业23家……
    2019年,我市推进科技成果转化…全社会R&D投入达到5.06亿元…投入强度达到0.6%

(u38_as_2019_st_asxw, 安顺市's review of 2019, dev since round 29.) The excerpt has no release date
and starts inside the story, so the document's year was taken from its first head line: 2018, the year in
the award's name. Its "now" was then 2018 and the 2019 levels two lines below were kept out as forecasts.
A year written between 获/荣获/获得 and the 奖 that names the prize (in one clause) is blanked before the
head lines are searched for the document's year (periods.head_year), so the next year stated
(2019年,我市…) is the document's. Issue 17 item 1: the document year is never inferred from a year that is
not the text's own (a start point 以来, a comparison 比…, and now a prize's year).
"""

from __future__ import annotations

import re

# 荣获2018年省科技进步一等奖, 獲2019年度國家科學技術進步獎 (folded to simplified),
# 获得2020年度省科学技术奖: the verb of winning, at most 12 characters of the prize's owner or name,
# the year (年 or 年度), and 奖 within the same clause
_AWARD_YEAR = re.compile(r"(?:荣获|获得|获)[^,;。,;:：、]{0,12}?((?:19|20)\d{2})年度?[^,;。,;:：、0-9]{0,20}?奖")


def without_award_years(folded: str) -> str:
    """`folded` (fold_with_offsets' output) with every prize's year blanked, keeping offsets: a prize's
    year is not the document's."""
    return _AWARD_YEAR.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * 4 + m.group()[m.end(1) - m.start() :], folded
    )
