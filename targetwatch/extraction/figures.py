"""Finding candidate targets in one clause: figures with their comparators, constructs (翻一番, 达到全国平均水平),
ranks, indices, coverage goals and growth above a reference.

Each finder reads a clause of the folded view and returns `Candidate`s; the tables they apply are in `rules.py`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

import targetwatch.extraction.annualplan as annualplan
import targetwatch.extraction.funds as funds
import targetwatch.extraction.listverb as listverb
import targetwatch.extraction.measures as measures
import targetwatch.extraction.quotedgoal as quotedgoal
import targetwatch.extraction.rules as rules
from targetwatch.extraction.candidates import (
    CJK,
    STRIP_HEAD,
    STRIP_TAIL,
    Candidate,
    Document,
    deadlines,
    number,
    scaled,
)
from targetwatch.extraction.text import Paragraph, Sentence, Span, inside_marks


def _comparator(view: str, m: re.Match[str], clause: Span) -> tuple[str, str]:
    """(comparator, rule) for a figure from the cue tables; a range and a plain number are the fallbacks."""
    before = view[max(clause.start, m.start() - rules.PREFIX_REACH) : m.start()]
    before = re.split(r"\d", before)[-1]  # no other number between a cue and its figure
    after = (m["post"] or "").replace(" ", "") + (m["more"] or "")
    adjacent = before.rstrip(" ")
    for cue in rules.COMPARATOR_CUES:
        if cue.where == "after" and any(w in after for w in cue.words):
            return cue.comparator, cue.rule
        if cue.where == "growth_end":
            # round 15: also through a reading's blanks (增    长预    期目     标为5%左右)
            compact = rules.READING_BLANK.sub("", re.split(r"\d", view[clause.start : m.start()])[-1])
            if m["unit"] == "%" and (rules.GROWTH_END.search(before) or rules.GROWTH_END.search(compact)
                                     or rules.GROWTH_AFTER.match(view, m.end())):
                return cue.comparator, cue.rule
            continue
        if cue.where == "clause":
            if m["unit"] == "%" and any(w in re.split(r"\d", view[clause.start : m.start()])[-1] for w in cue.words):
                return cue.comparator, cue.rule
            continue
        if cue.where == "adjacent":
            word = next((w for w in cue.words if adjacent.endswith(w) or (not m["num"] and before.endswith(w))), None)
            if word is not None and not (
                    adjacent[-len(word) - 1 : -len(word)] in rules.ADJACENT_NOT_AFTER.get(word, "")
                    and adjacent[-len(word) - 1 : -len(word)] != ""):
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
    """A target verb in the text, not as part of a noun (孵化器, 建设发展大会). A verb split by a blanked reading
    (建      设10个) is the verb (round 9)."""
    before = rules.READING_BLANK.sub("", before)
    for v in rules.TARGET_VERBS:
        at = before.find(v)
        while at >= 0:
            # 孵化器 (a noun), 对新认定的…企业 (a verb before 的 describes the noun that follows): no verb of the target
            if not rules.VERB_IN_NOUN.match(before, at + len(v)) and before[at + len(v) : at + len(v) + 1] != "的":
                return True
            at = before.find(v, at + 1)
    return False


def _only_the_figure(view: str, m: re.Match[str]) -> bool:
    """定格“6%左右”: quotation marks around a figure alone (its comparator included) quote a number, not a name."""
    return m.start() > 0 and m.end() < len(view) and view[m.start() - 1] in "“\"「『" and view[m.end()] in "”\"」』"


def _frame(before: str) -> str | None:
    """结合五个新城建设…的需要, 围绕3大产业: a figure after a preposition of frame, with no target verb between them,
    names the ground a measure stands on. "frame" when so, else None."""
    if rules.FRAME_AS.search(before):
        return "frame"  # round 14: 以创新驱动和改革开放为两个轮子 (what serves as what)
    found = list(rules.FRAME_WORDS.finditer(before))
    if not found or _has_verb(before[found[-1].end() :]):
        return None
    return "frame"


def _counts_the_list(view: str, clause: Span, m: re.Match[str]) -> bool:
    """从A、B、C、D、E、F等六个方面: 等N right after a list of N items counts the list. 众创空间、创业咖啡、创新工场
    等10家以上 (3 kinds, 10 places) is a target."""
    before = view[clause.start : m.start()].rstrip(" ")
    if m["post"] or m["more"] or m["low"]:
        return False
    deng = before.endswith(rules.ENUMERATION_COUNT_BEFORE)
    if deng and not m["more"] and before.count("、") >= 2 and (m["unit"] or "") in rules.KIND_COUNT_UNITS:
        return True  # 云计算、大数据、…人工智能等8项: kinds, counted
    if deng and view[m.end() : m.end() + 4].lstrip(" ").startswith(("指标", "主要指标")):
        return True  # 等6项指标翻两番: the number of indicators a multiple applies to
    if "、" not in before:
        return False
    try:
        n = number(m["num"])
    except ValueError:
        return False
    parts = before.split("、")
    if not deng and any(rules.FIGURE.search(part) for part in parts[:-1]):
        return False  # 新认定国家级技术中心1家以上、省级技术中心2家: the items carry figures of their own (round 12)
    if _has_verb(parts[-1].split("等")[-1]):
        return False  # 在A、B、C等优势领域培育不少于3个…: a verb after the list commits to the number (round 10)
    items = len(parts) + len(rules.ITEM_JOINERS.findall(parts[-1])[:1])  # …、关键基础材料和产业技术基础6个领域
    # 省人社厅、省财政厅拟对A、B、…G等7家…: or the list starts after the object's preposition (round 9)
    opened = [i for i, part in enumerate(parts) if rules.LIST_OBJECT.search(part)]
    return n >= 2 and (items == n or (deng and (len(parts) == n or len(parts) - opened[0] == n if opened
                                                else len(parts) == n)))


def _intent_after_status(doc: Document, sent: Sentence, clause: Span) -> bool:
    """Round 12: a status word governs its sentence only until a clause of intent or a deadline after it (南京市已累计
    培育…647家,…将达到213家,…又启动…,加快构建…,全市…数量分别达到30家、300家…): the clauses between the last status
    word and the figure's own clause say so."""
    text = doc.view[sent.start : clause.start]
    last = max((text.rfind(w) + len(w) for w in rules.STATUS_WORDS if w in text), default=-1)
    if last < 0:
        return False
    span = Span(sent.start + last, clause.start)
    return bool(rules.INTENT.search(doc.view, span.start, span.end)) or bool(deadlines(doc.view, span, doc))


