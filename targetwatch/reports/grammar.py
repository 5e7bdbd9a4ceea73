"""The grammar of a figure in running text, on folded text (NFKC, lower case, simplified): numbers, units,
clauses, the wording of changes, and the quarantine of every number with a unit that no reading accounts for.

Split out of communique.py, which reads the sentences and decides what each figure is, to keep both under the
project's module size.
"""

from __future__ import annotations

import re

from targetwatch import vocab
from targetwatch.reports.periods import YEAR_TOKEN
from targetwatch.reports.posts import posts_reason
from targetwatch.reports.ranks import rank_end, rank_rows
from targetwatch.units import normalise_text, to_simplified

NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|[零〇○一二两三四五六七八九十百千万亿点]+")
ARABIC = re.compile(r"[-+]?\d")
CLAUSE_END = re.compile(r"[;。!?、]|(?<!\d),|,(?!\d{3}(?!\d))")  # a comma between digits groups thousands
CHANGE = re.compile(
    r"(?:(?:增长|增加|提高|上升|下降|减少|降低|回落|提升|扩大|缩小|增|减|降|多|少)了?"
    # a rate named and then given: 增长率到达85.92% (sc_2019_techcontracts, dev), and the other words for a rate
    r"|(?:增长率|增速|增幅|涨幅|降幅)(?:为|是|达到|到达|达)?)$"
)
PERCENTAGE_POINTS = re.compile(r"^个?百分点")
TIMES = re.compile(r"^倍")
RESPECTIVELY = re.compile(r"分别")
QUALIFIER = re.compile(
    r"(?:国家级|省级|市级|县级|省级以上|省级及以上|国家级以上|省部级|国家|重点|企业|规模以上|省属|市属|专业化|备案|其中包括|其中"
    # an industry or field before the name: 高技术制造业研究与试验发展(R&D)经费 (u9_nat_2020_rd_bulletin_hbgrl),
    # 战略性新兴产业领域技术合同成交额 (u8_nat_2013_techmarket): dev since round 5
    r"|制造业|工业|服务业|产业|行业|领域"
    # firms in incubators: 科技企业孵化器在孵科技型中小企业20.6万家 (u10_nat_2018_incubation_report); patents held by a
    # kind of holder: “小巨人”企业拥有有效发明专利151.2万件 (u10_nat_2022_patents): dev since round 6
    r"|在孵|(?:企业|高校|院所|机构|单位)(?:拥有|持有)"
    # universities and research institutes as a kind of holder: 全省高校技术合同成交额11.69亿元
    # (u11_hn_2019_techcontracts), 高校技术合同成交21.92亿元 (u6_hb_2021h1_techcontracts): their part of the whole,
    # dev (round 26)
    r"|高校|高等学校|高等院校|院所"
    # 高價值發明專利有效量1.04萬件 (u15_sx_2024_patents_mefea_trad, dev since round 10): the high-value ones, a subset
    r"|高价值"
    # the government's part of the R&D expenditure: 政府R&D經費1088.9億元 (u17_nat_2008_rd_fulingte_trad, dev since
    # round 11)
    r"|政府"
    # research institutes as a kind of performer (round 29): 政府屬研究機構研發經費79.1億元 beside 山東以2180.4億元
    # (u38_sd_2022_rd_lzyygm_trad, dev since round 29: read as Shandong's 2022 R&D expenditure)
    r"|研究机构|科研机构)$"
)
# a kind of spender that puts money in: 規模以上工業企業全年投入R&D經費107億元, 内资企业投入R&D经费105.7亿元,
# 制造业投入R&D经费67.9亿元, 外商企业分别投入R&D经费 (u17_sx_2012_rd_cnipai, dev since round 11): a subset
SPENDER = re.compile(r"(?:企业|工业|制造业|采矿业|产业|行业|政府|规模以上)(?:全年|分别)?(?:投入|支出)$")
# a share of the whole place's total right after the name is no level of it (round 29):
# 其中,云南省重点实验室占全省总量的84% (u38_km_2024_st_yunnan, dev since round 29: 84% was read as Yunnan's provincial
# key laboratories); 占GDP… is the intensity (intensity.py): only a share of 全省/全市/全国/… and its total
SHARE_OF_WHOLE = re.compile(
    r"^占(?:全省|全市|全国|我国|全区|全州|全县)[^,;。\d]{0,10}?的?(?:比重)?(?:为|达到?|是)?$"
)  # matched on the text from the name to its figure
FORECAST = re.compile(r"预计|预测|力争|争取|计划到|目标是|规划到|将达到|将突破|将超过")
# part of a year: 2017年前10月全国城镇新增就业就完成1191万人 (u10_nat_2017_jobs_qianinfo), 今年1月至11月,
# 全国城镇新增就业1180万人 (u10_nat_2023_jobs_cnnb): dev since round 6; 1—10月,全国累计实现城镇新增就业人员1020万人
# (an em dash: u18_nat_2008oct_jobs_cnnb, dev since round 12)
PARTIAL = re.compile(
    r"上半年|前三季度|一季度|第一季度|(?<!\d)1[-—–~至]\d{1,2}月|前\d{1,2}个?月|前[一二三四五六七八九十]+个?月"
    r"|1月(?:至|到|-|—|~)\d{1,2}月"
    # 截至10月底,全省城镇新增就业43.33万人 (u13_sx_2024oct_jobs), 截至5月底 (u13_gs_2020may_jobs_trad):
    # dev since round 8;
    # 截至12月底 is the year's end
    r"|截至(?:[1-9]|1[01]|[一二三四五六七八九]|十|十一)月(?:底|末)"
    # …with its year, and without 底: 截至2022年7月,…入库国家科技型中小企业达792家 (u36_yn_2021_hitech_xinhua, dev since
    # round 27; round 31), 截至2018年3月底,我省拥有有效发明专利50512件 (u14_ah_2018q1_patents, dev since round 9)
    r"|截[至止](?:(?:19|20)\d{2}年|今年|当年|本年)(?:[1-9]|1[01]|[一二三四五六七八九]|十|十一)月"
)
AT_LEAST = re.compile(r"以上")
APPROXIMATE = re.compile(r"(?:约|近|逾|超过|将近|接近)$")
MULTIPLIERS = "万亿千"
MAX_GAP = 12  # characters allowed between an alias and its number ('数量为', '比2018年增加')
# a bracket right after the name that holds no digit defines or glosses it, and is not counted in the gap:
# 全社會研發經費強度(研發經費與國內生産總值的比例)為0.62% (u32_qh_2015_st_indicators_chinacom_trad, dev since round 23)
DEFINITION = re.compile(r"\([^()\d]{1,40}\)")


