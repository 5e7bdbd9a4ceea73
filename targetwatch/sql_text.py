"""SQL string literals, for the places DuckDB takes no parameter: a file path in COPY, ATTACH or read_parquet, a
list or CASE written into a statement's text. One rule (single quotes, an inner quote doubled) in one place."""

from __future__ import annotations

import os
from collections.abc import Iterable


def sql_text(value: str | os.PathLike[str]) -> str:
    """`value` (a path as its text) as a SQL string literal, quotes included: it's -> 'it''s'."""
    return "'" + str(value).replace("'", "''") + "'"


def sql_list(values: Iterable[str]) -> str:
    """The SQL literals of `values` (strings), comma-separated, without brackets: ('a', 'b') -> 'a', 'b'."""
    return ", ".join(sql_text(v) for v in values)
