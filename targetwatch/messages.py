"""The one zh/en message catalogue: every sentence the assessment says about a target, from a code and parameters.

The assessment decides a `reason_code` per target and keeps the numbers it compared as columns of the same row
(`decisive_year`, `decisive_value`, `decisive_goal`, ...). A message is a template over those columns; it is
rendered set-wise, as one SQL expression over all targets (`reason_sql`), so the same words come out for every
target, in both languages, at any scale, and never row by row in Python. Dashboards, the gap workbook, `explain`
and the lineage page all show the stored `reason_zh` / `reason_en`, so this file is the only place a reason's
wording lives.

Placeholders are `{column}` (the text as stored) or `{column:kind}`:

    year   a year                                  2020
    num    a value in the target's unit            16,471 · 1.20% · 0.5
    ratio  a ratio to two decimals                 0.75
    pp     a signed difference to two decimals     -1.20
    int    a whole count                           3
    met    a boolean as words                      met / 达到
    cmp    the comparison of one year, for the prefix given: `{decisive:cmp}` reads decisive_value, decisive_goal
           (and, for a target relative to another jurisdiction, the reference's name and the gap in points)

A message may end with the latest comparison (`latest_after`): it is added when the latest figure is later than every
year the message already cites.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Final

from targetwatch import vocab
from targetwatch.sql_text import sql_text

LANGS: Final[tuple[str, ...]] = ("zh", "en")


@dataclass(frozen=True)
class Message:
    zh: str
    en: str
    latest_after: bool = False  # append "; latest YEAR: comparison" when the latest year is later than those cited

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# The comparison of one year: value against goal; against a reference jurisdiction, with the gap in points.
COMPARISON: Final[dict[str, Message]] = {
    "fixed": Message(zh="为{value:num}（目标{goal:num}）", en="{value:num} against {goal:num}"),
    "relative": Message(zh="为{value:num}（{reference_name_zh}{goal:num}，差距{gap:pp}个百分点）",
                        en="{value:num} against {reference_name_en} {goal:num} ({gap:pp} pp)"),
}
MET_WORDS: Final[dict[str, tuple[str, str]]] = {"zh": ("达到目标", "未达到目标"), "en": ("met", "not met")}
LATEST: Final[Message] = Message(zh="；最新{latest_year:year}年{latest:cmp}",
                                 en="; latest {latest_year:year}: {latest:cmp}")

# Reason codes. Each names the comparison that decided the status; the decision table is in docs/methodology.md.
REASONS: Final[dict[str, Message]] = {
    # after the deadline: a verdict on a deadline-year figure
    "achieved_observed": Message(
        zh="{deadline:year}年{decisive:cmp}：达到目标", en="{deadline:year}: {decisive:cmp}: met",
        latest_after=True),
    "missed_observed": Message(
        zh="{deadline:year}年{decisive:cmp}：未达到目标", en="{deadline:year}: {decisive:cmp}: not met",
        latest_after=True),
    "achieved_late_observed": Message(
        zh="{deadline:year}年{decisive:cmp}：未达到目标；{first_met_after_deadline:year}年{late:cmp}：达到目标",
        en="{deadline:year}: {decisive:cmp}: not met; {first_met_after_deadline:year}: {late:cmp}: met",
        latest_after=True),
    # after the deadline: a verdict inferred on a declared non-decreasing indicator
    "achieved_inferred": Message(
        zh="{deadline:year}年无数据；{decisive_year:year}年{decisive:cmp}：达到目标，该指标声明只增不减，"
           "推断{deadline:year}年已达到",
        en="no {deadline:year} figure; {decisive_year:year}: {decisive:cmp}: met, and the indicator is declared "
           "non-decreasing: met in {deadline:year} (inferred)",
        latest_after=True),
    "missed_inferred": Message(
        zh="{deadline:year}年无数据；{decisive_year:year}年{decisive:cmp}：未达到目标，该指标声明只增不减，"
           "推断{deadline:year}年未达到",
        en="no {deadline:year} figure; {decisive_year:year}: {decisive:cmp}: not met, and the indicator is declared "
           "non-decreasing: not met in {deadline:year} (inferred)",
        latest_after=True),
    "achieved_late_inferred": Message(
        zh="{deadline:year}年无数据；{decisive_year:year}年{decisive:cmp}：未达到目标，该指标声明只增不减，"
           "推断{deadline:year}年未达到；{first_met_after_deadline:year}年{late:cmp}：达到目标",
        en="no {deadline:year} figure; {decisive_year:year}: {decisive:cmp}: not met, and the indicator is declared "
           "non-decreasing: not met in {deadline:year} (inferred); {first_met_after_deadline:year}: {late:cmp}: met",
        latest_after=True),
    # after the deadline: what is known, without a verdict on time (the same words above and below the target)
    "deadline_unpublished": Message(
        zh="{decisive_year:year}年{decisive:cmp}：{decisive_met:met}；{deadline:year}年数据未公布",
        en="{decisive_year:year}: {decisive:cmp}: {decisive_met:met}; {deadline:year} not published",
        latest_after=True),
    # yearly targets (每年…): every plan year is judged
    "per_year_achieved": Message(
        zh="规划期{plan_start:year}—{deadline:year}年各年均达到（{plan_years_with_data:int}年）",
        en="met in every plan year {plan_start:year}–{deadline:year} ({plan_years_with_data:int} years)"),
    "per_year_missed": Message(
        zh="{decisive_year:year}年{decisive:cmp}：未达到目标（有数据的{plan_years_with_data:int}个规划年中"
           "{plan_years_met:int}年达到）",
        en="{decisive_year:year}: {decisive:cmp}: not met (met in {plan_years_met:int} of "
           "{plan_years_with_data:int} plan years with figures)"),
    "per_year_unpublished": Message(
        zh="有数据的{plan_years_with_data:int}个规划年均达到；{plan_years_unpublished:int}个规划年数据未公布",
        en="met in all {plan_years_with_data:int} plan years with figures; {plan_years_unpublished:int} plan years "
           "not published"),
    "per_year_pace": Message(
        zh="至今有数据的{plan_years_with_data:int}个规划年中{plan_years_met:int}年达到：进度比{pace_ratio:ratio}"
           "（{pace_rule}）",
        en="met in {plan_years_met:int} of {plan_years_with_data:int} plan years with figures so far: pace ratio "
           "{pace_ratio:ratio} ({pace_rule})"),
    "per_year_no_plan_years": Message(
        zh="规划期各年均无数据", en="no figure for any plan year"),
    # before the deadline: pace
    "already_met": Message(
        zh="{latest_year:year}年{latest:cmp}：已达到目标", en="{latest_year:year}: {latest:cmp}: already met"),
    "pace": Message(
        zh="{trend_from_year:year}—{latest_year:year}年进度比{pace_ratio:ratio}（{pace_rule}）；"
           "最新{latest_year:year}年{latest:cmp}",
        en="{trend_from_year:year}–{latest_year:year}: pace ratio {pace_ratio:ratio} ({pace_rule}); "
           "latest {latest_year:year}: {latest:cmp}"),
    "pace_before_baseline": Message(
        zh="{trend_from_year:year}—{latest_year:year}年（基期{base_year:year}年及以前）进度比{pace_ratio:ratio}"
           "（{pace_rule}）；最新{latest_year:year}年{latest:cmp}",
        en="{trend_from_year:year}–{latest_year:year} (up to the baseline {base_year:year}): pace ratio "
           "{pace_ratio:ratio} ({pace_rule}); latest {latest_year:year}: {latest:cmp}"),
    # no status
    "single_point": Message(
        zh="{latest_year:year}年{latest:cmp}；仅一个数据点，趋势未知",
        en="{latest_year:year}: {latest:cmp}; one figure only: trend unknown"),
    "no_pace": Message(
        zh="{latest_year:year}年{latest:cmp}；这些数据算不出进度比",
        en="{latest_year:year}: {latest:cmp}; no pace ratio can be computed from these figures"),
    "baseline_unobserved": Message(
        zh="基期年份{base_year:year}无观测值，无法计算目标值",
        en="baseline year {base_year:year} has no observed value, so the target value cannot be derived"),
    "no_figures": Message(zh="该指标没有可用的统计数据", en="no usable figure for this indicator"),
    "qualitative": Message(zh="定性目标，无可量化数值", en="qualitative goal with no number to measure"),
}
REASON_CODES: Final[tuple[str, ...]] = tuple(REASONS)


# Sentences of the lineage chain (`explain` and the lineage page) about the evidence; parameters are labels and years
# already written out, so they are filled with str.format.
LINEAGE: Final[dict[str, Message]] = {
    "evidence": Message(zh="证据基础：{basis}；证据等级：{grade}",
                        en="evidence basis: {basis}; evidence grade: {grade}"),
    "inferred": Message(zh="截止年是否达到由{year}年的数据推断（该指标声明只增不减）",
                        en="whether the deadline year met the target is inferred from {year} "
                           "(the indicator is declared non-decreasing)"),
    "contradicted": Message(zh="该指标声明只增不减，但数据出现下降：不作推断",
                            en="the indicator is declared non-decreasing but its figures fell: no inference is made"),
}


def sentence(key: str, lang: str, **params: object) -> str:
    """A lineage sentence in `lang` with its (already written out) parameters."""
    return LINEAGE[key].text(lang).format(**params)


def pace_rules() -> dict[str, Message]:
    """The threshold each pace status stands for, from vocab (so the reason cites the rule that was applied)."""
    on, risk = f"{vocab.PACE_ON_TRACK:.2f}", f"{vocab.PACE_AT_RISK:.2f}"
    return {
        "on_track": Message(zh=f"≥ {on}", en=f"≥ {on}"),
        "at_risk": Message(zh=f"{risk}–{on}", en=f"{risk}–{on}"),
        "off_track": Message(zh=f"0–{risk}", en=f"0–{risk}"),
        "regressing": Message(zh="< 0，离目标越来越远", en="< 0: moving away from the target"),
    }


def text(code: str, lang: str) -> str:
    """A message with no parameters (qualitative) as a plain string."""
    message = REASONS[code].text(lang)
    if any(field for _, field, _, _ in string.Formatter().parse(message)):
        raise ValueError(f"{code} has parameters: render it with reason_sql")
    return message


def fields(message: str) -> list[tuple[str, str]]:
    """The (name, kind) placeholders of a template, in order."""
    return [(name, spec or "") for _, name, spec, _ in string.Formatter().parse(message) if name]


def columns_read() -> set[str]:
    """Every column the reason templates read (a test checks each exists in `assessments`)."""
    cols: set[str] = {"reason_code", "comparator", "unit", "status", "latest_year"}
    for message in [*REASONS.values(), LATEST]:
        for lang in LANGS:
            for name, kind in fields(message.text(lang)):
                if kind == "cmp":
                    cols |= {f"{name}_value", f"{name}_goal", f"{name}_reference_value", "reference_name_zh",
                             "reference_name_en"}
                elif name != "pace_rule":
                    cols.add(name)
    return cols


# ---- rendering as SQL over the assessment's columns ----

def _num_sql(expr: str) -> str:
    """A value in the target's unit: percent to two decimals with %, thousands separated, else 4 significant digits."""
    return (f"CASE WHEN ({expr}) IS NULL THEN '' WHEN unit = 'percent' THEN format('{{:.2f}}%', {expr}) "
            f"WHEN abs({expr}) >= 1000 THEN format('{{:,.0f}}', {expr}) ELSE format('{{:.4g}}', {expr}) END")


