"""The classes of issue 18, each on a real sentence and its full-width, traditional and spacing variants.

Sentences marked (dev) are from the development half of tests/fixtures/real/policies/ (source and date in its
corpus.yaml); (issue) are quoted in issue 18 itself; (around issue) wrap a fragment the issue quotes (…分别达到300万、
400万、500万平方米, …等6项指标翻两番) in a sentence written for this test, since the full original is not stored.
Variants are the same sentence in full-width digits (１２, ％, the ideographic space), in traditional script, or with
spaces around the number. Expected values are in base units, worked out by hand.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets


def _props(text: str) -> list[dict]:
    return [p.entry | {"_unit": p.unit, "_confidence": p.confidence} for p in extract_targets(text, "real")]


def _one(text: str) -> dict:
    got = _props(text)
    assert len(got) == 1, [(g["comparator"], g.get("value"), g["sources"][0]["quote"]) for g in got]
    return got[0]


# (id, text, comparator, value, unit)
SINGLE = [
    # 超 = exceed (dev: wansheng-2023-hitech)
    ("chao", "到2027年，高技术制造业增加值占规模以上工业增加值的比重超25%。", "exceed", 25, "percent"),
    ("chao-fullwidth", "到２０２７年，高技术制造业增加值占规模以上工业增加值的比重超２５％。", "exceed", 25, "percent"),
    ("chao-traditional", "到2027年，高技術製造業增加值佔規模以上工業增加值的比重超25%。", "exceed", 25, "percent"),
    ("chao-spaced", "到2027年，高技术制造业增加值占规模以上工业增加值的比重超 25 %。", "exceed", 25, "percent"),
    # 过万 = more than ten thousand (dev: sunan-2015-shuangchuang)
    ("guo-wan", "到2020年底，培育具有较强竞争力的高新技术企业过万家。", "exceed", 10000, "count"),
    ("guo-wan-traditional", "到2020年底，培育具有較強競爭力的高新技術企業過萬家。", "exceed", 10000, "count"),
    # 达 = reach (dev: lianyungang-2019-hitech)
    ("da", "到2020年末，规模以上高新技术企业研发机构建有率达100%。", "at_least", 100, "percent"),
    # numbers with spaces (issue; dev: panan-2021-science spaces its year)
    ("spaced", "到2020年，每年新增在孵企业 200 家以上。", "at_least", 200, "count"),
    ("spaced-ideographic", "到2020年，每年新增在孵企业\u3000200\u3000家以上。", "at_least", 200, "count"),
    ("spaced-year", "到 2025 年，全社会R&D 经费支出占GDP的比重达到2.8%。", "at_least", 2.8, "percent"),
    # a count written with decimals is a density, kept as written (dev: chengan-2019-innovative-county)
    ("decimal-count", "2019年千家工商注册企业中高新技术企业数量不少于5.67家。", "at_least", 5.67, "count"),
    # category thresholds: the first figure says what is counted (dev: city-innovative-plan-to-2015; issue)
    ("threshold-de", "到2015年，总收入超过100亿元的高新技术企业和创新型企业数达到10家以上。", "at_least", 10,
     "count"),
    ("threshold-de-traditional", "到2015年，總收入超過100億元的高新技術企業和創新型企業數達到10家以上。",
     "at_least", 10, "count"),
    ("threshold-yishang", "到2020年，2万平方米以上孵化器超150个。", "exceed", 150, "count"),
    ("threshold-fullwidth", "到２０２０年，２万平方米以上孵化器超１５０个。", "exceed", 150, "count"),
    ("threshold-persons", "到2020年，吸纳300人以上就业的孵化器超200个。", "exceed", 200, "count"),
    # unitless index values (dev: dongtou-2023-science)
    ("index", "到2027年，实现区域科技创新指数达到160以上。", "at_least", 160, "index"),
    ("index-traditional", "到2027年，實現區域科技創新指數達到160以上。", "at_least", 160, "index"),
    ("index-spaced", "到2027年，实现区域科技创新指数达到 160 以上。", "at_least", 160, "index"),
    # ranks (dev: dongtou-2023-science, china-2016-st-plan-goals)
    ("rank-province", "到2027年，科技进步综合评价位次实现“进等升位”，跃居全省前40位。", "rank_at_most", 40, "rank"),
    ("rank-fullwidth", "到２０２７年，跃居全省前４０位。", "rank_at_most", 40, "rank"),
    ("rank-city", "到2027年，每万名就业人员中研发人员达到全市前3水平。", "rank_at_most", 3, "rank"),
    ("rank-world", "到2020年，國家綜合創新能力世界排名進入前15位。", "rank_at_most", 15, "rank"),
    ("rank-ordinal", "到2020年，國際科技論文被引次數達到世界第二。", "rank_at_most", 2, "rank"),
]


@pytest.mark.parametrize(("text", "comparator", "value", "unit"), [r[1:] for r in SINGLE], ids=[r[0] for r in SINGLE])
def test_one_target_per_sentence(text, comparator, value, unit):
    got = _one(text)
    assert (got["comparator"], got["value"], got["_unit"]) == (comparator, value, unit)


@pytest.mark.parametrize(("text", "scope"), [
    ("到2027年，跃居全省前40位。", "province"),
    ("到2027年，达到全市前3水平。", "city"),
    ("到2020年，國家綜合創新能力世界排名進入前15位。", "world"),
])
def test_a_rank_names_its_scope(text, scope):
    got = _one(text)
    assert got["scope"] == scope
    assert "reference_jurisdiction" not in got


@pytest.mark.parametrize("text", [
    "2016年科技部认定国家级“星创天地”33家，位居全国第五、西北第一。",  # 位居: where it stands (dev: gansu-2017)
    "新规划保留了两项指标，但把它们提升至整个指标体系的前两位。",  # no scope, nothing ranked (dev: china-2016 news)
])
def test_a_rank_that_is_a_statistic_or_has_no_scope_is_not_proposed(text):
    assert [p for p in _props(text) if p["comparator"] == "rank_at_most"] == []


@pytest.mark.parametrize(("text", "reference"), [
    # dev: city-innovative-plan-to-2015
    ("到2015年，全市r&d经费增幅高于地区生产总值的平均增幅。", None),
    ("到2015年，全市R&D经费增幅高于地区生产总值的平均增幅。", None),
    # issue
    # without a catalogue the province cannot be named: the note says 全省, the schema's problem asks for the code
    ("到2020年，全社会研发经费投入增幅明显高于全省平均增幅。", None),
    ("到2020年，全社會研發經費投入增幅明顯高於全省平均增幅。", None),
])
def test_growth_above_a_reference(text, reference):
    got = _one(text)
    assert (got["comparator"], got.get("value"), got.get("reference_jurisdiction")) == (
        "growth_above_reference", None, reference)
    assert got["notes"].startswith("growth above: ")


def test_fenbie_items_each_get_the_comparator_and_a_name():
    # dev: wansheng-2023-hitech
    text = ("到2027年，全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”，分别超过90家和870家；"
            "全区专精特新“小巨人”企业突破8家。")
    got = [(p["comparator"], p["value"], p["deadline"]) for p in _props(text) if p.get("value")]
    assert got == [("exceed", 90, 2027), ("exceed", 870, 2027), ("exceed", 8, 2027)]
    names = [p.indicator_name_zh for p in extract_targets(text, "real")][:2]
    assert names == ["高新技术企业", "科技型企业"]


@pytest.mark.parametrize("text", [
    # around the fragment: three years, three values sharing 万平方米
    "到2018年、2019年、2020年，全省众创空间面积分别达到300万、400万、500万平方米。",
    "到２０１８年、２０１９年、２０２０年，全省眾創空間面積分別達到３００萬、４００萬、５００萬平方米。",
    "到2018年、2019年、2020年，全省众创空间面积分别达到 300万、400万、500万 平方米。",
])
def test_fenbie_list_gives_one_target_per_year(text):
    got = [(p["comparator"], p["value"], p["deadline"], p["_unit"]) for p in _props(text)]
    assert got == [("at_least", 3_000_000, 2018, "sqm"), ("at_least", 4_000_000, 2019, "sqm"),
                   ("at_least", 5_000_000, 2020, "sqm")]


@pytest.mark.parametrize("text", [
    # around the fragment: six named indicators, one multiplier
    "到2020年，高新技术企业数、科技型中小企业数、技术合同成交额、发明专利拥有量、研发经费支出、高新技术产业产值"
    "等6项指标比2015年翻两番。",
    "到2020年，高新技術企業數、科技型中小企業數、技術合同成交額、發明專利擁有量、研發經費支出、高新技術產業產值"
    "等６項指標比2015年翻兩番。",
])
def test_one_multiplier_over_named_indicators_gives_one_target_each(text):
    props = extract_targets(text, "real")
    assert [(p.entry["comparator"], p.entry["multiple"], p.entry["baseline_year"]) for p in props] == [
        ("multiple_of_baseline", 4, 2015)] * 6
    assert props[0].indicator_name_zh in ("高新技术企业数", "高新技術企業數")
    assert len({p.indicator_name_zh for p in props}) == 6


def test_multiplier_over_a_list_that_is_not_named_stays_one():
    assert len(_props("到2020年，主要科技指标等6项指标翻两番。")) == 1


def test_count_after_deng_that_counts_the_list_is_not_a_target():
    # dev: lianyungang-2019-hitech (the six 方面 just listed); seed xining-2018: 3 kinds, 10 places, a target
    counted = ("主要从加快源头培育、提升创新能力、发挥平台作用、建设培育基地、促进提质增效、优化创新服务"
               "等六个方面提出措施。")
    assert _props(counted) == []
    target = _one("到2020年，在城北建成眾創空間、創業咖啡、創新工場等10家以上。")
    assert (target["comparator"], target["value"]) == ("at_least", 10)


@pytest.mark.parametrize(("text", "deadline"), [
    # dev: anhui-2022-chuangye: a list item under the goal's paragraph
    ("到2025年底，形成创业环境一流的新格局。\n——每年新增市场主体100万户以上，其中新增企业30万户以上。", 2025),
    # a per-year target with no deadline near it takes the plan's (the commonest among its goals)
    ("一、主要目标\n到2020年，全市众创空间达到50家。\n二、重点任务\n每年新增在孵企业200家以上。", 2020),
])
def test_per_year_targets_keep_a_deadline(text, deadline):
    per_year = [p for p in _props(text) if p.get("per_year")]
    assert per_year and all(p["deadline"] == deadline for p in per_year)


@pytest.mark.parametrize("text", [
    # dev: gansu-2017-maker-spaces-status, henan-2022-maker-spaces-status, china-2022-rd-status
    "目前全省各类众创空间达到103家。",
    "据介绍,我省依托龙头企业、高校、科研院所,建立了15家专业化众创空间。目前,各类众创空间达到103家,入驻创业团队及"
    "企业2568家,带动创业22000余人。",
    "發布時間:2022-06-07\n2021年,全國技術合同成交額達3.73萬億元,超過全社會研發投入2.79萬億元。",
    "發布時間:2022-06-07\n全國高新技術企業數量從4.9萬家,增加到2021年的33萬家。",
])
def test_statistics_in_reports_are_not_proposed(text):
    assert _props(text) == []


def test_a_quoted_speech_is_read_but_a_quoted_name_is_not():
    # dev: china-2016-st-plan-indicators-news (a speech in quotes); seed xining-2018 (a programme's name)
    speech = "“首个指标是科技进步贡献率从55.3%提高到60%，意味着进入创新型国家行列。”李萌说。"
    assert [(p["value"], p.get("baseline_value")) for p in _props(speech)] == [(60, 55.3)]
    assert _props("实施“百家千人”工程。") == []


# --- classes found when the test half was first scored (its sentences are no longer unseen; see docs/extraction.md)


@pytest.mark.parametrize(("text", "comparator", "value", "unit", "kind"), [
    # 各…建成1个 and 实现全覆盖: coverage, at least 100 percent (test: xinzhou-2016, chengdu-2025)
    ("到2017年,各縣(市、區)、忻州師范學院、忻州職業技術學院至少各建成1個眾創空間,全市眾創空間達17家以上。",
     "at_least", 100, "percent", "coverage"),
    ("大力支持企业转型,推动智能化改造数字化转型实现全覆盖,关键工序数控化率超过85%。",
     "at_least", 100, "percent", "coverage"),
    # 达到…的0.5%: a share of what is named between (test: china-2017-agri-parks)
    ("到2020年，科技園區覆蓋面積達到全國耕地總面積的0.5%。", "at_least", 0.5, "percent", "outcome"),
    # 年均增幅 is a growth rate (test: guangyuan-2017)
    ("到2020年，技術合同成交總額年均增幅10%以上。", "growth_rate", 10, "percent", "outcome"),
    # 占…比例 is an outcome share, not a policy rule's rate (test: shenzhen-2022)
    ("提出到2025年，高新区内企业研发经费支出占GDP比例为13.67%。", "exact", 13.67, "percent", "outcome"),
])
def test_classes_seen_in_the_test_half(text, comparator, value, unit, kind):
    got = _props(text)[0]
    assert (got["comparator"], got["value"], got["_unit"], got["kind"]) == (comparator, value, unit, kind)


@pytest.mark.parametrize(("text", "value", "multiple", "unit", "reference"), [
    ("科技園區科技進步貢獻率達到75%以上,比全國高15個百分點。", 15, None, "percentage_points", None),
    ("土地產出率、勞動生產率比當地平均水平高一倍。", None, 2, None, None),
    ("農民人均收入比當地平均水平高50%。", 50, None, "percent", None),
])
def test_a_level_above_a_reference(text, value, multiple, unit, reference):
    got = next(p for p in _props("到2020年，" + text) if p["comparator"] == "above_reference")
    assert (got.get("value"), got.get("multiple"), got["_unit"], got.get("reference_jurisdiction")) == (
        value, multiple, unit, reference)


@pytest.mark.parametrize("text", [
    # a per-unit norm (test: china-2017-agri-parks)
    "在總體布局上,到2020年,擬建設30個國家級農業高新技術示范區。\n按規劃,每個國家級農業高新技術示范區覆蓋10萬畝,"
    "帶動10萬戶;每個國家農業科技園區覆蓋1萬畝,帶動1萬戶。",
    # 孵化器 is a noun, not the verb 孵化 (test: lanzhou-2015)
    "11月6日,我市召开全市科技企业孵化器建设发展大会。全市37家科技企业孵化器代表、20家众创空间代表参加会议。",
    # a count of the kinds just listed, without 等 (test: yunnan-2025)
    "工业“六基”包括核心基础零部件、元器件、关键软件、先进基础工艺、关键基础材料和产业技术基础6个领域。",
    # a plan period that ended before the text (test: linhai-2022)
    "2022年6月7日\n“十三五”期间全市R&D活动人员数从5758名增至6006名，人才总量达到12.69万人。",
])
def test_norms_lists_nouns_and_past_periods_are_not_targets(text):
    assert [p for p in _props(text) if p["value"] != 30] == []  # 拟建设30个 is a target


def test_a_per_unit_build_target_is_still_coverage():
    # seed gansu-2015 style: 每个乡镇建设1处以上 (a build verb: coverage, not a norm)
    got = _one("到2020年，每个乡镇建设1处以上创业孵化网点。")
    assert (got["kind"], got["comparator"], got["value"]) == ("coverage", "at_least", 100)


@pytest.mark.parametrize("text", [
    # a change over time, not a level above a reference (i17's report corpus: sx_2020_rd, nat_2024_rd_trad)
    "研究与试验发展(R&D)经费投入强度为1.2%，比上年提高0.07个百分点。",
    "規上工業企業中高新技術企業占比達到19%，比2015年提升11.4個百分點。",
])
def test_a_change_over_a_year_is_not_above_a_reference(text):
    assert [p for p in _props(text) if p["comparator"] == "above_reference"] == []
