"""One measurement per fresh process: `python -m benchmarks.measure STEP WORKDIR [--repeat N] [--sample N]`.

Prints one JSON object (the last line of stdout). Time is wall-clock (`time.perf_counter`) and CPU
(user + system of this process, all threads). Memory is the peak resident set size (RSS) while the measured
code ran: the kernel's high-water mark VmHWM, reset just before the measured code by writing 5 to
/proc/self/clear_refs, read just after. RSS counts everything in the process (inputs already loaded, Python,
pandas and DuckDB's own allocations), so a step's peak includes the data it works on. Where the reset is not
possible the process-lifetime `ru_maxrss` is reported instead and `peak_method` says so.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks.peak import process_peak_kb, reset_step_peak
from targetwatch import synthetic
from targetwatch.catalogue import Catalogue

CATALOGUE_FILE = "SYNTHETIC-benchmark-catalogue.json"
OBSERVATIONS_FILE = "SYNTHETIC-benchmark-observations.parquet"
WAREHOUSE_FILE = "SYNTHETIC-benchmark-warehouse.duckdb"
FLOOR_SQL = ("SELECT jurisdiction, indicator, max(year) AS latest_year, arg_max(value, year) AS latest_value, "
             "count(*) AS n FROM {src} GROUP BY jurisdiction, indicator")


# --- probes ------------------------------------------------------------------------------------------------


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    return reset_step_peak()


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


@contextlib.contextmanager
def probe(record: dict) -> Iterator[None]:
    """Fill `record` with wall_s, cpu_s, rss_before_mb, peak_rss_mb, peak_method and the load average."""
    reset = _reset_peak()
    rss_before = _status_kb("VmRSS") or 0
    load = os.getloadavg()[0]
    t, c = time.perf_counter(), _cpu()
    yield
    record["wall_s"] = round(time.perf_counter() - t, 3)
    record["cpu_s"] = round(_cpu() - c, 3)
    record["rss_before_mb"] = round(rss_before / 1024)
    if reset and _status_kb("VmHWM"):
        record["peak_rss_mb"] = round(_status_kb("VmHWM") / 1024)
        record["peak_method"] = "VmHWM reset via /proc/self/clear_refs"
    else:
        record["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        record["peak_method"] = "ru_maxrss (process lifetime)"
    record["loadavg_1min_before"] = round(load, 2)


def repeated(fn: Callable[[], object], repeat: int) -> tuple[dict, object]:
    """Run `fn` `repeat` times, each probed; report every run and the minimum wall and CPU time."""
    runs, result = [], None
    for _ in range(repeat):
        rec: dict = {}
        with probe(rec):
            result = fn()
        runs.append(rec)
    summary = {
        "wall_s": min(r["wall_s"] for r in runs),
        "cpu_s": min(r["cpu_s"] for r in runs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "rss_before_mb": runs[0]["rss_before_mb"],
        "peak_method": runs[0]["peak_method"],
        "runs": runs,
    }
    return summary, result


# --- inputs ------------------------------------------------------------------------------------------------


def workload_meta(work: Path) -> dict:
    return json.loads((work / "SYNTHETIC-benchmark-workload.json").read_text())


def load_catalogue(work: Path) -> Catalogue:
    return synthetic.load_catalogue_json(work / CATALOGUE_FILE)


def load_observations_frame(work: Path) -> pd.DataFrame:
    """Every column into pandas, as the pipeline hands them to `assess` today (`read_table(..., 'observations')`)."""
    return duckdb.sql(f"SELECT * FROM read_parquet('{work / OBSERVATIONS_FILE}')").df()


def _load(work: Path, out: dict, observations: bool = True) -> tuple[Catalogue, pd.DataFrame | None]:
    rec: dict = {}
    with probe(rec):
        cat = load_catalogue(work)
        obs = load_observations_frame(work) if observations else None
    out["load_inputs"] = rec
    return cat, obs


def _as_of(work: Path) -> dt.date:
    return dt.date.fromisoformat(workload_meta(work)["as_of"])


def save_outputs(assessments: pd.DataFrame | None, years: pd.DataFrame | str | None, folder: Path,
                 con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Both outputs to Parquet through DuckDB (so every run's outputs are compared in the same types)."""
    folder.mkdir(parents=True, exist_ok=True)
    own = con is None
    con = con or duckdb.connect()
    try:
        if assessments is not None:
            con.register("_a", assessments)
            con.execute(f"COPY _a TO '{folder / 'assessments.parquet'}' (FORMAT parquet)")
            con.unregister("_a")
        if isinstance(years, str):
            con.execute(f"COPY (SELECT * FROM \"{years}\") TO '{folder / 'assessment_years.parquet'}' (FORMAT parquet)")
        elif years is not None:
            con.register("_y", years)
            con.execute(f"COPY _y TO '{folder / 'assessment_years.parquet'}' (FORMAT parquet)")
            con.unregister("_y")
    finally:
        if own:
            con.close()


