"""Rebuild the bundled default reports (reports/*.csv) from the shared real-figures file.

Run: uv run python tools/bundle_real_figures.py [PATH/TO/real-figures.csv]

Why a script: auditors can see exactly how each published figure became a template row (which
indicator code it was filed under, which rows are partial-year or forecasts). Nothing is invented:
every value, unit, source and note is copied; only the indicator code, period type, figure type and
a release date stated in the source title are added.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "real-figures.csv"

# (substring of the published indicator description) -> indicator code; first match wins.
INDICATOR_RULES: list[tuple[str, str]] = [
    ("recognition publicity lists", "high_tech_enterprises_recognised"),
    ("high-tech enterprises", "high_tech_enterprises"),
    ("R&D expenditure intensity", "rd_intensity"),
    ("R&D expenditure", "rd_expenditure"),
    ("S&T progress contribution rate", "st_progress_contribution"),
    ("entrepreneurs driven by maker spaces", "entrepreneurs_via_maker_spaces"),
    ("jobs absorbed by provincial incubation", "incubation_base_jobs"),
    ("national-record maker spaces", "maker_spaces_national_record"),
    ("provincial maker spaces", "maker_spaces_provincial"),
    ("maker spaces, provincial-level and above", "maker_spaces_provincial"),
    ("maker spaces, all kinds", "maker_spaces"),
    ("Xingchuang Tiandi", "xingchuang_tiandi_national"),
    ("new urban jobs", "new_urban_jobs"),
    ("incubation demonstration bases", "incubation_demo_bases"),
    ("incubation carriers", "incubation_carriers"),
    ("tech business incubators", "tech_incubators"),
    ("outflow by seller region", "tech_contract_turnover_outflow"),
    ("inflow by buyer region", "tech_contract_turnover_inflow"),
    ("technology contract turnover", "tech_contract_turnover"),
    ("valid invention patents", "valid_invention_patents"),
    ("double-innovation demonstration bases", "shuangchuang_demo_bases"),
    ("enterprise technology centres", "enterprise_tech_centres"),
    ("innovation strategic alliances", "innovation_alliances"),
    ("provincial key laboratories", "provincial_key_labs"),
    ("tech-based SMEs", "tech_smes"),
    ("newly registered market entities", "new_market_entities"),
]

# Which bundled file a row goes to: by source family, so each file reads like one publication set.
FILES: list[tuple[str, str, str]] = [
    (
        "rd-by-province_techme.csv",
        "RDIntense",
        "R&D expenditure and intensity by province (NBS/MOST/MOF bulletins via techme)",
    ),
    (
        "patents-and-technology-market_techme.csv",
        "RDPatentValid|MarketPull|MarketPush",
        "valid invention patents and technology-market turnover (S&T statistical yearbook via techme)",
    ),
    ("high-tech-recognition-lists_techme.csv", "HitechFirmsPub", "high-tech enterprise recognition lists (via techme)"),
]
OTHER = {
    "gansu": "gansu-bulletins-and-news.csv",
    "lanzhou": "gansu-bulletins-and-news.csv",
    "shanxi": "shanxi-bulletins-and-news.csv",
    "national": "national-bulletins-and-news.csv",
}

HEADER = [
    "jurisdiction",
    "indicator",
    "year",
    "value",
    "unit",
    "period_type",
    "figure_type",
    "release_date",
    "confidence",
    "source_title",
    "source_ref",
    "notes",
]
DATE = re.compile(r"(20\d\d)-(\d\d)(?:-(\d\d))?")


def indicator_code(description: str) -> str:
    for needle, code in INDICATOR_RULES:
        if needle.lower() in description.lower():
            return code
    raise SystemExit(f"no indicator rule for {description!r}: add one to INDICATOR_RULES")


def release_date(source_title: str) -> str:
    """A date stated in the source title (day precision only; a month alone is not a date)."""
    m = DATE.search(source_title)
    return m.group(0) if m and m.group(3) else ""


def convert(row: dict[str, str]) -> list[str]:
    desc = row["indicator"]
    partial = "only" in desc.lower() or "first half" in desc.lower()
    forecast = "forecast" in desc.lower()
    notes = f"published as: {desc}; {row['notes']}".strip("; ")
    return [
        row["jurisdiction"],
        indicator_code(desc),
        row["year"],
        row["value"],
        row["unit"],
        "partial" if partial else "annual",
        "forecast" if forecast else "actual",
        release_date(row["source_title"]),
        row["confidence"],
        row["source_title"],
        row["source_ref"],
        notes,
    ]


def main(source: Path = DEFAULT_SOURCE) -> None:
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    out: dict[str, list[list[str]]] = {}
    for row in rows:
        name = next((f for f, key, _ in FILES if re.search(key, row["source_ref"])), OTHER[row["jurisdiction"]])
        out.setdefault(name, []).append(convert(row))
    reports = ROOT / "reports"
    for name, body in sorted(out.items()):
        with (reports / name).open("w", encoding="utf-8", newline="") as fh:
            fh.write(f"# REAL published figures (not synthetic): {len(body)} rows copied from real-figures.csv\n")
            fh.write("# Every row cites its source in source_title and source_ref; read notes before use.\n")
            fh.write(
                "# Built by tools/bundle_real_figures.py; release_date is filled only where the source states a day.\n"
            )
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(HEADER)
            writer.writerows(body)
    print(f"{len(rows)} figures -> {len(out)} files in {reports}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
