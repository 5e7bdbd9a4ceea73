"""Propose catalogue targets from the text of a policy document.

`extract_targets` walks the document paragraph by paragraph, sentence by sentence, applies the tables of
`rules.py`, and returns one `Proposal` per target: a ready-made `targets.yaml` entry (validated against
`catalogue.Target`) with the quote's character offsets, a confidence and the rules that fired. Every quote is a
slice of the text as written, checked to occur verbatim before it is returned.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

import targetwatch.extraction.rules as rules
from targetwatch import vocab
from targetwatch.catalogue import Catalogue, Target
from targetwatch.extraction.text import Paragraph, Sentence, Span, fold, inside_marks, paragraphs
from targetwatch.units import parse_number

_CJK = re.compile(r"[\u4e00-\u9fff]")
_STRIP_HEAD = " \t\u3000-—–·•*>"  # bullets and indentation before a quote
_STRIP_TAIL = " \t\u3000,，:：;；、"


class Proposal(BaseModel):
    """One proposed target: `entry` is a `targets.yaml` item; the rest says where it came from and how sure."""

    entry: dict[str, Any]
    unit: str | None = None  # base unit of the value (vocab.UNIT_CODES)
    unit_as_written: str | None = None
    char_start: int  # offsets of the first quote in the text
    char_end: int
    more_offsets: list[tuple[int, int]] = []  # offsets of the other quotes (a goal restated later), in order
    confidence: float
    rule: str
    indicator_status: Literal["matched", "new", "none"]  # a catalogue code, a proposed code, or none (qualitative)
    indicator_name_zh: str | None = None
    problems: list[str] = []  # what `catalogue.Target` says is missing, in its own words

    @property
    def quote(self) -> str:
        return self.entry["sources"][0]["quote"]

    @property
    def offsets(self) -> list[tuple[int, int]]:
        """(start, end) of every quote, in the order of `entry["sources"]`."""
        return [(self.char_start, self.char_end), *self.more_offsets]

    @property
    def document(self) -> str:
        return self.entry["sources"][0]["document"]

    @property
    def value(self) -> float | None:
        return self.entry.get("value")

    def target(self) -> Target:
        """The entry as a catalogue Target (raises pydantic.ValidationError when something is missing)."""
        return Target.model_validate(self.entry)


def _names(name_zh: str, aliases: list[str]) -> list[str]:
    """An indicator's name, its aliases, and its name without a trailing 数量/数 (众创空间数量 -> 众创空间)."""
    return [name_zh, re.sub(r"(?:数量|数|总数)$", "", name_zh), *aliases]


# --- the document as a whole -----------------------------------------------------------------------------------


@dataclass
class _Indicator:
    code: str
    unit: str
    keys: list[str]  # folded name and aliases


@dataclass
class _Document:
    text: str
    view: str
    document_id: str
    catalogue: Catalogue | None
    issue_year: int | None = None
    issue_month: int | None = None
    jurisdiction: str = "unknown"
    indicators: list[_Indicator] = field(default_factory=list)
    is_report: bool = False  # no deadline and no word of intent anywhere: a statistics report

    def __post_init__(self) -> None:
        if m := rules.ISSUE_DATE.search(self.view):
            self.issue_year, self.issue_month = int(m["year"]), int(m["month"] or m["m2"])
        elif m := re.search(r"[〔\[]((?:19|20)\d{2})[〕\]]", self.view[:400]):  # 晋发〔2017〕51号 in the header
            self.issue_year = int(m.group(1))
        self.jurisdiction = self._jurisdiction()
        self.is_report = (
            len(rules.FIGURE.findall(self.view)) >= rules.REPORT_MIN_FIGURES
            and not rules.INTENT.search(self.view) and not rules.THIS_YEAR.search(self.view)
            and not _deadlines(self.view, Span(0, len(self.view)), self)
        )
        if self.catalogue is not None:
            self.indicators = [
                _Indicator(i.code, i.unit, sorted({fold(k) for k in _names(i.name_zh, i.aliases) if len(k) >= 2}))
                for i in self.catalogue.indicators
                if i.proxy_of is None  # a target always names the real indicator, never its proxy
            ]

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
        while start < end and self.text[start] in _STRIP_HEAD:
            start += 1
        while end > start and self.text[end - 1] in _STRIP_TAIL:
            end -= 1
        return start, end


# --- candidates ---------------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Candidate:
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
    parent: _Candidate | None = None
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


def _number(text: str) -> float:
    """A written number; an empty one is the bare scale word of 过万家 (one 万)."""
    return float(parse_number(text)) if text else 1.0  # type: ignore[arg-type]


def _scaled(num: str, scale: str | None, unit: str) -> tuple[float, str]:
    """A written figure in its base unit: ('1.3', '万', '件') -> (13000, 'items'). 1.3 x 10000 is 13000, not
    13000.000000000002; a count written with decimals stays so (每千家企业中不少于5.67家 is a density)."""
    base, factor = rules.UNITS[unit]
    value = _number(num) * (vocab.MULTIPLIERS[scale] if scale else 1) * factor
    return float(f"{value:.10g}"), base


def _deadlines(view: str, span: Span, doc: _Document) -> list[tuple[int, int, str]]:
    """(offset, year, rule) for each deadline phrase in a span, in reading order."""
    found = []
    for rule, pattern in rules.DEADLINES:
        for m in pattern.finditer(view, span.start, span.end):
            if "year" in m.groupdict() and m["year"]:
                year = int(m["year"])
            elif doc.issue_year is not None:
                n = int(_number(m["n"]))
                year = doc.issue_year + n - (1 if rules.NEXT_YEARS_INCLUDE_ISSUE_YEAR and "未来" in m.group() else 0)
            else:
                continue
            if doc.issue_year is not None and year < doc.issue_year:
                continue  # a date in the past: 截至2017年底 in a 2018 plan reports, it does not set a deadline
            found.append((m.start(), year, rule))
    return sorted(found)


def _comparator(view: str, m: re.Match[str], clause: Span) -> tuple[str, str]:
    """(comparator, rule) for a figure from the cue tables; a range and a plain number are the fallbacks."""
    before = view[max(clause.start, m.start() - rules.PREFIX_REACH) : m.start()]
    before = re.split(r"\d", before)[-1]  # no other number between a cue and its figure
    after = (m["post"] or "") + (m["more"] or "")
    adjacent = before.rstrip(" ")
    for cue in rules.COMPARATOR_CUES:
        if cue.where == "after" and any(w in after for w in cue.words):
            return cue.comparator, cue.rule
        if cue.where == "adjacent":
            if adjacent.endswith(cue.words) or (not m["num"] and before.endswith(cue.words)):
                return cue.comparator, cue.rule
            continue
        if cue.where == "before" and any(w in before for w in cue.words):
            if cue.comparator == "growth_rate" and m["unit"] != "%":
                continue
            return cue.comparator, cue.rule
    wide = re.split(r"\d", view[max(clause.start, m.start() - rules.SHARE_OF_REACH) : m.start()])[-1]
    if wide.rstrip(" ").endswith("的") and not m["low"]:  # 达到全国耕地总面积的0.5%: a share of what is named
        for cue in rules.COMPARATOR_CUES:
            if cue.where == "before" and cue.comparator in ("at_least", "at_most") \
                    and any(w in wide for w in cue.words):
                return cue.comparator, cue.rule
    if m["low"]:
        return "range", rules.RANGE_RULE
    return "exact", rules.PLAIN_RULE


