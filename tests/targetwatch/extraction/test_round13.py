"""Round 13 of issue 18: the class unseen-16 showed (development material since its first score): a page copied from a
PDF, with the PDF's line breaks inside sentences and its quotation marks scattered.

The text is real (jinhua-2023-economy-informatisation-speech, read from the corpus), with traditional, full-width and
spaced variants; the issue date given is SYNTHETIC. Expected values are read off the sentences by hand.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets
from targetwatch.extraction.corpus import CORPUS_DIR
from targetwatch.extraction.text import fold

# the whole stored page: its lines are the PDF's width
JINHUA = (CORPUS_DIR / "jinhua-2023-economy-informatisation-speech.txt").read_text(encoding="utf-8")


def _props(text: str) -> list[tuple[str, float | None]]:
    return [(p.entry["comparator"], p.value) for p in extract_targets(text, "t", issued="2023-03")
            if p.entry["comparator"] != "qualitative"]


@pytest.mark.parametrize("text", [
    JINHUA,
    JINHUA.replace("实施技术创新项目", "實施技術創新項目").replace("企业", "企業"),  # traditional
    JINHUA.replace(",", "，").replace("300", "３００"),  # full width
    JINHUA.replace("家以上、", "家 以上、"),  # spaced
])
def test_a_pdf_copy_is_read_across_its_line_breaks(text):
    assert _props(text) == [("at_least", 5.2e11), ("growth_rate", 15), ("at_least", 3000), ("at_least", 15),
                            ("at_least", 2), ("at_least", 300), ("at_least", 20), ("at_least", 5), ("at_least", 200),
                            ("at_least", 500), ("at_least", 80)]


def test_the_view_keeps_its_length_and_joins_only_unpunctuated_lines():
    view = fold(JINHUA)
    assert len(view) == len(JINHUA)
    assert "个以上。\n" in view  # a line that ends a sentence keeps its break
    assert "家以 上" in view and "家以\n上" in JINHUA  # 以\n上 joined


def test_an_ordinary_text_keeps_its_lines():
    # SYNTHETIC: a title and a heading without punctuation, short and of different lengths, are no page width
    text = ("关于加快推进科技创新的实施意见\n一、主要目标\n到2025年,全市高新技术企业达到500家以上。\n"
            "二、重点任务\n(一)培育创新主体。到2025年,新增科技型中小企业1000家。\n")
    assert fold(text).count("\n") == text.count("\n")
