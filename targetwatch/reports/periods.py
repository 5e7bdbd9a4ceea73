"""Reference periods: which year a figure in running text is about, and when the text was released.

    2019年，我省科技进步对经济增长的贡献率达到52.8%。…技术合同成交额196.42亿元     stated, then carried
    2018年甘肃省科技(知识产权)工作会 … 贡献率提升至52.2%                        a work meeting reviews 2017
    甘肃高新技术企业数从“十二五”末的319家增加到1229家                          十二五末 = 2015
    “十三五”期间，技术市场合同成交额累计达到924亿元                            a period total, no year
    去年我省科技成果共创造经济效益五百一十七亿元 (released 2020-03-26)           2019

Every inferred year says how it was found (`year_basis`); the rules and examples are in docs/report-formats.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from targetwatch.reports.award_years import without_award_years
from targetwatch.units import fold_with_offsets, parse_year

# a year is written with 年, or without it right before 全年 (the whole year) or 末 (its end): 2023年1月17日國家統計
# 局發布數據,2022全年城鎮新增就業1206萬人 (u23_nat_2022_jobs_97rentiart_trad, unseen-23, dev since round 15) is
# 2022's, not the release date's 2023. The lookahead keeps the match on the digits, so `.end()` stands before 全年/末
YEAR_TOKEN = re.compile(r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})(?:年|(?=全年|末))")


COMPARISON_BEFORE = re.compile(r"(?:比|较|同|与|自|从|和)$")


SINCE_AFTER = re.compile(r"^(?:以来|起|至今)")


_MEETING_AFTER = re.compile(r"^[^,;。]{0,16}?(?:政府工作报告|工作会议|工作会|工作视频会议)")


# 关于政府工作的报告 (u13_nat_2016_gzbg_dzwww, dev since round 8)
REVIEW = re.compile(r"政府工作的?报告|工作会议|工作会|工作视频会议|工作回顾")


_DATELINE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})|(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})")


# 明年 (next year: a target, u8_nat_2007_jobs, dev since round 5) counts forward and makes a forecast
_RELATIVE = re.compile(r"(?<![比较同与])(?:去年|过去一年|过去五年|上一年)|今年|本年|明年")


PLAN = re.compile(r"十([一二三四五])五(末|期间|时期|以来)?")


_PLAN_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}


PERIOD_TOTAL = re.compile(r"累计|合计|共计")


ESTIMATE = re.compile(r"预计")


class YearBasis:
    """How a figure's year was found (the raw rows' `year_basis`): the one spelling of each basis, for the readers
    that set or test it and for YEAR_BASIS_WORDS. STATED, a year written in the figure's own sentence, has no words."""

    STATED = "stated"
    CARRIED = "carried"
    RELATIVE = "relative"
    PLAN_PERIOD = "plan period"
    WORK_REPORT = "work report"
    RELEASE_DATE = "release date"
    FULL_YEAR = "full year"
    ANNUAL_STATISTIC = "annual statistic"
    RESTATED = "restated"
    LEAD = "lead"
    STOCK_NOW = "stock now"
    TITLE = "title"
    SIDECAR = "sidecar"
    DOCUMENT = "document"


YEAR_BASIS_WORDS = {
    YearBasis.CARRIED: "carried from the year stated earlier in the paragraph",
    YearBasis.RELATIVE: "from 去年/过去一年/今年 and the release date",
    YearBasis.PLAN_PERIOD: "from a five-year-plan expression (十二五末 = 2015, “十三五” ends in 2020)",
    YearBasis.WORK_REPORT: "inferred: a work report or work meeting reviews the year before",
    YearBasis.RELEASE_DATE: "inferred from the release date (no year in the text)",
    YearBasis.FULL_YEAR: "inferred: a whole year's figure (全年) with no year is the year before the release",
    YearBasis.ANNUAL_STATISTIC: "inferred: an annual statistic (R&D, its intensity, the progress contribution) with no "
    "year is the year before the release (annual_statistics.py)",
    YearBasis.RESTATED: "from the same figure stated with its year elsewhere in the text",
    YearBasis.LEAD: "from the year the story's lead states (a headline's figure with no year of its own)",
    YearBasis.STOCK_NOW: "inferred from the release date: a stock stated as now (现有/目前) holds on the statement's "
    "day, part of that year (now_stocks.py)",
    YearBasis.TITLE: "from the title",
    YearBasis.SIDECAR: "from the sidecar",
    YearBasis.DOCUMENT: "from the document",
}


