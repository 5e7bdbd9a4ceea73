"""The target catalogue: `targets.yaml` models, loading, validation and provenance checks.

Every problem is reported as `targets.yaml:LINE: id: problem`, because the people who maintain the
catalogue are statisticians editing a YAML file, not programmers reading tracebacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from targetwatch import catalogue_arrow, catalogue_yaml, collector, vocab
from targetwatch.catalogue_arrow import (  # noqa: F401  (re-exported: the assessment and the evaluation read them here)
    TARGET_COLUMNS,
    quote_offsets,
)
from targetwatch.catalogue_yaml import Lines
from targetwatch.documents import LoadedDocument

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Comparator = Literal[
    "at_least",
    "exceed",
    "at_most",
    "approx",
    "exact",
    "range",
    "growth_rate",
    "multiple_of_baseline",
    "relative_to_reference",
    "qualitative",
    "rank_at_most",
    "growth_above_reference",
]
Kind = Literal["outcome", "sub_target", "coverage", "policy_floor", "qualitative"]
RankScope = Literal["world", "national", "province", "city", "county", "district"]
assert set(RankScope.__args__) == set(vocab.RANK_SCOPES)  # type: ignore[attr-defined]
UnitCode = Literal["count", "persons", "households", "items", "yuan", "percent", "sqm", "rank"]
Monotone = Literal["non_decreasing", "may_fall"]
assert set(Comparator.__args__) == set(vocab.COMPARATORS)  # type: ignore[attr-defined]
assert set(Kind.__args__) == set(vocab.KINDS)  # type: ignore[attr-defined]
assert set(UnitCode.__args__) == set(vocab.UNIT_CODES)  # type: ignore[attr-defined]
assert set(Monotone.__args__) == set(vocab.MONOTONE)  # type: ignore[attr-defined]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Jurisdiction(_Strict):
    code: str
    admin_code: str = Field(pattern=r"^\d{6}$", description="GB/T 2260 administrative division code")
    name_zh: str
    name_en: str
    level: Literal["national", "province", "prefecture"]
    parent: str | None = None
    aliases: list[str] = []


class Indicator(_Strict):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_zh: str
    name_en: str
    unit: UnitCode
    measure: Literal["stock", "flow", "rate"]
    direction: Literal["increase", "decrease"] = "increase"
    definition_en: str
    definition_zh: str | None = None
    aliases: list[str] = Field(default=[], description="simplified and traditional names used in reports")
    proxy_of: str | None = Field(default=None, description="the indicator this one approximates, if any")
    proxy_note: str | None = None
    share: bool = Field(default=False, description="a part of a whole in percent (0..100); a figure outside is "
                        "quarantined. Growth rates and changes are not shares (they may be negative)")
    monotone: Monotone | None = Field(
        default=None,
        description="declared behaviour over time: only a declared non_decreasing indicator (a cumulative total) "
        "lets a verdict be inferred from another year's figure; absent reads as may_fall",
    )
    monotone_reason: str | None = Field(default=None, description="why the indicator can or cannot fall")

    @model_validator(mode="after")
    def _monotone_has_reason(self) -> Indicator:
        """A declaration without its reason cannot be reviewed, so it is refused."""
        if self.monotone is not None and not (self.monotone_reason or "").strip():
            raise ValueError(f"monotone: {self.monotone} needs monotone_reason (why it can or cannot fall)")
        if self.monotone_reason is not None and self.monotone is None:
            raise ValueError("monotone_reason without monotone: declare non_decreasing or may_fall")
        return self


class Source(_Strict):
    document: str
    clause: str
    quote: str = Field(min_length=4)


class Target(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    jurisdiction: str
    indicator: str | None = None
    name_zh: str
    name_en: str
    kind: Kind
    comparator: Comparator
    value: float | None = None
    value_high: float | None = None
    tolerance: float | None = Field(default=None, gt=0, lt=1)
    multiple: float | None = Field(default=None, gt=0)
    baseline_year: int | None = Field(default=None, ge=1990, le=2100)
    baseline_value: float | None = None
    reference_jurisdiction: str | None = None
    scope: RankScope | None = None  # the ranking a rank_at_most target is placed in (全省前40位: province)
    deadline: int | None = Field(default=None, ge=1990, le=2100)
    per_year: bool = False
    plan_start: int | None = Field(default=None, ge=1990, le=2100)
    headline: bool = False
    parent: str | None = None
    departments: list[str] = []
    department_role: Literal["lead", "shared"] | None = None
    sources: list[Source] = Field(min_length=1)
    notes: str | None = None

    @model_validator(mode="after")
    def _comparator_needs(self) -> Target:
        """Each comparator needs its own fields; say which one is missing in plain words."""
        c = self.comparator
        if c == "qualitative":
            if self.value is not None:
                raise ValueError("a qualitative target has no value")
            return self
        if self.indicator is None:
            raise ValueError(f"comparator {c} needs an indicator")
        if self.deadline is None and not self.per_year:
            raise ValueError(f"comparator {c} needs a deadline year")
        if c == "range" and (self.value is None or self.value_high is None or self.value_high < self.value):
            raise ValueError("range needs value (low) and value_high (high) with low <= high")
        if c == "multiple_of_baseline" and (self.multiple is None or self.baseline_year is None):
            raise ValueError("multiple_of_baseline needs multiple and baseline_year")
        if c == "rank_at_most" and self.scope is None:
            raise ValueError("rank_at_most needs scope (the ranking: world, national, province, city …)")
        if c in vocab.REFERENCE_COMPARATORS and self.reference_jurisdiction is None:
            raise ValueError(f"{c} needs reference_jurisdiction")
        if c in {"at_least", "exceed", "at_most", "approx", "exact", "growth_rate", "rank_at_most"} \
                and self.value is None:
            raise ValueError(f"comparator {c} needs a value")
        if self.kind == "sub_target" and self.parent is None:
            raise ValueError("a sub_target needs a parent")
        return self

    @property
    def effective_tolerance(self) -> float | None:
        if self.comparator != "approx":
            return None
        return self.tolerance if self.tolerance is not None else vocab.DEFAULT_APPROX_TOLERANCE


class Measure(_Strict):
    """A policy measure with no number (the 2018 Gansu document holds only these), kept for ownership."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    document: str
    clause: str
    title_zh: str
    quote: str = Field(min_length=4)
    departments: list[str] = Field(min_length=1)
    department_role: Literal["lead", "shared"]