# Round 22: 8月31日前 is a date (by the 31st), not the news cue 日前 (a few days ago).
_DAY_BEFORE = re.compile(r"(?<=[\d一二三四五六七八九十])日前")


def _reported(doc: Document, para: Paragraph, at: int) -> bool:
    """A news report's cue (据介绍, 数据显示, 日前…公布) earlier in the paragraph, with no deadline or word of intent
    between it and the figure: the figure says what was done, not what is planned."""
    text = _DAY_BEFORE.sub(lambda m: " " * len(m[0]), doc.view[para.start : at])
    cue = max([text.rfind(w) for w in rules.REPORT_WORDS]
              + [m.start() for m in rules.MONTHS_SO_FAR.finditer(text)], default=-1)
    if cue < 0:
        return False
    after = rules.TARGET_MET.sub("", doc.view[para.start + cue : at])  # 完成目标任务…: a target met, not intent
    # round 14: the year's targets may be named after the figure in its sentence (提出了2020年…总数达450家的主要目标)
    end = min((i for i in (doc.view.find(p, at, para.end) for p in "。;；") if i >= 0), default=para.end)
    named = rules.TARGET_MET.sub("", doc.view[para.start + cue : end])
    ahead = any(doc.issue_year is None or int(m["year"]) >= doc.issue_year
                for m in rules.YEAR_TARGETS.finditer(named))
    return not rules.INTENT.search(after) and not ahead and not deadlines(doc.view, Span(para.start + cue, at), doc)


def _in_condition(view: str, sent: Sentence, at: int) -> bool:
    """对…吸纳20家以上创业实体,…达到1:5以上的,可比照…申报: the figure stands between a condition's opener (对, 凡, 符合)
    and the clause ending in 的 that closes it, before what follows from it (round 9)."""
    if rules.CONDITION_CONSEQUENCE.search(view, at, sent.end) is None:
        return False
    openers = list(rules.CONDITION_OPENER.finditer(view[sent.start : at]))
    return bool(openers) and rules.CONDITION_CONSEQUENCE.search(view, sent.start + openers[-1].end(), at) is None


def _past_period(doc: Document, para: Paragraph, at: int) -> bool:
    """“十三五”期间…增至6006名 in a text of 2022: a plan period that ended before the text, named earlier in the
    paragraph with no deadline or word of intent between its name and the figure."""
    # undated: a period is over when the text names a later one (a 十五五 plan's review of the 十四五)
    over = (lambda end: end < doc.issue_year) if doc.issue_year is not None else (
        lambda end: any(later > end and name in doc.view for name, later in rules.PLAN_PERIODS.items()))
    text = doc.view[para.start : at]
    for name, end in rules.PLAN_PERIODS.items():
        where = text.rfind(name)
        if where >= 0 and over(end):
            after = rules.TARGET_MET.sub("", doc.view[para.start + where : at])
            if not rules.INTENT.search(after) and not deadlines(doc.view, Span(para.start + where, at), doc):
                return True
    return False


