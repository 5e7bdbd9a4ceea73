"""SYNTHETIC workload: the report files (template CSVs marked `# data: synthetic`) and the observations exactly as
`ingest_folder` reads them from those files.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pandas as pd

from targetwatch.reports.normalise import OBSERVATION_COLUMNS
from targetwatch.synthetic.jurisdictions import Tree
from targetwatch.synthetic.shape import CSV_HEADER, FILE_PREFIX, SYNTHETIC_TITLE, Ind, Scale

# --- report files and observations --------------------------------------------------------------------


def _fmt(values: np.ndarray, unit: np.ndarray, big_persons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Values as a bureau writes them, and the unit as written."""
    out = np.empty(len(values), dtype=object)
    written = np.empty(len(values), dtype=object)
    for u, unit_written, div, pattern in (
        ("count", "个", 1, "{:.0f}"),
        ("yuan", "万元", 1e4, "{:.2f}"),
        ("percent", "%", 1, "{:.2f}"),
    ):
        m = unit == u
        out[m] = [pattern.format(x) for x in values[m] / div]
        written[m] = unit_written
    m = (unit == "persons") & ~big_persons
    out[m] = [f"{x:.0f}" for x in values[m]]
    written[m] = "人"
    m = (unit == "persons") & big_persons
    out[m] = [f"{x:.2f}" for x in values[m] / 1e4]
    written[m] = "万人"
    return out, written


def report_cells(tree: Tree, inds: tuple[Ind, ...], years: list[int], values: np.ndarray, scale: Scale,
           rng: np.random.Generator) -> pd.DataFrame:
    """Which figures are published (first release and revisions), one row each, in file order."""
    n_j, n_i, n_y = values.shape
    present = rng.random((n_j, n_i)) > 0.03  # a few series never reported
    ent = [k for k, ind in enumerate(inds) if ind.code == "syn_entrepreneurship_jobs"]
    if ent:
        present[:, ent[0]] &= rng.random(n_j) < 0.5  # half the places report it: the proxy then shows
    pub = present[:, :, None] & (rng.random((n_j, n_i, n_y)) > 0.02)  # gaps
    lag = np.array([lvl == "county" for lvl in tree.level]) & (rng.random(n_j) < 0.15)
    pub[lag, :, -1] = False  # some counties have not reported the last year yet
    j, i, y = np.nonzero(pub)
    first = pd.DataFrame({"j": j, "i": i, "y": y, "vintage": 0, "value": values[j, i, y]})
    revised = rng.random(len(first)) < scale.revision_share
    rev = first[revised].copy()
    rev["vintage"] = 1
    unit_of = np.array([ind.unit for ind in inds])[rev["i"].to_numpy()]
    noise = 1 + rng.normal(0, 0.02, len(rev))
    v = rev["value"].to_numpy()
    rev["value"] = np.where(
        unit_of == "percent",
        np.round(np.clip(v + rng.normal(0, 0.1, len(rev)), 0.1, 99.5), 2),
        np.where(unit_of == "yuan", np.round(v * noise / 1e4, 2) * 1e4, np.round(v * noise)),
    )
    big = np.array([ind.unit == "persons" and ind.level >= 1e8 for ind in inds])[rev["i"].to_numpy()]
    rev.loc[big, "value"] = np.round(rev.loc[big, "value"].to_numpy() / 100) * 100
    cells = pd.concat([first, rev], ignore_index=True)
    cells["group"] = np.array(tree.province)[cells["j"].to_numpy()]
    cells["year"] = np.array(years)[cells["y"].to_numpy()]
    return cells.sort_values(["group", "year", "vintage", "j", "i"], kind="stable", ignore_index=True)


