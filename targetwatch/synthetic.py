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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import numpy as np
import pandas as pd

from targetwatch.catalogue import Catalogue, Indicator, Jurisdiction, Target
from targetwatch.reports.normalise import OBSERVATION_COLUMNS

SYNTHETIC_TITLE = "SYNTHETIC benchmark data"
FILE_PREFIX = "SYNTHETIC-benchmark"
DOCUMENT_ID = "synthetic-benchmark"
SOURCE_QUOTE = "SYNTHETIC benchmark target: not quoted from any real document"
DEFAULT_SEED = 20251122
AS_OF = dt.date(2025, 6, 30)  # the benchmark's judgement date: 2020 deadlines passed, 2025 and 2030 ahead
CSV_HEADER = (
    "jurisdiction,indicator,year,value,unit,period_type,figure_type,release_date,confidence,"
    "source_title,source_ref,notes"
)
NATIONAL_CODE = "syn-100000"

# Real GB/T 2260 province prefixes (the code *shape* only; every name and figure here is synthetic).
PROVINCE_PREFIXES: tuple[int, ...] = (
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
    42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
)  # fmt: skip


@dataclass(frozen=True)
class Scale:
    """How many jurisdictions, indicators and years. `prefectures` and `counties` are totals."""

    name: str
    provinces: int
    prefectures: int
    counties: int
    indicators: int = 40
    first_year: int = 2010
    last_year: int = 2024
    revision_share: float = 0.12

    def __post_init__(self) -> None:
        if not 1 <= self.provinces <= len(PROVINCE_PREFIXES):
            raise ValueError(f"provinces must be 1-{len(PROVINCE_PREFIXES)}")
        if self.prefectures < self.provinces or self.counties < self.prefectures:
            raise ValueError("need at least one prefecture per province and one county per prefecture")
        if not 2 <= self.indicators <= len(INDICATORS):
            raise ValueError(f"indicators must be 2-{len(INDICATORS)}")

    @property
    def jurisdictions(self) -> int:
        return 1 + self.provinces + self.prefectures + self.counties

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))


@dataclass(frozen=True)
class _Ind:
    code: str
    zh: str
    en: str
    unit: str  # count | persons | yuan | percent
    measure: str  # stock | flow | rate
    level: float  # national level in the first year (percent: the level itself)
    growth: float  # mean annual growth (percent: change in percentage points a year)
    direction: str = "increase"
    per_capita: bool = False  # not scaled by the jurisdiction's size


