"""Each target's object in the large layout's data files (data/<code>.js), but its charts, as JSON text: the members
before the charts (its display columns with the empty ones left out, jurisdiction, calculation trail, per-year rows)
and after them (sources, owning departments, the series it reads). `write_batch` (data_files) puts a target's charts
between the two texts.

Each object is a Python dict encoded as dump_js encodes it (page.members_json), from the batch's columns
converted together (page.json_values). Session 18 wrote them by one DuckDB query per batch instead (to_json of each
column, concat_ws, the per-year lists aggregated per target); session 20 measured the two on the SYNTHETIC national
workload (115,524 targets, 24 batches, A B B A twice in one process, the texts byte for byte equal; the harness,
benchmarks/target_json_ab.py, is at commit 13335ae): the dicts 2.51-2.76 CPU s, DuckDB 3.55-4.18 CPU s (its user
time alone 3.39-3.88 against 2.50-2.62, and 35,000 to 134,000 minor page faults against under 43,000), so the
dicts came back (docs/scaling.md, Session 20)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from targetwatch.render.page import department_slug, is_empty, members_json

# A target's members before its charts (HEAD) and after them (TAIL), in the data file's order (target-view.js
# reads them by name). `shown` (the display columns) and "jurisdiction" come first, then these.
TRAIL, YEARS = "trail", "years"
TAIL: tuple[str, ...] = ("sources", "departments", "series", "reference_series", "proxy_series")

Key = tuple[str, str]


class TargetJson:
    """The objects of the data files' targets, a batch at a time (`objects`), with what every batch shares: each
    target's sources (in source order: document, clause, quote) and its owning departments (owner_type "target", in
    the table's order: department, role, the department page's slug)."""

    def __init__(self, sources: pd.DataFrame, owners: pd.DataFrame, shown: list[str]) -> None:
        self.shown = shown
        sources_of: dict[str, list] = {}
        src = sources.sort_values(["target_id", "source_order"], kind="stable")
        for tid, doc, clause, quote in zip(src["target_id"], src["document"], src["clause"], src["quote"],
                                           strict=True):
            sources_of.setdefault(tid, []).append([doc, clause, quote])
        owners_of: dict[str, list] = {}
        own = owners[owners["owner_type"] == "target"]
        slugs = {d: department_slug(d) for d in set(own["department"].dropna())}
        for tid, dept, role in zip(own["target_id"], own["department"], own["role"], strict=True):
            owners_of.setdefault(tid, []).append([dept, None if is_empty(role) else role, slugs.get(dept)])
        self.sources_of, self.owners_of = sources_of, owners_of

    def close(self) -> None:
        """Let the shared lists go (every batch written: the pages after the data files need neither)."""
        self.sources_of, self.owners_of = {}, {}

    def objects(self, part: dict[str, list], trail: Sequence[str], years: dict[str, list],
                spans: Sequence[tuple[int, int]], own: Sequence[Key | None], ref: Sequence[Key | None],
                proxy: Sequence[list[Key] | None]) -> tuple[list[bytes], list[bytes]]:
        """(heads, tails) of the batch's targets, in order: each the JSON text of its members ("" for none) before
        the charts (the `shown` columns with values, jurisdiction, trail, years) and after them (sources,
        departments, series, reference_series, proxy_series). `part` holds the batch's target_id, every shown and
        trail column and jurisdiction as JSON values (page.json_values); `years` the batch's per-year columns
        (YEAR_KEYS' short names, in their order), target i's rows being `spans[i]`; `own`, `ref` and `proxy` the
        series each target reads (a (jurisdiction, indicator) key, none, or a list of them)."""
        shown = self.shown
        heads: list[bytes] = []
        tails: list[bytes] = []
        none = ((),) * len(part["target_id"])  # no columns: an empty row per target (zip() of none yields no row)
        rows = zip(part["target_id"], part["jurisdiction"],
                   zip(*(part[c] for c in shown), strict=True) if shown else none,
                   zip(*(part[t] for t in trail), strict=True) if trail else none, spans, own, ref, proxy, strict=True)
        for tid, code, shown_row, trail_row, (s, e), own_k, ref_k, proxy_k in rows:
            r = {c: v for c, v in zip(shown, shown_row, strict=True) if v is not None and v != [] and v != {}}
            if code is not None:
                r["jurisdiction"] = code
            values = list(trail_row)  # in the trail's order, its trailing missing values left out
            while values and values[-1] is None:
                values.pop()
            if values:
                r[TRAIL] = values
            per_year = {key: p for key, v in years.items() if (p := v[s:e]).count(None) < len(p)}
            if per_year:
                r[YEARS] = per_year
            t: dict = {}
            if sources := self.sources_of.get(tid):
                t["sources"] = sources
            if owners := self.owners_of.get(tid):
                t["departments"] = owners
            if own_k:
                t["series"] = "|".join(own_k)
            if ref_k:
                t["reference_series"] = "|".join(ref_k)
            if proxy_k:
                t["proxy_series"] = ["|".join(k) for k in proxy_k]
            heads.append(members_json(r))
            tails.append(members_json(t))
        return heads, tails
