"""Round 30 of issue 17: rules written against development texts. Real sentences from development texts (as
published, the other script and full-width); SYNTHETIC controls are marked so. Values, places and years worked by hand
from the texts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from targetwatch.reports.award_years import without_award_years
from targetwatch.reports.graded_names import place_before
from targetwatch.reports.model import Aliases
from targetwatch.reports.periods import head_year
from targetwatch.units import fold_with_offsets
from tests.targetwatch.reports.round_texts import IDS, read_at, variants

ROOT = Path(__file__).parents[3]
REAL = ROOT / "tests" / "fixtures" / "real"


def _variants(text: str) -> list[str]:
    """round_texts.variants, with ; and , widened too in the full-width text."""
    return variants(text, separators=True)


def _got(rows) -> list[tuple[str, str, str]]:
    """(value, place folded, year) of each row, sorted."""
    if rows.empty:
        return []
    return sorted(
        zip(
            rows["value_raw"].map(lambda v: unicodedata.normalize("NFKC", v)),
            rows["jurisdiction_raw"].map(lambda j: fold_with_offsets(j)[0]),
            rows["year_raw"],
            strict=True,
        )
    )


# --- rule 1: a prize's year is not the document's (award_years.py) -----------------------------------------------

# u38_as_2019_st_asxw (dev since round 29), its first two lines as stored (no release date in the text; the
# corpus's sidecar gives 安顺市): the document's year was 2018 from the award line, and the 2019 levels were
# kept out as forecasts
ANSHUN_HEAD = (
    "贵飞公司“无人机遥感安全检测与网络应用系统”荣获2018年省科技进步一等奖;紫云县畜牧服务中心“贵州地方猪种遗传资源发掘、"
    "创新及产业化利用”荣获2018年省科技进步二等奖;全年新增国家级高新技术企业23家……\n"
    "2019年,我市推进科技成果转化、强化主体培育硕果累累,综合科技进步水平指数58.4%,市州排位第五位,实现保位。"
    "全社会R&D投入达到5.06亿元,同比增长8850万元,增幅达到21.17%,投入强度达到0.6%,全省排名第四位。\n"
)


@pytest.mark.parametrize("text", _variants(ANSHUN_HEAD), ids=IDS)
def test_an_award_line_does_not_date_the_document(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "安顺市"})
    got = [g for g in _got(read.rows) if g[0] != "58.4"]  # the index: not a catalogue indicator's level here
    assert got == [("0.6", "安顺市", "2019"), ("5.06", "安顺市", "2019")]
    # and none of them is a forecast (a year later than the document's "now", which ingestion keeps out)
    assert set(read.rows["figure_type"]) == {"actual"}


@pytest.mark.parametrize("line", _variants(ANSHUN_HEAD.splitlines()[0]), ids=IDS)
def test_a_prizes_year_is_no_head_year(line: str) -> None:
    assert head_year(fold_with_offsets(line)[0]) is None


@pytest.mark.parametrize(
    ("line", "year"),
    [
        # SYNTHETIC controls: a year written before the verb of winning, or a year with no prize after it, stays
        ("2019年,我市企业荣获省科技进步一等奖3项", 2019),
        ("我市获贵州省2019年度科技平台立项支持", 2019),
        # SYNTHETIC: 年度 and traditional script
        ("某公司獲2020年度國家科學技術進步獎二等獎;2021年全市技術合同成交額", 2021),
    ],
)
def test_only_the_prizes_year_is_blanked(line: str, year: int) -> None:
    assert head_year(fold_with_offsets(line)[0]) == year


def test_the_blank_keeps_offsets() -> None:
    folded = fold_with_offsets("荣获2018年省科技进步一等奖")[0]
    assert without_award_years(folded) == "荣获    年省科技进步一等奖"


# --- rule 2: a province's name running into the name after a city's own word is a grade (graded_names.py) ---------

# u38_km_2024_st_yunnan (dev since round 29), the paragraph as published: 140 was refused ("'全市' means a
# prefecture's own figures, but the document names '云南省'"); 24 is a count of new ones and stays unread
KUNMING_2024 = (
    "以产业链发展和创新链布局需求为牵引,昆明市不断扩大科技创新平台增量、优化科技创新平台存量、提升科技创新平台质量。"
    "2024年,全市新增全国重点实验室1家、云南省重点实验室24家、云南省技术创新中心9家、省级院士专家工作站58家、"
    "新型研发机构12家。目前,全市共有国家重点实验室9家,云南省重点实验室140家,云南省技术创新中心22家,"
    "省级院士专家工作站554家。"
)


@pytest.mark.parametrize("text", _variants(KUNMING_2024), ids=IDS)
def test_a_provinces_grade_after_the_citys_own_word(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "昆明市"})
    assert _got(read.rows) == [("140", "昆明市", "2024")]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: with no city's own word before it, the province is the place (its own count)
        "2024年,云南省重点实验室140家。",
        "2024年,雲南省重點實驗室140家。",
    ],
)
def test_without_the_own_word_the_province_is_the_place(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases, {"jurisdiction": "全国"})
    assert _got(read.rows) == [("140", "云南省", "2024")]


def test_place_before_steps_over_only_an_overlapping_place() -> None:
    from types import SimpleNamespace as Span

    folded = "全市共有云南省重点实验室140家"
    own, province = Span(start=0, end=2), Span(start=4, end=7)
    hit = folded.index("省重点实验室")  # 6: the province's 省 is the name's first character
    assert place_before([own, province], 2, hit, folded) is own
    assert place_before([province], 1, hit, folded) is None  # SYNTHETIC: no place before it
    assert place_before([own, province], 2, 7, folded) is province  # SYNTHETIC: a name starting after the place
    assert place_before([], 0, hit, folded) is None


# --- data, not a rule: places.csv gives Xinjiang its bare name 新疆 ------------------------------------------------

# u38_xj_2023_techsmes_people (dev since round 29): 2256 was "about 新疆, a place not in targets.yaml"
XINJIANG_2023 = (
    "本报乌鲁木齐电 (记者韩立群)近日,记者从新疆维吾尔自治区科学技术厅获悉:截至2023年12月底,新疆科技型中小企业达2256家,"
    "同比增长超过80%,涉及电子与信息、生物与医药、新材料、资源与环境、新能源与高效节能等领域。"
)


@pytest.mark.parametrize("text", _variants(XINJIANG_2023), ids=IDS)
def test_the_bare_name_xinjiang(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("2256", "新疆", "2023")]
    assert {wide_aliases.jurisdictions[fold_with_offsets(j)[0]] for j in read.rows["jurisdiction_raw"]} == {"xinjiang"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # u29_xpcc_2020_communique (dev since round 20): the Corps' name still wins, the longest name at its place
        ("新疆生产建设兵团统计局", "xpcc"),
        # u8_nat_2022h1_jobs_trad (dev since round 5), traditional
        ("28個省(自治區、直轄市)和新疆生產建設兵團任務完成快于時序進度", "xpcc"),
    ],
)
def test_the_corps_name_is_not_xinjiang(wide_aliases: Aliases, text: str, code: str) -> None:
    folded = fold_with_offsets(text)[0]
    found = [wide_aliases.jurisdictions[p.key] for p in wide_aliases.find_folded(folded, "jurisdiction")]
    assert code in found and "xinjiang" not in found
