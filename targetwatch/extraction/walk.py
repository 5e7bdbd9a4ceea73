"""The walk over a document: paragraph by paragraph, sentence by sentence, clause by clause, applying the finders
and carrying deadlines, list items, departments and qualitative goals from where they are stated to the targets
they govern.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

import targetwatch.extraction.countedclass as countedclass
import targetwatch.extraction.counts as counts
import targetwatch.extraction.coverend as coverend
import targetwatch.extraction.everyunit as everyunit
import targetwatch.extraction.jobsbrought as jobsbrought
import targetwatch.extraction.lowerindex as lowerindex
import targetwatch.extraction.percentwords as percentwords
import targetwatch.extraction.personflows as personflows
import targetwatch.extraction.points as points
import targetwatch.extraction.ratios as ratios
import targetwatch.extraction.rules as rules
import targetwatch.extraction.sizelabel as sizelabel
import targetwatch.extraction.unitstask as unitstask
from targetwatch.extraction.candidates import STRIP_HEAD, STRIP_TAIL, Candidate, Document, deadlines, scaled
from targetwatch.extraction.figures import category_thresholds, constructs, find_figures
from targetwatch.extraction.naming import HEADING_L1, HEADING_L2, HEADING_L3, heading_title
from targetwatch.extraction.progress import BY_YEAR
from targetwatch.extraction.text import Paragraph, Sentence, Span, fold, inside_marks, paragraphs

# --- the walk ---------------------------------------------------------------------------------------------------


def walk(doc: Document) -> list[Candidate]:
    view, text = doc.view, doc.text
    out: list[Candidate] = []
    levels = ["", "", ""]
    title = ""
    goals = False
    goal_levels = [False, False]  # a heading with 目标 at level 1 or 2; a sub-heading under a goals heading stays in it
    lead_deadline: int | None = None  # the deadline in force at the end of the last paragraph that was no list item
    for para in paragraphs(view):
        line = text[para.start : para.end]
        for level, pattern in enumerate((HEADING_L1, HEADING_L2, HEADING_L3)):
            if m := pattern.match(line):
                levels[level] = m.group(1).strip()
                for deeper in range(level + 1, 3):
                    levels[deeper] = ""
                title = heading_title(line, m.end())
                if level < 2:
                    goal_levels[level:] = [bool(rules.GOALS_HEADING.search(fold(title)))] + [False] * (1 - level)
                    goals = any(goal_levels)
                break
        heading = "".join(levels) + title
        if rules.HEADING.match(view[para.start : para.end]):
            continue  # 专栏2：20个…: the box's title repeats a target
        deadline = lead_deadline if para.bullet else None
        at_point: int | None = None  # round 44: the deadline in force where the paragraph's first point (一是…) opened
        pointed = False
        for sent in para.sentences:
            if points.opens_point(view, sent.start, sent.end):  # 二是…: not what 一是… stated for itself
                deadline, at_point = (at_point, at_point) if pointed else (deadline, deadline)
                pointed = True
            stated = deadlines(view, sent, doc)
            found = _dated_projects(doc, para, sent, stated)
            for clause in sent.clauses:
                figures = find_figures(doc, para, sent, clause)
                figures = sorted(figures + _list_items(doc, clause, figures) + constructs(doc, para, sent, clause),
                                 key=lambda c: c.start)
                # round 23: 带头人100万以上, 百万毕业生 (people counted without a measure word); round 27: 1: 7 (ratios)
                figures = sorted(figures + counts.bare_counts(doc, para, sent, clause, figures), key=lambda c: c.start)
                figures = sorted(figures + ratios.find(doc, para, sent, clause, figures), key=lambda c: c.start)
                # round 48: 森林覆蓋率達到百分之26以上, 提升至百分之1 (per cent in words before the number)
                figures = sorted(figures + percentwords.find(doc, para, sent, clause, figures), key=lambda c: c.start)
                # round 51: 求人倍率降低到1.3以下, PUE控制在1.25以下 (a unitless ratio lowered: an index)
                figures = sorted(figures + lowerindex.find(doc, para, sent, clause, figures), key=lambda c: c.start)
                # round 39: 每个村民小组有家庭农场, 每个县区建立一条创业街, 覆盖全省所有行政村 (coverage, no figure)
                figures = sorted(figures + everyunit.find(doc, para, sent, clause), key=lambda c: c.start)
                # round 39: 到2025年,…,粪污处理设施装备配套基本全覆盖 (a 全覆盖 closing its item, no verb)
                figures = sorted(figures + coverend.find(doc, para, sent, clause), key=lambda c: c.start)
                # round 40: 打造百亿元苹果产业, 吸纳农村50万劳动力就业, 新增就业目标1200万, 60个县(市)对接…
                figures = sorted(figures + sizelabel.find(doc, para, sent, clause)
                                 + jobsbrought.find(doc, para, sent, clause, figures)
                                 + personflows.find(doc, para, sent, clause, figures), key=lambda c: c.start)
                unitstask.mark(doc, figures)
                category_thresholds(view, figures)
                countedclass.mark(view, figures)  # round 40: 4个产值规模超100亿元的…集聚区
                _share_clause(view, figures)
                found += figures
            if not found and (goal := _qualitative_goal(doc, para, sent, goals or bool(stated))):
                found.append(goal)
            prev: Candidate | None = None
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


def _place(c: Candidate, stated: list[tuple[int, int, str]], carried: int | None, goals: bool,
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


def _qualitative(para: Paragraph, sent: Sentence, clause: Span, rule: str) -> Candidate:
    return Candidate(start=clause.start, end=clause.end, sentence=sent, paragraph=para, clause=clause,
                      comparator="qualitative", rules_fired=[rule], score=rules.CONFIDENCE["qualitative_goal"],
                      kind="qualitative")


def _dated_projects(doc: Document, para: Paragraph, sent: Sentence,
                    stated: list[tuple[int, int, str]]) -> list[Candidate]:
    """在2020年前，打造…聚集区: a clause right after a deadline clause that opens with a build verb, with no figure
    and no vague count, is a qualitative goal; the figures after it in the sentence are its parts."""
    out = []
    view = doc.view
    for before, clause in itertools.pairwise(sent.clauses):
        lead = view[before.start : before.end].strip(STRIP_HEAD + STRIP_TAIL)
        body = view[clause.start : clause.end].strip(STRIP_HEAD)
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


def _qualitative_goal(doc: Document, para: Paragraph, sent: Sentence, in_scope: bool) -> Candidate | None:
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


def _list_items(doc: Document, clause: Span, figures: list[Candidate]) -> list[Candidate]:
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
                value = scaled(item["num"], item["scale"] or m["scale"], m["unit"])[0]
            except ValueError:
                continue
            c = dataclasses.replace(last, start=item.start(), end=item.end(), value=value,
                                    rules_fired=[*last.rules_fired, "distributive_item"], notes=list(last.notes))
            out.append(c)
        last.rules_fired.append("distributive_item")
    return out


def _lists(view: str, sent: Sentence, found: list[Candidate]) -> list[list[Candidate]]:
    """The figures after each 分别 of a sentence that form its list: joined by 、/和/与/及 only (…分别达25%、40%、20%,
    实际利用外资1亿美元: the amount after the list is not in it)."""
    figures = sorted((c for c in found if c.value is not None), key=lambda c: c.start)
    out = []
    at = view.find("分别", sent.start, sent.end)
    while at >= 0:
        after = [c for c in figures if c.start > at]
        if after:
            run = [after[0]]
            for c in after[1:]:
                if view[run[-1].end : c.start].strip(" ") not in ("、", "和", "与", "及", ","):
                    break
                run.append(c)
            out.append(run)
        at = view.find("分别", at + 2, sent.end)
    return out


def _distribute(doc: Document, sent: Sentence, found: list[Candidate]) -> None:
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
    for run in _lists(view, sent, found):
        for c in run[1:]:
            if run[0].rules_fired[0] == "prefix_year_growth" and c.unit == run[0].unit \
                    and c.comparator in ("approx", "at_least"):  # 分别增长7%、8%左右: growth rates, as 增长8%左右 is
                c.comparator = run[0].comparator
                c.rules_fired.append("distributive_growth")
            if c.rules_fired[0] == rules.PLAIN_RULE and run[0].comparator != "exact":
                c.comparator = run[0].comparator
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
        names = [re.sub(r"^(?:全省|全市|全区|全县)", "", n.strip(STRIP_HEAD + STRIP_TAIL))
                 for n in rules.ITEM_JOINERS.split(part)]
        if len(names) == len(items) and all(names):
            for c, name in zip(items, names, strict=True):
                c.name_hint = name
            break


def _share_clause(view: str, found: list[Candidate]) -> None:
    """Two figures in one clause joined by 、 (每个县建成1处…、每个乡镇建设1处以上…): each gets its own part,
    cut at the last 、 before the next figure."""
    for a, b in itertools.pairwise(found):
        cut = view.rfind("、", a.end, b.start)
        if cut >= 0:
            a.clause = Span(a.clause.start, cut)
            b.clause = Span(cut + 1, b.clause.end)


def document_deadline(cands: list[Candidate], doc: Document | None = None) -> int | None:
    """The deadline of the plan as a whole: the commonest one among its goals, else among all figures, else (round
    14) the last year of the period its name gives (《“创业江淮”行动计划(2021-2025年)》), when that is still ahead."""
    in_goals = [c.deadline for c in cands if c.deadline is not None and "goals_section" in c.rules_fired]
    if in_goals:
        return Counter(in_goals).most_common(1)[0][0]
    stated = [c.deadline for c in cands if c.deadline is not None]
    if stated:
        return Counter(stated).most_common(1)[0][0]
    # the plan the text is about: named in its opening (安徽省印发《“创业江淮”行动计划(2021-2025年)》), not one cited
    return None if doc is None else doc.plan_period_end()


# Round 17: a deadline stated in a goals sentence with no figure of its own (1.总体目标\n…到2023年,主要科技创新
# 指标实现“六个倍增、六个突破”。 then the goals in the next paragraph): the sentence names 目标 / 指标, or its
# paragraph follows a heading line that names 目标.
_GOALS_WORD = re.compile(r"目标|指标")


def goals_sentence_year(doc: Document) -> int | None:
    """When no figure states a deadline and the plan's name gives none: the commonest year of 到YYYY年 in a goals
    sentence (one naming 目标 / 指标, or the first line after a heading naming 目标), if not before the text's own."""
    years = []
    lines = doc.view.split("\n")
    for i, line in enumerate(lines):
        after_heading = i > 0 and len(lines[i - 1].strip()) <= 12 and "目标" in lines[i - 1]
        for sent in re.split(r"[。；;！？]", line):
            if after_heading or _GOALS_WORD.search(sent):
                years += [int(m["year"]) for m in BY_YEAR.finditer(sent)]
    now = doc.issue_year if doc.issue_year is not None else doc.stated_year
    years = [y for y in years if now is None or y >= now]
    return Counter(years).most_common(1)[0][0] if years else None


def assign_departments(doc: Document, c: Candidate) -> None:
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
