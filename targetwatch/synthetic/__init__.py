"""SYNTHETIC benchmark workload: every province, prefecture and county, dozens of indicators, fifteen years.

Nothing here is a real figure. The generator exists to measure how targetwatch scales (benchmarks/run.py,
docs/scaling.md) and to exercise partitioned runs in tests. Every artefact says it is synthetic:

- jurisdiction and indicator names start with 合成 / "SYNTHETIC", target notes and source quotes say so;
- every observation's `source_title` is "SYNTHETIC benchmark data";
- every report file is named `SYNTHETIC-benchmark_…` and opens with `# data: synthetic` (so the readers and
  the dashboards' red banner recognise it) and a comment naming the generator, seed and scale;
- the Parquet and catalogue files it writes are named `SYNTHETIC-benchmark-…` and the Parquet file carries
  `data=synthetic` in its key-value metadata.

The workload is deterministic: the same scale and seed give byte-identical report files, hence identical
sha256 checksums and observation ids. The observations frame is exactly what `ingest_folder` makes of the
written report files (same ids, locations, values and vintages), so in-memory benchmarks and file-based
refresh benchmarks measure the same figures.

Shape, per jurisdiction level (administrative-code-like codes: province PP0000, prefecture PPCC00, county
PPCCXX; the national reference is 100000):

- ~40 indicators in four units (count, persons, yuan, percent), stocks, flows and rates, two of them
  "decrease" indicators, one a labelled proxy;
- 15 annual figures per series (2010–2024), with a few missing series and gaps; a first release per year and a
  revision of ~10% of the figures a few months later (the last year's revision is released after `AS_OF`, so
  vintage replay matters); some files state no release date;
- one target per indicator slot and jurisdiction, covering every comparator (at_least, exceed, at_most, approx,
  exact, range, growth_rate, multiple_of_baseline, relative_to_reference to the parent level or national, and
  qualitative), per-year flow targets, sub-targets pointing at the parent level's target, stated and observed
  baselines, deadlines before and after `AS_OF` — so every status occurs.

The generator is split by concept: `shape` (names, scales, indicator specs, slots), `jurisdictions` (the tree),
`series` (the latent values), `report_files` (files and observations), `targets`, and `workload` (`generate`).
This package re-exports the public names, so `from targetwatch import synthetic` reads as before.
"""

from targetwatch.synthetic.shape import (
    AS_OF,
    CSV_HEADER,
    DEFAULT_SEED,
    DOCUMENT_ID,
    FILE_PREFIX,
    INDICATORS,
    NATIONAL_CODE,
    OBSERVATION_SQL_TYPES,
    PROVINCE_PREFIXES,
    PROXIES,
    SCALES,
    SLOTS,
    SOURCE_QUOTE,
    SYNTHETIC_TITLE,
    Scale,
)
from targetwatch.synthetic.workload import Workload, describe, generate, load_catalogue_json, manifest, write_parquet

__all__ = [
    "AS_OF",
    "CSV_HEADER",
    "DEFAULT_SEED",
    "DOCUMENT_ID",
    "FILE_PREFIX",
    "INDICATORS",
    "NATIONAL_CODE",
    "OBSERVATION_SQL_TYPES",
    "PROVINCE_PREFIXES",
    "PROXIES",
    "SCALES",
    "SLOTS",
    "SOURCE_QUOTE",
    "SYNTHETIC_TITLE",
    "Scale",
    "Workload",
    "describe",
    "generate",
    "load_catalogue_json",
    "manifest",
    "write_parquet",
]
