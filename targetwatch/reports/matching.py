"""Everyday variants of an indicator's name, matched to the catalogue without adding an alias for each.

Publications name one indicator in many ways. These are the same indicator:

    研究与试验发展（R&D）经费投入强度   研究与试验发展经费投入强度          (an abbreviation in brackets)
    高新技术企业                        高新技术企业数量 / 高新技术企业数    (a trailing 数, 数量, 总数, 总额)
    科技进步贡献率                      科技进步对经济增长的贡献率           (a known inserted phrase)
                                        科技对经济增长的贡献率
    技术合同交易额                      技术市场合同交易额
    省级以上“双创”示范基地             省级及以上双创示范基地               (quotes; 及以上 = 以上)
    高新技術企業                        高新技术企业                        (traditional script, through OpenCC)
    雙創(chuàng)示範基地                    双创示范基地                        (a mirror site's pinyin gloss)

A name is folded (NFKC, lower case, simplified script), then the pieces that do not change its meaning are
removed; what is left is its **normalised key**. A name in a report matches an indicator when their keys
are equal. When one key belongs to two indicators the match is refused and both are named (the ambiguity
guard): a fuzzy match never picks one of two indicators silently.

Every observation says how its indicator was matched (`matched_by`): `exact` (the code or the catalogue name,
in either script), `alias` (an alias, in either script), `normalised` (only the normalised keys are equal).
Auditors can list every fuzzy match from that column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from targetwatch.reports.name_variants import with_name_variants
from targetwatch.reports.recognition_counts import recognition_key
from targetwatch.reports.sme_registry import registry_key
from targetwatch.units import normalise_text, to_simplified
from targetwatch.variants import fold_confused_place_names

MATCHED_BY = ("exact", "alias", "normalised")

# Pieces of folded text removed before matching; each is a deletion, so offsets map back to the text as written.
_GLOSS = r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)"  # 業(yè): pinyin that mirror sites put after a character
# （R&D）, (简称R&D或研发): an abbreviation in brackets. Other bracketed words may qualify a name (（登记）, （累计）)
# and are kept.
_BRACKETED = r"[(\[【][^()\[\]【】\d]{0,14}?[a-z][^()\[\]【】\d]{0,14}[)\]】]"
_QUOTES = r"[“”\"‘’'《》「」]"
# a footnote marker: …经费投入强度(与国内生产总值[2]之比)为2.19% (u8_nat_2018_rd_bulletin, dev since round 5)
_FOOTNOTE = r"\[\d{0,2}\]"  # an empty one too: (与国内生产总值[]之比) (u11_nat_2017_rd_bulletin, dev since round 7)
# a footnote's text in square brackets, or a starred marker, inside a name:
# (与国内生产总值[2013年GDP初步核算数据。]之比)
# (u13_nat_2013_rd_cnas), (与国内生产总值*1之比) (u13_nat_2013_rd_163): dev since round 8
_FOOTNOTE_TEXT = r"\[[^\[\]]{2,40}\]|\*\d{1,2}(?![\d.])"
# an HTML entity left in a page's text: R&ampD (u14_nat_2019_innovation_index, dev since round 9)
_ENTITY = r"(?<=&)amp;?"
# Known inserted or optional phrases: deleted from names and text alike.
_INFIXES = (
    r"对(?:该省|全省|本省|我省|全市|本市|我市|该市)?经济增长的?",  # 科技进步对经济增长的贡献率
    r"(?<=科技)进步(?=对|贡献率)",  # 科技进步贡献率 = 科技贡献率 (as in 科技对经济增长的贡献率)
    r"(?<=技术)市场(?=合同)",  # 技术市场合同交易额163亿元 (gs_2018_kjhy_tibet), 技術市場合同成交額 (gs_2021_kjhy_trad)
    r"(?<=合同)年(?=交易额|成交额)",  # 技术合同年交易额: the annual turnover is the turnover
    # 技術市場成交合同金額為7469.1億元 (u21_nat_2013_innovation_index_trad, unseen-21, dev since round 14),
    # 技术市场成交额: the technology market's turnover is the technology contracts' turnover. One pass over the
    # name, so each lookaround sees the name as written: 技术市场成交合同金额 and 技术合同成交额 both key to 技术成交额
    r"(?<=技术)市场(?=成交)",
    # 武汉市技术市场交易成交额1357.41亿元 (u37_hb_2022_techcontracts_iko, unseen-37, dev since round 28): the market's
    # traded turnover is the same turnover, 交易 and 成交 written both
    r"(?<=技术)市场交易(?=成交)",
    r"(?:(?<=技术)|(?<=技术市场))合同(?=年?(?:认定)?(?:登记)?(?:成交额|交易额|成交金额|交易金额))",
    # the registering step between the contracts and their turnover (round 24): 技術合同認定登記成交額160.24億元
    # (u33_hn_2021_xiangtan_techcontracts_trad), 技术合同登记成交额 and 技术合同认定登记成交额 (u6_fj_2019_xiamen): dev
    # since round 24. The turnover counted is that of the contracts registered, so it is the technology contracts'
    r"(?<=合同)(?:认定)?登记(?=成交额|交易额|成交金额|交易金额)",
    r"(?<=成交)合同(?=金额|额)",
    r"(?<=合同)金(?=额)|(?<=成交)金(?=额)|(?<=交易)金(?=额)",
    r"(?<=级)及(?=以上)",  # 省级及以上
    # round 35: the recognition of a high-tech enterprise is national (国家高新技术企业, an alias), so 国家级
    # names all of them, no subset: 目前全市国家级高新技术企业数量已达117家 (u37_cz_2013_hitech_tech, dev since
    # round 28), 东莞共有755家国家级高新技术企业 (u43_dg_2014_hte_308101616, dev since round 34). Not other names: a
    # national-level incubator or maker space is a subset of them (grammar.QUALIFIER)
    r"(?<=国家)级(?=高新技术企业)",
    r"(?<=经费)内部支出",  # R&D經費內部支出 (yreb_2019_rd_trad): the yearbooks' name for R&D expenditure
    # 中國R&D投入經費占當年GDP的1.34% (u15_nat_2010_rd_polymer_trad, dev since round 10): the expenditure put in
    r"(?:(?<=r&d)|(?<=研发))投入(?=经费)",
    # 2009年全国R&D总经费5802.1亿元 (u18_nat_2009_rd_census_ixiawen, dev since round 12): the total is the expenditure
    r"(?<=r&d)总(?=经费)",
    # 研發投入強度(與GDP之比)雖然達到了1.7% (u18_nat_2009_rd_wenweipo_trad, dev since round 12): 经费 left out
    r"(?:(?<=r&d)|(?<=研发))经费(?=投入强度)",
    # the registering government's level between the verb and the achievements (round 22): 登記自治區科技成果1249項
    # (u31_nx_2023_kjhy_ytjhdl_trad), 已成功登记省级科技成果76项 (u31_gs_2025_jinta_xfrb, a county's: other): dev since
    # round 22. A province, region or city registers its own achievements, so the count is its 登记科技成果
    r"(?<=登记)(?:省级|省|自治区级|自治区|市级|市)(?=科技成果)",
)
_ANY_GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]")  # as written, full-width or not
# three passes: glosses first, then the other marks, then the infixes: a gloss inside a bracket or an infix would
# hide it (科技進(jìn)步貢獻(xiàn)率, u13_nat_2018_kjhy_trad, dev since round 8;
# 研究與試驗(yàn)發(fā)展(以下簡(jiǎn)稱R&D)經(jīng)費(fèi)投入7062.6億元, u15_nat_2010_rd_polymer_trad,
# dev since round 10)
_GLOSSES = re.compile(_GLOSS)
_MARKS = re.compile("|".join([_BRACKETED, _QUOTES, _FOOTNOTE, _FOOTNOTE_TEXT, _ENTITY]))
_INFIX = re.compile("|".join(_INFIXES))
# Trailing words that make a count's name longer without changing it (longest first).
# 指数: an index is named with or without it: 综合科技进步水平达到78% (u15_lz_2020_presser_gansuci, dev since round 10)
SUFFIXES = ("总数", "数量", "总额", "指数", "数")


# Names are folded and keyed again and again (each catalogue name whenever a matcher or a text's keys are built, each
# distinct name a report writes): both are pure functions of a string, so a short one's result is remembered. Running
# texts (longer than _SHORT) are folded each time: they are many, long and read once.
_SHORT = 80
_CACHED = 1 << 16  # distinct short strings remembered (a few MB at most)


def fold(text: str) -> str:
    """NFKC, no whitespace, lower case, simplified script: how every key and text is compared."""
    return _fold_short(text) if type(text) is str and len(text) <= _SHORT else _fold(text)


def _fold(text: str) -> str:
    return fold_confused_place_names(to_simplified(normalise_text(text).lower()))  # 陜西 (variants.py)


_fold_short = lru_cache(maxsize=_CACHED)(_fold)


def strip_deletions(folded: str, index: list[int] | None = None) -> tuple[str, list[int]]:
    """Remove glosses, bracketed words, quotes and known infixes from folded text, keeping the offset map."""
    index = list(range(len(folded))) if index is None else index
    for pattern in (_GLOSSES, _MARKS, _INFIX):
        keep = [True] * len(folded)
        for m in pattern.finditer(folded):
            keep[m.start() : m.end()] = [False] * (m.end() - m.start())
        index = [i for i, k in zip(index, keep, strict=True) if k]
        folded = "".join(c for c, k in zip(folded, keep, strict=True) if k)
    return folded, index


def without_deletions(folded: str) -> str:
    """strip_deletions' text alone (a short one remembered, as in `fold`)."""
    return _without_deletions(folded) if type(folded) is str and len(folded) <= _SHORT else _deleted(folded)


