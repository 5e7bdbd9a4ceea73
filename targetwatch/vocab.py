"""The one list of every controlled vocabulary: statuses, comparators, kinds, units, colours, labels.

Code, warehouse tables, dashboards and docs all read from here, so a status or unit cannot be
spelled two ways. Chinese comes first because leaders read Chinese first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

INK: Final = "#1f2328"  # the dark text colour of the dashboards


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@functools.cache
def _text_colour(colour: str) -> str:
    """Status.text_colour, worked out once per colour (every chip of a national site asks: 1.5 million times)."""
    return "#ffffff" if contrast(colour, "#ffffff") >= contrast(colour, INK) else INK


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Status:
    code: str
    zh: str
    en: str
    colour: str
    icon: str  # a status is never told by colour alone: every chip, count and legend pairs icon, word, colour
    meaning_en: str

    @property
    def meaning_zh(self) -> str:
        """What the status means, in Chinese (a chip's tooltip, opened on tap on a phone); English if none yet."""
        return STATUS_MEANINGS_ZH.get(self.code, self.meaning_en)

    @property
    def text_colour(self) -> str:
        """White or ink, whichever reads better on the status colour (chips put words on it)."""
        return _text_colour(self.colour)


# Order is the reading order on dashboards: verdicts after the deadline, then pace, then the rest.
# Colours are Okabe & Ito's palette for colour-blind readers (vermillion darkened to carry white text, plus two
# greys told apart by lightness), so the ten stay distinct under protanopia, deuteranopia and tritanopia
# (tests/targetwatch/test_vocab.py measures it). The icons are in the system CJK fonts, ✗ in DejaVu (both
# installed by .ci/run).
STATUSES: Final[tuple[Status, ...]] = (
    Status("achieved", "已实现", "Achieved", "#009E73", "✓",
           "the comparator held in the deadline year (observed, or inferred on a declared non-decreasing indicator)"),
    Status(
        "achieved_late",
        "逾期实现",
        "Achieved late",
        "#56B4E9",
        "◑",
        "a figure shows the target unmet in the deadline year (observed, or inferred on a declared non-decreasing "
        "indicator) and a later figure shows it met",
    ),
    Status("missed", "未实现", "Missed", "#C05500", "✗",
           "a figure shows the target unmet in the deadline year (observed, or inferred on a declared "
           "non-decreasing indicator) and no later figure shows it met"),
    # What is known after the deadline when no figure answers the question "was it met on time?": the reason says
    # what the figures show ("met by 2021; 2020 not published"), the label claims neither lateness nor failure.
    Status("deadline_unpublished", "截止年数据未公布", "Deadline year unpublished", "#F0E442", "?",
           "the deadline has passed and no figure shows whether the target was met in the deadline year"),
    # Pace statuses: only before the deadline.
    Status("on_track", "进度符合预期", "On track", "#0072B2", "→",
           "before the deadline: already met, or progress at 95% or more of the required pace"),
    Status("at_risk", "需加快进度", "At risk", "#E69F00", "⚠", "progress at 60-95% of the required pace"),
    Status("off_track", "进展缓慢", "Off track", "#CC79A7", "▼", "progress below 60% of the required pace"),
    Status("regressing", "出现倒退", "Regressing", "#000000", "↓", "moving away from the target"),
    Status("no_data", "无数据", "No data", "#CCCCCC", "○", "no usable figure for the target's indicator"),
    Status("qualitative", "定性目标", "Qualitative", "#5A5A5A", "◆", "a goal with no number to measure"),
)
STATUS_CODES: Final[tuple[str, ...]] = tuple(s.code for s in STATUSES)
STATUS_BY_CODE: Final[dict[str, Status]] = {s.code: s for s in STATUSES}

# How a target's value is compared with an observation. Direction comes from the comparator.
COMPARATORS: Final[tuple[str, ...]] = (
    "at_least",  # 达到…以上 / 不低于 / 不少于: value >= target
    "exceed",  # 突破 / 超过: value > target (strict)
    "at_most",  # 以下 / 不超过: value <= target
    "approx",  # 左右: |value - target| <= tolerance * target
    "exact",  # a plain number with no qualifier, read as a floor the document means to reach
    "range",  # 1-2个: low is the commitment, high a stretch
    "growth_rate",  # 年均增长10%以上: compound annual growth rate >= value (percent)
    "multiple_of_baseline",  # 翻一番 / 比2017年增长一倍: value >= multiple * baseline
    "relative_to_reference",  # 达到全国平均水平: value >= the reference jurisdiction's value
    "qualitative",  # 达到全国先进水平 and other goals with no number
    "rank_at_most",  # 跃居全省前40位 / 达到全市前3水平: rank (1 = first) <= target, in the reference's scope
    "growth_above_reference",  # 增幅高于全省平均增幅: each year's growth > the reference jurisdiction's that year
)
# The comparators judged against a reference jurisdiction's figures (reference_jurisdiction): a target page lists that
# jurisdiction's figures beside the target's own and marks those its per-year rows used (reference_observation_id).
REFERENCE_COMPARATORS: Final[tuple[str, ...]] = ("relative_to_reference", "growth_above_reference")
# The columns of an assessment year (assessment_years) naming the figures its verdict was computed from, which every
# view marks as used: the year's own figure and the reference's, and a growth_above_reference row's year before, own
# and reference (its goal is the year before's figure grown at the reference's rate: the first judged year's are read
# by no other row). NULL where a row read none. The dashboards (small_site; data_files.YEAR_KEYS, target-view.js)
# and the lineage (explain, its --as-of replay, the quality report's lineage and revisions) read this one list.
USED_OWN_COLUMNS: Final[tuple[str, ...]] = ("observation_id", "previous_observation_id")
USED_REFERENCE_COLUMNS: Final[tuple[str, ...]] = ("reference_observation_id", "reference_previous_observation_id")
USED_COLUMNS: Final[tuple[str, ...]] = USED_OWN_COLUMNS + USED_REFERENCE_COLUMNS

# The ranking a rank_at_most target is placed in (全省前40位: province), widest first.
RANK_SCOPES: Final[tuple[str, ...]] = ("world", "national", "province", "city", "county", "district")

KINDS: Final[tuple[str, ...]] = ("outcome", "sub_target", "coverage", "policy_floor", "qualitative")

MEASURES: Final[tuple[str, ...]] = ("stock", "flow", "rate")

DEPARTMENT_ROLES: Final[tuple[str, ...]] = ("lead", "shared")  # 牵头负责 / 按职责分工负责

# Tolerance for `approx` when the catalogue states none (documented in docs/methodology.md).
DEFAULT_APPROX_TOLERANCE: Final[float] = 0.05


@dataclass(frozen=True)
class Unit:
    code: str
    zh: str
    en: str
    integer: bool  # counts of things are whole numbers
    min_value: float | None
    max_value: float | None


# Base units: every observation and target value is stored in one of these. The range is what a figure in that
# unit can plausibly be (both ends included; a value outside it, or not finite, is quarantined with the reason):
# counts are whole numbers below 1e9, persons below 2e9 (more than China's population), money below 1e15 yuan
# (more than a decade of China's GDP), floor space below 1e13 m² (more than China's land area), percentages
# -100..100 (0..100 for an indicator declared a share, `Indicator.share` in targets.yaml).
UNITS: Final[tuple[Unit, ...]] = (
    Unit("count", "个", "count", True, 0, 999_999_999),
    Unit("persons", "人", "persons", True, 0, 1_999_999_999),
    Unit("households", "户", "households", True, 0, 999_999_999),
    Unit("items", "件", "items", True, 0, 999_999_999),
    Unit("yuan", "元", "yuan", False, 0, 1e15),
    Unit("percent", "%", "%", False, -100, 100),
    Unit("sqm", "平方米", "m²", False, 0, 1e13),
    Unit("rank", "位", "rank", True, 1, 100_000),  # a position in a ranking (1 = first); lower is better
)
SHARE_RANGE: Final[tuple[float, float]] = (0, 100)  # an indicator declared a share (percent of a whole)

# What became of each file in the reports folder (`report_files.status`).
FILE_STATUSES: Final[tuple[str, ...]] = (
    "loaded",  # read; every row is an observation or a quarantined row
    "failed",  # the file's content cannot be read (the error says why)
    "refused",  # never read: outside the folder, not a regular file, or over a limit (targetwatch.limits)
    "duplicate",  # the same bytes as another file, which was read instead (`duplicate of …`)
    "not yet released",  # released after the as-of date: not visible in a replay of that date
)
UNIT_CODES: Final[tuple[str, ...]] = tuple(u.code for u in UNITS)
UNIT_BY_CODE: Final[dict[str, Unit]] = {u.code: u for u in UNITS}

# Units as they are written in reports and documents -> (base unit, factor to the base unit).
# Simplified and traditional forms both appear; full-width % is normalised before lookup.
WRITTEN_UNITS: Final[dict[str, tuple[str, float]]] = {
    "个": ("count", 1),
    "家": ("count", 1),
    "处": ("count", 1),
    "處": ("count", 1),
    "个数": ("count", 1),
    "個": ("count", 1),
    "所": ("count", 1),
    "项": ("count", 1),
    "項": ("count", 1),
    "count": ("count", 1),
    "firms": ("count", 1),
    "家企业": ("count", 1),
    "人": ("persons", 1),
    "人次": ("persons", 1),
    "persons": ("persons", 1),
    "万人": ("persons", 1e4),
    "萬人": ("persons", 1e4),
    "户": ("households", 1),
    "戶": ("households", 1),
    "万户": ("households", 1e4),
    "萬戶": ("households", 1e4),
    "件": ("items", 1),
    "万件": ("items", 1e4),
    "萬件": ("items", 1e4),
    "元": ("yuan", 1),
    "万元": ("yuan", 1e4),
    "萬元": ("yuan", 1e4),
    "亿元": ("yuan", 1e8),
    "億元": ("yuan", 1e8),
    "%": ("percent", 1),
    "percent": ("percent", 1),
    "平方米": ("sqm", 1),
    "万平方米": ("sqm", 1e4),
    "萬平方米": ("sqm", 1e4),
}

# Scale words for figures written as 1.3万 or 45万; the unit then follows.
MULTIPLIERS: Final[dict[str, float]] = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3}

