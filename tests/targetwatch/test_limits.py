"""Limits in one place: documented defaults, overridden by TARGETWATCH_MAX_* variables, named in refusals."""

from __future__ import annotations

import pytest

from targetwatch.limits import DEFAULT_LIMITS, LimitExceededError, Limits, check_size, from_env


@pytest.mark.parametrize(
    ("env", "field", "value"),
    [
        ({}, "max_file_bytes", 256 * 2**20),
        ({}, "max_unzipped_bytes", 256 * 2**20),
        ({}, "max_compression_ratio", 200.0),
        ({}, "max_rows", 2_000_000),
        ({}, "max_cells_per_row", 1_000),
        ({}, "max_chars_per_cell", 10_000),
        ({"TARGETWATCH_MAX_ROWS": "5_000_000"}, "max_rows", 5_000_000),
        ({"TARGETWATCH_MAX_COMPRESSION_RATIO": "50.5"}, "max_compression_ratio", 50.5),
        ({"TARGETWATCH_MAX_FILE_BYTES": " "}, "max_file_bytes", 256 * 2**20),  # blank: the default
    ],
)
def test_defaults_and_overrides(env, field, value):
    assert getattr(from_env(env), field) == value


@pytest.mark.parametrize(("raw", "error"), [("lots", "is not a number"), ("0", "must be positive"),
                                            ("-3", "must be positive")])
def test_a_malformed_override_is_an_error_naming_the_variable(raw, error):
    with pytest.raises(ValueError, match=f"TARGETWATCH_MAX_ROWS='{raw}' {error}"):
        from_env({"TARGETWATCH_MAX_ROWS": raw})


def test_a_refusal_names_the_file_the_limit_the_measured_value_and_the_variable():
    with pytest.raises(LimitExceededError) as exc:
        check_size("big.csv", 400_000, Limits(max_file_bytes=300_000))
    assert str(exc.value) == ("big.csv: refused: the file size is 400,000 bytes, over the limit of 300,000 bytes "
                              "(TARGETWATCH_MAX_FILE_BYTES)")
    check_size("ok.csv", DEFAULT_LIMITS.max_file_bytes, DEFAULT_LIMITS)  # at the limit: accepted