def _has_verb(before: str) -> bool:
    """A target verb in the text, not as part of a noun (孵化器, 建设发展大会)."""
    for v in rules.TARGET_VERBS:
        at = before.find(v)
        while at >= 0:
            if not rules.VERB_IN_NOUN.match(before, at + len(v)):
                return True
            at = before.find(v, at + 1)
    return False


def _counts_the_list(view: str, clause: Span, m: re.Match[str]) -> bool:
    """从A、B、C、D、E、F等六个方面: 等N right after a list of N items counts the list. 众创空间、创业咖啡、创新工场
    等10家以上 (3 kinds, 10 places) is a target."""
    before = view[clause.start : m.start()].rstrip(" ")
    if m["post"] or m["more"] or m["low"]:
        return False
    deng = before.endswith(rules.ENUMERATION_COUNT_BEFORE)
    if deng and view[m.end() : m.end() + 4].lstrip(" ").startswith(("指标", "主要指标")):
        return True  # 等6项指标翻两番: the number of indicators a multiple applies to
    if "、" not in before:
        return False
    try:
        n = _number(m["num"])
    except ValueError:
        return False
    parts = before.split("、")
    items = len(parts) + len(rules.ITEM_JOINERS.findall(parts[-1])[:1])  # …、关键基础材料和产业技术基础6个领域
    return n >= 2 and (items == n or (deng and len(parts) == n))


def _reported(doc: _Document, para: Paragraph, at: int) -> bool:
    """A news report's cue (据介绍, 数据显示, 日前…公布) earlier in the paragraph, with no deadline or word of intent
    between it and the figure: the figure says what was done, not what is planned."""
    text = doc.view[para.start : at]
    cue = max((text.rfind(w) for w in rules.REPORT_WORDS), default=-1)
    if cue < 0:
        return False
    after = doc.view[para.start + cue : at]
    return not rules.INTENT.search(after) and not _deadlines(doc.view, Span(para.start + cue, at), doc)


def _past_period(doc: _Document, para: Paragraph, at: int) -> bool:
    """“十三五”期间…增至6006名 in a text of 2022: a plan period that ended before the text, named earlier in the
    paragraph with no deadline or word of intent between its name and the figure."""
    if doc.issue_year is None:
        return False
    text = doc.view[para.start : at]
    for name, end in rules.PLAN_PERIODS.items():
        where = text.rfind(name)
        if where >= 0 and end < doc.issue_year:
            after = doc.view[para.start + where : at]
            if not rules.INTENT.search(after) and not _deadlines(
                    doc.view, Span(para.start + where, at), doc):
                return True
    return False


def _past_end(doc: _Document, before: str, sentence_before: str = "") -> bool:
    """增加到2021年的33万家, or a sentence opening 2021年，… in a text of 2022: the figure says where things stood."""
    if doc.issue_year is None:
        return False
    m = rules.PAST_END.search(before) or rules.PAST_YEAR_OPENING.match(sentence_before.lstrip(_STRIP_HEAD))
    return m is not None and int(m["year"]) < doc.issue_year


def _category_thresholds(view: str, found: list[_Candidate]) -> None:
    """In 2万平方米以上孵化器超150个, 吸纳300人以上的孵化器超200个, 总收入超过100亿元的企业达到10家以上 the first
    figure says which things are counted; the count after it is the target. A figure followed by 的 or by a noun
    (after 以上/以下, or after 超过), with a figure of another unit later in its clause, is such a threshold."""
    for a, b in itertools.pairwise(found):
        if a.clause is not b.clause or a.value is None or b.value is None or a.unit == b.unit:
            continue
        between = view[a.end : b.start]
        if any(ch in between for ch in "、,，;；"):
            continue
        qualifies = between.lstrip(" ").startswith("的") or (
            (a.comparator in ("at_least", "at_most", "exceed")) and bool(_CJK.match(between.lstrip(" ")))
            and not between.lstrip(" ").startswith(rules.THRESHOLD_NOT_BEFORE)
        )
        if qualifies:
            a.score += rules.CONFIDENCE["category_threshold"]
            a.rules_fired.append("category_threshold")


def _figures(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    view = doc.view
    out = []
    baselines = list(rules.BASELINE_VALUE.finditer(view, clause.start, clause.end))
    above = list(rules.ABOVE_REFERENCE.finditer(view, clause.start, clause.end))
    for m in rules.FIGURE.finditer(view, clause.start, clause.end):
        if any(b.start() <= m.start() < b.end() for b in baselines):
            continue  # 由50家增加到…: the baseline, attached to the figure after 到 below
        if any(a.start() <= m.start() < a.end() for a in above):
            continue  # 比全国高15个百分点: read whole as a level above a reference (_above_reference)
        if inside_marks(view, m.start(), m.end()):
            continue  # “三个工程”, 《…》: a name, not a figure
        if view[m.start() - 1 : m.start()] in ("第", "每"):
            continue
        if _counts_the_list(view, clause, m):
            continue  # A、B、C…等六个方面: how many things were just listed
        if m["num"] == "一" and not m["low"]:
            continue  # 一个窗口, 一家: an article, not a count
        if rules.CONDITION_END.search(view[clause.start : clause.end].strip()):
            continue  # 对…达到30%以上的，: a condition for a rule, not a target
        try:
            value, base = _scaled(m["num"], m["scale"], m["unit"])
            low = _scaled(m["low"], m["low_scale"] or m["scale"], m["unit"])[0] if m["low"] else None
        except ValueError:
            continue
        comparator, rule = _comparator(view, m, clause)
        before = view[clause.start : m.start()]
        score = rules.CONFIDENCE["base"]
        fired = [rule]
        if rule != rules.PLAIN_RULE:
            score += rules.CONFIDENCE["comparator"]
        if _has_verb(before):
            score += rules.CONFIDENCE["verb"]
            fired.append("target_verb")
        if any(w in view[sent.start : m.start()] for w in rules.STATUS_WORDS):
            score += rules.CONFIDENCE["status"]
            fired.append("status_report")
        elif doc.is_report or _reported(doc, para, m.start()):
            score += rules.CONFIDENCE["report"]
            fired.append("news_report")
        if rules.DONE_BEFORE.search(before) or _past_end(doc, before, view[sent.start : m.start()]) \
                or _past_period(doc, para, m.start()):
            score += rules.CONFIDENCE["done"]
            fired.append("done")
        if rules.PER_UNIT.search(view[sent.start : m.start()].lstrip(_STRIP_HEAD)) \
                and not rules.COVERAGE.search(view, clause.start, m.start()):
            score += rules.CONFIDENCE["per_unit_norm"]
            fired.append("per_unit_norm")
        opener = view[clause.start : clause.end].lstrip(_STRIP_HEAD)
        if opener.startswith(rules.ENUMERATION_OPENERS) and "、" in before and not _has_verb(before.split("、")[-1]):
            score += rules.CONFIDENCE["enumeration"]
            fired.append("enumeration")
        cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=comparator, rules_fired=fired, score=score, value=value, unit=base,
                          unit_as_written=doc.text[m.start("scale") if m["scale"] else m.start("unit") : m.end("unit")])
        if comparator == "range":
            cand.value, cand.value_high = (low, value) if low is not None and low <= value else (value, low)
        if m["unit"] == "%" and not m["low"] and (g := rules.GROWTH_OVER_BASELINE.search(before)):
            cand.comparator, cand.multiple, cand.baseline_year = "multiple_of_baseline", 1 + value / 100, int(g["year"])
            cand.value, cand.unit, cand.unit_as_written = None, None, None
            fired.append("growth_over_baseline")
        if b := next((b for b in baselines if b.end() == m.start()), None):
            cand.baseline_value = _scaled(b["base"], b["base_scale"], b["base_unit"] or m["unit"])[0]
            cand.baseline_year = int(b["base_year"]) if b["base_year"] else None
            fired.append("baseline_value")
        if any(w in view[clause.start : m.start()] for w in rules.PER_YEAR):
            cand.per_year = True
            fired.append("per_year")
        if any(w in view[clause.start : m.start()] for w in rules.CUMULATIVE):
            cand.notes.append("累计 (cumulative)")
            fired.append("cumulative")
        if any(w in view[sent.start : m.start()] for w in rules.ASPIRATION):
            cand.notes.append("aspirational (力争/争取)")
            fired.append("aspiration")
        out.append(cand)
    return out


