"""Units the rules read beyond `vocab.WRITTEN_UNITS`: units of their own, measure words, a plant's capacity.

Moved here from `rules.py` in round 18 (issue 18), when rules.py reached its 700-line limit, with round 18's units:
a rate per thousand (人口自然增长率控制在6‰以内; 千分之四点五 is folded to it by `text.fold`, see
`WRITTEN_FRACTION`), computing power in EFLOPS (算力规模超过300EFLOPS) and events (举办创新创业活动200余次), each a base
unit of its own, as 人年 and 亩 are: nothing is converted, and the catalogue has no indicator in them yet.
"""

from __future__ import annotations

import re
from typing import Final

import targetwatch.extraction.landarea as landarea
import targetwatch.extraction.legalunits as legalunits
import targetwatch.extraction.unitforms as unitforms
from targetwatch import vocab
from targetwatch.extraction.annualword import YEAR_NOT_BEFORE
from targetwatch.units import parse_number

# Units beyond vocab.WRITTEN_UNITS that policy documents use for counts. 人年 (person-years of R&D staff) and 套
# (flats) have base units of their own: a proposal carries them, the catalogue has no indicator in them yet.
EXTRA_UNITS: Final[dict[str, tuple[str, float]]] = {
    "名": ("persons", 1), "人年": ("person_years", 1), "套": ("sets", 1),
    "个百分点": ("percentage_points", 1),  # 提高2个百分点, 比全国高15个百分点: a difference of percentages
    "成": ("percent", 10),  # 增幅超7成: tenths
    "斤": ("jin", 1),  # 粮食产量616亿斤 (round 8): a unit of its own, as 人年 is
    # Round 6: a foreign currency, a unit of its own (实际利用外资1亿美元). Tons are not read: in plans they are mostly
    # the capacity of a plant (年产10万吨…生产线), not a target.
    "美元": ("usd", 1),
    # Round 18: a rate per thousand (人口自然增长率控制在6‰以内), computing power (算力规模超过300EFLOPS,
    # folded to lower case) and events (举办创新创业活动200余次; 人次 stays persons).
    "‰": ("permille", 1), "eflops": ("EFLOPS", 1), "次": ("times", 1),
}
# …but 次 is no count of events in 三次产业 (the three sectors), 十三届二次全会 (a plenary's number), 一次性
# (one-off), 中高压二次控制设备 (secondary equipment), nor in 一次 (once: 参加一次培训): a count of events ends its
# phrase (200余次。, 50次以上, 100次左右, 10次的), so 次 followed by any other character is part of a word.
NOT_EVENTS: Final = r"(?<!一次)(?!(?<=次) {0,8}[^\s,，。;；:：、)）\]以左的])"  # round 20: also past a reading's blank
# …and a bare scale word before 项目 names a class of projects, not a count (计划招引20个以上过亿项目: projects of over
# 100 million yuan; 过亿元项目 is read as an amount class, rules.AMOUNT_CLASS_AFTER).
NOT_A_CLASS: Final = r"(?!(?<=[过超逾][万千亿]项)目)"
# Round 10: measure words of land, weight and machines, each a base unit of its own (no conversion is guessed: 亩 stays
# mu, 吨 tons, 台 sets), read like any unit with a scale word (0.15万亩, 2.5万吨, 360台/万人 a density per 10 000
# workers). Tons were left out in round 6 (a plant's capacity, 年产10万吨…生产线): CAPACITY_BEFORE now marks those.
# Round 33: measure words are listed by class (what is measured -> its base unit and its words), so a class is read
# whole, not one word at a time: volume (森林蓄积量达到1.69亿立方米), livestock (存栏0.95万头, 家禽700500只), plants
# (植树15亿株以上, 棵) and beds (17.8万张养老床位). Counted in 4 development texts before the rule, each with a
# different word of the classes (上海 2022's beds, first unseen-42; 山西 2020's 立方米, the 2022 rural-greening
# plan's 株 and a county's 2022 头, first unseen-43); the corpus annotates each with its class's base unit.
MEASURE_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    "mu": ("亩",), "hectares": ("公顷",), "tons": ("吨",), "sets": ("台/万人", "台"), "count": ("条", "座"),
    "km": ("公里",), "cubic_meters": ("立方米",), "head": ("头", "只"), "plants": ("株", "棵"), "beds": ("张",),
}
# Round 34: beside the classes, the whole vocabulary of China's legal units of measurement and of the common measure
# words (legalunits.py: one table, from general sources, not from the texts met so far).
MEASURE_WORDS: Final[dict[str, tuple[str, float]]] = {
    word: (base, 1) for base, words in MEASURE_CLASSES.items() for word in words
} | {w: v for w, v in legalunits.unit_table().items() if w not in vocab.WRITTEN_UNITS} | unitforms.FORMS  # r. 52
# A figure of speech is no measure: a Chinese numeral before 张 / 头 / 只 (一张网, 一张图, 两张清单, 一头抓…一头抓,
# 一只手) counts nothing, and 张 / 头 / 株 open place and firm names (张家港, 张江, 头部企业, 株洲). Digits or a scale
# word before them (17.8万张, 0.95万头, 52670头) are measures.
NOT_A_MEASURE: Final = (r"(?<![一二两三四五六七八九十][张头只])"
                        r"(?!(?<=张)[家江掖])(?!(?<=头)部)(?!(?<=株)洲)" + legalunits.guards() + unitforms.GUARD)
