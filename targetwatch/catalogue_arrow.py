"""The catalogue's three large warehouse tables (`targets`, `target_sources`, `target_departments`) built a column
at a time as Arrow tables, which DuckDB writes without looking at a Python object.

Why: nationally (115,524 SYNTHETIC targets) the tables were made as pandas frames from a dict per target (and per
source, per department) and then written by DuckDB's pandas scan of their object columns: 1.4 CPU s to make and
0.2-0.7 s to write, most of the catalogue step after the parse. Here each model attribute is read into one list per
column (the only per-target Python left), the lists become typed Arrow arrays, and everything derived from them
(the defaulted tolerance, per_year, direction, unit and monotone from the indicator, the reference's names, the
documents' list, the quotes' offsets, the repeated ids of sources and departments) is computed on whole columns.

The tables are the ones the pandas frames gave, type for type in DuckDB and value for value
(tests/targetwatch/test_catalogue_arrow.py; the national tables compared in docs/scaling.md), including what the
frames' inference did: a text column with no value at all is Arrow's null type (DuckDB's `"NULL"` type, as an
all-None object column was); an integer column with some missing values is float64 (as pandas made it), and with
none at all the null type. `frame` gives the pandas frame of such a table for callers that want pandas
(`catalogue.catalogue_tables`, `catalogue.targets_frame`).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from targetwatch import vocab

if TYPE_CHECKING:
    import pandas as pd

    from targetwatch.documents import LoadedDocument


class Catalogue(Protocol):
    """What is read here of a `targetwatch.catalogue.Catalogue` (which imports this module, so is not imported)."""

    targets: list
    indicators: list
    jurisdictions: list
    measures: list

TARGET_COLUMNS: tuple[str, ...] = (
    "target_id",
    "jurisdiction",
    "indicator",
    "kind",
    "comparator",
    "value",
    "value_high",
    "tolerance",
    "multiple",
    "baseline_year",
    "baseline_value",
    "reference_jurisdiction",
    "deadline",
    "per_year",
    "plan_start",
    "direction",
    "unit",
    "headline",
    "parent",
    "monotone",
    "reference_name_zh",
    "reference_name_en",
)
FLOAT_COLUMNS = ("value", "value_high", "tolerance", "multiple", "baseline_value")
INT_COLUMNS = ("baseline_year", "deadline", "plan_start")  # pandas' Int64 in `targets_frame`
DEPARTMENT_COLUMNS = ("target_id", "department", "role", "owner_type")


def quote_offsets(quote: str, text: str) -> tuple[int, int]:
    """Character offsets of the first occurrence: a document pasted twice still yields one source."""
    start = text.find(quote)
    return start, start + len(quote)


def text(values: list | pa.Array) -> pa.Array:
    """A text column as a frame of records left it: Arrow strings, or the null type when no value is set (an object
    column of None only, which DuckDB stores with its `"NULL"` type)."""
    array = values if isinstance(values, pa.Array) else pa.array(values, pa.string())
    return pa.nulls(len(array)) if array.null_count == len(array) else array


def integers(values: list | pa.Array) -> pa.Array:
    """An integer column as a frame of records inferred it: int64 when every value is set, float64 when some are
    missing (pandas' NaN), the null type when none is set."""
    array = values if isinstance(values, pa.Array) else pa.array(values, pa.int64())
    if array.null_count == len(array):
        return pa.nulls(len(array))
    return array.cast(pa.float64()) if array.null_count else array


def _lookup(keys: pa.Array, table: dict[str, tuple], width: int) -> list[pa.Array]:
    """For each key, the `width` fields of its entry in `table` (a dict: its last entry for a key given twice), one
    array per field, null where the key is missing or null."""
    at = pc.index_in(keys, value_set=pa.array(list(table), pa.string()))
    return [pa.array([v[k] for v in table.values()], pa.string()).take(at) for k in range(width)]


class _Models:
    """The fields of a list of pydantic models, a column at a time: each model's `__dict__` read once (a third
    faster than attribute reads), each field once, as a list in the models' order."""

    def __init__(self, models: list) -> None:
        self.rows = [vars(m) for m in models]
        self.known: dict[str, list] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, name: str) -> list:
        if name not in self.known:
            self.known[name] = list(map(itemgetter(name), self.rows))
        return self.known[name]

    def strings(self, name: str) -> pa.Array:
        return pa.array(self[name], pa.string())

    def repeated(self, name: str, counts: np.ndarray) -> pa.Array:
        """The field's texts, each as many times as its count (a target's id once per source or department)."""
        return self.strings(name).take(pa.array(np.repeat(np.arange(len(self)), counts)))