INDICATORS: tuple[_Ind, ...] = (
    _Ind("syn_high_tech_enterprises", "高新技术企业数", "high-tech enterprises", "count", "stock", 50e3, 0.12),
    _Ind("syn_tech_smes", "科技型中小企业数", "tech-based SMEs", "count", "stock", 80e3, 0.15),
    _Ind("syn_maker_spaces", "众创空间数", "maker spaces", "count", "stock", 2e3, 0.15),
    _Ind("syn_incubators", "科技企业孵化器数", "technology business incubators", "count", "stock", 1.5e3, 0.10),
    _Ind("syn_patents_granted", "专利授权量", "patents granted", "count", "flow", 8e5, 0.12),
    _Ind("syn_invention_patents_held", "有效发明专利数", "valid invention patents", "count", "stock", 5e5, 0.14),
    _Ind("syn_new_firms", "新登记市场主体数", "newly registered market entities", "count", "flow", 5e6, 0.08),
    _Ind("syn_listed_companies", "上市公司数", "listed companies", "count", "stock", 2.5e3, 0.06),
    _Ind("syn_rd_institutions", "新型研发机构数", "new-type R&D institutions", "count", "stock", 1e3, 0.12),
    _Ind("syn_schools", "普通中小学校数", "primary and secondary schools", "count", "stock", 2.5e5, -0.02),
    _Ind("syn_hospitals", "医院数", "hospitals", "count", "stock", 2e4, 0.03),
    _Ind("syn_pension_institutions", "养老机构数", "elderly-care institutions", "count", "stock", 3e4, 0.05),
    _Ind("syn_new_urban_jobs", "城镇新增就业人数", "new urban jobs", "persons", "flow", 12e6, 0.01),
    _Ind("syn_entrepreneurship_jobs", "创业带动就业人数", "jobs created through entrepreneurship", "persons", "flow",
         3e6, 0.05),
    _Ind("syn_rd_personnel", "R&D人员", "R&D personnel", "persons", "stock", 4e6, 0.07),
    _Ind("syn_skilled_workers", "技能人才总量", "skilled workers", "persons", "stock", 1e8, 0.05),
    _Ind("syn_vocational_trainees", "职业技能培训人次", "vocational trainees", "persons", "flow", 15e6, 0.04),
    _Ind("syn_resident_population", "常住人口", "resident population", "persons", "stock", 1.34e9, 0.004),
    _Ind("syn_urban_population", "城镇人口", "urban population", "persons", "stock", 6.7e8, 0.03),
    _Ind("syn_rural_poor", "农村贫困人口", "rural poor", "persons", "stock", 1.66e8, -0.20, "decrease"),
    _Ind("syn_registered_unemployed", "城镇登记失业人数", "registered urban unemployed", "persons", "stock", 9e6,
         0.01, "decrease"),
    _Ind("syn_gdp", "地区生产总值", "gross regional product", "yuan", "flow", 4.1e13, 0.08),
    _Ind("syn_rd_expenditure", "R&D经费支出", "R&D expenditure", "yuan", "flow", 7e11, 0.11),
    _Ind("syn_fixed_investment", "固定资产投资", "fixed-asset investment", "yuan", "flow", 2.5e13, 0.09),
    _Ind("syn_retail_sales", "社会消费品零售总额", "retail sales of consumer goods", "yuan", "flow", 1.5e13, 0.09),
    _Ind("syn_fiscal_revenue", "一般公共预算收入", "general public budget revenue", "yuan", "flow", 8e12, 0.07),
    _Ind("syn_tech_contract_turnover", "技术合同成交额", "technology contract turnover", "yuan", "flow", 4e11, 0.15),
    _Ind("syn_exports", "出口总额", "exports", "yuan", "flow", 1e13, 0.06),
    _Ind("syn_disposable_income", "居民人均可支配收入", "per-capita disposable income", "yuan", "flow", 12500,
         0.08, per_capita=True),
    _Ind("syn_rural_income", "农村居民人均可支配收入", "rural per-capita disposable income", "yuan", "flow", 6000,
         0.09, per_capita=True),
    _Ind("syn_digital_economy", "数字经济增加值", "digital economy value added", "yuan", "flow", 9e12, 0.14),
    _Ind("syn_rd_intensity", "R&D经费投入强度", "R&D intensity", "percent", "rate", 1.7, 0.05),
    _Ind("syn_urbanisation_rate", "常住人口城镇化率", "urbanisation rate", "percent", "rate", 50, 1.2),
    _Ind("syn_unemployment_rate", "城镇登记失业率", "registered urban unemployment rate", "percent", "rate", 4.1,
         -0.02, "decrease"),
    _Ind("syn_forest_coverage", "森林覆盖率", "forest coverage", "percent", "rate", 20, 0.3),
    _Ind("syn_high_tech_share", "高新技术产业增加值占比", "high-tech share of value added", "percent", "rate", 10,
         0.5),
    _Ind("syn_broadband_penetration", "固定宽带普及率", "fixed broadband penetration", "percent", "rate", 30, 3.0),
    _Ind("syn_energy_intensity_drop", "单位GDP能耗下降率", "fall in energy use per unit of GDP", "percent", "rate",
         3.5, -0.05),
    _Ind("syn_good_air_days", "空气质量优良天数比例", "share of good-air days", "percent", "rate", 75, 0.8),
    _Ind("syn_tertiary_share", "第三产业增加值占比", "tertiary share of value added", "percent", "rate", 44, 1.0),
)  # fmt: skip
PROXIES: dict[str, tuple[str, str]] = {
    "syn_new_urban_jobs": ("syn_entrepreneurship_jobs", "SYNTHETIC proxy: all new urban jobs, not only those "
                           "created through entrepreneurship"),
}


@dataclass(frozen=True)
class _Slot:
    """One target per jurisdiction on this indicator: comparator, kind and plan period."""

    indicator: str | None
    comparator: str
    kind: str = "outcome"
    plan_start: int | None = None
    deadline: int | None = None
    per_year: bool = False
    headline: bool = False
    multiple: float | None = None
    baseline_year: int | None = None
    stated_baseline: bool = False
    tolerance: float | None = None


