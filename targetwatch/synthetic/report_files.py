"""SYNTHETIC workload: the report files (template CSVs marked `# data: synthetic`) and the observations exactly as
`ingest_folder` reads them from those files.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pandas as pd

from targetwatch.reports.archive import SIDECAR_SUFFIX
from targetwatch.reports.normalise import OBSERVATION_COLUMNS
from targetwatch.synthetic.jurisdictions import Tree
from targetwatch.synthetic.shape import CSV_HEADER, FILE_PREFIX, SYNTHETIC_TITLE, XLSX_SHEET, Ind, Scale
from targetwatch.synthetic.xlsx import workbook

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
    county = np.array([lvl == "county" for lvl in tree.level])
    if scale.county_presence is not None:  # counties report only some series (issue 16: about 30%)
        present[county] &= rng.random((int(county.sum()), n_i)) < scale.county_presence
    ent = [k for k, ind in enumerate(inds) if ind.code == "syn_entrepreneurship_jobs"]
    if ent:
        present[:, ent[0]] &= rng.random(n_j) < 0.5  # half the places report it: the proxy then shows
    pub = present[:, :, None] & (rng.random((n_j, n_i, n_y)) > 0.02)  # gaps
    lag = county & (rng.random(n_j) < 0.15)
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
    cells["kind"] = file_kinds(cells, scale)
    return cells.sort_values(["group", "year", "vintage", "kind", "j", "i"], kind="stable", ignore_index=True)


CSV, XLSX, YEARBOOK = 0, 1, 2  # the kinds of report file, in the order a group's files are written


def file_kinds(cells: pd.DataFrame, scale: Scale) -> np.ndarray:
    """Which kind of file each published figure is in: a template CSV; a template XLSX for the first releases of
    every `xlsx_every`-th province (the national returns stay CSV); a yearbook table for a province's own revised
    figures (`yearbooks`)."""
    group, vintage = cells["group"].to_numpy(), cells["vintage"].to_numpy()
    ordinal = np.unique(group, return_inverse=True)[1]  # national 0, then the provinces 1, 2, … in code order
    kind = np.full(len(cells), CSV, dtype=np.int8)
    if scale.xlsx_every:
        kind[(vintage == 0) & (ordinal > 0) & (ordinal % scale.xlsx_every == 0)] = XLSX
    if scale.yearbooks:
        kind[(vintage == 1) & (group > 0) & (cells["j"].to_numpy() == group)] = YEARBOOK
    return kind


_SUFFIX = {CSV: "first-release.csv", XLSX: "first-release.xlsx", YEARBOOK: "yearbook.csv"}
_YEARBOOK_FIRST_LINE = 6  # two comment lines, the title, a blank line, the header


def _suffix(vintage: int, kind: int) -> str:
    return "revision.csv" if vintage and kind == CSV else _SUFFIX[kind]


def _yearbook_title(admin: str) -> str:
    return f"合成省{admin}主要统计指标（{SYNTHETIC_TITLE}，合成数据）"


def render_reports(cells: pd.DataFrame, tree: Tree, inds: tuple[Ind, ...], scale: Scale, seed: int,
            rng: np.random.Generator) -> tuple[pd.DataFrame, dict[str, bytes]]:
    """Write every report file's bytes (and the sidecars of the XLSX and yearbook files) and the observations
    `ingest_folder` reads from them."""
    codes = np.array(tree.codes, dtype=object)
    ind_codes = np.array([ind.code for ind in inds], dtype=object)
    unit = np.array([ind.unit for ind in inds], dtype=object)[cells["i"].to_numpy()]
    big = np.array([ind.unit == "persons" and ind.level >= 1e8 for ind in inds])[cells["i"].to_numpy()]
    value_str, unit_written = _fmt(cells["value"].to_numpy(), unit, big)
    keys = ["group", "year", "vintage", "kind"]
    files = cells.groupby(keys, sort=False).size().reset_index(name="rows")
    undated = rng.random(len(files)) < 0.08
    release: list[str] = []
    for (g, year, vintage, _kind), no_date in zip(files[keys].itertuples(index=False), undated, strict=True):
        if vintage == 1:
            release.append(f"{year + 1}-10-15")  # the yearbook revision
        elif no_date:
            release.append("")
        else:
            release.append(f"{year + 1}-0{2 + g % 2}-{10 + g % 18:02d}")
    files["release"] = release
    files["path"] = [
        f"{FILE_PREFIX}/{year}/{FILE_PREFIX}_{tree.admin[g]}_{year}_{_suffix(v, k)}"
        for g, year, v, k in files[keys].itertuples(index=False)
    ]
    file_idx = np.repeat(np.arange(len(files)), files["rows"].to_numpy())
    kind = cells["kind"].to_numpy()
    xlsx, yearbook = kind == XLSX, kind == YEARBOOK
    n_comments = 3
    rank = cells.groupby(keys, sort=False).cumcount().to_numpy()
    line = np.select([xlsx, yearbook], [rank + 2, rank + _YEARBOOK_FIRST_LINE], rank + n_comments + 2)
    rel = files["release"].to_numpy()[file_idx]
    rel_in_row = np.where(yearbook, "", rel)  # a yearbook's date is in its sidecar
    confidence = np.where(rng.random(len(cells)) < 0.03, "medium", "high").astype(object)
    confidence[yearbook] = "medium"  # what the yearbook reader gives a printed table
    source_ref = f"synthetic:seed={seed}"
    year_str = cells["year"].astype(str).to_numpy(dtype=object)
    jur = codes[cells["j"].to_numpy()]
    ind = ind_codes[cells["i"].to_numpy()]
    raw = (jur + "," + ind + "," + year_str + "," + value_str + "," + unit_written + ",annual,actual," + rel_in_row
           + "," + confidence + f",{SYNTHETIC_TITLE},{source_ref},")
    raw[yearbook] = ind[yearbook] + "," + unit_written[yearbook] + "," + value_str[yearbook]
    blobs: dict[str, bytes] = {}
    shas = []
    starts = np.concatenate([[0], np.cumsum(files["rows"].to_numpy())])
    for k, f in enumerate(files.itertuples(index=False)):
        rows = raw[starts[k] : starts[k + 1]]
        blob = _file_bytes(f, rows, tree, scale, seed)
        blobs[f.path] = blob
        shas.append(hashlib.sha256(blob).hexdigest())
        if f.kind != CSV:
            blobs[f.path + SIDECAR_SUFFIX] = _sidecar(f, tree)
    sha = np.array(shas, dtype=object)[file_idx]
    line_text = pd.Series(line).astype(str).to_numpy(dtype=object)
    location = np.select([xlsx, yearbook], [f"{XLSX_SHEET}!row " + line_text, "C" + line_text], "line " + line_text)
    # As the readers leave them: a date, NaN where the row states none; None in columns they do not fill.
    dates = {r: (dt.date.fromisoformat(r) if r else np.nan) for r in set(release)}
    release_date = pd.Series(rel).map(dates).to_numpy(dtype=object)
    empty = np.full(len(cells), None, dtype=object)
    factor = np.select([unit_written == "万元", unit_written == "万人"], [1e4, 1e4], 1.0)
    titles = np.array([_yearbook_title(a) for a in tree.admin], dtype=object)[cells["group"].to_numpy()]
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
            "release_date_basis": np.select([yearbook, rel != ""], ["sidecar", "row"], "not stated").astype(object),
            "confidence": confidence,
            "source_file": files["path"].to_numpy(dtype=object)[file_idx],
            "sha256": sha,
            "sheet": np.where(xlsx, XLSX_SHEET, None).astype(object),
            "row_number": line.astype("int64"),
            "column_name": np.where(yearbook, cells["year"].astype(str).to_numpy(dtype=object) + "年", None),
            "location": location,
            "char_start": empty,
            "char_end": empty,
            "raw_content": raw,
            "source_title": np.where(yearbook, titles, SYNTHETIC_TITLE).astype(object),
            "source_ref": np.where(yearbook, None, source_ref).astype(object),
            "notes": np.where(yearbook, None, "").astype(object),
        },
        columns=list(OBSERVATION_COLUMNS),
    )
    return obs, blobs


# Columns whose strings repeat from row to row. In the frame they are already shared objects (the same Python
# string for every row of a file or place); in the Parquet file `write_parquet` writes, each is dictionary-encoded
# (each distinct string stored once per row group: tests/targetwatch/test_synthetic.py checks it). Not pandas
# categoricals: every groupby of a categorical column would then span all categories.
REPEATED_COLUMNS = ("jurisdiction", "indicator", "matched_by", "unit", "unit_as_written", "period_type",
                    "figure_type", "release_date_basis", "confidence", "source_file", "sha256", "sheet",
                    "column_name", "source_title", "source_ref", "notes")


def _file_bytes(f, rows: np.ndarray, tree: Tree, scale: Scale, seed: int) -> bytes:
    """One report file: a template CSV or XLSX, or a yearbook table (CSV), every one labelled synthetic."""
    generated = (f"{SYNTHETIC_TITLE}, generated by targetwatch.synthetic (seed {seed}, scale {scale.name}): "
                 "not real figures")
    if f.kind == XLSX:  # a workbook has no comment lines: its sidecar and every row's source say synthetic
        return workbook(XLSX_SHEET, [CSV_HEADER.split(",")] + [r.split(",") for r in rows])
    if f.kind == YEARBOOK:
        head = (f"# data: synthetic\n# {generated}\n{_yearbook_title(tree.admin[f.group])}\n\n"
                f"指标,单位,{f.year}年\n")
        return (head + "\n".join(rows) + f"\n注：{SYNTHETIC_TITLE}（合成数据，非真实数字）。\n").encode("utf-8")
    what = "revision of figures first released earlier" if f.vintage else "first release"
    head = (
        "# data: synthetic\n"
        f"# {generated}\n"
        f"# SYNTHETIC return of {tree.codes[f.group]} and its subordinate units, year {f.year}, {what}\n"
    )
    return (head + CSV_HEADER + "\n" + "\n".join(rows) + "\n").encode("utf-8")


def _sidecar(f, tree: Tree) -> bytes:
    """The sidecar of an XLSX or yearbook file: it is synthetic; a yearbook's place and release date."""
    text = "# data: synthetic\nsynthetic: true\n"
    if f.kind == YEARBOOK:
        text += f"jurisdiction: {tree.codes[f.group]}\nrelease_date: '{f.release}'\n"
    return text.encode("utf-8")
