"""The small dashboards layout: a page per target, document and department, for catalogues of up to
`LARGE_SITE_TARGETS` targets (targetwatch.render.dashboards chooses the layout).

    index.html                    overview: status counts by jurisdiction, every target, documents, departments
    targets/<target_id>.html      one target: gap charts, source quotes, figures with files and revisions, checks
    documents/<document_id>.html  one policy document: its targets in document order, its measures
    departments/<slug>.html       one department: the targets and measures it owns (slug: `department_slug`)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from targetwatch import charts, vocab
from targetwatch.assessment import evidence_shares
from targetwatch.render.brief import brief_file
from targetwatch.render.large_site import page_name
from targetwatch.render.page import (
    chart_html,
    department_slug,
    display_records,
    display_value,
    group_records,
    is_empty,
    load_strings,
    page_environment,
)
from targetwatch.render.rows import (
    TRAIL_KEYS,
    in_document_order,
    measure_rows,
    present_status_counts,
    target_rows,
)
from targetwatch.render.site_data import SiteData, check_records, observation_revisions
from targetwatch.render.workbook import WORKBOOK_FILE

# A target page lists at most this many figures (those used first, then the others in order, as many as fit);
# its lineage page in the quality report, and the CSV beside it, give every one.
TARGET_FIGURE_LIMIT = 500


def grade_shares(assessments: pd.DataFrame) -> dict[str, list[dict]]:
    """Per jurisdiction: each evidence grade (vocab order) with its count and whole-percent share of the
    quantitative statuses (targetwatch.assessment.evidence_shares), for the overview."""
    if "evidence_grade" not in assessments:
        return {}
    shares = evidence_shares(assessments)
    return {r["jurisdiction"]: [{"grade": g, "n": int(r[f"n_{g.code}"]), "pct": round(100 * r[f"share_{g.code}"])}
                                for g in vocab.EVIDENCE_GRADES]
            for r in shares.to_dict("records") if r["n"]}

class SmallSite:
    """Builds the pages of one dashboards site from one SiteData."""

    def __init__(self, data: SiteData, root: Path, lang: str, rows: pd.DataFrame | None = None) -> None:
        """`rows`: target_rows(data) when the caller has made them (copied here, not changed)."""
        self.data, self.root = data, root
        self.env = page_environment()
        self.strings = load_strings()
        self.rows = target_rows(data) if rows is None else rows.copy()
        self.rows["href"] = "targets/" + self.rows["target_id"] + ".html"
        self.records = display_records(self.rows)  # converted once: every page picks its rows from these
        self.by_id = {r["target_id"]: r for r in self.records}
        self.common = data.page_common(lang)
        self.jur = data.jurisdictions.set_index("code")
        self.ind = data.indicators.set_index("code")
        obs = data.observations.merge(observation_revisions(data.observations), on="observation_id", how="left")
        files = data.report_files[["source_file", "release_date", "release_date_basis"]].rename(
            columns={"release_date": "file_release_date", "release_date_basis": "file_release_basis"})
        self.obs = obs.merge(files, on="source_file", how="left")
        self.obs_by_series = {k: g for k, g in self.obs.groupby(["jurisdiction", "indicator"], sort=False)}
        self.years_by_target = {k: g for k, g in data.assessment_years.groupby("target_id", sort=False)}
        self.doc_labels = {
            d["id"]: {"id": d["id"], "label": d["number"] if not is_empty(d.get("number")) else d["id"],
                      "title_zh": d["title_zh"], "title_en": d["title_en"]}
            for d in display_records(data.policy_documents)
        }
        self.checks = self._checks()
        sources = data.target_sources.sort_values("source_order").merge(
            data.policy_documents[["id", "title_zh", "title_en", "number", "issuer_zh", "date"]],
            left_on="document", right_on="id", how="left")
        self.sources_by_target = group_records(sources, "target_id")
        owners = data.target_departments
        self.owners_by_target = group_records(owners[owners["owner_type"] == "target"], "target_id")
        self.owned_by_department = group_records(owners, "department")
        self.measures_by_id = {m["id"]: m for m in display_records(data.measures)}
        self.check_counts = {k: sum(c["result"] == k for c in self.checks) for k in ("passed", "warned", "failed")}
        owed = data.data_owed[data.data_owed["state"] == "owed"] if "state" in data.data_owed else data.data_owed
        self.owed_by_target = group_records(owed.assign(anchor=owed["department"].map(department_slug)), "target_id")

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
        if is_empty(r.get("indicator")) or "proxy_of" not in self.ind:
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
        shares = grade_shares(self.data.assessments)
        for code in jur_order:
            sub = rows[rows["jurisdiction"] == code]
            matrix.append({
                "code": code,
                "name_zh": sub["jurisdiction_zh"].iloc[0],
                "name_en": sub["jurisdiction_en"].iloc[0],
                "counts": {s.code: int((sub["status"] == s.code).sum()) for s in vocab.STATUSES},
                "total": len(sub),
                "brief": brief_file(page_name(code)),
                "grades": shares.get(code, []),
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
        for d in display_records(self.data.policy_documents):
            ids = list(dict.fromkeys(src.loc[src["document"] == d["id"], "target_id"]))
            statuses = [status_of[i] for i in ids if i in status_of]
            out.append(d | {
                "n_targets": len(ids),
                "n_measures": int((self.data.measures["document"] == d["id"]).sum()),
                "counts": present_status_counts(statuses),
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
                "counts": present_status_counts(statuses),
            })
        return out

    def target_page(self, r: dict) -> Path:
        tid = r["target_id"]
        years = self.years_by_target.get(tid, self.data.assessment_years.iloc[0:0])
        # a target judged against a reference jurisdiction's figures (vocab.REFERENCE_COMPARATORS) lists them and
        # marks those it used; a relative target's charts also draw them as a line
        referenced = r.get("comparator") in vocab.REFERENCE_COMPARATORS
        own = self._series(r["jurisdiction"], r.get("indicator"))
        reference = None
        parts = [own]
        if referenced and not is_empty(r.get("reference_jurisdiction")):
            ref_obs = self._series(r["reference_jurisdiction"], r.get("indicator"))
            if "period_type" in ref_obs:
                ref_obs = ref_obs[ref_obs["period_type"].fillna("annual") == "annual"]
            parts.append(ref_obs)
            if r.get("comparator") == "relative_to_reference":
                reference = charts.reference_series(years, ref_obs)
        proxies = self._proxies(r)
        chart_sets = [{"title": c["title"], "charts": [chart_html(c["specs"][lg], f"{c['id']}-{lg}", lg)
                                                       for lg in ("zh", "en")]}
                      for c in charts.target_charts(r, years, reference, proxies)]

        # the figures its per-year rows used: each year's, and a growth target's year before (data_files.YEAR_KEYS)
        used_cols = vocab.USED_OWN_COLUMNS + (vocab.USED_REFERENCE_COLUMNS if referenced else ())
        used_ids = {v for c in used_cols if c in years for v in years[c].dropna()} if len(years) else set()
        figures = pd.concat([p for p in parts if len(p)]) if any(len(p) for p in parts) else self.obs.iloc[0:0]
        figures = figures.assign(
            used=figures["observation_id"].isin(used_ids),
            jurisdiction_zh=figures["jurisdiction"].map(self.jur["name_zh"]),
            jurisdiction_en=figures["jurisdiction"].map(self.jur["name_en"]),
            is_reference=figures["jurisdiction"] != r["jurisdiction"],
        ).sort_values(["is_reference", "year", "release_date", "source_file"], na_position="first")

        figures_total = len(figures)
        revised = bool(figures_total and figures["revised"].fillna(False).any())
        if figures_total > TARGET_FIGURE_LIMIT:  # the figures used, then the others in order, up to the limit
            others = ~figures["used"]
            figures = figures[figures["used"] | (others & (others.cumsum() <= TARGET_FIGURE_LIMIT
                                                            - int(figures["used"].sum())))]
        trail = [(k, display_value(r.get(k))) for k in TRAIL_KEYS if not is_empty(r.get(k))]
        return self._render(
            "target.html", self.root / "targets" / f"{tid}.html", plotly=bool(chart_sets),
            root="../", page_title=f"{r['name_zh']} / {r['name_en']}",
            quality_link=f"../../quality/index.html#t-{tid}",
            r=r, referenced=referenced, chart_sets=chart_sets, sources=self.sources_by_target.get(tid, []),
            observations=display_records(figures), figures_total=figures_total,
            proxies=display_records(proxies) if len(proxies) else [],
            checks=self.checks, check_counts=self.check_counts, trail=trail,
            departments=self.owners_by_target.get(tid, []), documents=self._doc_links(r["documents"]),
            revised=revised,
            owed=self.owed_by_target.get(tid, []),  # figures the data call asks for (targetwatch.data_call)
        )

    def document_page(self, doc: dict) -> Path:
        mine = in_document_order(self.data.target_sources, doc["id"])
        targets = [self.by_id[t] | {"clause": c, "quote": q} for t, c, q in
                   zip(mine["target_id"], mine["clause"], mine["quote"], strict=True) if t in self.by_id]
        measures = measure_rows(self.data.measures, doc["id"])
        return self._render(
            "document.html", self.root / "documents" / f"{doc['id']}.html",
            root="../", page_title=f"{doc['title_zh']} / {doc['title_en']}",
            quality_link="../../quality/index.html",
            doc=doc, targets=targets, measures=measures,
            counts=present_status_counts(t["status"] for t in targets),
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
            counts=present_status_counts(t["status"] for t in targets),
        )