# Confidence of a published figure, best first; when two sources give the same year, the better wins. A figure a
# department reported in a data-call return (targetwatch.data_call) comes last: an official statistic for the same
# series and year wins over it.
CONFIDENCE_LEVELS: Final[tuple[str, ...]] = ("high", "medium", "low", "department-reported")
DEPARTMENT_REPORTED: Final = "department-reported"
# The badge shown beside a department-reported figure on the dashboards, the workbook and the lineage pages.
DEPARTMENT_REPORTED_BADGE: Final[dict[str, str]] = {"zh": "部门报送", "en": "department-reported"}

# Figure types: only actuals are assessed; forecasts are quarantined with a reason.
FIGURE_TYPES: Final[tuple[str, ...]] = ("actual", "forecast")

# Period types: a partial-year figure is never compared with an annual target.
PERIOD_TYPES: Final[tuple[str, ...]] = ("annual", "partial")

# Pace thresholds on the ratio actual rate / required rate (Eurostat / Statistics Canada style).
PACE_ON_TRACK: Final[float] = 0.95
PACE_AT_RISK: Final[float] = 0.60

# A relative target's gap that moved less than this (percentage points) since the baseline is "flat".
GAP_FLAT_PP: Final[float] = 0.02

# Severity of a data-quality check: errors block assessment of the affected rows, warnings are shown.
SEVERITIES: Final[tuple[str, ...]] = ("error", "warning")


