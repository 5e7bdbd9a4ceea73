"""Review of rounds 52 and 53 (issue 18): findings in the rule modules those rounds added, each fixed with its test.

- (1) `legalunits.energy_units`: energy is power times time, written with a product sign or none (千瓦·时, 千瓦时,
  kW·h, kWh, kW.h, MW・h, 千瓦小时): read as kWh with the power's factor, never as the power alone (before, 100亿kW·h
  was 10^10 kW at 0.9, and 3000亿千瓦·时 3 x 10^11 kW since round 34).

- (4) `unitforms.NAMES`: each written form (方米, ㎡, kW …) names its legal unit and takes that unit's factor from
  `legalunits` (the factors were copied); 太瓦 joins the power words, so TW and TWh are read alike.
- (2) `levelmultiple`: 上年 is never a multiple's baseline (the year before its figure's deadline by its meaning), so
  `OVER_BASELINE` no longer reads it; round 52's branch for it could never return a year.

Expected values are worked out by hand. Sentences written for the test are marked SYNTHETIC.
"""

from __future__ import annotations

import pytest

from targetwatch.extraction import extract_targets
from targetwatch.extraction.legalunits import unit_table
from targetwatch.extraction.levelmultiple import OVER_BASELINE, _last_year
from targetwatch.extraction.unitforms import FORMS, NAMES
from tests.targetwatch.extraction.proposals import quantified, variants
from tests.targetwatch.extraction.proposals import target_fields as _read

# --- (1) energy as power times an hour ------------------------------------------------------------------------------

# SYNTHETIC (GB 3100 writes kW·h; the forms below are the ones texts set): 100亿 = 10^10; in MW·h, x 10^3 more.
ENERGY = "到2025年,全市年发电量达到100亿{unit}。"
KWH_FORMS = ["千瓦·时", "千瓦时", "千瓦・时", "千瓦･时", "千瓦小时", "千瓦·小时",
             "kW·h", "kWh", "kW.h", "kW・h", "KW·H", "kW‧h", "kW⋅h"]
MWH_FORMS = ["兆瓦时", "兆瓦·时", "兆瓦・时", "MW·h", "MWh", "MW.h", "MW・h", "ＭＷ・ｈ"]


@pytest.mark.parametrize("unit", KWH_FORMS)
def test_kilowatt_hours_in_every_form_are_energy(unit):
    assert _read(quantified(ENERGY.format(unit=unit), "2021-01")) == [(10_000_000_000, "kwh", "at_least", 2025)]


@pytest.mark.parametrize("unit", MWH_FORMS)
def test_megawatt_hours_in_every_form_are_energy(unit):
    assert _read(quantified(ENERGY.format(unit=unit), "2021-01")) == [(10_000_000_000_000, "kwh", "at_least", 2025)]


@pytest.mark.parametrize("text", variants("到2025年,全省储能规模达到500MW·h,年发电量达到3000亿千瓦·时。"))
def test_dotted_energy_in_both_scripts_and_spacings(text):
    """SYNTHETIC: 500 MW·h = 500 000 kWh; 3000亿千瓦·时 = 3 x 10^11 kWh (round 34 read it as kW)."""
    assert _read(quantified(text, "2021-01")) == [(500_000, "kwh", "at_least", 2025),
                                                  (300_000_000_000, "kwh", "at_least", 2025)]


@pytest.mark.parametrize(("unit", "value"), [("兆瓦", 500_000), ("MW", 500_000), ("千瓦", 500), ("kW", 500)])
def test_power_without_an_hour_stays_power(unit, value):
    """SYNTHETIC control: 500兆瓦 / 500MW = 500 000 kW; a full stop after the symbol ends the sentence, no hour."""
    for end in ("。", "."):
        text = f"到2025年,全省光伏装机达到500{unit}{end}"
        assert _read(quantified(text, "2021-01")) == [(value, "kw", "at_least", 2025)]


def test_a_dot_and_a_word_after_the_symbol_is_no_hour():
    """SYNTHETIC control: kW.hx runs on into a letter, so no energy unit; kW before the full stop stays power."""
    props = [p for p in extract_targets("到2025年,装机达到500kW.hx。", "t", min_confidence=0.0, issued="2021-01")
             if p.entry["comparator"] != "qualitative"]
    assert [(p.value, p.unit) for p in props] == [(500, "kw")]


def test_each_power_word_has_its_energy_word_with_the_same_factor():
    table = unit_table()
    for power, energy in (("瓦", "瓦时"), ("千瓦", "千瓦时"), ("兆瓦", "兆瓦·时"), ("吉瓦", "吉瓦小时")):
        assert table[power] == ("kw", table[energy][1]) and table[energy][0] == "kwh"
    assert table["兆瓦时"] == ("kwh", 1000)


# --- (2) 去年 only: 上年 is no multiple's baseline ------------------------------------------------------------------

def test_qunian_names_the_year_before_the_texts_when_the_deadline_is_two_or_more_years_on():
    # a 2015 text: 去年 is 2014; a 2024 or 2016 deadline is 10 or 2 years past it; 2015 only one; none without years
    assert (_last_year(2015, 2024), _last_year(2015, 2016)) == (2014, 2014)
    assert (_last_year(2015, 2015), _last_year(None, 2024), _last_year(2015, None)) == (None, None, None)


def test_only_qunian_is_read_as_a_baseline_word():
    # the pattern ends where the per cent starts (lift searches up to it)
    assert OVER_BASELINE.search("较去年提升")["last"] == "去年"
    assert OVER_BASELINE.search("比上年提升") is None
    assert OVER_BASELINE.search("较2014年的611万元提升")["year"] == "2014"


# --- (4) one table of factors: each written form takes its legal unit's ----------------------------------------------

def test_each_written_form_has_the_factor_of_the_legal_unit_it_stands_for():
    table = unit_table()
    assert all(FORMS[form] == table[name] for form, name in NAMES.items())
    assert (FORMS["mw"], FORMS["gwh"], FORMS["tw·h"], FORMS["方米"]) == (
        ("kw", 1e3), ("kwh", 1e6), ("kwh", 1e9), ("sqm", 1))


@pytest.mark.parametrize("unit", ["TW", "太瓦"])
def test_terawatts_are_power_as_terawatt_hours_are_energy(unit):
    """SYNTHETIC: 2太瓦 = 2TW = 2 x 10^9 kW (GB 3100's prefix 太, 10^12 W); TWh was read before, TW was not."""
    read = _read(quantified(f"到2030年,全国风电装机达到2{unit}。", "2021-01"))
    assert read == [(2_000_000_000, "kw", "at_least", 2030)]
