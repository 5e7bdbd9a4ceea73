"""Round 34 of issue 17: rules written against development texts. Real sentences from development texts (as
published, the other script, full-width and spaced); SYNTHETIC heads and controls are marked so. Values, places and
years worked by hand from the texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.model import Aliases
from targetwatch.reports.normalise import indicator_matcher
from targetwatch.reports.recognition_counts import recognition_key
from tests.targetwatch.reports.round_texts import SPACED_IDS as IDS
from tests.targetwatch.reports.round_texts import fold_text, read_at
from tests.targetwatch.reports.round_texts import spaced_variants as _variants
from tests.targetwatch.reports.test_communique_round31 import _got


def _reasons(read) -> list[str]:
    """The rejected rows' reasons, folded (simplified, half-width, no blanks)."""
    return [] if read.rejected.empty else [fold_text(r).replace(" ", "") for r in read.rejected["reason"]]


# --- rule 1: a year's recognitions counted by the place or as the year's total (recognition_counts.py) -------------

# u39_aq_2016_hitech_aq365 (dev since round 31), as published, with a SYNTHETIC head line naming the city (the stored
# text names it only in the outlets' names; its sidecar gives the place)
ANQING_2016 = (
    "安庆市2016年高新技术产业发展情况\n2016年,全市认定高新技术企业62家,新建院士工作站1家、省级工程技术研究中心2家。"
)
# u39_jl_2023_hitech_gzshihua (dev since round 31), as published (the garbled 省高术企 and 新技新高 as found)
JILIN_2023 = "近日,吉林记者从吉林省科技厅获悉,省高术企2023年吉林省认定高新技术企业1486户,新技新高同比增长24.87%;"
# u30_sh_2018_communique_st_xiaze (dev since round 21), the head and the sentence as published
SHANGHAI_2018 = (
    "上海市2018年国民经济和社会发展统计公报(5)\n2019-03-18 上海市统计局\n"
    "年内共认定高新技术企业3653家,全市2016~2018年有效期内高新技术企业总数达到9206家,净增长1564家。"
)
# u36_hlj_2007_hitech_yearbook (dev since round 27), with a SYNTHETIC head naming the province and the year (the
# stored entry has them from its yearbook's title)
HEILONGJIANG_2007 = "2007年黑龙江省高新技术企业认定\n全年共认定高新技术企业88家(含6家更名),哈尔滨高新区企业63家。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *[(t, ("62", "安庆市", "2016")) for t in _variants(ANQING_2016)],
        *[(t, ("1486", "吉林省", "2023")) for t in _variants(JILIN_2023)],
        *[(t, ("3653", "上海市", "2018")) for t in _variants(SHANGHAI_2018)],
        *[(t, ("88", "黑龙江省", "2007")) for t in _variants(HEILONGJIANG_2007)],
    ],
    ids=[f"{p}-{i}" for p in ("anqing", "jilin", "shanghai", "heilongjiang") for i in IDS],
)
def test_a_years_recognitions_are_the_recognitions_indicator(
    tmp_path: Path, wide_aliases: Aliases, text: str, expected: tuple[str, str, str]
) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    got = _got(read.rows)
    assert [g[1:] for g in got if g[0] == "认定高新技术企业"] == [expected]
    assert [g for g in got if g[0] == "高新技术企业" and g[1] == expected[0]] == []  # never the stock


def test_shanghai_keeps_its_stock(tmp_path: Path, wide_aliases: Aliases) -> None:
    read = read_at(tmp_path, SHANGHAI_2018, wide_aliases)
    assert ("高新技术企业总数", "9206", "上海市", "2018") in _got(read.rows)


@pytest.mark.parametrize(
    ("name", "code", "how"),
    [
        ("认定高新技术企业", "high_tech_enterprises_recognised", "normalised"),
        ("認定高新技術企業", "high_tech_enterprises_recognised", "normalised"),
        ("认定国家高新技术企业", "high_tech_enterprises_recognised", "normalised"),
        ("高新技术企业认定", "high_tech_enterprises_recognised", "alias"),
        ("认定科技型中小企业", None, None),  # SYNTHETIC: only the high-tech enterprises' recognitions are a series
    ],
)
def test_the_row_says_the_match_is_inferred(catalogue, name: str, code: str | None, how: str | None) -> None:
    m = indicator_matcher(catalogue).match(name)
    assert (m.code, m.matched_by) == (code, how)


