"""A scale word with no digit before it that still names a figure: 过万家, 超百家, 带动百万人, 推动万家, 千亿斤以上.

A Chinese numeral must start with a digit word (`rules.NUMBER`), so 千亿元 in a plan's name (千亿斤粮食产能提升行动)
and 万众 in a slogan are never figures. Some bare scale words are figures all the same, and `rules.FIGURE` reads
the alternatives below as its number (an empty one is one of the scale word, `candidates.number`):

- after 过 / 超 / 逾 / 近 (过万家 = over 10 000; 超百家 = over 100, 超百亿元) and after 突破 (突破万亿元): rounds 4-14;
- 百万 after a floor or a verb of reach (至少百万名, 带动百万人): round 18;
- round 37 (issue 18), figures with no digit, counted in 2 development texts before the rule (the test half not
  read): 万 / 千 after 推动 (福建's 2019 SME integration plan news, first unseen-9: 推動萬家中小企業“上云上平臺”),
  and 千 / 百 before 亿 / 万, a unit and 以上 (the 2024 grain-capacity action plan news, first unseen-48:
  实现新增粮食产能千亿斤以上 = at least 10^11 jin). The floor after the unit, closing its clause, is what makes the
  scale word a figure: the plan's own name, 新一轮千亿斤粮食产能提升行动方案, has none and stays no figure; a size
  class before its noun (3个千亿元以上产业集群) is no figure either; nor is a numeral before the scale word (数千万人,
  五千亿元 are read as before).
- round 44: a bare 百 after 突破, before 万 / 亿 (突破百亿元 = over 10^10), as after 超: 内蒙古's 2023
  science-empowerment plan (first unseen-53: 技术市场成交额突破百亿元, a 2025 goal) and the 2020 communiqué news
  (经济总量突破百万亿元大关, read whole as a result) show it.
- round 48: a bare 百 right after a verb that builds or forms (建立, 突破, 形成, 打造, 开拓, 制定, 培育, 建设,
  引进, 新增) and before a measure word (项, 家, 支, 个, 所, 名) counts a hundred things: the seven ministries' 2024
  opinion on future industries (first unseen-59: 突破百项…技术, 形成百项…产品, 打造百家…企业, 开拓百项…场景,
  制定百项…标准, 培育百家…机构) and 杭州's 2016 science-popularisation aims (first unseen-59, traditional:
  建立百支科普志願者小分隊). A programme's name after another verb (实施百家…培育行动, 百名创新人才培养工程) is
  not read: no such verb before 百; nor is the idiom 百家争鸣 (round 44's control: 突破百家争鸣的局面).
- round 47: a bare 百 / 千 after 剑指 (a verb of the target, `rules.TARGET_VERBS`), before 万 / 亿: 湖北's 2024
  future-industries news (first unseen-58: 湖北未來產業規模2026年劍指千億元); 剑指 is written before a figure in one
  more development text (first unseen-25: 人工智能產業目標劍指10萬億, no 元, still not read).
- round 54: a bare 兆 right before 元 / 美元 (`trillion.SCALE`'s money 兆) with no numeral before it is one
  trillion, whatever stands before it: 臺灣's 2030 tourism target (taiwan-2025-tourism-trillion-crntt-trad, first
  unseen-64: 2030年達到新台幣兆元產值, 以2030年達到兆元產值為目標, 發展觀光成為兆元產業的目標, three annotated targets,
  none read) and the 2025 digital-economy review (first unseen-64: 2024年…營業額突破兆元, a past year's result). 兆
  names no other amount before money (兆瓦 and 兆比特 are units, `legalunits`). A size class before its noun is no
  figure here either, as round 37 says of 3个千亿元以上产业集群 (review s21a F5): after a count or measure word
  (大 / 个 / 项, blanks aside) and before a noun, 兆元 names a class of industry, not an amount
  (SYNTHETIC, the common wording: 將打造半導體、人工智慧…等五大兆元產業 gave 1 兆元 exact 2030).
"""

from __future__ import annotations

from typing import Final

# Alternatives of FIGURE's number group (each matches an empty string or the bare 百 / 千 that `candidates.number`
# reads as 100 / 1000), put into FIGURE's f-string as a value (its braces are not doubled).
BARE_SCALE: Final = (
    r"(?<=[过超逾近])(?=[万千亿])|(?<=突破)(?= {0,2}[万千亿])|(?<=[过超逾近])百|(?<=突破)百(?= {0,2}[万亿])"
    r"|(?:(?<=至少)|(?<=带动)|(?<=帮助)|(?<=扶助)|(?<=组织)|(?<=培训)|(?<=吸引))百(?= {0,2}万)"
    r"|(?<=推动)(?=[万千])"  # round 37: 推动万家中小企业
    r"|(?:(?<=剑指)|(?<=剑指 ))[百千](?= {0,2}[万亿])"  # round 47: 2026年劍指千億元
    r"|(?:(?<=建立)|(?<=突破)|(?<=形成)|(?<=打造)|(?<=开拓)|(?<=制定)|(?<=培育)|(?<=建设)|(?<=引进)|(?<=新增))"
    r"百(?=[项家支个所名])(?!家争鸣)"  # round 48: 突破百项前沿关键核心技术, 打造百家领军企业, 建立百支…小分队
    r"|(?<![\d.〇零一二两三四五六七八九十百千万亿几数余多])[千百]"
    r"(?=[万亿] {0,2}[\u4e00-\u9fff]{1,2}以上(?:[,，;；。、!！\n]|$))"  # round 37: 产能千亿斤以上。
    # round 54: 兆 before money with no numeral before it is one trillion (達到兆元產值, 成為兆元產業)
    r"|(?<![\d.〇零一二两三四五六七八九十百千万亿几数余多])(?=兆 {0,2}(?:元|美元))"
    # review s21a F5: not a size class, a count or measure word before 兆元 and its noun after (五大兆元产业)
    r"(?!(?:(?<=[大个個项項])|(?<=[大个個项項] )|(?<=[大个個项項]  ))兆 {0,2}(?:元|美元) {0,2}[\u4e00-\u9fff])"
)
