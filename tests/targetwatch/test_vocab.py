"""The status palette: distinct for colour-blind readers, readable words on every chip, an icon for each."""

from __future__ import annotations

import itertools

import colorspacious as cs
import numpy as np
import pytest

from targetwatch import vocab

# Smallest colour difference (CAM02-UCS ΔE) between any two statuses, for normal vision and full-severity
# protan, deutan and tritan vision (Machado et al. 2009, as colorspacious simulates it). 10 is about where two
# small chips stop being confusable at a glance; the red/green palette used before scored 1.6 (protan).
MIN_DELTA_E = 10.0
VISION = [None, "protanomaly", "deuteranomaly", "tritanomaly"]


def _rgb(hex_colour: str) -> list[float]:
    return [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]


def min_delta_e(colours: list[str], cvd: str | None) -> float:
    rgb = np.array([_rgb(c) for c in colours])
    if cvd:
        rgb = np.clip(cs.cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}, "sRGB1"), 0, 1)
    ucs = cs.cspace_convert(rgb, "sRGB1", "CAM02-UCS")
    return min(cs.deltaE(ucs[i], ucs[j], input_space="CAM02-UCS")
               for i, j in itertools.combinations(range(len(colours)), 2))


@pytest.mark.parametrize("cvd", VISION)
def test_statuses_stay_distinct_for_colour_blind_readers(cvd):
    assert min_delta_e([s.colour for s in vocab.STATUSES], cvd) >= MIN_DELTA_E


def test_the_check_fails_a_red_green_palette():
    """The measure can fail: green against red-orange, as the first palette had it, merges under protanopia."""
    assert min_delta_e(["#1a7f37", "#e4572e"], "protanomaly") < 2
    assert min_delta_e(["#1a7f37", "#e4572e"], None) > 30


def test_every_status_has_its_own_icon_and_word():
    assert len({s.icon for s in vocab.STATUSES}) == len(vocab.STATUSES)
    assert len({s.zh for s in vocab.STATUSES}) == len({s.en for s in vocab.STATUSES}) == len(vocab.STATUSES)


def test_chip_words_meet_wcag_aa_contrast():
    for s in vocab.STATUSES:
        assert vocab.contrast(s.colour, s.text_colour) >= 4.5, s.code


def test_contrast_by_hand():
    assert vocab.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert vocab.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert vocab.STATUS_BY_CODE["on_track"].text_colour == "#ffffff"  # blue carries white
    assert vocab.STATUS_BY_CODE["at_risk"].text_colour == vocab.INK  # orange carries ink


def test_every_status_has_its_meaning_in_chinese():
    """The chip tooltips (opened on tap) say what a status means in the page language."""
    assert all(s.meaning_zh != s.meaning_en and s.meaning_zh for s in vocab.STATUSES)
    assert set(vocab.STATUS_MEANINGS_ZH) >= set(vocab.STATUS_CODES)
