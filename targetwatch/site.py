"""Static sites from the warehouse: the leaders' gap dashboards and the auditors' quality report.

Everything is read from the warehouse tables (so what is shown is what is stored), rendered with the
Jinja templates in dashboards/, and works from file:// with no network: plotly.js is written once at
the site root and every page links to it.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pandas as pd
import plotly.io as pio
import yaml
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from targetwatch import charts, vocab
from targetwatch.config import PROJECT_DIR

DASHBOARD_DIR = PROJECT_DIR / "dashboards"
STATUS_RANK = {s.code: i for i, s in enumerate(vocab.STATUSES)}


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

    @classmethod
    def from_warehouse(cls, con, run_id: str = "", code_version: str = "") -> SiteData:
        tables = {
            name: con.execute(f'SELECT * FROM "{name}"').df()
            for name in (
                "targets",
                "target_sources",
                "assessments",
                "assessment_years",
                "observations",
                "indicators",
                "jurisdictions",
                "policy_documents",
                "report_files",
                "rejected_rows",
                "check_results",
            )
        }
        as_of = str(tables["assessments"]["as_of"].iloc[0])[:10] if len(tables["assessments"]) else ""
        return cls(**tables, as_of=as_of, run_id=run_id, code_version=code_version)

    @property
    def synthetic_files(self) -> list[str]:
        if "synthetic" not in self.report_files:
            return []
        return sorted(self.report_files.loc[self.report_files["synthetic"].fillna(False).astype(bool), "source_file"])


def _strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((DASHBOARD_DIR / "strings.yaml").read_text(encoding="utf-8"))


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(DASHBOARD_DIR / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
    )
    strings = _strings()

    def bi(zh: object, en: object) -> Markup:
        return Markup(f'<span class="zh">{html.escape(str(zh))}</span><span class="en">{html.escape(str(en))}</span>')

    env.globals["t"] = lambda key: bi(strings[key]["zh"], strings[key]["en"])
    env.globals["bi"] = bi
    return env


def _copy_static(site: Path, with_plotly: bool) -> None:
    shutil.copytree(DASHBOARD_DIR / "static", site / "static", dirs_exist_ok=True)
    if with_plotly:
        (site / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")


def _fig_html(fig, div_id: str) -> str:
    return pio.to_html(
        fig, include_plotlyjs=False, full_html=False, div_id=div_id, config={"displaylogo": False, "responsive": True}
    )


def _none(v):
    """Display value: missing -> None, timestamps -> dates, floats -> 4 significant digits."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, float) and not v.is_integer():
        return float(f"{v:.6g}")
    return v


def target_rows(data: SiteData) -> pd.DataFrame:
    """One display row per target: names, status labels, formatted numbers (both languages)."""
    a = data.assessments.drop(columns=["jurisdiction", "indicator", "kind", "headline"], errors="ignore")
    df = data.targets.merge(a, on="target_id", how="left", suffixes=("", "_a"))
    jur = data.jurisdictions.set_index("code")
    df["jurisdiction_zh"] = df["jurisdiction"].map(jur["name_zh"])
    df["jurisdiction_en"] = df["jurisdiction"].map(jur["name_en"])
    status = df["status"].map(vocab.STATUS_BY_CODE)
    df["status_zh"] = status.map(lambda s: s.zh)
    df["status_en"] = status.map(lambda s: s.en)
    df["status_colour"] = status.map(lambda s: s.colour)
    df["status_rank"] = df["status"].map(STATUS_RANK)
    pp = df["comparator"] == "relative_to_reference"
    for col, out in (("latest_value", "latest"), ("latest_goal", "goal"), ("latest_gap", "gap")):
        for lang in ("zh", "en"):
            df[f"{out}_{lang}"] = df[col].map(lambda v, lg=lang: charts.format_number(_none(v), lg))
        df[f"{out}_sort"] = df[col].fillna(-1e18)
    for lang in ("zh", "en"):
        df.loc[pp, f"gap_{lang}"] = df.loc[pp, f"gap_{lang}"] + " pp"
    df["latest_value_sort"] = df["latest_value"].fillna(-1e18)
    df["attainment_pct"] = (df["latest_attainment"] * 100).round(0).astype("Int64")
    df["attainment_sort"] = df["latest_attainment"].fillna(-1)
    df["latest_year"] = df["latest_year"].astype("Int64")
    df["deadline"] = df["deadline"].astype("Int64")
    df["departments"] = df["departments"].fillna("").map(lambda s: [d for d in s.split("、") if d])
    df["documents"] = df["documents"].fillna("").map(lambda s: [d for d in s.split("|") if d])
    df = df.sort_values(["headline", "jurisdiction", "status_rank", "target_id"], ascending=[False, True, True, True])
    return df


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _none(v) for k, v in r.items()} for r in df.to_dict("records")]