class CatalogueColumns:
    """The large tables of one catalogue (and its loaded documents), sharing what they read: the targets' fields,
    their sources flattened (a row per source, in the targets' order)."""

    def __init__(self, catalogue: Catalogue, documents: dict[str, LoadedDocument]) -> None:
        self.catalogue, self.documents = catalogue, documents
        self.targets = _Models(catalogue.targets)
        self.source_counts = np.fromiter(map(len, self.targets["sources"]), dtype=np.int64, count=len(self.targets))
        self.sources = _Models(list(chain.from_iterable(self.targets["sources"])))
        self.source_document = self.sources.strings("document")

    def targets_table(self) -> pa.Table:
        """TARGET_COLUMNS (the columns the assessment needs, tolerance already defaulted)."""
        t, catalogue = self.targets, self.catalogue
        comparator, indicator = t.strings("comparator"), t.strings("indicator")
        reference = t.strings("reference_jurisdiction")
        unit, direction, monotone = _lookup(indicator, {i.code: (i.unit, i.direction, i.monotone)
                                                        for i in catalogue.indicators}, 3)
        ref_zh, ref_en = _lookup(reference, {j.code: (j.name_zh, j.name_en) for j in catalogue.jurisdictions}, 2)
        floats = {c: pa.array(t[c], pa.float64()) for c in FLOAT_COLUMNS}
        floats["tolerance"] = pc.if_else(pc.equal(comparator, "approx"),
                                         pc.coalesce(floats["tolerance"], vocab.DEFAULT_APPROX_TOLERANCE),
                                         pa.scalar(None, pa.float64()))
        ints = {c: pa.array(t[c], pa.int64()) for c in INT_COLUMNS}
        columns = {
            "target_id": text(t["id"]),
            "jurisdiction": text(t["jurisdiction"]),
            "indicator": text(indicator),
            "kind": text(t["kind"]),
            "comparator": text(comparator),
            **{c: floats[c] for c in ("value", "value_high", "tolerance", "multiple")},
            "baseline_year": ints["baseline_year"],
            "baseline_value": floats["baseline_value"],
            "reference_jurisdiction": text(reference),
            "deadline": ints["deadline"],
            # growth above a reference is judged in every year, as a per-year target is (issue 18)
            "per_year": pc.or_(pa.array(t["per_year"], pa.bool_()), pc.equal(comparator, "growth_above_reference")),
            "plan_start": ints["plan_start"],
            "direction": text(pc.if_else(pc.is_in(comparator, pa.array(["at_most", "rank_at_most"])), "decrease",
                                         pc.coalesce(direction, "increase"))),
            "unit": text(unit),
            "headline": pa.array(t["headline"], pa.bool_()),
            "parent": text(t["parent"]),
            "monotone": text(pc.coalesce(monotone, "may_fall")),
            "reference_name_zh": text(ref_zh),
            "reference_name_en": text(ref_en),
        }
        return pa.table(columns)

    def names_columns(self) -> dict[str, pa.Array]:
        """What the `targets` table adds after TARGET_COLUMNS (not the assessment's: the pages' names, owners and
        documents): the departments joined by 、, the documents the target's sources quote (each once, in order)
        joined by | (the first source's document for a target with one source)."""
        t = self.targets
        starts = np.cumsum(self.source_counts) - self.source_counts
        documents = self.source_document.take(pa.array(starts)).to_pylist() if len(t) else []
        for i in np.flatnonzero(self.source_counts != 1).tolist():
            documents[i] = "|".join(dict.fromkeys(s.document for s in t["sources"][i]))
        departments = pa.array(t["departments"], pa.list_(pa.string()))
        return {"name_zh": text(t["name_zh"]), "name_en": text(t["name_en"]),
                "department_role": text(t["department_role"]), "notes": text(t["notes"]),
                "departments": text(pc.binary_join(departments, "、")), "documents": text(documents)}

    def sources_table(self) -> pa.Table:
        """One row per (target, source sentence), the quote's offsets in its document (its first occurrence, found
        once per distinct document and quote) and the document's sha256; None for all three where the document is
        not loaded."""
        document, quote = self.source_document, self.sources.strings("quote")
        key = pc.binary_join_element_wise(document, quote, "\x00")
        distinct = pc.unique(key)
        at = pc.index_in(key, value_set=distinct)
        starts, ends, shas = [], [], []
        for k in distinct.to_pylist():
            doc, q = k.split("\x00", 1)
            loaded = self.documents.get(doc)
            start, end = quote_offsets(q, loaded.text) if loaded is not None else (None, None)
            starts.append(start)
            ends.append(end)
            shas.append(loaded.sha256 if loaded is not None else None)
        counts = self.source_counts
        first = np.repeat(np.cumsum(counts) - counts, counts)  # each row's target's first row
        return pa.table({
            "target_id": text(self.targets.repeated("id", counts)),
            "document": text(document),
            "clause": text(self.sources["clause"]),
            "quote": text(quote),
            "char_start": integers(pa.array(starts, pa.int64()).take(at)),
            "char_end": integers(pa.array(ends, pa.int64()).take(at)),
            "document_sha256": text(pa.array(shas, pa.string()).take(at)),
            "source_order": pa.array(np.arange(len(first), dtype=np.int64) - first),
        })

    def departments_table(self) -> pa.Table:
        """One row per (target or measure, lead department): every target's departments, then every measure's."""
        parts = []
        for owners, owner_type in ((self.targets, "target"), (_Models(self.catalogue.measures), "measure")):
            counts = np.fromiter(map(len, owners["departments"]), dtype=np.int64, count=len(owners))
            parts.append({
                "target_id": owners.repeated("id", counts),
                "department": pa.array(list(chain.from_iterable(owners["departments"])), pa.string()),
                "role": owners.repeated("department_role", counts),
                "owner_type": pa.array([owner_type] * int(counts.sum()), pa.string()),
            })
        return pa.table({c: text(pa.concat_arrays([p[c] for p in parts])) for c in DEPARTMENT_COLUMNS})


def targets_table(catalogue: Catalogue) -> pa.Table:
    """The catalogue flattened to TARGET_COLUMNS (the assessment's columns; `catalogue.targets_frame` as pandas)."""
    return CatalogueColumns(catalogue, {}).targets_table()


def frame(table: pa.Table, int_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """The pandas frame of one of these tables, as the frames of records were: `int_columns` as pandas' Int64."""
    df = table.to_pandas()
    for c in int_columns:
        df[c] = df[c].astype("Int64")
    return df
