"""The extraction rules as a spec: one hand-written sentence per construct, and what must come out of it.

Every sentence below is synthetic (written for this table); expected values are worked out by hand in the
catalogue's base units (万人 -> persons, 亿元 -> yuan, % -> percent).
"""

from __future__ import annotations

import pytest

from targetwatch.catalogue import Catalogue, Indicator, Jurisdiction
from targetwatch.extraction import extract_targets

# (id, text, expected fields of the one proposal; "unit" is the proposal's base unit, the rest entry fields)
ROWS = [
    # --- numerals: Arabic, Chinese (十, 两, 百, 千, 万, 亿), decimals with a scale word
    ("arabic", "到2020年，全省建设众创空间300个。",
     {"value": 300, "unit": "count", "comparator": "exact", "deadline": 2020, "kind": "outcome"}),
    ("dadao", "到2020年，全省众创空间达到300个。", {"value": 300, "comparator": "at_least"}),  # reach N: a floor
    ("shi", "到2020年，建设十个省级示范基地。", {"value": 10, "unit": "count"}),
    ("liang", "到2020年，创建两个国家级示范城市。", {"value": 2, "unit": "count"}),
    ("bai", "到2020年，建成三百个孵化器。", {"value": 300}),
    ("qian", "到2020年，培育两千家科技型企业。", {"value": 2000}),
    ("sishi-wan", "到2020年，农村创业青年达到四十万人。", {"value": 400000, "unit": "persons"}),
    ("wan-ren", "每年通过创业创新带动就业45万人。", {"value": 450000, "unit": "persons", "per_year": True}),
    ("yi-yuan", "到2020年，年技术合同交易额达到265亿元。", {"value": 26_500_000_000, "unit": "yuan"}),
    ("decimal-wan", "到2020年，有效发明专利拥有量达到1.3万件。", {"value": 13000, "unit": "items"}),
    # --- ranges
    ("range-hyphen", "到2020年，创建1-2个国家新兴产业示范基地。",
     {"comparator": "range", "value": 1, "value_high": 2, "unit": "count"}),
    ("range-dash", "到2020年，培育3—5家龙头骨干企业。", {"comparator": "range", "value": 3, "value_high": 5}),
    ("range-zhi", "到2020年，培育3至5家龙头骨干企业。", {"comparator": "range", "value": 3, "value_high": 5}),
    # --- comparators
    ("yishang", "到2020年，全省高新技术企业达到1500家以上。", {"comparator": "at_least", "value": 1500}),
    ("yixia", "到2020年，亏损企业数量控制在10家以下。", {"comparator": "at_most", "value": 10}),
    ("zuoyou", "到2020年，有效发明专利拥有量达到1.3万件左右。", {"comparator": "approx", "value": 13000}),
    ("chaoguo", "到2020年，聚集创业导师超过1000人。", {"comparator": "exceed", "value": 1000, "unit": "persons"}),
    ("tupo", "到2020年，科技进步贡献率突破50%。", {"comparator": "exceed", "value": 50, "unit": "percent"}),
    ("budiyu", "面向中小企业采购不低于采购总额的30%。",
     {"comparator": "at_least", "value": 30, "unit": "percent", "kind": "policy_floor", "deadline": None}),
    ("bushaoyu", "科技成果转化所获收益按不少于50%的比例用于奖励。",
     {"comparator": "at_least", "value": 50, "kind": "policy_floor"}),
    # --- hedges keep the figure and say so in the notes
    ("lizheng", "力争到2020年，众创空间达到300个以上。",
     {"comparator": "at_least", "value": 300, "deadline": 2020, "notes": "aspirational (力争/争取)"}),
    ("zhengqu", "到2020年，研发经费投入强度争取达到全国平均水平。",
     {"comparator": "relative_to_reference", "reference_jurisdiction": "national", "value": None,
      "deadline": 2020, "notes": "aspirational (力争/争取)"}),
    # --- multiples and growth
    ("fan-yi-fan", "到2020年，专利申请量翻一番。",
     {"comparator": "multiple_of_baseline", "multiple": 2, "value": None, "deadline": 2020}),
    ("fan-liang-fan", "到2025年，技术合同成交额比2015年翻两番。",
     {"comparator": "multiple_of_baseline", "multiple": 4, "baseline_year": 2015, "deadline": 2025}),
    ("zengzhang-yibei", "到2018年底，全省创客大军达到10万人，比2017年增长一倍。",
     {"value": 100000, "multiple": 2, "baseline_year": 2017, "deadline": 2018, "unit": "persons"}),
    ("growth-over-baseline", "到2020年，技术合同成交额比2015年增长50%以上。",
     {"comparator": "multiple_of_baseline", "multiple": 1.5, "baseline_year": 2015, "value": None}),
    ("nianjun", "到2020年，科技成果年均增长10%以上。",
     {"comparator": "growth_rate", "value": 10, "unit": "percent", "per_year": False}),
    ("meinian", "每年新创办中小微企业3万户。",
     {"per_year": True, "value": 30000, "unit": "households", "deadline": None}),
    ("baseline", "到2020年，全省众创空间由2015年的50家增加到100家。",
     {"value": 100, "baseline_value": 50, "baseline_year": 2015, "comparator": "exact"}),
    ("baseline-percent", "到2020年，科技进步贡献率由50%提高到60%。", {"value": 60, "baseline_value": 50}),
    ("leiji", "到2020年，累计带动就业10万人。", {"value": 100000, "notes": "累计 (cumulative)"}),
    ("national-average", "到2020年，综合科技实力达到全国平均水平。",
     {"comparator": "relative_to_reference", "reference_jurisdiction": "national"}),
    ("share", "到2020年，高新技术企业销售收入占规模以上工业企业销售收入的比重达到15%以上。",
     {"comparator": "at_least", "value": 15, "unit": "percent", "kind": "outcome"}),
    ("advanced", "到2020年，示范区研发投入水平达到全国先进水平。",
     {"comparator": "qualitative", "kind": "qualitative", "value": None, "deadline": 2020}),
    # --- deadlines
    ("before-year", "2020年前，全市建成众创空间30家以上。", {"deadline": 2020, "value": 30}),
    ("year-end", "到2018年底，全省众创空间达到100个。", {"deadline": 2018}),
    ("next-three-years", "2018年3月1日\n未来三年，全市建成科技企业孵化器20个。", {"deadline": 2020, "value": 20}),
    ("bullet-carries", "（三）主要目标。到2020年，创业环境进一步优化。\n--建设100个小微企业创业基地。",
     {"deadline": 2020, "value": 100}),
    # --- units
    # coverage: every township / zone covered, written as at least 100% (the catalogue's form), per-unit count noted
    ("chu", "到2020年，每个乡镇建设1处以上创业孵化网点。",
     {"value": 100, "unit": "percent", "comparator": "at_least", "kind": "coverage",
      "notes": "coverage: 1 处 per unit (at_least)"}),
    ("jia", "到2020年，在每个开发区建立1家科技企业孵化器。",
     {"value": 100, "kind": "coverage", "notes": "coverage: 1 家 per unit (exact)"}),
    ("fullwidth-percent", "到2020年，科技进步贡献率达到６０％。", {"value": 60, "unit": "percent"}),
    ("sqm", "到2020年，新建孵化场地10万平方米。", {"value": 100000, "unit": "sqm"}),
    ("jian", "到2020年，发明专利申请量达到5000件。", {"value": 5000, "unit": "items"}),
    # --- traditional script
    ("traditional", "在2020年前，全市建成眾創空間(星創天地)30家以上。",
     {"value": 30, "comparator": "at_least", "deadline": 2020, "unit": "count"}),
    ("traditional-wan", "到2020年，有效發明專利擁有量達到1.3萬件左右。",
     {"value": 13000, "comparator": "approx", "unit": "items"}),
    # --- departments in the closing bracket
    ("lead", "到2020年，建设100个小微企业创业基地。（省发展改革委牵头负责）",
     {"departments": ["省发展改革委"], "department_role": "lead"}),
    ("shared", "到2020年，建设100个小微企业创业基地。（省科技厅、省教育厅等按职责分工负责）",
     {"departments": ["省科技厅", "省教育厅"], "department_role": "shared"}),
    ("traditional-departments", "到2020年，建成孵化器10家。(市科技局、市發改委等按職責分工負責)",
     {"departments": ["市科技局", "市發改委"], "department_role": "shared"}),
]

