"""An annual statistic with no year of its own is the year before its release, never the release year.

    2021-09-23 (經濟日報): “…R&D經費投入強度(與GDP之比)達到2.40%,比上年提高0.16個百分點…”
        the sentence states no year; the release date says 2021, but the nation's intensity of 2021 did not exist
        in September 2021: the latest one published is 2020's (the paragraph before names the 2020 bulletin)

R&D expenditure, its intensity (R&D over the year's GDP) and the S&T progress contribution (a share of the year's
growth) are measured only for whole years, from annual surveys and accounts published after the year ends; no bureau
publishes them for part of a year. So when a figure of one of them takes its year from the release date alone (periods
basis "release date": no year in its sentence, its paragraph, the title or a sidecar), the latest year it can be is
the year before the release. The row's notes say the year is inferred so. Flows that are counted part-way through a
year (新增就业 to October, 技术合同成交额 to the third quarter) and stocks stated as now keep the release year
(now_stocks.py), as the `全年` rule (periods "full year") and the work-report rule keep theirs.

Development texts that show the class (round 26): u34_nat_2020_rd_jjrb_k988k_trad (the 2.40% above, read as 2021) and
gs_2018_ddjs (`贡献率由42.5%上升到51.3%` in a magazine article reposted 2018-05-16, read as 2018; the annotators read
2016, the year before the printed issue 2017年第5期, which the text states only as an issue line, so this rule gives
2017: the direction is right and the figure stays wrong). u27_gs_2021_kjrb_2windao's 1229 high-tech enterprises (a
stock, annotated 2020) is not of the class: stocks stated with no year keep the release year in the development
texts that read them right (gs_2017_techmarket's 612, lz_2021_gscn's 681 and 43, sx_2022_tenyears' 117).
"""

from __future__ import annotations

from targetwatch.reports.periods import YearBasis

# indicators measured only for whole years, published after the year ends (targets.yaml codes)
ANNUAL_ONLY = frozenset({"rd_expenditure", "rd_intensity", "st_progress_contribution"})
ANNUAL_BASIS = YearBasis.ANNUAL_STATISTIC  # its words: periods.YEAR_BASIS_WORDS
_FROM_RELEASE = YearBasis.RELEASE_DATE


def annual_year(key: str, year: int | None, basis: str) -> tuple[int | None, str]:
    """(year, basis) for a figure of indicator `key`: the year before the release for an annual statistic whose year
    would come from the release date alone, else the year and basis as they are."""
    if basis == _FROM_RELEASE and year is not None and key in ANNUAL_ONLY:
        return year - 1, ANNUAL_BASIS
    return year, basis
