"""The leaders' gap dashboards, built from the warehouse: the one entry point that chooses the layout.

Everything is read from the warehouse tables (so what is shown is what is stored), rendered with the
Jinja templates in dashboards/, and works from file:// with no network: plotly.js is written once at
the site root, every page links to it relatively, and each chart is an inline JSON spec that
dashboards/static/site.js draws (only the charts of the visible language, the others on the toggle).

A catalogue of up to `LARGE_SITE_TARGETS` targets gets the small layout (targetwatch.render.small_site: a page
per target, document and department, and the gap workbook beside index.html); a larger one gets the large
layout (targetwatch.render.large_site: pages per jurisdiction and status, one client-side target page).
Both ship `plotly.min.js` and `static/` once, and a one-page briefing per jurisdiction (`brief/<code>.html`,
targetwatch.render.brief) that needs neither.
"""

from __future__ import annotations

from pathlib import Path

from targetwatch import collector
from targetwatch.db_schema import table_names
from targetwatch.render.brief import build_briefs
from targetwatch.render.data_call_pages import changes_page, data_owed_page
from targetwatch.render.large_site import LARGE_LAYOUT_READS, LargeSite, page_name
from targetwatch.render.page import copy_static, display_records
from targetwatch.render.rows import target_rows
from targetwatch.render.site_data import SiteData
from targetwatch.render.site_figures import WarehouseFigures
from targetwatch.render.small_site import SmallSite
from targetwatch.render.workbook import WORKBOOK_FILE, build_gap_workbook

LARGE_SITE_TARGETS = 2_000  # more targets than this: the large layout (module docstring)


def read_site_data(con, run_id: str = "", code_version: str = "") -> SiteData:
    """The tables the dashboards show, read from the warehouse once (SiteData.from_warehouse, `pages_only`): for a
    catalogue of more than LARGE_SITE_TARGETS targets only the columns the large layout reads (LARGE_LAYOUT_READS),
    and no figures: the large layout reads those a batch of jurisdictions' series at a time, through `con`
    (site_figures.WarehouseFigures), so keep it open until build_dashboards returns."""
    n = con.execute("SELECT count(*) FROM targets").fetchall()[0][0] if "targets" in table_names(con) else 0
    if n <= LARGE_SITE_TARGETS:
        return SiteData.from_warehouse(con, run_id=run_id, code_version=code_version, pages_only=True)
    data = SiteData.from_warehouse(con, run_id=run_id, code_version=code_version, pages_only=True,
                                   only=LARGE_LAYOUT_READS, skip=("observations",))
    data.figures = WarehouseFigures(con, LARGE_LAYOUT_READS["observations"])
    return data


# The collector paused (targetwatch.collector): the pages, charts and data files allocate millions of containers,
# freed by reference counting; at national scale its collections cost about 3 CPU s of the step and found about
# 1,300 objects in cycles (docs/scaling.md section 0, session 15).
@collector.paused()
def build_dashboards(data: SiteData, site: Path, lang: str = "zh", *, large: bool | None = None) -> list[Path]:
    """Write the dashboards site under `site` (overview, target, document and department pages); return the pages.

    `large` chooses the layout: None (the default) takes the large layout when the catalogue has more than
    `LARGE_SITE_TARGETS` targets (see the module docstring), True or False forces one.
    """
    site.mkdir(parents=True, exist_ok=True)
    lang = "en" if str(lang).lower().startswith("en") else "zh"
    if large is None:
        large = len(data.targets) > LARGE_SITE_TARGETS
    copy_static(site, with_plotly=True, large=large)
    common = data.page_common(lang)

    def data_call() -> list[Path]:
        return [data_owed_page(site, common, data.data_owed, data.return_conflicts),
                changes_page(site, common, data, data.run_id)]

    rows = target_rows(data)  # made once: the briefs and every page take their target rows from it
    files = {c: page_name(c) for c in data.targets["jurisdiction"].dropna().unique()}
    if large:  # the pages that need no data file are written beside them (LargeSite.build `also`)
        layout = LargeSite(data, site, lang, rows=rows)
        del rows  # the layout's copy alone, which it narrows once the briefs are written (LargeSite.build)
        pages, others = layout.build(also=lambda: data_call() + build_briefs(data, site, files, rows=layout.rows))
        return pages + others
    calls = data_call()
    briefs = build_briefs(data, site, files, rows=rows)
    build_gap_workbook(data, site / WORKBOOK_FILE, lang)  # linked from the overview, for staff who work in Excel
    s = SmallSite(data, site, lang, rows=rows)
    pages = [s.index()]
    pages += [s.target_page(r) for r in s.records]
    pages += [s.document_page(d) for d in display_records(data.policy_documents)]
    pages += [s.department_page(n) for n in sorted(set(data.target_departments["department"].dropna()))]
    return pages + calls + briefs
