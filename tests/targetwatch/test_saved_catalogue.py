"""The catalogue a run's first step saves, read back whole or without its targets (what ingestion and the checks
read)."""

from targetwatch.warehouse import save_catalogue, saved_catalogue


def test_the_saved_catalogue_reads_back_whole_or_without_its_targets(tmp_path, catalogue):
    save_catalogue(tmp_path, catalogue)
    assert saved_catalogue(tmp_path) == catalogue
    reference = saved_catalogue(tmp_path, targets=False)
    assert reference.targets == [] and reference.measures == []
    assert reference.jurisdictions == catalogue.jurisdictions and reference.indicators == catalogue.indicators
    rest = {"targets", "measures"}
    assert reference.model_dump(exclude=rest) == catalogue.model_dump(exclude=rest)
    assert catalogue.targets  # the bundled catalogue has targets: the second read really leaves them out
