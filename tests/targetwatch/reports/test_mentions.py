"""mentions.one_per_figure: a rounded restatement is one figure with its precise mention; a figure written with a
thousands separator is a figure of its own (SYNTHETIC sentences, worked by hand)."""

from __future__ import annotations

from tests.targetwatch.reports.round_texts import read_at

HEAD = "2019年山西省统计公报（SYNTHETIC）\n"


def _values(tmp_path, body: str, aliases) -> list[float]:
    rows = read_at(tmp_path, HEAD + body + "\n", aliases).rows
    return sorted(float(v) for v in rows["value_raw"].str.replace(",", "").str.replace("，", ""))


def test_a_thousands_separator_is_not_a_rounding(tmp_path, aliases):
    # 1,000 was matched as the digits "1", and 501 rounds to 1 thousand: the second figure vanished into the first
    # (found by test_properties' test_every_figure_in_a_communique_is_accounted_for)
    assert _values(tmp_path, "城镇新增就业501人。城镇新增就业1,000人。", aliases) == [501.0, 1000.0]
    assert _values(tmp_path, "城镇新增就业501人。城镇新增就业1，000人。", aliases) == [501.0, 1000.0]


def test_a_rounded_restatement_stays_one_figure(tmp_path, aliases):
    # 2.79万亿元 rounds 27864亿元 (2.7864万亿): one figure, the precise mention kept
    rows = read_at(tmp_path, HEAD + "研发经费27864亿元。研发经费2.79万亿元。\n", aliases).rows
    assert list(rows["value_raw"]) == ["27864"]
    assert "also stated rounded" in str(rows["notes"].iloc[0])
