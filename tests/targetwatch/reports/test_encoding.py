"""Encodings are detected from the bytes, not assumed; a file no encoding fits is an unreadable file."""

from __future__ import annotations

import codecs

import pytest

from targetwatch.reports.encoding import UndecodableFileError, decode
from targetwatch.reports.model import UnreadableReportError

SIMPLIFIED = "年末全省共有高新技术企业1523家。"
TRADITIONAL = "年末全省共有高新技術企業1523家。研究與試驗發展經費投入強度為1.22%。"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),  # GBK is a subset of GB18030
        (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),  # both decode; charset-normalizer tells them apart
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
        (b"plain ascii", "plain ascii", "utf-8"),
    ],
)
def test_decode(data, text, encoding):
    assert decode(data, "synthetic.txt") == (text, encoding)


def test_a_declared_charset_is_used_only_when_it_decodes():
    assert decode(TRADITIONAL.encode("big5"), "x.html", declared="big5") == (TRADITIONAL, "big5")
    assert decode(SIMPLIFIED.encode("gb18030"), "x.html", declared="utf-8") == (SIMPLIFIED, "gb18030")
    assert decode(SIMPLIFIED.encode("gb18030"), "x.html", declared="no-such-charset") == (SIMPLIFIED, "gb18030")


@pytest.mark.parametrize("data", [b"\x80\x80\xff", codecs.BOM_UTF8 + b"\xff\xfe\xfa"])
def test_undecodable_bytes_are_an_unreadable_file(data):
    with pytest.raises(UndecodableFileError, match=r"^synthetic.csv: ") as info:
        decode(data, "synthetic.csv")
    assert isinstance(info.value, UnreadableReportError)