@dataclass
class Context:
    """What a sentence inherits from the ones before it."""

    paragraph: int = -1
    year: int | None = None  # the last year stated in this paragraph
    forecast: bool = False  # an open list of targets (目标：…；…；…)
    own: bool = False  # the paragraph speaks of 我省/全省 (its own province)
    start: int | None = None  # the last 从/由 start point named in this paragraph (由“十一五”末的…)
    series: tuple[str, str] | None = None  # (name, unit) of the sentence before's last figure, if it had one
    named: str | None = None  # the last name the sentence before gave without a figure of it
    before: str = ""  # the sentence before in this paragraph, folded (shortnames: what it has spoken of)
    subject: str | None = None  # a kind of owner (省属企业) the sentences before spoke of, until a place is named
    place: str | None = None  # the last city named in this paragraph, known or not (named_places.carried_city)
    own_word: str | None = None  # the last 我省/全省… of the paragraph, until a place is named (own_words.py)


# 从2015年的…, 由“十一五”末的…: a year that opens a 从/由 … 到 … figure is its start point, never the end's year
START_POINT = re.compile(r"(?:从|由)[^,;。0-9]{0,3}?(?:((?:19|20)\d{2})年|十([一二三四五])五末)")


def start_point_year(before: str) -> int | None:
    """The year of the last 从/由 start point named in `before` (十一五末 = 2010)."""
    found = None
    for m in START_POINT.finditer(before):
        found = int(m.group(1)) if m.group(1) else _PLAN_END[m.group(2)]
    return found


def without_start_points(before: str) -> str:
    """`before` with its 从/由 start points blanked: their years belong to the start, not to the end point."""
    return START_POINT.sub(lambda m: " " * len(m.group()), before)


def head_date(lines: list[str]) -> str | None:
    """The first full date in the first lines: a dateline (2020/03/26 08:54, 发布时间:2012-2-23, 18.01.2016)."""
    for line in lines:
        for m in _DATELINE.finditer(fold_with_offsets(line)[0]):
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
            try:
                return dt.date(int(y), int(mo), int(d)).isoformat()
            except ValueError:
                continue
    return None


def first_year(folded: str) -> int | None:
    """The first year named, unless it is a comparison (比2015年) or a starting point (2017年以来)."""
    for m in YEAR_TOKEN.finditer(folded):
        if COMPARISON_BEFORE.search(folded[: m.start()]) or SINCE_AFTER.match(folded[m.end() :]):
            continue
        return parse_year(m.group(1))
    return None


# a year a head line sets before 今年 is a past milestone of the story, not the text's year: …技术合同成交总额一年一个新
# 台阶,在2024年较2020年实现翻番的基础上,今年1—10月… (u15_sx_2025_transfer_presser, dev since round 10)
_NOW_LATER = re.compile(r"今年")


# a year in a full date at a document's head dates the document, it is not the year of its figures:
# 2023年3月29日在长治市第十五届人民代表大会第三次会议上 opens a work report on 2022 (u32_sx_2022_changzhi_gzbg, dev
# since round 23); the date is still the release date (head_date), and the review's heading (一、2022年工作回顾) gives
# the year before it
_FULL_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def head_year(folded: str) -> int | None:
    """first_year of a line at a document's head, unless 今年 (this year, later than it) follows it in its sentence
    (这份2016年的“就业成绩单”堪称亮眼。…在今年全国“两会”上: 今年 is 2016 there, u11_nat_2016nov_jobs_vcinchina);
    a year in a full date (2023年3月29日) is not one, nor a prize's (荣获2018年省科技进步一等奖: award_years.py)."""
    folded = without_award_years(_FULL_DATE.sub(" ", folded))
    found = first_year(folded)
    at = folded.find(f"{found}年") if found is not None else -1
    end = folded.find("。", at) if at >= 0 else -1
    return None if at >= 0 and _NOW_LATER.search(folded, at, end if end >= 0 else len(folded)) else found


# a year in a date (2007 年 09 月 25 日) is when the page was printed, not what the story is about
_IN_DATE = re.compile(r"^\d{1,2}月")