SLOTS: tuple[_Slot, ...] = (
    _Slot("syn_high_tech_enterprises", "at_least", "outcome", 2015, 2020, headline=True),
    _Slot("syn_tech_smes", "at_least", "sub_target", 2020, 2025),
    _Slot("syn_maker_spaces", "exceed", "outcome", 2015, 2020),
    _Slot("syn_incubators", "range", "outcome", 2020, 2025),
    _Slot("syn_patents_granted", "at_least", "outcome", 2021, 2025, per_year=True),
    _Slot("syn_invention_patents_held", "multiple_of_baseline", "outcome", 2015, 2020, multiple=1.5,
          baseline_year=2015),
    _Slot("syn_new_firms", "at_least", "outcome", 2016, 2020, per_year=True),
    _Slot("syn_listed_companies", "exact", "outcome", 2020, 2025),
    _Slot("syn_rd_institutions", "approx", "outcome", 2015, 2020, tolerance=0.1),
    _Slot("syn_schools", "at_least", "policy_floor", 2020, 2025),
    _Slot("syn_hospitals", "at_least", "coverage", 2020, 2030),
    _Slot("syn_pension_institutions", "growth_rate", "outcome", 2020, 2025, baseline_year=2020),
    _Slot("syn_entrepreneurship_jobs", "at_least", "outcome", 2021, 2025, per_year=True),
    _Slot("syn_rd_personnel", "growth_rate", "outcome", 2015, 2020, baseline_year=2015, stated_baseline=True),
    _Slot("syn_skilled_workers", "at_least", "outcome", 2020, 2025),
    _Slot("syn_vocational_trainees", "at_least", "outcome", 2016, 2020, per_year=True),
    _Slot("syn_resident_population", "approx", "outcome", 2015, 2020),
    _Slot("syn_rural_poor", "at_most", "outcome", 2015, 2020),
    _Slot("syn_registered_unemployed", "at_most", "outcome", 2020, 2025),
    _Slot("syn_gdp", "multiple_of_baseline", "outcome", 2010, 2020, headline=True, multiple=2.0,
          baseline_year=2010),
    _Slot("syn_rd_expenditure", "growth_rate", "outcome", 2020, 2025, baseline_year=2020),
    _Slot("syn_fixed_investment", "growth_rate", "outcome", 2015, 2020, baseline_year=2015),
    _Slot("syn_retail_sales", "at_least", "outcome", 2020, 2025),
    _Slot("syn_fiscal_revenue", "exceed", "outcome", 2020, 2025),
    _Slot("syn_tech_contract_turnover", "at_least", "sub_target", 2015, 2020),
    _Slot("syn_exports", "range", "outcome", 2015, 2020),
    _Slot("syn_disposable_income", "multiple_of_baseline", "outcome", 2010, 2020, multiple=2.0,
          baseline_year=2010),
    _Slot("syn_digital_economy", "at_least", "outcome", 2020, 2030),
    _Slot("syn_rd_intensity", "relative_to_reference", "outcome", 2020, 2025, headline=True),
    _Slot("syn_urbanisation_rate", "at_least", "outcome", 2020, 2025),
    _Slot("syn_unemployment_rate", "at_most", "outcome", 2021, 2025, per_year=True),
    _Slot("syn_high_tech_share", "relative_to_reference", "outcome", 2015, 2020),
    _Slot("syn_rd_expenditure", "growth_above_reference", "outcome", 2020, 2025),  # 增幅高于上级平均增幅 (issue 18)
    _Slot("syn_broadband_penetration", "exceed", "outcome", 2015, 2020),
    _Slot("syn_tertiary_share", "approx", "outcome", 2020, 2025),
    _Slot(None, "qualitative", "qualitative", 2020, 2025),
)  # fmt: skip

SCALES: dict[str, Scale] = {
    # 31 provinces, 333 prefectures, 2,844 counties (China's counts), 40 indicators, 15 years.
    "full": Scale("full", 31, 333, 2844),
    "small": Scale("small", 3, 12, 60),
    "tiny": Scale("tiny", 2, 4, 8, indicators=40, first_year=2013, last_year=2024),
}

# Pandas/DuckDB types of the observation columns when written to Parquet (what the warehouse holds).
OBSERVATION_SQL_TYPES: dict[str, str] = {
    "year": "BIGINT",
    "value": "DOUBLE",
    "release_date": "DATE",
    "row_number": "BIGINT",
    "char_start": "BIGINT",
    "char_end": "BIGINT",
}


