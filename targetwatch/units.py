"""Numbers and units as Chinese statistics write them: 1.3万, 四十万, １２３, 265亿元, ％, 億元.

Conversion is delegated to cn2an (Chinese numerals) and OpenCC (traditional -> simplified); this
module only knows which written units exist and what they multiply by (targetwatch.vocab).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cn2an
import pandas as pd

from targetwatch import vocab

MISSING_MARKS = frozenset({"", "—", "–", "-", "…", "...", "……", "－", "/", "nan", "NaN", "None", "NA", "n/a"})
_FOOTNOTE = re.compile(r"[*＊①②③④⑤⑥⑦⑧⑨⑩†‡]+$")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, so one alias list matches reports in either script."""
    return _t2s().convert(text)


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
        return float(s[:-1]) * vocab.MULTIPLIERS[s[-1]]
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
