"""Static sites from the warehouse: the leaders' gap dashboards and the auditors' quality report.

Everything is read from the warehouse tables (so what is shown is what is stored), rendered with the
Jinja templates in dashboards/, and works from file:// with no network: plotly.js is written once at
the site root, every page links to it relatively, and each chart is an inline JSON spec that
dashboards/static/site.js draws (only the charts of the visible language, the others on the toggle).

The dashboards site:

    index.html                    overview: status counts by jurisdiction, every target, documents, departments
    targets/<target_id>.html      one target: gap charts, source quotes, figures with files and revisions, checks
    documents/<document_id>.html  one policy document: its targets in document order, its measures
    departments/<slug>.html       one department: the targets and measures it owns (slug: `department_slug`)
    targetwatch-gap-table.xlsx    the gap table in Excel: a sheet per jurisdiction and a sheet of sources
    plotly.min.js, static/        shipped once

A large catalogue (more than `LARGE_SITE_TARGETS` targets: every province, prefecture and county) gets the
large layout instead, so that the build stays bounded in time and size (docs/scaling.md has the figures):

    index.html                    overview: status counts by level and by region (province), with links
    jurisdictions/<code>[-pN].html one jurisdiction: its sub-jurisdictions' counts, its own targets (paginated)
    lists/<level>-<status>[-pN].html the targets of one level with one status (paginated)
    targets/view.html             the one target page: renders any target client-side from its jurisdiction's
                                  data file (`view.html#j=<code>&t=<target_id>`; works from file://)
    data/<code>.js, data/_common.js  per-jurisdiction target, per-year and figure data loaded by <script src>
    documents/, departments/      as above; a document or department with many targets shows counts by level
                                  and region instead of every row
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import shutil
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import pandas as pd
import yaml
from markupsafe import Markup

from targetwatch import charts, vocab
from targetwatch.config import PROJECT_DIR

DASHBOARD_DIR = PROJECT_DIR / "dashboards"
STATUS_RANK = {s.code: i for i, s in enumerate(vocab.STATUSES)}

# Columns of the tables a site reads; a table missing from an older warehouse reads as empty.
SITE_TABLES: dict[str, tuple[str, ...]] = {
    "targets": ("target_id", "jurisdiction", "indicator", "kind", "comparator", "name_zh", "name_en", "headline"),
    "target_sources": ("target_id", "document", "clause", "quote", "char_start", "char_end", "source_order"),
    "target_departments": ("target_id", "department", "role", "owner_type"),
    "measures": ("id", "document", "clause", "title_zh", "quote", "departments", "department_role"),
    "assessments": ("target_id", "status", "as_of"),
    "assessment_years": ("target_id", "year", "value", "observation_id", "reference_value", "metric"),
    "observations": ("observation_id", "jurisdiction", "indicator", "year", "value", "period_type", "source_file"),
    "indicators": ("code", "name_zh", "name_en", "unit", "proxy_of", "proxy_note"),
    "jurisdictions": ("code", "name_zh", "name_en"),
    "policy_documents": ("id", "title_zh", "title_en", "number", "issuer_zh", "issuer_en", "date"),
    "report_files": ("source_file", "sha256", "release_date", "release_date_basis"),
    "rejected_rows": ("source_file", "location", "reason", "raw_content"),
    "check_results": ("check_name", "severity", "expectation", "column_name", "success", "description"),
}

# The calculation trail shown on each target page, in reading order.
TRAIL_KEYS: tuple[str, ...] = (
    "as_of", "comparator", "target_value_stated", "value_high", "tolerance", "multiple", "reference_jurisdiction",
    "goal_at_deadline", "deadline", "plan_start", "base_year", "base_value", "base_basis", "growth_model",
    "actual_rate", "required_rate", "pace_ratio", "covered_share", "elapsed_share", "expected_now",
    "projection_year", "projection_used", "projection_linear", "projection_compound", "plan_years_with_data",
    "plan_years_met", "plan_cumulative", "latest_gap", "latest_gap_to_band", "latest_attainment", "evidence",
    "gap_trend", "latest_observation_id", "latest_release_date",
    "n_points", "years_spanned", "has_revisions",
)


def _empty(v: object) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


@dataclass
class SiteData:
    """The warehouse tables a site needs, read once."""

    targets: pd.DataFrame
    target_sources: pd.DataFrame
    assessments: pd.DataFrame
    assessment_years: pd.DataFrame
    observations: pd.DataFrame
    indicators: pd.DataFrame
    jurisdictions: pd.DataFrame
    policy_documents: pd.DataFrame
    report_files: pd.DataFrame
    rejected_rows: pd.DataFrame
    check_results: pd.DataFrame
    as_of: str
    run_id: str = ""
    code_version: str = ""
    target_departments: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(SITE_TABLES["target_departments"])))
    measures: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SITE_TABLES["measures"])))

    @classmethod
    def from_warehouse(cls, con, run_id: str = "", code_version: str = "") -> SiteData:
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        tables = {
            name: con.execute(f'SELECT * FROM "{name}"').df() if name in present else pd.DataFrame(columns=list(cols))
            for name, cols in SITE_TABLES.items()
        }
        as_of = str(tables["assessments"]["as_of"].iloc[0])[:10] if len(tables["assessments"]) else ""
        return cls(**tables, as_of=as_of, run_id=run_id, code_version=code_version)

    @property
    def synthetic_files(self) -> list[str]:
        """Report files marked synthetic (column `synthetic` of report_files, when the warehouse has it)."""
        if "synthetic" not in self.report_files:
            return []
        flag = self.report_files["synthetic"].map(lambda v: False if _empty(v) else bool(v))
        return sorted(self.report_files.loc[flag, "source_file"])


def check_records(check_results: pd.DataFrame) -> list[dict]:
    """Every check with its result (failed, warned, passed), failures first."""
    checks = check_results.copy()
    if not len(checks):
        return []
    ok = checks["success"].map(lambda v: bool(v) if not _empty(v) else False)
    checks["result"] = ["passed" if s else ("failed" if sev == "error" else "warned")
                        for s, sev in zip(ok, checks["severity"], strict=True)]
    checks["result_rank"] = checks["result"].map({"failed": 0, "warned": 1, "passed": 2})
    return _records(checks.sort_values(["result_rank", "check_name"], kind="stable"))


def department_slug(name: str) -> str:
    """A stable, ASCII-safe file name for a department: the same name gives the same slug in every run."""
    return "dept-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:10]


def observation_revisions(observations: pd.DataFrame) -> pd.DataFrame:
    """Per observation: how many different values the files and releases give for its (jurisdiction,
    indicator, year, period), and whether that figure was therefore revised (published differently)."""
    if not len(observations):
        return pd.DataFrame({"observation_id": [], "n_values": [], "revised": []})
    keys = ["jurisdiction", "indicator", "year", "period_type"]
    obs = observations[["observation_id", *keys, "value"]].copy()
    obs["n_values"] = obs.groupby(keys, dropna=False)["value"].transform("nunique")
    obs["revised"] = obs["n_values"] > 1
    return obs[["observation_id", "n_values", "revised"]]


def _display(v: Any) -> Any:
    """Display value: missing -> None, timestamps -> dates, floats -> 6 significant digits."""
    if _empty(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, float) and not v.is_integer():
        return float(f"{v:.6g}")
    return v


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _display(v) for k, v in r.items()} for r in df.to_dict("records")]


def _group_records(df: pd.DataFrame, key: str) -> dict[Any, list[dict]]:
    """Display records grouped by one column, each group in the frame's order."""
    groups: dict[Any, list[dict]] = {}
    for r in _records(df):
        groups.setdefault(r[key], []).append(r)
    return groups