def compare_outputs(reference: Path, candidate: Path) -> dict:
    """Equal values in every column and row (types as read back from Parquet; row order ignored)."""
    from benchmarks.incremental import _nulls

    out = {}
    for name, keys in (("assessments", ["target_id"]), ("assessment_years", ["target_id", "year"])):
        con = duckdb.connect()
        try:
            left = con.execute(f"SELECT * FROM '{reference / name}.parquet' ORDER BY {', '.join(keys)}").df()
            right = con.execute(f"SELECT * FROM '{candidate / name}.parquet' ORDER BY {', '.join(keys)}").df()
        finally:
            con.close()
        same_columns = list(left.columns) == list(right.columns)
        try:
            pd.testing.assert_frame_equal(_nulls(left), _nulls(right.reindex(columns=left.columns)), check_dtype=False)
            out[name] = {"equal": same_columns, "rows": len(left), "same_columns_in_order": same_columns}
        except AssertionError as exc:
            out[name] = {"equal": False, "difference": str(exc)[:400], "columns": _mismatches(left, right)}
    return out


def _mismatches(left: pd.DataFrame, right: pd.DataFrame) -> dict:
    """Per differing column: how many cells differ and a few (key, left, right) examples."""
    from benchmarks.incremental import _nulls

    if len(left) != len(right):
        return {"rows": [len(left), len(right)]}
    lft, rgt = _nulls(left), _nulls(right.reindex(columns=left.columns))
    found = {}
    for col in lft.columns:
        diff = ~((lft[col] == rgt[col]) | (lft[col].isna() & rgt[col].isna()))
        if diff.any():
            idx = diff[diff].index[:3]
            found[col] = {"cells": int(diff.sum()),
                          "examples": [[str(left.loc[i, "target_id"]), str(lft.loc[i, col]), str(rgt.loc[i, col])]
                                       for i in idx]}
    return found


# --- steps -------------------------------------------------------------------------------------------------


def step_floor(work: Path, repeat: int, **_: object) -> dict:
    """(b) the floor: one DuckDB scan-and-aggregate of the same observations `assess` receives."""
    out: dict = {}
    _, obs = _load(work, out)
    con = duckdb.connect()
    con.register("observations", obs)
    out["floor_frame"], res = repeated(lambda: con.execute(FLOOR_SQL.format(src="observations")).fetchall(), repeat)
    out["series"] = len(res)
    con.close()
    del obs
    con = duckdb.connect()
    src = f"read_parquet('{work / OBSERVATIONS_FILE}')"
    out["floor_parquet"], _ = repeated(lambda: con.execute(FLOOR_SQL.format(src=src)).fetchall(), repeat)
    con.close()
    return out


def step_assess(work: Path, repeat: int, **_: object) -> dict:
    """(a) the project's `assess` over the whole workload, inputs as the pipeline gives them."""
    from targetwatch.assessment import assess

    out: dict = {}
    cat, obs = _load(work, out)
    as_of = _as_of(work)
    out["assess"], (a, y) = repeated(lambda: assess(cat, obs, as_of), repeat)
    out["rows"] = {"assessments": len(a), "assessment_years": len(y)}
    out["status_counts"] = {k: int(v) for k, v in a["status"].value_counts().items()}
    save_outputs(a, y, work / "outputs-assess")
    out["breakdown"] = assess_breakdown(cat, obs, as_of)
    return out


