"""The lineage's chains as columns (targetwatch.render.lineage_site; issue 16 item 5: per-jurisdiction data files,
one client-side page).

A jurisdiction's data file (`lineage/data/<code>.js`) holds its targets' chains as columns, not as a dict per
target:

    {"jurisdiction": code, "ids": [target_id, …],
     "columns": {field: [value of the 1st target, value of the 2nd, …], …},   a field in CHAIN_FIELDS' order
     "series": {"jurisdiction|indicator": [[figure fields…], …], …}}

A target's chain is its position in `ids`, and the values of every column at that position that are not null: a
field the chain does not have is a null in its column, and a column no target of the file has is left out. So a
chain read back (`chain_of`; dashboards/static/lineage-view.js does the same) is the dict a target had in the file
before, key for key and value for value (the files' test compares them for every bundled and national target). The
batch's columns are made once for the whole batch (lineage_site.LineageSite._chains) and each jurisdiction takes a
slice of each (`jurisdiction_columns`): no dict per target, and no key written per target and field.
"""

from __future__ import annotations

from typing import Any

# The chain's fields, in the order a chain's dict had them (the display rows', the status and chip, the target's,
# then what the chain adds).
CHAIN_FIELDS: tuple[str, ...] = (
    "name_zh", "name_en", "status_colour", "jurisdiction_zh", "jurisdiction_en", "evidence_basis_zh",
    "evidence_basis_en", "evidence_grade_zh", "evidence_grade_en", "deadline_inferred_from",
    "status", "chip",
    "jurisdiction", "kind", "comparator", "deadline", "reference_jurisdiction", "per_year", "plan_start", "indicator",
    "value", "value_high", "as_of", "reason_zh", "reason_en",
    "sources", "stops_at", "stop", "formula", "own", "ref", "v", "rv", "files", "figures_file", "checks",
)


def jurisdiction_columns(columns: dict[str, list], start: int, end: int) -> dict[str, list]:
    """The columns of the targets at positions start..end-1 of a batch (one jurisdiction's), in CHAIN_FIELDS' order,
    leaving out a column whose every value there is null."""
    out = {}
    n = end - start
    for name in CHAIN_FIELDS:
        part = columns[name][start:end]
        if part.count(None) < n:  # C-level: None is found by identity
            out[name] = part
    return out


def chain_of(payload: dict[str, Any], position: int) -> dict[str, Any]:
    """The chain of the target at `position` of a data file's `ids`: each column's value there that is not null
    (lineage-view.js builds the same object)."""
    return {name: values[position] for name, values in payload["columns"].items() if values[position] is not None}


def chains_of(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """target_id -> its chain (`chain_of`), for every target of a data file."""
    return {tid: chain_of(payload, k) for k, tid in enumerate(payload["ids"])}
