"""The document's own reference year and place, decided once from its head, its title, its sidecar and its release date
(docs/report-formats.md §3b). Moved out of communique.py in round 17 of issue 17, unchanged, to keep that module under
700 lines when the per-sentence guard (rule_failures.py) was added."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from targetwatch.reports.bare_city_names import folded_cities
from targetwatch.reports.grammar import PARTIAL
from targetwatch.reports.matching import strip_deletions
from targetwatch.reports.model import Aliases
from targetwatch.reports.named_places import head_cities
from targetwatch.reports.own_units import first_own_area
from targetwatch.reports.periods import REVIEW, YearBasis, head_year, lead_year
from targetwatch.reports.places import PROVINCE as _PROVINCE
from targetwatch.reports.places import national_body, province_of_capital
from targetwatch.reports.places import place_is_mentioned as _place_is_mentioned
from targetwatch.reports.plaintext import PlainText
from targetwatch.reports.reviews import review_years
from targetwatch.reports.title_lines import title_line_year
from targetwatch.units import fold_with_offsets, parse_year

# a place in a dateline (中新网西宁2月24日电) is where the reporter was; a place in a zone's name is not the place
_ASIDE = re.compile(r"\([^()]{0,12}\)")
# the opening, where a communiqué's introduction names its own area (全州经济稳定恢复): its first characters
_OPENING = 1200


@dataclass
class Document:
    year: int | None  # the reference year of the document's figures
    year_basis: str | None  # how it was found: sidecar | title | work report | release date
    jurisdiction: str | None  # as written in the title or the sidecar
    partial: bool
    plain: PlainText
    now: int | None = None  # the year of release (else of the title): 去年 and 今年 count from it
    local: str | None = None  # the first place below the nation named in the head: what 我省/全省 mean there
    province: str | None = None  # a province named only through its capital (places.province_of_capital)
    outside: str | None = None  # the document is about a place the catalogue does not know (青海省)
    lead: int | None = None  # the year the body's first lines state, when the year is the release's (periods.lead_year)
    own_area: str | None = None  # how the opening names its own area (全省, 全市, 全州…: own_units.first_own_area)
    cities: frozenset[str] = frozenset()  # cities outside the catalogue it writes with 市 (bare_city_names.py)


def document(plain: PlainText, aliases: Aliases, meta: Mapping[str, Any], release: str | None) -> Document:
    head = [line.strip() for line in plain.text.splitlines() if line.strip()][:5]
    if plain.title and (not head or head[0] != plain.title):
        head.insert(0, plain.title)
    if meta.get("title"):
        head.insert(0, str(meta["title"]))
    folded_head = [strip_deletions(*fold_with_offsets(line))[0] for line in head]
    release_year = int(release[:4]) if release else None
    year, basis, now = None, None, release_year
    if meta.get("year") is not None:
        year, basis = parse_year(str(meta["year"])), YearBasis.SIDECAR
    # the title (and the sidecar's) names the year; later lines only when no release date says more
    lines = folded_head if release_year is None else folded_head[: 1 + bool(meta.get("title"))]
    # a year in brackets is an aside, never the document's: …授权1万发明专利用了6年(1991年)… (u9_nat_2011_patents, dev)
    lines = [_ASIDE.sub("", line) for line in lines]
    for line in lines:
        if year is not None:
            break
        found = head_year(line)
        if found is not None and REVIEW.search(line):  # year N's report reviews N-1, unless N is the reviewed year
            (year, report), basis = review_years(line, found), YearBasis.WORK_REPORT
            now = now or report
        elif found is not None:
            year, basis, now = found, YearBasis.TITLE, now or found
    if year is None and release_year is not None and (titled := title_line_year(folded_head[1:])) is not None:
        year, basis = titled, YearBasis.TITLE  # a communiqué's title below a site's name (title_lines.py)
    if year is None and release_year is not None:
        reviews = any(REVIEW.search(line) for line in folded_head)
        year, basis = ((release_year - 1, YearBasis.WORK_REPORT) if reviews
                       else (release_year, YearBasis.RELEASE_DATE))
    jurisdiction = str(meta["jurisdiction"]) if meta.get("jurisdiction") else None
    outside = None
    # an outlet's place (甘肃日报 over a story datelined 本报兰州讯, u8_gs_2021_techsmes_gsrb) only when the head names
    # no other place
    for line, outlets in [(line, False) for line in folded_head] + [(line, True) for line in folded_head]:
        if jurisdiction is not None or outside is not None:
            break
        known = [
            p for p in aliases.find_folded(line, "jurisdiction") if _place_is_mentioned(line, p.start, p.end, outlets)
        ]
        other = [
            m
            for m in _PROVINCE.finditer(line)
            if not aliases.find_folded(m.group(), "jurisdiction")
            and _place_is_mentioned(line, m.start(), m.end(), outlets)
        ]
        other = sorted(other + head_cities(line, aliases), key=lambda m: m.start())  # 长治市人民代表大会 (named_places)
        if other and (not known or other[0].start() < known[0].start):
            outside = other[0].group()
        elif known:
            jurisdiction = line[known[0].start : known[0].end]
    if jurisdiction is None and outside is None and national_body(folded_head):
        jurisdiction = "全国"  # the head names no place but a central body (places.national_body)
    local = next(
        (
            line[p.start : p.end]
            for line in folded_head
            for p in aliases.find_folded(line, "jurisdiction")
            if aliases.jurisdictions.get(p.key) != "national" and _place_is_mentioned(line, p.start, p.end)
        ),
        None,
    )
    partial = bool(plain.title and PARTIAL.search(fold_with_offsets(plain.title)[0]))
    folded_text = strip_deletions(*fold_with_offsets(plain.text))[0]  # folded once: the capital's and the cities' rules
    province = None
    if local is None and outside is None and (jurisdiction is None or jurisdiction == "全国"):
        province = province_of_capital(folded_text)
    lead = lead_year(folded_head[1:]) if basis == YearBasis.RELEASE_DATE else None
    own_area = first_own_area(strip_deletions(*fold_with_offsets(plain.text[:_OPENING]))[0])
    cities = folded_cities(folded_text, aliases)  # 绵阳市 … 绵阳高新技术企业达到446家 (bare_city_names.py)
    return Document(year, basis, jurisdiction, partial, plain, now, local, province, outside, lead, own_area, cities)
