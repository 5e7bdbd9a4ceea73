"""The real-text corpus that measures extraction on texts its rules were not written against (issue 18).

`tests/fixtures/real/policies/` holds the texts (`corpus.yaml`: source, date, split) and the targets annotated by
hand (`targets.csv`, one row per statement of a quantified target). The split into a development half and a test
half was fixed before any rule was written; `score` reports each half on its own, so a rule tuned on the
development half cannot hide its effect on the test half.

A proposal is *matched* when it quotes an overlapping piece of the same text and its value agrees with the gold
row's (base units; a multiple agrees on the multiple; two rows with no value agree). It is *right* when it is
matched and its comparator agrees too: that is what a person pasting it unread would need. Qualitative
proposals are left out (the corpus annotates quantified targets only).
"""

from __future__ import annotations

import csv
import functools
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from targetwatch.catalogue import Catalogue
from targetwatch.catalogue_yaml import YAML_LOADER
from targetwatch.config import PROJECT_DIR
from targetwatch.extraction.extract import Proposal, extract_targets

CORPUS_DIR = PROJECT_DIR / "tests" / "fixtures" / "real" / "policies"
SPLITS = ("development", "test", "holdout", "holdout-2", "unseen-14", "unseen-67", "unseen-68", "unseen-69")
# Sets scored once unseen and then moved to the development side (`first_split` in corpus.yaml): each is still
# scored as a row of its own, beside the development half that now holds it.
FORMER_SPLITS = ("unseen-3", "unseen-4", "unseen-5", "unseen-6", "unseen-7", "unseen-8",
                 "unseen-9", "unseen-10", "unseen-11", "unseen-12", "unseen-13", "unseen-15",
                 "unseen-16", "unseen-17", "unseen-18", "unseen-19", "unseen-20", "unseen-21",
                 "unseen-22", "unseen-23", "unseen-24", "unseen-25", "unseen-26", "unseen-27", "unseen-28",
                 "unseen-29", "unseen-30", "unseen-31", "unseen-32", "unseen-33",
                 "unseen-34", "unseen-35", "unseen-36", "unseen-37", "unseen-38", "unseen-39",
                 "unseen-40", "unseen-41", "unseen-42", "unseen-43",
                 "unseen-44", "unseen-45", "unseen-46", "unseen-47", "unseen-48",
                 "unseen-49", "unseen-50", "unseen-51", "unseen-52", "unseen-53", "unseen-54",
                 "unseen-55", "unseen-56", "unseen-57", "unseen-58", "unseen-59",
                 "unseen-60", "unseen-61", "unseen-62", "unseen-63",
                 "unseen-64", "unseen-65", "unseen-66")
# Confidence bands of the calibration table, lowest first: [low, high).
BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


@dataclass(frozen=True)
class CorpusDocument:
    id: str
    text: str
    split: str
    url: str
    published: str
    script: str
    first_split: str | None = None


@dataclass(frozen=True)
class GoldTarget:
    """One hand-annotated statement of a target, placed in its text."""

    document: str
    quote: str
    start: int
    end: int
    value: float | None
    unit: str | None
    comparator: str
    deadline: int | None
    kind: str
    per_year: bool
    multiple: float | None
    reference: str | None
    note: str


def _float(s: str) -> float | None:
    return float(s) if s.strip() else None


