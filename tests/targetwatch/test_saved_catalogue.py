"""The catalogue a run's first step saves, read back whole or without its targets (what ingestion and the checks
read); a refresh saves only the latter."""

import pytest

from targetwatch.warehouse import CATALOGUE_FILE, REFERENCE_FILE, save_catalogue, saved_catalogue


def test_the_saved_catalogue_reads_back_whole_or_without_its_targets(tmp_path, catalogue):
    save_catalogue(tmp_path, catalogue, whole=True)
    assert saved_catalogue(tmp_path) == catalogue
    reference = saved_catalogue(tmp_path, targets=False)
    assert reference.targets == [] and reference.measures == []
    assert reference.jurisdictions == catalogue.jurisdictions and reference.indicators == catalogue.indicators
    rest = {"targets", "measures"}
    assert reference.model_dump(exclude=rest) == catalogue.model_dump(exclude=rest)
    assert catalogue.targets  # the bundled catalogue has targets: the second read really leaves them out


def test_a_refresh_saves_the_places_and_indicators_alone(tmp_path, catalogue):
    save_catalogue(tmp_path, catalogue, whole=True)
    assert save_catalogue(tmp_path, catalogue) == tmp_path / REFERENCE_FILE  # as the catalogue asset saves it
    assert not (tmp_path / CATALOGUE_FILE).exists()  # no whole catalogue of an earlier save is left to be read
    reference = saved_catalogue(tmp_path, targets=False)
    rest = {"targets", "measures"}
    assert reference.model_dump(exclude=rest) == catalogue.model_dump(exclude=rest)
    with pytest.raises(FileNotFoundError):
        saved_catalogue(tmp_path)
