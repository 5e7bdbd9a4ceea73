"""The unit vocabulary as data, from general sources rather than from the texts met so far.

Round 34 (issue 18). Fresh sets kept losing recall to units no rule knew, a new word on each new topic (立方米, 株, 头
in round 33; 岁, 辆, 微克/立方米 after it). Adding them one topic at a time is tuning, so the vocabulary is taken whole
from two general, citable tables:

- 中华人民共和国法定计量单位 (the State Council's order of 1984-02-27, GB 3100-3102): the SI units and the non-SI units
  the state permits, with their Chinese names, and the compound units plans write with them (千瓦时, 微克/立方米,
  吨标准煤). Each dimension has one base unit and a factor to it, so a scale word read apart from a unit that starts
  with one (5千米 read as 5 + 千 + 米) gives the same value as the whole unit.
- 量词 (the measure words of counts in a grammar's common table): 辆, 艘, 架, 岁, 份, 批, 位, 床, 间, 栋, 幢 …, each
  named after what it counts.

`LISTED_NOT_READ` keeps the words of the same tables that a rule must not read after a number, each with the reason:
a unit of time after a number is mostly a date or a duration norm (2025年, 15分钟生活圈, annotated as no target), a
voltage names a line's class (±800千伏), and some measure words open common words (部门, 成本, 人口).

Guards (`GUARDS`): a Chinese numeral before a measure word is mostly a figure of speech (一批, 一位, 一场硬仗), as round
33 found for 张 / 头 / 只; some words open other words (升至 is a verb, 场所 a place, 门类 a class, 支持 a verb). The
guards are regex fragments appended to `rules.FIGURE` through `measures.NOT_A_MEASURE`.
"""

from __future__ import annotations

from typing import Final

# 法定计量单位: (written word, base unit, factor to the base unit). Base units of the dimensions the rules already
# read are kept (km, sqm, tons, cubic_meters), so nothing read before changes its value.
LEGAL_UNITS: Final[tuple[tuple[str, str, float], ...]] = (
    # length (base km, as 公里 was read since round 10)
    ("公里", "km", 1), ("千米", "km", 1), ("米", "km", 1e-3), ("厘米", "km", 1e-5), ("毫米", "km", 1e-6),
    # area (平方米 as before; a zone's 平方公里 a unit of its own, km2, so that a zone's size before its name is read as
    # a size, measures.PHYSICAL_UNITS; 亩 and 公顷 stay units of their own, as the corpus annotates them)
    ("平方公里", "km2", 1), ("平方千米", "km2", 1), ("平方米", "sqm", 1),
    # volume (base cubic_meters, round 33)
    ("立方米", "cubic_meters", 1), ("升", "cubic_meters", 1e-3), ("毫升", "cubic_meters", 1e-6),
    # mass (base tons, as 吨 since round 10)
    ("吨", "tons", 1), ("千克", "tons", 1e-3), ("公斤", "tons", 1e-3), ("克", "tons", 1e-6),
    # power, and energy as coal equivalent (国家选定的 units plans use); energy in watt-hours: `energy_units`
    ("千瓦", "kw", 1), ("瓦", "kw", 1e-3), ("兆瓦", "kw", 1e3), ("吉瓦", "kw", 1e6), ("太瓦", "kw", 1e9),
    ("吨标准煤", "tce", 1), ("吨标煤", "tce", 1), ("千克标准煤", "tce", 1e-3),
    # concentrations (air and water quality standards, GB 3095 / GB 3838)
    ("微克/立方米", "ug_per_m3", 1), ("毫克/立方米", "ug_per_m3", 1e3), ("毫克/升", "mg_per_l", 1),
    # sound level
    ("分贝", "db", 1),
    # containers, a unit of port throughput
    ("标准箱", "teu", 1),
    # round 44: data rates, as GB 3100's 比特 (bit) per 秒; bandwidth plans name them by prefix (太 = 10^12, 吉 =
    # 10^9, 兆 = 10^6). Base tbps, as the corpus annotates 10太比特每秒(Tbps) (青海 2022, first unseen-55)
    ("太比特每秒", "tbps", 1), ("吉比特每秒", "tbps", 1e-3), ("兆比特每秒", "tbps", 1e-6),
)

# 量词 by what they count: base unit -> words. Round 33's classes (measures.MEASURE_CLASSES) stay as they were; these
# are the others of the common table, named as the corpus annotates them (辆 vehicles, 岁 years).
MEASURE_WORD_CLASSES: Final[dict[str, tuple[str, ...]]] = {
    "vehicles": ("辆",), "vessels": ("艘",), "aircraft": ("架",), "years": ("岁",),
    "persons": ("位",), "beds": ("床",), "rooms": ("间",), "buildings": ("栋", "幢"),
    "count": ("份", "批", "篇", "册", "颗", "枚", "支", "门", "眼", "块"),  # r. 53: 块 (0.9块足球场地, 1500亿块芯片)
    "times": ("场",), "head": ("匹", "羽"), "fish": ("尾",),
}

