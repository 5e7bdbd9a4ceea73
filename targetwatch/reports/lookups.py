"""The normaliser's per-spelling maps, as subqueries of its judging statement (targetwatch.reports.normalise).

Each column that needs parsing (jurisdiction, indicator, year, unit, value, release date) is mapped once per distinct
spelling, never once per row: the spellings SQL can map (a plain number, an ISO date) are mapped by SQL expressions,
every other one meets a Python function once. The spellings that need Python are fetched for every map by one
statement (`python_spellings`); each map is then a SELECT (`Lookup.select`) whose Python results travel as list
parameters, one per column, unnested side by side (row i of each list is one distinct spelling), to which the
SQL-mapped spellings are appended. The judging statement reads them as common table expressions.

This used to be a temp table per map, made by two to four statements each (the distinct spellings, the table, and
for a map with SQL expressions a table of the spellings and its drop): 17 statements of 0.3-1.9 CPU ms on a two-row
input, almost all of it planning (docs/testing.md, sessions 16 and 17). A list parameter is also cheaper than a
registered pandas frame (0.8 against 3.3 ms for a few values, session 15).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import duckdb


def sql_repr(expr: str) -> str:
    """Python's repr of a text in SQL, for the common case (no quote or backslash inside)."""
    return "'''' || coalesce(" + expr + ", '') || ''''"


@dataclass(frozen=True)
class Lookup:
    """The map of one raw column's distinct spellings to `fn(spelling)` -> the columns `names` (of SQL `types`).

    With `sql` (name -> SQL expression of `raw`), the spellings for which `where` (SQL of `raw`) holds are mapped by
    those expressions instead, and never meet Python. Its rows: raw (the spelling), raw_repr (Python's repr of it, or
    of '' for NULL), then `names`."""

    column: str
    fn: Callable[[str | None], object]
    names: tuple[str, ...]
    types: tuple[str, ...]
    sql: dict[str, str] = field(default_factory=dict)
    where: str = "false"

    def distinct(self, raw: str) -> str:
        """The distinct spellings of the column in the table `raw`."""
        return f'(SELECT DISTINCT "{self.column}" AS raw FROM "{raw}")'

    def select(self, raw: str, spellings: Sequence[str | None], params: dict[str, object], prefix: str) -> str:
        """The map as a SELECT: `spellings` (those that need Python) mapped by `fn`, sent as list parameters named
        `prefix`… (added to `params`), then the spellings of `raw` that `where` holds of, mapped by `sql`."""
        results = [self.fn(v) for v in spellings]
        if len(self.names) == 1:
            results = [(r,) for r in results]
        params[f"{prefix}raw"] = list(spellings)
        params[f"{prefix}repr"] = [repr(v or "") for v in spellings]
        for i, name in enumerate(self.names):
            params[f"{prefix}{name}"] = [r[i] for r in results]
        cols = ", ".join(f"CAST(unnest(${prefix}{n}) AS {t}) AS {n}" for n, t in zip(self.names, self.types,
                                                                                     strict=True))
        select = (f"SELECT CAST(unnest(${prefix}raw) AS VARCHAR) AS raw, "
                  f"CAST(unnest(${prefix}repr) AS VARCHAR) AS raw_repr, {cols}")
        if self.sql:
            exprs = ", ".join(f"CAST({self.sql[n]} AS {t})" for n, t in zip(self.names, self.types, strict=True))
            select += (f" UNION ALL SELECT raw, {sql_repr('raw')}, {exprs} FROM {self.distinct(raw)} "
                       f"WHERE coalesce({self.where}, false)")
        return select


def python_spellings(con: duckdb.DuckDBPyConnection, raw: str, lookups: Sequence[Lookup]) -> list[list[str | None]]:
    """For each lookup, the distinct spellings of its column in `raw` that meet Python (those its `where` does not
    hold of), all read by one statement."""
    parts = [f"SELECT {i} AS m, raw FROM {lk.distinct(raw)} WHERE NOT coalesce({lk.where}, false)"
             for i, lk in enumerate(lookups)]
    found: list[list[str | None]] = [[] for _ in lookups]
    for m, value in con.execute("\nUNION ALL ".join(parts)).fetchall():
        found[m].append(value)
    return found


def list_select(rows: Sequence[tuple], types: dict[str, str], params: dict[str, object], prefix: str) -> str:
    """A SELECT of `rows` (tuples in the order of `types`), sent as one list parameter per column (named `prefix`…,
    added to `params`) and unnested side by side."""
    for i, name in enumerate(types):
        params[f"{prefix}{name}"] = [r[i] for r in rows]
    return "SELECT " + ", ".join(f'CAST(unnest(${prefix}{n}) AS {t}) AS "{n}"' for n, t in types.items())
