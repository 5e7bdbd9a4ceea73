"""Naming a candidate: the noun phrase before its figure, the catalogue indicator it matches (or a proposed new
code), and the heading it stands under.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import CJK, STRIP_HEAD, STRIP_TAIL, Candidate, Document

# --- naming: indicator, name, heading -----------------------------------------------------------------------------


# Verbs, cue words and particles that end a subject before its figure (全省高新技术企业|达到).
_TRAILING_VERB = re.compile(
    "(?:"
    + "|".join(sorted({*rules.TARGET_VERBS, *(w for cue in rules.COMPARATOR_CUES for w in cue.words),
                       *rules.ASPIRATION, "要", "为", "的", "是"}, key=len, reverse=True))
    + ")$"
)


def noun_phrase(doc: Document, c: Candidate) -> str:
    """What the figure counts: the words after it (形成300个…众创空间) or, when none follow, its subject
    (全省高新技术企业达到1500家以上)."""
    if c.name_hint:
        return c.name_hint
    view = doc.view
    after = view[c.end : c.clause.end].strip(STRIP_TAIL + "。")
    after = re.sub(r"^(?:的|以上|以下|左右)", "", after)
    possessive = view[c.clause.start : c.start].endswith("的")  # 净收入的70%以上…: the share of what precedes
    if len(CJK.findall(after)) >= 2 and c.comparator not in ("relative_to_reference", "qualitative") \
            and not possessive:
        return after
    before = view[c.clause.start : c.start].strip(STRIP_HEAD)
    for _, pattern in rules.DEADLINES:
        before = pattern.sub("", before)
    before = rules.BASELINE_YEAR.sub("", before)  # 技术合同成交额比2018年 -> 技术合同成交额
    before = re.sub(r"^(?:全省|全市|全区|全县|在|其中)", "", before)
    while (trimmed := _TRAILING_VERB.sub("", before)) != before:
        before = trimmed
    return before


_QUOTE_MARKS = re.compile("[“”\"「」『』‘’]")


def match_indicator(doc: Document, c: Candidate, phrase: str) -> str | None:
    """A catalogue indicator named in the clause whose unit fits (a growth rate fits any level). The head noun
    wins (…以科技企业孵化器为重点的孵化载体 is a count of 孵化载体); a name in brackets is a gloss
    (众创空间(星创天地)); then the longest, then the nearest. Quote marks are ignored (“双创”示范基地 is
    双创示范基地). Failing that, a rate indicator whose name the subject of a share (占…比重) nearly spells."""
    if not doc.indicators:
        return None
    clause = _QUOTE_MARKS.sub("", doc.view[c.clause.start : c.clause.end])
    figure_at = len(_QUOTE_MARKS.sub("", doc.view[c.clause.start : c.start]))
    head = re.sub(r"\([^()]*\)$", "", _QUOTE_MARKS.sub("", phrase.strip()))
    best: tuple[bool, bool, int, int, str] | None = None
    for ind in doc.indicators:
        if c.unit is not None and ind.unit != c.unit and c.comparator != "growth_rate":
            continue
        for key in ind.keys:
            word = _unquoted(key)
            for start in _occurrences(clause, word):
                glossed = clause.rfind("(", 0, start) > clause.rfind(")", 0, start)
                rank = (head.endswith(word), not glossed, len(key), -abs(start - figure_at), ind.code)
                if best is None or rank > best:
                    best = rank
    if best is not None:
        return best[-1]
    if c.unit in (None, "percent") and phrase:
        for ind in doc.indicators:
            if ind.unit != "percent":
                continue
            for key in ind.keys:
                if len(key) >= 6 and _common_prefix(phrase, key) >= 0.75 * len(key):
                    return ind.code
    return None


@functools.lru_cache(maxsize=4096)
def _unquoted(key: str) -> str:
    """A catalogue name without its quote marks: the same few hundred names for every candidate of every text."""
    return _QUOTE_MARKS.sub("", key)


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` stands in `text`, left to right and not overlapping: the starts `re.finditer(re.escape(word),
    text)` gives, without building (or looking up) a pattern for each name and candidate (re.escape alone was ~5% of
    extracting the corpus)."""
    if not word:  # as re.finditer('', text): an empty match at every position
        yield from range(len(text) + 1)
        return
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + len(word))


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest run of b found in a, starting b's first character (a share's subject vs a name): the
    longest prefix of b that `a` contains (each shorter prefix is contained too, so it grows one character at a time,
    each test a substring search)."""
    n = 0
    while n < len(b) and b[: n + 1] in a:
        n += 1
    return n


def new_code(phrase: str) -> str:
    """A proposed indicator code from the glossary: level word + the head noun that ends latest in the phrase."""
    head = None
    for zh, en in rules.GLOSSARY.items():
        pos = phrase.rfind(zh)
        if pos >= 0:
            rank = (pos + len(zh), len(zh))
            if head is None or rank > head[0]:
                head = (rank, en)
    level = next((en for zh, en in rules.LEVELS.items() if zh in phrase), None)
    words = [w for w in (level, head[1] if head else "indicator") if w]
    return rules.NEW_INDICATOR_PREFIX + "_".join(dict.fromkeys(words))


# Round 44: a long plan's parts and chapters (第一篇 发展背景和现实基础, 第一章“十三五”发展成效), above 一、
HEADING_PART = re.compile(r"^\s*(第[一二三四五六七八九十]+[篇章])")
HEADING_L1 = re.compile(r"^\s*([一二三四五六七八九十]+、)")
HEADING_L2 = re.compile(r"^\s*([(（][一二三四五六七八九十]+[)）])")
HEADING_L3 = re.compile(r"^\s*(\d+[.．、](?!\d)|专栏\s*\d+\s*[:：])")


def heading_title(text: str, start: int) -> str:
    rest = text[start:].split("\n")[0]
    return re.split(r"[。.；;]", rest.strip())[0][:24].strip()
