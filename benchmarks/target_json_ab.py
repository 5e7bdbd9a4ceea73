"""The data files' target objects (all but their charts) two ways, A B B A in one process, on a refreshed warehouse:
`uv run python -m benchmarks.target_json_ab WAREHOUSE [--passes ABBA] [--batches N]`.

WAREHOUSE is a refreshed warehouse (SYNTHETIC, `benchmarks/run.py`'s `out/warehouse.duckdb`); it is only read (open
it on a copy if a refresh may write it). The dashboards step runs as `benchmarks.site_steps --steps dashboards` runs it
up to the data files' batches (read_site_data, target_rows, briefs are skipped: `DataFiles` is made, then its
`write` is replaced by this measure). Each batch's target objects but their charts (the `heads` and `tails` that
`write_batch` puts around each target's charts) are then made, pass after pass:

- A, the Python dicts (as until session 18, b610fe5's parent): the display columns by `json_values`, one dict per
  target with the empty values left out, its trail, per-year lists, sources and owners (dicts made once, as the
  constructor made them), each encoded by orjson (page._json_bytes);
- B, DuckDB over the batch (`target_json.TargetJson.objects`, main since session 18): the display columns by
  `Column.of`, one query per batch.

Every batch's texts are compared A against B byte for byte (an error if one differs). Per pass: user and system CPU
seconds of this process (getrusage: DuckDB's threads too), minor page faults, and wall; A's one-off dicts of sources
and owners and B's registered tables are timed apart. Prints one JSON line per pass, then a summary line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from targetwatch.render import data_files
from targetwatch.render.page import _json_bytes, department_slug, is_empty, json_values
from targetwatch.render.rows import TRAIL_KEYS
from targetwatch.render.target_json import Column, TargetJson, series_columns


def _usage() -> tuple[float, float, int, float]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime, r.ru_stime, r.ru_minflt, time.perf_counter()


def _since(before: tuple[float, float, int, float]) -> dict:
    now = _usage()
    return {"user_s": round(now[0] - before[0], 3), "sys_s": round(now[1] - before[1], 3),
            "cpu_s": round(now[0] - before[0] + now[1] - before[1], 3), "minflt": now[2] - before[2],
            "wall_s": round(now[3] - before[3], 3)}


class Dicts:
    """A: the per-target dicts of b610fe5's parent, their members before the charts and after them encoded apart."""

    def __init__(self, files: data_files.DataFiles) -> None:
        data = files.layout.data
        sources_of: dict[str, list] = {}
        src = data.target_sources.sort_values(["target_id", "source_order"], kind="stable")
        for tid, doc, clause, quote in zip(src["target_id"], src["document"], src["clause"], src["quote"],
                                           strict=True):
            sources_of.setdefault(tid, []).append([doc, clause, quote])
        owners_of: dict[str, list] = {}
        owners = data.target_departments
        owners = owners[owners["owner_type"] == "target"]
        slugs = {d: department_slug(d) for d in set(owners["department"].dropna())}
        for tid, dept, role in zip(owners["target_id"], owners["department"], owners["role"], strict=True):
            owners_of.setdefault(tid, []).append([dept, None if is_empty(role) else role, slugs.get(dept)])
        self.sources_of, self.owners_of = sources_of, owners_of

    def objects(self, files: data_files.DataFiles, group, positions: np.ndarray, order: list[int],
                at: np.ndarray, spans: list[tuple[int, int]]) -> tuple[list[bytes], list[bytes]]:
        part = {c: json_values(files.rows[c].take(positions), digits=6) for c in files.view}
        ycols = {short: v.take(at).to_pylist() for short, v in files.ycols.items()}
        shown = files.json.shown
        heads, tails = [], []
        for k, (tid, shown_row, trail_row) in enumerate(zip(
                part["target_id"], zip(*(part[c] for c in shown), strict=True),
                zip(*(part[t] for t in TRAIL_KEYS), strict=True), strict=True)):
            r = {c: v for c, v in zip(shown, shown_row, strict=True) if v is not None and v != [] and v != {}}
            code = part["jurisdiction"][k]
            if code is not None:
                r["jurisdiction"] = code
            trail = list(trail_row)
            while trail and trail[-1] is None:
                trail.pop()
            if trail:
                r["trail"] = trail
            s, e = spans[k]
            years = {key: p for key, v in ycols.items() if (p := v[s:e]).count(None) < len(p)}
            if years:
                r["years"] = years
            t: dict = {}
            if sources := self.sources_of.get(tid):
                t["sources"] = sources
            if owners := self.owners_of.get(tid):
                t["departments"] = owners
            i = order[k]
            if own := files.own_s[i]:
                t["series"] = "|".join(own)
            if ref := files.ref_s[i]:
                t["reference_series"] = "|".join(ref)
            if proxy := files.proxy_s[i]:
                t["proxy_series"] = ["|".join(key) for key in proxy]
            heads.append(_json_bytes(r)[1:-1])
            tails.append(_json_bytes(t)[1:-1])
        return heads, tails


