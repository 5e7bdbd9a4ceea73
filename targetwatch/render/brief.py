"""The briefing: one page per jurisdiction that a leader reads on a phone between meetings, or prints on one A4 page.

`brief/<jurisdiction>.html` beside the overview, in the words a leader uses, Chinese first with an English toggle:
the headline targets with their verdict and evidence basis, what changed since the last publication, the figures
owed and by whom, and the date the data stands at. It is one self-contained file (its styles and the few lines of
its language toggle inline, no chart library, no other file), so it can be forwarded as it is and opened offline.

Every figure in it comes from the warehouse tables, formatted by targetwatch.formatting. Parts whose tables or
columns this warehouse does not have (the `evidence_basis` column of assessments, the `changes` and `data_owed`
tables) say plainly that they are not available: nothing is filled in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.core.dtypes.cast import maybe_box_native

from targetwatch import vocab
from targetwatch.render.data_call_pages import previous_publication
from targetwatch.render.page import is_empty, page_environment
from targetwatch.render.rows import target_rows
from targetwatch.render.site_data import SiteData

BRIEF_DIR = "brief"
# What fits one A4 page beside the other parts (tests/e2e/test_brief.py prints the fullest brief of the bundle).
MAX_TARGETS = 20
MAX_CHANGES = 6
MAX_DEPARTMENTS = 6
CHANGE_ORDER = ("status", "newly_has_data", "new_figure", "revised_figure")
UNMEASURED = ("no_data", "qualitative")  # statuses no figure speaks for: the brief names these targets only
# What the brief shows of a target (brief.html and _basis): the rows are cut to these before they become dicts.
BRIEF_COLUMNS = ("target_id", "status", "name_zh", "name_en", "latest_year", "latest_gap", "latest_zh", "latest_en",
                 "goal_zh", "goal_en", "gap_zh", "gap_en", "evidence_basis")


def brief_file(jurisdiction_file: str) -> str:
    """The brief's path from the site root, from the jurisdiction's file name (targetwatch.render page_name)."""
    return f"{BRIEF_DIR}/{jurisdiction_file}.html"


def _optional(data: SiteData, name: str) -> pd.DataFrame | None:
    """A table the warehouse may not have yet: None when it is missing (the brief says "not available")."""
    table = getattr(data, name, None)
    return table if isinstance(table, pd.DataFrame) else None


def _basis(row: dict, has_basis: bool) -> dict[str, str] | None:
    """The evidence basis of one verdict in both languages; None when the assessment does not record it."""
    if not has_basis:
        return None
    code = row.get("evidence_basis")
    if is_empty(code):
        return {"zh": "—", "en": "—"}
    labels = getattr(vocab, "EVIDENCE_BASIS_BY_CODE", {})
    label = labels.get(code)
    if label is None:
        return {"zh": str(code), "en": str(code)}
    return {"zh": label.zh, "en": label.en, "tip_zh": label.meaning_zh, "tip_en": label.meaning_en}


class _Chips(dict):
    """status code -> the chip macro's HTML for it, made on first use."""

    def __init__(self, chip: Any) -> None:
        super().__init__()
        self.chip = chip

    def __missing__(self, code: str) -> Any:
        html = self[code] = self.chip(code)
        return html