# A construct is its own comparator and verb (达到全国平均水平, 翻一番).
_CONSTRUCT_SCORE = rules.CONFIDENCE["base"] + rules.CONFIDENCE["comparator"] + rules.CONFIDENCE["verb"]


def _constructs(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    """Targets written without a figure of their own: 达到全国平均水平, 翻一番, 增长一倍, 全国先进水平."""
    view = doc.view
    out = []
    for construct in rules.CONSTRUCTS:
        for m in construct.pattern.finditer(view, clause.start, clause.end):
            if inside_marks(view, m.start(), m.end()):
                continue
            cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                              comparator=construct.comparator, rules_fired=[construct.rule], score=_CONSTRUCT_SCORE,
                              reference_jurisdiction=construct.reference_jurisdiction)
            if construct.comparator == "qualitative":
                cand.kind = "qualitative"
            elif any(w in view[clause.start : m.start()] for w in rules.OUTCOME_RATE_WORDS):
                cand.unit = "percent"  # a share (占…比重) compared with the national one
            if any(w in view[sent.start : m.start()] for w in rules.ASPIRATION):
                cand.notes.append("aspirational (力争/争取)")
                cand.rules_fired.append("aspiration")
            out.append(cand)
    for pattern, rule in ((rules.DOUBLING, "doubling"), (rules.GROWTH_MULTIPLE, "growth_multiple")):
        for m in pattern.finditer(view, clause.start, clause.end):
            n = _number(m["n"])
            multiple = 2**n if rule == "doubling" else n + 1
            cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                              comparator="multiple_of_baseline", rules_fired=[rule], score=_CONSTRUCT_SCORE,
                              multiple=float(multiple))
            if b := rules.BASELINE_YEAR.search(view, clause.start, m.start()):
                cand.baseline_year = int(b["year"])
                cand.rules_fired.append("baseline_year")
            out += _per_indicator(view, clause, m.start(), cand)
    out += _indices(doc, para, sent, clause) + _ranks(doc, para, sent, clause) + _growth_above(doc, para, sent, clause)
    out += _above_reference(doc, para, sent, clause) + _coverage_goals(doc, para, sent, clause)
    return out


def _reference(doc: _Document, scope: str | None) -> str | None:
    """The catalogue jurisdiction a 全国 / 全省 reference names: the national one; the parent of the document's
    jurisdiction when that is the province's (a city's plan comparing with 全省). None when the catalogue cannot
    say (the proposal then lists the missing reference in its problems)."""
    if scope is None or doc.catalogue is None:
        return None
    levels = {j.code: j for j in doc.catalogue.jurisdictions}
    if scope == "national":
        return next((j.code for j in doc.catalogue.jurisdictions if j.level == "national"), None)
    own = levels.get(doc.jurisdiction)
    if scope == "province" and own is not None and own.parent in levels and levels[own.parent].level == "province":
        return own.parent
    return None


def _status_penalty(doc: _Document, para: Paragraph, sent: Sentence, c: _Candidate) -> None:
    """The status and report cues of `_figures`, for a construct."""
    if any(w in doc.view[sent.start : c.start] for w in rules.STATUS_WORDS):
        c.score += rules.CONFIDENCE["status"]
        c.rules_fired.append("status_report")
    elif doc.is_report or _reported(doc, para, c.start):
        c.score += rules.CONFIDENCE["report"]
        c.rules_fired.append("news_report")


def _above_reference(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    """比全国高15个百分点, 比当地平均水平高50%, 比当地平均水平高一倍: a level above a reference's."""
    out = []
    for m in rules.ABOVE_REFERENCE.finditer(doc.view, clause.start, clause.end):
        try:
            n = _number(m["n"])
        except ValueError:
            continue
        ref = m["ref"].strip()
        cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=rules.ABOVE_REFERENCE_COMPARATOR, rules_fired=["above_reference"],
                          score=_CONSTRUCT_SCORE,
                          reference_jurisdiction=_reference(
                              doc, next((v for k, v in rules.RANK_SCOPES.items() if ref.startswith(k)), None)))
        if m["unit"] == "倍":
            cand.multiple = n + 1  # 高一倍: twice as high
        else:
            cand.value, cand.unit = n, "percentage_points" if m["unit"] == "个百分点" else "percent"
        cand.notes.append(f"above: {doc.text[m.start('ref') : m.end('ref')].strip()}")
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _coverage_goals(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    """推动…实现全覆盖 with no figure in its clause: every unit covered, at least 100 percent."""
    view = doc.view
    if rules.FIGURE.search(view, clause.start, clause.end):
        return []
    # Only among targets: a sentence that also states figures or a deadline (推动…实现全覆盖，关键工序数控化率超过
    # 85%); 实现信用记录全覆盖 among measures is a measure, not a target.
    if not rules.FIGURE.search(view, sent.start, sent.end) and not _deadlines(view, sent, doc):
        return []
    out = []
    for m in rules.COVERAGE_GOAL.finditer(view, clause.start, clause.end):
        cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator="at_least", rules_fired=["coverage_goal"], score=_CONSTRUCT_SCORE,
                          value=100.0, unit="percent", kind="coverage")
        cand.notes.append("coverage: every unit (全覆盖)")
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _per_indicator(view: str, clause: Span, at: int, cand: _Candidate) -> list[_Candidate]:
    """A、B、C、D、E、F等6项指标翻两番: one multiple for each named indicator (when the names listed are as many as
    the count says; otherwise the one proposal stands)."""
    m = next((m for m in rules.LIST_MULTIPLE.finditer(view, clause.start, at)
              if not view[m.end() : at].strip(" ").replace("比", "").strip("0123456789年的基础上均都 ")), None)
    if m is None:
        return [cand]
    names = [n.strip(_STRIP_HEAD + _STRIP_TAIL) for n in re.split("、", m["names"])]
    names = [re.sub(r"^.*(?:实现|使|推动|力争|确保|到(?:19|20)\d{2}年(?:底|末)?)", "", n) for n in names]
    try:
        count = int(_number(m["n"]))
    except ValueError:
        return [cand]
    if len(names) != count or not all(names):
        return [cand]
    out = []
    for name in names:
        c = dataclasses.replace(cand, rules_fired=[*cand.rules_fired, "multiple_per_indicator"], notes=list(cand.notes))
        c.name_hint = name
        out.append(c)
    return out


