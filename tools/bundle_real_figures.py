"""Rebuild the bundled default reports (reports/*.csv) from the shared real-figures files.

Run: uv run python tools/bundle_real_figures.py [PATH/TO/real-figures.csv] [--markdown]

Why a script: auditors can see exactly how each published figure became a template row (which
indicator code it was filed under, which rows are partial-year or forecasts). Nothing is invented:
every value, unit, source and note is copied; only the indicator code, period type, figure type and
a release date stated in the source title are added.

Two inputs, both in /work/shared/data (see its README):
- `real-figures.csv`: its notes name targets, but the target ids were stripped from them ("related to the target
  but a flow"). The ids are put back here from `NOTE_TARGETS` (the target of the row's series), and no note
  is written with such a blank (`blank_in_note` is checked on every row).
- `found-figures-2026-12.csv`: cited figures from news and government pages. `FOUND_RULES` says for each one
  which catalogue indicator (or declared proxy) it is filed under, or why it is left out (another definition,
  a cumulative or per-capita figure, a jurisdiction the catalogue does not hold). Mirror sites are `medium`
  unless a `high` figure for the same series, year and value confirms them; the official hosts are `OFFICIAL_HOSTS`.
  `--markdown` prints what was bundled and what was left out, for docs/bundled-figures.md.
"""

from __future__ import annotations

import calendar
import csv
import re
import sys
from pathlib import Path

from targetwatch import vocab