def _comparison_column(prefix: str, lang: str) -> str:
    return f"_cmp_{prefix}_{lang}"


def _cmp_prefixes() -> list[str]:
    """The prefixes whose comparison the messages cite (decisive, late, latest)."""
    found = {name for m in [*REASONS.values(), LATEST] for lang in LANGS for name, kind in fields(m.text(lang))
             if kind == "cmp"}
    return sorted(found)


def _pace_rule_sql(lang: str) -> str:
    whens = " ".join(f"WHEN {sql_text(s)} THEN {sql_text(m.text(lang))}" for s, m in pace_rules().items())
    return f"(CASE status {whens} ELSE '' END)"


def comparison_columns_sql() -> list[str]:
    """`expr AS name`: the phrases several messages share (each cited comparison, the pace rule), phrased once per
    row in a step before `reason_sql`, so the messages only join them."""
    out = []
    for prefix in _cmp_prefixes():
        cols = {"value": f"{prefix}_value", "goal": f"{prefix}_goal", "gap": f"({prefix}_value - {prefix}_goal)"}
        for lang in LANGS:
            fixed = _template_sql(COMPARISON["fixed"].text(lang), lang, cols)
            relative = _template_sql(COMPARISON["relative"].text(lang), lang, cols)
            out.append(f"CASE WHEN comparator = 'relative_to_reference' THEN {relative} ELSE {fixed} END "
                       f"AS {_comparison_column(prefix, lang)}")
    for lang in LANGS:
        out.append(f"{_pace_rule_sql(lang)} AS _pace_rule_{lang}")
    return out


