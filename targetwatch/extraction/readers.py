"""Read a policy document into plain text: .txt, .html/.htm and .docx.

Bytes are decoded by `targetwatch.reports.encoding.decode` (a BOM, then UTF-8, then GB18030 or Big5), so a
GBK-encoded page and a UTF-8 one give the same text. HTML keeps one line per block element; .docx one line per
paragraph or table row, in document order (python-docx). Offsets in proposals refer to the text returned here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from targetwatch.reports.encoding import decode

SUFFIXES = (".txt", ".html", ".htm", ".docx")

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "title",
})
_SKIP = frozenset({"script", "style", "head", "noscript", "template"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a page, one line per block element, with runs of blank lines collapsed."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def docx_to_text(path: Path) -> str:
    """Paragraphs and tables in document order (python-docx), a paragraph or a table row per line."""
    import docx  # python-docx
    from docx.table import Table

    lines = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            lines += ["\t".join(dict.fromkeys(cell.text for cell in row.cells)) for row in block.rows]
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def read_document(path: Path) -> tuple[str, str]:
    """(text, encoding) of a .txt, .html/.htm or .docx file; raises ValueError for any other suffix."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_to_text(path), "docx"
    if suffix not in SUFFIXES:
        raise ValueError(f"{path.name}: cannot read {suffix or 'a file without a suffix'} (use {', '.join(SUFFIXES)})")
    text, encoding = decode(path.read_bytes(), path.name)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    return text, encoding