# A plant's capacity or a product's size, not a target: 年产10万吨…, 10万吨/年水性树脂, 10万吨工业草酸 (a measure word
# followed by the product), 年产27亿条…电源线; not 年产值 / 年产量 (an output target). A count followed by its noun
# (建设3个园区) is read as before.
CAPACITY_BEFORE: Final = re.compile(  # round 39: not a date's 年 (2020年出栏生猪800万头: annualword.py)
    rf"(?:{YEAR_NOT_BEFORE}(?:年产(?![值量])|年加工|年处理|年吞吐|年出栏)|产能|日产(?![值量]))[^,，;；。]{{0,4}}$")
CAPACITY_AFTER: Final = re.compile(r" {0,2}/ {0,2}年")
# Round 34: also a power rating and a zone's area in 平方公里 (15-5兆瓦等不同规格总机, 1平方公里核心区范围内: the seeds'
# 2 false proposals once the legal units were read), which size the thing named after them.
PHYSICAL_UNITS: Final[frozenset[str]] = frozenset({"mu", "hectares", "tons", "km", "cubic_meters", "kw", "km2"})
# Round 30: an area followed by the land it measures is that land's target, not a product's size (12亿亩高标准农田,
# 22.99万亩的田间主体工程, 400亩地块, 7公顷工业用地): counted in 3 development texts before the rule (the 2021
# farmland video news, 襄阳 2025, a town's 2024 plan). Tons and km keep the product reading (10万吨工业草酸).
AREA_UNITS: Final[frozenset[str]] = frozenset({"mu", "hectares"})
LAND_AFTER: Final = re.compile(r"的?[\u4e00-\u9fff]{0,3}?(?:农田|田间|耕地|土地|地块|用地|林地|草地|园地)")
CJK: Final = re.compile(r"[\u4e00-\u9fff]")


def product_after(view: str, end: int, base: str) -> bool:
    """Whether a physical quantity ending at `end` is followed by the product it sizes (10万吨工业草酸), which makes it
    a capacity, not a target; an area followed by its land (12亿亩高标准农田) is the land's own target."""
    if base not in PHYSICAL_UNITS:
        return False
    after = view[end : end + 6]
    if base in AREA_UNITS and (LAND_AFTER.match(after) or landarea.land_phrase(view, end)):  # round 38: 万亩…茶园
        return False
    return bool(CJK.match(after[:2].lstrip("的")))


# Round 18: a rate written out in words, 千分之四点五 (4.5‰) or 百分之十五 (15%), is folded to the figure a rule reads,
# right-aligned in the same span so that offsets stay those of the text (千分之四点五 -> "  4.5‰"; the quote keeps the
# words). `text.fold` applies it to the view.
WRITTEN_FRACTION: Final = re.compile(
    r"(?P<of>[百千])分之(?P<num>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)")


def write_fractions(view: str) -> str:
    """The view with each written-out rate replaced by its figure and sign, padded to the same length."""
    def figure(m: re.Match[str]) -> str:
        try:
            value = parse_number(m["num"])
        except ValueError:
            return m[0]
        if value is None:
            return m[0]
        written = f"{value:g}" + ("‰" if m["of"] == "千" else "%")
        return written.rjust(len(m[0])) if len(written) <= len(m[0]) else m[0]
    return WRITTEN_FRACTION.sub(figure, view)
