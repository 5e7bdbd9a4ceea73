"""The quantified proposals `extract_targets` makes of one real sentence, as the round tests compare them.

Every round's tests read a sentence the same way and leave out qualitative proposals (they carry no figure to
check); only the fields each round compares differ, so each test module maps these proposals to its own tuple.
"""

from __future__ import annotations

from targetwatch.extraction import extract_targets
from targetwatch.extraction.extract import Proposal


def quantified(text: str, issued: str | None = None) -> list[Proposal]:
    """The proposals with a comparator other than `qualitative`, in the extractor's order."""
    return [p for p in extract_targets(text, "t", issued=issued) if p.entry["comparator"] != "qualitative"]
