"""The row builders: one display row per target (names, status labels, numbers formatted in both languages,
owners, documents), which every page, the gap workbook and the quality report take their target rows from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from targetwatch import formatting, vocab
from targetwatch.render.page import department_slug, display_records, is_empty
from targetwatch.render.site_data import SiteData

STATUS_RANK = {s.code: i for i, s in enumerate(vocab.STATUSES)}

# The calculation trail shown on each target page, in reading order.
TRAIL_KEYS: tuple[str, ...] = (
    "as_of", "comparator", "target_value_stated", "value_high", "tolerance", "multiple", "reference_jurisdiction",
    "goal_at_deadline", "deadline", "plan_start", "base_year", "base_value", "base_basis", "growth_model",
    "actual_rate", "required_rate", "pace_ratio", "covered_share", "elapsed_share", "expected_now",
    "projection_year", "projection_used", "projection_linear", "projection_compound", "plan_years_with_data",
    "plan_years_met", "plan_cumulative", "latest_gap", "latest_gap_to_band", "latest_attainment", "evidence",
    "gap_trend", "latest_observation_id", "latest_release_date",
    "n_points", "years_spanned", "has_revisions",
    "evidence_basis", "evidence_grade", "deadline_inferred_from", "monotone", "monotone_contradicted",
    "trend_from_year", "decisive_year", "reason_code",
)


# The columns target_rows formats latest value, goal and gap from.
_FORMATTED_FROM: tuple[str, ...] = (
    "unit", "comparator", "per_year", "latest_value", "latest_reference_value", "reference_zh", "reference_en",
    "target_value_stated", "latest_goal", "goal_at_deadline", "latest_gap",
)


def evidence_labels(df: pd.DataFrame) -> pd.DataFrame:
    """The evidence basis and grade in both languages, and the status chip's tooltip (status, basis, grade).

    Made once per distinct (status, basis, grade) and shared by the rows that have it (a national catalogue has
    100,000 targets and a few dozen combinations)."""
    keys = [c for c in ("status", "evidence_basis", "evidence_grade") if c in df]
    groups = df.groupby(keys, dropna=False, sort=False).ngroup().to_numpy()  # numbered in order of appearance
    labels = _evidence_labels(df[keys].drop_duplicates().reset_index(drop=True))
    return labels.iloc[groups].set_index(df.index)


def _evidence_labels(df: pd.DataFrame) -> pd.DataFrame:
    basis = df["evidence_basis"].map(vocab.EVIDENCE_BASIS_BY_CODE) if "evidence_basis" in df else None
    grade = df["evidence_grade"].map(vocab.EVIDENCE_GRADE_BY_CODE) if "evidence_grade" in df else None
    out = pd.DataFrame(index=df.index)
    for lang in ("zh", "en"):
        out[f"evidence_basis_{lang}"] = (basis.map(lambda b, lg=lang: getattr(b, lg, None))
                                         if basis is not None else None)
        out[f"evidence_grade_{lang}"] = (grade.map(lambda g, lg=lang: getattr(g, lg, None))
                                         if grade is not None else None)
    status = df["status"].map(vocab.STATUS_BY_CODE)
    tip = status.map(lambda s: f"{s.zh} / {s.en}: {s.meaning_en}")
    has = out["evidence_basis_zh"].notna()
    out["evidence_tip"] = tip.where(~has, tip + " · 证据 " + out["evidence_basis_zh"].fillna("") + "（"
                                    + out["evidence_grade_zh"].fillna("") + "）/ evidence: "
                                    + out["evidence_basis_en"].fillna("") + " ("
                                    + out["evidence_grade_en"].fillna("") + ")")
    # the same in each language alone, for the tooltip that opens on tap (dashboards/static/site.js)
    zh, en = status.map(lambda s: s.meaning_zh), status.map(lambda s: s.meaning_en)
    out["evidence_tip_zh"] = zh.where(~has, zh + " · 证据：" + out["evidence_basis_zh"].fillna("") + "（"
                                      + out["evidence_grade_zh"].fillna("") + "）")
    out["evidence_tip_en"] = en.where(~has, en + " · evidence: " + out["evidence_basis_en"].fillna("") + " ("
                                      + out["evidence_grade_en"].fillna("") + ")")
    return out


def unit_label(unit: object, lang: str) -> str:
    u = vocab.UNIT_BY_CODE.get(str(unit))
    return "" if u is None else (u.zh if lang == "zh" else u.en)


def target_rows(data: SiteData, formatted: bool = True) -> pd.DataFrame:
    """One display row per target: names, status labels, formatted numbers (both languages), owners, documents.

    Headline targets first, then jurisdiction, status (vocabulary order) and id. `formatted=False` (the quality
    report, which shows names, places, indicators, status and evidence only) leaves out the formatted numbers, their
    sort keys, the documents and the owners: no per-row formatting, and the columns they need need not be read
    (QUALITY_REPORT_READS)."""
    a = data.assessments.drop(columns=["jurisdiction", "indicator", "kind", "headline"], errors="ignore")
    df = data.targets.merge(a, on="target_id", how="left", suffixes=("", "_a"))
    del a
    # the rows in their final order now, while the frame is narrow (sorting the finished frame copied every column:
    # a national catalogue's peak); every column below is made per row, so each row is what it was
    df = _in_order(df)
    for col in ("comparator", "per_year", "deadline", "unit", "plan_start"):
        if f"{col}_a" in df:
            df[col] = df[col].where(df[col].notna(), df[f"{col}_a"])
    df["status"] = df["status"].fillna("no_data")
    jur = data.jurisdictions.set_index("code")
    df["jurisdiction_zh"] = df["jurisdiction"].map(jur["name_zh"]).fillna(df["jurisdiction"])
    df["jurisdiction_en"] = df["jurisdiction"].map(jur["name_en"]).fillna(df["jurisdiction"])
    ref = df["reference_jurisdiction"] if "reference_jurisdiction" in df else pd.Series(None, index=df.index)
    df["reference_zh"] = ref.map(jur["name_zh"])
    df["reference_en"] = ref.map(jur["name_en"])
    status = df["status"].map(vocab.STATUS_BY_CODE)
    df["status_zh"] = status.map(lambda s: s.zh)
    df["status_en"] = status.map(lambda s: s.en)
    df["status_colour"] = status.map(lambda s: s.colour)
    df["status_rank"] = df["status"].map(STATUS_RANK)
    labels = evidence_labels(df)
    for c in labels:  # added in place (pd.concat copied every column)
        df[c] = labels[c]
    del labels
    ind = data.indicators.set_index("code")
    df["indicator_zh"] = df["indicator"].map(ind["name_zh"])
    df["indicator_en"] = df["indicator"].map(ind["name_en"])
    df["per_year"] = df["per_year"].fillna(False).astype(bool)
    df["headline"] = df["headline"].fillna(False).astype(bool)
    if not formatted:
        return df

    # the columns the formatting reads, as lists (no dict per row)
    cols = {c: (df[c].tolist() if c in df else [None] * len(df)) for c in _FORMATTED_FROM}
    for lang in ("zh", "en"):
        latest, goal, gap = [], [], []
        ref_name = cols[f"reference_{lang}"]
        for unit, comparator, per_year, value, ref_value, name, stated, latest_goal, at_deadline, latest_gap in zip(
                cols["unit"], cols["comparator"], cols["per_year"], cols["latest_value"],
                cols["latest_reference_value"], ref_name, cols["target_value_stated"], cols["latest_goal"],
                cols["goal_at_deadline"], cols["latest_gap"], strict=True):
            latest.append(formatting.format_value(value, unit, lang))
            if comparator == "qualitative":
                goal.append("—")
            elif comparator == "relative_to_reference":
                goal.append(f"{name or ''} {formatting.format_value(ref_value, unit, lang)}".strip())
            elif per_year:
                goal.append(formatting.format_value(stated, unit, lang, per_year=True))
            else:
                level = next((v for v in (latest_goal, at_deadline, stated) if not is_empty(v)), None)
                goal.append(formatting.format_value(level, unit, lang))
            # the plain difference from what the target asks, as the chart's bracket shows it (the gap beyond
            # an approx/range band is in the calculation trail)
            gap.append(formatting.format_value(latest_gap, unit, lang, signed=True))
        df[f"latest_{lang}"], df[f"goal_{lang}"], df[f"gap_{lang}"] = latest, goal, gap
        df[f"unit_{lang}"] = df["unit"].map(lambda u, lg=lang: unit_label(u, lg))
    del cols
    df["latest_value_sort"] = df["latest_value"].fillna(-1e18)
    df["goal_sort"] = df["latest_goal"].fillna(df["goal_at_deadline"]).fillna(-1e18)
    df["gap_sort"] = df["latest_gap"].fillna(-1e18)
    df["attainment_pct"] = (df["latest_attainment"] * 100).round(0).astype("Int64")
    df["attainment_sort"] = df["latest_attainment"].fillna(-1)
    for col in ("latest_year", "deadline", "plan_start"):
        df[col] = df[col].astype("Int64")

    src = data.target_sources.sort_values(["target_id", "source_order"])
    ids = df["target_id"].tolist()
    df["documents"] = _distinct_per_target(ids, src["target_id"], src["document"])
    owners = data.target_departments
    owners = owners[owners["owner_type"] == "target"] if len(owners) else owners
    df["departments"] = _distinct_per_target(ids, owners["target_id"], owners["department"])
    slugs: dict = {}  # each department's slug made once (a national catalogue names a few per target)
    df["department_slugs"] = [[slugs[d] if d in slugs else slugs.setdefault(d, department_slug(d)) for d in ds]
                              for ds in df["departments"]]
    return df


def _distinct_per_target(ids: list, keys: pd.Series, values: pd.Series) -> list[list]:
    """For each of `ids`, the distinct `values` of its rows (`keys`), in the order they first appear; [] when it has
    none. What `groupby(keys)[values].agg(lambda s: list(dict.fromkeys(s)))` mapped onto the ids gives, made in one
    pass over the rows (the per-group lambda took seconds at national scale: 115,524 groups)."""
    seen: dict = {}
    for k, v in zip(keys.tolist(), values.tolist(), strict=True):
        if k is None or k != k:  # groupby leaves out a missing key
            continue
        seen.setdefault(k, {})[v] = None
    return [list(seen[t]) if t in seen else [] for t in ids]


def _in_order(df: pd.DataFrame) -> pd.DataFrame:
    """The rows in display order (headline targets first, then jurisdiction, status in the vocabulary's order, id),
    sorted by those keys alone and taken once."""
    keys = pd.DataFrame({"headline": df["headline"].fillna(False).astype(bool), "jurisdiction": df["jurisdiction"],
                         "status_rank": df["status"].fillna("no_data").map(STATUS_RANK),
                         "target_id": df["target_id"]}, index=df.index)
    order = keys.sort_values(["headline", "jurisdiction", "status_rank", "target_id"],
                             ascending=[False, True, True, True]).index
    out = df.take(order.to_numpy() if len(df) else [])
    out.index = pd.RangeIndex(len(out))
    return out


def in_document_order(sources: pd.DataFrame, document: str) -> pd.DataFrame:
    """The targets quoted from one document (target_id, clause, quote), in the order of their quotes."""
    mine = sources[sources["document"] == document].copy()
    mine["char_start"] = pd.to_numeric(mine["char_start"], errors="coerce")
    mine = mine.sort_values(["char_start", "source_order", "target_id"], na_position="last")
    return mine.drop_duplicates("target_id")


def measure_rows(measures: pd.DataFrame, document: str) -> list[dict]:
    mine = measures[measures["document"] == document]
    return [m | {"department_list": [d for d in str(m.get("departments") or "").split("、") if d]}
            for m in display_records(mine)]



def present_status_counts(statuses: Iterable[str]) -> list[tuple[vocab.Status, int]]:
    """(status, count) for each status that occurs among `statuses`, in the vocabulary's order: the chips a page
    shows above its list of targets."""
    n = Counter(statuses)
    return [(s, n[s.code]) for s in vocab.STATUSES if n[s.code]]