def _past_end(doc: Document, before: str, sentence_before: str = "", paragraph_before: str = "") -> bool:
    """增加到2021年的33万家, or a sentence opening 2021年，… in a text of 2022: the figure says where things stood.
    Round 9: so does a later sentence of a paragraph that opens with that year (2024年,…预计全年…。…增长7.2%左右),
    when no word of intent or deadline comes between."""
    now = doc.issue_year if doc.issue_year is not None else doc.stated_year  # undated: its latest plain year (round 8)
    if now is None:
        return False
    # Round 12: the year may follow who says it (据省科技厅副厅长介绍,2020年,我省…;高新技术企业达到1.46万家).
    sentence_before = rules.ATTRIBUTION_LEAD.sub("", sentence_before.lstrip(STRIP_HEAD))
    paragraph_before = rules.ATTRIBUTION_LEAD.sub("", paragraph_before.lstrip(STRIP_HEAD))
    m = rules.PAST_END.search(before) or rules.PAST_YEAR_OPENING.match(sentence_before)
    if m is None and paragraph_before and (o := rules.PAST_YEAR_OPENING.match(paragraph_before)) \
            and not rules.INTENT.search(paragraph_before) and not rules.DEADLINE_WORDS.search(paragraph_before):
        m = o
    return m is not None and int(m["year"]) < now


def category_thresholds(view: str, found: list[Candidate]) -> None:
    """In 2万平方米以上孵化器超150个, 吸纳300人以上的孵化器超200个, 总收入超过100亿元的企业达到10家以上 the first
    figure says which things are counted; the count after it is the target. A figure followed by 的 or by a noun
    (after 以上/以下, or after 超过), with a figure of another unit later in its clause, is such a threshold."""
    for a, b in itertools.pairwise(found):
        if a.clause is not b.clause or a.value is None or b.value is None or a.unit == b.unit \
                or "measure_word" in b.rules_fired:  # round 10: …基地100个以上,带动种植10万亩: no count after it
            continue
        between = view[a.end : b.start]
        if any(ch in between for ch in "、,，;；"):
            continue
        if view[b.end : b.end + 3].lstrip(" ").startswith("的"):
            continue  # 培育10家以上年营业收入超10亿元的科技领军企业: the second figure qualifies; the first counts
        noun_after = bool(CJK.match(between.lstrip(" "))) and not between.lstrip(" ").startswith(
            rules.THRESHOLD_NOT_BEFORE)
        qualifies = between.lstrip(" ").startswith("的") or (
            (a.comparator in ("at_least", "at_most", "exceed")) and noun_after
        ) or (  # 200家领军企业营业收入突破2.3万亿元: the things counted, then their total with its own cue
            noun_after and "target_verb" not in a.rules_fired and b.comparator not in ("exact", "range")
            and not any(v in between[:-4] for v in rules.TARGET_VERBS)  # its cue (突破, 达到) aside
        )
        if qualifies:
            a.score += rules.CONFIDENCE["category_threshold"]
            a.rules_fired.append("category_threshold")