def _scope(view: str, clause: Span, start: int, end: int) -> str | None:
    """The scope of a rank: 全省 / 全市 / 世界 … between the verb and the number, else the last one earlier in the
    clause."""
    for text in (view[start:end], view[clause.start : start]):
        found = [(text.rfind(k), v) for k, v in rules.RANK_SCOPES.items() if k in text]
        if found:
            return max(found)[1]
    return None


def _indices(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    """区域科技创新指数达到160以上: a score with no unit."""
    out = []
    for m in rules.INDEX.finditer(doc.view, clause.start, clause.end):
        post = (m["post"] or "").strip()
        cue = m["cue"] or ""
        comparator = ("at_least" if post == "以上" else "at_most" if post == "以下" else "approx" if post == "左右"
                      else "exceed" if cue in ("超过", "突破") else "at_least" if cue else "exact")
        cand = _Candidate(start=m.start("num"), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=comparator, rules_fired=["index_value"], score=_CONSTRUCT_SCORE,
                          value=float(m["num"]), unit=rules.INDEX_UNIT, unit_as_written=m["name"])
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _ranks(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    """跃居全省前40位, 达到全市前3水平, 进入前15位, 达到世界第二: a rank of at most N within a scope."""
    view = doc.view
    out = []
    for m in rules.RANK.finditer(view, clause.start, clause.end):
        if inside_marks(view, m.start(), m.end()):
            continue
        try:
            n = _number(m["n"] or m["nth"])
        except ValueError:
            continue
        scope = _scope(view, clause, m.start(), m.end())
        if scope is None and not any(w in view[clause.start : m.end()] for w in rules.RANKED_THINGS):
            continue  # 提升至整个指标体系的前两位: neither a scope nor a thing that is ranked
        cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=rules.RANK_COMPARATOR, rules_fired=["rank"], score=_CONSTRUCT_SCORE,
                          value=n, unit=rules.RANK_UNIT, unit_as_written="前N位" if m["qian"] else "第N",
                          scope=scope)
        _status_penalty(doc, para, sent, cand)
        number_at = m.start("n") if m["n"] else m.start("nth")
        if _past_end(doc, view[clause.start : number_at].rstrip("前第 "), view[sent.start : m.start()]):
            cand.score += rules.CONFIDENCE["done"]
            cand.rules_fired.append("done")
        out.append(cand)
    return out


def _growth_above(doc: _Document, para: Paragraph, sent: Sentence, clause: Span) -> list[_Candidate]:
    """…增幅明显高于全省平均增幅: growth faster than a reference's, year by year; no value of its own."""
    out = []
    for m in rules.GROWTH_ABOVE.finditer(doc.view, clause.start, clause.end):
        ref = m["ref"].strip()
        scope = next((v for k, v in rules.RANK_SCOPES.items() if ref.startswith(k)), None)
        cand = _Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=rules.GROWTH_ABOVE_COMPARATOR, rules_fired=["growth_above_reference"],
                          score=_CONSTRUCT_SCORE, reference_jurisdiction=_reference(doc, scope))
        cand.notes.append(f"growth above: {doc.text[m.start('ref') : m.end('ref')].strip()}")
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


# --- naming: indicator, name, heading -----------------------------------------------------------------------------


# Verbs, cue words and particles that end a subject before its figure (全省高新技术企业|达到).
_TRAILING_VERB = re.compile(
    "(?:"
    + "|".join(sorted({*rules.TARGET_VERBS, *(w for cue in rules.COMPARATOR_CUES for w in cue.words),
                       *rules.ASPIRATION, "要", "为", "的", "是"}, key=len, reverse=True))
    + ")$"
)


def _noun_phrase(doc: _Document, c: _Candidate) -> str:
    """What the figure counts: the words after it (形成300个…众创空间) or, when none follow, its subject
    (全省高新技术企业达到1500家以上)."""
    if c.name_hint:
        return c.name_hint
    view = doc.view
    after = view[c.end : c.clause.end].strip(_STRIP_TAIL + "。")
    after = re.sub(r"^(?:的|以上|以下|左右)", "", after)
    possessive = view[c.clause.start : c.start].endswith("的")  # 净收入的70%以上…: the share of what precedes
    if len(_CJK.findall(after)) >= 2 and c.comparator not in ("relative_to_reference", "qualitative") \
            and not possessive:
        return after
    before = view[c.clause.start : c.start].strip(_STRIP_HEAD)
    for _, pattern in rules.DEADLINES:
        before = pattern.sub("", before)
    before = rules.BASELINE_YEAR.sub("", before)  # 技术合同成交额比2018年 -> 技术合同成交额
    before = re.sub(r"^(?:全省|全市|全区|全县|在|其中)", "", before)
    while (trimmed := _TRAILING_VERB.sub("", before)) != before:
        before = trimmed
    return before


_QUOTE_MARKS = re.compile("[“”\"「」『』‘’]")


