"""Compare proposals with a catalogue before pasting them: each is new, already catalogued, or conflicting.

A proposal and a catalogue target are about the same statement when their quotes are the same text: equal after
folding (full-width, traditional script, spaces and end punctuation do not count), or one inside the other
(the catalogue may quote a whole sentence, the extractor one clause of it). Among the targets quoting the same
text, one that agrees on value and comparator makes the proposal *catalogued* (it can be skipped); if none does,
the proposal is *conflicting* (the catalogue reads the same words differently: check which is right); a proposal
whose quote no target shares is *new*. Several targets can share one quote (a 分别 list, 两个倍增), so agreement
is looked for among all of them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from targetwatch import vocab
from targetwatch.catalogue import Catalogue, Target
from targetwatch.extraction.extract import Proposal
from targetwatch.extraction.text import fold

_NOISE = re.compile(r"[\s。，,；;：:、！!？?“”\"'「」『』（）()—\-]+")


def _key(quote: str) -> str:
    """A quote as compared: folded, without spaces and punctuation."""
    return _NOISE.sub("", fold(quote))


def same_quote(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return bool(ka) and bool(kb) and (ka == kb or ka in kb or kb in ka)


def _agrees(t: Target, p: Proposal) -> bool:
    """Same comparator and same value (base units); a multiple agrees on the multiple."""
    if t.comparator != p.entry["comparator"]:
        return False
    tv, pv = t.value, p.entry.get("value")
    if tv is not None and pv is not None:
        return math.isclose(tv, pv, rel_tol=1e-6, abs_tol=1e-9)
    return tv is None and pv is None and t.multiple == p.entry.get("multiple")


def _describe(comparator: str, value: float | None, multiple: float | None) -> str:
    if multiple is not None and value is None:
        return f"{comparator} x{multiple:g}"
    return f"{comparator} {value:g}" if value is not None else comparator


@dataclass(frozen=True)
class Review:
    status: str  # vocab.REVIEW_STATUSES
    target_ids: tuple[str, ...]  # the catalogue targets quoting the same text
    reason: str

    def line(self) -> str:
        """One comment line for the YAML output."""
        return f"# review: {self.status}" + (f" · {self.reason}" if self.reason else "")


def review(proposals: list[Proposal], catalogue: Catalogue) -> list[Review]:
    """One review per proposal, in order."""
    out = []
    for p in proposals:
        same = [t for t in catalogue.targets if any(same_quote(p.quote, s.quote) for s in t.sources)]
        if not same:
            out.append(Review("new", (), ""))
            continue
        ids = tuple(t.id for t in same)
        agreeing = [t for t in same if _agrees(t, p)]
        if agreeing:
            out.append(Review("catalogued", ids, f"as {agreeing[0].id}"))
            continue
        mine = _describe(p.entry["comparator"], p.entry.get("value"), p.entry.get("multiple"))
        theirs = "; ".join(f"{t.id}: {_describe(t.comparator, t.value, t.multiple)}" for t in same)
        out.append(Review("conflicting", ids, f"proposed {mine}, catalogue {theirs}"))
    assert all(r.status in vocab.REVIEW_STATUSES for r in out)
    return out