def test_recognition_key() -> None:
    assert recognition_key("认定高新技术企业") == "高新技术企业认定"
    assert recognition_key("认定了国家级高新技术企业") == "高新技术企业认定"
    assert recognition_key("高新技术企业") == "高新技术企业"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # u28_lz_2020_jingkaiqu_trad (dev since round 19), with a SYNTHETIC head: the period word alone keeps
        # recognitions.py's reading (a flow of the stock, refused; the zone's count)
        (
            "兰州市2020年\n創新主體不斷壯大,全年認定高新技術企業23家,全區高新技術企業累計達85家。",
            "countsthoserecognised(全年认定)",
        ),
        # SYNTHETIC: a zone before the verb is not a place
        ("兰州市2019年\n2019年,兰州高新区认定高新技术企业100家。", "zonesorparksnamedbefore(高新区)"),
    ],
)
def test_other_recognitions_are_refused(tmp_path: Path, wide_aliases: Aliases, text: str, reason: str) -> None:
    for variant in _variants(text):
        read = read_at(tmp_path, variant, wide_aliases)
        assert _got(read.rows) == []
        assert [r for r in _reasons(read) if reason in r] != []


@pytest.mark.parametrize(
    "text",
    # SYNTHETIC: the cumulative count stays the stock (recognitions.py: 累计认定)
    _variants("2019年,甘肃省累计认定高新技术企业1000家。"),
    ids=IDS,
)
def test_a_cumulative_count_stays_the_stock(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("高新技术企业", "1000", "甘肃省", "2019")]


# --- rule 2: a kind of firm before the name with 的, 各类 or a year between (scope.py's _KIND_BEFORE) ----------------

# u43_dg_2021_rd_luyoun_trad (unseen-43, dev since round 34), traditional as stored (pinyin glosses left out): the
# firms' part of 东莞's R&D expenditure, twice; a SYNTHETIC head names the city
DONGGUAN_2021 = (
    "東莞市2021年研發投入情況\n"
    "2021年,東莞各類企業的R&D經費支出415.23億元,比2012年增加340.4億元,增長4.5倍;占全社會R&D經費支出的95.6%。"
    "其中,規模以上工業企業2021年R&D經費支出405.61億元,比2012年增加330.78億元。"
)
# u43_jx_2023_techsmes_hanle (unseen-43, dev since round 34), as published, with a SYNTHETIC head naming the province:
# the whole (558.15) and the intensity are 江西's levels, the firms' 464.58 a part
JIANGXI_2022 = (
    "江西省科技创新情况\n"
    "2022年,全省全社会研发投入经费达558.15亿元,同比增长11.1%,研发投入强度达1.74%,比上年提高0.04%,"
    "其中企业各类研发投入经费464.58亿。"
)


@pytest.mark.parametrize("text", _variants(DONGGUAN_2021), ids=IDS)
def test_a_kind_of_firms_expenditure_is_a_part(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    # (占全社會R&D經費支出的95.6% is a raw row too: normalise() refuses it, '%' is not an amount)
    assert [g for g in _got(read.rows) if g[1] != "95.6"] == []
    assert len([r for r in _reasons(read) if "isthefigureofakindoffirm" in r]) == 2


@pytest.mark.parametrize("text", _variants(JIANGXI_2022), ids=IDS)
def test_the_firms_part_after_the_whole(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    values = sorted(g[1] for g in _got(read.rows))
    assert "464.58亿" not in values and "464.58" not in values
    assert [r for r in _reasons(read) if "isthefigureofakindoffirm(企业各类)" in r] != []


@pytest.mark.parametrize(
    "text",
    # SYNTHETIC controls: the place's own 的 and a year before the whole are no kind of firm
    [*_variants("2021年,东莞市的R&D经费支出415.23亿元。"), *_variants("东莞市2021年R&D经费支出415.23亿元。")],
    ids=[*(f"own-{i}" for i in IDS), *(f"year-{i}" for i in IDS)],
)
def test_the_places_own_expenditure_is_read(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("415.23", "东莞市", "2021")]
