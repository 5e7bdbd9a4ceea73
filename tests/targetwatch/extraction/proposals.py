"""The quantified proposals `extract_targets` makes of one real sentence, as the round tests compare them.

Every round's tests read a sentence the same way and leave out qualitative proposals (they carry no figure to
check); only the fields each round compares differ, so each test module names them to `fields`.
"""

from __future__ import annotations

import re

import opencc

from targetwatch.extraction import extract_targets
from targetwatch.extraction.extract import Proposal

S2T = opencc.OpenCC("s2t")
T2S = opencc.OpenCC("t2s")
FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")


def quantified(text: str, issued: str | None = None) -> list[Proposal]:
    """The proposals with a comparator other than `qualitative`, in the extractor's order."""
    return [p for p in extract_targets(text, "t", issued=issued) if p.entry["comparator"] != "qualitative"]


def variants(text: str, spaced: str = "%万萬") -> list[str]:
    """The text as written, in the other script, with full-width digits and per cents, and with a blank between a
    digit and each of `spaced` after it (a PDF's spacing): the forms every round checks a rule against."""
    other = S2T.convert(text) if T2S.convert(text) == text else T2S.convert(text)
    return [text, other, text.translate(FULL), re.sub(rf"(\d)([{spaced}])", r"\1 \2", text)]


def fields(props: list[Proposal], *names: str) -> list[tuple]:
    """Each proposal as the tuple of `names`: `value` and `unit` are the proposal's own, any other name its entry's
    (None where the entry has none, as a deadline may not)."""
    return [tuple(getattr(p, n) if n in ("value", "unit") else p.entry.get(n) for n in names) for p in props]


# What most rounds' tests assert of a quantified target: its figure, unit, comparator and deadline.
TARGET_FIELDS = ("value", "unit", "comparator", "deadline")


def target_fields(props: list[Proposal]) -> list[tuple]:
    """Each proposal as (value, unit, comparator, deadline): one helper for the rounds that each kept a copy."""
    return fields(props, *TARGET_FIELDS)