@dataclass
class Workload:
    """A synthetic catalogue, its observations, and the report files those observations were read from."""

    scale: Scale
    seed: int
    as_of: dt.date
    catalogue: Catalogue
    observations: pd.DataFrame
    files: dict[str, bytes] = field(repr=False)  # relative path -> exact bytes of the report file
    province_of: dict[str, str] = field(repr=False)  # jurisdiction code -> its province's code (national: itself)

    @property
    def targets(self) -> int:
        return len(self.catalogue.targets)

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


# --- jurisdictions ---------------------------------------------------------------------------------------


@dataclass
class _Tree:
    codes: list[str]
    admin: list[str]
    level: list[str]  # national | province | prefecture | county
    parent: list[int]  # index of the parent (-1 for national)
    province: list[int]  # index of the province (national: 0, itself)
    share: np.ndarray  # share of the national size


def _split(total: int, parts: int, rng: np.random.Generator) -> list[int]:
    """`total` items into `parts` groups of at least one, unevenly (like real administrative divisions)."""
    extra = rng.multinomial(total - parts, rng.dirichlet(np.full(parts, 4.0)))
    return [1 + int(e) for e in extra]


def _tree(scale: Scale, rng: np.random.Generator) -> _Tree:
    codes, admin, level, parent, province = [NATIONAL_CODE], ["100000"], ["national"], [-1], [0]
    shares = [1.0]
    pref_counts = _split(scale.prefectures, scale.provinces, rng)
    county_counts = _split(scale.counties, scale.prefectures, rng)
    prov_share = rng.dirichlet(np.full(scale.provinces, 3.0))
    k = 0
    for p, pp in enumerate(PROVINCE_PREFIXES[: scale.provinces]):
        p_idx = len(codes)
        codes.append(f"syn-{pp}0000")
        admin.append(f"{pp}0000")
        level.append("province")
        parent.append(0)
        province.append(p_idx)
        shares.append(float(prov_share[p]))
        pref_share = rng.dirichlet(np.full(pref_counts[p], 3.0)) * shares[p_idx]
        for c in range(pref_counts[p]):
            c_idx = len(codes)
            codes.append(f"syn-{pp}{c + 1:02d}00")
            admin.append(f"{pp}{c + 1:02d}00")
            level.append("prefecture")
            parent.append(p_idx)
            province.append(p_idx)
            shares.append(float(pref_share[c]))
            county_share = rng.dirichlet(np.full(county_counts[k], 3.0)) * shares[c_idx] * 0.7
            for x in range(county_counts[k]):
                codes.append(f"syn-{pp}{c + 1:02d}{x + 1:02d}")
                admin.append(f"{pp}{c + 1:02d}{x + 1:02d}")
                level.append("county")
                parent.append(c_idx)
                province.append(p_idx)
                shares.append(float(county_share[x]))
            k += 1
    return _Tree(codes, admin, level, parent, province, np.array(shares))


_LEVEL_ZH = {"national": "合成全国", "province": "合成省", "prefecture": "合成市", "county": "合成县"}


def _jurisdictions(tree: _Tree) -> list[Jurisdiction]:
    # The catalogue's model may not know "county" yet: counties are then filed as prefecture-level units, and
    # their 6-digit code (PPCCXX, XX > 00) still says county. The assessment never reads `level`.
    allowed = set(get_args(Jurisdiction.model_fields["level"].annotation))
    out = []
    for i, code in enumerate(tree.codes):
        lvl = tree.level[i]
        out.append(
            Jurisdiction(
                code=code,
                admin_code=tree.admin[i],
                name_zh=f"{_LEVEL_ZH[lvl]}{tree.admin[i]}",
                name_en=f"SYNTHETIC {lvl} {tree.admin[i]}",
                level=lvl if lvl in allowed else "prefecture",
                parent=tree.codes[tree.parent[i]] if tree.parent[i] >= 0 else None,
            )
        )
    return out


def _indicators(inds: tuple[_Ind, ...]) -> list[Indicator]:
    codes = {i.code for i in inds}
    out = []
    for ind in inds:
        proxy_of, note = PROXIES.get(ind.code, (None, None))
        if proxy_of not in codes:
            proxy_of, note = None, None
        out.append(
            Indicator(
                code=ind.code,
                name_zh=f"{ind.zh}（合成）",
                name_en=f"{ind.en} (SYNTHETIC)",
                unit=ind.unit,
                measure=ind.measure,
                direction=ind.direction,
                definition_en=f"SYNTHETIC benchmark indicator: {ind.en}",
                definition_zh=f"合成基准测试指标：{ind.zh}",
                proxy_of=proxy_of,
                proxy_note=note,
            )
        )
    return out


