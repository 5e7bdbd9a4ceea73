"""Japanese-only character forms (shinjitai) folded to their traditional form before OpenCC's t2s.

Why: real Chinese pages sometimes carry a Japanese form of a character, from an input method or a Japanese-script
source: `同比増加68萬人` (u25_nat_2021q1_jobs_fzxysj_trad, dev since round 16) writes 増 (U+589E) for 增, so the change
word 增加 was missed and the change was read as a figure. OpenCC's t2s leaves 増 as it is; its jp2t config maps it.

The table is not written by hand: it is OpenCC's jp2t mapping, kept only for characters that neither GB2312 nor Big5
can encode (forms no Chinese text needs). jp2t on its own would also rewrite characters that Chinese uses in their
own right (予 in 给予 would become 豫, 芸 would become 藝), so those are left alone. One character maps to one
character, so offsets into the text as written still hold.
"""

from __future__ import annotations

import re
from functools import cache

_CJK = range(0x4E00, 0xA000)  # the unified ideographs block: every variant met so far lies in it


def _encodes(ch: str, charset: str) -> bool:
    try:
        ch.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


@cache
def japanese_forms() -> dict[int, str]:
    """`str.translate` table: a Japanese-only form -> its traditional form (203 characters with OpenCC 1.1)."""
    import opencc

    chars = [chr(c) for c in _CJK]
    converted = opencc.OpenCC("jp2t").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a phrase rule joined lines: keep no table rather than a shifted one
        return {}
    return {
        ord(c): t
        for c, t in zip(chars, converted, strict=True)
        if t != c and len(t) == 1 and not _encodes(c, "gb2312") and not _encodes(c, "big5")
    }


def fold_japanese_forms(text: str) -> str:
    """`text` with each Japanese-only form replaced by its traditional form (same length)."""
    return text.translate(japanese_forms())


# A look-alike character written for a place name's own, after folding to simplified script: 陜 (U+965C, xiá, an
# old form of 狭 "narrow", which OpenCC leaves as it is) typed for 陝/陕 (shǎn) in 陝西. Development texts write the
# province so: 陜西高新技術企業數量從2016年的1829家增長到2020年的6198家 (u29_sn_2020_hte_4yczj_trad), …浙江和陜西
# (u21_nat_2019_rd_provinces_my67778_trad), 陜西上升1位躋身全國前10 (u7_nat_2024_innovation_ranking_trad): the reader
# did not see a province there. 陜西 names nothing else. Each pair keeps its length, so offsets still hold.
CONFUSED_PLACE_NAMES: dict[str, str] = {"陜西": "陕西"}
_CONFUSED = re.compile("|".join(CONFUSED_PLACE_NAMES))


def fold_confused_place_names(folded: str) -> str:
    """`folded` (already simplified) with each look-alike place name written as the place's own (same length)."""
    return _CONFUSED.sub(lambda m: CONFUSED_PLACE_NAMES[m.group()], folded) if "陜" in folded else folded
