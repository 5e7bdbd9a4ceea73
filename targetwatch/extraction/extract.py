"""Propose catalogue targets from the text of a policy document.

`extract_targets` walks the document paragraph by paragraph, sentence by sentence, applies the tables of
`rules.py`, and returns one `Proposal` per target: a ready-made `targets.yaml` entry (validated against
`catalogue.Target`) with the quote's character offsets, a confidence and the rules that fired. Every quote is a
slice of the text as written, checked to occur verbatim before it is returned.

The walk lives in `walk.py`, the finders in `figures.py`, the naming in `naming.py` and the shared state in
`candidates.py`; this module assembles the candidates into proposals.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

import targetwatch.extraction.aboutfigure as aboutfigure
import targetwatch.extraction.annualplan as annualplan
import targetwatch.extraction.attendance as attendance
import targetwatch.extraction.baselines as baselines
import targetwatch.extraction.breakthrough as breakthrough
import targetwatch.extraction.budgets as budgets
import targetwatch.extraction.comparatives as comparatives
import targetwatch.extraction.eachunitcount as eachunitcount
import targetwatch.extraction.echoes as echoes
import targetwatch.extraction.evidence as evidence
import targetwatch.extraction.existingbase as existingbase
import targetwatch.extraction.forecasts as forecasts
import targetwatch.extraction.fractionsuffix as fractionsuffix
import targetwatch.extraction.fromnow as fromnow
import targetwatch.extraction.fullcover as fullcover
import targetwatch.extraction.funds as funds
import targetwatch.extraction.fundverbs as fundverbs
import targetwatch.extraction.goalsline as goalsline
import targetwatch.extraction.goalyears as goalyears
import targetwatch.extraction.headlineyear as headlineyear
import targetwatch.extraction.indicatortables as indicatortables
import targetwatch.extraction.laterclause as laterclause
import targetwatch.extraction.leadyear as leadyear
import targetwatch.extraction.levelmultiple as levelmultiple
import targetwatch.extraction.limits as limits
import targetwatch.extraction.namedtarget as namedtarget
import targetwatch.extraction.outputlevel as outputlevel
import targetwatch.extraction.ownresults as ownresults
import targetwatch.extraction.periodend as periodend
import targetwatch.extraction.periodheading as periodheading
import targetwatch.extraction.perunit as perunit
import targetwatch.extraction.planperiod as planperiod
import targetwatch.extraction.progress as progress
import targetwatch.extraction.quotedgoal as quotedgoal
import targetwatch.extraction.rangeclass as rangeclass
import targetwatch.extraction.reachedcapacity as reachedcapacity
import targetwatch.extraction.readings as readings
import targetwatch.extraction.reductions as reductions
import targetwatch.extraction.releases as releases
import targetwatch.extraction.roughcount as roughcount
import targetwatch.extraction.rules as rules
import targetwatch.extraction.scopecount as scopecount
import targetwatch.extraction.sharedfigure as sharedfigure
import targetwatch.extraction.shareheld as shareheld
import targetwatch.extraction.shares as shares
import targetwatch.extraction.sitearea as sitearea
import targetwatch.extraction.sizeclass as sizeclass
import targetwatch.extraction.statusdate as statusdate
import targetwatch.extraction.stretch as stretch
import targetwatch.extraction.targetsmet as targetsmet
import targetwatch.extraction.unitrange as unitrange
import targetwatch.extraction.yearheading as yearheading
import targetwatch.extraction.yearopening as yearopening
import targetwatch.extraction.yearref as yearref
from targetwatch.catalogue import Catalogue, Target
from targetwatch.extraction.candidates import CJK, STRIP_HEAD, STRIP_TAIL, Candidate, Document
from targetwatch.extraction.naming import match_indicator, new_code, noun_phrase
from targetwatch.extraction.text import fold
from targetwatch.extraction.walk import assign_departments, document_deadline, goals_sentence_year, walk


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
    # The deadline rests on an inference (the text states no date of its own and none was given): never >= 0.9.
    deadline_inferred: bool = False

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


# --- assembling proposals -----------------------------------------------------------------------------------------


def _merge_multiples(cands: list[Candidate], view: str) -> list[Candidate]:
    """A multiple and a figure side by side in one sentence state one target, not two: 达到10万人，比2017年增长
    一倍 (the multiple restates the figure) and 比2018年翻一番，力争达到240亿元 (the figure restates the
    multiple). The figure's value and comparator are kept with the multiple and its baseline year."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is None or prev.sentence is not c.sentence or prev.clause is c.clause:
            out.append(c)
            continue
        if (
            c.comparator == "multiple_of_baseline" and prev.value is not None and c.value is None
            and not rules.FIGURE.search(view, c.clause.start, c.clause.end)
            and not CJK.search(re.sub(r"(?:比|较)\d{4}年(?:底|末)?|增长|翻|[一二两三四五1-9]|倍|番", "",
                                       view[c.clause.start : c.clause.end]))
        ):
            prev.multiple, prev.baseline_year = c.multiple, c.baseline_year
            prev.sub_clauses.append(c.clause)
            prev.rules_fired.append(c.rules_fired[0] + "_restates_figure")
            continue
        if (
            prev.comparator == "multiple_of_baseline" and prev.value is None and c.value is not None
            and c.comparator not in ("range", "growth_rate")
            and not CJK.search(re.sub("|".join((*rules.ASPIRATION, "达到", "达", "为")), "",
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


def _kinds(doc: Document, cands: list[Candidate]) -> None:
    """policy_floor and sub_target (coverage and qualitative are decided where they are found)."""
    view = doc.view
    for i, c in enumerate(cands):
        if c.kind in ("qualitative", "coverage"):
            continue
        sentence = view[c.sentence.start : c.sentence.end]
        near = view[c.sentence.start : c.start][-24:] + view[c.clause.start : c.clause.end]
        if c.unit in ("percent", "yuan") and any(w in sentence for w in rules.POLICY_WORDS) \
                and "indicator_table" not in c.rules_fired \
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


def _plan_start(doc: Document, c: Candidate) -> int | None:
    """The issue year; a per-year target of a plan issued in October-December starts the next year."""
    if doc.issue_year is None:
        return None
    start = doc.issue_year + (1 if c.per_year and (doc.issue_month or 0) >= 10 else 0)
    return start if c.deadline is None or start <= c.deadline else None


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "doc"


def _assemble(doc: Document, cands: list[Candidate]) -> list[Proposal]:
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
        name = re.sub(r"^(?:到|至)(?:19|20)\d{2}年(?:底|末)?[,，]?", "", quote).strip(STRIP_TAIL + "。")
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
        inferred = "deadline_undated_text" in c.rules_fired
        if c.indicator_status == "new":
            problems.append(f"indicator: {c.indicator} is a proposed code; add it under indicators: first")
        proposals.append(Proposal(
            entry=entry, unit=c.unit, unit_as_written=c.unit_as_written, char_start=c.quote_start,
            char_end=c.quote_end, more_offsets=[(a, b) for a, b, _ in c.more_quotes],
            confidence=round(min(max(c.score, 0.0), 1.0), 2), rule="+".join(dict.fromkeys(c.rules_fired)),
            indicator_status=c.indicator_status, indicator_name_zh=c.indicator_name_zh, problems=problems,
            deadline_inferred=inferred,
        ))
    return proposals


def _tidy(v: Any) -> Any:
    """300.0 -> 300 (the catalogue writes whole numbers without a decimal point)."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _name_en(doc: Document, c: Candidate) -> str:
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


def _quote(doc: Document, c: Candidate) -> tuple[int, int]:
    """The clause of the figure (and the clauses it absorbed), with the deadline clause just before it when that
    clause says nothing else (到2020年，…)."""
    start = c.clause.start
    clauses = c.sentence.clauses
    i = next((i for i, cl in enumerate(clauses) if cl.start <= c.clause.start < cl.end), 0)
    if i >= 1 and clauses[i].start == c.clause.start:
        lead = doc.view[clauses[i - 1].start : clauses[i - 1].end].strip(STRIP_HEAD + STRIP_TAIL)
        if any(p.fullmatch(lead) for _, p in rules.DEADLINES):
            start = clauses[i - 1].start
    end = max([c.clause.end, *(s.end for s in c.sub_clauses)])
    return doc.quote_span(start, end)


def _coverage(doc: Document, c: Candidate) -> None:
    """每个开发区建立1家… is a coverage target: every unit covered, i.e. at least 100% (the catalogue's form)."""
    view = doc.view
    if c.kind == "coverage":  # read as coverage already (fullcover, perunit): its per-unit count is noted
        return
    if c.value is None or not (rules.COVERAGE.search(view, c.clause.start, c.start)
                               or any(w in view[c.clause.start : c.clause.end] for w in rules.COVERAGE_WORDS)
                               or funds.each_unit_carried(view, c.sentence.start, c.clause.start)):
        return
    per_unit = f"{c.value:g} {c.unit_as_written} per unit ({c.comparator})"
    c.kind, c.comparator, c.value, c.value_high, c.unit = "coverage", "at_least", 100.0, None, "percent"
    c.notes.append(f"coverage: {per_unit}")
    c.rules_fired.append("coverage")


def _bare(c: Candidate) -> bool:
    """A number with no cue, no verb and no deadline stated around it."""
    return c.rules_fired[0] == rules.PLAIN_RULE and not any(
        r in ("target_verb", "verb_carried") or (r.startswith("deadline_") and r != "deadline_from_document")
        for r in c.rules_fired
    )


def _indicator(doc: Document, c: Candidate) -> None:
    if c.comparator == "qualitative":
        return
    phrase = noun_phrase(doc, c)
    c.indicator = match_indicator(doc, c, phrase)
    if c.indicator is not None:
        c.indicator_status = "matched"
        c.rules_fired.append("indicator_alias")
        if not _bare(c):  # a known indicator does not make a bare number in a title (18项措施) a commitment
            c.score += rules.CONFIDENCE["indicator"]
    else:
        code = new_code(phrase)
        c.indicator, c.indicator_status = (code + "_coverage" if c.kind == "coverage" else code), "new"
    c.indicator_name_zh = phrase or None


def _restated_goal(kept: list[Candidate], c: Candidate) -> Candidate | None:
    """A goal stated under a 目标 heading and repeated later in the body with the same figure and indicator
    (建设20个创业创新示范园 … 等20个省级创业创新示范园) is one target with two quotes."""
    if "goals_section" in c.rules_fired or c.value is None or _same_thing(c) is None:
        return None
    return next((g for g in kept if "goals_section" in g.rules_fired and _same_thing(g) == _same_thing(c)
                 and g.value == c.value and g.unit == c.unit and g.heading != c.heading), None)


def _same_thing(c: Candidate) -> str | None:
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
    text: str, document_id: str, catalogue: Catalogue | None = None, *, min_confidence: float = rules.MIN_CONFIDENCE,
    issued: str | None = None,
) -> list[Proposal]:
    """Propose targets from `text` (simplified or traditional). Each proposal's quote occurs verbatim in `text`
    at [char_start, char_end); a text pasted twice yields each target once. `issued` ("YYYY" or "YYYY-MM") is the
    text's own date when the user knows it; without it the date is read from the text, and where the text states
    none, every deadline rests on an inference: the proposal says so (rule `deadline_undated_text`, a note) and stays
    below 0.9."""
    if (stripped := readings.remove(text)) is not None:  # round 44: 申報(bào)認(rèn)定…企業(yè)6家, read without
        return readings.restore(text, stripped, extract_targets(  # the readings, quoted with them
            stripped.text, document_id, catalogue, min_confidence=min_confidence, issued=issued))
    doc = Document(text, fold(text), document_id, catalogue, issued=issued)
    cands = walk(doc)
    cands = sorted(cands + indicatortables.find(doc, cands), key=lambda c: c.start)  # round 35: 参保率(%)  >90
    cands = ownresults.drop(doc, cands)  # round 26: 由…增长到…,增长6倍多; 十四个方面, 推出25项…政策
    cands = limits.drop(doc, cands)  # round 27: 贷款额度由原来的200万元提高到300万元
    cands = baselines.drop(doc, cands)  # round 34: 从2020年的3.6万个,增加到2025年的25万个
    cands = attendance.drop(doc, cands)  # round 28: 近2900名代表出席开幕式
    stretch.carry_growth(doc.view, cands)  # round 23: 增长2.5%,力争3%
    shares.lift(doc.view, cands)  # round 30: 30%的乡(村)建成…, 90%的行政村通宽带
    fullcover.floor(doc.view, cands)  # round 31: 实现乡镇网络销售服务网点100%覆盖
    comparatives.bound(doc.view, cands)  # round 32: 占比不小于60%, 比重大于60%
    goalsline.floor_values(doc.view, cands)  # round 54: 2022 年 目 标 值 | above a row of values
    breakthrough.unmark(doc.view, cands)  # round 48: 突破百项前沿关键核心技术 (the verb of the task, exact)
    aboutfigure.approximate(doc.view, cands)  # round 48: 达到每天约25万人次, 约为3.3万亿千瓦时
    reductions.ceiling(doc.view, cands)  # round 35: 分别降低到120立方米、65立方米
    laterclause.lift(doc.view, cands, doc.issue_year)  # round 37: 已经批复…,明确到2030年累计建成12亿亩
    fundverbs.weigh(doc.view, cands)  # round 51: 預算案增撥20億元, 政府會設立100億元
    sitearea.demote(doc.view, cands)  # round 53: 规划面积2万亩, 项目占地面积78亩
    fractionsuffix.suffix(doc.view, cands)  # round 53: 三分之一以上, 1/4以内
    shareheld.demote(doc.view, cands)  # round 53: 占全国…任务的77.6%, 占全球总量的60%
    cands = unitrange.join(doc.view, cands)  # round 52: 3100亿元至3400亿元, 10万头~20万头
    rangeclass.demote(doc.view, cands)  # round 52: 供水人口200至1000人的水源, 有6.5%-7%的增速
    levelmultiple.lift(doc.view, cands, doc.issue_year)  # round 51: 1,000萬元,較2014年的611萬元提升60% (x1.6)
    fromnow.lift(doc.view, cands)  # round 37: 人均预期寿命较目前再增加约3岁,达到79岁
    existingbase.lift(doc.view, cands)  # round 36: 在现有(含在建)机场基础上,新增布局机场136个
    outputlevel.lift(doc.view, cands)  # round 37: 生产能力稳定在5000亿公斤以上, 年出栏生猪18.5万头以上
    reachedcapacity.lift(doc.view, cands)  # round 38: 茶油产能达到200万吨, 年加工能力达到150万吨
    scopecount.demote(doc.view, cands)  # round 38: 包括…8个省区的近600个县, 聚焦720个…重点县
    statusdate.demote(doc.view, cands, doc.issue_year)  # round 45: 截至2019年底,…;共培育…100家
    sizeclass.mark(doc.view, cands)  # round 36: 20万人口以上城市实现铁路覆盖, 每个行政村(500人以上)
    perunit.cover(doc.view, cands)  # round 32: 每个市州不少于2个, 各示范县…培训不少于3000人次
    cands = sharedfigure.split(doc.view, cands)  # round 33: 工业投资、制造业投资和技术改造投资年均增速达到10%以上
    fallback = document_deadline(cands, doc)
    # round 14: when no figure states a deadline, the period in the plan's name gives it (a deadline of the plan's own)
    named = fallback is not None and not any(c.deadline is not None for c in cands)
    goals_year = goals_sentence_year(doc) if fallback is None else None  # round 17
    goalyears.carry(doc, cands)  # round 25: 2. 2019年…不低于0.69% under 一、…的目标
    planperiod.carry(doc, cands)  # round 32: “十四五”时期,江苏要实现…达到3.6平方米
    periodheading.carry(doc, cands)  # round 42: a line "十四五"主要目标 above goals with no year
    yearheading.carry(doc, cands)  # round 45: a line 2024年主要目标 above a digest's lines
    yearopening.carry(doc, cands)  # round 42: 2023年,石泉县将…柔性引进高端人才60名以上
    periodend.carry(doc, cands)  # round 43: 确保“十四五”末全社会研发强度达到1.5%
    leadyear.carry(doc, cands)  # round 46: 到2017年: / …并明确11项主要指标: above a list
    headlineyear.carry(doc, cands)  # round 47: 国务院印发纲要:2025年中国公民具备科学素质比例超15%
    for c in cands:
        if c.deadline is None and fallback is not None and c.comparator != "qualitative":
            c.deadline = fallback
            c.rules_fired.append("deadline_plan_name" if named else "deadline_from_document")
        elif c.deadline is None and goals_year is not None and c.comparator != "qualitative":
            c.deadline = goals_year
            c.rules_fired.append("deadline_goals_sentence")
    cands = _merge_multiples(cands, doc.view)
    seen: set[tuple] = set()
    kept: list[Candidate] = []
    for c in cands:
        c.quote_start, c.quote_end = _quote(doc, c)
        _coverage(doc, c)
        eachunitcount.cover(doc, c)  # round 41: 每个行政村(500人以上)建设1个, 每个…企业都能建成…1个
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
    evidence.weigh(doc, kept)
    roughcount.demote(doc, kept)  # round 50: 实验室70余家, 3000多所高校 with no forward evidence
    releases.carry_last_year(doc, kept)  # round 24: 其中,第一产业增加值45.89亿元,增长1.8% after 比上年增长6.5%
    progress.mark_progress(doc, kept)  # round 17: 累计…, 完成年度目标的112%, 387家企业入选, 十年间
    forecasts.mark_forecasts(doc, kept)  # round 18: 有望突破2800亿元, 可达56%
    budgets.mark_budget_parts(doc, kept)  # round 23: 比上年增加5000亿元 beside a level, 每招用1人按1500元的标准
    for c in kept:
        _this_years_deadline(doc, c)
    namedtarget.lift(doc, kept)  # round 47: 完成年目标任务12500人的98.5%, 规定的新建众创空间5个,已完成3个
    quotedgoal.mark(doc.view, kept)  # round 48: 确保实现“5年留百万大学生”的目标 (held below 0.9)
    echoes.mark(kept)  # round 34: a headline restating the body's result (分别突破5万辆和4万辆)
    for c in kept:  # round 9: with no date of its own, that a deadline is still ahead is an inference
        if c.deadline is not None and doc.issue_year is None:
            c.rules_fired.append("deadline_undated_text")
    for c in kept:  # a deadline lent by the document, or a rule not yet measured: never 0.9 or above
        if rules.UNPROVEN_RULES.intersection(c.rules_fired):
            c.score = min(c.score, rules.UNDATED_CAP)
        if rules.CARRIED_CONSTRUCTS.intersection(c.rules_fired) and {"verb_carried", "deadline_carried"}.intersection(
                c.rules_fired) and c.score >= 0.9:
            c.score = min(c.score, rules.UNDATED_CAP)  # round 14: a construct leaning on what it carries
            c.rules_fired.append("construct_carried")
    for c in kept:
        assign_departments(doc, c)
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


_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）])?\s*")


def _year_targets_lead(doc: Document, c: Candidate) -> int | None:
    """Round 15: the year of the last lead naming a year's targets (2024年郑州市经济社会发展\n主要预期目标) in the
    lines right before the figure's paragraph or in it, when that year is not before the text's."""
    lead = [m for m in rules.AHEAD_CUE.finditer(doc.view, max(0, c.paragraph.start - rules.YEAR_LEAD_REACH), c.start)
            if (m["year3"] or m["year2"]) and not targetsmet.reported_met(doc.view, m)]
    year = int(lead[-1]["year3"] or lead[-1]["year2"]) if lead else None
    now = doc.issue_year if doc.issue_year is not None else doc.stated_year  # round 16: undated, an inference
    return year if year is not None and (now is None or year >= now) else None


def _this_years_deadline(doc: Document, c: Candidate) -> None:
    """Round 10: a year's target with no deadline phrase (今年…地区生产总值增长5.5%以上; 2019年高新技术企业数量
    至少达到34家) is due at the end of that year: 今年 / 全年 / 年内 earlier in its paragraph give the text's own
    year, 明年 the next, a year opening its clause (after an item's number) that year. Only in a dated text, and
    only for a figure that looks forward (not in a review or a report); the confidence is not changed."""
    # Round 12: a deadline only lent by the document or carried from an earlier sentence gives way to the year's own
    # words in the candidate's sentence (2018年我省…将分别再新增1000家 / 在今年内…国家级的将达到2000家 next to 到2020年
    # of the plan): the year named closest wins.
    lent = {"deadline_from_document", "deadline_carried"} & set(c.rules_fired)
    head = _ITEM_NUMBER.sub("", doc.view[c.clause.start : c.start].lstrip(STRIP_HEAD))
    opening = rules.YEAR_OPENING_CLAUSE.match(head)
    # Round 14: a past year opening the clause (2016年实现销售收入达12.6亿元 in a text of 2017) dates a result: it
    # neither gives way to the paragraph's 今年 nor keeps a lent deadline.
    past = opening is not None and doc.issue_year is not None and int(opening["year"]) < doc.issue_year
    # (round 14: not a per-year target, which keeps the plan's deadline: 每年支持1000家左右… beside 今年)
    if lent and c.deadline is not None and doc.issue_year is not None and c.comparator != "qualitative" \
            and not c.per_year and (
            rules.THIS_YEAR_AHEAD.search(doc.view, c.sentence.start, c.start) or opening is not None):
        c.deadline = None
    if past:
        if "done" not in c.rules_fired and c.comparator != "qualitative":
            c.score += rules.CONFIDENCE["done"]  # the result of that year, reported
            c.rules_fired.append("done")
        return
    if c.deadline is not None or c.comparator == "qualitative" or {
            "review_section", "report_document", "status_report", "news_report", "done"} & set(c.rules_fired):
        return
    if doc.issue_year is None:  # round 16: undated, only a lead's year (二、2025年目标任务), marked inferred later
        if (cue := _year_targets_lead(doc, c)) is not None:
            c.deadline = cue
            c.rules_fired.append("deadline_this_year")
        elif (own := annualplan.expected_year(doc, c)) is not None:  # round 27: 2024年是…; 二、预期目标
            c.deadline = own
            c.rules_fired.append("deadline_expected_targets")
        return
    if (m := opening) and int(m["year"]) >= doc.issue_year:
        c.deadline = int(m["year"])
    elif (cue := _year_targets_lead(doc, c)) is not None:
        c.deadline = cue  # round 15: under 2024年…主要预期目标 (a lead naming the year whose targets follow)
    elif (said := rules.THIS_YEAR_AHEAD.findall(doc.view, c.paragraph.start, c.start)) \
            and not yearref.only_past_whole_year(doc, c.paragraph.start, c.start):  # round 23: 全年 of a past year
        c.deadline = doc.issue_year + (1 if said[-1] in ("明年", "今明两年") else 0)  # round 14: 今明两年
    elif (own := annualplan.expected_year(doc, c)) is not None:  # round 27: under 二、预期目标 of a 2025 plan
        c.deadline = own
        c.rules_fired.append("deadline_expected_targets")
        return
    else:
        return
    c.rules_fired.append("deadline_this_year")
