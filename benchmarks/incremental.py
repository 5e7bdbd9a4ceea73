"""Prototype of an incremental refresh, measured against a full one (benchmarks/parts.py).

"Incremental" means, honestly:

1. every report file is still checksummed (sha256 of its bytes; no trust in modification times), and the
   checksums are compared with the manifest of the previous refresh;
2. only new or changed files are read and normalised, with the project's own `ingest_folder` (run on a staging
   folder of links, so file names and observation ids are exactly those of a full ingest); the observations of
   changed or removed files are dropped;
3. the (jurisdiction, indicator) series those files touch (before and after) decide which targets can change:
   targets on those series, targets whose reference series they are, targets whose proxy series they are
   (`benchmarks/slices.py`); only those targets are re-assessed, with the project's own `assess`, given the
   observations of exactly the series they read;
4. only the output partitions (one per province, national on its own) holding an affected target are rewritten.

The catalogue is loaded in both runs (a changed catalogue or as-of date means a full refresh: not handled
here). Checks (Great Expectations), dashboards and the quality report are outside both measurements.

State (one folder): `manifest.json` (file -> sha256), `observations/part=<sha256>/*.parquet` (one partition per
report file), `assessments/part=<province>/*.parquet`, `assessment_years/part=<province>/*.parquet`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks import slices
from targetwatch.assessment import assess
from targetwatch.catalogue import Catalogue
from targetwatch.reports.ingest import ingest_folder, is_report_candidate, sha256_of
from targetwatch.reports.normalise import OBSERVATION_COLUMNS
from targetwatch.synthetic import OBSERVATION_SQL_TYPES

OUTPUTS = ("assessments", "assessment_years")


def _obs_columns(alias: str = "") -> str:
    p = f"{alias}." if alias else ""
    return ", ".join(
        f'CAST({p}"{c}" AS {OBSERVATION_SQL_TYPES.get(c, "VARCHAR")}) AS "{c}"' for c in OBSERVATION_COLUMNS
    )


def _glob(state: Path, table: str) -> str:
    return f"read_parquet('{state / table}/*/*.parquet', hive_partitioning = false, union_by_name = true)"


def _write_observations(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame | str, state: Path) -> None:
    """One Parquet partition per report file (keyed by its sha256); `frame` may be a SQL relation."""
    if isinstance(frame, pd.DataFrame):
        if not len(frame):
            return
        con.register("_new_obs", frame)
    source = "_new_obs" if isinstance(frame, pd.DataFrame) else frame
    con.execute(
        f"COPY (SELECT {_obs_columns()}, sha256 AS part FROM {source}) TO '{state / 'observations'}' "
        "(FORMAT parquet, PARTITION_BY (part), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'obs_{uuid}')"
    )
    if isinstance(frame, pd.DataFrame):
        con.unregister("_new_obs")


def _read_observations(con: duckdb.DuckDBPyConnection, state: Path, series: set | None = None) -> pd.DataFrame:
    """Observations from the state, as the warehouse would hand them to `assess` (`.df()` of the table)."""
    if series is None:
        return con.execute(f"SELECT {', '.join(OBSERVATION_COLUMNS)} FROM {_glob(state, 'observations')}").df()
    keys = pd.DataFrame(sorted(series), columns=["jurisdiction", "indicator"])
    con.register("_keys", keys)
    df = con.execute(
        f"SELECT {', '.join('o.' + c for c in OBSERVATION_COLUMNS)} FROM {_glob(state, 'observations')} o "
        "SEMI JOIN _keys k ON k.jurisdiction = o.jurisdiction AND k.indicator = o.indicator"
    ).df()
    con.unregister("_keys")
    return df


def _with_part(catalogue: Catalogue, assessments: pd.DataFrame, years: pd.DataFrame):
    top = slices.top_level(catalogue)
    a = assessments.assign(part=assessments["jurisdiction"].map(top))
    part_of = dict(zip(a["target_id"], a["part"], strict=True))
    y = years.assign(part=years["target_id"].map(part_of))
    return a, y


def _write_outputs(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame], state: Path) -> None:
    for name, df in frames.items():
        con.register("_out", df)
        con.execute(f"COPY _out TO '{state / name}' (FORMAT parquet, PARTITION_BY (part), OVERWRITE_OR_IGNORE, "
                    "FILENAME_PATTERN 'out_{uuid}')")
        con.unregister("_out")


def _timer() -> tuple[dict[str, float], callable]:
    steps: dict[str, float] = {}
    last = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        steps[name] = round(now - last[0], 3)
        last[0] = now

    return steps, lap


def build_state(state: Path, catalogue: Catalogue, observations: pd.DataFrame | str, files: dict[str, str],
                as_of: dt.date) -> dict:
    """Write a state folder as a refresh over `files` (name -> sha256) would leave it, from their observations
    (a DataFrame, or a SQL relation such as `read_parquet(...)`)."""
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    steps, lap = _timer()
    con = duckdb.connect()
    try:
        _write_observations(con, observations, state)
        obs = _read_observations(con, state)
        lap("write_and_read_observations")
        assessments, years = assess(catalogue, obs, as_of)
        lap("assess")
        a, y = _with_part(catalogue, assessments, years)
        _write_outputs(con, {"assessments": a, "assessment_years": y}, state)
        lap("write_outputs")
    finally:
        con.close()
    (state / "manifest.json").write_text(json.dumps({"as_of": as_of.isoformat(), "files": files}, indent=1))
    return {"steps": steps, "observations": len(obs), "targets": len(assessments), "years": len(years)}


def full_refresh(reports: Path, state: Path, catalogue: Catalogue, as_of: dt.date) -> dict:
    """Read every report file, assess every target, write the whole state."""
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    steps, lap = _timer()
    result = ingest_folder(reports, catalogue, as_of=as_of)
    lap("ingest_all_files")
    con = duckdb.connect()
    try:
        _write_observations(con, result.observations, state)
        result.observations = result.observations.iloc[0:0]  # free it: the table is read back below
        obs = _read_observations(con, state)  # as the pipeline does: write the table, read it back, assess
        lap("write_and_read_observations")
        assessments, years = assess(catalogue, obs, as_of)
        lap("assess_all_targets")
        a, y = _with_part(catalogue, assessments, years)
        _write_outputs(con, {"assessments": a, "assessment_years": y}, state)
        lap("write_outputs")
    finally:
        con.close()
    files = dict(zip(result.report_files["source_file"], result.report_files["sha256"], strict=True))
    (state / "manifest.json").write_text(json.dumps({"as_of": as_of.isoformat(), "files": files}, indent=1))
    return {"steps": steps, "files_read": len(files), "observations": len(obs), "targets_assessed": len(assessments),
            "years": len(years)}


def incremental_refresh(reports: Path, state: Path, catalogue: Catalogue, as_of: dt.date) -> dict:
    """Re-read only new or changed files; re-assess only the targets whose series they touch."""
    steps, lap = _timer()
    manifest = json.loads((state / "manifest.json").read_text())
    if manifest["as_of"] != as_of.isoformat():
        raise ValueError("the as-of date changed: run a full refresh")
    old: dict[str, str] = manifest["files"]
    now = {p.relative_to(reports).as_posix(): sha256_of(p)
           for p in sorted(reports.rglob("*")) if is_report_candidate(p)}
    changed = [f for f, sha in now.items() if old.get(f) != sha]
    removed = [f for f in old if f not in now or old[f] != now[f]]
    lap("checksum_all_files")
    if not changed and not removed:
        return {"steps": steps, "files_checked": len(now), "files_read": 0, "targets_assessed": 0}
    con = duckdb.connect()
    staging = Path(tempfile.mkdtemp(prefix="SYNTHETIC-staging-"))
    try:
        for rel in changed:
            link = staging / rel
            link.parent.mkdir(parents=True, exist_ok=True)
            # a hard link (or a copy), not a symlink: ingestion refuses links that resolve outside its folder
            try:
                os.link(reports / rel, link)
            except OSError:
                shutil.copy2(reports / rel, link)
        result = ingest_folder(staging, catalogue, as_of=as_of)
        lap("ingest_changed_files")
        touched: set[slices.Series] = set(
            map(tuple, result.observations[["jurisdiction", "indicator"]].drop_duplicates().to_numpy()))
        for rel in removed:
            part = state / "observations" / f"part={old[rel]}"
            if part.exists():
                gone = con.execute(f"SELECT DISTINCT jurisdiction, indicator FROM read_parquet('{part}/*.parquet')")
                touched |= set(gone.fetchall())
                shutil.rmtree(part)
        _write_observations(con, result.observations, state)
        lap("replace_observation_partitions")
        affected = slices.affected_targets(catalogue, touched)
        needed = slices.series_of(catalogue, affected)
        obs = _read_observations(con, state, needed)
        lap("read_needed_series")
        assessments, years = assess(slices.sub_catalogue(catalogue, affected), obs, as_of)
        lap("assess_affected_targets")
        a, y = _with_part(catalogue, assessments, years)
        ids = set(a["target_id"])
        con.register("_ids", pd.DataFrame({"target_id": sorted(ids)}))
        for name, new in (("assessments", a), ("assessment_years", y)):
            for part in sorted(set(new["part"])):
                folder = state / name / f"part={part}"
                keep = f"SELECT * FROM read_parquet('{folder}/*.parquet') ANTI JOIN _ids USING (target_id)"
                if folder.exists():
                    old_rows = con.execute(keep).df().drop(columns="part", errors="ignore")
                else:
                    old_rows = new.iloc[0:0].drop(columns="part")
                merged = pd.concat([old_rows, new[new["part"] == part].drop(columns="part")], ignore_index=True)
                merged = _conform(merged, old_rows)
                tmp = folder.with_name(folder.name + ".new")
                tmp.mkdir(parents=True)
                con.register("_m", merged)
                con.execute(f"COPY _m TO '{tmp / 'out.parquet'}' (FORMAT parquet)")
                con.unregister("_m")
                shutil.rmtree(folder, ignore_errors=True)
                tmp.rename(folder)
        lap("rewrite_output_partitions")
    finally:
        con.close()
        shutil.rmtree(staging, ignore_errors=True)
    manifest["files"] = now
    (state / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return {
        "steps": steps,
        "files_checked": len(now),
        "files_read": len(changed),
        "files_removed": len([f for f in removed if f not in now]),
        "series_touched": len(touched),
        "targets_assessed": len(assessments),
        "targets_total": len(catalogue.targets),
        "series_read": len(needed),
        "observations_read": len(obs),
        "partitions_rewritten": len(set(a["part"])),
    }


def _conform(merged: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """Keep the partition's column types (a slice may have an all-empty column pandas typed differently)."""
    for col in like.columns:
        if col in merged and merged[col].dtype != like[col].dtype and len(like):
            with contextlib.suppress(TypeError, ValueError):
                merged[col] = merged[col].astype(like[col].dtype)
    return merged