def find_figures(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    view = doc.view
    out = []
    baselines = list(rules.BASELINE_VALUE.finditer(view, clause.start, clause.end))
    above = list(rules.ABOVE_REFERENCE.finditer(view, clause.start, clause.end)) \
        + list(rules.ABOVE_AVERAGE_BY.finditer(view, clause.start, clause.end)) \
        + list(rules.GROWTH_ABOVE_BY.finditer(view, clause.start, clause.end)) \
        + [r for r in rules.RANK.finditer(view, clause.start, clause.end) if r["qian"]]  # round 14: 前15名 is a rank
    for m in rules.FIGURE.finditer(view, clause.start, clause.end):
        if any(b.start() <= m.start() < b.end() for b in baselines):
            continue  # 由50家增加到…: the baseline, attached to the figure after 到 below
        if any(a.start() <= m.start() < a.end() for a in above):
            continue  # 比全国高15个百分点: read whole as a level above a reference (_above_reference)
        if inside_marks(view, *m.span()) and not (_only_the_figure(view, m) or quotedgoal.read(view, m)):
            continue  # “三个工程”, 《…》: a name, not a figure (but 定格“6%左右”: a figure quoted alone is read)
        if view[m.start() - 1 : m.start()] in ("第", "每"):
            continue
        if _counts_the_list(view, clause, m):
            continue  # A、B、C…等六个方面: how many things were just listed
        if m["unit"] in rules.PLAN_PARTS_UNITS and rules.PLAN_PARTS_AFTER.match(view, m.end()):
            continue  # 列出了…20项主要指标: the parts of a document
        if rules.CUT_AFTER.match(view, m.end()) and not m["post"]:
            continue  # 1万家以 ……: the copy stops inside the figure (not 1.3万亿斤以上……, a list's ellipsis: round 11)
        if m["num"] == "一" and not m["low"]:
            continue  # 一个窗口, 一家: an article, not a count
        if m["num"][:1] == "0" and m["num"][1:2].isdigit():
            continue  # round 15: 1 1 00万人 (a number spaced apart): no count starts with 0
        if rules.CONDITION_END.search(view[clause.start : clause.end].strip()):
            continue  # 对…达到30%以上的，: a condition for a rule, not a target
        try:
            value, base = scaled(m["num"], m["scale"], m["unit"])
            low = scaled(m["low"], m["low_scale"] or m["scale"], m["unit"])[0] if m["low"] else None
        except ValueError:
            continue
        comparator, rule = _comparator(view, m, clause)
        before = view[clause.start : m.start()]
        score = rules.CONFIDENCE["base"]
        fired = [rule] + (["measure_word"] if m["unit"] in rules.MEASURE_WORDS else [])
        if rule != rules.PLAIN_RULE:
            score += rules.CONFIDENCE["comparator"]
        if _has_verb(before):
            score += rules.CONFIDENCE["verb"]
            fired.append("target_verb")
        elif not before.strip(STRIP_HEAD) and rules.VERB_AFTER.match(view, m.end()):
            score += rules.CONFIDENCE["verb"]  # …，1.7万人取得证书: the figure is the subject of its verb
            fired.append("verb_after")
        if rules.DEFINITION.search(view, sent.start, m.start()):
            score += rules.CONFIDENCE["definition"]
            fired.append("definition")
        if (frame := _frame(before)) is not None:
            score += rules.CONFIDENCE["frame"]
            fired.append(frame)
        status = [w for w in rules.STATUS_WORDS if w in rules.BRACKETED.sub("", view[sent.start : m.start()]) and not (
            w == "同比" and annualplan.same_period_target(view, sent.start, para.start, m.start()))]
        if status and _intent_after_status(doc, sent, clause):
            status = []
        if not rules.FORECAST_BY_PLAN.search(view.lstrip()[: rules.REPORT_TITLE_REACH]) \
                and not rules.FORECAST_BY_PLAN.search(view, para.start, m.start()):
            if rules.FORECAST.search(view, sent.start, m.start()):
                score += rules.CONFIDENCE["forecast"]
                fired.append("forecast")
            elif rules.FORECAST_WEAK.search(view, sent.start, m.start()):
                fired.append("forecast_weak")  # held below 0.9 (rules.UNPROVEN_RULES); a note says why
        if status or rules.STATUS_DONE.search(view, clause.start, m.start()) \
                or rules.PAST_SPAN.search(view, sent.start, m.start()):
            score += rules.CONFIDENCE["status"]
            # only 比上年 / 较上年: evidence.weigh lifts it for a year's plan (主要目标：…比上年增长15%)
            only_last_year = bool(status) and set(status) <= set(rules.LAST_YEAR_WORDS) \
                and not rules.STATUS_DONE.search(view, clause.start, m.start()) \
                and not rules.PAST_SPAN.search(view, sent.start, m.start())
            fired.append("status_last_year" if only_last_year else "status_report")
        elif doc.is_report or _reported(doc, para, m.start()):
            score += rules.CONFIDENCE["report"]
            fired.append("news_report")
        if rules.ONGOING_BEFORE.search(view, clause.start, m.start()) \
                and rules.ONGOING_AFTER.match(view, m.end(), clause.end):
            score += rules.CONFIDENCE["ongoing_work"]  # round 12: 大力推进66个产业园区建设 (the parks there are)
            fired.append("ongoing_work")
        if rules.DONE_BEFORE.search(before) \
                or _past_end(doc, before, view[sent.start : m.start()], view[para.start : m.start()]) \
                or _past_period(doc, para, m.start()):
            score += rules.CONFIDENCE["done"]
            fired.append("done")
        if _in_condition(view, sent, m.start()):
            score += rules.CONFIDENCE["condition"]
            fired.append("condition")
        head = view[sent.start : m.start()].lstrip(STRIP_HEAD)
        if (pu := rules.PER_UNIT.search(head)) \
                and not rules.COVERAGE.search(view, min(clause.start, m.start() - len(head) + pu.start()), m.start()):
            score += rules.CONFIDENCE["per_unit_norm"]
            fired.append("per_unit_norm")
        opener = view[clause.start : clause.end].lstrip(STRIP_HEAD)
        if opener.startswith(rules.ENUMERATION_OPENERS) and "、" in before and not _has_verb(before.split("、")[-1]) \
                and "分别" not in before and not listverb.first_item_has_verb(before, _has_verb):  # r. 53
            score += rules.CONFIDENCE["enumeration"]
            fired.append("enumeration")
        cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=comparator, rules_fired=fired, score=score, value=value, unit=base,
                          unit_as_written=doc.text[m.start("scale") if m["scale"] else m.start("unit") : m.end("unit")])
        if comparator == "range":
            cand.value, cand.value_high = (low, value) if low is not None and low <= value else (value, low)
        elif low is not None and low <= value:  # 增长6%-6.5%: a range read as a rate is stated at its low end
            cand.value = low
            cand.notes.append(f"range up to {doc.text[m.start('num') : m.end()]}")
        if base == "yuan" and (rules.GRANT_AFTER.match(view, m.end()) or rules.GRANT.search(before)):
            score += rules.CONFIDENCE["grant"]  # 给予50万元一次性奖励: paid to each firm
            fired.append("grant")
            cand.score = score
        if m["unit"] in rules.MEASURE_WORDS and (
                measures.CAPACITY_BEFORE.search(before) or measures.CAPACITY_AFTER.match(view, m.end())
                or measures.product_after(view, m.end(), base)):  # round 30: not an area before its land
            score += rules.CONFIDENCE["category_threshold"]  # round 10: 年产10万吨, 10万吨/年, 10万吨工业草酸
            fired.append("capacity")
            cand.score = score
        if base == "yuan" and rules.AMOUNT_CLASS_AFTER.match(view, m.end()):
            score += rules.CONFIDENCE["category_threshold"]
            fired.append("category_threshold")
            cand.score = score
        if m["unit"] == "%" and not m["low"] and (g := rules.GROWTH_OVER_BASELINE.search(before)):
            cand.comparator, cand.multiple, cand.baseline_year = "multiple_of_baseline", 1 + value / 100, int(g["year"])
            cand.value, cand.unit, cand.unit_as_written = None, None, None
            fired.append("growth_over_baseline")
        if b := next((b for b in baselines if b.end() == m.start()), None):
            cand.baseline_value = scaled(b["base"], b["base_scale"], b["base_unit"] or m["unit"])[0]
            cand.baseline_year = int(b["base_year"]) if b["base_year"] else None
            fired.append("baseline_value")
        if any(w in view[clause.start : m.start()] for w in rules.PER_YEAR):
            cand.per_year = True
            fired.append("per_year")
        if any(w in view[clause.start : m.start()] for w in rules.CUMULATIVE):
            cand.notes.append("累计 (cumulative)")
            fired.append("cumulative")
        if "forecast_weak" in fired:
            cand.notes.append("a forecast? (预计 / 有望): check that a plan states it")
        if any(w in view[sent.start : m.start()] for w in rules.ASPIRATION):
            cand.notes.append("aspirational (力争/争取)")
            fired.append("aspiration")
        out += _each(view, clause, m.start(), cand)
    return out + _fractions(doc, para, sent, clause)


