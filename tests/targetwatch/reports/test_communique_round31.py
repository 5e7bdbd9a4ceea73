"""Round 31 of issue 17: rules written against development texts. Real sentences from development texts (as
published, the other script and full-width); SYNTHETIC controls are marked so. Values, places and years worked by hand
from the texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.grammar import PARTIAL
from targetwatch.reports.model import Aliases
from targetwatch.reports.normalise import indicator_matcher
from targetwatch.reports.sme_registry import registry_key
from targetwatch.units import fold_with_offsets
from tests.targetwatch.reports.round_texts import SPACED_IDS as IDS
from tests.targetwatch.reports.round_texts import read_at
from tests.targetwatch.reports.round_texts import spaced_variants as _variants


def _got(rows) -> list[tuple[str, str, str, str]]:
    """(indicator as written, value, place: each folded; year) of each row, sorted."""
    if rows.empty:
        return []
    return sorted(
        zip(
            rows["indicator_raw"].map(lambda n: fold_with_offsets(n)[0]),
            rows["value_raw"].map(lambda v: fold_with_offsets(v)[0]),
            rows["jurisdiction_raw"].map(lambda j: fold_with_offsets(j)[0]),
            rows["year_raw"],
            strict=True,
        )
    )


# --- rule 1: the national registry's tech SMEs are the stock (sme_registry.py) ------------------------------------

# u31_nx_2023_kjhy_ytjhdl_trad (dev since round 22), traditional with a mirror's pinyin glosses, as stored; the year
# opens the paragraph (2023年,全區…)
NINGXIA_2023 = (
    "2023年,寧夏科技管理系統緊緊圍繞科技創新重點任務。"
    "國家高新技術(shù)企業(yè)達(dá)到595家、國家科技型中小企業(yè)達(dá)到1045家,均實(shí)現(xiàn)了三位數(shù)的較快增長。"
)
# u39_jl_2023_hitech_gzshihua (dev since round 31)
JILIN_2023 = (
    "根据《科技型中小企业评价数据快报》2023年第9期显示,2023年,吉林省评价入库国家科技型中小企业达到4515户,"
    "分别比2021年和2022年增长232%、150.3%,同比增幅排名全国第一。"
)
# u39_nn_2020_hitech_cri (dev since round 31), with the year the sidecar-less story states elsewhere (2020年)
NANNING_2020 = "2020年,南宁市国家科技型中小企业入库853家,全区占比32.46%;"
# u36_sc_2021_st_wwwfh_trad (dev since round 27): 备案 (registered)
SICHUAN_2021 = "2021年末四川擁有高新技術企業1.02萬家,比上年增長25.1%;備案科技型中小企業1.48萬家,增長20.5%;"


@pytest.mark.parametrize("text", _variants(NINGXIA_2023), ids=IDS)
def test_national_registry_ningxia(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    got = [g for g in _got(read.rows) if g[1] == "1045"]
    assert got == [("国家科技型中小企业", "1045", "宁夏", "2023")]


@pytest.mark.parametrize("text", _variants(JILIN_2023), ids=IDS)
def test_national_registry_after_the_registering_verb(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("国家科技型中小企业", "4515", "吉林省", "2023")]


@pytest.mark.parametrize("text", _variants(NANNING_2020), ids=IDS)
def test_national_registry_after_a_city(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("国家科技型中小企业", "853", "南宁市", "2020")]


@pytest.mark.parametrize("text", _variants(SICHUAN_2021), ids=IDS)
def test_registered_smes_beiann(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    got = [g for g in _got(read.rows) if g[0].endswith("科技型中小企业")]
    assert got == [("备案科技型中小企业", "1.48万", "四川", "2021")]


@pytest.mark.parametrize(
    "text",
    [
        # u26_sd_2021q1_weihai_incubators (dev since round 18): the firms an incubator hosts are some of them
        "2021年一季度,南宁市省级以上科技企业孵化载体孵化国家科技型中小企业318家。",
        # u40_hs_2023_st_163 (dev since round 31): new ones stay a flow
        "2021年以来,南宁市新增国家科技型中小企业803家。",
        # SYNTHETIC: a provincial registry is another list, a subset
        "2023年,南宁市省级科技型中小企业861家。",
        # SYNTHETIC: traditional, hosted by incubators
        "2021年,南寧市孵化器在孵國家科技型中小企業318家。",
    ],
)
def test_qualified_registry_counts_stay_unread(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == []


@pytest.mark.parametrize(
    ("name", "code", "how"),
    [
        ("国家科技型中小企业", "tech_smes", "normalised"),
        ("國家科技型中小企業", "tech_smes", "normalised"),
        ("备案科技型中小企业", "tech_smes", "normalised"),
        ("科技型中小企业", "tech_smes", "alias"),
        ("省级科技型中小企业", None, None),  # SYNTHETIC: another registry, never keyed as the indicator
    ],
)
def test_the_row_says_the_match_is_inferred(catalogue, name: str, code: str | None, how: str | None) -> None:
    m = indicator_matcher(catalogue).match(name)
    assert (m.code, m.matched_by) == (code, how)


def test_registry_key_drops_only_a_leading_registry_word() -> None:
    assert registry_key("国家科技型中小企业") == "科技型中小企业"
    assert registry_key("备案科技型中小微企业") == "科技型中小微企业"
    assert registry_key("国家高新技术企业") == "国家高新技术企业"  # SYNTHETIC: another name is not touched
    assert registry_key("省级科技型中小企业") == "省级科技型中小企业"


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        # u36_yn_2021_hitech_xinhua (dev since round 27): a July count is part of the year
        ("另外,截至2022年7月,省级科技型中小企业累计备案10462家,入库国家科技型中小企业达792家", True),
        # u14_ah_2018q1_patents (dev since round 9)
        ("截至2018年3月底,我省拥有有效发明专利50512件", True),
        ("截止今年6月,全市高新技术企业", True),  # SYNTHETIC: 截止 and 今年
        ("截至2022年12月底,全市高新技术企业", False),  # SYNTHETIC: the year's end
        ("截至2022年底,全市高新技术企业", False),  # SYNTHETIC
    ],
)
def test_a_month_end_count_with_its_year_is_part_of_the_year(text: str, partial: bool) -> None:
    assert bool(PARTIAL.search(fold_with_offsets(text)[0])) is partial


# --- rule 2: the turnover named after the contracts it totals, after a list's 、 (shortnames.py) -------------------

# u37_hb_2022_techcontracts_iko (dev since round 28), its lead as published
HUBEI_2022 = (
    "中新网武汉2月2日电 (梁婷 赵鋆冲 朱玲霄)记者2日从湖北省科技厅获悉,2022年湖北省登记技术合同76719项、"
    "成交额达3017.86亿元,分别比上年增长40.74%和42.92%,且呈现四大明显特征。"
)
# u36_cq_2022_innovation_tjfz (dev since round 27): the market's signed contracts; the year from its title line
CHONGQING_2022 = (
    "2022年重庆高质量发展报告•创新发展篇\n"
    "技术市场签订成交合同6919项、成交金额630.4亿元,科技型企业融资余额同比增长11.5%。"
)


@pytest.mark.parametrize("text", _variants(HUBEI_2022), ids=IDS)
def test_turnover_after_the_contracts_and_a_list_mark(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("3017.86", "湖北省", "2022")]
    assert read.rows["notes"].str.contains("after the contracts it totals").all()


@pytest.mark.parametrize("text", _variants(CHONGQING_2022), ids=IDS)
def test_turnover_after_the_markets_signed_contracts(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("630.4", "重庆", "2022")]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: the contracts a province exports or takes in are their own series
        "2022年,湖北省输出技术合同50000项、成交额2000亿元。",
        "2022年,湖北省吸纳技术合同40000项、成交金额1500亿元。",
        "2022年,湖北省吸納技術合同40000項、成交金額1500億元。",
    ],
)
def test_exported_or_absorbed_contracts_are_not_the_turnover(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[0].endswith("额")] == []


# --- rule 3: the total after new ones counted with the verb after the name (stock_totals.py, periods.py) ------------

# u38_he_2017_st_tech (dev since round 29), two sentences as published: the totals were "not recognised", and the
# year before a multiple (是2016年增幅的2.5倍多) is that multiple's base, not the figures' year
HEBEI_2017 = (
    "2017年,河北省高新技术企业新增1079家,是2016年增幅的2.5倍多,总数达3174家。科技型中小企业新增1.34万家,总数达5.5万家。"
)


@pytest.mark.parametrize("text", _variants(HEBEI_2017), ids=IDS)
def test_totals_after_new_ones_named_first(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert sorted(g[1:] for g in _got(read.rows)) == [("3174", "河北省", "2017"), ("5.5万", "河北省", "2017")]
    assert read.rows["notes"].str.contains("after the count of new").all()


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: a level between the new ones and the total is not a comparison: nothing is read for 总数
        "2017年,河北省高新技术企业新增1079家,科技型中小企业5000家,总数达3174家。",
        # SYNTHETIC: the verb is not 新增 (增加 is a change of the stock, and its total is not read by this rule)
        "2017年,河北省高新技术企业增加1079家,是2016年增幅的2.5倍多,总数达3174家。",
    ],
)
def test_totals_need_the_new_ones_then_a_comparison(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[1] == "3174"] == []


@pytest.mark.parametrize(
    ("before", "year"),
    [
        ("2017年,河北省高新技术企业新增1079家,是2016年增幅的2.5倍多,总数达", 2017),
        ("2020年兰州市生产总值达到2886.74亿元,是2012年的1.79倍,", 2020),  # u15_lz_2020_presser_gansuci (dev)
        ("2017年,河北省高新技术企业新增1079家,2016年", 2016),  # SYNTHETIC: a year of its own is still the year
    ],
)
def test_a_multiples_base_year_is_not_the_sentences(before: str, year: int) -> None:
    from targetwatch.reports.periods import sentence_year

    assert sentence_year(fold_with_offsets(before)[0]) == year


# --- round 32, rule 4: 全省/我省 written in a city's text is the city's province (city_province.py) ----------------

# u36_ly_2023_rd_dgghz (dev since round 27): the title names 洛阳; the sentence quotes the province's bulletin
LUOYANG_HENAN = (
    "2023年洛阳研发经费投入再创新高,投入强度达3.47%\n"
    "10月10日,河南省统计局最新发布统计公报显示,2023年,全省共投入研究与试验发展(R&D)经费1211.66亿元,"
    "比上年增加68.41亿元,增长6.0%。\n"
)
# u37_hlj_2020_st_cnr (dev since round 28): the text's head names 大庆 (sidecar-less; the widened catalogue knows it)
DAQING_HEILONGJIANG = "大庆市科技工作\n2020年,我省技术交易额实现267.8亿元,同比增长13.2%;\n"


@pytest.mark.parametrize("text", _variants(LUOYANG_HENAN), ids=IDS)
def test_the_provinces_word_in_a_citys_text(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    got = [g[1:] for g in _got(read.rows) if g[1].startswith("1211.66")]
    assert got == [("1211.66", "河南省", "2023")]
    assert read.rows["notes"].str.contains("read as its province", na=False).any()


@pytest.mark.parametrize("text", _variants(DAQING_HEILONGJIANG), ids=IDS)
def test_wo_sheng_in_a_citys_text(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("267.8", "黑龙江省", "2020")]


@pytest.mark.parametrize(
    "text",
    [
        # u39_sr_2025_st_srxww (dev since round 31): a rank's 全省 before the city's own figure in its sentence
        "上饶市以科技创新构筑高质量发展新优势\n总量从21.18亿元提升到65.05亿元,跃居全省第三,2024年技术合同成交额193亿元。\n",
        # SYNTHETIC: a comparison's 全省 (超全国、全省平均水平), traditional
        "保定市科技工作\n2023年,研發投入強度超全國、全省平均水平,技術合同成交額378.3億元。\n",
    ],
)
def test_a_ranks_province_word_is_not_the_place(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    # nothing is read (neither the province's nor the city's: the word still refuses it, as before round 32), and the
    # refusal is the own word's, not a figure the reader failed to see
    assert _got(read.rows) == []
    assert any("'全省' means a province's own figures" in r for r in read.rejected["reason"])


def test_a_province_text_keeps_its_word(tmp_path: Path, wide_aliases: Aliases) -> None:
    # SYNTHETIC control: in a province's text nothing changes
    read = read_at(tmp_path, "河南省科技工作\n2023年,全省共投入研究与试验发展经费1211.66亿元。\n", wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("1211.66", "河南省", "2023")]
    assert not read.rows["notes"].str.contains("read as its province", na=False).any()


# --- round 32, rule 5: 全州 of an autonomous prefecture of the place list is its own (own_units.py) ------------------

# u41_qdn_2021_kjhy_gov (dev since round 32): the title's 全州 is the text's own word; 黔东南州 named in the sentence
QIANDONGNAN_2021 = (
    "2022年全州科技工作会议顺利召开\n"
    "会议指出,2021年,黔东南州出台《黔东南州科技人才“蓄水库”建设管理使用办法(试行)》;新认定国家高新技术企业18家,"
    "有效期内高新技术企业共计52家,国家科技型中小企业评价入库56家。\n"
)


@pytest.mark.parametrize("text", _variants(QIANDONGNAN_2021), ids=IDS)
def test_an_autonomous_prefectures_own_word(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    got = sorted((g[1], g[3]) for g in _got(read.rows))
    assert got == [("52", "2021"), ("56", "2021")]
    places = {wide_aliases.jurisdictions[fold_with_offsets(j)[0]] for j in read.rows["jurisdiction_raw"]}
    assert places == {"qiandongnan"}


def test_a_countys_own_word_is_still_refused(tmp_path: Path, wide_aliases: Aliases) -> None:
    # SYNTHETIC control: 全县 in a text of a prefecture-level city stays a county's own
    text = "2021年全县科技工作会议\n2021年,黔东南州有效期内高新技术企业共计52家,全县高新技术企业12家。\n"
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1] for g in _got(read.rows)] == ["52"]


# --- round 32, rule 6: the total after new recognitions (stock_totals.py) --------------------------------------------

# u41_wf_2014_hitech_yybnet (dev since round 32), as published
WEIFANG_2014 = (
    "2014年,潍坊市把高新技术产业发展作为推进产业转型的重要抓手。"
    "截至目前,潍坊市新建成滨海海洋化工、寿光新型防水材料2家国家火炬特色产业基地,全市国家级特色产业基地发展到11家;"
    "新认定国家备案高新技术企业123家,总数达到461家,居全省第二位。"
)
# u38_gzh_2019_st_tech (dev since round 29): the year from the paragraph's 2019年, the province's sidecar-less 我省
GUIZHOU_2019 = "2019年,贵州省新增3个省级高新区。新获认定国家高新技术企业656家,全省累计达到1644家;"


@pytest.mark.parametrize("text", _variants(WEIFANG_2014), ids=IDS)
def test_total_after_new_recognitions(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("461", "潍坊市", "2014")]


@pytest.mark.parametrize("text", _variants(GUIZHOU_2019), ids=IDS)
def test_cumulative_total_after_new_recognitions(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("1644", "贵州省", "2019")]


@pytest.mark.parametrize(
    "text",
    [
        # SYNTHETIC controls: a cumulative total over years is a period total; a 累计 after a level is not this rule's
        "2016年以来,贵州省新获认定国家高新技术企业656家,累计达到1644家。",
        "2019年,贵州省高新技术企业656家,全省累计达到1644家。",
    ],
)
def test_cumulative_totals_read_only_after_recognitions(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[1] == "1644"] == []