def _unit_pattern() -> re.Pattern[str]:
    keys = {to_simplified(normalise_text(k).lower()) for k in vocab.WRITTEN_UNITS}
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k))))


UNIT = _unit_pattern()

# an indicator-like noun followed by a figure that no catalogue name matched: quarantined as "not recognised"
_NOUN_FIGURE = re.compile(
    r"([\u4e00-\u9fffa-z&]{0,6}(?:企业|空间|孵化器|基地|实验室|中心|经费|强度|贡献率|成交额|交易额|专利|就业|主体|园区|"
    r"天地|载体|联盟|平台|机构|研发投入|研发支出|申请量|授权量|拥有量|有效量|总额|总量))[^0-9,;。]{0,10}?(\d[\d,.]*)"
)


def not_recognised(folded: str, covered: list[tuple[int, int]], original, located, ranked=None) -> list[dict]:
    """A number next to an indicator-like noun that no row or rejection accounts for: quarantined, never lost."""
    out = []
    for m in _NOUN_FIGURE.finditer(folded):
        a, b = m.start(2), m.end(2)
        if any(s <= a < e for s, e in covered) or YEAR_TOKEN.match(folded, a):
            continue
        after = folded[b:]
        if PERCENTAGE_POINTS.match(after) or TIMES.match(after) or CHANGE.search(folded[m.end(1) : a]):
            continue
        skip = 1 if after[:1] and after[:1] in MULTIPLIERS else 0
        unit = UNIT.match(after[skip:])
        if unit is None:
            continue
        end = b + skip + unit.end()
        noun = original(m.start(1), m.end(1))
        covered = [*covered, (m.start(1), end)]
        posts = posts_reason(original(m.start(1), end), folded[m.start(1) : a], folded[b:end])  # posts.py
        out.append(
            located(m.start(1), end)
            | {
                "reason": posts
                or f"not recognised: {original(m.start(1), end)!r} (no indicator in targets.yaml is named {noun!r})"
            }
        )
    return out + _unread_figures(folded, covered, original, located, ranked)