def _match_indicator(doc: _Document, c: _Candidate, phrase: str) -> str | None:
    """A catalogue indicator named in the clause whose unit fits (a growth rate fits any level). The head noun
    wins (…以科技企业孵化器为重点的孵化载体 is a count of 孵化载体); a name in brackets is a gloss
    (众创空间(星创天地)); then the longest, then the nearest. Quote marks are ignored (“双创”示范基地 is
    双创示范基地). Failing that, a rate indicator whose name the subject of a share (占…比重) nearly spells."""
    if not doc.indicators:
        return None
    clause = _QUOTE_MARKS.sub("", doc.view[c.clause.start : c.clause.end])
    figure_at = len(_QUOTE_MARKS.sub("", doc.view[c.clause.start : c.start]))
    head = re.sub(r"\([^()]*\)$", "", _QUOTE_MARKS.sub("", phrase.strip()))
    best: tuple[bool, bool, int, int, str] | None = None
    for ind in doc.indicators:
        if c.unit is not None and ind.unit != c.unit and c.comparator != "growth_rate":
            continue
        for key in ind.keys:
            for m in re.finditer(re.escape(_QUOTE_MARKS.sub("", key)), clause):
                glossed = clause.rfind("(", 0, m.start()) > clause.rfind(")", 0, m.start())
                rank = (head.endswith(m.group()), not glossed, len(key), -abs(m.start() - figure_at), ind.code)
                if best is None or rank > best:
                    best = rank
    if best is not None:
        return best[-1]
    if c.unit in (None, "percent") and phrase:
        for ind in doc.indicators:
            if ind.unit != "percent":
                continue
            for key in ind.keys:
                if len(key) >= 6 and _common_prefix(phrase, key) >= 0.75 * len(key):
                    return ind.code
    return None


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest run of b found in a, starting b's first character (a share's subject vs a name)."""
    best = 0
    for i in range(len(a)):
        n = 0
        while i + n < len(a) and n < len(b) and a[i + n] == b[n]:
            n += 1
        best = max(best, n)
    return best


def _new_code(phrase: str) -> str:
    """A proposed indicator code from the glossary: level word + the head noun that ends latest in the phrase."""
    head = None
    for zh, en in rules.GLOSSARY.items():
        pos = phrase.rfind(zh)
        if pos >= 0:
            rank = (pos + len(zh), len(zh))
            if head is None or rank > head[0]:
                head = (rank, en)
    level = next((en for zh, en in rules.LEVELS.items() if zh in phrase), None)
    words = [w for w in (level, head[1] if head else "indicator") if w]
    return rules.NEW_INDICATOR_PREFIX + "_".join(dict.fromkeys(words))


_HEADING_L1 = re.compile(r"^\s*([一二三四五六七八九十]+、)")
_HEADING_L2 = re.compile(r"^\s*([(（][一二三四五六七八九十]+[)）])")
_HEADING_L3 = re.compile(r"^\s*(\d+[.．、](?!\d)|专栏\s*\d+\s*[:：])")


def _title(text: str, start: int) -> str:
    rest = text[start:].split("\n")[0]
    return re.split(r"[。.；;]", rest.strip())[0][:24].strip()


# --- the walk ---------------------------------------------------------------------------------------------------


def _walk(doc: _Document) -> list[_Candidate]:
    view, text = doc.view, doc.text
    out: list[_Candidate] = []
    levels = ["", "", ""]
    title = ""
    goals = False
    lead_deadline: int | None = None  # the deadline in force at the end of the last paragraph that was no list item
    for para in paragraphs(view):
        line = text[para.start : para.end]
        for level, pattern in enumerate((_HEADING_L1, _HEADING_L2, _HEADING_L3)):
            if m := pattern.match(line):
                levels[level] = m.group(1).strip()
                for deeper in range(level + 1, 3):
                    levels[deeper] = ""
                title = _title(line, m.end())
                goals = bool(rules.GOALS_HEADING.search(fold(title))) if level < 2 else goals
                break
        heading = "".join(levels) + title
        if rules.HEADING.match(view[para.start : para.end]):
            continue  # 专栏2：20个…: the box's title repeats a target
        deadline = lead_deadline if para.bullet else None
        for sent in para.sentences:
            stated = _deadlines(view, sent, doc)
            found = _dated_projects(doc, para, sent, stated)
            for clause in sent.clauses:
                figures = _figures(doc, para, sent, clause)
                figures = sorted(figures + _list_items(doc, clause, figures) + _constructs(doc, para, sent, clause),
                                 key=lambda c: c.start)
                _category_thresholds(view, figures)
                _share_clause(view, figures)
                found += figures
            if not found and (goal := _qualitative_goal(doc, para, sent, goals or bool(stated))):
                found.append(goal)
            prev: _Candidate | None = None
            for c in sorted(found, key=lambda c: c.start):
                if "target_verb" not in c.rules_fired and prev is not None and (
                    "target_verb" in prev.rules_fired or "verb_carried" in prev.rules_fired
                ):  # 建设1000个…，80个…，80个…: one verb for the whole list
                    c.score += rules.CONFIDENCE["verb"]
                    c.rules_fired.append("verb_carried")
                _place(c, stated, deadline, goals, heading)
                out.append(c)
                prev = c
            _distribute(doc, sent, found)
            if stated:
                deadline = stated[-1][1]
        if not para.bullet:
            lead_deadline = deadline
    return out


def _place(c: _Candidate, stated: list[tuple[int, int, str]], carried: int | None, goals: bool,
           heading: str) -> None:
    """Deadline (stated before it in the sentence, else carried from the paragraph or list, else stated after it
    in the sentence), the goals-section bonus and the heading."""
    in_force = [d for d in stated if d[0] < c.start]
    later = [d for d in stated if d[0] > c.start]
    if in_force:
        c.deadline = in_force[-1][1]
        c.rules_fired.append(in_force[-1][2])
    elif carried is not None:
        c.deadline = carried
        c.rules_fired.append("deadline_carried")
    elif later:
        c.deadline = later[0][1]
        c.rules_fired.append(later[0][2])
    if c.deadline is not None:
        c.score += rules.CONFIDENCE["deadline"]
    if goals:
        c.score += rules.CONFIDENCE["goals_section"]
        c.rules_fired.append("goals_section")
    c.heading = heading


def _qualitative(para: Paragraph, sent: Sentence, clause: Span, rule: str) -> _Candidate:
    return _Candidate(start=clause.start, end=clause.end, sentence=sent, paragraph=para, clause=clause,
                      comparator="qualitative", rules_fired=[rule], score=rules.CONFIDENCE["qualitative_goal"],
                      kind="qualitative")


def _dated_projects(doc: _Document, para: Paragraph, sent: Sentence,
                    stated: list[tuple[int, int, str]]) -> list[_Candidate]:
    """在2020年前，打造…聚集区: a clause right after a deadline clause that opens with a build verb, with no figure
    and no vague count, is a qualitative goal; the figures after it in the sentence are its parts."""
    out = []
    view = doc.view
    for before, clause in itertools.pairwise(sent.clauses):
        lead = view[before.start : before.end].strip(_STRIP_HEAD + _STRIP_TAIL)
        body = view[clause.start : clause.end].strip(_STRIP_HEAD)
        if (
            stated
            and any(p.fullmatch(lead) for _, p in rules.DEADLINES)
            and body.startswith(rules.PROJECT_VERBS)
            and not any(w in body for w in rules.VAGUE_COUNTS)
            and not rules.FIGURE.search(body)
            and not any(c.pattern.search(body) for c in rules.CONSTRUCTS)
        ):
            out.append(_qualitative(para, sent, clause, "dated_project"))
    return out


def _qualitative_goal(doc: _Document, para: Paragraph, sent: Sentence, in_scope: bool) -> _Candidate | None:
    """基本形成…体系 / …更加完善 in a sentence with no figure, under a 目标 heading or dated in its sentence: a
    qualitative goal quoted from the clause that states it to the end of the sentence."""
    if not in_scope:
        return None
    view = doc.view
    for i, clause in enumerate(sent.clauses):
        if any(w in view[clause.start : clause.end] for w in rules.QUALITATIVE_GOALS) and not inside_marks(
            view, clause.start, clause.end
        ):
            c = _qualitative(para, sent, clause, "qualitative_goal")
            c.sub_clauses = sent.clauses[i + 1 :]
            return c
    return None


def _list_items(doc: _Document, clause: Span, figures: list[_Candidate]) -> list[_Candidate]:
    """…分别达到300万、400万、500万平方米: the numbers before the last share its scale and unit; each becomes a
    candidate of its own, with the comparator of the cue after 分别 (or the suffix of the last, 以上)."""
    view = doc.view
    out = []
    for m in rules.DISTRIBUTIVE.finditer(view, clause.start, clause.end):
        last = next((f for f in figures if f.start == m.start("last")), None)
        if last is None:
            continue
        comparator = next((c.comparator for c in rules.COMPARATOR_CUES
                           if c.where != "after" and any(w in m["cue"] for w in c.words)), None)
        if last.rules_fired[0] in (rules.PLAIN_RULE, "prefix_annual_growth") and comparator is not None:
            last.comparator = comparator
            last.score += rules.CONFIDENCE["comparator"]
        for item in rules.DISTRIBUTIVE_ITEM.finditer(view, m.start("items"), m.end("items")):
            try:
                value = _scaled(item["num"], item["scale"] or m["scale"], m["unit"])[0]
            except ValueError:
                continue
            c = dataclasses.replace(last, start=item.start(), end=item.end(), value=value,
                                    rules_fired=[*last.rules_fired, "distributive_item"], notes=list(last.notes))
            out.append(c)
        last.rules_fired.append("distributive_item")
    return out


def _distribute(doc: _Document, sent: Sentence, found: list[_Candidate]) -> None:
    """In a sentence with 分别, the figures after it are one list: a figure with no cue of its own takes the first
    one's comparator (分别超过90家和870家); a list of as many years gives each its deadline (到2018年、2019年、
    2020年…分别…); a list of as many names before 分别 says what each counts (高新技术企业和科技型企业…)."""
    view = doc.view
    at = view.find("分别", sent.start, sent.end)
    if at < 0:
        return
    items = [c for c in sorted(found, key=lambda c: c.start) if c.start > at and c.value is not None]
    if len(items) < 2:
        return
    for c in items[1:]:
        if c.rules_fired[0] == rules.PLAIN_RULE and items[0].comparator != "exact":
            c.comparator = items[0].comparator
            c.score += rules.CONFIDENCE["comparator"]
            c.rules_fired.append("distributive_comparator")
    lists = list(rules.YEAR_LIST.finditer(view, sent.start, at))
    years = [int(y) for y in rules.YEAR.findall(lists[-1].group())] if lists else []
    if len(years) == len(items):
        for c, year in zip(items, years, strict=True):
            c.deadline = year
            c.rules_fired.append("distributive_year")
    subject = view[sent.start : at]
    for _, pattern in rules.DEADLINES:
        subject = pattern.sub("", subject)
    for part in reversed(re.split(r"[,，:：]", subject)):
        part = re.sub(r"在(?:19|20)\d{2}年的?基础上.*$", "", part)  # …企业在2022年的基础上实现“双倍增”
        names = [re.sub(r"^(?:全省|全市|全区|全县)", "", n.strip(_STRIP_HEAD + _STRIP_TAIL))
                 for n in rules.ITEM_JOINERS.split(part)]
        if len(names) == len(items) and all(names):
            for c, name in zip(items, names, strict=True):
                c.name_hint = name
            break


def _share_clause(view: str, found: list[_Candidate]) -> None:
    """Two figures in one clause joined by 、 (每个县建成1处…、每个乡镇建设1处以上…): each gets its own part,
    cut at the last 、 before the next figure."""
    for a, b in itertools.pairwise(found):
        cut = view.rfind("、", a.end, b.start)
        if cut >= 0:
            a.clause = Span(a.clause.start, cut)
            b.clause = Span(cut + 1, b.clause.end)


def _document_deadline(cands: list[_Candidate]) -> int | None:
    """The deadline of the plan as a whole: the commonest one among its goals, else among all figures."""
    in_goals = [c.deadline for c in cands if c.deadline is not None and "goals_section" in c.rules_fired]
    if in_goals:
        return Counter(in_goals).most_common(1)[0][0]
    stated = [c.deadline for c in cands if c.deadline is not None]
    return Counter(stated).most_common(1)[0][0] if stated else None


def _departments(doc: _Document, c: _Candidate) -> None:
    """The bracket that closes the candidate's paragraph: (省科技厅牵头负责) -> lead; several -> shared."""
    m = rules.DEPARTMENT_BRACKET.search(doc.view, c.end, c.paragraph.end)
    if not m:
        return
    body = doc.text[m.start("body") : m.end("body")]
    names = []
    for part in rules.DEPARTMENT_SEPARATORS.split(body):
        name = part.strip()
        while (trimmed := rules.DEPARTMENT_TRAILERS.sub("", fold(name))) != fold(name):
            name = name[: len(trimmed)].strip()
        if len(name) >= 2:
            names.append(name)
    if not names:
        return
    role = m["role"]
    c.departments = names
    c.department_role = "lead" if role == "牵头负责" or (role == "负责" and len(names) == 1) else "shared"
    c.rules_fired.append("departments_" + ("lead" if role == "牵头负责" else "shared" if "分工" in role else "plain"))