def _fractions(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """占全市1/8, 占全市比重超1/4: a share written as a fraction, read as a percentage (12.5, 25)."""
    view = doc.view
    out = []
    for m in rules.FRACTION.finditer(view, clause.start, clause.end):
        num, den = int(m["num"]), int(m["den"])
        before = view[clause.start : m.start()]
        if not 0 < num < den or not rules.FRACTION_SHARE_BEFORE.search(before):
            continue
        comparator = rules.FRACTION_CUES.get(m["cue"] or "", "exact")
        score = rules.CONFIDENCE["base"] + (rules.CONFIDENCE["comparator"] if m["cue"] else 0.0)
        fired = ["fraction"]
        if _has_verb(before):
            score += rules.CONFIDENCE["verb"]
            fired.append("target_verb")
        elif not before.strip(STRIP_HEAD) and rules.VERB_AFTER.match(view, m.end()):
            score += rules.CONFIDENCE["verb"]  # …，1.7万人取得证书: the figure is the subject of its verb
            fired.append("verb_after")
        if rules.DEFINITION.search(view, sent.start, m.start()):
            score += rules.CONFIDENCE["definition"]
            fired.append("definition")
        if (frame := _frame(before)) is not None:
            score += rules.CONFIDENCE["frame"]
            fired.append(frame)
        cand = Candidate(start=m.start("num"), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=comparator, rules_fired=fired, score=score, value=100 * num / den,
                          unit="percent", unit_as_written=doc.text[m.start("num") : m.end()])
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


# A construct is its own comparator and verb (达到全国平均水平, 翻一番).
_CONSTRUCT_SCORE = rules.CONFIDENCE["base"] + rules.CONFIDENCE["comparator"] + rules.CONFIDENCE["verb"]


def constructs(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """Targets written without a figure of their own: 达到全国平均水平, 翻一番, 增长一倍, 全国先进水平."""
    view = doc.view
    out = []
    for construct in rules.CONSTRUCTS:
        for m in construct.pattern.finditer(view, clause.start, clause.end):
            if inside_marks(view, m.start(), m.end()):
                continue
            cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                              comparator=construct.comparator, rules_fired=[construct.rule], score=_CONSTRUCT_SCORE,
                              reference_jurisdiction=construct.reference_jurisdiction)
            if construct.comparator == "qualitative":
                cand.kind = "qualitative"
            elif any(w in view[clause.start : m.start()] for w in rules.OUTCOME_RATE_WORDS):
                cand.unit = "percent"  # a share (占…比重) compared with the national one
            if any(w in view[sent.start : m.start()] for w in rules.ASPIRATION):
                cand.notes.append("aspirational (力争/争取)")
                cand.rules_fired.append("aspiration")
            if construct.comparator != "qualitative":
                _past_penalty(doc, para, sent, cand)
            out.append(cand)
    for pattern, rule in ((rules.DOUBLING, "doubling"), (rules.GROWTH_MULTIPLE, "growth_multiple")):
        for m in pattern.finditer(view, clause.start, clause.end):
            n = number(m["n"]) if m["n"] else 1  # round 11: 翻番 (no count) is 翻一番
            multiple = 2**n if rule == "doubling" else n + 1
            cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                              comparator="multiple_of_baseline", rules_fired=[rule], score=_CONSTRUCT_SCORE,
                              multiple=float(multiple))
            if b := rules.BASELINE_YEAR.search(view, clause.start, m.start()):
                cand.baseline_year = int(b["year"])
                cand.rules_fired.append("baseline_year")
            out += _per_indicator(view, clause, m.start(), cand)
    out += _indices(doc, para, sent, clause) + _ranks(doc, para, sent, clause) + _growth_above(doc, para, sent, clause)
    out += _bare_money(doc, para, sent, clause)
    out += _above_reference(doc, para, sent, clause) + _coverage_goals(doc, para, sent, clause)
    return out