class Catalogue(_Strict):
    version: int
    jurisdictions: list[Jurisdiction]
    indicators: list[Indicator]
    targets: list[Target]
    measures: list[Measure] = []

    def target(self, target_id: str) -> Target:
        return next(t for t in self.targets if t.id == target_id)

    def indicator(self, code: str) -> Indicator:
        return next(i for i in self.indicators if i.code == code)


@dataclass
class Problem:
    line: int
    id: str
    message: str

    def format(self, filename: str) -> str:
        return f"{filename}:{self.line}: {self.id}: {self.message}"


class CatalogueError(Exception):
    """Raised with every problem found, each formatted as `file:LINE: id: problem`."""

    def __init__(self, filename: str, problems: list[Problem]):
        self.filename = filename
        self.problems = problems
        super().__init__("\n".join(p.format(filename) for p in problems))


def _entry_id(raw: dict, path: tuple) -> str:
    if len(path) >= 2 and isinstance(raw.get(path[0]), list) and isinstance(path[1], int):
        items = raw[path[0]]
        if path[1] < len(items) and isinstance(items[path[1]], dict):
            return str(items[path[1]].get("id") or items[path[1]].get("code") or f"{path[0]}[{path[1]}]")
    return "catalogue"


def load_catalogue(path: Path, documents: dict[str, LoadedDocument] | None = None,
                   cache: Path | None = None, later: list[Callable[[], None]] | None = None) -> Catalogue:
    """Parse, validate and (when documents are given) verify every quote; raise CatalogueError on any problem.
    With `cache` (the parse cache folder), the parse of an unchanged text is reused (targetwatch.catalogue_yaml);
    with `later` too, a fresh parse is kept only by the call appended to it (catalogue_yaml.read)."""
    filename = path.name
    text = path.read_text(encoding="utf-8")
    try:
        raw, lines = catalogue_yaml.read(text, cache, later)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = f" at column {mark.column + 1}" if mark else ""
        syntax = Problem(line, "catalogue", f"YAML syntax error: {problem}{where}")
        raise CatalogueError(filename, [syntax]) from exc
    if not isinstance(raw, dict):
        raise CatalogueError(filename, [Problem(1, "catalogue", "the file must be a mapping with targets:")])
    try:
        with collector.paused():  # validating 115,524 targets: 2.8-6.6 CPU s with the collector, 1.05 s without
            catalogue = Catalogue.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            # Drop pydantic's discriminator-free model names from the location path.
            loc = tuple(p for p in loc if not (isinstance(p, str) and p[:1].isupper()))
            where = ".".join(str(p) for p in loc[2:]) or "entry"
            msg = err["msg"].removeprefix("Value error, ")
            problems.append(Problem(lines.line(loc), _entry_id(raw, loc), f"{where}: {msg}"))
        raise CatalogueError(filename, problems) from exc
    problems = cross_check(catalogue, lines, documents)
    if problems:
        raise CatalogueError(filename, problems)
    return catalogue