NOT_TARGETS = [
    ("document-number", "根据《国务院关于大力推进大众创业万众创新若干政策措施的意见》（国发〔2015〕32号）精神。"),
    ("duration", "经原单位同意，3年内保留原有人事关系。"),
    ("months", "科技成果完成人提前2个月告知本单位后，可创办企业。"),
    ("quoted-name", "重点实施“三个工程”和“三个计划”。"),
    ("enumeration", "支持兰州大学、兰州交通大学、兰州理工大学3个大学科技园提质扩容。"),
    ("condition", "对小微企业占联合体股份达到30%以上的，可给予价格扣除。"),
    ("article-yi", "推动实施一个窗口登记注册和限时办结。"),
    ("plan-name", "实施陇原“双创”千亿元产业行动计划。"),
    ("ordinal", "按照省第十三次党代会部署。"),
    # background statistics: where things stand when the plan is written
    ("status-as-of", "2018年3月1日\n截至2017年底，全省共有众创空间120家，科技企业孵化器超过40家。"),
    ("status-already", "目前我省已建成众创空间86家。"),
    ("status-year-on-year", "2017年全省技术合同成交额同比增长12%。"),
]


def _fields(p) -> dict:
    return p.entry | {"unit": p.unit}


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_one_sentence_one_target(text, expected):
    (proposal,) = extract_targets(text, "synthetic")
    got = _fields(proposal)
    for key, value in expected.items():
        default = False if key == "per_year" else None
        assert got.get(key, default) == value, key
    assert text[proposal.char_start : proposal.char_end] == proposal.quote


