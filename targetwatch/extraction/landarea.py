"""An area before a longer name of the land it measures (20万亩优质绿茶基地, 5万亩高标准无性系良种茶园, 2000万公顷国家
储备林) is that land's target, not the size of a product.

Round 38 (issue 18). Round 30 (`measures.product_after`) read an area followed by Chinese as the size of what follows
(a product's capacity, −0.60) unless a land word (农田, 耕地, 林地 …) came within three characters. Two development
texts (the test half not read) name the land with a longer phrase ending in its kind: 珙县's 2015 tea-base news
(first unseen-49: 打造20万亩优质绿茶基地, 新建5万亩高标准无性系良种茶园, 改建2万亩老茶园, 力争建成20万亩优质绿茶基地,
each at 0.00–0.10) and the 2018 national reserve-forest plan news (first unseen-46 or earlier: 中國將建2000萬公頃國家
儲備林 at 0.00). An area (亩, 公顷) measures land by nature; what it sizes is land when the noun phrase after it ends in
a kind of land (基地, 园, 林, 田, 地) and closes its clause.

`land_phrase` says so; a phrase that runs on (2万亩茶园建设项目, 500亩产业园区内的企业) is not closed by its land word
and keeps round 30's reading.
"""

from __future__ import annotations

import re
from typing import Final

# Optionally 的, up to 10 characters of the land's name, its kind, then the clause's end (a stop, a bracket, a line's
# end or the text's). The view is folded (simplified, half-width: `text.fold`).
LAND_PHRASE: Final = re.compile(r"的?[\u4e00-\u9fff]{0,10}?(?:基地|园|林|田|地)(?=[^\u4e00-\u9fff]|$)")


def land_phrase(view: str, end: int) -> bool:
    """Whether the Chinese after an area ending at `end` is the name of a piece of land closing its clause."""
    return LAND_PHRASE.match(view, end) is not None