def cross_check(
    catalogue: Catalogue, lines: Lines, documents: dict[str, LoadedDocument] | None
) -> list[Problem]:
    """References that pydantic cannot see: ids unique, codes known, quotes verbatim in their document."""
    problems: list[Problem] = []
    jurisdictions = {j.code for j in catalogue.jurisdictions}
    indicators = {i.code: i for i in catalogue.indicators}
    target_ids = Counter(t.id for t in catalogue.targets)
    measure_ids = Counter(m.id for m in catalogue.measures)

    def add(section: str, index: int, ident: str, message: str, key: str | None = None) -> None:
        path = (section, index, key) if key else (section, index)
        problems.append(Problem(lines.line(path), ident, message))

    for section, counts in (("targets", target_ids), ("measures", measure_ids)):
        seen: set[str] = set()
        for i, ident in enumerate(t.id for t in getattr(catalogue, section)):
            if counts[ident] > 1 and ident in seen:
                add(section, i, ident, "duplicate id (each id must be unique)", "id")
            seen.add(ident)
    for i, ind in enumerate(catalogue.indicators):
        if ind.proxy_of is not None and ind.proxy_of not in indicators:
            add("indicators", i, ind.code, f"proxy_of: unknown indicator {ind.proxy_of!r}", "proxy_of")
    for i, t in enumerate(catalogue.targets):
        if t.jurisdiction not in jurisdictions:
            add("targets", i, t.id, f"jurisdiction: unknown jurisdiction {t.jurisdiction!r}", "jurisdiction")
        if t.reference_jurisdiction is not None and t.reference_jurisdiction not in jurisdictions:
            add(
                "targets",
                i,
                t.id,
                f"reference_jurisdiction: unknown {t.reference_jurisdiction!r}",
                "reference_jurisdiction",
            )
        if t.indicator is not None and t.indicator not in indicators:
            add("targets", i, t.id, f"indicator: unknown indicator {t.indicator!r}", "indicator")
        elif t.indicator is not None and indicators[t.indicator].proxy_of is not None:
            add(
                "targets",
                i,
                t.id,
                f"indicator: {t.indicator!r} is a proxy; targets use the real indicator",
                "indicator",
            )
        if t.parent is not None and t.parent not in target_ids:
            add("targets", i, t.id, f"parent: unknown target {t.parent!r}", "parent")
        if t.parent == t.id:
            add("targets", i, t.id, "parent: a target cannot be its own parent", "parent")
        for s, src in enumerate(t.sources):
            problems += _check_source(lines, ("targets", i, "sources", s), t.id, src.document, src.quote, documents)
    for i, m in enumerate(catalogue.measures):
        problems += _check_source(lines, ("measures", i), m.id, m.document, m.quote, documents)
    return sorted(problems, key=lambda p: p.line)


def _check_source(
    lines: Lines,
    path: tuple,
    ident: str,
    document: str,
    quote: str,
    documents: dict[str, LoadedDocument] | None,
) -> list[Problem]:
    if documents is None:
        return []
    if document not in documents:
        return [Problem(lines.line((*path, "document")), ident, f"document: unknown document {document!r}")]
    if quote not in documents[document].text:
        return [
            Problem(
                lines.line((*path, "quote")),
                ident,
                f"quote: not found verbatim in {documents[document].meta.file}: {quote[:40]!r}",
            )
        ]
    return []


def targets_frame(catalogue: Catalogue) -> pd.DataFrame:
    """The catalogue flattened to the columns the assessment needs (TARGET_COLUMNS, tolerance already defaulted),
    made a column at a time (targetwatch.catalogue_arrow.targets_table).

    It lives with the catalogue (not the assessment) because both the warehouse tables and the assessment read it.
    """
    return catalogue_arrow.frame(catalogue_arrow.targets_table(catalogue), catalogue_arrow.INT_COLUMNS)


@collector.paused()  # the small tables' records and the lists of the large ones' columns: no garbage among them
def catalogue_tables(catalogue: Catalogue, documents: dict[str, LoadedDocument],
                     arrow: bool = False) -> dict[str, pd.DataFrame | pa.Table]:
    """The catalogue as warehouse tables: targets, target_sources, target_departments, indicators,
    jurisdictions, policy_documents, measures. Quote offsets point into the document text.

    The first three (a row or more per target) are built a column at a time (targetwatch.catalogue_arrow); with
    `arrow` they are returned as the Arrow tables, which DuckDB writes without a pandas scan (the catalogue asset),
    else as pandas frames like the other four."""
    import pandas as pd

    columns = catalogue_arrow.CatalogueColumns(catalogue, documents)
    targets = columns.targets_table()
    for name, column in columns.names_columns().items():
        targets = targets.append_column(name, column)
    large = {"targets": targets, "target_sources": columns.sources_table(),
             "target_departments": columns.departments_table()}
    if not arrow:
        large = {name: catalogue_arrow.frame(table, catalogue_arrow.INT_COLUMNS if name == "targets" else ())
                 for name, table in large.items()}
    indicators = pd.DataFrame([i.model_dump() | {"aliases": "|".join(i.aliases)} for i in catalogue.indicators])
    jurisdictions = pd.DataFrame([j.model_dump() | {"aliases": "|".join(j.aliases)} for j in catalogue.jurisdictions])
    docs = pd.DataFrame([d.meta.model_dump() | {"sha256": d.sha256, "chars": len(d.text)} for d in documents.values()])
    measures = pd.DataFrame(
        [m.model_dump() | {"departments": "、".join(m.departments),
                           "char_start": quote_offsets(m.quote, documents[m.document].text)[0]
                           if m.document in documents else None}
         for m in catalogue.measures],
        columns=["id", "document", "clause", "title_zh", "quote", "departments", "department_role", "char_start"],
    )
    return {
        **large,
        "indicators": indicators,
        "jurisdictions": jurisdictions,
        "policy_documents": docs,
        "measures": measures,
    }