def _deleted(folded: str) -> str:
    return strip_deletions(folded)[0]


_without_deletions = lru_cache(maxsize=_CACHED)(_deleted)


def without_glosses(text: str) -> str:
    """The text without a mirror site's pinyin glosses: 48.8萬(wàn)人 is 48.8萬人 (u10_sx_2020_hrss_trad, dev since
    round 6), for the raw value, unit and place strings the normaliser reads."""
    return _ANY_GLOSS.sub("", text)


def normalised_key(name: str) -> str:
    """The key a name is matched by: folded, deletions removed, one trailing 数/数量/总数/总额 dropped."""
    return _normalised_key(name) if type(name) is str and len(name) <= _SHORT else _key(name)


def _key(name: str) -> str:
    key = with_name_variants(without_deletions(fold(name)))  # 研究与实验发展 (name_variants.py): matched 'normalised'
    for suffix in SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)]
    return key


_normalised_key = lru_cache(maxsize=_CACHED)(_key)


@dataclass(frozen=True)
class Match:
    code: str | None  # None when the name is ambiguous
    matched_by: str | None  # exact | alias | normalised
    candidates: tuple[str, ...] = ()  # every indicator whose key matched (two or more: ambiguous)

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


class IndicatorMatcher:
    """Names -> indicator codes: exact (code, catalogue name), alias, then the normalised key.

    `exact` and `aliases` map folded names to codes (as `model.alias_map` makes them, split by kind).
    """

    def __init__(self, exact: Mapping[str, str], aliases: Mapping[str, str]):
        self.exact = {fold(k): v for k, v in exact.items()}
        self.aliases = {fold(k): v for k, v in aliases.items() if fold(k) not in self.exact}
        self.keys: dict[str, set[str]] = {}
        for name, code in [*self.exact.items(), *self.aliases.items()]:
            self.keys.setdefault(normalised_key(name), set()).add(code)

    @classmethod
    def from_names(cls, indicators: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> IndicatorMatcher:
        """From (code, exact names, aliases) triples."""
        exact: dict[str, str] = {}
        aliases: dict[str, str] = {}
        for code, names, alias_names in indicators:
            for n in (code, *names):
                if n:
                    exact[n] = code
            for a in alias_names:
                if a:
                    aliases[a] = code
        return cls(exact, aliases)

    def match(self, name: object) -> Match:
        if name is None or str(name).strip() == "" or str(name) == "nan":
            return Match(None, None)
        folded = fold(str(name))
        if folded in self.exact:
            return Match(self.exact[folded], "exact", (self.exact[folded],))
        if folded in self.aliases:
            return Match(self.aliases[folded], "alias", (self.aliases[folded],))
        key = normalised_key(str(name))
        # 国家科技型中小企业, a row's name only: running text keeps 国家 a qualifier (sme_registry.py)
        # 认定高新技术企业 (a year's recognitions, recognition_counts.py): the alias's order, 高新技术企业认定
        codes = tuple(
            sorted(self.keys.get(key) or self.keys.get(registry_key(key)) or self.keys.get(recognition_key(key), ()))
        )
        if len(codes) == 1:
            return Match(codes[0], "normalised", codes)
        return Match(None, None, codes)

    def text_keys(self) -> dict[str, str | None]:
        """Normalised key -> code for searching running text (None: the key names two indicators)."""
        return {k: (next(iter(v)) if len(v) == 1 else None) for k, v in self.keys.items() if len(k) >= 2}

    def candidates(self, key: str) -> tuple[str, ...]:
        return tuple(sorted(self.keys.get(key, ())))


def ambiguity_reason(name: object, candidates: Iterable[str]) -> str:
    both = " and ".join(candidates)
    return f"ambiguous indicator {str(name)!r}: its normalised name matches {both}; name one of them"