# --- the latent series -----------------------------------------------------------------------------------


def _series(tree: _Tree, inds: tuple[_Ind, ...], years: list[int], rng: np.random.Generator):
    """Latent values (J, I, Y) already rounded as published, and per-series growth (J, I)."""
    n_j, n_i, n_y = len(tree.codes), len(inds), len(years)
    t = np.arange(n_y)
    values = np.empty((n_j, n_i, n_y))
    growth = np.empty((n_j, n_i))
    for k, ind in enumerate(inds):
        if ind.unit == "percent":
            level = ind.level * np.exp(rng.normal(0, 0.18, n_j))
            level[0] = ind.level
            slope = ind.growth + rng.normal(0, abs(ind.growth) * 0.6 + 0.05, n_j)
            v = level[:, None] + slope[:, None] * t[None, :] + rng.normal(0, 0.05, (n_j, n_y))
            values[:, k] = np.round(np.clip(v, 0.1, 99.5), 2)
            growth[:, k] = slope
            continue
        scale = np.ones(n_j) if ind.per_capita else tree.share
        level = ind.level * scale * np.exp(rng.normal(0, 0.15, n_j))
        level[0] = ind.level
        g = ind.growth + rng.normal(0, 0.035, n_j)
        v = level[:, None] * (1 + g[:, None]) ** t[None, :] * np.exp(rng.normal(0, 0.015, (n_j, n_y)))
        growth[:, k] = g
        if ind.unit == "yuan":
            values[:, k] = np.round(v / 1e4, 2) * 1e4  # published in 万元 with two decimals
        elif ind.unit == "persons" and ind.level >= 1e8:
            values[:, k] = np.round(v / 100) * 100  # published in 万人 with two decimals
        else:
            values[:, k] = np.round(v)
    return values, growth


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


