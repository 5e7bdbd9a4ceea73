"""SYNTHETIC workload: `generate` builds a `Workload` (catalogue, observations, report files) from a scale and a
seed; `describe` and `manifest` say what was generated; `write_parquet` writes the observations as the
warehouse holds them, marked synthetic.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from targetwatch.catalogue import Catalogue, Target
from targetwatch.reports.archive import SIDECAR_SUFFIX
from targetwatch.reports.normalise import OBSERVATION_COLUMNS
from targetwatch.synthetic.jurisdictions import build_tree, catalogue_indicators, catalogue_jurisdictions
from targetwatch.synthetic.report_files import render_reports, report_cells
from targetwatch.synthetic.series import latent_series
from targetwatch.synthetic.shape import (
    AS_OF,
    DEFAULT_SEED,
    INDICATORS,
    OBSERVATION_SQL_TYPES,
    SCALES,
    SYNTHETIC_TITLE,
    Scale,
)
from targetwatch.synthetic.targets import build_targets


@dataclass
class Workload:
    """A synthetic catalogue, its observations, and the report files those observations were read from."""

    scale: Scale
    seed: int
    as_of: dt.date
    catalogue: Catalogue
    observations: pd.DataFrame
    files: dict[str, bytes] = field(repr=False)  # relative path -> exact bytes of a report file or its sidecar
    province_of: dict[str, str] = field(repr=False)  # jurisdiction code -> its province's code (national: itself)

    @property
    def targets(self) -> int:
        return len(self.catalogue.targets)

    @property
    def report_files(self) -> list[str]:
        """The report files (without their sidecars), sorted."""
        return sorted(f for f in self.files if not f.endswith(SIDECAR_SUFFIX))

    def write_reports(self, folder: Path, only: list[str] | None = None) -> list[Path]:
        """Write the template CSV report files (all, or the relative paths in `only`); return their paths."""
        written = []
        for rel in only if only is not None else sorted(self.files):
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.files[rel])
            written.append(path)
        return written

    def write_catalogue(self, path: Path) -> Path:
        """The catalogue as JSON (`Catalogue.model_validate_json` reads it back); the name should say SYNTHETIC."""
        if "SYNTHETIC" not in path.name:
            raise ValueError(f"{path.name}: a synthetic artefact's file name must contain SYNTHETIC")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.catalogue.model_dump_json(), encoding="utf-8")
        return path

    def write_observations(self, path: Path) -> Path:
        """The observations as Parquet with warehouse types and `data=synthetic` in the file's metadata."""
        if "SYNTHETIC" not in path.name:
            raise ValueError(f"{path.name}: a synthetic artefact's file name must contain SYNTHETIC")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_parquet(self.observations, path)
        return path


def write_parquet(observations: pd.DataFrame, path: Path) -> None:
    """Observations -> Parquet (explicit column types, so all-empty columns keep their type)."""
    import duckdb

    cols = ", ".join(
        f'CAST("{c}" AS {OBSERVATION_SQL_TYPES.get(c, "VARCHAR")}) AS "{c}"' for c in OBSERVATION_COLUMNS
    )
    con = duckdb.connect()
    try:
        con.register("_obs", observations)
        con.execute(
            f"COPY (SELECT {cols} FROM _obs) TO '{path}' "
            "(FORMAT parquet, COMPRESSION zstd, "
            "KV_METADATA {data: 'synthetic', source_title: 'SYNTHETIC benchmark data'})"
        )
        con.unregister("_obs")
    finally:
        con.close()


# --- the generator ---------------------------------------------------------------------------------------


def generate(scale: str | Scale = "small", seed: int = DEFAULT_SEED, as_of: dt.date = AS_OF) -> Workload:
    """A deterministic SYNTHETIC workload at the given scale ("full", "small", "tiny" or a `Scale`)."""
    sc = SCALES[scale] if isinstance(scale, str) else scale
    rng = np.random.default_rng(seed)
    inds = INDICATORS[: sc.indicators]
    years = sc.years
    tree = build_tree(sc, rng)
    values, growth = latent_series(tree, inds, years, rng)
    cells = report_cells(tree, inds, years, values, sc, rng)
    observations, files = render_reports(cells, tree, inds, sc, seed, rng)
    targets = build_targets(tree, inds, years, values, growth, rng)
    catalogue = Catalogue.model_validate(
        {
            "version": 1,
            "jurisdictions": catalogue_jurisdictions(tree),
            "indicators": catalogue_indicators(inds),
            "targets": [Target.model_validate(t) for t in targets],
        }
    )
    province_of = {code: tree.codes[tree.province[i]] for i, code in enumerate(tree.codes)}
    return Workload(sc, seed, as_of, catalogue, observations, files, province_of)


def load_catalogue_json(path: Path) -> Catalogue:
    """Read a catalogue written by `Workload.write_catalogue`."""
    return Catalogue.model_validate_json(path.read_text(encoding="utf-8"))


def describe(workload: Workload) -> dict:
    """Counts for reports and tests."""
    obs = workload.observations
    levels = pd.Series([j.admin_code for j in workload.catalogue.jurisdictions])
    return {
        "scale": workload.scale.name,
        "seed": workload.seed,
        "as_of": workload.as_of.isoformat(),
        "jurisdictions": len(workload.catalogue.jurisdictions),
        "provinces": int((levels.str[2:] == "0000").sum()) - 1,
        "prefectures": int(((levels.str[4:] == "00") & (levels.str[2:4] != "00")).sum()),
        "counties": int((levels.str[4:] != "00").sum()),
        "indicators": len(workload.catalogue.indicators),
        "years": len(workload.scale.years),
        "targets": workload.targets,
        "observations": len(obs),
        "series": int(obs[["jurisdiction", "indicator"]].drop_duplicates().shape[0]),
        "report_files": len(workload.report_files),
        "report_kinds": dict(Counter(f.rsplit("_", 1)[-1] for f in workload.report_files)),
        "report_bytes": sum(len(b) for b in workload.files.values()),
        "comparators": dict(pd.Series([t.comparator for t in workload.catalogue.targets]).value_counts()),
    }


def manifest(workload: Workload) -> str:
    """A JSON summary to keep beside written artefacts (labelled synthetic)."""
    return json.dumps({"data": "synthetic", "title": SYNTHETIC_TITLE, **describe(workload)}, default=int, indent=1)