def assess_breakdown(cat: Catalogue, obs: pd.DataFrame, as_of: dt.date) -> dict:
    """Where `assess`'s time goes (one untimed-by-the-goal run, stage by stage), beside two floors of the
    DataFrame contract: reading only the columns the rules need out of the frame, and converting the per-year
    rows to pandas."""
    from targetwatch import assessment as A

    t = time.perf_counter
    out: dict = {}
    s = t()
    targets = A.targets_frame(cat)
    out["targets_frame"] = round(t() - s, 3)
    con = duckdb.connect()
    con.register("targets", targets)
    con.register("observations", obs)
    for name in ("_SERIES_SQL", "_BEST_SQL", "_T_SQL", "_TY_SQL", "_BASE_SQL", "_JUDGED_SQL"):
        sql = getattr(A, name)
        s = t()
        con.execute(sql, {"as_of": as_of} if "$as_of" in sql else None)
        out[name.strip("_").lower()] = round(t() - s, 3)
    params = {"as_of": as_of, "on_track": A.vocab.PACE_ON_TRACK, "at_risk": A.vocab.PACE_AT_RISK,
              "flat_pp": A.vocab.GAP_FLAT_PP}
    s = t()
    scored = con.execute(A._STATUS_SQL, params).df()
    out["status_sql_to_pandas"] = round(t() - s, 3)
    s = t()
    A._years_frame(con)
    out["years_to_pandas"] = round(t() - s, 3)
    s = t()
    A.complete_assessments(targets, scored, lambda a: A._proxy_flags(cat, obs, a), as_of)
    out["reasons_and_flags"] = round(t() - s, 3)
    s = t()
    con.execute("CREATE TEMP TABLE _rule_columns AS SELECT jurisdiction, indicator, year, value, observation_id, "
                "source_file, location, release_date, confidence, figure_type, period_type FROM observations")
    out["floor_read_rule_columns"] = round(t() - s, 3)
    s = t()
    con.execute("SELECT * FROM _tw_judged").df()
    out["floor_years_to_pandas_plain"] = round(t() - s, 3)
    A.drop_stages(con)
    con.close()
    return out


def step_assess_warehouse(work: Path, repeat: int, **_: object) -> dict:
    """The prototype in warehouse mode: observations stay in DuckDB, per-year rows are written to a table."""
    from benchmarks.assess_fast import assess_fast

    out: dict = {}
    cat, _ = _load(work, out, observations=False)
    as_of = _as_of(work)
    db = work / WAREHOUSE_FILE
    con = duckdb.connect(str(db))
    try:
        out["floor_table"], _ = repeated(lambda: con.execute(FLOOR_SQL.format(src="observations")).fetchall(), repeat)

        def run() -> pd.DataFrame:
            a = assess_fast(cat, "observations", as_of, con, years_table="assessment_years")
            con.register("_a", a)
            con.execute("CREATE OR REPLACE TABLE assessments AS SELECT * FROM _a")
            con.unregister("_a")
            con.execute("CHECKPOINT")
            return a

        out["assess_warehouse"], a = repeated(run, repeat)
        save_outputs(a, "assessment_years", work / "outputs-assess-warehouse", con)
    finally:
        con.close()
    out["equal_to_assess"] = compare_outputs(work / "outputs-assess", work / "outputs-assess-warehouse")
    return out


