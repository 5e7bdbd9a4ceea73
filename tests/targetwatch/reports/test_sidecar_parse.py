"""A sidecar parsed by libyaml gives what `yaml.safe_load` gives; one it refuses is recorded with the pure-Python
parser's message, as before (ingest.parse_sidecar)."""

from __future__ import annotations

import datetime as dt

import pytest

from targetwatch.reports.ingest import parse_sidecar
from targetwatch.reports.model import UnreadableReportError


def test_a_sidecar_gives_its_mapping_with_its_scalars_typed():
    text = "\ufeffrelease_date: 2021-01-02\ntitle: 山西省统计公报（SYNTHETIC）\nsynthetic: true\nyear: 2020\n"
    assert parse_sidecar(text.encode("utf-8"), "f.csv.meta.yaml") == {
        "release_date": dt.date(2021, 1, 2), "title": "山西省统计公报（SYNTHETIC）", "synthetic": True, "year": 2020}
    assert parse_sidecar(b"", "f.csv.meta.yaml") == {}
    assert parse_sidecar(b"# only a comment\n", "f.csv.meta.yaml") == {}


def test_a_broken_sidecar_is_recorded_with_the_pure_python_parsers_message():
    with pytest.raises(UnreadableReportError) as raised:
        parse_sidecar(b"release_date: [unclosed\n", "f.csv.meta.yaml")
    assert str(raised.value) == (
        "f.csv.meta.yaml: the sidecar is not valid UTF-8 YAML: while parsing a flow sequence\n"
        '  in "<unicode string>", line 1, column 15:\n'
        "    release_date: [unclosed\n"
        "                  ^\n"
        "expected ',' or ']', but got '<stream end>'\n"
        '  in "<unicode string>", line 2, column 1:\n'
        "    \n"
        "    ^")


def test_a_sidecar_not_utf8_or_not_a_mapping_is_refused():
    with pytest.raises(UnreadableReportError, match=r"^f.csv.meta.yaml: the sidecar is not valid UTF-8 YAML"):
        parse_sidecar("release_date: 2021-01-02".encode("gb18030") + "标题".encode("gb18030"), "f.csv.meta.yaml")
    with pytest.raises(UnreadableReportError, match=r"^f.csv.meta.yaml: the sidecar must be a mapping"):
        parse_sidecar(b"- a list\n", "f.csv.meta.yaml")