def build_dashboards(data: SiteData, site: Path, lang: str = "zh") -> list[Path]:
    """Write index.html and one page per target under `site`; return the pages written."""
    env = _env()
    site.mkdir(parents=True, exist_ok=True)
    (site / "targets").mkdir(exist_ok=True)
    _copy_static(site, with_plotly=True)
    rows = target_rows(data)
    common = {"lang": lang, "as_of": data.as_of, "synthetic_files": data.synthetic_files, "plotly": True}
    pages = []

    counts = rows.groupby(["jurisdiction_zh", "jurisdiction_en", "status"]).size().reset_index(name="n")
    overview = []
    for lg in ("zh", "en"):
        c = counts.assign(jurisdiction_name=counts[f"jurisdiction_{lg}"])
        fig = charts.status_overview(c, lg, "各地区目标状态" if lg == "zh" else "Targets by status and jurisdiction")
        overview.append({"lang": lg, "html": Markup(_fig_html(fig, f"overview-{lg}"))})
    status_counts = [
        {"code": s.code, "zh": s.zh, "en": s.en, "colour": s.colour, "n": int((rows["status"] == s.code).sum())}
        for s in vocab.STATUSES
    ]
    docs = data.policy_documents.set_index("id")
    filters = [
        {
            "key": "jurisdiction",
            "options": [
                {"value": c, "label": n} for c, n in rows[["jurisdiction", "jurisdiction_zh"]].drop_duplicates().values
            ],
        },
        {
            "key": "document",
            "options": [
                {"value": d, "label": f"{d} {docs.loc[d, 'title_zh'][:16]}…"}
                for d in sorted({d for ds in rows["documents"] for d in ds})
            ],
        },
        {
            "key": "status",
            "options": [
                {"value": s.code, "label": f"{s.zh} / {s.en}"}
                for s in vocab.STATUSES
                if (rows["status"] == s.code).any()
            ],
        },
        {"key": "kind", "options": [{"value": k, "label": k} for k in vocab.KINDS if (rows["kind"] == k).any()]},
        {
            "key": "departments",
            "options": [{"value": d, "label": d} for d in sorted({d for ds in rows["departments"] for d in ds})],
        },
    ]
    index = env.get_template("index.html").render(
        **common,
        root="",
        home="",
        plotly_root="",
        page_title="政策目标监测 · 总览 / Overview",
        quality_link="../quality/index.html",
        rows=_records(rows),
        status_counts=status_counts,
        overview_charts=overview,
        filters=filters,
    )
    (site / "index.html").write_text(index, encoding="utf-8")
    pages.append(site / "index.html")

    years = data.assessment_years
    obs = data.observations
    ind = data.indicators.set_index("code")
    sources = data.target_sources.merge(
        data.policy_documents[["id", "title_zh", "number"]], left_on="document", right_on="id", how="left"
    )
    template = env.get_template("target.html")
    for r in _records(rows):
        tid = r["target_id"]
        series = years[years["target_id"] == tid]
        ref = None
        if r["comparator"] == "relative_to_reference":
            ref = series[["year", "reference_value"]].rename(columns={"reference_value": "value"}).sort_values("year")
        proxies = pd.DataFrame()
        if r["indicator"]:
            proxy_codes = list(ind.index[ind["proxy_of"] == r["indicator"]])
            proxies = obs[(obs["jurisdiction"] == r["jurisdiction"]) & obs["indicator"].isin(proxy_codes)].copy()
            proxies["indicator_name"] = proxies["indicator"].map(ind["name_zh"])
            proxies["proxy_note"] = proxies["indicator"].map(ind["proxy_note"])
        chart_html = []
        if len(series):
            unit = ind.loc[r["indicator"], "unit"] if r["indicator"] in ind.index else ""
            for lg in ("zh", "en"):
                fig = charts.gap_chart(
                    pd.Series(r),
                    series,
                    ref,
                    proxies if len(proxies) else None,
                    lg,
                    r[f"name_{lg}"],
                    vocab.UNIT_BY_CODE[unit].zh
                    if lg == "zh" and unit
                    else (vocab.UNIT_BY_CODE[unit].en if unit else ""),
                )
                chart_html.append({"lang": lg, "html": Markup(_fig_html(fig, f"gap-{lg}"))})
        used = obs[(obs["jurisdiction"] == r["jurisdiction"]) & (obs["indicator"] == r["indicator"])].sort_values(
            ["year", "source_file"]
        )
        trail_keys = [
            "as_of",
            "comparator",
            "target_value_stated",
            "goal_at_deadline",
            "deadline",
            "base_year",
            "base_value",
            "base_basis",
            "growth_model",
            "actual_rate",
            "required_rate",
            "pace_ratio",
            "covered_share",
            "elapsed_share",
            "projection_year",
            "projection_linear",
            "projection_compound",
            "latest_observation_id",
            "latest_release_date",
            "n_points",
            "years_spanned",
            "has_revisions",
        ]
        trail = [(k, r.get(k)) for k in trail_keys if r.get(k) is not None]
        page = template.render(
            **common,
            root="../",
            home="../",
            plotly_root="../",
            page_title=f"{r['name_zh']} / {r['name_en']}",
            quality_link=f"../../quality/index.html#t-{tid}",
            r=r,
            charts=chart_html,
            sources=_records(
                sources[sources["target_id"] == tid].sort_values("source_order").rename(columns={"title_zh": "title"})
            ),
            observations=_records(used),
            proxies=_records(proxies) if len(proxies) else [],
            trail=trail,
        )
        path = site / "targets" / f"{tid}.html"
        path.write_text(page, encoding="utf-8")
        pages.append(path)
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
        home="../dashboards/",
        plotly_root="",
        page_title="数据质量报告 / Data-quality report",
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
