"""Statistical communiqués (统计公报) and news releases as text: figures are found in running sentences.

    2019年山西省国民经济和社会发展统计公报            <- title: the document's year and jurisdiction
    年末全省共有高新技术企业1523家，比上年增加200家。  <- 高新技术企业 is an alias in targets.yaml: 1523 家
    研究与试验发展（R&D）经费投入强度为1.22%，提高0.06个百分点。

A figure is an indicator alias from the catalogue followed, within the same clause and a few characters,
by a number and its unit. Every figure becomes a raw row (location `sentence N [start:end]`, where
`text[start:end]` is the phrase from the alias to the unit in the decoded file, and raw_content is the
sentence), or is rejected with the reason: a change rather than a level (`增加200家`, `提高0.06个百分点`),
a subset (`国家级科技企业孵化器`), figures listed with 分别, or no year / jurisdiction to attach it to.
An alias with no number after it is not a figure and leaves no row.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from targetwatch import units
from targetwatch.reports.abbreviations import abbreviation_hits
from targetwatch.reports.annual_statistics import annual_year
from targetwatch.reports.applications import not_yet_problem
from targetwatch.reports.bare_city_names import bare_mentions
from targetwatch.reports.bare_multipliers import bare_multiplier
from targetwatch.reports.breakdowns import breakdown_parts
from targetwatch.reports.city_province import own_province
from targetwatch.reports.documents import Document, document
from targetwatch.reports.encoding import decode
from targetwatch.reports.flat_tables import with_flat_tables
from targetwatch.reports.graded_names import place_before
from targetwatch.reports.grammar import (
    APPROXIMATE,
    CHANGE,
    CLAUSE_END,
    FORECAST,
    PARTIAL,
    QUALIFIER,
    RESPECTIVELY,
    SHARE_OF_WHOLE,
    SPENDER,
    is_change,
    not_recognised,
    number_in,
    split_clauses,
)
from targetwatch.reports.grid_tables import with_grid_tables
from targetwatch.reports.intensity import intensity_hits, strength_named_hits
from targetwatch.reports.list_heads import new_list_head, own_stock_items
from targetwatch.reports.lists import ENUMERATED, SPAN, year_list
from targetwatch.reports.matching import ambiguity_reason, normalised_key, strip_deletions, without_glosses
from targetwatch.reports.mentions import one_per_figure
from targetwatch.reports.model import (
    GENERIC_JURISDICTIONS,
    Aliases,
    AliasMatch,
    ReadResult,
    find_release_date,
    title_says_synthetic,
)
from targetwatch.reports.name_variants import input_renamed, with_name_variants
from targetwatch.reports.named_places import carried_city, is_city, unknown_cities
from targetwatch.reports.named_series import named_series
from targetwatch.reports.now_stocks import NOW_BASIS, stock_now
from targetwatch.reports.own_units import below_city_problem
from targetwatch.reports.own_words import carried_own_word
from targetwatch.reports.periods import (
    ESTIMATE,
    PERIOD_TOTAL,
    PLAN,
    YEAR_BASIS_WORDS,
    Context,
    YearBasis,
    carried_year,
    head_date,
    plan_year,
    sentence_year,
    start_point_year,
    without_start_points,
    year_of,
)
from targetwatch.reports.place_lists import bracketed_places, without_listed_names
from targetwatch.reports.places import OWN_WORDS, PLACE_IN_SENTENCE, own_level_problem
from targetwatch.reports.places import place_is_mentioned as _place_is_mentioned
from targetwatch.reports.plaintext import Sentence, plain_html, plain_txt, sentences
from targetwatch.reports.prenominal import place_count
from targetwatch.reports.ranges import ABOVE, BELOW, FROM, THRESHOLD, TO, end_point, level_continues
from targetwatch.reports.ranks import ranked_code
from targetwatch.reports.recognition_counts import recognition_hits
from targetwatch.reports.recognitions import recognised_flow
from targetwatch.reports.revenue_ratio import revenue_ratio_problem
from targetwatch.reports.rule_failures import guarded_stage, line_of, read_sentences, skipped_stage, with_rejected
from targetwatch.reports.scope import (
    PREVIOUS_YEAR,
    beside_domestic_part,
    carried_subject,
    part_of_own,
    previous_year_levels,
    scope_problem,
    subject_of,
)
from targetwatch.reports.share_openings import share_opening_hits
from targetwatch.reports.shortnames import short_name_hits
from targetwatch.reports.sme_registry import registry_hits
from targetwatch.reports.span_starts import span_start_year
from targetwatch.reports.stock_totals import FLOW_BEFORE as _FLOW_BEFORE
from targetwatch.reports.stock_totals import stock_after_flow
from targetwatch.reports.text_keys import TextKeys
from targetwatch.reports.unread_lines import unread_sentences
from targetwatch.units import fold_with_offsets, normalise_text, to_simplified

# --- reference periods ----------------------------------------------------------------------------------

_LIST_SEPARATOR = re.compile(r"^[,、]$")
# 高新技術企業中91家 (xx_2015_htefirms_noplace_trad, dev): some of them, not their total
_AMONG = re.compile(r"^中(?:有|的)?$")
# 互联网计算应用众创空间等47家众创空间评估为良好等次 (u7_gs_2018_makerspaces_eval, dev since round 4): 等 before a count
# means "the ones named and others, N in all", some of them, never the name's level
_AND_OTHERS = re.compile(r"等$")
# 省级众创空间分布于全省13个市州 (u7_gs_2018_makerspaces_eval): a count after "spread over" counts places, not the name
_SPREAD = re.compile(r"分布于|分布在|分布到|遍布|遍及|覆盖")
# 经费投入超过千亿元的省(市)有12个 (nat_2023_rd_provinces, dev): a threshold in a count of places, never a level
_COUNT_OF_PLACES_AFTER = re.compile(r"^的[^,;。0-9]{0,8}?有[\d一二两三四五六七八九十]+个")
# 孵化器…成立7年来累计成功孵化企业32家,培育高新技术企业2家 (lz_2021_gscn, dev): one organisation's own counts
_SINCE_FOUNDED = re.compile(r"成立(?:\d+|[一二三四五六七八九十]+)?年?(?:来|以来)")
_COUNT_BEFORE = re.compile(r"(?:\d[\d,.]*|[一二两三四五六七八九十百]+)[多余]?(?:家|个|项|所|座|户)[^,;。\d]{0,8}$")
# the level after a bound, in the next clause, may open with its own year: 每年超过900万人,2006年达1184万人
# (u8_nat_2007_jobs, dev since round 5)
_LEVEL_AFTER = re.compile(r"^(?:((?:19|20)\d{2})年(?:底|末)?)?(?:达到|达|为|增至|增加到|上升到|升至|到)")
# a count after a list's words is the list's size, not the stock: 2020年第一批入庫科技型中小企業公告名單最終入圍40家
# (u8_lz_2020_techsmes_trad, dev since round 5)
_LIST = re.compile(r"入围|入选|名单|公示|拟入|批次")
# a figure per head is a ratio: 万人有效发明专利 (qh_2020_kjhy), 每万人有效发明专利拥有量 (xn_2016_patents), and any
# 每…万… ("per ten thousand …") before the name
# 平均每项技术合同成交金额253.2万元 (u8_nat_2013_techmarket, dev since round 5): an average per item is a ratio too
_PER_CAPITA = re.compile(r"(?:每[\d一]?万[^\d,;。]{0,8}|万人口?|人均|(?:平均)?每(?:项|个|家|件|户|人|名))$")
# a yearly average over several years is not a year's level: 年均城镇新增就业1300万人; nor is a total over a
# span of years: 2013年至2022年,…累计实现城镇新增就业1.3亿人 (u10_nat_2023_jobs_cnnb, dev since round 6)
_AVERAGE_BEFORE = re.compile(r"(?:年均|年平均|平均每年)$")
# an average over places right after the name (one home: _AVERAGE_IN and the problem text use it)
_OVER_PLACES = ("均值", "平均值", "平均水平")
_AVERAGE_IN = re.compile(rf"年均|年平均|平均每年|^(?:{'|'.join(_OVER_PLACES)})")  # 年均超過1300萬人 (u8 tenyears_trad)
_TOTAL_BEFORE = re.compile(r"累计[^,;。\d]{0,4}$")
_SINCE = re.compile(r"以来|(?:\d+|[两三四五六七八九十]+)年来|五年来")
# …拥有有效发明专利的企业达35.5万家,…,拥有有效发明专利232.4万件 (u10_nat_2022_patents): the name, once it has described
# the holders (…的企业), counts what those holders hold afterwards, a subset
_HOLDERS_AFTER = re.compile(r"的(?:企业|高校|单位|机构|院所)")
_IN_GLOSS = re.compile(r"\([^()]{0,6}$")
# a sentence that opens with another year's figure of the series the sentence before ended on: 2014年中國研發經費投入
# 強度達到2.02%,首次突破2%;2016年為2.11% (u11_nat_2017_rd_prelim_trad, dev since round 7; read since round 12)
_SERIES_YEAR = re.compile(r"^((?:19|20)\d{2})年(为|是)")


def _figures(
    doc: Document, sentence: Sentence, view: _View, aliases: Aliases, keys: TextKeys, ctx: Context
) -> tuple[list[dict], list[dict]]:
    as_written, folded, index = view
    hits = keys.find(folded)
    completed: dict[int, tuple[str, str]] = {}  # hit start -> (the name it stands for, why), from the sentence
    completed |= {h.start: (keys.written_for[h.key], "R&D written for 研发") for h in hits if h.key in keys.written_for}
    completed |= input_renamed(as_written, hits)  # 全社会研发投入…47亿元: read as 研发经费 (name_variants.py)
    short_name_hits(folded, hits, keys.codes, completed, ctx.named, ctx.before, doc.plain.text[: sentence.start])
    abbreviation_hits(folded, hits, keys.codes, completed)  # 高企: 高新技术企业 (abbreviations.py)
    registry_hits(folded, hits, keys.codes)  # 国家科技型中小企业: the registry's, the stock (sme_registry.py)
    recognition_hits(folded, hits, keys.codes)  # 全市认定高新技术企业62家: the recognitions (recognition_counts.py)
    intensity_hits(folded, hits, keys.codes, completed)
    strength_named_hits(folded, hits, keys.codes, completed)
    share_opening_hits(folded, hits, keys, completed, ctx.before)  # ;占地区生产总值比重达2.55% (share_openings.py)
    stocks = stock_after_flow(folded, hits, completed) | own_stock_items(folded, hits)  # stock_totals, list_heads
    series = named_series(folded, hits, completed)  # …科技型中小企业…,企业数量由2017年的20家… (named_series.py)
    if not hits and ctx.series and (m := _SERIES_YEAR.match(folded)):  # 2016年為2.11%: the series goes on
        f, code = number_in(folded[m.end() :]), keys.codes.get(normalised_key(ctx.series[0]))
        if code and f and f[0] == 0 and normalised_key(folded[m.end() + f[1] : m.end() + f[2]]) == ctx.series[1]:
            hits.append(AliasMatch(m.start(2), m.end(2), code, m.group(2)))
            completed[m.start(2)] = (ctx.series[0], f"continuing the series of the sentence before ({m.group()})")
    hits = without_listed_names(folded, hits)  # 国家高新技术企业、…达到了489家、925家 (place_lists.py)
    parts = breakdown_parts(folded, hits, keys.find, ctx.before) + bracketed_places(folded, hits, aliases)
    hits += [AliasMatch(p.city_end, p.city_end, p.code, p.key) for p in parts]  # empty: a city's part of a whole
    completed |= {p.city_end: (p.written, p.why) for p in parts}
    hits.sort(key=lambda h: h.start)
    # 研發經費投入強度(研發經費與國內生產總值之比)為2.12% (u11_nat_2017_rd_prelim_trad, dev since round 7): a name
    # inside the bracket that glosses the name before it is part of the gloss
    hits = [h for k, h in enumerate(hits) if not (k and _IN_GLOSS.match(folded, hits[k - 1].end, h.start + 1))]
    places = sorted(
        [p for p in aliases.find_folded(folded, "jurisdiction") if _place_is_mentioned(folded, p.start, p.end)]
        + aliases.find_folded(folded, "generic"),
        key=lambda m: m.start,
    )
    place_starts = [p.start for p in places]
    outside = [
        m
        for m in PLACE_IN_SENTENCE.finditer(folded)
        if not aliases.find_folded(m.group(), "jurisdiction") and _place_is_mentioned(folded, m.start(), m.end())
    ]
    outside += [p.city for p in parts if not aliases.find_folded(p.city.group(), "jurisdiction")]  # 石嘴山市
    outside += unknown_cities(folded, aliases) + bare_mentions(folded, doc.cities)  # 白银市; 绵阳 (bare_city_names)
    outside.sort(key=lambda m: m.start())
    rows: list[dict] = []
    rejected: list[dict] = []
    covered: list[tuple[int, int]] = []  # spans of folded text a row or rejection accounts for

    def original(a: int, b: int) -> str:
        return sentence.text[index[a] : index[b - 1] + 1] if b > a else ""

    base = {"row_number": sentence.number, "raw_content": sentence.text}

    def located(a: int, b: int) -> dict:
        plain_start = sentence.start + index[a]
        plain_end = sentence.start + index[b - 1] + 1
        char_start, char_end = doc.plain.source_span(plain_start, plain_end)
        return base | {
            "location": f"sentence {sentence.number} [{char_start}:{char_end}]",
            "char_start": char_start,
            "char_end": char_end,
        }

    def reject(a: int, b: int, problem: str) -> None:
        covered.append((a, b))
        rejected.append(located(a, b) | {"reason": f"sentence {sentence.number}: {problem}"})

    forecast_here = bool(FORECAST.search(folded)) or ctx.forecast
    flow: tuple[int, str] | None = None  # (where the last count of new ones ended, its verb)
    for k, hit in enumerate(hits):
        clause_start = max([m.end() for m in CLAUSE_END.finditer(folded, 0, hit.start)], default=0)
        pre = _COUNT_BEFORE.search(folded, clause_start, hit.start) if hit.end > hit.start else None
        stop = hits[k + 1].start if k + 1 < len(hits) else len(folded)
        clauses = split_clauses(folded, hit.end, stop)
        found = number_in(folded[clauses[0][0] : clauses[0][1]])
        changes = [(a, f) for a, b in clauses[1:] if (f := number_in(folded[a:b])) and is_change(folded[a:b], f)]
        found_at = hit.end
        if found is None and len(clauses) > 1:  # 高新技术企业，数量增加到520家: the level is in the next clause
            a, b = clauses[1]
            if level_continues(folded[a:b]) and (f := number_in(folded[a:b])) and not is_change(folded[a:b], f):
                clauses = clauses[1:]
                found, found_at = f, a
                changes = [c for c in changes if c[0] != a]
        readable = pre is not None and found is None and not changes
        owned = place_count(folded, clause_start, pre, hit.start, hit.end, places) if readable and pre else None
        if owned is not None and pre is not None:  # 对我国4298家众创空间: the place's stock (prenominal.py)
            found, found_at, pre = owned, pre.start(), None
        if pre is not None:
            reject(
                pre.start(),
                hit.end,
                f"{original(pre.start(), hit.end)!r}: a number written before the name is not read as the level "
                f"of {hit.code or 'an indicator'} (new, listed or subset counts are written so)",
            )
        if found is None and not changes:
            continue  # an alias with no figure after it: not a figure
        if found is not None:
            first, later = (found_at, found), changes
        else:  # no level after the alias, only a change in a later clause ('…发展较快，增加200家')
            first, later = changes[0], []
        num_start, num_end, unit_end = (first[0] + x for x in first[1][:3])
        kind = first[1][3]
        gap = folded[first[0] : num_start] if first[0] == found_at else folded[hit.end : num_start]
        phrase = original(hit.start, unit_end)
        tail = original(hit.end, unit_end)
        name = hit.code or "either indicator"
        figures: list[tuple[int, int, int, str | None]] = []  # (number start, end, unit end, year override)
        problem = None
        listed, later = series.get(hit.start), ([] if hit.start in series else later)  # named_series.py
        level_year: str | None = None  # the year opening the clause of a level read after a bound
        span = False  # the first figure starts a 从A到B span
        if hit.code is None:
            problem = ambiguity_reason(original(hit.start, hit.end), keys.matcher.candidates(hit.key))
        elif hit.end == hit.start:  # a city's figure in a breakdown of a whole: checked in breakdowns.py
            pass
        elif RESPECTIVELY.search(gap) and (listed := year_list(folded, hit.start, hit.end)) is None:
            problem = f"{phrase!r}: figures listed with 分别 (respectively) are not matched to indicators automatically"
        elif kind == "pp":
            problem = f"{tail!r} is a change in percentage points, not a level of {name}"
        elif kind == "times":
            problem = f"{tail!r} is a multiple (倍), not a level of {name}"
        elif (rv := revenue_ratio_problem(gap, name)) is not None:  # 强度(…占营业收入比重) (revenue_ratio.py)
            problem = f"{phrase!r} is {rv}"
        elif CHANGE.search(gap):
            problem = f"{tail!r} is a change, not a level of {name}"
        elif (m := _PER_CAPITA.search(folded[: hit.start])) is not None:
            problem = f"{original(m.start(), unit_end)!r} is a ratio ({m.group()}), not a level of {name}"
        elif (q := QUALIFIER.search(folded[: hit.start])) and keys.codes.get(
            normalised_key(q.group() + hit.key)
        ) != hit.code:
            problem = f"{original(q.start(), hit.end)!r} is a subset ({q.group()}) of {name}, not its total"
        elif (fl := _FLOW_BEFORE.search(folded[: hit.start])) is not None:
            problem = f"{original(fl.start(), unit_end)!r} counts new ones ({fl.group()}), not the stock of {name}"
            flow = (unit_end, fl.group())
        elif (rc := recognised_flow(folded, hit.start, unit_end)) is not None:  # 全年认定…23家 (recognitions.py)
            problem = (
                f"{original(rc.start(), unit_end)!r} counts those recognised ({rc.group()}), not the stock of {name}"
            )
            flow = (unit_end, rc.group())
        elif (ap := not_yet_problem(folded, hit.start, gap, name)) is not None:  # 申报…48家, …培育库…933户
            problem = f"{phrase!r} {ap}"  # (applications.py)
        elif flow is not None and hit.start not in stocks and _LIST_SEPARATOR.match(folded[flow[0] : hit.start]):
            problem = f"{phrase!r} continues a list of new ones ({flow[1]}), not the stock of {name}"
            flow = (unit_end, flow[1])
        elif hit.start not in stocks and (lh := new_list_head(folded, hit.start)) is not None:  # list_heads.py
            problem = f"{phrase!r} is an item of a list of new ones headed by {lh}, not the stock of {name}"
            flow = (unit_end, lh)
        elif sc := (
            scope_problem(folded, clause_start, hit.start, gap, name)
            or part_of_own(folded, unit_end, name)
            or carried_subject(ctx.subject, bool(places or _OWN_PROVINCE.search(folded)), name)
        ):
            problem = f"{phrase!r} is {sc}"
        elif (sp := SPENDER.search(folded[: hit.start])) is not None:
            problem = f"{original(sp.start(), unit_end)!r} is what a kind of spender puts in, a subset of {name}"
        elif (sf := _SINCE_FOUNDED.search(folded[: hit.start])) is not None:
            problem = f"{phrase!r} counts one organisation's own (since {sf.group()}), not a level of {name}"
        elif kind == "more":
            problem = f"{tail!r} is a bound (多/余: more than), not the level of {name}"
        elif kind == "atleast":
            problem = f"{tail!r} is a bound (以上: at least), not the level of {name}"
        elif (bl := BELOW.search(gap)) and not (FROM.search(gap) and TO.match(folded[unit_end : clauses[0][1]])):
            problem = f"{tail!r} is a bound ({bl.group()}: less than), not the level of {name}"
        elif (av := _AVERAGE_BEFORE.search(folded[: hit.start]) or _AVERAGE_IN.search(gap)) is not None:
            kind = "an average over places" if av.group() in _OVER_PLACES else "a yearly average"
            problem = f"{original(av.start(), unit_end)!r} is {kind} ({av.group()}), not a level of {name}"
        elif (_TOTAL_BEFORE.search(folded[clause_start : hit.start]) or "累计" in gap) and (
            SPAN.search(folded[: hit.start]) or _SINCE.search(folded[: hit.start])
        ):
            problem = f"{phrase!r} is a total over several years (累计), not a year's level of {name}"
        elif any(h.code == hit.code and _HOLDERS_AFTER.match(folded, h.end) for h in hits[:k]):
            problem = f"{phrase!r} counts what the holders named before hold (…的企业), a subset of {name}"
        elif (ls := _LIST.search(gap)) is not None:
            problem = f"{phrase!r} counts a list or batch ({ls.group()}), not the stock of {name}"
        elif _AND_OTHERS.search(gap):
            problem = f"{phrase!r} counts the ones named and others (等), some of the {name}, not their total"
        elif (sp := _SPREAD.search(gap)) is not None:
            problem = f"{phrase!r} counts the places they are spread over ({sp.group()}), not a level of {name}"
        elif (sh := SHARE_OF_WHOLE.match(gap)) is not None:  # 占全省总量的84% (grammar.py)
            problem = f"{phrase!r} is a share of a whole ({sh.group()}), not a level of {name}"
        elif _AMONG.match(gap):
            problem = f"{phrase!r} counts some of the {name} (…中: among them), not their total"
        elif _COUNT_OF_PLACES_AFTER.match(folded[unit_end:]):
            end = unit_end + _COUNT_OF_PLACES_AFTER.match(folded[unit_end:]).end()  # type: ignore[union-attr]
            problem = f"{original(hit.start, end)!r} is a threshold in a count of places, not a level of {name}"
        elif (th := THRESHOLD.search(gap)) or (bound := ABOVE.search(gap)):
            word = th.group() if th else bound.group()  # type: ignore[union-attr]
            reject(hit.start, unit_end, f"{tail!r} is a threshold passed ({word}), not the level of {name}")
            level = next(
                (
                    (a, f, la.group(1))
                    for a, b in clauses[1:]
                    if (la := _LEVEL_AFTER.match(folded[a:b])) and (f := number_in(folded[a:b])) and f[3] == "level"
                ),
                None,
            )
            if level is None:
                continue
            num_start, num_end, unit_end = (level[0] + x for x in level[1][:3])
            level_year = level[2]
            later = [c for c in later if c[0] != level[0]]
        if problem is None and listed is not None:
            figures.extend(listed)
        elif problem is None:
            if (bl := BELOW.search(gap)) is None:
                figures.append((num_start, num_end, unit_end, level_year))
            else:  # 由2014年不足50家到2020年8 507家: the start is a bound, the end (below) a level
                reject(first[0], unit_end, f"{original(first[0], unit_end)!r} is a bound ({bl.group()}), not a level")
            figures += (prev := previous_year_levels(folded, clauses[1:], folded[num_end:unit_end]))
            later = [c for c in later if not any(c[0] + c[1][0] == p[0] for p in prev)]
            # 从A增加到B: the start point and the end point are two figures; A is a start point even when B is a bound
            # (研發經費投入強度從2.1%提高到2.5%以上, u20_nat_2022_gzbg_sputnik_trad, dev since round 13)
            if FROM.search(gap) and (ep := end_point(folded, unit_end, clauses)) is not None:
                s0, s1, to = ep  # 从A到B, or 从A,增长到B: B in the next clause (ranges.end_point)
                second = number_in(folded[s0:s1])
                span = second is not None  # …or a threshold: 由825家增长到突破1.2万家 (u38_he_2012_2022_st_hebei)
                if span and second[0] == 0 and second[3] == "level":  # type: ignore[index]
                    figures.append((s0 + second[0], s0 + second[1], s0 + second[2], to.group(1)))  # type: ignore[index]
        else:
            reject(hit.start, unit_end, problem)
            if RESPECTIVELY.search(gap):  # the whole list is accounted for, not only its first figure
                covered.append((hit.start, clauses[0][1]))
            covered.extend((c, c + f[2]) for c, f in later)  # its changes go with it
            continue
        # the last place named before the alias; 全省/全市 (or none) mean the document's own jurisdiction
        before_place = bisect.bisect_left(place_starts, hit.start)
        named = place_before(places, before_place, hit.start, folded)  # graded_names.py
        jurisdiction = doc.jurisdiction
        if named is not None and named.key not in GENERIC_JURISDICTIONS:
            jurisdiction = original(named.start, named.end)
        elif (  # 我省/全省 in a text whose head opens with 全国… means the province it names next
            doc.local
            and jurisdiction
            and aliases.jurisdictions.get(fold_with_offsets(jurisdiction)[0]) == "national"
            and (ctx.own or _OWN_PROVINCE.search(folded[: hit.start]))
        ):
            jurisdiction = doc.local
        elif (
            doc.province
            and (jurisdiction is None or jurisdiction == "全国")
            and _PROVINCE_WORD.search(folded[: hit.start])
        ):
            jurisdiction = doc.province  # 我省 in a text that names its province only through the capital
        # the city the paragraph named stands for a sentence naming none (named_places.py)
        city_carried = bool(ctx.place) and (named is None or named.key in _CITY_WORDS)
        city_carried = city_carried and not _WIDER_WORD.search(folded[: hit.start])
        place_note = None
        if city_carried and is_city(ctx.place, aliases) and not is_city(jurisdiction, aliases):
            jurisdiction = ctx.place  # a catalogue city's, not the document's province
            place_note = f"place {ctx.place} carried from an earlier sentence of the paragraph"
        generic = named.key if named is not None and named.key in GENERIC_JURISDICTIONS else None
        own_before = ((ctx.own_word or "") if named is None else "") + folded[: hit.start]
        jurisdiction, up = own_province(folded[: hit.start], jurisdiction, aliases, places, outside)  # 洛阳's 全省
        place_note = place_note or up  # (city_province.py)
        # 全区/全州/全县: a district's, prefecture's or county's own (own_units.py)
        own_level = own_level_problem(generic, own_before, jurisdiction, aliases) or below_city_problem(
            folded[named.start if named is not None else 0 : hit.start],
            doc.own_area,
            named is not None and named.key not in GENERIC_JURISDICTIONS,
            jurisdiction,
            aliases,
        )
        other = [m for m in outside if m.end() <= hit.start and (named is None or m.start() > named.start)]
        where = (
            other[-1].group()
            if other
            else (
                doc.outside if named is None or (named.key in GENERIC_JURISDICTIONS and jurisdiction is None) else None
            )
        )
        if where is None and not other and city_carried and not is_city(ctx.place, aliases):
            where = ctx.place  # a city outside the catalogue
        for n, (a, b, u, to_year) in enumerate(figures):
            if n == 0 and to_year:
                year, basis, problem = int(to_year), YearBasis.STATED, None
            elif n == 0:
                year, basis, problem = year_of(doc, folded[: hit.start] + gap[: max(0, a - hit.end)], "", ctx)
                if basis == YearBasis.RELEASE_DATE and _FULL_YEAR.search(folded[clause_start : hit.start]):
                    year, basis = year - 1, YearBasis.FULL_YEAR  # 全年…: a whole year is over before it is reported
                if basis == YearBasis.RELEASE_DATE and sentence.number == 1 and doc.lead and doc.lead < year:
                    year, basis = doc.lead, YearBasis.LEAD  # a headline's figure is of the year its story's lead states
                year, basis = annual_year(hit.code or "", year, basis)  # an annual statistic: the year before
                if (now := stock_now(folded[: hit.start] + gap, basis, doc.now)) is not None:
                    year, basis = now  # 现有…94家 in a July story: that year's stock part-way (now_stocks.py)
                if year and _YEAR_BEFORE.search(folded, clause_start, hit.start):  # 还超过上一年城镇新增就业1310万人
                    year, basis = year - 1, "the year before"  # (u15_nat_2014_jobs_apcjh, dev since round 10)
                if (len(figures) > 1 or span) and FROM.search(gap):
                    start_year = (
                        sentence_year(gap)
                        or plan_year(gap)[0]
                        or (year_of(doc, gap, "", Context())[0] if PLAN.search(gap) else None)
                        # 由“十一五”末的…上升到…，贡献率由42.5%上升到51.3%: the sentence's start point holds
                        or start_point_year(folded[: hit.start])
                        or start_point_year(gap)  # 贡献率从2012年52.2%升至57.5% (u13_nat_2018_presser_trad)
                        or span_start_year(folded[: hit.start])  # 2017年至2021年,…从38.94亿元 (span_starts.py)
                        or ctx.start
                    )
                    year, basis = (
                        start_year,
                        (YearBasis.STATED if sentence_year(gap) else YearBasis.PLAN_PERIOD) if start_year else basis,
                    )
                    if start_year is None:
                        reject(a, u, f"{original(a, u)!r} is a start point with no year stated")
                        continue
                if problem is None and PERIOD_TOTAL.search(gap) and PLAN.search(folded[: hit.start]):
                    problem = "a total over a plan period, not a year's value"
                if problem is None and basis != YearBasis.STATED and _FLOW_KEY.search(hit.key):
                    plan = list(PLAN.finditer(folded, folded.rfind("。", 0, hit.start) + 1, hit.start))
                    if plan and plan[-1].group(2) in {"期间", "时期"}:
                        problem = f"a flow over the {plan[-1].group()} period (a total), not a year's value"
            elif to_year == PREVIOUS_YEAR:  # scope.previous_year_levels: the year before the first figure's
                year, basis, problem = (year - 1 if year else None), "the year before", problem
            else:
                year, basis, problem = (
                    (int(to_year), YearBasis.STATED, None)
                    if to_year
                    else year_of(doc, without_start_points(folded[: hit.start]), "", ctx)
                )
                year, basis = annual_year(hit.code or "", year, basis)  # (annual_statistics.py)
            if problem is None and where is not None:
                problem = f"the figure is about {where}, a place not in targets.yaml"
            if problem is None and own_level is not None:
                problem = own_level
            if problem is None and n == 0 and _PART_OF_NATION.match(folded, u) and _is_nation(jurisdiction, aliases):
                problem = "a part of the nation's whole (占全国… follows), not the nation's level"
            if problem is None and year is None:
                problem = "no year: the sentence names none and the title gives none (add `year:` to a sidecar)"
            if problem is None and jurisdiction is None:
                problem = (
                    "no jurisdiction: the sentence and the title name none (add `jurisdiction:` to a sidecar)"
                    if named is None
                    else f"{original(named.start, named.end)!r} names the document's own jurisdiction, but the "
                    "title and sidecar name none"
                )
            lo, hi = (min(hit.start, a), max(u, hit.end)) if n == 0 else (a, u)  # a count may stand before the name
            if problem is not None:
                reject(lo, hi, problem)
                continue
            covered.append((lo, hi))
            words = folded[:a]
            estimate = bool(ESTIMATE.search(words)) and doc.now is not None and year < doc.now
            forecast = not estimate and (
                bool(FORECAST.search(words))
                or (forecast_here and bool(_FORECAST_WORDS.search(folded)))
                or ctx.forecast
                or (doc.now is not None and year > doc.now)
            )
            notes = [f"written as approximate: {m.group()!r}"] if (m := APPROXIMATE.search(folded[:a])) else []
            if estimate:
                notes.append("an estimate (预计) of a past year, not a forecast")
            if basis not in {YearBasis.STATED, YearBasis.TITLE, YearBasis.SIDECAR, YearBasis.DOCUMENT}:
                notes.append(f"year {year} {YEAR_BASIS_WORDS.get(basis, basis)}")
            if hit.start in completed:
                name_as, why = completed[hit.start]
                said = f"named {original(hit.start, hit.end)!r} " if hit.end > hit.start else ""  # breakdowns.py
                notes.append(f"{said}{why}: read as {name_as}")
            if place_note:
                notes.append(place_note)
            if listed is not None and hit.start in series:
                notes.append("one of a list of years, each stated before its figure")
            elif listed is not None:
                span = (SPAN.search(folded[: hit.start]) or ENUMERATED.search(folded[: hit.start])).group()  # type: ignore
                notes.append(f"one of a list (分别) over the years stated ({span}), in order")
            if ignored := [original(c, c + f[2]) for c, f in later]:
                notes.append("ignored, a change not a level: " + "; ".join(map(repr, ignored)))
                covered.extend((c, c + f[2]) for c, f in later)
            value_raw, unit_raw = units.figure_as_written(
                without_glosses(original(a, b)), without_glosses(original(b, u)), folded[a:b], folded[b:u]
            )
            value_raw, unit_raw, bare = bare_multiplier(hit.key, value_raw, unit_raw, folded[u : u + 1])  # 20.52亿
            notes += [bare] if bare else []
            rows.append(
                located(lo, hi)
                | {
                    "jurisdiction_raw": without_glosses(jurisdiction),
                    "indicator_raw": completed[hit.start][0]
                    if hit.start in completed
                    else original(hit.start, hit.end),
                    "year_raw": str(year),
                    "year_basis": basis,
                    "value_raw": value_raw,
                    "unit_raw": unit_raw,
                    # a partial title (前三季度…) does not make a figure whose sentence states its year partial
                    "period_type": (
                        "partial"
                        if (
                            (doc.partial and basis != YearBasis.STATED)
                            or PARTIAL.search(folded[:a])
                            or basis == NOW_BASIS
                        )
                        else "annual"
                    ),
                    "figure_type": "forecast" if forecast else "actual",
                    "source_title": doc.plain.title,
                    "notes": "; ".join(notes) or None,
                }
            )
    rejected += not_recognised(folded, covered, original, located, lambda at: ranked_code(folded, at, hits))
    return rows, rejected


# 全年城镇新增就业人数1266万人 in a story of 2013-05-28 on the 2012 bulletin, its paragraph opening 去年以来 (a
# start point): a whole year's figure with no year of its own is the year before the release
# (u17_nat_2012_jobs_bulletin_dxbei, dev since round 11)
# (全年 right before the name: 全年就业目标任务超额完成 全国城镇新增就业1099万人 is the year's target,
# u11_nat_2020nov_jobs_ddsb)
# the own area after 全年 is any of a document's own-area words (全区 of an autonomous region, 全州, 全县: round 22,
# 全年全區城鎮新增就業8.27萬人 under a date line 2024年4月29日, u31_nx_2023_communique_xiaomonv_trad, dev since
# round 22)
_FULL_YEAR = re.compile(rf"全年(?:全国|我国|我省|我市|{'|'.join(GENERIC_JURISDICTIONS)})?$")
# what flows over a year (new jobs, turnover, expenditure): after 十一五期间 with no year of its own, a plan period's
# total: “十一五”期间,全国城镇新增就业5500万人 (u17_nat_2010_jobs_11th_plan_trad, dev since round 11)
_FLOW_KEY = re.compile(r"新增|成交额|交易额|经费|支出")
# the document's own words (places.OWN_WORDS) but 该市, left out as before (its history gives no reason): in a
# province's text 该市 points back at a city just named (以泉州市为例,该市…), not at the document's own place.
# 全省域/全市域 only lengthen a match; every use here asks only whether there is one
_OWN_PROVINCE = re.compile("|".join(w for w in OWN_WORDS if w != "该市"))
_CITY_WORDS = ("全市", "本市", "全市域")  # a city's own words among GENERIC_JURISDICTIONS
# a province's own words (places.OWN_WORDS; only searched for, so 全省域? finds what 全省 did)
_PROVINCE_WORD = re.compile("|".join(w for w in OWN_WORDS if "省" in w))
_WIDER_WORD = re.compile(f"{_PROVINCE_WORD.pattern}|全国|我国")  # a province's or the nation's: the carried city ends
# a figure followed by its share of the nation's whole is a part of it: 培育高新技術企業1.1萬家,占全國高新技術企業的8.2%
# (u14_nat_2017_incubation_luxkon_trad and _panansia_trad, dev since round 9): never the nation's own level
_PART_OF_NATION = re.compile(r"[,，]?占(?:全国|我国)[\u4e00-\u9fff]{0,10}?(?:总数|总量)?的?\d")


def _is_nation(jurisdiction: str | None, aliases: Aliases) -> bool:
    return bool(jurisdiction) and aliases.jurisdictions.get(fold_with_offsets(jurisdiction)[0]) == "national"


# the year before the sentence's, named just before the name (not 比上年: a comparison)
_YEAR_BEFORE = re.compile(r"(?<![比较])(?:上一年|上年|前一年)(?:度)?的?$")
_FORECAST_WORDS = re.compile(r"目标|力争|争取")


def _sentence(doc: Document, sentence: Sentence, aliases: Aliases, keys: TextKeys, ctx: Context):
    """One sentence's rows and quarantined rows, and what the sentences after it inherit (`ctx`). If its figures' rules
    raise, the sentence still passes on its year, place and subject before the failure goes to the guard
    (rule_failures.read_sentences), so one failing sentence does not misdate the next ones."""
    view = _view(sentence)
    try:
        found, refused = _figures(doc, sentence, view, aliases, keys, ctx)
    except Exception:
        _carry(sentence, view.folded, [], aliases, keys, ctx)
        raise
    _carry(sentence, view.folded, found, aliases, keys, ctx)
    return found, refused


class _View(NamedTuple):
    """A sentence as the rules read it, folded once for `_figures` and `_carry`."""

    as_written: str  # folded (arabic numerals, deletions stripped)
    folded: str  # as_written with the name variants (研究与实验发展 is the R&D name: name_variants.py)
    index: list[int]  # folded offset -> offset in the sentence's text


def _view(sentence: Sentence) -> _View:
    """The sentence folded as every rule here reads it: once per sentence (it was folded again for `_carry`)."""
    as_written, index = strip_deletions(*units.arabic_numerals(*fold_with_offsets(sentence.text)))
    return _View(as_written, with_name_variants(as_written), index)


def _carry(sentence: Sentence, folded: str, found: list[dict], aliases: Aliases, keys: TextKeys, ctx: Context) -> None:
    """What the sentences after this one (`folded`: its _View.folded) inherit from it (`ctx`)."""
    ctx.series = (found[-1]["indicator_raw"], normalised_key(found[-1]["unit_raw"])) if found else None
    ctx.year = carried_year(folded) or ctx.year
    named = [h for h in keys.find(folded) if h.code]
    ctx.named = keys.written_for.get(named[-1].key, named[-1].key) if named and not found else None
    ctx.own = ctx.own or bool(_OWN_PROVINCE.search(folded))
    ctx.start = start_point_year(folded) or (span_start_year(folded) if FROM.search(folded) else None) or ctx.start
    ctx.before = folded
    place = aliases.find_folded(folded, "jurisdiction") or _OWN_PROVINCE.search(folded)
    ctx.subject = subject_of(folded) or (None if place else ctx.subject)
    ctx.place = carried_city(folded, aliases, ctx.place)
    ctx.own_word = carried_own_word(folded, ctx.own_word, aliases)  # 我省…;…3435家: still the province's (own_words.py)
    # 预计 is local to its sentence: 毕业企业数预计为16万个;…经费支出与GDP之比为2.19% (u14_nat_2019_innovation_index)
    opens = bool(FORECAST.search(ESTIMATE.sub("", folded)) or _FORECAST_WORDS.search(folded))
    ctx.forecast = sentence.goes_on and (ctx.forecast or opens)


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_text(path: Path, aliases: Aliases, meta: Mapping[str, Any] | None = None) -> ReadResult:
    """Read a communiqué (.txt, or .html/.htm with tags stripped) for figures of the catalogue's indicators.

    `aliases` (from `Aliases.from_catalogue`) says which words name indicators and jurisdictions; `meta` is
    the sidecar (`jurisdiction:`, `year:`, `title:`, `release_date:`), which wins over the text.
    """
    meta = meta or {}
    data = path.read_bytes()
    is_html = path.suffix.lower() in {".html", ".htm"}
    declared = None
    if is_html and (m := _CHARSET.search(data[:4096])):
        declared = m.group(1).decode("ascii")
    text, encoding = decode(data, path.name, declared)
    plain = plain_html(text, path.name) if is_html else plain_txt(text)
    head = [line.strip() for line in plain.text.splitlines() if line.strip()][:6]
    file_release = plain.release_date or find_release_date(plain.text) or head_date(head)
    release = str(meta["release_date"]) if meta.get("release_date") else file_release
    doc = document(plain, aliases, meta, release)
    keys, ctx, file = TextKeys.of(aliases), [Context()], path.name

    def step(sentence: Sentence) -> tuple[list[dict], list[dict]]:
        if sentence.paragraph != ctx[0].paragraph:
            ctx[0] = Context(paragraph=sentence.paragraph)
        return _sentence(doc, sentence, aliases, keys, ctx[0])

    # a rule that raises quarantines its sentence (or its stage's rows), never the whole file (rule_failures.py)
    pieces = sentences(plain.text)
    rows, rejected = read_sentences(pieces, step, file, lambda s: line_of(plain, text, s))
    rejected += unread_sentences(pieces, rows, rejected)  # figures no rule parsed: quarantined, never lost
    place = lambda j: aliases.jurisdictions.get(to_simplified(normalise_text(j).lower())) or j  # noqa: E731
    code = lambda n: keys.codes.get(normalised_key(n))  # noqa: E731
    checked, failed = guarded_stage(lambda: beside_domestic_part(rows, code, place), rows, file, "domestic part")
    rows, refused = checked or ([], [])
    one, failed_too = guarded_stage(
        lambda: one_per_figure(pd.DataFrame(rows), indicator=lambda n: code(n) or normalised_key(n), place=place),
        rows,
        file,
        "one observation per figure",
    )
    read = ReadResult(
        format="communique_html" if is_html else "communique_txt",
        rows=one if one is not None else pd.DataFrame(),
        rejected=rejected + refused + failed + failed_too,  # type: ignore[arg-type]
        encoding=encoding,
        release_date=file_release,
        title=plain.title,
        synthetic=plain.synthetic or title_says_synthetic(plain.title or ""),
    )
    tables = lambda: with_flat_tables(read, plain, keys, aliases, meta)  # noqa: E731  one cell a line (flat_tables.py)
    read, skipped = skipped_stage(tables, read, file, "flattened tables")
    grids = lambda: with_grid_tables(read, plain, keys, aliases, meta, place)  # noqa: E731  `|` grids (grid_tables.py)
    read, skipped_too = skipped_stage(grids, read, file, "grids laid out with |")
    return with_rejected(read, skipped + skipped_too)
