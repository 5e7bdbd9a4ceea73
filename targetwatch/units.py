"""Numbers and units as Chinese statistics write them: 1.3万, 四十万, １２３, 265亿元, ％, 億元.

Conversion is delegated to cn2an (Chinese numerals) and OpenCC (traditional -> simplified); this
module only knows which written units exist and what they multiply by (targetwatch.vocab).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

import cn2an
import pandas as pd

from targetwatch import vocab
from targetwatch.variants import fold_confused_place_names, fold_japanese_forms

MISSING_MARKS = frozenset({"", "—", "–", "-", "…", "...", "……", "－", "/", "nan", "NaN", "None", "NA", "n/a"})
_FOOTNOTE = re.compile(r"[*＊①②③④⑤⑥⑦⑧⑨⑩†‡]+$")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_NUMERALS = re.compile(r"^[负負+-]?[\d.零〇○一二两兩三四五六七八九十百千万萬亿億点點]+$")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, so one alias list matches reports in either script."""
    return _t2s().convert(fold_japanese_forms(text))  # 増 -> 增 first: t2s leaves Japanese forms (variants.py)


def normalise_text(text: str) -> str:
    """NFKC folds full-width digits, letters, ％ and ，; whitespace is dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def parse_number(text: object) -> float | None:
    """Parse a written figure; None for a missing mark. Raises ValueError for text that is not a number.

    Handles full-width digits, thousands separators, footnote marks, negative signs, Chinese numerals
    and the scale words 万/亿/千 (1.3万 -> 13000, 四十万 -> 400000).
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    if isinstance(text, int | float):
        return float(text)
    s = normalise_text(_FOOTNOTE.sub("", str(text).strip()))  # marks first: NFKC turns ① into 1
    s = _FOOTNOTE.sub("", s).replace(",", "").replace("−", "-")
    if s in MISSING_MARKS:
        return None
    if _NUMBER.match(s):
        return float(s)
    if s and s[-1] in vocab.MULTIPLIERS and len(s) > 1 and _NUMBER.match(s[:-1]):
        # Decimal arithmetic: 1.1万 is 11000, not 11000.000000000002
        return float(Decimal(s[:-1]) * Decimal(vocab.MULTIPLIERS[s[-1]]))
    if len(s) > 2 and s[-2] in vocab.MULTIPLIERS and s[-1] in vocab.MULTIPLIERS and _NUMBER.match(s[:-2]):
        return float(Decimal(s[:-2]) * Decimal(vocab.MULTIPLIERS[s[-2]]) * Decimal(vocab.MULTIPLIERS[s[-1]]))
    if not _NUMERALS.match(s):  # cn2an's smart mode would also accept '265亿元' and drop the 元
        raise ValueError(f"not a number: {text!r}")
    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    return float(value)


def split_value_unit(text: str) -> tuple[str, str]:
    """Split '265亿元' -> ('265', '亿元') and '1.3万件' -> ('1.3万', '件'); the unit may be empty."""
    s = normalise_text(text)
    m = re.match(r"^([+-]?[\d.,]+[万萬亿億千]?|[零〇一二两兩三四五六七八九十百千万萬亿億点點]+)(.*)$", s)
    if not m:
        return s, ""
    number, unit = m.group(1), m.group(2)
    if number[-1] in vocab.MULTIPLIERS and number[-1] + unit in vocab.WRITTEN_UNITS:
        return number[:-1], number[-1] + unit  # 亿元 is a unit of its own; 1.3万件 keeps 万 with the number
    return number, unit


def written_unit(unit: object) -> tuple[str, float] | None:
    """(base unit, factor) for a unit as written, or None if unknown. '（万人）' and '万人' both work."""
    if unit is None or (isinstance(unit, float) and pd.isna(unit)):
        return None
    s = normalise_text(str(unit)).strip("()（）[]【】")
    s = s.removeprefix("单位:").removeprefix("單位:")
    if s in vocab.WRITTEN_UNITS:
        return vocab.WRITTEN_UNITS[s]
    simplified = to_simplified(s)
    return vocab.WRITTEN_UNITS.get(simplified)


def unit_factors() -> pd.DataFrame:
    """The written-unit table as a frame, for set-based joins in the normaliser."""
    return pd.DataFrame(
        [(k, base, factor) for k, (base, factor) in vocab.WRITTEN_UNITS.items()],
        columns=["unit_key", "base_unit", "factor"],
    )


# --- additions for the yearbook and communiqué readers -------------------------------------------

_TRAILING_MARKS = re.compile(r"[\s*＊①②③④⑤⑥⑦⑧⑨⑩†‡]+$")
_CIRCLED = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_YEAR = re.compile(r"^((?:19|20)\d{2})(?:\.0+)?年?$")
_CN_YEAR = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年?$")


