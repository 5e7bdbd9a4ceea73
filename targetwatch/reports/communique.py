"""Statistical communiqués (统计公报) and news releases as text: figures are found in running sentences.

    2019年山西省国民经济和社会发展统计公报            <- title: the document's year and jurisdiction
    年末全省共有高新技术企业1523家，比上年增加200家。  <- 高新技术企业 is an alias in targets.yaml: 1523 家
    研究与试验发展（R&D）经费投入强度为1.22%，提高0.06个百分点。

A figure is an indicator alias from the catalogue followed, within the same clause and a few characters,
by a number and its unit. Every figure becomes a raw row (location `sentence N [start:end]`, where
`text[start:end]` is the phrase from the alias to the unit in the decoded file, and raw_content is the
sentence), or is rejected with the reason: a change rather than a level (`增加200家`, `提高0.06个百分点`),
a subset (`国家级科技企业孵化器`), figures listed with 分别, or no year / jurisdiction to attach it to.
An alias with no number after it is not a figure and leaves no row.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from targetwatch import vocab
from targetwatch.reports.encoding import decode
from targetwatch.reports.model import (
    GENERIC_JURISDICTIONS,
    Aliases,
    ReadResult,
    UnreadableReportError,
    declares_synthetic,
    find_release_date,
    title_says_synthetic,
)
from targetwatch.units import fold_with_offsets, normalise_text, parse_year, to_simplified

# --- the grammar of a figure, on folded text (NFKC, lower case, simplified) ---------------------------

_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|[零〇○一二两三四五六七八九十百千万亿点]+")
_ARABIC = re.compile(r"[-+]?\d")
_YEAR_TOKEN = re.compile(r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年")
_COMPARISON_BEFORE = re.compile(r"(?:比|较|同|与|自|从|和)$")
_SINCE_AFTER = re.compile(r"^(?:以来|起|至今)")
_CLAUSE_END = re.compile(r"[;。!?、]|(?<!\d),|,(?!\d{3}(?!\d))")  # a comma between digits groups thousands
_CHANGE = re.compile(r"(?:增长|增加|提高|上升|下降|减少|降低|回落|提升|扩大|缩小|增|减|降|多|少)了?$")
_PERCENTAGE_POINTS = re.compile(r"^个?百分点")
_TIMES = re.compile(r"^倍")
_RESPECTIVELY = re.compile(r"分别")
_QUALIFIER = re.compile(r"(?:国家级|省级|市级|县级|省级以上|省级及以上|国家级以上|省部级)$")
_FORECAST = re.compile(r"预计|预测|力争|计划到|目标是|规划到|将达到|将突破|将超过")
_PARTIAL = re.compile(r"上半年|前三季度|一季度|第一季度|1-\d{1,2}月|1至\d{1,2}月|前\d{1,2}个月")
_APPROXIMATE = re.compile(r"(?:约|近|逾|超过|突破|将近|接近)$")
_MULTIPLIERS = "万亿千"
MAX_GAP = 12  # characters allowed between an alias and its number ('数量为', '比2018年增加')
_SENTENCE_END = "。！？!?；;\n"


def _unit_pattern() -> re.Pattern[str]:
    keys = {to_simplified(normalise_text(k).lower()) for k in vocab.WRITTEN_UNITS}
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k))))


_UNIT = _unit_pattern()


# --- plain text with a map back to the decoded file ----------------------------------------------------


@dataclass
class PlainText:
    """The readable text of a document and, per character, its span in the decoded file."""

    text: str
    starts: list[int]
    ends: list[int]
    title: str | None = None
    synthetic: bool = False
    release_date: str | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def _plain_txt(text: str) -> PlainText:
    lines = text.splitlines(keepends=True)
    out, synthetic, title = [], False, None
    for line in lines:
        if line.lstrip().startswith("#"):
            synthetic = synthetic or declares_synthetic(line)
            out.append("".join(" " if not c.isspace() else c for c in line))  # keep offsets, drop the comment
            continue
        if title is None and line.strip():
            title = line.strip()
        out.append(line)
    plain = "".join(out)
    return PlainText(plain, list(range(len(plain))), list(range(1, len(plain) + 1)), title=title, synthetic=synthetic)


_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


class _HtmlText(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.hidden = 0
        self.in_title = False
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.synthetic = False
        self.pubdate: str | None = None

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _add(self, text: str, start: int, width: int | None = None) -> None:
        if self.hidden:
            return
        if self.in_title:
            self.title.append(text)
        if self.in_h1:
            self.h1.append(text)
        for i, ch in enumerate(text):
            s = start + (i if width is None else 0)
            self.chars.append(" " if ch in "\r\n\t" and width is None else ch)
            self.starts.append(s)
            self.ends.append(s + (1 if width is None else width))

    def _break(self) -> None:
        pos = self._pos()
        self.chars.append("\n")
        self.starts.append(pos)
        self.ends.append(pos)

    def handle_starttag(self, tag, attrs):
        attrs_d = {k.lower(): (v or "") for k, v in attrs}
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        if tag == "meta":
            name = (attrs_d.get("name") or attrs_d.get("property") or "").lower()
            content = attrs_d.get("content", "")
            if name in {"pubdate", "publishdate", "publish_date", "article:published_time", "dc.date", "date"}:
                self.pubdate = self.pubdate or find_release_date("发布日期:" + content[:10])
            if name == "data" and content.strip().lower() == "synthetic":
                self.synthetic = True
        if tag in _BLOCK_TAGS:
            self._break()
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag):
        if tag in _HIDDEN_TAGS and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK_TAGS:
            self._break()
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        self._add(data, self._pos())

    def _reference(self, name: str, prefix: str) -> None:
        """&amp; / &#20013; -> the character, spanning the whole reference; an unknown '&D' stays as written."""
        pos = self._pos()
        end = pos + len(prefix) + len(name)
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[pos:end]
        text = unescape(raw)
        if text == raw:
            self._add(raw, pos)
        else:
            self._add(text, pos, end - pos)

    def handle_entityref(self, name):
        self._reference(name, "&")

    def handle_charref(self, name):
        self._reference(name, "&#")

    def handle_comment(self, data):
        self.synthetic = self.synthetic or declares_synthetic("#" + data)


