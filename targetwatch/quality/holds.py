"""Holds: the rows of a report file that failed the blocking check, held back so the rest publishes.

When `observations_valid` (severity error) fails on rows that belong to report files, those rows are moved from
`observations` to the quarantine (`rejected_rows`) with a reason naming the check and the expectation, e.g.
`held: observations_valid / expect_column_values_to_be_between(value)`, and the run goes on with the rest. The
decision is set-wise in SQL over `check_failures`, which names each failing row by observation id and file.

A blocking failure that no file's rows explain (an expectation on the whole table, or a failing row without an
observation id or file) means the warehouse itself is invalid: nothing is held and the run fails, as does a
failure that would hold back every observation (nothing would be left to assess; the previous publication stays).
"""

from __future__ import annotations

import pandas as pd

HELD_PREFIX = "held: "  # the quarantine reason of a held row starts with this (and names check / expectation)


def held_files(rejected_rows: pd.DataFrame) -> list[dict]:
    """Per report file with held rows: `file`, `rows` (held rows) and `checks` (the distinct `check / expectation`
    named in their reasons), sorted by file; [] when nothing is held."""
    if not len(rejected_rows) or "reason" not in rejected_rows:
        return []
    reason = rejected_rows["reason"].astype("string")
    held = rejected_rows.loc[reason.str.startswith(HELD_PREFIX).fillna(False), ["source_file", "reason"]]
    if not len(held):
        return []
    parts = (held.assign(check=held["reason"].str.removeprefix(HELD_PREFIX).str.split("; "))
             .explode("check"))
    checks = parts.groupby("source_file")["check"].agg(lambda s: sorted(set(s)))
    rows = held.groupby("source_file").size()
    return [{"file": f, "rows": int(rows[f]), "checks": checks[f]} for f in sorted(rows.index)]
