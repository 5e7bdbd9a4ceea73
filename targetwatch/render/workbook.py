"""The gap table as an Excel workbook, for staff who work in Excel: one sheet per jurisdiction and a sheet of sources.

Numbers stay numbers (base units, the unit in its own column) so a sheet can be re-sorted and summed; the
formatted 万/亿 text is the dashboards' job. Every row of the sources sheet says where the target's sentence and
the figure behind its latest value come from, down to the file's sha256, so a printed sheet can be audited.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from targetwatch import vocab
from targetwatch.data_call import owed_by_department
from targetwatch.render.rows import target_rows
from targetwatch.render.site_data import SiteData

__all__ = ["WORKBOOK_FILE", "build_gap_workbook", "gap_table", "sheet_name", "sources_table"]

# (column in target_rows, zh header, en header): one list for both languages
GAP_COLUMNS = (
    ("target_id", "目标编号", "target id"),
    ("name_zh", "目标", "target (zh)"),
    ("name_en", "目标（英文）", "target (en)"),
    ("kind", "类型", "kind"),
    ("status_zh", "状态", "status (zh)"),
    ("status", "状态代码", "status"),
    ("evidence_basis_zh", "证据基础", "evidence basis (zh)"),
    ("evidence_basis_en", "证据基础（英文）", "evidence basis (en)"),
    ("evidence_grade_zh", "证据等级", "evidence grade"),
    ("deadline_inferred_from", "推断依据年份", "verdict inferred from year"),
    ("latest_value", "最新值", "latest value"),
    ("latest_year", "最新年份", "latest year"),
    ("goal", "目标值", "target value"),
    ("latest_gap", "差距", "gap"),
    ("attainment", "完成度", "attainment"),
    ("unit_zh", "单位", "unit"),
    ("deadline", "截止年", "deadline"),
    ("departments_text", "牵头部门", "lead departments"),
    ("documents_text", "政策文件", "documents"),
    ("reason_zh", "说明", "reason (zh)"),
    ("reason_en", "说明（英文）", "reason (en)"),
)

SOURCE_COLUMNS = (
    ("target_id", "目标编号", "target id"),
    ("document", "政策文件", "document"),
    ("clause", "条款", "clause"),
    ("quote", "原文", "quote"),
    ("source_file", "最新值来源文件", "file of the latest value"),
    ("location", "位置", "location in the file"),
    ("value_as_written", "原始写法", "value as written"),
    ("release_date", "发布日期", "release date"),
    ("sha256", "文件SHA-256", "file sha256"),
    ("confidence_label", "可信度", "confidence"),  # a department-reported figure carries the badge's words
)

# The data-owed sheet: per department, what the data call asks and what came back.
OWED_COLUMNS = (
    ("department", "部门", "department"),
    ("owed", "待报", "owed"),
    ("returned", "已报", "returned"),
    ("overdue", "逾期", "overdue"),
    ("due", "截止日期", "due"),
    ("owner_basis", "依据", "basis"),
)

WORKBOOK_FILE = "targetwatch-gap-table.xlsx"  # the gap table in Excel, beside index.html (small layout only)
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name; keep names unique."""
    base = _SHEET_FORBIDDEN.sub("_", name)[:31] or "sheet"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def gap_table(data: SiteData) -> pd.DataFrame:
    """One row per target with numeric value, target value, gap and attainment, in the dashboards' order."""
    df = target_rows(data)
    goal = df["latest_goal"] if "latest_goal" in df else pd.Series(dtype=float)
    for col in ("goal_at_deadline", "target_value_stated"):
        if col in df:
            goal = goal.fillna(df[col])
    df["goal"] = goal.where(df["comparator"] != "qualitative")
    df["attainment"] = df["latest_attainment"]
    df["departments_text"] = df["departments"].map("、".join)
    df["documents_text"] = df["documents"].map("、".join)
    return df


def sources_table(data: SiteData) -> pd.DataFrame:
    """Per target and source sentence: the quote, and the file, location and checksum of the latest value used."""
    latest = data.assessments[["target_id", "latest_observation_id"]]
    obs = data.observations[["observation_id", "source_file", "location", "value_as_written", "release_date",
                             "sha256", "confidence"]]
    figures = latest.merge(obs, left_on="latest_observation_id", right_on="observation_id", how="left")
    src = data.target_sources.sort_values(["target_id", "source_order"])
    out = src.merge(figures, on="target_id", how="left")
    out["release_date"] = out["release_date"].astype(str).str[:10].replace({"NaT": "", "None": "", "nan": ""})
    badge = vocab.DEPARTMENT_REPORTED_BADGE
    out["confidence_label"] = out["confidence"].where(out["confidence"] != vocab.DEPARTMENT_REPORTED,
                                                      f"{badge['zh']} {badge['en']}")
    return out


def _headers(columns: tuple[tuple[str, str, str], ...], lang: str) -> dict[str, str]:
    return {col: (zh if lang == "zh" else en) for col, zh, en in columns}


def build_gap_workbook(data: SiteData, path: Path, lang: str = "zh") -> Path:
    """Write the workbook to `path`: a sheet per jurisdiction (headline targets first), the figures the data call
    asks each department for (when any), then the sources."""
    table = gap_table(data)
    names = data.jurisdictions.set_index("code")["name_zh" if lang == "zh" else "name_en"]
    taken: set[str] = set()
    heads = _headers(GAP_COLUMNS, lang)
    note = _note(data, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for code, rows in table.groupby("jurisdiction", sort=True):
            sheet = sheet_name(str(names.get(code, code)), taken)
            frame = rows[[c for c, _, _ in GAP_COLUMNS]].rename(columns=heads)
            frame.to_excel(xl, sheet_name=sheet, index=False, startrow=1)
            xl.sheets[sheet].cell(row=1, column=1, value=note)
        if len(data.data_owed):
            owed = owed_by_department(data.data_owed)[[c for c, _, _ in OWED_COLUMNS]]
            sheet = sheet_name("待报数据 Data owed", taken)
            owed.rename(columns=_headers(OWED_COLUMNS, lang)).to_excel(xl, sheet_name=sheet, index=False, startrow=1)
            xl.sheets[sheet].cell(row=1, column=1, value=note)
        sources = sources_table(data)[[c for c, _, _ in SOURCE_COLUMNS]].rename(columns=_headers(SOURCE_COLUMNS, lang))
        sheet = sheet_name("来源 Sources", taken)
        sources.to_excel(xl, sheet_name=sheet, index=False, startrow=1)
        xl.sheets[sheet].cell(row=1, column=1, value=note)
        for ws in xl.sheets.values():
            _text_stays_text(ws)
    return path


def _text_stays_text(ws) -> None:
    """openpyxl stores any string starting with "=" as a formula; text from documents and reports must never run
    in the reader's Excel (formula injection), so such cells are written back as plain strings."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _note(data: SiteData, lang: str) -> str:
    """The first line of every sheet: as-of date, run, and a synthetic-data warning when any file is synthetic."""
    statuses = "、".join(s.zh for s in vocab.STATUSES) if lang == "zh" else ", ".join(s.en for s in vocab.STATUSES)
    if lang == "zh":
        text = f"targetwatch 差距表 · 评估日期 {data.as_of} · 运行 {data.run_id or '—'} · 状态：{statuses}"
        warn = "【含合成（非真实）数据】" if data.synthetic_files else ""
    else:
        text = f"targetwatch gap table · as of {data.as_of} · run {data.run_id or '—'} · statuses: {statuses}"
        warn = "[CONTAINS SYNTHETIC (NOT REAL) DATA] " if data.synthetic_files else ""
    return warn + text