def _plain_html(source: str, filename: str) -> PlainText:
    parser = _HtmlText(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything it still refuses is a whole-file problem
        raise UnreadableReportError(f"{filename}: cannot be read as html: {exc}") from exc
    text = "".join(parser.chars)
    title = " ".join("".join(parser.title).split()) or " ".join("".join(parser.h1).split()) or None
    if title is None:
        title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return PlainText(
        text, parser.starts, parser.ends, title=title, synthetic=parser.synthetic, release_date=parser.pubdate
    )


# --- sentences and figures ----------------------------------------------------------------------------


@dataclass
class Sentence:
    number: int
    start: int  # offsets in the plain text
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split after 。！？； and at line breaks; numbered from 1 over the non-empty ones."""
    out: list[Sentence] = []

    def emit(start: int, end: int) -> None:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Sentence(len(out) + 1, start + lead, start + len(piece.rstrip()), piece.strip()))

    start = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            emit(start, i if ch == "\n" else i + 1)
            start = i + 1
    emit(start, len(text))
    return out


@dataclass
class Document:
    year: int | None
    jurisdiction: str | None  # as written in the title or the sidecar
    partial: bool
    plain: PlainText


def _document(plain: PlainText, aliases: Aliases, meta: Mapping[str, Any]) -> Document:
    head = [line.strip() for line in plain.text.splitlines() if line.strip()][:5]
    if plain.title and (not head or head[0] != plain.title):
        head.insert(0, plain.title)
    year = None
    if meta.get("year") is not None:
        year = parse_year(str(meta["year"]))
    for line in head:
        if year is not None:
            break
        if m := _YEAR_TOKEN.search(fold_with_offsets(line)[0]):
            year = parse_year(m.group(1))
    jurisdiction = str(meta["jurisdiction"]) if meta.get("jurisdiction") else None
    for line in head:
        if jurisdiction is not None:
            break
        jurisdiction = aliases.first_jurisdiction(line)
    partial = bool(plain.title and _PARTIAL.search(fold_with_offsets(plain.title)[0]))
    return Document(year, jurisdiction, partial, plain)


def _figures(doc: Document, sentence: Sentence, aliases: Aliases) -> tuple[list[dict], list[dict]]:
    folded, index = fold_with_offsets(sentence.text)
    hits = aliases.find_folded(folded, "indicator")
    places = sorted(
        aliases.find_folded(folded, "jurisdiction") + aliases.find_folded(folded, "generic"), key=lambda m: m.start
    )
    place_starts = [p.start for p in places]
    rows: list[dict] = []
    rejected: list[dict] = []

    def original(a: int, b: int) -> str:
        return sentence.text[index[a] : index[b - 1] + 1] if b > a else ""

    for k, hit in enumerate(hits):
        stop = hits[k + 1].start if k + 1 < len(hits) else len(folded)
        clauses = _clauses(folded, hit.end, stop)
        found = _number_in(folded[clauses[0][0] : clauses[0][1]])
        changes = [(a, f) for a, b in clauses[1:] if (f := _number_in(folded[a:b])) and _is_change(folded[a:b], f)]
        if found is not None:
            first, later = (hit.end, found), changes
        elif changes:  # no level after the alias, only a change in a later clause ('…发展较快，增加200家')
            first, later = changes[0], []
        else:
            continue  # an alias with no figure after it: not a figure
        num_start, num_end, unit_end = (first[0] + x for x in first[1][:3])
        kind = first[1][3]
        gap = folded[first[0] : num_start] if first[0] == hit.end else folded[hit.end : num_start]

        plain_start = sentence.start + index[hit.start]
        plain_end = sentence.start + index[unit_end - 1] + 1
        char_start, char_end = doc.plain.source_span(plain_start, plain_end)
        phrase = original(hit.start, unit_end)
        base = {
            "row_number": sentence.number,
            "location": f"sentence {sentence.number} [{char_start}:{char_end}]",
            "raw_content": sentence.text,
        }
        problem = None
        tail = original(hit.end, unit_end)
        if _RESPECTIVELY.search(gap):
            problem = f"{phrase!r}: figures listed with 分别 (respectively) are not matched to indicators automatically"
        elif kind == "pp":
            problem = f"{tail!r} is a change in percentage points, not a level of {hit.code}"
        elif kind == "times":
            problem = f"{tail!r} is a multiple (倍), not a level of {hit.code}"
        elif _CHANGE.search(gap):
            problem = f"{tail!r} is a change, not a level of {hit.code}"
        elif (q := _QUALIFIER.search(folded[: hit.start])) and not any(
            q.group() + hit.key in key for key in aliases.indicator_keys.get(hit.code, [])
        ):
            problem = f"{original(q.start(), hit.end)!r} is a subset ({q.group()}) of {hit.code}, not its total"
        year = _sentence_year(folded[: hit.start]) or doc.year
        if problem is None and year is None:
            problem = "no year: the sentence names none and the title gives none (add `year:` to a sidecar)"
        # the last place named before the alias; 全省/全市 (or none) mean the document's own jurisdiction
        before = bisect.bisect_left(place_starts, hit.start)
        named = places[before - 1] if before else None
        jurisdiction = doc.jurisdiction
        if named is not None and named.key not in GENERIC_JURISDICTIONS:
            jurisdiction = original(named.start, named.end)
        if problem is None and jurisdiction is None:
            problem = (
                "no jurisdiction: the sentence and the title name none (add `jurisdiction:` to a sidecar)"
                if named is None
                else f"{original(named.start, named.end)!r} names the document's own jurisdiction, but the title "
                "and sidecar name none"
            )
        if problem is not None:
            rejected.append(base | {"reason": f"sentence {sentence.number}: {problem}"})
            continue
        forecast = bool(_FORECAST.search(folded[:num_start])) or (doc.year is not None and year > doc.year)
        notes = [f"written as approximate: {m.group()!r}"] if (m := _APPROXIMATE.search(gap)) else []
        if ignored := [original(a, a + f[2]) for a, f in later]:
            notes.append("ignored, a change not a level: " + "; ".join(map(repr, ignored)))
        rows.append(
            base
            | {
                "char_start": char_start,
                "char_end": char_end,
                "jurisdiction_raw": jurisdiction,
                "indicator_raw": original(hit.start, hit.end),
                "year_raw": str(year),
                "value_raw": original(num_start, num_end),
                "unit_raw": original(num_end, unit_end),
                "period_type": "partial" if doc.partial or _PARTIAL.search(folded[:num_start]) else "annual",
                "figure_type": "forecast" if forecast else "actual",
                "source_title": doc.plain.title,
                "notes": "; ".join(notes) or None,
            }
        )
    return rows, rejected


def _clauses(folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The clauses of folded[start:stop] as (start, end) offsets, split at , ; 。 ! ? 、 (not a thousands comma)."""
    out = []
    for m in _CLAUSE_END.finditer(folded, start, stop):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, stop))
    return out


