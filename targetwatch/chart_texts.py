"""A chart built once for both page languages: its texts as tokens into a per-language string table.

A target's charts are the same in Chinese and English but for their texts (labels, numbers as written, axis
titles). The large dashboards layout writes them into its data files for 115,524 targets at national scale; built
once per language, they were the largest part of the data files' time and half their bytes. With a `Texts` table
in place of the language, the chart builders (targetwatch.charts) build a target's chart once: every text that
depends on the language is written as a token (one private-use character standing for its entry in the table), and
the table holds each entry's Chinese and English text, written by targetwatch.formatting as before. The page
(dashboards/static/target-view.js) puts the texts of its language back in place of the tokens before it draws:
`resolve(spec, texts.table("en"))` here does the same, and gives exactly the spec the builders give for "en"
(tests/targetwatch/test_chart_texts.py compares them for every chart of the SYNTHETIC small site).

A text the same in both languages is written as it is (no token). Tokens are the Unicode private-use characters
U+E000-U+F8FF, then U+F0000-U+FFFFD, the n-th entry's being the n-th of them; a text that already holds one of them,
or a table past their number, cannot be tokenised: `Texts.pair` raises `Untokenisable` and the caller builds the
chart per language instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from targetwatch.formatting import format_number, format_value, format_values

_BMP = (0xE000, 0xF8FF)  # 6,400 tokens, 3 bytes each in UTF-8
_PLANE15 = (0xF0000, 0xFFFFD)  # 65,534 more, 4 bytes each
_TOKEN = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]")


class Untokenisable(Exception):
    """A text holds a token character already, or the table is full: the chart is built per language."""


def _token(n: int) -> str:
    if n <= _BMP[1] - _BMP[0]:
        return chr(_BMP[0] + n)
    n -= _BMP[1] - _BMP[0] + 1
    if n > _PLANE15[1] - _PLANE15[0]:
        raise Untokenisable("the string table is full")
    return chr(_PLANE15[0] + n)


def _index(token: str) -> int:
    c = ord(token)
    return c - _BMP[0] if c <= _BMP[1] else c - _PLANE15[0] + _BMP[1] - _BMP[0] + 1


class Texts:
    """One data file's string table: each entry a (Chinese, English) pair, given out as a token. The chart builders
    take it in place of the language (`lang`)."""

    __slots__ = ("_index", "en", "zh")

    def __init__(self) -> None:
        self._index: dict[tuple[str, str], str] = {}
        self.zh: list[str] = []
        self.en: list[str] = []

    def __len__(self) -> int:
        return len(self.zh)

    def pair(self, zh: str, en: str) -> str:
        """The text that stands for `zh` on a Chinese page and `en` on an English one: the text itself when they are
        the same, else the token of their entry (made on first use)."""
        got = self._index.get((zh, en))
        if got is not None:
            return got
        if _TOKEN.search(zh) or _TOKEN.search(en):
            raise Untokenisable(f"a text holds a token character: {zh!r} / {en!r}")
        if zh == en:
            got = zh
        else:
            got = _token(len(self.zh))
            self.zh.append(zh)
            self.en.append(en)
        self._index[(zh, en)] = got
        return got

    def numbers(self, zh: Iterable[str], en: Iterable[str]) -> list[str]:
        """pair of each (zh, en) of numbers written by targetwatch.formatting, whose texts (digits, CLDR's
        symbols and scale words, the vocabulary's unit words) hold no token character: not searched for one (a
        national site writes about 850,000 of them). tests/targetwatch/test_chart_texts.py checks the words."""
        index, zh_list, en_list, out = self._index, self.zh, self.en, []
        for key in zip(zh, en, strict=True):
            got = index.get(key)
            if got is None:
                if key[0] == key[1]:
                    got = key[0]
                else:
                    got = _token(len(zh_list))
                    zh_list.append(key[0])
                    en_list.append(key[1])
                index[key] = got
            out.append(got)
        return out

    def both(self, text: str) -> tuple[str, str]:
        """The Chinese and the English text `text` (given out here) stands for."""
        return resolve(text, self.zh), resolve(text, self.en)

    def both_names(self, zh: object, en: object) -> str:
        """pair of two names either both given or both empty, as the charts write them (f-strings: a NaN is "nan");
        a name in one language alone changes the chart's texts around it, which one build cannot give
        (Untokenisable)."""
        if bool(zh) != bool(en):
            raise Untokenisable("a name in one language alone")
        return self.pair(f"{zh}", f"{en}")

    def forget(self, n: int) -> None:
        """Drop the entries after the first `n` (a chart given up on: built per language instead)."""
        for key in [k for k, t in self._index.items() if len(t) == 1 and _TOKEN.fullmatch(t) and _index(t) >= n]:
            del self._index[key]
        del self.zh[n:], self.en[n:]

    def table(self, lang: str) -> list[str]:
        return self.zh if lang == "zh" else self.en

    def tables(self) -> dict[str, list[str]] | None:
        """{"zh": [...], "en": [...]}, as the data file holds it; None when no text needed a token."""
        return {"zh": self.zh, "en": self.en} if self.zh else None


Lang = str | Texts  # a page language ("zh", "en"), or a table: both at once


class Labels(Mapping[str, str]):
    """A chart's labels ({"zh": {key: text}, "en": {...}}) in both languages through a Texts table: each one's
    text or token."""

    __slots__ = ("labels", "texts")

    def __init__(self, texts: Texts, labels: Mapping[str, Mapping[str, str]]) -> None:
        self.texts, self.labels = texts, labels

    def __getitem__(self, key: str) -> str:
        return self.texts.pair(self.labels["zh"][key], self.labels["en"][key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.labels["zh"])

    def __len__(self) -> int:
        return len(self.labels["zh"])


def pick(lang: Lang, zh: str, en: str) -> str:
    """The text of the language (`zh` or `en`), or both through the table."""
    if isinstance(lang, str):
        return zh if lang == "zh" else en
    return lang.pair(zh, en)


def number(value: object, lang: Lang) -> str:
    if isinstance(lang, str):
        return format_number(value, lang)
    return lang.numbers((format_number(value, "zh"),), (format_number(value, "en"),))[0]


def value(v: object, unit: object, lang: Lang, **kw: bool) -> str:
    if isinstance(lang, str):
        return format_value(v, unit, lang, **kw)
    return lang.numbers((format_value(v, unit, "zh", **kw),), (format_value(v, unit, "en", **kw),))[0]


def values(vs: Any, unit: object, lang: Lang, *, signed: bool = False) -> list[str]:
    """format_values of `vs` in the language, or in both through the table. format_values reads a finite float's
    text from formatting.MEMO, where formatting_many.remember has written most of a national site's chart numbers a
    batch at a time."""
    if isinstance(lang, str):
        return format_values(vs, unit, lang, signed=signed)
    vs = list(vs)  # read twice, once a language
    return lang.numbers(format_values(vs, unit, "zh", signed=signed), format_values(vs, unit, "en", signed=signed))


def resolve(o: Any, table: list[str]) -> Any:
    """`o` (a chart spec built with a Texts table) with each token replaced by its entry in `table` (one language's):
    what target-view.js does before drawing."""
    if isinstance(o, str):
        return _TOKEN.sub(lambda m: table[_index(m.group())], o) if _TOKEN.search(o) else o
    if isinstance(o, list):
        return [resolve(v, table) for v in o]
    if isinstance(o, dict):
        return {k: resolve(v, table) for k, v in o.items()}
    return o