def naive_status(cat: Catalogue, obs: pd.DataFrame, as_of: dt.date, targets: list) -> list[tuple]:
    """(c) what a user writes first: for each target, filter the observations, pick the latest usable figure,
    compare it with the goal. It computes less than `assess` (no pace, projections, per-year trail, reasons)."""
    as_of_ts = pd.Timestamp(as_of)
    out = []
    for t in targets:
        if t.comparator == "qualitative":
            out.append((t.id, "qualitative", None))
            continue
        s = obs[(obs["jurisdiction"] == t.jurisdiction) & (obs["indicator"] == t.indicator)]
        s = s[(s["figure_type"] == "actual") & (s["period_type"] == "annual")]
        released = pd.to_datetime(s["release_date"]).fillna(pd.to_datetime((s["year"] + 1).astype(str) + "-12-31"))
        s = s[released <= as_of_ts].sort_values(["year", "release_date"]).drop_duplicates("year", keep="last")
        if s.empty:
            out.append((t.id, "no_data", None))
            continue
        latest = s.iloc[-1]
        goal = t.value
        if t.comparator == "relative_to_reference":
            r = obs[(obs["jurisdiction"] == t.reference_jurisdiction) & (obs["indicator"] == t.indicator)
                    & (obs["year"] == latest["year"])]
            goal = r["value"].iloc[-1] if len(r) else None
        elif t.comparator == "multiple_of_baseline":
            b = s[s["year"] == t.baseline_year]
            goal = b["value"].iloc[0] * t.multiple if len(b) else None
        elif t.comparator == "growth_rate":
            b = s[s["year"] == (t.baseline_year or t.plan_start)]
            years = latest["year"] - (t.baseline_year or t.plan_start)
            goal = b["value"].iloc[0] * (1 + t.value / 100) ** years if len(b) else None
        if goal is None:
            out.append((t.id, "no_data", latest["value"]))
            continue
        v = latest["value"]
        met = {"at_most": v <= goal, "exceed": v > goal,
               "approx": abs(v - goal) <= (t.effective_tolerance or 0.05) * abs(goal)}.get(t.comparator, v >= goal)
        out.append((t.id, "met" if met else "not_met", v))
    return out


