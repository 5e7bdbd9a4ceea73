"""Measure the extractor against the hand-made catalogue: precision, recall and F1 per document, overall and
per kind, with every miss and every false positive listed.

A proposal matches a gold target when both quote the same document, their quotes overlap (character offsets
of the first occurrence, as `catalogue.quote_offsets` places them) and their values agree. Each gold target and
each proposal is matched at most once (largest overlap first).

    uv run python -m targetwatch.extraction.evaluate            # Markdown report on stdout
    uv run python -m targetwatch.extraction.evaluate --json     # the same figures as JSON
    uv run python -m targetwatch.extraction.evaluate --blind    # extract without the catalogue's aliases
    uv run python -m targetwatch.extraction.evaluate --corpus   # the real-text corpus, by half, and the seeds
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import targetwatch.extraction.rules as rules
from targetwatch import vocab
from targetwatch.catalogue import Catalogue, Target, load_catalogue, quote_offsets
from targetwatch.config import PROJECT_DIR
from targetwatch.documents import LoadedDocument, load_documents
from targetwatch.extraction.extract import Proposal, extract_targets

# Attributes compared on matched pairs (reported, not used for matching).
ATTRIBUTES = ("comparator", "deadline", "per_year", "kind", "indicator")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Gold:
    target: Target
    document: str
    spans: list[tuple[int, int]]


@dataclass
class Evaluation:
    catalogue_targets: int
    min_confidence: float
    blind: bool = False
    per_document: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    recall_by_kind: dict[str, Score] = field(default_factory=dict)  # gold kind: tp and fn
    precision_by_kind: dict[str, Score] = field(default_factory=dict)  # proposed kind: tp and fp
    matches: list[tuple[Gold, Proposal]] = field(default_factory=list)
    misses: list[Gold] = field(default_factory=list)
    false_positives: list[Proposal] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of extract_targets per document
    sizes: dict[str, int] = field(default_factory=dict)  # the document's size in UTF-8 bytes

    def attribute_agreement(self) -> dict[str, float]:
        """Share of matched pairs on which the proposal and the gold target agree, per attribute."""
        out = {}
        for attr in ATTRIBUTES:
            same = sum(getattr(g.target, attr) == p.entry.get(attr, False if attr == "per_year" else None)
                       for g, p in self.matches)
            out[attr] = round(same / len(self.matches), 3) if self.matches else 0.0
        return out


def values_agree(gold: Target, proposal: Proposal) -> bool:
    """Same value (in base units); a target stated only as a multiple agrees on the multiple; two targets with
    no value (national average, qualitative) agree."""
    gv, pv = gold.value, proposal.value
    if gv is not None and pv is not None:
        return math.isclose(gv, pv, rel_tol=1e-6, abs_tol=1e-9)
    if gv is None and pv is None:
        return gold.multiple == proposal.entry.get("multiple")
    return gold.multiple is not None and gold.multiple == proposal.entry.get("multiple")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_targets(catalogue: Catalogue, documents: dict[str, LoadedDocument]) -> dict[str, list[Gold]]:
    """Each catalogue target once per document it quotes, with the offsets of each of its quotes there."""
    out: dict[str, list[Gold]] = {d: [] for d in documents}
    for t in catalogue.targets:
        spans: dict[str, list[tuple[int, int]]] = {}
        for s in t.sources:
            if s.document in documents and s.quote in documents[s.document].text:
                spans.setdefault(s.document, []).append(quote_offsets(s.quote, documents[s.document].text))
        for doc, sp in spans.items():
            out[doc].append(Gold(t, doc, sp))
    return out


def match(golds: list[Gold], proposals: list[Proposal]) -> list[tuple[Gold, Proposal]]:
    """One-to-one pairs whose quotes overlap and whose values agree, the largest overlap first."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(proposals):
            overlap = max(_overlap(s, o) for s in g.spans for o in p.offsets)
            if overlap > 0 and values_agree(g.target, p):
                pairs.append((overlap, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((golds[gi], proposals[pi]))
    return out


def evaluate(
    catalogue: Catalogue,
    documents: dict[str, LoadedDocument],
    min_confidence: float = rules.MIN_CONFIDENCE,
    blind: bool = False,
) -> Evaluation:
    """Run the extractor on every document and compare with the catalogue's targets. `blind` extracts without
    the catalogue (no indicator aliases, no jurisdiction names), as for a document from a field it does not cover."""
    ev = Evaluation(catalogue_targets=len(catalogue.targets), min_confidence=min_confidence, blind=blind)
    golds = gold_targets(catalogue, documents)
    for doc_id, doc in documents.items():
        started = time.perf_counter()
        proposals = extract_targets(doc.text, doc_id, None if blind else catalogue, min_confidence=min_confidence)
        ev.seconds[doc_id] = time.perf_counter() - started
        ev.sizes[doc_id] = len(doc.text.encode("utf-8"))
        pairs = match(golds[doc_id], proposals)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        score = Score(tp=len(pairs), fp=len(proposals) - len(pairs), fn=len(golds[doc_id]) - len(pairs))
        ev.per_document[doc_id] = score
        ev.overall.add(score)
        ev.matches += pairs
        ev.misses += [g for g in golds[doc_id] if id(g) not in matched_g]
        ev.false_positives += [p for p in proposals if id(p) not in matched_p]
        for g in golds[doc_id]:
            s = ev.recall_by_kind.setdefault(g.target.kind, Score())
            s.tp, s.fn = s.tp + (id(g) in matched_g), s.fn + (id(g) not in matched_g)
        for p in proposals:
            s = ev.precision_by_kind.setdefault(p.entry["kind"], Score())
            s.tp, s.fp = s.tp + (id(p) in matched_p), s.fp + (id(p) not in matched_p)
    return ev


def _pct(x: float, defined: bool = True) -> str:
    return f"{100 * x:.1f}%" if defined else "-"


def markdown(ev: Evaluation, today: dt.date | None = None) -> str:
    """The report as Markdown: tables first, then every miss and false positive."""
    today = today or dt.date.today()
    lines = [
        f"Measured {today.isoformat()} against targets.yaml with {ev.catalogue_targets} targets "
        f"(proposals with confidence >= {ev.min_confidence}"
        f"{'; extracted without the catalogue' if ev.blind else ''}).",
        "",
        "| document | gold | proposed | matched | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for doc, s in [*ev.per_document.items(), ("**overall**", ev.overall)]:
        p_ok, r_ok = s.tp + s.fp > 0, s.tp + s.fn > 0  # "-": nothing proposed / nothing to find
        lines.append(f"| {doc} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {_pct(s.precision, p_ok)} "
                     f"| {_pct(s.recall, r_ok)} | {_pct(s.f1, p_ok and r_ok)} |")
    lines += ["", "| kind | gold | recall | proposed | precision |", "|---|---:|---:|---:|---:|"]
    for kind in vocab.KINDS:
        r = ev.recall_by_kind.get(kind, Score())
        p = ev.precision_by_kind.get(kind, Score())
        lines.append(f"| {kind} | {r.tp + r.fn} | {_pct(r.recall, r.tp + r.fn > 0)} | {p.tp + p.fp} "
                     f"| {_pct(p.precision, p.tp + p.fp > 0)} |")
    lines += ["", "Speed (extract_targets, one pass, wall time): " + ", ".join(
        f"{d} {ev.sizes[d] / 1024:.0f} KB in {ev.seconds[d] * 1000:.0f} ms" for d in ev.per_document) + "."]
    agreement = ev.attribute_agreement()
    lines += ["", "Agreement on matched pairs: " + ", ".join(f"{k} {_pct(v)}" for k, v in agreement.items()) + "."]
    lines += ["", f"Misses ({len(ev.misses)}):", ""]
    lines += [f"- `{g.target.id}` ({g.target.kind}, {g.target.comparator} {g.target.value}): "
              f"{g.target.sources[0].quote}" for g in ev.misses] or ["- none"]
    lines += ["", f"False positives ({len(ev.false_positives)}):", ""]
    lines += [f"- {p.document} [{p.char_start}:{p.char_end}] {p.entry['kind']} {p.entry['comparator']} "
              f"{p.value} ({p.confidence}): {p.quote}" for p in ev.false_positives] or ["- none"]
    return "\n".join(lines) + "\n"


def as_json(ev: Evaluation) -> dict:
    return {
        "catalogue_targets": ev.catalogue_targets,
        "min_confidence": ev.min_confidence,
        "blind": ev.blind,
        "overall": ev.overall.as_dict(),
        "per_document": {d: s.as_dict() for d, s in ev.per_document.items()},
        "recall_by_kind": {k: s.as_dict() for k, s in ev.recall_by_kind.items()},
        "precision_by_kind": {k: s.as_dict() for k, s in ev.precision_by_kind.items()},
        "attribute_agreement": ev.attribute_agreement(),
        "seconds": ev.seconds,
        "sizes": ev.sizes,
        "misses": [{"id": g.target.id, "document": g.document, "spans": g.spans} for g in ev.misses],
        "false_positives": [p.model_dump() for p in ev.false_positives],
        "matches": [{"gold": g.target.id, "document": g.document, "char_start": p.char_start, "char_end": p.char_end,
                     "quote": p.quote, "confidence": p.confidence} for g, p in ev.matches],
    }


def seed_calibration(ev: Evaluation) -> dict[tuple[float, float], list[int]]:
    """Calibration bands on the seeds: a proposal is right when it matches a catalogue target with the same
    comparator (as on the corpus)."""
    from targetwatch.extraction.corpus import BANDS

    bands = {b: [0, 0] for b in BANDS}
    right = {id(p) for g, p in ev.matches if g.target.comparator == p.entry["comparator"]}
    for p in [*(p for _, p in ev.matches), *ev.false_positives]:
        if p.entry["comparator"] == "qualitative":
            continue
        band = next(b for b in BANDS if b[0] <= p.confidence < b[1])
        bands[band][0] += id(p) in right
        bands[band][1] += 1
    return bands


def _label(split: str) -> str:
    from targetwatch.extraction.corpus import FORMER_SPLITS

    return f"{split} (now development)" if split in FORMER_SPLITS else f"{split} half"


def corpus_markdown(min_confidence: float = rules.MIN_CONFIDENCE, today: dt.date | None = None,
                    splits: tuple[str, ...] | None = None) -> str:
    """The real-text corpus, each half on its own, then the seeds: precision and recall with value match,
    comparator agreement on matched targets, and the calibration table (confidence band against share right).
    `splits` limits the report to those sets (`--only development` while rules are written: the other sets are
    neither scored nor shown)."""
    from targetwatch.extraction.corpus import BANDS, load_corpus, propose, score

    today = today or dt.date.today()
    catalogue = load_catalogue(PROJECT_DIR / "targets.yaml")
    docs, golds = load_corpus()
    if splits is not None:
        docs = {d: doc for d, doc in docs.items() if doc.split in splits}
        golds = [g for g in golds if g.document in docs]
    proposals = propose(docs, catalogue, min_confidence)  # each text given its page's date, as the product is
    def texts(split: str) -> int:
        return sum(split in (d.split, d.first_split) for d in docs.values())

    halves = {s: v for s, v in score(docs, golds, proposals).items() if texts(s)}
    seeds = load_documents(PROJECT_DIR / "policies")
    ev = evaluate(load_catalogue(PROJECT_DIR / "targets.yaml", seeds), seeds, min_confidence)
    agreement = ev.attribute_agreement()["comparator"]
    lines = [
        f"Measured {today.isoformat()}, proposals with confidence >= {min_confidence}, extractor given targets.yaml.",
        "",
        "| set | texts | gold | proposed | matched | precision | recall | comparator agrees | right at >= 0.9 "
        "| deadline agrees |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for split, s in halves.items():
        right, total = s.right_above(0.9)
        lines.append(f"| {_label(split)} | {texts(split)} | {s.gold} | {s.proposed} | {s.matched} "
                     f"| {_pct(s.precision)} | {_pct(s.recall)} | {_pct(s.comparator_agreement)} | {right}/{total} "
                     f"| {_pct(s.deadline_agreement, s.deadlines_compared > 0)} "
                     f"({s.deadline_agrees}/{s.deadlines_compared}) |")
    seed_bands = seed_calibration(ev)
    seed_right = sum(r for (low, _), (r, _n) in seed_bands.items() if low >= 0.9)
    seed_total = sum(n for (low, _), (_r, n) in seed_bands.items() if low >= 0.9)
    o = ev.overall
    lines.append(f"| seeds (policies/) | {len(seeds)} | {o.tp + o.fn} | {o.tp + o.fp} | {o.tp} | {_pct(o.precision)} "
                 f"| {_pct(o.recall)} | {_pct(agreement)} | {seed_right}/{seed_total} "
                 f"| {_pct(ev.attribute_agreement()['deadline'])} |")
    lines += ["", "Calibration: share of proposals that are right (matched, same comparator) by confidence band.", "",
              "| confidence | " + " | ".join(_label(s) for s in halves) + " | seeds |",
              "|---|" + "---:|" * (len(halves) + 1)]
    for band in BANDS:
        cells = [halves[s].bands[band] for s in halves] + [seed_bands[band]]
        label = f"{band[0]:.1f}–{min(band[1], 1.0):.1f}" + (" (below the default)" if band[1] <= min_confidence else "")
        lines.append(f"| {label} | " + " | ".join(
            f"{r}/{n} ({100 * r / n:.0f}%)" if n else "-" for r, n in cells) + " |")
    for split, s in halves.items():
        lines += ["", f"Misses, {_label(split)} ({len(s.misses)}):", ""]
        lines += [f"- {g.document}: {g.comparator} {g.value if g.value is not None else ''} {g.unit or ''} — "
                  f"{g.quote}" for g in s.misses] or ["- none"]
        lines += ["", f"False positives, {_label(split)} ({len(s.false_positives)}):", ""]
        lines += [f"- {p.document} ({p.confidence:.2f}, {p.rule}): {p.entry['comparator']} {p.value} — {p.quote}"
                  for p in s.false_positives] or ["- none"]
        lines += ["", f"Comparator disagreements, {_label(split)} ({len(s.wrong_comparator)}):", ""]
        lines += [f"- {g.document}: gold {g.comparator}, proposed {p.entry['comparator']} — {g.quote}"
                  for g, p in s.wrong_comparator] or ["- none"]
        lines += ["", f"Deadline disagreements, {_label(split)} ({len(s.wrong_deadline)}):", ""]
        lines += [f"- {g.document}: gold {g.deadline}, proposed {p.entry.get('deadline')} — {g.quote}"
                  for g, p in s.wrong_deadline] or ["- none"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=Path, default=PROJECT_DIR / "targets.yaml")
    parser.add_argument("--policies", type=Path, default=PROJECT_DIR / "policies")
    parser.add_argument("--min-confidence", type=float, default=rules.MIN_CONFIDENCE)
    parser.add_argument("--blind", action="store_true", help="extract without the catalogue (no aliases)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--corpus", action="store_true",
                        help="score the real-text corpus (development and test halves) and the seeds, with calibration")
    parser.add_argument("--only", nargs="+", metavar="SPLIT",
                        help="with --corpus: score and show only these sets (e.g. development)")
    args = parser.parse_args(argv)
    if args.corpus:
        sys.stdout.write(corpus_markdown(args.min_confidence, splits=tuple(args.only) if args.only else None))
        return 0
    documents = load_documents(args.policies)
    ev = evaluate(load_catalogue(args.targets, documents), documents, args.min_confidence, args.blind)
    sys.stdout.write(json.dumps(as_json(ev), ensure_ascii=False, indent=2) + "\n" if args.json else markdown(ev))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