def lead_year(lines: list[str]) -> int | None:
    """The first year the body's first lines state (not a comparison, a start point or a date): what a story is about.
    中国科研投入强度达历史最高水平 占GDP1.42% over 新华网北京9月12日电 …公报显示,2006年我国科技经费投入继续保持较快增长
    (u17_nat_2006_rd_chinagate_dizaynex, dev since round 11): the headline's figure is 2006's, not the page's 2007."""
    for line in lines:
        for m in YEAR_TOKEN.finditer(line):
            if COMPARISON_BEFORE.search(line[: m.start()]) or SINCE_AFTER.match(line[m.end() :]):
                continue
            if _IN_DATE.match(line[m.end() :]):
                continue
            return parse_year(m.group(1))
    return None


def sentence_year(before: str) -> int | None:
    """The last year named before the alias, unless it is a comparison ('比2015年') or a start ('2015年以来')."""
    year = None
    for m in YEAR_TOKEN.finditer(before):
        if COMPARISON_BEFORE.search(before[: m.start()]) or SINCE_AFTER.match(before[m.end() :]):
            continue
        if _MEETING_AFTER.match(before[m.end() :]):  # 2021年…工作会议披露: the meeting's year, not the figure's
            continue
        if _MULTIPLE_BASE.match(before, max(m.start() - 1, 0)):  # 是2016年增幅的2.5倍: a multiple's base (round 31)
            continue
        year = parse_year(m.group(1))
    return year


# the years a sentence names only as milestones of a series (到2000年…再到2019年) or as the base of a multiple
# (是2012年的1.79倍) are not carried as the paragraph's year: 2020年兰州市生产总值达到2886.74亿元…是2012年的1.79倍。
# 人均生产总值…到2000年突破万元大关,再到2019年达到75217元…。成功迈入国家创新型城市行列,综合科技进步水平达到78%
# (u15_lz_2020_presser_gansuci, dev since round 10; read since round 12)
_MILESTONE = re.compile(r"再?到((?:19|20)\d{2})年")
# …and a multiple of that year's change (round 31): 2017年,河北省高新技术企业新增1079家,是2016年增幅的2.5倍多,
# 总数达3174家 (u38_he_2017_st_tech, dev since round 29): 3174 and the next sentence's 5.5万 are 2017's, not 2016's
_MULTIPLE_BASE = re.compile(r"是((?:19|20)\d{2})年(?:增幅|增量|增速|增长)?的?[\d.]+倍")


def carried_year(folded: str) -> int | None:
    """The year a sentence hands on to the next ones of its paragraph: its last year stated, leaving out a multiple's
    base year and, when it names two or more, the milestones of a series."""
    text = _MULTIPLE_BASE.sub(lambda m: " " * len(m.group()), folded)
    if len(_MILESTONE.findall(text)) >= 2:
        text = _MILESTONE.sub(lambda m: " " * len(m.group()), text)
    return sentence_year(text)


def plan_year(before: str) -> tuple[int | None, bool]:
    """(end year, is a period) of the last five-year-plan expression before the alias: 十二五末 -> (2015, False)."""
    found = None
    for m in PLAN.finditer(before):
        found = m
    if found is None:
        return None, False
    return _PLAN_END[found.group(1)], found.group(2) in {"期间", "时期", "以来", None} and bool(
        PERIOD_TOTAL.search(before[found.end() :] + "")
    )


def year_of(doc: Any, before: str, after: str, ctx: Context) -> tuple[int | None, str, str | None]:
    """(year, basis, problem) for a figure: stated before it, a plan period, relative, carried, the document's."""
    stated = sentence_year(before)
    if stated is not None:
        return stated, YearBasis.STATED, None
    plan_end, _ = plan_year(before)
    plan = list(PLAN.finditer(before))
    if (
        plan
        and (plan[-1].group(2) in {"期间", "时期", "以来"} or plan[-1].group(2) is None)
        and PERIOD_TOTAL.search(before[plan[-1].end() :] + after)
    ):
        total = f"a total over the {plan[-1].group()} period (to {plan_end}), not a year's value"
        return None, YearBasis.PLAN_PERIOD, total
    if plan and plan[-1].group(2) == "末":
        return plan_end, YearBasis.PLAN_PERIOD, None
    rel = list(_RELATIVE.finditer(before))
    if rel and doc.now is not None:
        word = rel[-1].group()
        step = {"今年": 0, "本年": 0, "明年": 1}.get(word, -1)
        return doc.now + step, YearBasis.RELATIVE, None
    if ctx.year is not None:
        return ctx.year, YearBasis.CARRIED, None
    if plan and plan[-1].group(2) is None and doc.now is not None and doc.now - 1 == plan_end:
        return plan_end, YearBasis.PLAN_PERIOD, None
    return doc.year, doc.year_basis or YearBasis.DOCUMENT, None