def _batch(files: data_files.DataFiles, b: int):
    """The batch's positions in the rows, its order, its per-year rows' positions and each target's span of them."""
    group = files.batches[b]
    count = sum(len(m) for _, m in group)
    positions = np.fromiter((i for _, m in group for i in m), dtype=np.int64, count=count)
    order = positions.tolist()
    taken, spans, year_of = [], [], []
    for i in order:
        s, e = files.years_of.get(files.target_ids[i], (0, 0))
        spans.append((len(taken), len(taken) + e - s))
        taken.extend(range(s, e))
        year_of.append(e - s)
    return group, positions, order, np.asarray(taken, dtype=np.int64), spans, year_of


def duckdb_objects(files: data_files.DataFiles, group, positions: np.ndarray, order: list[int], at: np.ndarray,
                   year_of: list[int]) -> tuple[list[bytes], list[bytes]]:
    """B: as DataFiles._job makes them (its `_columns`' display part, then target_json)."""
    part = {c: Column.of(files.rows[c].take(positions)) for c in files.view}
    own, ref, proxy = ([v[i] for i in order] for v in (files.own_s, files.ref_s, files.proxy_s))
    return files.json.objects(
        part | series_columns(own, ref, proxy), list(TRAIL_KEYS),
        {short: Column(v.take(at), False) for short, v in files.ycols.items()},
        np.repeat(np.arange(len(order), dtype=np.int64), year_of))


def measure(files: data_files.DataFiles, passes: str, batches: int | None) -> dict:
    n = len(files.batches) if batches is None else min(batches, len(files.batches))
    prepared = [_batch(files, b) for b in range(n)]
    before = _usage()
    dicts = Dicts(files)
    setup = {"A_dicts_of_sources_and_owners": _since(before)}
    # B's shared tables are made in DataFiles.__init__ (TargetJson); their registration on first use:
    before = _usage()
    files.json._connection()
    setup["B_connection_and_tables"] = _since(before)
    print(json.dumps({"setup": setup, "batches": n, "targets": sum(len(p[2]) for p in prepared)}), flush=True)
    results, reference = [], {}
    for p, kind in enumerate(passes):
        load = os.getloadavg()[0]
        before = _usage()
        for b, (group, positions, order, at, spans, year_of) in enumerate(prepared):
            if kind == "A":
                got = dicts.objects(files, group, positions, order, at, spans)
            else:
                got = duckdb_objects(files, group, positions, order, at, year_of)
            if b in reference:
                if got != reference[b]:
                    bad = next(i for i, (x, y) in enumerate(zip(*got, *reference[b], strict=False)) if x != y)
                    raise SystemExit(f"batch {b}: {kind} differs from the first pass at target {bad}")
            else:
                reference[b] = got
            del got
        rec = {"pass": p, "kind": kind, **_since(before), "load_before": round(load, 2),
               "load_after": round(os.getloadavg()[0], 2)}
        results.append(rec)
        print(json.dumps(rec), flush=True)
    summary = {k: round(sum(r["cpu_s"] for r in results if r["kind"] == k) / max(1, passes.count(k)), 3)
               for k in sorted(set(passes))}
    print(json.dumps({"mean_cpu_s": summary, "identical": True}), flush=True)
    return {"setup": setup, "passes": results, "mean_cpu_s": summary}


class _Done(Exception):
    pass


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("warehouse", type=Path)
    p.add_argument("--passes", default="ABBA")
    p.add_argument("--batches", type=int, default=None)
    args = p.parse_args(argv)
    from targetwatch.render.dashboards import build_dashboards, read_site_data
    from targetwatch.warehouse import connect

    def write(self, claim) -> dict:
        measure(self, args.passes, args.batches)
        raise _Done

    data_files.DataFiles.write = write  # measured, then the build stops
    site = Path(f"/tmp/SYNTHETIC-target-json-ab-{os.getpid()}")
    with connect(args.warehouse, read_only=True) as con:
        data = read_site_data(con, run_id="SYNTHETIC-target-json-ab", code_version="benchmark")
        try:
            build_dashboards(data, site, "zh")
        except _Done:
            pass
    pa.default_memory_pool().release_unused()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
