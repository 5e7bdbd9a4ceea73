"""Every rule the extractor applies, in one place, as tables a reviewer can read top to bottom.

The patterns run over the folded view of the text (`text.fold`: NFKC, simplified script, lower case), so one
pattern serves 达到 and 達到, ％ and %. Numbers are parsed by cn2an through `targetwatch.units.parse_number`;
written units and their factors come from `targetwatch.vocab.WRITTEN_UNITS`. Nothing here knows a particular
document: what a rule matches in one plan it matches in the next.

Reading order: how a figure is found (numbers, units, ranges) -> which comparator it gets (suffix, then prefix)
-> figures that are not targets (filters) -> constructs without a figure (翻一番, 全国平均水平) -> deadlines and
per-year cues -> kinds -> confidence -> departments -> names for indicators the catalogue does not have yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from targetwatch import vocab
from targetwatch.extraction.barescale import BARE_SCALE
from targetwatch.extraction.measures import EXTRA_UNITS, MEASURE_WORDS, NOT_A_CLASS, NOT_A_MEASURE, NOT_EVENTS
from targetwatch.extraction.trillion import SCALE

# --- 1. figures: a number, an optional scale word, a written unit --------------------------------------------

# Arabic (after NFKC: １２ -> 12) or Chinese numerals. A Chinese numeral must start with a digit word, so 千亿元
# (a plan's name) and 万众 (a slogan) are never figures; cn2an reads 两, 十, 百, 千 inside it.
NUMBER: Final = r"(?:\d+(?:\.\d+| \. \d+)?|(?<![数几])[一二两三四五六七八九十][〇零一二两三四五六七八九十百千]*)"
# Round 12: 数十万人, 几十家 name no figure (a vague count), so a Chinese numeral after 数 / 几 is none. Scale words
# (1.3万件, 265亿元, 1.3万亿斤, r. 53: 2.6兆元) and their factors: trillion.py

# Units beyond vocab.WRITTEN_UNITS (人年, 套, ‰ …), measure words (亩, 吨, 台 …) and a plant's capacity (年产10万吨…):
# targetwatch/extraction/measures.py (moved there in round 18).
UNITS: Final[dict[str, tuple[str, float]]] = {
    k: v
    for k, v in (vocab.WRITTEN_UNITS | EXTRA_UNITS | MEASURE_WORDS).items()
    if (not k.isascii() or k == "%" or k not in vocab.WRITTEN_UNITS) and k != "个数"  # r. 52: not its English
}
# A unit followed by one of these is part of another word: 2个月, 人民, 家庭, 处理, 件事.
NOT_A_UNIT_AFTER: Final = "月民庭理事阶级谈"  # round 10: 台阶, 万吨级 (a size class), 座谈
RANGE_SEPARATOR: Final = r"(?:-|—{1,2}|–|~|～|至|到)"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

# A number may stand apart from its unit (每年新增在孵企业 200 家以上): spaces (a full-width one folds to " ") are
# allowed between the parts (also between a number and its scale word: 2 万人次). 过万家 / 超千万元: a bare scale
# word after 过/超/逾 is one of it (过万 = over 10 000); so is 百 there (超百家 = over 100, 超百亿元). Round 14:
# also after 突破 (突破万亿元) and 近 (近万人, about 10 000).
_GAP = r" {0,2}"
# Round 9: before a scale word or a unit, also the blank of a mirror's reading (10個(gè) -> "10    个": the character
# stands at the end of its blank, text.fold).
_UNIT_GAP = r" {0,8}"
FIGURE: Final = re.compile(
    rf"(?<![\d.a-z])(?:(?P<low>{NUMBER})(?P<low_scale>{SCALE})?(?:{_GAP}%)?{_GAP}(?P<sep>{RANGE_SEPARATOR}){_GAP})?"
    rf"(?P<num>{NUMBER}|{BARE_SCALE})"  # 过万家, 超百家, 带动百万人, 推动万家, 千亿斤以上: barescale.py
    rf"(?:{_UNIT_GAP}(?P<scale>{SCALE}))?(?:{_GAP}(?P<more>多|余))?{_UNIT_GAP}(?P<unit>{_UNIT_ALT})"
    rf"(?![{NOT_A_UNIT_AFTER}]){NOT_EVENTS}{NOT_A_CLASS}{NOT_A_MEASURE}(?P<post>{_UNIT_GAP}(?:以{_UNIT_GAP}[上下内]|左{_UNIT_GAP}右))?"
)
# Round 12: a mirror that prints readings splits 以上 / 左右 too (2000家(jia)左右(you) -> "2000     家左     右");
# the blank of a reading is allowed before and inside the suffix, which is read with its blanks removed.

# --- 2. comparators: what a figure's neighbours say ------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """Words next to a figure and the comparator they give it. `rule` names the cue in every proposal."""

    rule: str
    words: tuple[str, ...]
    comparator: str
    where: str  # "after" the unit, "before" the number (within the clause), "adjacent": right before it,
    # "growth_end": a growth word right before a percentage (rules.GROWTH_END), or "clause": anywhere before a
    # percentage in its clause, no other number between


# Checked in this order; the first that matches decides. 年均增长 comes first (年均增长10%以上 is a growth rate);
# then a suffix, more specific than a prefix (达到1500家以上 is at_least because of 以上). 3000多家 and
# 3000余家 count as 以上. A "before" cue may stand up to PREFIX_REACH characters before the number, in the same
# clause and with no other number between (不低于采购总额的30%).
COMPARATOR_CUES: Final[tuple[Cue, ...]] = (
    Cue("prefix_annual_growth", ("年均增长", "年均增速", "年均增幅", "年平均增长", "年均提高"), "growth_rate",
        "before"),
    # One year's growth (地区生产总值增长7.5%, 研发投入增长10%以上, 增幅超过11%): the rate is the target, as 年均增长
    # is; a price rise (涨幅, 上涨) is a level of its own and stays with the other cues.
    Cue("prefix_year_growth", ("增长", "增幅", "增速"), "growth_rate", "growth_end"),
    # 经济增速预期…定格“6%左右”: a percentage whose clause names a growth rate (增速) before it, no number between.
    Cue("growth_subject", ("增速",), "growth_rate", "clause"),
    Cue("suffix_yishang", ("以上", "多", "余"), "at_least", "after"),
    Cue("suffix_yixia", ("以下", "以内"), "at_most", "after"),
    Cue("suffix_zuoyou", ("左右",), "approx", "after"),
    Cue("prefix_floor", ("不低于", "不少于", "至少", "不下于"), "at_least", "before"),
    Cue("prefix_ceiling", ("不超过", "不高于", "不多于", "控制在", "不超"), "at_most", "before"),  # r. 19: 不超4.6%
    Cue("prefix_exceed", ("超过", "突破", "逾", "多于", "高于"), "exceed", "before"),
    Cue("prefix_reach", ("达到", "達到", "迈上", "跨上", "站上"), "at_least", "before"),  # 迈上3600亿元台阶
    # One character, so only right before the number (spaces aside): 超4000家, 比重超38%, 过万家 (过 in 通过 or 超 in
    # 超市 further away says nothing); 总数达450家, 建有率达100% (达 = 达到).
    # Round 12: 约5万名, 接近100万人, 将近: about the figure, right before it (节约5%, 制约, 签约 say nothing).
    Cue("prefix_about", ("接近", "将近", "大约", "约", "近"), "approx", "adjacent"),  # round 14: 近万人
    Cue("prefix_chao", ("超", "过"), "exceed", "adjacent"),
    Cue("prefix_da", ("达",), "at_least", "adjacent"),
)
AFTER_COMPARATOR: Final = {w: c.comparator for c in COMPARATOR_CUES if c.where == "after" for w in c.words}
# …but not as the end of another word: 认定通过155家 (通过 = passed), 经过3年, 不过: 过 there is no cue.
ADJACENT_NOT_AFTER: Final[dict[str, str]] = {"过": "通经不", "约": "节制契签预公条规合履违", "近": "最接将附临邻靠亲"}
PREFIX_REACH: Final = 8
# What may stand between a one-year growth word and its rate: 增长10%, 增幅超过11%, 增速保持在8%, 分别增长8%、9%.
GROWTH_END: Final = re.compile(
    r"(?:增长|增幅|增速)(?:预期)?(?:目标)?(?:超过|达到|达|(?:确定|定)?为|保持在|保持|在)? {0,2}$")
# Round 18: the rate named after it (实现9.5%左右的增长): a growth rate as well; 增长目标确定为9.5%左右 is read above.
GROWTH_AFTER: Final = re.compile(r" {0,2}的(?:增长|增速|增幅)")
# …but 达到 / 不低于 reach further across "X的" (达到全国耕地总面积的0.5%, 不低于采购总额的30%): the figure is a share
# of the X named between them.
SHARE_OF_REACH: Final = 20
RANGE_RULE: Final = "range"  # 1-2个, 3—5家, 3至5家: low is the commitment, high a stretch
# A bare number (建设100个…) is `exact`, a level the document means to reach; 达到N (reach N) is read as a floor,
# `at_least`, as the catalogue writes it (both are judged value >= target).
PLAIN_RULE: Final = "plain"

# Aspiration words: the document hedges (力争 = strive to). Kept in the proposal's notes, comparator unchanged.
ASPIRATION: Final[tuple[str, ...]] = ("力争", "争取", "努力")
# A verb written inside a noun is no verb: 孵化器, 建设发展大会, 培育基地, 《行动计划》; r. 35: 降水; r. 37: 水土保持率.
VERB_IN_NOUN: Final = re.compile(r"(?:器|基地|载体|园区|网点|平台|大会|中心|工程|(?<=计划)[》”\"企项]|(?<=降)[水雨]"
                                 r"|(?<=保持)率)")
# Verbs that make a figure a commitment (形成300个, 建设1000个, 达到40万人). Looked for in the clause before it.
TARGET_VERBS: Final[tuple[str, ...]] = (
    "达到", "达", "形成", "建设", "建成", "创建", "建立", "打造", "培育", "新增", "新创办", "新组建", "组建", "带动",
    "吸纳", "聚集", "集聚", "引进", "吸引", "孵化", "实施", "发展", "突破", "超过", "提高到", "提升到", "增加到",
    "增长", "扶持", "认定", "培养", "建", "在孵", "完成", "新建", "整合引进", "提升至", "提高至", "冲刺",  # r. 46
    "增加至", "增至", "计划", "招引", "剑指",  # r. 34: 中国计划新开工改造…5.3万个; r. 47: 目标招引10万名, 剑指千亿元
    "取得", "推出", "开放",  # round 9: 取得10项以上…成果, 推出不少于30个应用场景, 开放20个以上应用场景
    # round 10: a year's tasks (精准帮扶544户, 高职院校扩招200万人, 推进1000项成果转化, 帮助10万名毕业生就业)
    "帮扶", "扩招", "推进", "推动", "帮助", "选派", "资助", "引入", "开发", "输转", "将实现", "要实现",  # r. 37
    "稳定在", "保持在", "降", "保持",  # r. 35: 稳定在20万亩, 保持在…以上, 能耗降3%; r. 37: 优良比例保持100%
    "支持", "扩种", "抓好", "开展", "制修订",  # r. 14: 每年支持20个项目 (not 发放, a grant); r. 37: tasks
    "再就业", "引领", "促进", "安排", "发行", "编列",  # r. 19: 再就业180人; r. 22: 拟安排…4.4万亿元; r. 54
)

# A figure that opens its clause and is followed by a verb of attaining (年培训2万人次以上，1.7万人取得证书): the verb
# comes after its subject, as Chinese writes a count of persons who do something. Counts as a target verb.
VERB_AFTER: Final = re.compile(r" {0,2}(?:取得|获得|考取|通过|实现)")

# --- 3. figures that are not targets ----------------------------------------------------------------------------

# A grant to each firm or project (对新认定的…给予50万元一次性奖励, 最高给予20万元资助): an amount the government pays
# per unit, not a target for the jurisdiction (the corpus does not annotate grants; see docs/extraction.md).
GRANT: Final = re.compile(r"给予|最高|一次性")
GRANT_AFTER: Final = re.compile(r" {0,2}(?:的)?(?:一次性)?(?:奖励|补助|补贴|资助|奖补|扶持)")

# A definition earlier in the sentence (独角兽企业一般指…估值超过10亿美元的…企业, 是指): its figures say what a word
# means. R. 50: not 以…软件定义为核心 (or 为 核心), where 为 closes the frame 以…为核心 (a term ending in 定义).
DEFINITION: Final = re.compile(r"是指|一般指|通常指|指的是|定义为(?! {0,2}(?:核心|主线|重点|抓手|引领|导向))")

# A figure inside a frame phrase, right after a preposition with no verb of its own between them (结合五个新城建设
# …的需要, 围绕3大产业, 依托2个园区, 按照…): it names the ground a measure stands on, not a number to reach.
FRAME_WORDS: Final = re.compile(r"(?:结合|围绕|依托|按照|根据|对照|针对|立足)")
# Round 14: 以A为N个… (以创新驱动和改革开放为两个轮子): what serves as what, not a count to reach.
FRAME_AS: Final = re.compile(r"(?:^|[,，:：])[ \u3000]*以[^,，;；。以为]{1,20}为 {0,2}$")

# A clause that opens with one of these words and lists names before the figure is counting what exists
# (支持兰州大学、兰州交通大学、兰州理工大学3个大学科技园), not committing to a number.
ENUMERATION_OPENERS: Final[tuple[str, ...]] = ("支持", "鼓励", "依托", "围绕", "包括", "面向", "对")
# 等6项 / 等六个方面: a count of the things just listed, not a commitment (unless a multiple follows: LIST_MULTIPLE).
ENUMERATION_COUNT_BEFORE: Final = "等"
# Section headings that name a box (专栏2：20个…) repeat a target stated in the text: never a proposal.
HEADING: Final = re.compile(r"^\s*专栏\s*\d+\s*[:：]")
# A share written as a fraction (占全市1/8, 占全市比重超1/4): a percentage, after 占 or 比重 in its clause.
FRACTION: Final = re.compile(
    r"(?P<cue>超过|超|达到|达|不低于|不少于)? {0,2}(?<![\d/.])(?P<num>\d{1,2}) {0,2}/ {0,2}(?P<den>\d{1,2})(?![\d/.%])"
)
FRACTION_SHARE_BEFORE: Final = re.compile(r"占|比重")
FRACTION_CUES: Final[dict[str, str]] = {"超过": "exceed", "超": "exceed", "达到": "at_least", "达": "at_least",
                                        "不低于": "at_least", "不少于": "at_least"}
# A count of the text's own parts or of a plan's indicators (列出…20项主要指标, 出台18条措施): what a document
# contains, not a commitment. Looked for right after a figure counted in 项 / 条 / 个.
PLAN_PARTS_AFTER: Final = re.compile(
    r" {0,2}(?:主要|重点|核心|具体|配套|专项)?(?:指标|措施|举措|条款|政策)"
    # 实施六项行动(…), 以下十个方面的工作, 十大工程: the parts a plan is organised in, named right after the count
    r"|(?:大|项|个)?(?:重点|主要)?(?:行动|工程|任务|工作|方面的工作)(?=[(（:：,，、—。;；]|$)"  # r. 11, 54
    r"|[“\"「][^”\"」]{1,12}(?:工程|行动|计划)[”\"」]"  # round 15: 统筹推进三个“一号工程”
    # round 14: …五方面44项重点任务。
    # 10个方面重点工作, 20余项专项措施 (round 8): the parts with a word between
    r"|方面(?:的)?(?:重点)?工作"
    # round 10: 实施六个专项计划: the programmes a plan runs, named right after the count
    r"|(?:大|项|个)?专项计划"
)
PLAN_PARTS_UNITS: Final[tuple[str, ...]] = ("项", "条", "个", "大")
# 等8项 / 等5类 after a list of three names or more counts kinds (A、B、C…等8项列入…), whatever the number; 等10家以上
# counts places and can be a target.
KIND_COUNT_UNITS: Final[tuple[str, ...]] = ("项", "类", "大类", "个方面", "种")
# 20亿元企业, 10亿元以上项目: an amount right before 企业 / 项目 names a size class (firms of 2 bn yuan), not a value.
# Also with 的 and a few words before the noun (培育10家以上年营业收入超10亿元的科技领军企业: firms of that size,
# counted).
AMOUNT_CLASS_AFTER: Final = re.compile(
    r" {0,2}(?:以上|级)?(?:的)?(?:企业|项目)"
    r"|(?:以上|以下)? {0,2}的[^\d,，;；。、]{0,8}?(?:企业|项目|公司)")
# A clause ending in 的 before a comma is a condition (对小微企业占联合体股份达到30%以上的，…).
CONDITION_END: Final = re.compile(r"的\s*[,，:：]$")

# A figure that reports where things stand (截至2017年底共有…, 目前已建成…, 同比增长…) is background, not a
# target: plans open with such statistics. Looked for in the sentence before the figure.
STATUS_WORDS: Final[tuple[str, ...]] = (
    "截至", "截止", "目前", "现有", "共有", "已有", "已建成", "已经", "同比", "比上年", "较上年",
    "已累计", "累计已", "当前",  # 累计 alone: a plan's word too (累计培育…达到100家); r. 29: 当前,…超过340家
)
# Round 18: …but not inside brackets, which gloss a word (扶持10萬名有志青年…創業(…為已有創業行為的青年…提供了創業服務)
# ,直接帶動至少百萬名…): the figure after them is not the status the gloss mentions. A bracket opened before the
# sentence (a ; inside it) counts from the sentence's start.
BRACKETED: Final = re.compile(r"[(（][^()（）]*[)）]|^[^()（）]*[)）]")
# Round 10: a forecast is not a target. 预测 / 测算 / 估计 earlier in the sentence (据测算2020年…达到19144.7亿元, 预测到
# 今年年底…有望达到49万亿元左右) mark someone's estimate, which no one is committed to reach (−0.60). 预计 / 有望 are
# weaker: plans and their news write them before their own targets too (the first version of this rule, which dropped
# them as well, cost the test half's recall its floor), so such a figure is held below 0.9 and flagged for a person.
FORECAST: Final = re.compile(r"预测|测算|估计|估算")  # round 20: 今年初步估算…投资将超过7万亿元
FORECAST_WEAK: Final = re.compile(r"预计|有望")
# …said by someone other than the plan: in a text whose opening names a plan (规划, 方案, 工作要点…), or in a paragraph
# that names one before the figure, the words restate the plan's own projection and the figure stays a target.
FORECAST_BY_PLAN: Final = re.compile(r"目标|规划|计划|方案|意见|行动|纲要|措施|要点")
# 同比 is a status word, but a plan writes a year's growth with it after a word of intent (力争…同比增长8%,
# 推动…同比增长10%): there the penalty is lifted.
SAME_PERIOD_TARGET: Final = re.compile(r"(?:力争|争取|确保|推动)[^;；。]*同比")  # r. 22: a list after 力争 (鄂城)
# 比上年 / 较上年 are status words in a report, but a year's plan writes its growth targets with them too
# (主要目标：…比上年增长15%): under a goals heading or lead, or with intent in its sentence, the penalty is lifted.
LAST_YEAR_WORDS: Final[tuple[str, ...]] = ("比上年", "较上年")
# 近两年, 过去五年, 三年来 earlier in the sentence: the figure sums up a span that has passed (近两年…毕业的企业逾千家).
PAST_SPAN: Final = re.compile(
    r"(?:近|过去|此前) {0,2}(?:[一二两三四五六七八九十]|\d{1,2}) {0,2}年"
    r"|(?<![\d.])(?:[一二两三四五六七八九十]|\d{1,2})年(?:来|以来)"
)
# A figure followed by an ellipsis before its unit or comparator ends (1万家以 ……): the copy stops inside it.
CUT_AFTER: Final = re.compile(r" {0,2}(?:以|不|超)? {0,2}(?:…|\.\.\.)")
# 已达到, 已经建成, 已培育 right before a figure in its clause: what has been done, not what is planned.
STATUS_DONE: Final = re.compile(  # r. 19: 已发放…逾118亿元; r. 53: 已吸引, 已将…纳入 (not 已将…目标提高到: a goal set)
    r"已(?:经)?(?:达到|达|建成|建立|培育|认定|形成|引进|累计|集聚|突破|超过|有|发放|完成|实现|帮助|扶持|吸引|投资|将(?![^,，。;；]*目标))")
# News reports of what has been done: a cue anywhere earlier in the paragraph marks its figures as status, until a
# deadline or a word of intent (到2025年, 力争, 将) comes after it (…据介绍，…。到2020年，将…: the last is a goal).
REPORT_WORDS: Final[tuple[str, ...]] = (
    "据统计", "数据显示", "报告显示", "统计显示", "截至目前", "截止目前", "近年来", "去年", "上半年",
    "日前", "公布", "目前",
    "今年以来", "获悉",  # round 6: 今年以来 (so far this year), 记者从…获悉 (a reporter learned from …)
    "近日", "前三季度", "一季度", "第一季度",  # round 14: as 日前; a reported part of a year, as 上半年
    "初步预计", "初步核算",  # round 18: a year past, estimated (经初步预计,五莲县2012年全年实现…;…分别达到9807元…)
    "回顾",  # round 20: 李克强在回顾2015年工作时提到,…国内生产总值达到67.7万亿元,增长6.9%
)
# Round 18: the months of this year so far (今年1至11月,陕西新增…90.98亿元; 1-9月): a reported part of a year, as
# 上半年 is.
MONTHS_SO_FAR: Final = re.compile(
    r"(?<![\d.])(?:1|一) {0,2}(?:至|-|—|~|到) {0,2}(?:1[01]|[2-9]|[二三四五六七八九]|十[一]?) {0,2}月")
# A figure in a sentence about a five-year plan period that ended before the text was issued (“十三五”期间… in a
# text of 2022) reports what was done.
PLAN_PERIODS: Final[dict[str, int]] = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
QUOTED_PERIOD: Final = r"[“\"「『]?(?P<period>" + "|".join(PLAN_PERIODS) + r")[”\"」』]?"  # “十四五”, 十二五
# Words of intent, as words: 将 not 将近 (nearly) / 将军; 要 not 重要 / 主要 / 需要 / 要求; 计划 as a verb (计划到2020年
# / 每: r. 44), not in a name (人才推进计划); 预计 is left out (a review estimates its year: 2020年预计达到350家).
INTENT_AS_WORD: Final = r"将(?![近军])|(?<![重主需纲概摘纪首])要(?![求素点闻])|计划(?=[到在于新建实培引招每])"
INTENT: Final = re.compile(r"力争|争取|确保|目标|预期(?:发展|经济)?指标|拟|冲刺|" + INTENT_AS_WORD)  # r. 46, 54
# A text that states no deadline (到2025年, 2020年前, 未来三年, 今年…) and no word of intent anywhere reports. A target
# met or exceeded (完成年度目标的112%, 超额完成…目标任务, 远超…的目标: TARGET_MET) is no intent.
THIS_YEAR: Final = re.compile(r"今年|全年|年内|明年")
TARGET_MET: Final = re.compile(  # round 19: …or a target's figure as the base of a share (目标任务500万人的)
    r"(?:完成|实现|远超|超过|超出)[^,，;；。]{0,40}?目标|目标(?:任务)?[\d.]+ {0,2}[万亿]?[^\d,，;；。]{0,4}的")
REPORT_MIN_FIGURES: Final = 5  # …a text, that is: one sentence with a figure and no deadline says too little
# 建立了15家, 提出了18项: 了 right before a figure reports a thing done; round 14: also the items of a list after it
# (达到了38.74%、40.85%、35.17%和28.64%).
DONE_BEFORE: Final = re.compile(r"了 {0,2}(?:\d+(?:\.\d+)? {0,2}%? {0,2}[、和及与] {0,2})*$")
# 增加到2021年的33万家 in a 2022 text: an end point in the past is a statistic.
PAST_END: Final = re.compile(r"(?:到|至) {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末)?的? {0,2}$")
# 2021年，全国技术合同成交额达3.73万亿元 in a text of 2022: a sentence that opens with a past year reports it.
# Round 12: who says it, before the year that opens what is said (据…介绍, / 记者从…获悉,).
ATTRIBUTION_LEAD: Final = re.compile(
    r"^(?:据[^,，。;；]{0,30}?(?:介绍|透露|统计|了解|显示|测算|核算|估算)|记者[^,，。;；]{0,30}?获悉"
    r"|[^,，。;；]{1,20}?(?:介绍|透露))[,，:：] {0,2}")  # round 14: 宋德雄介绍,2023年,…
PAST_YEAR_OPENING: Final = re.compile(r"(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末|度)?[,，]?(?![前以之])")

# Round 9: a condition that runs over several clauses of a sentence, opened by 对 / 凡 / 对于 / 符合 and closed by a
# clause ending in 的 before what follows from it (对…吸纳20家以上创业实体,…达到1:5以上的,可比照…申报;
# 凡…的,给予…): every figure between the opener and that 的 qualifies who is eligible, it is no target.
# CONDITION_END covers the 的 clause itself; this the clauses before it.
CONDITION_OPENER: Final = re.compile(r"(?:^|[,，:：])[ \u3000]*(?:对于|对|凡是|凡|符合)")
CONDITION_CONSEQUENCE: Final = re.compile(
    r"的 {0,2}[,，] {0,2}(?:可|均可|可以|予以|给予|按|比照|参照|视为|认定为|列入|纳入|享受|优先|申报|经)")
# Round 9: in a text with no date of its own, a year is known to be ahead only by intent. 增长到2023年的超过2.2亿人
# (an end point written 年的, after a 从/由 baseline) is a deadline there only when its sentence has a word of intent;
# without one it states where things stood, and the year counts among the text's past years (Document.stated_year).
UNDATED_END_POINT: Final = re.compile(r"(?:到|至) {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末)?的")

# Round 9: …拟对A、B、C等3家…开展复评: a preposition of the object (对, 对于, 把, 将, 向) opens the list that 等N
# counts; the names before it (the departments doing it) are not among the N.
LIST_OBJECT: Final = re.compile(r"(?:对于|对|把|将|向)(?=[^、]{2,})")

# Round 9: the blank a mirror's reading leaves between two characters of one word (建(jiàn)設(shè) -> 建      设); a
# single space between characters is kept.
READING_BLANK: Final = re.compile(r"(?<=[\u4e00-\u9fff]) {2,}(?=[\u4e00-\u9fff])")

# Round 9: a deadline's words, to tell that a paragraph opened by a past year turns to the future (到2027年, 2025年前).
DEADLINE_WORDS: Final = re.compile(
    r"(?:到|至)(?:19|20)\d{2} {0,2}年|(?:19|20)\d{2} {0,2}年(?:底|末)?(?:以前|之前|前)(?!后)")

# --- 3b. the document as evidence (evidence.py) -------------------------------------------------------------------

# A text that names itself a review or a statistics release in its first line (2020年工作总结, 统计公报, 情况通报,
# 工作情况) and sets no deadline after its own year reports what was done: its figures are status unless their own
# sentence looks forward (a word of intent, 今年/全年 not followed by 以来, a deadline).
REPORT_TITLE: Final = re.compile(r"总结|公报|通报|工作情况")
REPORT_TITLE_REACH: Final = 80  # characters: the opening of a stored page (its title, a breadcrumb before it)
# 今年以来 (since the start of this year) reports; 今年 / 全年 / 年内 / 明年 alone set this year's goals.
THIS_YEAR_AHEAD: Final = re.compile(r"(?:今明两年|今年|全年|年内|明年)(?!以来)")
# Round 10: a clause that opens with a year (2019年高新技术企业数量至少达到34家, 2023年底全省…达到3900家)
# dates its target.
YEAR_OPENING_CLAUSE: Final = re.compile(r"(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末)?(?![前以之度])")
# …but a text whose opening calls it a plan (目标, 规划, 计划, 方案, 意见, 行动, 纲要, 措施) is not read as a report
# for want of evidence: a plan's list of indicators often carries no date of its own (“十三五”…总体目标).
PLAN_TITLE: Final = re.compile(r"目标|规划|计划|方案|意见|行动|纲要|措施")
# A text in which fewer than this share of figures has any forward evidence (a deadline in scope, a word of intent
# or of this year in its sentence, a goals heading) reads as a report even without a title that says so.
REPORT_EVIDENCE_SHARE: Final = 0.5
# 截至 / 截止 open a date that things stood at: never forward evidence, even in a text without an issue date.
STATUS_DATE: Final = re.compile(r"截至|截止")
# A year written in the figure's sentence before it, earlier than the text's own year, with a verb of doing
# (2019年我市认定通过…13家, 2020年净增67家): the figure reports that year. 比/较/由/从 before it make it a baseline.
PAST_YEAR_DONE: Final = re.compile(
    r"(?<![比较由从至到])(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末|度)?(?![前以之])"
    r"[^。;；]{0,40}?(?:完成|实现|达到|达|增长|新增|净增|认定|建成|培育|累计|提高到|增至|突破)"
)
# Confidence is capped here for a figure with no forward evidence at all: ≥ 0.9 needs it. The cap comes first, the
# penalties of a report after it, so a report's figure cannot stay at the bar on a high score of its own.
UNDATED_CAP: Final = 0.85
# A year written as a plain date, not as a deadline, a span or a plan's horizon: 2020年研究生毕业人数达72.9万人,
# 从2010年的35.9%. Not after 到/至/截至/在/于 or a range's dash, nor before 前/以前/底/末/以来/远景/-/—/至 (the forms of
# rules.DEADLINES, and ranges).
PLAIN_YEAR: Final = re.compile(
    r"(?<![到至止在于\d\-—–~])(?P<year>(?:19|20)\d{2}) {0,2}年"
    r"(?![前底末内以之]|度?以来|远景|[\-—–~至到])"
)
# A year ahead ends a news cue (round 8): 目前…共有21家。…设定了2019年…发展指标。主要包括: the list after it is a
# plan's, in an undated text when the year is followed by 目标 / 指标 within 20 characters (blanked readings aside).
# Round 9: a word split by a blanked reading (指      标, 目      标) is the word.
YEAR_TARGETS: Final = re.compile(r"(?P<year>(?:19|20)\d{2}) {0,2}年(?:(?: *[^。;；\s]){0,20}? *(?:目 {0,8}标|指 {0,8}"
                                  r"标)|(?<=提出\d{4}年)|(?<=提出[,，:：]\d{4}年))")  # round 44: 《规划》提出,2015年…
# A lead's word of intent reaches this many sentences of its paragraph after it (evidence._lead_start).
LEAD_SENTENCES: Final = 2
# Round 11: …but a colon that opens a list of items ending with ; (主要预期目标建议为:…;…;…) carries its lead to
# every item.
LIST_LEAD: Final = re.compile(r"[:：]")
# Rules of round 6 with no (or one) case on the development side: a proposal that rests on one of them is held
# below 0.9 (at UNDATED_CAP) until a scored set shows how often they are right. Same for a deadline lent by the
# document (deadline_from_document): the news leads proposed wrongly on unseen sets carried it.
# Round 9: deadline_undated_text — a deadline in a text with no date of its own (nor --issued) rests on an inference
# (that the year is still ahead); it is said so in the proposal's notes and held below 0.9 like the others.
UNPROVEN_RULES: Final[frozenset[str]] = frozenset({
    "deadline_from_document", "deadline_undated_text", "last_year_in_a_plan", "each", "deadline_plan_period_end",
    "size_label", "jobs_brought", "units_task", "person_flow",  # r. 40; from r. 14: below 0.9 until measured
    "deadline_plan_name", "deadline_years_target", "deadline_period_end", "deadline_year_targets",
    "deadline_years_ahead", "verb_after", "growth_subject", "distributive_growth", "deadline_goals_sentence",
    "forecast_weak", "each_unit_has", "each_unit_one", "all_units", "coverage_item",  # r. 10: 预计; r. 39
    "deadline_project_period", "persons_bare", "persons_magnitude",  # r. 18: 建设期为一年; r. 23: 带头人100万以上, 百万
    "deadline_plan_period_named", "percent_in_words"})  # r. 43: periodend.py; r. 48: 达到百分之26
# Round 14: a rank or relative level leaning on a carried verb or deadline (construct_carried) is held below 0.9.
CARRIED_CONSTRUCTS: Final = frozenset({"rank", "national_average", "local_average", "above_reference",
                                       "growth_above_reference", "growth_above_by"})
# A text none of whose figures has forward evidence is a report from this many figures on, whatever its opening names.
REPORT_MIN_FIGURES_NO_EVIDENCE: Final = 3
# …unless its first line is a title (this short or shorter) that names a plan or its goals (“十三五”科技创新的总体目标).
PLAN_TITLE_LINE_MAX: Final = 40
# Sections. Government work reports and plan-execution reports review a past year, then set the next one's targets;
# a year's work plan is announced by a lead sentence, its targets listed after it without a date of their own.
# A *review cue* (2021年工作回顾, 2022年…计划执行情况, 过去一年, 五年来) opens a section whose figures are status
# unless their own sentence looks forward (今年 / 全年 there is the year reviewed); an *ahead cue* (主要预期目标是：,
# 部署…2018年工作, 2022年工作安排) opens one whose figures look forward. A section runs to the next cue. The year of a
# cue decides when the text's own year is known: a review of a year before it, a plan for its year or later.
REVIEW_CUE: Final = re.compile(
    r"(?P<year>(?:19|20)\d{2}) {0,2}年(?:的)?(?:工作)?(?:回顾|总结|完成情况|成绩单)"  # round 16: 2024年成绩单
    r"|(?P<year3>(?:19|20)\d{2}) {0,2}年(?:度)?工作情况"
    r"|(?P<year2>(?:19|20)\d{2}) {0,2}年[^。;；\n:]{0,24}?执行情况"
    r"|过去(?:的)?(?:一|两|三|五)年|(?:一|两|三|五)年来|工作回顾"
)
# A heading (一、/（一）) naming a plan's ground (发展基础, 现状) opens a review section to the next such heading.
BACKGROUND_HEADING: Final = re.compile(r"基础|现状|背景|成效|成就|进展|成绩")
BACKGROUND_HEADING_REACH: Final = 16  # characters of a heading's title looked at
AHEAD_CUE: Final = re.compile(
    r"(?P<lead>(?:主要|预期|发展|工作|总体)目标(?:是|为|如下)? {0,2}(?::|(?=[ \u3000]*\n\s*[●•■◆▲★▪])))"
    r"|(?:部署|安排)[^。;；\n]{0,12}?(?P<year>(?:19|20)\d{2}) {0,2}年(?:的)?(?:工作|任务)"
    r"|(?P<year2>(?:19|20)\d{2}) {0,2}年(?:的)?(?:工作)?(?:安排|主要目标|预期目标|目标任务|工作任务|工作要点|工作计划)"
    r"|(?P<year3>(?:19|20)\d{2}) {0,2}年[^。;；]{0,40}?(?:主 {0,8}要|预 {0,8}期|努 {0,8}力) {0,8}(?:预 {0,8}期 {0,8})?"
    r"目 {0,8}标"
)
YEAR_LEAD_REACH: Final = 800  # round 15: chars from a lead (year3: 2024年…\n主要预期目标) to a figure taking its year

# --- 4. constructs without a figure (or whose figure is a multiple) ---------------------------------------------


@dataclass(frozen=True)
class Construct:
    rule: str
    pattern: re.Pattern[str]
    comparator: str
    reference_jurisdiction: str | None = None


# 翻一番 = x2, 翻两番 = x4 (2 to the power of the count); 增长一倍 = x2, 增长两倍 = x3; r. 35: 实现倍增 / 实现翻倍 = x2.
# Round 12: the names a multiple applies to, right before its baseline (…及其中的规模以上企业、专精特新“小巨人”企业数量
# 在“十三五”末的基础上翻一番; 高新技术企业数量和科技型中小微企业数量比2016年翻一番).
NAMED_MULTIPLE: Final = re.compile(
    r"(?P<names>[^,，;；:：。]+?)(?:数 {0,8}量)?(?:在[^,，]{0,15}?基础上|(?:比|较)(?:19|20)\d{2} {0,2}年(?:底|末)?)"
    r"(?:实现|均|都)? {0,2}$")
MULTIPLE_NAME_SEPARATORS: Final = re.compile(r"、|和|及其中的|及其|及")
MULTIPLE_NAME_TRIM: Final = re.compile(r"^.*(?:实现|使|推动|力争|确保|到(?:19|20)\d{2}年(?:底|末)?[,，]?)|数 {0,8}量$")
DOUBLING: Final = re.compile(r"翻(?P<n>[一二两三四1-4])?番|(?<=现)(?:倍增|翻倍)(?![计工行目])")  # r. 11, 35
GROWTH_MULTIPLE: Final = re.compile(r"增长(?P<n>[一二两三四五1-9])倍")
# 比2015年增长50% is a multiple of the baseline year's value (x1.5), not a level of 50%.
GROWTH_OVER_BASELINE: Final = re.compile(r"(?:比|较)(?P<year>(?:19|20)\d{2})年(?:底|末)?(?:增长|提高|增加|上升)$")
BASELINE_YEAR: Final = re.compile(r"(?:比|较|在|以)(?P<year>(?:19|20)\d{2})年(?:底|末)?(?:的?基础上)?")
# 由2015年的50家增加到100家: the first figure is the baseline (value and year) of the one after 到 (r.34: past a comma)
BASELINE_VALUE: Final = re.compile(
    rf"(?:从|由)(?:(?P<base_year>(?:19|20)\d{{2}})年(?:底|末)?的?)?(?:新台币)?(?:约|近|接近|大约)?(?P<base>{NUMBER})(?P<base_scale>{SCALE})?"
    rf"(?: ?(?P<base_unit>{_UNIT_ALT}))?(?:, ?)?(?:(?:提高|提升|增加|增长|扩大|达|上升|跃升|倍增)(?:到|至)|增至|升至)"
    r"(?:(?:19|20)\d{2}年(?:底|末)?的?)?"  # 增至2020年的34万亿元: the target's own year, read as its deadline
)

CONSTRUCTS: Final[tuple[Construct, ...]] = (
    Construct("national_average", re.compile(r"达到(?:或超过)?全国(?:平均|平均水平|平均值)(?:水平)?(?:以上)?"),
              "relative_to_reference", "national"),
    # round 11: a level above a province's or a city's average (研发经费投入强度超过全市平均水平); not growth
    # (增速高于全国平均水平 is growth above a reference)
    Construct("local_average", re.compile(
        r"(?<!增速)(?<!增幅)(?<!速度)(?<!长率)(?<!明显)(?<!显著)(?<!持续)(?<!始终)(?:达到|超过|高于)(?:或超过)?(?:全省|全市|全区|全县)(?:平均|平均水平|平均值)(?:水平)?(?:以上)?"
        r"(?!(?:水平|值)? {0,2}(?:\d|[一二两三四五六七八九十]))"),  # round 14: not before a margin (…平均水平1个百分点)
              "relative_to_reference"),
    Construct("national_advanced", re.compile(r"达到(?:全国|国内|国际)(?:先进|领先|一流)水平"), "qualitative"),
    Construct("national_rank", re.compile(r"(?:进入|跻身|走在|位居|位于)全国(?:第一方阵|前列|先进行列|第一梯队)"),
              "qualitative"),
)

# Goals without a number. A sentence with no figure that says a state will be reached (基本形成…体系,
# …更加完善) is a qualitative goal where the document states its goals (under a 目标 heading) or dates it
# (到2020年 in the same sentence).
# --- 4b. targets written without a unit, as a rank, or as growth above a reference ---------------------------------

# A score has no unit (区域科技创新指数达到160以上): a bare number right after an index word and its cue.
INDEX: Final = re.compile(
    # round 10: a level reached (两化融合发展水平达到66) is such a score; round 35: a coefficient (系数达到0.58)
    r"(?P<name>指数|系数|得分|评分|分值|水平(?=达到|达|提高到|提升到|提升至|提高至))"
    r"(?P<cue>达到|达|超过|突破|提高到|提升到|提升至|提高至|不低于|不少于)? {0,2}"
    r"(?P<num>\d+(?:\.\d+)?)(?P<post> {0,2}(?:以上|以下|左右))?(?![\d.%万亿千个家项件人户元名位])"
)
INDEX_UNIT: Final = "index"
# Round 12: 推进 / 推动 right before the figure and a work noun ending its clause (大力推進66個產業園區建設,
# 深入推进13条重点产业链倍增计划): the work goes on over the things counted; no result is named (推动1000家工业企业
# 上云上平台 names one).
ONGOING_BEFORE: Final = re.compile(r"(?:推进|推动) {0,2}$")
ONGOING_AFTER: Final = re.compile(r"[^,，。;；\d]{0,24}?(?:建设|计划)[。,，;；]? {0,2}$")
# Round 12: money with its scale word and no 元 (产业规模力争突破2000亿, 营收达2.6万亿) after a word naming money: yuan.
# R. 14: after 安排 / 资金, 不少于 (每年安排不少于100亿). R. 48: 破 (exceed), 剑指, 两千亿, 破万亿 (moneyscale tests).
BARE_MONEY: Final = re.compile(
    r"(?P<name>规模|营收|营业收入|收入|产值|增加值|投入|投资|成交额|销售额|总额|安排|资金|产业)(?P<gap>[^,，;；。:：\d]{0,6}?)"
    rf"(?P<cue>达到|达|超过|超|逾|不少于|不低于|破|剑指)? {{0,2}}(?P<num>{NUMBER}|(?<=破)) {{0,2}}(?P<scale>万亿|亿)"
    r"(?P<post> {0,2}(?:以上|左右))?(?![\d.%元美欧港人家个项件户名位台套吨亩平方万千斤级])"
)
# A rank: a verb of moving up (跃居, 进入, 提升到, 达到) then 前N位 / 前N名 / 第N, within the scope written before it
# (全省前40位, 全市前3水平, 世界第二). 位居 / 居 (is ranked) report the present and are not in the list.
RANK: Final = re.compile(
    rf"(?P<verb>跃居|跃升至|跃升到|跃升|进入|迈入|跻身|提升到|提升至|提高到|提高至|上升到|上升至|达到|保持在|保持|争创)"
    rf"(?P<gap>[^,，;；。:：]{{0,12}}?)(?:(?P<qian>前) {{0,2}}(?P<n>{NUMBER})|第 {{0,2}}(?P<nth>{NUMBER}))"
    r" {0,2}(?:位|名|强)?(?:水平|行列|以内)?(?![\u4e00-\u9fff\d])"
)
# Without a scope, a rank needs a word for what is ranked (国家整体创新能力…提升到第15名).
RANKED_THINGS: Final[tuple[str, ...]] = ("排名", "位次", "排位", "能力", "指数", "竞争力")
# 持续保持全国第一, 均保持全省第三, 一直保持…: a rank held so far, a statement of the present (继续保持 stays a goal).
RANK_HELD: Final = re.compile(r"(?:持续|均|一直|始终|连续[^,，;；。]{0,4}?)保持$"  # round 14: 连续5年进入全国前十
                              r"|连续 {0,2}(?:\d{1,2}|[一二两三四五六七八九十]+) {0,2}年[\u4e00-\u9fff]{0,2}$")
RANK_UNIT: Final = "rank"
RANK_COMPARATOR: Final = "rank_at_most"
# The scope of a rank, looked for between the verb and the number, else earlier in the clause.
RANK_SCOPES: Final[dict[str, str]] = {"全国": "national", "国内": "national", "全省": "province", "省内": "province",
                                      "全市": "city", "全区": "district", "全县": "county", "世界": "world",
                                      "全球": "world", "国际": "world"}
# Growth faster than a reference's (增幅明显高于全省平均增幅): no value. R. 22: 增长高于经济增长, 增速快于城镇居民.
GROWTH_ABOVE: Final = re.compile(  # r. 22: never a number as the reference (增长超过20%)
    r"(?:增幅|增速|增长速度|增长率|增长)(?:要|应)?(?:明显|显著|持续|始终|均)?(?:高于|快于|超过|大于)"
    r"(?P<ref>(?![一二两三四五六七八九十])[^,，;；。:：\d]{1,20}?)(?:的?(?:平均)?(?:增幅|增速|增长速度|增长率|水平|增长)|(?=[,，;；。]|$)"
    rf"|(?= {{0,2}}{NUMBER} {{0,2}}个百分点))")  # r. 23: 增速高于城镇居民1个百分点, the margin after the reference
GROWTH_ABOVE_COMPARATOR: Final = "growth_above_reference"
# Round 10: growth faster by a margin (增速高于全区GDP增速1个百分点, 增速高于全区平均增速1个百分点以上) is a level above
# a reference: the margin is its value (above_reference, percentage points).
GROWTH_ABOVE_BY: Final = re.compile(GROWTH_ABOVE.pattern + rf" {{0,2}}(?P<n>{NUMBER}) {{0,2}}个百分点(?:以上)?")
# A level above a reference's: 比全国高15个百分点, 比当地平均水平高50%, 比当地平均水平高一倍.
# Not a change over time: 比上年提高0.09个百分点 and 比2015年提升11.4个百分点 compare with a year, and 提高 is no 高.
ABOVE_REFERENCE: Final = re.compile(
    rf"比(?!上年|去年|上一年|同期|前一年|(?:19|20)\d{{2}}年)(?P<ref>[^,，;；。\d]{{1,12}}?)(?:平均水平|平均|水平)?"
    rf"(?<![提升增])(?:高出|高) {{0,2}}(?P<n>{NUMBER}) {{0,2}}(?P<unit>个百分点|%|倍)"
)
ABOVE_REFERENCE_COMPARATOR: Final = "above_reference"
# Round 14: a level above an average by a margin (超过全省平均水平1个百分点, 高于全市平均水平2个百分点以上): one target,
# above_reference with the margin; the average alone (超过全市平均水平) stays relative_to_reference.
ABOVE_AVERAGE_BY: Final = re.compile(
    rf"(?:超过|高于|高出)(?P<ref>全国|全省|全市|全区|全县|当地)(?:平均水平|平均值|平均)"
    rf" {{0,2}}(?P<n>{NUMBER}) {{0,2}}(?P<unit>个百分点|%|倍)"
)

# --- 4c. lists: one figure per item (分别), one multiple over named indicators (等6项指标翻两番) -------------------

# …分别达到300万、400万、500万平方米: the numbers before the last share its unit and scale; each is its own target.
DISTRIBUTIVE: Final = re.compile(
    rf"分别(?P<cue>[^\d,，;；。]{{0,4}}?) {{0,2}}"
    rf"(?P<items>(?:(?:{NUMBER})(?:{SCALE})? {{0,2}}(?:、|和|与|及|,|，) {{0,2}})+)"
    rf"(?P<last>{NUMBER})(?P<scale>{SCALE})? {{0,2}}(?P<unit>{_UNIT_ALT})"
)
DISTRIBUTIVE_ITEM: Final = re.compile(rf"(?P<num>{NUMBER})(?P<scale>{SCALE})?")
# A list of years paired with a 分别 list (到2018年、2019年、2020年…分别…).
YEAR_LIST: Final = re.compile(
    r"(?:19|20)\d{2} {0,2}年?(?: {0,2}(?:、|和|及|与|,|，) {0,2}(?:19|20)\d{2} {0,2}年?)+(?! {0,2}的?基础)"
)
YEAR: Final = re.compile(r"(?:19|20)\d{2}")
# 2万平方米以上孵化器超150个: the first figure qualifies the noun after it, unless a verb of its own follows it
# (培育企业100家以上带动就业1万人: two targets).
THRESHOLD_NOT_BEFORE: Final[tuple[str, ...]] = (
    "带动", "吸纳", "新增", "实现", "达到", "形成", "建设", "培育", "引进", "聚集", "集聚", "完成", "突破", "超过",
)
# Item names joined before 分别 (高新技术企业和科技型企业…分别超过90家和870家).
ITEM_JOINERS: Final = re.compile(r"、|和|与|及")
# 孵化器和众创空间各10家: names longer than this before 各 are a phrase, not a list of things counted.
EACH_NAME_MAX: Final = 20
# 孵化器和众创空间各10家, A、B、C投资均增长12%左右 (round 11): each named thing gets the figure.
EACH_AFTER_NAMES: Final = re.compile(r"(?:各|(?<![年人平])均(?:增长|达到|达|超过|提高到|提升到)?)$")
# A, B … 等6项指标翻两番: one multiple for each named indicator.
LIST_MULTIPLE: Final = re.compile(
    rf"(?P<names>[^,，;；。:：]+?)等 {{0,2}}(?P<n>{NUMBER}) {{0,2}}(?:项|个)(?:主要)?指标(?:均|都|全部)?"
)

QUALITATIVE_GOALS: Final[tuple[str, ...]] = (
    "基本形成", "初步形成", "基本建成", "初步建成", "全面建成", "更加完善", "更加优化", "更加浓厚", "显著增强",
    "显著提升", "明显提升", "明显增强",
)
# A dated project (在2020年前，打造…聚集区): the clause right after a deadline clause opens with a build verb and
# has no figure and no vague count (建设一批… = "a number of", whose count, if any, follows). Figures later in
# the same sentence are its parts (sub_target).
PROJECT_VERBS: Final[tuple[str, ...]] = ("打造", "建成", "建设", "建立", "创建")
VAGUE_COUNTS: Final[tuple[str, ...]] = ("一批", "一大批", "若干", "一些")

# --- 5. deadlines and per-year cues -------------------------------------------------------------------------------

# (rule, pattern): the group `year` is a calendar year; `n` a count of years from the document's own year. A year
# before the document's issue year is a date in the past (截至2017年底…), never a deadline.
DEADLINES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("deadline_by_year",
     re.compile(r"(?:到|至|截至|截止到|截止) {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末|年底)?")),
    # 2020年前 (by 2020), not 2015年前后 (around 2015)
    # round 14: not 2017年前三季度 (the first three quarters), 2019年前10个月
    ("deadline_before_year", re.compile(
        r"在?(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末)?(?:以前|之前|前)"
        r"(?!后|[一二两三四]?个?季度|(?:\d{1,2}|[一二两三四五六七八九十]{1,2})个?月)")),
    # 到“十四五”末, 至十三五期末, r. 26 到“十二五”后3年: a five-year plan period's end (PLAN_PERIODS: its last year)
    ("deadline_plan_period_end", re.compile("[到至]" + QUOTED_PERIOD + "(?:期末|时期末|末|最?后[一二两三四五1-5]年)")),
    # Round 12: 力争2025年…达到1800家: a year right after a word of intent, without 到
    ("deadline_intent_year",
     re.compile(r"(?:力争|争取|确保) {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年(?:底|末)?(?![前以之度])")),
    ("deadline_next_years", re.compile(r"(?:未来|今后)(?P<n>[一二两三四五六七八九十\d]+)年")),
    # 力争3年内, 计划两年之内: within N years, said as intent (毕业5年内的…, 可在3年内保留 are durations, not deadlines)
    ("deadline_years_ahead",
     re.compile(r"(?:力争|争取|计划|通过)(?:实现|用)? {0,2}(?P<n>[一二两三四五六七八九十]|\d{1,2}) {0,2}年"
                r"(?:内|之内|时间内|时间)")),
    # Round 16: N年内 opening a sentence (。3年内,电子信息制造业收入达到2750亿元), the issue year the first
    ("deadline_years_opening", re.compile(r"(?:^|(?<=[。;；\n]))[ \u3000]*(?P<n>[一二两三四五\d]) {0,2}年内[,，]")),
    # R. 14: a quota for N years (引进200名(5年目标)), the issue year the first; r. 47: not a year's end (2025年目标)
    ("deadline_years_target", re.compile(r"(?<![\d.])(?P<n>[一二两三四五六七八九十]|\d{1,2}) {0,2}年(?:期)?目标")),
    # Round 14: a period opening what it covers (2018—2020年,全省新增…): its last year (not a cited one in brackets)
    ("deadline_period_end", re.compile(
        r"(?<![\d.(（])(?:19|20)\d{2} {0,2}年? {0,2}(?:-|—{1,2}|–|~|～|至) {0,2}"
        r"(?P<year>(?:19|20)\d{2}) {0,2}年(?!度|以来|间|期间)")),
    # Round 14: a year whose targets are named (《…2024年工作要点》明确主要目标): that year; r. 47: 设立2025年目标:
    ("deadline_year_targets", re.compile(r"(?P<year>(?:19|20)\d{2}) {0,2}年(?:度)?(?:[^。;；,，\s]{0,12}?"
                                         r"(?:工作要点|工作目标|主要目标|预期目标)|(?:远景)?目标 {0,2}[:：])")),
    ("deadline_within_years", re.compile(
        rf"用(?:{NUMBER}{RANGE_SEPARATOR})?(?P<n>[一二两三四五六七八九十\d]+)年(?:左右)?(?:的)?时间")),
    # Round 18: a project's own period (投资1000万元建设5条…,建设期为一年。项目完成后,预计…): N years after the text
    ("deadline_project_period",
     re.compile(r"(?:建设|实施|执行)(?:周期|期)(?:为|是)? {0,2}(?P<n>[一二两三四五\d]) {0,2}年")),
)
# Round 14: a plan's period after its name in the text's opening (行动计划(2021-2025年)): its last year is the plan's
# deadline when no figure states one (PLAN_NAME_REACH characters: the opening, where a text names its plan).
PLAN_NAME_REACH: Final = 120
PLAN_NAME_PERIOD: Final = re.compile(
    r"[(（] {0,2}(?:19|20)\d{2} {0,2}年? {0,2}(?:-|—{1,2}|–|~|～|至) {0,2}(?P<year>(?:19|20)\d{2}) {0,2}年? {0,2}[)）]")
NEXT_YEARS_INCLUDE_ISSUE_YEAR: Final = True  # 未来三年 / 力争3年内: the issue year is the first (2018 -> 2018-2020)
PER_YEAR: Final[tuple[str, ...]] = ("每年", "每一年", "年年", "逐年")
CUMULATIVE: Final[tuple[str, ...]] = ("累计",)
# The document's issue date, for 未来三年 and plan_start: the first full date in the text.
ISSUE_DATE: Final = re.compile(
    r"(?P<year>(?:19|20)\d{2})(?:年(?P<month>\d{1,2})月(?P<day>\d{1,2})日|-(?P<m2>\d{2})-(?P<d2>\d{2}))"
)
# Headings whose section states the plan's goals (a confidence bonus; qualitative goals are looked for there). A
# figure with no deadline in its sentence, paragraph or list takes the document's: the commonest among the goals.
GOALS_HEADING: Final = re.compile(r"目标")

# --- 6. kinds -----------------------------------------------------------------------------------------------------

# coverage: one per unit (每个开发区建立1家), as the catalogue writes it: at_least 100 percent, the count in the notes.
BUILD_VERBS: Final = r"(?:建立|建设|建成|设立|配备|打造|拥有|培育|建有)"  # r. 9: 拥有; r. 20: 培育; r. 39: 建有
COVERAGE: Final = re.compile(
    r"(?:(?:每个|每一个|每所|每家|各个)[^\d,，;；。]{1,12}?|各 {0,2}"  # 至少各建成1个; r. 52: 各 设立 (a blank)
    # 各县(市)区至少建设2家: each unit of a jurisdiction named after 各, then (至少) a build verb
    r"|各(?:县|市|区|乡|镇|街道|村|社区|高校|学校|园区|开发区)[^\d,，;；。]{0,10}?(?:至少|均|要)?"
    # round 9: 各国家级高新区至少拥有1个: each of the units named after 各, at least
    r"|各[^\d,，;；。]{1,30}?(?:至少|均))"
    + BUILD_VERBS  # eachunitcount.EACH_WIDE reads the same verbs after a wider unit (round 41)
)
COVERAGE_WORDS: Final[tuple[str, ...]] = ("全覆盖",)
# 实现全覆盖 with no figure: every unit covered, at least 100 percent.
# 让所有有意愿…人员都能参加一次培训: everyone of a group, as a goal (让 / 使 / 确保 … 所有 … 都能).
# Round 9: other verbs of a goal (推动 / 推进 / 做到 …全覆盖) and a longer span
# (实现全省规模以上工业企业数字化转型全覆盖, …的中试服务全覆盖: up to 30 characters, 、 allowed) between the
# verb and 全覆盖.
COVERAGE_GOAL: Final = re.compile(  # round 28: a mirror's reading blanks (实    现…能      力全覆盖) not counted
    r"(?:实 {0,8}现|达 {0,8}到|推 {0,8}动|推 {0,8}进|做 {0,8}到)(?: {0,8}[^,，;；。 ]){0,30}? {0,8}全 {0,8}覆 {0,8}盖"
    r"|(?:让|使|确保)所有[^,，;；。]{1,20}?都(?:能|能够|可以|要)")
# 每个国家级示范区覆盖10万亩，带动10万户: a norm for each unit, not a target for the jurisdiction (no build verb).
PER_UNIT: Final = re.compile(r"(?:^|[,，:：])[ \u3000]*(?:每个|每一个|每所|每家)")
# sub_target: a part of the figure before it (产业技术创新战略联盟达到50家，其中国家级10家).
SUB_TARGET_WORDS: Final[tuple[str, ...]] = ("其中",)
# policy_floor: a rule the government binds itself to (采购不低于30%, 收益不少于50%, 发放5万元创新券),
# recognised by the words of money, shares and rewards around a percentage or an amount of yuan.
POLICY_WORDS: Final[tuple[str, ...]] = (
    "比例", "采购", "收益", "奖励", "扣除", "补贴", "补助", "预留", "用于", "资金总量", "倾斜", "创新券", "发放",
    "所得", "抵免", "资助", "净收入", "财政", "专项资金",
)
# ...unless the percentage is an outcome share: 比重, 贡献率, 强度, 增长.
OUTCOME_RATE_WORDS: Final[tuple[str, ...]] = ("比重", "贡献率", "强度", "增长", "占比", "覆盖率")
# 研发经费支出占GDP比例为13.67%: a share of something (占…比例) is an outcome, not a rule's rate.
SHARE_OF: Final = re.compile(r"占[^,，;；。]{0,30}?比例")

# --- 7. confidence --------------------------------------------------------------------------------------------------

CONFIDENCE: Final[dict[str, float]] = {
    "base": 0.40,  # a number with a unit, in a sentence
    "comparator": 0.20,  # an explicit comparator (以上, 不低于, 突破, a range)
    "verb": 0.20,  # a target verb before it in the clause (形成, 建设, 达到)
    "deadline": 0.10,  # a deadline stated in its sentence, paragraph or the list it belongs to
    "indicator": 0.10,  # the catalogue knows the indicator
    "goals_section": 0.10,  # under a heading with 目标
    "enumeration": -0.35,  # 支持A、B、C 3个… counts what exists
    "status": -0.60,  # 截至…共有, 目前已建成, 同比: a statistic about the present, not a goal
    "report": -0.50,  # in a paragraph that reports (据介绍, 数据显示, 日前…公布) with no deadline or intent after it
    "done": -0.50,  # 建立了15家, or an end point in the past (增加到2021年的33万家)
    "report_document": -0.50,  # a review / statistics release (its title, or few figures with forward evidence)
    "review_section": -0.50,  # in a section that reviews a past year (2021年工作回顾, 过去一年), no forward evidence
    "goals_lead": 0.10,  # a lead that announces targets (主要预期目标是：) in its paragraph or the one before
    "ongoing_work": -0.30,  # round 12: 统筹推进130个…园区建设: work pushed on things already there, no result named
    "past_year": -0.40,  # 2019年…认定13家 in a text of 2020: a year before the text's own, with a verb of doing
    "category_threshold": -0.60,  # 300人以上的企业20家: the first figure says what is counted, the count is the target
    "per_unit_norm": -0.50,  # 每个示范区…带动10万户: a norm for each unit
    "per_item_rule": -0.10,  # a percentage in a policy sentence with no floor word: probably a rate, not a floor
    "definition": -0.60,  # 独角兽企业一般指…估值超过10亿美元的企业: what a word means
    "grant": -0.35,  # 给予50万元一次性奖励: an amount paid to each firm
    "frame": -0.35,  # 结合五个新城建设的需要: a figure in a frame phrase, no verb between it and the preposition
    "condition": -0.60,  # 对…吸纳20家以上…的，可…申报: a condition of eligibility over several clauses (round 9)
    "forecast": -0.60,  # 预计…将提升至15%以上, 有望达到49万亿元: an estimate, not a commitment (round 10)
    "qualitative_goal": 0.50,  # a goal without a number (基本形成…, 打造…聚集区), before the deadline and goals bonuses
}
MIN_CONFIDENCE: Final = 0.5  # proposals below this are dropped by default (CLI: --min-confidence)

# --- 8. departments ------------------------------------------------------------------------------------------------

# (省知识产权局牵头负责) -> lead; (省科技厅、省教育厅等按职责分工负责) -> shared; a plain 负责 is lead when one
# department is named, shared when several are.
DEPARTMENT_BRACKET: Final = re.compile(r"[(（](?P<body>[^()（）]{2,200}?)(?P<role>牵头负责|按职责分工负责|负责)[)）]")
DEPARTMENT_SEPARATORS: Final = re.compile(r"[、,，;；]")
DEPARTMENT_TRAILERS: Final = re.compile(r"(?:等(?:部门|单位|有关部门|有关单位)?|按职责分工|牵头|牵)$")

# --- 9. names for indicators the catalogue does not have -----------------------------------------------------------

# Head nouns (simplified) -> English words for a proposed indicator code, longest first when matching.
GLOSSARY: Final[dict[str, str]] = {
    "众创空间": "maker_spaces", "星创天地": "rural_maker_spaces", "孵化器": "incubators",
    "孵化载体": "incubation_carriers", "创业孵化基地": "incubation_bases", "孵化网点": "incubation_points",
    "示范基地": "demo_bases", "示范县": "demo_counties", "示范城市": "demo_cities", "示范园": "demo_parks",
    "科技创新园": "science_parks", "科技园": "science_parks", "实训基地": "training_bases",
    "培训基地": "training_bases", "创业基地": "startup_bases", "公共服务中心": "public_service_centres",
    "就业服务中心": "job_service_centres", "返乡创业园": "returnee_startup_parks", "创业园": "startup_parks",
    "创业青年": "young_entrepreneurs", "带动就业": "jobs", "就业": "jobs", "创客": "makers",
    "高新技术企业": "high_tech_enterprises", "中小微企业": "smes", "科技型企业": "tech_enterprises",
    "企业": "enterprises", "销售收入": "sales_revenue_share", "技术合同": "tech_contract_turnover",
    "贡献率": "contribution_rate", "发明专利": "invention_patents", "专利申请量": "patent_applications",
    "开发区": "development_zones", "实验室": "labs", "联盟": "alliances", "工作站": "workstations",
    "团队": "teams", "项目": "projects", "成果": "achievements", "导师": "mentors", "人员": "persons",
    "人才": "talents", "创业公寓": "startup_apartments", "工场": "workshops", "研发中心": "rd_centres",
    "技术中心": "tech_centres", "科技实力": "st_strength", "经费": "rd_expenditure", "投入强度": "rd_intensity",
    "采购": "procurement_share", "价格扣除": "price_deduction", "收益": "income_share",
    "奖励": "reward_share", "创新券": "innovation_vouchers", "支持比例": "support_share",
    "倾斜比例": "priority_share", "比例": "share", "所得": "income_share", "净收入": "income_share",
    # issue 18: the fields of the real-text corpus
    "指数": "index", "排名": "ranking", "位次": "ranking", "研发机构": "rd_institutions",
    "研究院": "research_institutes",
    "技术转移机构": "tech_transfer_agencies", "技术经理人": "tech_managers", "专精特新": "specialised_smes",
    "小巨人": "little_giants", "单项冠军": "single_champions", "市场主体": "market_entities",
    "科技型中小企业": "tech_smes", "营业收入": "revenue", "增加值": "value_added", "研发人员": "rd_staff",
}
LEVELS: Final[dict[str, str]] = {"国家级": "national", "国家": "national", "省级": "provincial", "县级": "county",
                                 "乡镇": "township", "大学生": "student", "农民工": "migrant", "农村": "rural"}
NEW_INDICATOR_PREFIX: Final = "new_"
# Proposed heads too vague to say two figures count the same thing (a restated goal is merged only when they do).
GENERIC_HEADS: Final[frozenset[str]] = frozenset({"indicator", "enterprises", "persons", "share", "projects", "teams"})