ROOT = Path(__file__).resolve().parents[1]
# /work/shared/data beside the checkout (or beside a folder holding worktrees)
DEFAULT_SOURCE = next(
    (p / "shared" / "data" / "real-figures.csv" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data" / "real-figures.csv",
)
FOUND_FILE = "found-figures-2026-12.csv"  # beside real-figures.csv
FOUND_REPORT = "found-figures-2026-12.csv"  # the bundled report it becomes, under reports/

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

# --- target ids stripped from real-figures.csv notes ------------------------------------------------------------

# (jurisdiction, indicator code) of a row -> the target(s) its note speaks of. A note names the target its series
# measures (or proxies, or is the reference of); where it named two ("related to / (demonstration parks / startup
# bases)") both are listed, in the note's order.
NOTE_TARGETS: dict[tuple[str, str], tuple[str, ...]] = {
    ("gansu", "st_progress_contribution"): ("shanxi-2017-st-progress-contribution",),  # "the 50% target is Shanxi's"
    ("gansu", "entrepreneurs_via_maker_spaces"): ("gansu-2016-maker-space-entrepreneurs",),
    ("gansu", "maker_spaces"): ("gansu-2015-maker-spaces",),
    ("gansu", "new_urban_jobs"): ("gansu-2015-jobs-per-year",),
    ("gansu", "incubation_demo_bases"): ("gansu-2015-demo-parks", "gansu-2015-small-micro-startup-bases"),
    ("lanzhou", "tech_incubators"): ("gansu-2015-devzone-incubation-carriers",),
    ("national", "rd_intensity"): ("shanxi-2017-rd-intensity",),
    ("shanxi", "rd_intensity"): ("shanxi-2017-rd-intensity",),
    ("shanxi", "enterprise_tech_centres"): ("shanxi-2017-labs-and-centres",),
    ("shanxi", "provincial_key_labs"): ("shanxi-2017-labs-and-centres",),
    ("shanxi", "high_tech_enterprises_recognised"): ("shanxi-2017-high-tech-enterprises",),
    ("shanxi", "high_tech_enterprises"): ("shanxi-2017-high-tech-enterprises",),
    ("shanxi", "innovation_alliances"): ("shanxi-2017-innovation-alliances",),
    ("shanxi", "new_market_entities"): ("shanxi-2017-new-smes-per-year",),
    ("shanxi", "tech_smes"): ("shanxi-2017-tech-smes",),
    ("shanxi", "tech_contract_turnover"): ("shanxi-2017-tech-contract-turnover",),
    ("shanxi", "tech_contract_turnover_inflow"): ("shanxi-2017-tech-contract-turnover",),
    ("shanxi", "tech_contract_turnover_outflow"): ("shanxi-2017-tech-contract-turnover",),
    ("shanxi", "valid_invention_patents"): ("shanxi-2017-valid-invention-patents",),
}

# Where an id was cut out of running text: "target  but" (two spaces), "Shanxi's , not", "target ;", "proxy for ;",
# "target / (" and "to / (" (two ids cut from "a / b"), "for  (", a space left before a closing bracket.
_BLANK = re.compile(r"(?<=\S)(?: / (?=\()| {2}| (?=[,;)]))")


def blank_in_note(note: str) -> bool:
    """Whether a note still has a hole where a target id was removed."""
    return bool(_BLANK.search(note))


def fill_note(note: str, jurisdiction: str, indicator: str) -> str:
    """Put the stripped target id(s) back into `note`; SystemExit if the row's series names no target."""
    if not blank_in_note(note):
        return note
    ids = NOTE_TARGETS.get((jurisdiction, indicator))
    if ids is None:
        raise SystemExit(f"note of {jurisdiction}/{indicator} has a blank: add its target to NOTE_TARGETS: {note!r}")

    def put(m: re.Match) -> str:
        # " / " held two ids; every other blank held one (the series' target)
        return f" {' / '.join(ids)} " if m.group(0) == " / " else f" {ids[0]}" + (" " if m.group(0) == "  " else "")

    filled = _BLANK.sub(put, note)
    assert not blank_in_note(filled), filled
    return filled


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
    code = indicator_code(desc)
    notes = fill_note(f"published as: {desc}; {row['notes']}".strip("; "), row["jurisdiction"], code)
    return [
        row["jurisdiction"],
        code,
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


# --- found-figures-2026-12.csv -----------------------------------------------------------------------------------

JURISDICTIONS_ZH = {"甘肃省": "gansu", "兰州市": "lanzhou", "山西省": "shanxi", "全国": "national"}
LEFT_OUT_JURISDICTIONS = {
    "青海省": "Qinghai province is not a catalogue jurisdiction (Xining's targets are city-level, so a province "
    "figure is not its indicator)",
    "西宁市": "not a catalogue indicator (per-10,000 or newly added counts; Xining's doubling targets are "
    "qualitative in the catalogue)",
}
_REPORT_EDITION = "an index score or rank by edition of the evaluation report, not a figure for a statistical year"

# (jurisdiction, indicator as published) -> the catalogue indicator, or a reason it is left out. A row holding
# several figures ("双创示范基地36; 众创空间250; …") maps each label to an indicator; unlisted labels are left out.
FOUND_RULES: dict[tuple[str, str], str | dict[str, str] | tuple[str]] = {
    ("甘肃省", "国家级备案众创空间数"): "maker_spaces_national_record",
    ("甘肃省", "省级众创空间数(参评)"): (
        "only the spaces recognised in 2015-2016 that were evaluated, not the stock of provincial maker spaces",),
    ("甘肃省", "各类众创空间数"): "maker_spaces",
    ("甘肃省", "国家级星创天地数"): "xingchuang_tiandi_national",  # the first batch ever: the 2016 stock
    ("甘肃省", "省级创业孵化示范基地(园区)"): "incubation_demo_bases",
    ("甘肃省", "技术合同成交额"): "tech_contract_turnover",
    ("甘肃省", "高新技术企业数"): "high_tech_enterprises",
    ("山西省", "R&D经费投入强度"): "rd_intensity",
    ("甘肃省", "R&D经费投入强度"): "rd_intensity",
    ("甘肃省", "城镇新增就业"): "new_urban_jobs",
    ("甘肃省", "兰白自创区高新技术企业数(及占全省比重)"): (
        "one zone's count; the provincial stock is only derived from its share, never stated",),
    ("甘肃省", "登记科技成果"): "registered_st_achievements",
    ("甘肃省", "科技进步贡献率"): "st_progress_contribution",
    ("甘肃省", "每万人发明专利拥有量"): ("per 10,000 population; the catalogue's indicator is the absolute count",),
    ("甘肃省", "技术合同成交额(十三五累计)"): ("a five-year cumulative total (2016-2020), not one year's flow",),
    ("甘肃省", "国家级科技企业孵化器数"): "tech_incubators",
    ("山西省", "高新技术企业数"): "high_tech_enterprises",
    ("山西省", "有效发明专利"): "valid_invention_patents",
    ("山西省", "技术合同成交额"): "tech_contract_turnover",
    ("山西省", "市场主体数(实有)"): ("the stock of all market entities; the catalogue holds only new registrations (a "
                               "flow)",),
    ("山西省", "省重点实验室数"): "provincial_key_labs",
    ("山西省", "综合科技创新水平指数"): (_REPORT_EDITION,),
    ("全国", "综合科技创新水平指数"): (_REPORT_EDITION,),
    ("山西省", "综合科技创新水平指数(梯队)"): (_REPORT_EDITION,),
    ("甘肃省", "综合科技创新水平指数(排名)"): (_REPORT_EDITION,),
    ("甘肃省", "综合科技创新水平指数"): (_REPORT_EDITION,),
    ("甘肃省", "科技活动投入/产出指数排名"): (_REPORT_EDITION,),
    ("山西省", "众创空间/孵化器/双创示范基地(省级及以上)"): {
        "双创示范基地": "shuangchuang_demo_bases",
        "众创空间": "maker_spaces_provincial",
        "科技企业孵化器": "tech_incubators",
    },
    ("山西省", "新登记市场主体"): "new_market_entities",
    ("甘肃省", "国家级区域双创示范基地"): (
        "national regional bases only; the catalogue's 双创 demonstration bases count every type at provincial "
        "level or above",),
    ("兰州市", "国家级星创天地"): "xingchuang_tiandi_national",
    ("山西省", "新创办小微企业"): ("small and micro firms only; the target counts small, medium and micro firms (a "
                              "narrower definition)",),
    ("山西省", "R&D经费"): "rd_expenditure",
    ("甘肃省", "创业孵化基地/平台数(人社口径)"): ("the labour department's incubation platforms, not S&T maker spaces; "
                                     "2025, outside every target's years",),
}

# Hosts that publish the original (a government site, or the provincial party paper and news portal on their own
# sites); every other host is a repost (`medium`), and a consultancy's article is `low`.
OFFICIAL_HOSTS = ("gov.cn", "gscn.com.cn", "gansudaily.com.cn", "sxgov.cn")
LOW_HOSTS = ("emrcity.com",)
UNITS_FOUND = {"家": "count", "个": "count", "项": "count", "家/个": "count"}  # the catalogue's words for counts


def _host(url: str) -> str:
    return re.sub(r"^https?://", "", url).split("/")[0].split(":")[0]


def _confidence(url: str) -> str:
    host = _host(url)
    if host.endswith(OFFICIAL_HOSTS) and not host.startswith("big5."):
        return "high"
    return "low" if host.endswith(LOW_HOSTS) else "medium"


def _found_release(text: str) -> tuple[str, str]:
    """(ISO date, note): a day as stated; a month or year alone gives its last day, which the note says."""
    m = re.match(r"\s*(\d{4})(?:-(\d\d))?(?:-(\d\d))?", text)
    if not m:
        return "", ""
    year, month, day = m.groups()
    if day:
        return f"{year}-{month}-{day}", ""
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-{last:02d}", f"release date: only the month {year}-{month} is stated, its last day used"
    return f"{year}-12-31", f"release date: only the year {year} is stated, its last day used"


def _figures(row: dict[str, str], rule: str | dict[str, str]) -> list[tuple[str, str, str]]:
    """(indicator, value as published, what it was published as) of each figure the row holds."""
    if isinstance(rule, str):
        return [(rule, row["value"].strip(), row["indicator_zh"])]
    out = []
    for label, code in rule.items():
        m = re.search(rf"(?:^|;\s*){re.escape(label)}\s*(\d+(?:\.\d+)?)", row["value"])
        if m is None:
            raise SystemExit(f"{row['indicator_zh']}: no figure labelled {label!r} in {row['value']!r}")
        out.append((code, m.group(1), f"{row['indicator_zh']}: {label}"))
    return out


def found_rows(source: Path, bundled: list[list[str]]) -> tuple[list[list[str]], list[dict[str, str]]]:
    """(template rows to bundle, rows left out with the reason), from found-figures-2026-12.csv."""
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    already = {(r[0], r[1], r[2], r[10]) for r in bundled}
    out, left_out = [], []
    for row in rows:
        key = (row["jurisdiction"], row["indicator_zh"])
        if row["jurisdiction"] in LEFT_OUT_JURISDICTIONS:
            left_out.append(row | {"reason": LEFT_OUT_JURISDICTIONS[row["jurisdiction"]]})
            continue
        if key not in FOUND_RULES:
            raise SystemExit(f"found figure {key} has no rule: add it to FOUND_RULES")
        rule = FOUND_RULES[key]
        if isinstance(rule, tuple):
            left_out.append(row | {"reason": rule[0]})
            continue
        jurisdiction = JURISDICTIONS_ZH[row["jurisdiction"]]
        year_m = re.fullmatch(r"(\d{4})(H1)?", row["year"].strip())
        if year_m is None:
            raise SystemExit(f"found figure {key}: year {row['year']!r} is not a year")
        year, partial = year_m.group(1), bool(year_m.group(2))
        released, release_note = _found_release(row["release_date"])
        for code, value, published in _figures(row, rule):
            if (jurisdiction, code, year, row["source_url"]) in already:
                left_out.append(row | {"reason": f"already bundled from real-figures.csv ({code}, same page)"})
                continue
            notes = "; ".join(
                n for n in (
                    f"published as: {published} ({row['indicator_en']})",
                    f"{row['stock_or_flow']}" + (" (first half of the year only)" if partial else ""),
                    f"quote: {row['quote_zh']}",
                    row["notes"],
                    release_note,
                ) if n
            )
            out.append([
                jurisdiction, code, year, value, UNITS_FOUND.get(row["unit"], row["unit"]),
                "partial" if partial else "annual", "actual", released, _confidence(row["source_url"]),
                row["source_title"], row["source_url"], notes,
            ])
    return _confirm(out, bundled), left_out


def _base_value(row: list[str]) -> float | None:
    written = vocab.WRITTEN_UNITS.get(row[4])
    try:
        return float(row[3]) * written[1] if written else float(row[3])
    except ValueError:
        return None


def _confirm(found: list[list[str]], bundled: list[list[str]]) -> list[list[str]]:
    """A repost whose figure a `high` row of the same series, year and value confirms is `high`, saying by which."""
    official = {}
    for r in [*bundled, *found]:
        if r[8] == "high" and r[6] == "actual":
            official.setdefault((r[0], r[1], r[2], _base_value(r)), r[9])
    for r in found:
        by = official.get((r[0], r[1], r[2], _base_value(r)))
        if r[8] == "medium" and by is not None:
            r[8] = "high"
            r[11] += f"; confidence high: the same figure is published by {by}"
        elif r[8] == "medium":
            r[11] += "; confidence medium: a repost on a mirror site, not confirmed by an official page"
    return found


# --- the bundled files -----------------------------------------------------------------------------------------


def _write(path: Path, body: list[list[str]], origin: str) -> None:
    for r in body:
        if blank_in_note(r[11]):
            raise SystemExit(f"{path.name}: a note still has a blank where a target id was: {r[11]!r}")
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# REAL published figures (not synthetic): {len(body)} rows copied from {origin}\n")
        fh.write("# Every row cites its source in source_title and source_ref; read notes before use.\n")
        fh.write(
            "# Built by tools/bundle_real_figures.py; release_date is filled only where the source states a day.\n"
            if origin == "real-figures.csv"
            else "# Built by tools/bundle_real_figures.py; a release date stated only as a month or year is that "
            "period's last day (the note says so).\n"
        )
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(body)


def markdown(found: list[list[str]], left_out: list[dict[str, str]]) -> str:
    """The tables of docs/bundled-figures.md: what was bundled from the found figures, and what was left out."""
    lines = ["| jurisdiction | indicator | year | value | unit | period | release date | confidence | source |",
             "|---|---|---|---:|---|---|---|---|---|"]
    lines += [f"| {r[0]} | `{r[1]}` | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[7]} | {r[8]} | [{r[9]}]({r[10]}) |"
              for r in found]
    lines += ["", "| jurisdiction | indicator as published | year | value | why left out |", "|---|---|---|---|---|"]
    lines += [f"| {r['jurisdiction']} | {r['indicator_zh']} | {r['year']} | {r['value']} | {r['reason']} |"
              for r in left_out]
    return "\n".join(lines)


def main(source: Path = DEFAULT_SOURCE, show_markdown: bool = False) -> None:
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    out: dict[str, list[list[str]]] = {}
    for row in rows:
        name = next((f for f, key, _ in FILES if re.search(key, row["source_ref"])), OTHER[row["jurisdiction"]])
        out.setdefault(name, []).append(convert(row))
    reports = ROOT / "reports"
    for name, body in sorted(out.items()):
        _write(reports / name, body, "real-figures.csv")
    found, left_out = found_rows(source.with_name(FOUND_FILE), [r for body in out.values() for r in body])
    _write(reports / FOUND_REPORT, found, FOUND_FILE)
    print(f"{len(rows)} figures -> {len(out)} files in {reports}; {FOUND_FILE}: {len(found)} figures bundled "
          f"into {FOUND_REPORT}, {len(left_out)} left out")
    if show_markdown:
        print(markdown(found, left_out))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--markdown"]
    main(Path(args[0]) if args else DEFAULT_SOURCE, "--markdown" in sys.argv[1:])
