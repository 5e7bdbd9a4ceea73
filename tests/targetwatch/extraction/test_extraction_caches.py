"""The caches of session 20's extractor speed-ups (b3ee429, 8dea5f6), reviewed by rv20a: a deadline remembered for a
span of one document is never given to another (the memo lives on the `Document`, keyed by (start, end) of its view),
even when both documents share one view string (`text.fold` caches short views, so two texts alike get the same
object); the name caches are bounded (a long-running Dagster process reads many catalogues); a caller may change the
list it gets without changing what the next caller gets. The sentence is SYNTHETIC; the years are worked by hand:
到2020年 is a deadline in a text of 2015 and a date in the past (no deadline) in a text of 2025."""

from __future__ import annotations

from targetwatch.extraction.candidates import Document, _folded_names, deadlines
from targetwatch.extraction.naming import _unquoted
from targetwatch.extraction.text import Span, fold

TEXT = "到2020年,全市高新技术企业达到500家。"


def _years(doc: Document) -> list[int]:
    return [year for _, year, _ in deadlines(doc.view, Span(0, len(doc.view)), doc)]


def test_a_deadline_remembered_for_one_document_is_not_anothers() -> None:
    early = Document(TEXT, fold(TEXT), "a", None, issued="2015")
    late = Document(TEXT, fold(TEXT), "b", None, issued="2025")
    assert early.view is late.view  # the case a memo keyed by view and span alone would get wrong
    assert _years(early) == [2020]
    assert _years(late) == []
    assert _years(early) == [2020]  # and asked again, from the memo


def test_the_list_given_is_the_callers_own() -> None:
    doc = Document(TEXT, fold(TEXT), "a", None, issued="2015")
    span = Span(0, len(doc.view))
    deadlines(doc.view, span, doc).clear()
    assert [year for _, year, _ in deadlines(doc.view, span, doc)] == [2020]


def test_the_name_caches_are_bounded() -> None:
    assert _folded_names.cache_info().maxsize == 4096
    assert _unquoted.cache_info().maxsize == 4096