def strip_footnotes(text: str) -> str:
    """Drop footnote marks and spaces at the end of a cell: '1523①' -> '1523', '22000 *' -> '22000'."""
    return _TRAILING_MARKS.sub("", str(text))


def parse_year(text: object) -> int | None:
    """A calendar year as written in a header or title: 2019, '2019年', '２０１９年', '二〇一九年'; else None."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    s = normalise_text(strip_footnotes(str(text).strip()))
    if m := _YEAR.match(s):
        return int(m.group(1))
    if m := _CN_YEAR.match(s):
        return int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
    return None


# Chinese numerals that stand for a figure, in folded text (round 12, u17_nat_2008_rd_spun_ymdmx, dev since round 11):
# a percentage (百分之一点五四), a year written with Arabic zeros (二00八年) and an amount with a decimal point or a
# hundreds/thousands place before a unit (四千六百一十六亿元, 九百零五点八亿元, 二点一万元). Plain words keep their
# characters: 十三五, 一季度, 三个方面, 两家 are not converted.
_CN_DIGIT = "零〇○一二两三四五六七八九"
_CN_PERCENT = re.compile(rf"百分之([{_CN_DIGIT}十百点]+)")
_CN_MIXED_YEAR = re.compile(
    rf"(?<![\d{_CN_DIGIT}])(?=[{_CN_DIGIT}]*\d)(?=\d*[{_CN_DIGIT}])([\d{_CN_DIGIT}]{{4}})(?=年)"
)
_CN_AMOUNT = re.compile(
    rf"(?<![{_CN_DIGIT}十百千\d])([{_CN_DIGIT}十][{_CN_DIGIT}十百千]*点[{_CN_DIGIT}]+|[一二两三四五六七八九][千百][{_CN_DIGIT}十百千]*)"
    r"(?=[万亿]*(?:元|人|家|件|项|个|户|名|所))"
)


def _cn_value(written: str) -> str:
    value = Decimal(str(cn2an.cn2an(written, "smart")))
    return format(value.normalize(), "f")


def arabic_numerals(folded: str, index: list[int]) -> tuple[str, list[int]]:
    """Folded text with the Chinese numerals of figures written in Arabic digits (cn2an converts them), and the
    offset map kept: each new character points into the span it replaces (the last one to its end)."""
    spans: list[tuple[int, int, str]] = []
    for pattern, template in ((_CN_PERCENT, "{}%"), (_CN_MIXED_YEAR, "{}"), (_CN_AMOUNT, "{}")):
        for m in pattern.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b, _ in spans):
                continue
            try:
                digits = (
                    "".join(c if c.isdigit() else str(_CN_DIGITS[c]) for c in m.group(1))
                    if pattern is _CN_MIXED_YEAR
                    else _cn_value(m.group(1))
                )
            except (ValueError, KeyError, IndexError):
                continue
            spans.append((m.start(), m.end(), template.format(digits)))
    if not spans:
        return folded, index
    out, new_index, pos = [], [], 0
    for a, b, text in sorted(spans):
        out.append(folded[pos:a])
        new_index += index[pos:a]
        out.append(text)
        new_index += [index[a]] * (len(text) - 1) + [index[b - 1]]
        pos = b
    out.append(folded[pos:])
    new_index += index[pos:]
    return "".join(out), new_index


def figure_as_written(value: str, unit: str, folded_value: str, folded_unit: str) -> tuple[str, str]:
    """The value and unit strings of a figure: as written, unless Chinese numerals were converted (then the folded,
    converted ones: 百分之一点五四 is '1.54', '%')."""
    if re.search(r"\d", folded_value) and not re.search(r"\d", value.replace("〇", "")):
        return folded_value, folded_unit
    if "百分之" in value or (re.search(rf"[{_CN_DIGIT}十百千点]", value) and re.search(r"\d", folded_value)):
        return folded_value, folded_unit
    return value, unit


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold text for alias matching the way `normalise_text(...).lower()` + `to_simplified` fold catalogue keys.

    Returns the folded text and, for each of its characters, the index of the character of `text` it came
    from, so a match in the folded text maps back to offsets in the text as written. Whitespace and circled
    footnote marks are dropped; U+2212 (−) becomes '-'.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _CIRCLED:
            continue
        for c in unicodedata.normalize("NFKC", "-" if ch == "−" else ch).lower():
            if not c.isspace():
                out.append(c)
                index.append(i)
    folded = "".join(out)
    simplified = to_simplified(folded)
    if len(simplified) != len(folded):  # OpenCC phrase rules changed the length: convert char by char
        simplified = "".join(to_simplified(c) if len(to_simplified(c)) == 1 else c for c in folded)
    return fold_confused_place_names(simplified), index  # 陜西 -> 陕西 (variants.py)
