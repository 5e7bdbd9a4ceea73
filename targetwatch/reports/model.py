"""What every reader shares: the shape it returns (raw rows as written, with where they stand in the file),
the catalogue's aliases as readers search them, and the few marks a file can carry about itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from targetwatch.units import fold_with_offsets, normalise_text, to_simplified

if TYPE_CHECKING:
    from targetwatch.catalogue import Catalogue

# Columns of a raw row. Readers fill what their format has and leave the rest empty.
RAW_COLUMNS: tuple[str, ...] = (
    "sheet",  # worksheet name (Excel) or empty
    "row_number",  # 1-based line/row in the file or sheet
    "column_name",  # header of the value column (wide tables) or empty
    "location",  # human-readable: 'line 5', 'Sheet1!C7', 'sentence 3 [120:148]'
    "char_start",  # offsets of the figure in the decoded text (communiqués)
    "char_end",
    "raw_content",  # the row or sentence as written, for auditors and quarantine
    "jurisdiction_raw",
    "indicator_raw",
    "year_raw",
    "year_basis",  # how the year was found when the row does not state it (carried, work report, …); else empty
    "value_raw",
    "unit_raw",
    "period_type",  # annual | partial
    "figure_type",  # actual | forecast
    "release_date_raw",
    "source_title",
    "source_ref",
    "confidence",
    "notes",
)

REJECT_COLUMNS: tuple[str, ...] = ("sheet", "row_number", "location", "raw_content", "reason")


@dataclass
class ReadResult:
    """What a reader found in one file: raw rows and rows it had to reject (with reasons)."""

    format: str
    rows: pd.DataFrame
    rejected: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(REJECT_COLUMNS)))
    encoding: str | None = None  # detected text encoding, or "xlsx"
    release_date: str | None = None  # file-level release date, if the file states one
    title: str | None = None
    synthetic: bool = False  # the file declares itself synthetic (comment line or title)
    missing_values: int = 0  # value cells written as a missing mark (— … empty): not figures, only counted

    def __post_init__(self) -> None:
        self.rows = _conform(self.rows, RAW_COLUMNS)
        self.rejected = _conform(self.rejected, REJECT_COLUMNS)


def _conform(df: pd.DataFrame | list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    """The frame with exactly `columns`, in order, on a fresh index; a missing column is all None (object). Made in
    one construction from the columns' arrays (their dtypes kept), not a column inserted at a time nor a selection,
    a filler frame and a concatenation (a yearbook table lacks about 17 of RAW_COLUMNS; 460 national yearbook files
    make 920 frames: 1.0 -> 0.65 ms each)."""
    if not isinstance(df, pd.DataFrame):
        if df and all(isinstance(r, dict) for r in df):
            return _from_records(df, columns)
        df = pd.DataFrame(df)
    n, have = len(df), set(df.columns)
    data = {c: (df[c].array if c in have else np.full(n, None, dtype=object)) for c in columns}
    return pd.DataFrame(data, index=pd.RangeIndex(n), columns=list(columns))


def _from_records(records: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    """What `_conform(pd.DataFrame(records), columns)` makes, in one construction instead of two: each record as a
    tuple of `columns`, a key it lacks NaN where another record has that key (as pandas fills a list of dicts) and
    None where none has it (`_conform`'s filler), then pandas infers each column's dtype from those values as it does
    for the dicts (one object array per column either way). A reader's records of one file, not observations at
    scale: the 460 national yearbooks' 920 frames of 2,106 records 0.86-1.01 -> 0.45-0.55 CPU s, equal frames."""
    present = set().union(*map(dict.keys, records))
    fill = [np.nan if c in present else None for c in columns]
    return pd.DataFrame([tuple(r.get(c, f) for c, f in zip(columns, fill, strict=True)) for r in records],
                        columns=list(columns))


class UnreadableReportError(ValueError):
    """A file that cannot be read at all; the message names the file and the problem."""


class ReportIOError(OSError):
    """A file the system could not open or read (locked, a share that hiccups): not a verdict on its content.

    It is never recorded as a failed file: the step is retried, and if it persists the run fails naming the file,
    so a refresh never publishes figures that silently lack a report."""


# --- marks a file carries about itself --------------------------------------------------------------

_SYNTHETIC_COMMENT = re.compile(r"^\s*(?:#|<!--)\s*data\s*[:：]\s*synthetic\b", re.IGNORECASE)
_SYNTHETIC_WORD = re.compile(r"synthetic", re.IGNORECASE)
_RELEASE = re.compile(
    r"(?:发布日期|發布日期|发布时间|發布時間|发布于|發布於|releasedate|released)[:：]?"
    r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})",
    re.IGNORECASE,
)


def declares_synthetic(line: str) -> bool:
    """A comment line `# data: synthetic` (CSV, TXT) or `<!-- data: synthetic -->` (HTML)."""
    return bool(_SYNTHETIC_COMMENT.match(line))


def title_says_synthetic(title: str) -> bool:
    """The word SYNTHETIC (any case) in a title row: yearbook fixtures and test tables say so there."""
    return bool(_SYNTHETIC_WORD.search(title))


def find_release_date(text: str) -> str | None:
    """An explicitly labelled release date ('发布日期：2020年3月5日', '发布时间: 2020-03-05') as ISO, else None."""
    for m in _RELEASE.finditer(normalise_text(text)):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    return None


# --- the catalogue's aliases, as readers search running text for them ---------------------------------

