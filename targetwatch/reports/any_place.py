"""Levels of any place: a second measure of the real-text corpus (issue 17, round 19).

The corpus's `observe` figures are levels of a catalogue indicator for a catalogue place (the nation, Gansu, Lanzhou,
Shanxi, Xining). The stored pages hold few of those that the corpus lacks, so new unseen sets carry few or none, and
the year-and-value question ("is 2021's R&D expenditure of this province read as 2021's, with this value?") is
measured on a handful of figures. Most real texts are other places' communiqués, and their levels of the same
indicators ask the readers the same question about year and value.

The any-place measure counts them too, without relabelling anything:

* `figures.csv` column `any_place_year`: filled by hand only on `other` rows that are a year's level of a catalogue
  indicator for a place outside the catalogue (a province, a prefecture-level city) stated as that place's own;
  `jurisdiction` names the place's code. Subsets, shares, targets, part-of-year figures, districts' and counties'
  own figures stay without it. `expect` stays `other`: the catalogue-place measure is unchanged.
* `places.csv` (beside `figures.csv`): the places those rows name, as catalogue jurisdictions (code, GB/T 2260 code,
  names, level, parent, aliases). Evaluation only: `targets.yaml` is not touched.
* `corpus.csv` column `any_place`: `marked` on a document whose every figure was looked at for other places' levels.
  A document is marked completely or not at all: in the widened run every read figure of a `places.csv` place that is
  not a marked level counts against precision, so the measure reads only marked documents (`marked_documents`).
* The measure reads a half's marked documents with the catalogue widened by those places (`widened`) and scores
  `observe` rows and `any_place_year` rows alike (`any_place_figures`): a figure is found when its indicator, place,
  year and value are read; an observation is right when it is such a figure. Changes taken for levels and silent
  figures are counted as in the catalogue-place measure.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from targetwatch.catalogue import Catalogue, Jurisdiction

PLACES_FILE = "places.csv"
COLUMN = "any_place_year"
MARK = "any_place"  # corpus.csv: `marked` on a document annotated completely for other places' levels


def marked_documents(corpus: pd.DataFrame) -> pd.DataFrame:
    """The documents annotated for other places' levels (corpus.csv `any_place` = `marked`)."""
    if MARK not in corpus:
        return corpus.iloc[0:0]
    return corpus[corpus[MARK].fillna("") == "marked"]


def load_places(root: Path) -> list[Jurisdiction]:
    """The evaluation's places outside the catalogue (`places.csv`: aliases separated by `|`)."""
    path = root / PLACES_FILE
    if not path.is_file():
        return []
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [
        Jurisdiction(
            code=r.code,
            admin_code=r.admin_code,
            name_zh=r.name_zh,
            name_en=r.name_en,
            level=r.level,  # type: ignore[arg-type]
            parent=r.parent or None,
            aliases=[a for a in r.aliases.split("|") if a],
        )
        for r in table.itertuples()
    ]


def widened(catalogue: Catalogue, places: list[Jurisdiction]) -> Catalogue:
    """The catalogue with the evaluation's places added as jurisdictions (indicators and targets unchanged)."""
    known = {j.code for j in catalogue.jurisdictions}
    clash = known & {p.code for p in places}
    if clash:
        raise ValueError(f"{PLACES_FILE} repeats catalogue places: {sorted(clash)}")
    return catalogue.model_copy(update={"jurisdictions": [*catalogue.jurisdictions, *places]})


def any_place_figures(figures: pd.DataFrame, places: list[Jurisdiction]) -> pd.DataFrame:
    """`figures` with each `any_place_year` row scored as a level to read (`observe`, that year); checked first:
    such a row is `other`, names a catalogue indicator and a place of `places.csv`, and a four-digit year."""
    if COLUMN not in figures:
        return figures
    marked = figures[COLUMN] != ""
    rows = figures[marked]
    bad = rows[
        (rows["expect"] != "other")
        | (rows["indicator"] == "")
        | ~rows["jurisdiction"].isin({p.code for p in places})
        | ~rows[COLUMN].str.fullmatch(r"(?:19|20)\d{2}")
    ]
    if len(bad):
        raise ValueError(f"figures.csv: {COLUMN} rows that are not other places' levels: {bad.index.tolist()}")
    out = figures.copy()
    out.loc[marked, "expect"] = "observe"
    out.loc[marked, "year"] = rows[COLUMN]
    return out