def _reference(doc: Document, scope: str | None) -> str | None:
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


def _status_penalty(doc: Document, para: Paragraph, sent: Sentence, c: Candidate) -> None:
    """The status and report cues of `find_figures`, for a construct."""
    if any(w in doc.view[sent.start : c.start] for w in rules.STATUS_WORDS) \
            or rules.STATUS_DONE.search(doc.view, c.clause.start, c.start):
        c.score += rules.CONFIDENCE["status"]
        c.rules_fired.append("status_report")
    elif doc.is_report or _reported(doc, para, c.start):
        c.score += rules.CONFIDENCE["report"]
        c.rules_fired.append("news_report")
    _past_penalty(doc, para, sent, c)


def _past_penalty(doc: Document, para: Paragraph, sent: Sentence, c: Candidate) -> None:
    """Round 12: 2018年,…比重为2.1%,高于全市平均水平 in a text of 2019: a construct in a past year's sentence is
    done."""
    if _past_end(doc, doc.view[c.clause.start : c.start], doc.view[sent.start : c.start],
                 doc.view[para.start : c.start]) or _past_period(doc, para, c.start):
        c.score += rules.CONFIDENCE["done"]  # round 14: also “十三五”时期,…跃居世界第二 in a text of 2021
        c.rules_fired.append("done")