@pytest.mark.parametrize("text", [r[1] for r in NOT_TARGETS], ids=[r[0] for r in NOT_TARGETS])
def test_figures_that_are_not_targets(text):
    assert extract_targets(text, "synthetic") == []


def test_a_list_shares_its_verb_and_its_deadline():
    text = "（三）主要目标。到2020年，创业环境进一步优化。\n--建设1000个乡镇就业公共服务中心，80个县级培训基地。\n"
    got = [(p.value, p.entry["deadline"]) for p in extract_targets(text, "synthetic")]
    assert got == [(1000, 2020), (80, 2020)]


def test_a_deadline_holds_for_the_rest_of_its_paragraph_and_no_further():
    text = "到2020年，形成300家众创空间。依托高校建设50个众创空间。\n建设10个孵化基地。\n"
    got = [(p.value, p.entry.get("deadline")) for p in extract_targets(text, "synthetic")]
    assert got[:2] == [(300, 2020), (50, 2020)]
    # the next paragraph states no deadline: it takes the document's (the one its goals state), marked so
    assert got[2] == (10, 2020)
    assert "deadline_from_document" in extract_targets(text, "synthetic")[2].rule


def test_qizhong_is_a_sub_target_of_the_figure_before_it():
    parent, child = extract_targets("到2020年，产业技术创新战略联盟达到50家，其中国家级10家。", "synthetic")
    assert (parent.value, child.value) == (50, 10)
    assert child.entry["kind"] == "sub_target"
    assert child.entry["parent"] == parent.entry["id"]


def test_qizhong_after_a_policy_floor_keeps_the_kind_and_names_the_parent():
    text = "面向中小企业采购不低于采购总额的30%，其中预留给小微企业的比例不低于60%。"
    whole, part = extract_targets(text, "synthetic")
    assert (whole.entry["kind"], part.entry["kind"]) == ("policy_floor", "policy_floor")
    assert part.entry["parent"] == whole.entry["id"]
    assert part.entry["per_year"] is True  # a floor holds in every year of the plan


def test_a_goal_restated_in_the_body_is_one_target_with_two_quotes():
    text = ("（三）主要目标。到2020年，创业环境进一步优化。\n--建设20个创业创新示范园。\n"
            "四、实施行动\n（二）示范园行动。加快建设微电子、生物医药等20个省级创业创新示范园。\n")
    (p,) = extract_targets(text, "synthetic")
    assert [s["quote"] for s in p.entry["sources"]] == [
        "建设20个创业创新示范园。", "加快建设微电子、生物医药等20个省级创业创新示范园。"]
    assert [s["clause"] for s in p.entry["sources"]] == ["（三）主要目标", "四、（二）示范园行动"]
    assert all(text[a:b] == s["quote"] for (a, b), s in zip(p.offsets, p.entry["sources"], strict=True))


def test_qualitative_goals_without_a_figure():
    goals = "（三）主要目标。到2020年，基本形成要素聚集、服务专业的创业创新生态体系。\n"
    (p,) = extract_targets(goals, "synthetic")
    assert (p.entry["kind"], p.entry["comparator"], p.entry["deadline"]) == ("qualitative", "qualitative", 2020)
    assert p.quote == "到2020年，基本形成要素聚集、服务专业的创业创新生态体系。"
    # the same words outside a goals section and with no date are not proposed
    assert extract_targets("各地要基本形成工作机制。", "synthetic") == []


def test_a_dated_project_is_qualitative_and_its_figures_are_its_parts():
    text = "在2020年前，打造西宁市城北创业创新聚集区，总体建成创业孵化基地10家以上，创业公寓2处。"
    project, bases, flats = extract_targets(text, "synthetic")
    assert (project.entry["kind"], project.quote) == ("qualitative", "在2020年前，打造西宁市城北创业创新聚集区")
    assert [p.entry["parent"] for p in (bases, flats)] == [project.entry["id"]] * 2
    # 建设一批… is a vague count, not a project: the figure after it stands alone
    (alone,) = extract_targets("到2020年，建设一批示范基地，省级示范基地达到30个以上。", "synthetic")
    assert (alone.entry["kind"], alone.value) == ("outcome", 30)


