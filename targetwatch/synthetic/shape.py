"""SYNTHETIC workload: its shape. The names, scales, indicator specs and target slots every other part of the
generator reads (nothing here is a real figure; see the package docstring).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
XLSX_SHEET = "合成报表"  # the sheet of the SYNTHETIC XLSX returns

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
    # Realism (issue 16): the share of county series that are reported at all (None: as every other level, 97%);
    # every `xlsx_every`-th province sends its first releases as XLSX template workbooks (0: none); with
    # `yearbooks`, a province's revised own figures are printed in a yearbook table instead of the revision CSV.
    county_presence: float | None = None
    xlsx_every: int = 0
    yearbooks: bool = False

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
class Ind:
    code: str
    zh: str
    en: str
    unit: str  # count | persons | yuan | percent
    measure: str  # stock | flow | rate
    level: float  # national level in the first year (percent: the level itself)
    growth: float  # mean annual growth (percent: change in percentage points a year)
    direction: str = "increase"
    per_capita: bool = False  # not scaled by the jurisdiction's size


INDICATORS: tuple[Ind, ...] = (
    Ind("syn_high_tech_enterprises", "高新技术企业数", "high-tech enterprises", "count", "stock", 50e3, 0.12),
    Ind("syn_tech_smes", "科技型中小企业数", "tech-based SMEs", "count", "stock", 80e3, 0.15),
    Ind("syn_maker_spaces", "众创空间数", "maker spaces", "count", "stock", 2e3, 0.15),
    Ind("syn_incubators", "科技企业孵化器数", "technology business incubators", "count", "stock", 1.5e3, 0.10),
    Ind("syn_patents_granted", "专利授权量", "patents granted", "count", "flow", 8e5, 0.12),
    Ind("syn_invention_patents_held", "有效发明专利数", "valid invention patents", "count", "stock", 5e5, 0.14),
    Ind("syn_new_firms", "新登记市场主体数", "newly registered market entities", "count", "flow", 5e6, 0.08),
    Ind("syn_listed_companies", "上市公司数", "listed companies", "count", "stock", 2.5e3, 0.06),
    Ind("syn_rd_institutions", "新型研发机构数", "new-type R&D institutions", "count", "stock", 1e3, 0.12),
    Ind("syn_schools", "普通中小学校数", "primary and secondary schools", "count", "stock", 2.5e5, -0.02),
    Ind("syn_hospitals", "医院数", "hospitals", "count", "stock", 2e4, 0.03),
    Ind("syn_pension_institutions", "养老机构数", "elderly-care institutions", "count", "stock", 3e4, 0.05),
    Ind("syn_new_urban_jobs", "城镇新增就业人数", "new urban jobs", "persons", "flow", 12e6, 0.01),
    Ind("syn_entrepreneurship_jobs", "创业带动就业人数", "jobs created through entrepreneurship", "persons", "flow",
         3e6, 0.05),
    Ind("syn_rd_personnel", "R&D人员", "R&D personnel", "persons", "stock", 4e6, 0.07),
    Ind("syn_skilled_workers", "技能人才总量", "skilled workers", "persons", "stock", 1e8, 0.05),
    Ind("syn_vocational_trainees", "职业技能培训人次", "vocational trainees", "persons", "flow", 15e6, 0.04),
    Ind("syn_resident_population", "常住人口", "resident population", "persons", "stock", 1.34e9, 0.004),
    Ind("syn_urban_population", "城镇人口", "urban population", "persons", "stock", 6.7e8, 0.03),
    Ind("syn_rural_poor", "农村贫困人口", "rural poor", "persons", "stock", 1.66e8, -0.20, "decrease"),
    Ind("syn_registered_unemployed", "城镇登记失业人数", "registered urban unemployed", "persons", "stock", 9e6,
         0.01, "decrease"),
    Ind("syn_gdp", "地区生产总值", "gross regional product", "yuan", "flow", 4.1e13, 0.08),
    Ind("syn_rd_expenditure", "R&D经费支出", "R&D expenditure", "yuan", "flow", 7e11, 0.11),
    Ind("syn_fixed_investment", "固定资产投资", "fixed-asset investment", "yuan", "flow", 2.5e13, 0.09),
    Ind("syn_retail_sales", "社会消费品零售总额", "retail sales of consumer goods", "yuan", "flow", 1.5e13, 0.09),
    Ind("syn_fiscal_revenue", "一般公共预算收入", "general public budget revenue", "yuan", "flow", 8e12, 0.07),
    Ind("syn_tech_contract_turnover", "技术合同成交额", "technology contract turnover", "yuan", "flow", 4e11, 0.15),
    Ind("syn_exports", "出口总额", "exports", "yuan", "flow", 1e13, 0.06),
    Ind("syn_disposable_income", "居民人均可支配收入", "per-capita disposable income", "yuan", "flow", 12500,
         0.08, per_capita=True),
    Ind("syn_rural_income", "农村居民人均可支配收入", "rural per-capita disposable income", "yuan", "flow", 6000,
         0.09, per_capita=True),
    Ind("syn_digital_economy", "数字经济增加值", "digital economy value added", "yuan", "flow", 9e12, 0.14),
    Ind("syn_rd_intensity", "R&D经费投入强度", "R&D intensity", "percent", "rate", 1.7, 0.05),
    Ind("syn_urbanisation_rate", "常住人口城镇化率", "urbanisation rate", "percent", "rate", 50, 1.2),
    Ind("syn_unemployment_rate", "城镇登记失业率", "registered urban unemployment rate", "percent", "rate", 4.1,
         -0.02, "decrease"),
    Ind("syn_forest_coverage", "森林覆盖率", "forest coverage", "percent", "rate", 20, 0.3),
    Ind("syn_high_tech_share", "高新技术产业增加值占比", "high-tech share of value added", "percent", "rate", 10,
         0.5),
    Ind("syn_broadband_penetration", "固定宽带普及率", "fixed broadband penetration", "percent", "rate", 30, 3.0),
    Ind("syn_energy_intensity_drop", "单位GDP能耗下降率", "fall in energy use per unit of GDP", "percent", "rate",
         3.5, -0.05),
    Ind("syn_good_air_days", "空气质量优良天数比例", "share of good-air days", "percent", "rate", 75, 0.8),
    Ind("syn_tertiary_share", "第三产业增加值占比", "tertiary share of value added", "percent", "rate", 44, 1.0),
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
    # Realistic (issue 16 item 6): counties report about 30% of the series, some returns are XLSX, the provinces'
    # revised figures come in yearbook tables.
    "full": Scale("full", 31, 333, 2844, county_presence=0.30, xlsx_every=4, yearbooks=True),
    "small": Scale("small", 3, 12, 60, county_presence=0.30, xlsx_every=3, yearbooks=True),
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
