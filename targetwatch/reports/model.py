"""The shape every reader returns: raw rows as written, with where they stand in the file."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# Columns of a raw row. Readers fill what their format has and leave the rest empty.
RAW_COLUMNS: tuple[str, ...] = (
    "sheet",  # worksheet name (Excel) or empty
    "row_number",  # 1-based line/row in the file or sheet
    "column_name",  # header of the value column (wide tables) or empty
    "location",  # human-readable: 'line 5', 'Sheet1!C7', 'sentence 3 [120:148]'
    "char_start",  # offsets of the sentence in the text (communiqués)
    "char_end",
    "raw_content",  # the row or sentence as written, for auditors and quarantine
    "jurisdiction_raw",
    "indicator_raw",
    "year_raw",
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

    def __post_init__(self) -> None:
        for col in RAW_COLUMNS:
            if col not in self.rows.columns:
                self.rows[col] = None
        self.rows = self.rows[list(RAW_COLUMNS)]
        for col in REJECT_COLUMNS:
            if col not in self.rejected.columns:
                self.rejected[col] = None
        self.rejected = self.rejected[list(REJECT_COLUMNS)]


class UnreadableReportError(ValueError):
    """A file that cannot be read at all; the message names the file and the problem."""