def _place(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the n-th occurrence of `quote` in `text`; an annotation that does not occur is an error."""
    at = -1
    for _ in range(occurrence):
        at = text.find(quote, at + 1)
        if at < 0:
            raise ValueError(f"quote {quote!r} does not occur {occurrence} time(s) in the text")
    return at, at + len(quote)


def load_corpus(folder: Path = CORPUS_DIR) -> tuple[dict[str, CorpusDocument], list[GoldTarget]]:
    """The texts (by id) and every annotated target, each placed at its offsets in its text.

    Read once per process for each content of the folder (its files' names, sizes and modification times): the
    tests read the corpus in several modules (0.15 CPU s a read, docs/testing.md session 16). Each caller gets its
    own dict and list; the documents and targets in them are frozen, so a caller cannot change another's."""
    docs, golds = _read_corpus(folder.resolve(), _folder_stamp(folder))
    return dict(docs), list(golds)


def _folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Each file's name, size and modification time (ns): a changed, added or removed file gives another stamp."""
    with os.scandir(folder) as entries:
        return tuple(sorted((e.name, st.st_size, st.st_mtime_ns)
                            for e in entries if e.is_file() for st in (e.stat(),)))


@functools.lru_cache(maxsize=4)
def _read_corpus(folder: Path, stamp: tuple[tuple[str, int, int], ...]
                 ) -> tuple[Mapping[str, CorpusDocument], tuple[GoldTarget, ...]]:
    """The corpus as read from disk; `stamp` is only the cache's key (load_corpus's docstring). What it returns is
    the cache's own value, shared by every later call: a read-only view of the documents and a tuple of the targets,
    so no caller can change what the next one reads."""
    # libyaml (YAML_LOADER): the same data as `yaml.safe_load`, 0.05 s instead of 0.37 s for 615 entries
    meta = yaml.load((folder / "corpus.yaml").read_text(encoding="utf-8"), Loader=YAML_LOADER)["documents"]
    docs = {
        m["id"]: CorpusDocument(m["id"], (folder / f"{m['id']}.txt").read_text(encoding="utf-8"), m["split"],
                                m["url"], str(m["published"]), m["script"], m.get("first_split"))
        for m in meta
    }
    golds = []
    with (folder / "targets.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            doc = docs[row["document"]]
            start, end = _place(doc.text, row["quote"], int(row["occurrence"] or 1))
            golds.append(GoldTarget(
                document=doc.id, quote=row["quote"], start=start, end=end, value=_float(row["value"]),
                unit=row["unit"] or None, comparator=row["comparator"],
                deadline=int(row["deadline"]) if row["deadline"] else None, kind=row["kind"],
                per_year=row["per_year"] == "true", multiple=_float(row["multiple"]),
                reference=row["reference"] or None, note=row["note"],
            ))
    return MappingProxyType(docs), tuple(golds)


# A stored date the page itself shows (2019-12-02, 2021-07, 2022; "2024-06-13 (from the address)"), not one the
# annotator inferred ("about 2016 …", "2024 (the page shows no date)", "unknown …") nor a span ("2021–2025 …").
_PAGE_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})(?:-(?P<month>\d{2}))?(?:-\d{2})?(?=$|\s\()")


def issued(doc: CorpusDocument) -> str | None:
    """The date `extract-targets --issued` would be given for this text: the date its page shows, as YYYY or
    YYYY-MM (the date a user copying the page sees beside it); None where the page shows no date of its own, so
    the extractor reads the text as a user without a date would run it."""
    if "no date" in doc.published:
        return None
    m = _PAGE_DATE.match(doc.published.strip())
    if m is None:
        return None
    return f"{m['year']}-{m['month']}" if m["month"] else m["year"]


def propose(docs: dict[str, CorpusDocument], catalogue: Catalogue | None = None,
            min_confidence: float | None = None) -> dict[str, list[Proposal]]:
    """Each text's proposals, the extractor given the text's page date (`issued`) as the product would be."""
    extra = {} if min_confidence is None else {"min_confidence": min_confidence}
    return {d: extract_targets(doc.text, d, catalogue, issued=issued(doc), **extra) for d, doc in docs.items()}


def scored(p: Proposal) -> bool:
    """Qualitative proposals are not scored: the corpus annotates quantified targets only."""
    return p.entry["comparator"] != "qualitative"


def values_agree(gold: GoldTarget, p: Proposal) -> bool:
    if gold.value is not None and p.value is not None:
        return math.isclose(gold.value, p.value, rel_tol=1e-6, abs_tol=1e-9)
    if gold.value is None and p.value is None:
        return gold.multiple == p.entry.get("multiple")
    return gold.multiple is not None and gold.multiple == p.entry.get("multiple")


def match(golds: list[GoldTarget], proposals: list[Proposal]) -> list[tuple[GoldTarget, Proposal]]:
    """One-to-one pairs whose quotes overlap and whose values agree, the largest overlap first."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(proposals):
            overlap = max(min(g.end, b) - max(g.start, a) for a, b in p.offsets)
            if overlap > 0 and values_agree(g, p):
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((golds[gi], proposals[pi]))
    return out


@dataclass
class SplitScore:
    """Precision and recall with value match, comparator agreement and calibration for one half."""

    gold: int = 0
    proposed: int = 0
    matched: int = 0
    comparator_agrees: int = 0
    deadlines_compared: int = 0  # matched targets whose annotation states a deadline
    deadline_agrees: int = 0
    bands: dict[tuple[float, float], list[int]] = field(default_factory=lambda: {b: [0, 0] for b in BANDS})
    misses: list[GoldTarget] = field(default_factory=list)
    false_positives: list[Proposal] = field(default_factory=list)
    wrong_comparator: list[tuple[GoldTarget, Proposal]] = field(default_factory=list)
    wrong_deadline: list[tuple[GoldTarget, Proposal]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def comparator_agreement(self) -> float:
        return self.comparator_agrees / self.matched if self.matched else 0.0

    @property
    def deadline_agreement(self) -> float:
        """Share of matched targets with an annotated deadline whose proposal states the same year."""
        return self.deadline_agrees / self.deadlines_compared if self.deadlines_compared else 0.0

    def right_above(self, threshold: float) -> tuple[int, int]:
        """(right, proposed) among proposals with confidence >= threshold."""
        right = sum(r for (low, _), (r, _n) in self.bands.items() if low >= threshold)
        total = sum(n for (low, _), (_r, n) in self.bands.items() if low >= threshold)
        return right, total


def score(docs: dict[str, CorpusDocument], golds: list[GoldTarget],
          proposals: dict[str, list[Proposal]]) -> dict[str, SplitScore]:
    """Each half scored on its own: {"development": …, "test": …}; a text moved to development from a set scored
    before counts in the development half and again in its former set's row (`FORMER_SPLITS`)."""
    out = {s: SplitScore() for s in (*SPLITS, *FORMER_SPLITS)}
    for doc_id, doc in docs.items():
        for split in (doc.split, doc.first_split):
            if split is not None:
                _score_text(out[split], doc_id, golds, proposals)
    return out


def _score_text(s: SplitScore, doc_id: str, golds: list[GoldTarget], proposals: dict[str, list[Proposal]]) -> None:
    """Add one text's gold targets and proposals to a set's score."""
    mine = [g for g in golds if g.document == doc_id]
    props = [p for p in proposals.get(doc_id, []) if scored(p)]
    pairs = match(mine, props)
    s.gold += len(mine)
    s.proposed += len(props)
    s.matched += len(pairs)
    matched_g = {id(g) for g, _ in pairs}
    right = {id(p) for g, p in pairs if g.comparator == p.entry["comparator"]}
    s.comparator_agrees += len(right)
    s.wrong_comparator += [(g, p) for g, p in pairs if id(p) not in right]
    dated = [(g, p) for g, p in pairs if g.deadline is not None]
    s.deadlines_compared += len(dated)
    wrong_year = [(g, p) for g, p in dated if p.entry.get("deadline") != g.deadline]
    s.deadline_agrees += len(dated) - len(wrong_year)
    s.wrong_deadline += wrong_year
    s.misses += [g for g in mine if id(g) not in matched_g]
    matched_p = {id(p) for _, p in pairs}
    s.false_positives += [p for p in props if id(p) not in matched_p]
    for p in props:
        band = next(b for b in BANDS if b[0] <= p.confidence < b[1])
        s.bands[band][0] += id(p) in right
        s.bands[band][1] += 1
