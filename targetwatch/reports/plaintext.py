"""The readable text of a communiqué or web page, with a map back to the decoded file, split into sentences.

Plain text keeps its characters (comment lines blanked, so offsets stay); HTML is stripped of tags with the
standard library's parser, block tags end sentences, and every character remembers its span in the HTML source,
so a figure's `char_start:char_end` point into the file as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from targetwatch.reports.model import UnreadableReportError, declares_synthetic, find_release_date

_SENTENCE_END = "。！？!?；;\n"


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


def plain_txt(text: str) -> PlainText:
    """The text of a .txt report. Only the file's leading `#` lines (its provenance header, among blank lines) are
    comments, as `template.read_lines` treats a CSV's: a `#` opening a body line is the text's own, the yearbooks'
    "of which" mark (`#女性 | 239 | 444 |`, u29_fj_2014_ningde_yearbook; `  #政府资金   64.8 81.9`), and blanking it
    dropped the row's figures silently (round 20)."""
    lines = text.splitlines(keepends=True)
    out, synthetic, title, in_header = [], False, None, True
    for line in lines:
        in_header = in_header and (not line.strip() or line.lstrip().startswith("#"))
        if in_header and line.strip():
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


def plain_html(source: str, filename: str) -> PlainText:
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
    paragraph: int = 0  # lines (txt) and blocks (html) are paragraphs: a stated year is carried within one
    goes_on: bool = False  # ended with ；: the next piece continues the same sentence (a list of targets)


_FOOTNOTE = re.compile(r"\[[^\[\]\n]{1,40}\]")


def sentences(text: str) -> list[Sentence]:
    """Split after 。！？； and at line breaks; numbered from 1 over the non-empty ones."""
    out: list[Sentence] = []
    paragraph = 0

    def emit(start: int, end: int, ch: str) -> None:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(
                Sentence(len(out) + 1, start + lead, start + len(piece.rstrip()), piece.strip(), paragraph, ch in "；;")
            )

    # a footnote in square brackets is not a sentence's end: 国内生产总值[2013年GDP初步核算数据。]之比
    # (u13_nat_2013_rd_cnas,
    # dev since round 8)
    inside = {i for m in _FOOTNOTE.finditer(text) for i in range(m.start(), m.end())}
    start = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END and i not in inside:
            emit(start, i if ch == "\n" else i + 1, ch)
            start = i + 1
            paragraph += ch == "\n"
    emit(start, len(text), "")
    return out