def _by_jurisdiction(table: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """A table's rows per jurisdiction, split once (not filtered again for each of thousands of briefs)."""
    if table is None or "jurisdiction" not in table:
        return {}
    return {code: rows for code, rows in table.groupby("jurisdiction", sort=False)}


def _changes(changes: pd.DataFrame | None, mine: pd.DataFrame | None, names: dict[str, dict[str, str]],
             previous: str | None) -> dict[str, Any] | None:
    """This jurisdiction's changes (`mine`, of this run) against the previous publication (`previous`, None for the
    first): counts by kind and the status changes first. None when there is no `changes` table."""
    if changes is None:
        return None
    if mine is None or not len(mine):  # what the lines below make of no rows, without a frame per brief
        return {"counts": [], "items": [], "more": 0, "total": 0, "previous": previous}
    kinds = [k for k in CHANGE_ORDER if (mine["kind"] == k).any()] if len(mine) else []
    counts = [{"kind": k, "n": int((mine["kind"] == k).sum())} for k in kinds]
    order = {k: i for i, k in enumerate(CHANGE_ORDER)}
    listed = mine.assign(_o=mine["kind"].map(order).fillna(9)).sort_values(["_o", "target_id"], kind="stable")
    items = []
    for r in listed.head(MAX_CHANGES).to_dict("records"):
        name = names.get(r.get("target_id"), {"zh": r.get("target_id"), "en": r.get("target_id")})
        items.append({
            "kind": r["kind"], "name": name,
            "from_status": None if is_empty(r.get("from_status")) else vocab.STATUS_BY_CODE.get(r["from_status"]),
            "to_status": None if is_empty(r.get("to_status")) else vocab.STATUS_BY_CODE.get(r["to_status"]),
            "year": None if is_empty(r.get("year")) else int(r["year"]),
        })
    return {"counts": counts, "items": items, "more": max(0, len(mine) - MAX_CHANGES), "total": len(mine),
            "previous": previous}


def _owed_per_department(owed: pd.DataFrame | None) -> dict[str, list[dict]]:
    """Per jurisdiction, the figures it still owes (rows of `owed` in state owed) by department: owed, of which
    overdue, and the earliest due date; the most overdue first, then the most owed, then by name. One grouping for
    every jurisdiction (not one per brief)."""
    if owed is None or "jurisdiction" not in owed:
        return {}
    mine = owed[owed["state"] == "owed"] if "state" in owed else owed
    mine = mine[mine["jurisdiction"].notna()]
    overdue = mine["overdue"].fillna(False).astype(bool) if "overdue" in mine else pd.Series(False, index=mine.index)
    due = mine["due"] if "due" in mine else pd.Series(None, index=mine.index)
    per = (mine.assign(_overdue=overdue, _due=pd.to_datetime(due, errors="coerce"))
           .groupby(["jurisdiction", "department"], dropna=False)
           .agg(owed=("target_id", "size"), overdue=("_overdue", "sum"), due=("_due", "min")).reset_index()
           .sort_values(["jurisdiction", "overdue", "owed"], ascending=[True, False, False], kind="stable"))
    out: dict[str, list[dict]] = {}
    for d in per.to_dict("records"):
        out.setdefault(d["jurisdiction"], []).append(
            {"name": d["department"] if not is_empty(d["department"]) else "—", "owed": int(d["owed"]),
             "overdue": int(d["overdue"]), "due": None if pd.isna(d["due"]) else d["due"].date().isoformat()})
    return out


def _owed(owed: pd.DataFrame | None, departments: list[dict] | None) -> dict[str, Any] | None:
    """The figures this jurisdiction still owes, by department (its entry of _owed_per_department): the first
    MAX_DEPARTMENTS, how many more, and the total. None when there is no `data_owed` table."""
    if owed is None:
        return None
    departments = departments or []
    return {"departments": departments[:MAX_DEPARTMENTS], "more": max(0, len(departments) - MAX_DEPARTMENTS),
            "total": sum(d["owed"] for d in departments)}


def _per_jurisdiction(rows: pd.DataFrame):
    """Per jurisdiction, in order of appearance (as `rows.groupby("jurisdiction", sort=False)`): its code, its number
    of targets, the targets its brief shows (the headline ones, else every one), how many are headline, those shown
    as BRIEF_COLUMNS records, their counts by status, and its data date (the latest release among the figures
    its verdicts used, and their latest year). Made for every jurisdiction
    at once: a national catalogue has 3,209 briefs, and per-jurisdiction frames cost most of their time."""
    # the columns read here alone, before the rows are filtered: a filter copies every column it is given (the
    # layout's rows hold about a hundred; copied twice they were most of the briefs' 260 MB at national scale)
    rows = rows[list(dict.fromkeys(c for c in (*BRIEF_COLUMNS, "jurisdiction", "headline", "latest_release_date",
                                              "latest_year") if c in rows))]
    rows = rows[rows["jurisdiction"].notna()]
    jur = rows["jurisdiction"]
    headline = rows["headline"].astype(bool)
    n_headline = headline.groupby(jur, sort=False).sum()
    shown = rows[headline | (jur.map(n_headline) == 0)]
    records = _records(shown[[c for c in BRIEF_COLUMNS if c in shown]])
    records_of: dict[str, list[dict]] = {}
    for code, r in zip(shown["jurisdiction"].tolist(), records, strict=True):
        records_of.setdefault(code, []).append(r)
    statuses: dict[str, dict[str, int]] = {}
    for (code, status), n in shown.groupby(["jurisdiction", "status"], sort=False).size().items():
        statuses.setdefault(code, {})[status] = int(n)
    released = pd.to_datetime(rows["latest_release_date"], errors="coerce") if "latest_release_date" in rows \
        else pd.Series(pd.NaT, index=rows.index, dtype="datetime64[ns]")
    years = pd.to_numeric(rows["latest_year"], errors="coerce") if "latest_year" in rows \
        else pd.Series(float("nan"), index=rows.index)
    # per jurisdiction as dicts: a Series looked up 3,209 times by label cost more than the groupings
    latest_release = released.groupby(jur, sort=False).max().to_dict()
    latest_year = years.groupby(jur, sort=False).max().to_dict()
    headline_of = n_headline.to_dict()
    for code, n in jur.value_counts(sort=False).reindex(n_headline.index).items():
        released_, year = latest_release[code], latest_year[code]
        date = {"released": None if pd.isna(released_) else released_.date().isoformat(),
                "year": None if pd.isna(year) else int(year)}
        yield code, int(n), int(headline_of[code]), records_of.get(code, []), statuses.get(code, {}), date


def _records(df: pd.DataFrame) -> list[dict]:
    """`df.to_dict("records")` (columns of distinct names), made a column at a time: a numpy column's values as
    Python scalars (tolist), any other column's through pandas' own maybe_box_native, as to_dict boxes them."""
    keys = df.columns.tolist()
    columns = [df[c].tolist() if isinstance(df[c].dtype, np.dtype) and df[c].dtype.kind in "iufb" else
               [v if type(v) is str else maybe_box_native(v) for v in df[c]] for c in keys]
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)] if keys else \
        [{} for _ in range(len(df))]