def _is_change(clause: str, found: tuple[int, int, int, str]) -> bool:
    return found[3] in {"pp", "times"} or bool(_CHANGE.search(clause[: found[0]]))


def _sentence_year(before: str) -> int | None:
    """The last year named before the alias, unless it is a comparison ('比2015年') or a start ('2015年以来')."""
    year = None
    for m in _YEAR_TOKEN.finditer(before):
        if _COMPARISON_BEFORE.search(before[: m.start()]) or _SINCE_AFTER.match(before[m.end() :]):
            continue
        year = parse_year(m.group(1))
    return year


def _number_in(window: str) -> tuple[int, int, int, str] | None:
    """(number start, number end, unit end, kind) of the first figure in the window after an alias."""
    pos = 0
    while (m := _NUMBER.search(window, pos)) is not None:
        if m.start() > MAX_GAP:
            return None
        token, after = m.group(), window[m.end() :]
        if _YEAR_TOKEN.match(window, m.start()):  # '比2018年' inside the gap: a year, not the figure
            pos = _YEAR_TOKEN.match(window, m.start()).end()  # type: ignore[union-attr]
            continue
        arabic = bool(_ARABIC.match(token))
        num_end = m.end()
        if _PERCENTAGE_POINTS.match(after):
            return m.start(), num_end, num_end + _PERCENTAGE_POINTS.match(after).end(), "pp"  # type: ignore[union-attr]
        if _TIMES.match(after):
            return m.start(), num_end, num_end + 1, "times"
        unit = _UNIT.match(after)
        if unit is None and arabic and after[:1] in _MULTIPLIERS:
            num_end += 1
            unit = _UNIT.match(window, num_end)
            unit_end = unit.end() if unit else num_end
        else:
            unit_end = num_end + unit.end() if unit else num_end
        if not arabic and unit is None:
            pos = m.end()  # Chinese numeral characters with no unit ('十三五'): part of the wording
            continue
        return m.start(), num_end, unit_end, "level"
    return None


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_text(path: Path, aliases: Aliases, meta: Mapping[str, Any] | None = None) -> ReadResult:
    """Read a communiqué (.txt, or .html/.htm with tags stripped) for figures of the catalogue's indicators.

    `aliases` (from `Aliases.from_catalogue`) says which words name indicators and jurisdictions; `meta` is
    the sidecar (`jurisdiction:`, `year:`), which wins over the title.
    """
    data = path.read_bytes()
    is_html = path.suffix.lower() in {".html", ".htm"}
    declared = None
    if is_html and (m := _CHARSET.search(data[:4096])):
        declared = m.group(1).decode("ascii")
    text, encoding = decode(data, path.name, declared)
    plain = _plain_html(text, path.name) if is_html else _plain_txt(text)
    doc = _document(plain, aliases, meta or {})
    rows: list[dict] = []
    rejected: list[dict] = []
    for sentence in sentences(plain.text):
        found, refused = _figures(doc, sentence, aliases)
        rows += found
        rejected += refused
    return ReadResult(
        format="communique_html" if is_html else "communique_txt",
        rows=rows,  # type: ignore[arg-type]
        rejected=rejected,  # type: ignore[arg-type]
        encoding=encoding,
        release_date=plain.release_date or find_release_date(plain.text),
        title=plain.title,
        synthetic=plain.synthetic or title_says_synthetic(plain.title or ""),
    )