# …but a decimal before 年 is a number of years: 国内专利为6.0年,而国外来华专利为9.4年 (u15_nat_2015_patents_press_trad,
# dev since round 10)
_NOT_A_FIGURE_AFTER = re.compile(r"^(?:年|月|日|号|时|届|次会议)")
_YEARS = re.compile(r"\d+\.\d+(?=年)")
# a rank (第26名, 前10名) is not a figure; a count of people is: 招募611名高校毕业生 (u10_sx_2020_hrss_trad, dev
# since round 6)
_RANK = re.compile(r"^名")
# a Chinese-numeral amount: 近百亿 (u6_hn_2014_techcontracts, dev since round 4), 五百一十七亿元; not 十三五, not 万众
_CHINESE_AMOUNT = re.compile(r"[一二两三四五六七八九十百千]+[万亿]+")
# a score: 综合得分在40分以上 (u7_nat_2024_innovation_ranking_trad, dev since round 4); per mille and hours:
# 自然增长率为-0.98‰ (u8_sx_2022_communique), 平均工作时间为46.1小时 (u9_nat_2018oct_jobs_trad): dev since round 5
_SCORE = re.compile(r"^(?:分(?=以上|以下|左右)|‰|个?千分点|小时|名)")
# a count with a measure word the units do not know: 完成22次宇航发射, 在轨驻留30天, 3颗北斗导航卫星, 近200位中国科学家,
# 5类技术合同, 14条具体举措, a score of 78.98分 (u13, dev since round 8); a rank has 第 before it (第17位); 证书30张,
# 7.3页, a number of years (u15_nat_2015_patents_press_trad, u15_sx_2024_patents_mefea_trad: dev since round 10)
_COUNT_WORD = re.compile(r"^(?:多|余)?(?:人次|家次|[次天颗位分类条支台篇所座套批轮场张页年])")
# a bare number worth listing: three digits or more, or a decimal; not part of a date, time, range or code with - : /
_BARE = re.compile(r"\d{3,}|\d+\.\d+")
_JOINED = frozenset("-:/~–—.")
_RANKED = re.compile(r"(?:排名|排在|排|居|列)[^,;。\d]{0,8}$")
# a ratio of three or more parts: 三次产业结构比为13.32∶33.84∶52.83 (u8_gs_2021_communique_trad), 23.42:25.47:51.12
# (u8_sx_2023_employment); one part at least has decimals, so a clock time (17:24:00) is not a ratio
_RATIO = re.compile(r"[\d.]+(?:[:∶][\d.]+){2,}")
# …or whole numbers that no clock reads: 三次產業就業人員的比重將達到39:27:34 (u17_nat_2010_jobs_11th_plan_trad,
# dev since round 11)
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[:∶][0-5]\d(?:[:∶][0-5]\d)?")


def _unread_figures(folded: str, covered: list[tuple[int, int]], original, located, ranked=None) -> list[dict]:
    """Every other number with a unit that no row or rejection accounts for (a figure next to no indicator name,
    a share, a count of contracts): one quarantined row per sentence listing them, so none is lost silently."""
    found: list[tuple[int, int]] = []
    ranks: list[tuple[int, int, int, int]] = []  # 第14位: their own kind of quarantined row (ranks.py), never skipped
    for m in NUMBER.finditer(folded):
        a, b = m.start(), m.end()
        chinese = not ARABIC.match(m.group())
        if found and a < found[-1][1]:  # inside a figure already listed (a ratio's later parts: 13.32∶33.84∶52.83)
            continue
        if any(s <= a < e for s, e in covered):
            continue
        if (rank := rank_end(folded, a, b)) is not None:  # 第14位, 排名第三: written in either kind of numeral
            clause = max([c.end() for c in CLAUSE_END.finditer(folded, 0, a)], default=0)
            ranks.append((max(clause, a - 14), rank, a, b))
            continue
        if chinese and not _CHINESE_AMOUNT.fullmatch(m.group()):
            continue
        years = _YEARS.match(folded, a) is not None
        if (
            YEAR_TOKEN.match(folded, a)
            or (_NOT_A_FIGURE_AFTER.match(folded[b:]) and not years)
            or (a and folded[a - 1] in "第-")
        ):
            continue
        if _RANK.match(folded, b) and a and folded[a - 1] in "前后":
            continue
        after = folded[b:]
        skip = 1 if after[:1] and after[:1] in MULTIPLIERS else 0
        # a multiple (4.8倍), percentage points (3个百分点), a score (40分以上) and an amount with no unit (超3000亿,
        # 近百亿) are figures too: never lost without a word
        ratio = _RATIO.match(folded, a)
        if ratio is not None and ("." in ratio.group() or not _CLOCK.fullmatch(ratio.group())):
            end = ratio.end()
        elif (change := PERCENTAGE_POINTS.match(after) or TIMES.match(after) or _SCORE.match(after)) is not None:
            end = b + change.end()
        elif (more := more_than(after)) is not None:
            end = b + more
        elif (unit := UNIT.match(after[skip:])) is not None:
            end = b + skip + unit.end()
        elif (word := _COUNT_WORD.match(after)) is not None:
            if word.group()[-1] == "位" and _RANKED.search(folded, max(0, a - 10), a):
                continue  # 全国排名上升至26位: a rank
            end = b + word.end()
        elif chinese:
            end = b
        elif skip:
            end = b + skip
        elif _BARE.fullmatch(m.group()) and folded[a - 1 : a] not in _JOINED and folded[b : b + 1] not in _JOINED:
            end = b  # a number with no unit (a table's cell, a code): listed, never lost (u14_gd_2017_incubators_fx361)
        else:
            continue
        clause = max([c.end() for c in CLAUSE_END.finditer(folded, 0, a)], default=0)
        found.append((max(clause, a - 14), end))
    if not found:
        return rank_rows(folded, ranks, original, located, ranked)
    listed = "; ".join(repr(original(a, e)) for a, e in found)
    row = located(found[0][0], found[-1][1]) | {
        "reason": f"not recognised: {listed} (figures next to no indicator name in targets.yaml)"
    }
    return [row, *rank_rows(folded, ranks, original, located, ranked)]