def build_briefs(data: SiteData, site: Path, files: dict[str, str], overview: str = "../index.html",
                 quality: str = "../../quality/index.html", rows: pd.DataFrame | None = None) -> list[Path]:
    """Write `brief/<file>.html` under `site` for every jurisdiction with targets; `files` maps a jurisdiction code
    to its file name. Return the pages. The links back to the overview and the quality report are the only
    references to other files: a brief forwarded alone reads completely without them. `rows`: target_rows(data)
    when the caller has made them (not changed here)."""
    rows = target_rows(data) if rows is None else rows
    if not len(rows):
        return []
    env = page_environment()
    template = env.get_template("brief.html")
    has_basis = "evidence_basis" in rows
    # the chip of a status and the evidence basis of a code are the same on every row of every brief: the macros'
    # HTML made once per status and per code (3,209 briefs called the chip macro about 60,000 times)
    macros = env.get_template("_macros.html").make_module()
    chips = _Chips(macros.chip)
    bases: dict[object, dict[str, Any] | None] = {}

    def basis(r: dict) -> dict[str, Any] | None:
        code = r.get("evidence_basis")
        key = None if is_empty(code) else code
        if key not in bases:
            b = bases[key] = _basis(r, has_basis)
            if b is not None and b.get("tip_zh"):
                b["tip"] = macros.tap_tip(b["tip_zh"], b["tip_en"])
        return bases[key]
    changes, owed = _optional(data, "changes"), _optional(data, "data_owed")
    runs = _optional(data, "runs")
    previous = previous_publication(runs, data.run_id) if runs is not None else "unknown"
    this_run = changes[changes["run_id"] == data.run_id] if changes is not None and data.run_id and \
        "run_id" in changes else changes
    # the names of the targets this run's changes name (the only ones _changes looks up), not of every target
    named = rows["target_id"].isin(set(this_run["target_id"].dropna())) \
        if this_run is not None and "target_id" in this_run else np.zeros(len(rows), dtype=bool)
    names = {t: {"zh": zh, "en": en} for t, zh, en in zip(rows["target_id"][named], rows["name_zh"][named],
                                                          rows["name_en"][named], strict=True)}
    changes_of = _by_jurisdiction(this_run)
    owed_of = _owed_per_department(owed)
    jur = data.jurisdictions.set_index("code") if len(data.jurisdictions) else pd.DataFrame(
        columns=["name_zh", "name_en"])
    written = []
    folder = site / BRIEF_DIR
    folder.mkdir(parents=True, exist_ok=True)
    synthetic_files = data.synthetic_files
    for code, mine, n_headline, records, statuses, data_date in _per_jurisdiction(rows):
        # targets a figure speaks for, each on its own line; the others (no data, qualitative) named in a line each
        measured = [r | {"basis": basis(r)} for r in records if r["status"] not in UNMEASURED]
        unmeasured = [(vocab.STATUS_BY_CODE[c], [r for r in records if r["status"] == c]) for c in UNMEASURED]
        page = template.render(
            lang="zh", as_of=data.as_of, synthetic_files=synthetic_files, overview=overview, quality=quality,
            name={"zh": jur["name_zh"].get(code, code) if "name_zh" in jur else code,
                  "en": jur["name_en"].get(code, code) if "name_en" in jur else code},
            all_headline=bool(n_headline), n_shown=len(records), targets=measured[:MAX_TARGETS],
            more_targets=max(0, len(measured) - MAX_TARGETS), unmeasured=[(s, rs) for s, rs in unmeasured if rs],
            n_targets=mine, has_basis=has_basis,
            counts=[(s, statuses[s.code]) for s in vocab.STATUSES if s.code in statuses],
            data_date=data_date, changes=_changes(this_run, changes_of.get(code), names, previous),
            owed=_owed(owed, owed_of.get(code)),
            run_id=data.run_id, chips=chips,
        )
        path = folder / f"{files.get(code, code)}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
