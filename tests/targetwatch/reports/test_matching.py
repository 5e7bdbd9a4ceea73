"""Normalised indicator matching: everyday variants of a name match, and two indicators are never confused."""

from __future__ import annotations

import pytest

from targetwatch.reports.matching import IndicatorMatcher, ambiguity_reason, normalised_key, strip_deletions
from targetwatch.reports.normalise import indicator_matcher


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("研究与试验发展（R&D）经费投入强度", "研究与试验发展经费投入强度"),  # bracketed abbreviation
        ("研究与试验发展(R&D)经费投入强度", "研究与试验发展经费投入强度"),
        ("研究与试验发展 经费投入强度", "研究与试验发展经费投入强度"),  # whitespace
        ("高新技术企业数量", "高新技术企业"),  # 数量
        ("有效发明专利数", "有效发明专利"),  # 数
        ("高新技术企业总数", "高新技术企业"),  # 总数
        ("技术合同成交总额", "技术合同成交"),  # 总额
        ("科技进步对经济增长的贡献率", "科技贡献率"),  # an inserted phrase
        ("科技对经济增长的贡献率", "科技贡献率"),
        ("科技進步對該省經濟增長的貢獻率", "科技贡献率"),  # traditional script, 该省
        ("科技进步贡献率", "科技贡献率"),
        # since round 14 the technology market's and the contracts' turnover share one key (技术市场成交合同金额)
        ("技术市场合同交易额", "技术交易额"),
        ("技术合同交易额", "技术交易额"),
        ("技術市場成交合同金額", "技术成交额"),
        ("技术合同成交额", "技术成交额"),
        ("省级及以上“双创”示范基地", "省级以上双创示范基地"),  # quotes, 及以上
        ("雙創(chuàng)示範基地", "双创示范基地"),  # a mirror site's pinyin gloss
        ("数", "数"),  # a suffix is only dropped from a longer name
        ("科技成果数量（登记）", "科技成果数量(登记)"),  # a bracketed qualifier is kept: only abbreviations go
        ("众创空间带动创业人数（累计）", "众创空间带动创业人数(累计)"),
    ],
)
def test_normalised_key(name, key):
    assert normalised_key(name) == key


def test_deletions_keep_the_offsets_of_the_text_as_written():
    text, index = strip_deletions("经费(r&d)为1.2")
    assert text == "经费为1.2"
    assert [index[i] for i in (1, 2)] == [1, 7]  # '费' at 1, then '为' at 7 of the text as written


@pytest.mark.parametrize(
    ("name", "code", "matched_by"),
    [
        ("rd_intensity", "rd_intensity", "exact"),  # the code
        ("研究与试验发展（R&D）经费投入强度", "rd_intensity", "exact"),  # the catalogue's name
        ("研发经费投入强度", "rd_intensity", "alias"),
        ("R&D經費投入強度", "rd_intensity", "alias"),  # an alias in the other script
        ("研究与试验发展经费投入强度", "rd_intensity", "normalised"),
        ("高新技术企业数", "high_tech_enterprises", "normalised"),
        ("有效发明专利数量", "valid_invention_patents", "normalised"),
        ("科技进步对经济增长的贡献率", "st_progress_contribution", "normalised"),
        ("科技型企业", None, None),  # not 科技型中小企业: nothing is dropped from the middle of a name
        ("专利申请量", None, None),
        ("", None, None),
    ],
)
def test_real_catalogue_names(catalogue, name, code, matched_by):
    match = indicator_matcher(catalogue).match(name)
    assert (match.code, match.matched_by) == (code, matched_by)


def test_two_indicators_with_one_normalised_name_are_refused_and_both_named():
    matcher = IndicatorMatcher.from_names(
        [("firms", ["企业数量"], []), ("firm_count", ["企业总数"], []), ("labs", ["实验室"], ["重点实验室"])]
    )
    match = matcher.match("企业数")  # 企业数量 and 企业总数 both normalise to 企业
    assert (match.code, match.ambiguous, match.candidates) == (None, True, ("firm_count", "firms"))
    assert ambiguity_reason("企业数", match.candidates) == (
        "ambiguous indicator '企业数': its normalised name matches firm_count and firms; name one of them"
    )
    assert matcher.match("企业数量").code == "firms"  # a name as written is exact, never ambiguous
    assert matcher.match("重点实验室").matched_by == "alias"
    assert matcher.text_keys()["企业"] is None  # running text: the key names two indicators


def test_the_catalogue_has_no_ambiguous_normalised_name(catalogue):
    assert {k: v for k, v in indicator_matcher(catalogue).keys.items() if len(v) > 1} == {}
