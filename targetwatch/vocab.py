"""The one list of every controlled vocabulary: statuses, comparators, kinds, units, colours, labels.

Code, warehouse tables, dashboards and docs all read from here, so a status or unit cannot be
spelled two ways. Chinese comes first because leaders read Chinese first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

INK: Final = "#1f2328"  # the dark text colour of the dashboards


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


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
    def text_colour(self) -> str:
        """White or ink, whichever reads better on the status colour (chips put words on it)."""
        return "#ffffff" if contrast(self.colour, "#ffffff") >= contrast(self.colour, INK) else INK


# Order is the reading order on dashboards: verdicts after the deadline, then pace, then the rest.
# Colours are Okabe & Ito's palette for colour-blind readers (vermillion darkened to carry white text, plus two
# greys told apart by lightness), so the nine stay distinct under protanopia, deuteranopia and tritanopia
# (tests/targetwatch/test_vocab.py measures it). The icons are in the system CJK fonts, ✗ in DejaVu (both
# installed by .ci/run).
STATUSES: Final[tuple[Status, ...]] = (
    Status("achieved", "已实现", "Achieved", "#009E73", "✓", "the comparator held in the deadline year"),
    Status(
        "achieved_late",
        "逾期实现",
        "Achieved late",
        "#56B4E9",
        "◑",
        "the comparator held only in a year after the deadline (or the deadline year has no figure)",
    ),
    Status("missed", "未实现", "Missed", "#C05500", "✗", "the comparator did not hold at the deadline or after"),
    Status("on_track", "进度符合预期", "On track", "#0072B2", "→", "progress at 95% or more of the required pace"),
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
)

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

# What `extract-targets --against targets.yaml` says of each proposal: a quote no target shares; a target with the
# same quote, value and comparator; a target with the same quote read otherwise (issue 18).
REVIEW_STATUSES: Final[tuple[str, ...]] = ("new", "catalogued", "conflicting")