def read_outputs(state: Path) -> dict[str, pd.DataFrame]:
    """Both output tables of a state folder, sorted, for comparison."""
    con = duckdb.connect()
    try:
        out = {}
        for name, keys in (("assessments", ["target_id"]), ("assessment_years", ["target_id", "year"])):
            df = con.execute(f"SELECT * FROM {_glob(state, name)} ORDER BY {', '.join(keys)}").df()
            out[name] = df.drop(columns="part", errors="ignore")
        return out
    finally:
        con.close()


def _nulls(df: pd.DataFrame) -> pd.DataFrame:
    """One spelling of missing (None, NaN, NaT and pd.NA all become None) so only values are compared."""
    return df.astype(object).where(df.notna(), None)


def compare_states(a: Path, b: Path) -> dict:
    """Whether two state folders hold the same assessments (every column, every row)."""
    x, y = read_outputs(a), read_outputs(b)
    result = {}
    for name in OUTPUTS:
        left, right = x[name], y[name]
        cols = sorted(set(left.columns) | set(right.columns))
        left, right = (_nulls(df.reindex(columns=cols)) for df in (left, right))
        try:
            pd.testing.assert_frame_equal(left, right, check_dtype=False)
            result[name] = {"equal": True, "rows": len(left)}
        except AssertionError as exc:
            result[name] = {"equal": False, "rows": [len(left), len(right)], "difference": str(exc)[:500]}
    return result
