"""How well the readers read real publications: precision and recall on a hand-annotated corpus, per half.

The corpus (tests/fixtures/real/) is a folder of real published texts (`reports/`), a `corpus.csv` naming each
document's half (`dev`: the rules were written against it; `test`: never looked at while writing rules) and a
`figures.csv` in which every figure of those texts was annotated by hand:

    expect   observe  a level of a catalogue indicator that must become this observation (indicator,
                      jurisdiction, year, value, unit)
             change   a change, growth rate, multiple, percentage points or threshold: must never be a level
             other    must not be read either (a subset, another place, a target, a period total, a ratio)

Each half is read by the real pipeline (`ingest_folder`: readers, sidecars, normaliser), then compared:

* recall: the share of `observe` figures found with the right indicator, jurisdiction, year and value;
* precision: the share of observations that are such a figure (a second observation of one figure is an error);
* changes taken for levels: observations whose value is an annotated `change` of that document;
* silent: annotated figures that are neither an observation nor a quarantined row (their sentence is in no
  observation's or rejected row's raw_content).

With `any_place`, the `other` rows marked with an `any_place_year` (a year's level of a catalogue indicator for a
place outside the catalogue) are scored as levels too, the catalogue widened by `places.csv` (any_place.py).

Observations of part of a year (`period_type` partial: 上半年, 前三季度, 1—6月) are kept apart: the data model keeps
them, flagged, and never compares them with an annual target, so they are neither levels nor errors here; they are
counted in their own column, and a figure annotated as a year's level that comes out partial is a miss.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from targetwatch import vocab
from targetwatch.catalogue import Catalogue
from targetwatch.reports.any_place import any_place_figures, load_places, marked_documents, widened
from targetwatch.reports.ingest import ingest_folder
from targetwatch.reports.matching import strip_deletions
from targetwatch.units import normalise_text, to_simplified, written_unit

HALVES = (
    "dev", "test", "unseen-2", "unseen-6", "unseen-7", "unseen-8", "unseen-9", "unseen-10", "unseen-11", "unseen-12",
    "unseen-13", "unseen-14", "unseen-15", "unseen-16", "unseen-17", "unseen-18", "unseen-19", "unseen-20",
    "unseen-21", "unseen-22", "unseen-23", "unseen-24", "unseen-25", "unseen-26", "unseen-27", "unseen-28", "unseen-29",
    "unseen-30", "unseen-31", "unseen-32", "unseen-33", "unseen-34", "unseen-35", "unseen-36",
    "unseen-37", "unseen-38", "unseen-39", "unseen-40", "unseen-41",
    "unseen-42", "unseen-43", "unseen-44", "unseen-45", "unseen-46",
)
# Sets scored once unseen and then moved to development (corpus.csv: `half` dev, `first_half` the former set).
# `--half unseen-6` still scores that set's documents; its row is labelled "(now dev)".
EXPECT = ("observe", "change", "other")


@dataclass
class HalfScore:
    half: str
    documents: int
    figures: int  # annotated `observe` figures
    found: int  # of those, read with the right indicator, jurisdiction, year and value
    value_right_year_wrong: int
    observations: int  # annual observations (partial-year ones are counted apart)
    correct_observations: int
    changes_as_levels: int
    silent: int  # annotated figures (any kind) neither observed nor quarantined
    annotated: int  # annotated figures of any kind
    detail: pd.DataFrame  # one row per annotated figure: how it came out
    partial_observations: int = 0  # observations flagged as part of a year
    rule_failures: int = 0  # quarantined rows 'rule failed: …' (a reader's rule raised: rule_failures.py)

    @property
    def recall(self) -> float:
        return self.found / self.figures if self.figures else 1.0

    @property
    def precision(self) -> float:
        return self.correct_observations / self.observations if self.observations else 1.0


def _fold(text: object) -> str:
    """Folded as the reader folds (script, width, case) and without glosses or quotes, so a phrase is found in
    a mirror page's sentence (`研發(fā)` = `研发`)."""
    return strip_deletions(to_simplified(normalise_text(str(text))).lower())[0]