# Statuses that answer "was the target met by its deadline?" (the `verdict` column) and those that are only about pace
# (never shown after a deadline).
VERDICT_STATUSES: Final[tuple[str, ...]] = ("achieved", "achieved_late", "missed")
PACE_STATUSES: Final[tuple[str, ...]] = ("on_track", "at_risk", "off_track", "regressing")


@dataclass(frozen=True)
class Label:
    """A coded value with its words in both languages and what it means (for docs and tooltips)."""

    code: str
    zh: str
    en: str
    meaning_en: str
    meaning_zh: str


# Which figures a status rests on (the `evidence_basis` column), by the years of the target's figures relative to
# its deadline. docs/methodology.md has the decision table.
EVIDENCE_BASES: Final[tuple[Label, ...]] = (
    Label("observed", "截止年实测", "observed at the deadline",
          "a figure for the deadline year (for a yearly target: its plan years) decides the status",
          "截止年（逐年目标为规划期各年）的实际数据决定状态"),
    Label("bracketed", "截止年前后均有数据（只增不减）", "bracketed (non-decreasing)",
          "no deadline-year figure; figures before and after it, on an indicator declared non-decreasing",
          "截止年无数据；前后年份均有数据，且该指标已声明只增不减"),
    Label("before_and_after", "截止年前后均有数据（可能减少）", "before and after (may fall)",
          "no deadline-year figure; figures before and after it, on an indicator that may fall",
          "截止年无数据；前后年份均有数据，但该指标可能减少"),
    Label("after_deadline_only", "仅有截止年后数据", "after the deadline only",
          "no deadline-year figure; figures only for later years", "截止年无数据，只有之后年份的数据"),
    Label("before_deadline_only", "仅有截止年前数据", "before the deadline only",
          "figures only for years before the deadline (always so before a deadline has passed)",
          "只有截止年之前年份的数据（截止期未到时均如此）"),
    Label("none", "无数据", "none", "no usable figure", "没有可用数据"),
)
EVIDENCE_BASIS_CODES: Final[tuple[str, ...]] = tuple(b.code for b in EVIDENCE_BASES)
EVIDENCE_BASIS_BY_CODE: Final[dict[str, Label]] = {b.code: b for b in EVIDENCE_BASES}

