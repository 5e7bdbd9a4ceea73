"""What the reader's round files (test_communique_round28.py to test_communique_round31.py) do with a sentence: read it
as a document of its own, write it in the other script and full-width, and list what was read. One home for them, so
that a round's file holds its rules' tests and not another copy of these (copies had already drifted: round 30's
full-width also widens ; and ,: `full_width(text, separators=True)`, `variants(text, separators=True)`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import opencc
import pandas as pd

from targetwatch.reports.communique import read_text
from targetwatch.reports.model import Aliases, ReadResult
from targetwatch.units import fold_with_offsets

IDS = ["as-published", "other-script", "full-width"]


def read_at(tmp_path: Path, text: str, aliases: Aliases, meta: Mapping[str, Any] | None = None) -> ReadResult:
    """`text` read by the communiqué reader as a file doc.txt of its own."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path, aliases, meta)


def full_width(text: str, separators: bool = False) -> str:
    """Digits, Latin letters, %, brackets and the full stop's neighbours written full-width (U+FF01..U+FF5E); with
    `separators`, also ; and , (rounds 30 and 31: a clause's comma and semicolon as a full-width page writes them)."""
    widened = "%()&.;," if separators else "%()&."
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and (c.isalnum() or c in widened) else c for c in text)


# One converter each per process: `other_script` runs at collection for every parametrized sentence (~100 calls a
# worker), and each new OpenCC loads its dictionaries again (5-70 CPU ms; session 21, helper t32).
_T2S, _S2T = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def other_script(text: str) -> str:
    """The text in simplified script, or in traditional when it is already simplified."""
    simplified = _T2S.convert(text)
    return simplified if simplified != text else _S2T.convert(text)


def variants(text: str, separators: bool = False) -> list[str]:
    """The text as published, in the other script and full-width (named by IDS; `separators`: see full_width): a rule
    must read all three."""
    return [text, other_script(text), full_width(text, separators)]


# Rounds 31 on (the communique round and review modules): the three texts of `variants` (with ; and , widened too in
# the full-width one) and the text spaced, named by SPACED_IDS.
SPACED_IDS = [*IDS, "spaced"]


def spaced(text: str) -> str:
    """A space after every comma and around each number's unit, as some mirror pages print them."""
    return text.replace(",", ", ").replace("家", " 家").replace("户", " 户")


def spaced_variants(text: str) -> list[str]:
    """round_texts.variants (with ; and , widened too in the full-width text), and the text spaced."""
    return [*variants(text, separators=True), spaced(text)]


def fold_text(text: str) -> str:
    return fold_with_offsets(text)[0]


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def as_read(rows: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(value, place folded, year) of each row, sorted."""
    if rows.empty:
        return []
    return sorted(zip(rows["value_raw"].map(nfkc), rows["jurisdiction_raw"].map(fold_text), rows["year_raw"],
                      strict=True))
