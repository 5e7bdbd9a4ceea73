"""Communiqué rules of issue 17's seventeenth round, on real texts of the development half: a rank is its own kind of
quarantined row (`rank: …`, reports/ranks.py), naming what is ranked, the ranking's scope and the position; never an
observation. 62 dev texts print a rank the readers list (35 of them as 第N位/第N名).
"""

from __future__ import annotations

import pytest

from tests.targetwatch.reports.test_communique import read_real_text, read_sentence
from tests.targetwatch.reports.test_communique_round14 import NATION_2019


def _ranks(result) -> list[str]:
    return [r for r in result.rejected["reason"] if r.startswith("rank: ")]


@pytest.mark.parametrize(
    ("doc", "rank"),
    [
        # the name in the rank's own clause
        ("gs_2017_techmarket",
         "'甘肃省技术合同成交额排名全国第14位' (tech_contract_turnover, national, position 14)"),
        # a clause that opens with the ranking verb ranks the name before it: …投入强度1.29%,居全国第22位、西部第5位
        ("gs_2022_rd", "'居全国第22位' (rd_intensity, national, position 22)"),
        # a growth's rank (增幅居全国第7位) ranks no catalogue indicator
        ("gs_2022_rd", "'增幅居全国第7位' (no catalogue indicator, national, position 7)"),
        ("u10_nat_2022_patents", "'我国发明专利有效量位居世界第一' (valid_invention_patents, world, position 1)"),
        # 孵化器、众创空间47家,位列全省第4位: two indicators named before it, so which is ranked is not said
        ("u26_sd_2021q1_weihai_incubators", "'位列全省第4位' (no catalogue indicator, province, position 4)"),
        # a zone's overall ranking: no catalogue indicator (dev since round 17)
        ("u26_lz_2021_innovative_city_yybnet", "'69家高新区中综合排名位列第65名' (no catalogue indicator, national, "
         "position 65)"),
    ],
)
def test_a_rank_names_what_is_ranked_its_scope_and_position(aliases, doc, rank):
    result = read_real_text(doc, aliases)
    assert any(rank in r for r in _ranks(result)), _ranks(result)
    assert all(r.endswith("(a position in a list, not a level; targets.yaml has no rank target to read it into)")
               for r in _ranks(result))


def test_a_rank_is_never_an_observation(aliases):
    result = read_real_text("gs_2017_techmarket", aliases)  # 成交总额为150.81亿元,…,全国排名第14位
    assert 14.0 not in {float(v) for v in result.rows["value_raw"]}
    assert "150.81" in set(result.rows["value_raw"])


@pytest.mark.parametrize(
    "sentence",
    [
        "2019年,全国研究与试验发展(R&D)经费投入强度为2.23%,全国排名上升至第14位。",  # SYNTHETIC, round 14's sentence
        "2019年,全國研究與試驗發展(R&D)經費投入強度為2.23%,全國排名上升至第14位。",  # traditional
        "2019年,全国研究与试验发展(R&D)经费投入强度为2.23%,全国排名上升至第１４位。",  # full-width digits
    ],
)
def test_a_scope_before_the_ranking_verb_still_ranks_the_name_before(tmp_path, aliases, catalogue, sentence):
    _, reasons = read_sentence(tmp_path, aliases, catalogue, sentence, NATION_2019)
    ranks = [r for r in reasons if r.startswith("rank: ")]
    assert len(ranks) == 1 and "(rd_intensity, national, position 14)" in ranks[0], reasons
