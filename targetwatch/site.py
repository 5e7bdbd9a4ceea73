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
    plotly.min.js, static/        shipped once
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
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

    def t(key: str) -> Markup:
        return bi(strings[key]["zh"], strings[key]["en"])

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


def _copy_static(site: Path, with_plotly: bool) -> None:
    shutil.copytree(DASHBOARD_DIR / "static", site / "static", dirs_exist_ok=True)
    if with_plotly:
        from plotly.offline import get_plotlyjs

        (site / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")


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
        checks = self.data.check_results.copy()
        if not len(checks):
            return []
        ok = checks["success"].map(lambda v: bool(v) if not _empty(v) else False)
        checks["result"] = ["passed" if s else ("failed" if sev == "error" else "warned")
                            for s, sev in zip(ok, checks["severity"], strict=True)]
        checks["result_rank"] = checks["result"].map({"failed": 0, "warned": 1, "passed": 2})
        return _records(checks.sort_values(["result_rank", "check_name"], kind="stable"))

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
            quality_link="../quality/index.html",
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
        src = self.data.target_sources
        mine = src[src["document"] == doc["id"]].copy()
        mine["char_start"] = pd.to_numeric(mine["char_start"], errors="coerce")
        mine = mine.sort_values(["char_start", "source_order", "target_id"], na_position="last")
        mine = mine.drop_duplicates("target_id")
        targets = [self.by_id[t] | {"clause": c, "quote": q} for t, c, q in
                   zip(mine["target_id"], mine["clause"], mine["quote"], strict=True) if t in self.by_id]
        measures = self.data.measures[self.data.measures["document"] == doc["id"]]
        measure_rows = [m | {"department_list": [d for d in str(m.get("departments") or "").split("、") if d]}
                        for m in _records(measures)]
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


def build_dashboards(data: SiteData, site: Path, lang: str = "zh") -> list[Path]:
    """Write the dashboards site under `site` (overview, target, document and department pages); return the pages."""
    site.mkdir(parents=True, exist_ok=True)
    _copy_static(site, with_plotly=True)
    s = _Site(data, site, "en" if str(lang).lower().startswith("en") else "zh")
    pages = [s.index()]
    pages += [s.target_page(r) for r in s.records]
    pages += [s.document_page(d) for d in _records(data.policy_documents)]
    pages += [s.department_page(n) for n in sorted(set(data.target_departments["department"].dropna()))]
    return pages


def build_quality_report(data: SiteData, site: Path, lang: str = "zh") -> Path:
    """The auditors' page: files with checksums, every check, every quarantined row, coverage."""
    env = _env()
    site.mkdir(parents=True, exist_ok=True)
    _copy_static(site, with_plotly=False)
    rows = target_rows(data).sort_values("target_id")
    page = env.get_template("quality.html").render(
        lang=lang,
        as_of=data.as_of,
        synthetic_files=data.synthetic_files,
        plotly=False,
        root="",
        page_title="数据质量报告 / Data-quality report",
        home_link="../dashboards/index.html",
        quality_link="index.html",
        dashboards_link="../dashboards/index.html",
        run_id=data.run_id,
        code_version=data.code_version,
        files=_records(data.report_files),
        checks=_records(data.check_results),
        rejected=_records(data.rejected_rows),
        coverage=_records(rows),
    )
    path = site / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
