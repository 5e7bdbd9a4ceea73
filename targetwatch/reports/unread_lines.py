"""The last safety net of a text's reading (issue 17, round 20): a sentence that holds figures and gave neither a row
nor a quarantined row is one quarantined row listing them, so no figure-like line is dropped silently.

The sentence grammar reads folded text, and folding removes spaces. A table laid out with spaces between its cells
then fuses them into one run of digits (`占  23.7 24.1 24.0` folds to `占23.724.124.0`), which no figure rule can take
apart, so the whole line was neither read nor quarantined: 80 cells of a national yearbook table (20-42, large and
medium industrial enterprises, u29_nat_2008_lme_rd_gsei) and 16 of Guangzhou's monitoring table
(u29_gd_2021_guangzhou_yearbook_ratios), dev since round 20. A signed cell alone on its line (`-0.6 |`,
u29_xpcc_2020_communique) was skipped too, since a bare number had to be unsigned. Rather than one rule per layout,
this looks at the sentence as written, after every rule has run: its numbers are the runs of digits between spaces,
and those worth listing are the ones `grammar._unread_figures` would list bare (three digits or more, or a decimal),
signed or not. Dates, clock times, codes and ranges (digits joined by - : / ~ or followed by 年 月 日) are not listed,
nor a year alone. Nothing is read here: the row only says the line was not read and why.

A number alone on its line (`47`, `21 |`) is a table's cell flattened one a line, whatever its digits (round 21): the
last cell of Ningxia's table 1 as stored (u30_nx_2022_communique_ce, dev since round 21) was two digits and so was
dropped silently; the award counts of a national yearbook table (`21 |`, `19 |`, u26_nat_2006_yb2007_st_activities)
are such cells too. A year alone on its line stays unlisted (a table's head).
"""

from __future__ import annotations

import re
import unicodedata

from targetwatch.reports.plaintext import Sentence

# a run of digits, points and commas as written, not glued to a Latin letter or another digit (a code: GXB156399820);
# it must have a number's shape as a whole, so a date with points (26.01.2018, 2007.9.14) or a section number (1.26.1)
# is not cut into figures
_RUN = re.compile(r"(?<![A-Za-z\d.,])[-+−]?\d(?:[\d.,]*\d)?(?![A-Za-z\d])")
_SHAPE = re.compile(r"[-+−]?\d+(?:,\d{3})*(?:\.\d+)?")
_WORTH = re.compile(r"[-+−]?(?:\d{3,}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|[-+−]?\d+\.\d+")
_JOINED = frozenset("-:/~–—∶")
_DATE_AFTER = re.compile(r"\s*(?:年|月|日|号|时|届|次会议)")  # matched at the number's end (an address: 药王洞155号)
_YEAR = re.compile(r"(?:(?:19|20)\d{2})+")  # a year, or a year doubled by a bad copy (20202020)
_LONE = re.compile(r"\|?\s*([-+−]?\d+(?:\.\d+)?)\s*\|?")  # a cell alone on its line


def figure_tokens(text: str) -> list[str]:
    """The figure-like numbers of a sentence as written (full-width digits folded), in order."""
    plain = unicodedata.normalize("NFKC", text)
    out = []
    for m in _RUN.finditer(plain):
        token, a, b = m.group(), m.start(), m.end()
        if not (_SHAPE.fullmatch(token) and _WORTH.fullmatch(token)) or _YEAR.fullmatch(token):
            continue
        if _DATE_AFTER.match(plain, b):
            continue
        signed = token[0] in "-+−"
        if (a and plain[a - 1] in _JOINED and not signed) or plain[b : b + 1] in _JOINED:
            continue
        out.append(token)
    return out


def lone_cell(text: str) -> list[str]:
    """The number of a line that is one table cell and nothing else (not a year), whatever its digits."""
    m = _LONE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return [m.group(1)] if m and not _YEAR.fullmatch(m.group(1)) else []


def unread_sentences(sentences: list[Sentence], rows: list[dict], rejected: list[dict]) -> list[dict]:
    """One quarantined row for each sentence with figure-like numbers that no row or quarantined row came from."""
    spoken = {r.get("row_number") for r in rows} | {r.get("row_number") for r in rejected}
    out = []
    for s in sentences:
        if s.number in spoken or not (tokens := figure_tokens(s.text) or lone_cell(s.text)):
            continue
        listed = "; ".join(repr(t) for t in tokens)
        out.append(
            {
                "row_number": s.number,
                "location": f"sentence {s.number}",
                "raw_content": s.text,
                "reason": f"sentence {s.number}: not read: {listed} (a line of figures no rule could parse: cells "
                "laid out with spaces, or a signed number alone)",
            }
        )
    return out