def _cells(tree: _Tree, inds: tuple[_Ind, ...], years: list[int], values: np.ndarray, scale: Scale,
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


def _render(cells: pd.DataFrame, tree: _Tree, inds: tuple[_Ind, ...], scale: Scale, seed: int,
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


# --- targets ---------------------------------------------------------------------------------------------


def _round_sig(x: float, digits: int = 3) -> float:
    if x == 0 or not np.isfinite(x):
        return 0.0
    return float(f"{x:.{digits}g}")


def _targets(tree: _Tree, inds: tuple[_Ind, ...], years: list[int], values: np.ndarray, growth: np.ndarray,
             rng: np.random.Generator) -> list[dict]:
    """One target per slot and jurisdiction, its number drawn around the series so every status occurs."""
    index = {ind.code: k for k, ind in enumerate(inds)}
    slots = [s for s in SLOTS if s.indicator is None or s.indicator in index]
    y0 = years[0]

    def at(j: int, k: int, year: int) -> float:
        if year <= years[-1]:
            return float(values[j, k, max(year, y0) - y0])
        last = float(values[j, k, -1])
        if inds[k].unit == "percent":
            return last + growth[j, k] * (year - years[-1])
        return last * (1 + growth[j, k]) ** (year - years[-1])

    rows = []
    n_j = len(tree.codes)
    draws = rng.random((n_j, len(slots), 3))
    for j in range(n_j):
        jcode = tree.codes[j]
        for s_i, slot in enumerate(slots):
            u = draws[j, s_i]
            t: dict = {
                "id": f"{jcode}-{s_i + 1:02d}",
                "jurisdiction": jcode,
                "indicator": slot.indicator,
                "kind": slot.kind,
                "comparator": slot.comparator,
                "plan_start": slot.plan_start,
                "deadline": slot.deadline,
                "per_year": slot.per_year,
                "headline": slot.headline and tree.level[j] in ("national", "province"),
                "departments": ["合成发展和改革委员会"],
                "department_role": "lead",
                "sources": [{"document": DOCUMENT_ID, "clause": f"slot {s_i + 1}", "quote": SOURCE_QUOTE}],
                "notes": SYNTHETIC_TITLE,
            }
            if slot.kind == "sub_target":
                if tree.parent[j] >= 0:
                    t["parent"] = f"{tree.codes[tree.parent[j]]}-{s_i + 1:02d}"
                else:
                    t["kind"] = "outcome"
            if slot.indicator is None:
                t |= {"name_zh": f"{_LEVEL_ZH[tree.level[j]]}{tree.admin[j]}达到先进水平（合成）",
                      "name_en": f"SYNTHETIC qualitative goal of {jcode}"}
                rows.append(t)
                continue
            k = index[slot.indicator]
            ind = inds[k]
            t["name_zh"] = f"{_LEVEL_ZH[tree.level[j]]}{tree.admin[j]}{ind.zh}目标（合成）"
            t["name_en"] = f"SYNTHETIC {ind.en} target of {jcode}"
            pct = ind.unit == "percent"
            rnd = (lambda x: round(x, 1)) if pct else _round_sig
            comparator = slot.comparator
            if comparator in ("relative_to_reference", "growth_above_reference") and tree.parent[j] < 0:
                comparator = t["comparator"] = "at_least"  # national has nothing above it
            if comparator == "growth_above_reference":
                t["reference_jurisdiction"] = tree.codes[tree.parent[j]]  # judged year by year, no value
            elif comparator == "relative_to_reference":
                t["reference_jurisdiction"] = tree.codes[tree.parent[j]]
            elif comparator == "growth_rate":
                t["value"] = round((growth[j, k] * 100 + (u[0] - 0.5) * 6) * 2) / 2
                t["baseline_year"] = slot.baseline_year
                if slot.stated_baseline and u[1] < 0.4:
                    t["baseline_value"] = at(j, k, slot.baseline_year)
            elif comparator == "multiple_of_baseline":
                t["multiple"] = slot.multiple
                t["baseline_year"] = slot.baseline_year
            elif slot.per_year:
                plan = [at(j, k, yr) for yr in range(slot.plan_start, slot.deadline + 1)]
                if comparator == "at_most":
                    t["value"] = rnd(max(plan) * (0.95 + 0.15 * u[0]))
                else:
                    t["value"] = rnd(float(np.mean(plan)) * (0.8 + 0.25 * u[0]))
            else:
                goal = at(j, k, slot.deadline)
                if comparator == "at_most":
                    t["value"] = rnd(goal * (0.8 + 0.35 * u[0]))
                elif comparator == "approx":
                    t["value"] = rnd(goal * (0.9 + 0.2 * u[0]))
                    if u[1] < 0.5:
                        t["tolerance"] = slot.tolerance
                elif comparator == "range":
                    low = rnd(goal * (0.85 + 0.3 * u[0]))
                    t["value"], t["value_high"] = low, rnd(low * 1.2)
                else:
                    t["value"] = rnd(goal * (0.85 + 0.35 * u[0]))
                if pct:
                    t["value"] = min(max(t["value"], 0.1), 99.9)
                    if "value_high" in t:
                        t["value_high"] = max(min(t["value_high"], 99.9), t["value"])
            rows.append(t)
    return rows


# --- the generator ---------------------------------------------------------------------------------------


def generate(scale: str | Scale = "small", seed: int = DEFAULT_SEED, as_of: dt.date = AS_OF) -> Workload:
    """A deterministic SYNTHETIC workload at the given scale ("full", "small", "tiny" or a `Scale`)."""
    sc = SCALES[scale] if isinstance(scale, str) else scale
    rng = np.random.default_rng(seed)
    inds = INDICATORS[: sc.indicators]
    years = sc.years
    tree = _tree(sc, rng)
    values, growth = _series(tree, inds, years, rng)
    cells = _cells(tree, inds, years, values, sc, rng)
    observations, files = _render(cells, tree, inds, sc, seed, rng)
    targets = _targets(tree, inds, years, values, growth, rng)
    catalogue = Catalogue.model_validate(
        {
            "version": 1,
            "jurisdictions": _jurisdictions(tree),
            "indicators": _indicators(inds),
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
        "report_files": len(workload.files),
        "report_bytes": sum(len(b) for b in workload.files.values()),
        "comparators": dict(pd.Series([t.comparator for t in workload.catalogue.targets]).value_counts()),
    }


def manifest(workload: Workload) -> str:
    """A JSON summary to keep beside written artefacts (labelled synthetic)."""
    return json.dumps({"data": "synthetic", "title": SYNTHETIC_TITLE, **describe(workload)}, default=int, indent=1)
