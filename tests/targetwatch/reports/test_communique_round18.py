"""Communiqué rules of issue 17's eighteenth round: a figure a text gives as its own county's, district's or autonomous
prefecture's (全县, 全区, 全州: own_units.py) is never a catalogue place's level, whatever province its head names.
Real texts of unseen-27 (dev since round 18) and SYNTHETIC sentences around them."""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_real_text, read_sentence

_BELOW = "gives the figure as"


def _below_city(reasons) -> list[str]:
    return [r for r in reasons if _BELOW in r]


@pytest.mark.parametrize(
    ("doc", "word"),
    [
        # 2022年山西省陽泉市郊區…公報 … 全年全區城鎮新增就業2007人: the sentence's own 全区 (a district of Yangquan)
        ("u27_sx_2022_yangquan_jiaoqu_trad", "'全区' gives the figure as a district's own"),
        # 临夏回族自治州…公报: the opening's 全州 speaks for 全年城镇新增就业2.35万人 (its introduction names 甘肃)
        ("u27_gs_2020_linxia_communique", "'全州' gives the figure as an autonomous prefecture's own"),
    ],
)
def test_a_districts_or_prefectures_own_figure_is_not_its_provinces(aliases, doc, word):
    result = read_real_text(doc, aliases)
    assert result.rows.empty or not (result.rows["indicator_raw"].str.contains("就业").any()), result.rows
    assert any(r.startswith("sentence ") and word in r for r in _below_city(result.rejected["reason"]))


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("2019年山西省某县统计公报（SYNTHETIC）", "全年全县城镇新增就业2007人。"),
        ("2019年山西省某区统计公报（SYNTHETIC）", "全年全區城鎮新增就業2007人。"),  # traditional
        ("2019年山西省某旗统计公报（SYNTHETIC）", "我旗城镇新增就业2007人。"),
        # a district of a catalogue city: the district's own 全区 follows the city's name
        ("2019年兰州市统计公报（SYNTHETIC）", "兰州市某区全区高新技术企业320家。"),
    ],
)
def test_the_own_word_in_the_sentence_quarantines_it(tmp_path, aliases, catalogue, title, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert found == [], found
    assert len(_below_city(reasons)) == 1, reasons


def test_the_openings_own_word_speaks_for_sentences_without_one(tmp_path, aliases, catalogue):
    title = "某州2019年国民经济和社会发展统计公报（SYNTHETIC）"
    text = "2019年,全州上下深入贯彻对甘肃重要讲话精神。\n全年城镇新增就业2.35万人。"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, text, title)
    assert found == [] and len(_below_city(reasons)) == 1, (found, reasons)


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        # a province's own 全省, and the province's sentence after a county named in passing: still the province's
        ("2019年山西省统计公报（SYNTHETIC）", "全年全省城镇新增就业43.7万人。",
         ("shanxi", "new_urban_jobs", 2019, 437000.0, "annual")),
        # a catalogue place named in the sentence speaks for itself over the opening's 全州
        ("某州2019年统计公报（SYNTHETIC）", "全州上下真抓实干。\n兰州市高新技术企业320家。",
         ("lanzhou", "high_tech_enterprises", 2019, 320.0, "annual")),
        # 全区域 (the whole area) is not a district
        ("2019年山西省统计公报（SYNTHETIC）", "全区域推进创新,全年城镇新增就业43.7万人。",
         ("shanxi", "new_urban_jobs", 2019, 437000.0, "annual")),
        # the last own word before the name decides: 全县 earlier in the sentence, then 全省
        ("2019年山西省统计公报（SYNTHETIC）", "某县全县新增就业与全省城镇新增就业43.7万人同步。",
         ("shanxi", "new_urban_jobs", 2019, 437000.0, "annual")),
    ],
)
def test_a_provinces_or_citys_own_figures_are_still_read(tmp_path, aliases, catalogue, title, sentence, expected):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert [(f[0], f[1], f[2], f[3], f[5]) for f in found] == [expected], reasons
    assert _below_city(reasons) == []
