"""Communiqué rules of issue 17's sixteenth round, on real texts of the development half (unseen-25, moved to
development after its first score). Titles marked SYNTHETIC give the year and place the real page gives in its
head; the sentences are quoted from the texts named.

* A flattened table (the science ministry's 1999-2004 table, one cell a line, u25_nat_2004_most_sti_tables) is never
  silent: before round 16 a head cell (`R&D 经费支出(亿元)`) became a row whose value was '亿', the restatement check
  raised on it, and the whole file failed, all 24 of its figures neither read nor quarantined.
* A Japanese-only form is folded before the change-word test: `同比増加68萬人` (増 for 增) is a change, never a figure
  (u25_nat_2021q1_jobs_fzxysj_trad).
"""

from __future__ import annotations

import re

import pytest

from targetwatch.units import to_simplified
from targetwatch.variants import fold_japanese_forms, japanese_forms
from tests.targetwatch.reports.test_communique import read_real_text as _read_real
from tests.targetwatch.reports.test_communique import read_sentence

TABLE_CELLS = [  # every cell of the table as the text prints it (figures.csv annotates all 24)
    "678.9", "895.7", "1042.5", "1287.6", "1539.6", "1966.3", "0.76", "0.90", "0.95", "1.07", "1.13", "1.23",
    "543.9", "575.6", "703.3", "816.2", "944.6", "1095.3", "4.1", "3.6", "3.7", "3.7", "3.8", "3.8",
]


def test_a_flattened_table_is_read_without_failing_and_every_cell_is_accounted_for(aliases):
    result = _read_real("u25_nat_2004_most_sti_tables", aliases)  # raised ValueError("not a number: '亿'") before
    texts = list(result.rejected.get("raw_content", [])) + list(result.rows.get("raw_content", []))
    for cell in TABLE_CELLS:
        alone = re.compile(rf"(?<![\d.]){re.escape(cell)}(?!\d)")
        assert any(alone.search(t) for t in texts), cell
    unread = " ".join(result.rejected.loc[result.rejected["reason"].str.startswith("not recognised"), "reason"])
    assert all(f"'{cell}'" in unread for cell in TABLE_CELLS[12:])  # no catalogue indicator: quarantined


@pytest.mark.parametrize(
    "sentence",
    [
        "1-3月城鎮新增就業297萬人,同比増加68萬人,完成全年目標任務的27%。",  # as printed: 増 (U+589E)
        "1-3月城鎮新增就業297萬人,同比增加68萬人,完成全年目標任務的27%。",
        "１－３月城镇新增就业２９７万人，同比増加６８万人，完成全年目标任务的２７％。",
    ],
)
def test_a_change_written_with_a_japanese_form_is_never_a_figure(tmp_path, aliases, catalogue, sentence):
    title = "2021年一季度人社部新聞發布會（SYNTHETIC title）"
    found, _ = read_sentence(tmp_path, aliases, catalogue, sentence, title=title)
    assert [(f[1], f[3], f[5]) for f in found] == [("new_urban_jobs", 2970000.0, "partial")]


def test_japanese_forms_come_from_opencc_and_leave_chinese_characters_alone():
    table = japanese_forms()
    assert fold_japanese_forms("同比増加") == "同比增加" and to_simplified("同比増加") == "同比增加"
    assert to_simplified("経済発展総額") == "经济发展总额"
    # jp2t alone would turn these Chinese characters into others (予 -> 豫, 芸 -> 藝): they are kept
    assert ord("予") not in table and ord("芸") not in table and ord("台") not in table
    assert to_simplified("给予") == "给予" and to_simplified("芸芸众生") == "芸芸众生"
    assert all(len(v) == 1 for v in table.values())


NATIONAL_2006 = "2006年8月28日 國家統計局（SYNTHETIC title）"


@pytest.mark.parametrize(
    "text",
    [  # u25_nat_2005_jobs_nbs_17338_trad: the towns named in an earlier paragraph, new jobs without 城镇 after it
        "今年上半年,全國已累計實現城鎮新增就業人員608萬人,完成全年任務的67%。\n"
        "歷史數據顯示,2004年,全國累計新增就業人員980萬人,完成全年目標的108.9%。2005年,累計新增就業人員970萬人。",
        "今年上半年,全国已累计实现城镇新增就业人员608万人,完成全年任务的67%。\n"
        "历史数据显示,2004年,全国累计新增就业人员980万人,完成全年目标的108.9%。2005年,累计新增就业人员970万人。",
    ],
)
def test_new_jobs_without_chengzhen_in_an_employment_text_are_new_urban_jobs(tmp_path, aliases, catalogue, text):
    found, _ = read_sentence(tmp_path, aliases, catalogue, text, title=NATIONAL_2006)
    annual = sorted((f[2], f[3]) for f in found if f[1] == "new_urban_jobs" and f[5] == "annual")
    assert annual == [(2004, 9800000.0), (2005, 9700000.0)]


def test_new_jobs_without_chengzhen_stay_unread_when_the_text_never_names_the_towns(tmp_path, aliases, catalogue):
    text = "历史数据显示,2004年,全国累计新增就业人员980万人,完成全年目标的108.9%。"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, text, title=NATIONAL_2006)
    assert found == [] and any("980" in r and r.startswith("not recognised") for r in reasons)


def test_a_flattened_table_with_its_years_place_name_and_unit_is_read(aliases):
    """u25_nat_2004_most_sti_tables: the R&D expenditure's row by its name, the share of GDP right after it as the
    intensity; the government appropriation (no catalogue indicator) and its share stay quarantined."""
    result = _read_real("u25_nat_2004_most_sti_tables", aliases)
    table = result.rows[result.rows["notes"].astype(str).str.startswith("a table flattened")]
    got = sorted(zip(table["indicator_raw"], table["year_raw"], table["value_raw"], table["unit_raw"], strict=True))
    expenditure = [("r&d经费", str(y), v, "亿元") for y, v in zip(range(1999, 2005), TABLE_CELLS[:6], strict=True)]
    intensity = [("研究与试验发展经费投入强度", str(y), v, "%") for y, v in zip(range(1999, 2005), TABLE_CELLS[6:12],
                                                                          strict=True)]
    assert got == sorted(expenditure + intensity)
    assert set(table["jurisdiction_raw"]) == {"全国"}
    quarantined = " ".join(result.rejected["raw_content"].astype(str))
    assert all(cell in quarantined for cell in TABLE_CELLS[12:])
    assert not any(cell + " |" in quarantined for cell in ("678.9", "1966.3", "0.76", "1.23"))


def test_a_flattened_table_naming_no_place_stays_quarantined(tmp_path, aliases, catalogue):
    text = "科技经费指标（SYNTHETIC table head）\n2003 |\n2004 |\nR&D 经费支出(亿元) |\n1539.6 |\n1966.3 |\n"
    found, reasons = read_sentence(tmp_path, aliases, catalogue, text, title="科技统计（SYNTHETIC title）")
    assert found == []
    assert any("1539.6" in r for r in reasons) and any("1966.3" in r for r in reasons)
