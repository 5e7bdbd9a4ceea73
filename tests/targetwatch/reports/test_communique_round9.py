"""Communiqué rules of issue 17's ninth round, on real sentences of the development half (unseen-14, moved to
development after its first score, and gs_2021_lbzcq). Titles marked SYNTHETIC give the year and place the real page
gives in its head; the sentences are quoted from the texts named.

* A round number has at most two significant digits: `超1200萬人` is a bound, `超1269万人` a level written as
  approximate (u14_nat_2021_jobs_nbs_trad).
* `R&ampD` (an HTML entity left in a page) is R&D; `预计` in one sentence does not make the next one, after `;`, a
  forecast (u14_nat_2019_innovation_index).
* `在孵` after the name counts the firms in them (u14_nat_2017_incubation_luxkon_trad); `…企业法人单位` before the name
  is a subset (u14_nat_2023_census_hitech); a figure followed by `占全省…%` is a part of the province (gs_2021_lbzcq).
* A bare number (three digits or more, or a decimal) is listed among the unread figures (u14_gd_2017_incubators_fx361).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_sentence

NATION_2021 = "2021年全国就业（SYNTHETIC title）"
NATION_2019 = "2019年全国创新指数（SYNTHETIC title）"
NATION_2017 = "2017年全国创业孵化（SYNTHETIC title）"
NATION_2023 = "2023年全国经济普查（SYNTHETIC title）"
GANSU_2020 = "2020年甘肃省兰白自创区（SYNTHETIC title）"


@pytest.mark.parametrize(
    ("title", "sentence", "expected"),
    [
        (NATION_2021, "2021年中國城鎮新增就業超1200萬人。", []),
        (NATION_2021, "2021年,中國城鎮新增就業1269萬人,比上年增加83萬人。", [2021]),
        (
            NATION_2019,
            "全国科技企业孵化器年累计毕业企业数预计为16万个 , 比上年增长14.8%;"
            "全国研究与试验发展(R&ampD)经费支出与GDP之比为2.19% , 比上年提高0.05个百分点 。",
            [2019],
        ),
    ],
)
def test_round9_levels_and_bounds(tmp_path, aliases, catalogue, title, sentence, expected):
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert [f[2] for f in found if f[5] == "annual"] == expected


@pytest.mark.parametrize(
    ("title", "sentence", "reason"),
    [
        (
            NATION_2017,
            "截至2017年,我國科技企業孵化器總在孵企業數超過17萬家。",
            "a count of the firms in them (在孵), not of tech_incubators",
        ),
        (
            NATION_2023,
            "2023年,规模以上高技术制造业企业法人单位R&D(全称研究与试验发展,以下简称R&D)经费支出6960.2亿元。",
            "(units of a kind): a subset of rd_expenditure, not its total",
        ),
        (
            GANSU_2020,
            "现有高新技术企业436家(兰州高新区365家、白银高新区71家),占全省35.48%,比2019年增长17.52%。",
            "a part of the place's whole (占全省/占全市 follows), not the level of high_tech_enterprises",
        ),
    ],
)
def test_round9_not_levels(tmp_path, aliases, catalogue, title, sentence, reason):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, title)
    assert [f for f in found if f[5] == "annual"] == []
    assert any(reason in r for r in reasons)


def test_a_bare_number_is_listed(tmp_path, aliases, catalogue):
    sentence = "(1.广东工业大学管理学院;2.广东省决策咨询研究基地,广东广州 510520)"
    _, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2017)
    assert any("510520" in r for r in reasons if r.startswith("not recognised"))