# How a refresh ended: the `outcome` column of `runs` (targetwatch.runlog writes every row).
RUN_OUTCOMES: Final[tuple[Label, ...]] = (
    Label("running", "运行中", "running", "the run has started its build and not yet ended",
          "运行已开始构建，尚未结束"),
    Label("success", "已发布", "published", "every blocking check passed; the published outputs are this run's",
          "阻断性检查全部通过；发布的是本次运行的结果"),
    Label("published with holds", "已发布（部分数据暂扣）", "published with holds",
          "published, but the rows of some report files failed the blocking check and were held back (quarantined "
          "with the check's name); the rest was assessed and published",
          "已发布，但部分报表文件的数据行未通过阻断性检查而被暂扣（隔离并注明检查名称），其余数据照常评估并发布"),
    Label("failed", "失败", "failed", "nothing was published; the previous outputs are unchanged (the message says "
          "why: step and file)", "未发布；此前发布的内容保持不变（原因注明步骤和文件）"),
)
RUN_OUTCOME_CODES: Final[tuple[str, ...]] = tuple(o.code for o in RUN_OUTCOMES)
RUN_OUTCOME_BY_CODE: Final[dict[str, Label]] = {o.code: o for o in RUN_OUTCOMES}
PUBLISHED_OUTCOMES: Final[tuple[str, ...]] = ("success", "published with holds")  # the runs whose outputs went out