# Words of the same tables that are not read after a number, and why.
LISTED_NOT_READ: Final[dict[str, str]] = {
    "年": "a number before it is a year (2025年) or a duration", "月": "a month or a duration",
    "日": "a day of a date", "天": "a duration norm (3天内办结)", "小时": "a service norm or a travel circle",
    "分钟": "a travel-time circle (15分钟生活圈), annotated as no target", "秒": "a duration",
    "千伏": "a transmission line's voltage class (±800千伏特高压), a condition", "度": "年度, 程度, 温度",
    "部": "部门, 部委", "本": "成本, 资本, 基本", "口": "人口, 出口, 进口",
    "片": "片区", "届": "an ordinal (第十届)", "期": "an ordinal (二期工程)", "节": "节能, 节约",
}

# Guards: a Chinese numeral right before these is a figure of speech (一批, 一位, 两场); digits or a scale word are
# counts (3批, 20万份).
NUMERAL_GUARDED: Final[str] = "批位份场支门间块"  # r. 53: 三块地
# A word followed by these characters is part of another word: 升至 (a verb), 场所 / 场景 / 场馆 (places), 门类 / 门户,
# 支持 / 支撑 / 支付 / 支出, 间隔, 架构, 尾气 / 尾矿 / 尾水, 位于, 克服, 米粮.
NOT_AFTER: Final[dict[str, str]] = {
    "升": "至到为级高值温", "场": "所景地馆站院区内外次", "门": "类户槛诊店面", "支": "持撑付出柱部线援农教医",
    "间": "隔距", "架": "构次", "尾": "气矿水款声期", "位": "于居列置", "克": "服", "米": "粮",
    "块": "钱",  # r. 53: 5块钱 is the colloquial yuan (why 块 was listed not read before); 块 alone counts pieces
    "时": "代",  # rv20c: 迈入20兆瓦时代 is the era of 20 MW machines (时代), not 20 MWh; the power word is read
}


# Round 54 (review of round 52): energy is power times time, and GB 3100 writes the product of two units with a middle
# dot or without a sign (千瓦·时, 千瓦时; the hour also as 小时, kW·h). Texts set the dot as a katakana middle dot
# (・, also ･ folded to it), a dot operator or a full stop (kW.h). Each power word gives its energy words with the
# power's factor (1 千瓦·时 = 1 kWh), so a power word before a dot and an hour is never read as power alone
# (3000亿千瓦·时 was 3 x 10^11 kW before).
PRODUCT_SIGNS: Final[tuple[str, ...]] = ("", "·", "・", "‧", "⋅", "∙", ".")
HOUR_WORDS: Final[tuple[str, ...]] = ("时", "小时")


def energy_units(powers: dict[str, float], hours: tuple[str, ...]) -> dict[str, tuple[str, float]]:
    """The energy words of `powers` (written power -> factor to kW): each power, a product sign and an hour."""
    return {f"{power}{sign}{hour}": ("kwh", factor)
            for power, factor in powers.items() for sign in PRODUCT_SIGNS for hour in hours}


def unit_table() -> dict[str, tuple[str, float]]:
    """Every word read as a unit from the two tables: word -> (base unit, factor)."""
    out = {word: (base, factor) for word, base, factor in LEGAL_UNITS}
    out |= energy_units({word: factor for word, base, factor in LEGAL_UNITS if base == "kw"}, HOUR_WORDS)
    out |= {word: (base, 1.0) for base, words in MEASURE_WORD_CLASSES.items() for word in words}
    return out


def guards() -> str:
    """The regex fragment that keeps the tables' words from being read where they are not units (appended after
    the unit in `rules.FIGURE`; each lookbehind is fixed-width)."""
    numeral = "[一二两三四五六七八九十]"
    parts = [f"(?<!{numeral}[{NUMERAL_GUARDED}])"]
    parts += [f"(?!(?<={word})[{chars}])" for word, chars in NOT_AFTER.items()]
    # an age followed by the people it bounds is an age group, a condition (60岁以上老年人, 0-3岁婴幼儿, 16—24岁登记
    # 失业青年); an age as a level ends its phrase (人均预期寿命达到79岁。, 83岁;)
    parts.append(r"(?!(?<=岁)(?!左右)(?:及?以[上下内])?[\u4e00-\u9fff])")
    # 前40位 / 第5位 are ranks (rules.RANK), not persons
    parts += [rf"(?<![第前]\d{{{n}}}位)" for n in (1, 2, 3)]
    return "".join(parts)