def _above_reference(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """比全国高15个百分点, 比当地平均水平高50%, 比当地平均水平高一倍: a level above a reference's."""
    out = []
    # round 14: also 超过全省平均水平1个百分点
    matches = [*rules.ABOVE_REFERENCE.finditer(doc.view, clause.start, clause.end),
               *rules.ABOVE_AVERAGE_BY.finditer(doc.view, clause.start, clause.end)]
    for m in matches:
        try:
            n = number(m["n"])
        except ValueError:
            continue
        ref = m["ref"].strip()
        cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
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


def _coverage_goals(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """推动…实现全覆盖 with no figure in its clause: every unit covered, at least 100 percent."""
    view = doc.view
    if rules.FIGURE.search(view, clause.start, clause.end):
        return []
    # Only among targets: a sentence that also states figures or a deadline (推动…实现全覆盖，关键工序数控化率超过
    # 85%); 实现信用记录全覆盖 among measures is a measure, not a target.
    # Round 9: or a word of intent (将…实现…全覆盖: a bullet of a summary whose figures stand in other bullets)
    bare = not rules.FIGURE.search(view, sent.start, sent.end) and not deadlines(view, sent, doc)
    out = []
    for m in rules.COVERAGE_GOAL.finditer(view, clause.start, clause.end):
        if bare and not rules.INTENT.search(view, sent.start, m.start()):
            continue
        cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator="at_least", rules_fired=["coverage_goal"], score=_CONSTRUCT_SCORE,
                          value=100.0, unit="percent", kind="coverage")
        cand.notes.append("coverage: every unit (全覆盖)")
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _one_per_name(cand: Candidate, names: list[str], rule: str = "multiple_per_indicator") -> list[Candidate]:
    """One proposal per named thing, each a copy of the list's proposal with its own name and the rule that split it."""
    out = []
    for name in names:
        c = dataclasses.replace(cand, rules_fired=[*cand.rules_fired, rule], notes=list(cand.notes))
        c.name_hint = name
        out.append(c)
    return out


def _per_indicator(view: str, clause: Span, at: int, cand: Candidate) -> list[Candidate]:
    """A、B、C、D、E、F等6项指标翻两番: one multiple per named indicator, when as many names as the count are listed."""
    m = next((m for m in rules.LIST_MULTIPLE.finditer(view, clause.start, at)
              if not view[m.end() : at].strip(" ").replace("比", "").strip("0123456789年的基础上均都 ")), None)
    if m is None:
        return _named_multiples(view, clause, at, cand)
    names = [n.strip(STRIP_HEAD + STRIP_TAIL) for n in re.split("、", m["names"])]
    names = [re.sub(r"^.*(?:实现|使|推动|力争|确保|到(?:19|20)\d{2}年(?:底|末)?)", "", n) for n in names]
    try:
        count = int(number(m["n"]))
    except ValueError:
        return [cand]
    if len(names) != count or not all(names):
        return [cand]
    return _one_per_name(cand, names)


def _named_multiples(view: str, clause: Span, at: int, cand: Candidate) -> list[Candidate]:
    """Round 12: A数量和B数量比2016年翻一番, 实现A、B及其中的C、D数量在“十三五”末的基础上翻一番: names joined by
    、 / 和 / 及 right before the baseline, with no count of them, each get the multiple (one proposal per name)."""
    m = rules.NAMED_MULTIPLE.search(view[clause.start : at])
    if m is None:
        return [cand]
    names = [rules.MULTIPLE_NAME_TRIM.sub("", n).strip(STRIP_HEAD + STRIP_TAIL + " ")
             for n in rules.MULTIPLE_NAME_SEPARATORS.split(m["names"])]
    if len(names) < 2 or not all(2 <= len(n.replace(" ", "")) <= 20 and CJK.search(n) for n in names) \
            or names[0].endswith(rules.TARGET_VERBS):  # round 35: 引进和培养人数 joins two verbs, not two names
        return [cand]
    return _one_per_name(cand, names)


def _each(view: str, clause: Span, at: int, cand: Candidate) -> list[Candidate]:
    """新增省级以上科技企业孵化器和众创空间各10家: 各 after names joined by 和 / 与 / 及 / 、 gives each named thing the
    figure, one proposal per name (each unit of a place, 各县…至少各建成1个, is coverage, not this)."""
    before = view[clause.start : at].rstrip(" ")
    # round 11: A、B、C投资均增长12%左右 — 均 (each, not 年均 / 人均 / 平均) before its verb reads like 各
    each = rules.EACH_AFTER_NAMES.search(before)
    if each is None or cand.kind == "coverage" or rules.COVERAGE.search(before):
        return [cand]
    part = before[: each.start()]
    verbs = [part.rfind(v) + len(v) for v in rules.TARGET_VERBS if v in part]
    part = part[max(verbs, default=0) :]
    for _, pattern in rules.DEADLINES:
        part = pattern.sub("", part)
    names = [n.strip(STRIP_HEAD + STRIP_TAIL) for n in rules.ITEM_JOINERS.split(part)]
    if len(names) < 2 or not all(names) or any(len(n) > rules.EACH_NAME_MAX for n in names):
        return [cand]
    return _one_per_name(cand, names, "each")


def _scope(view: str, clause: Span, start: int, end: int) -> str | None:
    """The scope of a rank: 全省 / 全市 / 世界 … between the verb and the number, else the last one earlier in the
    clause."""
    for text in (view[start:end], view[clause.start : start]):
        text = text.replace(" ", "")  # round 14: a reading's blank inside the scope (全(quán)國(guó) -> 全    国)
        found = [(text.rfind(k), v) for k, v in rules.RANK_SCOPES.items() if k in text]
        if found:
            return max(found)[1]
    return None


def _indices(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """区域科技创新指数达到160以上: a score with no unit."""
    out = []
    for m in rules.INDEX.finditer(doc.view, clause.start, clause.end):
        post, cue = (m["post"] or "").strip(), m["cue"] or ""
        comparator = ("at_least" if post == "以上" else "at_most" if post == "以下" else "approx" if post == "左右"
                      else "exceed" if cue in ("超过", "突破") else "at_least" if cue[:1] in ("达", "不")
                      else "exact")  # round 35: 提高到0.55 is a level, as 提高到80% is read
        cand = Candidate(start=m.start("num"), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=comparator, rules_fired=["index_value"], score=_CONSTRUCT_SCORE,
                          value=float(m["num"]), unit=rules.INDEX_UNIT, unit_as_written=m["name"])
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _bare_money(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """Round 12: 产业规模力争突破2000亿, 五年投入38亿: money without 元 after a money word (r. 25: 基金不低于500万)."""
    out = []
    for m in itertools.chain(*(p.finditer(doc.view, clause.start, clause.end) for p in (rules.BARE_MONEY, funds.FUND))):
        post = (m["post"] or "").strip()
        cue = m["cue"] or ""
        comparator = ("at_least" if post == "以上" else "approx" if post == "左右" else "exceed" if cue.endswith(
            ("超过", "破", "超", "逾")) else "at_least" if cue[:1] in ("达", "不") else "exact")  # r. 48: 破, 剑指
        value, base = scaled(m["num"], m["scale"], "元")
        cand = Candidate(start=m.start("num"), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=comparator, rules_fired=["bare_money"], score=_CONSTRUCT_SCORE,
                          value=value, unit=base, unit_as_written=m["scale"])
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _ranks(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """跃居全省前40位, 达到全市前3水平, 进入前15位, 达到世界第二: a rank of at most N within a scope."""
    view = doc.view
    out = []
    for m in rules.RANK.finditer(view, clause.start, clause.end):
        if inside_marks(view, m.start(), m.end()):
            continue
        try:
            n = number(m["n"] or m["nth"])
        except ValueError:
            continue
        if rules.RANK_HELD.search(view[clause.start : m.end("verb")]):
            continue  # 持续保持全国第一: held so far, like 位居
        scope = _scope(view, clause, m.start(), m.end())
        if scope is None and not any(w in view[clause.start : m.end()] for w in rules.RANKED_THINGS):
            continue  # 提升至整个指标体系的前两位: neither a scope nor a thing that is ranked
        cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
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


def _growth_above(doc: Document, para: Paragraph, sent: Sentence, clause: Span) -> list[Candidate]:
    """…增幅明显高于全省平均增幅: growth faster than a reference's, year by year; no value of its own."""
    out = []
    for m in rules.GROWTH_ABOVE.finditer(doc.view, clause.start, clause.end):
        if (by := rules.GROWTH_ABOVE_BY.match(doc.view, m.start())) is not None:
            out += _growth_above_by(doc, para, sent, clause, by)
            continue
        ref = m["ref"].strip()
        scope = next((v for k, v in rules.RANK_SCOPES.items() if ref.startswith(k)), None)
        cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                          comparator=rules.GROWTH_ABOVE_COMPARATOR, rules_fired=["growth_above_reference"],
                          score=_CONSTRUCT_SCORE, reference_jurisdiction=_reference(doc, scope))
        cand.notes.append(f"growth above: {doc.text[m.start('ref') : m.end('ref')].strip()}")
        _status_penalty(doc, para, sent, cand)
        out.append(cand)
    return out


def _growth_above_by(doc: Document, para: Paragraph, sent: Sentence, clause: Span, m: re.Match) -> list[Candidate]:
    """增速高于全区GDP增速1个百分点(以上): growth faster than a reference's by a margin, a level above it (round 10)."""
    try:
        n = number(m["n"])
    except ValueError:
        return []
    scope = next((v for k, v in rules.RANK_SCOPES.items() if m["ref"].strip().startswith(k)), None)
    cand = Candidate(start=m.start(), end=m.end(), sentence=sent, paragraph=para, clause=clause,
                      comparator=rules.ABOVE_REFERENCE_COMPARATOR, rules_fired=["growth_above_by"],
                      score=_CONSTRUCT_SCORE, value=n, unit="percentage_points",
                      reference_jurisdiction=_reference(doc, scope))
    cand.notes.append(f"growth above by {m['n']} points: {doc.text[m.start('ref') : m.end('ref')].strip()}")
    _status_penalty(doc, para, sent, cand)
    return [cand]
# Round 23: the target-verb test, the status and report cues and (round 27) the condition test, for other modules.
has_verb, status_penalty, reported, in_condition = _has_verb, _status_penalty, _reported, _in_condition
