"""Communiqué rules of issue 17's seventeenth round, on real texts of the development half: a rank is its own kind of
quarantined row (`rank: …`, reports/ranks.py), naming what is ranked, the ranking's scope and the position; never an
observation; and a count of job posts (新增就业岗位…万个) is quarantined as posts, never as new urban jobs (posts.py).
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


# --- job posts (reports/posts.py): a count of 岗位 in 个 is never new urban jobs, and its row says so ------------


@pytest.mark.parametrize(
    ("doc", "written"),
    [
        ("u26_js_2011_changzhou_jobs_czwzw", "全市新增就业岗位10.6万个"),  # dev since round 17
        ("u25_nat_2003_jobs_presser_whmsebhyy_trad", "859萬個"),  # dev since round 16, glossed traditional script
    ],
)
def test_a_count_of_job_posts_is_quarantined_as_posts(aliases, doc, written):
    result = read_real_text(doc, aliases)
    posts = [r for r in result.rejected["reason"] if r.startswith("job posts: ") and written in r]
    assert len(posts) == 1 and "never a level of new_urban_jobs" in posts[0], list(result.rejected["reason"])
    assert not any("岗位" in str(c) or "崗位" in str(c) for c in result.rows.get("raw_content", []))


@pytest.mark.parametrize(
    "sentence",
    [
        "全年全市新增就业岗位10.6万个。",  # SYNTHETIC, after the Changzhou text
        "全年全市新增就業崗位10.6萬個。",  # traditional
        "全年全市新增就业岗位１０．６万个。",  # full-width
    ],
)
def test_posts_in_any_script_are_posts(tmp_path, aliases, catalogue, sentence):
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)
    assert found == []
    assert any(r.startswith("job posts: ") for r in reasons), reasons


def test_persons_beside_posts_are_still_read(tmp_path, aliases, catalogue):
    sentence = "全年城镇新增就业8.05万人,新增就业岗位10.6万个。"  # SYNTHETIC (Changzhou's figures, a whole year)
    found, reasons = read_sentence(tmp_path, aliases, catalogue, sentence)
    assert [(f[1], f[3]) for f in found] == [("new_urban_jobs", 80500.0)], found
    assert any(r.startswith("job posts: ") for r in reasons), reasons
