"""The text as the rules see it: one folded view with the same offsets as the text as written, split into
paragraphs, sentences and clauses.

The view folds full-width forms (NFKC: ％ -> %, １２ -> 12, ， -> ,) and traditional characters (OpenCC, via
`targetwatch.units.to_simplified`) one character for one character, so an offset found in the view is an
offset in the original text, and every quote is cut from the original, never rebuilt.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

import targetwatch.extraction.wordfraction as wordfraction
from targetwatch.extraction.compoundnumber import join_compound
from targetwatch.extraction.measures import write_fractions
from targetwatch.extraction.shortgrowth import unshorten
from targetwatch.extraction.spaceddigits import join_spaced_digits
from targetwatch.extraction.thousands import join_thousands
from targetwatch.units import to_simplified

SENTENCE_END = "。；;！!？?"
CLAUSE_END = ",，:："  # not 、: it joins the items of one noun phrase (市场化、集成化…的众创空间)


# `fold` remembers its views of short strings: each text's extraction folds every catalogue name (about 300 indicator
# names and aliases, and the places'), the same strings for every text (the real corpus, 457 texts: 147,033 calls,
# ~40% of scoring it). Running texts are longer and folded each time. A pure function of the string.
FOLD_CACHED_CHARS, FOLD_CACHE_SIZE = 80, 65536


def fold(text: str) -> str:
    """A view of `text` of exactly the same length: NFKC per character, simplified script, lower case."""
    return _fold_short(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    chars = []
    for ch in text:
        n = unicodedata.normalize("NFKC", ch)
        chars.append(n if len(n) == 1 else ch)
    nfkc = "".join(chars)
    simplified = to_simplified(nfkc)
    if len(simplified) != len(nfkc):  # an OpenCC phrase rule changed the length: convert character by character
        simplified = "".join(s if len(s := to_simplified(c)) == 1 else c for c in nfkc)
    lowered = simplified.lower()
    view = lowered if len(lowered) == len(text) else simplified
    # A mirror's readings in brackets right after a character (官網(wǎng)發(fā)布, 達(dá)到) are blanked and the
    # character moved to the end of the blank, next to what follows it: the rules see "    达到", a cue whole, and
    # "    达2.5%" (round 8; round 7 left 达 before the blank). A word whose second character carries a reading is
    # still split (指標(biāo) -> 指      标).
    view = READING.sub(lambda m: " " * (len(m[0]) - 1) + m[1], view)
    # Round 12: a mirror that prints toneless readings (家(jia)以上, 企(qi)(qi)業) does so throughout: where at least
    # three bracketed pinyin syllables follow characters, each is blanked the same way. An ASCII word in brackets
    # (gdp, r&d) is no syllable and stays.
    if len(TONELESS.findall(view)) >= 3:
        view = TONELESS.sub(lambda m: " " * (len(m[0]) - 1) + m[1], view)
    # Round 12: a mirror's lost character printed as an ASCII "?" between characters (海口 -> ?诹, 或?qū) is
    # blanked so it does not end the sentence; a "?" after a question (吗, 什么, 如何… within the 12 characters
    # before it) stays a question mark.
    view = LOST_CHARACTER.sub(lambda m: m[0] if QUESTION.search(view, max(0, m.start() - 12), m.start()) else " ",
                              view)
    # Round 10: a footnote mark after a word (新开发“双协员”[21]305个) is blanked, so the figure after it reads.
    view = FOOTNOTE.sub(lambda m: " " * len(m[0]), view)
    view = write_fractions(view)  # round 18: 千分之四点五 -> "  4.5‰" (measures.WRITTEN_FRACTION)
    view = wordfraction.fold(view)  # round 53: 三分之一 -> " 1/3"
    view = join_spaced_digits(view)  # round 49: 5 0 0 家 -> " 500 " + " 家"
    view = join_thousands(text, view)  # round 51: 1,000萬元 -> " 1000万元"
    view = join_compound(view)  # round 54: 3萬9000美元 -> " 39000美元"
    view = unshorten(view)  # round 54: 比增7% -> 增长7%
    return _unwrap(view) if _hard_wrapped(view) else view


# Round 13: a page copied from a PDF keeps the PDF's line breaks inside sentences (…生物医药等产\n业高端化…, 以\n上) and
# scatters its quotation marks (企业200 “ ”家以上). Such a text has at least five lines that end with no punctuation and
# are as long as each other (within three characters of their median: the width of the page); there a line break after
# no punctuation joins the lines (a blank), and a quotation mark beside a blank is blanked too.
_LINE_END = "。；;！!？?：:，,、”）)"
WRAPPED_LINES = 5
WRAP_WIDTH_SPREAD = 3


def _hard_wrapped(view: str) -> bool:
    ends = [len(line.strip()) for line in view.split("\n")
            if len(line.strip()) >= 20 and line.strip()[-1] not in _LINE_END]
    if len(ends) < WRAPPED_LINES:
        return False
    middle = sorted(ends)[len(ends) // 2]
    return sum(abs(n - middle) <= WRAP_WIDTH_SPREAD for n in ends) >= WRAPPED_LINES


def _unwrap(view: str) -> str:
    view = re.sub(rf"(?<=[^\s{_LINE_END}])\n", " ", view)
    return re.sub(r"(?<= )[“”‘’]|[“”‘’](?= )", " ", view)


# A pinyin reading in brackets after a CJK character, as some mirrors print them: lower-case Latin letters with tone
# marks (wǎng, dá, gè); an ASCII word in brackets (R&D, gdp, vc) is kept: it must carry a tone mark or ü.
_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff”」』)）])\[\d{1,3}\]")
_SYLLABLE = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]|ü){1,3}(?:ng|n|r)?"
TONELESS = re.compile(rf"([\u4e00-\u9fff])(?:\({_SYLLABLE}\))+")
LOST_CHARACTER = re.compile(r"(?:^|(?<=[\u4e00-\u9fff\s]))\?(?=[\u4e00-\u9fff\w])", re.MULTILINE)
QUESTION = re.compile(r"[吗呢么吧啊何哪几谁]|多少|是否")
READING = re.compile(rf"([\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[{_PINYIN}]{{1,6}}\)")


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Sentence(Span):
    clauses: list[Span] = field(default_factory=list)


@dataclass
class Paragraph(Span):
    sentences: list[Sentence] = field(default_factory=list)
    bullet: bool = False  # a line that starts with -- / —— (a list item under the paragraph above it)


# Round 22: a newspaper's bullets (●地区生产总值增长5%以上) are list items too.
_BULLET = re.compile(r"^\s*(?:--|——|—|-|[●•■◆▲★▪])")


def _split(view: str, start: int, end: int, marks: str) -> list[Span]:
    """Spans of view[start:end] ending after each mark (the mark stays with the span before it)."""
    spans, s = [], start
    for i in range(start, end):
        if view[i] in marks and not _inside_number(view, i):
            if i + 1 > s:
                spans.append(Span(s, i + 1))
            s = i + 1
    if end > s:
        spans.append(Span(s, end))
    return [sp for sp in spans if view[sp.start : sp.end].strip()]


def _inside_number(view: str, i: int) -> bool:
    """A comma between digits (1,000) separates thousands, not clauses."""
    return view[i] == "," and 0 < i < len(view) - 1 and view[i - 1].isdigit() and view[i + 1].isdigit()


# Two ideographic spaces inside a line open a new paragraph (boxes of several items pasted on one line).
_INDENT = re.compile(r"(?<=\S)\u3000{2,}(?=\S)")
# Round 9: a summary whose bullets run on in one line (…同比增长超25% [1] - 到2027年,目标实现…): a dash between spaces
# inside a line opens a new item, as a line starting with one does; a footnote mark before it ([1]) stays with the item
# before. Not between two digits (2025 - 2027).
_INLINE_BULLET = re.compile(r"(?<=\S) +(?=-{1,2} +\S)(?<!\d )(?!-{1,2} +\d{1,4}年?[\-—–~至])")


def paragraphs(view: str) -> list[Paragraph]:
    """Lines of the text (and indented items within a line), each split into sentences (。；！？) and
    clauses (，：)."""
    out = []
    pos = 0
    for line in view.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cuts = sorted({0, *(m.start() for m in _INDENT.finditer(line)),
                       *(m.end() for m in _INLINE_BULLET.finditer(line)), len(line)})
        for a, b in itertools.pairwise(cuts):
            start, end = line_start + a, line_start + b
            if not view[start:end].strip():
                continue
            para = Paragraph(start, end, bullet=bool(_BULLET.match(view[start:end])))
            for s in _split(view, start, end, SENTENCE_END):
                para.sentences.append(Sentence(s.start, s.end, _split(view, s.start, s.end, CLAUSE_END)))
            out.append(para)
    return out


def inside_marks(view: str, start: int, end: int, opening: str = "“《\"「『", closing: str = "”》\"」』") -> bool:
    """True when view[start:end] sits inside quotation marks or book-title marks of its own sentence line, and the
    quoted piece is a name (“两个倍增”工程, 《…规划》), not a quoted speech: a speech runs over clauses (，。；), a
    name does not."""
    line_start = view.rfind("\n", 0, start) + 1
    depth = 0
    opened = line_start
    for i in range(line_start, start):
        ch = view[i]
        if ch in opening and ch not in closing:
            depth += 1
            opened = i
        elif ch in closing and ch not in opening:
            depth = max(0, depth - 1)
        elif ch in opening:  # a straight quote opens and closes
            depth = 0 if depth else 1
            opened = i
    if depth == 0:
        return False
    rest = view[end : end + 60].split("\n")[0]
    close = min((rest.find(c) for c in closing if c in rest), default=-1)
    if close < 0:
        return False
    return not any(ch in SENTENCE_END + CLAUSE_END for ch in view[opened:start] + rest[:close])