def comparison_column_names() -> list[str]:
    return [_comparison_column(p, lang) for p in _cmp_prefixes() for lang in LANGS] + [
        f"_pace_rule_{lang}" for lang in LANGS]


def _kind_sql(name: str, kind: str, lang: str, prefix_cols: dict[str, str] | None = None) -> str:
    col = (prefix_cols or {}).get(name, name)
    if kind == "cmp":
        return _comparison_column(name, lang)
    if kind == "num":
        return _num_sql(col)
    if kind in ("year", "int"):
        return f"coalesce(CAST(CAST({col} AS BIGINT) AS VARCHAR), '')"
    if kind == "ratio":
        return f"coalesce(format('{{:.2f}}', {col}), '')"
    if kind == "pp":
        return f"coalesce(format('{{:+.2f}}', {col}), '')"
    if kind == "met":
        yes, no = MET_WORDS[lang]
        return f"(CASE WHEN {col} THEN {sql_text(yes)} ELSE {sql_text(no)} END)"
    if name == "pace_rule":
        return f"_pace_rule_{lang}"
    if kind:
        raise ValueError(f"unknown placeholder kind {kind!r} in {name}")
    return f"coalesce(CAST({col} AS VARCHAR), '')"


def _template_sql(template: str, lang: str, prefix_cols: dict[str, str] | None = None) -> str:
    parts = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        if literal:
            parts.append(sql_text(literal))
        if name:
            parts.append(_kind_sql(name, spec or "", lang, prefix_cols))
    return "concat(" + ", ".join(parts) + ")" if parts else "''"


def _cited_years(message: Message) -> list[str]:
    """The year columns a message cites, so the latest comparison is added only when it is later than all of them."""
    years = {"deadline": "deadline", "decisive": "decisive_year", "late": "first_met_after_deadline"}
    cited = []
    for name, kind in fields(message.en):
        if kind == "cmp" and name in years:
            cited.append(years[name])
        elif kind == "year" and name in ("deadline", "decisive_year", "first_met_after_deadline"):
            cited.append(name)
    return sorted(set(cited))


def reason_sql(lang: str) -> str:
    """One SQL expression giving every target's reason in `lang` from its `reason_code` and columns (it reads the
    `comparison_columns_sql` columns, computed in the query's previous step)."""
    whens = []
    for code, message in REASONS.items():
        body = _template_sql(message.text(lang), lang)
        if message.latest_after:
            cited = _cited_years(message)
            later = " AND ".join(f"latest_year > coalesce({c}, latest_year)" for c in cited) or "false"
            body = f"concat({body}, CASE WHEN {later} THEN {_template_sql(LATEST.text(lang), lang)} ELSE '' END)"
        whens.append(f"WHEN {sql_text(code)} THEN {body}")
    return "(CASE reason_code " + " ".join(whens) + " END)"
