"""The zh/en message catalogue: one wording per reason code, the same parameters in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from targetwatch import messages
from targetwatch.assessment import assess
from tests.conftest import observations, target, tiny_catalogue


@pytest.mark.parametrize("code", messages.REASON_CODES)
def test_zh_and_en_cite_the_same_parameters(code):
    m = messages.REASONS[code]
    assert sorted(messages.fields(m.zh)) == sorted(messages.fields(m.en))


def test_every_column_a_message_reads_is_in_assessments():
    a, _ = assess(tiny_catalogue(target(value=100)), observations([("xx", "things", 2020, 120)]),
                  dt.date(2026, 1, 1))
    assert messages.columns_read() - set(a.columns) == set()


def test_a_constant_message_and_a_refusal():
    assert messages.text("qualitative", "en") == "qualitative goal with no number to measure"
    assert messages.text("no_figures", "zh") == "该指标没有可用的统计数据"
    with pytest.raises(ValueError, match="has parameters"):
        messages.text("deadline_unpublished", "en")


def test_pace_rules_come_from_the_thresholds():
    assert messages.pace_rules()["at_risk"].en == "0.60–0.95"
    assert messages.pace_rules()["on_track"].zh == "≥ 0.95"
