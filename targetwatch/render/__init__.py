"""Static pages from the warehouse: the leaders' gap dashboards, the gap workbook and the auditors' quality report.

    page.py            the shared page environment: Jinja templates, display values, chart specs, static files
    site_data.py       the warehouse tables a site reads (SiteData) and row sets several pages share
    rows.py            the row builders: one display row per target, used by every page and the workbook
    small_site.py      the small dashboards layout: a page per target, document and department
    large_site.py      the large layout: pages per jurisdiction and status, one client-side target page
    dashboards.py      build_dashboards: chooses the layout and writes the site
    workbook.py        the gap table as an Excel workbook
    quality_report.py  the auditors' data-quality report
    lineage_site.py    its lineage: every target's chain set-wise, per-jurisdiction data files, one client-side page

Imports point one way: page <- site_data <- rows <- the layouts, the workbook and the report <- dashboards.
No module uses another's private names (tests/targetwatch/test_architecture.py).
"""