def test_two_figures_joined_by_a_comma_of_enumeration_get_their_own_quotes():
    text = "到2020年，每个县建成1处农民工返乡创业园、每个乡镇建设1处以上创业孵化网点。"
    a, b = extract_targets(text, "synthetic")
    assert (a.quote, b.quote) == ("到2020年，每个县建成1处农民工返乡创业园", "每个乡镇建设1处以上创业孵化网点。")
    assert a.entry["notes"] == "coverage: 1 处 per unit (exact)"
    assert b.entry["notes"] == "coverage: 1 处 per unit (at_least)"


def test_a_text_pasted_twice_yields_each_target_once():
    once = ("到2020年，形成300家众创空间。依托高校建设50个众创空间；依托开发区建设50个众创空间。"
            "吸纳创业者超过1万人。\n")
    twice = once + once
    got = extract_targets(twice, "synthetic")
    assert [p.value for p in got] == [300, 50, 50, 10000]  # the two 50s are different targets, kept
    assert all(p.char_end <= len(once) for p in got)  # from the first copy


def _catalogue() -> Catalogue:
    """SYNTHETIC: a catalogue with a few real-looking indicators, for alias matching."""

    def ind(code, unit, *aliases, name="x"):
        return Indicator(code=code, name_zh=name, name_en=code, unit=unit, measure="stock",
                         definition_en="synthetic", aliases=list(aliases))

    return Catalogue(
        version=1,
        jurisdictions=[
            Jurisdiction(code="national", admin_code="100000", name_zh="全国", name_en="China", level="national"),
            Jurisdiction(code="xining", admin_code="630100", name_zh="西宁市", name_en="Xining", level="prefecture",
                         aliases=["西宁", "西寧"]),
        ],
        indicators=[
            ind("maker_spaces", "count", "众创空间", "眾創空間"),
            ind("xingchuang_tiandi", "count", "星创天地"),
            ind("tech_incubators", "count", "科技企业孵化器"),
            ind("incubation_carriers", "count", "孵化载体"),
            ind("rd_intensity", "percent", "研究与试验发展（R&D）经费投入强度"),
            ind("rd_expenditure", "yuan", "研究与试验发展（R&D）经费"),
            ind("labs", "count", name="省级及以上实验室、工程（技术）研究中心等数量"),
        ],
        targets=[],
    )


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("到2020年，全市建成眾創空間(星創天地)30家以上。", "maker_spaces"),  # the gloss in brackets loses
        ("到2020年，在开发区建设50个以科技企业孵化器为重点的孵化载体。", "incubation_carriers"),  # the head noun wins
        ("到2020年，研究与试验发展（R&D）经费投入占地区生产总值的比重争取达到全国平均水平。", "rd_intensity"),
        ("到2020年，省级及以上实验室、工程（技术）研究中心等达到500家以上。", "labs"),  # name without 数量
        ("到2020年，建成星创天地20个。", "xingchuang_tiandi"),
    ],
)
def test_indicator_from_the_catalogue(text, indicator):
    (p,) = extract_targets(text, "synthetic", _catalogue())
    assert (p.entry["indicator"], p.indicator_status) == (indicator, "matched")


def test_unknown_indicator_gets_a_proposed_code_and_a_note():
    (p,) = extract_targets("到2020年，建设20个创业创新示范园。", "synthetic", _catalogue())
    assert p.entry["indicator"] == "new_demo_parks"
    assert p.indicator_status == "new"
    assert any("proposed code" in problem for problem in p.problems)


def test_jurisdiction_is_the_issuer_named_before_its_government():
    text = "西寧市人民政府\n2018年9月5日\n在2020年前，全市建成眾創空間30家以上。"
    (p,) = extract_targets(text, "xining-2018", _catalogue())
    assert p.entry["jurisdiction"] == "xining"
    assert p.entry["plan_start"] == 2018


def test_a_complete_proposal_is_a_valid_catalogue_target():
    # dated (round 9: an undated text's deadline is a to-do, see test_round9)
    (p,) = extract_targets("西寧市人民政府\n在2020年前，全市建成眾創空間30家以上。", "xining-2018", _catalogue(),
                           issued="2018-03")
    assert p.problems == [] and not p.deadline_inferred
    target = p.target()
    assert (target.indicator, target.value, target.comparator, target.deadline) == ("maker_spaces", 30.0,
                                                                                     "at_least", 2020)
    assert target.sources[0].quote == "在2020年前，全市建成眾創空間30家以上。"  # with its deadline clause