def _jsonable(o: Any) -> Any:
    """Plain JSON values for a chart spec: NaN and infinities become null, numpy scalars Python numbers."""
    if isinstance(o, dict):
        return {k: _jsonable(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [_jsonable(v) for v in o]
    if isinstance(o, bool | str) or o is None:
        return o
    if isinstance(o, int | float):
        return None if isinstance(o, float) and not math.isfinite(o) else o
    if hasattr(o, "item"):
        return _jsonable(o.item())
    if _empty(o):
        return None
    return str(o)


def chart_html(spec: dict, chart_id: str, lang: str) -> Markup:
    """A chart for one language: an empty div and its spec as inline JSON, drawn by site.js."""
    payload = json.dumps(_jsonable(spec), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    payload = payload.replace("<", "\\u003c")  # no "</script>" or "<!--" can end the JSON early
    return Markup(
        f'<div class="chart {lang}"><div class="plot" id="{chart_id}" data-spec="{chart_id}-spec"></div>'
        f'<script type="application/json" id="{chart_id}-spec">{payload}</script></div>'
    )


def _strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((DASHBOARD_DIR / "strings.yaml").read_text(encoding="utf-8"))


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(DASHBOARD_DIR / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    strings = _strings()

    def bi(zh: object, en: object) -> Markup:
        zh, en = ("—" if _empty(zh) else zh), ("—" if _empty(en) else en)
        return Markup(f'<span class="zh">{html.escape(str(zh))}</span><span class="en">{html.escape(str(en))}</span>')

    labels: dict[str, Markup] = {}

    def t(key: str) -> Markup:
        if key not in labels:  # the same few labels appear on every page and row: made once
            labels[key] = bi(strings[key]["zh"], strings[key]["en"])
        return labels[key]

    def t_or(key: str, fallback: str) -> Markup:
        return t(key) if key in strings else bi(fallback, fallback)

    env.globals |= {
        "t": t,
        "t_or": t_or,
        "bi": bi,
        "STATUSES": vocab.STATUSES,
        "STATUS": vocab.STATUS_BY_CODE,
        "fmt": charts.format_number,
    }
    env.filters["slug"] = department_slug
    return env


LARGE_LAYOUT_STATIC = ("target-view.js",)  # shipped only with the large layout


def _copy_static(site: Path, with_plotly: bool, large: bool = False) -> None:
    ignore = None if large else shutil.ignore_patterns(*LARGE_LAYOUT_STATIC)
    shutil.copytree(DASHBOARD_DIR / "static", site / "static", dirs_exist_ok=True, ignore=ignore)
    if with_plotly:
        shutil.copyfile(PLOTLY_BUNDLE, site / "plotly.min.js")


def _unit_label(unit: object, lang: str) -> str:
    u = vocab.UNIT_BY_CODE.get(str(unit))
    return "" if u is None else (u.zh if lang == "zh" else u.en)


def target_rows(data: SiteData) -> pd.DataFrame:
    """One display row per target: names, status labels, formatted numbers (both languages), owners, documents.

    Headline targets first, then jurisdiction, status (vocabulary order) and id.
    """
    a = data.assessments.drop(columns=["jurisdiction", "indicator", "kind", "headline"], errors="ignore")
    df = data.targets.merge(a, on="target_id", how="left", suffixes=("", "_a"))
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
    ind = data.indicators.set_index("code")
    df["indicator_zh"] = df["indicator"].map(ind["name_zh"])
    df["indicator_en"] = df["indicator"].map(ind["name_en"])
    df["per_year"] = df["per_year"].fillna(False).astype(bool)
    df["headline"] = df["headline"].fillna(False).astype(bool)

    records = df.to_dict("records")
    for lang in ("zh", "en"):
        latest, goal, gap = [], [], []
        for r in records:
            unit, relative = r.get("unit"), r.get("comparator") == "relative_to_reference"
            latest.append(charts.format_value(r.get("latest_value"), unit, lang))
            if r.get("comparator") == "qualitative":
                goal.append("—")
            elif relative:
                ref_value = charts.format_value(r.get("latest_reference_value"), unit, lang)
                goal.append(f"{r.get(f'reference_{lang}') or ''} {ref_value}".strip())
            elif r["per_year"]:
                goal.append(charts.format_value(r.get("target_value_stated"), unit, lang, per_year=True))
            else:
                level = next((r.get(k) for k in ("latest_goal", "goal_at_deadline", "target_value_stated")
                              if not _empty(r.get(k))), None)
                goal.append(charts.format_value(level, unit, lang))
            # the plain difference from what the target asks, as the chart's bracket shows it (the gap beyond
            # an approx/range band is in the calculation trail)
            gap.append(charts.format_value(r.get("latest_gap"), unit, lang, signed=True))
        df[f"latest_{lang}"], df[f"goal_{lang}"], df[f"gap_{lang}"] = latest, goal, gap
        df[f"unit_{lang}"] = df["unit"].map(lambda u, lg=lang: _unit_label(u, lg))
    df["latest_value_sort"] = df["latest_value"].fillna(-1e18)
    df["goal_sort"] = df["latest_goal"].fillna(df["goal_at_deadline"]).fillna(-1e18)
    df["gap_sort"] = df["latest_gap"].fillna(-1e18)
    df["attainment_pct"] = (df["latest_attainment"] * 100).round(0).astype("Int64")
    df["attainment_sort"] = df["latest_attainment"].fillna(-1)
    for col in ("latest_year", "deadline", "plan_start"):
        df[col] = df[col].astype("Int64")

    src = data.target_sources.sort_values(["target_id", "source_order"])
    docs_of = src.groupby("target_id", sort=False)["document"].agg(lambda s: list(dict.fromkeys(s)))
    df["documents"] = df["target_id"].map(docs_of).map(lambda v: v if isinstance(v, list) else [])
    owners = data.target_departments
    owners = owners[owners["owner_type"] == "target"] if len(owners) else owners
    depts_of = owners.groupby("target_id", sort=False)["department"].agg(lambda s: list(dict.fromkeys(s)))
    df["departments"] = df["target_id"].map(depts_of).map(lambda v: v if isinstance(v, list) else [])
    df["department_slugs"] = df["departments"].map(lambda ds: [department_slug(d) for d in ds])
    return df.sort_values(["headline", "jurisdiction", "status_rank", "target_id"],
                          ascending=[False, True, True, True]).reset_index(drop=True)


class _Site:
    """Builds the pages of one dashboards site from one SiteData."""

    def __init__(self, data: SiteData, root: Path, lang: str) -> None:
        self.data, self.root = data, root
        self.env = _env()
        self.strings = _strings()
        self.rows = target_rows(data)
        self.rows["href"] = "targets/" + self.rows["target_id"] + ".html"
        self.records = _records(self.rows)  # converted once: every page picks its rows from these
        self.by_id = {r["target_id"]: r for r in self.records}
        self.common = {"lang": lang, "as_of": data.as_of, "synthetic_files": data.synthetic_files}
        self.jur = data.jurisdictions.set_index("code")
        self.ind = data.indicators.set_index("code")
        obs = data.observations.merge(observation_revisions(data.observations), on="observation_id", how="left")
        files = data.report_files[["source_file", "release_date", "release_date_basis"]].rename(
            columns={"release_date": "file_release_date", "release_date_basis": "file_release_basis"})
        self.obs = obs.merge(files, on="source_file", how="left")
        self.obs_by_series = {k: g for k, g in self.obs.groupby(["jurisdiction", "indicator"], sort=False)}
        self.years_by_target = {k: g for k, g in data.assessment_years.groupby("target_id", sort=False)}
        self.doc_labels = {
            d["id"]: {"id": d["id"], "label": d["number"] if not _empty(d.get("number")) else d["id"],
                      "title_zh": d["title_zh"], "title_en": d["title_en"]}
            for d in _records(data.policy_documents)
        }
        self.checks = self._checks()
        sources = data.target_sources.sort_values("source_order").merge(
            data.policy_documents[["id", "title_zh", "title_en", "number", "issuer_zh", "date"]],
            left_on="document", right_on="id", how="left")
        self.sources_by_target = _group_records(sources, "target_id")
        owners = data.target_departments
        self.owners_by_target = _group_records(owners[owners["owner_type"] == "target"], "target_id")
        self.owned_by_department = _group_records(owners, "department")
        self.measures_by_id = {m["id"]: m for m in _records(data.measures)}
        self.check_counts = {k: sum(c["result"] == k for c in self.checks) for k in ("passed", "warned", "failed")}

    # --- helpers ---

    def _render(self, template: str, path: Path, *, plotly: bool = False, **context: Any) -> Path:
        """Write one page; only pages with charts load plotly.min.js (parsing 4.8 MB costs a slow PC seconds)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        page = self.env.get_template(template).render(**(self.common | {"plotly": plotly}), **context)
        path.write_text(page, encoding="utf-8")
        return path

    def _checks(self) -> list[dict]:
        return check_records(self.data.check_results)

    def _series(self, jurisdiction: object, indicator: object) -> pd.DataFrame:
        return self.obs_by_series.get((jurisdiction, indicator), self.obs.iloc[0:0])

    def _proxies(self, r: dict) -> pd.DataFrame:
        if _empty(r.get("indicator")) or "proxy_of" not in self.ind:
            return self.obs.iloc[0:0]
        codes = list(self.ind.index[self.ind["proxy_of"] == r["indicator"]])
        parts = [self._series(r["jurisdiction"], c) for c in codes]
        parts = [p for p in parts if len(p)]
        if not parts:
            return self.obs.iloc[0:0]
        proxies = pd.concat(parts).sort_values(["indicator", "year"]).copy()
        proxies["indicator_name_zh"] = proxies["indicator"].map(self.ind["name_zh"])
        proxies["indicator_name_en"] = proxies["indicator"].map(self.ind["name_en"])
        proxies["indicator_name"] = proxies["indicator_name_zh"]
        proxies["proxy_note"] = proxies["indicator"].map(self.ind["proxy_note"])
        return proxies

    def _doc_links(self, ids: list[str]) -> list[dict]:
        return [self.doc_labels.get(d, {"id": d, "label": d, "title_zh": d, "title_en": d}) for d in ids]

    # --- pages ---

    def index(self) -> Path:
        rows = self.rows
        jur_order = [c for c in self.jur.index if c in set(rows["jurisdiction"])]
        jur_order += [c for c in dict.fromkeys(rows["jurisdiction"]) if c not in jur_order]
        matrix = []
        for code in jur_order:
            sub = rows[rows["jurisdiction"] == code]
            matrix.append({
                "code": code,
                "name_zh": sub["jurisdiction_zh"].iloc[0],
                "name_en": sub["jurisdiction_en"].iloc[0],
                "counts": {s.code: int((sub["status"] == s.code).sum()) for s in vocab.STATUSES},
                "total": len(sub),
            })
        status_counts = [{"status": s, "n": int((rows["status"] == s.code).sum())} for s in vocab.STATUSES]
        counts = rows.groupby(["jurisdiction", "status"]).size().reset_index(name="n")
        overview = []
        for lg in ("zh", "en"):
            names = {m["code"]: m[f"name_{lg}"] for m in matrix}
            c = counts.assign(jurisdiction_name=counts["jurisdiction"].map(names))
            c = c.set_index("jurisdiction").loc[[m["code"] for m in matrix]].reset_index()
            overview.append(chart_html(charts.status_overview(c, lg), f"overview-{lg}", lg))
        filters = [
            {"key": "jurisdiction", "options": [{"value": m["code"], "zh": m["name_zh"], "en": m["name_en"]}
                                                for m in matrix]},
            {"key": "document", "options": [
                {"value": d, "zh": f"{self.doc_labels[d]['label']} {self.doc_labels[d]['title_zh'][:14]}…",
                 "en": f"{self.doc_labels[d]['label']} {self.doc_labels[d]['title_en'][:30]}…"}
                if d in self.doc_labels else {"value": d, "zh": d, "en": d}
                for d in dict.fromkeys(d for ds in rows["documents"] for d in ds)]},
            {"key": "status", "options": [{"value": s.code, "zh": s.zh, "en": s.en} for s in vocab.STATUSES
                                          if (rows["status"] == s.code).any()]},
            {"key": "departments", "options": [{"value": department_slug(d), "zh": d, "en": d}
                                               for d in sorted({d for ds in rows["departments"] for d in ds})]},
            {"key": "kind", "options": [{"value": k} | self.strings.get(f"kind_{k}", {"zh": k, "en": k})
                                        for k in vocab.KINDS if (rows["kind"] == k).any()]},
        ]
        return self._render(
            "index.html", self.root / "index.html", plotly=True,
            root="", page_title="政策目标监测 · 总览 / Policy target monitor · Overview",
            quality_link="../quality/index.html", workbook=WORKBOOK_FILE,
            rows=self.records, matrix=matrix, status_counts=status_counts, overview_charts=overview,
            filters=filters, documents=self._document_summaries(), departments=self._department_summaries(),
        )

    def _document_summaries(self) -> list[dict]:
        src = self.data.target_sources
        out = []
        status_of = dict(zip(self.rows["target_id"], self.rows["status"], strict=True))
        for d in _records(self.data.policy_documents):
            ids = list(dict.fromkeys(src.loc[src["document"] == d["id"], "target_id"]))
            statuses = [status_of[i] for i in ids if i in status_of]
            out.append(d | {
                "n_targets": len(ids),
                "n_measures": int((self.data.measures["document"] == d["id"]).sum()),
                "counts": [(s, statuses.count(s.code)) for s in vocab.STATUSES if s.code in statuses],
            })
        return out

    def _department_summaries(self) -> list[dict]:
        td = self.data.target_departments
        status_of = dict(zip(self.rows["target_id"], self.rows["status"], strict=True))
        out = []
        for name in sorted(set(td["department"].dropna())):
            own = td[td["department"] == name]
            targets = list(dict.fromkeys(own.loc[own["owner_type"] == "target", "target_id"]))
            statuses = [status_of[i] for i in targets if i in status_of]
            out.append({
                "name": name, "slug": department_slug(name), "n_targets": len(targets),
                "n_measures": int((own["owner_type"] == "measure").sum()),
                "n_lead": int((own["role"] == "lead").sum()),
                "counts": [(s, statuses.count(s.code)) for s in vocab.STATUSES if s.code in statuses],
            })
        return out

    def target_page(self, r: dict) -> Path:
        tid = r["target_id"]
        years = self.years_by_target.get(tid, self.data.assessment_years.iloc[0:0])
        relative = r.get("comparator") == "relative_to_reference"
        own = self._series(r["jurisdiction"], r.get("indicator"))
        reference = None
        parts = [own]
        if relative and not _empty(r.get("reference_jurisdiction")):
            ref_obs = self._series(r["reference_jurisdiction"], r.get("indicator"))
            if "period_type" in ref_obs:
                ref_obs = ref_obs[ref_obs["period_type"].fillna("annual") == "annual"]
            parts.append(ref_obs)
            reference = years[["year", "reference_value"]].rename(columns={"reference_value": "value"})
            reference = reference.dropna()
            # the reference's own figures for years the target jurisdiction lacks are still worth seeing
            if len(ref_obs):
                extra = ref_obs[~ref_obs["year"].isin(reference["year"])]
                extra = extra.sort_values("release_date", na_position="first").drop_duplicates("year", keep="last")
                reference = pd.concat([reference, extra[["year", "value"]]]).sort_values("year")
        proxies = self._proxies(r)
        unit = r.get("unit")
        chart_sets = []
        drawable = r.get("comparator") != "qualitative" and (len(years) or len(proxies) or r.get("per_year"))
        if drawable:
            main = []
            for lg in ("zh", "en"):
                spec = charts.gap_chart(r, years, reference, proxies if len(proxies) else None, lg,
                                        charts.axis_title(unit, lg), r.get(f"reference_{lg}") or "")
                main.append(chart_html(spec, f"gap-{lg}", lg))
            title = "chart_per_year" if r.get("per_year") else ("chart_relative" if relative else "chart_gap")
            chart_sets.append({"title": title, "charts": main})
            if relative and len(years):
                pp = [chart_html(charts.gap_pp_chart(r, years, lg, r.get(f"reference_{lg}") or ""), f"gappp-{lg}", lg)
                      for lg in ("zh", "en")]
                chart_sets.append({"title": "chart_gap_pp", "charts": pp})

        used_ids = set(years["observation_id"].dropna()) if len(years) else set()
        if relative and len(years):
            used_ids |= set(years["reference_observation_id"].dropna())
        figures = pd.concat([p for p in parts if len(p)]) if any(len(p) for p in parts) else self.obs.iloc[0:0]
        figures = figures.assign(
            used=figures["observation_id"].isin(used_ids),
            jurisdiction_zh=figures["jurisdiction"].map(self.jur["name_zh"]),
            jurisdiction_en=figures["jurisdiction"].map(self.jur["name_en"]),
            is_reference=figures["jurisdiction"] != r["jurisdiction"],
        ).sort_values(["is_reference", "year", "release_date", "source_file"], na_position="first")

        trail = [(k, _display(r.get(k))) for k in TRAIL_KEYS if not _empty(r.get(k))]
        return self._render(
            "target.html", self.root / "targets" / f"{tid}.html", plotly=bool(chart_sets),
            root="../", page_title=f"{r['name_zh']} / {r['name_en']}",
            quality_link=f"../../quality/index.html#t-{tid}",
            r=r, chart_sets=chart_sets, sources=self.sources_by_target.get(tid, []), observations=_records(figures),
            proxies=_records(proxies) if len(proxies) else [], checks=self.checks, check_counts=self.check_counts,
            trail=trail,
            departments=self.owners_by_target.get(tid, []), documents=self._doc_links(r["documents"]),
            revised=bool(len(figures) and figures["revised"].fillna(False).any()),
        )

    def document_page(self, doc: dict) -> Path:
        mine = _in_document_order(self.data.target_sources, doc["id"])
        targets = [self.by_id[t] | {"clause": c, "quote": q} for t, c, q in
                   zip(mine["target_id"], mine["clause"], mine["quote"], strict=True) if t in self.by_id]
        measure_rows = _measure_rows(self.data.measures, doc["id"])
        return self._render(
            "document.html", self.root / "documents" / f"{doc['id']}.html",
            root="../", page_title=f"{doc['title_zh']} / {doc['title_en']}",
            quality_link="../../quality/index.html",
            doc=doc, targets=targets, measures=measure_rows,
            counts=[(s, sum(t["status"] == s.code for t in targets)) for s in vocab.STATUSES
                    if any(t["status"] == s.code for t in targets)],
        )

    def department_page(self, name: str) -> Path:
        own = self.owned_by_department.get(name, [])
        role_rank = {r: i for i, r in enumerate(vocab.DEPARTMENT_ROLES)}
        targets = [self.by_id[o["target_id"]] | {"role": o["role"]} for o in own
                   if o["owner_type"] == "target" and o["target_id"] in self.by_id]
        targets.sort(key=lambda t: (role_rank.get(t["role"], 9), not t["headline"], t["status_rank"], t["target_id"]))
        measures = [self.measures_by_id[o["target_id"]] | {"role": o["role"]} for o in own
                    if o["owner_type"] == "measure" and o["target_id"] in self.measures_by_id]
        measures = [m | {"doc": self.doc_labels.get(m["document"])} for m in measures]
        measures.sort(key=lambda m: (role_rank.get(m["role"], 9), m["document"] or "", m["id"]))
        return self._render(
            "department.html", self.root / "departments" / f"{department_slug(name)}.html",
            root="../", page_title=f"{name} · 责任部门 / Department",
            quality_link="../../quality/index.html",
            name=name, targets=targets, measures=measures,
            counts=[(s, sum(t["status"] == s.code for t in targets)) for s in vocab.STATUSES
                    if any(t["status"] == s.code for t in targets)],
        )


def _in_document_order(sources: pd.DataFrame, document: str) -> pd.DataFrame:
    """The targets quoted from one document (target_id, clause, quote), in the order of their quotes."""
    mine = sources[sources["document"] == document].copy()
    mine["char_start"] = pd.to_numeric(mine["char_start"], errors="coerce")
    mine = mine.sort_values(["char_start", "source_order", "target_id"], na_position="last")
    return mine.drop_duplicates("target_id")


def _measure_rows(measures: pd.DataFrame, document: str) -> list[dict]:
    mine = measures[measures["document"] == document]
    return [m | {"department_list": [d for d in str(m.get("departments") or "").split("、") if d]}
            for m in _records(mine)]


# --- the large layout ----------------------------------------------------------------------------------------

# plotly.js's basic bundle (scatter, bar, pie), the version the plotly package embeds: a quarter of the full
# bundle's 4.8 MB, which a slow PC takes seconds to parse (dashboards/vendor/README.md)
PLOTLY_BUNDLE = DASHBOARD_DIR / "vendor" / "plotly-basic.min.js"
PLOTLY_TRACE_TYPES = frozenset({"scatter", "bar", "pie"})
LARGE_SITE_TARGETS = 2_000  # more targets than this: the large layout (module docstring)
WORKBOOK_FILE = "targetwatch-gap-table.xlsx"  # the gap table in Excel, beside index.html (small layout only)
PAGE_ROWS = 500  # rows per page of a long target list
LEVELS: tuple[str, ...] = ("national", "province", "prefecture", "county")
REGIONS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6")  # GB/T 2260: a code's first digit is its greater region

# A target row in lists (jurisdiction pages, status lists, documents, departments): what `target_cells` shows.
LIST_COLUMNS: tuple[str, ...] = (
    "target_id", "name_zh", "name_en", "jurisdiction", "jurisdiction_zh", "jurisdiction_en", "status", "status_rank",
    "status_colour", "latest_zh", "latest_en", "latest_year", "latest_value_sort", "goal_zh", "goal_en", "goal_sort",
    "gap_zh", "gap_en", "gap_sort", "attainment_pct", "attainment_sort", "deadline", "headline", "per_year",
    "comparator", "kind", "documents", "departments", "href",
)
# What the client-side target page needs of a target, besides its calculation trail (TRAIL_KEYS).
VIEW_COLUMNS: tuple[str, ...] = (
    "name_zh", "name_en", "status", "jurisdiction", "indicator", "indicator_zh", "indicator_en", "comparator", "kind",
    "headline", "per_year", "reference_jurisdiction", "reference_zh", "reference_en", "unit", "latest_zh",
    "latest_en", "latest_year", "goal_zh", "goal_en", "gap_zh", "gap_en", "gap_sort", "attainment_pct", "reason_zh",
    "reason_en", "gap_trend", "evidence", "latest_value", "latest_goal", "latest_gap", "latest_reference_value",
    "latest_metric", "documents",
)
# One figure in a data file, in this order (see dashboards/static/target-view.js).
FIGURE_FIELDS: tuple[str, ...] = (
    "year", "value", "value_as_written", "unit_as_written", "file", "location", "release_date", "confidence",
    "n_values", "observation_id", "period_type", "source_title", "source_ref",
)
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")


def page_name(code: str) -> str:
    """The file name (no suffix) of a jurisdiction's page and data file: the code itself when it is a plain
    ASCII name, else a hash of it (stable from run to run)."""
    code = str(code)
    return code if _SAFE_NAME.fullmatch(code) else "j-" + hashlib.sha1(code.encode("utf-8")).hexdigest()[:12]


def jurisdiction_tree(jurisdictions: pd.DataFrame) -> pd.DataFrame:
    """Per jurisdiction (indexed by code): names, level, parent, province and greater region.

    A county filed as a prefecture (the catalogue has no county level yet) is told apart by its code, PPCCXX with
    XX > 00. The province is the nearest province among the ancestors, else the one whose code is PP0000; the
    region is the first digit of the code (GB/T 2260), `national` for the country and `other` when unknown.
    """
    j = jurisdictions.reindex(columns=["code", "admin_code", "name_zh", "name_en", "level", "parent"]).copy()
    admin = j["admin_code"].fillna("").astype(str)
    level = j["level"].fillna("prefecture").astype(str)
    j["level"] = level.mask((level == "prefecture") & (admin.str.len() == 6) & (admin.str[4:] != "00"), "county")
    parent = dict(zip(j["code"], j["parent"], strict=True))
    lvl = dict(zip(j["code"], j["level"], strict=True))
    by_admin = {a: c for a, c in zip(admin, j["code"], strict=True) if a}

    def province(code: str, adm: str) -> str | None:
        c, seen = code, set()
        while isinstance(c, str) and c not in seen:
            if lvl.get(c) == "province":
                return c
            seen.add(c)
            c = parent.get(c)
        guess = by_admin.get(adm[:2] + "0000") if len(adm) == 6 else None
        return guess if guess is not None and lvl.get(guess) == "province" else None

    j["province"] = [province(c, a) for c, a in zip(j["code"], admin, strict=True)]
    first = admin.str[:1]
    j["region"] = first.where(first.isin(REGIONS), "other").mask(j["level"] == "national", "national")
    j["parent"] = j["parent"].where(j["parent"].isin(set(j["code"])), None)
    j["file"] = j["code"].map(page_name)
    return j.set_index("code", drop=False)


def _ancestors(tree: pd.DataFrame) -> dict[str, list[str]]:
    """code -> [code, parent, grandparent, ...]."""
    parent = dict(zip(tree["code"], tree["parent"], strict=True))
    out = {}
    for code in tree["code"]:
        chain, c = [], code
        while isinstance(c, str) and c not in chain:
            chain.append(c)
            c = parent.get(c)
        out[code] = chain
    return out


def _pages(items: list, stem: str) -> list[tuple[list, dict]]:
    """`items` cut into pages of PAGE_ROWS, each with its pager: file names `<stem>.html`, `<stem>-p2.html`, ..."""
    n = max(1, math.ceil(len(items) / PAGE_ROWS))
    names = [f"{stem}.html" if i == 1 else f"{stem}-p{i}.html" for i in range(1, n + 1)]
    out = []
    for i in range(1, n + 1):
        pager = {"page": i, "pages": n, "total": len(items), "first": (i - 1) * PAGE_ROWS + 1,
                 "last": min(i * PAGE_ROWS, len(items)), "names": names,
                 "prev": names[i - 2] if i > 1 else None, "next": names[i] if i < n else None}
        out.append((items[(i - 1) * PAGE_ROWS: i * PAGE_ROWS], pager))
    return out


def _json_values(values: pd.Series, digits: int | None = None) -> list:
    """A column as JSON-ready Python values, converted at once: missing and non-finite -> None, timestamps ->
    ISO dates (with the time when there is one), numpy scalars -> Python; `digits` rounds floats to that many
    significant digits (as the pages show them)."""
    if isinstance(values.dtype, np.dtype) and values.dtype.kind == "f":
        a = values.to_numpy(dtype="float64", na_value=math.nan)
        ok = np.isfinite(a)
        if digits:
            mag = np.zeros_like(a)
            mag[ok & (a != 0)] = np.floor(np.log10(np.abs(a[ok & (a != 0)])))
            e = (digits - 1 - mag).astype(int)
            up = e >= 0
            r = np.empty_like(a)
            r[up] = np.round(a[up] * 10.0 ** e[up]) / 10.0 ** e[up]
            r[~up] = np.round(a[~up] / 10.0 ** -e[~up]) * 10.0 ** -e[~up]
            a = np.where(ok & (a != np.floor(np.where(ok, a, 0))), r, a)  # whole numbers stay whole
        out = a.astype(object)
        out[~ok] = None
        return out.tolist()
    if isinstance(values.dtype, np.dtype) and values.dtype.kind in "iub":
        return values.tolist()
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        v = pd.to_datetime(values)
        day = v.dt.strftime("%Y-%m-%d")
        stamp = v.dt.strftime("%Y-%m-%d %H:%M:%S")
        text = day.where(v == v.dt.normalize(), stamp)
        return text.astype(object).where(v.notna(), None).tolist()
    out = values.astype(object).where(values.notna(), None).tolist()
    return [None if isinstance(v, float) and not math.isfinite(v) else
            (v.item() if hasattr(v, "item") else v) for v in out]


def _json_default(o: Any) -> Any:
    return o.item() if hasattr(o, "item") else (o.isoformat() if hasattr(o, "isoformat") else str(o))


def _dump_js(path: Path, function: str, payload: Any) -> int:
    """Write `function(payload);` (loaded with <script src>: file:// pages cannot fetch JSON); return the bytes."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default)
    text = function + "(" + text.replace("<", "\\u003c") + ");\n"  # no "</script>" can end it early
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


class _LargeSite:
    """The large layout: counts by level and region on the overview, one page per jurisdiction, paginated status
    lists, and one target page that renders any target from its jurisdiction's data file (no page per target)."""

    def __init__(self, data: SiteData, root: Path, lang: str) -> None:
        self.data, self.root = data, root
        self.env = _env()
        self.strings = _strings()
        self.common = {"lang": lang, "as_of": data.as_of, "synthetic_files": data.synthetic_files}
        known = data.jurisdictions
        missing = sorted(set(data.targets["jurisdiction"].dropna()) - set(known["code"]))
        if missing:  # a target's jurisdiction the table lacks still gets a page
            known = pd.concat([known, pd.DataFrame({"code": missing, "name_zh": missing, "name_en": missing})])
        self.tree = jurisdiction_tree(known)
        self.ancestors = _ancestors(self.tree)
        rows = target_rows(data)
        jur = rows["jurisdiction"]
        rows["level"] = jur.map(self.tree["level"])
        rows["top"] = jur.map(self.tree["province"]).fillna(jur)  # its province, else itself
        rows["region"] = jur.map(self.tree["region"])
        rows["href"] = ("targets/view.html#j=" + jur.map(self.tree["file"]) + "&t="
                        + rows["target_id"].map(lambda t: urllib.parse.quote(str(t), safe="")))
        self.rows = rows
        self.records = _records(rows[list(LIST_COLUMNS)])
        self.by_id = {r["target_id"]: r for r in self.records}
        self.by_jurisdiction: dict[str, list[dict]] = {}
        for r in self.records:
            self.by_jurisdiction.setdefault(r["jurisdiction"], []).append(r)
        # status counts of every jurisdiction's whole subtree (itself and everything below it)
        status = rows[["jurisdiction", "status"]].copy()
        status["node"] = status["jurisdiction"].map(self.ancestors)
        sub = status.explode("node").groupby(["node", "status"]).size()
        self.subtree: dict[str, dict[str, int]] = {}
        for (node, st), n in sub.items():
            self.subtree.setdefault(node, {})[st] = int(n)
        macros = self.env.get_template("_macros.html").make_module()
        cells: dict[str, Markup] = {}

        def row_cells(r: dict) -> Markup:  # pages in subfolders: the same HTML in every list of the target
            if r["target_id"] not in cells:
                cells[r["target_id"]] = Markup(macros.name_and_cells(r, "../"))
            return cells[r["target_id"]]

        self.row_cells = row_cells
        self.children: dict[str, list[str]] = {}
        for code, parent in zip(self.tree["code"], self.tree["parent"], strict=True):
            if isinstance(parent, str):
                self.children.setdefault(parent, []).append(code)

    # --- helpers ---

    def _render(self, template: str, path: Path, *, plotly: bool = False, **context: Any) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        page = self.env.get_template(template).render(**(self.common | {"plotly": plotly}), **context)
        path.write_text(page, encoding="utf-8")
        return path

    def _name(self, code: str, lang: str) -> str:
        return str(self.tree.at[code, f"name_{lang}"]) if code in self.tree.index else str(code)

    def _count_row(self, key: str, name_zh: str, name_en: str, counts: dict[str, int], href: str | None = None,
                   links: dict[str, str] | None = None, group: bool = False) -> dict:
        return {"key": key, "name_zh": name_zh, "name_en": name_en, "href": href, "counts": counts,
                "links": links or {}, "total": sum(counts.values()), "group": group}

    def _level_matrix(self, rows: pd.DataFrame, prefix: str | None) -> list[dict]:
        """Counts by level; with `prefix` (the path to the site root) every count links to its status list."""
        counts = rows.groupby(["level", "status"]).size()
        out = []
        for level in LEVELS:
            if level not in counts.index.get_level_values(0):
                continue
            c = {st: int(n) for st, n in counts[level].items()}
            links = {st: f"{prefix}lists/{level}-{st}.html" for st in c} if prefix is not None else None
            lab = self.strings[f"level_{level}"]
            out.append(self._count_row(level, lab["zh"], lab["en"], c, links=links))
        return out

    def _region_matrix(self, rows: pd.DataFrame, prefix: str) -> list[dict]:
        """Counts by greater region, then by province (or a jurisdiction with no province) within it; the names and
        counts link to the province's page."""
        counts = rows.groupby(["region", "top", "status"]).size()
        out = []
        for region in ("national", *REGIONS, "other"):
            if region not in counts.index.get_level_values(0):
                continue
            sub = counts[region]
            lab = self.strings[f"region_{region}"]
            total = sub.groupby(level=1).sum()
            out.append(self._count_row(f"region-{region}", lab["zh"], lab["en"],
                                       {st: int(n) for st, n in total.items()}, group=True))
            for top in sorted(set(sub.index.get_level_values(0)), key=lambda c: (str(self.tree["admin_code"].get(c)),
                                                                                   str(c))):
                c = {st: int(n) for st, n in sub[top].items()}
                href = f"{prefix}jurisdictions/{self.tree.at[top, 'file']}.html"
                out.append(self._count_row(top, self._name(top, "zh"), self._name(top, "en"), c, href=href,
                                           links=dict.fromkeys(c, href)))
        return out

    def _crumbs(self, code: str, prefix: str) -> list[dict]:
        """The jurisdiction's ancestors from the top down (itself excluded), each linking to its page."""
        chain = self.ancestors.get(code, [code])[1:]
        return [{"name_zh": self._name(c, "zh"), "name_en": self._name(c, "en"),
                 "href": f"{prefix}jurisdictions/{self.tree.at[c, 'file']}.html"} for c in reversed(chain)]

    @staticmethod
    def _status_counts(rows: list[dict]) -> list[tuple]:
        return [(s, n) for s in vocab.STATUSES if (n := sum(r["status"] == s.code for r in rows))]

    # --- pages ---

    def build(self) -> list[Path]:
        pages = [self.index()]
        pages += self.jurisdiction_pages()
        pages += self.status_lists()
        pages += [self.document_page(d) for d in _records(self.data.policy_documents)]
        pages += [self.department_page(n) for n in sorted(set(self.data.target_departments["department"].dropna()))]
        pages.append(self.target_view())
        self.write_data()
        return pages

    def index(self) -> Path:
        rows = self.rows
        status_counts = [{"status": s, "n": int((rows["status"] == s.code).sum())} for s in vocab.STATUSES]
        regions = self._region_matrix(rows, "")
        provinces = [m for m in regions if not m["group"]]
        overview = []
        for lg in ("zh", "en"):
            c = pd.DataFrame([{"jurisdiction_name": m[f"name_{lg}"], "status": st, "n": n}
                              for m in provinces for st, n in m["counts"].items()])
            overview.append(chart_html(charts.status_overview(c, lg), f"overview-{lg}", lg))
        return self._render(
            "overview_large.html", self.root / "index.html", plotly=True,
            root="", page_title="政策目标监测 · 总览 / Policy target monitor · Overview",
            quality_link="../quality/index.html",
            n_targets=len(rows), n_jurisdictions=int(rows["jurisdiction"].nunique()), status_counts=status_counts,
            levels=self._level_matrix(rows, ""), regions=regions, overview_charts=overview,
            documents=self._document_summaries(), departments=self._department_summaries(),
        )

    def _summary_counts(self, ids: pd.Series) -> list[tuple]:
        st = self.rows.loc[self.rows["target_id"].isin(set(ids)), "status"].value_counts()
        return [(s, int(st[s.code])) for s in vocab.STATUSES if s.code in st]

    def _document_summaries(self) -> list[dict]:
        src = self.data.target_sources
        return [d | {"n_targets": int(src.loc[src["document"] == d["id"], "target_id"].nunique()),
                     "n_measures": int((self.data.measures["document"] == d["id"]).sum()),
                     "counts": self._summary_counts(src.loc[src["document"] == d["id"], "target_id"])}
                for d in _records(self.data.policy_documents)]

    def _department_summaries(self) -> list[dict]:
        td = self.data.target_departments
        out = []
        for name, own in td.dropna(subset=["department"]).groupby("department", sort=True):
            targets = own.loc[own["owner_type"] == "target", "target_id"]
            out.append({"name": name, "slug": department_slug(name), "n_targets": int(targets.nunique()),
                        "n_measures": int((own["owner_type"] == "measure").sum()),
                        "n_lead": int((own["role"] == "lead").sum()), "counts": self._summary_counts(targets)})
        return out

    def jurisdiction_pages(self) -> list[Path]:
        written = []
        tree_records = {r["code"]: r for r in _records(self.tree.reset_index(drop=True))}
        for code in self.tree["code"]:
            file = self.tree.at[code, "file"]
            own = self.by_jurisdiction.get(code, [])
            children = [self._count_row(c, self._name(c, "zh"), self._name(c, "en"), self.subtree.get(c, {}),
                                        href=f"{self.tree.at[c, 'file']}.html",
                                        links=dict.fromkeys(self.subtree.get(c, {}), f"{self.tree.at[c, 'file']}.html"))
                        for c in sorted(self.children.get(code, []), key=lambda c: str(self.tree.at[c, "admin_code"]))]
            children = [c for c in children if c["total"]]
            if not own and not children:
                continue
            j = tree_records[code]
            level = self.strings.get(f"level_{j['level']}", {"zh": j["level"], "en": j["level"]})
            for part, pager in _pages(own, file):
                written.append(self._render(
                    "jurisdiction.html", self.root / "jurisdictions" / pager["names"][pager["page"] - 1],
                    root="../", page_title=f"{j['name_zh']} / {j['name_en']}", quality_link="../../quality/index.html",
                    j=j, level=level, crumbs=self._crumbs(code, "../"),
                    counts=self._status_counts(own),
                    children=children, targets=part, paging=pager, cells=self.row_cells,
                ))
        return written

    def status_lists(self) -> list[Path]:
        written = []
        rows = self.rows.sort_values(["level", "status", "top", "jurisdiction", "headline", "target_id"],
                                     ascending=[True, True, True, True, False, True])
        for (level, status), ids in rows.groupby(["level", "status"], sort=False)["target_id"]:
            records = [self.by_id[t] for t in ids]
            lab = self.strings[f"level_{level}"]
            for part, pager in _pages(records, f"{level}-{status}"):
                written.append(self._render(
                    "target_list.html", self.root / "lists" / pager["names"][pager["page"] - 1],
                    root="../", page_title=f"{lab['zh']} · {vocab.STATUS_BY_CODE[status].zh} / {lab['en']} · "
                    f"{vocab.STATUS_BY_CODE[status].en}", quality_link="../../quality/index.html",
                    level=lab, status=status, targets=part, paging=pager, cells=self.row_cells,
                ))
        return written

    def _aggregate(self, ids: pd.Series) -> dict:
        rows = self.rows[self.rows["target_id"].isin(set(ids))]
        return {"levels": self._level_matrix(rows, None), "regions": self._region_matrix(rows, "../")}

    def document_page(self, doc: dict) -> Path:
        mine = _in_document_order(self.data.target_sources, doc["id"])
        large = len(mine) > PAGE_ROWS
        targets = [] if large else [self.by_id[t] | {"clause": c, "quote": q} for t, c, q in
                                    zip(mine["target_id"], mine["clause"], mine["quote"], strict=True)
                                    if t in self.by_id]
        return self._render(
            "document.html", self.root / "documents" / f"{doc['id']}.html",
            root="../", page_title=f"{doc['title_zh']} / {doc['title_en']}", quality_link="../../quality/index.html",
            doc=doc, targets=targets, measures=_measure_rows(self.data.measures, doc["id"]),
            counts=self._summary_counts(mine["target_id"]), n_targets=len(mine),
            aggregate=self._aggregate(mine["target_id"]) if large else None,
        )

    def department_page(self, name: str) -> Path:
        td = self.data.target_departments
        own = td[td["department"] == name]
        owned = own[own["owner_type"] == "target"]
        large = owned["target_id"].nunique() > PAGE_ROWS
        role_rank = {r: i for i, r in enumerate(vocab.DEPARTMENT_ROLES)}
        targets = [] if large else sorted(
            (self.by_id[t] | {"role": role} for t, role in zip(owned["target_id"], owned["role"], strict=True)
             if t in self.by_id),
            key=lambda t: (role_rank.get(t["role"], 9), not t["headline"], t["status_rank"], t["target_id"]))
        measures_by_id = {m["id"]: m for m in _records(self.data.measures)}
        doc_labels = {d["id"]: {"id": d["id"], "label": d["number"] if not _empty(d.get("number")) else d["id"]}
                      for d in _records(self.data.policy_documents)}
        measures = [measures_by_id[m] | {"role": role, "doc": doc_labels.get(measures_by_id[m]["document"])}
                    for m, role in zip(own.loc[own["owner_type"] == "measure", "target_id"],
                                       own.loc[own["owner_type"] == "measure", "role"], strict=True)
                    if m in measures_by_id]
        return self._render(
            "department.html", self.root / "departments" / f"{department_slug(name)}.html",
            root="../", page_title=f"{name} · 责任部门 / Department", quality_link="../../quality/index.html",
            name=name, targets=targets, measures=measures, counts=self._summary_counts(owned["target_id"]),
            n_targets=int(owned["target_id"].nunique()),
            aggregate=self._aggregate(owned["target_id"]) if large else None,
        )

    def target_view(self) -> Path:
        checks = check_records(self.data.check_results)  # as on the per-target pages
        config = {
            "strings": self.strings,
            "statuses": [{"code": s.code, "zh": s.zh, "en": s.en, "colour": s.colour, "icon": s.icon,
                          "text_colour": s.text_colour, "meaning_en": s.meaning_en} for s in vocab.STATUSES],
            "units": {u.code: [u.zh, u.en] for u in vocab.UNITS},
            "charts": charts.client_config(),
            "trail": list(TRAIL_KEYS),
            "figure_fields": list(FIGURE_FIELDS),
            "documents": {d["id"]: {"label": d["number"] if not _empty(d.get("number")) else d["id"],
                                    "title_zh": d.get("title_zh"), "title_en": d.get("title_en"),
                                    "number": d.get("number"), "issuer_zh": d.get("issuer_zh"), "date": d.get("date")}
                          for d in _records(self.data.policy_documents)},
        }
        payload = json.dumps(_jsonable(config), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return self._render(
            "target_view.html", self.root / "targets" / "view.html", plotly=True,
            root="../", page_title="目标 / Target", quality_link="../../quality/index.html",
            config=Markup(payload.replace("<", "\\u003c")), checks=checks,
            check_counts={k: sum(c["result"] == k for c in checks) for k in ("passed", "warned", "failed")},
        )

    # --- data files ---

    def write_data(self) -> dict[str, int]:
        """data/_common.js (files, source texts, jurisdictions, indicators) and one data/<code>.js per jurisdiction
        with targets (their display fields, trail, per-year rows, sources, owners) and the figures they read.

        Built column by column (a per-row pandas conversion of 100,000 targets and 2 million figures takes minutes).
        """
        folder = self.root / "data"
        folder.mkdir(parents=True, exist_ok=True)
        data = self.data
        view = self.rows[["target_id", *VIEW_COLUMNS, *[k for k in TRAIL_KEYS if k not in VIEW_COLUMNS]]]
        cols = {c: _json_values(view[c], digits=6) for c in view.columns}
        n = len(view)

        # the series each target reads: its own, its reference's (relative targets) and its proxies'
        proxies: dict[str, list[str]] = {}
        if "proxy_of" in data.indicators:
            for code, of in zip(data.indicators["code"], data.indicators["proxy_of"], strict=True):
                if not _empty(of):
                    proxies.setdefault(of, []).append(code)
        obs = data.observations
        have = set(zip(obs["jurisdiction"], obs["indicator"], strict=True))
        own_s, ref_s, proxy_s = [None] * n, [None] * n, [None] * n
        for i, (j, ind, comp, ref) in enumerate(zip(cols["jurisdiction"], cols["indicator"], cols["comparator"],
                                                    cols["reference_jurisdiction"], strict=True)):
            if ind is None:
                continue
            own_s[i] = (j, ind)
            if comp == "relative_to_reference" and ref is not None:
                ref_s[i] = (ref, ind)
            proxy_s[i] = [(j, p) for p in proxies.get(ind, []) if (j, p) in have]
        needed = {k for k in own_s if k} | {k for k in ref_s if k} | {k for ks in proxy_s if ks for k in ks}

        # the figures of those series, converted once, one series after another in the order the page lists them
        keys = pd.Series(list(zip(obs["jurisdiction"], obs["indicator"], strict=True)), index=obs.index)
        fig = obs[keys.isin(needed).to_numpy()]
        rev = observation_revisions(fig.drop(columns=[c for c in ("n_values", "revised") if c in fig]))
        fig = fig.assign(n_values=fig["observation_id"].map(dict(zip(rev["observation_id"], rev["n_values"],
                                                                       strict=True))))
        sort_cols = [c for c in ("jurisdiction", "indicator", "year", "release_date", "source_file") if c in fig]
        fig = fig.sort_values(sort_cols, na_position="first", kind="stable")
        files = data.report_files.drop_duplicates("source_file").set_index("source_file")
        file_list = sorted(set(files.index.dropna()) | set(fig["source_file"].dropna()))
        file_idx = {f: i for i, f in enumerate(file_list)}
        file_rows = [[name, str(files["sha256"].get(name) or "")[:12] if "sha256" in files else "",
                      _display(files["release_date"].get(name)) if "release_date" in files else None]
                     for name in file_list]
        texts: dict[str, int] = {}
        series: dict[tuple, tuple[int, int]] = {}
        columns: list[list] = []
        for name in FIGURE_FIELDS:
            if name == "file":
                columns.append([file_idx.get(v) for v in fig["source_file"].tolist()])
            elif name in ("source_title", "source_ref") and name in fig:
                columns.append([None if v is None else texts.setdefault(str(v), len(texts))
                                for v in _json_values(fig[name])])
            elif name in fig:
                columns.append(_json_values(fig[name]))
            else:
                columns.append([None] * len(fig))
        # an id that is `<sha256[:12]>:<location>` (targetwatch.reports.normalise) and the period type `annual` are
        # left out (null): target-view.js puts them back
        fields = {name: i for i, name in enumerate(FIGURE_FIELDS)}
        ids, locs, fnos = columns[fields["observation_id"]], columns[fields["location"]], columns[fields["file"]]
        columns[fields["observation_id"]] = [
            None if fno is not None and oid == f"{file_rows[fno][1]}:{loc}" else oid
            for oid, loc, fno in zip(ids, locs, fnos, strict=True)]
        columns[fields["period_type"]] = [None if v == "annual" else v for v in columns[fields["period_type"]]]

        def figure_rows(first: int, last: int) -> list[list]:  # made per series (not all held at once)
            return [list(r) for r in zip(*(c[first:last] for c in columns), strict=True)]

        position = {}  # observation id -> its row number within its series
        for i, key in enumerate(zip(fig["jurisdiction"].tolist(), fig["indicator"].tolist(), strict=True)):
            first, _ = series.get(key, (i, i))
            series[key] = (first, i + 1)
            position[ids[i]] = i - first

        # per-year rows of each target
        yrs = data.assessment_years.sort_values(["target_id", "year"], kind="stable")
        year_cols = {"year": "y", "value": "v", "reference_value": "r", "metric": "m", "met": "met",
                     "in_plan": "p", "observation_id": "o", "reference_observation_id": "ro"}
        ycols = {short: _json_values(yrs[c]) for c, short in year_cols.items() if c in yrs}
        for short in ("o", "ro"):  # the figure used, as its row number in the target's (reference) series
            if short in ycols:
                ycols[short] = [position.get(v) for v in ycols[short]]
        years_of: dict[str, tuple[int, int]] = {}
        for i, tid in enumerate(yrs["target_id"].tolist()):
            first, _ = years_of.get(tid, (i, i))
            years_of[tid] = (first, i + 1)

        sources_of: dict[str, list] = {}
        src = data.target_sources.sort_values(["target_id", "source_order"], kind="stable")
        for tid, doc, clause, quote in zip(src["target_id"], src["document"], src["clause"], src["quote"],
                                           strict=True):
            sources_of.setdefault(tid, []).append([doc, clause, quote])
        owners_of: dict[str, list] = {}
        owners = data.target_departments
        owners = owners[owners["owner_type"] == "target"]
        slugs = {d: department_slug(d) for d in set(owners["department"].dropna())}
        for tid, dept, role in zip(owners["target_id"], owners["department"], owners["role"], strict=True):
            owners_of.setdefault(tid, []).append([dept, None if _empty(role) else role, slugs.get(dept)])

        by_jurisdiction: dict[str, list[int]] = {}
        for i, j in enumerate(cols["jurisdiction"]):
            by_jurisdiction.setdefault(j, []).append(i)
        shown = [c for c in VIEW_COLUMNS if c not in ("jurisdiction", "reference_jurisdiction")]
        sizes = {"data_files": 0, "data_bytes": 0}
        for code, members in by_jurisdiction.items():
            targets: dict[str, dict] = {}
            wanted: dict[tuple, None] = {}
            for i in members:
                tid = cols["target_id"][i]
                r = {c: cols[c][i] for c in shown}
                r["jurisdiction"] = code
                trail = [cols[k][i] if k in cols else None for k in TRAIL_KEYS]  # in TRAIL_KEYS order
                while trail and trail[-1] is None:
                    trail.pop()
                r["trail"] = trail
                s, e = years_of.get(tid, (0, 0))
                r["years"] = {k: v[s:e] for k, v in ycols.items() if any(x is not None for x in v[s:e])}
                if r["years"].get("m") == r["years"].get("v"):
                    r["years"].pop("m", None)  # the metric is the value itself (not a relative target)
                r["sources"] = sources_of.get(tid)
                r["departments"] = owners_of.get(tid)
                if own_s[i]:
                    r["series"] = "|".join(own_s[i])
                    wanted[own_s[i]] = None
                if ref_s[i]:
                    r["reference_series"] = "|".join(ref_s[i])
                    wanted[ref_s[i]] = None
                if proxy_s[i]:
                    r["proxy_series"] = ["|".join(k) for k in proxy_s[i]]
                    wanted |= dict.fromkeys(proxy_s[i])
                targets[tid] = {k: v for k, v in r.items() if v is not None and v != [] and v != {}}
            payload = {"jurisdiction": code, "targets": targets,
                       "series": {"|".join(k): figure_rows(*series[k]) for k in wanted if k in series}}
            sizes["data_bytes"] += _dump_js(folder / f"{page_name(code)}.js", "twTargets", payload)
            sizes["data_files"] += 1
        ind = data.indicators.set_index("code")
        tree = self.tree
        common = {
            "files": file_rows,
            "texts": list(texts),
            "jurisdictions": {c: [zh, en, f, p if isinstance(p, str) else None] for c, zh, en, f, p in
                              zip(tree["code"], tree["name_zh"], tree["name_en"], tree["file"], tree["parent"],
                                  strict=True)},
            "indicators": {c: [ind.at[c, "name_zh"], ind.at[c, "name_en"],
                               None if "proxy_note" not in ind or _empty(ind.at[c, "proxy_note"])
                               else ind.at[c, "proxy_note"]] for c in ind.index},
        }
        sizes["data_bytes"] += _dump_js(folder / "_common.js", "twCommon", common)
        return sizes


def build_dashboards(data: SiteData, site: Path, lang: str = "zh", *, large: bool | None = None) -> list[Path]:
    """Write the dashboards site under `site` (overview, target, document and department pages); return the pages.

    `large` chooses the layout: None (the default) takes the large layout when the catalogue has more than
    `LARGE_SITE_TARGETS` targets (see the module docstring), True or False forces one.
    """
    site.mkdir(parents=True, exist_ok=True)
    lang = "en" if str(lang).lower().startswith("en") else "zh"
    if large is None:
        large = len(data.targets) > LARGE_SITE_TARGETS
    _copy_static(site, with_plotly=True, large=large)
    if large:
        return _LargeSite(data, site, lang).build()
    from targetwatch.workbook import build_gap_workbook  # the workbook reads target_rows from this module

    build_gap_workbook(data, site / WORKBOOK_FILE, lang)  # linked from the overview, for staff who work in Excel
    s = _Site(data, site, lang)
    pages = [s.index()]
    pages += [s.target_page(r) for r in s.records]
    pages += [s.document_page(d) for d in _records(data.policy_documents)]
    pages += [s.department_page(n) for n in sorted(set(data.target_departments["department"].dropna()))]
    return pages