def render_reports(cells: pd.DataFrame, tree: Tree, inds: tuple[Ind, ...], scale: Scale, seed: int,
            rng: np.random.Generator) -> tuple[pd.DataFrame, dict[str, bytes]]:
    """Write every report file's bytes and the observations `ingest_folder` reads from them."""
    codes = np.array(tree.codes, dtype=object)
    ind_codes = np.array([ind.code for ind in inds], dtype=object)
    unit = np.array([ind.unit for ind in inds], dtype=object)[cells["i"].to_numpy()]
    big = np.array([ind.unit == "persons" and ind.level >= 1e8 for ind in inds])[cells["i"].to_numpy()]
    value_str, unit_written = _fmt(cells["value"].to_numpy(), unit, big)
    files = cells.groupby(["group", "year", "vintage"], sort=False).size().reset_index(name="rows")
    undated = rng.random(len(files)) < 0.08
    release: list[str] = []
    for (g, year, vintage), no_date in zip(files[["group", "year", "vintage"]].itertuples(index=False), undated,
                                           strict=True):
        if vintage == 1:
            release.append(f"{year + 1}-10-15")  # the yearbook revision
        elif no_date:
            release.append("")
        else:
            release.append(f"{year + 1}-0{2 + g % 2}-{10 + g % 18:02d}")
    files["release"] = release
    files["path"] = [
        f"{FILE_PREFIX}/{year}/{FILE_PREFIX}_{tree.admin[g]}_{year}_{'revision' if v else 'first-release'}.csv"
        for g, year, v in files[["group", "year", "vintage"]].itertuples(index=False)
    ]
    file_idx = np.repeat(np.arange(len(files)), files["rows"].to_numpy())
    n_comments = 3
    line = cells.groupby(["group", "year", "vintage"], sort=False).cumcount().to_numpy() + n_comments + 2
    rel = files["release"].to_numpy()[file_idx]
    confidence = np.where(rng.random(len(cells)) < 0.03, "medium", "high").astype(object)
    source_ref = f"synthetic:seed={seed}"
    year_str = cells["year"].astype(str).to_numpy(dtype=object)
    jur = codes[cells["j"].to_numpy()]
    ind = ind_codes[cells["i"].to_numpy()]
    raw = (jur + "," + ind + "," + year_str + "," + value_str + "," + unit_written + ",annual,actual," + rel + ","
           + confidence + f",{SYNTHETIC_TITLE},{source_ref},")
    blobs: dict[str, bytes] = {}
    shas = []
    starts = np.concatenate([[0], np.cumsum(files["rows"].to_numpy())])
    for k, f in enumerate(files.itertuples(index=False)):
        kind = "revision of figures first released earlier" if f.vintage else "first release"
        head = (
            "# data: synthetic\n"
            f"# {SYNTHETIC_TITLE}, generated by targetwatch.synthetic (seed {seed}, scale {scale.name}): "
            "not real figures\n"
            f"# SYNTHETIC return of {tree.codes[f.group]} and its subordinate units, year {f.year}, {kind}\n"
        )
        body = "\n".join(raw[starts[k] : starts[k + 1]])
        blob = (head + CSV_HEADER + "\n" + body + "\n").encode("utf-8")
        blobs[f.path] = blob
        shas.append(hashlib.sha256(blob).hexdigest())
    sha = np.array(shas, dtype=object)[file_idx]
    location = "line " + pd.Series(line).astype(str).to_numpy(dtype=object)
    # As the template reader leaves them: a date, NaN where the row states none; None in columns it does not fill.
    release_date = pd.Series(rel).map(
        {r: (dt.date.fromisoformat(r) if r else np.nan) for r in set(release)}).to_numpy(dtype=object)
    empty = np.full(len(cells), None, dtype=object)
    factor = np.select([unit_written == "万元", unit_written == "万人"], [1e4, 1e4], 1.0)
    obs = pd.DataFrame(
        {
            "observation_id": pd.Series(sha).str[:12].to_numpy(dtype=object) + ":" + location,
            "jurisdiction": jur,
            "indicator": ind,
            "matched_by": "exact",  # the reports name each indicator by its code
            "year": pd.array(cells["year"].to_numpy(), dtype="Int64"),
            "year_basis": empty,  # every row states its year
            "value": pd.to_numeric(pd.Series(value_str)).to_numpy() * factor,
            "unit": unit,
            "value_as_written": value_str,
            "unit_as_written": unit_written,
            "period_type": "annual",
            "figure_type": "actual",
            "release_date": release_date,
            "release_date_basis": np.where(rel != "", "row", "not stated").astype(object),
            "confidence": confidence,
            "source_file": files["path"].to_numpy(dtype=object)[file_idx],
            "sha256": sha,
            "sheet": empty,
            "row_number": line.astype("int64"),
            "column_name": empty,
            "location": location,
            "char_start": empty,
            "char_end": empty,
            "raw_content": raw,
            "source_title": SYNTHETIC_TITLE,
            "source_ref": source_ref,
            "notes": "",
        },
        columns=list(OBSERVATION_COLUMNS),
    )
    return obs, blobs
