"""The document being read and the candidate targets found in it.

A `Document` holds what the whole text says once (issue date, issuer, catalogue indicators, whether it is a
statistics report); a `Candidate` is one figure or construct where it stands, filled in step by step by the
finders (`figures.py`), the walk (`walk.py`), the naming (`naming.py`) and the assembly (`extract.py`).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import targetwatch.extraction.rules as rules
import targetwatch.extraction.trillion as trillion
from targetwatch.catalogue import Catalogue
from targetwatch.extraction.text import Paragraph, Sentence, Span, fold
from targetwatch.units import parse_number

CJK = re.compile(r"[\u4e00-\u9fff]")
STRIP_HEAD = " \t\u3000-—–·•*>●■◆▲★▪"  # bullets and indentation before a quote (round 22: ● and its kin)
STRIP_TAIL = " \t\u3000,，:：;；、"


def _names(name_zh: str, aliases: list[str]) -> list[str]:
    """An indicator's name, its aliases, and its name without a trailing 数量/数 (众创空间数量 -> 众创空间)."""
    return [name_zh, re.sub(r"(?:数量|数|总数)$", "", name_zh), *aliases]


@functools.lru_cache(maxsize=4096)
def _folded_names(name_zh: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """An indicator's `_names` of two characters or more, folded and sorted: the same for every text read with the
    catalogue, so built once per name, not once per text."""
    return tuple(sorted({fold(k) for k in _names(name_zh, list(aliases)) if len(k) >= 2}))


def _has_figures(view: str, n: int) -> bool:
    """At least `n` figures with a unit of measure (not a measure word) in the view: the search stops at the n-th."""
    counted = (m for m in rules.FIGURE.finditer(view) if m["unit"] not in rules.MEASURE_WORDS)
    return len(list(itertools.islice(counted, n))) >= n


# --- the document as a whole -----------------------------------------------------------------------------------


@dataclass
class _Indicator:
    code: str
    unit: str
    keys: list[str]  # folded name and aliases


@dataclass
class Document:
    text: str
    view: str
    document_id: str
    catalogue: Catalogue | None
    issue_year: int | None = None
    issue_month: int | None = None
    jurisdiction: str = "unknown"
    indicators: list[_Indicator] = field(default_factory=list)
    is_report: bool = False  # no deadline and no word of intent anywhere: a statistics report
    # Without an issue date: the latest year the text states as a plain date (2020年研究生毕业人数达72.9万人), which
    # the text was written after; a deadline before it has passed (提升至2019年的48%). None when the text is dated.
    stated_year: int | None = None
    # The date the user gives (`extract-targets --issued 2025-01`, "YYYY" or "YYYY-MM"): it is the text's own date,
    # whatever the text states.
    issued: str | None = None
    # `deadlines` of a span of the view, by (start, end): the walk asks for each sentence's, and the coverage finders
    # ask again for each clause of it (a pure function of the view and the dates above, which are set once, here)
    deadline_memo: dict[tuple[int, int], list[tuple[int, int, str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.issued:
            m = re.fullmatch(r"\s*(?P<year>(?:19|20)\d{2})(?:[-/.年](?P<month>\d{1,2})月?)?(?:[-/.]\d{1,2}日?)?\s*",
                             self.issued)
            if m is None:
                raise ValueError(f"issued date {self.issued!r}: write it as YYYY or YYYY-MM")
            self.issue_year, self.issue_month = int(m["year"]), int(m["month"]) if m["month"] else None
        elif m := rules.ISSUE_DATE.search(self.view):
            self.issue_year, self.issue_month = int(m["year"]), int(m["month"] or m["m2"])
        elif m := re.search(r"[〔\[]((?:19|20)\d{2})[〕\]]", self.view[:400]):  # 晋发〔2017〕51号 in the header
            self.issue_year = int(m.group(1))
        else:
            years = [int(m["year"]) for m in rules.PLAIN_YEAR.finditer(self.view)]
            # round 9: an end point written 到2023年的 in a sentence without intent is a past the text looks back on
            years += [int(m["year"]) for m in rules.UNDATED_END_POINT.finditer(self.view)
                      if not _intent_around(self.view, m.start())]
            self.stated_year = max(years, default=None)
        self.jurisdiction = self._jurisdiction()
        self.is_report = (
            _has_figures(self.view, rules.REPORT_MIN_FIGURES)
            # round 15: a mirror's reading blank inside a word (目(mù)標(biāo) -> 目      标) does not hide it
            and not rules.INTENT.search(compact := rules.READING_BLANK.sub("", self.view))
            and not rules.THIS_YEAR.search(compact)
            and not deadlines(self.view, Span(0, len(self.view)), self)
            and self.plan_period_end() is None  # round 14: 印发《…行动计划(2021-2025年)》 opens a plan's news
        )
        if self.catalogue is not None:
            self.indicators = [
                _Indicator(i.code, i.unit, list(_folded_names(i.name_zh, tuple(i.aliases))))
                for i in self.catalogue.indicators
                if i.proxy_of is None  # a target always names the real indicator, never its proxy
            ]

    def plan_period_end(self) -> int | None:
        """Round 14: the last year of the period in the name of the plan the text opens with (印发《“创业江淮”行动计划
        (2021-2025年)》), when it is still ahead of the text's date; None otherwise."""
        named = [int(m["year"]) for m in rules.PLAN_NAME_PERIOD.finditer(self.view, 0, rules.PLAN_NAME_REACH)]
        ahead = [y for y in named if (self.issue_year or self.stated_year or 0) < y]
        return max(ahead) if ahead else None

    def _jurisdiction(self) -> str:
        """The issuer's jurisdiction: the catalogue name written before 人民政府/省委 in the text, else the most
        often named one; without a catalogue, the document id's first word (gansu-2015 -> gansu)."""
        generic = {"全国", "全省", "全市", "全区", "全县", "全州"}
        scores: Counter[str] = Counter()
        if self.catalogue is not None:
            for j in self.catalogue.jurisdictions:
                if j.level == "national":
                    continue
                for key in {fold(k) for k in [j.name_zh, *j.aliases] if len(k) >= 2} - generic:
                    for m in re.finditer(re.escape(key), self.view):
                        issuer = re.match(r"[省市]?(?:人民政府|省委|市委)", self.view[m.end() : m.end() + 5])
                        scores[j.code] += 10 if issuer else 1
        if scores:
            return scores.most_common(1)[0][0]
        head = re.match(r"[a-z][a-z0-9]*", self.document_id.lower())
        return head.group() if head else "unknown"

    def quote_span(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in STRIP_HEAD:
            start += 1
        while end > start and self.text[end - 1] in STRIP_TAIL:
            end -= 1
        return start, end


# --- candidates ---------------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Candidate:
    """A figure (or a construct such as 翻一番) where it stands, and what the rules made of it so far."""

    start: int  # the figure in the text
    end: int
    sentence: Sentence
    paragraph: Paragraph
    clause: Span
    comparator: str
    rules_fired: list[str]
    score: float
    quote_start: int = 0
    quote_end: int = 0
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    unit_as_written: str | None = None
    multiple: float | None = None
    baseline_year: int | None = None
    baseline_value: float | None = None
    reference_jurisdiction: str | None = None
    scope: str | None = None  # the ranking of a rank target (vocab.RANK_SCOPES)
    deadline: int | None = None
    per_year: bool = False
    kind: str = "outcome"
    parent: Candidate | None = None
    notes: list[str] = field(default_factory=list)
    heading: str = ""
    departments: list[str] = field(default_factory=list)
    department_role: str | None = None
    indicator: str | None = None
    indicator_status: str = "none"
    indicator_name_zh: str | None = None
    sub_clauses: list[Span] = field(default_factory=list)
    name_hint: str | None = None  # what it counts, when a list says so (A和B…分别…; A、B等6项指标翻两番)
    more_quotes: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, heading) of a restatement


def _sentence_at(view: str, at: int) -> str:
    start = max(view.rfind(ch, 0, at) for ch in "。;；\n") + 1
    ends = [i for ch in "。;；\n" if (i := view.find(ch, at)) >= 0]
    return view[start : min(ends, default=len(view))]


def intends(text: str) -> bool:
    """A word of intent in `text` (`rules.INTENT`); a target met or exceeded (完成…目标, `rules.TARGET_MET`) is none."""
    return rules.INTENT.search(rules.TARGET_MET.sub("", text)) is not None


def _intent_around(view: str, at: int) -> bool:
    """A word of intent in the sentence around `at`."""
    return intends(_sentence_at(view, at))


def _goals_before(view: str, at: int) -> bool:
    """Round 14: a word of intent or 目标 in the line before `at` or earlier in its own line
    (总体目标\n2018—2020年,…)."""
    start = view.rfind("\n", 0, at)
    prev = view.rfind("\n", 0, max(start, 0)) + 1
    return intends(view[prev:at])


def number(text: str) -> float:
    """A written number; an empty one is the bare scale word of 过万家 (one 万), 百 alone is 超百家's hundred."""
    if text in ("百", "千"):  # 超百家: the bare word after 超 / 过 / 逾; round 37: 千亿斤以上 (barescale.py)
        return 100.0 if text == "百" else 1000.0
    text = text.replace(" . ", ".")  # round 16: 6 . 5% (a decimal point printed with spaces)
    return float(parse_number(text)) if text else 1.0  # type: ignore[arg-type]


def scaled(num: str, scale: str | None, unit: str) -> tuple[float, str]:
    """A written figure in its base unit: ('1.3', '万', '件') -> (13000, 'items'). 1.3 x 10000 is 13000, not
    13000.000000000002; a count written with decimals stays so (每千家企业中不少于5.67家 is a density)."""
    base, factor = rules.UNITS[unit]
    value = number(num) * math.prod(trillion.FACTORS[ch] for ch in scale or "") * factor  # 万亿: 10^4 x 10^8
    return float(f"{value:.10g}"), base


def deadlines(view: str, span: Span, doc: Document) -> list[tuple[int, int, str]]:
    """(offset, year, rule) for each deadline phrase in a span, in reading order (a new list each call)."""
    if view is not doc.view:
        return _deadlines(view, span, doc)
    key = (span.start, span.end)
    if (found := doc.deadline_memo.get(key)) is None:
        found = doc.deadline_memo[key] = _deadlines(view, span, doc)
    return list(found)


def _deadlines(view: str, span: Span, doc: Document) -> list[tuple[int, int, str]]:
    found = []
    for rule, pattern in rules.DEADLINES:
        for m in pattern.finditer(view, span.start, span.end):
            if "year" in m.groupdict() and m["year"]:
                year = int(m["year"])
            elif "period" in m.groupdict():
                year = rules.PLAN_PERIODS[m["period"]]
            elif doc.issue_year is not None:
                n = int(number(m["n"]))
                year = doc.issue_year + n - (1 if rules.NEXT_YEARS_INCLUDE_ISSUE_YEAR and (
                    "未来" in m.group() or rule in ("deadline_years_ahead", "deadline_years_target",
                                                  "deadline_years_opening")) else 0)
            else:
                continue
            if doc.issue_year is None and rule == "deadline_by_year" and rules.UNDATED_END_POINT.match(
                    view, m.start()) and not _intent_around(view, m.start()):
                continue  # undated: 增长到2023年的超过2.2亿人 without intent says where things stood (round 9)
            if rule == "deadline_period_end" and (year <= (doc.issue_year or doc.stated_year or 0) or (
                    doc.issue_year is None and not _goals_before(view, m.start()))):
                continue  # round 14: 2019-2022年,…共发布四个批次 in a text of 2022 (undated: no goal named before)
            if doc.issue_year is not None and year < doc.issue_year:
                continue  # a date in the past: 截至2017年底 in a 2018 plan reports, it does not set a deadline
            if doc.stated_year is not None and year < doc.stated_year:
                continue  # undated, but a later year is stated as past: 提升至2019年的48% after 2020年…达72.9万人
            if rule == "deadline_plan_period_end" and (
                    (doc.issue_year is not None and year <= doc.issue_year)
                    or any(end > year and name in doc.view for name, end in rules.PLAN_PERIODS.items())):
                continue  # 至“十四五”末 in a text of 2025, or one that names the 十五五: the period is summed up
            found.append((m.start(), year, rule))
    return sorted(found)
