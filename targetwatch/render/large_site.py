"""The large dashboards layout, for catalogues of more than `LARGE_SITE_TARGETS` targets (every province,
prefecture and county), so that the build stays bounded in time and size (docs/scaling.md has the figures):

    index.html                    overview: status counts by level and by region (province), with links
    jurisdictions/<code>[-pN].html one jurisdiction: its sub-jurisdictions' counts, its own targets (paginated)
    lists/<level>-<status>[-pN].html the targets of one level with one status (paginated)
    targets/view.html             the one target page: renders any target client-side from its jurisdiction's
                                  data file (`view.html#j=<code>&t=<target_id>`; works from file://)
    data/<code>.js, data/_common.js  per-jurisdiction target, per-year and figure data loaded by <script src>
    documents/, departments/      as in the small layout; a document or department with many targets shows
                                  counts by level and region instead of every row
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from targetwatch import charts, vocab
from targetwatch.render import data_files, fork_pair
from targetwatch.render.brief import brief_file
from targetwatch.render.page import (
    chart_html,
    department_slug,
    display_records,
    is_empty,
    jsonable,
    load_strings,
    page_environment,
)
from targetwatch.render.row_html import TargetTableRows
from targetwatch.render.rows import (
    TRAIL_KEYS,
    in_document_order,
    measure_rows,
    present_status_counts,
    target_rows,
)
from targetwatch.render.site_data import SiteData, check_records

PAGE_ROWS = 500  # rows per page of a long target list
DATA_BATCH_TARGETS = 5_000  # targets whose data-file columns are converted together (data_files.jurisdiction_batches)
# The share of the data files' batches (the last ones) that the forked process may write once its pages are written
# (LargeSite.build), their figures read before the fork. At national scale its pages and briefs cost about as much
# as a third of the batches, so an even split gives it about a fifth of them; the rest of the share is room for a
# process slowed by other work on the machine. Each batch read ahead is held until it is written (about 10 MB).
FORKED_BATCHES = 0.4
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
# What the large layout reads of a table when it is not every column (SiteData.from_warehouse `only`): the columns
# its pages, data files, charts (charts.TARGET_FIELDS), briefs (brief.BRIEF_COLUMNS) and target rows
# (rows.target_rows, TRAIL_KEYS) read, and no other. Per-year rows: 11 of 39 columns (about 800 MB less at national
# scale); assessments: 60 of 99 (no deadline_*, late_*, decisive_* but the year, ...); targets: 20 of 28 (no notes,
# the department and document lists, which come from their own tables); data_owed: 11 of 24 (no quote, document,
# indicator or unit names: the data-owed page and the briefs show none of them); observations: the figure fields a data
# file holds (FIGURE_FIELDS) and the series and period they belong to, 14 of 27 (no checksum, sheet, row, notes …).
LARGE_LAYOUT_READS: dict[str, tuple[str, ...]] = {
    "observations": ("observation_id", "jurisdiction", "indicator", "year", "value", "value_as_written",
                     "unit_as_written", "period_type", "release_date", "confidence", "source_file", "location",
                     "source_title", "source_ref"),
    "assessment_years": ("target_id", "year", "value", "reference_value", *vocab.USED_COLUMNS, "metric", "in_plan",
                         "met"),
    "assessments": (
        "target_id", "jurisdiction", "indicator", "kind", "headline", "comparator", "per_year", "deadline", "unit",
        "target_value_stated", "value_high", "tolerance", "multiple", "reference_jurisdiction", "plan_start",
        "monotone", "base_year", "base_value", "base_basis", "n_points", "years_spanned", "latest_year",
        "latest_value", "latest_metric", "latest_goal", "latest_gap", "latest_gap_to_band", "latest_attainment",
        "latest_reference_value", "latest_observation_id", "latest_release_date", "plan_years_with_data",
        "plan_years_met", "plan_cumulative", "has_revisions", "goal_at_deadline", "trend_from_year",
        "monotone_contradicted", "growth_model", "actual_rate", "required_rate", "pace_ratio", "covered_share",
        "elapsed_share", "projection_year", "projection_linear", "projection_compound", "expected_now", "evidence",
        "gap_trend", "deadline_inferred_from", "status", "reason_code", "decisive_year", "evidence_basis",
        "evidence_grade", "projection_used", "reason_zh", "reason_en", "as_of"),
    "targets": ("target_id", "jurisdiction", "indicator", "kind", "comparator", "value_high", "tolerance", "multiple",
                "reference_jurisdiction", "deadline", "per_year", "plan_start", "direction", "unit", "headline",
                "monotone", "reference_name_zh", "reference_name_en", "name_zh", "name_en"),
    "data_owed": ("department", "department_named", "owner_basis", "target_id", "jurisdiction", "year", "target_zh",
                  "target_en", "state", "due", "overdue"),
}
# What the pages after the data files read of the target rows (counts by level, region, province and status; the
# status lists' order): LargeSite.build keeps these columns alone once the data files are written.
LATER_COLUMNS: tuple[str, ...] = ("target_id", "jurisdiction", "status", "level", "top", "region", "headline",
                                  "evidence_grade")
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


class LargeSite:
    """The large layout: counts by level and region on the overview, one page per jurisdiction, paginated status
    lists, and one target page that renders any target from its jurisdiction's data file (no page per target)."""

    def __init__(self, data: SiteData, root: Path, lang: str, rows: pd.DataFrame | None = None) -> None:
        """`rows`: target_rows(data) when the caller has made them (copied here, not changed)."""
        self.data, self.root = data, root
        self.env = page_environment()
        self.strings = load_strings()
        self.common = data.page_common(lang)
        known = data.jurisdictions
        missing = sorted(set(data.targets["jurisdiction"].dropna()) - set(known["code"]))
        if missing:  # a target's jurisdiction the table lacks still gets a page
            known = pd.concat([known, pd.DataFrame({"code": missing, "name_zh": missing, "name_en": missing})])
        self.tree = jurisdiction_tree(known)
        self.ancestors = _ancestors(self.tree)
        # its own columns are added to a shallow copy: the caller's frame is not changed, and its data not copied
        rows = target_rows(data) if rows is None else rows.copy(deep=False)
        jur = rows["jurisdiction"]
        rows["level"] = jur.map(self.tree["level"])
        rows["top"] = jur.map(self.tree["province"]).fillna(jur)  # its province, else itself
        rows["region"] = jur.map(self.tree["region"])
        rows["href"] = ("targets/view.html#j=" + jur.map(self.tree["file"]) + "&t="
                        + rows["target_id"].map(lambda t: urllib.parse.quote(str(t), safe="")))
        self.rows = rows
        # each target's row cells, made once for every list that shows it (pages in subfolders: root "../")
        self.row_cells = TargetTableRows(self.env, "../")
        self.children: dict[str, list[str]] = {}
        for code, parent in zip(self.tree["code"], self.tree["parent"], strict=True):
            if isinstance(parent, str):
                self.children.setdefault(parent, []).append(code)

    # the pages' own views of the rows, made when a page first needs them: in the process that writes the pages
    # (LargeSite.build), not in the one that writes data files beside it, which would hold a copy it never reads

    @functools.cached_property
    def records(self) -> list[dict]:
        """Every target's list row (LIST_COLUMNS) as a dict, in the rows' order."""
        return display_records(self.rows[list(LIST_COLUMNS)])

    @functools.cached_property
    def by_id(self) -> dict[str, dict]:
        return {r["target_id"]: r for r in self.records}

    @functools.cached_property
    def by_jurisdiction(self) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for r in self.records:
            out.setdefault(r["jurisdiction"], []).append(r)
        return out

    @functools.cached_property
    def subtree(self) -> dict[str, dict[str, int]]:
        """Status counts of every jurisdiction's whole subtree (itself and everything below it)."""
        status = self.rows[["jurisdiction", "status"]].copy()
        status["node"] = status["jurisdiction"].map(self.ancestors)
        sub = status.explode("node").groupby(["node", "status"]).size()
        out: dict[str, dict[str, int]] = {}
        for (node, st), n in sub.items():
            out.setdefault(node, {})[st] = int(n)
        return out

    # --- helpers ---

    def _render(self, template: str, path: Path, *, plotly: bool = False, **context: Any) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        page = self.env.get_template(template).render(**(self.common | {"plotly": plotly}), **context)
        path.write_text(page, encoding="utf-8")
        return path

    def _name(self, code: str, lang: str) -> str:
        return str(self.tree.at[code, f"name_{lang}"]) if code in self.tree.index else str(code)

    def _count_row(self, key: str, name_zh: str, name_en: str, counts: dict[str, int], href: str | None = None,
                   links: dict[str, str] | None = None, group: bool = False,
                   grades: dict[str, int] | None = None) -> dict:
        return {"key": key, "name_zh": name_zh, "name_en": name_en, "href": href, "counts": counts,
                "links": links or {}, "total": sum(counts.values()), "group": group,
                "grades": self._grade_shares(grades or {})}

    @staticmethod
    def _grade_counts(rows: pd.DataFrame, by: list[str]) -> pd.Series:
        """Quantitative statuses by `by` and evidence grade (observed / inferred / none), for the shares column."""
        if "evidence_grade" not in rows:
            return pd.Series(dtype=int)
        return rows[rows["status"] != "qualitative"].groupby([*by, "evidence_grade"]).size()

    @staticmethod
    def _grade_shares(grades: dict[str, int]) -> list[dict]:
        n = sum(grades.values())
        return [{"grade": g, "n": grades.get(g.code, 0), "pct": round(100 * grades.get(g.code, 0) / n)}
                for g in vocab.EVIDENCE_GRADES] if n else []

    def _level_matrix(self, rows: pd.DataFrame, prefix: str | None) -> list[dict]:
        """Counts by level; with `prefix` (the path to the site root) every count links to its status list."""
        counts = rows.groupby(["level", "status"]).size()
        grades = self._grade_counts(rows, ["level"])
        out = []
        for level in LEVELS:
            if level not in counts.index.get_level_values(0):
                continue
            c = {st: int(n) for st, n in counts[level].items()}
            links = {st: f"{prefix}lists/{level}-{st}.html" for st in c} if prefix is not None else None
            lab = self.strings[f"level_{level}"]
            g = {k: int(n) for k, n in grades[level].items()} if level in grades.index.get_level_values(0) else {}
            out.append(self._count_row(level, lab["zh"], lab["en"], c, links=links, grades=g))
        return out

    def _region_matrix(self, rows: pd.DataFrame, prefix: str) -> list[dict]:
        """Counts by greater region, then by province (or a jurisdiction with no province) within it; the names and
        counts link to the province's page."""
        counts = rows.groupby(["region", "top", "status"]).size()
        grades = self._grade_counts(rows, ["region", "top"])
        out = []
        for region in ("national", *REGIONS, "other"):
            if region not in counts.index.get_level_values(0):
                continue
            sub = counts[region]
            lab = self.strings[f"region_{region}"]
            total = sub.groupby(level=1).sum()
            own = grades[region] if region in grades.index.get_level_values(0) else pd.Series(dtype=int)
            out.append(self._count_row(f"region-{region}", lab["zh"], lab["en"],
                                       {st: int(n) for st, n in total.items()}, group=True,
                                       grades={k: int(n) for k, n in own.groupby(level=1).sum().items()}))
            for top in sorted(set(sub.index.get_level_values(0)), key=lambda c: (str(self.tree["admin_code"].get(c)),
                                                                                   str(c))):
                c = {st: int(n) for st, n in sub[top].items()}
                href = f"{prefix}jurisdictions/{self.tree.at[top, 'file']}.html"
                g = {k: int(n) for k, n in own[top].items()} if top in own.index.get_level_values(0) else {}
                out.append(self._count_row(top, self._name(top, "zh"), self._name(top, "en"), c, href=href,
                                           links=dict.fromkeys(c, href), grades=g))
        return out

    def _crumbs(self, code: str, prefix: str) -> list[dict]:
        """The jurisdiction's ancestors from the top down (itself excluded), each linking to its page."""
        chain = self.ancestors.get(code, [code])[1:]
        return [{"name_zh": self._name(c, "zh"), "name_en": self._name(c, "en"),
                 "href": f"{prefix}jurisdictions/{self.tree.at[c, 'file']}.html"} for c in reversed(chain)]

    @staticmethod
    def _status_counts(rows: list[dict]) -> list[tuple]:
        return present_status_counts(r["status"] for r in rows)

    # --- pages ---

    def build(self, also: Callable[[], list[Path]]) -> tuple[list[Path], list[Path]]:
        """Write the layout: its data files, then its pages; return (pages, `also`'s pages). `also` writes pages that
        read the layout's target rows whole (the briefs), before the pages narrow them.

        With TARGETWATCH_SITE_WORKERS=1 and more than one batch of data files, two processes share the work
        (fork_pair, off by default: it holds about 650 MB more at national scale): a forked copy writes the pages,
        then claims batches of data files from the last down, while this one claims them from the first up. The copy
        may not use the warehouse connection, so it may take only the last FORKED_BATCHES of the batches, whose
        figures are read before the fork. Else (the default) one process writes the data files first (their columns
        are let go before the list pages fill the row cells' cache), then the pages. The files are the same."""
        files = data_files.DataFiles(self, self.root / "data", VIEW_COLUMNS, FIGURE_FIELDS, DATA_BATCH_TARGETS)
        n = len(files.batches)
        if n < 2 or not fork_pair.wanted():
            sizes = files.write(fork_pair.serial(n))
            made = self._pages(also)
        else:
            first = n - math.ceil(FORKED_BATCHES * n)
            files.fetch(first)
            sizes, (made, theirs) = fork_pair.in_two(
                n, files.write, lambda claim: (self._pages(also), files.write(claim)), there_from=first)
            sizes = {k: v + theirs[k] for k, v in sizes.items()}
        files.finish(sizes)
        return made

    def _pages(self, also: Callable[[], list[Path]]) -> tuple[list[Path], list[Path]]:
        """Every page of the layout but the data files, and `also`'s pages first."""
        extra = also()
        for view in ("records", "by_id", "by_jurisdiction", "subtree"):  # made from the whole rows, then
            getattr(self, view)
        # the pages after it count and order the targets by these alone: the display columns are let go
        self.rows = self.rows[[c for c in LATER_COLUMNS if c in self.rows]]
        self.row_cells.fill(self.records)  # every target's list row, made a column at a time (row_html)
        pages = [self.index()]
        pages += self.jurisdiction_pages()
        pages += self.status_lists()
        pages += [self.document_page(d) for d in display_records(self.data.policy_documents)]
        pages += [self.department_page(n) for n in sorted(set(self.data.target_departments["department"].dropna()))]
        pages.append(self.target_view())
        return pages, extra

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
            briefs={m["key"]: brief_file(self.tree.at[m["key"], "file"]) for m in provinces
                    if m["key"] in self.by_jurisdiction},
        )

    def _summary_counts(self, ids: pd.Series) -> list[tuple]:
        st = self.rows.loc[self.rows["target_id"].isin(set(ids)), "status"].value_counts()
        return [(s, int(st[s.code])) for s in vocab.STATUSES if s.code in st]

    def _document_summaries(self) -> list[dict]:
        src = self.data.target_sources
        return [d | {"n_targets": int(src.loc[src["document"] == d["id"], "target_id"].nunique()),
                     "n_measures": int((self.data.measures["document"] == d["id"]).sum()),
                     "counts": self._summary_counts(src.loc[src["document"] == d["id"], "target_id"])}
                for d in display_records(self.data.policy_documents)]

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
        tree_records = {r["code"]: r for r in display_records(self.tree.reset_index(drop=True))}
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
        keys = ["level", "status", "top", "jurisdiction", "headline", "target_id"]
        rows = self.rows[keys].sort_values(keys, ascending=[True, True, True, True, False, True])  # not every column
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
        # the columns the matrices count by (a document quoting every target copied all ~110 columns of each)
        columns = [c for c in ("level", "status", "region", "top", "evidence_grade") if c in self.rows]
        rows = self.rows.loc[self.rows["target_id"].isin(set(ids)), columns]
        return {"levels": self._level_matrix(rows, None), "regions": self._region_matrix(rows, "../")}

    def document_page(self, doc: dict) -> Path:
        mine = in_document_order(self.data.target_sources, doc["id"])
        large = len(mine) > PAGE_ROWS
        targets = [] if large else [self.by_id[t] | {"clause": c, "quote": q} for t, c, q in
                                    zip(mine["target_id"], mine["clause"], mine["quote"], strict=True)
                                    if t in self.by_id]
        return self._render(
            "document.html", self.root / "documents" / f"{doc['id']}.html",
            root="../", page_title=f"{doc['title_zh']} / {doc['title_en']}", quality_link="../../quality/index.html",
            doc=doc, targets=targets, measures=measure_rows(self.data.measures, doc["id"]),
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
        measures_by_id = {m["id"]: m for m in display_records(self.data.measures)}
        doc_labels = {d["id"]: {"id": d["id"], "label": d["number"] if not is_empty(d.get("number")) else d["id"]}
                      for d in display_records(self.data.policy_documents)}
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
            "evidence_bases": {b.code: [b.zh, b.en] for b in vocab.EVIDENCE_BASES},
            "evidence_grades": {g.code: [g.zh, g.en] for g in vocab.EVIDENCE_GRADES},
            "trail": list(TRAIL_KEYS),
            "figure_fields": list(FIGURE_FIELDS),
            "reference_comparators": list(vocab.REFERENCE_COMPARATORS),
            "documents": {d["id"]: {"label": d["number"] if not is_empty(d.get("number")) else d["id"],
                                    "title_zh": d.get("title_zh"), "title_en": d.get("title_en"),
                                    "number": d.get("number"), "issuer_zh": d.get("issuer_zh"), "date": d.get("date")}
                          for d in display_records(self.data.policy_documents)},
        }
        payload = json.dumps(jsonable(config), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return self._render(
            "target_view.html", self.root / "targets" / "view.html", plotly=True,
            root="../", page_title="目标 / Target", quality_link="../../quality/index.html",
            config=Markup(payload.replace("<", "\\u003c")), checks=checks,
            check_counts={k: sum(c["result"] == k for c in checks) for k in ("passed", "warned", "failed")},
        )

    # --- data files ---

    @staticmethod
    def file_name(code: str) -> str:
        """A jurisdiction's data file's name (no suffix): page_name (data_files asks the layout for it)."""
        return page_name(code)