@dataclass(frozen=True)
class Grade:
    """How much of a status is measured (the `evidence_grade` column; shares per jurisdiction on the overview)."""

    code: str
    zh: str
    en: str
    colour: str
    icon: str
    meaning_en: str
    meaning_zh: str


EVIDENCE_GRADES: Final[tuple[Grade, ...]] = (
    Grade("observed", "实测", "observed", "#0072B2", "●",
          "read off figures for the years in question: a deadline-year figure for a verdict; before the deadline, "
          "a figure already meeting the target or a pace measured from the baseline to a later figure",
          "直接由相关年份的实际数据得出：判定依据截止年数据；截止前，依据已达标的数据或基期至其后年份的实际进度"),
    Grade("inferred", "推断", "inferred", "#E69F00", "◐",
          "rests on an inference stated as data: a verdict inferred on a declared non-decreasing indicator "
          "(`deadline_inferred_from`), or a pace from a trend in years before the baseline",
          "依据数据中注明的推断：在声明只增不减的指标上推断截止年是否达标，或以基期之前年份的趋势判断进度"),
    Grade("none", "无判定依据", "no evidence", "#CCCCCC", "○",
          "no figure decides the status (no data, or the deadline year unpublished)",
          "没有数据能够决定状态（无数据，或截止年数据未公布）"),
)
EVIDENCE_GRADE_CODES: Final[tuple[str, ...]] = tuple(g.code for g in EVIDENCE_GRADES)
EVIDENCE_GRADE_BY_CODE: Final[dict[str, Grade]] = {g.code: g for g in EVIDENCE_GRADES}

# How strong the trend behind a pace status is (the `evidence` column).
EVIDENCE_STRENGTHS: Final[tuple[Label, ...]] = (
    Label("trend", "多年数据，可判断趋势", "several years of figures (a trend)",
          "figures for the baseline and a later year", "有基期及其后年份的数据"),
    Label("trend_before_baseline", "基期前多年数据，趋势较弱", "a trend from years before the baseline only",
          "two or more figures, none after the baseline year: the trend is read over the years that exist",
          "有两个以上数据点但均不晚于基期：按已有年份判断趋势"),
    Label("single_point", "仅一个数据点，趋势未知", "one figure only (no trend)", "one figure: no trend is guessed",
          "只有一个数据点，不推测趋势"),
    Label("none", "没有数据点", "no figures", "no usable figure", "没有可用数据"),
)
EVIDENCE_STRENGTH_CODES: Final[tuple[str, ...]] = tuple(e.code for e in EVIDENCE_STRENGTHS)

# Declared behaviour of an indicator over time (targets.yaml `monotone`, always with `monotone_reason`). Only a
# declared `non_decreasing` indicator lets a verdict be inferred from a figure of another year; undeclared is read
# as `may_fall`.
MONOTONE: Final[tuple[str, ...]] = ("non_decreasing", "may_fall")

# What `extract-targets --against targets.yaml` says of each proposal: a quote no target shares; a target with the
# same quote, value and comparator; a target with the same quote read otherwise (issue 18).
REVIEW_STATUSES: Final[tuple[str, ...]] = ("new", "catalogued", "conflicting")


# What each status means, in Chinese (Status.meaning_zh): the tooltip of a status chip and of a status column.
STATUS_MEANINGS_ZH: Final[dict[str, str]] = {
    "achieved": "截止年份已达到目标",
    "achieved_late": "截止年份之后才达到目标",
    "missed": "截止年份未达到目标，之后也未达到",
    "deadline_unpublished": "截止期已过，尚无数据表明截止年份是否达到目标",
    "on_track": "截止期前：已达到目标，或进度达到应有进度的95%及以上",
    "at_risk": "进度为应有进度的60%至95%",
    "off_track": "进度低于应有进度的60%",
    "regressing": "与目标的差距在扩大",
    "no_data": "该指标没有可用的统计数据",
    "qualitative": "没有可量化数值的定性目标",
}
