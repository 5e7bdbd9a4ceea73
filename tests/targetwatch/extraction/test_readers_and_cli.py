"""Reading .txt (GB18030, Big5), .html and .docx files, and the extract-targets command on a tiny typer app.

The files in tests/fixtures/extraction/ are synthetic and say so in their first line or comment.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from targetwatch.catalogue import Target
from targetwatch.config import PROJECT_DIR
from targetwatch.extraction import extract_targets, read_document
from targetwatch.extraction.cli import extract_targets_command

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "extraction"


def _values(text: str) -> list[tuple]:
    return [(p.value, p.entry.get("deadline"), p.entry["comparator"]) for p in extract_targets(text, "synthetic")]


def test_gb18030_text_is_detected_and_read():
    text, encoding = read_document(FIXTURES / "policy-gb18030.txt")
    assert encoding == "gb18030"
    # 基本形成…体系 under the goals heading is a qualitative goal; then the two list items
    assert _values(text) == [(None, 2021, "qualitative"), (200, 2021, "exact"), (120000, 2021, "exact")]


def test_big5_traditional_text_is_read_and_quotes_stay_traditional():
    text, encoding = read_document(FIXTURES / "policy-big5.txt")
    assert encoding == "big5"
    proposals = extract_targets(text, "synthetic")
    assert [p.quote for p in proposals] == ["在2020年前，全市建成眾創空間30家以上", "培育企業600家以上。"]
    assert proposals[0].entry["departments"] == ["市科技局", "市財政局"]


def test_html_keeps_visible_text_only():
    text, _ = read_document(FIXTURES / "policy.html")
    assert "建设500个孵化器" not in text and "color" not in text  # script and style are not text
    assert _values(text) == [(50, 2020, "at_least"), (13000, 2020, "approx"), (20, 2020, "at_least")]


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("（三）主要目标。到2020年，基本形成创业创新生态体系。")
    document.add_paragraph("--形成300个众创空间。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "到2020年，全省高新技术企业达到1500家以上。"
    document.add_paragraph("--每年新增就业12万人。")  # after the table: the order is kept
    path = tmp_path / "policy.docx"
    document.save(str(path))
    text, encoding = read_document(path)
    assert encoding == "docx"
    assert _values(text) == [(None, 2020, "qualitative"), (300, 2020, "exact"), (1500, 2020, "at_least"),
                             (120000, 2020, "exact")]


def test_a_plan_in_words_the_rules_were_not_built_on():
    """unseen-plan.txt was written after the rules, in the style of another province's three-year plan. Its
    background statistics (截至2018年底…, 比上年增长18%) are not targets; 比2018年翻一番，力争达到240亿元 is one
    target; the award of 30万元 per firm is a measure, below the bar."""
    text, _ = read_document(FIXTURES / "unseen-plan.txt")
    got = [(p.entry["kind"], p.entry["comparator"], p.value, p.entry.get("multiple"), p.entry.get("deadline"),
            p.entry.get("per_year", False)) for p in extract_targets(text, "unseen-plan")]
    assert got == [
        ("qualitative", "qualitative", None, None, 2021, False),  # 未来三年 from a plan issued in 2019
        ("outcome", "at_least", 1500, None, 2021, False),
        ("outcome", "growth_rate", 20, None, 2021, False),
        ("outcome", "exact", 15, None, 2021, False),
        ("outcome", "at_least", 50, None, 2021, False),
        ("outcome", "at_least", 24_000_000_000, 2, 2021, False),
        ("outcome", "exact", 5000, None, 2021, True),
        ("outcome", "exact", 200, None, 2021, False),
        ("outcome", "approx", 1.8, None, 2021, False),
        ("policy_floor", "at_least", 500_000_000, None, 2021, True),  # per-year: the plan's end (issue 18)
    ]


def test_an_unknown_suffix_is_refused(tmp_path):
    path = tmp_path / "policy.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ValueError, match=r"cannot read \.pdf"):
        read_document(path)


# --- the command -------------------------------------------------------------------------------------------------


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("extract-targets")(extract_targets_command)

    @app.command()
    def other() -> None:  # a second command, so typer keeps sub-command names as the real CLI does
        """placeholder"""

    return app


def test_command_prints_yaml_that_pastes_under_targets():
    result = CliRunner().invoke(_app(), ["extract-targets", str(FIXTURES / "policy-gb18030.txt")])
    assert result.exit_code == 0, result.output
    assert "# confidence" in result.output
    entries = yaml.safe_load("targets:\n" + result.output)["targets"]
    assert [e.get("value") for e in entries] == [None, 200, 120000]
    assert entries[2]["per_year"] is True
    assert entries[1]["sources"][0]["quote"] == "形成200个众创空间。"
    assert entries[1]["id"] == "policy-gb18030-maker-spaces"  # document id from the file name
    for entry in entries:
        Target.model_validate(entry)  # the catalogue's own schema


def test_command_prints_json_with_confidence_and_rule():
    result = CliRunner().invoke(_app(), [
        "extract-targets", str(FIXTURES / "policy-big5.txt"), "--format", "json", "--document-id", "x-2020",
        "--catalogue", str(FIXTURES / "catalogue.yaml"),
    ])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert [p["entry"]["value"] for p in got] == [30, 600]
    assert got[0]["entry"]["sources"][0]["document"] == "x-2020"
    assert got[0]["entry"]["jurisdiction"] == "testshi"  # 測試市人民政府, through the catalogue's alias
    assert (got[0]["entry"]["indicator"], got[0]["indicator_status"]) == ("maker_spaces", "matched")
    assert {"confidence", "rule", "char_start", "char_end", "problems"} <= set(got[0])


def test_command_refuses_an_unknown_format_and_a_missing_file(tmp_path):
    bad_format = CliRunner().invoke(_app(), ["extract-targets", str(FIXTURES / "policy.html"), "--format", "xml"])
    assert bad_format.exit_code == 2
    missing = CliRunner().invoke(_app(), ["extract-targets", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2


def test_min_confidence_filters(tmp_path):
    path: Path = tmp_path / "p.txt"
    path.write_text("到2020年，形成300个众创空间。\n", encoding="utf-8")
    options = ["--catalogue", str(FIXTURES / "catalogue.yaml"), "-f", "json"]
    low = CliRunner().invoke(_app(), ["extract-targets", str(path), *options])
    high = CliRunner().invoke(_app(), ["extract-targets", str(path), "--min-confidence", "1.0", *options])
    assert [p["confidence"] for p in json.loads(low.output)] == [0.8]  # figure 0.4, verb 0.2, deadline 0.1, alias 0.1
    assert high.exit_code == 0 and json.loads(high.output) == []
