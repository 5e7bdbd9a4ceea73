"""The data call's pages: who owes which figure (data-owed.html) and what changed since the previous publication
(changes.html), both read from the warehouse tables `data_owed`, `return_conflicts` and `changes`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from markupsafe import Markup, escape

from targetwatch import formatting, vocab
from targetwatch.changes import KINDS
from targetwatch.data_call import OWNER_BASIS_ZH, owed_by_department
from targetwatch.render.page import department_slug, display_records, page_environment

DATA_OWED_PAGE = "data-owed.html"
CHANGES_PAGE = "changes.html"


def _render(root: Path, template: str, name: str, common: dict, **context) -> Path:
    env = page_environment()
    page = env.get_template(template).render(
        **(common | {"plotly": False}), root="", quality_link="../quality/index.html", **context)
    path = root / name
    path.write_text(page, encoding="utf-8")
    return path


def data_owed_page(root: Path, common: dict, owed: pd.DataFrame, conflicts: pd.DataFrame) -> Path:
    summary = owed_by_department(owed) if len(owed) else pd.DataFrame(columns=["department"])
    departments = [d | {"anchor": department_slug(d["department"]),
                        "owner_basis_zh": OWNER_BASIS_ZH.get(d["owner_basis"], d["owner_basis"]),
                        "page": f"departments/{department_slug(d['department_named'])}.html"
                        if d.get("department_named") else None} for d in display_records(summary)]
    return _render(root, "data_owed.html", DATA_OWED_PAGE, common, page_title="待报数据 / Data owed",
                   departments=departments, conflicts=display_records(conflicts),
                   owed_rows=owed_rows(display_records(owed), vocab.DEPARTMENT_REPORTED_BADGE))


def owed_rows(rows: list[dict], badge: dict[str, str]) -> Markup:
    """The rows of the figures table of data-owed.html (`<tr>…</tr>` and a newline each), written in Python: a
    national data call owes 87,000 figures, and a Jinja loop over them took seconds. Each value is escaped as the
    templates' autoescape escapes it; tests/targetwatch/test_site_rows.py compares this with the loop it replaced."""
    bi = page_environment().globals["bi"]
    returned = f'<span class="badge department-reported">{bi(badge["zh"], badge["en"])}</span>'
    overdue, owed = str(bi("逾期", "overdue")), str(bi("待报", "owed"))
    return Markup("".join(
        f'<tr id="owed-{escape(r["target_id"])}-{escape(r["year"])}" data-state="{escape(r["state"])}">'
        f'<td>{escape(r["department"])}</td><td><a href="targets/{escape(r["target_id"])}.html">'
        f'{bi(r["target_zh"], r["target_en"])}</a></td><td>{escape(r["year"])}</td><td>'
        f'{returned if r["state"] == "returned" else overdue if r["overdue"] else owed}</td></tr>\n' for r in rows))


def _value(v, unit, lang: str) -> str:
    return "—" if v is None or unit is None else formatting.format_value(v, unit, lang)


def _status_label(code: object, lang: str) -> str:
    s = vocab.STATUS_BY_CODE.get(code) if isinstance(code, str) else None
    return f"{s.icon} {getattr(s, lang)}" if s else "—"


def previous_publication(runs: pd.DataFrame, run_id: str) -> str | None:
    """The last successful run before this one (the build's run log holds the earlier runs, not this one yet)."""
    ok = runs[(runs["outcome"] == "success") & (runs["run_id"] != run_id)] if len(runs) else runs
    return None if not len(ok) else str(ok.sort_values("finished_at")["run_id"].iloc[-1])


def changes_page(root: Path, common: dict, data, run_id: str) -> Path:
    """This run's rows of `changes`, by kind, named in both languages (targets by name, series by place and
    indicator), values formatted with their units."""
    changes = data.changes
    mine = changes[changes["run_id"] == run_id] if len(changes) else changes
    names = {lg: dict(zip(data.targets["target_id"], data.targets[f"name_{lg}"], strict=True)) for lg in ("zh", "en")}
    ind = {lg: dict(zip(data.indicators["code"], data.indicators[f"name_{lg}"], strict=True)) for lg in ("zh", "en")}
    jur = {lg: dict(zip(data.jurisdictions["code"], data.jurisdictions[f"name_{lg}"], strict=True))
           for lg in ("zh", "en")}
    units = dict(zip(data.indicators["code"], data.indicators["unit"], strict=True))

    def what(r: dict, lg: str) -> str:
        if r.get("target_id"):
            return names[lg].get(r["target_id"], r["target_id"])
        return f"{jur[lg].get(r['jurisdiction'], r['jurisdiction'])} · {ind[lg].get(r['indicator'], r['indicator'])} " \
               f"· {r.get('year')}"

    rows = []
    for r in display_records(mine):
        row = dict(r)
        for lg in ("zh", "en"):
            row[f"what_{lg}"] = what(r, lg)
            for end in ("from", "to"):
                row[f"{end}_label_{lg}"] = _status_label(r.get(f"{end}_status"), lg)
                row[f"{end}_{lg}"] = _value(r.get(f"{end}_value"), units.get(r.get("indicator")), lg)
        rows.append(row)
    sections = [(k, v, [r for r in rows if r["kind"] == k]) for k, v in KINDS.items()]
    return _render(root, "changes.html", CHANGES_PAGE, common, page_title="本次更新的变化 / What changed",
                   previous=previous_publication(data.runs, run_id), sections=sections,
                   badge=vocab.DEPARTMENT_REPORTED_BADGE)
