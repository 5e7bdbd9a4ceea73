"""Round 53 (issue 18): an area after 规划面积 / 占地面积 / 辐射面积 / 建筑面积 / 用地面积 sizes a site: no target.

A park's or a project's planned area, the land it takes or the area it serves describes the site: 台州's 2008 science
parks (taizhou-2008-agri-science-parks-news-trad, first unseen-60: 规划面积1万多亩, 规划面积2万亩, 辐射面积30万亩) and a
town's 2009 plan (town-2009-agri-restructuring-plan, first unseen-62: 项目占地面积78亩) proposed them as targets (four
false proposals, 0.50–0.60; none annotated); the development side annotates no figure after these words (贵安's
规划面积…, the 2021 science-museum news' 新增建筑面积137.6万平方米 are not annotated either). An area to reach is
written with other nouns (种植面积, 播种面积, 人均体育场地面积) and stays as it was. The figure gets the category
threshold's weight, as a size that says which thing is meant (`rules.CONFIDENCE["category_threshold"]`).

An area per head (人均住房建筑面积达到40平方米, 人均建设用地面积为100平方米) is no site's size but a level that
housing and land-use plans set as a target, so 人均 shortly before the area word leaves the figure alone (second
review of round 53: 人均住房建筑面积达40平方米 by 2025 had fallen from 0.90 to 0.30).
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import Candidate

SITE_AREA: Final = re.compile(r"(?:规划|占地|辐射|建筑|用地)面积 {0,8}(?:约|近|达|为|超过)? {0,2}$")
# 人均 with up to six characters between it and the area word (人均城镇建设用地面积: four) makes the area per head.
PER_HEAD: Final = re.compile(r"人均[^,，。;；\d]{0,6}$")
RULE: Final = "site_area"


def demote(view: str, cands: list[Candidate]) -> None:
    """Weigh a figure right after a site's area word as a size (see the module docstring)."""
    for c in cands:
        if c.value is None or RULE in c.rules_fired:
            continue
        m = SITE_AREA.search(view, c.clause.start, c.start)
        if m is None or PER_HEAD.search(view, c.clause.start, m.start()):
            continue
        c.score += rules.CONFIDENCE["category_threshold"]
        c.rules_fired.append(RULE)
        c.notes.append("the area of a site (规划面积, 占地面积 …): a size, not a level to reach")
