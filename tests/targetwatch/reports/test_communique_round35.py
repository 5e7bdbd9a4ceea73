"""Round 35 of issue 17: rules written against development texts (unseen-43 and unseen-44 among them, scored before
their classes were written). Real sentences from development texts (as published, the other script, full-width and
spaced); SYNTHETIC heads, completions and controls are marked so. Values, places and years worked by hand from the
texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from targetwatch.reports.model import Aliases
from tests.targetwatch.reports.round_texts import SPACED_IDS as IDS
from tests.targetwatch.reports.round_texts import fold_text, read_at
from tests.targetwatch.reports.round_texts import spaced_variants as _variants
from tests.targetwatch.reports.test_communique_round31 import _got


def _reasons(read) -> list[str]:
    """The rejected rows' reasons, folded (simplified, half-width, no blanks)."""
    return [] if read.rejected.empty else [fold_text(r).replace(" ", "") for r in read.rejected["reason"]]


# --- rule 1: 近, 将近, 接近 (nearly) before a number is a bound below it, not a level (ranges.BELOW) ---------------

# u40_yl_2020_st_yybnet (dev since round 31): `完成技术交易合同登记135项,交易额近5亿元`, annotated a bound; the stored
# sentence names only 交易额, so the name is completed here (SYNTHETIC 技术合同), with a SYNTHETIC head naming the city
YULIN_2020 = "榆林市2020年科技工作\n2020年,完成技术交易合同登记135项,技术合同交易额近5亿元。"
# u6_hn_2014_techcontracts (dev since round 4), its headline `去年湖南技术合同成交额近百亿` (annotated a bound), with
# the year and 元 written out (SYNTHETIC: the stored headline has 去年 and no unit)
HUNAN_2014 = "湖南省2014年技术市场\n2014年,湖南技术合同成交额近百亿元。"
# u44_hi_2023_techcontracts_0898 (unseen-44): `合同登记交易额接近11亿元`, annotated a bound (the first quarter of 2024);
# SYNTHETIC: the name completed and the year's total instead of the quarter's
HAINAN_NEAR = "海南省2023年科技工作\n2023年,全省技术合同认定476项,技术合同成交额接近11亿元。"
# SYNTHETIC: 将近
HAINAN_ALMOST = "海南省2023年科技工作\n2023年,全省技术合同成交额将近11亿元。"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        *[(t, "近") for t in _variants(YULIN_2020)],
        *[(t, "近") for t in _variants(HUNAN_2014)],
        *[(t, "接近") for t in _variants(HAINAN_NEAR)],
        *[(t, "将近") for t in _variants(HAINAN_ALMOST)],
    ],
    ids=[f"{p}-{i}" for p in ("yulin", "hunan", "hainan-jiejin", "hainan-jiangjin") for i in IDS],
)
def test_nearly_is_a_bound_not_a_level(tmp_path: Path, wide_aliases: Aliases, text: str, word: str) -> None:
    read = read_at(tmp_path, text, wide_aliases)
    assert [g for g in _got(read.rows) if g[0] == "技术合同成交额" or g[0] == "技术合同交易额"] == []
    assert any(f"isabound({word}:lessthan)" in r for r in _reasons(read))


@pytest.mark.parametrize("text", _variants("海南省2023年科技工作\n2023年,全省技术合同成交额约11亿元。"), ids=IDS)
def test_about_stays_a_level_written_as_approximate(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    # SYNTHETIC control: 约 (about) is no bound: 總收入約334億元 (u37_hi_2014_hitech_szokow_trad) is annotated
    # approximate
    read = read_at(tmp_path, text, wide_aliases)
    assert _got(read.rows) == [("技术合同成交额", "11", "海南省", "2023")]
    assert list(read.rows["notes"]) == ["written as approximate: '约'"]


@pytest.mark.parametrize(
    "text",
    _variants("榆林市2020年科技工作\n全市高新技术企业由2015年近50家增加到2020年80家。"),
    ids=IDS,
)
def test_a_range_from_nearly_keeps_its_end(tmp_path: Path, wide_aliases: Aliases, text: str) -> None:
    # SYNTHETIC: as 由2014年不足50家到2020年8 507家 (u24_nat_2020_makerspaces_victorzhang_trad): the start is a
    # bound, the end a level
    read = read_at(tmp_path, text, wide_aliases)
    assert [g[1:] for g in _got(read.rows)] == [("80", "榆林市", "2020")]
    assert any("isabound(近)" in r for r in _reasons(read))