# Words that name "the document's own jurisdiction": they are resolved to the file's jurisdiction, never
# looked up in the catalogue (where `全省` happens to be an alias of one province).
GENERIC_JURISDICTIONS: tuple[str, ...] = ("全省", "全市", "全区", "全州", "全县", "本省", "本市", "全省域", "全市域")


def alias_map(catalogue: Catalogue) -> tuple[dict[str, str], dict[str, str]]:
    """Lookup keys (code, names, aliases; simplified and as written) -> code, for jurisdictions and indicators.

    Built once per process for each content of the names it reads: folding and simplifying every name cost ~2.1 CPU
    ms for the bundled catalogue (0.02 ms from the cache), and every `Normaliser` and `Aliases.from_catalogue` asks
    for it (each `normalise()` and `ingest_folder` call; docs/testing.md, session 16). Each caller gets its own
    copies of the two dicts."""
    jur, ind = _alias_maps(
        tuple((j.code, j.name_zh, j.name_en, tuple(j.aliases), j.level) for j in catalogue.jurisdictions),
        tuple((i.code, i.name_zh, i.name_en, tuple(i.aliases)) for i in catalogue.indicators))
    return dict(jur), dict(ind)


@lru_cache(maxsize=8)
def _alias_maps(jurisdictions: tuple[tuple, ...], indicators: tuple[tuple, ...],
                ) -> tuple[dict[str, str], dict[str, str]]:
    """`alias_map` of (code, name_zh, name_en, aliases, level) per jurisdiction and (code, name_zh, name_en, aliases)
    per indicator (never handed out: `alias_map` copies)."""

    def keys(code: str, *names: str) -> dict[str, str]:
        out = {}
        for n in (code, *names):
            if n:
                k = normalise_text(n).lower()
                out[k] = code
                out[to_simplified(k)] = code
        return out

    jur: dict[str, str] = {}
    for code, name_zh, name_en, aliases, level in jurisdictions:
        jur |= keys(code, name_zh, name_en, *aliases)
        # the nation's everyday name: 2021年中國R&D經費投入達27864億元 (u11_nat_2021_rd_prelim_trad, dev since round 7);
        # an outlet's or organisation's 中国 (中国甘肃网, 中国科学院) is not a place (communique._place_is_mentioned)
        if level == "national":
            jur |= keys(code, "中国")
    ind: dict[str, str] = {}
    for code, name_zh, name_en, aliases in indicators:
        ind |= keys(code, name_zh, name_en, *aliases)
    return jur, ind


@dataclass(frozen=True)
class AliasMatch:
    start: int  # offsets in the folded text (see units.fold_with_offsets)
    end: int
    code: str
    key: str  # the catalogue key that matched, folded


class Aliases:
    """Lookup keys -> codes for jurisdictions and indicators, as `alias_map(catalogue)` builds them
    (codes, names, aliases; folded: NFKC, lower case, simplified script)."""

    def __init__(
        self,
        jurisdictions: Mapping[str, str],
        indicators: Mapping[str, str],
        levels: Mapping[str, str] | None = None,
        parents: Mapping[str, tuple[str, str]] | None = None,
    ):
        self.jurisdictions = dict(jurisdictions)
        self.indicators = dict(indicators)
        self.levels = dict(levels or {})  # jurisdiction code -> level (national, province, prefecture, …)
        self.parents = dict(parents or {})  # jurisdiction code -> (its parent's code, the parent's name_zh)

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> Aliases:
        names = {j.code: j.name_zh for j in catalogue.jurisdictions}
        parents = {j.code: (j.parent, names[j.parent]) for j in catalogue.jurisdictions if j.parent in names}
        return cls(*alias_map(catalogue), {j.code: j.level for j in catalogue.jurisdictions}, parents)

    @staticmethod
    def _pattern(keys: list[str]) -> re.Pattern[str]:
        keys = sorted({k for k in keys if len(k) >= 2}, key=lambda k: (-len(k), k))  # longest first wins
        return re.compile("|".join(map(re.escape, keys)) or r"(?!x)x")

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        generic = set(GENERIC_JURISDICTIONS)
        return {
            "jurisdiction": self._pattern([k for k in self.jurisdictions if k not in generic]),
            "indicator": self._pattern(list(self.indicators)),
            "generic": self._pattern(list(GENERIC_JURISDICTIONS)),
        }

    @cached_property
    def indicator_keys(self) -> dict[str, list[str]]:
        """Code -> every folded key of that indicator (to tell '国家级众创空间' from a name that includes 国家级)."""
        out: dict[str, list[str]] = {}
        for k, code in self.indicators.items():
            out.setdefault(code, []).append(k)
        return out

    def find_folded(self, folded: str, kind: Literal["jurisdiction", "indicator", "generic"]) -> list[AliasMatch]:
        """Leftmost-longest, non-overlapping matches in text already folded with `fold_with_offsets`."""
        table = {"indicator": self.indicators, "jurisdiction": self.jurisdictions}.get(kind, {})
        return [
            AliasMatch(m.start(), m.end(), table.get(m.group(), m.group()), m.group())
            for m in self._patterns[kind].finditer(folded)
        ]

    def first_jurisdiction(self, text: str) -> str | None:
        """The first non-generic jurisdiction named in `text`, as written there (e.g. '山西省'), or None."""
        folded, index = fold_with_offsets(text)
        found = self.find_folded(folded, "jurisdiction")
        if not found:
            return None
        m = found[0]
        return text[index[m.start] : index[m.end - 1] + 1]