def more_than(after: str) -> int | None:
    """The length of 多家 / 余万元 (more than N, then a unit) at the start of `after`, else None."""
    if not after[:1] or after[0] not in "多余":
        return None
    skip = 2 if after[1:2] and after[1] in MULTIPLIERS else 1
    unit = UNIT.match(after, skip)
    return unit.end() if unit else None


def split_clauses(folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The clauses of folded[start:stop] as (start, end) offsets, split at , ; 。 ! ? 、 (not a thousands comma)."""
    out = []
    for m in CLAUSE_END.finditer(folded, start, stop):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, stop))
    return out


def is_change(clause: str, found: tuple[int, int, int, str]) -> bool:
    return found[3] in {"pp", "times"} or bool(CHANGE.search(clause[: found[0]]))


def number_in(window: str) -> tuple[int, int, int, str] | None:
    """(number start, number end, unit end, kind) of the first figure in the window after an alias; a bracket opening
    the window that holds no digit (a definition) is skipped and not counted in the gap."""
    pos = gloss.end() if (gloss := DEFINITION.match(window)) else 0
    while (m := NUMBER.search(window, pos)) is not None:
        if m.start() - (gloss.end() if gloss else 0) > MAX_GAP:
            return None
        token, after = m.group(), window[m.end() :]
        if m.start() > 0 and window[m.start() - 1] == "第":  # 排名第14位: a rank, not the figure
            pos = m.end()
            continue
        if YEAR_TOKEN.match(window, m.start()):  # '比2018年' inside the gap: a year, not the figure
            pos = YEAR_TOKEN.match(window, m.start()).end()  # type: ignore[union-attr]
            continue
        arabic = bool(ARABIC.match(token))
        num_end = m.end()
        if PERCENTAGE_POINTS.match(after):
            return m.start(), num_end, num_end + PERCENTAGE_POINTS.match(after).end(), "pp"  # type: ignore[union-attr]
        if TIMES.match(after):
            return m.start(), num_end, num_end + 1, "times"
        # 20多家, 400余家 (u7_lz_2017_incubator_plan; nat_2017_incubator_map_trad, dev): more than N, a bound
        if arabic and (more := more_than(after)) is not None:
            return m.start(), num_end, num_end + more, "more"
        unit = UNIT.match(after)
        if unit is None and arabic and after[:1] and after[:1] in MULTIPLIERS:
            num_end += 1
            unit = UNIT.match(window, num_end)
            unit_end = unit.end() if unit else num_end
        else:
            unit_end = num_end + unit.end() if unit else num_end
        if not arabic and unit is None:
            pos = m.end()  # Chinese numeral characters with no unit ('十三五'): part of the wording
            continue
        # 连续保持在1100万人以上 (u10_nat_2023_jobs_cnnb, dev since round 6): at least N, a bound
        if unit is not None and AT_LEAST.match(window, unit_end):
            return m.start(), num_end, unit_end + 2, "atleast"
        return m.start(), num_end, unit_end, "level"
    return None