# --- assembling proposals -----------------------------------------------------------------------------------------


def _merge_multiples(cands: list[_Candidate], view: str) -> list[_Candidate]:
    """A multiple and a figure side by side in one sentence state one target, not two: 达到10万人，比2017年增长
    一倍 (the multiple restates the figure) and 比2018年翻一番，力争达到240亿元 (the figure restates the
    multiple). The figure's value and comparator are kept with the multiple and its baseline year."""
    out: list[_Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is None or prev.sentence is not c.sentence or prev.clause is c.clause:
            out.append(c)
            continue
        if (
            c.comparator == "multiple_of_baseline" and prev.value is not None and c.value is None
            and not rules.FIGURE.search(view, c.clause.start, c.clause.end)
            and not _CJK.search(re.sub(r"(?:比|较)\d{4}年(?:底|末)?|增长|翻|[一二两三四五1-9]|倍|番", "",
                                       view[c.clause.start : c.clause.end]))
        ):
            prev.multiple, prev.baseline_year = c.multiple, c.baseline_year
            prev.sub_clauses.append(c.clause)
            prev.rules_fired.append(c.rules_fired[0] + "_restates_figure")
            continue
        if (
            prev.comparator == "multiple_of_baseline" and prev.value is None and c.value is not None
            and c.comparator not in ("range", "growth_rate")
            and not _CJK.search(re.sub("|".join((*rules.ASPIRATION, "达到", "达", "为")), "",
                                       view[c.clause.start : c.start]))
        ):
            prev.value, prev.comparator, prev.unit, prev.unit_as_written = c.value, c.comparator, c.unit, \
                c.unit_as_written
            prev.notes += c.notes
            prev.sub_clauses.append(c.clause)
            prev.rules_fired.append("figure_restates_" + prev.rules_fired[0])
            continue
        out.append(c)
    return out


def _kinds(doc: _Document, cands: list[_Candidate]) -> None:
    """policy_floor and sub_target (coverage and qualitative are decided where they are found)."""
    view = doc.view
    for i, c in enumerate(cands):
        if c.kind in ("qualitative", "coverage"):
            continue
        sentence = view[c.sentence.start : c.sentence.end]
        near = view[c.sentence.start : c.start][-24:] + view[c.clause.start : c.clause.end]
        if c.unit in ("percent", "yuan") and any(w in sentence for w in rules.POLICY_WORDS) \
                and not any(w in near for w in rules.OUTCOME_RATE_WORDS) \
                and not rules.SHARE_OF.search(view, c.clause.start, c.start):
            c.kind = "policy_floor"
            c.per_year = True  # a rule the government applies in every year of the plan
            c.rules_fired.append("policy_floor")
            if c.comparator == "exact" and c.unit == "percent":
                c.score += rules.CONFIDENCE["per_item_rule"]
        earlier = cands[:i]
        if any(w in view[c.clause.start : c.start] for w in rules.SUB_TARGET_WORDS):  # 其中: part of the one before
            parent = next((p for p in reversed(earlier) if p.sentence is c.sentence and p.parent is None), None)
            if parent is not None:
                c.parent = parent
                c.rules_fired.append("sub_target_qizhong")
                if c.kind == "outcome":
                    c.kind = "sub_target"
                    if c.comparator == "exact":  # 达到50家，其中国家级10家: the part reads like the whole
                        c.comparator = parent.comparator
                    c.indicator, c.indicator_status = parent.indicator, parent.indicator_status
                    c.indicator_name_zh = parent.indicator_name_zh
            continue
        if c.kind != "outcome":
            continue
        parent = next((p for p in reversed(earlier) if p.sentence is c.sentence and "dated_project" in p.rules_fired),
                      None)  # 打造…聚集区，…建成A 10家以上，B 2处: its parts
        rule = "sub_target_of_project"
        if parent is None and c.indicator_status == "matched":  # 形成300家…。…建设20个…；…50个…: the 300's parts
            parent = next((p for p in reversed(earlier) if p.paragraph is c.paragraph and p.kind == "outcome"
                           and p.indicator == c.indicator and p.unit == c.unit and p.value is not None
                           and c.value is not None and p.value > c.value), None)
            rule = "sub_target_part_of_earlier"
        if parent is not None:
            c.kind, c.parent = "sub_target", parent
            c.rules_fired.append(rule)


def _plan_start(doc: _Document, c: _Candidate) -> int | None:
    """The issue year; a per-year target of a plan issued in October-December starts the next year."""
    if doc.issue_year is None:
        return None
    start = doc.issue_year + (1 if c.per_year and (doc.issue_month or 0) >= 10 else 0)
    return start if c.deadline is None or start <= c.deadline else None


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "doc"


def _assemble(doc: _Document, cands: list[_Candidate]) -> list[Proposal]:
    ids: Counter[str] = Counter()
    by_candidate: dict[int, str] = {}
    proposals = []
    for c in cands:
        base = f"{_slug(doc.document_id)}-{_slug((c.indicator or 'qualitative').removeprefix('new_'))}"
        ids[base] += 1
        ident = base if ids[base] == 1 else f"{base}-{ids[base]}"
        by_candidate[id(c)] = ident
        quote = doc.text[c.quote_start : c.quote_end]
        assert quote and quote in doc.text and doc.text[c.quote_start : c.quote_end] == quote
        name = re.sub(r"^(?:到|至)(?:19|20)\d{2}年(?:底|末)?[,，]?", "", quote).strip(_STRIP_TAIL + "。")
        entry: dict[str, Any] = {
            "id": ident,
            "jurisdiction": doc.jurisdiction,
            "indicator": c.indicator,
            "name_zh": name[:60],
            "name_en": _name_en(doc, c),
            "kind": c.kind,
            "comparator": c.comparator,
            "value": c.value,
            "value_high": c.value_high,
            "multiple": c.multiple,
            "baseline_year": c.baseline_year,
            "baseline_value": c.baseline_value,
            "reference_jurisdiction": c.reference_jurisdiction,
            "scope": c.scope,
            "deadline": c.deadline,
            "per_year": c.per_year,
            "plan_start": _plan_start(doc, c),
            "parent": by_candidate.get(id(c.parent)) if c.parent is not None else None,
            "departments": c.departments,
            "department_role": c.department_role,
            "sources": [{"document": doc.document_id, "clause": c.heading or "-", "quote": quote}]
            + [{"document": doc.document_id, "clause": h or "-", "quote": doc.text[a:b]} for a, b, h in c.more_quotes],
            "notes": "; ".join(c.notes) or None,
        }
        entry = {k: _tidy(v) for k, v in entry.items() if v not in (None, [], False)}
        problems = []
        try:
            Target.model_validate(entry)
        except ValidationError as exc:
            problems = [f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg'].removeprefix('Value error, ')}"
                        for e in exc.errors()]
        if c.indicator_status == "new":
            problems.append(f"indicator: {c.indicator} is a proposed code; add it under indicators: first")
        proposals.append(Proposal(
            entry=entry, unit=c.unit, unit_as_written=c.unit_as_written, char_start=c.quote_start,
            char_end=c.quote_end, more_offsets=[(a, b) for a, b, _ in c.more_quotes],
            confidence=round(min(max(c.score, 0.0), 1.0), 2), rule="+".join(dict.fromkeys(c.rules_fired)),
            indicator_status=c.indicator_status, indicator_name_zh=c.indicator_name_zh, problems=problems,
        ))
    return proposals


def _tidy(v: Any) -> Any:
    """300.0 -> 300 (the catalogue writes whole numbers without a decimal point)."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _name_en(doc: _Document, c: _Candidate) -> str:
    if c.comparator == "qualitative":
        return f"Qualitative goal{f' by {c.deadline}' if c.deadline else ''}"
    what = c.indicator or "target"
    if doc.catalogue is not None and c.indicator_status == "matched":
        what = doc.catalogue.indicator(c.indicator).name_en  # type: ignore[arg-type]
    what = what.removeprefix(rules.NEW_INDICATOR_PREFIX).replace("_", " ")
    words = {
        "at_least": "at least {v}", "exceed": "more than {v}", "at_most": "at most {v}", "approx": "about {v}",
        "exact": "{v}", "range": "{v}-{hi}", "growth_rate": "growing {v}% a year",
        "multiple_of_baseline": "x{m} the baseline", "relative_to_reference": "at the national average",
        "qualitative": "qualitative goal", "rank_at_most": "ranked {v} or better",
        "growth_above_reference": "growing faster than the reference",
        "above_reference": "above the reference by {v}" if c.value is not None else "x{m} the reference",
    }[c.comparator]

    def fmt(x: float | None) -> str:
        if x is None:
            return "?"
        return f"{int(x):,}" if math.isclose(x, round(x)) else f"{x:g}"

    figure = words.format(v=fmt(c.value), hi=fmt(c.value_high), m=fmt(c.multiple))
    if c.unit == "percent" and c.value is not None and c.comparator != "growth_rate":
        figure += "%"
    elif c.unit == rules.RANK_UNIT and c.scope:
        figure += f" in the {c.scope}"
    when = " a year" if c.per_year else ""
    by = f" by {c.deadline}" if c.deadline else ""
    return f"{what}: {figure}{when}{by}"


def _quote(doc: _Document, c: _Candidate) -> tuple[int, int]:
    """The clause of the figure (and the clauses it absorbed), with the deadline clause just before it when that
    clause says nothing else (到2020年，…)."""
    start = c.clause.start
    clauses = c.sentence.clauses
    i = next((i for i, cl in enumerate(clauses) if cl.start <= c.clause.start < cl.end), 0)
    if i >= 1 and clauses[i].start == c.clause.start:
        lead = doc.view[clauses[i - 1].start : clauses[i - 1].end].strip(_STRIP_HEAD + _STRIP_TAIL)
        if any(p.fullmatch(lead) for _, p in rules.DEADLINES):
            start = clauses[i - 1].start
    end = max([c.clause.end, *(s.end for s in c.sub_clauses)])
    return doc.quote_span(start, end)


def _coverage(doc: _Document, c: _Candidate) -> None:
    """每个开发区建立1家… is a coverage target: every unit covered, i.e. at least 100% (the catalogue's form)."""
    view = doc.view
    if c.value is None or not (rules.COVERAGE.search(view, c.clause.start, c.start)
                               or any(w in view[c.clause.start : c.clause.end] for w in rules.COVERAGE_WORDS)):
        return
    per_unit = f"{c.value:g} {c.unit_as_written} per unit ({c.comparator})"
    c.kind, c.comparator, c.value, c.value_high, c.unit = "coverage", "at_least", 100.0, None, "percent"
    c.notes.append(f"coverage: {per_unit}")
    c.rules_fired.append("coverage")


def _bare(c: _Candidate) -> bool:
    """A number with no cue, no verb and no deadline stated around it."""
    return c.rules_fired[0] == rules.PLAIN_RULE and not any(
        r in ("target_verb", "verb_carried") or (r.startswith("deadline_") and r != "deadline_from_document")
        for r in c.rules_fired
    )


def _indicator(doc: _Document, c: _Candidate) -> None:
    if c.comparator == "qualitative":
        return
    phrase = _noun_phrase(doc, c)
    c.indicator = _match_indicator(doc, c, phrase)
    if c.indicator is not None:
        c.indicator_status = "matched"
        c.rules_fired.append("indicator_alias")
        if not _bare(c):  # a known indicator does not make a bare number in a title (18项措施) a commitment
            c.score += rules.CONFIDENCE["indicator"]
    else:
        code = _new_code(phrase)
        c.indicator, c.indicator_status = (code + "_coverage" if c.kind == "coverage" else code), "new"
    c.indicator_name_zh = phrase or None


def _restated_goal(kept: list[_Candidate], c: _Candidate) -> _Candidate | None:
    """A goal stated under a 目标 heading and repeated later in the body with the same figure and indicator
    (建设20个创业创新示范园 … 等20个省级创业创新示范园) is one target with two quotes."""
    if "goals_section" in c.rules_fired or c.value is None or _same_thing(c) is None:
        return None
    return next((g for g in kept if "goals_section" in g.rules_fired and _same_thing(g) == _same_thing(c)
                 and g.value == c.value and g.unit == c.unit and g.heading != c.heading), None)


def _same_thing(c: _Candidate) -> str | None:
    """What a figure counts, for telling a restatement: the catalogue code, or a proposed code without its level
    word (new_provincial_demo_parks ~ new_demo_parks); None when the proposed code is too generic to tell."""
    if c.indicator is None or c.indicator_status == "none":
        return None
    if c.indicator_status == "matched":
        return c.indicator
    head = c.indicator.removeprefix(rules.NEW_INDICATOR_PREFIX)
    for level in rules.LEVELS.values():
        head = head.removeprefix(level + "_")
    return None if head in rules.GENERIC_HEADS else head


def extract_targets(
    text: str, document_id: str, catalogue: Catalogue | None = None, *, min_confidence: float = rules.MIN_CONFIDENCE
) -> list[Proposal]:
    """Propose targets from `text` (simplified or traditional). Each proposal's quote occurs verbatim in `text`
    at [char_start, char_end); a text pasted twice yields each target once."""
    doc = _Document(text, fold(text), document_id, catalogue)
    cands = _walk(doc)
    fallback = _document_deadline(cands)
    for c in cands:
        if c.deadline is None and fallback is not None and c.comparator != "qualitative":
            c.deadline = fallback
            c.rules_fired.append("deadline_from_document")
    cands = _merge_multiples(cands, doc.view)
    seen: set[tuple] = set()
    kept: list[_Candidate] = []
    for c in cands:
        c.quote_start, c.quote_end = _quote(doc, c)
        _coverage(doc, c)
        _indicator(doc, c)
        # The same sentence with the same figure at the same place (a document pasted twice) is the same target.
        key = (doc.view[c.sentence.start : c.sentence.end], c.start - c.sentence.start, c.value, c.comparator,
               c.name_hint)
        if key in seen:
            continue
        seen.add(key)
        if (goal := _restated_goal(kept, c)) is not None:
            goal.more_quotes.append((c.quote_start, c.quote_end, c.heading))
            goal.rules_fired.append("restated_in_body")
            continue
        kept.append(c)
    _kinds(doc, kept)
    for c in kept:
        _departments(doc, c)
    kept = [c for c in kept if c.score >= min_confidence]
    for c in kept:
        if c.parent is not None and c.parent not in kept:  # its parent fell below the bar: it stands alone
            c.parent = None
            c.kind = "outcome" if c.kind == "sub_target" else c.kind
    proposals = _assemble(doc, kept)
    for p in proposals:  # the invariant, checked where it is made
        for (start, end), source in zip(p.offsets, p.entry["sources"], strict=True):
            assert source["quote"] in text and text[start:end] == source["quote"], source["quote"]
    return proposals