def base_value(value: object, unit: object) -> float | None:
    """The annotated value in the catalogue's base unit (`%`, `倍` and unknown units stay as written)."""
    found = written_unit(unit)
    if found is None and str(unit)[:1] in vocab.MULTIPLIERS:  # 万家 = 10 000 家 (the reader reads 22.5万 + 家)
        rest = written_unit(str(unit)[1:])
        return float(value) * vocab.MULTIPLIERS[str(unit)[0]] * (rest[1] if rest else 1.0)
    return float(value) * (found[1] if found else 1.0)


def load_corpus(root: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    corpus = pd.read_csv(root / "corpus.csv", dtype=str)
    figures = pd.read_csv(root / "figures.csv", dtype=str, keep_default_na=False)
    unknown = set(figures["doc_id"]) - set(corpus["doc_id"])
    if unknown:
        raise ValueError(f"figures.csv names documents not in corpus.csv: {sorted(unknown)}")
    if "first_half" not in corpus:
        corpus["first_half"] = ""
    corpus["first_half"] = corpus["first_half"].fillna("")
    bad = set(figures["expect"]) - set(EXPECT)
    if bad:
        raise ValueError(f"figures.csv: unknown expect values {sorted(bad)}")
    figures["base"] = [base_value(v, u) for v, u in zip(figures["value"], figures["unit"], strict=True)]
    return corpus, figures


def in_half(corpus: pd.DataFrame, half: str) -> pd.Series:
    """The documents of a half: those now in it, or, for a set moved to development, those first in it."""
    return (corpus["half"] == half) | (corpus["first_half"] == half)


def half_label(corpus: pd.DataFrame, half: str) -> str:
    moved = corpus.loc[corpus["first_half"] == half, "half"]
    return f"{half} (now {moved.iloc[0]})" if len(moved) and (corpus["half"] != half).all() else half


def read_half(root: Path, corpus: pd.DataFrame, catalogue: Catalogue, half: str, as_of: dt.date):
    """Run the real ingestion on one half's files (and their sidecars), in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rel in corpus.loc[in_half(corpus, half), "file"]:
            src = root / rel
            shutil.copy(src, folder / src.name)
            side = src.with_name(src.name + ".meta.yaml")
            if side.is_file():
                shutil.copy(side, folder / side.name)
        return ingest_folder(folder, catalogue, as_of=as_of)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def score_half(
    root: Path, catalogue: Catalogue, half: str, as_of: dt.date | None = None, any_place: bool = False
) -> HalfScore:
    """One half's score. `any_place`: the levels of places outside the catalogue count too (any_place.py), read with
    the catalogue widened by `places.csv`, on the half's documents marked `any_place`; labelled "(any place)"."""
    corpus, figures = load_corpus(root)
    if any_place:  # only documents annotated completely for other places' levels (any_place.marked_documents)
        places = load_places(root)
        catalogue, figures = widened(catalogue, places), any_place_figures(figures, places)
        corpus = marked_documents(corpus)
    as_of = as_of or dt.date.today()
    result = read_half(root, corpus, catalogue, half, as_of)
    doc_of = {Path(f).name: d for f, d in zip(corpus["file"], corpus["doc_id"], strict=True)}
    every = result.observations.assign(doc_id=result.observations["source_file"].map(doc_of))
    part = every["period_type"].eq("partial")
    obs, partial = every[~part], every[part]
    rej = result.rejected_rows.assign(doc_id=result.rejected_rows["source_file"].map(doc_of))
    figs = figures[figures["doc_id"].isin(corpus.loc[in_half(corpus, half), "doc_id"])].reset_index(drop=True)

    used: set[int] = set()
    outcome: list[str] = []
    for fig in figs.itertuples():  # a few hundred hand-annotated figures: matching them one by one is clearest
        cands = obs[obs["doc_id"] == fig.doc_id]
        same_value = cands[[_close(float(v), fig.base) for v in cands["value"]]] if len(cands) else cands
        if fig.expect != "observe":  # a value read from this figure's own sentence, not an equal value elsewhere
            same_value = same_value[[_fold(fig.phrase) in _fold(s) for s in same_value["raw_content"]]]
        if fig.expect == "observe":
            exact = same_value[
                (same_value["indicator"] == fig.indicator)
                & (same_value["jurisdiction"] == fig.jurisdiction)
                & (same_value["year"].astype("Int64").astype(str) == str(fig.year))
            ]
            free = [i for i in exact.index if i not in used]
            if free:
                used.add(free[0])
                outcome.append("found")
                continue
            if len(same_value[same_value["indicator"] == fig.indicator]):
                outcome.append("value right, year or place wrong")
                continue
        elif len(same_value) and fig.expect == "change":
            outcome.append("CHANGE TAKEN FOR A LEVEL")
            continue
        elif len(same_value) and fig.indicator and (same_value["indicator"] == fig.indicator).any():
            outcome.append("read although it must not be")
            continue
        close = pd.Series([_close(float(v), fig.base) for v in partial["value"]], index=partial.index, dtype=bool)
        in_partial = partial[(partial["doc_id"] == fig.doc_id) & close]
        if len(in_partial) and any(_fold(fig.phrase) in _fold(t) for t in in_partial["raw_content"]):
            outcome.append("read as part of a year" if fig.expect != "observe" else "missed, read as part of a year")
            continue
        phrase = _fold(fig.phrase)
        number = normalise_text(fig.value)
        mine = partial[partial["doc_id"] == fig.doc_id]
        sentences = pd.concat(  # an observation's notes name the changes it ignored and its other mentions
            [
                cands["raw_content"],
                cands["notes"],
                mine["raw_content"],
                mine["notes"],
                rej.loc[rej["doc_id"] == fig.doc_id, "raw_content"],
            ]
        )
        folded = [_fold(s) for s in sentences.dropna()]
        alone = re.compile(rf"(?<![\d.]){re.escape(number)}(?![\d])")
        accounted = any(phrase in s or alone.search(s) for s in folded)
        if fig.expect == "observe":
            outcome.append("missed, quarantined" if accounted else "missed, SILENT")
        else:
            outcome.append("not read, quarantined" if accounted else "not read, SILENT")
    detail = figs.assign(outcome=pd.Series(outcome, index=figs.index, dtype=object))  # str even when empty
    observe = detail["expect"] == "observe"
    return HalfScore(
        half=half_label(corpus, half) + (" (any place)" if any_place else ""),
        documents=int(in_half(corpus, half).sum()),
        figures=int(observe.sum()),
        found=int((detail["outcome"] == "found").sum()),
        value_right_year_wrong=int((detail["outcome"] == "value right, year or place wrong").sum()),
        observations=len(obs),
        correct_observations=len(used),
        changes_as_levels=int((detail["outcome"] == "CHANGE TAKEN FOR A LEVEL").sum()),
        silent=int(detail["outcome"].str.endswith("SILENT").sum()),
        annotated=len(detail),
        detail=detail,
        partial_observations=len(partial),
        rule_failures=int(rej["reason"].astype(str).str.startswith("rule failed").sum()),  # the half's files only
    )


def summary_table(scores: list[HalfScore]) -> str:
    """A Markdown table of the halves' numbers, as docs/report-formats.md shows them."""
    lines = [
        "| half | documents | figures | found (right year and value) | recall | observations | precision "
        "| changes taken for levels | figures neither read nor quarantined | partial-year observations |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        lines.append(
            f"| {s.half} | {s.documents} | {s.figures} | {s.found} | {s.recall:.0%} | {s.observations} "
            f"| {s.precision:.0%} | {s.changes_as_levels} | {s.silent} of {s.annotated} | {s.partial_observations} |"
        )
    return "\n".join(lines)