def step_naive(work: Path, sample: int, **_: object) -> dict:
    out: dict = {}
    cat, obs = _load(work, out)
    as_of = _as_of(work)
    n = len(cat.targets)
    stride = max(1, n // sample) if sample else 1
    chosen = cat.targets[::stride][: sample or n]
    rec: dict = {}
    with probe(rec):
        naive_status(cat, obs, as_of, chosen)
    per_target = rec["wall_s"] / len(chosen)
    out["naive_sample"] = rec | {"targets_timed": len(chosen), "per_target_s": round(per_target, 5)}
    out["naive"] = {
        "wall_s": round(per_target * n, 1),
        "cpu_s": round(rec["cpu_s"] / len(chosen) * n, 1),
        "extrapolated": len(chosen) < n,
        "how": f"timed {len(chosen)} of {n} targets (every {stride}th), scaled linearly to all {n}"
        if len(chosen) < n else f"timed all {n} targets",
        "peak_rss_mb": rec["peak_rss_mb"],
    }
    return out


def _incremental_paths(work: Path) -> tuple[Path, Path, Path]:
    return work / "reports", work / "SYNTHETIC-state-incremental", work / "SYNTHETIC-state-full"


def step_init_state(work: Path, **_: object) -> dict:
    """The state a previous refresh left (every file except the one about to arrive), built from the same
    observations the generator wrote into those files (tests/targetwatch/test_synthetic.py checks they match)."""
    from benchmarks.incremental import build_state

    meta = workload_meta(work)
    out: dict = {}
    cat, _ = _load(work, out, observations=False)
    held = meta["held_out_file"]
    files = {f: sha for f, sha in meta["files"].items() if f != held}
    _, state, _ = _incremental_paths(work)
    source = f"(SELECT * FROM read_parquet('{work / OBSERVATIONS_FILE}') WHERE source_file <> '{held}')"
    rec: dict = {}
    with probe(rec):
        info = build_state(state, cat, source, files, _as_of(work))
    out["init_state"] = rec | info
    return out


def step_incremental(work: Path, **_: object) -> dict:
    from benchmarks.incremental import incremental_refresh

    reports, state, _ = _incremental_paths(work)
    out: dict = {}
    rec: dict = {}
    with probe(rec):
        t = time.perf_counter()
        cat = load_catalogue(work)
        loaded = round(time.perf_counter() - t, 3)
        info = incremental_refresh(reports, state, cat, _as_of(work))
    info["steps"] = {"load_catalogue": loaded, **info["steps"]}
    out["incremental"] = rec | info
    return out


def step_full_refresh(work: Path, **_: object) -> dict:
    from benchmarks.incremental import full_refresh

    reports, _, state = _incremental_paths(work)
    out: dict = {}
    rec: dict = {}
    with probe(rec):
        t = time.perf_counter()
        cat = load_catalogue(work)
        loaded = round(time.perf_counter() - t, 3)
        info = full_refresh(reports, state, cat, _as_of(work))
    info["steps"] = {"load_catalogue": loaded, **info["steps"]}
    out["full_refresh"] = rec | info
    return out


def step_verify_incremental(work: Path, **_: object) -> dict:
    from benchmarks.incremental import compare_states

    _, inc, full = _incremental_paths(work)
    return {"incremental_equals_full": compare_states(inc, full)}


def _site_documents() -> dict:
    import hashlib

    from targetwatch.documents import LoadedDocument, PolicyDocument

    text = synthetic.SOURCE_QUOTE
    meta = PolicyDocument(
        id=synthetic.DOCUMENT_ID, file="SYNTHETIC-benchmark-document.txt", original_file="SYNTHETIC",
        jurisdiction=synthetic.NATIONAL_CODE, issuer_zh="合成基准测试", issuer_en="SYNTHETIC benchmark",
        date=dt.date(2020, 1, 1), title_zh="合成基准测试文件（非真实文件）", title_en="SYNTHETIC benchmark document",
        script="simplified",
    )
    return {meta.id: LoadedDocument(meta=meta, path=Path(meta.file), text=text,
                                    sha256=hashlib.sha256(text.encode()).hexdigest())}


def _site_warehouse(work: Path, cat: Catalogue, sample: list) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with every table the site reads: all observations, jurisdictions and files;
    only the sampled targets (with their assessments and per-year rows)."""
    from benchmarks.slices import sub_catalogue
    from targetwatch.catalogue import catalogue_tables

    ids = pd.DataFrame({"target_id": [t.id for t in sample]})
    con = duckdb.connect()
    con.register("_ids", ids)
    tables = catalogue_tables(sub_catalogue(cat, sample), _site_documents())
    for name, df in tables.items():
        con.register("_t", df)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _t')
        con.unregister("_t")
    ref = work / "outputs-assess"
    for name in ("assessments", "assessment_years"):
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM '{ref / name}.parquet' SEMI JOIN _ids USING (target_id)")
    con.execute(f"CREATE TABLE observations AS SELECT * FROM read_parquet('{work / OBSERVATIONS_FILE}')")
    meta = workload_meta(work)
    files = pd.DataFrame([{"source_file": f, "sha256": s, "status": "loaded", "synthetic": True,
                           "release_date": None, "release_date_basis": None} for f, s in meta["files"].items()])
    con.register("_f", files)
    con.execute("CREATE TABLE report_files AS SELECT * FROM _f")
    con.execute("CREATE TABLE rejected_rows (source_file VARCHAR, sha256 VARCHAR, sheet VARCHAR, row_number BIGINT, "
                "location VARCHAR, raw_content VARCHAR, reason VARCHAR)")
    con.execute("CREATE TABLE check_results (check_name VARCHAR, severity VARCHAR, expectation VARCHAR, "
                "column_name VARCHAR, success BOOLEAN, description VARCHAR, unexpected_count BIGINT, "
                "unexpected_sample VARCHAR)")
    return con


def _tree_bytes(folder: Path) -> dict[str, int]:
    """Bytes of a dashboards site by part, and the number of pages (HTML files)."""
    sizes = {"index": 0, "target_pages": 0, "jurisdiction_pages": 0, "list_pages": 0, "other_pages": 0,
             "data_files": 0, "static": 0, "target_page_count": 0, "pages": 0, "files": 0}
    for p in folder.rglob("*"):
        if not p.is_file():
            continue
        rel = p.relative_to(folder).as_posix()
        n = p.stat().st_size
        sizes["files"] += 1
        sizes["pages"] += rel.endswith(".html")
        if rel == "index.html":
            sizes["index"] += n
        elif rel.startswith("targets/"):
            sizes["target_pages"] += n
            sizes["target_page_count"] += 1
        elif rel.startswith("jurisdictions/"):
            sizes["jurisdiction_pages"] += n
        elif rel.startswith("lists/"):
            sizes["list_pages"] += n
        elif rel.startswith("data/"):
            sizes["data_files"] += n
        elif rel.endswith(".html"):
            sizes["other_pages"] += n
        else:
            sizes["static"] += n
    sizes["total"] = sum(v for k, v in sizes.items() if k not in ("target_page_count", "pages", "files"))
    return sizes


def _sample(targets: list, n: int) -> list:
    """`n` targets spread evenly over the catalogue (all when n is 0 or too large)."""
    if not n or n >= len(targets):
        return list(targets)
    step = len(targets) / n
    return [targets[int(i * step)] for i in range(n)]


def step_dashboards(work: Path, sample: int, **_: object) -> dict:
    """The per-target layout (one pre-rendered page per target, every row on the overview: what the site builds
    for up to LARGE_SITE_TARGETS targets), timed part by part on `sample` targets (with every observation) and
    extrapolated: what that layout would cost for the whole workload and for 100,000 targets.

    The parts are timed separately (preparing the tables, which depends on the observations, not on the number of
    targets; the overview and the target pages, which grow with it) because two whole builds of a few hundred
    targets differ by less than the noise of the fixed part."""
    from targetwatch.render.page import copy_static, display_records
    from targetwatch.render.site_data import SiteData
    from targetwatch.render.small_site import SmallSite

    cat = load_catalogue(work)
    n_all = len(cat.targets)
    chosen = _sample(cat.targets, sample)
    n = len(chosen)
    con = _site_warehouse(work, cat, chosen)
    del cat
    out: dict = {"layout": "per-target (targetwatch.render.small_site.SmallSite, timed part by part)", "targets": n}
    out["read_warehouse"] = {}
    with probe(out["read_warehouse"]):
        data = SiteData.from_warehouse(con)
    con.close()
    site = work / f"SYNTHETIC-site-per-target-{n}"
    shutil.rmtree(site, ignore_errors=True)
    parts = {k: {} for k in ("prepare", "index", "target_pages", "documents_departments")}
    with probe(parts["prepare"]):
        copy_static(site, with_plotly=True)
        s = SmallSite(data, site, "zh")
    with probe(parts["index"]):
        s.index()
    with probe(parts["target_pages"]):
        for r in s.records:
            s.target_page(r)
    with probe(parts["documents_departments"]):
        for d in display_records(data.policy_documents):
            s.document_page(d)
        for name in sorted(set(data.target_departments["department"].dropna())):
            s.department_page(name)
    out["parts"] = parts
    out["bytes"] = _tree_bytes(site)
    shutil.rmtree(site, ignore_errors=True)
    fixed_s = parts["prepare"]["wall_s"]
    per_target_s = (parts["index"]["wall_s"] + parts["target_pages"]["wall_s"]
                    + parts["documents_departments"]["wall_s"]) / n
    page_bytes = out["bytes"]["target_pages"] / max(out["bytes"]["target_page_count"], 1)
    index_per_target = out["bytes"]["index"] / n
    out["model"] = {"fixed_s": round(fixed_s, 2), "per_target_s": round(per_target_s, 4),
                    "bytes_per_target_page": round(page_bytes), "index_bytes_per_target": round(index_per_target)}
    out["extrapolated"] = {}
    for label, count in (("100k", 100_000), ("workload", n_all)):
        out["extrapolated"][label] = {
            "targets": count,
            "build_wall_s": round(fixed_s + per_target_s * count),
            "build_hours": round((fixed_s + per_target_s * count) / 3600, 2),
            "target_pages_gb": round(page_bytes * count / 1e9, 2),
            "index_html_mb": round(index_per_target * count / 1e6, 1),
        }
    return out


def step_site(work: Path, sample: int, **_: object) -> dict:
    """The dashboards as `refresh` builds them (the layout chosen by size: the large layout above
    LARGE_SITE_TARGETS targets) for `sample` targets spread over the workload (0: all), with every observation.
    Measured: reading the warehouse tables (`SiteData.from_warehouse`) and `build_dashboards`, the site's bytes."""
    from targetwatch.render.dashboards import LARGE_SITE_TARGETS, build_dashboards
    from targetwatch.render.site_data import SiteData

    cat = load_catalogue(work)
    chosen = _sample(cat.targets, sample)
    con = _site_warehouse(work, cat, chosen)
    del cat
    rec_read: dict = {}
    with probe(rec_read):
        data = SiteData.from_warehouse(con)
    con.close()
    site = work / f"SYNTHETIC-site-{len(chosen)}"
    shutil.rmtree(site, ignore_errors=True)
    rec: dict = {}
    with probe(rec):
        pages = build_dashboards(data, site, "zh")
    sizes = _tree_bytes(site)
    shutil.rmtree(site, ignore_errors=True)
    return {"targets": len(chosen), "observations": len(data.observations),
            "layout": "large" if len(chosen) > LARGE_SITE_TARGETS else "per-target",
            "read_warehouse": rec_read, "build": rec, "pages_returned": len(pages), "bytes": sizes,
            "bytes_per_target": round(sizes["total"] / len(chosen))}


def step_prepare(work: Path, scale: str = "small", **_: object) -> dict:
    """Generate the SYNTHETIC workload and write every input the other steps read (not measured as a goal)."""
    import hashlib

    from targetwatch.synthetic import generate

    out: dict = {}
    rec: dict = {}
    with probe(rec):
        w = generate(scale)
    out["generate"] = rec
    counts = synthetic.describe(w)
    rec = {}
    with probe(rec):
        w.write_catalogue(work / CATALOGUE_FILE)
        w.write_observations(work / OBSERVATIONS_FILE)
        con = duckdb.connect(str(work / WAREHOUSE_FILE))
        con.execute(f"CREATE OR REPLACE TABLE observations AS SELECT * FROM read_parquet('{work / OBSERVATIONS_FILE}')")
        con.close()
        # The file that "arrives" for the incremental refresh: one province's first release of the latest year.
        province = w.catalogue.jurisdictions[1].admin_code
        held = next(f for f in sorted(w.files) if f.endswith(f"_{province}_{w.scale.last_year}_first-release.csv"))
        w.write_reports(work / "reports", [f for f in sorted(w.files) if f != held])
        w.write_reports(work / "arriving", [held])
    out["write_inputs"] = rec
    meta = {
        "data": "synthetic",
        "title": synthetic.SYNTHETIC_TITLE,
        **counts,
        "held_out_file": held,
        "held_out_rows": int((w.observations["source_file"] == held).sum()),
        "files": {f: hashlib.sha256(w.files[f]).hexdigest() for f in w.report_files},  # sidecars aside
    }
    (work / "SYNTHETIC-benchmark-workload.json").write_text(json.dumps(meta, default=int, indent=1))
    out["counts"] = {k: v for k, v in meta.items() if k != "files"}
    return out


STEPS: dict[str, Callable[..., dict]] = {
    "prepare": step_prepare,
    "floor": step_floor,
    "assess": step_assess,
    "assess_warehouse": step_assess_warehouse,
    "naive": step_naive,
    "init_state": step_init_state,
    "incremental": step_incremental,
    "full_refresh": step_full_refresh,
    "verify_incremental": step_verify_incremental,
    "dashboards": step_dashboards,
    "site": step_site,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--scale", default="small")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    result = STEPS[args.step](args.workdir, repeat=args.repeat, sample=args.sample, scale=args.scale)
    result["process_ru_maxrss_mb"] = round(process_peak_kb() / 1024)  # ru_maxrss alone forgets what resets wiped
    sys.stdout.write("\n" + json.dumps(result, default=str) + "\n")


if __name__ == "__main__":
    main()
